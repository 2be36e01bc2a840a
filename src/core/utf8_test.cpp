#include "convene/core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace convene {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Utf8, AcceptsAsciiAndWellFormedSequences) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("Zürich"));                 // 2 bytes
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));           // U+20AC, 3 bytes
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));       // U+1F600, 4 bytes
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));       // U+10FFFF, the last code point
  EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));  // NUL is a code point
}

TEST(Utf8, GivesTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(invalid_utf8_at("\xFF\xFE"), 0u);
  EXPECT_EQ(invalid_utf8_at("ab\x80"), 2u);          // stray continuation byte
  EXPECT_EQ(invalid_utf8_at("ok \xC3"), 3u);         // truncated at the end
  EXPECT_EQ(invalid_utf8_at("x\xE2\x82y"), 1u);      // truncated in the middle
  EXPECT_EQ(invalid_utf8_at("Zürich"), npos);
}

TEST(Utf8, RefusesOverlongSurrogatesAndBeyondUnicode) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong, 4 bytes
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800, a surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
}

TEST(Utf8, ReplacesEachBadByteWithTheReplacementCharacter) {
  EXPECT_EQ(replace_invalid_utf8("Zürich"), "Zürich");
  EXPECT_EQ(replace_invalid_utf8("a\xFF\xFE" "b"), "a\uFFFD\uFFFDb");
  EXPECT_EQ(replace_invalid_utf8("\xC3"), "\uFFFD");
  EXPECT_TRUE(is_valid_utf8(replace_invalid_utf8("\xED\xA0\x80\xC0\xAF")));
}

}  // namespace
TEST(Utf8, ContainsTextIgnoresTheCaseOfAsciiLettersOnly) {
  EXPECT_TRUE(contains_text("draft-ietf-QUIC-http", "quic"));
  EXPECT_TRUE(contains_text("HTTP/3", "http/3"));
  EXPECT_TRUE(contains_text("anything", ""));
  EXPECT_FALSE(contains_text("quic", "quick"));
  EXPECT_FALSE(contains_text("", "a"));
  EXPECT_TRUE(contains_text("Zürich", "zürich"));
  EXPECT_FALSE(contains_text("ZÜRICH", "zürich"));  // Ü is not ASCII
}

}  // namespace convene
