// End to end: the proponent's and the chairs' dispatch journeys after a
// request is filed (issue 13): "my requests", withdraw, edit, undo a decline,
// correct an outcome, the lock on dispatched items and requests closing after
// the meeting, through the JSON API and the HTML forms of a real server.
#include <gtest/gtest.h>

#include <set>

#include "convene/web/demo.h"
#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::TestServer;

json meeting_body(const std::string& number, const std::string& start, const std::string& end,
                  const std::string& cutoff) {
  return {{"number", number}, {"type", "plenary"}, {"city", "Dublin"}, {"start_date", start},
          {"end_date", end}, {"time_zone", "Europe/Dublin"}, {"mode", "in-person"},
          {"id_cutoff", cutoff}, {"dispatch_mode", "consolidated"}};
}

json draft_body(const std::string& name) {
  return {{"name", name}, {"rev", "00"}, {"title", "Title of " + name}, {"submitted_at", "2024-06-01T10:00:00Z"},
          {"authors", {"Ada"}}};
}

json request_body(const std::string& draft) {
  return {{"draft", draft}, {"rev", "00"}, {"presenter", "ada@example.org"},
          {"question", "Where should this go?"}, {"areas", {"art", "sec"}}};
}

class JourneysApi : public ::testing::Test {
 protected:
  TestServer server{parse_rfc3339("2024-10-25T00:00:00Z", "now").value()};
  std::string secretariat = server.token_for("sec@example.org", {"secretariat"});
  std::string ada = server.token_for("ada@example.org", {});
  std::string bob = server.token_for("bob@example.org", {});
  std::string chair = server.token_for("chair@example.org", {"chair:secdispatch"});

  void SetUp() override {
    ASSERT_EQ(server.post("/api/v1/meetings", meeting_body("121", "2024-11-02", "2024-11-08", "2024-10-21T23:59:00Z"),
                          secretariat).status, 201);
    ASSERT_EQ(server.post("/api/v1/meetings", meeting_body("120", "2024-07-20", "2024-07-26", "2024-07-08T23:59:00Z"),
                          secretariat).status, 201);
    for (const char* d : {"draft-foo-bar", "draft-two-things", "draft-bob-idea"})
      ASSERT_EQ(server.post("/api/v1/drafts", draft_body(d), secretariat).status, 201);
  }

  std::int64_t file(const std::string& draft, const std::string& token) {
    auto r = server.post("/api/v1/meetings/121/dispatch/requests", request_body(draft), token);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("id", std::int64_t{0});
  }
  HttpResult act(std::int64_t id, const std::string& action, const json& body, const std::string& token) {
    return server.post("/api/v1/dispatch/requests/" + std::to_string(id) + "/" + action, body, token);
  }
  static std::string code(const HttpResult& r) { return r.json()["error"]["code"].get<std::string>(); }
};

TEST_F(JourneysApi, MyRequestsAreTheCallersOwnNewestFirst) {
  std::int64_t first = file("draft-foo-bar", ada);
  server.now += 60;
  std::int64_t second = file("draft-two-things", ada);
  file("draft-bob-idea", bob);
  auto mine = server.get("/api/v1/me/dispatch-requests", ada);
  ASSERT_EQ(mine.status, 200);
  auto list = mine.json()["requests"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], second);
  EXPECT_EQ(list[1]["id"], first);
  EXPECT_EQ(list[1]["title"], "Title of draft-foo-bar");
  EXPECT_EQ(list[1]["requested_by"], "ada@example.org");
  EXPECT_EQ(server.get("/api/v1/me/dispatch-requests").status, 401);
}

TEST_F(JourneysApi, OnlyTheProponentWithdrawsAndOnlyWhilePending) {
  std::int64_t id = file("draft-foo-bar", ada);
  EXPECT_EQ(act(id, "withdraw", json::object(), bob).status, 403);
  EXPECT_EQ(act(id, "withdraw", json::object(), chair).status, 403);
  EXPECT_EQ(act(id, "withdraw", json::object(), "").status, 401);
  auto done = act(id, "withdraw", json::object(), ada);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["state"], "withdrawn");
  auto again = act(id, "withdraw", json::object(), ada);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(code(again), "not_pending");
  auto agenda = server.get("/api/v1/meetings/121/dispatch/agenda");
  EXPECT_EQ(agenda.body.find("draft-foo-bar"), std::string::npos);
  EXPECT_EQ(testing::http_request("POST", server.url("/api/v1/dispatch/requests/abc/withdraw"), "{}",
                                  {"Authorization: Bearer " + ada}).status, 400);
  file("draft-foo-bar", ada);  // a withdrawn request blocks no new one
}

TEST_F(JourneysApi, AnEditRerunsTheSubmissionRules) {
  std::int64_t id = file("draft-foo-bar", ada);
  json edit = {{"presenter", "Bob Presenter"}, {"question", "Is this for HTTPBIS?"}, {"areas", {"art"}}, {"minutes", 20}};
  EXPECT_EQ(act(id, "edit", edit, bob).status, 403);
  json no_areas = edit;
  no_areas["areas"] = json::array();
  auto bad = act(id, "edit", no_areas, ada);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(code(bad), "bad_value");
  auto ok = act(id, "edit", edit, ada);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["question"], "Is this for HTTPBIS?");
  EXPECT_EQ(ok.json()["minutes"], 20);
  EXPECT_EQ(ok.json()["draft"], "draft-foo-bar");
  ASSERT_EQ(act(id, "decision", {{"decision", "accept"}}, chair).status, 200);
  EXPECT_EQ(code(act(id, "edit", edit, ada)), "not_pending");
}

TEST_F(JourneysApi, ChairsUndoADeclineAndCorrectAnOutcomeKeepingTheOldOne) {
  std::int64_t id = file("draft-foo-bar", ada);
  ASSERT_EQ(act(id, "decision", {{"decision", "decline"}, {"reason", "Out of scope"}}, chair).status, 200);
  EXPECT_EQ(act(id, "undo-decline", json::object(), ada).status, 403);
  auto back = act(id, "undo-decline", json::object(), chair);
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json()["state"], "pending");
  EXPECT_EQ(back.json()["undone_declines"][0]["reason"], "Out of scope");
  EXPECT_EQ(code(act(id, "undo-decline", json::object(), chair)), "not_declined");
  ASSERT_EQ(act(id, "decision", {{"decision", "accept"}}, chair).status, 200);
  ASSERT_EQ(act(id, "outcome", {{"outcome", "existing-wg"}, {"target", "httpbis"}}, chair).status, 200);
  auto second = act(id, "outcome", {{"outcome", "bof"}}, chair);
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(code(second), "already_dispatched");
  auto fixed = act(id, "outcome", {{"outcome", "bof"}, {"reason", "The session asked for a BoF"}}, chair);
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_EQ(fixed.json()["outcome"]["kind"], "bof");
  EXPECT_EQ(fixed.json()["corrections"][0]["previous"]["target"], "httpbis");
  EXPECT_EQ(fixed.json()["corrections"][0]["reason"], "The session asked for a BoF");
  auto locked = act(id, "arrange", {{"minutes", 30}}, chair);
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(code(locked), "outcome_recorded");
  auto history = server.get("/api/v1/drafts/draft-foo-bar/dispatch-history").json();
  std::vector<std::string> states;  // the undone decline stays in the history
  for (const auto& e : history["events"]) states.push_back(e["state"]);
  EXPECT_EQ(states, (std::vector<std::string>{"requested", "declined", "reopened", "accepted", "dispatched", "corrected"}));
  auto page = server.get("/drafts/draft-foo-bar/history");
  EXPECT_NE(page.body.find("Decline undone"), std::string::npos);
}

TEST_F(JourneysApi, RequestsCloseAfterTheMeeting) {
  auto late = server.post("/api/v1/meetings/120/dispatch/requests", request_body("draft-foo-bar"), ada);
  EXPECT_EQ(late.status, 422);
  EXPECT_EQ(code(late), "requests_closed");
  auto in = testing::http_request("POST", server.url("/login"), "email=ada%40example.org&password=password123",
                                  {"Content-Type: application/x-www-form-urlencoded"});
  ASSERT_EQ(in.status, 303);
  std::string cookie = in.set_cookie.substr(0, in.set_cookie.find(';'));
  auto page = testing::http_request("GET", server.url("/meetings/120/dispatch/request"), "", {"Cookie: " + cookie});
  EXPECT_NE(page.body.find("Requests are closed"), std::string::npos);
  EXPECT_EQ(page.body.find("Ask for time</button>"), std::string::npos);
}

// The same journeys through the pages, on the demo, as a browser does.
class JourneyPages : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(web::load_demo(server.store()).ok()); }

  std::string sign_in(const std::string& email) {
    auto r = testing::http_request("POST", server.url("/login"),
                                   "email=" + email + "&password=" + web::kDemoPassword + "&next=%2Fme",
                                   {"Content-Type: application/x-www-form-urlencoded"});
    return r.status == 303 ? r.set_cookie.substr(0, r.set_cookie.find(';')) : "";
  }
  HttpResult get(const std::string& path, const std::string& cookie) {
    return testing::http_request("GET", server.url(path), "", {"Cookie: " + cookie});
  }
  HttpResult form(const std::string& path, const std::string& body, const std::string& cookie) {
    return testing::http_request("POST", server.url(path), body,
                                 {"Content-Type: application/x-www-form-urlencoded", "Cookie: " + cookie});
  }
  // Files a request for `draft` at IETF 125 through the form; returns its id.
  std::string file(const std::string& draft, const std::string& rev, const std::string& cookie) {
    std::string csrf = testing::csrf_of(get("/meetings/125/dispatch/request", cookie).body);
    auto r = form("/meetings/125/dispatch/request",
                  "csrf=" + csrf + "&draft=" + draft + "&rev=" + rev +
                      "&presenter=alice%40example.org&question=Where+should+this+go%3F&area_int=on&minutes=10",
                  cookie);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 500);
    std::string location = r.headers["location"];
    std::size_t at = location.find("submitted=");
    return at == std::string::npos ? "" : location.substr(at + 10, location.find('#') - at - 10);
  }

  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
};

TEST_F(JourneyPages, ThePublicAgendaNamesPresentersAndPublishesNoAddress) {
  auto feed = server.get("/api/v1/meetings/125/dispatch/agenda");
  ASSERT_EQ(feed.status, 200);
  const json agenda = feed.json();
  ASSERT_FALSE(agenda["items"].empty());
  std::set<std::string> shown;
  for (const auto& item : agenda["items"]) shown.insert(item["presenter"].get<std::string>());
  const std::set<std::string> demo_people = {"Alice Smith", "Bob Chen", "Carol O'Brien"};
  for (const auto& name : shown) EXPECT_TRUE(demo_people.count(name)) << name;
  auto markdown = server.get("/meetings/125/dispatch.md");
  ASSERT_EQ(markdown.status, 200);
  EXPECT_EQ(markdown.body.find("@example.org"), std::string::npos);
  const std::string first_word = shown.begin()->substr(0, shown.begin()->find(' '));
  EXPECT_NE(markdown.body.find("- Presenter: " + first_word), std::string::npos);
  auto page = server.get("/meetings/125/dispatch");
  ASSERT_EQ(page.status, 200);
  for (const char* address : {"alice@example.org", "bob@example.org", "carol@example.org"})
    EXPECT_EQ(page.body.find(address), std::string::npos) << address;
}

TEST_F(JourneyPages, TheProponentSeesEditsAndWithdrawsTheirRequest) {
  std::string cookie = sign_in("alice%40example.org");
  ASSERT_FALSE(cookie.empty());
  EXPECT_NE(get("/me", cookie).body.find("href=\"/me/requests\""), std::string::npos);
  std::string id = file("draft-kumar-dns-delegation-hints", "01", cookie);
  ASSERT_FALSE(id.empty());
  auto mine = get("/me/requests", cookie);
  ASSERT_EQ(mine.status, 200);
  std::size_t row = mine.body.find("id=\"request-" + id + "\"");
  ASSERT_NE(row, std::string::npos);
  EXPECT_LT(row, mine.body.find("draft-smith-event-feeds"));  // newest first
  EXPECT_NE(mine.body.find("ALLDISPATCH", row), std::string::npos);
  EXPECT_NE(mine.body.find("<strong>Pending</strong>", row), std::string::npos);
  EXPECT_NE(mine.body.find("Reason for declining"), std::string::npos);  // the demo's declined request

  std::string csrf = testing::csrf_of(mine.body);
  auto refused = form("/dispatch/requests/" + id + "/edit", "csrf=" + csrf + "&presenter=Al&question=Kept+text&minutes=10",
                      cookie);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("Areas it spans: tick at least one."), std::string::npos);
  EXPECT_NE(refused.body.find("Kept text"), std::string::npos);
  auto edited = form("/dispatch/requests/" + id + "/edit",
                     "csrf=" + csrf + "&presenter=Al&question=A+sharper+question&area_ops=on&minutes=15", cookie);
  EXPECT_EQ(edited.status, 303);
  EXPECT_NE(get("/me/requests", cookie).body.find("A sharper question"), std::string::npos);

  std::string bob = sign_in("bob%40example.org");
  auto not_his = form("/dispatch/requests/" + id + "/withdraw",
                      "csrf=" + testing::csrf_of(get("/me/requests", bob).body), bob);
  EXPECT_EQ(not_his.status, 403);
  EXPECT_EQ(get("/dispatch/requests/" + id + "/edit", bob).status, 403);

  auto withdrawn = form("/dispatch/requests/" + id + "/withdraw", "csrf=" + csrf, cookie);
  ASSERT_EQ(withdrawn.status, 303);
  auto after = get("/me/requests", cookie);
  EXPECT_NE(after.body.find("Withdrawn by the proponent", after.body.find("id=\"request-" + id + "\"")),
            std::string::npos);
  EXPECT_EQ(get("/meetings/125/dispatch", cookie).body.find("draft-kumar-dns-delegation-hints"), std::string::npos);
}

TEST_F(JourneyPages, ChairsUndoADeclineFromTheAgendaPage) {
  std::string cookie = sign_in("gendispatch-chair%40example.org");
  auto agenda = get("/meetings/125/dispatch", cookie);
  std::size_t declined = agenda.body.find("id=\"declined-heading\"");
  ASSERT_NE(declined, std::string::npos);
  std::size_t button = agenda.body.find("/undo-decline\"", declined);
  ASSERT_NE(button, std::string::npos);
  std::size_t start = agenda.body.rfind("/dispatch/requests/", button);
  std::string path = agenda.body.substr(start, button - start) + "/undo-decline";
  auto undone = form(path, "csrf=" + testing::csrf_of(agenda.body), cookie);
  EXPECT_EQ(undone.status, 303);
  EXPECT_EQ(get("/meetings/125/dispatch", cookie).body.find("id=\"declined-heading\""), std::string::npos);
  EXPECT_NE(get("/meetings/125/dispatch", cookie).body.find("Correct outcome"), std::string::npos);
}

}  // namespace
}  // namespace convene
