// End to end: HTML pages, sign-in with cookies and CSRF, the request form,
// and the demo data, against a real server on a loopback port.
#include <gtest/gtest.h>


#include "convene/web/demo.h"
#include "http_client.h"
#include "samples.h"

namespace convene {
namespace {

using testing::HttpResult;
using testing::TestServer;

class WebPages : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(web::load_demo(server.store()).ok()); }

  // Signs in through the form; returns the "convene_session=..." cookie pair.
  std::string sign_in(const std::string& email, const std::string& password = web::kDemoPassword) {
    auto r = testing::http_request("POST", server.url("/login"),
                                   "email=" + email + "&password=" + password + "&next=%2Fmeetings%2F125",
                                   {"Content-Type: application/x-www-form-urlencoded"});
    if (r.status != 303) return "";
    return r.set_cookie.substr(0, r.set_cookie.find(';'));
  }

  std::string csrf_of(const std::string& html) { return testing::csrf_of(html); }

  HttpResult form(const std::string& path, const std::string& body, const std::string& cookie) {
    return testing::http_request("POST", server.url(path), body,
                                 {"Content-Type: application/x-www-form-urlencoded", "Cookie: " + cookie});
  }

  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
};

TEST_F(WebPages, DemoIsIdempotentAndRich) {
  ASSERT_TRUE(web::load_demo(server.store()).ok());
  std::vector<DispatchRequest> at124, at125;
  ASSERT_TRUE(server.store().read([&](Repositories& r) {
    at124 = r.dispatch().at_meeting("124").value();
    at125 = r.dispatch().at_meeting("125").value();
    return ok_status();
  }).ok());
  EXPECT_EQ(at124.size() + at125.size(), 14u);
  bool shopping = false;
  for (const auto& q : at124) shopping |= std::find(q.flags.begin(), q.flags.end(), "shopping") != q.flags.end();
  EXPECT_TRUE(shopping);  // the feature that sets convene apart is in the demo
  bool flagged = false, dispatched = false, declined = false, pending = false;
  for (const auto& q : at125) {
    flagged |= std::find(q.flags.begin(), q.flags.end(), "resubmission") != q.flags.end();
    dispatched |= q.state == RequestState::dispatched;
    declined |= q.state == RequestState::declined;
    pending |= q.state == RequestState::pending;
  }
  EXPECT_TRUE(flagged && dispatched && declined && pending);
}

TEST_F(WebPages, PublicAgendaPageNeedsNoSignInAndHidesPrivateData) {
  auto r = server.get("/meetings/125/dispatch");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.headers["content-type"].find("text/html"), std::string::npos);
  EXPECT_NE(r.body.find("draft-obrien-secure-telemetry"), std::string::npos);
  EXPECT_NE(r.body.find("minutes"), std::string::npos);
  EXPECT_EQ(r.body.find("<script"), std::string::npos);
  EXPECT_EQ(r.body.find("Record outcome"), std::string::npos);  // no chair tools for the public
  auto md = server.get("/meetings/125/dispatch.md");
  ASSERT_EQ(md.status, 200);
  EXPECT_NE(md.body.find("draft-chen-mls-federation"), std::string::npos);
  auto venues = server.get("/meetings/124/dispatch");  // per-area without a venue: the venues to pick from
  EXPECT_EQ(venues.status, 200);
  EXPECT_NE(venues.body.find("href=\"/meetings/124/dispatch?venue=secdispatch\">SECDISPATCH agenda</a>"),
            std::string::npos);
  EXPECT_EQ(server.get("/meetings/124/dispatch?venue=dispatch").status, 200);
}

TEST_F(WebPages, MeetingsAreMarkedUpcomingRunningOrPast) {
  auto home = server.get("/");  // the server's clock: 2026-03-01
  EXPECT_NE(home.body.find("IETF 125</a> <span class=\"badge text-bg-secondary\">Upcoming</span>"), std::string::npos);
  EXPECT_NE(home.body.find("IETF 124</a> <span class=\"badge text-bg-secondary\">Past</span>"), std::string::npos);
  EXPECT_NE(home.body.find("14–20 March 2026"), std::string::npos);
  std::string cookie = sign_in("alice@example.org");
  auto past = testing::http_request("GET", server.url("/meetings/124/dispatch/request"), "", {"Cookie: " + cookie});
  EXPECT_NE(past.body.find("IETF 124 is over"), std::string::npos);
  auto upcoming = testing::http_request("GET", server.url("/meetings/125/dispatch/request"), "", {"Cookie: " + cookie});
  EXPECT_EQ(upcoming.body.find("is over"), std::string::npos);
}

TEST_F(WebPages, SignInSetsAHardenedCookie) {
  auto bad = testing::http_request("POST", server.url("/login"), "email=alice@example.org&password=wrong",
                                   {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(bad.status, 401);
  EXPECT_TRUE(bad.set_cookie.empty());
  auto ok = testing::http_request("POST", server.url("/login"),
                                  "email=alice%40example.org&password=convene-demo&next=https%3A%2F%2Fevil.example",
                                  {"Content-Type: application/x-www-form-urlencoded"});
  ASSERT_EQ(ok.status, 303);
  EXPECT_EQ(ok.headers["location"], "/");  // never off-site
  EXPECT_NE(ok.set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(ok.set_cookie.find("SameSite=Lax"), std::string::npos);
}

TEST_F(WebPages, FormsNeedTheSessionsCsrfToken) {
  std::string cookie = sign_in("alice@example.org");
  ASSERT_FALSE(cookie.empty());
  std::string body = "draft=draft-garcia-sip-relay-metrics&rev=00&presenter=alice%40example.org&question=Where%3F&area_art=on&minutes=12";
  auto no_csrf = form("/meetings/125/dispatch/request", body, cookie);
  EXPECT_EQ(no_csrf.status, 403);
  auto wrong = form("/meetings/125/dispatch/request", body + "&csrf=forged", cookie);
  EXPECT_EQ(wrong.status, 403);
  auto anonymous = form("/meetings/125/dispatch/request", body + "&csrf=x", "");
  EXPECT_EQ(anonymous.status, 401);
}

TEST_F(WebPages, ProponentSubmitsThroughTheFormAndSeesIt) {
  std::string cookie = sign_in("alice@example.org");
  auto page = testing::http_request("GET", server.url("/meetings/125/dispatch/request"), "", {"Cookie: " + cookie});
  ASSERT_EQ(page.status, 200);
  std::string csrf = csrf_of(page.body);
  ASSERT_FALSE(csrf.empty());
  // garcia-sip-relay-metrics-00 was submitted after the cutoff: refused, with the reason shown.
  std::string late = "draft=draft-garcia-sip-relay-metrics&rev=00&presenter=alice%40example.org&question=Where%3F&area_art=on&minutes=12&csrf=" + csrf;
  auto refused = form("/meetings/125/dispatch/request", late, cookie);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("draft_after_cutoff"), std::string::npos);
  std::string good = "draft=draft-weber-http-resumable-tokens&rev=00&presenter=alice%40example.org&question=Is+this+for+HTTPBIS%3F&area_art=on&minutes=12&csrf=" + csrf;
  std::string no_area = "draft=draft-weber-http-resumable-tokens&rev=00&presenter=alice%40example.org&question=Q&minutes=12&csrf=" + csrf;
  auto without = form("/meetings/125/dispatch/request", no_area, cookie);
  EXPECT_EQ(without.status, 400);
  EXPECT_NE(without.body.find("Areas it spans: tick at least one."), std::string::npos);
  EXPECT_EQ(without.body.find("[&quot;art&quot;]"), std::string::npos);  // no API syntax on the page
  auto onwg = form("/meetings/125/dispatch/request", good, cookie);
  EXPECT_EQ(onwg.status, 422);
  EXPECT_NE(onwg.body.find("on_wg_agenda"), std::string::npos);
  std::string fine = "draft=draft-kumar-dns-delegation-hints&rev=01&presenter=alice%40example.org&question=Still+homeless%3F&area_int=on&minutes=12&csrf=" + csrf;
  auto created = form("/meetings/125/dispatch/request", fine, cookie);
  ASSERT_EQ(created.status, 303) << created.body;
  auto agenda = server.get("/meetings/125/dispatch");
  EXPECT_NE(agenda.body.find("draft-kumar-dns-delegation-hints-01"), std::string::npos);
  EXPECT_NE(agenda.body.find("Still homeless?"), std::string::npos);
}

TEST_F(WebPages, ChairAcceptsFromTheAgendaPage) {
  std::string cookie = sign_in("dispatch-chair@example.org");
  auto page = testing::http_request("GET", server.url("/meetings/125/dispatch"), "", {"Cookie: " + cookie});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Accept"), std::string::npos);
  std::string csrf = csrf_of(page.body);
  std::int64_t pending_id = 0;
  ASSERT_TRUE(server.store().read([&](Repositories& r) {
    for (const auto& q : r.dispatch().at_meeting("125").value())
      if (q.state == RequestState::pending) pending_id = q.id;
    return ok_status();
  }).ok());
  ASSERT_GT(pending_id, 0);
  auto r = form("/dispatch/requests/" + std::to_string(pending_id) + "/decision", "decision=accept&csrf=" + csrf, cookie);
  EXPECT_EQ(r.status, 303);
  ASSERT_TRUE(server.store().read([&](Repositories& repo) {
    EXPECT_EQ((*repo.dispatch().request(pending_id))->state, RequestState::accepted);
    return ok_status();
  }).ok());
}

TEST_F(WebPages, AChairsRefusedFormIsShownAtItsItemWithWhatWasTyped) {
  std::string cookie = sign_in("dispatch-chair@example.org");
  auto page = testing::http_request("GET", server.url("/meetings/125/dispatch"), "", {"Cookie: " + cookie});
  std::string csrf = csrf_of(page.body);
  std::int64_t open_id = 0;
  ASSERT_TRUE(server.store().read([&](Repositories& r) {
    for (const auto& q : r.dispatch().at_meeting("125").value())
      if (q.state == RequestState::accepted && !q.outcome) open_id = q.id;
    return ok_status();
  }).ok());
  ASSERT_GT(open_id, 0);
  // An existing WG needs a target: refused on the agenda page, at the item, with the notes kept.
  auto r = form("/dispatch/requests/" + std::to_string(open_id) + "/outcome",
                "outcome=existing-wg&target=&notes=Keep+these+notes&csrf=" + csrf, cookie);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("<h1 class=\"h2 mb-3\">IETF 125 ALLDISPATCH agenda</h1>"), std::string::npos);
  auto item = r.body.find("id=\"item-" + std::to_string(open_id) + "\"");
  ASSERT_NE(item, std::string::npos);
  auto alert = r.body.find("alert-danger", item);
  ASSERT_NE(alert, std::string::npos);
  EXPECT_LT(alert, r.body.find("</li>", item));
  EXPECT_LT(r.body.find("target: ", alert), r.body.find("Error code: <code>target_required</code>", alert));
  EXPECT_NE(r.body.find("name=\"notes\" value=\"Keep these notes\""), std::string::npos);
  // The session form too: its error above the chairs' table, the typed length and names kept.
  auto s = form("/meetings/125/dispatch/session", "minutes=5&chairs_table=Dana+D%0D%0AGwen+G&csrf=" + csrf, cookie);
  EXPECT_EQ(s.status, 400);
  EXPECT_NE(s.body.find("Error code: <code>bad_value</code>"), std::string::npos);
  EXPECT_NE(s.body.find("max=\"480\" value=\"5\""), std::string::npos);
  EXPECT_NE(s.body.find(">Dana D\r\nGwen G</textarea>"), std::string::npos);
}

TEST_F(WebPages, PerAreaFormUsesTheSuggestedVenueWhenNoneIsPicked) {
  // IETF 124 is over (it takes no requests): a per-area IETF 126 in July does.
  ASSERT_TRUE(server.store().write([](Repositories& r) {
    if (auto st = r.meetings().insert(testing::ietf126_madrid()); !st) return st;
    return r.drafts().save_revision({"draft-ng-secure-thing", "00", "A secure thing", parse_rfc3339("2025-10-01T00:00:00Z", "t").value(), {"Ng"}, {}},
                                    {"secretariat@example.org", 0, true});
  }).ok());
  std::string cookie = sign_in("bob@example.org");
  auto page = testing::http_request("GET", server.url("/meetings/126/dispatch/request"), "", {"Cookie: " + cookie});
  ASSERT_NE(page.body.find("name=\"venue\""), std::string::npos);
  std::string body = "draft=draft-ng-secure-thing&rev=00&presenter=bob%40example.org&question=Where%3F&area_sec=on&minutes=12&venue=&csrf=" + csrf_of(page.body);
  auto r = form("/meetings/126/dispatch/request", body, cookie);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_NE(r.headers["location"].find("venue=secdispatch"), std::string::npos) << r.headers["location"];
}

TEST_F(WebPages, ChairsAgreeTheChairsTable) {
  std::string cookie = sign_in("gendispatch-chair@example.org");
  auto page = testing::http_request("GET", server.url("/meetings/125/dispatch"), "", {"Cookie: " + cookie});
  std::string csrf = csrf_of(page.body);
  auto r = form("/meetings/125/dispatch/session", "minutes=120&chairs_table=Gwen+Gendispatch%0D%0AGabriel+General%0D%0A&csrf=" + csrf, cookie);
  ASSERT_EQ(r.status, 303) << r.body;
  auto agenda = server.get("/api/v1/meetings/125/dispatch/agenda").json();
  EXPECT_EQ(agenda["chairs_table"], nlohmann::json::array({"Gwen Gendispatch", "Gabriel General"}));
  EXPECT_EQ(agenda["session_minutes"], 120);
  std::string outsider = sign_in("alice@example.org");
  auto mine = testing::http_request("GET", server.url("/meetings/125/dispatch"), "", {"Cookie: " + outsider});
  auto refused = form("/meetings/125/dispatch/session", "minutes=30&chairs_table=Alice&csrf=" + csrf_of(mine.body), outsider);
  EXPECT_EQ(refused.status, 403);
}

TEST_F(WebPages, ErrorsBeforeRoutingAreAPageForBrowsers) {
  const std::vector<std::string> browser = {"Accept: text/html,application/xhtml+xml"};
  auto bad = testing::http_request("GET", server.url("/drafts/%FF%FE/history"), "", browser);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.headers["content-type"].find("text/html"), std::string::npos);
  EXPECT_NE(bad.body.find("<nav"), std::string::npos);  // the menu, a way on
  EXPECT_NE(bad.body.find("UTF-8"), std::string::npos) << bad.body;
  auto api = testing::http_request("GET", server.url("/drafts/%FF%FE/history"));
  EXPECT_EQ(api.status, 400);
  EXPECT_EQ(api.json()["error"]["code"], "bad_encoding");

  std::vector<std::string> form = browser;
  form.push_back("Content-Type: application/x-www-form-urlencoded");
  auto big = testing::http_request("POST", server.url("/meetings/125/dispatch/request"),
                                   "title=" + std::string(2 << 20, 'x'), form);
  EXPECT_EQ(big.status, 413);
  EXPECT_NE(big.headers["content-type"].find("text/html"), std::string::npos);
  EXPECT_NE(big.body.find("larger than the limit"), std::string::npos);
  auto big_api = testing::http_request("POST", server.url("/api/v1/drafts"), std::string(2 << 20, ' '),
                                       {"Content-Type: application/json"});
  EXPECT_EQ(big_api.status, 413);
  EXPECT_EQ(big_api.json()["error"]["code"], "too_large");
}

}  // namespace
}  // namespace convene
