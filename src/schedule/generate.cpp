#include "convene/schedule/generate.h"

#include <string>

#include "rng.h"

namespace convene::schedule {
namespace {

constexpr const char* kAreas[] = {"art", "gen", "int", "ops", "rtg", "sec", "tsv"};
constexpr int kSlotStart[] = {9 * 60, 13 * 60, 15 * 60, 17 * 60};
constexpr int kSlotLength[] = {120, 90, 90, 60};
constexpr UnixSeconds kFirstDay = 1742169600;  // Monday 2025-03-17 00:00 UTC

void add_rooms_and_slots(const GenerateOptions& o, Rng& rng, Problem& p) {
  for (int r = 0; r < o.rooms; ++r) {
    p.rooms.push_back({"r" + std::to_string(r + 1), "Room " + std::to_string(r + 1), 50 + 25 * rng.below(8)});
  }
  for (int d = 0; d < o.days; ++d) {
    for (int k = 0; k < 4; ++k) {
      for (int r = 0; r < o.rooms; ++r) {
        Timeslot t;
        t.id = "t" + std::to_string(p.timeslots.size() + 1);
        t.room = p.rooms[r].id;
        t.start = kFirstDay + d * 86400 + kSlotStart[k] * 60;
        t.duration_min = kSlotLength[k];
        p.timeslots.push_back(t);
      }
    }
  }
}

void add_groups_and_sessions(const GenerateOptions& o, Rng& rng, Problem& p) {
  for (int g = 0; static_cast<int>(p.sessions.size()) < o.sessions; ++g) {
    Group group{"g" + std::to_string(g + 1), kAreas[rng.below(7)], "", false, rng.below(20) == 0, false};
    group.ad = group.area + "-ad" + std::to_string(rng.below(2) + 1);
    const int count = rng.below(5) == 0 ? 2 : 1;
    for (int s = 1; s <= count; ++s) {
      Session session{group.acronym + "-" + std::to_string(s), group.acronym, s, 60 + 30 * rng.below(3),
                      10 + rng.below(150), {}, false, {}};
      p.sessions.push_back(session);
    }
    p.groups.push_back(std::move(group));
  }
}

void add_constraints(const GenerateOptions& o, Rng& rng, Problem& p) {
  const int n = static_cast<int>(p.groups.size());
  const ConstraintType kinds[] = {ConstraintType::conflict, ConstraintType::conflic2, ConstraintType::conflic3};
  for (int g = 0; g < n && n > 1; ++g) {
    for (int c = 0; c < o.conflicts_per_group; ++c) {
      int target = rng.below(n - 1);
      target += target >= g;
      Constraint k;
      k.type = kinds[rng.below(3)];
      k.group = p.groups[g].acronym;
      k.target = p.groups[target].acronym;
      p.constraints.push_back(std::move(k));
    }
    if (rng.below(10) == 0) {
      Constraint k;
      k.type = ConstraintType::timerange;
      k.group = p.groups[g].acronym;
      k.ranges = {TimeRange{1, DayPart::morning}};
      p.constraints.push_back(std::move(k));
    }
  }
}

}  // namespace

Result<Problem> generate(const GenerateOptions& o) {
  for (int v : {o.sessions, o.rooms, o.days, o.conflicts_per_group + 1}) {
    if (v < 1 || v > 10000) {
      return invalid("schedule_generate_invalid", "sessions, rooms, days must be 1..10000, conflicts 0..9999");
    }
  }
  Rng rng(o.seed);
  Problem p;
  p.meeting_number = "synthetic-" + std::to_string(o.seed);
  p.time_zone = "UTC";
  add_rooms_and_slots(o, rng, p);
  add_groups_and_sessions(o, rng, p);
  add_constraints(o, rng, p);
  return p;
}

}  // namespace convene::schedule
