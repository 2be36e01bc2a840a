#include "convene/meeting/json_fields.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace convene::json_fields {
namespace {

using nlohmann::json;

TEST(JsonFields, BodyMustBeAnObject) {
  for (const json& body : {json::array({1, 2}), json("x"), json(3), json(nullptr)}) {
    auto st = require_object(body);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "bad_type");
    EXPECT_EQ(st.error().message.rfind("body: must be a JSON object, got ", 0), 0u);
  }
  EXPECT_TRUE(require_object(json::object()).ok());
}

TEST(JsonFields, TextMissingWrongTypeEmptyTooLong) {
  json body = {{"a", 3}, {"b", ""}, {"c", "héllo"}, {"d", nullptr}};
  EXPECT_EQ(text(body, "zz").error().code, "missing_field");
  EXPECT_EQ(text(body, "zz").error().message, "zz: is required");
  EXPECT_EQ(text(body, "a").error().code, "bad_type");
  EXPECT_EQ(text(body, "a").error().message, "a: must be a string, got 3");
  EXPECT_EQ(text(body, "d").error().code, "bad_type");  // null is not a string
  EXPECT_EQ(text(body, "b").error().code, "bad_value");
  EXPECT_TRUE(text(body, "b", {.allow_empty = true}).ok());
  // Five characters although six bytes.
  EXPECT_EQ(text(body, "c", {.max_chars = 5}).value(), "héllo");
  auto r = text(body, "c", {.max_chars = 4});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "c: must be at most 4 characters, got 5");
}

TEST(JsonFields, ControlCharactersOnlyNewlineAndTabWhenMultiline) {
  json body = {{"q", "line one\nline two"}, {"z", std::string("a\x01") + "b"}};
  EXPECT_EQ(text(body, "q").error().code, "bad_value");
  EXPECT_TRUE(text(body, "q", {.multiline = true}).ok());
  EXPECT_FALSE(text(body, "z", {.multiline = true}).ok());
}

TEST(JsonFields, OptionalTextTreatsNullAsAbsent) {
  json body = {{"n", nullptr}, {"s", "x"}, {"i", 1}};
  EXPECT_FALSE(optional_text(body, "n").value().has_value());
  EXPECT_FALSE(optional_text(body, "absent").value().has_value());
  EXPECT_EQ(*optional_text(body, "s").value(), "x");
  EXPECT_EQ(optional_text(body, "i").error().code, "bad_type");
}

TEST(JsonFields, IntegerRangeAndTypes) {
  json body = {{"ten", "ten"},  {"f", 12.5},    {"b", true},          {"zero", 0},
               {"ok", 120},     {"big", 121},   {"neg", -5},          {"huge", 18446744073709551615ull},
               {"whole_float", 12.0}};
  auto r = integer(body, "ten", 1, 120);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_type");
  EXPECT_EQ(r.error().message, "ten: must be an integer from 1 to 120, got \"ten\"");
  EXPECT_EQ(integer(body, "f", 1, 120).error().code, "bad_type");
  EXPECT_EQ(integer(body, "whole_float", 1, 120).error().code, "bad_type");
  EXPECT_EQ(integer(body, "b", 1, 120).error().code, "bad_type");
  EXPECT_EQ(integer(body, "zero", 1, 120).error().code, "bad_value");
  EXPECT_EQ(integer(body, "big", 1, 120).error().code, "bad_value");
  EXPECT_EQ(integer(body, "neg", 1, 120).error().code, "bad_value");
  EXPECT_EQ(integer(body, "huge", 1, 120).error().code, "bad_value");
  EXPECT_EQ(integer(body, "ok", 1, 120).value(), 120);
  // A parsed non-negative number is unsigned in nlohmann::json: still below the minimum.
  json parsed = json::parse(R"({"zero": 0, "two": 2})");
  EXPECT_EQ(integer(parsed, "zero", 1, 120).error().code, "bad_value");
  EXPECT_EQ(integer(parsed, "two", 3, 120).error().code, "bad_value");
  EXPECT_EQ(integer(parsed, "two", 0, 120).value(), 2);
  EXPECT_EQ(integer(body, "none", 1, 120).error().code, "missing_field");
  EXPECT_EQ(optional_integer(body, "none", 1, 120, 12).value(), 12);
  EXPECT_EQ(optional_integer(body, "zero", 1, 120, 12).error().code, "bad_value");
}

TEST(JsonFields, TextListNamesTheElement) {
  json body = {{"l", {"a", 2}}, {"s", "a"}, {"many", {"a", "b", "c"}}, {"e", {"a", ""}}};
  auto r = text_list(body, "l", 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_type");
  EXPECT_EQ(r.error().message, "l[1]: must be a string, got 2");
  EXPECT_EQ(text_list(body, "s", 10).error().code, "bad_type");
  EXPECT_EQ(text_list(body, "many", 2).error().code, "bad_value");
  EXPECT_EQ(text_list(body, "e", 10).error().message, "e[1]: must not be empty");
  EXPECT_TRUE(text_list(body, "absent", 10).value().empty());
  EXPECT_EQ(text_list(body, "many", 3).value().size(), 3u);
}

TEST(JsonFields, ShowCutsLongValuesAndSurvivesBadUtf8) {
  EXPECT_EQ(show(json("ten")), "\"ten\"");
  std::string long_text(200, 'x');
  std::string shown = show(json(long_text));
  EXPECT_LE(shown.size(), 64u);
  EXPECT_EQ(shown.substr(shown.size() - 3), "...");
  EXPECT_NO_THROW(show(json(std::string("\xff\xfe"))));
}

TEST(JsonFields, ShowIsShortForDeepAndHugeValues) {
  json deep = 1;
  for (int i = 0; i < 100'000; ++i) deep = json::array({std::move(deep)});
  std::string shown = show(deep);
  EXPECT_EQ(shown, std::string(60, '[') + "...");
  json wide = json::array();
  for (int i = 0; i < 100'000; ++i) wide.push_back(std::string(100, 'y'));
  EXPECT_LE(show(wide).size(), 64u);
  json keys = {{std::string(10'000, 'k'), 1}};
  EXPECT_LE(show(keys).size(), 64u);
  EXPECT_EQ(show(json{{"a", {1, 2}}, {"b", nullptr}}), R"({"a":[1,2],"b":null})");
  EXPECT_EQ(show(json::array()), "[]");
  EXPECT_EQ(show(json::object()), "{}");
}

TEST(JsonFields, NumbersThatAreNotIntegersOrDoNotFit) {
  json body = json::parse(R"({"half": 1.5, "int_max_plus": 2147483648, "big": 1e+308,
                              "minus_zero": -0.0, "u64": 18446744073709551615,
                              "beyond": 18446744073709551616, "list": [1], "obj": {"a": 1}})");
  for (const char* f : {"half", "big", "minus_zero", "beyond", "list", "obj"}) {
    auto r = integer(body, f, 0, 2147483647);
    ASSERT_FALSE(r.ok()) << f;
    EXPECT_EQ(r.error().code, "bad_type") << f;
    EXPECT_TRUE(r.error().message.starts_with(std::string(f) + ": ")) << r.error().message;
  }
  EXPECT_EQ(integer(body, "int_max_plus", 0, 2147483647).error().code, "bad_value");
  EXPECT_EQ(integer(body, "u64", INT64_MIN, INT64_MAX).error().code, "bad_value");
  EXPECT_EQ(text(body, "list").error().code, "bad_type");
  EXPECT_EQ(text(body, "obj").error().message, "obj: must be a string, got {\"a\":1}");
}

}  // namespace
}  // namespace convene::json_fields
