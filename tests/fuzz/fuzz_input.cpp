#include "fuzz/fuzz_input.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace mckit::fuzz {

namespace {

[[noreturn]] void fail(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

}  // namespace

std::string input_file(const std::uint8_t* data, std::size_t size) {
  static const int fd = ::memfd_create("mckit-fuzz-input", 0);
  if (fd < 0) fail("memfd_create");
  if (::ftruncate(fd, 0) != 0) fail("ftruncate");
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::pwrite(fd, data + done, size - done, off_t(done));
    if (n < 0 && errno != EINTR) fail("pwrite");
    if (n > 0) done += std::size_t(n);
  }
  return "/proc/self/fd/" + std::to_string(fd);
}

}  // namespace mckit::fuzz
