// Test helpers: a small hand-made problem to vary per test, and the shared
// real data. For *_test.cpp only.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"

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

}  // namespace convene::schedule::testing
