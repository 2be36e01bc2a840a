// carry_over: what a group's previous request brings to its new one.
#include "convene/plan/carry_over.h"

#include <gtest/gtest.h>

namespace convene {
namespace {

using schedule::ConstraintType;

SessionRequest request(const std::string& group, std::vector<schedule::Constraint> constraints = {}) {
  SessionRequest r;
  r.meeting = "124";
  r.group = group;
  r.sessions.push_back({group + "-1", group, 1, 120, 80, {}, false, {}});
  r.constraints = std::move(constraints);
  return r;
}

schedule::Constraint against(ConstraintType type, const std::string& group, const std::string& target) {
  return {type, group, target, "", {}, {}};
}

Group group(const std::string& acronym, const std::string& area, const std::string& state = "active") {
  return {acronym, acronym, "wg", area, state};
}

const std::vector<Group> kDirectory = {group("httpbis", "wit"), group("quic", "wit"), group("oldwg", "wit", "concluded"),
                                       group("masque", "wit"), group("tls", "sec"), group("webtrans", "wit")};

TEST(CarryOver, NoPreviousRequestCarriesNothing) {
  CarryOver c = carry_over("quic", "124", {request("tls")}, kDirectory);
  EXPECT_FALSE(c.previous);
  EXPECT_EQ(c.previous_meeting, "");
  EXPECT_TRUE(c.new_in_area.empty());
}

TEST(CarryOver, CarriesTheGroupsOwnRequest) {
  auto prev = request("quic", {against(ConstraintType::chair_conflict, "quic", "tls")});
  CarryOver c = carry_over("quic", "124", {request("tls"), prev}, kDirectory);
  ASSERT_TRUE(c.previous);
  EXPECT_EQ(c.previous->group, "quic");
  EXPECT_EQ(c.previous->constraints.size(), 1u);
  EXPECT_EQ(c.previous_meeting, "124");
  EXPECT_TRUE(c.concluded_targets.empty());
}

TEST(CarryOver, FlagsConcludedTargetsJointAndAdjacentOnce) {
  auto prev = request("quic", {against(ConstraintType::chair_conflict, "quic", "oldwg"),
                               against(ConstraintType::tech_overlap, "quic", "oldwg"),
                               against(ConstraintType::wg_adjacent, "quic", "httpbis")});
  prev.sessions[0].joint_with = {"oldwg"};
  CarryOver c = carry_over("quic", "124", {prev}, kDirectory);
  EXPECT_EQ(c.concluded_targets, std::vector<std::string>{"oldwg"});
}

TEST(CarryOver, NewInAreaAreActiveGroupsWithoutARequestLastTime) {
  CarryOver c = carry_over("quic", "124", {request("quic"), request("httpbis")}, kDirectory);
  EXPECT_EQ(c.new_in_area, (std::vector<std::string>{"masque", "webtrans"}));
}

TEST(CarryOver, AGroupWithoutAnAreaHasNothingNewInIt) {
  std::vector<Group> dir = {group("quic", ""), group("masque", "")};
  CarryOver c = carry_over("quic", "124", {request("quic")}, dir);
  EXPECT_TRUE(c.previous);
  EXPECT_TRUE(c.new_in_area.empty());
}

TEST(GroupsNamedBy, TargetsJointAndAdjacentNotPeopleOrTimes) {
  auto r = request("quic", {against(ConstraintType::key_participant, "quic", "tls"),
                            {ConstraintType::bethere, "quic", "", "a@example.org", {}, {}},
                            against(ConstraintType::wg_adjacent, "quic", "masque")});
  r.sessions[0].joint_with = {"httpbis", "tls"};
  EXPECT_EQ(groups_named_by(r), (std::vector<std::string>{"tls", "masque", "httpbis"}));
}

}  // namespace
}  // namespace convene
