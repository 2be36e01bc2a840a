// The repository contracts, checked on both implementations: SQLite and the
// in-memory twin must give the same answers.
#include "convene/store/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "convene/store/admin.h"
#include "convene/store/sql.h"
#include "convene/testing/test_database.h"

namespace convene {
namespace {

Meeting sample_meeting(std::string number = "121", const char* start = "2024-11-02") {
  Meeting m;
  m.number = std::move(number);
  m.city = "Dublin";
  m.start_date = parse_date(start, "d").value();
  m.end_date = m.start_date + 6;
  m.time_zone = "Europe/Dublin";
  m.mode = MeetingMode::hybrid;
  m.id_cutoff = parse_rfc3339("2024-10-21T23:59:00Z", "t").value();
  m.dispatch_mode = DispatchMode::consolidated;
  return m;
}

DraftSubmission revision(std::string name, std::string rev, std::vector<std::string> replaces = {}) {
  return {std::move(name), std::move(rev), "Title", 100, {"Ada"}, std::move(replaces)};
}

const Recording kRecording{"sec@example.org", 50, true};

// sql: SQLite, or PostgreSQL in the run registered as "postgresql." (test_database.h).
enum class Backend { sql, memory };

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  testing::TestDatabase db;
  std::unique_ptr<Store> store = GetParam() == Backend::sql ? db.open() : open_memory_store();

  // Runs fn in a write transaction and expects it to commit.
  void write(const std::function<Status(Repositories&)>& fn) { ASSERT_TRUE(store->write(fn).ok()); }
  // Runs fn on a snapshot and expects the read to succeed.
  void read(const std::function<Status(Repositories&)>& fn) { ASSERT_TRUE(store->read(fn).ok()); }
};

TEST_P(StoreTest, MeetingRoundTrip) {
  write([](Repositories& r) { return r.meetings().insert(sample_meeting()); });
  std::optional<Meeting> got;
  ASSERT_TRUE(store->read([&](Repositories& r) {
    auto m = r.meetings().find("121");
    if (m) got = *m;
    return ok_status();
  }).ok());
  ASSERT_TRUE(got);
  EXPECT_EQ(got->city, "Dublin");
  EXPECT_EQ(got->mode, MeetingMode::hybrid);
  EXPECT_EQ(got->dispatch_mode, DispatchMode::consolidated);
  EXPECT_EQ(format_utc(got->id_cutoff), "2024-10-21T23:59:00Z");
}

TEST_P(StoreTest, MeetingsNewestFirst) {
  write([](Repositories& r) {
    for (auto m : {sample_meeting("120", "2024-07-20"), sample_meeting("122", "2025-03-15"), sample_meeting()})
      if (auto st = r.meetings().insert(m); !st) return st;
    return ok_status();
  });
  read([](Repositories& r) {
    auto numbers = [&](int limit, int offset) {
      std::vector<std::string> out;
      for (const auto& m : r.meetings().list(limit, offset).value()) out.push_back(m.number);
      return out;
    };
    EXPECT_EQ(numbers(10, 0), (std::vector<std::string>{"122", "121", "120"}));
    EXPECT_EQ(numbers(1, 1), std::vector<std::string>{"121"});
    EXPECT_TRUE(numbers(10, 3).empty());
    EXPECT_FALSE(r.meetings().find("999")->has_value());
    return ok_status();
  });
}

TEST_P(StoreTest, FailedWriteRollsBackEverything) {
  auto s = store->write([](Repositories& r) {
    EXPECT_TRUE(r.meetings().insert(sample_meeting()).ok());
    EXPECT_TRUE(r.audit().append({0, 1, "a@example.org", "meeting.create", "meeting:121", "{}"}).ok());
    return Status(rejected("nope", "refused after writing"));
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "nope");
  read([&](Repositories& r) {
    EXPECT_FALSE(r.meetings().find("121")->has_value());
    EXPECT_TRUE(r.audit().recent(10)->empty());
    return ok_status();
  });
}

TEST_P(StoreTest, SecondMeetingWithTheSameNumberIsAConflict) {
  write([](Repositories& r) { return r.meetings().insert(sample_meeting()); });
  auto s = store->write([](Repositories& r) { return r.meetings().insert(sample_meeting()); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::conflict);
}

TEST_P(StoreTest, RequestRoundTripWithOutcome) {
  DispatchRequest req;
  req.meeting = "121";
  req.venue = "alldispatch";
  req.draft = "draft-foo-bar";
  req.rev = "00";
  req.presenter = "ada@example.org";
  req.question = "Where?";
  req.areas = {"art", "sec"};
  req.flags = {"resubmission"};
  std::int64_t id = 0;
  write([&](Repositories& r) {
    EXPECT_TRUE(r.meetings().insert(sample_meeting()).ok());
    EXPECT_TRUE(r.drafts().save_revision(revision("draft-foo-bar", "00", {"draft-old-foo"}), kRecording).ok());
    auto inserted = r.dispatch().insert(req);
    if (!inserted) return Status(inserted.error());
    id = *inserted;
    return ok_status();
  });
  req.id = id;
  req.state = RequestState::dispatched;
  req.outcome = Outcome{OutcomeKind::existing_wg, "httpbis", "go", 500, "chair@example.org"};
  write([&](Repositories& r) { return r.dispatch().update(req); });
  read([&](Repositories& r) {
    auto got = *r.dispatch().request(id);
    EXPECT_TRUE(got);
    EXPECT_EQ(got->areas, (std::vector<std::string>{"art", "sec"}));
    EXPECT_EQ(got->state, RequestState::dispatched);
    EXPECT_EQ(got->outcome->target, "httpbis");
    EXPECT_EQ(got->flags, std::vector<std::string>{"resubmission"});
    EXPECT_EQ(r.dispatch().for_drafts({"draft-x", "draft-foo-bar"})->size(), 1u);
    EXPECT_EQ((*r.drafts().find("draft-foo-bar"))->replaces, std::vector<std::string>{"draft-old-foo"});
    return ok_status();
  });
}

TEST_P(StoreTest, CorrectionsRoundTripAndAProponentsRequestsAreNewestFirst) {
  auto make = [](const std::string& draft, const std::string& by, UnixSeconds at) {
    DispatchRequest q;
    q.meeting = "121";
    q.venue = "alldispatch";
    q.draft = draft;
    q.rev = "00";
    q.created_at = at;
    q.requested_by = by;
    return q;
  };
  std::vector<std::int64_t> ids;
  write([&](Repositories& r) {
    EXPECT_TRUE(r.meetings().insert(sample_meeting()).ok());
    for (const char* d : {"draft-a", "draft-b", "draft-c"})
      EXPECT_TRUE(r.drafts().save_revision(revision(d, "00"), kRecording).ok());
    for (const auto& q : {make("draft-a", "ada@example.org", 100), make("draft-b", "bob@example.org", 200),
                          make("draft-c", "ada@example.org", 300), make("draft-b", "ada@example.org", 300)}) {
      auto id = r.dispatch().insert(q);
      if (!id) return Status(id.error());
      ids.push_back(*id);
    }
    return ok_status();
  });
  DispatchRequest fixed = make("draft-a", "ada@example.org", 100);
  fixed.id = ids[0];
  fixed.state = RequestState::dispatched;
  fixed.outcome = Outcome{OutcomeKind::bof, "", "", 600, "c2@example.org"};
  fixed.corrections = {{Outcome{OutcomeKind::existing_wg, "httpbis", "go", 500, "c1@example.org"}, "wrong", 600,
                        "c2@example.org"}};
  fixed.undone_declines = {{"too early", 300, 400, "c1@example.org"}};
  write([&](Repositories& r) { return r.dispatch().update(fixed); });
  read([&](Repositories& r) {
    auto mine = r.dispatch().by_proponent("ada@example.org");
    EXPECT_TRUE(mine.ok());
    std::vector<std::int64_t> order;
    for (const auto& q : *mine) order.push_back(q.id);
    EXPECT_EQ(order, (std::vector<std::int64_t>{ids[3], ids[2], ids[0]}));  // created_at desc, then id desc
    const DispatchRequest& got = mine->back();
    EXPECT_EQ(got.corrections.size(), 1u);
    if (got.corrections.empty()) return ok_status();
    EXPECT_EQ(got.corrections[0].previous.kind, OutcomeKind::existing_wg);
    EXPECT_EQ(got.corrections[0].previous.target, "httpbis");
    EXPECT_EQ(got.corrections[0].previous.at, 500);
    EXPECT_EQ(got.corrections[0].previous.by, "c1@example.org");
    EXPECT_EQ(got.corrections[0].reason, "wrong");
    EXPECT_EQ(got.corrections[0].at, 600);
    EXPECT_EQ(got.corrections[0].by, "c2@example.org");
    EXPECT_EQ(got.undone_declines.size(), 1u);
    if (got.undone_declines.empty()) return ok_status();
    EXPECT_EQ(got.undone_declines[0].reason, "too early");
    EXPECT_EQ(got.undone_declines[0].declined_at, 300);
    EXPECT_EQ(got.undone_declines[0].undone_at, 400);
    EXPECT_EQ(got.undone_declines[0].by, "c1@example.org");
    EXPECT_TRUE(r.dispatch().by_proponent("nobody@example.org")->empty());
    return ok_status();
  });
}

// Bytewise by draft name on every backend ("-" before letters, whatever the
// database's collation), the meeting's own only, a topic added twice once.
TEST_P(StoreTest, HotRfcTopicsOfAMeetingByName) {
  write([](Repositories& r) -> Status {
    if (auto st = r.meetings().insert(sample_meeting()); !st) return st;
    if (auto st = r.meetings().insert(sample_meeting("122", "2025-03-15")); !st) return st;
    for (const char* d : {"draft-ab", "draft-a-b", "draft-Zed", "draft-ab"})
      if (auto st = r.dispatch().add_hotrfc_topic("121", d); !st) return st;
    return r.dispatch().add_hotrfc_topic("122", "draft-other");
  });
  read([](Repositories& r) -> Status {
    auto topics = r.dispatch().hotrfc_topics("121");
    if (!topics) return topics.error();
    EXPECT_EQ(*topics, (std::vector<std::string>{"draft-Zed", "draft-a-b", "draft-ab"}));
    auto none = r.dispatch().hotrfc_topics("999");
    if (!none) return none.error();
    EXPECT_TRUE(none->empty());
    return ok_status();
  });
}

TEST_P(StoreTest, UpdatingAMissingRequestIsNotFound) {
  DispatchRequest ghost;
  ghost.id = 42;
  auto s = store->write([&](Repositories& r) { return r.dispatch().update(ghost); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "request_unknown");
}

TEST_P(StoreTest, DraftFamilyFollowsReplacesBothWaysAndTransitively) {
  write([](Repositories& r) {
    for (const auto& s : {revision("draft-b", "00", {"draft-a"}), revision("draft-c", "00", {"draft-b"}),
                          revision("draft-d", "00", {"draft-a"}), revision("draft-x", "00", {"draft-y"})})
      if (auto st = r.drafts().save_revision(s, kRecording); !st) return st;
    return ok_status();
  });
  read([](Repositories& r) {
    using Names = std::vector<std::string>;
    EXPECT_EQ(*r.drafts().family("draft-c"), (Names{"draft-a", "draft-b", "draft-c", "draft-d"}));
    EXPECT_EQ(*r.drafts().family("draft-a"), (Names{"draft-a", "draft-b", "draft-c", "draft-d"}));
    EXPECT_EQ(*r.drafts().family("draft-y"), (Names{"draft-x", "draft-y"}));
    EXPECT_EQ(*r.drafts().family("draft-unknown"), (Names{"draft-unknown"}));
    return ok_status();
  });
}

TEST_P(StoreTest, RevisionsKeepWhoRecordedThemAndWhen) {
  write([](Repositories& r) { return r.drafts().save_revision(revision("draft-b", "00"), {"ada@example.org", 70, false}); });
  write([](Repositories& r) { return r.drafts().save_revision(revision("draft-b", "01"), kRecording); });
  read([](Repositories& r) {
    Draft d = **r.drafts().find("draft-b");
    EXPECT_EQ(d.recorded_by, "ada@example.org");  // the first recorder stays
    EXPECT_EQ(d.revisions[0].recorded_at, 70);
    EXPECT_FALSE(d.revisions[0].confirmed);
    EXPECT_TRUE(d.revisions[1].confirmed);
    return ok_status();
  });
}

TEST_P(StoreTest, NewRevisionReplacesTheReplacesLinks) {
  write([](Repositories& r) { return r.drafts().save_revision(revision("draft-b", "00", {"draft-a"}), kRecording); });
  write([](Repositories& r) { return r.drafts().save_revision(revision("draft-b", "01", {}), kRecording); });
  read([](Repositories& r) {
    EXPECT_EQ(*r.drafts().family("draft-a"), std::vector<std::string>{"draft-a"});
    EXPECT_EQ((*r.drafts().find("draft-b"))->revisions.size(), 2u);
    return ok_status();
  });
}

TEST_P(StoreTest, AuditNewestFirstAndPaged) {
  write([](Repositories& r) {
    for (int i = 1; i <= 5; ++i)
      if (auto st = r.audit().append({0, i, "a@example.org", "x.y", "meeting:" + std::to_string(i), "{}"}); !st)
        return st;
    return ok_status();
  });
  read([](Repositories& r) {
    auto first = *r.audit().recent(2);
    EXPECT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].object, "meeting:5");
    auto next = *r.audit().recent(10, first[1].id);
    EXPECT_EQ(next.size(), 3u);
    EXPECT_EQ(next[0].object, "meeting:3");
    return ok_status();
  });
}

TEST_P(StoreTest, PeopleTokensSessions) {
  write([](Repositories& r) {
    auto id = r.people().save("ada@example.org", "Ada", "$argon2id$x", {"chair:dispatch"});
    if (!id) return Status(id.error());
    if (auto t = r.people().add_token(*id, "digest1", "", 10, std::nullopt); !t) return Status(t.error());
    return r.people().add_web_session("sess1", *id, "csrf1", 1000);
  });
  read([](Repositories& r) {
    EXPECT_EQ((*r.people().by_token("digest1", 20))->email, "ada@example.org");
    EXPECT_FALSE(r.people().by_token("digest2", 20)->has_value());
    auto ws = *r.people().web_session("sess1");
    EXPECT_EQ(ws->csrf, "csrf1");
    EXPECT_TRUE(ws->person.chairs("dispatch"));
    return ok_status();
  });
}

// Ada (id returned) with tokens "laptop" (digest "d1", never expires) and
// "ci" ("d2", expires at 100), and Bob with "bob" ("d3").
std::int64_t ada_with_tokens(Repositories& r) {
  auto ada = r.people().save("ada@example.org", "Ada", "h", {}).value();
  auto bob = r.people().save("bob@example.org", "Bob", "h", {}).value();
  EXPECT_TRUE(r.people().add_token(ada, "d1", "laptop", 10, std::nullopt).ok());
  EXPECT_TRUE(r.people().add_token(ada, "d2", "ci", 11, 100).ok());
  EXPECT_TRUE(r.people().add_token(bob, "d3", "bob", 12, std::nullopt).ok());
  return ada;
}

TEST_P(StoreTest, TokensListedByIdWithoutSecrets) {
  write([](Repositories& r) {
    std::int64_t ada = ada_with_tokens(r);
    auto listed = r.people().tokens_of(ada).value();
    EXPECT_EQ(listed.size(), 2u);
    EXPECT_LT(listed[0].id, listed[1].id);
    EXPECT_EQ(listed[0].name, "laptop");
    EXPECT_EQ(listed[0].created_at, 10);
    EXPECT_FALSE(listed[0].expires_at);
    EXPECT_FALSE(listed[0].last_used_at);
    EXPECT_EQ(listed[1].name, "ci");
    EXPECT_EQ(listed[1].expires_at, 100);
    return ok_status();
  });
}

TEST_P(StoreTest, ExpiredTokenIsNotAccepted) {
  write([](Repositories& r) {
    ada_with_tokens(r);
    EXPECT_TRUE(r.people().by_token("d2", 99)->has_value());
    EXPECT_FALSE(r.people().by_token("d2", 100)->has_value());
    EXPECT_TRUE(r.people().by_token("d1", 1'000'000)->has_value());
    return ok_status();
  });
}

TEST_P(StoreTest, LastUseIsWrittenAtMostOnceAMinute) {
  write([](Repositories& r) {
    ada_with_tokens(r);
    EXPECT_FALSE((*r.people().token("d1"))->last_used_at);
    EXPECT_TRUE(r.people().note_token_use("d1", 1000).ok());
    EXPECT_TRUE(r.people().note_token_use("d1", 1059).ok());
    EXPECT_EQ((*r.people().token("d1"))->last_used_at, 1000);
    EXPECT_TRUE(r.people().note_token_use("d1", 1060).ok());
    EXPECT_EQ((*r.people().token("d1"))->last_used_at, 1060);
    EXPECT_TRUE(r.people().note_token_use("nothing", 1000).ok());
    EXPECT_FALSE(r.people().token("nothing")->has_value());
    return ok_status();
  });
}

TEST_P(StoreTest, RevokeOnlyOnesOwnToken) {
  write([](Repositories& r) {
    std::int64_t ada = ada_with_tokens(r);
    auto listed = r.people().tokens_of(ada).value();
    auto bobs = r.people().tokens_of(ada + 1).value();
    EXPECT_FALSE(r.people().revoke_token(ada, bobs.at(0).id).value());
    EXPECT_TRUE(r.people().by_token("d3", 20)->has_value());
    EXPECT_TRUE(r.people().revoke_token(ada, listed[0].id).value());
    EXPECT_FALSE(r.people().revoke_token(ada, listed[0].id).value());
    EXPECT_FALSE(r.people().by_token("d1", 20)->has_value());
    EXPECT_EQ(r.people().tokens_of(ada)->size(), 1u);
    return ok_status();
  });
}

TEST_P(StoreTest, EndSessionsKeepsTheNamedSessionAndOthersCredentials) {
  write([](Repositories& r) {
    std::int64_t ada = ada_with_tokens(r);
    for (const char* s : {"here", "there", "elsewhere"})
      EXPECT_TRUE(r.people().add_web_session(s, ada, "c", 1000).ok());
    EXPECT_TRUE(r.people().add_web_session("bobs", ada + 1, "c", 1000).ok());
    EXPECT_TRUE(r.people().end_sessions_except(ada, "here").ok());
    EXPECT_TRUE(r.people().web_session("here")->has_value());
    EXPECT_FALSE(r.people().web_session("there")->has_value());
    EXPECT_FALSE(r.people().web_session("elsewhere")->has_value());
    EXPECT_TRUE(r.people().tokens_of(ada)->empty());
    EXPECT_TRUE(r.people().web_session("bobs")->has_value());
    EXPECT_TRUE(r.people().by_token("d3", 20)->has_value());
    return ok_status();
  });
}

TEST_P(StoreTest, ConcurrentWritersDoNotLoseUpdates) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i)
        EXPECT_TRUE(store->write([&](Repositories& r) {
          return r.directory().save_group({"g" + std::to_string(t) + "-" + std::to_string(i), "G", "wg", "art"});
        }).ok());
    });
  for (auto& th : threads) th.join();
  read([](Repositories& r) {
    EXPECT_EQ(r.directory().groups()->size(), 100u);
    return ok_status();
  });
}

TEST_P(StoreTest, TheDirectoryStartsWithTheStandardAreasAndKeepsGroupsWhole) {
  read([](Repositories& r) {
    auto areas = r.directory().areas().value();
    EXPECT_EQ(areas.size(), standard_areas().size());
    for (size_t i = 0; i < areas.size() && i < standard_areas().size(); ++i) {
      EXPECT_EQ(areas[i].acronym, standard_areas()[i].acronym);
      EXPECT_EQ(areas[i].name, standard_areas()[i].name);
      EXPECT_EQ(areas[i].state, "active");
    }
    return ok_status();
  });
  write([](Repositories& r) {
    if (auto st = r.directory().save_area({"tsv", "Transport Area", "concluded"}); !st) return st;
    return r.directory().save_group({"quic", "QUIC", "wg", "wit", "active", "ad@example.org", "quic@ietf.org"});
  });
  read([](Repositories& r) -> Status {
    EXPECT_EQ(r.directory().areas()->back().acronym, "wit");
    auto tsv = r.directory().areas().value();
    EXPECT_EQ(std::find_if(tsv.begin(), tsv.end(), [](const Area& a) { return a.acronym == "tsv"; })->state,
              "concluded");
    auto quic = r.directory().group("quic").value();
    if (!quic) return internal("quic was not stored");
    EXPECT_EQ(quic->ad, "ad@example.org");
    EXPECT_EQ(quic->list_email, "quic@ietf.org");
    EXPECT_EQ(quic->state, "active");
    EXPECT_FALSE(r.directory().group("nope").value());
    return ok_status();
  });
}

// A claim holds a job until its lease lapses; then another worker may take
// it over, and only the holder of the current claim completes it, once.
TEST_P(StoreTest, JobsAreClaimedUnderALeaseAndCompletedOnce) {
  std::int64_t first = 0, second = 0;
  write([&](Repositories& r) {
    first = r.jobs().enqueue("solve", "{\"a\":1}", "sec@example.org", 90).value();
    second = r.jobs().enqueue("solve", "{}", "sec@example.org", 91).value();
    return ok_status();
  });
  EXPECT_LT(first, second);
  auto claim = [&](const std::string& worker, const std::string& token, UnixSeconds now) {
    std::optional<Job> got;
    write([&](Repositories& r) {
      got = r.jobs().claim(worker, token, now, 10, 3).value();
      return ok_status();
    });
    return got;
  };
  auto a = claim("w1", "c1", 100);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, first);
  EXPECT_EQ(a->state, JobState::running);
  EXPECT_EQ(a->attempts, 1);
  EXPECT_EQ(a->lease_until, 110);
  EXPECT_EQ(a->input, "{\"a\":1}");
  EXPECT_EQ(claim("w2", "c2", 105)->id, second);
  EXPECT_FALSE(claim("w2", "c2b", 106));  // both held
  auto taken_over = claim("w3", "c3", 111);  // the first lease lapsed at 110
  ASSERT_TRUE(taken_over);
  EXPECT_EQ(taken_over->id, first);
  EXPECT_EQ(taken_over->attempts, 2);
  EXPECT_EQ(taken_over->worker, "w3");

  auto finish = [&](std::int64_t id, const std::string& token) {
    return store->write([&](Repositories& r) { return r.jobs().finish(id, token, JobState::done, "{}", "", 120); });
  };
  Status stale = finish(first, "c1");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "lease_lost");
  EXPECT_TRUE(finish(first, "c3").ok());
  EXPECT_EQ(finish(first, "c3").error().code, "lease_lost");  // completes once
  Status beat = store->write([&](Repositories& r) { return r.jobs().heartbeat(second, "c2", "{\"best\":5}", 114, 10); });
  EXPECT_TRUE(beat.ok());
  EXPECT_FALSE(claim("w4", "c4", 120));  // the second's lease was renewed to 124
  read([&](Repositories& r) {
    auto done = r.jobs().find(first).value();
    EXPECT_EQ(done->state, JobState::done);
    EXPECT_EQ(done->finished_at, 120);
    EXPECT_EQ(done->claim, "");
    EXPECT_EQ(r.jobs().find(second).value()->progress, "{\"best\":5}");
    EXPECT_FALSE(r.jobs().find(999).value());
    return ok_status();
  });
}

TEST_P(StoreTest, AJobAbandonedOnEveryAttemptFails) {
  write([&](Repositories& r) {
    auto id = r.jobs().enqueue("solve", "{}", "sec@example.org", 0);
    return id ? ok_status() : Status(id.error());
  });
  for (int attempt = 0; attempt < 3; ++attempt)
    write([&](Repositories& r) {
      EXPECT_TRUE(r.jobs().claim("w", "c" + std::to_string(attempt), 100 * attempt, 10, 3).value());
      return ok_status();
    });
  write([&](Repositories& r) {
    EXPECT_EQ(r.jobs().fail_abandoned(205, 3).value(), 0);  // the third lease holds until 210
    EXPECT_EQ(r.jobs().fail_abandoned(211, 3).value(), 1);
    EXPECT_FALSE(r.jobs().claim("w", "late", 300, 10, 3).value());
    auto j = r.jobs().find(1).value();
    EXPECT_EQ(j->state, JobState::failed);
    EXPECT_NE(j->error.find("abandoned"), std::string::npos);
    return ok_status();
  });
}

TEST_P(StoreTest, ACancelledJobIsNeitherClaimedNorFinished) {
  std::int64_t other = 0, running = 0;
  write([&](Repositories& r) {
    other = r.jobs().enqueue("solve", "{}", "sec@example.org", 0).value();
    running = r.jobs().enqueue("solve", "{}", "sec@example.org", 0).value();
    EXPECT_EQ(r.jobs().claim("w", "c", 10, 60, 3).value()->id, other);
    EXPECT_EQ(r.jobs().claim("w", "d", 10, 60, 3).value()->id, running);
    return ok_status();
  });
  write([&](Repositories& r) {
    EXPECT_TRUE(r.jobs().cancel(running, 20).value());
    EXPECT_FALSE(r.jobs().cancel(running, 21).value());  // already ended
    EXPECT_FALSE(r.jobs().cancel(999, 21).value());
    auto lost = r.jobs().finish(running, "d", JobState::done, "{}", "", 30);
    EXPECT_FALSE(lost.ok());
    EXPECT_EQ(lost.error().code, "lease_lost");
    auto j = r.jobs().find(running).value();
    EXPECT_EQ(j->state, JobState::cancelled);
    EXPECT_EQ(j->finished_at, 20);
    return ok_status();
  });
}

TEST_P(StoreTest, WorkersRacingForJobsTakeEachOnce) {
  write([&](Repositories& r) {
    for (int i = 0; i < 24; ++i)
      if (auto id = r.jobs().enqueue("solve", "{}", "sec@example.org", 0); !id) return Status(id.error());
    return ok_status();
  });
  std::mutex mu;
  std::vector<std::int64_t> taken;
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w)
    workers.emplace_back([&, w] {
      for (int i = 0;; ++i) {
        std::optional<Job> got;
        EXPECT_TRUE(store->write([&](Repositories& r) {
          auto j = r.jobs().claim("w" + std::to_string(w), std::to_string(w) + "-" + std::to_string(i), 50, 60, 3);
          if (!j) return Status(j.error());
          got = *j;
          return ok_status();
        }).ok());
        if (!got) return;
        std::lock_guard lock(mu);
        taken.push_back(got->id);
      }
    });
  for (auto& t : workers) t.join();
  std::sort(taken.begin(), taken.end());
  EXPECT_EQ(taken.size(), 24u);
  EXPECT_EQ(std::adjacent_find(taken.begin(), taken.end()), taken.end());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::sql, Backend::memory),
                         [](const auto& info) { return info.param == Backend::sql ? "sql" : "memory"; });

}  // namespace
}  // namespace convene

namespace convene {
namespace {

// db copy and db describe walk a list of tables: a table the schema has and
// the list lacks would be left behind by a copy.
TEST(Admin, DescribeCoversEveryTableOfTheSchema) {
  testing::TestDatabase db;
  auto described = store::describe_database(db.location());
  ASSERT_TRUE(described.ok()) << described.error().message;
  std::set<std::string> listed;
  for (const auto& t : *described) listed.insert(t.table);
  auto c = testing::on_postgresql() ? store::connect_postgresql(db.location()) : store::connect_sqlite(db.location());
  auto st = c->prepare(testing::on_postgresql()
                           ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                           : "SELECT name FROM sqlite_master WHERE type = 'table'");
  std::set<std::string> schema;
  while (st.step())
    if (st.text(0) != "schema_version") schema.insert(st.text(0));
  EXPECT_EQ(listed, schema);
}

// A copy moves many rows to an INSERT: a table of 1,000 people crosses
// several statements and ends in a short one.
TEST(Admin, CopyKeepsEveryRowAcrossManyStatements) {
  testing::TestDatabase from, to;
  auto source = from.open();
  ASSERT_TRUE(source->write([](Repositories& r) -> Status {
    for (int i = 0; i < 1000; ++i) {
      const std::string n = std::to_string(i);
      auto id = r.people().save("p" + n + "@example.org", "Person " + n, i % 3 ? "hash" + n : "", {});
      if (!id) return id.error();
    }
    return ok_status();
  }).ok());
  auto copied = store::copy_database(from.location(), to.location());
  ASSERT_TRUE(copied.ok()) << copied.error().message;
  auto people = std::find_if(copied->begin(), copied->end(), [](const auto& t) { return t.table == "people"; });
  ASSERT_NE(people, copied->end());
  EXPECT_EQ(people->rows, 1000);
  auto again = store::describe_database(from.location());
  ASSERT_TRUE(again.ok());
  for (std::size_t i = 0; i < again->size(); ++i) EXPECT_EQ((*again)[i].checksum, (*copied)[i].checksum) << (*again)[i].table;
}

TEST(Admin, RedactedHidesPasswords) {
  EXPECT_EQ(store::redacted("postgresql://ada:s3cret@db.example.org:5432/convene"),
            "postgresql://ada:***@db.example.org:5432/convene");
  EXPECT_EQ(store::redacted("host=db password=s3cret user=ada"), "host=db password=*** user=ada");
  EXPECT_EQ(store::redacted("postgresql:///convene?host=/tmp&password=s3cret&user=ada"),
            "postgresql:///convene?host=/tmp&password=***&user=ada");
  EXPECT_EQ(store::redacted("/var/lib/convene/convene.db"), "/var/lib/convene/convene.db");
}

// PostgreSQL: every write takes its turn by the advisory lock, so while
// another session holds the turn alone (as a write run again does) a write
// waits, and lands once the turn is given back.
TEST(SqlStoreTurns, AWriteWaitsWhileAnotherSessionHoldsTheTurnAlone) {
  testing::TestDatabase db;
  if (!is_postgresql(db.location())) GTEST_SKIP() << "turns are PostgreSQL's; SQLite has one writer at a time";
  auto store = db.open();
  auto holder = store::connect_postgresql(db.location());
  const std::string keys = store::kWriteTurnKeys;
  holder->exec("SELECT pg_advisory_lock(" + keys + ")");
  std::atomic<bool> landed{false};
  std::thread writer([&] {
    EXPECT_TRUE(store->write([](Repositories& r) { return r.directory().save_group({"turn", "Turn", "wg", "art"}); })
                    .ok());
    landed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(landed) << "the write did not wait for its turn";
  holder->exec("SELECT pg_advisory_unlock(" + keys + ")");
  writer.join();
  EXPECT_TRUE(landed);
  auto group = store->read([](Repositories& r) -> Status {
    auto g = r.directory().group("turn");
    if (!g) return g.error();
    return *g ? ok_status() : internal("the group was not stored");
  });
  EXPECT_TRUE(group.ok()) << group.error().message;
}

}  // namespace
}  // namespace convene
