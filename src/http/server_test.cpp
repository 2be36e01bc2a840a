// The server against real clients on 127.0.0.1: round trips, keep-alive,
// HEAD, default headers, concurrency, stop().
#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/http/server.h"
#include "test_client.h"

namespace convene::http {
namespace {

using testing::Connection;
using testing::Reply;
using testing::RunningServer;

Router test_routes(std::atomic<int>* hits = nullptr) {
  Router router;
  router.add(Method::get, "/hello", [hits](const Request&) {
    if (hits) ++*hits;
    return json(200, {{"hello", "world"}});
  });
  router.add(Method::post, "/echo", [](const Request& req) {
    auto body = parse_json_object(req);
    return body ? json(200, *body) : error(body.error());
  });
  router.add(Method::get, "/items/{name}", [](const Request& req) {
    nlohmann::json query(nlohmann::json::value_t::object);
    for (const auto& [k, v] : req.query) query[k] = v;
    return json(200, {{"name", req.param("name")},
                      {"path", req.path},
                      {"query", query},
                      {"accept", req.header("Accept")}});
  });
  router.add(Method::get, "/custom", [](const Request&) {
    return html(200, "<p>custom</p>")
        .with_header("Content-Security-Policy", "default-src 'none'")
        .with_header("Set-Cookie", "a=1")
        .with_header("Set-Cookie", "b=2")
        .with_header("X-Note", "line\r\nInjected: yes")
        .with_header("Content-Length", "999");
  });
  router.add(Method::get, "/empty", [](const Request&) { return text(204, "ignored"); });
  return router;
}

nlohmann::json body_of(const Reply& reply) { return nlohmann::json::parse(reply.body); }

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() : router(test_routes(&hits)), server(options(), router) {}
  static ServerOptions options() {
    ServerOptions o;
    o.threads = 2;
    return o;
  }
  std::atomic<int> hits{0};
  Router router;
  RunningServer server;
};

TEST_F(ServerTest, BindsAFreePort) { EXPECT_NE(server.port(), 0); }

TEST_F(ServerTest, GetRoundTripWithDefaultHeaders) {
  Connection c(server.port());
  Reply r = c.request("GET", "/hello");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r), (nlohmann::json{{"hello", "world"}}));
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  EXPECT_EQ(r.header("Content-Length"), std::to_string(r.body.size()));
  EXPECT_EQ(r.header("Server"), "convene");
  EXPECT_TRUE(r.header("Date").ends_with(" GMT")) << r.header("Date");
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.header("Referrer-Policy"), "same-origin");
  EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.header("Content-Security-Policy"), "default-src 'self'; frame-ancestors 'none'");
}

TEST_F(ServerTest, PostRoundTrip) {
  Connection c(server.port());
  Reply r = c.request("POST", "/echo", R"({"title":"new work","minutes":12})",
                      "Content-Type: application/json\r\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r), (nlohmann::json{{"title", "new work"}, {"minutes", 12}}));
}

TEST_F(ServerTest, ChunkedPostRoundTrip) {
  Connection c(server.port());
  ASSERT_TRUE(c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n"));
  Reply r = c.read_reply();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r), (nlohmann::json{{"a", 1}}));
}

TEST_F(ServerTest, MalformedJsonBodyIs400BadJson) {
  Connection c(server.port());
  Reply r = c.request("POST", "/echo", R"({"title": nope})");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(body_of(r)["error"]["code"], "bad_json");
  // The connection stays usable after an application error.
  EXPECT_EQ(c.request("GET", "/hello").status, 200);
}

TEST_F(ServerTest, TargetIsDecodedIntoPathQueryAndParams) {
  Connection c(server.port());
  Reply r = c.request("GET", "/items/a%20b?tz=Europe%2FParis&q=x+y", "", "ACCEPT: text/html\r\n");
  ASSERT_TRUE(r.ok);
  auto body = body_of(r);
  EXPECT_EQ(body["name"], "a b");
  EXPECT_EQ(body["path"], "/items/a b");
  EXPECT_EQ(body["query"], (nlohmann::json{{"tz", "Europe/Paris"}, {"q", "x y"}}));
  EXPECT_EQ(body["accept"], "text/html");
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  Connection c(server.port());
  for (int i = 0; i < 5; ++i) {
    Reply r = c.request("GET", "/items/n" + std::to_string(i));
    ASSERT_TRUE(r.ok) << i;
    EXPECT_EQ(body_of(r)["name"], "n" + std::to_string(i));
    EXPECT_NE(r.header("Connection"), "close");
  }
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Connection c(server.port());
  std::string batch;
  for (int i = 0; i < 3; ++i) {
    batch += "GET /items/p" + std::to_string(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
  }
  ASSERT_TRUE(c.send(batch));
  for (int i = 0; i < 3; ++i) {
    Reply r = c.read_reply();
    ASSERT_TRUE(r.ok) << i;
    EXPECT_EQ(body_of(r)["name"], "p" + std::to_string(i));
  }
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  Connection c(server.port());
  Reply r = c.request("GET", "/hello", "", "Connection: close\r\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.header("Connection"), "close");
  EXPECT_TRUE(c.wait_closed());
}

TEST_F(ServerTest, Http10WithoutKeepAliveCloses) {
  Connection c(server.port());
  ASSERT_TRUE(c.send("GET /hello HTTP/1.0\r\n\r\n"));
  Reply r = c.read_reply();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(c.wait_closed());
}

TEST_F(ServerTest, HeadKeepsLengthWithoutBody) {
  Connection c(server.port());
  Reply get = c.request("GET", "/hello");
  Reply head = c.request("HEAD", "/hello");
  ASSERT_TRUE(head.ok);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("Content-Length"), std::to_string(get.body.size()));
  EXPECT_TRUE(head.body.empty());
  // Had the server sent a body, it would now be read as the next reply.
  Reply after = c.request("GET", "/hello");
  ASSERT_TRUE(after.ok);
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(hits.load(), 3);
}

TEST_F(ServerTest, HandlerHeadersAreKeptAndSanitised) {
  Connection c(server.port());
  Reply r = c.request("GET", "/custom");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.header("Content-Security-Policy"), "default-src 'none'");
  EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.header("Set-Cookie"), "a=1\nb=2");
  EXPECT_EQ(r.header("X-Note"), "line  Injected: yes");
  EXPECT_EQ(r.header("Injected"), "");
  EXPECT_EQ(r.header("Content-Length"), std::to_string(r.body.size()));
  EXPECT_EQ(r.body, "<p>custom</p>");
}

TEST_F(ServerTest, NoContentHasNoBody) {
  Connection c(server.port());
  Reply r = c.request("GET", "/empty");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(c.request("GET", "/hello").status, 200);
}

TEST_F(ServerTest, RouterErrorsReachTheClient) {
  Connection c(server.port());
  Reply missing = c.request("GET", "/nothing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(body_of(missing)["error"]["code"], "not_found");
  Reply wrong = c.request("DELETE", "/hello");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("Allow"), "GET, HEAD");
}

TEST_F(ServerTest, ExpectContinueIsAnswered) {
  Connection c(server.port());
  std::string body = R"({"a":1})";
  ASSERT_TRUE(c.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n"));
  Reply interim = c.read_reply();
  ASSERT_TRUE(interim.ok);
  EXPECT_EQ(interim.status, 100);
  ASSERT_TRUE(c.send(body));
  Reply r = c.read_reply();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(body_of(r), (nlohmann::json{{"a", 1}}));
}

TEST_F(ServerTest, ConcurrentClients) {
  constexpr int kClients = 8;
  constexpr int kRequests = 25;
  std::atomic<int> good{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kClients; ++t) {
    clients.emplace_back([&, t] {
      Connection c(server.port());
      for (int i = 0; i < kRequests; ++i) {
        std::string name = "c" + std::to_string(t) + "r" + std::to_string(i);
        Reply r = c.request("GET", "/items/" + name);
        if (r.ok && r.status == 200 && body_of(r)["name"] == name) ++good;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(good.load(), kClients * kRequests);
}

TEST(ServerLifecycle, StopEndsRun) {
  Router router = test_routes();
  ServerOptions options;
  options.port = 0;
  options.threads = 3;
  Server server(options, router);
  auto running = std::async(std::launch::async, [&] { server.run(); });
  {
    Connection c(server.port());
    EXPECT_EQ(c.request("GET", "/hello").status, 200);
  }
  std::thread stopper([&] { server.stop(); });
  stopper.join();
  EXPECT_EQ(running.wait_for(std::chrono::seconds(5)), std::future_status::ready);
}

TEST(ServerLifecycle, StopFromAnOpenConnectionStillEndsRun) {
  Router router = test_routes();
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  Server server(options, router);
  auto running = std::async(std::launch::async, [&] { server.run(); });
  Connection idle(server.port());  // a kept-alive connection must not hold run()
  ASSERT_EQ(idle.request("GET", "/hello").status, 200);
  server.stop();
  EXPECT_EQ(running.wait_for(std::chrono::seconds(5)), std::future_status::ready);
}

TEST(ServerLifecycle, StopBeforeRunMakesRunReturn) {
  Router router = test_routes();
  ServerOptions options;
  options.port = 0;
  Server server(options, router);
  server.stop();
  auto running = std::async(std::launch::async, [&] { server.run(); });
  EXPECT_EQ(running.wait_for(std::chrono::seconds(5)), std::future_status::ready);
}

TEST(ServerLifecycle, BindConflictThrowsNamingTheAddress) {
  Router router = test_routes();
  ServerOptions options;
  options.port = 0;
  Server first(options, router);
  options.port = first.port();
  try {
    Server second(options, router);
    FAIL() << "second bind to port " << options.port << " succeeded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:" + std::to_string(options.port)),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace convene::http
