// End to end in a browser's shoes: the timeslot grid and its forms, a
// chair's session request form (refusals, carry-over from the previous
// meeting) and the approval buttons, signed in with a web session cookie.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "convene/jobs/worker.h"
#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::TestServer;

class PlanPages : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& [acronym, state] : {std::pair{"quic", "active"}, {"tls", "active"}, {"httpbis", "active"},
                                         {"oldwg", "active"}, {"masque", "active"}})
      ASSERT_EQ(server.post("/api/v1/groups", group(acronym, state), token).status, 200);
    ASSERT_EQ(server.post("/api/v1/meetings", meeting("125", "2026-03-14", "2026-03-20"), token).status, 201);
    sec = sign_in("sec@example.org");
    chair = sign_in("chair@example.org");
  }

  static json group(const std::string& acronym, const std::string& state) {
    std::string area = acronym == "tls" ? "sec" : "wit";
    return {{"acronym", acronym}, {"name", acronym}, {"type", "wg"}, {"area", area}, {"state", state}};
  }

  static json meeting(const std::string& number, const std::string& start, const std::string& end) {
    return {{"number", number},  {"city", "Shenzhen"},       {"start_date", start},
            {"end_date", end},   {"time_zone", "Asia/Shanghai"}, {"id_cutoff", start + "T00:00:00Z"}};
  }

  std::string sign_in(const std::string& email) {
    auto r = testing::http_request("POST", server.url("/login"), "email=" + email + "&password=password123",
                                   {"Content-Type: application/x-www-form-urlencoded"});
    EXPECT_EQ(r.status, 303) << email;
    return r.set_cookie.substr(0, r.set_cookie.find(';'));
  }

  HttpResult get(const std::string& path, const std::string& cookie) {
    return testing::http_request("GET", server.url(path), "", {"Cookie: " + cookie});
  }

  // Posts `body` with the CSRF token of the page at `page`.
  HttpResult form(const std::string& page, const std::string& path, const std::string& body, const std::string& cookie) {
    std::string csrf = testing::csrf_of(get(page, cookie).body);
    return testing::http_request("POST", server.url(path), body + "&csrf=" + csrf,
                                 {"Content-Type: application/x-www-form-urlencoded", "Cookie: " + cookie});
  }

  // Posts `body` signed in but without the CSRF token.
  HttpResult without_csrf(const std::string& path, const std::string& body, const std::string& cookie) {
    return testing::http_request("POST", server.url(path), body,
                                 {"Content-Type: application/x-www-form-urlencoded", "Cookie: " + cookie});
  }

  std::vector<json> requests(const std::string& number) {
    return server.get("/api/v1/meetings/" + number + "/session-requests").json()["session_requests"];
  }

  TestServer server{parse_rfc3339("2026-01-10T12:00:00Z", "now").value()};
  std::string token = server.token_for("sec@example.org", {"secretariat"});
  std::string chair_token = server.token_for("chair@example.org", {"chair:quic"});
  std::string sec, chair;
};

TEST_F(PlanPages, SecretariatAddsRoomsAndAGridAndSeesThem) {
  const std::string page = "/meetings/125/timeslots";
  EXPECT_NE(get(page, "").body.find("No timeslots yet."), std::string::npos);
  EXPECT_EQ(get(page, chair).body.find("Add a room"), std::string::npos);
  auto r = form(page, "/meetings/125/rooms", "room_name=Padang&room_capacity=300&room_resources=projector%2C+meetecho", sec);
  ASSERT_EQ(r.status, 303) << r.body;
  ASSERT_EQ(form(page, "/meetings/125/rooms", "room_name=Olivia&room_capacity=80", sec).status, 303);
  auto twice = form(page, "/meetings/125/rooms", "room_name=Padang&room_capacity=12", sec);
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("already has a room"), std::string::npos);
  EXPECT_NE(twice.body.find("value=\"12\""), std::string::npos);  // what was typed is kept
  r = form(page, "/meetings/125/timeslots",
           "days=2026-03-16%0D%0A2026-03-17&periods=09%3A30+120+Morning+Session+I%0D%0A13%3A00+90+Afternoon+Session+I&in_r1=on",
           sec);
  ASSERT_EQ(r.status, 303) << r.body;
  auto grid = get(page, sec);
  ASSERT_EQ(grid.status, 200);
  EXPECT_NE(grid.body.find("Monday 16 March 2026"), std::string::npos);
  EXPECT_NE(grid.body.find("09:30–11:30 Morning Session I"), std::string::npos);
  EXPECT_NE(grid.body.find("13:00–14:30 Afternoon Session I"), std::string::npos);
  EXPECT_NE(grid.body.find("Padang"), std::string::npos);
  EXPECT_NE(grid.body.find("300 seats"), std::string::npos);
  EXPECT_NE(grid.body.find("—"), std::string::npos);  // Olivia has no slot
  EXPECT_NE(grid.body.find("table-responsive"), std::string::npos);
  EXPECT_EQ(server.get("/api/v1/meetings/125/timeslots").json()["timeslots"].size(), 4u);
  auto bad = form(page, "/meetings/125/timeslots", "days=2026-04-01&periods=09%3A30+120+Late&in_r2=on", sec);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("is not a day of IETF 125"), std::string::npos);
  EXPECT_NE(bad.body.find("09:30 120 Late"), std::string::npos);
  ASSERT_EQ(form(page, "/meetings/125/timeslots/t1/remove", "", sec).status, 303);
  EXPECT_EQ(server.get("/api/v1/meetings/125/timeslots").json()["timeslots"].size(), 3u);
  EXPECT_EQ(form(page, "/meetings/125/timeslots/t2/remove", "", chair).status, 403);
  EXPECT_EQ(server.get("/api/v1/meetings/125/timeslots").json()["timeslots"].size(), 3u);
}

const std::string kRequest =
    "group=quic&length_1=120&attendees_1=150&length_2=60&attendees_2=80&length_3=&chair_conflict=tls%2C+httpbis"
    "&tech_overlap=masque&range_monday-morning=on&time_relation=subsequent-days&adjacent_with=httpbis"
    "&resources=projector&comments=Please+a+big+room";

TEST_F(PlanPages, ChairFilesARequestAndTheSecretariatApprovesIt) {
  const std::string page = "/meetings/125/session-requests/new?group=quic";
  auto blank = get(page, chair);
  ASSERT_EQ(blank.status, 200);
  EXPECT_NE(blank.body.find("<option value=\"quic\" selected>"), std::string::npos);
  EXPECT_EQ(blank.body.find("<option value=\"tls\""), std::string::npos);  // only the groups the chair chairs
  EXPECT_NE(blank.body.find("Monday"), std::string::npos);
  EXPECT_NE(blank.body.find("early afternoon"), std::string::npos);

  auto one = form(page, "/meetings/125/session-requests",
                  "group=quic&length_1=60&time_relation=one-day-separation&comments=keep+me", chair);
  EXPECT_EQ(one.status, 422);
  EXPECT_NE(one.body.find("needs exactly two sessions"), std::string::npos);
  EXPECT_NE(one.body.find("keep me"), std::string::npos);
  auto range = form(page, "/meetings/125/session-requests", "group=quic&length_1=60&range_sunday-evening=on&comments=typed", chair);
  EXPECT_EQ(range.status, 400);
  EXPECT_NE(range.body.find("bad_timerange"), std::string::npos);
  EXPECT_NE(range.body.find("typed"), std::string::npos);
  auto unknown = form(page, "/meetings/125/session-requests", "group=quic&length_1=60&chair_conflict=nosuch", chair);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("there is no group &#39;nosuch&#39;"), std::string::npos);
  EXPECT_TRUE(requests("125").empty());

  auto filed = form(page, "/meetings/125/session-requests", kRequest, chair);
  ASSERT_EQ(filed.status, 303) << filed.body;
  EXPECT_EQ(filed.headers["location"], "/meetings/125/session-requests");
  ASSERT_EQ(requests("125").size(), 1u);
  const std::string id = std::to_string(requests("125")[0]["id"].get<int>());

  auto list = get("/meetings/125/session-requests", chair);
  EXPECT_NE(list.body.find("Waiting for the secretariat"), std::string::npos);
  EXPECT_NE(list.body.find("Chair conflict with tls, httpbis"), std::string::npos);
  EXPECT_NE(list.body.find("Technology overlap with masque"), std::string::npos);
  EXPECT_NE(list.body.find("Cannot meet Monday morning"), std::string::npos);
  EXPECT_NE(list.body.find("Sessions on subsequent days"), std::string::npos);
  EXPECT_NE(list.body.find("Right before or after httpbis"), std::string::npos);
  EXPECT_NE(list.body.find("120 minutes for 150 people"), std::string::npos);
  EXPECT_NE(list.body.find("href=\"/meetings/125/session-requests/new?group=quic\""), std::string::npos);
  EXPECT_EQ(list.body.find("/approve"), std::string::npos);  // no button for the chair

  auto denied = form("/meetings/125/session-requests", "/session-requests/" + id + "/approve", "", chair);
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(requests("125")[0]["state"], "pending");
  auto approved = form("/meetings/125/session-requests", "/session-requests/" + id + "/approve", "", sec);
  ASSERT_EQ(approved.status, 303) << approved.body;
  EXPECT_EQ(requests("125")[0]["state"], "approved");
  EXPECT_NE(get("/meetings/125/session-requests", "").body.find("Approved"), std::string::npos);
  EXPECT_NE(get(page, chair).body.find("quic has already asked for sessions at IETF 125 (Approved)."), std::string::npos);
  auto again = form(page, "/meetings/125/session-requests", kRequest, chair);
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("request_exists"), std::string::npos);
}

// The IESG lets a group run against ALLDISPATCH (exclusive) from the
// session requests page; others see the exceptions but not the form.
TEST_F(PlanPages, TheIesgLetsAGroupRunAgainstAnExclusiveSession) {
  json m = meeting("127", "2026-11-07", "2026-11-13");
  m["dispatch_mode"] = "consolidated";
  m["time_zone"] = "Europe/Vienna";
  ASSERT_EQ(server.post("/api/v1/meetings", m, token).status, 201);
  server.token_for("ad@example.org", {"ad:wit"});
  const std::string ad = sign_in("ad@example.org");
  const std::string page = "/meetings/127/session-requests", post = "/meetings/127/exclusive-exceptions";
  const std::string exceptions_table = "May run against";

  auto seen = get(page, ad);
  EXPECT_NE(seen.body.find("<option value=\"alldispatch-1\">dispatch (2 hours)</option>"), std::string::npos) << seen.body;
  EXPECT_NE(seen.body.find("No group may run against an exclusive session yet."), std::string::npos);
  EXPECT_EQ(get(page, chair).body.find("action=\"" + post + "\""), std::string::npos);
  EXPECT_EQ(get(page, sec).body.find("action=\"" + post + "\""), std::string::npos);
  auto denied = form(page, post, "session=alldispatch-1&group=quic", chair);
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(without_csrf(post, "session=alldispatch-1&group=quic", ad).status, 403);

  auto unknown = form(page, post, "session=alldispatch-1&group=nosuchwg", ad);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("there is no group &#39;nosuchwg&#39;"), std::string::npos);
  EXPECT_NE(unknown.body.find("value=\"nosuchwg\""), std::string::npos);  // what was typed is kept
  auto no_session = form(page, post, "session=quic-9&group=quic", ad);
  EXPECT_EQ(no_session.status, 404);
  EXPECT_NE(no_session.body.find("has no approved session"), std::string::npos);
  auto empty = form(page, post, "session=alldispatch-1&group=", ad);
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("group"), std::string::npos);
  EXPECT_EQ(get(page, "").body.find(exceptions_table), std::string::npos);  // nothing changed

  auto allowed = form(page, post, "session=alldispatch-1&group=quic", ad);
  ASSERT_EQ(allowed.status, 303) << allowed.body;
  EXPECT_EQ(allowed.headers["location"], page + "#exclusive");
  // The public sees who approved it (by name, never the address) and when, in Vienna's time.
  auto shown = get(page, "").body;
  EXPECT_NE(shown.find("<th scope=\"row\">quic</th><td>dispatch (2 hours)</td><td>ad</td>"),
            std::string::npos) << shown;
  EXPECT_NE(shown.find("2026-01-10 13:00 (+01:00)"), std::string::npos);
  EXPECT_EQ(shown.find("ad@example.org"), std::string::npos);
}

// A chair lists a draft on its group's session agenda from the meeting's
// WG agendas page; the list is public, the form only for chairs and the
// secretariat.
TEST_F(PlanPages, AChairListsADraftOnItsWgAgenda) {
  const std::string page = "/meetings/125/wg-agendas", post = page;
  const std::string action = "action=\"/meetings/125/wg-agendas\"";
  server.token_for("someone@example.org", {});
  const std::string someone = sign_in("someone@example.org");
  EXPECT_NE(get("/meetings/125", "").body.find("href=\"/meetings/125/wg-agendas\""), std::string::npos);
  auto empty_page = get(page, "");
  ASSERT_EQ(empty_page.status, 200);
  EXPECT_NE(empty_page.body.find("No draft is on a WG session agenda yet."), std::string::npos);
  EXPECT_EQ(empty_page.body.find(action), std::string::npos);
  EXPECT_EQ(get(page, someone).body.find(action), std::string::npos);
  auto chairs = get(page, chair).body;
  EXPECT_NE(chairs.find("<option value=\"quic\">quic</option>"), std::string::npos) << chairs;
  EXPECT_NE(get(page, sec).body.find("id=\"wg-group\" name=\"group\" value=\"\""), std::string::npos);

  EXPECT_EQ(form(page, post, "group=quic&draft=draft-ietf-quic-wg", someone).status, 403);
  EXPECT_EQ(form(page, post, "group=tls&draft=draft-ietf-quic-wg", chair).status, 403);  // not its group
  EXPECT_EQ(without_csrf(post, "group=quic&draft=draft-ietf-quic-wg", chair).status, 403);
  auto bad = form(page, post, "group=quic&draft=Not+A+Draft", chair);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("draft:"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"Not A Draft\""), std::string::npos);  // what was typed is kept
  EXPECT_EQ(form(page, post, "group=quic&draft=", chair).status, 400);
  EXPECT_EQ(form("/", "/meetings/999/wg-agendas", "group=quic&draft=draft-ietf-quic-wg", chair).status, 404);
  EXPECT_TRUE(server.get("/api/v1/meetings/125/wg-agendas").json()["entries"].empty());

  auto listed = form(page, post, "group=quic&draft=draft-ietf-quic-wg", chair);
  ASSERT_EQ(listed.status, 303) << listed.body;
  EXPECT_EQ(listed.headers["location"], page + "#group-quic");
  EXPECT_EQ(server.get("/api/v1/meetings/125/wg-agendas").json()["entries"].size(), 1u);
  auto shown = get(page, "").body;
  EXPECT_NE(shown.find("<th scope=\"row\">quic</th><td><ul class=\"list-unstyled mb-0\"><li><a href=\"/drafts?q=draft-ietf-quic-wg\">draft-ietf-quic-wg</a>"),
            std::string::npos) << shown;
}

// The secretariat records a HotRFC topic on the same page; nobody else sees
// the form or may use it.
TEST_F(PlanPages, TheSecretariatRecordsAHotRfcTopic) {
  const std::string page = "/meetings/125/wg-agendas", post = "/meetings/125/hotrfc";
  const std::string action = "action=\"/meetings/125/hotrfc\"";
  EXPECT_NE(get(page, "").body.find("No HotRFC topic is recorded yet."), std::string::npos);
  EXPECT_EQ(get(page, "").body.find(action), std::string::npos);
  EXPECT_EQ(get(page, chair).body.find(action), std::string::npos);
  EXPECT_NE(get(page, sec).body.find(action), std::string::npos);
  EXPECT_EQ(form(page, post, "draft=draft-li-hot-topic", chair).status, 403);
  EXPECT_EQ(without_csrf(post, "draft=draft-li-hot-topic", sec).status, 403);
  auto bad = form(page, post, "draft=Hot+Topic", sec);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("draft:"), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"hotrfc-draft\" name=\"draft\" value=\"Hot Topic\""), std::string::npos);
  EXPECT_EQ(form(page, post, "draft=", sec).status, 400);
  EXPECT_EQ(form("/", "/meetings/999/hotrfc", "draft=draft-li-hot-topic", sec).status, 404);
  EXPECT_NE(get(page, "").body.find("No HotRFC topic is recorded yet."), std::string::npos);  // nothing changed

  auto recorded = form(page, post, "draft=draft-li-hot-topic", sec);
  ASSERT_EQ(recorded.status, 303) << recorded.body;
  EXPECT_EQ(recorded.headers["location"], page + "#hotrfc");
  EXPECT_NE(get(page, "").body.find("<li><a href=\"/drafts?q=draft-li-hot-topic\">draft-li-hot-topic</a></li>"),
            std::string::npos);
}

TEST_F(PlanPages, TheFormCarriesLastMeetingsRequestOver) {
  ASSERT_EQ(server.post("/api/v1/meetings", meeting("126", "2026-07-18", "2026-07-24"), token).status, 201);
  auto a = form("/meetings/125/session-requests/new?group=quic", "/meetings/125/session-requests",
                kRequest + "&bethere=chair%40example.org", chair);
  ASSERT_EQ(a.status, 303) << a.body;
  // The public list keeps the address private; the chair's next form shows it again.
  EXPECT_EQ(server.get("/api/v1/meetings/125/session-requests").body.find("chair@example.org"), std::string::npos);
  // tls asks too, against quic; httpbis does not ask at 125.
  ASSERT_EQ(server.post("/api/v1/groups", group("oldwg", "concluded"), token).status, 200);
  json tls = {{"group", "tls"}, {"sessions", {{{"duration_min", 60}}}},
              {"conflicts", {{{"type", "key_participant"}, {"targets", {"quic"}}}}}};
  ASSERT_EQ(server.post("/api/v1/meetings/126/session-requests", tls, token).status, 201);
  std::string with_old = kRequest;
  with_old.replace(with_old.find("tech_overlap=masque"), 19, "tech_overlap=oldwg");
  with_old.replace(with_old.find("group=quic"), 10, "group=masque");
  // masque is requested by the secretariat at 125, with a target that has concluded since.
  ASSERT_EQ(form("/meetings/125/session-requests/new?group=masque", "/meetings/125/session-requests",
                 with_old, sec).status, 303);

  auto b = get("/meetings/126/session-requests/new?group=quic", chair);
  ASSERT_EQ(b.status, 200);
  EXPECT_NE(b.body.find("Last time you asked for 2 sessions for 150 people"), std::string::npos);
  EXPECT_NE(b.body.find(">tls httpbis</textarea>"), std::string::npos);
  EXPECT_NE(b.body.find("id=\"range_monday-morning\" name=\"range_monday-morning\" checked"), std::string::npos);
  EXPECT_NE(b.body.find("<option value=\"subsequent-days\" selected>"), std::string::npos);
  EXPECT_NE(b.body.find("value=\"httpbis\""), std::string::npos);  // adjacent
  EXPECT_NE(b.body.find("tls: key participant conflict"), std::string::npos);
  EXPECT_NE(b.body.find("New in your area since: httpbis."), std::string::npos);
  EXPECT_NE(b.body.find(">chair@example.org</textarea>"), std::string::npos);

  auto m = get("/meetings/126/session-requests/new?group=masque", sec);
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("<strong>oldwg</strong>: concluded since: remove it"), std::string::npos);
  EXPECT_NE(m.body.find(">oldwg</textarea>"), std::string::npos);
}

TEST_F(PlanPages, TheMeetingPageLinksThePlanPages) {
  auto m = get("/meetings/125", "");
  EXPECT_NE(m.body.find("href=\"/meetings/125/timeslots\">Timeslots</a>"), std::string::npos);
  EXPECT_NE(m.body.find("href=\"/meetings/125/session-requests\">Session requests</a>"), std::string::npos);
  EXPECT_EQ(get("/meetings/125/session-requests/new", "").status, 401);
}

}  // namespace
}  // namespace convene

namespace convene {
namespace {

// The newcomer, in a browser's shoes: load IETF 106's requests, run
// the solver, read the violations, make the schedule official, and fetch
// its calendar.
TEST_F(PlanPages, ANewcomerLoadsSolvesPublishesAndSubscribes) {
  EXPECT_EQ(get("/meetings/import", chair).status, 403);
  std::ifstream in(std::string(CONVENE_SHARED_DIR) + "/data/schedule/ietf106.problem.json");
  std::stringstream problem;
  problem << in.rdbuf();
  auto bad = form("/meetings/import", "/meetings/import", "number=0106&problem=x", sec);
  EXPECT_EQ(bad.status, 400);
  auto loaded = form("/meetings/import", "/meetings/import",
                     "number=106&problem=" + http::percent_encode(problem.str()), sec);
  ASSERT_EQ(loaded.status, 303) << loaded.body.substr(0, 500);
  EXPECT_EQ(loaded.headers["location"], "/meetings/106/schedules");

  auto solve = form("/meetings/106/schedules", "/meetings/106/schedules/solve",
                    "name=draft-1&time_limit_s=2&seed=1&start=", sec);
  ASSERT_EQ(solve.status, 303) << solve.body.substr(0, 500);
  EXPECT_NE(get("/meetings/106/schedules", sec).body.find("Waiting for a worker"), std::string::npos);
  Worker worker(server.store(), standard_job_handlers());
  ASSERT_TRUE(worker.run_one().value());

  auto version = get("/meetings/106/schedules/draft-1", sec);
  ASSERT_EQ(version.status, 200);
  EXPECT_NE(version.body.find("Cost by term"), std::string::npos);
  EXPECT_NE(version.body.find("Violations"), std::string::npos);
  auto official = form("/meetings/106/schedules/draft-1", "/meetings/106/schedules/draft-1/official", "", sec);
  ASSERT_EQ(official.status, 303) << official.body.substr(0, 500);
  auto ics = server.get("/meetings/106/agenda.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_NE(ics.body.find("TZID:Asia/Singapore"), std::string::npos);
  EXPECT_NE(get("/meetings/106", "").body.find("/meetings/106/agenda.ics"), std::string::npos);
}

}  // namespace
}  // namespace convene
