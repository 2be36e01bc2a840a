#include <gtest/gtest.h>

#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

using Names = std::vector<std::string>;

TEST(Venues, TheSevenPerAreaVenuesAndTheirAreas) {
  EXPECT_EQ(dispatch_venues(),
            (Names{"dispatch", "secdispatch", "gendispatch", "rtgwg", "tsvwg", "opsawg", "intarea"}));
  EXPECT_EQ(venue_area("dispatch"), "art");
  EXPECT_EQ(venue_area("secdispatch"), "sec");
  EXPECT_EQ(venue_area("gendispatch"), "gen");
  EXPECT_EQ(venue_area("rtgwg"), "rtg");
  EXPECT_EQ(venue_area("tsvwg"), "tsv");
  EXPECT_EQ(venue_area("opsawg"), "ops");
  EXPECT_EQ(venue_area("intarea"), "int");
  EXPECT_EQ(venue_area("alldispatch"), "");
  EXPECT_EQ(venue_area("quic"), "");
  EXPECT_TRUE(is_dispatch_venue("tsvwg"));
  EXPECT_FALSE(is_dispatch_venue("alldispatch"));
  EXPECT_FALSE(is_dispatch_venue("DISPATCH"));
  EXPECT_EQ(alldispatch_groups(), (Names{"dispatch", "secdispatch", "gendispatch"}));
}

TEST(Venues, SuggestionTakesTheFirstAreaWithAVenue) {
  EXPECT_EQ(suggest_venue({"sec"}), "secdispatch");
  EXPECT_EQ(suggest_venue({"wit", "rtg"}), "rtgwg");  // wit has no venue of its own
  EXPECT_EQ(suggest_venue({"tsv", "art"}), "tsvwg");
}

TEST(Venues, SuggestionForNewAreasIsDispatch) {
  EXPECT_EQ(suggest_venue({"wit"}), "dispatch");
  EXPECT_EQ(suggest_venue({}), "dispatch");
}

TEST(Venues, SuggestionForThreeOrMoreAreasIsGendispatch) {
  EXPECT_EQ(suggest_venue({"art", "sec"}), "dispatch");
  EXPECT_EQ(suggest_venue({"sec", "rtg", "ops"}), "gendispatch");
  EXPECT_EQ(suggest_venue({"sec", "sec", "ops"}), "secdispatch");  // two distinct areas
}

TEST(Venues, TitlesAndLabels) {
  EXPECT_EQ(venue_title("alldispatch"), "ALLDISPATCH");
  EXPECT_EQ(venue_title("rtgwg"), "RTGWG");
  EXPECT_EQ(outcome_label(OutcomeKind::existing_wg), "Direct to an existing WG");
  EXPECT_EQ(outcome_label(OutcomeKind::not_ietf), "Not appropriate for the IETF");
}

TEST(Venues, EnumStringsRoundTrip) {
  for (auto s : {RequestState::pending, RequestState::accepted, RequestState::declined,
                 RequestState::dispatched})
    EXPECT_EQ(request_state_from(to_string(s)), s);
  std::vector<std::string> kinds;
  for (auto k : {OutcomeKind::existing_wg, OutcomeKind::new_wg, OutcomeKind::bof,
                 OutcomeKind::ad_sponsored, OutcomeKind::more_discussion, OutcomeKind::not_ietf,
                 OutcomeKind::other_dispatch}) {
    EXPECT_EQ(outcome_kind_from(to_string(k)), k);
    kinds.emplace_back(to_string(k));
  }
  EXPECT_EQ(kinds, (Names{"existing-wg", "new-wg", "bof", "ad-sponsored", "more-discussion",
                          "not-ietf", "other-dispatch"}));
  EXPECT_FALSE(outcome_kind_from("adopt").has_value());
  EXPECT_FALSE(request_state_from("Pending").has_value());
}

}  // namespace
}  // namespace convene
