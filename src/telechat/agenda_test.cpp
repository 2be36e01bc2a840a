#include "convene/telechat/agenda.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace convene::telechat {
namespace {

using testing::day;

Item item(std::string id, Section s, std::string title) {
  Item i;
  i.id = std::move(id);
  i.section = s;
  i.title = std::move(title);
  return i;
}

Telechat informal(const char* date) {
  Telechat t;
  t.date = day(date);
  return t;
}

TEST(Status, NoItemsMeansNoMeeting) {
  Telechat t = informal("2026-12-10");
  EXPECT_FALSE(meeting(t));
  EXPECT_EQ(status_line_markdown(t), "There will **NOT** be a meeting on this date.");
  EXPECT_EQ(status_line_text(t), "There will NOT be a meeting on this date.");
}

TEST(Status, ParkingLotAndDeferredDoNotMakeAMeeting) {
  Telechat t = informal("2026-12-10");
  append_item(t, item("a", Section::parking_lot, "parked"));
  append_item(t, item("b", Section::deferred, "deferred"));
  EXPECT_FALSE(meeting(t));
}

TEST(Status, AnyNumberedSectionMakesAMeeting) {
  for (Section s : all_sections()) {
    if (is_holding(s)) continue;
    Telechat t = informal("2026-12-10");
    append_item(t, item("a", Section::parking_lot, "parked"));
    append_item(t, item("b", s, "topic"));
    EXPECT_TRUE(meeting(t)) << slug(s);
    EXPECT_EQ(status_line_markdown(t), "There **WILL** be a meeting on this date.");
  }
}

TEST(Status, ClosedItemsAndCancellationRemoveTheMeeting) {
  Telechat t = informal("2026-12-10");
  append_item(t, item("a", Section::aob, "topic"));
  ASSERT_TRUE(meeting(t));
  ASSERT_TRUE(close_item(t, "a").ok());
  EXPECT_FALSE(meeting(t));
  append_item(t, item("b", Section::aob, "other"));
  t.cancelled = true;
  EXPECT_FALSE(meeting(t));
}

TEST(Status, SchedulingAParkedItemMakesAMeeting) {
  Telechat t = informal("2026-12-10");
  append_item(t, item("a", Section::parking_lot, "parked"));
  ASSERT_TRUE(move_item(t, "a", Section::management_issues).ok());
  EXPECT_TRUE(meeting(t));
}

TEST(Agenda, ItemsStayInSectionOrderAndNumberWithinSection) {
  Telechat t = informal("2026-12-10");
  append_item(t, item("p", Section::parking_lot, "p"));
  append_item(t, item("m1", Section::management_issues, "m1"));
  append_item(t, item("a", Section::administrivia, "a"));
  append_item(t, item("m2", Section::management_issues, "m2"));
  std::vector<std::string> ids;
  for (const Item& i : t.agenda.items) ids.push_back(i.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "m1", "m2", "p"}));
  auto mgmt = open_items(t.agenda, Section::management_issues);
  ASSERT_EQ(mgmt.size(), 2u);
  EXPECT_EQ(mgmt[1]->id, "m2");
  ASSERT_TRUE(close_item(t, "m1").ok());
  mgmt = open_items(t.agenda, Section::management_issues);
  ASSERT_EQ(mgmt.size(), 1u);
  EXPECT_EQ(mgmt[0]->id, "m2");  // now number 1
}

TEST(Agenda, NextItemIdCountsPerDate) {
  Telechat t = informal("2026-12-10");
  EXPECT_EQ(next_item_id(t.agenda, t.date), "2026-12-10.1");
  append_item(t, item("2026-12-10.1", Section::aob, "x"));
  append_item(t, item("2026-11-26.7", Section::parking_lot, "carried"));
  append_item(t, item("2026-12-10.9", Section::aob, "y"));
  EXPECT_EQ(next_item_id(t.agenda, t.date), "2026-12-10.10");
  EXPECT_EQ(next_item_id(t.agenda, day("2026-11-26")), "2026-11-26.8");
}

TEST(Agenda, ErrorsOnCloseAndMove) {
  Telechat t = informal("2026-12-10");
  append_item(t, item("a", Section::parking_lot, "x"));
  EXPECT_EQ(close_item(t, "zz").error().code, "item_not_found");
  EXPECT_EQ(move_item(t, "zz", Section::aob).error().code, "item_not_found");
  EXPECT_EQ(move_item(t, "a", Section::parking_lot).error().code, "same_section");
  ASSERT_TRUE(close_item(t, "a").ok());
  EXPECT_EQ(close_item(t, "a").error().code, "item_closed");
  EXPECT_EQ(move_item(t, "a", Section::aob).error().code, "item_closed");
  EXPECT_EQ(add_regret(t, "  ").error().code, "member_required");
  ASSERT_TRUE(add_regret(t, "Roman").ok());
  ASSERT_TRUE(add_regret(t, "Roman").ok());
  EXPECT_EQ(t.regrets, std::vector<std::string>{"Roman"});
}

// Three informal telechats: what is parked or deferred travels on by itself
// until it is closed or scheduled.
TEST(CarryOver, AcrossThreeTelechats) {
  Telechat first = informal("2026-11-26");
  append_item(first, item("p1", Section::parking_lot, "HotRFC co-chair"));
  append_item(first, item("p2", Section::parking_lot, "Ombudsteam statement"));
  append_item(first, item("d1", Section::deferred, "Liaison drafts"));
  append_item(first, item("m1", Section::management_issues, "Alldispatch"));
  append_item(first, item("p3", Section::parking_lot, "Already resolved"));
  ASSERT_TRUE(close_item(first, "p3").ok());

  Telechat second = informal("2026-12-10");
  EXPECT_EQ(carry_over(first, second), 3);
  std::vector<std::string> ids;
  for (const Item& i : second.agenda.items) ids.push_back(i.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"p1", "p2", "d1"}));
  EXPECT_FALSE(meeting(second));
  EXPECT_EQ(find_item(second.agenda, "d1")->section, Section::deferred);
  EXPECT_EQ(carry_over(first, second), 0);  // idempotent

  ASSERT_TRUE(close_item(second, "p2").ok());
  ASSERT_TRUE(move_item(second, "d1", Section::management_issues).ok());
  EXPECT_TRUE(meeting(second));

  Telechat third = informal("2026-12-24");
  EXPECT_EQ(carry_over(second, third), 1);
  ASSERT_EQ(third.agenda.items.size(), 1u);
  const Item& p1 = third.agenda.items[0];
  EXPECT_EQ(p1.id, "p1");
  EXPECT_EQ(p1.title, "HotRFC co-chair");
  EXPECT_EQ(p1.history, (std::vector<HistoryEntry>{{day("2026-11-26"), Section::parking_lot},
                                                   {day("2026-12-10"), Section::parking_lot},
                                                   {day("2026-12-24"), Section::parking_lot}}));
  const Item* d1 = find_item(second.agenda, "d1");
  EXPECT_EQ(d1->history, (std::vector<HistoryEntry>{{day("2026-11-26"), Section::deferred},
                                                   {day("2026-12-10"), Section::deferred},
                                                   {day("2026-12-10"), Section::management_issues}}));
  EXPECT_FALSE(meeting(third));
}

TEST(CarryOver, WithdrawStaleRemovesOnlyUntouchedCopies) {
  Telechat first = informal("2026-11-26");
  append_item(first, item("p1", Section::parking_lot, "a"));
  append_item(first, item("p2", Section::parking_lot, "b"));
  append_item(first, item("p3", Section::parking_lot, "c"));
  Telechat second = informal("2026-12-10");
  ASSERT_EQ(carry_over(first, second), 3);
  ASSERT_TRUE(move_item(second, "p3", Section::deferred).ok());  // touched on the later agenda
  ASSERT_TRUE(close_item(first, "p1").ok());
  ASSERT_TRUE(move_item(first, "p2", Section::aob).ok());
  ASSERT_TRUE(close_item(first, "p3").ok());
  EXPECT_EQ(withdraw_stale(first, second), 2);
  ASSERT_EQ(second.agenda.items.size(), 1u);
  EXPECT_EQ(second.agenda.items[0].id, "p3");
}

}  // namespace
}  // namespace convene::telechat
