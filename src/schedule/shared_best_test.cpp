#include "shared_best.h"

#include <gtest/gtest.h>

#include "testing.h"

namespace convene::schedule {
namespace {

// Two placements of the small problem: a-1 alone, and a-1 with b-1.
struct Fixture {
  Problem problem = testing::problem_of(testing::small_problem());
  Model m{problem};
  SearchState alone{m}, both{m};
  Fixture() {
    alone.place(0, 0);
    both.place(0, 0);
    both.place(1, 1);
  }
};

TEST(SharedBest, KeepsOnlyTheCheapestOffer) {
  Fixture f;
  SharedBest shared(f.m);
  ASSERT_LT(f.both.cost(), f.alone.cost());  // one session fewer unscheduled
  offer_shared(&shared, f.both);
  offer_shared(&shared, f.alone);
  EXPECT_EQ(shared.cost(), f.both.cost());
  Placement p(f.m);
  EXPECT_EQ(shared.take_if_cheaper(f.both.cost(), p), f.both.cost());  // not cheaper: p untouched
  EXPECT_EQ(p.slot_of[1], -1);
  EXPECT_EQ(shared.take_if_cheaper(f.alone.cost(), p), f.both.cost());
  EXPECT_EQ(p.slot_of[1], 1);
}

TEST(SharedBest, ASearchAdoptsOnlyACheaperSchedule) {
  Fixture f;
  SharedBest shared(f.m);
  EXPECT_FALSE(adopt_shared(&shared, f.alone));  // nothing offered yet
  EXPECT_FALSE(adopt_shared(nullptr, f.alone));
  offer_shared(&shared, f.both);
  EXPECT_FALSE(adopt_shared(&shared, f.both));
  EXPECT_TRUE(adopt_shared(&shared, f.alone));
  EXPECT_EQ(f.alone.cost(), f.both.cost());
  EXPECT_EQ(f.alone.slot_of(1), 1);
  EXPECT_FALSE(shared.finished());
  shared.finish();
  EXPECT_TRUE(shared.finished());
}

}  // namespace
}  // namespace convene::schedule
