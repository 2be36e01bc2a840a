// How a Response goes on the wire (private to convene_http). The session
// writes the head built here and then, when asked to, the body as it is.
#pragma once

#include <string>
#include <string_view>

#include "convene/http/message.h"

namespace convene::http::detail {

// The reason phrase for a status ("Not Found"), "" for an unusual one.
std::string_view reason_phrase(int status);

// Replaces `head` with the status line and header block (ending in an empty
// line) of `res` for an HTTP/1.`minor` client: Server, Date, the handler's
// headers (CR/LF/NUL in values become spaces; bad names, Content-Length,
// Transfer-Encoding and Connection are dropped), the default security
// headers the handler did not set, "Retry-After: 1" on a 429 or 503 that
// has none, Connection as needed, Content-Length.
// A status outside 200..599 is logged and `res` replaced by a 500 error.
// Returns whether res.body is to be sent after the head: not for a HEAD
// request (whose head keeps the body's length) nor for 204 and 304.
bool write_head(Response& res, unsigned minor, bool keep_alive, bool head_request,
                std::string& head);

}  // namespace convene::http::detail
