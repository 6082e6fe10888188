// Reads a JSON file; a syntax error names the file and the line.
#pragma once

#include <boost/json.hpp>
#include <string>

namespace mckit {

// `what` says what the file is for the cannot-open message ("preset file", "run file").
boost::json::value read_json_file(const std::string& path, const std::string& what);

}  // namespace mckit
