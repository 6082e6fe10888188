#include "common/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <new>
#include <utility>

#include "common/input_error.h"

namespace mckit {

namespace {

constexpr std::size_t kBufferBytes = 1 << 16;
constexpr int kGzipWindowBits = 15 + 16;  // the largest window, and a gzip header and trailer

bool starts_with_gzip_magic(const char* bytes, std::size_t size) {
  return size >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

}  // namespace

InputFile::InputFile(std::string path, std::string what)
    : path_(std::move(path)), what_(std::move(what)), raw_(kBufferBytes) {
  do fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  while (fd_ < 0 && errno == EINTR);
  if (fd_ < 0) throw InputError(path_ + ": cannot open " + what_ + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd_);
      throw InputError(path_ + ": cannot open " + what_ + ": " + std::strerror(EISDIR));
    }
    if (S_ISREG(st.st_mode)) size_ = std::uint64_t(st.st_size);
  }
  // The first two bytes tell gzip from text; a pipe may hand them over one at a time.
  while (raw_end_ < 2) {
    const std::size_t n = read_some(raw_.data() + raw_end_, raw_.size() - raw_end_);
    if (n == 0) break;
    raw_end_ += n;
  }
  if (!starts_with_gzip_magic(raw_.data(), raw_end_)) return;
  inflater_ = std::make_unique<z_stream_s>();
  if (inflateInit2(inflater_.get(), kGzipWindowBits) != Z_OK) {
    inflater_.reset();
    ::close(fd_);
    throw std::bad_alloc();
  }
  in_member_ = true;
  text_.resize(kBufferBytes);
}

InputFile::~InputFile() {
  if (inflater_) inflateEnd(inflater_.get());
  ::close(fd_);
}

std::size_t InputFile::read_some(char* into, std::size_t max) {
  ssize_t n;
  do n = ::read(fd_, into, max);
  while (n < 0 && errno == EINTR);
  if (n < 0) throw InputError(path_ + ": cannot read " + what_ + ": " + std::strerror(errno));
  bytes_read_ += std::uint64_t(n);
  return std::size_t(n);
}

InputFile::int_type InputFile::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (inflater_) return inflate_some();
  if (raw_pos_ == raw_end_) {
    raw_pos_ = 0;
    raw_end_ = read_some(raw_.data(), raw_.size());
    if (raw_end_ == 0) return traits_type::eof();
  }
  setg(raw_.data() + raw_pos_, raw_.data() + raw_pos_, raw_.data() + raw_end_);
  raw_pos_ = raw_end_;
  return traits_type::to_int_type(*gptr());
}

InputFile::int_type InputFile::inflate_some() {
  z_stream_s& z = *inflater_;
  z.next_out = reinterpret_cast<Bytef*>(text_.data());
  z.avail_out = uInt(text_.size());
  while (z.avail_out == text_.size()) {
    if (z.avail_in == 0) {
      if (raw_pos_ == raw_end_) {
        raw_pos_ = 0;
        raw_end_ = read_some(raw_.data(), raw_.size());
      }
      z.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
      z.avail_in = uInt(raw_end_ - raw_pos_);
      raw_pos_ = raw_end_;
      if (z.avail_in == 0) {
        if (in_member_)
          throw InputError(path_ + ": the gzip data is truncated: the file ends inside it");
        return traits_type::eof();
      }
    }
    if (!in_member_) {  // another member follows, as `cat a.gz b.gz` makes
      inflateReset(&z);
      in_member_ = true;
    }
    const int status = inflate(&z, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      in_member_ = false;
    } else if (status == Z_MEM_ERROR) {
      throw std::bad_alloc();
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      throw InputError(path_ + ": the gzip data is corrupt (" +
                       (z.msg ? z.msg : "zlib status " + std::to_string(status)) + ")");
    }
  }
  setg(text_.data(), text_.data(), text_.data() + (text_.size() - z.avail_out));
  return traits_type::to_int_type(*gptr());
}

}  // namespace mckit
