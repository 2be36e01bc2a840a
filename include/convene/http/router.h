// One explicit route table. Patterns are literal segments and {name}
// parameters ("/api/v1/meetings/{number}"); a parameter matches one whole
// non-empty segment. A segment may also end in a literal suffix after the
// parameter ("/telechats/{date}.md" matches "/telechats/2026-12-10.md").
// Matching is exact: "/x/" does not match "/x" (nor "/x" "/x/"), an empty
// segment ("/a//b") matches nothing, and "." or ".." are plain segments.
// Segments are percent-decoded before they are compared, so a parameter
// holds the decoded value ("/groups/a%2Fb" gives "a/b" for "/groups/{g}").
//
// Thread-safety: add() all routes before serving; handle() is const and is
// called concurrently from the server's threads, so handlers must be safe to
// run at the same time as themselves and each other.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "convene/http/message.h"

namespace convene::http {

using Handler = std::function<Response(const Request&)>;
// Renders an error the router itself answers (no route, wrong method, a
// handler that threw) for the request that caused it.
using ErrorRenderer = std::function<Response(const Request&, const Error&)>;

class Router {
 public:
  // Adds a route. Routes are tried in the order added; the first match wins.
  // Throws std::invalid_argument for a malformed pattern (not starting with
  // '/', an unclosed or empty "{}"): that is a programming error.
  void add(Method method, std::string pattern, Handler handler);

  // Replaces how the router's own errors are rendered. Default: http::error
  // (the JSON error body). The status stays the router's (404, 405, 500) and
  // a 405 keeps its Allow header whatever the renderer answers; a renderer
  // that throws falls back to the JSON error.
  void set_error_renderer(ErrorRenderer render);

  // Finds the route, fills req.params and calls the handler. No route for the
  // path: 404 error "not_found". A route for the path but not the method:
  // 405 "method_not_allowed" with an Allow header. HEAD is served by the GET
  // route with the body dropped by the server. A handler that throws gives a
  // 500 "internal" error (the exception is logged, never shown). Each error
  // is rendered by the error renderer (JSON by default).
  // Matches the raw path of req.target (decoding each segment); when
  // req.target is empty, req.path is matched as it is (already decoded).
  // Error messages name req.path.
  Response handle(Request& req) const;

  // Renders `e` with `status` as the router renders its own errors: for the
  // errors the server answers before routing (bad encoding, a body over the
  // limit), so a browser gets the same page as for a 404.
  Response render_error(const Request& req, const Error& e, int status) const;

  struct Route {
    Method method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };

  // Every route in the order added (for tests and documents generated from
  // the table, e.g. one row per route).
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  ErrorRenderer render_error_;
};

}  // namespace convene::http
