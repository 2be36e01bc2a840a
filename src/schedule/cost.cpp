// Cost model 1: feasibility check and the explained cost of a schedule.
#include "convene/schedule/cost.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "evaluate.h"
#include "terms.h"

namespace convene::schedule {
namespace {

const std::string& sid(const Model& m, int s) { return m.problem->sessions[s].id; }

// The first pair of sessions sharing a group placed in overlapping slots.
Status check_group_overlap(const Model& m, const Placement& p) {
  for (int a = 0; a < m.session_count(); ++a) {
    if (p.slot_of[a] < 0) continue;
    for (int u : m.overlapping[p.slot_of[a]]) {
      const int b = p.session_in[u];
      if (b > a && m.clash(a, b)) {
        return rejected("schedule_group_overlap", "sessions " + sid(m, a) + " and " + sid(m, b) +
                                                      " share a group and overlap in time");
      }
    }
  }
  return ok_status();
}

class Explainer {
 public:
  Explainer(const Model& m, CostReport& r) : m_(m), r_(r) {}

  // Records the violation `count_of` finds, if any, with its justification.
  template <class CountOf>
  void add(Term term, const std::vector<int>& sessions, CountOf count_of) {
    std::string detail;
    const int count = count_of(&detail);
    add(term, count, sessions, std::move(detail));
  }

  void add(Term term, int count, const std::vector<int>& sessions, std::string detail) {
    if (count == 0) return;
    Violation v{term, count, count * m_.penalty(term), {}, std::move(detail)};
    for (int s : sessions) v.sessions.push_back(sid(m_, s));
    r_.violations.push_back(std::move(v));
  }

  void session_terms(const Placement& p, int s) {
    const int t = p.slot_of[s];
    if (t < 0) return add(Term::unscheduled, 1, {s}, "not placed");
    add(Term::session_requires_trim, {s}, [&](std::string* why) { return trim_count(m_, s, t, why); });
    add(Term::timerange, {s}, [&](std::string* why) { return timerange_count(m_, s, t, why); });
    add(Term::wg_adjacent, {s}, [&](std::string* why) { return wg_adjacent_count(m_, p, s, why); });
  }

  void pair_terms(int a, int b) {
    for (const auto& rule : pair_rules()) {
      add(rule.term, {a, b}, [&](std::string* why) { return rule.count(m_, a, b, why); });
    }
  }

  void group_terms(const Placement& p, int g) {
    const auto& mine = m_.sessions_of[g];
    add(Term::sessions_out_of_order, mine, [&](std::string* why) { return out_of_order_count(m_, p, g, why); });
    add(Term::time_relation, mine, [&](std::string* why) { return time_relation_count(m_, p, g, why); });
  }

 private:
  const Model& m_;
  CostReport& r_;
};

void total_by_term(CostReport& r) {
  std::stable_sort(r.violations.begin(), r.violations.end(),
                   [](const Violation& a, const Violation& b) { return a.term < b.term; });
  for (const auto& v : r.violations) {
    if (r.terms.empty() || r.terms.back().term != v.term) r.terms.push_back(TermTotal{v.term, 0, 0});
    r.terms.back().count += v.count;
    r.terms.back().cost += v.cost;
    r.total += v.cost;
  }
}

}  // namespace

Result<Placement> place(const Model& m, const Schedule& schedule) {
  Placement p(m);
  for (const auto& a : schedule.assignments) {
    const int s = m.session_index(a.session), t = m.slot_index(a.timeslot);
    if (s < 0) return invalid("schedule_unknown_session", "assignment names unknown session \"" + a.session + "\"");
    if (t < 0) return invalid("schedule_unknown_timeslot", "assignment names unknown timeslot \"" + a.timeslot + "\"");
    if (p.slot_of[s] >= 0) return rejected("schedule_session_twice", "session " + a.session + " is assigned twice");
    if (p.session_in[t] >= 0) {
      return rejected("schedule_slot_taken",
                      "timeslot " + a.timeslot + " holds both " + sid(m, p.session_in[t]) + " and " + a.session);
    }
    p.slot_of[s] = t;
    p.session_in[t] = s;
  }
  for (int s = 0; s < m.session_count(); ++s) {
    const int fixed = m.fixed_slot[s];
    if (fixed >= 0 && p.slot_of[s] != fixed) {
      return rejected("schedule_fixed_moved", "fixed session " + sid(m, s) + " is not in timeslot " +
                                                  m.problem->timeslots[fixed].id);
    }
  }
  if (auto st = check_group_overlap(m, p); !st) return st.error();
  return p;
}

CostReport explain(const Model& m, const Placement& p) {
  CostReport r;
  Explainer ex(m, r);
  for (int s = 0; s < m.session_count(); ++s) {
    ex.session_terms(p, s);
    r.scheduled += p.slot_of[s] >= 0;
  }
  for (int a = 0; a < m.session_count(); ++a) {
    if (p.slot_of[a] < 0) continue;
    for (int u : m.overlapping[p.slot_of[a]]) {
      if (p.session_in[u] > a) ex.pair_terms(a, p.session_in[u]);
    }
  }
  for (int g = 0; g < static_cast<int>(m.sessions_of.size()); ++g) ex.group_terms(p, g);
  total_by_term(r);
  return r;
}

Status check_schedule(const Problem& problem, const Schedule& schedule) {
  const Model m(problem);
  auto p = place(m, schedule);
  if (!p) return p.error();
  return ok_status();
}

Result<CostReport> evaluate(const Problem& problem, const Schedule& schedule) {
  const Model m(problem);
  auto p = place(m, schedule);
  if (!p) return p.error();
  return explain(m, *p);
}

nlohmann::json to_json(const CostReport& report) {
  nlohmann::json terms = nlohmann::json::object();
  for (const auto& t : report.terms) terms[std::string(to_string(t.term))] = {{"count", t.count}, {"cost", t.cost}};
  nlohmann::json violations = nlohmann::json::array();
  for (const auto& v : report.violations) {
    violations.push_back({{"term", to_string(v.term)}, {"count", v.count}, {"cost", v.cost},
                          {"sessions", v.sessions}, {"detail", v.detail}});
  }
  return {{"cost", report.total}, {"scheduled", report.scheduled}, {"terms", terms}, {"violations", violations}};
}

}  // namespace convene::schedule
