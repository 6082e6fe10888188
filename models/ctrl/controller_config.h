// The run-time policy of a memory controller, shared by the RTL and the C++ model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mckit::ctrl {

// Encodings match rtl/mc_pkg.sv.
enum class Scheduler : std::uint8_t { Fcfs = 0, FrFcfs = 1, FrFcfsCap = 2 };
enum class PagePolicy : std::uint8_t { Open = 0, Closed = 1, Adaptive = 2 };
// Address bits from most to least significant; the channel field is empty (one channel).
enum class Mapping : std::uint8_t { RoBaRaCoCh = 0, RoRaBaCoCh = 1, RoBaRaCoBgCh = 2 };

struct ControllerConfig {
  Scheduler scheduler = Scheduler::FrFcfs;
  PagePolicy page_policy = PagePolicy::Open;
  Mapping mapping = Mapping::RoBaRaCoBgCh;
  bool xor_bank_hash = false;  // bank and bank-group bits XOR the low row bits
  int age_cap = 512;           // cycles, for FR-FCFS with the age cap
  int idle_timeout = 64;       // cycles a row stays open unused, adaptive page policy
  int write_high = 24;         // write queue drains from this many entries ...
  int write_low = 8;           // ... down to this many
  bool refresh = true;
  int refresh_postpone = 8;    // refreshes owed before one is forced
  int queue_depth = 32;        // entries of each queue (the RTL's is fixed at build time)
};

// Names as the command line and run files spell them; parse_* throw InputError.
const std::vector<std::string>& scheduler_names();    // fcfs, frfcfs, frfcfs-cap
const std::vector<std::string>& page_policy_names();  // open, closed, adaptive
const std::vector<std::string>& mapping_names();      // ro-ba-ra-co-ch, ro-ra-ba-co-ch, ro-ba-ra-co-bg-ch
Scheduler parse_scheduler(const std::string& name);
PagePolicy parse_page_policy(const std::string& name);
Mapping parse_mapping(const std::string& name);
std::string name_of(Scheduler s);
std::string name_of(PagePolicy p);
std::string name_of(Mapping m);

// Throws InputError when the values contradict each other (low watermark above high, ...).
void validate(const ControllerConfig& c);

}  // namespace mckit::ctrl
