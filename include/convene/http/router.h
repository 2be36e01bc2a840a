// One explicit route table. Patterns are literal segments and {name}
// parameters ("/api/v1/meetings/{number}"); a parameter matches one whole
// non-empty segment. A segment may also end in a literal suffix after the
// parameter ("/telechats/{date}.md" matches "/telechats/2026-12-10.md").
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "convene/http/message.h"

namespace convene::http {

using Handler = std::function<Response(const Request&)>;

class Router {
 public:
  // Adds a route. Routes are tried in the order added; the first match wins.
  void add(Method method, std::string pattern, Handler handler);

  // Finds the route, fills req.params and calls the handler. No route for the
  // path: 404 JSON error "not_found". A route for the path but not the method:
  // 405 "method_not_allowed" with an Allow header. HEAD is served by the GET
  // route with the body dropped by the server. A handler that throws gives a
  // 500 "internal" JSON error (the exception is logged, never shown).
  Response handle(Request& req) const;

  struct Route {
    Method method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };

 private:
  std::vector<Route> routes_;
};

}  // namespace convene::http
