// Several `convene serve` processes on one PostgreSQL database behave as one:
// a write through one is seen through the other on the next request, cached
// public pages included; a sign-in made on one holds on the other; two
// servers racing the same dispatch request accept it exactly once. Runs on
// PostgreSQL only (registered by convene_add_postgresql_variant).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "convene/testing/test_database.h"
#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::ServerNode;

HttpResult post(const ServerNode& node, const std::string& path, const json& body, const std::string& token) {
  return testing::http_request("POST", node.url(path), body.dump(),
                               {"Content-Type: application/json", "Authorization: Bearer " + token});
}

HttpResult get(const ServerNode& node, const std::string& path, const std::string& cookie = "") {
  std::vector<std::string> headers;
  if (!cookie.empty()) headers.push_back("Cookie: " + cookie);
  return testing::http_request("GET", node.url(path), "", headers);
}

class SeveralServers : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(testing::on_postgresql()) << "this suite runs on PostgreSQL only"; }

  testing::TestDatabase db;
  ServerNode a{db.location()}, b{db.location()};
  std::string secretariat = testing::token_for(a.store(), "sec@example.org", {"secretariat"});
  std::string date = format_date(now_utc() / 86400 + 30);
};

TEST_F(SeveralServers, AWriteThroughOneIsSeenThroughTheOtherCachedPageIncluded) {
  ASSERT_EQ(post(a, "/api/v1/telechats", {{"date", date}, {"kind", "informal"}}, secretariat).status, 201);
  std::string page = "/telechats/" + date;
  ASSERT_EQ(get(b, page).status, 200);
  HttpResult before = get(b, page);  // now from b's cache
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.find("Seen through the other server"), std::string::npos);

  ASSERT_EQ(post(a, "/api/v1/telechats/" + date + "/items",
                 {{"section", "management-issues"}, {"title", "Seen through the other server"}}, secretariat)
                .status,
            201);
  HttpResult after = get(b, "/telechats/" + date);
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body.find("Seen through the other server"), std::string::npos);
  HttpResult json_after = get(b, "/api/v1/telechats/" + date);
  EXPECT_NE(json_after.body.find("Seen through the other server"), std::string::npos);
}

TEST_F(SeveralServers, ASignInOnOneHoldsOnTheOther) {
  testing::token_for(a.store(), "ada@example.org", {}, "a-long-enough-password");
  HttpResult signed_in = testing::http_request("POST", a.url("/login"),
                                               "email=ada%40example.org&password=a-long-enough-password&next=%2F",
                                               {"Content-Type: application/x-www-form-urlencoded"});
  ASSERT_EQ(signed_in.status, 303) << signed_in.body;
  std::string cookie = signed_in.set_cookie.substr(0, signed_in.set_cookie.find(';'));
  HttpResult home = get(b, "/", cookie);
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("Sign out"), std::string::npos);
  EXPECT_EQ(get(b, "/").body.find("Sign out"), std::string::npos);
}

TEST_F(SeveralServers, TwoServersRacingTheSameRequestAcceptItOnce) {
  json meeting = {{"number", "121"}, {"type", "plenary"}, {"city", "Dublin"}, {"start_date", "2099-11-02"},
                  {"end_date", "2099-11-08"}, {"time_zone", "Europe/Dublin"}, {"mode", "in-person"},
                  {"id_cutoff", "2099-10-21T23:59:00Z"}, {"dispatch_mode", "consolidated"}};
  ASSERT_EQ(post(a, "/api/v1/meetings", meeting, secretariat).status, 201);
  json draft = {{"name", "draft-race-condition"}, {"rev", "00"}, {"title", "A race"},
                {"submitted_at", "2024-10-20T10:00:00Z"}, {"authors", {"Ada"}}, {"replaces", json::array()}};
  ASSERT_EQ(post(a, "/api/v1/drafts", draft, secretariat).status, 201);
  std::string proponent = testing::token_for(a.store(), "ada@example.org", {});
  json request = {{"draft", "draft-race-condition"}, {"rev", "00"}, {"presenter", "ada@example.org"},
                  {"question", "Where should this go?"}, {"areas", {"art"}}};

  std::atomic<int> created{0}, duplicate{0}, other{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < 12; ++i) {
    racers.emplace_back([&, i] {
      HttpResult r = post(i % 2 ? a : b, "/api/v1/meetings/121/dispatch/requests", request, proponent);
      if (r.status == 201) ++created;
      else if (r.status == 409 && r.json()["error"]["code"] == "duplicate_request") ++duplicate;
      else ++other;
    });
  }
  for (auto& t : racers) t.join();
  EXPECT_EQ(created, 1);
  EXPECT_EQ(duplicate, 11);
  EXPECT_EQ(other, 0);
  std::size_t stored = 0;
  ASSERT_TRUE(b.store().read([&](Repositories& r) {
    auto v = r.dispatch().at_meeting("121");
    if (!v) return Status(v.error());
    stored = v->size();
    return ok_status();
  }).ok());
  EXPECT_EQ(stored, 1u);
}

}  // namespace
}  // namespace convene
