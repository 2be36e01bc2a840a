#include "templates.h"

#include <map>
#include <stdexcept>
#include <utility>

namespace convene::web {

extern const std::pair<std::string_view, std::string_view> kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

const std::string& embedded(std::string_view name) {
  static const std::map<std::string, std::string, std::less<>> files = [] {
    std::map<std::string, std::string, std::less<>> out;
    for (std::size_t i = 0; i < kEmbeddedFileCount; ++i)
      out.emplace(kEmbeddedFiles[i].first, kEmbeddedFiles[i].second);
    return out;
  }();
  auto it = files.find(name);
  if (it == files.end()) throw std::out_of_range("no embedded file " + std::string(name));
  return it->second;
}

}  // namespace convene::web
