// Which URLs from people may become a link or a redirect.
#pragma once

#include <string>
#include <string_view>

namespace convene::web {

// A path on this server: starts with one '/' (not "//"), and has no control
// character, space, backslash or DEL. Browsers drop tab, CR and LF from a URL
// and read '\' as '/', so "/\t/evil.example" and "/\evil.example" would
// leave the site.
bool local_path(std::string_view url);

// A URL safe to link: http(s) or mailto, or a local_path; never one with a
// control character, space, backslash or DEL.
bool safe_href(std::string_view url);

// "/meetings/<number>", percent-encoded: the root of a meeting's pages.
std::string meeting_path(const std::string& number);

}  // namespace convene::web
