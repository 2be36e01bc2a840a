// The web application over the in-memory store, without a server: the one
// route table, the OpenAPI document built from it, and the public cache.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "convene/auth/auth.h"
#include "convene/dispatch/dispatch.h"
#include "convene/web/app.h"
#include "convene/web/demo.h"
#include "context.h"
#include "handlers.h"
#include "html.h"
#include "telechat_views.h"
#include "../telechat/test_support.h"

namespace convene::web {
namespace {

using nlohmann::json;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

json openapi() { return json::parse(openapi_document().body); }

TEST(RouteTable, EachMethodAndPatternOnce) {
  std::set<std::string> seen;
  for (const RouteSpec& r : route_table()) {
    std::string key = std::string(http::method_name(r.method)) + " " + r.pattern;
    EXPECT_TRUE(seen.insert(key).second) << key;
    EXPECT_NE(std::string(r.summary), "") << key;
  }
}

TEST(OpenApi, DescribesExactlyTheApiRoutesOfTheTable) {
  json paths = openapi()["paths"];
  std::set<std::string> documented, routed;
  for (auto& [path, ops] : paths.items())
    for (auto& [method, op] : ops.items()) documented.insert(method + " /api/v1" + path);
  for (const RouteSpec& r : route_table()) {
    std::string pattern = r.pattern;
    if (pattern.starts_with("/api/v1/") && pattern != "/api/v1/openapi.json")
      routed.insert(lower(http::method_name(r.method)) + " " + pattern);
  }
  EXPECT_EQ(documented, routed);
}

TEST(OpenApi, EnumerationsComeFromTheDomain) {
  json schemas = openapi()["components"]["schemas"];
  json kinds = json::array();
  for (OutcomeKind k : outcome_kinds()) kinds.push_back(to_string(k));
  EXPECT_EQ(schemas["Outcome"]["properties"]["outcome"]["enum"], kinds);
  EXPECT_EQ(schemas["DispatchRequest"]["properties"]["minutes"]["default"], kDefaultRequestMinutes);
  EXPECT_FALSE(schemas["DispatchRequest"]["properties"]["presenter"].contains("format"));  // a name or an e-mail
}

// The demo in memory, served through the router.
class AppOverMemory : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(load_demo(*store).ok());
    token = random_token();
    ASSERT_TRUE(store->write([&](Repositories& r) -> Status {
      auto chair = r.people().by_email("dispatch-chair@example.org");
      if (!chair || !*chair) return internal("no demo chair");
      auto id = r.people().add_token((*chair)->id, token_digest(token), "test", 0, std::nullopt);
      return id ? ok_status() : Status(id.error());
    }).ok());
  }

  http::Response get(const std::string& target, const std::string& bearer = "") {
    http::Request req;
    http::set_target(req, target);
    if (!bearer.empty()) req.headers["authorization"] = "Bearer " + bearer;
    return app.router().handle(req);
  }

  std::unique_ptr<Store> store = open_memory_store();
  App app{*store, AppOptions{}};
  std::string token;
};

TEST_F(AppOverMemory, ServesTheDemoFromTheTwin) {
  auto page = get("/meetings/125/dispatch");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("ALLDISPATCH"), std::string::npos);
  EXPECT_EQ(get("/api/v1/meetings/125/dispatch/agenda?venue=secdispatch").status, 200);
  auto venues = get("/meetings/124/dispatch");  // per-area without a venue: the list of venues
  EXPECT_EQ(venues.status, 200);
  for (const auto& v : dispatch_venues())
    EXPECT_NE(venues.body.find("href=\"/meetings/124/dispatch?venue=" + v + "\""), std::string::npos) << v;
  EXPECT_EQ(get("/api/v1/meetings/124/dispatch/agenda").status, 400);  // the API still needs one
}

TEST_F(AppOverMemory, SignInNeverRedirectsOffSite) {
  for (const char* next : {"%2F%09%2Fevil.example", "%2F%0D%0A%2Fevil.example", "%2F%5Cevil.example",
                           "%2F%2Fevil.example", "https%3A%2F%2Fevil.example"}) {
    http::Request req;
    req.method = http::Method::post;
    http::set_target(req, "/login");
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    req.body = std::string("email=alice%40example.org&password=") + kDemoPassword + "&next=" + next;
    auto r = app.router().handle(req);
    ASSERT_EQ(r.status, 303) << next;
    std::string location;
    for (const auto& [name, value] : r.headers)
      if (name == "Location") location = value;
    EXPECT_EQ(location, "/") << next;
  }
}

TEST_F(AppOverMemory, MeetingListsArePaged) {
  auto first = json::parse(get("/api/v1/meetings?limit=1").body);
  ASSERT_EQ(first["meetings"].size(), 1u);
  EXPECT_EQ(first["meetings"][0]["number"], "128");  // the demo's upcoming meeting, dated from today
  auto second = json::parse(get("/api/v1/meetings?limit=1&offset=1").body);
  EXPECT_EQ(second["meetings"][0]["number"], "125");
  EXPECT_EQ(get("/api/v1/meetings?limit=0").status, 400);
  EXPECT_EQ(get("/api/v1/meetings?offset=x").status, 400);
  EXPECT_EQ(get("/?page=0").status, 400);
  EXPECT_EQ(get("/?page=2").status, 200);
}

TEST_F(AppOverMemory, ACachedPageIsOnlyEverTheAnonymousOne) {
  auto chair_view = get("/meetings/125/dispatch", token);
  ASSERT_EQ(chair_view.status, 200);
  ASSERT_NE(chair_view.body.find("Record outcome"), std::string::npos);  // the chair's forms
  auto anonymous = get("/meetings/125/dispatch");
  EXPECT_EQ(anonymous.body.find("Record outcome"), std::string::npos);
  EXPECT_EQ(anonymous.body.find("dispatch-chair@example.org"), std::string::npos);
  EXPECT_EQ(get("/meetings/125/dispatch?x=1").body, anonymous.body);  // unknown parameters share the entry
}

TEST_F(AppOverMemory, ChairsSeeDeclinedRequestsWithTheirReasonsAndWhatAcceptingLeaves) {
  const char* reason = "Transport-only question: take it straight to the QUIC WG chairs.";
  auto chair_view = get("/meetings/125/dispatch", token);
  auto declined = chair_view.body.find("<h2 class=\"h4\" id=\"declined-heading\">Declined</h2>");
  ASSERT_NE(declined, std::string::npos);
  EXPECT_NE(chair_view.body.find(std::string("Reason: ") + reason, declined), std::string::npos);
  // 57 of 90 minutes are planned in the demo; each pending request asks for 12.
  EXPECT_NE(chair_view.body.find("Accepting leaves 21 of 90 minutes free."), std::string::npos);
  EXPECT_NE(chair_view.body.find("name=\"position\" type=\"number\" min=\"1\" max=\"4\" value=\"2\""),
            std::string::npos);  // move to any position
  auto anonymous = get("/meetings/125/dispatch");
  EXPECT_EQ(anonymous.body.find(reason), std::string::npos);
  EXPECT_EQ(anonymous.body.find("Accepting"), std::string::npos);
  EXPECT_EQ(get("/api/v1/meetings/125/dispatch/agenda").body.find(reason), std::string::npos);
  EXPECT_EQ(get("/meetings/125/dispatch.md").body.find(reason), std::string::npos);
}

http::Response page_of(std::size_t bytes) { return http::html(200, std::string(bytes, 'x')); }

TEST(PageCache, HoldsAtMostItsBytesDroppingTheLeastRecentlyUsed) {
  PageCache cache(100'000);
  for (int i = 0; i < 1'000; ++i) {
    cache.put("/page?" + std::to_string(i), 1, page_of(9'000));
    ASSERT_LE(cache.bytes(), 100'000u) << i;
  }
  EXPECT_GE(cache.entries(), 9u);
  EXPECT_TRUE(cache.get("/page?999", 1));
  EXPECT_FALSE(cache.get("/page?0", 1));
  // Reading a page keeps it: the next page pushes out the one after it.
  const int oldest = 1'000 - static_cast<int>(cache.entries());
  ASSERT_TRUE(cache.get("/page?" + std::to_string(oldest), 1));
  cache.put("/fresh", 1, page_of(9'000));
  EXPECT_TRUE(cache.get("/page?" + std::to_string(oldest), 1));
  EXPECT_FALSE(cache.get("/page?" + std::to_string(oldest + 1), 1));
}

TEST(PageCache, OlderGenerationsGoFirstAndHugePagesAreNotKept) {
  PageCache cache(100'000);
  for (int i = 0; i < 5; ++i) cache.put("/old" + std::to_string(i), 1, page_of(9'000));
  for (int i = 0; i < 5; ++i) cache.put("/new" + std::to_string(i), 2, page_of(9'000));
  cache.put("/newest", 2, page_of(9'000));  // does not fit: every generation-1 page goes
  EXPECT_FALSE(cache.get("/old4", 1));
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(cache.get("/new" + std::to_string(i), 2)) << i;
  EXPECT_FALSE(cache.get("/new0", 3));  // a page of another generation is never served
  cache.put("/huge", 2, page_of(30'000));
  EXPECT_FALSE(cache.get("/huge", 2));
  cache.put("/new0", 2, page_of(100));  // replacing a page counts its new size only
  EXPECT_LE(cache.bytes(), 100'000u);
  EXPECT_EQ(cache.get("/new0", 2)->body.size(), 100u);
}

// The telechat page: one Telechat value rendered by the template.
std::string telechat_html(const telechat::Telechat& t, telechat::Audience a) {
  return render_template("telechat", telechat_view(t, a));
}

TEST(TelechatPage, CallDetailsOnlyForIesgAndSecretariat) {
  using telechat::Audience;
  namespace tt = telechat::testing;
  for (telechat::Kind kind : {telechat::Kind::informal, telechat::Kind::formal})
    for (Audience a : {Audience::public_view, Audience::iesg, Audience::secretariat}) {
      // The service hands the public a copy without call details; the page
      // must not show them even when given the whole value.
      std::string html = telechat_html(tt::sample(kind), a);
      for (const char* secret : {tt::kUrl, tt::kNumber, tt::kPassword})
        EXPECT_EQ(html.find(secret) != std::string::npos, telechat::sees_private(a)) << secret;
    }
}

TEST(TelechatPage, EscapesEverythingAndNeedsNoScript) {
  std::string html = telechat_html(telechat::testing::sample(), telechat::Audience::iesg);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("HotRFC &lt;co-chair&gt; &amp; more"), std::string::npos);
  EXPECT_NE(html.find("There <strong>WILL</strong> be a meeting"), std::string::npos);
  EXPECT_NE(html.find("<section id=\"management-issues\">"), std::string::npos);
  EXPECT_NE(html.find("Experiment: ALLDISPATCH"), std::string::npos);
  EXPECT_EQ(html.find("/experiments/"), std::string::npos);  // no page to link to
  EXPECT_NE(html.find("<a href=\"https://example.org/survey\">"), std::string::npos);
  EXPECT_EQ(html.find("Settled"), std::string::npos);
  EXPECT_EQ(html.find("<h1"), std::string::npos);  // the layout holds the page's one <h1>
}

TEST(TelechatPage, UnsafeLinksAreNotLinked) {
  telechat::Telechat t = telechat::testing::sample();
  t.agenda.items[0].links = {"javascript:alert(1)", "//evil.example/a", "/\\evil.example/b", "/\t/evil.example/c"};
  std::string html = telechat_html(t, telechat::Audience::iesg);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("javascript:alert(1)"), std::string::npos);
  EXPECT_EQ(html.find("href=\"//evil"), std::string::npos);
  EXPECT_EQ(html.find("href=\"/\\evil"), std::string::npos);
  EXPECT_EQ(html.find("href=\"/\t/evil"), std::string::npos);
}

}  // namespace
}  // namespace convene::web
