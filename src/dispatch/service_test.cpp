// DispatchService over the in-memory repositories: every use case, with who
// may do it, what is stored, what the audit log says and what a refusal
// leaves behind (nothing).
#include "convene/dispatch/service.h"

#include <gtest/gtest.h>

#include <functional>

#include "convene/store/store.h"
#include "service_fixture.h"
#include "test_support.h"

namespace convene {
namespace {

using namespace convene::testing;

class DispatchServiceTest : public DispatchServiceFixture {};

TEST_F(DispatchServiceTest, SubmitStoresAPendingRequestAndAudits) {
  auto r = submit(alice, "121", new_request("draft-foo-bar", "00", "dispatch"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_GT(r->id, 0);
  EXPECT_EQ(r->venue, "alldispatch");
  EXPECT_EQ(r->state, RequestState::pending);
  EXPECT_EQ(r->requested_by, "alice@example.org");
  EXPECT_EQ(r->created_at, now);
  auto log = audit();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "dispatch.request");
  EXPECT_EQ(log[0].object, audit_object::request(r->id));
  EXPECT_EQ(log[0].actor, "alice@example.org");
}

TEST_F(DispatchServiceTest, RefusedSubmitLeavesNothing) {
  auto unknown = submit(alice, "999", new_request());
  EXPECT_EQ(unknown.error().code, "meeting_unknown");
  auto late = submit(alice, "121", new_request("draft-nobody-knows", "00"));
  EXPECT_EQ(late.error().code, "draft_unknown");
  EXPECT_TRUE(audit().empty());
  EXPECT_TRUE(agenda("121")->pending.empty());
}

TEST_F(DispatchServiceTest, ASecondRequestForTheSameDraftIsADuplicate) {
  ASSERT_TRUE(submit(alice, "121", new_request("draft-foo-bar", "00")).ok());
  auto again = submit(alice, "121", new_request("draft-foo-bar", "00"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "duplicate_request");
}

TEST_F(DispatchServiceTest, ARenamedDraftIsFlaggedWithItsFamilyHistory) {
  ASSERT_TRUE(submit(alice, "122", new_request("draft-foo-bar", "00", "dispatch")).ok());
  auto renamed = submit(alice, "121", new_request("draft-foo-renamed", "00"));
  ASSERT_TRUE(renamed.ok()) << renamed.error().message;
  EXPECT_EQ(renamed->flags, std::vector<std::string>{"resubmission"});
  auto h = call<History>([](DispatchService& s) { return s.history("draft-foo-renamed"); });
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->requests, 2);
}

TEST_F(DispatchServiceTest, OnlyAChairOfTheVenueDecides) {
  auto r = submit(alice, "121", new_request("draft-foo-bar", "00"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  for (const Person& p : {alice, httpbis, secretariat}) {
    auto refused = decide(p, r->id, {true, ""});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::forbidden) << p.email;
  }
  EXPECT_EQ(audit().size(), 1u);  // only the request itself
  EXPECT_TRUE(decide(gen_ad, r->id, {true, ""}).ok());  // the GEN AD adjudicates ALLDISPATCH
  EXPECT_EQ(decide(chair, 999, {true, ""}).error().code, "request_unknown");
}

TEST_F(DispatchServiceTest, AcceptingAppendsAndDecliningLeavesNoGap) {
  std::int64_t a = accepted("draft-foo-bar");
  std::int64_t b = accepted("draft-other-thing");
  std::int64_t c = accepted("draft-foo-renamed");
  auto items = agenda("121")->items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[2].request.id, c);
  EXPECT_EQ(items[2].request.position, 3);
  EXPECT_EQ(items[0].title, "Title of draft-foo-bar");

  auto declined = decide(chair, a, {false, "Out of scope"});
  ASSERT_TRUE(declined.ok());
  EXPECT_EQ(declined->position, 0);
  EXPECT_EQ(declined->decided_at, now);
  items = agenda("121")->items;
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].request.id, b);
  EXPECT_EQ(items[0].request.position, 1);
  EXPECT_EQ(items[1].request.position, 2);
  EXPECT_EQ(audit().front().action, "dispatch.decide");
}

TEST_F(DispatchServiceTest, ArrangeMovesAndResizes) {
  std::int64_t a = accepted("draft-foo-bar");
  std::int64_t b = accepted("draft-other-thing");
  auto moved = arrange(chair, b, {1, 20});
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->position, 1);
  EXPECT_EQ(moved->minutes, 20);
  auto items = agenda("121")->items;
  EXPECT_EQ(items[0].request.id, b);
  EXPECT_EQ(items[1].request.id, a);
  EXPECT_EQ(items[1].start_offset_min, 20);
  EXPECT_EQ(arrange(chair, a, {std::nullopt, 5})->minutes, 5);
  EXPECT_EQ(arrange(chair, a, {7, std::nullopt}).error().code, "bad_value");
  EXPECT_EQ(arrange(alice, a, {1, std::nullopt}).error().kind, ErrorKind::forbidden);
}

TEST_F(DispatchServiceTest, PendingRequestsHaveNoAgendaPlace) {
  auto r = submit(alice, "121", new_request("draft-foo-bar", "00"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto refused = arrange(chair, r->id, {std::nullopt, 30});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "not_on_agenda");
}

TEST_F(DispatchServiceTest, OutcomeIsRecordedOnce) {
  std::int64_t a = accepted("draft-foo-bar");
  auto out = [&](OutcomeInput in) {
    return call<DispatchRequest>([&](DispatchService& s) { return s.record_outcome(chair, a, in); });
  };
  EXPECT_EQ(out({OutcomeKind::other_dispatch, "tsvwg", "", ""}).error().code, "not_in_consolidated");
  auto done = out({OutcomeKind::existing_wg, "httpbis", "go", ""});
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->state, RequestState::dispatched);
  EXPECT_EQ(done->outcome->by, "chair@example.org");
  EXPECT_EQ(out({OutcomeKind::bof, "", "", ""}).error().code, "already_dispatched");
}

TEST_F(DispatchServiceTest, SessionSettingsKeepWhatIsNotChanged) {
  auto set = [&](const Person& who, SessionChange c) {
    return call<DispatchSession>([&](DispatchService& s) { return s.configure_session(who, "121", c); });
  };
  EXPECT_EQ(agenda("121")->session_minutes, kDefaultSessionMinutes);
  ASSERT_TRUE(set(chair, {"", 120, std::nullopt}).ok());
  auto s = set(secretariat, {"", std::nullopt, std::vector<std::string>{"Jim Fenton"}});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->minutes, 120);
  EXPECT_EQ(agenda("121")->chairs_table, std::vector<std::string>{"Jim Fenton"});
  EXPECT_EQ(set(alice, {"", 60, std::nullopt}).error().kind, ErrorKind::forbidden);
}

TEST_F(DispatchServiceTest, TheVenueRuleIsTheSameForReadersAndRequests) {
  EXPECT_EQ(agenda("121", "secdispatch")->venue, "alldispatch");
  EXPECT_EQ(agenda("122").error().code, "venue_required");
  EXPECT_EQ(agenda("122", "nope").error().code, "venue_unknown");
  EXPECT_EQ(agenda("122", "tsvwg")->venue, "tsvwg");
}

TEST_F(DispatchServiceTest, WgAgendaAndDispatchAgendaExcludeEachOther) {
  std::int64_t a = accepted("draft-foo-bar");
  auto add = [&](const Person& who, const std::string& group) {
    return call<WgAgendaEntry>(
        [&](DispatchService& s) { return s.add_to_wg_agenda(who, {"121", group, "draft-foo-bar"}); });
  };
  EXPECT_EQ(add(alice, "httpbis").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(add(httpbis, "httpbis").error().code, "on_dispatch_agenda");
  ASSERT_TRUE(call<DispatchRequest>([&](DispatchService& s) {
    return s.record_outcome(chair, a, {OutcomeKind::existing_wg, "httpbis", "", ""});
  }).ok());
  ASSERT_TRUE(add(httpbis, "httpbis").ok());
  auto entries = call<std::vector<WgAgendaEntry>>([](DispatchService& s) { return s.wg_agenda("121"); });
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ(audit().front().object, audit_object::wg_agenda("121", "httpbis"));
}

TEST_F(DispatchServiceTest, HotRfcTopicsComeFromTheSecretariat) {
  auto add = [&](const Person& who) {
    return call<Ok>([&](DispatchService& s) { return s.add_hotrfc(who, "121", "draft-other-thing"); });
  };
  EXPECT_EQ(add(chair).error().kind, ErrorKind::forbidden);
  ASSERT_TRUE(add(secretariat).ok());
  auto refused = submit(alice, "121", new_request("draft-other-thing", "00"));
  EXPECT_EQ(refused.error().code, "hotrfc_topic");
  ASSERT_TRUE(call<Ok>([&](DispatchService& s) { return s.add_hotrfc(secretariat, "121", "draft-another"); }).ok());
  auto topics = call<std::vector<std::string>>([](DispatchService& s) { return s.hotrfc_topics("121"); });
  EXPECT_EQ(*topics, (std::vector<std::string>{"draft-another", "draft-other-thing"}));  // by name
}

TEST_F(DispatchServiceTest, HistoryOfAnUnknownDraftIsNotFound) {
  auto h = call<History>([](DispatchService& s) { return s.history("draft-never-seen"); });
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.error().code, "draft_unknown");
}

}  // namespace
}  // namespace convene
