// DispatchService over the in-memory repositories: the journeys after a
// request is filed (withdraw, edit, undo a decline, correct an outcome, the
// proponent's list, the lock on dispatched items, requests closing).
#include "convene/dispatch/service.h"

#include <gtest/gtest.h>

#include <functional>

#include "convene/store/store.h"
#include "service_fixture.h"
#include "test_support.h"

namespace convene {
namespace {

using namespace convene::testing;

class DispatchJourneys : public DispatchServiceFixture {
 protected:
  Result<DispatchRequest> run(const std::function<Result<DispatchRequest>(DispatchService&)>& fn) {
    return call<DispatchRequest>(fn);
  }
  Result<DispatchRequest> outcome(std::int64_t id, OutcomeInput in) {
    return run([&](DispatchService& s) { return s.record_outcome(chair, id, in); });
  }
};

TEST_F(DispatchJourneys, TheProponentWithdrawsTheirPendingRequest) {
  auto r = submit(alice, "121", new_request("draft-foo-bar", "00"));
  ASSERT_TRUE(r.ok());
  auto other = run([&](DispatchService& s) { return s.withdraw(chair, r->id); });
  EXPECT_EQ(other.error().kind, ErrorKind::forbidden);
  auto w = run([&](DispatchService& s) { return s.withdraw(alice, r->id); });
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->state, RequestState::withdrawn);
  EXPECT_EQ(audit().front().action, "dispatch.withdraw");
  EXPECT_TRUE(agenda("121")->pending.empty());
  auto again = run([&](DispatchService& s) { return s.withdraw(alice, r->id); });
  EXPECT_EQ(again.error().code, "not_pending");
  EXPECT_TRUE(submit(alice, "121", new_request("draft-foo-bar", "00")).ok());  // may file anew
}

TEST_F(DispatchJourneys, TheProponentEditsUntilTheChairsDecide) {
  auto r = submit(alice, "121", new_request("draft-foo-bar", "00"));
  ASSERT_TRUE(r.ok());
  RequestEdit e{"Bob Example", "Is this for HTTPBIS?", {"art"}, 20};
  EXPECT_EQ(run([&](DispatchService& s) { return s.amend(httpbis, r->id, e); }).error().kind, ErrorKind::forbidden);
  auto edited = run([&](DispatchService& s) { return s.amend(alice, r->id, e); });
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->question, "Is this for HTTPBIS?");
  EXPECT_EQ(edited->minutes, 20);
  EXPECT_EQ(audit().front().action, "dispatch.edit");
  ASSERT_TRUE(decide(chair, r->id, {true, ""}).ok());
  EXPECT_EQ(run([&](DispatchService& s) { return s.amend(alice, r->id, e); }).error().code, "not_pending");
}

TEST_F(DispatchJourneys, AChairUndoesADecline) {
  auto r = submit(alice, "121", new_request("draft-foo-bar", "00"));
  ASSERT_TRUE(decide(chair, r->id, {false, "Out of scope"}).ok());
  EXPECT_EQ(run([&](DispatchService& s) { return s.undo_decline(alice, r->id); }).error().kind,
            ErrorKind::forbidden);
  auto back = run([&](DispatchService& s) { return s.undo_decline(chair, r->id); });
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->state, RequestState::pending);
  ASSERT_EQ(back->undone_declines.size(), 1u);
  EXPECT_EQ(back->undone_declines[0].reason, "Out of scope");
  EXPECT_EQ(back->undone_declines[0].by, chair.email);
  EXPECT_EQ(agenda("121")->pending.size(), 1u);
  EXPECT_EQ(audit().front().action, "dispatch.undo_decline");
  EXPECT_NE(audit().front().detail.find("Out of scope"), std::string::npos);
  EXPECT_EQ(run([&](DispatchService& s) { return s.undo_decline(chair, r->id); }).error().code, "not_declined");
}

TEST_F(DispatchJourneys, ACorrectedOutcomeKeepsBothVersions) {
  std::int64_t a = accepted("draft-foo-bar");
  ASSERT_TRUE(outcome(a, {OutcomeKind::existing_wg, "httpbis", "go", ""}).ok());
  EXPECT_EQ(outcome(a, {OutcomeKind::bof, "", "", ""}).error().code, "already_dispatched");
  auto fixed = outcome(a, {OutcomeKind::bof, "", "A BoF first", "The session asked for a BoF"});
  ASSERT_TRUE(fixed.ok()) << fixed.error().message;
  EXPECT_EQ(fixed->outcome->kind, OutcomeKind::bof);
  ASSERT_EQ(fixed->corrections.size(), 1u);
  EXPECT_EQ(fixed->corrections[0].previous.target, "httpbis");
  auto log = audit();
  EXPECT_EQ(log.front().action, "dispatch.outcome_correct");
  EXPECT_NE(log.front().detail.find("httpbis"), std::string::npos);
  auto stored = run([&](DispatchService& s) { return s.request(a); });
  EXPECT_EQ(stored->corrections.size(), 1u);
}

TEST_F(DispatchJourneys, ADispatchedItemKeepsItsPlaceAndMinutes) {
  std::int64_t a = accepted("draft-foo-bar");
  std::int64_t b = accepted("draft-other-thing");
  ASSERT_TRUE(outcome(a, {OutcomeKind::bof, "", "", ""}).ok());
  EXPECT_EQ(arrange(chair, a, {std::nullopt, 30}).error().code, "outcome_recorded");
  EXPECT_EQ(arrange(chair, b, {1, std::nullopt}).error().code, "outcome_recorded");
  EXPECT_TRUE(arrange(chair, b, {std::nullopt, 30}).ok());
}

TEST_F(DispatchJourneys, MyRequestsAreNewestFirstWithTitles) {
  ASSERT_TRUE(submit(alice, "121", new_request("draft-foo-bar", "00")).ok());
  now += 60;
  ASSERT_TRUE(submit(alice, "121", new_request("draft-other-thing", "00")).ok());
  ASSERT_TRUE(submit(chair, "121", new_request("draft-foo-renamed", "00")).ok());
  auto mine = call<ProponentRequests>([&](DispatchService& s) { return s.requests_of(alice); });
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->requests.size(), 2u);
  EXPECT_EQ(mine->requests[0].draft, "draft-other-thing");
  EXPECT_EQ(mine->titles.at("draft-foo-bar"), "Title of draft-foo-bar");
}

TEST_F(DispatchJourneys, RequestsCloseAfterTheMeeting) {
  now = at("2024-11-09T12:00:00Z");  // IETF 121 ended on 8 November
  auto late = submit(alice, "121", new_request("draft-foo-bar", "00"));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "requests_closed");
  EXPECT_TRUE(audit().empty());
}

}  // namespace
}  // namespace convene
