#include "dram/rule_expression.h"

#include <algorithm>
#include <cctype>

#include "common/input_error.h"
#include "common/quoted_text.h"

namespace mckit::dram {

namespace {

// Recursive descent: sum := product (('+' | '-') product)*; product := unary ('*' unary)*;
// unary := '-' unary | atom; atom := integer | name | name '(' sum (',' sum)* ')' | '(' sum ')'.
class Parser {
 public:
  Parser(const std::string& text, const NameLookup& lookup, const std::string& where)
      : text_(text), lookup_(lookup), where_(where) {}

  std::int64_t parse() {
    const std::int64_t value = sum();
    skip_space();
    if (pos_ != text_.size()) fail("unexpected '" + std::string(1, text_[pos_]) + "'");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(where_ + ": " + what + " in " + quoted_excerpt(text_));
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  static std::int64_t checked(std::int64_t value) {
    // Far beyond any timing; keeps every later sum clear of overflow.
    constexpr std::int64_t kLimit = std::int64_t(1) << 40;
    return std::clamp(value, -kLimit, kLimit);
  }

  std::int64_t sum() {
    std::int64_t value = product();
    for (;;) {
      if (take('+')) value = checked(value + product());
      else if (take('-')) value = checked(value - product());
      else return value;
    }
  }

  std::int64_t product() {
    std::int64_t value = unary();
    while (take('*')) value = checked(value * unary());
    return value;
  }

  std::int64_t unary() { return take('-') ? -unary() : atom(); }

  std::int64_t atom() {
    skip_space();
    if (pos_ >= text_.size()) fail("expression ends early");
    if (take('(')) {
      const std::int64_t value = sum();
      if (!take(')')) fail("missing ')'");
      return value;
    }
    const char c = text_[pos_];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      std::int64_t value = 0;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_])))
        value = checked(value * 10 + (text_[pos_++] - '0'));
      return value;
    }
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_')
      fail("unexpected '" + std::string(1, c) + "'");
    const std::size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
      ++pos_;
    const std::string name = text_.substr(start, pos_ - start);
    if (name == "max" || name == "min") return extreme(name == "max");
    const std::optional<std::int64_t> value = lookup_(name);
    if (!value) fail("unknown name '" + name + "'");
    return *value;
  }

  std::int64_t extreme(bool largest) {
    if (!take('(')) fail("'(' expected after " + std::string(largest ? "max" : "min"));
    std::int64_t value = sum();
    while (take(',')) {
      const std::int64_t next = sum();
      value = largest ? std::max(value, next) : std::min(value, next);
    }
    if (!take(')')) fail("missing ')'");
    return value;
  }

  const std::string& text_;
  const NameLookup& lookup_;
  const std::string& where_;
  std::size_t pos_ = 0;
};

}  // namespace

std::int64_t evaluate_expression(const std::string& text, const NameLookup& lookup,
                                 const std::string& where) {
  return Parser(text, lookup, where).parse();
}

void check_expression(const std::string& text, const NameLookup& lookup,
                      const std::string& where) {
  const NameLookup known = [&](std::string_view name) -> std::optional<std::int64_t> {
    return lookup(name) ? std::optional<std::int64_t>(1) : std::nullopt;
  };
  evaluate_expression(text, known, where);
}

}  // namespace mckit::dram
