#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/dispatch/dispatch.h"
#include "convene/dispatch/inputs.h"
#include "test_support.h"

namespace convene {
namespace {

using namespace convene::testing;
using nlohmann::json;

std::vector<DispatchRequest> accepted_topics(int n, int minutes = 12) {
  std::vector<DispatchRequest> out;
  for (int i = 1; i <= n; ++i)
    out.push_back(request(i, "121", "alldispatch", RequestState::accepted, 1000 + i,
                          "draft-topic-" + std::string(1, static_cast<char>('a' + i - 1)), minutes));
  return out;
}

Agenda agenda_of(std::vector<DispatchRequest> reqs, int session = 90) {
  return build_agenda(consolidated_meeting(), "alldispatch", session, std::move(reqs), {});
}

std::vector<std::int64_t> ids(const Agenda& a) {
  std::vector<std::int64_t> out;
  for (const AgendaItem& i : a.items) out.push_back(i.request.id);
  return out;
}

TEST(Agenda, SevenTopicsOf12MinutesFitA90MinuteSession) {
  Agenda a = agenda_of(accepted_topics(7));
  ASSERT_EQ(a.items.size(), 7u);
  EXPECT_EQ(a.used_minutes, 84);
  EXPECT_EQ(a.overflow_minutes, 0);
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(a.items[i].number, i + 1);
    EXPECT_EQ(a.items[i].start_offset_min, 12 * i);
    EXPECT_FALSE(a.items[i].overflows);
  }
}

TEST(Agenda, TheEighthTopicOverflows) {
  Agenda a = agenda_of(accepted_topics(8));
  EXPECT_EQ(a.used_minutes, 96);
  EXPECT_EQ(a.overflow_minutes, 6);
  EXPECT_FALSE(a.items[6].overflows);
  EXPECT_TRUE(a.items[7].overflows);
  EXPECT_EQ(a.items[7].start_offset_min, 84);
}

TEST(Agenda, EndingExactlyAtTheEndFitsOneMinuteMoreOverflows) {
  Agenda exact = agenda_of(accepted_topics(6, 15));
  EXPECT_EQ(exact.used_minutes, 90);
  EXPECT_EQ(exact.overflow_minutes, 0);
  EXPECT_FALSE(exact.items.back().overflows);
  auto reqs = accepted_topics(6, 15);
  reqs.back().minutes = 16;
  Agenda over = agenda_of(reqs);
  EXPECT_EQ(over.overflow_minutes, 1);
  EXPECT_TRUE(over.items.back().overflows);
  EXPECT_FALSE(over.items[4].overflows);
}

TEST(Agenda, OneLongTopicOverflowsEvenWhenFirst) {
  auto reqs = accepted_topics(1, 120);
  Agenda a = agenda_of(reqs);
  EXPECT_TRUE(a.items[0].overflows);
  EXPECT_EQ(a.overflow_minutes, 30);
}

TEST(Agenda, OrderedByPositionThenUnpositionedByCreation) {
  auto reqs = accepted_topics(4);
  reqs[0].position = 0;  // id 1, created first
  reqs[1].position = 2;  // id 2
  reqs[2].position = 1;  // id 3
  reqs[3].position = 0;  // id 4
  reqs[3].created_at = 1;  // created before id 1
  EXPECT_EQ(ids(agenda_of(reqs)), (std::vector<std::int64_t>{3, 2, 4, 1}));
}

TEST(Agenda, SameCreationTimeFallsBackToId) {
  auto reqs = accepted_topics(3);
  for (auto& r : reqs) r.created_at = 50;
  std::swap(reqs[0], reqs[2]);
  EXPECT_EQ(ids(agenda_of(reqs)), (std::vector<std::int64_t>{1, 2, 3}));
}

TEST(Agenda, OnlyThisMeetingAndVenueAndStatesSorted) {
  std::vector<DispatchRequest> reqs = {
      request(1, "121", "alldispatch", RequestState::dispatched, 10),
      request(2, "121", "alldispatch", RequestState::pending, 30),
      request(3, "121", "alldispatch", RequestState::declined, 5),
      request(4, "120", "alldispatch", RequestState::accepted, 5),
      request(5, "121", "secdispatch", RequestState::accepted, 5),
      request(6, "121", "alldispatch", RequestState::pending, 20),
  };
  Agenda a = agenda_of(reqs);
  EXPECT_EQ(ids(a), (std::vector<std::int64_t>{1}));
  ASSERT_EQ(a.pending.size(), 2u);
  EXPECT_EQ(a.pending[0].id, 6);
  EXPECT_EQ(a.pending[1].id, 2);
  ASSERT_EQ(a.declined.size(), 1u);
  EXPECT_EQ(a.declined[0].id, 3);
  EXPECT_EQ(a.used_minutes, 12);
}

TEST(Agenda, EmptyAndNegativeSession) {
  Agenda empty = agenda_of({});
  EXPECT_EQ(empty.used_minutes, 0);
  EXPECT_EQ(empty.overflow_minutes, 0);
  Agenda neg = agenda_of(accepted_topics(1), -5);
  EXPECT_EQ(neg.session_minutes, 0);
  EXPECT_EQ(neg.overflow_minutes, 12);
}

TEST(Agenda, KeepsTheChairsTable) {
  Agenda a = build_agenda(consolidated_meeting(), "alldispatch", 90, {}, {"Jim Fenton", "Peng Shuping"});
  EXPECT_EQ(a.chairs_table, (std::vector<std::string>{"Jim Fenton", "Peng Shuping"}));
  EXPECT_EQ(a.venue, "alldispatch");
  EXPECT_EQ(a.meeting.number, "121");
}

TEST(Agenda, FillTitlesFromDrafts) {
  Agenda a = agenda_of(accepted_topics(2));
  fill_titles(a, {{"draft-topic-b", "Title of draft-topic-b"}, {"draft-unrelated", "Title of draft-unrelated"}});
  EXPECT_EQ(a.items[0].title, "");
  EXPECT_EQ(a.items[1].title, "Title of draft-topic-b");
}

TEST(Agenda, PresentersAreShownByNameAndNeverByAddress) {
  Agenda a = agenda_of(accepted_topics(3));
  a.items[0].request.presenter = "ada@example.org";
  a.items[1].request.presenter = "zoe@example.net";
  a.items[2].request.presenter = "Ada Lovelace";
  a.pending.push_back(a.items[0].request);
  a.pending.back().presenter = "bea@example.org";
  a.declined.push_back(a.items[0].request);
  EXPECT_EQ(presenter_addresses(a), (std::vector<std::string>{"ada@example.org", "bea@example.org", "zoe@example.net"}));
  name_presenters(a, {{"ada@example.org", "Ada Lovelace"}});
  EXPECT_EQ(a.items[0].request.presenter, "Ada Lovelace");
  EXPECT_EQ(a.items[1].request.presenter, "zoe");  // not on record: no address published
  EXPECT_EQ(a.items[2].request.presenter, "Ada Lovelace");
  EXPECT_EQ(a.pending[0].presenter, "bea");               // pending requests are public too
  EXPECT_EQ(a.declined[0].presenter, "ada@example.org");  // the chairs' list keeps the address
}

TEST(Arrangement, PositionMinutesOrBoth) {
  auto a = arrangement_from_json(json{{"position", 2}});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->position, 2);
  EXPECT_FALSE(a->minutes.has_value());
  a = arrangement_from_json(json{{"minutes", 20}, {"position", nullptr}});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->minutes, 20);
  EXPECT_FALSE(a->position.has_value());
  a = arrangement_from_json(json{{"minutes", 20}, {"position", 1}});
  EXPECT_TRUE(a->minutes && a->position);
}

TEST(Arrangement, Errors) {
  EXPECT_EQ(arrangement_from_json(json::object()).error().code, "missing_field");
  EXPECT_EQ(arrangement_from_json(json::array()).error().code, "bad_type");
  for (const char* f : {"position", "minutes"})
    for (const json& wrong : {json("1"), json(1.5), json(true), json::array()}) {
      auto r = arrangement_from_json(json{{f, wrong}});
      EXPECT_EQ(r.error().code, "bad_type") << f << wrong.dump();
    }
  EXPECT_EQ(arrangement_from_json(json{{"minutes", 0}}).error().message,
            "minutes: must be an integer from 1 to 120, got 0");
  EXPECT_EQ(arrangement_from_json(json{{"position", 0}}).error().code, "bad_value");
}

TEST(MoveRequest, MovesAndRenumbersTheWholeAgenda) {
  auto reqs = accepted_topics(4);
  reqs.push_back(request(9, "121", "alldispatch", RequestState::pending, 1));
  reqs.push_back(request(10, "121", "secdispatch", RequestState::accepted, 1));
  auto moved = move_request(reqs, 4, 1);
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  ASSERT_EQ(moved->size(), 4u);
  std::vector<std::int64_t> order;
  for (std::size_t i = 0; i < moved->size(); ++i) {
    order.push_back((*moved)[i].id);
    EXPECT_EQ((*moved)[i].position, static_cast<int>(i) + 1);
  }
  EXPECT_EQ(order, (std::vector<std::int64_t>{4, 1, 2, 3}));
  EXPECT_EQ(ids(agenda_of(*moved)), order);

  auto last = move_request(*moved, 4, 4);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->back().id, 4);
  EXPECT_EQ(last->front().id, 1);
}

TEST(MoveRequest, Errors) {
  auto reqs = accepted_topics(3);
  reqs.push_back(request(9, "121", "alldispatch", RequestState::pending, 1));
  auto r = move_request(reqs, 42, 1);
  EXPECT_EQ(r.error().code, "request_unknown");
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);
  r = move_request(reqs, 9, 1);
  EXPECT_EQ(r.error().code, "not_on_agenda");
  EXPECT_EQ(r.error().kind, ErrorKind::conflict);
  r = move_request(reqs, 1, 4);
  EXPECT_EQ(r.error().code, "bad_value");
  EXPECT_EQ(r.error().message, "position: must be an integer from 1 to 3, got 4");
  EXPECT_EQ(move_request(reqs, 1, 0).error().code, "bad_value");
}

}  // namespace
}  // namespace convene
