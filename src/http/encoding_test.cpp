#include <gtest/gtest.h>

#include "convene/http/message.h"

namespace convene::http {
namespace {

TEST(PercentDecode, DecodesEscapes) {
  EXPECT_EQ(percent_decode("a%20b%2Fc", false), "a b/c");
  EXPECT_EQ(percent_decode("%e2%82%ac", false), "\xE2\x82\xAC");
  EXPECT_EQ(percent_decode("100%25", false), "100%");
}

TEST(PercentDecode, PlusIsSpaceOnlyWhenAsked) {
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a%2Bb", true), "a+b");
}

TEST(PercentDecode, MalformedEscapesStayLiteral) {
  EXPECT_EQ(percent_decode("%zz", false), "%zz");
  EXPECT_EQ(percent_decode("%4", false), "%4");
  EXPECT_EQ(percent_decode("%", false), "%");
  EXPECT_EQ(percent_decode("a%g1b", false), "a%g1b");
  EXPECT_EQ(percent_decode("%%41", false), "%A");
}

TEST(PercentDecode, KeepsNulByte) {
  EXPECT_EQ(percent_decode("a%00b", false), std::string("a\0b", 3));
}

TEST(PercentEncode, KeepsUnreservedOnly) {
  EXPECT_EQ(percent_encode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(percent_encode("a b/c?d&e=f"), "a%20b%2Fc%3Fd%26e%3Df");
  EXPECT_EQ(percent_encode("\xE2\x82\xAC"), "%E2%82%AC");
}

TEST(PercentEncode, RoundTripsEveryByte) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  EXPECT_EQ(percent_decode(percent_encode(all), false), all);
  EXPECT_EQ(percent_decode(percent_encode(all), true), all);
}

TEST(ParseForm, DecodesPairs) {
  auto form = parse_form("title=New+work+%26+more&minutes=12&empty=");
  ASSERT_EQ(form.size(), 3u);
  EXPECT_EQ(form["title"], "New work & more");
  EXPECT_EQ(form["minutes"], "12");
  EXPECT_EQ(form["empty"], "");
}

TEST(ParseForm, RepeatedNameKeepsLast) {
  auto form = parse_form("a=1&a=2");
  EXPECT_EQ(form["a"], "2");
}

TEST(ParseForm, ToleratesOddInput) {
  auto form = parse_form("&&flag&=v&x=%zz&y=%4&na%6De=ok");
  EXPECT_EQ(form.at("flag"), "");
  EXPECT_EQ(form.at(""), "v");
  EXPECT_EQ(form.at("x"), "%zz");
  EXPECT_EQ(form.at("y"), "%4");
  EXPECT_EQ(form.at("name"), "ok");
  EXPECT_TRUE(parse_form("").empty());
}

TEST(ParseForm, MultiKeepsEveryValueInOrder) {
  auto form = parse_form_multi("group=dispatch&group=secdispatch&x=1");
  auto [first, last] = form.equal_range("group");
  ASSERT_EQ(std::distance(first, last), 2);
  EXPECT_EQ(first->second, "dispatch");
  EXPECT_EQ(std::next(first)->second, "secdispatch");
}

TEST(TargetPath, StripsQueryFragmentAndAuthority) {
  EXPECT_EQ(target_path("/a%20b?x=1"), "/a%20b");
  EXPECT_EQ(target_path("/a#frag"), "/a");
  EXPECT_EQ(target_path("http://example.org/p/q?z"), "/p/q");
  EXPECT_EQ(target_path("HTTPS://example.org"), "/");
  EXPECT_EQ(target_path("*"), "*");
}

TEST(SetTarget, SplitsPathAndQuery) {
  Request req;
  set_target(req, "/meetings/a%20b/agenda?tz=Europe%2FParis&q=x+y&flag");
  EXPECT_EQ(req.target, "/meetings/a%20b/agenda?tz=Europe%2FParis&q=x+y&flag");
  EXPECT_EQ(req.path, "/meetings/a b/agenda");
  ASSERT_EQ(req.query.size(), 3u);
  EXPECT_EQ(req.query["tz"], "Europe/Paris");
  EXPECT_EQ(req.query["q"], "x y");
  EXPECT_EQ(req.query["flag"], "");
}

TEST(SetTarget, PlusInPathIsLiteral) {
  Request req;
  set_target(req, "/a+b");
  EXPECT_EQ(req.path, "/a+b");
  EXPECT_TRUE(req.query.empty());
}

}  // namespace
}  // namespace convene::http
