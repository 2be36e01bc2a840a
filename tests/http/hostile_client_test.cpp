// A hostile client against a real server on demo data: every POST and PUT
// route of the router's table gets malformed bodies (deep nesting, wrong
// types, numbers that are not integers or do not fit, invalid UTF-8, empty,
// truncated). No answer may be a 5xx, the server must stay up, and every
// JSON error must have the documented shape {"error": {"code", "message"}}.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "convene/web/demo.h"
#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::TestServer;

// Every field name the API's readers know, so each reader meets each value.
const char* const kFields[] = {
    "number", "type", "city", "country", "start_date", "end_date", "time_zone", "mode", "id_cutoff",
    "dispatch_mode", "group", "name", "rev", "title", "submitted_at", "authors", "replaces", "draft",
    "venue", "minutes", "position", "question", "presenter", "areas", "decision", "reason", "outcome",
    "note", "chairs_table", "date", "kind", "call", "section", "owner", "body", "links", "experiment",
    "member", "responsible", "cancelled", "first_date", "interval_days", "duration_minutes",
    "start_time", "moved", "csrf", "email", "password", "next"};

// Routes with a known 5xx, counted and printed instead of failing the test.
// None is known: a route added here must be fixed, not kept.
const std::set<std::string> kKnownFaults = {};

// A body every reader could accept, so a bad value in one field is reached.
json plausible(const std::string& telechat_date) {
  return {{"number", "131"}, {"type", "plenary"}, {"city", "Dublin"}, {"start_date", "2026-11-02"},
          {"end_date", "2026-11-08"}, {"time_zone", "Europe/Dublin"}, {"mode", "in-person"},
          {"id_cutoff", "2026-10-21T23:59:00Z"}, {"dispatch_mode", "consolidated"},
          {"name", "draft-hostile-client"}, {"rev", "00"}, {"title", "Hostile"},
          {"submitted_at", "2026-02-01T00:00:00Z"}, {"authors", {"Eve"}}, {"draft", "draft-hostile-client"},
          {"venue", "alldispatch"}, {"minutes", 10}, {"position", 1}, {"question", "Where?"},
          {"presenter", "eve@example.org"}, {"areas", {"gen"}}, {"decision", "accept"},
          {"outcome", "new-wg"}, {"date", telechat_date}, {"kind", "informal"},
          {"section", "management-issues"}, {"member", "Eve"}, {"first_date", telechat_date}};
}

// Values that are wrong for every field of some reader.
std::vector<json> bad_values() {
  json deep = 1;
  for (int i = 0; i < 60; ++i) deep = json::array({std::move(deep)});
  return {json(1.5), json(2147483648LL), json(1e308), json(-0.0), json::parse("18446744073709551616"),
          json(-9223372036854775807LL - 1), json::array(), json::object(), json::array({json::array({"x"})}),
          json{{"a", {{"b", 1}}}}, json(true), json(nullptr), json(std::string(20'000, 'x')), json(""),
          json(std::string("\0x", 2)), deep};
}

// Wrong values tried one field at a time in an otherwise plausible body.
std::vector<json> one_field_values() {
  return {json(1.5), json(2147483648LL), json::array({json::array({"x"})}), json{{"a", {{"b", 1}}}}};
}

// Raw bodies no reader should ever see as JSON values.
std::vector<std::string> raw_bodies() {
  std::string nested = "{\"title\":" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
  return {"",
          " ",
          "{",
          "{\"title\": ",
          "{\"title\": \"unterminated",
          "{\"minutes\": 1e99999}",
          "{\"minutes\": -1e99999}",
          "{\"title\": \"\xFF\xFE\"}",
          "\xEF\xBB\xBF{}",
          "[]",
          "null",
          "12",
          "\"text\"",
          std::string(50'000, '{'),
          nested,
          "title=%FF%FE&csrf=x",
          "{\"a\":1}{\"b\":2}"};
}

std::string thursday_after_today() {
  std::int64_t d = now_utc() / 86400;  // the demo dates its telechat from the real clock
  do ++d;
  while (((d % 7) + 7 + 4) % 7 != 4);
  return format_date(d);
}

std::string fill(std::string pattern, const std::string& telechat_date) {
  const std::pair<const char*, std::string> values[] = {
      {"{number}", "125"}, {"{id}", "1"}, {"{date}", telechat_date}, {"{kind}", "informal"},
      {"{name}", "draft-smith-event-feeds"}};
  for (const auto& [param, value] : values)
    for (auto at = pattern.find(param); at != std::string::npos; at = pattern.find(param))
      pattern.replace(at, std::string(param).size(), value);
  return pattern;
}

// The pattern with every {parameter} replaced by `value`.
std::string fill_all(std::string pattern, const std::string& value) {
  for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + value.size()))
    pattern.replace(open, pattern.find('}', open) - open + 1, value);
  return pattern;
}

class HostileClient : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(web::load_demo(server.store()).ok());
    token = server.token_for("eve@example.org", {"secretariat", "iesg"});
    web::App app(server.store());
    for (const auto& route : app.router().routes()) {
      all_routes.emplace_back(std::string(http::method_name(route.method)), route.pattern);
      if (route.method == http::Method::post || route.method == http::Method::put)
        routes.emplace_back(route.method == http::Method::post ? "POST" : "PUT", route.pattern);
    }
  }

  // Sends one body; records a failure if the answer is a 5xx or a JSON
  // error without the documented shape. Returns the status.
  long send(const std::string& method, const std::string& pattern, const std::string& path,
            const std::string& body, const std::string& what) {
    HttpResult r = testing::http_request(method, server.url(path), body,
                                         {"Content-Type: application/json", "Authorization: Bearer " + token});
    ++sent;
    if (r.status >= 500 && kKnownFaults.contains(method + " " + pattern)) {
      ++known_faults;
      return r.status;
    }
    EXPECT_LT(r.status, 500) << method << " " << path << " " << what << ": " << r.body.substr(0, 300);
    if (r.status >= 400 && r.headers["content-type"] == "application/json") {
      json e = r.json();
      bool shaped = e.is_object() && e.contains("error") && e["error"].is_object() &&
                    e["error"].contains("code") && e["error"]["code"].is_string() &&
                    e["error"].contains("message") && e["error"]["message"].is_string();
      EXPECT_TRUE(shaped) << method << " " << path << " " << what << ": " << r.body.substr(0, 300);
    }
    return r.status;
  }

  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
  std::string token;
  std::vector<std::pair<std::string, std::string>> routes;      // method, pattern: the writes
  std::vector<std::pair<std::string, std::string>> all_routes;  // every route
  int sent = 0;
  int known_faults = 0;
};

TEST_F(HostileClient, EveryWriteRouteSurvivesMalformedBodies) {
  std::string date = thursday_after_today();
  ASSERT_GE(routes.size(), 15u);
  for (const auto& [method, pattern] : routes) {
    std::string path = fill(pattern, date);
    for (const auto& raw : raw_bodies()) send(method, pattern, path, raw, "raw body " + raw.substr(0, 40));
    for (const json& v : bad_values()) {
      json all = json::object();
      for (const char* f : kFields) all[f] = v;
      send(method, pattern, path, all.dump(), "every field = " + v.dump().substr(0, 40));
    }
    for (const json& v : one_field_values()) {
      for (const char* f : kFields) {
        json one = plausible(date);
        one[f] = v;
        send(method, pattern, path, one.dump(), std::string(f) + " = " + v.dump().substr(0, 40));
      }
    }
    EXPECT_EQ(server.get("/api/v1/meetings").status, 200) << "server down after " << pattern;
  }
  EXPECT_GE(sent, 500);
  std::printf("hostile client: %d malformed requests over %zu write routes, %d known 5xx (%zu routes)\n",
              sent, routes.size(), known_faults, kKnownFaults.size());
}

TEST_F(HostileClient, InvalidUtf8AnywhereIs400NeverA5xx) {
  for (const char* path : {"/drafts/%FF%FE/history", "/api/v1/drafts/%C0%AF", "/meetings/125/dispatch?venue=%FF",
                           "/telechats/%ED%A0%80", "/api/v1/meetings/125/dispatch/agenda?venue=%FE"}) {
    HttpResult r = server.get(path, token);
    EXPECT_EQ(r.status, 400) << path;
    EXPECT_EQ(r.json()["error"]["code"], "bad_encoding") << path;
  }
  for (const auto& [method, pattern] : routes) {
    std::string path = fill(pattern, thursday_after_today());
    HttpResult r = testing::http_request(method, server.url(path), "csrf=x&reason=%FF%FE&email=%C3%28",
                                         {"Content-Type: application/x-www-form-urlencoded"});
    EXPECT_EQ(r.status, 400) << method << " " << path;
  }
}

// The HTML form routes, signed in with a session and its CSRF token, so the
// handlers get past the sign-in check and read every field they know.
TEST_F(HostileClient, FormRoutesWithASessionSurviveOddFields) {
  HttpResult login = testing::http_request("POST", server.url("/login"),
                                           "email=secretariat@example.org&password=" + std::string(web::kDemoPassword),
                                           {"Content-Type: application/x-www-form-urlencoded"});
  ASSERT_EQ(login.status, 303);
  std::string cookie = "Cookie: " + login.set_cookie.substr(0, login.set_cookie.find(';'));
  HttpResult page = testing::http_request("GET", server.url("/meetings/125/dispatch/request"), "", {cookie});
  std::string csrf = testing::csrf_of(page.body);
  ASSERT_FALSE(csrf.empty());
  const char* fields[] = {"draft", "rev", "presenter", "question", "area_gen", "area_art", "minutes", "venue",
                          "decision", "reason", "outcome", "note", "position", "chairs_table", "next",
                          // the telechat forms'
                          "date", "kind", "call_url", "call_number", "call_password", "from", "section", "title",
                          "owner", "body", "links", "member", "cancelled", "name", "responsible", "page", "replace"};
  const std::string values[] = {"abc", "99999999999999999999", "-0", "1.5", "1e99999", "", "%00",
                                "a%0D%0Ab", std::string(20'000, 'x'), "%E2%82%AC"};
  int form_routes = 0;
  std::map<long, int> statuses;
  for (const auto& [method, pattern] : routes) {
    if (pattern.starts_with("/api/") || pattern == "/login" || pattern == "/logout") continue;
    ++form_routes;
    std::string path = fill(pattern, thursday_after_today());
    for (const auto& v : values) {
      std::string body = "csrf=" + csrf;
      for (const char* f : fields) body += std::string("&") + f + "=" + v;
      HttpResult r = testing::http_request(method, server.url(path), body,
                                           {"Content-Type: application/x-www-form-urlencoded", cookie});
      ++statuses[r.status];
      EXPECT_LT(r.status, 500) << method << " " << path << " all fields = " << v.substr(0, 30) << ": "
                               << r.body.substr(0, 300);
    }
  }
  EXPECT_GE(form_routes, 5);
  EXPECT_EQ(server.get("/api/v1/meetings").status, 200);
  std::printf("hostile forms: %d routes;", form_routes);
  for (const auto& [status, n] : statuses) std::printf(" %ld x%d", status, n);
  std::printf("\n");
}

// Every route of the table, reads and deletes too: odd values in every path
// parameter (unknown ids, not numbers, huge, encoded separators), methods it
// does not take, and odd headers. A browser's error is an HTML page; an API
// client's the documented JSON error.
TEST_F(HostileClient, EveryRouteSurvivesOddIdsMethodsAndHeaders) {
  const std::string ids[] = {"0", "-1", "999999999", "99999999999999999999", "x", "1.5", "%2E%2E", "a%2Fb",
                             "%00", std::string(3'000, '9'), "draft-%E2%82%AC", "2026-02-30"};
  const std::vector<std::vector<std::string>> header_sets = {
      {"Accept: text/html"},
      {"Authorization: Bearer " + std::string(500, 'z')},
      {"Authorization: Basic eDp5"},
      {"Cookie: convene_session=" + std::string(2'000, 'c')},
      {"Content-Type: text/plain", "Accept-Encoding: gzip;q=x, *;q=-1"},
      {"If-None-Match: \"\", *, W/", "If-Modified-Since: yesterday", "Range: bytes=9-1"}};
  int requests = 0;
  for (const auto& [method, pattern] : all_routes) {
    const bool has_params = pattern.find('{') != std::string::npos;
    for (const auto& id : ids) {
      if (!has_params) break;
      for (const char* accept : {"application/json", "text/html"}) {
        HttpResult r = testing::http_request(method, server.url(fill_all(pattern, id)), "{}",
                                             {"Accept: " + std::string(accept), "Authorization: Bearer " + token,
                                              "Content-Type: application/json"});
        ++requests;
        EXPECT_LT(r.status, 500) << method << " " << pattern << " with " << id.substr(0, 30) << ": " << r.body.substr(0, 200);
        const bool html = r.headers["content-type"].find("text/html") != std::string::npos;
        if (r.status >= 400 && !pattern.starts_with("/api/") && std::string(accept) == "text/html") {
          EXPECT_TRUE(html) << method << " " << pattern << " with " << id.substr(0, 30) << " answered " << r.status;
        }
      }
    }
    const std::string path = fill(pattern, thursday_after_today());
    for (const char* other : {"PATCH", "OPTIONS", "DELETE", "PUT"}) {
      if (other == method) continue;
      HttpResult r = testing::http_request(other, server.url(path), "", {"Accept: text/html"});
      ++requests;
      EXPECT_LT(r.status, 500) << other << " " << path;
    }
    for (const auto& headers : header_sets) {
      HttpResult r = testing::http_request(method, server.url(path), method == "GET" ? "" : "{}", headers);
      ++requests;
      EXPECT_LT(r.status, 500) << method << " " << path << " with " << headers[0].substr(0, 40);
    }
  }
  EXPECT_EQ(server.get("/api/v1/meetings").status, 200);
  EXPECT_GE(requests, 500);
  std::printf("hostile client: %d odd requests over all %zu routes (ids, methods, headers)\n", requests,
              all_routes.size());
}

}  // namespace
}  // namespace convene
