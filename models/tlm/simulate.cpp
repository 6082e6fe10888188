#include "tlm/simulate.h"

#include <systemc>

#if defined(__SANITIZE_ADDRESS__)
#include <pthread.h>
#include <sanitizer/common_interface_defs.h>

#include <cstddef>
#endif

namespace mckit::tlm_models {

namespace {

#if defined(__SANITIZE_ADDRESS__)
// A switch from the calling thread's own stack to itself, which leaves ASan's idea of the
// current stack on it.
void announce_thread_stack() {
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) != 0) return;
  void* bottom = nullptr;
  std::size_t size = 0;
  const bool known = pthread_attr_getstack(&attributes, &bottom, &size) == 0;
  pthread_attr_destroy(&attributes);
  if (!known) return;
  void* fake_stack = nullptr;
  __sanitizer_start_switch_fiber(&fake_stack, bottom, size);
  __sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
}
#else
void announce_thread_stack() {}
#endif

}  // namespace

void simulate() {
  sc_core::sc_start();
  announce_thread_stack();
}

}  // namespace mckit::tlm_models
