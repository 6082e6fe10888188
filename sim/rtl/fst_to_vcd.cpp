#include "rtl/fst_to_vcd.h"

#include "common/input_error.h"
#include "gtkwave/fstapi.h"

namespace mckit::sim {

void write_vcd_from_fst(const std::string& fst_path, std::FILE* vcd) {
  void* fst = fstReaderOpen(fst_path.c_str());
  if (!fst) throw InputError("cannot read waves file '" + fst_path + "' as FST");
  // The header first: it sizes the mask of the variables whose changes are written.
  bool read = fstReaderProcessHier(fst, vcd);
  fstReaderSetFacProcessMaskAll(fst);
  read = read && fstReaderIterBlocks(fst, nullptr, nullptr, vcd);
  fstReaderClose(fst);
  if (!read) throw InputError("cannot read waves file '" + fst_path + "' as FST");
}

}  // namespace mckit::sim
