// IETF 83 as an agenda Input, from ../shared/data/schedule: the tests' and
// the calendar fixture's common ground. Directory groups are made up from
// the problem (names are the acronyms): area meetings type "ag", IRTF
// groups "rg", the rest "wg"; BoFs in state "bof".
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "convene/agenda/agenda.h"

namespace convene::agenda::testing {

inline std::string data_file(const std::string& relative) {
  std::ifstream in(std::string(CONVENE_SHARED_DIR) + "/data/" + relative);
  if (!in) throw std::runtime_error("missing ../shared/data/" + relative);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

struct Ietf83 {
  schedule::Problem problem;
  schedule::Schedule schedule;
  Input input() const {
    Input in;
    in.meeting_number = "83";
    in.time_zone = problem.time_zone;
    in.city = "Paris";
    in.problem = &problem;
    in.schedule = &schedule;
    for (const schedule::Group& g : problem.groups) {
      std::string type = g.area_meeting ? "ag" : g.area == "irtf" ? "rg" : "wg";
      in.groups.push_back({g.acronym, g.acronym, type, g.area, g.bof ? "bof" : "active"});
    }
    in.areas = standard_areas();
    in.updated = 1332953520;  // 2012-03-28T16:52:00Z, the real text agenda's "Updated 09:52 PDT"
    return in;
  }
};

inline Ietf83 ietf83() {
  auto problem = schedule::parse_problem(data_file("schedule/ietf83.problem.json"));
  auto schedule = schedule::parse_schedule(data_file("schedule/ietf83.official.json"));
  if (!problem || !schedule) throw std::runtime_error("cannot read IETF 83");
  return {std::move(*problem), std::move(*schedule)};
}

}  // namespace convene::agenda::testing
