#include "convene/web/app.h"

#include "context.h"
#include "handlers.h"
#include "html.h"

namespace convene::web {

struct App::Impl {
  Impl(Store& store, AppOptions options) : ctx{store, std::move(options)} {}
  Context ctx;
  http::Router router;
};

App::App(Store& store, AppOptions options) : impl_(std::make_unique<Impl>(store, std::move(options))) {
  init_crypto();
  Context& ctx = impl_->ctx;
  for (const RouteSpec& r : route_table())
    impl_->router.add(r.method, r.pattern, [&ctx, handler = r.handler](const Request& req) { return handler(ctx, req); });
  // Unknown URLs and failures: a page with the menu for browsers, the JSON error for API clients.
  impl_->router.set_error_renderer([&ctx](const Request& req, const Error& e) {
    if (e.code == "not_found" && wants_html(req))
      return error_for(ctx, req, not_found(e.code, "There is no page at " + req.path + "."));
    return error_for(ctx, req, e);
  });
}

App::~App() = default;

const http::Router& App::router() const { return impl_->router; }

}  // namespace convene::web
