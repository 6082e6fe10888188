// Every file mckit writes (traces, stats, waves and their save files): written to a temporary
// file beside its target and renamed into place once complete, so that a failed or
// interrupted run leaves the old file (or none), never a partial one. A target that exists and
// is not a regular file (a device such as /dev/null, a FIFO) is written in place.
#pragma once

#include <array>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace mckit {

// A stream buffer over a file descriptor that keeps the first write error's errno, so that a
// failure is reported with its cause however long after it the stream is checked.
class FdStreamBuf : public std::streambuf {
 public:
  void attach(int fd) { fd_ = fd; }
  // Writes what is buffered and closes the descriptor; false (and error() set) on failure.
  bool close();
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override;
  int sync() override;

 private:
  bool drain();

  int fd_ = -1;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

class OutputFile {
 public:
  // `what` names the output in messages ("--stats file"). Opens at once, so that a bad path
  // fails before any work: a directory, a folder that does not exist or cannot be written
  // throws InputError naming the path and the reason.
  OutputFile(std::string path, std::string what);
  ~OutputFile();  // removes the temporary unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return stream_; }
  // Where a writer that opens the file itself (the FST writer) should write; stream() is then
  // left unused.
  const std::string& write_path() const { return write_path_; }
  const std::string& path() const { return path_; }

  // Flushes, closes and renames the file into place. A failed write, close or rename throws
  // InputError naming the path, and no partial file is left.
  void commit();

 private:
  [[noreturn]] void fail(const std::string& reason);

  std::string path_, what_, write_path_;
  bool in_place_ = false;
  bool committed_ = false;
  FdStreamBuf buffer_;
  std::ostream stream_{&buffer_};
};

// Throws InputError when `output` names the same file as one of `inputs` (the same path, or
// the same file under another name), before anything is written.
void refuse_input_as_output(const std::string& output, const std::string& what,
                            const std::vector<std::string>& inputs);

}  // namespace mckit
