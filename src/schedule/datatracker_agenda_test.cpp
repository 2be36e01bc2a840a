// Datatracker agenda.json: the real agendas of IETF 108-115, then malformed input.
#include <gtest/gtest.h>

#include <functional>

#include <nlohmann/json.hpp>

#include "convene/schedule/cost.h"
#include "convene/schedule/datatracker_agenda.h"
#include "testing.h"

namespace convene::schedule {
namespace {

using nlohmann::json;

struct Expected {
  const char* number;
  std::size_t sessions, rooms, groups, skipped, all_groups, areas;
};

// Counted from the files by this Python (python3 count.py agenda_1*.json),
// which applies the rules of datatracker_agenda.h on its own:
//   (n, items), = json.load(open(path)).items()
//   S = [i for i in items if i['objtype'] == 'session']
//   t = lambda s: datetime.fromisoformat(s['start'].replace('Z', '+00:00')).timestamp()
//   d = lambda s: sum(int(x) * m for x, m in zip(s['duration'].split(':'), (3600, 60, 1)))
//   met = sorted([s for s in S if s['status'] not in ('canceled', 'resched')],
//                key=lambda s: (d(s), t(s), str(s['session_id'])))
//   kept = []
//   for s in met:
//     if not any(k['group']['acronym'] == s['group']['acronym'] and
//                t(k) < t(s) + d(s) and t(s) < t(k) + d(k) for k in kept): kept.append(s)
//   rooms = ({i['name'] for i in items if i['objtype'] == 'location'} |
//            {s['location'] or '(no location)' for s in kept})
//   print(n, len(kept), len(rooms), len({s['group']['acronym'] for s in kept}),
//         len(S) - len(kept), len({s['group']['acronym'] for s in S}),
//         sum(i['objtype'] == 'parent' for i in items))
constexpr Expected kAgendas[] = {
    {"108", 118, 14, 98, 10, 99, 9},   {"109", 117, 16, 97, 10, 102, 10},
    {"110", 138, 15, 118, 4, 120, 10}, {"111", 145, 12, 116, 11, 120, 9},
    {"112", 133, 11, 114, 2, 116, 9},  {"113", 136, 19, 109, 15, 112, 10},
    {"115", 152, 20, 123, 7, 126, 10},
};

DatatrackerAgenda read_real(const std::string& number) {
  const auto text = testing::read_file(testing::shared_path("data/agendas/agenda_" + number + ".json"));
  EXPECT_FALSE(text.empty()) << "agenda_" << number << ".json";
  const auto zone = ietf_meeting_time_zone(number);
  EXPECT_TRUE(zone.has_value());
  auto r = read_datatracker_agenda(text, zone.value_or("UTC"));
  EXPECT_TRUE(r.ok()) << number << ": " << r.error().message;
  return r.ok() ? *r : DatatrackerAgenda{};
}

TEST(DatatrackerAgenda, RealAgendasHaveTheCountedSessionsRoomsAndGroups) {
  for (const auto& e : kAgendas) {
    SCOPED_TRACE(e.number);
    const auto a = read_real(e.number);
    EXPECT_EQ(a.meeting_number, e.number);
    EXPECT_EQ(a.problem.sessions.size(), e.sessions);
    EXPECT_EQ(a.problem.timeslots.size(), e.sessions);
    EXPECT_EQ(a.problem.rooms.size(), e.rooms);
    EXPECT_EQ(a.problem.groups.size(), e.groups);
    EXPECT_EQ(a.skipped.size(), e.skipped);
    EXPECT_EQ(a.groups.size(), e.all_groups);
    EXPECT_EQ(a.areas.size(), e.areas);
    EXPECT_LT(a.first_start, a.last_end);
  }
}

TEST(DatatrackerAgenda, OfficialSchedulePlacesEverySessionFeasibly) {
  for (const auto& e : kAgendas) {
    SCOPED_TRACE(e.number);
    const auto a = read_real(e.number);
    const auto doc = to_json(a.problem);
    auto back = problem_from_json(doc);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(to_json(*back), doc);
    auto report = evaluate(*back, a.official);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->scheduled, static_cast<int>(e.sessions));
    for (const auto& t : report->terms) {
      EXPECT_NE(t.term, Term::unscheduled);
      EXPECT_NE(t.term, Term::sessions_out_of_order);  // orders follow the start times
      EXPECT_NE(t.term, Term::session_requires_trim);  // each slot fits its session
    }
  }
}

TEST(DatatrackerAgenda, SkipsCanceledAndOverlappingSessionsOfOneGroup) {
  const auto a = read_real("108");
  auto reason = [&](const std::string& id) {
    for (const auto& s : a.skipped) {
      if (s.id == id) return s.reason;
    }
    return std::string("kept");
  };
  EXPECT_EQ(reason("28230"), "status canceled");  // asap
  // The IETF plenary (1:40) is kept; the NOC help desk (7:00) around it is not.
  EXPECT_EQ(reason("28240"), "kept");
  EXPECT_EQ(reason("28266").rfind("overlaps session ", 0), 0u) << reason("28266");
}

TEST(DatatrackerAgenda, KnowsTheZonesOfTheMeetingsItHas) {
  EXPECT_EQ(ietf_meeting_time_zone("113"), "Europe/Vienna");
  EXPECT_EQ(ietf_meeting_time_zone("115"), "Europe/London");
  EXPECT_FALSE(ietf_meeting_time_zone("114").has_value());
}

// A one-session agenda, changed by `edit`.
std::string agenda_with(const std::function<void(json&)>& edit) {
  json session = {{"objtype", "session"}, {"session_id", 108345}, {"id", 1},
                  {"group", {{"acronym", "quic"}, {"name", "QUIC"}, {"type", "wg"}, {"parent", "wit"}}},
                  {"duration", "2:00:00"}, {"start", "2022-11-07T09:30:00Z"},
                  {"location", "Richmond 1"}, {"status", "sched"}, {"is_bof", false}};
  json doc = {{"115", json::array({session, {{"objtype", "parent"}, {"name", "wit"}, {"description", "WIT"}}})}};
  edit(doc["115"][0]);
  return doc.dump();
}

std::string error_of(std::string_view text, std::string_view zone = "Europe/London") {
  auto r = read_datatracker_agenda(text, zone);
  if (r.ok()) return "ok";
  EXPECT_EQ(r.error().code, "datatracker_agenda_invalid");
  return r.error().message;
}

TEST(DatatrackerAgenda, ReadsAMinimalAgenda) {
  auto r = read_datatracker_agenda(agenda_with([](json&) {}), "Europe/London");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->problem.sessions.size(), 1u);
  EXPECT_EQ(r->problem.sessions[0].id, "108345");
  EXPECT_EQ(r->problem.sessions[0].duration_min, 120);
  EXPECT_EQ(r->problem.groups[0].area, "wit");
  EXPECT_EQ(r->problem.timeslots[0].name, "monday-morning");
  EXPECT_EQ(r->problem.timeslots[0].room, "Richmond 1");
  EXPECT_EQ(r->last_end - r->first_start, 7200);
}

// Two groups in one room at one time (a joint or split room) each get a
// timeslot; a session without a location is in "(no location)".
TEST(DatatrackerAgenda, SharedRoomAndTimeGiveTwoTimeslots) {
  json doc = json::parse(agenda_with([](json&) {}));
  json other = doc["115"][0];
  other["session_id"] = 108346;
  other["group"]["acronym"] = "moq";
  doc["115"].push_back(other);
  other["session_id"] = 108347;
  other["group"]["acronym"] = "masque";
  other["location"] = nullptr;
  doc["115"].push_back(other);
  auto r = read_datatracker_agenda(doc.dump(), "Europe/London");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->problem.timeslots.size(), 3u);
  EXPECT_EQ(r->problem.timeslots[1].room, "Richmond 1");
  EXPECT_EQ(r->problem.timeslots[2].room, "(no location)");
  auto problem = problem_from_json(to_json(r->problem));
  ASSERT_TRUE(problem.ok()) << problem.error().message;
  EXPECT_TRUE(evaluate(*problem, r->official).ok());

  doc["115"][2]["session_id"] = 108345;
  EXPECT_EQ(error_of(doc.dump()), "session 108345: appears twice");
}

TEST(DatatrackerAgenda, MalformedInputIsAnErrorNamingTheItem) {
  EXPECT_EQ(error_of("{\"115\": ["), "the agenda is not valid JSON");
  EXPECT_NE(error_of("[1, 2]").find("one meeting number"), std::string::npos);
  EXPECT_NE(error_of("{\"115\": {}}").find("one meeting number"), std::string::npos);
  EXPECT_EQ(error_of(agenda_with([](json& s) { s["duration"] = "x"; })),
            "session 108345: duration \"x\" is not H:MM:SS of whole minutes > 0");
  EXPECT_EQ(error_of(agenda_with([](json& s) { s["duration"] = "0:00:00"; })),
            "session 108345: duration \"0:00:00\" is not H:MM:SS of whole minutes > 0");
  EXPECT_EQ(error_of(agenda_with([](json& s) { s["duration"] = "1:75:00"; })),
            "session 108345: duration \"1:75:00\" is not H:MM:SS of whole minutes > 0");
  EXPECT_EQ(error_of(agenda_with([](json& s) { s["start"] = "2022-11-07 09:30"; })),
            "session 108345: start \"2022-11-07 09:30\" is not RFC 3339");
  EXPECT_EQ(error_of(agenda_with([](json& s) { s.erase("start"); })), "session 108345: no \"start\"");
  EXPECT_EQ(error_of(agenda_with([](json& s) { s.erase("group"); })), "session 108345: no \"group\"");
  EXPECT_EQ(error_of(agenda_with([](json& s) { s.erase("session_id"); })),
            "item 0: no whole-number \"session_id\"");
  EXPECT_EQ(error_of(agenda_with([](json&) {}), "Mars/Olympus"), "unknown time zone \"Mars/Olympus\"");
}

}  // namespace
}  // namespace convene::schedule
