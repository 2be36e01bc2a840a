#include "convene/draft/draft.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace convene {
namespace {

using nlohmann::json;
using Names = std::vector<std::string>;

json submission() {
  return {{"name", "draft-foo-bar"},
          {"rev", "00"},
          {"title", "The Foo Bar Protocol"},
          {"submitted_at", "2024-10-20T10:00:00Z"},
          {"authors", {"Alice Example", "bob@example.org"}},
          {"replaces", {"draft-old-foo"}}};
}

Error error_of(const json& body) {
  auto r = draft_submission_from_json(body);
  EXPECT_FALSE(r.ok()) << body.dump();
  return r.ok() ? Error{} : r.error();
}

Draft draft(std::string name, Names replaces = {}) {
  Draft d;
  d.name = std::move(name);
  d.replaces = std::move(replaces);
  return d;
}

TEST(DraftName, Rules) {
  for (const char* ok : {"draft-foo", "draft-ietf-quic-v2", "draft-foo-2024", "draft-a1-b2"})
    EXPECT_TRUE(is_draft_name(ok)) << ok;
  for (const char* bad : {"draft-", "draft", "rfc9000", "draft-Foo", "draft-foo-", "draft--foo",
                          "draft-foo--bar", "draft-foo_bar", "draft-foo-bar-01", "draft-foo.txt",
                          " draft-foo"})
    EXPECT_FALSE(is_draft_name(bad)) << bad;
  EXPECT_FALSE(is_draft_name("draft-" + std::string(250, 'a')));
  EXPECT_TRUE(is_revision("00"));
  EXPECT_TRUE(is_revision("99"));
  EXPECT_FALSE(is_revision("1"));
  EXPECT_FALSE(is_revision("001"));
  EXPECT_FALSE(is_revision("a1"));
}

TEST(DraftSubmission, ParsesTheIssueExample) {
  auto r = draft_submission_from_json(submission());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->name, "draft-foo-bar");
  EXPECT_EQ(r->rev, "00");
  EXPECT_EQ(r->title, "The Foo Bar Protocol");
  EXPECT_EQ(format_utc(r->submitted_at), "2024-10-20T10:00:00Z");
  EXPECT_EQ(r->authors, (Names{"Alice Example", "bob@example.org"}));
  EXPECT_EQ(r->replaces, Names{"draft-old-foo"});
}

TEST(DraftSubmission, ListsAreOptional) {
  json body = submission();
  body.erase("authors");
  body["replaces"] = nullptr;
  auto r = draft_submission_from_json(body);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->authors.empty());
  EXPECT_TRUE(r->replaces.empty());
}

TEST(DraftSubmission, RequiredFieldsNamed) {
  for (const char* f : {"name", "rev", "title", "submitted_at"}) {
    json body = submission();
    body.erase(f);
    Error e = error_of(body);
    EXPECT_EQ(e.code, "missing_field") << f;
    EXPECT_EQ(e.message, std::string(f) + ": is required");
  }
}

TEST(DraftSubmission, WrongTypesForEveryField) {
  for (const char* f : {"name", "rev", "title", "submitted_at"})
    for (const json& wrong : {json(1), json(false), json::array(), json::object(), json(nullptr)}) {
      json body = submission();
      body[f] = wrong;
      Error e = error_of(body);
      EXPECT_EQ(e.code, "bad_type") << f << " " << wrong.dump();
      EXPECT_EQ(e.message.rfind(std::string(f) + ": must be a string", 0), 0u) << e.message;
    }
  for (const char* f : {"authors", "replaces"}) {
    for (const json& wrong : {json("draft-x"), json(1), json::object()}) {
      json body = submission();
      body[f] = wrong;
      EXPECT_EQ(error_of(body).message.rfind(std::string(f) + ": must be an array of strings", 0),
                0u);
    }
    json body = submission();
    body[f] = {"draft-x-y", 7};
    Error e = error_of(body);
    EXPECT_EQ(e.code, "bad_type");
    EXPECT_EQ(e.message, std::string(f) + "[1]: must be a string, got 7");
  }
  EXPECT_EQ(error_of(json::array()).code, "bad_type");
}

TEST(DraftSubmission, NameWithRevisionGetsAHelpfulMessage) {
  json body = submission();
  body["name"] = "draft-foo-bar-01";
  Error e = error_of(body);
  EXPECT_EQ(e.code, "bad_value");
  EXPECT_EQ(e.message,
            "name: 'draft-foo-bar-01' ends in a revision number; give the name without it "
            "('draft-foo-bar') and the revision in rev");
  body["name"] = "Draft Foo";
  EXPECT_NE(error_of(body).message.find("is not an Internet-Draft name"), std::string::npos);
}

TEST(DraftSubmission, BadRevTitleAndTime) {
  json body = submission();
  body["rev"] = "1";
  EXPECT_EQ(error_of(body).message, "rev: '1' is not a revision (two digits, e.g. \"00\")");
  body = submission();
  body["title"] = "";
  EXPECT_EQ(error_of(body).message, "title: must not be empty");
  body = submission();
  body["title"] = "two\nlines";
  EXPECT_EQ(error_of(body).code, "bad_value");
  body = submission();
  body["submitted_at"] = "2024-10-20 10:00";
  Error e = error_of(body);
  EXPECT_EQ(e.code, "bad_value");
  EXPECT_EQ(e.message.rfind("submitted_at: '2024-10-20 10:00' is not an RFC 3339 time", 0), 0u);
}

TEST(DraftSubmission, ReplacesChecks) {
  json body = submission();
  body["replaces"] = {"draft-foo-bar"};
  EXPECT_EQ(error_of(body).message, "replaces[0]: a draft cannot replace itself");
  body["replaces"] = {"draft-a", "draft-a"};
  EXPECT_EQ(error_of(body).message, "replaces[1]: 'draft-a' is listed twice");
  body["replaces"] = {"draft-a", "rfc1234"};
  EXPECT_EQ(error_of(body).code, "bad_value");
}

TEST(Draft, RevisionLookupAndLatest) {
  Draft d = draft("draft-foo");
  EXPECT_EQ(d.latest(), nullptr);
  d.revisions = {{"00", 100}, {"02", 300}, {"01", 200}};
  ASSERT_NE(d.revision("01"), nullptr);
  EXPECT_EQ(d.revision("01")->submitted_at, 200);
  EXPECT_EQ(d.revision("03"), nullptr);
  EXPECT_EQ(d.latest()->rev, "02");
}

TEST(Draft, ToJson) {
  Draft d = draft("draft-foo", {"draft-old"});
  d.title = "Foo";
  d.authors = {"A"};
  d.revisions = {{"00", 0}, {"01", 86400}};
  json j = to_json(d);
  EXPECT_EQ(j["name"], "draft-foo");
  EXPECT_EQ(j["rev"], "01");
  EXPECT_EQ(j["replaces"], json({"draft-old"}));
  EXPECT_EQ(j["revisions"][1]["submitted_at"], "1970-01-02T00:00:00Z");
  EXPECT_TRUE(to_json(draft("draft-x"))["rev"].is_null());
}

TEST(Draft, NewRevisionChecks) {
  Draft d = draft("draft-foo");
  d.revisions = {{"00", 1000}, {"01", 2000}};
  DraftSubmission s{"draft-foo", "01", "T", 3000, {}, {}};
  EXPECT_TRUE(check_new_revision(nullptr, s).ok());
  auto dup = check_new_revision(&d, s);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, "revision_exists");
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  s.rev = "02";
  EXPECT_TRUE(check_new_revision(&d, s).ok());
  s.submitted_at = 1999;
  EXPECT_EQ(check_new_revision(&d, s).error().code, "revision_out_of_order");
  s.submitted_at = 2000;  // same instant as the previous revision: allowed
  EXPECT_TRUE(check_new_revision(&d, s).ok());
  d.revisions = {{"03", 1000}};
  EXPECT_EQ(check_new_revision(&d, s).error().kind, ErrorKind::rejected);
}

TEST(ReplacesFamily, BothDirectionsAndTransitive) {
  // c <- b <- a (a replaces b, b replaces c); d unrelated.
  std::vector<Draft> all = {draft("draft-a", {"draft-b"}), draft("draft-b", {"draft-c"}),
                            draft("draft-c"), draft("draft-d")};
  Names abc = {"draft-a", "draft-b", "draft-c"};
  EXPECT_EQ(replaces_family("draft-a", all), abc);  // forward, two steps
  EXPECT_EQ(replaces_family("draft-c", all), abc);  // backward, two steps
  EXPECT_EQ(replaces_family("draft-b", all), abc);  // both ways
  EXPECT_EQ(replaces_family("draft-d", all), Names{"draft-d"});
}

TEST(ReplacesFamily, SiblingsUnknownNamesAndCycles) {
  // a and x both replace old (a merge); old2 is referenced but not known.
  std::vector<Draft> all = {draft("draft-a", {"draft-old"}), draft("draft-x", {"draft-old", "draft-old2"}),
                            draft("draft-p", {"draft-q"}), draft("draft-q", {"draft-p"})};
  EXPECT_EQ(replaces_family("draft-a", all),
            (Names{"draft-a", "draft-old", "draft-old2", "draft-x"}));
  EXPECT_EQ(replaces_family("draft-p", all), (Names{"draft-p", "draft-q"}));
  EXPECT_EQ(replaces_family("draft-unknown", all), Names{"draft-unknown"});
}

}  // namespace
}  // namespace convene

namespace convene {
namespace {

TEST(Recording, ABackDatedUnconfirmedRevisionCountsWhenRecorded) {
  DraftRevision claimed{"00", 100, 500, false};
  EXPECT_EQ(counted_submission(claimed), 500);
  DraftRevision confirmed{"00", 100, 500, true};
  EXPECT_EQ(counted_submission(confirmed), 100);
  DraftRevision recorded_late{"00", 900, 500, false};  // a future claim counts as claimed
  EXPECT_EQ(counted_submission(recorded_late), 900);
}

TEST(Recording, OnlyTheRecorderOrTheSecretariatAddsRevisions) {
  Draft d;
  d.name = "draft-foo-bar";
  d.recorded_by = "ada@example.org";
  EXPECT_TRUE(check_may_record("ada@example.org", false, &d).ok());
  EXPECT_TRUE(check_may_record("sec@example.org", true, &d).ok());
  EXPECT_TRUE(check_may_record("eve@example.org", false, nullptr).ok());
  auto refused = check_may_record("eve@example.org", false, &d);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  d.recorded_by.clear();  // recorded before recorders were kept: the secretariat only
  EXPECT_FALSE(check_may_record("ada@example.org", false, &d).ok());
  EXPECT_TRUE(check_may_record("sec@example.org", true, &d).ok());
}

}  // namespace
}  // namespace convene
