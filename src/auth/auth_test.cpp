#include "convene/auth/auth.h"

#include <gtest/gtest.h>

namespace convene {
namespace {

TEST(Auth, PasswordsAreArgon2idAndVerify) {
  init_crypto();
  std::string h = hash_password("correct horse");
  EXPECT_TRUE(h.starts_with("$argon2id$")) << h;
  EXPECT_TRUE(verify_password(h, "correct horse"));
  EXPECT_FALSE(verify_password(h, "correct horsE"));
  EXPECT_NE(hash_password("correct horse"), h);  // salted
}

TEST(Auth, TokensAreRandomAndDigestsStable) {
  init_crypto();
  std::string a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(token_digest(a), token_digest(a));
  EXPECT_NE(token_digest(a), token_digest(b));
  EXPECT_EQ(token_digest(a).size(), 64u);
  EXPECT_TRUE(same_secret(a, a));
  EXPECT_FALSE(same_secret(a, b));
}

TEST(Auth, RolesAreChecked) {
  for (const char* ok : {"secretariat", "iesg", "ad:sec", "chair:dispatch", "chair:6man"})
    EXPECT_TRUE(check_role(ok).ok()) << ok;
  for (const char* bad : {"", "admin", "ad:", "chair:DISPATCH", "chair:a b", "ad:sec:x"})
    EXPECT_EQ(check_role(bad).error().code, "bad_role") << bad;
}

TEST(Auth, PersonRoleQueries) {
  Person p{1, "a@example.org", "A", {"ad:sec", "chair:dispatch"}};
  EXPECT_TRUE(p.is_iesg());
  EXPECT_TRUE(p.is_ad_of("sec"));
  EXPECT_FALSE(p.is_ad_of("se"));
  EXPECT_TRUE(p.chairs("dispatch"));
  EXPECT_FALSE(p.chairs("secdispatch"));
  EXPECT_FALSE(p.is_secretariat());
  EXPECT_EQ(p.chaired_groups(), std::vector<std::string>{"dispatch"});
  Person two{2, "b@example.org", "B", {"chair:quic", "iesg", "chair:avtcore", "ad:art"}};
  EXPECT_EQ(two.chaired_groups(), (std::vector<std::string>{"avtcore", "quic"}));
}

TEST(Auth, EmailShape) {
  EXPECT_TRUE(check_email("ada@example.org").ok());
  for (const char* bad : {"", "ada", "ada@", "@x.org", "a b@x.org", "a@b@c.org", "a@example."})
    EXPECT_EQ(check_email(bad).error().code, "bad_email") << bad;
}

TEST(PasswordPolicy, RefusesTheWorst) {
  EXPECT_TRUE(check_password("correct horse battery", "ada@example.org").ok());
  EXPECT_TRUE(check_password("convene-demo", "alice@example.org").ok());
  for (const char* weak : {"        ", "password", "short-pass1", "password1234", "PASSWORD1234", "aaaaaaaaaaaaaaaa",
                           "ada-lovelace@example.org", "ada-lovelace", "ADA-LOVELACE1"}) {
    auto s = check_password(weak, "ada-lovelace@example.org");
    ASSERT_FALSE(s.ok()) << weak;
    EXPECT_EQ(s.error().code, "weak_password");
    std::string after_field = s.error().message.substr(std::string("password: ").size());
    EXPECT_EQ(after_field.find(weak), std::string::npos) << "the message must not echo the password";
  }
  EXPECT_FALSE(check_password("ünïcödé-pw", "x@example.org").ok());  // 10 characters, 14 bytes
}

}  // namespace
}  // namespace convene
