// The run-time policy of a memory controller, shared by the RTL and the C++ model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Scheduler, PagePolicy, Mapping, PrefetcherKind and their names (kSchedulerNames, ...),
// generated with mc_pkg's enums from models/ctrl/controller_fields.json (docs/fields.md).
#include "ctrl/encodings.h"

namespace mckit::ctrl {

// The memory-side prefetcher (docs/prefetchers.md).
struct PrefetchConfig {
  PrefetcherKind kind = PrefetcherKind::None;
  // Far enough ahead that a requester with a few reads outstanding has not asked yet.
  int distance = 8;    // offset of the first candidate, in bursts (strides for stride): 0..15
  int degree = 4;      // candidates per prediction: 1..15
  int threshold = 2;   // stride: confidence needed before it predicts, 0..3
  int throttle = 50;   // % of data-bus cycles prefetch reads may take, 1..100
  int pressure = 16;   // read-queue entries from which candidates are dropped, 1..32
};

struct ControllerConfig {
  Scheduler scheduler = Scheduler::FrFcfs;
  PagePolicy page_policy = PagePolicy::Open;
  Mapping mapping = Mapping::RoBaRaCoBgCh;
  bool xor_bank_hash = false;  // bank and bank-group bits XOR the low row bits
  int age_cap = 512;           // cycles a request waits before it goes first (docs/controller.md)
  int idle_timeout = 64;       // cycles a row stays open unused, adaptive page policy
  int write_high = 24;         // write queue drains from this many entries ...
  int write_low = 8;           // ... down to this many
  bool refresh = true;
  int refresh_postpone = 8;    // refreshes owed before one is forced; capped at the standard's limit
  RefreshKind refresh_kind = RefreshKind::AllBank;
  int queue_depth = 32;        // entries of each queue (the RTL's is fixed at build time)
  PrefetchConfig prefetch;
};

// An integer setting as options and policy files spell it, the values it takes (the one place
// its bounds are written) and where it lives in a ControllerConfig.
struct IntegerSetting {
  const char* key;  // "age-cap"
  int min;
  int max;  // write-high, write-low and prefetch-pressure: within the default queue depth
  int& (*field)(ControllerConfig&);
};
const std::vector<IntegerSetting>& integer_settings();
const IntegerSetting& integer_setting(const std::string& key);  // throws std::logic_error

// Names as the command line and run files spell them (the declaration's, kSchedulerNames, ...,
// by value); parse_* throw InputError.
const std::vector<std::string>& scheduler_names();
const std::vector<std::string>& page_policy_names();
const std::vector<std::string>& mapping_names();
const std::vector<std::string>& prefetcher_names();
const std::vector<std::string>& refresh_kind_names();
Scheduler parse_scheduler(const std::string& name);
PagePolicy parse_page_policy(const std::string& name);
Mapping parse_mapping(const std::string& name);
PrefetcherKind parse_prefetcher(const std::string& name);
RefreshKind parse_refresh_kind(const std::string& name);
std::string name_of(Scheduler s);
std::string name_of(PagePolicy p);
std::string name_of(Mapping m);
std::string name_of(PrefetcherKind k);
std::string name_of(RefreshKind k);

// Throws InputError when the values contradict each other (low watermark above high, ...).
void validate(const ControllerConfig& c);

}  // namespace mckit::ctrl
