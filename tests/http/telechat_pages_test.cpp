// End to end in a browser's shoes (issue 13): the IESG's telechat forms on
// the demo, signed in through /login with the session's CSRF token; series
// dates without a stored telechat have pages and are on the list.
//
// The demo dates its telechats from the real clock (the next Thursday D: an
// informal telechat; informal series D, D+14, D+28 cancelled, D+42; formal
// series D+7, D+21, D+35 cancelled), so the server runs on the real clock too.
#include <gtest/gtest.h>

#include "convene/telechat/render.h"
#include "convene/web/demo.h"
#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::TestServer;

const char* const kForm = "<form method=\"post\" action=\"/telechats";

std::int64_t next_thursday() {
  std::int64_t d = now_utc() / 86400;
  do ++d;
  while (((d % 7) + 7 + 4) % 7 != 4);
  return d;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class TelechatPages : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(web::load_demo(server.store()).ok()); }

  std::string sign_in(const std::string& email) {
    auto r = testing::http_request("POST", server.url("/login"),
                                   "email=" + http::percent_encode(email) + "&password=" + web::kDemoPassword,
                                   {"Content-Type: application/x-www-form-urlencoded"});
    EXPECT_EQ(r.status, 303) << email;
    return r.set_cookie.substr(0, r.set_cookie.find(';'));
  }

  HttpResult get(const std::string& path, const std::string& cookie = "") {
    return testing::http_request("GET", server.url(path), "", cookie.empty() ? std::vector<std::string>{}
                                                                             : std::vector<std::string>{"Cookie: " + cookie});
  }

  // Posts `body` as a form with the CSRF token of the caller's session.
  HttpResult form(const std::string& path, const std::string& body, const std::string& cookie) {
    std::string csrf = testing::csrf_of(get("/me", cookie).body);
    return testing::http_request("POST", server.url(path), body + "&csrf=" + csrf,
                                 {"Content-Type: application/x-www-form-urlencoded", "Cookie: " + cookie});
  }

  // The id of the open item titled `title` on the telechat of `date`.
  std::string item_id(const std::string& date, const std::string& title) {
    json agenda = server.get("/api/v1/telechats/" + date).json();
    for (const auto& section : agenda["sections"])
      for (const auto& item : section["items"])
        if (item["title"] == title && !item["closed"].get<bool>()) return item["id"].get<std::string>();
    ADD_FAILURE() << "no item '" << title << "' on " << date;
    return "";
  }

  // The section slug of the open item titled `title` on `date`, "" if none.
  std::string section_of(const std::string& date, const std::string& title) {
    json agenda = server.get("/api/v1/telechats/" + date).json();
    for (const auto& section : agenda["sections"])
      for (const auto& item : section["items"])
        if (item["title"] == title && !item["closed"].get<bool>()) return section["slug"].get<std::string>();
    return "";
  }

  // The saved series of `kind` from the API, null if none.
  json series_of(const std::string& kind) {
    const json all = server.get("/api/v1/telechats/series").json();
    for (const json& s : all["series"])
      if (s["kind"] == kind) return s;
    return nullptr;
  }

  TestServer server{now_utc()};
  const std::int64_t d = next_thursday();
  const std::string informal = format_date(d), next = format_date(d + 14), cancelled = format_date(d + 28),
                    later = format_date(d + 42), formal = format_date(d + 21);
};

TEST_F(TelechatPages, IesgCreatesAddsParksAndSeesItCarriedOver) {
  std::string iesg = sign_in("gen-ad@example.org");
  auto scheduled = get("/telechats/" + next, iesg);
  ASSERT_EQ(scheduled.status, 200);
  EXPECT_NE(scheduled.body.find("Its agenda is not made yet."), std::string::npos);
  EXPECT_NE(scheduled.body.find("value=\"" + next + "\""), std::string::npos);  // the create form, prefilled
  auto made = form("/telechats", "from=day&date=" + next + "&kind=informal&call_url=https%3A%2F%2Fcall.example%2Fj", iesg);
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 600);
  EXPECT_EQ(made.headers["location"], "/telechats/" + next);
  EXPECT_EQ(section_of(next, "Interim meeting policy refresh"), "parking-lot");  // the demo's parked topic came along
  auto added = form("/telechats/" + next + "/items",
                    "section=management-issues&title=Shepherd+templates&owner=Gabriel+General&links=https%3A%2F%2Fa.example%2F%0D%0A",
                    iesg);
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 600);
  EXPECT_EQ(section_of(next, "Shepherd templates"), "management-issues");
  const std::string id = item_id(next, "Shepherd templates");
  auto parked = form("/telechats/" + next + "/items/" + id + "/move", "section=parking-lot", iesg);
  ASSERT_EQ(parked.status, 303) << parked.body.substr(0, 600);
  EXPECT_EQ(parked.headers["location"], "/telechats/" + next + "#item-" + id);
  EXPECT_EQ(section_of(next, "Shepherd templates"), "parking-lot");
  // The next informal telechat (the one on D+28 is cancelled in the series).
  ASSERT_EQ(form("/telechats", "from=list&date=" + later + "&kind=informal", iesg).status, 303);
  auto page = get("/telechats/" + later, iesg);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Shepherd templates"), std::string::npos);
  EXPECT_EQ(section_of(later, "Shepherd templates"), "parking-lot");
  EXPECT_EQ(count(page.body, "<h1"), 1u);
}

TEST_F(TelechatPages, OnlyTheIesgAndTheSecretariatSeeAndUseTheForms) {
  for (const char* email : {"alice@example.org", "dispatch-chair@example.org"}) {
    std::string cookie = sign_in(email);
    for (const std::string& path : {std::string("/telechats"), "/telechats/" + informal, "/telechats/" + next})
      EXPECT_EQ(get(path, cookie).body.find(kForm), std::string::npos) << email << " sees a form on " << path;
    auto refused = form("/telechats", "date=" + next + "&kind=informal", cookie);
    EXPECT_EQ(refused.status, 403) << email;
    EXPECT_EQ(form("/telechats/" + informal + "/regrets", "member=Alice", cookie).status, 403) << email;
  }
  auto anonymous = testing::http_request("POST", server.url("/telechats/" + informal + "/regrets"), "member=Nobody",
                                         {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_NE(anonymous.body.find("href=\"/login\""), std::string::npos);
  EXPECT_EQ(get("/telechats").body.find(kForm), std::string::npos);
  std::string sec = sign_in("secretariat@example.org");
  EXPECT_NE(get("/telechats", sec).body.find(kForm), std::string::npos);
  EXPECT_NE(get("/telechats/" + informal, sec).body.find(kForm), std::string::npos);
  EXPECT_EQ(server.get("/api/v1/telechats/" + informal).json()["regrets"].size(), 1u);  // nobody's regrets were added
}

TEST_F(TelechatPages, RefusedFormsComeBackWithTheirInput) {
  std::string iesg = sign_in("gen-ad@example.org");
  auto blank = form("/telechats/" + informal + "/items", "section=aob&title=+&owner=Keep+Me&body=Some+text", iesg);
  EXPECT_EQ(blank.status, 400);
  EXPECT_NE(blank.body.find("title_required"), std::string::npos);
  EXPECT_NE(blank.body.find("value=\"Keep Me\""), std::string::npos);
  EXPECT_NE(blank.body.find(">Some text</textarea>"), std::string::npos);
  EXPECT_NE(blank.body.find("<option value=\"aob\" selected>"), std::string::npos);
  auto past = form("/telechats", "from=list&date=2020-01-02&kind=formal&call_number=123+456", iesg);
  EXPECT_EQ(past.status, 400);
  EXPECT_NE(past.body.find("date_in_past"), std::string::npos);
  EXPECT_NE(past.body.find("value=\"123 456\""), std::string::npos);
  EXPECT_NE(past.body.find("<option value=\"formal\" selected>"), std::string::npos);
  auto twice = form("/telechats", "from=day&date=" + informal + "&kind=informal", iesg);
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("telechat_exists"), std::string::npos);
  const std::string id = item_id(informal, "Retreat planning");
  auto nowhere = form("/telechats/" + informal + "/items/" + id + "/move", "section=nowhere", iesg);
  EXPECT_EQ(nowhere.status, 400);
  EXPECT_NE(nowhere.body.find("unknown_section"), std::string::npos);
  auto gone = form("/telechats/" + informal + "/items/no-such-item/close", "", iesg);
  EXPECT_EQ(gone.status, 404);
  EXPECT_NE(gone.body.find("item_not_found"), std::string::npos);
  auto on_nothing = form("/telechats/" + format_date(d + 1) + "/regrets", "member=X", iesg);
  EXPECT_EQ(on_nothing.status, 404);
}

TEST_F(TelechatPages, SeriesDatesHavePagesAndOtherDatesDoNot) {
  auto page = get("/telechats/" + next);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Informal telechat, "), std::string::npos);
  EXPECT_NE(page.body.find("10:00–12:00 America/New_York"), std::string::npos);
  EXPECT_NE(page.body.find(" UTC)"), std::string::npos);
  EXPECT_NE(page.body.find("Its agenda is not made yet."), std::string::npos);
  EXPECT_EQ(count(page.body, "<h1"), 1u);
  auto off = get("/telechats/" + cancelled);
  EXPECT_EQ(off.status, 200);
  EXPECT_NE(off.body.find("This telechat is cancelled."), std::string::npos);
  EXPECT_NE(get("/telechats/" + formal).body.find("Formal telechat, "), std::string::npos);
  EXPECT_EQ(get("/telechats/" + format_date(d + 1)).status, 404);
  EXPECT_EQ(get("/telechats/" + informal).status, 200);
  EXPECT_EQ(count(get("/telechats/" + informal).body, "<h1"), 1u);
  // A past series date: no agenda was made, and there is no create form for it.
  const std::string past = format_date(now_utc() / 86400 - 7);
  json series = {{"first_date", past}, {"interval_days", 7}, {"start_time", "09:00"}, {"time_zone", "Europe/Paris"}};
  auto put = testing::http_request("PUT", server.url("/api/v1/telechats/series/formal"), series.dump(),
                                   {"Content-Type: application/json",
                                    "Authorization: Bearer " + server.token_for("iesg@example.org", {"iesg"})});
  ASSERT_EQ(put.status, 200) << put.body;
  auto old = get("/telechats/" + past, sign_in("gen-ad@example.org"));
  ASSERT_EQ(old.status, 200);
  EXPECT_NE(old.body.find("No agenda was made for this telechat."), std::string::npos);
  EXPECT_NE(old.body.find("09:00–11:00 Europe/Paris"), std::string::npos);
  EXPECT_EQ(old.body.find(kForm), std::string::npos);
  // In the list too, a past date without an agenda had none made.
  const auto list = get("/telechats");
  bool said = false;  // the formal row of that date (an informal one may share it)
  for (auto row = list.body.find("href=\"/telechats/" + past + "\""); row != std::string::npos;
       row = list.body.find("href=\"/telechats/" + past + "\"", row + 1)) {
    const std::string tr = list.body.substr(row, list.body.find("</tr>", row) - row);
    if (tr.find("<td>Formal</td>") != std::string::npos) said = tr.find("<td>No agenda was made</td>") != std::string::npos;
  }
  EXPECT_TRUE(said);
}

TEST_F(TelechatPages, TheListShowsSeriesDatesWithStatusAndTime) {
  auto list = get("/telechats");
  ASSERT_EQ(list.status, 200);
  for (const std::string& date : {informal, format_date(d + 7), next, cancelled, later})
    EXPECT_NE(list.body.find("href=\"/telechats/" + date + "\""), std::string::npos) << date;
  EXPECT_NE(list.body.find("<td>Informal</td><td>10:00–12:00 America/New_York (15:00–17:00 UTC)</td><td>Agenda ready</td>"),
            std::string::npos);
  EXPECT_NE(list.body.find("<td>Agenda not made yet</td>"), std::string::npos);
  EXPECT_NE(list.body.find("<td>Cancelled</td>"), std::string::npos);
  EXPECT_EQ(count(list.body, "<h1"), 1u);
}

TEST_F(TelechatPages, RegretsCancelCloseImportAndFormalPlacements) {
  std::string sec = sign_in("secretariat@example.org");
  ASSERT_EQ(form("/telechats/" + informal + "/regrets", "member=Roman+Danyliw", sec).status, 303);
  EXPECT_NE(get("/telechats/" + informal).body.find("<li>Roman Danyliw</li>"), std::string::npos);
  ASSERT_EQ(form("/telechats/" + informal + "/cancel", "cancelled=true", sec).status, 303);
  EXPECT_TRUE(server.get("/api/v1/telechats/" + informal).json()["cancelled"].get<bool>());
  EXPECT_NE(get("/telechats/" + informal, sec).body.find("Restore the telechat"), std::string::npos);
  ASSERT_EQ(form("/telechats/" + informal + "/cancel", "cancelled=false", sec).status, 303);
  EXPECT_FALSE(server.get("/api/v1/telechats/" + informal).json()["cancelled"].get<bool>());
  ASSERT_EQ(form("/telechats/" + informal + "/items/" + item_id(informal, "Retreat planning") + "/close", "", sec).status,
            303);
  EXPECT_EQ(section_of(informal, "Retreat planning"), "");
  // A formal telechat: a document, a WG action and a management issue.
  ASSERT_EQ(form("/telechats", "date=" + formal + "&kind=formal", sec).status, 303);
  ASSERT_EQ(form("/telechats/" + formal + "/documents", "section=2.1.1&name=draft-ietf-quic-v9&title=QUIC+v9", sec).status,
            303);
  ASSERT_EQ(form("/telechats/" + formal + "/wg-actions", "section=4.2.1&name=quic", sec).status, 303);
  ASSERT_EQ(form("/telechats/" + formal + "/items", "section=management-issues&title=Budget", sec).status, 303);
  auto wrong = form("/telechats/" + formal + "/documents", "section=4.1.1&name=draft-x&responsible=Kept+AD", sec);
  EXPECT_TRUE(wrong.status == 400 || wrong.status == 422) << wrong.status;
  EXPECT_NE(wrong.body.find("not_a_document_section"), std::string::npos);
  EXPECT_NE(wrong.body.find("value=\"Kept AD\""), std::string::npos);
  auto page = get("/telechats/" + formal);
  EXPECT_NE(page.body.find("draft-ietf-quic-v9 - QUIC v9"), std::string::npos);
  EXPECT_NE(page.body.find("<li>quic</li>"), std::string::npos);
  EXPECT_NE(page.body.find("6.1 Budget"), std::string::npos);
  // A wiki page: imported once, refused the second time unless replacing.
  const std::string wiki = "# Informal Telechat - " + telechat::long_date(d + 56) + "\n\n## Agenda\n\n### AOB\n\n* Imported topic\n";
  ASSERT_EQ(form("/telechats/import", "page=" + http::percent_encode(wiki), sec).status, 303);
  auto again = form("/telechats/import", "page=" + http::percent_encode(wiki), sec);
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("* Imported topic"), std::string::npos);  // the page, kept in its textarea
  EXPECT_EQ(form("/telechats/import", "replace=on&page=" + http::percent_encode(wiki), sec).status, 303);
}

// ---- The series forms on the list (issue 13) ----

TEST_F(TelechatPages, EveryoneReadsTheCadenceAndTheSeriesExceptions) {
  auto list = get("/telechats");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Informal telechats: every 14 days on Thursday, 10:00–12:00 America/New_York, from " +
                           telechat::long_date(d) + "."),
            std::string::npos);
  EXPECT_NE(list.body.find("Formal telechats: every 14 days on Thursday"), std::string::npos);
  EXPECT_NE(list.body.find("<li>" + telechat::long_date(d + 28)), std::string::npos);  // the demo's cancelled date
  EXPECT_EQ(list.body.find("action=\"/telechats/series"), std::string::npos);           // no form, no undo button
  EXPECT_EQ(count(list.body, "<h1"), 1u);
}

TEST_F(TelechatPages, IesgSavesACadenceAndTheListAndTheFeedFollowIt) {
  std::string iesg = sign_in("gen-ad@example.org");
  EXPECT_NE(get("/telechats", iesg).body.find("action=\"/telechats/series/informal\""), std::string::npos);
  auto saved = form("/telechats/series/informal",
                    "first_date=" + informal + "&interval_days=7&start_time=09%3A30&duration_minutes=60"
                    "&time_zone=Europe%2FParis",
                    iesg);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 600);
  EXPECT_EQ(saved.headers["location"], "/telechats#series-informal");
  auto list = get("/telechats");
  EXPECT_NE(list.body.find("Informal telechats: every 7 days on Thursday, 09:30–10:30 Europe/Paris"), std::string::npos);
  EXPECT_NE(list.body.find("<td>Informal</td><td>09:30–10:30 Europe/Paris"), std::string::npos);
  EXPECT_NE(get("/telechats.ics").body.find("UID:telechat-informal-" + format_date(d + 7) + "@convene"),
            std::string::npos);  // weekly now
  json series = series_of("informal");
  EXPECT_EQ(series["start_time"], "09:30");
  EXPECT_EQ(series["cancelled"][0], cancelled);  // the demo's cancellation kept
}

TEST_F(TelechatPages, MovesAndCancellationsAreMadeAndUndone) {
  std::string sec = sign_in("secretariat@example.org");
  const std::string moved_to = format_date(d + 15);
  ASSERT_EQ(form("/telechats/series/informal/moves", "scheduled=" + next + "&date=" + moved_to, sec).status, 303);
  auto page = get("/telechats/" + moved_to);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Informal telechat, "), std::string::npos);
  EXPECT_EQ(get("/telechats/" + next).status, 404);
  auto list = get("/telechats", sec);
  EXPECT_NE(list.body.find(telechat::long_date(d + 14) + " moved to <a href=\"/telechats/" + moved_to + "\">"),
            std::string::npos);
  EXPECT_NE(list.body.find("Undo the move"), std::string::npos);
  ASSERT_EQ(form("/telechats/series/informal/moves", "scheduled=" + next + "&date=" + next, sec).status, 303);
  EXPECT_EQ(get("/telechats/" + moved_to).status, 404);
  EXPECT_EQ(get("/telechats/" + next).status, 200);
  EXPECT_EQ(get("/telechats").body.find(" moved to "), std::string::npos);
  // Cancel a date, then restore it and the demo's cancelled one.
  ASSERT_EQ(form("/telechats/series/informal/cancellations", "date=" + later + "&cancelled=true", sec).status, 303);
  EXPECT_NE(get("/telechats/" + later).body.find("This telechat is cancelled."), std::string::npos);
  EXPECT_NE(get("/telechats").body.find("<li>" + telechat::long_date(d + 42)), std::string::npos);
  for (const std::string& date : {later, cancelled})
    ASSERT_EQ(form("/telechats/series/informal/cancellations", "date=" + date + "&cancelled=false", sec).status, 303);
  EXPECT_EQ(get("/telechats/" + later).body.find("This telechat is cancelled."), std::string::npos);
  EXPECT_EQ(series_of("informal")["cancelled"], json::array());
}

TEST_F(TelechatPages, RefusedSeriesFormsComeBackWithTheirInputAndChangeNothing) {
  std::string iesg = sign_in("gen-ad@example.org");
  const json before = server.get("/api/v1/telechats/series").json();
  auto zone = form("/telechats/series/informal",
                   "first_date=" + informal + "&interval_days=21&start_time=08%3A15&duration_minutes=45&time_zone=Mars%2FBase",
                   iesg);
  EXPECT_EQ(zone.status, 400);
  EXPECT_NE(zone.body.find("bad_time_zone"), std::string::npos);
  EXPECT_NE(zone.body.find("Time zone: &#39;Mars/Base&#39; is not an IANA time zone"), std::string::npos) << zone.body;
  EXPECT_EQ(zone.body.find("time_zone:"), std::string::npos);  // the form's label, not the API's field
  for (const char* kept : {"value=\"Mars/Base\"", "value=\"08:15\"", "value=\"21\"", "value=\"45\""})
    EXPECT_NE(zone.body.find(kept), std::string::npos) << kept;
  EXPECT_EQ(count(zone.body, "<h1"), 1u);
  struct Case {
    std::string path, body, code;
  };
  for (const Case& c : std::vector<Case>{
           {"/telechats/series/informal", "first_date=" + informal + "&interval_days=0&start_time=10%3A00&duration_minutes=60&time_zone=UTC", "bad_interval"},
           {"/telechats/series/informal", "first_date=soon&interval_days=14&start_time=10%3A00&duration_minutes=60&time_zone=UTC", "bad_date"},
           {"/telechats/series/formal", "first_date=" + informal + "&interval_days=two&start_time=10%3A00&duration_minutes=60&time_zone=UTC", "bad_type"},
           {"/telechats/series/informal/moves", "scheduled=" + format_date(d + 1) + "&date=" + format_date(d + 2), "moved_not_in_cadence"},
           {"/telechats/series/informal/cancellations", "date=" + format_date(d + 3) + "&cancelled=true", "cancelled_not_in_cadence"},
           {"/telechats/series/weekly", "first_date=" + informal, "bad_kind"}}) {
    auto r = form(c.path, c.body, iesg);
    EXPECT_EQ(r.status, 400) << c.code;
    EXPECT_NE(r.body.find(c.code), std::string::npos) << c.code;
    for (const char* field : {"interval_days:", "first_date:", "moved:", "cancelled:"})
      EXPECT_EQ(r.body.find(field), std::string::npos) << c.code << " shows " << field;
  }
  auto moved = form("/telechats/series/informal/moves", "scheduled=" + format_date(d + 1) + "&date=" + format_date(d + 2), iesg);
  EXPECT_NE(moved.body.find("value=\"" + format_date(d + 2) + "\""), std::string::npos);
  EXPECT_EQ(server.get("/api/v1/telechats/series").json(), before);
}

TEST_F(TelechatPages, OnlyEditorsWithTheirTokenChangeASeries) {
  const std::string body = "date=" + next + "&cancelled=true";
  for (const char* email : {"alice@example.org", "dispatch-chair@example.org"}) {
    std::string cookie = sign_in(email);
    EXPECT_EQ(get("/telechats", cookie).body.find("action=\"/telechats/series"), std::string::npos) << email;
    EXPECT_EQ(form("/telechats/series/informal/cancellations", body, cookie).status, 403) << email;
    EXPECT_EQ(form("/telechats/series/informal", "first_date=" + informal, cookie).status, 403) << email;
  }
  auto anonymous = testing::http_request("POST", server.url("/telechats/series/informal/cancellations"), body,
                                         {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(anonymous.status, 401);
  std::string iesg = sign_in("gen-ad@example.org");
  auto no_token = testing::http_request("POST", server.url("/telechats/series/informal/cancellations"), body,
                                        {"Content-Type: application/x-www-form-urlencoded", "Cookie: " + iesg});
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(get("/telechats/" + next).status, 200);
  EXPECT_EQ(get("/telechats/" + next).body.find("This telechat is cancelled."), std::string::npos);
}

}  // namespace
}  // namespace convene
