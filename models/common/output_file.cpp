#include "common/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "common/input_error.h"

namespace mckit {

namespace fs = std::filesystem;

bool FdStreamBuf::drain() {
  const char* p = pbase();
  while (p < pptr() && error_ == 0) {
    const ssize_t n = ::write(fd_, p, std::size_t(pptr() - p));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) error_ = n < 0 ? errno : EIO;
    else p += n;
  }
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return error_ == 0;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type ch) {
  if (pbase() == nullptr) setp(buffer_.data(), buffer_.data() + buffer_.size());
  else if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

int FdStreamBuf::sync() { return drain() ? 0 : -1; }

bool FdStreamBuf::close() {
  if (fd_ < 0) return error_ == 0;
  drain();
  if (::close(fd_) != 0 && error_ == 0) error_ = errno;
  fd_ = -1;
  return error_ == 0;
}

namespace {

// The permissions a newly created file would get: 0666 less the umask.
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

OutputFile::OutputFile(std::string path, std::string what)
    : path_(std::move(path)), what_(std::move(what)) {
  if (path_.empty()) throw InputError(what_ + ": the path is empty");
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) fail("it is a directory");
    in_place_ = !S_ISREG(st.st_mode);
  }
  int fd = -1;
  if (in_place_) {
    write_path_ = path_;
    fd = ::open(path_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  } else {
    const fs::path target(path_);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd >= 0) {
      write_path_ = temp;
      ::fchmod(fd, new_file_mode());
    }
  }
  if (fd < 0) fail(std::strerror(errno));
  buffer_.attach(fd);
}

OutputFile::~OutputFile() {
  if (committed_) return;
  buffer_.close();
  if (!in_place_ && !write_path_.empty()) std::remove(write_path_.c_str());
}

void OutputFile::fail(const std::string& reason) {
  buffer_.close();
  if (!in_place_ && !write_path_.empty()) std::remove(write_path_.c_str());
  write_path_.clear();
  throw InputError("cannot write " + what_ + " '" + path_ + "': " + reason);
}

void OutputFile::commit() {
  stream_.flush();
  if (!buffer_.close()) fail(std::strerror(buffer_.error()));
  if (!in_place_ && std::rename(write_path_.c_str(), path_.c_str()) != 0)
    fail(std::strerror(errno));
  committed_ = true;
}

void refuse_input_as_output(const std::string& output, const std::string& what,
                            const std::vector<std::string>& inputs) {
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(output, ec);
  for (const std::string& input : inputs) {
    if (input.empty()) continue;
    std::error_code same_ec;
    const bool same = fs::equivalent(output, input, same_ec) ||
                      (!ec && fs::weakly_canonical(input, same_ec) == out);
    if (same)
      throw InputError(what + " '" + output + "' is the input '" + input +
                       "': choose another output path");
  }
}

}  // namespace mckit
