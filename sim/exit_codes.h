// Exit codes of `mckit`.
#pragma once

namespace mckit::sim {
constexpr int kExitOk = 0;
constexpr int kExitViolations = 1;  // the run or log broke a DRAM constraint
constexpr int kExitBadInput = 2;    // bad option, preset, log or trace: one message says which
constexpr int kExitFailed = 3;      // the simulation itself failed (a controller that hangs)
}
