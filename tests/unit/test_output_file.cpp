// Outputs are written beside their target and renamed once whole; errors name the path.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/input_error.h"
#include "common/output_file.h"
#include "common/quoted_text.h"

namespace fs = std::filesystem;
using mckit::InputError;
using mckit::OutputFile;

namespace {

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mckit_output_file_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::size_t files() {
    return std::size_t(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }

  fs::path dir_;
};

TEST_F(OutputFileTest, NothingAppearsUntilCommitThenTheWholeFile) {
  const fs::path target = dir_ / "out.txt";
  {
    std::ofstream(target) << "old\n";
    OutputFile out(target.string(), "test output");
    out.stream() << "new\n";
    EXPECT_EQ(read(target), "old\n");  // the old file stays whole until the rename
    EXPECT_NE(out.write_path(), target.string());
    out.commit();
  }
  EXPECT_EQ(read(target), "new\n");
  EXPECT_EQ(files(), 1u);
}

TEST_F(OutputFileTest, AnAbandonedOutputLeavesTheOldFileAndNoTemporary) {
  const fs::path target = dir_ / "out.txt";
  std::ofstream(target) << "old\n";
  {
    OutputFile out(target.string(), "test output");
    out.stream() << "half";
  }
  EXPECT_EQ(read(target), "old\n");
  EXPECT_EQ(files(), 1u);
}

TEST_F(OutputFileTest, BadPathsFailAtOnceNamingThePath) {
  try {
    OutputFile out(dir_.string(), "--stats file");
    FAIL() << "a directory was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write --stats file '" + dir_.string() + "': it is a directory");
  }
  const std::string missing = (dir_ / "no" / "such" / "out.json").string();
  EXPECT_THROW(OutputFile(missing, "--stats file"), InputError);
  EXPECT_EQ(files(), 0u);
}

TEST_F(OutputFileTest, AFailedWriteIsAFailure) {
  OutputFile out("/dev/full", "trace");
  out.stream() << std::string(1 << 16, 'x');
  try {
    out.commit();
    FAIL() << "a write to /dev/full succeeded";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write trace '/dev/full': No space left on device");
  }
}

TEST_F(OutputFileTest, PermissionsFollowTheUmaskNotTheTemporary) {
  const fs::path target = dir_ / "out.txt";
  OutputFile out(target.string(), "test output");
  out.commit();
  const fs::perms p = fs::status(target).permissions();
  EXPECT_NE(p & fs::perms::owner_read, fs::perms::none);
  EXPECT_NE(p & fs::perms::others_read, fs::perms::none);  // the test's umask is 022
}

TEST_F(OutputFileTest, AnInputIsNeverAnOutput) {
  const fs::path input = dir_ / "t.trace";
  std::ofstream(input) << "LD 0x0\n";
  fs::create_symlink(input, dir_ / "link.trace");
  for (const fs::path& same : {input, dir_ / "." / "t.trace", dir_ / "link.trace"})
    EXPECT_THROW(mckit::refuse_input_as_output(same.string(), "trace", {input.string()}),
                 InputError)
        << same;
  EXPECT_NO_THROW(mckit::refuse_input_as_output((dir_ / "u.trace").string(), "trace",
                                                {input.string(), ""}));
  EXPECT_EQ(read(input), "LD 0x0\n");
}

TEST(QuotedExcerpt, ControlCharactersAreEscapedAndLongTextCut) {
  EXPECT_EQ(mckit::quoted_excerpt("LD 0x40"), "'LD 0x40'");
  EXPECT_EQ(mckit::quoted_excerpt(std::string("a\0b\tc\x1b\xff", 7)), "'a\\x00b\\tc\\x1b\\xff'");
  EXPECT_EQ(mckit::quoted_excerpt(std::string(200, 'z')), "'" + std::string(80, 'z') + "'...");
  EXPECT_EQ(mckit::quoted_excerpt("abcdef", 3), "'abc'...");
  // The bound is on what is shown: binary junk shows as 20 escapes, never a split one.
  std::string shown;
  for (int i = 0; i < 20; ++i) shown += "\\x00";
  EXPECT_EQ(mckit::quoted_excerpt(std::string(100, '\0')), "'" + shown + "'...");
  EXPECT_EQ(mckit::quoted_excerpt(std::string(3, '\0'), 6), "'\\x00'...");
}

}  // namespace
