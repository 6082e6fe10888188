#include "workloads/trace_parse.h"

#include <cstdint>
#include <string>

#include "workloads/trace_tokens.h"

namespace mckit::workloads {

namespace {

[[noreturn]] void expected(const std::string& what) { throw TraceSyntaxError("expected " + what); }

void expect_end(Tokens& t, const std::string& after) {
  const std::string_view extra = t.next();
  if (!extra.empty()) expected("nothing after " + after + ", got " + quoted(extra));
}

// Ramulator's DRAM trace (its --mode=dram, Trace::get_dramtrace_request in src/Processor.cpp):
// `ADDRESS [R|W]`, the address in hex (0x optional), a read when the type is left out.
void parse_ramulator(std::string_view line, Request& out) {
  Tokens t(line);
  const std::string_view addr = t.next();
  if (!parse_hex(addr, out.addr)) expected("a hex address, got " + quoted(addr));
  const std::string_view op = t.next();
  if (op.empty()) return;
  if (op != "R" && op != "W") expected("R or W after the address, got " + quoted(op));
  out.write = op == "W";
  expect_end(t, std::string(op));
}

// Ramulator 2.0's LoadStoreTrace frontend: `LD ADDRESS` or `ST ADDRESS`, the address in hex
// after 0x (or 0X) or else in decimal.
void parse_ramulator2(std::string_view line, Request& out) {
  Tokens t(line);
  const std::string_view op = t.next();
  if (op != "LD" && op != "ST") expected("LD or ST, got " + quoted(op));
  out.write = op == "ST";
  const std::string_view addr = t.next();
  if (!parse_hex_or_decimal(addr, out.addr))
    expected("an address after " + std::string(op) + " (0x and hex digits, or decimal), got " +
             quoted(addr));
  expect_end(t, "the address");
}

// DRAMsim3's words for a request's kind (its Transaction reader in src/common.cc): these four
// write and every other word reads; mckit takes the read words its traces and DRAMSim2's use
// and refuses the rest, so that a misspelt WRITE is not played as a read.
bool dramsim3_kind(std::string_view word, bool& write) {
  static const std::string_view kWrites[] = {"WRITE", "write", "P_MEM_WR", "BOFF"};
  static const std::string_view kReads[] = {"READ", "read", "P_MEM_RD", "P_FETCH"};
  for (const std::string_view w : kWrites) {
    if (word != w) continue;
    write = true;
    return true;
  }
  for (const std::string_view r : kReads) {
    if (word != r) continue;
    write = false;
    return true;
  }
  return false;
}

// DRAMsim3's trace CPU: `ADDRESS KIND CYCLE`, the address in hex (0x optional), the cycle in
// decimal.
void parse_dramsim3(std::string_view line, Request& out) {
  Tokens t(line);
  const std::string_view addr = t.next();
  if (!parse_hex(addr, out.addr)) expected("a hex address, got " + quoted(addr));
  const std::string_view op = t.next();
  if (!dramsim3_kind(op, out.write))
    expected("READ or WRITE after the address, got " + quoted(op));
  const std::string_view cycle = t.next();
  std::uint64_t ignored = 0;
  if (!parse_decimal(cycle, ignored))
    expected("a decimal cycle after " + std::string(op) + ", got " + quoted(cycle));
  expect_end(t, "the cycle");
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// DRAMSys's write data: 0x and one hex number of two digits per byte of the burst, read
// little-endian: its last two digits are the burst's first byte (DRAMSys 5.4 and later).
bool parse_data(std::string_view text, int burst_bytes, Request& out) {
  if (text.size() != 2 + 2 * std::size_t(burst_bytes) || text[0] != '0' ||
      (text[1] != 'x' && text[1] != 'X'))
    return false;
  for (int i = 0; i < burst_bytes; ++i) {
    const std::size_t at = text.size() - 2 * std::size_t(i + 1);
    const int high = hex_value(text[at]);
    const int low = hex_value(text[at + 1]);
    if (high < 0 || low < 0) return false;
    out.data[std::size_t(i)] = std::uint8_t(high << 4 | low);
  }
  return true;
}

// DRAMSys's StlPlayer (.stl, and .rstl, whose cycles count from the previous request):
// `CYCLE: [(LENGTH)] read|write ADDRESS [DATA]`, the address in hex (0x optional), data
// only on writes and only where DRAMSys stores data.
bool parse_dramsys(std::string_view line, int burst_bytes, Request& out) {
  Tokens t(line);
  const std::string_view stamp = t.next();
  std::uint64_t number = 0;
  if (stamp.size() < 2 || stamp.back() != ':' ||
      !parse_decimal(stamp.substr(0, stamp.size() - 1), number))
    expected("a cycle such as '31:', got " + quoted(stamp));
  std::string_view op = t.next();
  std::string after = "the cycle";
  if (!op.empty() && op.front() == '(') {
    if (op.size() < 3 || op.back() != ')' || !parse_decimal(op.substr(1, op.size() - 2), number))
      expected("a length in bytes such as '(" + std::to_string(burst_bytes) + ")', got " +
               quoted(op));
    if (number != std::uint64_t(burst_bytes))
      expected("a length of " + std::to_string(burst_bytes) + " bytes (one burst), got " +
               quoted(op));
    op = t.next();
    after = "the length";
  }
  if (op != "read" && op != "write")
    expected("read or write after " + after + ", got " + quoted(op));
  out.write = op == "write";
  const std::string_view addr = t.next();
  if (!parse_hex(addr, out.addr))
    expected("a hex address after " + std::string(op) + ", got " + quoted(addr));
  if (!out.write) {
    expect_end(t, "the address");
    return false;
  }
  const std::string_view data = t.next();
  if (data.empty()) return false;
  if (!parse_data(data, burst_bytes, out))
    expected("write data of " + std::to_string(burst_bytes) + " bytes as 0x and " +
             std::to_string(2 * burst_bytes) + " hex digits, got " + quoted(data));
  expect_end(t, "the data");
  return true;
}

// A `key=value` field of an mckit line, given at most once.
bool take_field(std::string_view word, std::string_view key, bool& seen, std::string_view& value) {
  if (word.substr(0, key.size()) != key) return false;
  if (seen) expected("one " + std::string(key) + " field, got a second: " + quoted(word));
  seen = true;
  value = word.substr(key.size());
  return true;
}

// mckit's own: `R|W ADDRESS [stream=N] [mask=0xHEX] [cycle=N]`.
void parse_mckit(std::string_view line, int burst_bytes, Request& out) {
  Tokens t(line);
  const std::string_view op = t.next();
  if (op != "R" && op != "W") expected("R or W, got " + quoted(op));
  out.write = op == "W";
  const std::string_view addr = t.next();
  if (!parse_hex_or_decimal(addr, out.addr))
    expected("an address after " + std::string(op) + " (0x and hex digits, or decimal), got " +
             quoted(addr));
  bool stream_seen = false, mask_seen = false, cycle_seen = false;
  for (std::string_view word = t.next(); !word.empty(); word = t.next()) {
    std::string_view value;
    std::uint64_t number = 0;
    if (take_field(word, "stream=", stream_seen, value)) {
      if (!parse_decimal(value, number) || number > UINT32_MAX)
        expected("stream=N with N a decimal number below 2^32, got " + quoted(word));
      out.stream = std::uint32_t(number);
    } else if (take_field(word, "mask=", mask_seen, value)) {
      if (value.size() < 3 || value[0] != '0' || value[1] != 'x' ||
          !parse_hex_digits(value.substr(2), number))
        expected("mask=0x and hex digits, got " + quoted(word));
      if (number == 0) expected("a mask that enables at least one byte, got " + quoted(word));
      if (burst_bytes < 64 && number >> burst_bytes != 0)
        expected("a mask within the " + std::to_string(burst_bytes) + "-byte burst (bits 0 to " +
                 std::to_string(burst_bytes - 1) + "), got " + quoted(word));
      out.mask = number;
    } else if (take_field(word, "cycle=", cycle_seen, value)) {
      if (!parse_decimal(value, number))
        expected("cycle=N with N a decimal number, got " + quoted(word));
    } else {
      expected("stream=N, mask=0xHEX or cycle=N after the address, got " + quoted(word));
    }
  }
}

}  // namespace

void check_mckit_header(std::string_view line) {
  Tokens t(line);
  const std::string_view name = t.next();
  const std::string_view version = t.next();
  if (name != "mckit-trace" || version != "v1" || !t.next().empty())
    expected("the header 'mckit-trace v1', got " + quoted(line));
}

bool parse_trace_line(TraceFormat format, std::string_view line, int burst_bytes, Request& out) {
  switch (format) {
    case TraceFormat::Ramulator: parse_ramulator(line, out); return false;
    case TraceFormat::Ramulator2: parse_ramulator2(line, out); return false;
    case TraceFormat::Dramsim3: parse_dramsim3(line, out); return false;
    case TraceFormat::Dramsys: return parse_dramsys(line, burst_bytes, out);
    case TraceFormat::Mckit: parse_mckit(line, burst_bytes, out); return false;
  }
  return false;
}

}  // namespace mckit::workloads
