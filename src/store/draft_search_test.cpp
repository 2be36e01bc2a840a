// DraftRepository::search, checked on SQLite (or PostgreSQL, in the run
// labelled postgresql) and on the in-memory twin: the same answers.
#include <gtest/gtest.h>

#include "convene/store/store.h"
#include "convene/testing/test_database.h"

namespace convene {
namespace {

enum class Backend { sql, memory };

class DraftSearchTest : public ::testing::TestWithParam<Backend> {
 protected:
  testing::TestDatabase db;
  std::unique_ptr<Store> store = GetParam() == Backend::sql ? db.open() : open_memory_store();

  void add(const std::string& name, const std::string& rev, const std::string& title, UnixSeconds at = 100) {
    DraftSubmission s{name, rev, title, at, {"Ada"}, {}};
    ASSERT_TRUE(store->write([&](Repositories& r) { return r.drafts().save_revision(s, {"ada@example.org", 50, true}); }).ok());
  }

  DraftPage search(const std::string& text, int limit = kDraftPageDefault, int offset = 0) {
    DraftPage page;
    auto st = store->read([&](Repositories& r) -> Status {
      auto got = r.drafts().search({text, limit, offset});
      if (!got) return got.error();
      page = *got;
      return ok_status();
    });
    EXPECT_TRUE(st.ok()) << st.error().message;
    return page;
  }

  static std::vector<std::string> names(const DraftPage& p) {
    std::vector<std::string> out;
    for (const auto& d : p.drafts) out.push_back(d.name);
    return out;
  }
};

using Names = std::vector<std::string>;

TEST_P(DraftSearchTest, NoDraftsNoMatches) {
  DraftPage p = search("");
  EXPECT_TRUE(p.drafts.empty());
  EXPECT_EQ(p.total, 0);
}

TEST_P(DraftSearchTest, EmptyTextListsAllByNameWithTheLatestRevision) {
  add("draft-b-quic", "00", "QUIC things", 100);
  add("draft-b-quic", "01", "QUIC things, again", 200);
  add("draft-a-tls", "00", "TLS things", 300);
  DraftPage p = search("");
  EXPECT_EQ(names(p), (Names{"draft-a-tls", "draft-b-quic"}));
  EXPECT_EQ(p.total, 2);
  EXPECT_EQ(p.drafts[1].rev, "01");
  EXPECT_EQ(p.drafts[1].submitted_at, 200);
  EXPECT_EQ(p.drafts[1].title, "QUIC things, again");
}

TEST_P(DraftSearchTest, MatchesNameOrTitleIgnoringAsciiCase) {
  add("draft-ietf-quic-http", "00", "HTTP/3");
  add("draft-foo-bar", "00", "Using QUIC Datagrams");
  add("draft-other", "00", "Unrelated");
  EXPECT_EQ(names(search("quic")), (Names{"draft-foo-bar", "draft-ietf-quic-http"}));
  EXPECT_EQ(names(search("QuIc-HT")), (Names{"draft-ietf-quic-http"}));
  EXPECT_EQ(names(search("datagrams")), (Names{"draft-foo-bar"}));
  EXPECT_EQ(search("nothing-like-it").total, 0);
}

TEST_P(DraftSearchTest, WildcardsAndTheEscapeCharacterMatchOnlyThemselves) {
  add("draft-a", "00", "100% sure");
  add("draft-b", "00", "1000 sure");
  add("draft-c", "00", "snake_case");
  add("draft-d", "00", "snakeXcase");
  add("draft-e", "00", "back\\slash");
  EXPECT_EQ(names(search("0%")), (Names{"draft-a"}));
  EXPECT_EQ(names(search("%")), (Names{"draft-a"}));
  EXPECT_EQ(names(search("e_c")), (Names{"draft-c"}));
  EXPECT_EQ(names(search("k\\s")), (Names{"draft-e"}));
  EXPECT_EQ(names(search("\\")), (Names{"draft-e"}));
}

TEST_P(DraftSearchTest, PagesKeepTheTotal) {
  for (const char* n : {"draft-e", "draft-d", "draft-c", "draft-b", "draft-a"}) add(n, "00", "Same title");
  DraftPage first = search("same", 2, 0);
  EXPECT_EQ(names(first), (Names{"draft-a", "draft-b"}));
  EXPECT_EQ(first.total, 5);
  EXPECT_EQ(names(search("same", 2, 4)), (Names{"draft-e"}));
  DraftPage past = search("same", 2, 10);
  EXPECT_TRUE(past.drafts.empty());
  EXPECT_EQ(past.total, 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, DraftSearchTest, ::testing::Values(Backend::sql, Backend::memory),
                         [](const auto& info) { return info.param == Backend::sql ? "sql" : "memory"; });

}  // namespace
}  // namespace convene
