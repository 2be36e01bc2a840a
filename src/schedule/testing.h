// Test helpers: a small hand-made problem to vary per test, and the shared
// real data. For *_test.cpp only.
#pragma once

#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/schedule/generate.h"
#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"
#include "evaluate.h"
#include "model.h"

namespace convene::schedule::testing {

// Paris, Monday 18 and Tuesday 19 March 2024 (UTC+1). Rooms r1 (100 seats),
// r2 (50 seats). Slots: m1 (r1) and m2 (r2) Monday 09:00-11:00; m3 (r1)
// Monday 11:30-12:30; a1 (r1) and a2 (r2) Monday 14:00-15:00; t1 (r1)
// Tuesday 09:00-11:00. Groups a, b, c (area art), d (area sec); one 60-minute
// session each: a-1, b-1, c-1, d-1 with 10 attendees. No constraints.
inline nlohmann::json small_problem() {
  using nlohmann::json;
  auto slot = [](const char* id, const char* room, const char* start, int minutes) {
    return json{{"id", id}, {"room", room}, {"start", start}, {"duration_min", minutes}};
  };
  auto session = [](const char* group) {
    return json{{"id", std::string(group) + "-1"}, {"group", group}, {"duration_min", 60}, {"attendees", 10}};
  };
  return json{
      {"format", "convene-schedule-problem/1"},
      {"meeting", {{"number", "999"}, {"time_zone", "Europe/Paris"}}},
      {"rooms", {{{"id", "r1"}, {"capacity", 100}}, {{"id", "r2"}, {"capacity", 50}}}},
      {"timeslots",
       {slot("m1", "r1", "2024-03-18T09:00:00+01:00", 120), slot("m2", "r2", "2024-03-18T09:00:00+01:00", 120),
        slot("m3", "r1", "2024-03-18T11:30:00+01:00", 60), slot("a1", "r1", "2024-03-18T14:00:00+01:00", 60),
        slot("a2", "r2", "2024-03-18T14:00:00+01:00", 60), slot("t1", "r1", "2024-03-19T09:00:00+01:00", 120)}},
      {"groups",
       {{{"acronym", "a"}, {"area", "art"}}, {{"acronym", "b"}, {"area", "art"}},
        {{"acronym", "c"}, {"area", "art"}}, {{"acronym", "d"}, {"area", "sec"}}}},
      {"sessions", {session("a"), session("b"), session("c"), session("d")}},
      {"constraints", json::array()},
  };
}

// The small problem with e-1 and f-1 added (60 minutes, no attendees) and
// a-1 exclusive, two hours long, unable to meet on Tuesday: a-1 takes m1
// or m2 and the other slot of that period is wasted or overlaps it
// (100,000). With `conflicts`, every two of b-1 .. f-1 conflict (conflic2,
// 10,000) too, so the afternoon slots cost 10,000 more: optimum 110,000.
inline nlohmann::json exclusive_problem(bool conflicts) {
  auto doc = small_problem();
  for (const char* g : {"e", "f"}) {
    doc["groups"].push_back({{"acronym", g}});
    doc["sessions"].push_back({{"id", std::string(g) + "-1"}, {"group", g}, {"duration_min", 60}});
  }
  doc["sessions"][0]["exclusive"] = true;
  doc["sessions"][0]["duration_min"] = 120;
  doc["constraints"] = {{{"type", "timerange"}, {"group", "a"}, {"ranges", {"tuesday-morning"}}}};
  const char* others[] = {"b", "c", "d", "e", "f"};
  for (int i = 0; conflicts && i < 5; ++i) {
    for (int j = i + 1; j < 5; ++j) {
      doc["constraints"].push_back({{"type", "conflic2"}, {"group", others[i]}, {"target", others[j]}});
    }
  }
  return doc;
}

// The problem a document describes; a test failure (and an empty problem)
// if it is invalid.
inline Problem problem_of(const nlohmann::json& doc) {
  auto p = problem_from_json(doc);
  EXPECT_TRUE(p.ok()) << p.error().message;
  return p.ok() ? *p : Problem{};
}

// A schedule from "session=slot" pairs.
inline Schedule assign(std::initializer_list<std::pair<const char*, const char*>> pairs) {
  Schedule s;
  for (const auto& [session, slot] : pairs) s.assignments.push_back({session, slot});
  return s;
}

inline std::string shared_path(const std::string& relative) {
  return std::string(CONVENE_SHARED_DIR) + "/" + relative;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// A planted problem made rough: random constraints of every kind on top.
inline Problem rough_problem(std::uint64_t seed) {
  GenerateOptions g;
  g.sessions = 5;
  g.rooms = 2;
  g.days = 1;
  g.seed = seed;
  auto doc = to_json(generate_planted(g)->problem);
  std::mt19937 rng(static_cast<unsigned>(seed));
  auto& groups = doc["groups"];
  const auto n = groups.size();
  const char* types[] = {"conflict", "conflic2", "conflic3", "chair_conflict", "tech_overlap", "key_participant"};
  for (std::size_t i = 0; i < n; ++i) {
    const std::string me = groups[i]["acronym"], other = groups[rng() % n]["acronym"];
    groups[i]["bof"] = rng() % 3 == 0;
    groups[i]["area_meeting"] = rng() % 4 == 0;
    groups[i]["ad"] = "ad" + std::to_string(rng() % 2);
    if (other != me) doc["constraints"].push_back({{"type", types[rng() % 6]}, {"group", me}, {"target", other}});
    if (rng() % 2) doc["constraints"].push_back({{"type", "bethere"}, {"group", me}, {"person", "p1"}});
    if (rng() % 3 == 0) doc["constraints"].push_back({{"type", "timerange"}, {"group", me}, {"ranges", {"monday-morning"}}});
    if (rng() % 3 == 0 && other != me) doc["constraints"].push_back({{"type", "wg_adjacent"}, {"group", me}, {"target", other}});
  }
  doc["sessions"][0]["duration_min"] = 120;  // fits only the morning slots
  doc["sessions"][1]["attendees"] = 240;     // fits no room
  return *problem_from_json(doc);
}

// Calls visit(placement, cost) for every feasible placement (unscheduled
// included).
template <typename Visit>
void for_each_placement(const Model& m, Visit&& visit) {
  Placement p(m);
  auto fits = [&](int s, int t) {
    if (p.session_in[t] >= 0) return false;
    for (int u : m.overlapping[t]) {
      if (p.session_in[u] >= 0 && m.clash(s, p.session_in[u])) return false;
    }
    return true;
  };
  auto go = [&](auto&& self, int s) -> void {
    if (s == m.session_count()) {
      visit(static_cast<const Placement&>(p), tabled_cost(m, p));
      return;
    }
    self(self, s + 1);  // unscheduled
    for (int t = 0; t < m.slot_count(); ++t) {
      if (!fits(s, t)) continue;
      p.slot_of[s] = t;
      p.session_in[t] = s;
      self(self, s + 1);
      p.slot_of[s] = -1;
      p.session_in[t] = -1;
    }
  };
  go(go, 0);
}

// The least cost over every feasible placement (unscheduled included).
inline std::int64_t brute_force(const Model& m) {
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  for_each_placement(m, [&](const Placement&, std::int64_t cost) { best = std::min(best, cost); });
  return best;
}

}  // namespace convene::schedule::testing
