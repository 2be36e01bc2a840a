// What the server refuses before any handler runs, over a real connection:
// bodies nested too deep, text that is not UTF-8.
#include <atomic>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/http/server.h"
#include "test_client.h"

namespace convene::http {
namespace {

using testing::Connection;
using testing::Reply;
using testing::RunningServer;

class EdgeTest : public ::testing::Test {
 protected:
  EdgeTest() : router(routes()), server(options(), router) {}

  static ServerOptions options() {
    ServerOptions o;
    o.threads = 2;
    return o;
  }

  Router routes() {
    Router r;
    auto count = [this](Response res) {
      ++handled;
      return res;
    };
    r.add(Method::post, "/echo", [count](const Request& req) {
      auto body = parse_json_object(req);
      return count(body ? json(200, *body) : error(body.error()));
    });
    r.add(Method::post, "/form", [count](const Request& req) {
      return count(json(200, {{"fields", parse_form(req.body)}}));
    });
    r.add(Method::get, "/drafts/{name}/history", [count](const Request& req) {
      return count(json(200, {{"name", req.param("name")}, {"peer", req.remote_address}}));
    });
    return r;
  }

  Reply request(std::string_view method, std::string_view target, std::string_view body = "",
                std::string_view headers = "") {
    Connection c(server.port());
    return c.request(method, target, body, headers);
  }

  std::atomic<int> handled{0};
  Router router;
  RunningServer server;
};

nlohmann::json error_of(const Reply& r) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  return j.is_object() && j.contains("error") ? j["error"] : nlohmann::json();
}

TEST_F(EdgeTest, DeeplyNestedBodyIs400AndTheServerLives) {
  std::string deep = "{\"a\":" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
  Reply r = request("POST", "/echo", deep, "Content-Type: application/json\r\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_of(r)["code"], "json_too_deep");
  EXPECT_EQ(request("GET", "/drafts/x/history").status, 200);
}

TEST_F(EdgeTest, InvalidUtf8InThePathNeverReachesAHandler) {
  Reply r = request("GET", "/drafts/%FF%FE/history");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_of(r)["code"], "bad_encoding");
  EXPECT_EQ(error_of(r)["message"], "the path is not valid UTF-8 after percent-decoding");
  EXPECT_EQ(handled, 0);
}

TEST_F(EdgeTest, InvalidUtf8InAQueryParameterIsNamed) {
  Reply r = request("GET", "/drafts/x/history?venue=%C3%28");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_of(r)["message"],
            "query parameter 'venue' is not valid UTF-8 after percent-decoding");
  EXPECT_EQ(request("GET", "/drafts/x/history?%FF=1").status, 400);
  EXPECT_EQ(handled, 0);
}

TEST_F(EdgeTest, InvalidUtf8InAFormFieldIsNamed) {
  Reply r = request("POST", "/form", "csrf=x&email=%FF%FE",
                    "Content-Type: application/x-www-form-urlencoded\r\n");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_of(r)["message"], "form field 'email' is not valid UTF-8 after percent-decoding");
  EXPECT_EQ(request("POST", "/form", "email=%FF").status, 400);  // no Content-Type: a form
  EXPECT_EQ(handled, 0);
}

TEST_F(EdgeTest, AFormUnderAnotherTypeReachesTheHandlerOnlyAsValidText) {
  Reply r = request("POST", "/form", "email=%FF", "Content-Type: text/plain\r\n");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["fields"]["email"], "\xEF\xBF\xBD");
}

TEST_F(EdgeTest, InvalidUtf8InARawBodyOrHeaderIs400) {
  Reply body = request("POST", "/echo", "{\"t\":\"\xFF\"}", "Content-Type: application/json\r\n");
  EXPECT_EQ(body.status, 400);
  EXPECT_EQ(error_of(body)["message"], "the request body is not valid UTF-8");
  Reply header = request("GET", "/drafts/x/history", "", "X-Name: caf\xE9\r\n");
  EXPECT_EQ(header.status, 400);
  EXPECT_EQ(error_of(header)["message"], "header 'x-name' is not valid UTF-8");
  EXPECT_EQ(handled, 0);
}

TEST_F(EdgeTest, WellFormedUtf8PassesAndThePeerIsKnown) {
  Reply r = request("GET", "/drafts/z%C3%BCrich/history?q=%E2%82%AC");
  ASSERT_EQ(r.status, 200);
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["name"], "zürich");
  EXPECT_EQ(j["peer"], "127.0.0.1");
}

}  // namespace
}  // namespace convene::http
