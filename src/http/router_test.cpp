#include "convene/http/router.h"

#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace convene::http {
namespace {

Request request(Method method, std::string_view target) {
  Request req;
  req.method = method;
  set_target(req, target);
  return req;
}

// A handler that answers with its own name and the parameters it got.
Handler named(std::string name) {
  return [name](const Request& req) {
    nlohmann::json params(nlohmann::json::value_t::object);
    for (const auto& [k, v] : req.params) params[k] = v;
    return json(200, {{"route", name}, {"params", params}});
  };
}

nlohmann::json body_of(const Response& res) { return nlohmann::json::parse(res.body); }

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add(Method::get, "/", named("root"));
    router.add(Method::get, "/api/v1/meetings", named("meetings"));
    router.add(Method::get, "/api/v1/meetings/{number}", named("meeting"));
    router.add(Method::post, "/api/v1/meetings/{number}", named("update"));
    router.add(Method::get, "/meetings/{number}/{group}", named("group"));
    router.add(Method::get, "/telechats/{date}.md", named("markdown"));
    router.add(Method::get, "/telechats/{date}.ics", named("calendar"));
    router.add(Method::get, "/telechats/{date}", named("telechat"));
  }
  Response handle(Method method, std::string_view target) {
    Request req = request(method, target);
    return router.handle(req);
  }
  Router router;
};

TEST_F(RouterTest, LiteralRoutes) {
  EXPECT_EQ(body_of(handle(Method::get, "/"))["route"], "root");
  EXPECT_EQ(body_of(handle(Method::get, "/api/v1/meetings"))["route"], "meetings");
  EXPECT_EQ(body_of(handle(Method::get, "/api/v1/meetings?x=1"))["route"], "meetings");
}

TEST_F(RouterTest, ParametersFillParams) {
  auto body = body_of(handle(Method::get, "/meetings/125/dispatch"));
  EXPECT_EQ(body["route"], "group");
  EXPECT_EQ(body["params"], (nlohmann::json{{"number", "125"}, {"group", "dispatch"}}));
}

TEST_F(RouterTest, SuffixParameters) {
  auto md = body_of(handle(Method::get, "/telechats/2026-12-10.md"));
  EXPECT_EQ(md["route"], "markdown");
  EXPECT_EQ(md["params"]["date"], "2026-12-10");
  auto ics = body_of(handle(Method::get, "/telechats/2026-12-10.ics"));
  EXPECT_EQ(ics["route"], "calendar");
  EXPECT_EQ(ics["params"]["date"], "2026-12-10");
  auto plain = body_of(handle(Method::get, "/telechats/2026-12-10"));
  EXPECT_EQ(plain["route"], "telechat");
  // The parameter before the suffix must not be empty: ".md" alone is a plain date.
  EXPECT_EQ(body_of(handle(Method::get, "/telechats/.md"))["route"], "telechat");
}

TEST_F(RouterTest, ParametersArePercentDecoded) {
  auto body = body_of(handle(Method::get, "/meetings/1%202/a%2Fb"));
  EXPECT_EQ(body["params"]["number"], "1 2");
  EXPECT_EQ(body["params"]["group"], "a/b");
  // The suffix is matched against the decoded segment.
  auto md = body_of(handle(Method::get, "/telechats/x%2Emd"));
  EXPECT_EQ(md["route"], "markdown");
  EXPECT_EQ(md["params"]["date"], "x");
}

TEST_F(RouterTest, EncodedLiteralSegmentMatches) {
  EXPECT_EQ(body_of(handle(Method::get, "/api/v1/meet%69ngs"))["route"], "meetings");
}

TEST_F(RouterTest, NotFoundNamesThePath) {
  Response res = handle(Method::get, "/nowhere/else");
  EXPECT_EQ(res.status, 404);
  auto body = body_of(res);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("/nowhere/else"), std::string::npos);
}

TEST_F(RouterTest, TrailingSlashAndEmptySegmentsDoNotMatch) {
  EXPECT_EQ(handle(Method::get, "/api/v1/meetings/").status, 404);
  EXPECT_EQ(handle(Method::get, "/api/v1//meetings").status, 404);
  EXPECT_EQ(handle(Method::get, "/meetings/125/").status, 404);
  EXPECT_EQ(handle(Method::get, "").status, 404);
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  Response res = handle(Method::del, "/api/v1/meetings/125");
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(body_of(res)["error"]["code"], "method_not_allowed");
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].first, "Allow");
  EXPECT_EQ(res.headers[0].second, "GET, HEAD, POST");
}

TEST_F(RouterTest, ItsErrorsGoThroughTheErrorRenderer) {
  router.add(Method::get, "/boom", [](const Request&) -> Response { throw std::runtime_error("boom"); });
  std::vector<std::string> seen;
  router.set_error_renderer([&](const Request& req, const Error& e) {
    seen.push_back(req.path + " " + e.code);
    return html(200, "<p>" + e.message + "</p>");
  });
  Response missing = handle(Method::get, "/nowhere");
  EXPECT_EQ(missing.status, 404);  // the router's status, whatever the renderer says
  EXPECT_EQ(missing.body, "<p>no resource at /nowhere</p>");
  Response wrong = handle(Method::del, "/api/v1/meetings/125");
  EXPECT_EQ(wrong.status, 405);
  ASSERT_EQ(wrong.headers.size(), 1u);
  EXPECT_EQ(wrong.headers[0].first, "Allow");
  EXPECT_EQ(handle(Method::get, "/boom").status, 500);
  EXPECT_EQ(seen, (std::vector<std::string>{"/nowhere not_found", "/api/v1/meetings/125 method_not_allowed",
                                            "/boom internal"}));
  router.set_error_renderer([](const Request&, const Error&) -> Response { throw std::runtime_error("again"); });
  Response fallback = handle(Method::get, "/nowhere");
  EXPECT_EQ(fallback.status, 404);
  EXPECT_EQ(body_of(fallback)["error"]["code"], "not_found");  // JSON when the renderer fails
}

TEST_F(RouterTest, HeadIsServedByGet) {
  Response res = handle(Method::head, "/api/v1/meetings/125");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(body_of(res)["route"], "meeting");
}

TEST_F(RouterTest, FirstMatchWins) {
  router.add(Method::get, "/api/v1/meetings/latest", named("latest"));
  EXPECT_EQ(body_of(handle(Method::get, "/api/v1/meetings/latest"))["route"], "meeting");
}

TEST_F(RouterTest, HandlerExceptionIsGeneric500) {
  router.add(Method::get, "/boom", [](const Request&) -> Response {
    throw std::runtime_error("secret database detail");
  });
  router.add(Method::get, "/boom2", [](const Request&) -> Response { throw 42; });
  testing::internal::CaptureStderr();
  Response res = handle(Method::get, "/boom");
  Response res2 = handle(Method::get, "/boom2");
  std::string logged = testing::internal::GetCapturedStderr();
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(body_of(res)["error"]["code"], "internal");
  EXPECT_EQ(res.body.find("secret"), std::string::npos);
  EXPECT_NE(logged.find("secret database detail"), std::string::npos);
  EXPECT_EQ(res2.status, 500);
}

TEST_F(RouterTest, ParamsReplacedOnEachCall) {
  Request req = request(Method::get, "/api/v1/meetings/7");
  req.params["stale"] = "x";
  router.handle(req);
  EXPECT_EQ(req.params.size(), 1u);
  EXPECT_EQ(req.params["number"], "7");
}

TEST_F(RouterTest, PathWithoutTargetIsMatchedAsDecoded) {
  Request req;
  req.path = "/meetings/a%20b/x";
  auto body = body_of(router.handle(req));
  EXPECT_EQ(body["params"]["number"], "a%20b");
}

TEST(Router, RejectsMalformedPatterns) {
  Router router;
  EXPECT_THROW(router.add(Method::get, "nope", named("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/{x", named("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/{}", named("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/{x}{y}", named("x")), std::invalid_argument);
  EXPECT_NO_THROW(router.add(Method::get, "/a/{x}.md", named("x")));
}

TEST(Router, EmptyRouterGives404) {
  Router router;
  Request req = request(Method::get, "/");
  EXPECT_EQ(router.handle(req).status, 404);
}

}  // namespace
}  // namespace convene::http
