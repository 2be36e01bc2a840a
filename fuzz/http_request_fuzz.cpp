// libFuzzer target: raw bytes as an HTTP/1.1 request through what the server
// does with them: Beast's parser with the server's limits, the conversion to
// a Request (target decoding, headers), the encoding check, the router with
// parameter routes whose handlers read JSON and form bodies, and the
// response head. A crash, a sanitizer report, an escaping exception or a 5xx
// is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "../src/http/session.h"
#include "../src/http/wire.h"
#include "convene/http/router.h"

namespace {

using namespace convene::http;
namespace bhttp = boost::beast::http;

Router make_router() {
  Router r;
  r.add(Method::post, "/api/v1/meetings/{number}/dispatch/requests", [](const Request& req) {
    auto body = parse_json_object(req);
    return body ? json(201, {{"number", req.param("number")}, {"body", *body}}) : error(body.error());
  });
  r.add(Method::get, "/drafts/{name}/history", [](const Request& req) {
    return json(200, {{"name", req.param("name")}, {"query", req.query}});
  });
  r.add(Method::get, "/telechats/{date}.md", [](const Request& req) { return text(200, req.param("date")); });
  r.add(Method::post, "/login", [](const Request& req) {
    return json(200, {{"form", parse_form(req.body)}, {"cookie", req.cookie("convene_session")}});
  });
  return r;
}

const Router& router() {
  static const Router r = make_router();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024);
  parser.header_limit(16 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;
  Request req = convene::http::detail::from_wire(parser.get());
  req.remote_address = "192.0.2.1";
  Response res;
  if (auto encoded = check_encoding(req); !encoded) {
    res = error(encoded.error());
  } else {
    res = router().handle(req);
  }
  if (res.status >= 500) std::abort();  // these handlers have no reason to fail
  std::string head;
  convene::http::detail::write_head(res, 1, true, req.method == Method::head, head);
  return 0;
}
