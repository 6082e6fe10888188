// Model shapes (configs/models/*.json): the tensor dimensions the AI generators turn into
// requests. A decoder (dense LLM), a mixture-of-experts decoder, or a set of embedding tables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mckit::workloads {

enum class ModelKind { Decoder, Moe, Embedding };

struct ModelShape {
  std::string file;    // where it was read from ("" when built in code), for messages
  std::string name;
  std::string source;  // the paper or model card the numbers come from
  ModelKind kind = ModelKind::Decoder;

  // decoder and moe
  std::uint64_t layers = 0;
  std::uint64_t hidden = 0;
  std::uint64_t heads = 0;     // query heads
  std::uint64_t kv_heads = 0;  // key/value heads: fewer than heads with grouped-query attention
  std::uint64_t head_dim = 0;  // hidden / heads
  std::uint64_t ffn = 0;       // intermediate size of the SwiGLU FFN (gate, up, down)
  std::uint64_t vocab = 0;
  // moe
  std::uint64_t experts = 0;
  std::uint64_t top_k = 0;
  // embedding
  std::uint64_t tables = 0;
  std::uint64_t rows = 0;     // per table
  std::uint64_t dim = 0;      // elements per row
  std::uint64_t lookups = 0;  // rows gathered per table per sample (pooling factor)

  std::uint64_t q_dim() const { return heads * head_dim; }
  std::uint64_t kv_dim() const { return kv_heads * head_dim; }
};

std::string name_of(ModelKind k);  // decoder, moe, embedding

// One weight matrix of a decoder layer: its name and element count.
struct WeightMatrix {
  std::string name;
  std::uint64_t elements = 0;
};
// q (hidden x q_dim), k and v (hidden x kv_dim each), o (q_dim x hidden), in that order.
std::vector<WeightMatrix> attention_weights(const ModelShape& m);
// SwiGLU: gate and up (hidden x ffn each), down (ffn x hidden), in that order.
std::vector<WeightMatrix> ffn_weights(const ModelShape& m);

// Reads and checks one shape file; errors name the file and the key.
ModelShape load_model_shape_file(const std::string& path);
// A shipped shape by name (case-insensitive, file stem in model_dir()) or a path to a .json.
ModelShape load_model_shape(const std::string& name_or_path);
// The file load_model_shape reads; throws InputError for an unknown name.
std::string model_shape_path(const std::string& name_or_path);
// configs/models of the source tree, or $MCKIT_CONFIG_DIR/models.
std::string model_dir();
std::vector<std::string> shipped_model_names();

}  // namespace mckit::workloads
