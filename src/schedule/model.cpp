#include "model.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>

#include "terms.h"

namespace convene::schedule {
namespace {

constexpr UnixSeconds kAdjacentGap = 30 * 60;

std::unordered_map<std::string, int> index_rooms(const Problem& p) {
  std::unordered_map<std::string, int> out;
  for (std::size_t i = 0; i < p.rooms.size(); ++i) out[p.rooms[i].id] = static_cast<int>(i);
  return out;
}

void build_periods(Model& m) {
  std::map<std::pair<UnixSeconds, UnixSeconds>, int> index;
  for (int t = 0; t < m.slot_count(); ++t) {
    const auto key = std::make_pair(m.slots[t].start, m.slots[t].end);
    auto [it, added] = index.emplace(key, static_cast<int>(m.period_slots.size()));
    if (added) m.period_slots.emplace_back();
    m.period_of.push_back(it->second);
    m.period_slots[it->second].push_back(t);
  }
  const int kAny = std::numeric_limits<int>::max();
  for (auto& slots : m.period_slots) {
    std::stable_sort(slots.begin(), slots.end(), [&](int a, int b) {
      return m.slots[a].capacity.value_or(kAny) > m.slots[b].capacity.value_or(kAny);
    });
  }
}

void build_slots(Model& m) {
  const auto rooms = index_rooms(*m.problem);
  for (const auto& t : m.problem->timeslots) {
    SlotInfo info;
    info.start = t.start;
    info.end = t.start + UnixSeconds{t.duration_min} * 60;
    info.room = rooms.at(t.room);
    info.duration_min = t.duration_min;
    info.capacity = m.problem->rooms[info.room].capacity;
    const auto local = to_local(t.start, m.problem->time_zone);
    info.local_day = local.days;
    info.range = TimeRange{local.weekday, day_part_of(local.minute_of_day)};
    m.slots.push_back(info);
  }
  const int n = m.slot_count();
  m.room_slots.resize(m.problem->rooms.size());
  for (int t = 0; t < n; ++t) m.room_slots[m.slots[t].room].push_back(t);
  build_periods(m);
  m.overlapping.resize(n);
  m.adjacent.resize(n);
  for (int a = 0; a < n; ++a) {
    for (int b = 0; b < n; ++b) {
      if (a == b) continue;
      const auto &x = m.slots[a], &y = m.slots[b];
      const auto gap = std::max(x.start - y.end, y.start - x.end);  // < 0: they overlap
      if (gap < 0) m.overlapping[a].push_back(b);
      if (x.room == y.room && gap >= 0 && gap <= kAdjacentGap) m.adjacent[a].push_back(b);
    }
  }
}

void build_groups(Model& m) {
  const auto& p = *m.problem;
  std::unordered_map<std::string, int> index;
  for (std::size_t i = 0; i < p.groups.size(); ++i) index[p.groups[i].acronym] = static_cast<int>(i);
  m.sessions_of.resize(p.groups.size());
  std::vector<char> meets(p.groups.size(), 0);
  for (const auto& s : p.sessions) {
    std::vector<int> gs{index.at(s.group)};
    for (const auto& j : s.joint_with) gs.push_back(index.at(j));
    std::sort(gs.begin(), gs.end());
    gs.erase(std::unique(gs.begin(), gs.end()), gs.end());
    for (int g : gs) meets[g] = 1;
    m.own_group.push_back(index.at(s.group));
    m.sessions_of[index.at(s.group)].push_back(static_cast<int>(m.groups_of.size()));
    m.groups_of.push_back(std::move(gs));
  }
  m.rules_of.resize(p.groups.size());
  for (const auto& c : p.constraints) {
    auto g = index.find(c.group);
    if (g == index.end()) continue;  // the group does not meet: never violated
    auto t = index.find(c.target);
    const int target = (t != index.end() && meets[t->second]) ? t->second : -1;
    m.rules_of[g->second].push_back(Rule{&c, target});
  }
}

// Groups whose group terms change when session s moves: its own group, and
// groups that want to be adjacent to a group of s.
void build_affected(Model& m) {
  m.affected.resize(m.session_count());
  for (int s = 0; s < m.session_count(); ++s) {
    auto& out = m.affected[s];
    out.push_back(m.own_group[s]);
    for (std::size_t g = 0; g < m.rules_of.size(); ++g) {
      for (const auto& rule : m.rules_of[g]) {
        if (rule.constraint->type == ConstraintType::wg_adjacent && rule.target >= 0 &&
            std::binary_search(m.groups_of[s].begin(), m.groups_of[s].end(), rule.target)) {
          out.push_back(static_cast<int>(g));
        }
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

// A group term can count for g: two own sessions (order, time relation) or
// a wg_adjacent rule with a meeting target.
bool can_cost(const Model& m, int g) {
  if (m.sessions_of[g].empty()) return false;
  if (m.sessions_of[g].size() >= 2) return true;
  return std::any_of(m.rules_of[g].begin(), m.rules_of[g].end(), [](const Rule& r) {
    return r.constraint->type == ConstraintType::wg_adjacent && r.target >= 0;
  });
}

void build_term_groups(Model& m) {
  m.has_group_terms.resize(m.sessions_of.size());
  for (std::size_t g = 0; g < m.sessions_of.size(); ++g) m.has_group_terms[g] = can_cost(m, static_cast<int>(g));
  m.term_groups.resize(m.session_count());
  for (int s = 0; s < m.session_count(); ++s) {
    for (int g : m.affected[s]) {
      if (m.has_group_terms[g]) m.term_groups[s].push_back(g);
    }
  }
}

// Marks (both ways) every pair of sessions in `sessions`.
void mark_all(std::vector<char>& marks, int n, const std::vector<int>& sessions) {
  for (int a : sessions) {
    for (int b : sessions) marks[a * n + b] = 1;
  }
}

// Pairs whose pair terms can count (or that may never overlap): sharing a
// group, linked by a group conflict or a bethere person, with the same area
// director, or one a BoF, proposed RG, area meeting or exclusive session.
// Every other pair costs 0 whatever the rules say, so the rule functions
// (slow: they explain) run only for these; n x n bytes.
std::vector<char> pairs_that_can_cost(const Model& m) {
  const int n = m.session_count();
  std::vector<char> marks(static_cast<std::size_t>(n) * n, 0);
  std::vector<std::vector<int>> members(m.sessions_of.size());  // per group: sessions with it in P(s)
  std::map<std::string, std::vector<int>> people, ads;
  for (int s = 0; s < n; ++s) {
    for (int g : m.groups_of[s]) members[g].push_back(s);
    const auto& own = m.problem->groups[m.own_group[s]];
    if (!own.ad.empty()) ads[own.ad].push_back(s);
    if (own.bof || own.proposed_rg || own.area_meeting || m.problem->sessions[s].exclusive) {
      for (int o = 0; o < n; ++o) marks[s * n + o] = marks[o * n + s] = 1;
    }
  }
  for (std::size_t g = 0; g < members.size(); ++g) {
    mark_all(marks, n, members[g]);
    for (const auto& rule : m.rules_of[g]) {
      if (rule.constraint->type == ConstraintType::bethere) {
        auto& list = people[rule.constraint->person];
        list.insert(list.end(), members[g].begin(), members[g].end());
      }
      if (!is_group_conflict(rule.constraint->type) || rule.target < 0) continue;
      for (int a : members[g]) {
        for (int b : members[rule.target]) marks[a * n + b] = marks[b * n + a] = 1;
      }
    }
  }
  for (const auto& [person, sessions] : people) mark_all(marks, n, sessions);
  for (const auto& [ad, sessions] : ads) mark_all(marks, n, sessions);
  return marks;
}

void build_tables(Model& m) {
  const int n = m.session_count(), k = m.slot_count();
  m.unary.assign(static_cast<std::size_t>(n) * k, 0);
  for (int s = 0; s < n; ++s) {
    for (int t = 0; t < k; ++t) {
      m.unary[s * k + t] = trim_count(m, s, t, nullptr) * m.penalty(Term::session_requires_trim) +
                           timerange_count(m, s, t, nullptr) * m.penalty(Term::timerange);
    }
  }
  m.weight.assign(static_cast<std::size_t>(n) * n, 0);
  const auto linked = pairs_that_can_cost(m);
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) {
      if (!linked[a * n + b]) continue;
      std::int64_t cost = 0;
      for (const auto& rule : pair_rules()) cost += rule.count(m, a, b, nullptr) * m.penalty(rule.term);
      std::vector<int> shared;
      std::set_intersection(m.groups_of[a].begin(), m.groups_of[a].end(), m.groups_of[b].begin(),
                            m.groups_of[b].end(), std::back_inserter(shared));
      m.weight[a * n + b] = m.weight[b * n + a] = shared.empty() ? cost : Model::kClash;
    }
  }
}

}  // namespace

Model::Model(const Problem& p) : problem(&p) {
  build_slots(*this);
  build_groups(*this);
  build_affected(*this);
  build_tables(*this);
  build_term_groups(*this);
  fixed_slot.assign(session_count(), -1);
  for (const auto& f : p.fixed) fixed_slot[session_index(f.session)] = slot_index(f.timeslot);
}

std::int64_t Model::penalty_gcd() const {
  std::int64_t g = 0;
  for (int t = 0; t < kTermCount; ++t) g = std::gcd(g, penalty(static_cast<Term>(t)));
  return std::max<std::int64_t>(g, 1);
}

int Model::session_index(const std::string& id) const {
  for (int i = 0; i < session_count(); ++i) {
    if (problem->sessions[i].id == id) return i;
  }
  return -1;
}

int Model::slot_index(const std::string& id) const {
  for (int i = 0; i < slot_count(); ++i) {
    if (problem->timeslots[i].id == id) return i;
  }
  return -1;
}

}  // namespace convene::schedule
