// A file read once, front to back, whatever it is: a regular file, a FIFO, the pipe of a
// process substitution, a device. Data compressed with gzip (told by its first two bytes, not
// by the file's name) is inflated on the way. Memory is two fixed buffers, however long the
// file.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

struct z_stream_s;

namespace mckit {

class InputFile : public std::streambuf {
 public:
  // `what` names the input in messages ("trace", "command log"). Opens `path` and reads its
  // first bytes; throws InputError "PATH: cannot open WHAT: REASON" (a directory included).
  InputFile(std::string path, std::string what);
  ~InputFile() override;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  const std::string& path() const { return path_; }
  bool compressed() const { return inflater_ != nullptr; }
  // Bytes of the file as stored (compressed, for gzip) read so far.
  std::uint64_t bytes_read() const { return bytes_read_; }
  // The size of a regular file; none for a pipe, a FIFO or a device, which can be read once.
  std::optional<std::uint64_t> size() const { return size_; }

 protected:
  // A read error, or gzip data that is corrupt or cut short, throws InputError naming the file.
  int_type underflow() override;

 private:
  std::size_t read_some(char* into, std::size_t max);  // 0 at the end of the file
  int_type inflate_some();

  std::string path_, what_;
  int fd_ = -1;
  std::optional<std::uint64_t> size_;
  std::uint64_t bytes_read_ = 0;
  std::vector<char> raw_;  // as stored; raw_[raw_pos_, raw_end_) not yet handed on
  std::size_t raw_pos_ = 0, raw_end_ = 0;
  std::vector<char> text_;  // inflated
  std::unique_ptr<z_stream_s> inflater_;
  bool in_member_ = false;  // inside a gzip member (a file may hold several, one after another)
};

}  // namespace mckit
