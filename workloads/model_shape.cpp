#include "workloads/model_shape.h"

#include <boost/json.hpp>

#include "common/json_object_reader.h"
#include "common/shipped_config.h"

namespace mckit::workloads {

namespace json = boost::json;

std::string name_of(ModelKind k) {
  switch (k) {
    case ModelKind::Decoder: return "decoder";
    case ModelKind::Moe: return "moe";
    case ModelKind::Embedding: return "embedding";
  }
  return "";
}

std::vector<WeightMatrix> attention_weights(const ModelShape& m) {
  return {{"q", m.hidden * m.q_dim()},
          {"k", m.hidden * m.kv_dim()},
          {"v", m.hidden * m.kv_dim()},
          {"o", m.q_dim() * m.hidden}};
}

std::vector<WeightMatrix> ffn_weights(const ModelShape& m) {
  return {{"gate", m.hidden * m.ffn}, {"up", m.hidden * m.ffn}, {"down", m.ffn * m.hidden}};
}

namespace {

// Every count fits 32 bits, so that the product of two (a weight matrix's elements) cannot
// overflow.
constexpr std::uint64_t kMaxCount = 0xffffffff;

const ConfigKind kModels{"models", "model", "model shape"};

std::uint64_t count(JsonObjectReader& r, const std::string& key) {
  return r.whole(key, 1, kMaxCount);
}

void read_decoder(JsonObjectReader& r, ModelShape& m) {
  m.layers = count(r, "layers");
  m.hidden = count(r, "hidden");
  m.heads = count(r, "heads");
  m.kv_heads = count(r, "kv_heads");
  m.ffn = count(r, "ffn");
  m.vocab = count(r, "vocab");
  if (m.hidden % m.heads != 0)
    r.fail("heads", std::to_string(m.heads) + " heads must divide hidden " +
                        std::to_string(m.hidden));
  if (m.kv_heads > m.heads || m.heads % m.kv_heads != 0)
    r.fail("kv_heads", std::to_string(m.kv_heads) + " kv_heads must divide heads " +
                           std::to_string(m.heads));
  m.head_dim = m.hidden / m.heads;
  // Optional, but when given it must agree: a mistyped value would mislead a reader.
  if (r.has("head_dim") && count(r, "head_dim") != m.head_dim)
    r.fail("head_dim", "must be hidden / heads = " + std::to_string(m.head_dim));
}

void read_moe(JsonObjectReader& r, ModelShape& m) {
  read_decoder(r, m);
  m.experts = count(r, "experts");
  m.top_k = count(r, "top_k");
  if (m.top_k > m.experts)
    r.fail("top_k", std::to_string(m.top_k) + " exceeds the " + std::to_string(m.experts) +
                        " experts");
}

void read_embedding(JsonObjectReader& r, ModelShape& m) {
  m.tables = count(r, "tables");
  m.rows = count(r, "rows");
  m.dim = count(r, "dim");
  m.lookups = count(r, "lookups");
}

}  // namespace

ModelShape load_model_shape_file(const std::string& path) {
  const json::value doc = read_json_object_file(path, "model shape");
  JsonObjectReader r(path, doc.get_object());
  ModelShape m;
  m.file = path;
  m.name = r.non_empty_text("name");
  m.source = r.non_empty_text("source");
  const std::string kind = r.non_empty_text("kind");
  if (kind == "decoder") {
    m.kind = ModelKind::Decoder;
    read_decoder(r, m);
  } else if (kind == "moe") {
    m.kind = ModelKind::Moe;
    read_moe(r, m);
  } else if (kind == "embedding") {
    m.kind = ModelKind::Embedding;
    read_embedding(r, m);
  } else {
    r.fail("kind", "unknown kind '" + kind + "' (expected decoder, moe or embedding)");
  }
  r.reject_unknown("unknown key for a " + kind + " shape");
  return m;
}

std::string model_dir() { return config_dir(kModels); }

std::vector<std::string> shipped_model_names() { return shipped_config_names(kModels); }

std::string model_shape_path(const std::string& name_or_path) {
  return shipped_or_path(kModels, name_or_path);
}

ModelShape load_model_shape(const std::string& name_or_path) {
  return load_model_shape_file(model_shape_path(name_or_path));
}

}  // namespace mckit::workloads
