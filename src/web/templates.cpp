#include "templates.h"

#include <map>
#include <stdexcept>
#include <utility>

namespace convene::web {

extern const std::pair<std::string_view, std::string_view> kEmbeddedFiles[];
extern const std::string_view kEmbeddedDigests[];
extern const std::size_t kEmbeddedFileCount;

namespace {

struct File {
  std::string text;
  std::string_view version;
};

const File& file(std::string_view name) {
  static const std::map<std::string, File, std::less<>> files = [] {
    std::map<std::string, File, std::less<>> out;
    for (std::size_t i = 0; i < kEmbeddedFileCount; ++i)
      out.emplace(kEmbeddedFiles[i].first, File{std::string(kEmbeddedFiles[i].second), kEmbeddedDigests[i]});
    return out;
  }();
  auto it = files.find(name);
  if (it == files.end()) throw std::out_of_range("no embedded file " + std::string(name));
  return it->second;
}

}  // namespace

const std::string& embedded(std::string_view name) { return file(name).text; }

std::string_view embedded_version(std::string_view name) { return file(name).version; }

const std::map<std::string, std::string>& partials() {
  static const std::map<std::string, std::string> out = [] {
    std::map<std::string, std::string> m;
    constexpr std::string_view suffix = ".mustache";
    for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
      std::string_view name = kEmbeddedFiles[i].first;
      if (name.starts_with('_') && name.ends_with(suffix))
        m.emplace(name.substr(1, name.size() - 1 - suffix.size()), kEmbeddedFiles[i].second);
    }
    return m;
  }();
  return out;
}

}  // namespace convene::web
