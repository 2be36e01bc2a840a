// Conditional and compressed answers for the pages and feeds that clients
// poll all day (the agenda in every format): an ETag from the body, 304 Not
// Modified for a matching If-None-Match, and gzip when the client accepts
// it. Internal to src/web.
#pragma once

#include <functional>
#include <string>

#include "context.h"

namespace convene::web {

// The response `render` makes, cached under `key` (see cached()) in the
// encoding the client accepts, with an ETag; or 304 with that ETag when
// the client already holds it (If-None-Match; or, without it,
// If-Modified-Since equal to a Last-Modified header `render` set). Only 200
// answers get an ETag or gzip.
http::Response conditional(Context& ctx, const http::Request& req, const std::string& key,
                           const std::function<http::Response()>& render);

// `data` compressed in the gzip format (RFC 1952).
std::string gzip(const std::string& data);

}  // namespace convene::web
