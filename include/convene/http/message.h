// HTTP requests and responses as plain values. Handlers are pure functions
// from Request to Response; the server (server.h) does only I/O.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"

namespace convene::http {

enum class Method { get, head, post, put, patch, del, options, other };

// "GET", "HEAD", ..., "DELETE", "OPTIONS"; "OTHER" for Method::other.
std::string_view method_name(Method method);

struct Request {
  Method method = Method::get;
  std::string target;                          // raw request target, e.g. "/a%20b?x=1"
  std::string path;                            // percent-decoded path, no query
  std::map<std::string, std::string> query;    // percent-decoded query parameters
  std::map<std::string, std::string> headers;  // names lower-cased
  std::map<std::string, std::string> params;   // route parameters, filled by the Router
  std::string body;
  std::string remote_address;                  // the peer's IP address, "" when unknown

  // The header's value, or "" when absent. `name` is matched case-insensitively.
  std::string header(std::string_view name) const;
  // The cookie's value from the Cookie header, or "" when absent.
  std::string cookie(std::string_view name) const;
  // The route parameter, or "" when absent.
  std::string param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra: Location, Set-Cookie...

  Response& with_header(std::string name, std::string value);
};

// JSON body, "application/json".
Response json(int status, const nlohmann::json& body);
// {"error": {"code": ..., "message": ...}} with the status for the error's kind:
// invalid 400, unauthorized 401, forbidden 403, not_found 404, conflict 409,
// too_large 413, rejected 422, internal 500, unavailable 503 (the server
// adds Retry-After, see server.h).
Response error(const Error& e);
int status_for(ErrorKind kind);
Response html(int status, std::string body);
Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
// 303 See Other to `location` (after a form POST).
Response redirect(std::string location);

// The deepest nesting of arrays and objects parse_json_object accepts.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses the request body as a JSON object. Errors (all ErrorKind::invalid,
// so a 400): "bad_json" (empty, or not JSON; the message gives the parser's
// position), "bad_encoding" (not valid UTF-8; the message gives the byte
// offset), "json_too_deep" (arrays and objects nested more than
// kMaxJsonDepth levels; refused before any value is built), "not_an_object".
// Messages are at most a few hundred bytes whatever the body.
Result<nlohmann::json> parse_json_object(const Request& req);

// Parses an application/x-www-form-urlencoded body (or query string).
// Repeated names keep the last value; use parse_form_multi for lists.
// A name or value that decodes to invalid UTF-8 has each bad byte replaced
// by U+FFFD, so a handler never holds malformed text whatever the
// Content-Type (the server refuses such forms first, see check_encoding).
std::map<std::string, std::string> parse_form(std::string_view body);
std::multimap<std::string, std::string> parse_form_multi(std::string_view body);

// Checks that everything a handler reads as text is well-formed UTF-8: the
// decoded path, each decoded query parameter, each header value, the body,
// and, when the body is a form (Content-Type application/x-www-form-urlencoded
// or none), each decoded form field. Returns the first failure as invalid
// "bad_encoding" naming where ("query parameter 'q'", "form field 'email'",
// "header 'host'", "path", "request body"); never fails otherwise.
Status check_encoding(const Request& req);

// Decodes %XX escapes (and '+' as a space when plus_is_space). A malformed
// escape ("%zz", a trailing "%4") is kept literally; never fails.
std::string percent_decode(std::string_view s, bool plus_is_space);
// Escapes every byte except ALPHA, DIGIT and "-._~" as %XX (upper case).
std::string percent_encode(std::string_view s);

// The raw (still percent-encoded) path of a request target: "/a%20b" for
// "/a%20b?x=1". An absolute-form target ("http://host/p?q") gives "/p"
// ("/" when it has no path). The result points into `target`.
std::string_view target_path(std::string_view target);
// Sets req.target to `target`, req.path to its percent-decoded path and
// req.query to its decoded query parameters ('+' as space; a repeated name
// keeps the last value). A fragment ("#...") is ignored.
void set_target(Request& req, std::string_view target);

}  // namespace convene::http
