// The account use cases over the in-memory repositories: what they store
// and what the audit log says.
#include "convene/auth/service.h"
#include "convene/auth/tokens.h"

#include <gtest/gtest.h>

#include "convene/store/store.h"

namespace convene {
namespace {

TEST(AccountService, SaveTokenAndSessionAreAudited) {
  auto store = open_memory_store();
  ASSERT_TRUE(store->write([](Repositories& r) -> Status {
    auto id = save_person(r.people(), r.audit(), "cli", "ada@example.org", "Ada", "$argon2id$x", {"iesg"}, 10);
    if (!id) return id.error();
    if (auto t = create_token(r.people(), r.audit(), "cli", "ada@example.org", {"ci", {}}, "digest-1", 11); !t)
      return t.error();
    Person ada = r.people().by_email("ada@example.org")->value();
    return start_session(r.people(), r.audit(), ada, "session-1", "csrf-1", 1000, 12);
  }).ok());
  ASSERT_TRUE(store->read([](Repositories& r) {
    EXPECT_EQ((*r.people().by_token("digest-1", 12))->email, "ada@example.org");
    EXPECT_EQ((*r.people().web_session("session-1"))->csrf, "csrf-1");
    auto log = r.audit().recent(10).value();
    EXPECT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0].action, "session.sign_in");
    EXPECT_EQ(log[0].actor, "ada@example.org");
    EXPECT_EQ(log[1].action, "token.create");
    EXPECT_EQ(log[2].object, audit_object::person("ada@example.org"));
    return ok_status();
  }).ok());
}

TEST(AccountService, NoTokenForNobody) {
  auto store = open_memory_store();
  Status s = store->write([](Repositories& r) {
    auto t = create_token(r.people(), r.audit(), "cli", "nobody@example.org", {"ci", {}}, "d", 1);
    return t ? ok_status() : Status(t.error());
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "person_unknown");
}

}  // namespace
}  // namespace convene
