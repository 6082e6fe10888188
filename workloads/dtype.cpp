#include "workloads/dtype.h"

#include <algorithm>

#include "common/input_error.h"
#include "workloads/fit_check.h"

namespace mckit::workloads {

const std::vector<std::string>& dtype_names() {
  static const std::vector<std::string> names{"fp32", "bf16", "fp16", "int8", "int4"};
  return names;
}

DType parse_dtype(const std::string& name) {
  const auto& names = dtype_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return DType(i);
  throw InputError("unknown data type '" + name + "' (expected fp32, bf16, fp16, int8 or int4)");
}

std::string name_of(DType t) { return dtype_names()[std::size_t(t)]; }

double bytes_per_element(DType t) {
  switch (t) {
    case DType::Fp32: return 4;
    case DType::Bf16:
    case DType::Fp16: return 2;
    case DType::Int8: return 1;
    case DType::Int4: return 0.5;
  }
  return 0;
}

std::uint64_t tensor_bytes(std::uint64_t elements, DType t) {
  return t == DType::Int4 ? elements / 2 + elements % 2
                          : sat_mul(elements, std::uint64_t(bytes_per_element(t)));
}

std::string smaller_dtypes(DType t) {
  std::vector<std::string> smaller;
  for (const std::string& name : dtype_names())
    if (bytes_per_element(parse_dtype(name)) < bytes_per_element(t) &&
        std::find(smaller.begin(), smaller.end(), name) == smaller.end())
      smaller.push_back(name);
  return one_of(smaller);
}

}  // namespace mckit::workloads
