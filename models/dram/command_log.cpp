#include "dram/command_log.h"

#include <charconv>
#include <sstream>

#include "common/input_error.h"
#include "common/input_file.h"
#include "common/line_reader.h"
#include "common/quoted_text.h"
#include "dram/timing_checker.h"

namespace mckit::dram {

namespace {

// The checker keeps cycles as int64 and adds timings (at most 2^24) to them.
constexpr std::uint64_t kMaxCycle = std::uint64_t(1) << 62;

bool parse_number(const std::string& text, std::uint64_t& value) {
  const bool hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  const char* begin = text.data() + (hex ? 2 : 0);
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, value, hex ? 16 : 10);
  return ec == std::errc() && ptr == end;
}

}  // namespace

void read_command_log(std::istream& in, const std::string& file, const Organization& org,
                      const std::function<void(const LoggedCommand&)>& sink) {
  static const char* const kFieldNames[] = {"cycle", "command", "rank", "bank group",
                                            "bank", "row", "column"};
  LineReader lines(*in.rdbuf(), file);
  std::uint64_t previous_cycle = 0;
  auto fail = [&](const std::string& what) -> void { lines.fail(what); };
  while (lines.next()) {
    std::istringstream fields(std::string(lines.line().substr(0, lines.line().find('#'))));
    std::vector<std::string> f;
    for (std::string word; fields >> word;) f.push_back(word);
    if (f.empty()) continue;

    LoggedCommand lc;
    lc.line = std::size_t(lines.number());
    DramCommand& c = lc.command;
    if (f.size() < 2) fail("expected 'cycle command rank bank_group bank row column'");
    const auto cmd = parse_command(f[1]);
    if (!cmd) fail("unknown command " + quoted_excerpt(f[1]) +
           " (expected NOP ACT PRE PREA RD RDA WR WRA REF REFpb REFsb)");
    c.cmd = *cmd;
    const bool short_form_ok = c.cmd == Command::NOP || c.cmd == Command::REF ||
                               c.cmd == Command::PREA;
    if (f.size() != 7 && !(short_form_ok && f.size() == 3))
      fail("expected 7 fields (cycle command rank bank_group bank row column)" +
           std::string(short_form_ok ? " or 3 (cycle command rank)" : "") + ", got " +
           std::to_string(f.size()));
    std::uint64_t v[7] = {};
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (i == 1) continue;
      if (!parse_number(f[i], v[i]))
        fail(std::string(kFieldNames[i]) + " must be a decimal or 0x-hex number, got " +
             quoted_excerpt(f[i]));
    }
    if (v[0] > kMaxCycle)
      fail("cycle " + f[0] + " out of range (at most " + std::to_string(kMaxCycle) + ")");
    c.cycle = v[0];
    if (c.cycle < previous_cycle)
      fail("cycle " + std::to_string(c.cycle) + " is before the previous command's cycle " +
           std::to_string(previous_cycle));
    previous_cycle = c.cycle;
    for (std::size_t i = 2; i < f.size(); ++i)
      if (v[i] > UINT32_MAX) fail(std::string(kFieldNames[i]) + " " + f[i] + " out of range");
    c.rank = std::uint32_t(v[2]);
    c.bank_group = std::uint32_t(v[3]);
    c.bank = std::uint32_t(v[4]);
    c.row = std::uint32_t(v[5]);
    c.column = std::uint32_t(v[6]);
    if (const std::string error = address_range_error(c, org); !error.empty()) fail(error);
    sink(lc);
  }
}

LogCheckResult check_command_log(const std::string& path, const DramPreset& preset) {
  InputFile file(path, "command log");
  std::istream in(&file);
  DramDevice device(preset);
  LogCheckResult result;
  const std::vector<std::uint8_t> zeros(std::size_t(device.burst_bytes()), 0);
  read_command_log(in, path, preset.org, [&](const LoggedCommand& lc) {
    const std::size_t added = device.issue(lc.command, zeros.data());
    const auto& all = device.violations();
    for (std::size_t i = all.size() - added; i < all.size(); ++i)
      result.violations.emplace_back(lc.line, all[i]);
    result.last_cycle = lc.command.cycle;
    if (lc.command.cmd != Command::NOP) ++result.commands;
  });
  const std::size_t before = device.violations().size();
  device.finish(result.last_cycle);
  for (std::size_t i = before; i < device.violations().size(); ++i)
    result.violations.emplace_back(0, device.violations()[i]);
  result.energy = device.energy();
  return result;
}

}  // namespace mckit::dram
