#include "dram/dram_command.h"

#include <cctype>
#include <sstream>

namespace mckit::dram {

std::string_view command_name(Command c) {
  return kCommandNames.at(static_cast<std::size_t>(c));
}

std::optional<Command> parse_command(std::string_view text) {
  for (std::size_t i = 0; i < kCommandNames.size(); ++i) {
    const std::string_view name = kCommandNames[i];
    if (name.size() != text.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k)
      same = std::toupper(static_cast<unsigned char>(text[k])) ==
             std::toupper(static_cast<unsigned char>(name[k]));
    if (same) return static_cast<Command>(i);
  }
  return std::nullopt;
}

std::string describe(const DramCommand& c) {
  std::ostringstream out;
  out << command_name(c.cmd) << " r" << c.rank;
  switch (c.cmd) {
    case Command::ACT:
      out << " bg" << c.bank_group << " b" << c.bank << " row " << c.row;
      break;
    case Command::PRE:
    case Command::REFpb:
      out << " bg" << c.bank_group << " b" << c.bank;
      break;
    case Command::REFsb:  // the bank index in every bank group
      out << " b" << c.bank;
      break;
    case Command::RD:
    case Command::RDA:
    case Command::WR:
    case Command::WRA:
      out << " bg" << c.bank_group << " b" << c.bank << " row " << c.row << " col " << c.column;
      break;
    default:
      break;
  }
  return out.str();
}

}  // namespace mckit::dram
