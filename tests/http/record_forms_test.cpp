// The secretariat's record forms through a real server, signed in as a
// browser is: a meeting, a group and an area made from the pages, a draft
// revision recorded; errors on the form with what was typed; the forms
// refused to everyone else.
#include <gtest/gtest.h>

#include "convene/web/demo.h"
#include "http_client.h"

namespace convene {
namespace {

using testing::HttpResult;
using testing::TestServer;

class RecordForms : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(web::load_demo(server.store()).ok()); }

  // A browser signed in as `email`: its cookie and a CSRF token.
  struct Browser {
    std::string cookie, csrf;
  };
  Browser sign_in(const std::string& email) {
    auto r = testing::http_request("POST", server.url("/login"),
                                   "email=" + email + "&password=" + std::string(web::kDemoPassword) + "&next=%2Fme",
                                   {"Content-Type: application/x-www-form-urlencoded"});
    Browser b{"Cookie: " + r.set_cookie.substr(0, r.set_cookie.find(';')), ""};
    b.csrf = testing::csrf_of(testing::http_request("GET", server.url("/me"), "", {b.cookie}).body);
    return b;
  }
  HttpResult get(const std::string& path, const Browser& b) {
    return testing::http_request("GET", server.url(path), "", {b.cookie});
  }
  HttpResult post(const std::string& path, const std::string& fields, const Browser& b) {
    return testing::http_request("POST", server.url(path), "csrf=" + b.csrf + "&" + fields,
                                 {"Content-Type: application/x-www-form-urlencoded", b.cookie});
  }

  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
};

TEST_F(RecordForms, TheSecretariatMakesAMeetingAGroupAndAnArea) {
  Browser sec = sign_in("secretariat@example.org");
  EXPECT_NE(get("/", sec).body.find("href=\"/meetings/new\""), std::string::npos);
  auto form = get("/meetings/new", sec);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Internet-Draft cutoff"), std::string::npos);
  auto made = post("/meetings",
                   "number=131&type=plenary&city=Madrid&start_date=2027-03-20&end_date=2027-03-26"
                   "&time_zone=Europe%2FMadrid&mode=hybrid&id_cutoff=2027-03-08T23%3A59%3A00Z&dispatch_mode=consolidated",
                   sec);
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 500);
  EXPECT_EQ(made.headers["location"], "/meetings/131");
  auto meeting = server.get("/api/v1/meetings/131").json();
  EXPECT_EQ(meeting["city"], "Madrid");
  EXPECT_EQ(meeting["dispatch_mode"], "consolidated");
  // A consolidated plenary's joint dispatch session is filed with it, as through the API.
  EXPECT_NE(server.get("/api/v1/meetings/131/session-requests").body.find("alldispatch-1"), std::string::npos);

  EXPECT_NE(get("/groups", sec).body.find("href=\"/areas/new\""), std::string::npos);
  ASSERT_EQ(post("/areas", "acronym=wot&name=Web+of+Things&state=active", sec).status, 303);
  auto group = post("/groups", "acronym=thingsync&name=Thing+Sync&type=wg&area=wot&state=proposed", sec);
  ASSERT_EQ(group.status, 303) << group.body.substr(0, 500);
  EXPECT_EQ(group.headers["location"], "/groups/thingsync");
  auto page = get("/groups/thingsync", sec);
  EXPECT_NE(page.body.find("Web of Things"), std::string::npos);
  EXPECT_NE(page.body.find("Proposed"), std::string::npos);  // labels, not codes
  // Changing it starts from what is stored.
  auto change = get("/groups/new?acronym=thingsync", sec);
  EXPECT_NE(change.body.find("value=\"Thing Sync\""), std::string::npos);
  EXPECT_NE(change.body.find("<option value=\"proposed\" selected>Proposed</option>"), std::string::npos);
}

TEST_F(RecordForms, AnErrorShowsOnTheFormWithWhatWasTyped) {
  Browser sec = sign_in("secretariat@example.org");
  auto bad = post("/meetings",
                  "number=129&type=plenary&city=Lisbon&start_date=2027-07-20&end_date=2027-07-18"
                  "&time_zone=Europe%2FLisbon&id_cutoff=2027-07-08T23%3A59%3A00Z",
                  sec);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("alert-danger"), std::string::npos);
  EXPECT_NE(bad.body.find("end_date"), std::string::npos) << bad.body.substr(0, 2000);
  EXPECT_NE(bad.body.find("value=\"Lisbon\""), std::string::npos);  // nothing typed is lost
  EXPECT_EQ(server.get("/api/v1/meetings/129").status, 404);
  auto no_area = post("/groups", "acronym=nogroup&name=No+Area&type=wg&area=&state=active", sec);
  EXPECT_EQ(no_area.status, 400);
  EXPECT_NE(no_area.body.find("value=\"No Area\""), std::string::npos);
}

TEST_F(RecordForms, AProponentRecordsADraftRevisionButNoMeetingOrGroup) {
  Browser alice = sign_in("alice@example.org");
  EXPECT_EQ(get("/meetings/new", alice).status, 403);
  EXPECT_EQ(get("/groups/new", alice).status, 403);
  EXPECT_EQ(post("/groups", "acronym=mine&name=Mine&type=wg&area=gen", alice).status, 403);
  EXPECT_EQ(server.get("/api/v1/groups/mine").status, 404);
  EXPECT_EQ(server.get("/meetings/new").status, 401);
  ASSERT_EQ(get("/drafts/new", alice).status, 200);
  auto recorded = post("/drafts",
                       "name=draft-smith-form-feeds&rev=00&title=Form+Feeds&submitted_at=2026-02-20T10%3A00%3A00Z"
                       "&authors=Alice+Smith%0D%0ABob+Chen&replaces=",
                       alice);
  ASSERT_EQ(recorded.status, 303) << recorded.body.substr(0, 500);
  auto draft = server.get("/api/v1/drafts/draft-smith-form-feeds").json();
  EXPECT_EQ(draft["authors"], nlohmann::json({"Alice Smith", "Bob Chen"}));
  EXPECT_EQ(draft["revisions"][0]["confirmed"], false);  // a proponent's date counts from when it was recorded
  auto misnamed = post("/drafts", "name=draft-smith-form-feeds-01&rev=01&title=X&submitted_at=2026-02-21T10%3A00%3A00Z", alice);
  EXPECT_EQ(misnamed.status, 400);
  EXPECT_NE(misnamed.body.find("without"), std::string::npos);  // the name's own explanation
}

TEST_F(RecordForms, TheSecretariatReadsTheAuditLogInWords) {
  Browser sec = sign_in("secretariat@example.org");
  ASSERT_EQ(post("/areas", "acronym=wot&name=Web+of+Things&state=active", sec).status, 303);
  auto newest = get("/audit", sec);
  ASSERT_EQ(newest.status, 200);
  EXPECT_NE(newest.body.find("href=\"/audit\""), std::string::npos);  // in the secretariat's menu
  const auto first_row = newest.body.find("<tbody>");
  ASSERT_NE(first_row, std::string::npos);
  EXPECT_NE(newest.body.find("Saved an area", first_row), std::string::npos);
  EXPECT_LT(newest.body.find("Saved an area", first_row), newest.body.find("Signed in", first_row));  // newest first
  // Every action the demo and these forms recorded has words.
  std::vector<AuditEntry> all;
  ASSERT_TRUE(server.store().read([&](Repositories& r) {
    all = r.audit().recent(100'000).value();
    return ok_status();
  }).ok());
  ASSERT_GT(all.size(), 100u);
  for (const auto& e : all) EXPECT_NE(action_label(e.action), e.action) << e.action;
  // A hundred entries a page; the next page starts below the last one shown.
  auto older = newest.body.find("/audit?before=");
  ASSERT_NE(older, std::string::npos);
  const std::string next = newest.body.substr(older, newest.body.find('"', older) - older);
  auto second = get(next, sec);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body.find("Saved an area"), std::string::npos);
  Browser alice = sign_in("alice@example.org");
  EXPECT_EQ(get("/audit", alice).status, 403);
  EXPECT_EQ(get("/audit", alice).body.find("href=\"/audit\""), std::string::npos);
  EXPECT_EQ(server.get("/audit").status, 401);
  EXPECT_EQ(get("/audit?before=x", sec).status, 400);
}

}  // namespace
}  // namespace convene
