// Element types of model tensors and their sizes; int4 packs two elements a byte.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mckit::workloads {

enum class DType { Fp32, Bf16, Fp16, Int8, Int4 };

const std::vector<std::string>& dtype_names();  // fp32, bf16, fp16, int8, int4
DType parse_dtype(const std::string& name);     // throws InputError naming the choices
std::string name_of(DType t);
double bytes_per_element(DType t);              // 4, 2, 2, 1, 0.5
// Bytes of `elements` elements, whole bytes (an odd int4 count rounds up); UINT64_MAX when
// larger, which no memory holds.
std::uint64_t tensor_bytes(std::uint64_t elements, DType t);
// The types with smaller elements than `t`, for advice: "int8 or int4" for bf16, "" for int4.
std::string smaller_dtypes(DType t);

}  // namespace mckit::workloads
