// The site search through a real server: GET /search?q= finds drafts, groups
// and meetings by a part of their names in any case, says when nothing
// matches, keeps each list short with a way to the rest, escapes the query,
// and refuses an over-long one with the HTML error page.
#include <gtest/gtest.h>

#include "http_client.h"
#include "samples.h"

namespace convene {
namespace {

using testing::TestServer;

class SiteSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server.store()
                    .write([](Repositories& r) -> Status {
                      Group g{"quicker", "QUIC Extensions for Testing", "wg", "", "active"};
                      if (auto st = r.directory().save_group(g); !st) return st;
                      return r.meetings().insert(testing::ietf126_madrid());
                    })
                    .ok());
    add("draft-ietf-quic-http", "HTTP/3");
    add("draft-smith-widgets", "Widgets over QUIC");
  }

  void add(const std::string& name, const std::string& title) { testing::add_draft(server.store(), name, title); }

  testing::HttpResult search(const std::string& q) { return server.get("/search?q=" + q); }

  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
};

bool has(const std::string& body, const std::string& part) { return body.find(part) != std::string::npos; }

TEST_F(SiteSearch, FindsDraftsGroupsAndMeetingsByAPartOfTheirNameInAnyCase) {
  auto quic = search("qUiC");
  ASSERT_EQ(quic.status, 200) << quic.body;
  EXPECT_TRUE(has(quic.body, "href=\"/groups/quicker\"")) << quic.body;
  EXPECT_TRUE(has(quic.body, "href=\"/drafts/draft-ietf-quic-http/history\""));
  EXPECT_TRUE(has(quic.body, "href=\"/drafts/draft-smith-widgets/history\""));  // by its title
  EXPECT_TRUE(has(quic.body, "Internet-Drafts (2)"));
  EXPECT_FALSE(has(quic.body, "href=\"/meetings/126\""));
  auto madrid = search("madrid");
  ASSERT_EQ(madrid.status, 200);
  EXPECT_TRUE(has(madrid.body, "href=\"/meetings/126\">IETF 126</a>")) << madrid.body;
  EXPECT_TRUE(has(madrid.body, "Meetings (1)"));
  EXPECT_FALSE(has(madrid.body, "/groups/quicker"));
  EXPECT_TRUE(has(search("ietf%20126").body, "href=\"/meetings/126\""));
}

TEST_F(SiteSearch, SaysWhenNothingMatchesAndAsksNothingWithoutAQuery) {
  auto none = search("zzyzx");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(has(none.body, "Nothing matches “zzyzx”")) << none.body;
  auto empty = server.get("/search");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(has(empty.body, "role=\"search\""));
  EXPECT_FALSE(has(empty.body, "Nothing matches"));
  EXPECT_FALSE(has(empty.body, "Internet-Drafts ("));
}

TEST_F(SiteSearch, ShowsTenDraftsAndLinksToTheRest) {
  for (int i = 0; i < 11; ++i) add("draft-many-" + std::to_string(100 + i), "Many " + std::to_string(i));
  auto r = search("many");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "Internet-Drafts (11)"));
  EXPECT_TRUE(has(r.body, "href=\"/drafts/draft-many-109/history\""));
  EXPECT_FALSE(has(r.body, "href=\"/drafts/draft-many-110/history\""));  // the eleventh, by name
  EXPECT_TRUE(has(r.body, "href=\"/drafts?q=many\">All 11 drafts that match</a>")) << r.body;
}

TEST_F(SiteSearch, EscapesTheQueryAndRefusesAnOverLongOne) {
  auto r = search("%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(has(r.body, "<script>alert(1)"));
  EXPECT_TRUE(has(r.body, "&lt;script&gt;alert(1)"));
  auto long_one = testing::http_request("GET", server.url("/search?q=" + std::string(201, 'a')), "",
                                        {"Accept: text/html"});
  EXPECT_EQ(long_one.status, 400);
  EXPECT_TRUE(has(long_one.body, "at most 200 characters")) << long_one.body;
  EXPECT_TRUE(has(long_one.body, "<h1"));
}

TEST_F(SiteSearch, IsInEveryonesMenu) {
  auto home = server.get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(has(home.body, "href=\"/search\">Search</a>")) << home.body;
}

}  // namespace
}  // namespace convene
