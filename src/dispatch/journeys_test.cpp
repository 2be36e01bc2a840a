// The rules of the journeys after filing: withdraw, amend, undo a decline,
// correct an outcome, and when requests close.
#include <gtest/gtest.h>

#include "test_support.h"

namespace convene {
namespace {

using namespace convene::testing;

const UnixSeconds kNow = at("2024-10-25T12:00:00Z");

TEST(Journeys, OnlyAPendingRequestIsWithdrawn) {
  DispatchRequest r = request(1, "121", "alldispatch", RequestState::pending, kNow);
  auto out = withdraw(r, kNow + 60);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->state, RequestState::withdrawn);
  EXPECT_EQ(out->decided_at, kNow + 60);
  for (RequestState s : {RequestState::accepted, RequestState::declined, RequestState::dispatched,
                         RequestState::withdrawn}) {
    r.state = s;
    auto refused = withdraw(r, kNow);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "not_pending");
    EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  }
}

TEST(Journeys, AWithdrawnRequestIsNotDecided) {
  DispatchRequest r = request(1, "121", "alldispatch", RequestState::withdrawn, kNow);
  EXPECT_EQ(decide(r, Decision{true, ""}, kNow).error().code, "withdrawn");
  EXPECT_EQ(decide(r, Decision{false, "no"}, kNow).error().code, "withdrawn");
}

TEST(Journeys, AmendChangesTheEditableFieldsOnly) {
  DispatchRequest r = request(1, "121", "alldispatch", RequestState::pending, kNow);
  auto out = amend(r, {"Bob", "A better question?", {"sec"}, 20});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->question, "A better question?");
  EXPECT_EQ(out->areas, std::vector<std::string>{"sec"});
  EXPECT_EQ(out->minutes, 20);
  EXPECT_EQ(out->venue, "alldispatch");
  EXPECT_EQ(out->draft, r.draft);
  r.state = RequestState::accepted;
  EXPECT_EQ(amend(r, {"Bob", "Q", {"sec"}, 20}).error().code, "not_pending");
}

TEST(Journeys, TheEditReaderHasTheSubmissionRules) {
  nlohmann::json body = {{"presenter", "Bob"}, {"question", "Q?"}, {"areas", {"SEC"}}, {"minutes", 15}};
  auto e = request_edit_from_json(body);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->areas, std::vector<std::string>{"sec"});
  body["areas"] = nlohmann::json::array();
  EXPECT_EQ(request_edit_from_json(body).error().code, "bad_value");
  body.erase("areas");
  EXPECT_EQ(request_edit_from_json(body).error().code, "missing_field");
}

TEST(Journeys, UndoDeclineNeedsADeclinedRequestAndNoOtherLiveOne) {
  DispatchRequest r = request(1, "121", "alldispatch", RequestState::declined, kNow);
  r.decline_reason = "Out of scope";
  r.decided_at = kNow;
  auto back = undo_decline(r, {r}, kNow + 60, "chair@example.org");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->state, RequestState::pending);
  EXPECT_TRUE(back->decline_reason.empty());
  EXPECT_EQ(back->decided_at, 0);
  // The decline stays on the request, with when and by whom it was undone.
  ASSERT_EQ(back->undone_declines.size(), 1u);
  EXPECT_EQ(back->undone_declines[0].reason, "Out of scope");
  EXPECT_EQ(back->undone_declines[0].declined_at, kNow);
  EXPECT_EQ(back->undone_declines[0].undone_at, kNow + 60);
  EXPECT_EQ(back->undone_declines[0].by, "chair@example.org");
  DispatchRequest again = request(2, "121", "alldispatch", RequestState::pending, kNow);
  EXPECT_EQ(undo_decline(r, {r, again}, kNow + 60, "chair@example.org").error().code, "duplicate_request");
  again.state = RequestState::withdrawn;
  EXPECT_TRUE(undo_decline(r, {r, again}, kNow + 60, "chair@example.org").ok());
  EXPECT_EQ(undo_decline(again, {}, kNow + 60, "chair@example.org").error().code, "not_declined");
}

TEST(Journeys, AWithdrawnRequestBlocksNoNewOne) {
  Meeting m = consolidated_meeting();
  Draft d = draft("draft-foo-bar", {{"01", at("2024-10-01T00:00:00Z")}});
  RequestFacts f;
  f.meeting = &m;
  f.draft = &d;
  f.same_meeting = {request(1, "121", "alldispatch", RequestState::withdrawn, kNow)};
  EXPECT_TRUE(place_request(new_request(), f).ok());
  f.same_meeting[0].state = RequestState::pending;
  EXPECT_EQ(place_request(new_request(), f).error().code, "duplicate_request");
}

TEST(Journeys, ACorrectionKeepsThePreviousOutcome) {
  Meeting m = consolidated_meeting();
  DispatchRequest r = dispatched(request(1, "121", "alldispatch", RequestState::accepted, kNow),
                                 OutcomeKind::existing_wg, "httpbis", kNow);
  OutcomeInput in{OutcomeKind::bof, "", "Needs a BoF", ""};
  EXPECT_EQ(correct_outcome(r, m, in, kNow + 1, "chair2@example.org").error().code, "reason_required");
  in.reason = "Typed the wrong outcome";
  auto out = correct_outcome(r, m, in, kNow + 1, "chair2@example.org");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->outcome->kind, OutcomeKind::bof);
  EXPECT_EQ(out->outcome->by, "chair2@example.org");
  ASSERT_EQ(out->corrections.size(), 1u);
  EXPECT_EQ(out->corrections[0].previous.target, "httpbis");
  EXPECT_EQ(out->corrections[0].reason, "Typed the wrong outcome");
  EXPECT_EQ(out->corrections[0].at, kNow + 1);
  in.kind = OutcomeKind::other_dispatch;
  in.target = "tsvwg";
  EXPECT_EQ(correct_outcome(r, m, in, kNow, "c").error().code, "not_in_consolidated");
  r.state = RequestState::accepted;
  r.outcome.reset();
  EXPECT_EQ(correct_outcome(r, m, {OutcomeKind::bof, "", "", "why"}, kNow, "c").error().code, "not_dispatched");
}

TEST(Journeys, HistoryShowsWithdrawalsAndCorrections) {
  DispatchRequest w = request(1, "121", "alldispatch", RequestState::withdrawn, kNow);
  w.decided_at = kNow + 10;
  DispatchRequest d = dispatched(request(2, "122", "dispatch", RequestState::accepted, kNow + 20),
                                 OutcomeKind::existing_wg, "httpbis", kNow + 40);
  d.decided_at = kNow + 30;
  d.corrections.push_back({d.outcome.value(), "wrong group", kNow + 50, "c"});
  d.outcome = Outcome{OutcomeKind::existing_wg, "quic", "", kNow + 50, "c"};
  History h = build_history("draft-foo-bar", {w, d}, kNow + 60);
  std::vector<std::string> states;
  for (const auto& e : h.events) states.push_back(e.state + ":" + e.target);
  EXPECT_EQ(states, (std::vector<std::string>{"requested:", "withdrawn:", "requested:", "accepted:",
                                              "dispatched:httpbis", "corrected:quic"}));
  EXPECT_EQ(history_event_label("corrected"), "Outcome corrected");
  EXPECT_EQ(state_label(RequestState::withdrawn), "Withdrawn by the proponent");
}

TEST(Journeys, RequestsCloseWhenTheMeetingIsOver) {
  Meeting m = consolidated_meeting();  // 2-8 November 2024, Dublin
  EXPECT_TRUE(check_requests_open(m, at("2024-11-08T23:00:00Z")).ok());
  auto closed = check_requests_open(m, at("2024-11-09T00:00:00Z"));
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, "requests_closed");
  EXPECT_EQ(closed.error().kind, ErrorKind::rejected);
}

TEST(Journeys, CorrectionsAreInTheJson) {
  DispatchRequest d = dispatched(request(2, "122", "dispatch", RequestState::accepted, kNow),
                                 OutcomeKind::existing_wg, "httpbis", kNow);
  d.corrections.push_back({d.outcome.value(), "wrong group", kNow + 50, "c@example.org"});
  auto j = to_json(d);
  ASSERT_EQ(j["corrections"].size(), 1u);
  EXPECT_EQ(j["corrections"][0]["previous"]["target"], "httpbis");
  EXPECT_EQ(j["corrections"][0]["reason"], "wrong group");
  EXPECT_EQ(to_json(request(3, "122", "dispatch", RequestState::withdrawn, kNow))["state"], "withdrawn");
}

}  // namespace
}  // namespace convene
