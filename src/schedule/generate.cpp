#include "convene/schedule/generate.h"

#include <algorithm>
#include <string>

#include "rng.h"

namespace convene::schedule {
namespace {

constexpr const char* kAreas[] = {"art", "gen", "int", "ops", "rtg", "sec", "tsv"};
constexpr int kSlotStart[] = {9 * 60, 13 * 60, 15 * 60, 17 * 60};
constexpr int kSlotLength[] = {120, 90, 90, 60};
constexpr int kPeriodsPerDay = 4;
constexpr UnixSeconds kFirstDay = 1742169600;  // Monday 2025-03-17 00:00 UTC
constexpr ConstraintType kConflictTypes[] = {ConstraintType::conflict,       ConstraintType::conflic2,
                                             ConstraintType::conflic3,       ConstraintType::chair_conflict,
                                             ConstraintType::tech_overlap,   ConstraintType::key_participant};

// Builds the problem around the planted placement `slot_of` (per session).
struct Builder {
  const GenerateOptions& o;
  Rng rng;
  Problem p;
  int days = 0;
  std::vector<int> slot_of;                 // planted slot per session
  std::vector<std::vector<int>> sessions_of;  // per group

  int period(int t) const { return t / o.rooms; }  // slots are laid out period by period
  int day(int t) const { return period(t) / kPeriodsPerDay; }
  // The planted sessions of groups a and b never overlap.
  bool apart(int a, int b) const {
    for (int x : sessions_of[a]) {
      for (int y : sessions_of[b]) {
        if (period(slot_of[x]) == period(slot_of[y])) return false;
      }
    }
    return true;
  }

  void rooms_and_slots() {
    for (int r = 0; r < o.rooms; ++r) {
      p.rooms.push_back({"r" + std::to_string(r + 1), "Room " + std::to_string(r + 1), 50 + 25 * rng.below(8)});
    }
    for (int d = 0; d < days; ++d) {
      for (int k = 0; k < kPeriodsPerDay; ++k) {
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

  // A free slot (from the shuffled pool) in a period the group does not use yet.
  int take_slot(std::vector<int>& pool, const std::vector<int>& taken) {
    for (std::size_t i = 0; i < pool.size(); ++i) {
      const bool clash = std::any_of(taken.begin(), taken.end(), [&](int t) { return period(t) == period(pool[i]); });
      if (clash) continue;
      const int t = pool[i];
      pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(i));
      return t;
    }
    return -1;
  }

  // Exclusive sessions first, each alone in a period of its own (the
  // period's other slots leave the pool); every second one is joint with a
  // group that meets only there. False if there are too few periods.
  bool exclusive_sessions(std::vector<int>& pool) {
    if (o.exclusive == 0) return true;  // no random draw: problems without them stay as they were
    const int periods = days * kPeriodsPerDay;
    if (o.exclusive > periods) return false;
    std::vector<int> order(periods);
    for (int i = 0; i < periods; ++i) order[i] = i;
    for (int i = periods; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    for (int k = 0; k < o.exclusive; ++k) {
      const int per = order[k], t = per * o.rooms + rng.below(o.rooms);
      std::erase_if(pool, [&](int u) { return period(u) == per; });
      const std::string name = "x" + std::to_string(k + 1);
      Session s{name + "-1", name, 1, std::min(p.timeslots[t].duration_min, 60 + 30 * rng.below(3)),
                10 + rng.below(*p.rooms[t % o.rooms].capacity - 9), {}, true, {}};
      const int index = static_cast<int>(p.sessions.size());
      p.groups.push_back(Group{name, kAreas[rng.below(7)], "", false, false, false});
      sessions_of.push_back({index});
      if (k % 2 == 1) {  // its joint group: its timeranges and conflicts must spare this session too
        s.joint_with = {name + "j"};
        p.groups.push_back(Group{name + "j", kAreas[rng.below(7)], "", false, false, false});
        sessions_of.push_back({index});
      }
      slot_of.push_back(t);
      p.sessions.push_back(std::move(s));
    }
    return true;
  }

  void groups_and_sessions() {
    std::vector<int> pool(p.timeslots.size());
    for (std::size_t i = 0; i < pool.size(); ++i) pool[i] = static_cast<int>(i);
    for (std::size_t i = pool.size(); i > 1; --i) std::swap(pool[i - 1], pool[rng.below(static_cast<int>(i))]);
    if (!exclusive_sessions(pool)) return;
    for (int g = static_cast<int>(p.groups.size()); static_cast<int>(p.sessions.size()) < o.sessions; ++g) {
      Group group{"g" + std::to_string(g + 1), kAreas[rng.below(7)], "", false, false, false};
      const int left = o.sessions - static_cast<int>(p.sessions.size());
      const int count = (left >= 2 && rng.below(5) == 0) ? 2 : 1;
      std::vector<int> slots;
      for (int k = 0; k < count; ++k) {
        const int t = take_slot(pool, slots);
        if (t >= 0) slots.push_back(t);
      }
      std::sort(slots.begin(), slots.end(), [&](int a, int b) { return period(a) < period(b); });
      sessions_of.emplace_back();
      for (std::size_t k = 0; k < slots.size(); ++k) {
        const int t = slots[k];
        const int length = p.timeslots[t].duration_min;
        const int capacity = *p.rooms[t % o.rooms].capacity;
        Session s{group.acronym + "-" + std::to_string(k + 1), group.acronym, static_cast<int>(k + 1),
                  std::min(length, 60 + 30 * rng.below(3)), 10 + rng.below(capacity - 9), {}, false, {}};
        sessions_of.back().push_back(static_cast<int>(p.sessions.size()));
        slot_of.push_back(t);
        p.sessions.push_back(std::move(s));
      }
      p.groups.push_back(std::move(group));
    }
  }

  void add(ConstraintType type, int g, auto&& fill) {
    Constraint c;
    c.type = type;
    c.group = p.groups[g].acronym;
    fill(c);
    p.constraints.push_back(std::move(c));
  }

  void conflicts() {
    const int n = static_cast<int>(p.groups.size());
    for (int g = 0; g < n && n > 1; ++g) {
      for (int tries = 0, made = 0; made < o.conflicts_per_group && tries < 4 * o.conflicts_per_group; ++tries) {
        const int h = rng.below(n);
        if (h == g || !apart(g, h)) continue;
        ++made;
        add(kConflictTypes[rng.below(6)], g, [&](Constraint& c) { c.target = p.groups[h].acronym; });
      }
    }
  }

  // Key people: each must attend a few groups that never overlap.
  void key_people() {
    const int n = static_cast<int>(p.groups.size());
    for (int person = 0; person < n / 4; ++person) {
      std::vector<int> mine;
      for (int tries = 0; tries < 12 && mine.size() < 4; ++tries) {
        const int g = rng.below(n);
        if (std::all_of(mine.begin(), mine.end(), [&](int h) { return h != g && apart(g, h); })) mine.push_back(g);
      }
      if (mine.size() < 2) continue;
      for (int g : mine) add(ConstraintType::bethere, g, [&](Constraint& c) { c.person = "p" + std::to_string(person + 1); });
    }
  }

  void timeranges_and_relations() {
    for (int g = 0; g < static_cast<int>(p.groups.size()); ++g) {
      const auto& own = sessions_of[g];
      if (rng.below(8) == 0) {
        const int k = rng.below(days * 3);  // a weekday-part of the meeting
        const TimeRange range{(1 + k / 3) % 7, static_cast<DayPart>(k % 3)};  // day 0 is a Monday
        const bool used = std::any_of(own.begin(), own.end(), [&](int s) {
          const int per = period(slot_of[s]) % kPeriodsPerDay;  // 09:00, 13:00, 15:00, 17:00
          const DayPart part = per == 0 ? DayPart::morning : per < 3 ? DayPart::afternoon_early : DayPart::afternoon_late;
          return TimeRange{(1 + day(slot_of[s])) % 7, part} == range;
        });
        if (!used) add(ConstraintType::timerange, g, [&](Constraint& c) { c.ranges = {range}; });
      }
      if (own.size() == 2 && rng.below(2) == 0) {
        const int apart_days = std::abs(day(slot_of[own[0]]) - day(slot_of[own[1]]));
        if (apart_days >= 1) {
          add(ConstraintType::time_relation, g, [&](Constraint& c) {
            c.relation = apart_days == 1 ? TimeRelation::subsequent_days : TimeRelation::one_day_separation;
          });
        }
      }
    }
  }

  // A few groups ask to sit right before or after the group next door.
  void adjacency() {
    std::vector<int> in_slot(p.timeslots.size(), -1);
    for (std::size_t s = 0; s < p.sessions.size(); ++s) in_slot[slot_of[s]] = static_cast<int>(s);
    for (int g = 0; g < static_cast<int>(p.groups.size()); ++g) {
      if (sessions_of[g].size() != 1 || rng.below(15) != 0) continue;
      const int t = slot_of[sessions_of[g][0]], per = period(t) % kPeriodsPerDay;
      if (per < 2) continue;  // only 15:00 and 17:00 start 30 minutes after the slot before
      const int before = in_slot[t - o.rooms];
      if (before < 0) continue;
      const int h = static_cast<int>(std::find_if(sessions_of.begin(), sessions_of.end(), [&](const auto& v) {
                                       return std::find(v.begin(), v.end(), before) != v.end();
                                     }) - sessions_of.begin());
      if (h != g) add(ConstraintType::wg_adjacent, g, [&](Constraint& c) { c.target = p.groups[h].acronym; });
    }
  }
};

}  // namespace

Result<Planted> generate_planted(const GenerateOptions& o) {
  for (int v : {o.sessions, o.rooms, o.days + 1, o.conflicts_per_group + 1, o.exclusive + 1}) {
    if (v < 1 || v > 10000) {
      return invalid("schedule_generate_invalid",
                     "sessions, rooms must be 1..10000, days, conflicts and exclusive 0..9999");
    }
  }
  if (o.exclusive > o.sessions) return invalid("schedule_generate_invalid", "more exclusive sessions than sessions");
  Builder b{o, Rng(o.seed), {}, 0, {}, {}};
  const int per_day = kPeriodsPerDay * o.rooms;
  const int wanted = o.sessions + o.exclusive * (o.rooms - 1);  // an exclusive session empties its period
  b.days = o.days > 0 ? o.days : std::max(1, (wanted * 10 / 9 + per_day - 1) / per_day);
  if (b.days * per_day < wanted) {
    return invalid("schedule_generate_invalid", std::to_string(wanted) + " slots' worth of sessions do not fit in " +
                                                    std::to_string(b.days * per_day) + " slots");
  }
  b.p.meeting_number = "synthetic-" + std::to_string(o.seed);
  b.p.time_zone = "UTC";
  b.rooms_and_slots();
  b.groups_and_sessions();
  if (b.p.sessions.size() != static_cast<std::size_t>(o.sessions) ||
      b.slot_of.size() != b.p.sessions.size()) {
    return invalid("schedule_generate_invalid", "too few periods to seat two-session groups apart (or the exclusive sessions alone)");
  }
  b.conflicts();
  b.key_people();
  b.timeranges_and_relations();
  b.adjacency();
  Planted out{std::move(b.p), {}};
  for (std::size_t s = 0; s < out.problem.sessions.size(); ++s) {
    out.schedule.assignments.push_back({out.problem.sessions[s].id, out.problem.timeslots[b.slot_of[s]].id});
  }
  return out;
}

Result<Problem> generate(const GenerateOptions& o) {
  auto planted = generate_planted(o);
  if (!planted) return planted.error();
  return std::move(planted->problem);
}

}  // namespace convene::schedule
