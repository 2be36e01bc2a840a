#include "convene/http/router.h"

#include <array>
#include <cstdio>
#include <exception>
#include <stdexcept>

namespace convene::http {

namespace {

// Splits a pattern "/a/{b}/c" into {"a", "{b}", "c"}; "/" has no segments.
std::vector<std::string> split_pattern(const std::string& pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': \"" + pattern + "\"");
  }
  std::vector<std::string> segments;
  if (pattern.size() == 1) return segments;
  std::string_view rest(pattern);
  rest.remove_prefix(1);
  for (;;) {
    auto slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    if (!seg.empty() && seg.front() == '{') {
      auto close = seg.find('}');
      if (close == std::string_view::npos || close == 1 ||
          seg.find_first_of("{}", close + 1) != std::string_view::npos) {
        throw std::invalid_argument("bad parameter segment \"" + std::string(seg) +
                                    "\" in route pattern \"" + pattern + "\"");
      }
    }
    segments.emplace_back(seg);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return segments;
}

// The path's segments one at a time: "/a/b/" gives "a", "b", "".
class SegmentReader {
 public:
  explicit SegmentReader(std::string_view path) : rest_(path.substr(1)), more_(!rest_.empty()) {}
  bool more() const { return more_; }
  std::string_view next() {
    auto slash = rest_.find('/');
    std::string_view seg = rest_.substr(0, slash);
    more_ = slash != std::string_view::npos;
    rest_ = more_ ? rest_.substr(slash + 1) : std::string_view();
    return seg;
  }

 private:
  std::string_view rest_;
  bool more_;
};

// Matches one pattern segment against one raw path segment; on a match of a
// parameter stores its decoded value in *params when params is not null.
bool match_segment(std::string_view pattern, std::string_view raw, bool decode,
                   std::map<std::string, std::string>* params) {
  bool escaped = decode && raw.find('%') != std::string_view::npos;
  std::string decoded_storage;
  std::string_view seg = raw;
  if (escaped) {
    decoded_storage = percent_decode(raw, false);
    seg = decoded_storage;
  }
  if (pattern.empty() || pattern.front() != '{') return seg == pattern;
  auto close = pattern.find('}');
  std::string_view suffix = pattern.substr(close + 1);
  if (seg.size() <= suffix.size() || !seg.ends_with(suffix)) return false;
  if (params) {
    (*params)[std::string(pattern.substr(1, close - 1))] = seg.substr(0, seg.size() - suffix.size());
  }
  return true;
}

bool match_path(const Router::Route& route, std::string_view path, bool decode,
                std::map<std::string, std::string>* params) {
  if (path.empty() || path.front() != '/') return false;
  SegmentReader reader(path);
  for (const std::string& pattern : route.segments) {
    if (!reader.more() || !match_segment(pattern, reader.next(), decode, params)) return false;
  }
  return !reader.more();
}

bool method_matches(Method route, Method request) {
  return route == request || (request == Method::head && route == Method::get);
}

std::string allowed_methods(const std::vector<Router::Route>& routes, std::string_view path,
                            bool decode) {
  std::array<bool, 8> allowed{};
  for (const auto& route : routes) {
    if (!match_path(route, path, decode, nullptr)) continue;
    allowed[static_cast<std::size_t>(route.method)] = true;
    if (route.method == Method::get) allowed[static_cast<std::size_t>(Method::head)] = true;
  }
  std::string out;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (!allowed[i]) continue;
    if (!out.empty()) out += ", ";
    out += method_name(static_cast<Method>(i));
  }
  return out;
}

Error internal_error(const Request& req, const char* what) {
  std::fprintf(stderr, "convene http: %s %s: handler failed: %s\n",
               std::string(method_name(req.method)).c_str(), req.target.c_str(), what);
  return Error{"internal", "internal server error", ErrorKind::internal};
}

}  // namespace

void Router::set_error_renderer(ErrorRenderer render) { render_error_ = std::move(render); }

Response Router::render_error(const Request& req, const Error& e, int status) const {
  Response res;
  try {
    res = render_error_ ? render_error_(req, e) : error(e);
  } catch (...) {
    res = error(e);
  }
  res.status = status;
  return res;
}

void Router::add(Method method, std::string pattern, Handler handler) {
  std::vector<std::string> segments = split_pattern(pattern);
  routes_.push_back(Route{method, std::move(pattern), std::move(segments), std::move(handler)});
}

Response Router::handle(Request& req) const {
  bool decode = !req.target.empty();
  std::string_view path = decode ? target_path(req.target) : std::string_view(req.path);
  const Route* found = nullptr;
  bool path_known = false;
  for (const auto& route : routes_) {
    if (!match_path(route, path, decode, nullptr)) continue;
    path_known = true;
    if (method_matches(route.method, req.method)) {
      found = &route;
      break;
    }
  }
  if (!found && path_known) {
    std::string allow = allowed_methods(routes_, path, decode);
    Response res = render_error(req,
                                Error{"method_not_allowed",
                                      std::string(method_name(req.method)) + " is not allowed on " +
                                          req.path + "; allowed: " + allow,
                                      ErrorKind::invalid},
                                405);
    res.headers.emplace_back("Allow", std::move(allow));
    return res;
  }
  if (!found) {
    return render_error(req, not_found("not_found", "no resource at " + req.path), 404);
  }
  req.params.clear();
  match_path(*found, path, decode, &req.params);
  try {
    return found->handler(req);
  } catch (const std::exception& e) {
    return render_error(req, internal_error(req, e.what()), 500);
  } catch (...) {
    return render_error(req, internal_error(req, "unknown exception"), 500);
  }
}

}  // namespace convene::http
