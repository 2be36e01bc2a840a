// The server's defences: body and header limits, malformed requests, and
// clients too slow to finish a request (slowloris).
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/http/server.h"
#include "test_client.h"

namespace convene::http {
namespace {

using namespace std::chrono_literals;
using testing::Connection;
using testing::Reply;
using testing::RunningServer;

Router limit_routes() {
  Router router;
  router.add(Method::get, "/hello", [](const Request&) { return json(200, {{"hello", "world"}}); });
  router.add(Method::post, "/upload", [](const Request& req) {
    return json(200, {{"bytes", req.body.size()}});
  });
  return router;
}

class LimitsTest : public ::testing::Test {
 protected:
  LimitsTest() : router(limit_routes()), server(options(), router) {}
  static ServerOptions options() {
    ServerOptions o;
    o.body_limit = 1024;
    o.header_limit = 2048;
    o.timeout = 1s;
    o.threads = 2;
    return o;
  }
  std::string error_code(const Reply& r) {
    return nlohmann::json::parse(r.body)["error"]["code"].get<std::string>();
  }
  Router router;
  RunningServer server;
};

TEST_F(LimitsTest, BodyWithinLimitIsAccepted) {
  Connection c(server.port());
  Reply r = c.request("POST", "/upload", std::string(1024, 'x'));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["bytes"], 1024);
}

TEST_F(LimitsTest, DeclaredOversizeBodyIs413BeforeItIsSent) {
  Connection c(server.port());
  ASSERT_TRUE(c.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n"));
  Reply r = c.read_reply();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  EXPECT_EQ(error_code(r), "too_large");
  EXPECT_EQ(r.header("Connection"), "close");
  EXPECT_TRUE(c.wait_closed());
}

TEST_F(LimitsTest, OversizeBodySentInFullStillGets413) {
  Connection c(server.port());
  std::string body(256 * 1024, 'x');
  Reply r = c.request("POST", "/upload", body);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(error_code(r), "too_large");
  EXPECT_TRUE(c.wait_closed());
}

TEST_F(LimitsTest, OversizeChunkedBodyIs413) {
  Connection c(server.port());
  std::string chunk(600, 'y');
  std::string raw = "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) raw += "258\r\n" + chunk + "\r\n";  // 0x258 = 600
  raw += "0\r\n\r\n";
  ASSERT_TRUE(c.send(raw));
  Reply r = c.read_reply();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(error_code(r), "too_large");
}

TEST_F(LimitsTest, OversizeHeadersAre431) {
  Connection c(server.port());
  Reply r = c.request("GET", "/hello", "", "X-Big: " + std::string(4096, 'h') + "\r\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(error_code(r), "headers_too_large");
  EXPECT_TRUE(c.wait_closed());
}

TEST_F(LimitsTest, MalformedRequestLineIs400AndCloses) {
  Connection c(server.port());
  ASSERT_TRUE(c.send("THIS IS NOT HTTP\r\n\r\n"));
  Reply r = c.read_reply();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "bad_request");
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  EXPECT_TRUE(c.wait_closed());
}

TEST_F(LimitsTest, MalformedHeaderIs400) {
  Connection c(server.port());
  ASSERT_TRUE(c.send("GET /hello HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n"));
  Reply r = c.read_reply();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "bad_request");
}

TEST_F(LimitsTest, BadContentLengthIs400) {
  Connection c(server.port());
  ASSERT_TRUE(c.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"));
  Reply r = c.read_reply();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 400);
}

TEST_F(LimitsTest, SlowClientIsDisconnectedAfterTimeout) {
  Connection c(server.port());
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(c.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Partial: "));
  std::string received;
  EXPECT_TRUE(c.wait_closed(&received));
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 900ms);
  EXPECT_LT(waited, 4s);
  EXPECT_TRUE(received.empty()) << received;
}

TEST_F(LimitsTest, DrippingClientIsDisconnectedToo) {
  // A byte every 150 ms keeps the connection busy but never finishes the
  // request: the timeout covers the whole request, not the gap between bytes.
  Connection c(server.port(), 300ms);
  std::string request = "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: abcdefghijklmnopqrstuvwxyz\r\n\r\n";
  auto start = std::chrono::steady_clock::now();
  bool sent_all = true;
  for (char ch : request) {
    if (!c.send(std::string(1, ch))) {
      sent_all = false;
      break;
    }
    std::this_thread::sleep_for(150ms);
    if (std::chrono::steady_clock::now() - start > 3s) break;
  }
  std::string received;
  bool closed = !sent_all || c.wait_closed(&received);
  EXPECT_TRUE(closed);
  EXPECT_EQ(received.find("200 OK"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
}

TEST_F(LimitsTest, IdleKeepAliveConnectionIsClosed) {
  Connection c(server.port());
  ASSERT_EQ(c.request("GET", "/hello").status, 200);
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.wait_closed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
}

TEST_F(LimitsTest, ServerStillServesAfterAbuse) {
  {
    Connection bad(server.port());
    bad.send("\x01\x02\x03garbage\r\n\r\n");
    bad.wait_closed();
  }
  Connection good(server.port());
  EXPECT_EQ(good.request("GET", "/hello").status, 200);
}

TEST(ConnectionCap, AnAddressHoldsAtMostItsConnections) {
  Router router = limit_routes();
  ServerOptions o;
  o.connections_per_address = 3;
  o.threads = 2;
  RunningServer server(o, router);
  std::vector<std::unique_ptr<Connection>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(std::make_unique<Connection>(server.port()));
    ASSERT_EQ(held.back()->request("GET", "/hello").status, 200) << i;  // keep-alive: it stays open
  }
  Connection extra(server.port());
  Reply refused = extra.read_reply();  // answered before it sends anything
  ASSERT_TRUE(refused.ok);
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(nlohmann::json::parse(refused.body)["error"]["code"], "too_many_connections");
  EXPECT_EQ(refused.header("Retry-After"), "1");
  EXPECT_TRUE(extra.wait_closed());
  EXPECT_EQ(held[0]->request("GET", "/hello").status, 200);  // the held ones still serve
  held.pop_back();  // one closes: a new connection is let in once the server sees it gone
  int status = 0;
  for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
    Connection again(server.port());
    status = again.request("GET", "/hello").status;
    if (status != 200) std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(status, 200);
}

}  // namespace
}  // namespace convene::http
