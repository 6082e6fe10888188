// A stream of front-end requests: what a workload generator or trace reader offers.
#pragma once

#include <cstdint>

#include "common/request.h"

namespace mckit::workloads {

class RequestSource {
 public:
  virtual ~RequestSource() = default;
  // Writes the next request into `out`; false once the stream is over.
  virtual bool next(Request& out) = 0;
};

}  // namespace mckit::workloads
