// The JSON body reader refuses what could hurt what comes after it.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "convene/http/message.h"

namespace convene::http {
namespace {

Request with_body(std::string body) {
  Request req;
  req.body = std::move(body);
  return req;
}

std::string nested(std::size_t levels, std::string_view inner = "1") {
  return "{\"a\":" + std::string(levels - 1, '[') + std::string(inner) +
         std::string(levels - 1, ']') + "}";
}

TEST(JsonBody, RefusesDeepNestingBeforeBuildingIt) {
  auto r = parse_json_object(with_body(nested(100'000)));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "json_too_deep");
  EXPECT_EQ(r.error().kind, ErrorKind::invalid);
  EXPECT_NE(r.error().message.find("64 levels"), std::string::npos) << r.error().message;
}

TEST(JsonBody, AcceptsTheLimitAndRefusesOneMore) {
  EXPECT_TRUE(parse_json_object(with_body(nested(kMaxJsonDepth))).ok());
  EXPECT_EQ(parse_json_object(with_body(nested(kMaxJsonDepth + 1))).error().code, "json_too_deep");
}

TEST(JsonBody, BracketsInsideStringsDoNotCount) {
  std::string brackets(1000, '[');
  auto r = parse_json_object(with_body(R"({"t": ")" + brackets + R"(\"[[", "u": "]]\\"})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)["t"], brackets + "\"[[");
}

TEST(JsonBody, DeepUnclosedGarbageIsTooDeepNotACrash) {
  EXPECT_EQ(parse_json_object(with_body(std::string(200'000, '{'))).error().code, "json_too_deep");
  EXPECT_EQ(parse_json_object(with_body(std::string(200'000, ']'))).error().code, "bad_json");
}

TEST(JsonBody, InvalidUtf8IsBadEncoding) {
  auto r = parse_json_object(with_body("{\"title\": \"caf\xE9\"}"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_encoding");
  EXPECT_NE(r.error().message.find("byte 14"), std::string::npos) << r.error().message;
  EXPECT_EQ(parse_json_object(with_body("\xFF\xFE{}")).error().code, "bad_encoding");
}

TEST(JsonBody, NumberTooBigForADoubleIsBadJson) {
  auto r = parse_json_object(with_body(R"({"minutes": 1e99999})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_json");
  EXPECT_EQ(r.error().kind, ErrorKind::invalid);
}

TEST(JsonBody, ParserMessageIsShortForAHugeBadToken) {
  auto r = parse_json_object(with_body("{\"a\": \"" + std::string(500'000, 'e') + "\x01\"}"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_json");
  EXPECT_LT(r.error().message.size(), 400u);
}

TEST(JsonBody, BigAndEdgeNumbersParse) {
  auto r = parse_json_object(with_body(R"({"a": 1e+308, "b": -0.0, "c": 18446744073709551616})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE((*r)["a"].is_number_float());
  EXPECT_TRUE((*r)["c"].is_number_float());
}

}  // namespace
}  // namespace convene::http
