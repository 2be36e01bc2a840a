#include "terms.h"

#include <algorithm>

namespace convene::schedule {
namespace {

const Group& group_of(const Model& m, int s) { return m.problem->groups[m.own_group[s]]; }
const Session& session(const Model& m, int s) { return m.problem->sessions[s]; }
const std::string& acronym(const Model& m, int g) { return m.problem->groups[g].acronym; }

bool in(const std::vector<int>& sorted, int x) { return std::binary_search(sorted.begin(), sorted.end(), x); }

void explain(std::string* why, const std::string& text) {
  if (why) *why = text;
}

// Constraints of type `type` declared by a group of P(a) whose target is in P(b).
int conflicts_one_way(const Model& m, ConstraintType type, int a, int b, std::string* why) {
  int n = 0;
  for (int g : m.groups_of[a]) {
    for (const auto& rule : m.rules_of[g]) {
      if (rule.constraint->type != type || rule.target < 0 || !in(m.groups_of[b], rule.target)) continue;
      ++n;
      if (why) *why += (why->empty() ? "" : ", ") + acronym(m, g) + " avoids " + acronym(m, rule.target);
    }
  }
  return n;
}

template <ConstraintType T>
int group_conflict_count(const Model& m, int a, int b, std::string* why) {
  if (why) why->clear();
  return conflicts_one_way(m, T, a, b, why) + conflicts_one_way(m, T, b, a, why);
}

// People who must attend s: the bethere persons of every group in P(s).
std::vector<std::string> people(const Model& m, int s) {
  std::vector<std::string> out;
  for (int g : m.groups_of[s]) {
    for (const auto& rule : m.rules_of[g]) {
      if (rule.constraint->type == ConstraintType::bethere) out.push_back(rule.constraint->person);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int bethere_count(const Model& m, int a, int b, std::string* why) {
  const auto pa = people(m, a), pb = people(m, b);
  std::vector<std::string> both;
  std::set_intersection(pa.begin(), pa.end(), pb.begin(), pb.end(), std::back_inserter(both));
  if (why && !both.empty()) {
    *why = "must attend both:";
    for (const auto& person : both) *why += " " + person;
  }
  return static_cast<int>(both.size());
}

bool same_area(const Model& m, int a, int b) {
  return !group_of(m, a).area.empty() && group_of(m, a).area == group_of(m, b).area;
}

int bof_overlapping_bof(const Model& m, int a, int b, std::string* why) {
  explain(why, "two BoFs at the same time");
  return group_of(m, a).bof && group_of(m, b).bof;
}

int bof_overlapping_prg(const Model& m, int a, int b, std::string* why) {
  explain(why, "a BoF against a proposed research group");
  const auto &x = group_of(m, a), &y = group_of(m, b);
  return (x.bof && y.proposed_rg) || (y.bof && x.proposed_rg);
}

int bof_overlapping_area_wg(const Model& m, int a, int b, std::string* why) {
  explain(why, "a BoF against a group of its area " + group_of(m, a).area);
  return (group_of(m, a).bof || group_of(m, b).bof) && same_area(m, a, b);
}

int bof_overlapping_area_meeting(const Model& m, int a, int b, std::string* why) {
  explain(why, "a BoF against an area meeting");
  const auto &x = group_of(m, a), &y = group_of(m, b);
  return (x.bof && y.area_meeting) || (y.bof && x.area_meeting);
}

int area_overlapping_other_area(const Model& m, int a, int b, std::string* why) {
  explain(why, "two area meetings at the same time");
  return group_of(m, a).area_meeting && group_of(m, b).area_meeting;
}

int area_overlapping_in_area(const Model& m, int a, int b, std::string* why) {
  explain(why, "an area meeting against a group of its area " + group_of(m, a).area);
  return (group_of(m, a).area_meeting != group_of(m, b).area_meeting) && same_area(m, a, b);
}

int session_overlap_ad(const Model& m, int a, int b, std::string* why) {
  explain(why, "both groups have area director " + group_of(m, a).ad);
  return !group_of(m, a).ad.empty() && group_of(m, a).ad == group_of(m, b).ad;
}

int exclusive_overlap(const Model& m, int a, int b, std::string* why) {
  explain(why, "runs against an exclusive session");
  return excludes(m, a, b) + excludes(m, b, a);
}

constexpr PairRule kPairRules[] = {
    {Term::conflict, group_conflict_count<ConstraintType::conflict>},
    {Term::conflic2, group_conflict_count<ConstraintType::conflic2>},
    {Term::conflic3, group_conflict_count<ConstraintType::conflic3>},
    {Term::chair_conflict, group_conflict_count<ConstraintType::chair_conflict>},
    {Term::tech_overlap, group_conflict_count<ConstraintType::tech_overlap>},
    {Term::key_participant, group_conflict_count<ConstraintType::key_participant>},
    {Term::bethere, bethere_count},
    {Term::bof_overlapping_bof, bof_overlapping_bof},
    {Term::bof_overlapping_prg, bof_overlapping_prg},
    {Term::bof_overlapping_area_wg, bof_overlapping_area_wg},
    {Term::bof_overlapping_area_meeting, bof_overlapping_area_meeting},
    {Term::area_overlapping_other_area, area_overlapping_other_area},
    {Term::area_overlapping_in_area, area_overlapping_in_area},
    {Term::session_overlap_ad, session_overlap_ad},
    {Term::exclusive_overlap, exclusive_overlap},
};

}  // namespace

std::span<const PairRule> pair_rules() { return kPairRules; }

bool excludes(const Model& m, int s, int o) {
  const auto& allow = session(m, s).exclusive_allow;
  return session(m, s).exclusive &&
         std::find(allow.begin(), allow.end(), session(m, o).group) == allow.end();
}

int trim_count(const Model& m, int s, int t, std::string* why) {
  const auto& slot = m.slots[t];
  const auto& sess = session(m, s);
  const bool crowded = slot.capacity && sess.attendees > *slot.capacity;
  const bool short_slot = slot.duration_min < sess.duration_min;
  if (why) {
    why->clear();
    if (crowded) *why = std::to_string(sess.attendees) + " attendees, room holds " + std::to_string(*slot.capacity);
    if (short_slot) {
      *why += (crowded ? "; " : "") + std::to_string(sess.duration_min) + " min requested, slot has " +
              std::to_string(slot.duration_min);
    }
  }
  return crowded + short_slot;
}

int timerange_count(const Model& m, int s, int t, std::string* why) {
  const TimeRange range = m.slots[t].range;
  for (int g : m.groups_of[s]) {
    for (const auto& rule : m.rules_of[g]) {
      const auto& ranges = rule.constraint->ranges;
      if (rule.constraint->type != ConstraintType::timerange ||
          std::find(ranges.begin(), ranges.end(), range) == ranges.end()) {
        continue;
      }
      explain(why, acronym(m, g) + " cannot meet " + to_string(range));
      return 1;
    }
  }
  return 0;
}

int out_of_order_count(const Model& m, const Placement& p, int g, std::string* why) {
  for (int x : m.sessions_of[g]) {
    for (int y : m.sessions_of[g]) {
      if (p.slot_of[x] < 0 || p.slot_of[y] < 0) continue;
      if (session(m, x).order < session(m, y).order &&
          m.slots[p.slot_of[x]].start > m.slots[p.slot_of[y]].start) {
        explain(why, session(m, x).id + " (order " + std::to_string(session(m, x).order) + ") comes after " +
                         session(m, y).id + " (order " + std::to_string(session(m, y).order) + ")");
        return 1;
      }
    }
  }
  return 0;
}

int time_relation_count(const Model& m, const Placement& p, int g, std::string* why) {
  int placed[2] = {-1, -1}, count = 0;  // no allocation: the search calls this per move
  for (int s : m.sessions_of[g]) {
    if (p.slot_of[s] < 0) continue;
    if (++count > 2) return 0;
    placed[count - 1] = s;
  }
  if (count != 2) return 0;
  const auto days = std::abs(m.slots[p.slot_of[placed[0]]].local_day - m.slots[p.slot_of[placed[1]]].local_day);
  int n = 0;
  for (const auto& rule : m.rules_of[g]) {
    if (rule.constraint->type != ConstraintType::time_relation) continue;
    const bool subsequent = rule.constraint->relation == TimeRelation::subsequent_days;
    if ((subsequent && days != 1) || (!subsequent && days < 2)) {
      ++n;
      explain(why, std::string("sessions ") + std::to_string(days) + " day(s) apart, wanted " +
                       (subsequent ? "subsequent days" : "a day between"));
    }
  }
  return n;
}

int wg_adjacent_count(const Model& m, const Placement& p, int s, std::string* why) {
  const int t = p.slot_of[s];
  if (t < 0) return 0;
  int n = 0;
  for (const auto& rule : m.rules_of[m.own_group[s]]) {
    if (rule.constraint->type != ConstraintType::wg_adjacent || rule.target < 0) continue;
    const bool met = std::any_of(m.adjacent[t].begin(), m.adjacent[t].end(), [&](int u) {
      const int o = p.session_in[u];
      return o >= 0 && in(m.groups_of[o], rule.target);
    });
    if (!met) {
      ++n;
      explain(why, "no session of " + acronym(m, rule.target) + " right before or after, same room");
    }
  }
  return n;
}

std::int64_t group_cost(const Model& m, const Placement& p, int g) {
  std::int64_t cost = out_of_order_count(m, p, g, nullptr) * m.penalty(Term::sessions_out_of_order) +
                      time_relation_count(m, p, g, nullptr) * m.penalty(Term::time_relation);
  for (int s : m.sessions_of[g]) cost += wg_adjacent_count(m, p, s, nullptr) * m.penalty(Term::wg_adjacent);
  return cost;
}

bool pays_group_term(const Model& m, const Placement& p, int s) {
  for (int g : m.term_groups[s]) {
    if (group_cost(m, p, g) > 0) return true;
  }
  return false;
}

}  // namespace convene::schedule
