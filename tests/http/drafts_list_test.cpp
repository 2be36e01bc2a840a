// The drafts list through a real server: GET /api/v1/drafts searched by name
// or title part in any case, '%' taken literally, paged with the total, bad
// parameters answered 400; the /drafts page with its results, its paging
// links, its empty message, and the query escaped.
#include <gtest/gtest.h>

#include "http_client.h"
#include "samples.h"

namespace convene {
namespace {

using testing::TestServer;

class DraftsList : public ::testing::Test {
 protected:
  void SetUp() override {
    add("draft-ietf-quic-http", "HTTP/3");
    add("draft-smith-datagrams", "Using QUIC Datagrams");
    add("draft-jones-percent", "A 100% solution");
    add("draft-jones-plain", "A 1000 solution");
  }

  void add(const std::string& name, const std::string& title) { testing::add_draft(server.store(), name, title); }

  // The names of the drafts /api/v1/drafts?<query> answers with.
  std::vector<std::string> names(const std::string& query) {
    auto r = server.get("/api/v1/drafts?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    const nlohmann::json body = r.json();
    for (const auto& d : body["drafts"]) out.push_back(d["name"].get<std::string>());
    return out;
  }

  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
};

using Names = std::vector<std::string>;

TEST_F(DraftsList, AllDraftsByNameWithTheirLatestRevision) {
  auto r = server.get("/api/v1/drafts");
  ASSERT_EQ(r.status, 200);
  auto j = r.json();
  EXPECT_EQ(j["total"], 4);
  EXPECT_EQ(j["limit"], 50);
  EXPECT_EQ(j["offset"], 0);
  EXPECT_EQ(j["drafts"][0]["name"], "draft-ietf-quic-http");
  EXPECT_EQ(j["drafts"][0]["title"], "HTTP/3");
  EXPECT_EQ(j["drafts"][0]["rev"], "00");
  EXPECT_EQ(j["drafts"][0]["submitted_at"], "2023-11-14T22:13:20Z");
}

TEST_F(DraftsList, SearchesNamePartsAndTitlePartsInAnyCase) {
  EXPECT_EQ(names("q=jones"), (Names{"draft-jones-percent", "draft-jones-plain"}));
  EXPECT_EQ(names("q=datagrams"), (Names{"draft-smith-datagrams"}));
  EXPECT_EQ(names("q=QUIC"), (Names{"draft-ietf-quic-http", "draft-smith-datagrams"}));
  EXPECT_EQ(names("q=Http%2F3"), (Names{"draft-ietf-quic-http"}));
  EXPECT_EQ(names("q=nothing"), Names{});
}

TEST_F(DraftsList, APercentMatchesOnlyAPercent) {
  EXPECT_EQ(names("q=100%25"), (Names{"draft-jones-percent"}));
  EXPECT_EQ(names("q=%25"), (Names{"draft-jones-percent"}));
  EXPECT_EQ(names("q=_"), Names{});
}

TEST_F(DraftsList, PagesCarryTheTotal) {
  auto r = server.get("/api/v1/drafts?limit=3&offset=2").json();
  EXPECT_EQ(r["total"], 4);
  EXPECT_EQ(r["limit"], 3);
  EXPECT_EQ(r["offset"], 2);
  ASSERT_EQ(r["drafts"].size(), 2u);
  EXPECT_EQ(r["drafts"][0]["name"], "draft-jones-plain");
  EXPECT_EQ(r["drafts"][1]["name"], "draft-smith-datagrams");
}

TEST_F(DraftsList, BadLimitOrOffsetIsA400NamingTheParameter) {
  for (const char* query : {"limit=0", "limit=201", "limit=ten", "offset=-1"}) {
    auto r = server.get(std::string("/api/v1/drafts?") + query);
    EXPECT_EQ(r.status, 400) << query;
    auto e = r.json()["error"];
    EXPECT_EQ(e["code"], "bad_value") << query;
    std::string parameter = std::string(query).substr(0, std::string(query).find('='));
    EXPECT_EQ(e["message"].get<std::string>().rfind(parameter + ":", 0), 0u) << e["message"];
  }
}

TEST_F(DraftsList, ThePageShowsTheResultsLinkedToTheirHistory) {
  auto r = server.get("/drafts?q=quic");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<label class=\"form-label\" for=\"q\">"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"quic\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/drafts/draft-ietf-quic-http/history\""), std::string::npos);
  EXPECT_NE(r.body.find("Using QUIC Datagrams"), std::string::npos);
  EXPECT_EQ(r.body.find("draft-jones-plain"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/drafts\""), std::string::npos);  // the menu entry
}

TEST_F(DraftsList, ThePageLinksThePreviousAndNextPages) {
  auto first = server.get("/drafts?limit=2").body;
  EXPECT_NE(first.find("href=\"/drafts?q=&amp;limit=2&amp;offset=2\">Next"), std::string::npos);
  EXPECT_EQ(first.find(">Previous<"), std::string::npos);
  auto last = server.get("/drafts?limit=2&offset=2").body;
  EXPECT_NE(last.find("href=\"/drafts?q=&amp;limit=2&amp;offset=0\">Previous"), std::string::npos);
  EXPECT_EQ(last.find(">Next<"), std::string::npos);
}

TEST_F(DraftsList, ThePageSaysWhenNothingMatchesAndEscapesTheQuery) {
  auto r = server.get("/drafts?q=%3Cscript%3Ex%22");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("No drafts match “&lt;script&gt;x&quot;”"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("value=\"&lt;script&gt;x&quot;\""), std::string::npos);
  EXPECT_EQ(r.body.find("<script>x"), std::string::npos);
}

TEST_F(DraftsList, ABadLimitOnThePageIsA400Page) {
  auto r = server.get("/drafts?limit=999");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("limit: must be an integer"), std::string::npos);
}

}  // namespace
}  // namespace convene
