// Configuration JSON: a key given twice is refused with its path and line, at any depth, where
// Boost.JSON alone keeps the last; so are numbers beyond a double and text after the document.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "common/input_error.h"
#include "common/json_file.h"

namespace mckit {
namespace {

// A file of the test's own: ctest runs the tests of this program side by side.
std::string test_file() {
  return ::testing::TempDir() + "/" +
         ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json";
}

std::string error_of(const std::string& text) {
  const std::string path = test_file();
  std::ofstream(path) << text;
  try {
    read_json_file(path, "test file");
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind(path + ":", 0), 0u) << what;
    return what.substr(path.size());
  }
  return "<read>";
}

TEST(JsonFile, DuplicateKeysAreNamedWithTheirPathAndLine) {
  EXPECT_EQ(error_of("{\"a\": 1,\n \"a\": 2}"), ":2: duplicate key 'a'");
  EXPECT_EQ(error_of("{\"a\": {\"b\": 1,\n\n \"b\": 2}}"), ":3: duplicate key 'a.b'");
  EXPECT_EQ(error_of("{\"runs\": [{\"s\": 1}, {\"s\": 1, \"s\": 2}]}"),
            ":1: duplicate key 'runs[1].s'");
  EXPECT_EQ(error_of("[[1], {\"k\": [], \"k\": 0}]"), ":1: duplicate key '[1].k'");
  EXPECT_EQ(error_of("{\"a\\u0062\": 1, \"ab\": 2}"), ":1: duplicate key 'ab'");  // escaped
}

TEST(JsonFile, TheSameKeyInSeparateObjectsIsFine) {
  EXPECT_EQ(error_of("{\"a\": {\"k\": 1}, \"b\": {\"k\": 2}, \"c\": [{\"k\": 1}, {\"k\": 2}]}"),
            "<read>");
}

TEST(JsonFile, NumbersBeyondADoubleAndTrailingTextAreRefused) {
  EXPECT_EQ(error_of("{\"x\":\n -1e400}"), ":2: number '-1e400' is out of range");
  EXPECT_EQ(error_of("{\"x\": 1}\n{\"y\": 2}"), ":2: invalid JSON: extra data");
  EXPECT_EQ(error_of("{\"x\": nan}"), ":1: invalid JSON: syntax error");
}

TEST(JsonFile, ValuesReadBackWhole) {
  const std::string path = test_file();
  std::ofstream(path) << R"({"i": -3, "u": 18446744073709551615, "d": 2.5, "s": "t\u00e9", "n": null,
    "a": [true, false], "o": {}})";
  const boost::json::value v = read_json_file(path, "test file");
  EXPECT_EQ(v.at("i").as_int64(), -3);
  EXPECT_EQ(v.at("u").as_uint64(), 18446744073709551615u);
  EXPECT_EQ(v.at("d").as_double(), 2.5);
  EXPECT_EQ(v.at("s").as_string(), "t\xc3\xa9");
  EXPECT_TRUE(v.at("n").is_null());
  EXPECT_EQ(v.at("a"), boost::json::array({true, false}));
  EXPECT_TRUE(v.at("o").as_object().empty());
}

}  // namespace
}  // namespace mckit
