// Sixteen clients writing at once through two servers on one database:
// every write lands. On SQLite each waits for the lock (BEGIN IMMEDIATE,
// busy timeout); on PostgreSQL a serialization failure runs the transaction
// again. "database is locked" or "could not serialize" never becomes a 5xx.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "convene/auth/auth.h"
#include "http_client.h"

namespace convene {
namespace {

using testing::HttpResult;

// One server process's worth: a store on the shared file, the app, the server.
struct Node {
  explicit Node(const std::string& db) : store(open_store(db)), app(*store) {
    http::ServerOptions o;
    o.port = 0;
    o.threads = 8;
    server = std::make_unique<http::Server>(o, app.router());
    thread = std::thread([this] { server->run(); });
  }
  ~Node() {
    server->stop();
    thread.join();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(server->port()) + path;
  }
  std::unique_ptr<Store> store;
  web::App app;
  std::unique_ptr<http::Server> server;
  std::thread thread;
};

std::string token_for(Store& store, const std::string& email) {
  init_crypto();
  std::string token = random_token();
  Status s = store.write([&](Repositories& r) -> Status {
    auto id = r.people().save(email, "Writer", hash_password("a-long-password"), {"secretariat"});
    if (!id) return id.error();
    return r.people().add_token(*id, token_digest(token), now_utc());
  });
  if (!s) throw std::runtime_error("token_for: " + s.error().message);
  return token;
}

TEST(ConcurrentWriters, SixteenWritersOnTwoServersAllLand) {
  testing::TestDatabase db;
  Node a(db.location()), b(db.location());
  std::string auth = "Authorization: Bearer " + token_for(*a.store, "writer@example.org");
  std::string date = format_date(now_utc() / 86400 + 30);
  HttpResult created = testing::http_request("POST", a.url("/api/v1/telechats"),
                                             R"({"date": ")" + date + R"(", "kind": "informal"})",
                                             {"Content-Type: application/json", auth});
  ASSERT_EQ(created.status, 201) << created.body;

  constexpr int kWriters = 16, kEach = 15;
  std::atomic<int> landed{0}, server_errors{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      const Node& node = w % 2 ? a : b;
      for (int i = 0; i < kEach; ++i) {
        std::string body = R"({"section": "management-issues", "title": "w)" + std::to_string(w) +
                           "-" + std::to_string(i) + R"("})";
        HttpResult r = testing::http_request("POST", node.url("/api/v1/telechats/" + date + "/items"),
                                             body, {"Content-Type: application/json", auth});
        if (r.status == 201) ++landed;
        if (r.status >= 500) ++server_errors;
      }
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(server_errors, 0);
  EXPECT_EQ(landed, kWriters * kEach);
  HttpResult agenda = testing::http_request("GET", b.url("/api/v1/telechats/" + date), "", {auth});
  ASSERT_EQ(agenda.status, 200);
  EXPECT_EQ(agenda.body.find("w15-14") != std::string::npos, true);
}

}  // namespace
}  // namespace convene
