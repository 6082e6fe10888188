#include "workloads/model_shape.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>

#include "common/input_error.h"
#include "common/json_file.h"
#include "common/json_number.h"

#ifndef MCKIT_SOURCE_CONFIG_DIR
#error "MCKIT_SOURCE_CONFIG_DIR must name the shipped configs/ folder"
#endif

namespace mckit::workloads {

namespace json = boost::json;
namespace fs = std::filesystem;

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

// Reads the keys of the shape object, remembering which were read so unknown ones (typos)
// are errors rather than silently ignored.
class ShapeReader {
 public:
  ShapeReader(std::string file, const json::object& obj) : file_(std::move(file)), obj_(obj) {}

  [[noreturn]] void fail(const std::string& key, const std::string& rule) const {
    throw InputError(file_ + ": " + key + ": " + rule);
  }

  std::string text(const std::string& key) {
    const json::value& v = need(key);
    if (!v.is_string() || v.get_string().empty()) fail(key, "must be a non-empty string");
    return std::string(v.get_string());
  }

  std::uint64_t count(const std::string& key) {
    const json::value& v = need(key);
    const std::optional<std::uint64_t> n = json_whole(v, 1, kMaxCount);
    if (!n) fail(key, "must be " + whole_rule(1, kMaxCount) + " (got " + json_text(v) + ")");
    return *n;
  }

  bool has(const std::string& key) const { return obj_.contains(key); }

  void reject_unknown() const {
    for (const auto& kv : obj_)
      if (!seen_.count(std::string(kv.key())))
        fail(std::string(kv.key()), "unknown key for a " + kind_ + " shape");
  }

  void set_kind(const std::string& kind) { kind_ = kind; }

 private:
  const json::value& need(const std::string& key) {
    seen_.insert(key);
    const json::value* v = obj_.if_contains(key);
    if (!v) fail(key, "missing key");
    return *v;
  }

  std::string file_;
  const json::object& obj_;
  std::set<std::string> seen_;
  std::string kind_;
};

void read_decoder(ShapeReader& r, ModelShape& m) {
  m.layers = r.count("layers");
  m.hidden = r.count("hidden");
  m.heads = r.count("heads");
  m.kv_heads = r.count("kv_heads");
  m.ffn = r.count("ffn");
  m.vocab = r.count("vocab");
  if (m.hidden % m.heads != 0)
    r.fail("heads", std::to_string(m.heads) + " heads must divide hidden " +
                        std::to_string(m.hidden));
  if (m.kv_heads > m.heads || m.heads % m.kv_heads != 0)
    r.fail("kv_heads", std::to_string(m.kv_heads) + " kv_heads must divide heads " +
                           std::to_string(m.heads));
  m.head_dim = m.hidden / m.heads;
  // Optional, but when given it must agree: a mistyped value would mislead a reader.
  if (r.has("head_dim") && r.count("head_dim") != m.head_dim)
    r.fail("head_dim", "must be hidden / heads = " + std::to_string(m.head_dim));
}

void read_moe(ShapeReader& r, ModelShape& m) {
  read_decoder(r, m);
  m.experts = r.count("experts");
  m.top_k = r.count("top_k");
  if (m.top_k > m.experts)
    r.fail("top_k", std::to_string(m.top_k) + " exceeds the " + std::to_string(m.experts) +
                        " experts");
}

void read_embedding(ShapeReader& r, ModelShape& m) {
  m.tables = r.count("tables");
  m.rows = r.count("rows");
  m.dim = r.count("dim");
  m.lookups = r.count("lookups");
}

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

ModelShape load_model_shape_file(const std::string& path) {
  const json::value doc = read_json_file(path, "model shape file");
  if (!doc.is_object()) throw InputError(path + ": a model shape must be a JSON object");
  ShapeReader r(path, doc.get_object());
  ModelShape m;
  m.file = path;
  m.name = r.text("name");
  m.source = r.text("source");
  const std::string kind = r.text("kind");
  r.set_kind(kind);
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
  r.reject_unknown();
  return m;
}

std::string model_dir() {
  if (const char* env = std::getenv("MCKIT_CONFIG_DIR"); env && *env)
    return (fs::path(env) / "models").string();
  return (fs::path(MCKIT_SOURCE_CONFIG_DIR) / "models").string();
}

std::vector<std::string> shipped_model_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(model_dir(), ec))
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string model_shape_path(const std::string& name_or_path) {
  const bool is_path = name_or_path.find('/') != std::string::npos ||
                       fs::path(name_or_path).extension() == ".json";
  if (is_path) return name_or_path;

  const std::vector<std::string> names = shipped_model_names();
  for (const std::string& name : names)
    if (lower(name) == lower(name_or_path))
      return (fs::path(model_dir()) / (name + ".json")).string();

  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  throw InputError("unknown model '" + name_or_path + "' (shipped: " + list +
                   "; or give the path of a model shape .json file)");
}

ModelShape load_model_shape(const std::string& name_or_path) {
  return load_model_shape_file(model_shape_path(name_or_path));
}

}  // namespace mckit::workloads
