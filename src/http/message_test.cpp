#include "convene/http/message.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace convene::http {
namespace {

TEST(Request, HeaderIsCaseInsensitive) {
  Request req;
  req.headers["content-type"] = "application/json";
  EXPECT_EQ(req.header("Content-Type"), "application/json");
  EXPECT_EQ(req.header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(req.header("x-missing"), "");
}

TEST(Request, CookieFindsNamedValue) {
  Request req;
  req.headers["cookie"] = "theme=dark;  session=abc123 ; lang=\"en\"; flag";
  EXPECT_EQ(req.cookie("session"), "abc123");
  EXPECT_EQ(req.cookie("theme"), "dark");
  EXPECT_EQ(req.cookie("lang"), "en");
  EXPECT_EQ(req.cookie("flag"), "");
  EXPECT_EQ(req.cookie("sess"), "");
}

TEST(Request, CookieValueMayContainEquals) {
  Request req;
  req.headers["cookie"] = "token=a=b=c";
  EXPECT_EQ(req.cookie("token"), "a=b=c");
}

TEST(Request, CookieWithoutHeaderIsEmpty) {
  Request req;
  EXPECT_EQ(req.cookie("session"), "");
}

TEST(Request, ParamReturnsRouteParameter) {
  Request req;
  req.params["number"] = "125";
  EXPECT_EQ(req.param("number"), "125");
  EXPECT_EQ(req.param("other"), "");
}

TEST(Response, WithHeaderAppendsAndChains) {
  Response res;
  res.with_header("Set-Cookie", "a=1").with_header("Set-Cookie", "b=2");
  ASSERT_EQ(res.headers.size(), 2u);
  EXPECT_EQ(res.headers[1].second, "b=2");
}

TEST(Response, JsonSetsTypeAndBody) {
  Response res = json(201, {{"id", 7}});
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(res.content_type, "application/json");
  EXPECT_EQ(nlohmann::json::parse(res.body), (nlohmann::json{{"id", 7}}));
}

TEST(Response, JsonReplacesInvalidUtf8InsteadOfThrowing) {
  Response res = json(200, {{"path", std::string("/a\xff")}});
  auto parsed = nlohmann::json::parse(res.body);
  EXPECT_EQ(parsed["path"], "/a\xEF\xBF\xBD");
}

TEST(Response, ErrorBodyShape) {
  Response res = error(invalid("bad_field", "field \"title\" is missing"));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.content_type, "application/json");
  auto body = nlohmann::json::parse(res.body);
  ASSERT_EQ(body.size(), 1u);
  ASSERT_EQ(body["error"].size(), 2u);
  EXPECT_EQ(body["error"]["code"], "bad_field");
  EXPECT_EQ(body["error"]["message"], "field \"title\" is missing");
}

TEST(Response, ErrorStatusPerKind) {
  EXPECT_EQ(status_for(ErrorKind::invalid), 400);
  EXPECT_EQ(status_for(ErrorKind::unauthorized), 401);
  EXPECT_EQ(status_for(ErrorKind::forbidden), 403);
  EXPECT_EQ(status_for(ErrorKind::not_found), 404);
  EXPECT_EQ(status_for(ErrorKind::conflict), 409);
  EXPECT_EQ(status_for(ErrorKind::too_large), 413);
  EXPECT_EQ(status_for(ErrorKind::rejected), 422);
  EXPECT_EQ(status_for(ErrorKind::internal), 500);
  EXPECT_EQ(error(rejected("draft_after_cutoff", "late")).status, 422);
  EXPECT_EQ(error(forbidden("no")).status, 403);
}

TEST(Response, HtmlAndText) {
  Response page = html(200, "<p>hi</p>");
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(page.body, "<p>hi</p>");
  Response plain = text(404, "gone");
  EXPECT_EQ(plain.status, 404);
  EXPECT_EQ(plain.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(text(200, "x", "text/calendar").content_type, "text/calendar");
}

TEST(Response, RedirectIsSeeOther) {
  Response res = redirect("/meetings/125");
  EXPECT_EQ(res.status, 303);
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].first, "Location");
  EXPECT_EQ(res.headers[0].second, "/meetings/125");
}

TEST(Response, RedirectDropsLineBreaks) {
  Response res = redirect("/x\r\nSet-Cookie: evil=1");
  EXPECT_EQ(res.headers[0].second, "/xSet-Cookie: evil=1");
}

TEST(ParseJson, AcceptsObject) {
  Request req;
  req.body = R"({"title": "x", "minutes": 12})";
  auto r = parse_json_object(req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["minutes"], 12);
}

TEST(ParseJson, BadJsonNamesTheParserError) {
  Request req;
  req.body = R"({"title": )";
  auto r = parse_json_object(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_json");
  EXPECT_EQ(r.error().kind, ErrorKind::invalid);
  EXPECT_TRUE(r.error().message.starts_with("request body is not valid JSON: "))
      << r.error().message;
  EXPECT_NE(r.error().message.find("column"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find("[json.exception"), std::string::npos) << r.error().message;
}

TEST(ParseJson, EmptyBodyIsBadJson) {
  Request req;
  auto r = parse_json_object(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_json");
  req.body = "  ";
  EXPECT_EQ(parse_json_object(req).error().code, "bad_json");
}

TEST(ParseJson, NonObjectIsRefused) {
  Request req;
  req.body = "[1, 2]";
  auto r = parse_json_object(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "not_an_object");
  EXPECT_NE(r.error().message.find("array"), std::string::npos) << r.error().message;
}

TEST(MethodName, Names) {
  EXPECT_EQ(method_name(Method::get), "GET");
  EXPECT_EQ(method_name(Method::del), "DELETE");
  EXPECT_EQ(method_name(Method::options), "OPTIONS");
}

}  // namespace
}  // namespace convene::http
