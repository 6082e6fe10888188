#include "rtl/fst_contents.h"

#include <vector>

#include "gtkwave/fstapi.h"

namespace mckit::sim {

namespace {

// Verilator names vectors "sig [7:0]" and array elements "mem[3] [7:0]"; GTKWave shows them
// as "sig[7:0]" and "mem[3][7:0]", and a one-bit range "sig [0:0]" as "sig[0]".
std::string shown_name(const std::string& path, const std::string& raw) {
  std::string shown = path;
  for (char ch : raw)
    if (ch != ' ') shown += ch;
  const std::size_t open = shown.rfind('['), colon = shown.rfind(':');
  if (open != std::string::npos && colon != std::string::npos && colon > open &&
      shown.compare(open + 1, colon - open - 1, shown, colon + 1, shown.size() - colon - 2) == 0)
    shown.erase(colon, shown.size() - colon - 1);
  return shown;
}

}  // namespace

std::optional<FstContents> read_fst_contents(const std::string& path) {
  void* fst = fstReaderOpen(path.c_str());
  if (!fst) return std::nullopt;
  FstContents contents;
  contents.start_time = fstReaderGetStartTime(fst);
  contents.end_time = fstReaderGetEndTime(fst);
  std::vector<std::string> scopes;
  // An enum table reference (an attribute with an empty name) applies to the next variable.
  bool next_enumerated = false;
  while (const fstHier* h = fstReaderIterateHier(fst)) {
    if (h->htyp == FST_HT_SCOPE) {
      scopes.emplace_back(h->u.scope.name, h->u.scope.name_length);
    } else if (h->htyp == FST_HT_UPSCOPE) {
      if (!scopes.empty()) scopes.pop_back();
    } else if (h->htyp == FST_HT_ATTRBEGIN) {
      if (h->u.attr.typ == FST_AT_MISC && h->u.attr.subtype == FST_MT_ENUMTABLE &&
          h->u.attr.name_length == 0)
        next_enumerated = true;
    } else if (h->htyp == FST_HT_VAR) {
      std::string scope;
      for (const std::string& s : scopes) scope += s + ".";
      const std::string raw(h->u.var.name, h->u.var.name_length);
      contents.vars.emplace(scope + raw.substr(0, raw.find(' ')),
                            DumpVar{shown_name(scope, raw), h->u.var.length, next_enumerated});
      next_enumerated = false;
    }
  }
  fstReaderClose(fst);
  return contents;
}

}  // namespace mckit::sim
