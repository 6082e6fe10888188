#include "text_table.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iomanip>

namespace mckit::sim {

namespace {
bool numeric(const std::string& s) {
  return !s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '+');
}
}  // namespace

TextTable::TextTable(std::vector<std::string> header) { rows_.push_back(std::move(header)); }

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(rows_.front().size());
  rows_.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
  std::vector<std::size_t> width(rows_.front().size(), 0);
  std::vector<bool> numbers(rows_.front().size(), true);  // right-align all-number columns
  for (std::size_t r = 0; r < rows_.size(); ++r)
    for (std::size_t i = 0; i < rows_[r].size(); ++i) {
      width[i] = std::max(width[i], rows_[r][i].size());
      if (r > 0 && !numeric(rows_[r][i])) numbers[i] = false;
    }
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    for (std::size_t i = 0; i < rows_[r].size(); ++i) {
      const std::string& cell = rows_[r][i];
      const bool right = r > 0 && numbers[i];
      const bool last = i + 1 == rows_[r].size();
      out << (i ? "  " : "") << (right ? std::right : std::left)
          << std::setw(last && !right ? 0 : int(width[i])) << cell;
    }
    out << std::right << '\n';
    if (r == 0) {
      std::size_t total = 0;
      for (std::size_t w : width) total += w + 2;
      out << std::string(total - 2, '-') << '\n';
    }
  }
}

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace mckit::sim
