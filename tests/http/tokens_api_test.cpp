// End to end: the caller's API tokens (named, expiring, revocable) and the
// password change that ends every other session, against a real server.
#include <gtest/gtest.h>

#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::TestServer;

const char* kAda = "ada@example.org";
const char* kPassword = "a-long-password";

class TokensApi : public ::testing::Test {
 protected:
  void SetUp() override { token = server.token_for(kAda, {}, kPassword); }

  // A browser session: its cookie pair and the CSRF token of its pages.
  struct Browser {
    std::string cookie, csrf;
  };
  Browser sign_in(const std::string& password = kPassword) {
    auto r = testing::http_request("POST", server.url("/login"),
                                   std::string("email=") + kAda + "&password=" + password + "&next=%2F",
                                   {"Content-Type: application/x-www-form-urlencoded"});
    Browser b{r.set_cookie.substr(0, r.set_cookie.find(';')), ""};
    auto home = testing::http_request("GET", server.url("/"), "", {"Cookie: " + b.cookie});
    b.csrf = testing::csrf_of(home.body);
    return b;
  }
  HttpResult as_browser(const Browser& b, const std::string& method, const std::string& path, const json& body) {
    return testing::http_request(method, server.url(path), body.is_null() ? "" : body.dump(),
                                 {"Content-Type: application/json", "Cookie: " + b.cookie, "X-CSRF-Token: " + b.csrf});
  }
  HttpResult del(const std::string& path, const std::string& bearer) {
    return testing::http_request("DELETE", server.url(path), "", {"Authorization: Bearer " + bearer});
  }
  // Creates a token through the API; returns its answer.
  json create(const json& body) {
    auto r = server.post("/api/v1/me/tokens", body, token);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json();
  }

  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
  std::string token;
};

TEST_F(TokensApi, CreatedTokenWorksIsListedWithoutSecretAndRevokedGets401) {
  json made = create({{"name", "laptop"}});
  EXPECT_EQ(made["name"], "laptop");
  EXPECT_TRUE(made["expires_at"].is_null());
  std::string secret = made["token"];
  EXPECT_EQ(server.get("/api/v1/me", secret).status, 200);

  auto listed = server.get("/api/v1/me/tokens", secret);
  ASSERT_EQ(listed.status, 200);
  json tokens = listed.json()["tokens"];
  ASSERT_EQ(tokens.size(), 2u);  // the fixture's and "laptop"
  EXPECT_EQ(tokens[1]["id"], made["id"]);
  EXPECT_EQ(tokens[1]["created_at"], "2026-03-01T12:00:00Z");
  EXPECT_EQ(listed.body.find(secret), std::string::npos);
  EXPECT_FALSE(tokens[1].contains("token"));

  std::string id = std::to_string(made["id"].get<std::int64_t>());
  EXPECT_EQ(del("/api/v1/me/tokens/" + id, token).status, 200);
  EXPECT_EQ(server.get("/api/v1/me", secret).status, 401);
  EXPECT_EQ(del("/api/v1/me/tokens/" + id, token).status, 404);
  auto nonsense = del("/api/v1/me/tokens/nonsense", token);
  EXPECT_EQ(nonsense.status, 400);
  EXPECT_EQ(nonsense.json()["error"]["code"], "bad_id");
}

TEST_F(TokensApi, OthersTokensCannotBeRevoked) {
  std::string bobs = server.token_for("bob@example.org", {});
  json made = create({{"name", "ci"}});
  auto r = del("/api/v1/me/tokens/" + std::to_string(made["id"].get<std::int64_t>()), bobs);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.json()["error"]["code"], "token_unknown");
  EXPECT_EQ(server.get("/api/v1/me", made["token"]).status, 200);
}

TEST_F(TokensApi, TheSecretariatListsAndRevokesAnyonesTokensByEmail) {
  std::string sec = server.token_for("sec@example.org", {"secretariat"});
  std::string bobs = server.token_for("bob@example.org", {});
  json made = create({{"name", "ci"}});
  std::string path = "/api/v1/me/tokens/" + std::to_string(made["id"].get<std::int64_t>()) + "?email=" + kAda;
  EXPECT_EQ(del(path, bobs).status, 403);
  EXPECT_EQ(server.get(std::string("/api/v1/me/tokens?email=") + kAda, bobs).status, 403);
  auto listed = server.get(std::string("/api/v1/me/tokens?email=") + kAda, sec);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json()["tokens"].size(), 2u);
  EXPECT_EQ(del(path, sec).status, 200);
  EXPECT_EQ(server.get("/api/v1/me", made["token"]).status, 401);
}

TEST_F(TokensApi, ExpiredTokenGets401) {
  json made = create({{"name", "ci"}, {"expires_in_days", 2}});
  EXPECT_EQ(made["expires_at"], "2026-03-03T12:00:00Z");
  server.now += 2 * 86400 - 1;
  EXPECT_EQ(server.get("/api/v1/me", made["token"]).status, 200);
  server.now += 1;
  EXPECT_EQ(server.get("/api/v1/me", made["token"]).status, 401);
}

TEST_F(TokensApi, LastUseIsRecordedAtMostOnceAMinute) {
  json made = create({{"name", "ci"}});
  auto last_used = [&] { return server.get("/api/v1/me/tokens", token).json()["tokens"][1]["last_used_at"]; };
  EXPECT_TRUE(last_used().is_null());
  EXPECT_EQ(server.get("/api/v1/me", made["token"]).status, 200);
  EXPECT_EQ(last_used(), "2026-03-01T12:00:00Z");
  server.now += 59;
  EXPECT_EQ(server.get("/api/v1/me", made["token"]).status, 200);
  EXPECT_EQ(last_used(), "2026-03-01T12:00:00Z");
  server.now += 1;
  EXPECT_EQ(server.get("/api/v1/me", made["token"]).status, 200);
  EXPECT_EQ(last_used(), "2026-03-01T12:01:00Z");
}

TEST_F(TokensApi, BadTokenRequestsAre400) {
  for (const json& body : {json{{"name", ""}}, json{{"expires_in_days", 3}}, json{{"name", "x"}, {"expires_in_days", 0}},
                           json{{"name", "x"}, {"expires_in_days", 3651}},
                           json{{"name", std::string(65, 'x')}}}) {
    auto r = server.post("/api/v1/me/tokens", body, token);
    EXPECT_EQ(r.status, 400) << body.dump();
    EXPECT_TRUE(r.json()["error"].contains("code")) << r.body;
  }
  EXPECT_EQ(server.post("/api/v1/me/tokens", {{"name", "x"}}).status, 401);
}

TEST_F(TokensApi, PasswordChangeEndsOtherSessionsAndTokensButNotThisOne) {
  Browser here = sign_in(), there = sign_in();
  ASSERT_FALSE(here.csrf.empty());
  EXPECT_EQ(as_browser(there, "GET", "/api/v1/me", nullptr).status, 200);

  auto wrong = as_browser(here, "POST", "/api/v1/me/password", {{"current", "not-it"}, {"new", "a-new-long-password"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.json()["error"]["code"], "wrong_password");
  auto weak = as_browser(here, "POST", "/api/v1/me/password", {{"current", kPassword}, {"new", "short"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.json()["error"]["code"], "weak_password");
  EXPECT_EQ(server.get("/api/v1/me", token).status, 200);

  json good = {{"current", kPassword}, {"new", "a-new-long-password"}};
  auto changed = as_browser(here, "POST", "/api/v1/me/password", good);
  EXPECT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(server.get("/api/v1/me", token).status, 401);
  EXPECT_EQ(as_browser(there, "GET", "/api/v1/me", nullptr).status, 401);
  EXPECT_EQ(as_browser(here, "GET", "/api/v1/me", nullptr).status, 200);
  EXPECT_TRUE(sign_in(kPassword).cookie.empty());
  EXPECT_FALSE(sign_in("a-new-long-password").cookie.empty());
}

}  // namespace
}  // namespace convene

namespace convene {
namespace {

// The same through the profile page's forms.
TEST_F(TokensApi, TheProfilePageMakesListsAndRevokesTokensAndChangesThePassword) {
  Browser b = sign_in();
  auto form = [&](const std::string& path, const std::string& body) {
    return testing::http_request("POST", server.url(path), body + "&csrf=" + b.csrf,
                                 {"Content-Type: application/x-www-form-urlencoded", "Cookie: " + b.cookie});
  };
  auto refused = form("/me/tokens", "name=&expires_in_days=9999");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("alert-danger"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"9999\""), std::string::npos);  // what was typed is kept

  auto made = form("/me/tokens", "name=calendar+script&expires_in_days=30");
  ASSERT_EQ(made.status, 200) << made.body.substr(0, 300);
  const auto at = made.body.find("text-break\">");
  ASSERT_NE(at, std::string::npos);
  const std::string secret = made.body.substr(at + 12, made.body.find("</code>", at) - at - 12);
  ASSERT_EQ(server.get("/api/v1/me", secret).status, 200) << secret;
  auto page = testing::http_request("GET", server.url("/me"), "", {"Cookie: " + b.cookie});
  EXPECT_NE(page.body.find("calendar script"), std::string::npos);
  EXPECT_EQ(page.body.find(secret), std::string::npos);  // shown once, never again

  auto list = server.get("/api/v1/me/tokens", token).json()["tokens"];
  const auto id = list.back()["id"].get<std::int64_t>();
  EXPECT_EQ(form("/me/tokens/" + std::to_string(id) + "/revoke", "").status, 303);
  EXPECT_EQ(server.get("/api/v1/me", secret).status, 401);

  auto weak = form("/me/password", "current=" + std::string(kPassword) + "&new=short");
  EXPECT_EQ(weak.status, 400);
  EXPECT_NE(weak.body.find("alert-danger"), std::string::npos);
  auto changed = form("/me/password", "current=" + std::string(kPassword) + "&new=a-much-longer-passphrase");
  ASSERT_EQ(changed.status, 303);
  EXPECT_EQ(changed.headers["location"], "/me?password=changed");
  EXPECT_EQ(server.get("/api/v1/me", token).status, 401);  // every token ended
  auto still = testing::http_request("GET", server.url("/me?password=changed"), "", {"Cookie: " + b.cookie});
  EXPECT_NE(still.body.find("Your password is changed"), std::string::npos);
}

}  // namespace
}  // namespace convene
