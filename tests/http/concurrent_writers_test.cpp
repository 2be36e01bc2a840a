// Sixteen clients writing at once through two servers on one database:
// every write lands. On SQLite each waits for the lock (BEGIN IMMEDIATE,
// busy timeout); on PostgreSQL a serialization failure runs the transaction
// again. "database is locked" or "could not serialize" never becomes a 5xx.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "convene/auth/auth.h"
#include "http_client.h"

namespace convene {
namespace {

using testing::HttpResult;

TEST(ConcurrentWriters, SixteenWritersOnTwoServersAllLand) {
  testing::TestDatabase db;
  testing::ServerNode a(db.location()), b(db.location());
  std::string auth = "Authorization: Bearer " + testing::token_for(a.store(), "writer@example.org", {"secretariat"});
  std::string date = format_date(now_utc() / 86400 + 30);
  HttpResult created = testing::http_request("POST", a.url("/api/v1/telechats"),
                                             R"({"date": ")" + date + R"(", "kind": "informal"})",
                                             {"Content-Type: application/json", auth});
  ASSERT_EQ(created.status, 201) << created.body;

  constexpr int kWriters = 16, kEach = 15;
  std::atomic<int> landed{0}, server_errors{0};
  std::mutex first_error_mu;
  std::string first_error;  // the first 5xx, status and body, so a failure says which it was
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      const testing::ServerNode& node = w % 2 ? a : b;
      for (int i = 0; i < kEach; ++i) {
        std::string body = R"({"section": "management-issues", "title": "w)" + std::to_string(w) +
                           "-" + std::to_string(i) + R"("})";
        HttpResult r = testing::http_request("POST", node.url("/api/v1/telechats/" + date + "/items"),
                                             body, {"Content-Type: application/json", auth});
        if (r.status == 201) ++landed;
        if (r.status >= 500 && server_errors++ == 0) {
          std::lock_guard lock(first_error_mu);
          first_error = std::to_string(r.status) + " " + r.body;
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(server_errors, 0) << "the first: " << first_error;
  EXPECT_EQ(landed, kWriters * kEach);
  HttpResult agenda = testing::http_request("GET", b.url("/api/v1/telechats/" + date), "", {auth});
  ASSERT_EQ(agenda.status, 200);
  EXPECT_EQ(agenda.body.find("w15-14") != std::string::npos, true);
}

}  // namespace
}  // namespace convene
