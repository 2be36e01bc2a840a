#include "convene/store/store.h"

#include <gtest/gtest.h>

#include <thread>

#include "convene/testing/temp_dir.h"

namespace convene {
namespace {

Meeting sample_meeting() {
  Meeting m;
  m.number = "121";
  m.city = "Dublin";
  m.start_date = parse_date("2024-11-02", "d").value();
  m.end_date = parse_date("2024-11-08", "d").value();
  m.time_zone = "Europe/Dublin";
  m.mode = MeetingMode::hybrid;
  m.id_cutoff = parse_rfc3339("2024-10-21T23:59:00Z", "t").value();
  m.dispatch_mode = DispatchMode::consolidated;
  return m;
}

class StoreTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  std::unique_ptr<Store> store = open_sqlite_store(dir.file("c.db"));
};

TEST_F(StoreTest, MeetingRoundTrip) {
  ASSERT_TRUE(store->write([](Repo& r) { r.insert_meeting(sample_meeting()); return ok_status(); }).ok());
  std::optional<Meeting> got;
  store->read([&](Repo& r) { got = r.meeting("121"); return ok_status(); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->city, "Dublin");
  EXPECT_EQ(got->mode, MeetingMode::hybrid);
  EXPECT_EQ(got->dispatch_mode, DispatchMode::consolidated);
  EXPECT_EQ(format_utc(got->id_cutoff), "2024-10-21T23:59:00Z");
}

TEST_F(StoreTest, FailedWriteRollsBackEverything) {
  auto s = store->write([](Repo& r) {
    r.insert_meeting(sample_meeting());
    r.audit({0, 1, "a@example.org", "meeting.create", "meeting:121", "{}"});
    return Status(rejected("nope", "refused after writing"));
  });
  ASSERT_FALSE(s.ok());
  store->read([&](Repo& r) {
    EXPECT_FALSE(r.meeting("121"));
    EXPECT_TRUE(r.audit_log(10).empty());
    return ok_status();
  });
}

TEST_F(StoreTest, ConstraintViolationBecomesConflict) {
  ASSERT_TRUE(store->write([](Repo& r) { r.insert_meeting(sample_meeting()); return ok_status(); }).ok());
  auto s = store->write([](Repo& r) { r.insert_meeting(sample_meeting()); return ok_status(); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::conflict);
}

TEST_F(StoreTest, RequestRoundTripWithOutcome) {
  DraftSubmission d{"draft-foo-bar", "00", "Foo", 100, {"Ada"}, {"draft-old-foo"}};
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
  ASSERT_TRUE(store->write([&](Repo& r) {
    r.insert_meeting(sample_meeting());
    r.save_draft_revision(d);
    id = r.insert_request(req);
    return ok_status();
  }).ok());
  req.id = id;
  req.state = RequestState::dispatched;
  req.outcome = Outcome{OutcomeKind::existing_wg, "httpbis", "go", 500, "chair@example.org"};
  ASSERT_TRUE(store->write([&](Repo& r) { r.update_request(req); return ok_status(); }).ok());
  store->read([&](Repo& r) {
    auto got = r.request(id);
    EXPECT_TRUE(got);
    EXPECT_EQ(got->areas, (std::vector<std::string>{"art", "sec"}));
    EXPECT_EQ(got->state, RequestState::dispatched);
    EXPECT_EQ(got->outcome->target, "httpbis");
    EXPECT_EQ(got->flags, std::vector<std::string>{"resubmission"});
    EXPECT_EQ(r.requests_for_drafts({"draft-x", "draft-foo-bar"}).size(), 1u);
    EXPECT_EQ(r.draft("draft-foo-bar")->replaces, std::vector<std::string>{"draft-old-foo"});
    return ok_status();
  });
}

TEST_F(StoreTest, PeopleTokensSessions) {
  ASSERT_TRUE(store->write([](Repo& r) {
    auto id = r.save_person("ada@example.org", "Ada", "$argon2id$x", {"chair:dispatch"});
    r.add_token(id, "digest1", 10);
    r.add_web_session("sess1", id, "csrf1", 1000);
    return ok_status();
  }).ok());
  store->read([](Repo& r) {
    EXPECT_EQ(r.person_by_token("digest1")->email, "ada@example.org");
    EXPECT_FALSE(r.person_by_token("digest2"));
    auto ws = r.web_session("sess1");
    EXPECT_EQ(ws->csrf, "csrf1");
    EXPECT_TRUE(ws->person.chairs("dispatch"));
    return ok_status();
  });
}

TEST_F(StoreTest, ConcurrentWritersDoNotLoseUpdates) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i)
        store->write([&](Repo& r) {
          r.save_group({"g" + std::to_string(t) + "-" + std::to_string(i), "G", "wg", "art"});
          return ok_status();
        });
    });
  for (auto& th : threads) th.join();
  store->read([](Repo& r) { EXPECT_EQ(r.groups().size(), 100u); return ok_status(); });
}

}  // namespace
}  // namespace convene
