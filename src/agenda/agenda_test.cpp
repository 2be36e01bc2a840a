#include <gtest/gtest.h>

#include "convene/agenda/agenda.h"
#include "test_data.h"

namespace convene::agenda {
namespace {

schedule::Group group(const char* acronym, const char* area, bool bof = false) {
  schedule::Group g;
  g.acronym = acronym;
  g.area = area;
  g.bof = bof;
  return g;
}

schedule::Session session(const char* group) {
  schedule::Session s;
  s.id = std::string(group) + "-1";
  s.group = group;
  return s;
}

// Two rooms, three slots, four groups in two areas; "late-1" is not placed.
struct Small {
  schedule::Problem problem;
  schedule::Schedule schedule;
  Small() {
    problem.meeting_number = "106";
    problem.time_zone = "Asia/Singapore";
    problem.rooms = {{"r1", "Canning", 100}, {"r2", "Padang", std::nullopt}};
    const UnixSeconds monday = 1573999200;  // 2019-11-18T10:00:00+08:00
    problem.timeslots = {{"t1", "r1", "Morning Session I", monday, 120},
                         {"t2", "r2", "Morning Session I", monday, 120},
                         {"t3", "r1", "Afternoon Session I", monday + 4 * 3600, 90}};
    problem.groups = {group("quic", "tsv"), group("tls", "sec"), group("lamps", "sec"), group("newbof", "sec", true)};
    problem.sessions = {session("quic"), session("tls"), session("lamps"), session("newbof"), session("late")};
    problem.sessions.back().group = "quic";
    schedule.assignments = {{"lamps-1", "t3"}, {"tls-1", "t2"}, {"quic-1", "t1"}, {"newbof-1", "t3"}};
  }
  Input input() const {
    Input in;
    in.meeting_number = "106";
    in.time_zone = "Asia/Singapore";
    in.problem = &problem;
    in.schedule = &schedule;
    in.groups = {{"quic", "QUIC", "wg", "tsv"}, {"tls", "Transport Layer Security", "wg", "sec"}};
    in.areas = {{"sec", "Security Area"}, {"tsv", "Transport Area"}};
    in.sequence = {{"tls-1", 2}};
    in.cancelled = {"lamps-1"};
    in.updated = 1573000000;
    return in;
  }
};

class SmallAgenda : public ::testing::Test {
 protected:
  Small s;
  Agenda a = build_agenda(s.input());
};

std::vector<std::string> sessions(const Agenda& a) {
  std::vector<std::string> out;
  for (const Item& i : a.items) out.push_back(i.session);
  return out;
}

TEST_F(SmallAgenda, PlacedSessionsOnlyInStartSlotAreaGroupOrder) {
  // Morning: tls (sec) before quic (tsv); afternoon: lamps before newbof.
  EXPECT_EQ(sessions(a), (std::vector<std::string>{"tls-1", "quic-1", "lamps-1", "newbof-1"}));
  EXPECT_EQ(a.meeting_number, "106");
  EXPECT_EQ(a.updated, 1573000000);
  ASSERT_EQ(a.rooms.size(), 2u);
  EXPECT_EQ(a.rooms[0].name, "Canning");
  EXPECT_EQ(a.rooms[0].capacity, 100);
  EXPECT_FALSE(a.rooms[1].capacity);
  ASSERT_EQ(a.areas.size(), 2u);
  EXPECT_EQ(a.areas[0].acronym, "sec");
  EXPECT_EQ(a.areas[0].name, "Security Area");
}

TEST_F(SmallAgenda, ItemCarriesDirectoryAndPlacement) {
  const Item& tls = a.items[0];
  EXPECT_EQ(tls.group_name, "Transport Layer Security");
  EXPECT_EQ(tls.area, "sec");
  EXPECT_EQ(tls.area_name, "Security Area");
  EXPECT_EQ(tls.room, "Padang");
  EXPECT_EQ(tls.slot, "Morning Session I");
  EXPECT_EQ(tls.start, 1573999200);
  EXPECT_EQ(tls.duration_min, 120);
  EXPECT_EQ(tls.sequence, 2);
  EXPECT_EQ(tls.status, Status::scheduled);
  EXPECT_EQ(a.items[1].sequence, 0);
  EXPECT_EQ(a.items[2].status, Status::canceled);
}

TEST_F(SmallAgenda, GroupsMissingFromTheDirectoryFallBack) {
  const Item& lamps = a.items[2];
  EXPECT_EQ(lamps.group_name, "lamps");
  EXPECT_EQ(lamps.group_type, "wg");
  EXPECT_EQ(lamps.area, "sec");
  EXPECT_FALSE(lamps.is_bof);
  const Item& bof = a.items[3];
  EXPECT_TRUE(bof.is_bof);
  EXPECT_EQ(bof.group_state, "bof");
}

TEST(BuildAgenda, UnknownSessionOrTimeslotIsSkipped) {
  Small s;
  s.schedule.assignments.push_back({"ghost-1", "t1"});
  s.schedule.assignments.push_back({"late-1", "t9"});
  EXPECT_EQ(build_agenda(s.input()).items.size(), 4u);
}

TEST_F(SmallAgenda, FilteredShowsByArea) {
  Agenda f = filtered(a, {"sec"}, {});
  EXPECT_EQ(sessions(f), (std::vector<std::string>{"tls-1", "lamps-1", "newbof-1"}));
  ASSERT_EQ(f.areas.size(), 1u);
  EXPECT_EQ(f.areas[0].acronym, "sec");
}

TEST_F(SmallAgenda, FilteredShowsByGroupAndTrimsRooms) {
  Agenda f = filtered(a, {"quic"}, {});
  EXPECT_EQ(sessions(f), (std::vector<std::string>{"quic-1"}));
  ASSERT_EQ(f.rooms.size(), 1u);
  EXPECT_EQ(f.rooms[0].name, "Canning");
}

TEST_F(SmallAgenda, FilteredHideWins) {
  const Agenda& all = a;
  EXPECT_EQ(sessions(filtered(all, {"sec", "quic"}, {"tls"})),
            (std::vector<std::string>{"quic-1", "lamps-1", "newbof-1"}));
  EXPECT_EQ(sessions(filtered(all, {"tls"}, {"sec"})), std::vector<std::string>{});
  EXPECT_EQ(sessions(filtered(all, {}, {"sec"})), (std::vector<std::string>{"quic-1"}));
  EXPECT_EQ(filtered(all, {}, {}).items.size(), 4u);
}

TEST(ParseNames, SplitsTrimsAndLowerCases) {
  EXPECT_EQ(parse_names("quic, SEC,,tls "), (std::set<std::string>{"quic", "sec", "tls"}));
  EXPECT_TRUE(parse_names("").empty());
}

TEST(BuildAgenda, Ietf83PlacesEverySession) {
  testing::Ietf83 data = testing::ietf83();
  Agenda a = build_agenda(data.input());
  EXPECT_EQ(a.items.size(), 130u);
  EXPECT_EQ(a.rooms.size(), 8u);  // of 11: registration hall, hotel salon and plenary hall hold no session
  for (std::size_t k = 1; k < a.items.size(); ++k) EXPECT_LE(a.items[k - 1].start, a.items[k].start);
}

}  // namespace
}  // namespace convene::agenda
