#include <gtest/gtest.h>

#include "convene/dispatch/dispatch.h"
#include "test_support.h"

namespace convene {
namespace {

using namespace convene::testing;
using Names = std::vector<std::string>;

// A request for draft-foo-bar-01 at a meeting, with the facts around it.
struct Case {
  Meeting meeting = consolidated_meeting();
  Draft foo = draft("draft-foo-bar", {{"00", at("2024-06-01T09:00:00Z")},
                                      {"01", at("2024-10-20T10:00:00Z")}});
  RequestFacts facts;
  NewRequest req = new_request();

  Result<Placement> place() {
    facts.meeting = &meeting;
    if (!facts.draft) facts.draft = &foo;
    return place_request(req, facts);
  }
  Error error() {
    auto r = place();
    EXPECT_FALSE(r.ok());
    return r.ok() ? Error{} : r.error();
  }
  Names flags() {
    auto r = place();
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->flags : Names{"<error>"};
  }
};

TEST(Placement, ConsolidatedRequestGoesToAlldispatchWithoutFlags) {
  Case c;
  auto p = c.place();
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->venue, "alldispatch");
  EXPECT_TRUE(p->flags.empty());
  EXPECT_EQ(p->suggested_venue, "dispatch");
}

TEST(Placement, DraftUnknown) {
  Case c;
  Draft other = draft("draft-other", {{"00", 0}});
  c.facts.draft = &other;
  Error e = c.error();
  EXPECT_EQ(e.code, "draft_unknown");
  EXPECT_EQ(e.kind, ErrorKind::rejected);
  EXPECT_NE(e.message.find("draft-foo-bar is not known"), std::string::npos);

  RequestFacts none;
  Meeting m = consolidated_meeting();
  none.meeting = &m;
  EXPECT_EQ(place_request(new_request(), none).error().code, "draft_unknown");
}

TEST(Placement, UnknownRevisionIsDraftUnknownListingKnownOnes) {
  Case c;
  c.req.rev = "03";
  Error e = c.error();
  EXPECT_EQ(e.code, "draft_unknown");
  EXPECT_EQ(e.message, "rev: draft-foo-bar has no revision 03 on record (known: 00, 01)");
}

TEST(Placement, DraftAfterCutoff) {
  Case c;
  c.foo.revisions.push_back({"02", at("2024-10-22T08:00:00Z")});
  c.req.rev = "02";
  Error e = c.error();
  EXPECT_EQ(e.code, "draft_after_cutoff");
  EXPECT_EQ(e.kind, ErrorKind::rejected);
  EXPECT_EQ(e.message,
            "draft-foo-bar-02 was submitted 2024-10-22T08:00:00Z, after the IETF 121 "
            "Internet-Draft cutoff 2024-10-21T23:59:00Z; ask for time with a revision submitted "
            "before the cutoff");
}

TEST(Placement, SubmittedExactlyAtTheCutoffIsInTime) {
  Case c;
  c.foo.revisions[1].submitted_at = c.meeting.id_cutoff;
  EXPECT_TRUE(c.place().ok());
  c.foo.revisions[1].submitted_at = c.meeting.id_cutoff + 1;
  EXPECT_EQ(c.error().code, "draft_after_cutoff");
}

TEST(Placement, AnOlderRevisionBeforeTheCutoffIsAccepted) {
  Case c;
  c.foo.revisions.push_back({"02", at("2024-10-22T08:00:00Z")});
  c.req.rev = "01";
  EXPECT_TRUE(c.place().ok());
}

TEST(Placement, ConsolidatedAcceptsAnyDispatchVenueNameAndUsesTheJointSession) {
  for (const char* v : {"", "alldispatch", "secdispatch", "rtgwg"}) {
    Case c;
    c.req.venue = v;
    auto p = c.place();
    ASSERT_TRUE(p.ok()) << v;
    EXPECT_EQ(p->venue, "alldispatch");
  }
  Case c;
  c.req.venue = "quic";
  Error e = c.error();
  EXPECT_EQ(e.code, "venue_unknown");
  EXPECT_EQ(e.kind, ErrorKind::invalid);
}

TEST(Placement, PerAreaNeedsAVenueAndSuggestsOne) {
  Case c;
  c.meeting = per_area_meeting();
  c.foo.revisions[1].submitted_at = at("2025-03-01T00:00:00Z");
  c.req.areas = {"sec"};
  Error e = c.error();
  EXPECT_EQ(e.code, "venue_required");
  EXPECT_NE(e.message.find("suggested for sec: secdispatch"), std::string::npos) << e.message;

  c.req.venue = "alldispatch";
  EXPECT_EQ(c.error().code, "venue_unknown");
  c.req.venue = "secdispatch";
  auto p = c.place();
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->venue, "secdispatch");
  EXPECT_EQ(p->suggested_venue, "secdispatch");
  EXPECT_TRUE(p->flags.empty());
}

TEST(Placement, PerAreaVenueDifferentFromSuggestionIsFlagged) {
  Case c;
  c.meeting = per_area_meeting();
  c.foo.revisions[1].submitted_at = at("2025-03-01T00:00:00Z");
  c.req.areas = {"sec"};
  c.req.venue = "dispatch";
  EXPECT_EQ(c.flags(), Names{"venue_differs_from_suggestion"});
}

TEST(Placement, InterimVenueIsItsGroup) {
  Case c;
  c.meeting.type = MeetingType::interim;
  c.meeting.number = "interim-2025-secdispatch-01";
  c.meeting.group = "secdispatch";
  c.meeting.dispatch_mode = DispatchMode::per_area;
  c.meeting.id_cutoff = 0;  // no cutoff: any recorded revision will do
  c.foo.revisions[1].submitted_at = at("2030-01-01T00:00:00Z");
  auto p = c.place();
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->venue, "secdispatch");
  EXPECT_TRUE(p->flags.empty());  // no suggestion check at an interim
  c.req.venue = "dispatch";
  EXPECT_EQ(c.error().code, "venue_unknown");
  c.req.venue = "";
  c.meeting.group = "quic";
  EXPECT_EQ(c.error().code, "venue_unknown");
}

TEST(Placement, OnWgAgendaInConsolidatedMode) {
  Case c;
  c.facts.wg_agendas = {{"121", "httpbis", "draft-foo-bar"}};
  Error e = c.error();
  EXPECT_EQ(e.code, "on_wg_agenda");
  EXPECT_EQ(e.kind, ErrorKind::rejected);
  EXPECT_NE(e.message.find("on the agenda of the httpbis session at IETF 121"), std::string::npos);
}

TEST(Placement, WgAgendaEntriesOfOtherDraftsOrMeetingsDoNotCount) {
  Case c;
  c.facts.wg_agendas = {{"121", "httpbis", "draft-other"}, {"120", "httpbis", "draft-foo-bar"}};
  EXPECT_TRUE(c.place().ok());
}

TEST(Placement, HotrfcTopicInConsolidatedMode) {
  Case c;
  c.facts.hotrfc_topic = true;
  Error e = c.error();
  EXPECT_EQ(e.code, "hotrfc_topic");
  EXPECT_EQ(e.kind, ErrorKind::rejected);
  EXPECT_NE(e.message.find("HotRFC topic at IETF 121"), std::string::npos);
}

TEST(Placement, AlldispatchRulesDoNotApplyPerArea) {
  Case c;
  c.meeting = per_area_meeting();
  c.foo.revisions[1].submitted_at = at("2025-03-01T00:00:00Z");
  c.req.venue = "dispatch";
  c.facts.wg_agendas = {{"122", "httpbis", "draft-foo-bar"}};
  c.facts.hotrfc_topic = true;
  EXPECT_TRUE(c.place().ok());
}

TEST(Placement, DuplicateRequest) {
  for (auto state : {RequestState::pending, RequestState::accepted, RequestState::dispatched}) {
    Case c;
    c.facts.same_meeting = {request(5, "121", "alldispatch", state, 100)};
    Error e = c.error();
    EXPECT_EQ(e.code, "duplicate_request");
    EXPECT_EQ(e.kind, ErrorKind::conflict);
    EXPECT_NE(e.message.find("(#5 at ALLDISPATCH)"), std::string::npos) << e.message;
  }
}

TEST(Placement, DeclinedOrOtherDraftIsNoDuplicate) {
  Case c;
  c.facts.same_meeting = {request(5, "121", "alldispatch", RequestState::declined, 100),
                          request(6, "121", "alldispatch", RequestState::pending, 100, "draft-x")};
  EXPECT_TRUE(c.place().ok());
}

TEST(Placement, DuplicateAtAnotherVenueOfAPerAreaMeeting) {
  Case c;
  c.meeting = per_area_meeting();
  c.foo.revisions[1].submitted_at = at("2025-03-01T00:00:00Z");
  c.req.venue = "dispatch";
  c.facts.same_meeting = {request(9, "122", "secdispatch", RequestState::pending, 100)};
  EXPECT_EQ(c.error().code, "duplicate_request");
}

TEST(Placement, RulesApplyInTheDocumentedOrder) {
  Case c;
  c.foo.revisions[1].submitted_at = c.meeting.id_cutoff + 60;
  c.req.venue = "quic";
  c.facts.wg_agendas = {{"121", "httpbis", "draft-foo-bar"}};
  c.facts.hotrfc_topic = true;
  c.facts.same_meeting = {request(5, "121", "alldispatch", RequestState::pending, 100)};
  EXPECT_EQ(c.error().code, "draft_after_cutoff");
  c.foo.revisions[1].submitted_at = c.meeting.id_cutoff;
  EXPECT_EQ(c.error().code, "venue_unknown");
  c.req.venue = "";
  EXPECT_EQ(c.error().code, "on_wg_agenda");
  c.facts.wg_agendas.clear();
  EXPECT_EQ(c.error().code, "hotrfc_topic");
  c.facts.hotrfc_topic = false;
  EXPECT_EQ(c.error().code, "duplicate_request");
}

TEST(Placement, MissingMeetingIsAnInternalError) {
  RequestFacts none;
  auto r = place_request(new_request(), none);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::internal);
}

TEST(PlacementFlags, ResubmissionOfTheSameDraft) {
  Case c;
  c.facts.history = {dispatched(request(1, "120", "alldispatch", RequestState::accepted, 100),
                                OutcomeKind::more_discussion, "foo@ietf.org", 200)};
  EXPECT_EQ(c.flags(), Names{"resubmission"});
}

TEST(PlacementFlags, ResubmissionThroughTheReplacesFamilyAndAfterADecline) {
  Case c;
  c.facts.history = {request(1, "119", "alldispatch", RequestState::declined, 100, "draft-old-foo")};
  EXPECT_EQ(c.flags(), Names{"resubmission"});
}

TEST(PlacementFlags, ReroutedWhenAnEarlierOutcomeSentItElsewhere) {
  Case c;
  c.meeting = per_area_meeting();
  c.foo.revisions[1].submitted_at = at("2025-03-01T00:00:00Z");
  c.req.areas = {"sec"};
  c.req.venue = "secdispatch";
  c.facts.history = {dispatched(request(1, "118", "dispatch", RequestState::accepted, 100),
                                OutcomeKind::other_dispatch, "secdispatch", 200)};
  EXPECT_EQ(c.flags(), (Names{"resubmission", "rerouted"}));  // routed there: no shopping
}

TEST(PlacementFlags, ShoppingAtAVenueNotAskedBeforeNorRoutedTo) {
  Case c;
  c.meeting = per_area_meeting();
  c.foo.revisions[1].submitted_at = at("2025-03-01T00:00:00Z");
  c.req.areas = {"ops"};
  c.req.venue = "opsawg";
  c.facts.history = {dispatched(request(1, "118", "dispatch", RequestState::accepted, 100),
                                OutcomeKind::other_dispatch, "secdispatch", 200)};
  EXPECT_EQ(c.flags(), (Names{"resubmission", "rerouted", "shopping"}));
}

TEST(PlacementFlags, AskingTheSameVenueAgainIsNoShopping) {
  Case c;
  c.meeting = per_area_meeting();
  c.foo.revisions[1].submitted_at = at("2025-03-01T00:00:00Z");
  c.req.venue = "dispatch";
  c.facts.history = {request(1, "121", "dispatch", RequestState::declined, 100, "draft-old-foo")};
  EXPECT_EQ(c.flags(), Names{"resubmission"});
}

TEST(PlacementFlags, ConsolidatedSessionIsNeverShopping) {
  Case c;
  c.facts.history = {request(1, "118", "rtgwg", RequestState::declined, 100)};
  EXPECT_EQ(c.flags(), Names{"resubmission"});
}

TEST(IsShopping, Rules) {
  std::vector<DispatchRequest> none;
  EXPECT_FALSE(is_shopping("dispatch", none));
  std::vector<DispatchRequest> at_dispatch = {request(1, "118", "dispatch", RequestState::declined, 1)};
  EXPECT_FALSE(is_shopping("dispatch", at_dispatch));
  EXPECT_TRUE(is_shopping("gendispatch", at_dispatch));
  EXPECT_FALSE(is_shopping("alldispatch", at_dispatch));
  std::vector<DispatchRequest> routed = {dispatched(request(1, "118", "dispatch", RequestState::accepted, 1),
                                                    OutcomeKind::other_dispatch, "tsvwg", 2)};
  EXPECT_FALSE(is_shopping("tsvwg", routed));
  EXPECT_TRUE(is_shopping("intarea", routed));
  // The joint session stands for its three groups, not for the other venues.
  std::vector<DispatchRequest> joint = {request(1, "120", "alldispatch", RequestState::accepted, 1)};
  EXPECT_FALSE(is_shopping("secdispatch", joint));
  EXPECT_FALSE(is_shopping("gendispatch", joint));
  EXPECT_TRUE(is_shopping("rtgwg", joint));
}

TEST(WgAgendaAddition, RefusedWhileOnTheConsolidatedAgenda) {
  Meeting m = consolidated_meeting();
  std::vector<DispatchRequest> reqs = {request(1, "121", "alldispatch", RequestState::accepted, 1)};
  auto st = check_wg_agenda_addition(m, "httpbis", reqs);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "on_dispatch_agenda");
  EXPECT_EQ(st.error().kind, ErrorKind::rejected);
  EXPECT_NE(st.error().message.find("only if ALLDISPATCH directs it to httpbis"), std::string::npos);
}

TEST(WgAgendaAddition, AllowedWhenDispatchedToThatGroup) {
  Meeting m = consolidated_meeting();
  std::vector<DispatchRequest> reqs = {dispatched(request(1, "121", "alldispatch", RequestState::accepted, 1),
                                                  OutcomeKind::existing_wg, "httpbis", 2)};
  EXPECT_TRUE(check_wg_agenda_addition(m, "httpbis", reqs).ok());
  EXPECT_EQ(check_wg_agenda_addition(m, "quic", reqs).error().code, "on_dispatch_agenda");
  reqs[0].outcome->kind = OutcomeKind::bof;
  reqs[0].outcome->target = "httpbis";
  EXPECT_EQ(check_wg_agenda_addition(m, "httpbis", reqs).error().code, "on_dispatch_agenda");
}

TEST(WgAgendaAddition, PendingDeclinedOtherMeetingsAndPerAreaDoNotBlock) {
  Meeting m = consolidated_meeting();
  std::vector<DispatchRequest> reqs = {request(1, "121", "alldispatch", RequestState::pending, 1),
                                       request(2, "121", "alldispatch", RequestState::declined, 1),
                                       request(3, "120", "alldispatch", RequestState::accepted, 1)};
  EXPECT_TRUE(check_wg_agenda_addition(m, "httpbis", reqs).ok());
  Meeting p = per_area_meeting();
  std::vector<DispatchRequest> per_area = {request(4, "122", "dispatch", RequestState::accepted, 1)};
  EXPECT_TRUE(check_wg_agenda_addition(p, "httpbis", per_area).ok());
}

}  // namespace
}  // namespace convene
