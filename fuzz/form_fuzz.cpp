// libFuzzer target: the form reader, raw bytes as an
// application/x-www-form-urlencoded body or query string: parse_form and
// parse_form_multi, the server's encoding check of such a body, and the UTF-8
// checks every byte from the network goes through. A crash, a sanitizer
// report, an escaping exception, a decoded name or value that is not
// well-formed UTF-8, the two parsers disagreeing on the names, or
// replace_invalid_utf8 returning text that is still malformed (or changing
// well-formed text), or a percent-encoded value not reading back is a finding.
//
// The web layer's readers of form values (plan_views.h room_body, grid_body,
// request_body) live in convene_web, which needs the whole application
// (stores, templates) to link; they are not fuzzed here.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <map>
#include <string>
#include <string_view>

#include "convene/core/utf8.h"
#include "convene/http/message.h"

namespace {

using namespace convene;

void check_text(std::string_view s) {
  if (!is_valid_utf8(s)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // The UTF-8 checks on the raw bytes.
  const std::size_t bad = invalid_utf8_at(input);
  if (bad != std::string_view::npos && bad >= size) std::abort();
  const std::string fixed = replace_invalid_utf8(input);
  check_text(fixed);
  if (bad == std::string_view::npos && fixed != input) std::abort();
  if (bad != std::string_view::npos && is_valid_utf8(input.substr(0, bad)) == false) std::abort();

  // The two form parsers: well-formed text only, the same names.
  const std::map<std::string, std::string> form = http::parse_form(input);
  const std::multimap<std::string, std::string> multi = http::parse_form_multi(input);
  for (const auto& [name, value] : form) {
    check_text(name);
    check_text(value);
    if (!multi.contains(name)) std::abort();
  }
  for (const auto& [name, value] : multi) {
    check_text(name);
    check_text(value);
    if (!form.contains(name)) std::abort();
  }
  // Repeated names keep the last value.
  for (auto it = multi.begin(); it != multi.end();) {
    auto last = multi.upper_bound(it->first);
    if (std::prev(last)->second != form.at(it->first)) std::abort();
    it = last;
  }

  // The server's check of a form body and of the same bytes as a query.
  http::Request req;
  req.method = http::Method::post;
  req.body.assign(input);
  req.headers["content-type"] = "application/x-www-form-urlencoded";
  (void)http::check_encoding(req);
  http::set_target(req, "/login?" + std::string(input));
  (void)http::check_encoding(req);

  // What a browser sends for a field holding these bytes reads back as them
  // (bad UTF-8 replaced).
  const std::string encoded = http::percent_encode(input);
  if (http::percent_decode(encoded, true) != input) std::abort();
  const auto back = http::parse_form("v=" + encoded);
  if (back.size() != 1 || back.at("v") != fixed) std::abort();
  return 0;
}
