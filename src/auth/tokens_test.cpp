// The token and password use cases over the in-memory repositories.
#include "convene/auth/tokens.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "convene/auth/auth.h"
#include "convene/auth/service.h"
#include "convene/store/store.h"

namespace convene {
namespace {

constexpr UnixSeconds kNow = 1'000'000;
const char* kAda = "ada@example.org";
const char* kPassword = "a-long-password";

class TokenService : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    ASSERT_TRUE(write([](Repositories& r) -> Status {
      auto id = save_person(r.people(), r.audit(), "cli", kAda, "Ada", hash_password(kPassword), {}, kNow);
      return id ? ok_status() : Status(id.error());
    }).ok());
  }
  Status write(const std::function<Status(Repositories&)>& fn) { return store->write(fn); }
  Result<ApiToken> create(const TokenRequest& request, const std::string& digest) {
    std::optional<Result<ApiToken>> out;
    (void)store->write([&](Repositories& r) -> Status {
      out = create_token(r.people(), r.audit(), kAda, kAda, request, digest, kNow);
      return *out ? ok_status() : Status(out->error());
    });
    return *out;
  }
  std::optional<Person> holder(const std::string& digest, UnixSeconds at) {
    std::optional<Person> p;
    (void)store->read([&](Repositories& r) -> Status {
      p = r.people().by_token(digest, at).value();
      return ok_status();
    });
    return p;
  }
  std::vector<ApiToken> tokens() {
    std::vector<ApiToken> out;
    (void)store->read([&](Repositories& r) -> Status {
      out = list_tokens(r.people(), kAda).value();
      return ok_status();
    });
    return out;
  }
  std::optional<std::string> stored_hash() {
    std::optional<std::string> hash;
    (void)store->read([&](Repositories& r) -> Status {
      hash = r.people().password_hash(kAda).value();
      return ok_status();
    });
    return hash;
  }
  std::vector<AuditEntry> audit() {
    std::vector<AuditEntry> out;
    (void)store->read([&](Repositories& r) -> Status {
      out = r.audit().recent(10).value();
      return ok_status();
    });
    return out;
  }
  Person ada() {
    Person p;
    (void)store->read([&](Repositories& r) -> Status {
      p = r.people().by_email(kAda).value().value();
      return ok_status();
    });
    return p;
  }
  std::unique_ptr<Store> store = open_memory_store();
};

TEST_F(TokenService, CreateNamedExpiringTokenIsListedAndAudited) {
  auto t = create({"laptop", 30}, "d1");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->name, "laptop");
  EXPECT_EQ(t->expires_at, kNow + 30 * 86400);
  auto listed = tokens();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, t->id);
  EXPECT_EQ(listed[0].created_at, kNow);
  EXPECT_EQ(audit()[0].action, "token.create");
  EXPECT_EQ(audit()[0].detail, "{\"id\":" + std::to_string(t->id) + "}");
  EXPECT_TRUE(holder("d1", kNow + 30 * 86400 - 1));
  EXPECT_FALSE(holder("d1", kNow + 30 * 86400));
}

TEST_F(TokenService, BadNamesAndDaysAreRefused) {
  for (const TokenRequest& bad : {TokenRequest{"", {}}, TokenRequest{std::string(65, 'x'), {}},
                                  TokenRequest{"tab\there", {}}, TokenRequest{"ci", 0}, TokenRequest{"ci", 3651}}) {
    auto t = create(bad, "d");
    ASSERT_FALSE(t.ok()) << bad.name;
    EXPECT_EQ(t.error().code, "bad_value");
  }
  EXPECT_TRUE(create({std::string(64, 'x'), 3650}, "d").ok());
  EXPECT_TRUE(create({"\u00e9t\u00e9", {}}, "e").ok());
}

TEST_F(TokenService, RevokeOnlyTheOwnersToken) {
  auto t = create({"ci", {}}, "d1");
  ASSERT_TRUE(t.ok());
  Status other = write([&](Repositories& r) {
    return revoke_token(r.people(), r.audit(), kAda, kAda, t->id + 100, kNow);
  });
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "token_unknown");
  ASSERT_TRUE(
      write([&](Repositories& r) { return revoke_token(r.people(), r.audit(), kAda, kAda, t->id, kNow); }).ok());
  EXPECT_FALSE(holder("d1", kNow));
  EXPECT_TRUE(tokens().empty());
  EXPECT_EQ(audit()[0].action, "token.revoke");
}

TEST_F(TokenService, OnlyTheSecretariatManagesOthersTokens) {
  Person bob{2, "bob@example.org", "Bob", {}};
  Person sec{3, "sec@example.org", "Sec", {"secretariat"}};
  EXPECT_TRUE(may_manage_tokens(bob, "bob@example.org").ok());
  EXPECT_EQ(may_manage_tokens(bob, kAda).error().kind, ErrorKind::forbidden);
  EXPECT_TRUE(may_manage_tokens(sec, kAda).ok());
}

TEST_F(TokenService, PasswordChangeEndsOtherSessionsAndTokens) {
  ASSERT_TRUE(create({"ci", {}}, "d1").ok());
  Person p = ada();
  ASSERT_TRUE(write([&](Repositories& r) -> Status {
    if (auto st = r.people().add_web_session("here", p.id, "c1", kNow + 100); !st) return st;
    return r.people().add_web_session("there", p.id, "c2", kNow + 100);
  }).ok());
  auto fresh = new_password_hash(stored_hash(), kAda, kPassword, "another-long-secret");
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(write([&](Repositories& r) {
    return replace_password(r.people(), r.audit(), p, stored_hash().value(), *fresh, "here", kNow);
  }).ok());
  EXPECT_FALSE(holder("d1", kNow));
  EXPECT_TRUE(tokens().empty());
  (void)store->read([&](Repositories& r) -> Status {
    EXPECT_TRUE(r.people().web_session("here")->has_value());
    EXPECT_FALSE(r.people().web_session("there")->has_value());
    EXPECT_TRUE(verify_password(r.people().password_hash(kAda)->value(), "another-long-secret"));
    return ok_status();
  });
  EXPECT_EQ(audit()[0].action, "password.change");
}

TEST_F(TokenService, PasswordChangeNeedsTheCurrentOneAndAGoodNewOne) {
  ASSERT_TRUE(create({"ci", {}}, "d1").ok());
  auto wrong = new_password_hash(stored_hash(), kAda, "not-the-password", "another-long-secret");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "wrong_password");
  EXPECT_EQ(wrong.error().kind, ErrorKind::forbidden);
  auto weak = new_password_hash(stored_hash(), kAda, kPassword, "short");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().code, "weak_password");
  auto unknown = new_password_hash(std::nullopt, kAda, kPassword, "another-long-secret");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "wrong_password");
  EXPECT_TRUE(holder("d1", kNow));
}

TEST_F(TokenService, APasswordChangedMeanwhileIsNotOverwritten) {
  ASSERT_TRUE(create({"ci", {}}, "d1").ok());
  Person p = ada();
  const std::string read = stored_hash().value();
  auto first = new_password_hash(read, kAda, kPassword, "another-long-secret");
  auto second = new_password_hash(read, kAda, kPassword, "yet-another-secret!");
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(write([&](Repositories& r) {
    return replace_password(r.people(), r.audit(), p, read, *first, "", kNow);
  }).ok());
  Status late = write([&](Repositories& r) { return replace_password(r.people(), r.audit(), p, read, *second, "", kNow); });
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "password_changed");
  EXPECT_TRUE(verify_password(stored_hash().value(), "another-long-secret"));
  auto audited = audit();
  EXPECT_EQ(std::count_if(audited.begin(), audited.end(), [](const AuditEntry& e) { return e.action == "password.change"; }), 1);
}

}  // namespace
}  // namespace convene
