// Traces in mckit's and the peer simulators' formats: round trips, format detection, one exact
// message per malformed line, alignment and capacity, reading once as a stream (pipes, FIFOs,
// gzip, bounded lines, flat memory), and `mckit run` / `mckit trace export` end to end.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common/input_error.h"
#include "support/mckit_cli.h"
#include "workloads/microbench.h"
#include "workloads/planned_source.h"
#include "workloads/trace_format.h"
#include "workloads/trace_source.h"
#include "workloads/trace_writer.h"
#include "workloads/workload_registry.h"

namespace mckit::workloads {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr std::uint64_t kCapacity = 1ull << 30;      // 1 GiB
constexpr std::uint64_t kDdr4Capacity = 8ull << 30;  // the ddr4-3200 preset the CLI uses

const TraceFormat kFormats[] = {TraceFormat::Ramulator, TraceFormat::Ramulator2,
                                TraceFormat::Dramsim3, TraceFormat::Dramsys, TraceFormat::Mckit};

// One directory per test process for the traces a test writes.
class Traces : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mckit_traces_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::string write_file(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary) << text;
    return path(name);
  }

  fs::path dir_;
};

TraceParams params(const std::string& path, int burst_bytes = 64) {
  TraceParams p;
  p.path = path;
  p.burst_bytes = burst_bytes;
  p.capacity = kCapacity;
  return p;
}

std::vector<Request> drain(RequestSource& s) {
  std::vector<Request> out;
  Request r;
  while (s.next(r)) out.push_back(r);
  return out;
}

std::vector<Request> read_trace(const TraceParams& p) {
  TraceSource s(p);
  return drain(s);
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string trace_error(const TraceParams& p) {
  return error_of([&] { read_trace(p); });
}

WorkloadParams random_writes_and_reads() {
  WorkloadParams p;
  p.name = "random";
  p.requests = 600;
  p.seed = 5;
  p.read_fraction = 0.5;
  p.max_run = 4;
  p.burst_bytes = 64;
  p.capacity = kCapacity;
  return p;
}

std::vector<Request> generate(const WorkloadParams& p) {
  const std::unique_ptr<RequestSource> s = make_workload(p);
  return drain(*s);
}

void write_trace(const std::string& path, TraceFormat f, const std::vector<Request>& requests,
                 int burst_bytes = 64) {
  std::ofstream out(path, std::ios::binary);
  TraceWriter w(out, f, burst_bytes);
  for (const Request& r : requests) w.write(r);
}

TEST_F(Traces, EveryFormatRoundTripsAddressesAndDirections) {
  const std::vector<Request> original = generate(random_writes_and_reads());
  for (const TraceFormat f : kFormats) {
    SCOPED_TRACE(name_of(f));
    const std::string file = path("round." + name_of(f));
    write_trace(file, f, original);
    TraceSource source(params(file));
    EXPECT_EQ(source.format(), f);  // detected from what the writer wrote
    const std::vector<Request> back = drain(source);
    ASSERT_EQ(back.size(), original.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
      EXPECT_EQ(back[i].addr, original[i].addr) << i;
      EXPECT_EQ(back[i].write, original[i].write) << i;
    }
  }
}

TEST_F(Traces, DramsysCarriesWriteDataAndTheOthersAPatternPerRequest) {
  const std::vector<Request> original = generate(random_writes_and_reads());
  for (const TraceFormat f : kFormats) {
    SCOPED_TRACE(name_of(f));
    const std::string file = path("data." + name_of(f));
    write_trace(file, f, original);
    const std::vector<Request> back = read_trace(params(file));
    for (std::size_t i = 0; i < back.size(); ++i) {
      if (!back[i].write) continue;
      Request expected = original[i];
      if (f != TraceFormat::Dramsys) fill_pattern(expected, 0, i, 64);
      EXPECT_EQ(back[i].data, expected.data) << i;
    }
  }
}

TEST_F(Traces, MckitRoundTripsStreamsAndPartialMasks) {
  std::vector<Request> original(4);
  original[0].addr = 0x40;
  original[0].stream = 3;
  original[1].addr = 0x1000;
  original[1].write = true;
  original[1].mask = 0x00000000ffff0001ull;
  original[1].stream = 4294967295u;
  original[2].addr = 0x3fffffc0;  // the last burst of the capacity
  original[2].write = true;       // full mask: written as none
  original[3].addr = 0x80;
  original[3].mask = 0x8000000000000000ull;  // a partial read, last byte only
  const std::string file = path("streams.mckit");
  write_trace(file, TraceFormat::Mckit, original);
  const std::vector<Request> back = read_trace(params(file));
  ASSERT_EQ(back.size(), original.size());
  for (std::size_t i = 0; i < back.size(); ++i) {
    EXPECT_EQ(back[i].addr, original[i].addr) << i;
    EXPECT_EQ(back[i].write, original[i].write) << i;
    EXPECT_EQ(back[i].stream, original[i].stream) << i;
    EXPECT_EQ(back[i].mask, original[i].mask) << i;
  }
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(),
            "mckit-trace v1\n"
            "# R|W ADDRESS [stream=N] [mask=0xHEX] [cycle=N]  (docs/traces.md)\n"
            "R 0x40 stream=3\n"
            "W 0x1000 stream=4294967295 mask=0xffff0001\n"
            "W 0x3fffffc0\n"
            "R 0x80 mask=0x8000000000000000\n");
}

TEST_F(Traces, WritersUseEachPeersOwnSyntax) {
  std::vector<Request> two(2);
  two[0].addr = 0x1ff96fc0;
  two[1].addr = 0x2000d600;
  two[1].write = true;
  for (int i = 0; i < 64; ++i) two[1].data[std::size_t(i)] = std::uint8_t(i);
  // DRAMSys reads the data as one little-endian number: byte 0 is its last two digits.
  std::string data = "0x";
  for (int i = 63; i >= 0; --i) {
    char byte[3];
    std::snprintf(byte, sizeof byte, "%02x", i);
    data += byte;
  }
  const struct {
    TraceFormat format;
    std::string text;
  } cases[] = {
      {TraceFormat::Ramulator, "0x1ff96fc0 R\n0x2000d600 W\n"},
      {TraceFormat::Ramulator2, "LD 0x1ff96fc0\nST 0x2000d600\n"},
      {TraceFormat::Dramsim3, "0x1FF96FC0 READ 0\n0x2000D600 WRITE 1\n"},
      {TraceFormat::Dramsys, "0: read 0x1ff96fc0\n1: write 0x2000d600 " + data + "\n"},
  };
  for (const auto& c : cases) {
    std::ostringstream out;
    TraceWriter w(out, c.format, 64);
    for (const Request& r : two) w.write(r);
    EXPECT_EQ(out.str(), c.text) << name_of(c.format);
    EXPECT_EQ(w.written(), 2u);
  }
}

TEST_F(Traces, PeerFormatsRefuseAByteMaskRatherThanDropIt) {
  Request partial;
  partial.write = true;
  partial.mask = 0xff;
  for (const TraceFormat f : {TraceFormat::Ramulator, TraceFormat::Ramulator2,
                              TraceFormat::Dramsim3, TraceFormat::Dramsys}) {
    std::ostringstream out;
    TraceWriter w(out, f, 64);
    w.write(Request{});
    EXPECT_EQ(error_of([&] { w.write(partial); }), "request 1 has a byte mask, which the " +
                                                       name_of(f) +
                                                       " format cannot carry: use --format mckit");
  }
}

TEST_F(Traces, FormatIsDetectedFromTheFirstMeaningfulLine) {
  EXPECT_EQ(detect_trace_format("LD 0x40"), TraceFormat::Ramulator2);
  EXPECT_EQ(detect_trace_format("ST 64"), TraceFormat::Ramulator2);
  EXPECT_EQ(detect_trace_format("0x1FF96FC0 READ   160"), TraceFormat::Dramsim3);
  EXPECT_EQ(detect_trace_format("1ff96fc0 WRITE 7"), TraceFormat::Dramsim3);
  EXPECT_EQ(detect_trace_format("0x40 P_MEM_WR 7"), TraceFormat::Dramsim3);
  // After a hex number the second word decides: R, W or nothing is Ramulator's DRAM trace.
  EXPECT_EQ(detect_trace_format("0x12345680 R"), TraceFormat::Ramulator);
  EXPECT_EQ(detect_trace_format("4cbd56c0 W"), TraceFormat::Ramulator);
  EXPECT_EQ(detect_trace_format("0x35d46f00"), TraceFormat::Ramulator);
  EXPECT_EQ(detect_trace_format("0x40 r"), TraceFormat::Dramsim3);  // Ramulator's are upper case
  // A number after a decimal one is a CPU trace, which no format takes.
  EXPECT_EQ(detect_trace_format("3 20734016"), std::nullopt);
  EXPECT_EQ(detect_trace_format("8 20841280 20841280"), std::nullopt);
  EXPECT_EQ(detect_trace_format("31: read 0x400140"), TraceFormat::Dramsys);
  EXPECT_EQ(detect_trace_format("\t81: (64) read 0x400180"), TraceFormat::Dramsys);
  EXPECT_EQ(detect_trace_format("mckit-trace v1"), TraceFormat::Mckit);
  EXPECT_EQ(detect_trace_format("R 0x40"), std::nullopt);  // a record before mckit's header
  EXPECT_EQ(detect_trace_format("read 0x40"), std::nullopt);
  EXPECT_EQ(detect_trace_format(":31 read 0x40"), std::nullopt);
  EXPECT_EQ(detect_trace_format("R 0,1,2,100,32"), std::nullopt);

  // Blank and comment lines (with Windows line ends) come before the line that decides.
  const std::string file =
      write_file("lead.trace", "\r\n# from DRAMSys\r\n   \r\n31: write 0x80\r\n");
  TraceSource s(params(file));
  EXPECT_EQ(s.format(), TraceFormat::Dramsys);
  const std::vector<Request> r = drain(s);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].addr, 0x80u);
  EXPECT_TRUE(r[0].write);
}

TEST_F(Traces, UnknownOrEmptyTracesAreErrors) {
  const std::string unknown = write_file("unknown.trace", "# a comment\nR 0x40\n");
  EXPECT_EQ(trace_error(params(unknown)),
            unknown +
                ":2: cannot tell the trace's format from 'R 0x40': expected 'ADDRESS R|W' "
                "(ramulator), 'LD|ST ADDRESS' (ramulator2), 'ADDRESS READ|WRITE CYCLE' "
                "(dramsim3), 'CYCLE: read|write ADDRESS' (dramsys) or the header "
                "'mckit-trace v1' (mckit), or give --trace-format");
  const std::string empty = write_file("empty.trace", "# nothing\n\n");
  EXPECT_EQ(trace_error(params(empty)), empty + ": the trace has no requests");
  const std::string header_only = write_file("header.trace", "mckit-trace v1\n# none\n");
  EXPECT_EQ(trace_error(params(header_only)), header_only + ": the trace has no requests");
  EXPECT_EQ(trace_error(params(path("missing.trace"))),
            path("missing.trace") + ": cannot open trace: No such file or directory");
  TraceParams named = params(unknown);
  named.format = "stl";
  EXPECT_EQ(trace_error(named),
            "unknown trace format 'stl' (expected ramulator, ramulator2, dramsim3, dramsys or "
            "mckit)");
}

TEST_F(Traces, AGivenFormatIsNotDetected) {
  const std::string file = write_file("given.trace", "0x40 READ 1\n");
  TraceParams p = params(file);
  p.format = "ramulator2";
  EXPECT_EQ(trace_error(p), file + ":1: expected LD or ST, got '0x40'");
  p.format = "dramsim3";
  EXPECT_EQ(read_trace(p).size(), 1u);
}

struct Malformed {
  TraceFormat format;
  std::string line;
  std::string expected;
};

// Each line comes third, after a good line and a comment, so the line number is checked too.
const Malformed kMalformed[] = {
    {TraceFormat::Ramulator, "0x4g R", "expected a hex address, got '0x4g'"},
    {TraceFormat::Ramulator, "0x40 r", "expected R or W after the address, got 'r'"},
    {TraceFormat::Ramulator, "0x40 READ", "expected R or W after the address, got 'READ'"},
    {TraceFormat::Ramulator, "0x40 W 5", "expected nothing after W, got '5'"},
    {TraceFormat::Ramulator, "0x40 R\x01\x7f", "expected R or W after the address, got 'R\\x01\\x7f'"},    {TraceFormat::Ramulator2, "ld 0x40", "expected LD or ST, got 'ld'"},
    {TraceFormat::Ramulator2, "LD",
     "expected an address after LD (0x and hex digits, or decimal), got nothing"},
    {TraceFormat::Ramulator2, "ST 0xZZ",
     "expected an address after ST (0x and hex digits, or decimal), got '0xZZ'"},
    {TraceFormat::Ramulator2, "ST 12ab",
     "expected an address after ST (0x and hex digits, or decimal), got '12ab'"},
    {TraceFormat::Ramulator2, "LD 0x40 64", "expected nothing after the address, got '64'"},
    {TraceFormat::Dramsim3, "0x40 RAED 5", "expected READ or WRITE after the address, got 'RAED'"},
    {TraceFormat::Dramsim3, "0x40 Read 5", "expected READ or WRITE after the address, got 'Read'"},
    {TraceFormat::Dramsim3, "0x40 P_LOCK_RD 5",
     "expected READ or WRITE after the address, got 'P_LOCK_RD'"},
    {TraceFormat::Dramsim3, "0x4g READ 5", "expected a hex address, got '0x4g'"},
    {TraceFormat::Dramsim3, "0x40 WRITE", "expected a decimal cycle after WRITE, got nothing"},
    {TraceFormat::Dramsim3, "0x40 READ 0x5", "expected a decimal cycle after READ, got '0x5'"},
    {TraceFormat::Dramsim3, "0x40 READ 5 7", "expected nothing after the cycle, got '7'"},
    {TraceFormat::Dramsim3, "0x10000000000000000 READ 5",
     "expected a hex address, got '0x10000000000000000'"},
    {TraceFormat::Dramsys, "31 read 0x40", "expected a cycle such as '31:', got '31'"},
    {TraceFormat::Dramsys, "31: READ 0x40", "expected read or write after the cycle, got 'READ'"},
    {TraceFormat::Dramsys, "31: (128) read 0x40",
     "expected a length of 64 bytes (one burst), got '(128)'"},
    {TraceFormat::Dramsys, "31: (x) read 0x40",
     "expected a length in bytes such as '(64)', got '(x)'"},
    {TraceFormat::Dramsys, "31: (64) rd 0x40", "expected read or write after the length, got 'rd'"},
    {TraceFormat::Dramsys, "31: read", "expected a hex address after read, got nothing"},
    {TraceFormat::Dramsys, "31: write 0x40 0x1234",
     "expected write data of 64 bytes as 0x and 128 hex digits, got '0x1234'"},
    {TraceFormat::Dramsys, "31: read 0x40 0x00", "expected nothing after the address, got '0x00'"},
    {TraceFormat::Mckit, "X 0x40", "expected R or W, got 'X'"},
    {TraceFormat::Mckit, "R",
     "expected an address after R (0x and hex digits, or decimal), got nothing"},
    {TraceFormat::Mckit, "W 0x40 mask=0x0",
     "expected a mask that enables at least one byte, got 'mask=0x0'"},
    {TraceFormat::Mckit, "W 0x40 mask=ff", "expected mask=0x and hex digits, got 'mask=ff'"},
    {TraceFormat::Mckit, "R 0x40 stream=1 stream=2",
     "expected one stream= field, got a second: 'stream=2'"},
    {TraceFormat::Mckit, "R 0x40 stream=4294967296",
     "expected stream=N with N a decimal number below 2^32, got 'stream=4294967296'"},
    {TraceFormat::Mckit, "R 0x40 cycle=-1",
     "expected cycle=N with N a decimal number, got 'cycle=-1'"},
    {TraceFormat::Mckit, "R 0x40 prio=3",
     "expected stream=N, mask=0xHEX or cycle=N after the address, got 'prio=3'"},
    {TraceFormat::Mckit, "mckit-trace v1", "expected R or W, got 'mckit-trace'"},
};

std::string good_start(TraceFormat f) {
  switch (f) {
    case TraceFormat::Ramulator: return "0x40 R\n";
    case TraceFormat::Ramulator2: return "LD 0x40\n";
    case TraceFormat::Dramsim3: return "0x40 READ 1\n";
    case TraceFormat::Dramsys: return "1: read 0x40\n";
    case TraceFormat::Mckit: return "mckit-trace v1\n";
  }
  return "";
}

TEST_F(Traces, EachMalformedLineNamesFileLineAndWhatWasExpected) {
  int n = 0;
  for (const Malformed& m : kMalformed) {
    SCOPED_TRACE(m.line);
    const std::string file = write_file("bad" + std::to_string(n++) + ".trace",
                                        good_start(m.format) + "# ok so far\n" + m.line + "\n");
    TraceParams p = params(file);
    EXPECT_EQ(trace_error(p), file + ":3: " + m.expected);  // detected
    p.format = name_of(m.format);
    EXPECT_EQ(trace_error(p), file + ":3: " + m.expected);  // given
  }
}

TEST_F(Traces, MckitHeaderIsVersioned) {
  const std::string file =
      write_file("v2.trace", "\n# written by a later mckit\nmckit-trace v2\nR 0x40\n");
  EXPECT_EQ(trace_error(params(file)),
            file + ":3: expected the header 'mckit-trace v1', got 'mckit-trace v2'");
  TraceParams given = params(write_file("headless.trace", "R 0x40\n"));
  given.format = "mckit";
  EXPECT_EQ(trace_error(given),
            given.path + ":1: expected the header 'mckit-trace v1', got 'R 0x40'");
}

TEST_F(Traces, MckitMasksMustFitTheBurst) {
  const std::string file = write_file(
      "mask32.trace", "mckit-trace v1\nW 0x20 mask=0xffffffff\nW 0x40 mask=0x100000000\n");
  EXPECT_EQ(
      trace_error(params(file, 32)),
      file + ":3: expected a mask within the 32-byte burst (bits 0 to 31), got 'mask=0x100000000'");
}

TEST_F(Traces, AddressesAlignDownToTheBurstAndStayBelowTheCapacity) {
  const std::vector<Request> r =
      read_trace(params(write_file("align.trace", "LD 0x47\nST 127\nLD 0x3fffffff\n")));
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].addr, 0x40u);
  EXPECT_EQ(r[1].addr, 64u);
  EXPECT_EQ(r[2].addr, 0x3fffffc0u);  // the capacity's last burst
  const std::string beyond = write_file("beyond.trace", "LD 0x3fffffff\nLD 0x40000000\n");
  EXPECT_EQ(trace_error(params(beyond)),
            beyond +
                ":2: expected an address below the memory's capacity of 1073741824 bytes "
                "(0x40000000), got 0x40000000");
}

TEST_F(Traces, ATraceLongerThanTheMemoryPlaysEveryLine) {
  // 64 KiB hold 1024 bursts; the trace sweeps them five times over and then some.
  std::string text;
  for (int i = 0; i < 5500; ++i)
    text += (i % 3 ? "LD " : "ST ") + std::to_string((i % 1024) * 64) + "\n";
  TraceParams p = params(write_file("sweeps.trace", text));
  p.capacity = 64 << 10;
  TraceSource counted(p);
  const WorkloadPlan plan = measure_plan(counted, 64);  // as `mckit run --plan` counts it
  EXPECT_EQ(plan.requests, 5500u);
  EXPECT_EQ(plan.write_bytes, 1834u * 64);
  EXPECT_EQ(plan.read_bytes, (5500u - 1834u) * 64);
  EXPECT_EQ(plan.footprint, 64u << 10);
  TraceSource s(p);
  const std::vector<Request> r = drain(s);
  ASSERT_EQ(r.size(), 5500u);
  EXPECT_EQ(r[5499].addr, (5499u % 1024) * 64);
}

TEST_F(Traces, RequestsCapTheTraceAndTheCapIsPlanned) {
  TraceParams p = params(write_file("cap.trace", "LD 0\nLD 64\nST 128\nLD 192\n"));
  p.max_requests = 3;
  TraceSource counted(p);
  const WorkloadPlan plan = measure_plan(counted, 64);
  EXPECT_EQ(plan.requests, 3u);
  EXPECT_EQ(plan.write_bytes, 64u);
  TraceSource s(p);
  EXPECT_EQ(drain(s).size(), 3u);
  EXPECT_EQ(s.played(), 3u);
  // Through the registry, as `mckit run` makes it.
  WorkloadParams w;
  w.name = "trace";
  w.trace_path = p.path;
  w.requests = 2;
  w.capacity = kCapacity;
  EXPECT_EQ(generate(w).size(), 2u);
}

TEST_F(Traces, DramsysDataIsOneLittleEndianNumber) {
  // DRAMSys (5.4 on) reads 0x0100...00 as a number: its last two digits are the first byte.
  const std::string file = write_file("le.stl", "5: write 0x40 0x01" + std::string(126, '0') +
                                                    "\n6: write 0x80 0x" +
                                                    std::string(126, '0') + "a5\n");
  const std::vector<Request> r = read_trace(params(file));
  ASSERT_EQ(r.size(), 2u);
  for (int i = 0; i < 64; ++i) {
    EXPECT_EQ(r[0].data[std::size_t(i)], i == 63 ? 0x01 : 0x00) << i;
    EXPECT_EQ(r[1].data[std::size_t(i)], i == 0 ? 0xa5 : 0x00) << i;
  }
}

std::string refusal(const std::string& line) {
  return refused_trace_kind(line);
}

TEST_F(Traces, RamulatorsCpuAndAddressVectorTracesAreRefusedByName) {
  const std::string cpu =
      "is a line of a Ramulator CPU trace ('BUBBLES ADDRESS [WRITEBACK-ADDRESS|R|W]': "
      "instructions between memory accesses, for Ramulator's core model), not a memory-request "
      "trace: mckit plays the requests that reach the memory, such as Ramulator's DRAM trace "
      "'ADDRESS R|W'";
  // Ramulator's cpu.trace and Ramulator 2.0's SimpleO3 example: a read, or a read and a
  // write-back; Ramulator's unfiltered traces: a read or a write.
  EXPECT_EQ(refusal("3 20734016"), "'3 20734016' " + cpu);
  EXPECT_EQ(refusal("8 20841280 20841280"), "'8 20841280 20841280' " + cpu);
  EXPECT_EQ(refusal("2 0x1a40 W"), "'2 0x1a40 W' " + cpu);
  EXPECT_EQ(refusal("R 0,1,2,100,32"),
            "'R 0,1,2,100,32' is a line of a Ramulator 2.0 ReadWriteTrace ('R|W' and a DRAM "
            "address vector, whose levels depend on Ramulator's device organization), not a "
            "byte-address trace: mckit plays byte addresses, such as Ramulator 2.0's "
            "LoadStoreTrace 'LD|ST ADDRESS'");
  // Lines of a format mckit reads, or of none, are not refused as such.
  EXPECT_EQ(refusal("0x40 R"), "");
  EXPECT_EQ(refusal("0x40 READ 3"), "");
  EXPECT_EQ(refusal("R 0x40"), "");
  EXPECT_EQ(refusal("R 0,x"), "");
  EXPECT_EQ(refusal("1f 20"), "");  // not a decimal count before the number
  const std::string file = write_file("cpu.trace", "# SPEC\n3 20734016\n1 20846400\n");
  EXPECT_EQ(trace_error(params(file)), file + ":2: '3 20734016' " + cpu);
}

TEST_F(Traces, LinesAreAtMost4096Bytes) {
  const std::string longest = "LD 0x40" + std::string(4096 - 7, ' ');
  const std::string too_long = "LD " + std::string(4094, '7');
  const std::string file = write_file(
      "long.trace", longest + "\n" + longest + "\r\n" + too_long + "\nLD 0x80\n");
  TraceSource s(params(file));
  Request r;
  EXPECT_TRUE(s.next(r));
  EXPECT_TRUE(s.next(r));  // 4096 bytes and a Windows line end
  EXPECT_EQ(error_of([&] { s.next(r); }),
            file + ":3: line longer than 4096 bytes: 'LD " + std::string(77, '7') + "'...");
  // Without any line end (a binary file, /dev/zero) it fails as soon as the line is too long.
  const std::string endless = write_file("endless.trace", std::string(1 << 20, 'x'));
  EXPECT_EQ(trace_error(params(endless)),
            endless + ":1: line longer than 4096 bytes: '" + std::string(80, 'x') + "'...");
}

TEST_F(Traces, BinaryBytesAreQuotedEscapedAndShort) {
  const std::string nul = write_file("nul.trace", std::string("LD 0x40\nLD 0x\0\x01\n", 16));
  EXPECT_EQ(trace_error(params(nul)),
            nul + ":2: expected an address after LD (0x and hex digits, or decimal), got "
                  "'0x\\x00\\x01'");
  const std::string elf =
      write_file("elf.trace", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\n", 18));
  EXPECT_EQ(trace_error(params(elf)),
            elf + ":1: cannot tell the trace's format from '\\x7fELF\\x02\\x01\\x01\\x00\\x00"
                  "\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x03': expected 'ADDRESS R|W' (ramulator), "
                  "'LD|ST ADDRESS' (ramulator2), 'ADDRESS READ|WRITE CYCLE' (dramsim3), "
                  "'CYCLE: read|write ADDRESS' (dramsys) or the header 'mckit-trace v1' "
                  "(mckit), or give --trace-format");
  std::string junk = "LD 0x40\nST " + std::string(200, 'z') + "\n";
  const std::string wide = write_file("wide.trace", junk);
  EXPECT_EQ(trace_error(params(wide)),
            wide + ":2: expected an address after ST (0x and hex digits, or decimal), got '" +
                std::string(80, 'z') + "'...");
}

TEST_F(Traces, AByteOrderMarkAtTheStartIsSkipped) {
  const std::string file = write_file("bom.trace", "\xEF\xBB\xBFLD 0x40\r\nST 0x80\r\n");
  TraceSource s(params(file));
  EXPECT_EQ(s.format(), TraceFormat::Ramulator2);
  const std::vector<Request> r = drain(s);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].addr, 0x80u);
  EXPECT_TRUE(r[1].write);
  // Only at the start: anywhere else the mark is text.
  const std::string later = write_file("bom2.trace", "LD 0x40\n\xEF\xBB\xBFLD 0x80\n");
  EXPECT_EQ(trace_error(params(later)), later + ":2: expected LD or ST, got '\\xef\\xbb\\xbfLD'");
}

// gzip, the command, compresses: the test does not use mckit's own code to make its input.
void gzip(const std::string& from, const std::string& to) {
  ASSERT_EQ(std::system(("gzip -c '" + from + "' > '" + to + "'").c_str()), 0);
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(Traces, GzipIsToldByItsBytesNotItsName) {
  const std::vector<Request> original = generate(random_writes_and_reads());
  const std::string plain = path("plain.trace");
  write_trace(plain, TraceFormat::Dramsim3, original);
  const std::string packed = path("packed.trace");  // no .gz in the name
  gzip(plain, packed);
  const std::vector<Request> a = read_trace(params(plain)), b = read_trace(params(packed));
  ASSERT_EQ(b.size(), original.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(b[i].addr, a[i].addr) << i;
    EXPECT_EQ(b[i].write, a[i].write) << i;
    EXPECT_EQ(b[i].data, a[i].data) << i;
  }
  // Members one after another (`cat a.gz b.gz`) read as the files one after another.
  const std::string head = write_file("head.trace", "0x40 READ 1\n");
  gzip(head, path("head.gz"));
  write_file("two.gz", file_text(path("head.gz")) + file_text(packed));
  const std::vector<Request> two = read_trace(params(path("two.gz")));
  ASSERT_EQ(two.size(), original.size() + 1);
  EXPECT_EQ(two[0].addr, 0x40u);
  EXPECT_EQ(two[1].addr, original[0].addr);
}

TEST_F(Traces, TruncatedOrCorruptGzipIsOneErrorNamingTheFile) {
  const std::string plain = path("plain.trace");
  write_trace(plain, TraceFormat::Ramulator2, generate(random_writes_and_reads()));
  gzip(plain, path("whole.gz"));
  const std::string whole = file_text(path("whole.gz"));
  const std::string cut = write_file("cut.gz", whole.substr(0, whole.size() / 2));
  EXPECT_EQ(trace_error(params(cut)), cut + ": the gzip data is truncated: the file ends inside it");
  std::string bad_crc = whole;
  bad_crc[bad_crc.size() - 8] = char(bad_crc[bad_crc.size() - 8] ^ 0xff);  // the CRC-32 trailer
  const std::string corrupt = write_file("corrupt.gz", bad_crc);
  EXPECT_EQ(trace_error(params(corrupt)),
            corrupt + ": the gzip data is corrupt (incorrect data check)");
  const std::string magic_only = write_file("magic.gz", "\x1f\x8b");
  EXPECT_EQ(trace_error(params(magic_only)),
            magic_only + ": the gzip data is truncated: the file ends inside it");
}

TEST_F(Traces, AFifoIsReadOnceAsItIsWritten) {
  const std::string fifo = path("trace.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] { std::ofstream(fifo) << "LD 0x40\nST 0x80\nLD 0xc0\n"; });
  TraceSource s(params(fifo));  // opening waits for the writer
  EXPECT_FALSE(s.rereadable());
  EXPECT_EQ(s.fraction_read(), std::nullopt);
  const std::vector<Request> r = drain(s);
  writer.join();
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[2].addr, 0xc0u);
  EXPECT_EQ(s.played(), 3u);
}

TEST_F(Traces, AFilesShareReadIsItsProgress) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "LD " + std::to_string(i * 64) + "\n";
  const std::string file = write_file("progress.trace", text);
  TraceSource s(params(file));
  EXPECT_TRUE(s.rereadable());
  // Opening reads one 64 KiB buffer of the file.
  EXPECT_EQ(s.fraction_read(), 65536.0 / double(text.size()));
  drain(s);
  EXPECT_EQ(s.fraction_read(), 1.0);
  EXPECT_EQ(s.played(), 20000u);
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;  // KiB on Linux
}

// Reading streams: a trace of millions of lines is read once, as it plays, holding one line at a
// time. Held in memory its requests would take 3M x 96 bytes = 288 MB.
TEST_F(Traces, MemoryDoesNotGrowWithTheTracesLength) {
  constexpr std::uint64_t kLines = 3'000'000;
  const std::string file = path("long.trace");
  {
    std::ofstream out(file, std::ios::binary);
    TraceWriter w(out, TraceFormat::Dramsim3, 64);
    Request r;
    for (std::uint64_t i = 0; i < kLines; ++i) {
      r.addr = (i * 64 * 7) % kCapacity;
      r.write = i % 4 == 0;
      w.write(r);
    }
  }
  const long before = peak_rss_kib();
  TraceSource s(params(file));
  std::uint64_t played = 0;
  Request r;
  while (s.next(r)) ++played;
  EXPECT_EQ(played, kLines);
  EXPECT_LT(peak_rss_kib() - before, 16 * 1024) << "KiB of peak memory grown";
}

// --- the command line -------------------------------------------------------------------

// The --stats a finished run wrote, less what differs between two runs of the same requests:
// the wall time and the workload's name.
json::value stats_of(const test::CliRun& r, const std::string& stats) {
  EXPECT_EQ(r.exit_code, 0) << r.output();
  std::ifstream in(stats);
  std::stringstream text;
  text << in.rdbuf();
  json::value v = json::parse(text.str());
  v.as_object().erase("wall_seconds");
  v.at("run").as_object().erase("workload");
  return v;
}

json::value stats_without_name(const std::string& run_args, const std::string& stats) {
  return stats_of(test::run_mckit("run --backend tlm " + run_args + " --stats " + stats), stats);
}

TEST_F(Traces, AnExportedWorkloadRunsWithTheGeneratorsStats) {
  const std::string generator =
      "--workload random --requests 2000 --read-fraction 0.6 --run-length 3";
  const json::value direct = stats_without_name(generator, path("direct.json"));
  EXPECT_EQ(direct.at("requests").at("total").to_number<std::uint64_t>(), 2000u);
  for (const TraceFormat f : kFormats) {
    SCOPED_TRACE(name_of(f));
    const std::string file = path("exported." + name_of(f));
    const test::CliRun e =
        test::run_mckit("trace export " + generator + " --format " + name_of(f) + " -o " + file);
    ASSERT_EQ(e.exit_code, 0) << e.output();
    EXPECT_EQ(e.out,
              "wrote 2000 requests (" +
                  std::to_string(direct.at("requests").at("reads").to_number<std::uint64_t>()) +
                  " reads, " +
                  std::to_string(direct.at("requests").at("writes").to_number<std::uint64_t>()) +
                  " writes) to " + file + " as " + name_of(f) + "\n");
    // The generator's options do nothing for a trace but are recorded in the parameters all
    // the same, so they are given; --requests is not: the trace's own count fills it in.
    json::value traced = stats_without_name(
        "--workload trace:" + file + " --read-fraction 0.6 --run-length 3", path("traced.json"));
    // The one parameter that differs: the format the trace was read in (detected here).
    json::value& format = traced.at("run").at("parameters").at("trace_format");
    EXPECT_EQ(format.as_string(), name_of(f));
    EXPECT_EQ(direct.at("run").at("parameters").at("trace_format").as_string(), "");
    format = "";
    EXPECT_EQ(traced, direct);
  }
}

TEST_F(Traces, TheRunNamesTheTraceItPlayed) {
  const std::string file = write_file("named.trace", "LD 0x0\nST 0x40\n");
  const test::CliRun r = test::run_mckit("run --backend tlm --workload trace:" + file);
  EXPECT_EQ(r.exit_code, 0) << r.output();
  EXPECT_NE(r.out.find("workload                trace:" + file + "\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("requests                2 (1 reads, 1 writes)"), std::string::npos)
      << r.out;
}

std::uint64_t count(const json::value& stats, const char* what) {
  return stats.at("requests").at(what).to_number<std::uint64_t>();
}

// Samples written by hand in each peer's own syntax, as its users' traces come.
TEST_F(Traces, PeerSamplesRunUnchanged) {
  std::string data = "0x";
  for (int i = 0; i < 64; ++i) data += "a5";
  const struct {
    const char* name;
    std::string text;
    std::uint64_t reads, writes;
  } samples[] = {
      // Ramulator's DRAM trace, as its dram.trace example, and a line with no type (a read).
      {"ramulator.trace", "0x12345680 R\n0x4cbd56c0 W\n0x35d46f00 R\n0x1a2B3c40\n", 3, 1},
      // Ramulator 2.0 LoadStoreTrace: one space, hex after 0x or decimal.
      {"ramulator2.trace", "LD 0x1ff96fc0\nLD 0X2000D600\nST 0x1ff97000\nLD 536928064\nST 4096\n",
       3, 2},
      // DRAMsim3: hex address, READ/WRITE, decimal cycle, spacing as in its example trace;
      // the other words its reader takes.
      {"dramsim3.trace",
       "0x1FF96FC0 READ   160\n0x2000D600 READ  165\n0x1FF970C0 WRITE    606\n"
       "1ff97100 WRITE 687\n0x1ff97140 write 700\n0x1ff97180 P_MEM_WR 701\n"
       "0x1ff971c0 BOFF 702\n0x1ff97200 read 703\n0x1ff97240 P_MEM_RD 704\n"
       "0x1ff97280 P_FETCH 705\n",
       5, 5},
      // DRAMSys .stl, as in its configs/README and example.stl: comments, tabs, an optional
      // length, data on writes.
      {"dramsys.stl",
       "# Comment lines begin with #\n# cycle: [(length)] command hex-address [hex-data]\n"
       "31: read 0x400140\n33:\tread\t0x400160\n56: write 0x7fff8000 " +
           data +
           "\n"
           "81: (64) read 0x400180\n90: write 0x400200\n",
       3, 2},
  };
  for (const auto& s : samples) {
    SCOPED_TRACE(s.name);
    const std::string file = write_file(s.name, s.text);
    const json::value stats = stats_without_name("--workload trace:" + file, path("peer.json"));
    EXPECT_EQ(count(stats, "reads"), s.reads);
    EXPECT_EQ(count(stats, "writes"), s.writes);
    EXPECT_EQ(stats.at("checks").at("clean"), json::value(true));
    // --requests caps the trace.
    const json::value capped =
        stats_without_name("--workload trace:" + file + " --requests 1", path("capped.json"));
    EXPECT_EQ(count(capped, "total"), 1u);
  }
}

TEST_F(Traces, CommandLineErrorsAreOneLineAndExitTwo) {
  const std::string bad = write_file("bad.trace", "0x40 READ 1\n0x80 RAED 2\n");
  test::CliRun r = test::run_mckit("run --backend tlm --workload trace:" + bad);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(),
            "mckit: " + bad + ":2: expected READ or WRITE after the address, got 'RAED'\n");

  const std::string far = write_file("far.trace", "LD 0x200000000\n");
  r = test::run_mckit("run --backend tlm --workload trace:" + far);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: " + far +
                            ":1: expected an address below the memory's capacity of 8589934592 "
                            "bytes (0x200000000), got 0x200000000\n");

  r = test::run_mckit("run --backend tlm --workload trace: ");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: --workload: trace:FILE needs the trace file's path\n");

  r = test::run_mckit("run --backend tlm --workload trace:" + bad + " --trace-format stl");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(),
            "mckit: --trace-format: unknown trace format 'stl' (expected ramulator, ramulator2, "
            "dramsim3, dramsys or mckit)\n");

  const std::string out = path("never.trace");
  r = test::run_mckit("trace export --workload random --requests 5 --format ramulator1 -o " + out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(),
            "mckit: --format: unknown trace format 'ramulator1' (expected ramulator, ramulator2, "
            "dramsim3, dramsys or mckit)\n");
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(Traces, ExportConvertsATraceBetweenFormats) {
  const std::string in = write_file("in.trace", "0x1FF96FC0 READ 160\n0x2000D600 WRITE 165\n");
  const std::string out = path("out.trace");
  const test::CliRun r =
      test::run_mckit("trace export --workload trace:" + in + " --format ramulator2 -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.output();
  std::ifstream f(out);
  std::stringstream text;
  text << f.rdbuf();
  EXPECT_EQ(text.str(), "LD 0x1ff96fc0\nST 0x2000d600\n");
}

// --- reading once, as a stream, from the command line ----------------------------------------

const std::string kMckit = MCKIT_BINARY;

// Each command line runs under `timeout 20`, so that a reader that hangs fails the test.
test::CliRun run_bounded(const std::string& command) {
  return test::run_shell("timeout 20 " + command);
}

TEST_F(Traces, DevZeroFailsAtOnceWithTheLineLengthMessage) {
  const test::CliRun r = run_bounded(kMckit + " run --backend tlm --workload trace:/dev/zero");
  EXPECT_EQ(r.exit_code, 2);
  std::string nuls;
  for (int i = 0; i < 20; ++i) nuls += "\\x00";  // 80 characters shown
  EXPECT_EQ(r.output(),
            "mckit: /dev/zero:1: line longer than 4096 bytes: '" + nuls + "'...\n");
}

// A trace of 3000 random requests, plain and gzip-compressed, and the stats of playing it.
class StreamedTraces : public Traces {
 protected:
  void SetUp() override {
    Traces::SetUp();
    plain_ = path("t.trace");
    const test::CliRun e = test::run_mckit(
        "trace export --workload random --requests 3000 --format dramsim3 -o " + plain_);
    ASSERT_EQ(e.exit_code, 0) << e.output();
    packed_ = plain_ + ".gz";
    gzip(plain_, packed_);
    expected_ = stats_without_name("--workload trace:" + plain_, path("plain.json"));
    ASSERT_EQ(count(expected_, "total"), 3000u);
  }
  json::value stats_from(const std::string& command) {
    return stats_of(run_bounded(command + " --stats " + path("s.json")), path("s.json"));
  }
  std::string plain_, packed_;
  json::value expected_;
};

TEST_F(StreamedTraces, AGzipFilePlaysAsThePlainOne) {
  EXPECT_EQ(stats_from(kMckit + " run --backend tlm --workload trace:" + packed_), expected_);
  // The results table too, but for the workload's name and the wall time.
  const test::CliRun a = test::run_mckit("run --backend tlm --workload trace:" + plain_);
  const test::CliRun b = test::run_mckit("run --backend tlm --workload trace:" + packed_);
  for (const char* row : {"requests", "bandwidth", "read latency mean", "read latency p99",
                          "row hits", "commands", "energy", "simulated time"})
    EXPECT_EQ(test::table_row(b.out, row), test::table_row(a.out, row)) << row;
}

TEST_F(StreamedTraces, AProcessSubstitutionPlays) {
  EXPECT_EQ(stats_from("bash -c '" + kMckit + " run --backend tlm --workload trace:<(zcat " +
                       packed_ + ") --stats " + path("s.json") + "'"),
            expected_);
  // Compressed data through a pipe: told by its bytes, with no name to go by.
  EXPECT_EQ(stats_from("bash -c '" + kMckit + " run --backend tlm --workload trace:<(cat " +
                       packed_ + ") --stats " + path("s.json") + "'"),
            expected_);
}

TEST_F(StreamedTraces, AFifoPlays) {
  const std::string fifo = path("t.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(stats_from("bash -c 'cat " + plain_ + " > " + fifo + " & " + kMckit +
                       " run --backend tlm --workload trace:" + fifo + " --stats " +
                       path("s.json") + "'"),
            expected_);
}

TEST_F(StreamedTraces, PlanCountsAPipeWithoutRunning) {
  const test::CliRun r = run_bounded("bash -c '" + kMckit + " run --workload trace:<(zcat " +
                                     packed_ + ") --plan'");
  EXPECT_EQ(r.exit_code, 0) << r.output();
  EXPECT_EQ(test::table_row(r.out, "requests"), "3000 bursts of 64 B");
}

TEST_F(StreamedTraces, APrefetcherNeedsATraceItCanReadTwice) {
  const test::CliRun r = run_bounded("bash -c '" + kMckit +
                                     " run --backend tlm --prefetcher stream --workload "
                                     "trace:<(cat " + plain_ + ")'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(),
            "mckit: --prefetcher compares the run with one without it, which reads the trace "
            "again, but /dev/fd/63 is not a regular file (a pipe or FIFO reads once): save the "
            "trace to a file first\n");
}

TEST_F(StreamedTraces, ATruncatedGzipStopsTheRunWithExitTwoAndNoStats) {
  const std::string whole = file_text(packed_);
  const std::string cut = write_file("cut.trace.gz", whole.substr(0, whole.size() * 2 / 3));
  const test::CliRun r =
      run_bounded(kMckit + " run --backend tlm --workload trace:" + cut + " --stats " +
                  path("cut.json"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: " + cut + ": the gzip data is truncated: the file ends inside it\n");
  EXPECT_FALSE(fs::exists(path("cut.json")));
}

// A malformed line late in the trace is found as it plays: one line, exit 2, and no --stats
// file, whichever process reads the line (the initiator's, the controller's, the baseline's).
TEST_F(StreamedTraces, ALateBadLineStopsTheRunWithFileLineAndExitTwo) {
  const std::string lines = file_text(plain_);
  const std::string bad =
      write_file("late.trace", lines + "0x40 RAED 3000\n" + lines.substr(0, 2000));
  for (const std::string options : {"--backend tlm", "--backend tlm --rate 4",
                                     "--backend tlm --prefetcher stream", "--backend rtl"}) {
    SCOPED_TRACE(options);
    const test::CliRun r = run_bounded(kMckit + " run " + options + " --workload trace:" + bad +
                                       " --stats " + path("late.json"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.output(),
              "mckit: " + bad + ":3001: expected READ or WRITE after the address, got 'RAED'\n");
    EXPECT_FALSE(fs::exists(path("late.json")));
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 4)
      << "no temporary left beside the stats";
}

TEST_F(Traces, ATraceWithAByteOrderMarkPlays) {
  const std::string file = write_file("bom.stl", "\xEF\xBB\xBF# from a Windows editor\r\n"
                                                 "0: read 0x40\r\n1: write 0x80\r\n");
  const json::value stats = stats_without_name("--workload trace:" + file, path("bom.json"));
  EXPECT_EQ(count(stats, "reads"), 1u);
  EXPECT_EQ(count(stats, "writes"), 1u);
}

TEST_F(Traces, RamulatorTracesRoundTripThroughExport) {
  // Ramulator's own dram.trace lines, a type left out (a read) and upper-case hex digits.
  const std::string in =
      write_file("dram.trace", "0x12345680 R\n0x4cbd56c0 W\n0x35d46f00 R\n0X1A2B3C40\n");
  const std::string out = path("again.trace");
  test::CliRun r =
      test::run_mckit("trace export --workload trace:" + in + " --format ramulator -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.output();
  EXPECT_EQ(r.out, "wrote 4 requests (3 reads, 1 writes) to " + out + " as ramulator\n");
  EXPECT_EQ(file_text(out), "0x12345680 R\n0x4cbd56c0 W\n0x35d46f00 R\n0x1a2b3c40 R\n");
  // Through another format and back, and played: the same requests.
  const std::string via = path("via.trace");
  ASSERT_EQ(test::run_mckit("trace export --workload trace:" + out + " --format dramsim3 -o " +
                            via).exit_code, 0);
  const std::string back = path("back.trace");
  ASSERT_EQ(test::run_mckit("trace export --workload trace:" + via + " --format ramulator -o " +
                            back).exit_code, 0);
  EXPECT_EQ(file_text(back), file_text(out));
  EXPECT_EQ(stats_without_name("--workload trace:" + back, path("b.json")),
            stats_without_name("--workload trace:" + in, path("a.json")));
}

TEST_F(Traces, ARamulatorCpuTraceIsRefusedByName) {
  const std::string file = write_file("cpu.trace", "3 20734016\n1 20846400\n8 20841280 20841280\n");
  const test::CliRun r = test::run_mckit("run --backend tlm --workload trace:" + file);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(),
            "mckit: " + file +
                ":1: '3 20734016' is a line of a Ramulator CPU trace ('BUBBLES ADDRESS "
                "[WRITEBACK-ADDRESS|R|W]': instructions between memory accesses, for Ramulator's "
                "core model), not a memory-request trace: mckit plays the requests that reach "
                "the memory, such as Ramulator's DRAM trace 'ADDRESS R|W'\n");
}

}  // namespace
}  // namespace mckit::workloads
