// Sign-in throttling over a real server: wrong passwords per account and per
// address end in 429 with Retry-After, and then even the right password waits.
#include <gtest/gtest.h>

#include <string>

#include "http_client.h"

namespace convene {
namespace {

using testing::HttpResult;
using testing::TestServer;

class SignInLimits : public ::testing::Test {
 protected:
  HttpResult sign_in(const std::string& email, const std::string& password) {
    return testing::http_request("POST", server.url("/login"), "email=" + email + "&password=" + password,
                                 {"Content-Type: application/x-www-form-urlencoded"});
  }
  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
};

TEST_F(SignInLimits, FiveWrongPasswordsHoldTheAccount) {
  server.token_for("alice@example.org", {}, "alice-password-1");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(sign_in("alice@example.org", "wrong-" + std::to_string(i)).status, 401);
  HttpResult held = sign_in("alice@example.org", "alice-password-1");
  EXPECT_EQ(held.status, 429);
  EXPECT_EQ(held.headers["retry-after"], "900");  // the clock stands still: the whole window
  EXPECT_NE(held.body.find("Too many failed sign-ins"), std::string::npos);
  HttpResult other = sign_in("bob@example.org", "whatever");  // unknown account: still 401, not held
  EXPECT_EQ(other.status, 401);
}

TEST_F(SignInLimits, TwentyFailuresFromOneAddressHoldEveryAccount) {
  server.token_for("carol@example.org", {}, "carol-password-1");
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(sign_in("nobody" + std::to_string(i) + "@example.org", "guess").status, 401);
  EXPECT_EQ(sign_in("carol@example.org", "carol-password-1").status, 429);
}

TEST_F(SignInLimits, RightPasswordSignsInAndClearsTheAccount) {
  server.token_for("dave@example.org", {}, "dave-password-1");
  for (int i = 0; i < 4; ++i) EXPECT_EQ(sign_in("dave@example.org", "wrong").status, 401);
  EXPECT_EQ(sign_in("dave@example.org", "dave-password-1").status, 303);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(sign_in("dave@example.org", "wrong").status, 401);
  EXPECT_EQ(sign_in("dave@example.org", "dave-password-1").status, 303);
}

}  // namespace
}  // namespace convene
