// Running the SystemC simulation to its end, as every SystemC top of the kit does.
#pragma once

namespace mckit::tlm_models {

// sc_start() until the simulation stops. In an AddressSanitizer build it then tells ASan that
// the thread is back on its own stack: SystemC announces its switches into and between its
// threads' stacks, but not the last one back to sc_main, so ASan would otherwise keep the last
// thread's stack as the current one, skip unpoisoning on the next exception (and report false
// stack errors after it), and let LeakSanitizer scan a stack that is gone.
void simulate();

}  // namespace mckit::tlm_models
