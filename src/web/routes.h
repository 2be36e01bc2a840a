// Route groups of the web application; each adds its routes to the table.
#pragma once

#include "context.h"
#include "convene/http/router.h"

namespace convene::web {

void add_api_routes(http::Router& router, Context& ctx);       // /api/v1/...
void add_page_routes(http::Router& router, Context& ctx);      // home, meetings, static
void add_dispatch_pages(http::Router& router, Context& ctx);   // dispatch HTML and Markdown
void add_sign_in_routes(http::Router& router, Context& ctx);   // /login, /logout
void add_telechat_routes(http::Router& router, Context& ctx);  // /api/v1/telechats, /telechats
http::Response openapi_document();                              // /api/v1/openapi.json

// Parses a request id path parameter; error "bad_id".
Result<std::int64_t> parse_id(const std::string& text);

}  // namespace convene::web
