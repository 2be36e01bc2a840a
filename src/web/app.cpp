#include "convene/web/app.h"

#include "context.h"
#include "routes.h"

namespace convene::web {

struct App::Impl {
  Impl(Store& store, AppOptions options) : ctx{store, std::move(options), {}} {}
  Context ctx;
  http::Router router;
};

App::App(Store& store, AppOptions options) : impl_(std::make_unique<Impl>(store, std::move(options))) {
  init_crypto();
  add_api_routes(impl_->router, impl_->ctx);
  add_sign_in_routes(impl_->router, impl_->ctx);
  add_page_routes(impl_->router, impl_->ctx);
  add_dispatch_pages(impl_->router, impl_->ctx);
  add_telechat_routes(impl_->router, impl_->ctx);
}

App::~App() = default;

const http::Router& App::router() const { return impl_->router; }

}  // namespace convene::web
