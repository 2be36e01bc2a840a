#include "wire.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace convene::http::detail {
namespace {

// The head's lines without the trailing empty line.
std::vector<std::string> lines_of(const std::string& head) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    auto end = head.find("\r\n", start);
    if (end == std::string::npos || end == start) break;
    lines.push_back(head.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

bool has_line(const std::string& head, const std::string& line) {
  auto lines = lines_of(head);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

int count_prefix(const std::string& head, const std::string& prefix) {
  int n = 0;
  for (const auto& line : lines_of(head)) n += line.starts_with(prefix);
  return n;
}

TEST(WriteHead, StatusLineAndDefaults) {
  Response res = json(200, {{"a", 1}});
  std::string head;
  EXPECT_TRUE(write_head(res, 1, true, false, head));
  EXPECT_TRUE(head.starts_with("HTTP/1.1 200 OK\r\n"));
  EXPECT_TRUE(head.ends_with("\r\n\r\n"));
  EXPECT_TRUE(has_line(head, "Server: convene"));
  EXPECT_TRUE(has_line(head, "Content-Type: application/json"));
  EXPECT_TRUE(has_line(head, "Content-Length: " + std::to_string(res.body.size())));
  EXPECT_TRUE(has_line(head, "X-Content-Type-Options: nosniff"));
  EXPECT_TRUE(has_line(head, "Referrer-Policy: same-origin"));
  EXPECT_TRUE(has_line(head, "X-Frame-Options: DENY"));
  EXPECT_TRUE(has_line(head, "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'"));
  EXPECT_EQ(count_prefix(head, "Date: "), 1);
  EXPECT_EQ(count_prefix(head, "Connection:"), 0);
}

TEST(WriteHead, HeadRequestKeepsLengthButNoBody) {
  Response res = html(200, "<p>twelve</p>");
  std::string head;
  EXPECT_FALSE(write_head(res, 1, true, true, head));
  EXPECT_TRUE(has_line(head, "Content-Length: 13"));
}

TEST(WriteHead, NoContentHasNoLength) {
  Response res = text(204, "dropped");
  std::string head;
  EXPECT_FALSE(write_head(res, 1, true, false, head));
  EXPECT_TRUE(head.starts_with("HTTP/1.1 204 No Content\r\n"));
  EXPECT_EQ(count_prefix(head, "Content-Length"), 0);
}

TEST(WriteHead, HandlerHeadersOverrideDefaultsAndReservedAreDropped) {
  Response res = html(200, "x");
  res.with_header("content-security-policy", "default-src 'none'")
      .with_header("Content-Length", "99")
      .with_header("Connection", "upgrade")
      .with_header("Server", "other")
      .with_header("Bad Name", "v")
      .with_header("Content-Type", "text/calendar");
  std::string head;
  write_head(res, 1, true, false, head);
  EXPECT_TRUE(has_line(head, "content-security-policy: default-src 'none'"));
  EXPECT_EQ(count_prefix(head, "Content-Security-Policy"), 0);
  EXPECT_TRUE(has_line(head, "Content-Length: 1"));
  EXPECT_EQ(count_prefix(head, "Content-Length"), 1);
  EXPECT_EQ(count_prefix(head, "Connection"), 0);
  EXPECT_EQ(count_prefix(head, "Server"), 1);
  EXPECT_EQ(count_prefix(head, "Bad Name"), 0);
  EXPECT_EQ(count_prefix(head, "Content-Type"), 1);
  EXPECT_TRUE(has_line(head, "Content-Type: text/calendar"));
}

TEST(WriteHead, LineBreaksInValuesBecomeSpaces) {
  Response res = redirect("/x");
  res.headers.emplace_back("X-Note", std::string("a\r\nSet-Cookie: evil=1\0b", 23));
  std::string head;
  write_head(res, 1, true, false, head);
  EXPECT_TRUE(has_line(head, "X-Note: a  Set-Cookie: evil=1 b"));
  EXPECT_EQ(count_prefix(head, "Set-Cookie"), 0);
  EXPECT_TRUE(head.starts_with("HTTP/1.1 303 See Other\r\n"));
  EXPECT_TRUE(has_line(head, "Location: /x"));
}

TEST(WriteHead, ConnectionHeaderFollowsKeepAliveAndVersion) {
  Response res = text(200, "x");
  std::string head;
  write_head(res, 1, false, false, head);
  EXPECT_TRUE(has_line(head, "Connection: close"));
  write_head(res, 0, true, false, head);
  EXPECT_TRUE(head.starts_with("HTTP/1.0 200 OK\r\n"));
  EXPECT_TRUE(has_line(head, "Connection: keep-alive"));
}

TEST(WriteHead, OddStatusBecomes500) {
  Response res = text(42, "x");
  std::string head;
  testing::internal::CaptureStderr();
  EXPECT_TRUE(write_head(res, 1, true, false, head));
  testing::internal::GetCapturedStderr();
  EXPECT_TRUE(head.starts_with("HTTP/1.1 500 Internal Server Error\r\n"));
  EXPECT_EQ(res.status, 500);
  EXPECT_NE(res.body.find("internal"), std::string::npos);
}

TEST(WriteHead, BusyAndTooManyGetRetryAfterUnlessSet) {
  std::string head;
  Response busy = error(unavailable("database_busy", "try again"));
  EXPECT_EQ(busy.status, 503);
  write_head(busy, 1, true, false, head);
  EXPECT_TRUE(has_line(head, "HTTP/1.1 503 Service Unavailable"));
  EXPECT_TRUE(has_line(head, "Retry-After: 1"));
  Response slow = text(429, "wait");
  slow.with_header("Retry-After", "30");
  write_head(slow, 1, true, false, head);
  EXPECT_TRUE(has_line(head, "Retry-After: 30"));
  EXPECT_EQ(count_prefix(head, "Retry-After:"), 1);
  Response fine = text(200, "ok");
  write_head(fine, 1, true, false, head);
  EXPECT_EQ(count_prefix(head, "Retry-After:"), 0);
}

TEST(ReasonPhrase, KnownAndUnknown) {
  EXPECT_EQ(reason_phrase(413), "Content Too Large");
  EXPECT_EQ(reason_phrase(299), "");
}

}  // namespace
}  // namespace convene::http::detail
