// End to end: the directory's JSON API (areas and groups) over a real server.
#include <gtest/gtest.h>

#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::TestServer;

class DirectoryApi : public ::testing::Test {
 protected:
  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
  std::string secretariat = server.token_for("sec@example.org", {"secretariat"});
  std::string chair = server.token_for("chair@example.org", {"chair:quic"});

  std::string code(const testing::HttpResult& r) { return r.json()["error"]["code"].get<std::string>(); }
};

TEST_F(DirectoryApi, AnyoneReadsTheStandardAreasOnlyTheSecretariatAddsOne) {
  auto areas = server.get("/api/v1/areas");
  ASSERT_EQ(areas.status, 200);
  EXPECT_EQ(areas.json()["areas"].size(), 9u);
  EXPECT_EQ(areas.json()["areas"][0], (json{{"acronym", "art"}, {"name", "Applications and Real-Time Area"},
                                           {"state", "active"}}));
  json area = {{"acronym", "new"}, {"name", "A New Area"}};
  EXPECT_EQ(server.post("/api/v1/areas", area).status, 401);
  EXPECT_EQ(server.post("/api/v1/areas", area, chair).status, 403);
  auto bad = server.post("/api/v1/areas", {{"acronym", "New Area"}, {"name", "x"}}, secretariat);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(code(bad), "bad_value");
  EXPECT_EQ(server.post("/api/v1/areas", area, secretariat).status, 200);
  EXPECT_EQ(server.get("/api/v1/areas").json()["areas"].size(), 10u);
}

TEST_F(DirectoryApi, TheSecretariatKeepsGroupsAndAnyoneFindsThem) {
  json quic = {{"acronym", "quic"}, {"name", "QUIC"},           {"type", "wg"},
               {"area", "wit"},     {"ad", "ad@example.org"}, {"list_email", "quic@ietf.org"}};
  EXPECT_EQ(server.post("/api/v1/groups", quic, chair).status, 403);
  json nowhere = quic;
  nowhere["area"] = "nowhere";
  auto r = server.post("/api/v1/groups", nowhere, secretariat);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["message"], "area: there is no area 'nowhere'");
  r = server.post("/api/v1/groups", quic, secretariat);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["state"], "active");
  json mls = {{"acronym", "mls"}, {"name", "Messaging Layer Security"}, {"type", "wg"}, {"area", "sec"}};
  ASSERT_EQ(server.post("/api/v1/groups", mls, secretariat).status, 200);

  auto one = server.get("/api/v1/groups/quic");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json()["list_email"], "quic@ietf.org");
  EXPECT_EQ(server.get("/api/v1/groups").json()["groups"].size(), 2u);
  auto sec = server.get("/api/v1/groups?area=sec").json()["groups"];
  ASSERT_EQ(sec.size(), 1u);
  EXPECT_EQ(sec[0]["acronym"], "mls");
  EXPECT_EQ(server.get("/api/v1/groups?type=rg").json()["groups"].size(), 0u);
  auto missing = server.get("/api/v1/groups/nope");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(code(missing), "group_unknown");

  quic["state"] = "concluded";
  ASSERT_EQ(server.post("/api/v1/groups", quic, secretariat).status, 200);
  EXPECT_EQ(server.get("/api/v1/groups?state=concluded").json()["groups"][0]["acronym"], "quic");
}

}  // namespace
}  // namespace convene
