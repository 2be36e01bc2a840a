#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/dispatch/dispatch.h"
#include "test_support.h"

namespace convene {
namespace {

using namespace convene::testing;
using nlohmann::json;

DispatchRequest with_position(RequestState s, int position) {
  DispatchRequest r = request(3, "121", "alldispatch", s, 100);
  r.position = position;
  return r;
}

json accept() { return {{"decision", "accept"}}; }
json decline(const std::string& reason) { return {{"decision", "decline"}, {"reason", reason}}; }

TEST(Decide, AcceptAPendingRequest) {
  auto r = decide(with_position(RequestState::pending, 0), accept());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, RequestState::accepted);
  EXPECT_EQ(r->decided_at, 0);  // the two-argument form leaves it to the caller
}

TEST(Decide, WithNowSetsDecidedAt) {
  auto r = decide(with_position(RequestState::pending, 0), accept(), 5000);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->decided_at, 5000);
  EXPECT_FALSE(decide(with_position(RequestState::dispatched, 1), accept(), 5000).ok());
}

TEST(Decide, DeclineNeedsAReason) {
  for (const json& body : {json{{"decision", "decline"}}, decline(""),
                           json{{"decision", "decline"}, {"reason", nullptr}}}) {
    auto r = decide(with_position(RequestState::pending, 0), body);
    ASSERT_FALSE(r.ok()) << body.dump();
    EXPECT_EQ(r.error().code, "reason_required");
    EXPECT_EQ(r.error().kind, ErrorKind::invalid);
  }
  auto r = decide(with_position(RequestState::pending, 0), decline("Out of scope for dispatch"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->state, RequestState::declined);
  EXPECT_EQ(r->decline_reason, "Out of scope for dispatch");
}

TEST(Decide, DecliningAnAcceptedRequestTakesItOffTheAgenda) {
  auto r = decide(with_position(RequestState::accepted, 4), decline("No time left"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->state, RequestState::declined);
  EXPECT_EQ(r->position, 0);
}

TEST(Decide, AcceptingADeclinedRequestClearsTheReason) {
  DispatchRequest d = with_position(RequestState::declined, 0);
  d.decline_reason = "No time";
  auto r = decide(d, accept());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->state, RequestState::accepted);
  EXPECT_EQ(r->decline_reason, "");
}

TEST(Decide, AcceptingAgainKeepsThePosition) {
  EXPECT_EQ(decide(with_position(RequestState::accepted, 3), accept())->position, 3);
}

TEST(Decide, DispatchedIsFinal) {
  DispatchRequest d = dispatched(with_position(RequestState::accepted, 1), OutcomeKind::bof, "", 9);
  for (const json& body : {accept(), decline("late")}) {
    auto r = decide(d, body);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "already_dispatched");
    EXPECT_EQ(r.error().kind, ErrorKind::conflict);
  }
}

TEST(Decide, BodyErrorsNameTheField) {
  DispatchRequest p = with_position(RequestState::pending, 0);
  EXPECT_EQ(decide(p, json::object()).error().code, "missing_field");
  EXPECT_EQ(decide(p, json::object()).error().message, "decision: is required");
  for (const json& wrong : {json(1), json(true), json::array(), json::object()}) {
    auto r = decide(p, json{{"decision", wrong}});
    EXPECT_EQ(r.error().code, "bad_type") << wrong.dump();
    r = decide(p, json{{"decision", "decline"}, {"reason", wrong}});
    EXPECT_EQ(r.error().code, "bad_type") << wrong.dump();
  }
  EXPECT_EQ(decide(p, json{{"decision", "maybe"}}).error().message,
            "decision: 'maybe' is not one of accept, decline");
  EXPECT_EQ(decide(p, json("accept")).error().code, "bad_type");
}

json outcome(const std::string& kind, const std::string& target = "", const std::string& notes = "") {
  json j = {{"outcome", kind}};
  if (!target.empty()) j["target"] = target;
  if (!notes.empty()) j["notes"] = notes;
  return j;
}

Result<DispatchRequest> record(const DispatchRequest& r, const json& body,
                               const Meeting& m = consolidated_meeting()) {
  return testing::record_outcome(r, m, body, 7777, "chair@example.org");
}

TEST(Outcome, RecordsEveryKindOnAnAcceptedRequest) {
  DispatchRequest acc = with_position(RequestState::accepted, 1);
  struct K { const char* kind; const char* target; OutcomeKind k; };
  for (K k : {K{"existing-wg", "httpbis", OutcomeKind::existing_wg}, K{"new-wg", "", OutcomeKind::new_wg},
              K{"bof", "", OutcomeKind::bof}, K{"ad-sponsored", "Murray Kucherawy", OutcomeKind::ad_sponsored},
              K{"more-discussion", "privacy-txt@ietf.org", OutcomeKind::more_discussion},
              K{"not-ietf", "W3C", OutcomeKind::not_ietf}}) {
    auto r = record(acc, outcome(k.kind, k.target, "Room agreed"));
    ASSERT_TRUE(r.ok()) << k.kind << ": " << r.error().message;
    EXPECT_EQ(r->state, RequestState::dispatched);
    ASSERT_TRUE(r->outcome.has_value());
    EXPECT_EQ(r->outcome->kind, k.k);
    EXPECT_EQ(r->outcome->target, k.target);
    EXPECT_EQ(r->outcome->notes, "Room agreed");
    EXPECT_EQ(r->outcome->at, 7777);
    EXPECT_EQ(r->outcome->by, "chair@example.org");
  }
}

TEST(Outcome, TargetRequiredForFourKinds) {
  DispatchRequest acc = with_position(RequestState::accepted, 1);
  for (const char* kind : {"existing-wg", "ad-sponsored", "more-discussion"}) {
    auto r = record(acc, outcome(kind));
    ASSERT_FALSE(r.ok()) << kind;
    EXPECT_EQ(r.error().code, "target_required");
    std::string label(outcome_label(*outcome_kind_from(kind)));
    EXPECT_EQ(r.error().message.rfind("target: \"" + label + "\" (" + kind + ") names ", 0), 0u);
  }
  DispatchRequest per_area = request(3, "122", "dispatch", RequestState::accepted, 100);
  auto r = record(per_area, outcome("other-dispatch"), per_area_meeting());
  EXPECT_EQ(r.error().code, "target_required");
  r = record(acc, json{{"outcome", "existing-wg"}, {"target", ""}});
  EXPECT_EQ(r.error().code, "target_required");
}

TEST(Outcome, AdoptIsUnknownBecauseDispatchNeverAdopts) {
  auto r = record(with_position(RequestState::accepted, 1), outcome("adopt"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "unknown_outcome");
  EXPECT_NE(r.error().message.find("dispatch never adopts drafts"), std::string::npos);
  EXPECT_EQ(record(with_position(RequestState::accepted, 1), outcome("Existing-WG")).error().code,
            "unknown_outcome");
}

TEST(Outcome, NeedsAnAcceptedRequest) {
  for (auto s : {RequestState::pending, RequestState::declined}) {
    auto r = record(with_position(s, 0), outcome("bof"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "not_accepted");
    EXPECT_EQ(r.error().kind, ErrorKind::conflict);
  }
  DispatchRequest d = dispatched(with_position(RequestState::accepted, 1), OutcomeKind::bof, "", 9);
  EXPECT_EQ(record(d, outcome("new-wg")).error().code, "already_dispatched");
}

TEST(Outcome, OtherDispatchOnlyPerArea) {
  auto r = record(with_position(RequestState::accepted, 1), outcome("other-dispatch", "secdispatch"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "not_in_consolidated");
  EXPECT_EQ(r.error().kind, ErrorKind::rejected);

  DispatchRequest per_area = request(3, "122", "dispatch", RequestState::accepted, 100);
  auto ok = record(per_area, outcome("other-dispatch", "SECDISPATCH"), per_area_meeting());
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->outcome->target, "secdispatch");
  EXPECT_EQ(record(per_area, outcome("other-dispatch", "dispatch"), per_area_meeting()).error().code,
            "bad_value");
  EXPECT_EQ(record(per_area, outcome("other-dispatch", "quic"), per_area_meeting()).error().code,
            "bad_value");
}

TEST(Outcome, ExistingWgTargetIsAnAcronym) {
  auto r = record(with_position(RequestState::accepted, 1), outcome("existing-wg", "HTTP WG"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_value");
  EXPECT_EQ(r.error().message.rfind("target: 'HTTP WG'", 0), 0u);
}

TEST(Outcome, WrongTypesForEveryField) {
  DispatchRequest acc = with_position(RequestState::accepted, 1);
  for (const char* f : {"outcome", "target", "notes"})
    for (const json& wrong : {json(1), json(false), json::array(), json::object()}) {
      json body = outcome("existing-wg", "httpbis");
      body[f] = wrong;
      auto r = record(acc, body);
      ASSERT_FALSE(r.ok()) << f;
      EXPECT_EQ(r.error().code, "bad_type") << f << " " << wrong.dump();
      EXPECT_EQ(r.error().message.rfind(std::string(f) + ": must be a string", 0), 0u);
    }
  EXPECT_EQ(record(acc, json::object()).error().code, "missing_field");
  EXPECT_EQ(record(acc, json::array()).error().code, "bad_type");
}

}  // namespace
}  // namespace convene
