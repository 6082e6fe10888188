#include "progress_bar.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace mckit::sim {

namespace {
std::string clock_text(double seconds) {
  if (seconds < 0) seconds = 0;
  const auto s = static_cast<unsigned long long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%llu:%02llu", s / 60, s % 60);
  return buf;
}
}  // namespace

void ProgressBar::start_unsized(std::function<std::optional<double>()> fraction) {
  start(0);
  fraction_ = std::move(fraction);
}

void ProgressBar::start(std::uint64_t total) {
  enabled_ = ::isatty(2) != 0;
  fraction_ = nullptr;
  drawn_ = false;
  total_ = total;
  last_done_ = 0;
  calls_ = 0;
  start_ = last_draw_ = Clock::now();
}

void ProgressBar::update(std::uint64_t done) {
  if (!enabled_) return;
  last_done_ = done;
  if ((++calls_ & 255u) != 0) return;  // look at the clock every 256 updates
  const Clock::time_point now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed <= 1.0 || now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw(done, elapsed);
}

void ProgressBar::finish() {
  if (!enabled_) return;
  enabled_ = false;
  if (!drawn_) return;
  draw(last_done_, std::chrono::duration<double>(Clock::now() - start_).count());
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

void ProgressBar::draw(std::uint64_t done, double elapsed) {
  std::optional<double> fraction;
  if (!fraction_) fraction = total_ ? double(done) / double(total_) : 1.0;
  else fraction = fraction_();
  if (!fraction) {
    std::fprintf(stderr, "\r%llu requests  elapsed %s ", static_cast<unsigned long long>(done),
                 clock_text(elapsed).c_str());
    std::fflush(stderr);
    drawn_ = true;
    return;
  }
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(*fraction * kWidth);
  std::string bar(std::size_t(std::max(0, std::min(kWidth, filled))), '#');
  bar.resize(kWidth, '.');
  const std::string eta = *fraction > 0 && *fraction < 1
                              ? clock_text(elapsed * (1 - *fraction) / *fraction)
                              : "0:00";
  const std::string count =
      fraction_ ? std::to_string(done) + " requests"
                : std::to_string(done) + "/" + std::to_string(total_) + " requests";
  std::fprintf(stderr, "\r[%s] %5.1f %%  %s  elapsed %s  ETA %s ", bar.c_str(),
               100.0 * *fraction, count.c_str(), clock_text(elapsed).c_str(), eta.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace mckit::sim
