#include "workloads/trace_writer.h"

#include <charconv>
#include <string>

#include "common/input_error.h"

namespace mckit::workloads {

namespace {

void put_decimal(std::string& s, std::uint64_t v) {
  char buf[24];
  s.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// 0x and hex digits, lower case unless `upper` (DRAMsim3's own traces write upper case).
void put_hex(std::string& s, std::uint64_t v, bool upper = false) {
  char buf[24];
  char* end = std::to_chars(buf, buf + sizeof buf, v, 16).ptr;
  if (upper)
    for (char* c = buf; c != end; ++c)
      if (*c >= 'a') *c = char(*c - 'a' + 'A');
  s += "0x";
  s.append(buf, end);
}

// DRAMSys's write data: one hex number, two digits per byte, little-endian (the burst's last
// byte first, its first byte last).
void put_data(std::string& s, const Request& r, int burst_bytes) {
  static const char digits[] = "0123456789abcdef";
  s += " 0x";
  for (int i = burst_bytes - 1; i >= 0; --i) {
    s += digits[r.data[std::size_t(i)] >> 4];
    s += digits[r.data[std::size_t(i)] & 15];
  }
}

}  // namespace

TraceWriter::TraceWriter(std::ostream& out, TraceFormat format, int burst_bytes)
    : out_(out),
      format_(format),
      burst_bytes_(burst_bytes),
      full_mask_(burst_bytes >= 64 ? ~0ull : (1ull << burst_bytes) - 1) {
  if (format_ == TraceFormat::Mckit)
    out_ << "mckit-trace v1\n# R|W ADDRESS [stream=N] [mask=0xHEX] [cycle=N]  (docs/traces.md)\n";
}

void TraceWriter::write(const Request& r) {
  const bool partial = (r.mask & full_mask_) != full_mask_;
  if (partial && format_ != TraceFormat::Mckit)
    throw InputError("request " + std::to_string(written_) + " has a byte mask, which the " +
                     name_of(format_) + " format cannot carry: use --format mckit");
  std::string line;
  switch (format_) {
    case TraceFormat::Ramulator:
      put_hex(line, r.addr);
      line += r.write ? " W" : " R";
      break;
    case TraceFormat::Ramulator2:
      line = r.write ? "ST " : "LD ";
      put_hex(line, r.addr);
      break;
    case TraceFormat::Dramsim3:
      put_hex(line, r.addr, true);
      line += r.write ? " WRITE " : " READ ";
      put_decimal(line, written_);
      break;
    case TraceFormat::Dramsys:
      // With the data, DRAMSys can play the trace whether or not it stores data.
      put_decimal(line, written_);
      line += r.write ? ": write " : ": read ";
      put_hex(line, r.addr);
      if (r.write) put_data(line, r, burst_bytes_);
      break;
    case TraceFormat::Mckit:
      line = r.write ? "W " : "R ";
      put_hex(line, r.addr);
      if (r.stream != 0) {
        line += " stream=";
        put_decimal(line, r.stream);
      }
      if (partial) {
        line += " mask=";
        put_hex(line, r.mask & full_mask_);
      }
      break;
  }
  line += '\n';
  out_.write(line.data(), std::streamsize(line.size()));
  ++written_;
}

}  // namespace mckit::workloads
