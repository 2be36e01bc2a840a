// End to end: IESG telechats over the API, the pages and the calendar feed,
// against a real server and SQLite database.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::TestServer;

const char* kSecret = "s3cret-pass-42";
const char* kCallUrl = "https://example.webex.com/join/private-room-77";

json new_telechat(const std::string& date) {
  return {{"date", date}, {"kind", "informal"},
          {"call", {{"url", kCallUrl}, {"number", "2427 431 7054"}, {"password", kSecret}}}};
}

json item(const std::string& section, const std::string& title) {
  return {{"section", section}, {"title", title}, {"owner", "Roman Danyliw"}, {"body", "Discuss."},
          {"links", {"https://example.org/doc"}}};
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class TelechatApi : public ::testing::Test {
 protected:
  TestServer server{parse_rfc3339("2026-11-22T12:00:00Z", "now").value()};
  std::string iesg = server.token_for("ad@example.org", {"ad:sec"});
  std::string outsider = server.token_for("someone@example.org", {});

  std::string code(const testing::HttpResult& r) { return r.json()["error"]["code"].get<std::string>(); }
};

TEST_F(TelechatApi, OnlyIesgMayCreateAndBadInputIsExplained) {
  EXPECT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-10")).status, 401);
  EXPECT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-10"), outsider).status, 403);
  auto past = server.post("/api/v1/telechats", new_telechat("2026-01-08"), iesg);
  EXPECT_EQ(past.status, 400);
  EXPECT_EQ(code(past), "date_in_past");
  ASSERT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-10"), iesg).status, 201);
  EXPECT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-10"), iesg).status, 409);
  auto unknown = server.post("/api/v1/telechats/2026-12-10/items", item("lunch", "Food"), iesg);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(code(unknown), "unknown_section");
  auto empty = server.post("/api/v1/telechats/2026-12-10/items", item("aob", ""), iesg);
  EXPECT_EQ(code(empty), "title_required");
  EXPECT_EQ(server.get("/api/v1/telechats/2026-12-24").status, 404);
  EXPECT_EQ(server.get("/api/v1/telechats/not-a-date").status, 400);
}

TEST_F(TelechatApi, MeetingIsDerivedFromTheAgenda) {
  ASSERT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-10"), iesg).status, 201);
  EXPECT_EQ(server.get("/api/v1/telechats/2026-12-10").json()["meeting"], false);
  ASSERT_EQ(server.post("/api/v1/telechats/2026-12-10/items", item("parking-lot", "Someday"), iesg).status, 201);
  EXPECT_EQ(server.get("/api/v1/telechats/2026-12-10").json()["meeting"], false);
  ASSERT_EQ(server.post("/api/v1/telechats/2026-12-10/items", item("management-issues", "ALLDISPATCH experiment"), iesg).status, 201);
  EXPECT_EQ(server.get("/api/v1/telechats/2026-12-10").json()["meeting"], true);
  auto md = server.get("/telechats/2026-12-10.md");
  EXPECT_NE(md.body.find("WILL"), std::string::npos);
  EXPECT_NE(md.body.find("ALLDISPATCH experiment"), std::string::npos);
}

TEST_F(TelechatApi, ParkedItemsCarryOverToTheNextInformal) {
  ASSERT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-10"), iesg).status, 201);
  ASSERT_EQ(server.post("/api/v1/telechats/2026-12-10/items", item("parking-lot", "Parked topic"), iesg).status, 201);
  ASSERT_EQ(server.post("/api/v1/telechats/2026-12-10/items", item("deferred", "Deferred topic"), iesg).status, 201);
  ASSERT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-24"), iesg).status, 201);
  ASSERT_EQ(server.post("/api/v1/telechats", new_telechat("2027-01-07"), iesg).status, 201);
  auto third = server.get("/api/v1/telechats/2027-01-07").body;
  EXPECT_NE(third.find("Parked topic"), std::string::npos);
  EXPECT_NE(third.find("Deferred topic"), std::string::npos);
}

TEST_F(TelechatApi, CallDetailsStayPrivateEverywhere) {
  ASSERT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-10"), iesg).status, 201);
  server.post("/api/v1/telechats/2026-12-10/items", item("aob", "Anything"), iesg);
  for (const char* path : {"/api/v1/telechats/2026-12-10", "/telechats/2026-12-10", "/telechats/2026-12-10.md",
                           "/telechats.ics"}) {
    auto pub = server.get(path);
    ASSERT_EQ(pub.status, 200) << path;
    EXPECT_EQ(pub.body.find(kSecret), std::string::npos) << path;
    EXPECT_EQ(pub.body.find(kCallUrl), std::string::npos) << path;
    auto outsider_view = server.get(path, outsider);
    EXPECT_EQ(outsider_view.body.find(kSecret), std::string::npos) << path;
  }
  EXPECT_NE(server.get("/api/v1/telechats/2026-12-10", iesg).body.find(kSecret), std::string::npos);
  EXPECT_NE(server.get("/telechats/2026-12-10.md", iesg).body.find(kSecret), std::string::npos);
}

TEST_F(TelechatApi, CalendarFeedHasStableUids) {
  ASSERT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-10"), iesg).status, 201);
  ASSERT_EQ(server.post("/api/v1/telechats/2026-12-10/cancel", json::object(), iesg).status, 200);
  auto ics = server.get("/telechats.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_NE(ics.headers["content-type"].find("text/calendar"), std::string::npos);
  EXPECT_NE(ics.body.find("UID:telechat-informal-2026-12-10@convene"), std::string::npos) << ics.body;
  EXPECT_NE(ics.body.find("STATUS:CANCELLED"), std::string::npos);
  EXPECT_EQ(ics.body, server.get("/telechats.ics").body);  // same clock, same feed: clients update, not duplicate
}

TEST_F(TelechatApi, ImportsTheRealWikiPage) {
  std::string page = read_file(std::string(CONVENE_SHARED_DIR) + "/data/telechat/InformalAgenda.md");
  ASSERT_FALSE(page.empty());
  auto r = testing::http_request("POST", server.url("/api/v1/telechats/import"), page,
                                 {"Authorization: Bearer " + iesg, "Content-Type: text/markdown"});
  ASSERT_EQ(r.status, 201) << r.body;
  auto got = server.get("/api/v1/telechats/2026-08-27");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json()["date"], "2026-08-27");
  auto again = testing::http_request("POST", server.url("/api/v1/telechats/import"), page,
                                     {"Authorization: Bearer " + iesg});
  EXPECT_EQ(again.status, 409);
  std::vector<AuditEntry> log;
  ASSERT_TRUE(server.store().read([&](Repositories& repo) { log = repo.audit().recent(1).value(); return ok_status(); }).ok());
  EXPECT_EQ(log.at(0).action, "telechat.import");
}

TEST_F(TelechatApi, SeriesDrivesTheFeedWithCancellations) {
  json series = {{"first_date", "2026-11-26"}, {"interval_days", 14}, {"start_time", "10:00"},
                 {"time_zone", "America/New_York"}, {"cancelled", {"2026-12-24"}}};
  auto put = [&](const std::string& path, const json& body, const std::string& token) {
    return testing::http_request("PUT", server.url(path), body.dump(),
                                 {"Authorization: Bearer " + token, "Content-Type: application/json"});
  };
  EXPECT_EQ(put("/api/v1/telechats/series/informal", series, outsider).status, 403);
  EXPECT_EQ(put("/api/v1/telechats/series/weekly", series, iesg).status, 400);
  json bad = series;
  bad["start_time"] = "noon";
  EXPECT_EQ(put("/api/v1/telechats/series/informal", bad, iesg).status, 400);
  ASSERT_EQ(put("/api/v1/telechats/series/informal", series, iesg).status, 200);
  auto listed = server.get("/api/v1/telechats/series").json();
  ASSERT_EQ(listed["series"].size(), 1u);
  EXPECT_EQ(listed["series"][0]["cancelled"][0], "2026-12-24");
  auto ics = server.get("/telechats.ics").body;
  EXPECT_NE(ics.find("UID:telechat-informal-2026-12-10@convene"), std::string::npos);
  auto cancelled = ics.find("UID:telechat-informal-2026-12-24@convene");
  ASSERT_NE(cancelled, std::string::npos);
  auto event_end = ics.find("END:VEVENT", cancelled);
  auto event_start = ics.rfind("BEGIN:VEVENT", cancelled);
  EXPECT_NE(ics.substr(event_start, event_end - event_start).find("STATUS:CANCELLED"), std::string::npos);
  // 10:00 in New York on 2026-12-10 is 15:00 UTC.
  EXPECT_NE(ics.find("DTSTART:20261210T150000Z"), std::string::npos) << ics;
}

TEST_F(TelechatApi, ListPageLinksEachTelechat) {
  ASSERT_EQ(server.post("/api/v1/telechats", new_telechat("2026-12-10"), iesg).status, 201);
  auto page = server.get("/telechats");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/telechats/2026-12-10\">December 10, 2026</a>"), std::string::npos);
  EXPECT_NE(page.body.find("<td>Informal</td><td>10:00–12:00 America/New_York (15:00–17:00 UTC)</td><td>Agenda ready</td>"),
            std::string::npos);
  // Each telechat's page says when it meets (the series' default: 10:00 in New York).
  auto one = server.get("/telechats/2026-12-10");
  EXPECT_NE(one.body.find("10:00–12:00 America/New_York (15:00–17:00 UTC)"), std::string::npos);
}

}  // namespace
}  // namespace convene
