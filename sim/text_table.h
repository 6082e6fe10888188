// A plain-text table with aligned columns, for the terminal.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mckit::sim {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  void add_row(std::vector<std::string> cells);
  void print(std::ostream& out) const;  // columns of numbers right-aligned, others left

 private:
  std::vector<std::vector<std::string>> rows_;
};

std::string fixed(double value, int decimals);  // "25.60"

}  // namespace mckit::sim
