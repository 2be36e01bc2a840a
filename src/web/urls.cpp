#include "urls.h"

#include "convene/http/message.h"

namespace convene::web {
namespace {

bool plain(std::string_view url) {
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ' || c == '\\' || c == 0x7f) return false;
  return true;
}

}  // namespace

bool local_path(std::string_view url) {
  return url.starts_with("/") && !url.starts_with("//") && plain(url);
}

bool safe_href(std::string_view url) {
  bool scheme = url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:");
  return (scheme && plain(url)) || local_path(url);
}

std::string meeting_path(const std::string& number) { return "/meetings/" + http::percent_encode(number); }

}  // namespace convene::web
