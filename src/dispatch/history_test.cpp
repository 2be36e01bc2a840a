#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/dispatch/dispatch.h"
#include "convene/dispatch/labels.h"
#include "test_support.h"

namespace convene {
namespace {

using namespace convene::testing;
using nlohmann::json;

// draft-old-foo went to ALLDISPATCH at IETF 119 (more discussion); its
// successor draft-foo-bar asked DISPATCH at 122 and was routed to
// SECDISPATCH, where it is now asked at 123.
std::vector<DispatchRequest> family() {
  DispatchRequest a = request(1, "119", "alldispatch", RequestState::accepted,
                              at("2024-02-01T10:00:00Z"), "draft-old-foo");
  a.decided_at = at("2024-02-10T10:00:00Z");
  a = dispatched(a, OutcomeKind::more_discussion, "foo@ietf.org", at("2024-03-18T16:00:00Z"));
  DispatchRequest b = request(2, "122", "dispatch", RequestState::accepted, at("2025-02-01T10:00:00Z"));
  b.rev = "01";
  b.decided_at = at("2025-02-05T10:00:00Z");
  b = dispatched(b, OutcomeKind::other_dispatch, "secdispatch", at("2025-03-17T10:00:00Z"));
  DispatchRequest c = request(3, "123", "secdispatch", RequestState::pending, at("2025-06-01T10:00:00Z"));
  return {c, a, b};  // any order in, oldest first out
}

TEST(History, EventsOldestFirstWithStatesAndOutcomes) {
  History h = build_history("draft-foo-bar", family(), at("2025-06-11T10:00:00Z"));
  EXPECT_EQ(h.draft, "draft-foo-bar");
  ASSERT_EQ(h.events.size(), 7u);
  std::vector<std::string> states;
  for (const HistoryEvent& e : h.events) states.push_back(e.meeting + ":" + e.state);
  EXPECT_EQ(states, (std::vector<std::string>{"119:requested", "119:accepted", "119:dispatched",
                                              "122:requested", "122:accepted", "122:dispatched",
                                              "123:requested"}));
  for (std::size_t i = 1; i < h.events.size(); ++i) EXPECT_LE(h.events[i - 1].at, h.events[i].at);
  EXPECT_EQ(h.events[0].draft, "draft-old-foo");
  EXPECT_EQ(h.events[0].venue, "alldispatch");
  EXPECT_EQ(h.events[2].outcome, "more-discussion");
  EXPECT_EQ(h.events[2].target, "foo@ietf.org");
  EXPECT_EQ(h.events[2].at, at("2024-03-18T16:00:00Z"));
  EXPECT_EQ(h.events[4].at, at("2025-02-05T10:00:00Z"));
  EXPECT_EQ(h.events[5].outcome, "other-dispatch");
  EXPECT_EQ(h.events[5].rev, "01");
  EXPECT_EQ(h.events[1].outcome, "");
}

TEST(History, CountsVenuesReroutesDaysAndRequests) {
  History h = build_history("draft-foo-bar", family(), at("2025-06-11T09:59:59Z"));
  EXPECT_EQ(h.requests, 3);
  EXPECT_EQ(h.venues, 3);
  EXPECT_EQ(h.reroutes, 1);
  // 2024-02-01T10:00Z to 2025-06-11T09:59:59Z is one second short of 496 days.
  EXPECT_EQ(h.days_since_first, 495);
  EXPECT_EQ(build_history("d", family(), at("2025-06-11T10:00:00Z")).days_since_first, 496);
}

TEST(History, RoutedThereAndCoveredByTheJointSessionIsNoShopping) {
  History h = build_history("draft-foo-bar", family(), at("2025-07-01T00:00:00Z"));
  EXPECT_FALSE(h.shopping);
}

TEST(History, AnotherVenueWithoutBeingRoutedIsShopping) {
  auto reqs = family();
  reqs[0].venue = "opsawg";  // instead of secdispatch, where it was routed
  EXPECT_TRUE(build_history("draft-foo-bar", reqs, at("2025-07-01T00:00:00Z")).shopping);
}

TEST(History, DeclinedAndUndecidedRequests) {
  DispatchRequest d = request(1, "121", "alldispatch", RequestState::declined, 100);
  d.decided_at = 200;
  DispatchRequest undated = request(2, "122", "rtgwg", RequestState::accepted, 300);
  History h = build_history("draft-foo-bar", {d, undated}, 1000);
  std::vector<std::string> states;
  for (const HistoryEvent& e : h.events) states.push_back(e.state);
  EXPECT_EQ(states, (std::vector<std::string>{"requested", "declined", "requested"}));
  EXPECT_TRUE(h.shopping);  // rtgwg is not one of the joint groups, and nothing routed it there
  undated.venue = "dispatch";  // one of ALLDISPATCH's joint groups: asked there already
  EXPECT_FALSE(build_history("draft-foo-bar", {d, undated}, 1000).shopping);
}

TEST(History, EventsOfDifferentRequestsInterleaveByTime) {
  DispatchRequest a = request(1, "121", "alldispatch", RequestState::accepted, 100);
  a.decided_at = 500;
  DispatchRequest b = request(2, "121", "alldispatch", RequestState::declined, 300, "draft-old-foo");
  b.decided_at = 400;
  History h = build_history("draft-foo-bar", {a, b}, 1000);
  std::vector<UnixSeconds> times;
  for (const HistoryEvent& e : h.events) times.push_back(e.at);
  EXPECT_EQ(times, (std::vector<UnixSeconds>{100, 300, 400, 500}));
}

TEST(History, EmptyAndFutureNow) {
  History none = build_history("draft-x", {}, 1000);
  EXPECT_TRUE(none.events.empty());
  EXPECT_EQ(none.days_since_first, 0);
  EXPECT_EQ(none.venues, 0);
  EXPECT_FALSE(none.shopping);
  json j = to_json(none);
  EXPECT_TRUE(j["first_requested_at"].is_null());
  EXPECT_TRUE(j["events"].empty());
  History early = build_history("draft-x", {request(1, "121", "alldispatch", RequestState::pending, 5000)}, 10);
  EXPECT_EQ(early.days_since_first, 0);
}

TEST(History, Json) {
  json j = to_json(build_history("draft-foo-bar", family(), at("2025-06-11T10:00:00Z")));
  EXPECT_EQ(j["draft"], "draft-foo-bar");
  EXPECT_EQ(j["requests"], 3);
  EXPECT_EQ(j["venues"], 3);
  EXPECT_EQ(j["reroutes"], 1);
  EXPECT_EQ(j["shopping"], false);
  EXPECT_EQ(j["days_since_first"], 496);
  EXPECT_EQ(j["first_requested_at"], "2024-02-01T10:00:00Z");
  ASSERT_EQ(j["events"].size(), 7u);
  const json& first = j["events"][0];
  EXPECT_EQ(first["meeting"], "119");
  EXPECT_EQ(first["venue"], "alldispatch");
  EXPECT_EQ(first["draft"], "draft-old-foo");
  EXPECT_EQ(first["state"], "requested");
  EXPECT_TRUE(first["outcome"].is_null());
  EXPECT_TRUE(first["target"].is_null());
  EXPECT_EQ(first["at"], "2024-02-01T10:00:00Z");
  EXPECT_EQ(j["events"][5]["outcome"], "other-dispatch");
  EXPECT_EQ(j["events"][5]["target"], "secdispatch");
}

}  // namespace
TEST(History, AnUndoneDeclineStaysInTheHistory) {
  DispatchRequest r = request(1, "121", "alldispatch", RequestState::accepted, 100);
  r.decided_at = 400;
  r.undone_declines = {{"Out of scope", 200, 300, "chair@example.org"}};
  const History h = build_history(r.draft, {r}, 1000);
  std::vector<std::string> states;
  std::vector<UnixSeconds> times;
  for (const auto& e : h.events) {
    states.push_back(e.state);
    times.push_back(e.at);
  }
  EXPECT_EQ(states, (std::vector<std::string>{"requested", "declined", "reopened", "accepted"}));
  EXPECT_EQ(times, (std::vector<UnixSeconds>{100, 200, 300, 400}));
  EXPECT_EQ(history_event_label("reopened"), "Decline undone");
}

}  // namespace convene
