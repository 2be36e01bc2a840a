// The Datatracker's document JSON read into revisions, and their import.
#include "convene/draft/datatracker.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/draft/service.h"
#include "convene/store/store.h"

namespace convene {
namespace {

using nlohmann::json;

// The shape of https://datatracker.ietf.org/doc/<name>/doc.json: the history
// lists the draft it replaced (before) and the WG draft that replaced it
// (after) beside its own revisions.
json doc_json() {
  return json::parse(R"({
    "name": "draft-smith-event-feeds", "rev": "02", "pages": 14, "time": "2025-10-02 09:00:00",
    "group": {"name": "Individual Submissions", "type": "Individual", "acronym": "none"},
    "title": "JSON Event Feeds", "abstract": "...", "state": "Replaced",
    "authors": [{"name": "Alice Smith", "email": "alice@example.org", "affiliation": "Example"},
                {"name": "Bob Chen", "email": null, "affiliation": ""}],
    "rev_history": [
      {"name": "draft-smith-feeds", "rev": "00", "published": "2024-11-02T10:00:00+00:00", "url": "/doc/draft-smith-feeds/00/"},
      {"name": "draft-smith-event-feeds", "rev": "00", "published": "2025-03-01T08:30:00.123456+00:00", "url": "/doc/draft-smith-event-feeds/00/"},
      {"name": "draft-smith-event-feeds", "rev": "02", "published": "2025-10-02T09:00:00-04:00", "url": "/doc/draft-smith-event-feeds/02/"},
      {"name": "draft-smith-event-feeds", "rev": "01", "published": "2025-06-30T23:59:00+00:00", "url": "/doc/draft-smith-event-feeds/01/"},
      {"name": "draft-ietf-feeds-events", "rev": "00", "published": "2025-11-20T12:00:00+00:00", "url": "/doc/draft-ietf-feeds-events/00/"},
      {"name": "rfc9999", "rev": "rfc9999", "published": "2026-05-01T00:00:00+00:00", "url": "/doc/rfc9999/"}
    ]})");
}

TEST(DatatrackerDraft, ReadsTheDraftsOwnRevisionsInOrder) {
  auto revs = revisions_from_datatracker(doc_json());
  ASSERT_TRUE(revs.ok()) << revs.error().message;
  ASSERT_EQ(revs->size(), 3u);
  EXPECT_EQ((*revs)[0].rev, "00");
  EXPECT_EQ((*revs)[1].rev, "01");
  EXPECT_EQ((*revs)[2].rev, "02");
  EXPECT_EQ(format_utc((*revs)[0].submitted_at), "2025-03-01T08:30:00Z");
  EXPECT_EQ(format_utc((*revs)[2].submitted_at), "2025-10-02T13:00:00Z");  // offsets honoured
  for (const auto& s : *revs) {
    EXPECT_EQ(s.name, "draft-smith-event-feeds");
    EXPECT_EQ(s.title, "JSON Event Feeds");
    EXPECT_EQ(s.authors, (std::vector<std::string>{"Alice Smith", "Bob Chen"}));
    // Replaced what came before it, not what replaced it later, nor the RFC.
    EXPECT_EQ(s.replaces, std::vector<std::string>{"draft-smith-feeds"});
  }
}

TEST(DatatrackerDraft, RefusesWhatIsNotADraftsRecord) {
  json rfc = doc_json();
  rfc["name"] = "rfc9999";
  EXPECT_EQ(revisions_from_datatracker(rfc).error().code, "not_a_draft");
  json none = doc_json();
  none["rev_history"] = json::array({{{"name", "draft-other"}, {"rev", "00"}, {"published", "2025-01-01T00:00:00Z"}}});
  EXPECT_EQ(revisions_from_datatracker(none).error().code, "no_revisions");
  json untitled = doc_json();
  untitled.erase("title");
  auto e = revisions_from_datatracker(untitled);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message.find("draft-smith-event-feeds-00"), std::string::npos) << e.error().message;
  json bad_time = doc_json();
  bad_time["rev_history"][1]["published"] = "yesterday";
  EXPECT_NE(revisions_from_datatracker(bad_time).error().message.find("rev_history[1].published"), std::string::npos);
  EXPECT_FALSE(revisions_from_datatracker(json::array()).ok());
  EXPECT_FALSE(revisions_from_datatracker(json{{"name", "draft-x"}, {"rev_history", "no"}}).ok());
}

class DraftImportTest : public ::testing::Test {
 protected:
  Result<DraftImport> run(const std::vector<DraftSubmission>& revs) {
    std::optional<Result<DraftImport>> out;
    (void)store->write([&](Repositories& r) -> Status {
      out = import_revisions(r.drafts(), r.audit(), importer, revs, 2'000'000'000);
      return *out ? ok_status() : Status(out->error());
    });
    return *out;
  }
  Draft stored(const std::string& name) {
    std::optional<Draft> d;
    (void)store->read([&](Repositories& r) -> Status {
      d = find_draft(r.drafts(), name).value();
      return ok_status();
    });
    return *d;
  }
  std::unique_ptr<Store> store = open_memory_store();
  Person importer{0, "cli", "Datatracker import", {"secretariat"}};
};

TEST_F(DraftImportTest, RecordsConfirmedRevisionsOnceAndIsIdempotent) {
  auto revs = revisions_from_datatracker(doc_json()).value();
  auto first = run(revs);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->drafts, 1);
  EXPECT_EQ(first->added, 3);
  Draft d = stored("draft-smith-event-feeds");
  ASSERT_EQ(d.revisions.size(), 3u);
  for (const auto& r : d.revisions) EXPECT_TRUE(r.confirmed) << r.rev;  // the Datatracker's dates count as given
  EXPECT_EQ(format_utc(d.revisions[0].submitted_at), "2025-03-01T08:30:00Z");
  auto again = run(revs);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->unchanged, 3);
}

TEST_F(DraftImportTest, AnImportThatCannotFollowTheRecordChangesNothing) {
  auto revs = revisions_from_datatracker(doc_json()).value();
  DraftSubmission later = revs[2];
  later.rev = "05";
  ASSERT_TRUE(run({later}).ok());
  auto refused = run(revs);  // 00..02 after 05: out of order
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "revision_out_of_order");
  EXPECT_NE(refused.error().message.find("draft-smith-event-feeds-00"), std::string::npos);
  EXPECT_EQ(stored("draft-smith-event-feeds").revisions.size(), 1u);
}

}  // namespace
}  // namespace convene
