// Large-neighbourhood search over the period SAT model: most sessions stay
// where they are, the sessions of a few periods are placed again by SAT.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "assignment_bound.h"
#include "passes.h"
#include "sat_bound.h"
#include "terms.h"

namespace convene::schedule {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMinFreePeriods = 3;
constexpr int kMaxFreePeriods = 6;
constexpr auto kCallLimit = std::chrono::seconds(2);
// A layer holds more sessions than a few periods: its calls get longer.
constexpr auto kLayerCallLimit = std::chrono::seconds(4);
// Every shorter layer with the trimmed sessions free places most of the
// schedule again: from schedules of IETF 106 with dispatch-1 exclusive
// left at 373,000 by the layer searches, it found 363,000-364,000 in
// 0.6-22 s (docs/schedule-solver.md, ninth round).
constexpr auto kShorterLayersCallLimit = std::chrono::seconds(8);

// The least per-slot cost of each session (what it pays wherever it goes).
std::vector<std::int64_t> least_unary(const Model& m) {
  std::vector<std::int64_t> out(m.session_count(), 0);
  for (int s = 0; s < m.session_count(); ++s) {
    std::int64_t least = m.unary_cost(s, 0);
    for (int t = 1; t < m.slot_count(); ++t) least = std::min(least, m.unary_cost(s, t));
    out[s] = least;
  }
  return out;
}

// True when s, in slot t, pays more than it must: a per-slot term above
// its least, an overlap that costs, or a group term of one of its groups.
bool pays(const SearchState& state, int s, int t, std::int64_t least) {
  const Model& m = state.model();
  if (m.unary_cost(s, t) > least) return true;
  for (int u : m.overlapping[t]) {
    const int o = state.session_in(u);
    if (o >= 0 && m.pair_cost(s, o) > 0) return true;
  }
  return pays_group_term(m, state.placement(), s);
}

// The movable placed sessions that pay more than they must.
std::vector<int> costly_sessions(const SearchState& state, const std::vector<std::int64_t>& least) {
  const Model& m = state.model();
  std::vector<int> out;
  for (int s = 0; s < m.session_count(); ++s) {
    const int t = state.slot_of(s);
    if (t >= 0 && m.fixed_slot[s] < 0 && pays(state, s, t, least[s])) out.push_back(s);
  }
  return out;
}

// True when session s sits in slot t, shorter than itself (trimmed).
bool trimmed_in(const Model& m, int s, int t) {
  return t >= 0 && m.slots[t].duration_min < m.problem->sessions[s].duration_min;
}

// Per session: its slot, or -1 when it is unplaced, in a free period, or
// (with `trimmed` true) in a slot shorter than itself.
std::vector<int> pin_outside(const SearchState& state, const std::vector<char>& free, bool trimmed = false) {
  const Model& m = state.model();
  std::vector<int> pinned(m.session_count(), -1);
  for (int s = 0; s < m.session_count(); ++s) {
    const int t = state.slot_of(s);
    if (t >= 0 && !free[m.period_of[t]] && !(trimmed && trimmed_in(m, s, t))) pinned[s] = t;
  }
  return pinned;
}

// Per session: its slot if it stays, -1 if it is free (unplaced, or in one
// of `count` periods: every second time the first is the period of a
// random costly session, so the search goes where the cost is; the others
// are random).
std::vector<int> pin_random(const SearchState& state, int count, Rng& rng, const std::vector<int>& costly) {
  const Model& m = state.model();
  const int periods = static_cast<int>(m.period_slots.size());
  std::vector<char> free(periods, 0);
  if (!costly.empty() && rng.below(2) == 0) {
    free[m.period_of[state.slot_of(costly[rng.below(static_cast<int>(costly.size()))])]] = 1;
    --count;
  }
  for (int i = 0; i < count; ++i) free[rng.below(periods)] = 1;
  return pin_outside(state, free);
}

// The periods grouped by the length of their longest slot, when there is
// more than one length. Where slots of different lengths run at different
// times (IETF 106: two-hour periods, and periods of 90 and 60 minutes),
// a session sits in its own length's layer unless it is trimmed, and only
// the group terms join the layers; so a layer's sessions, placed again
// while the rest stays, is a neighbourhood the SAT model solves nearly
// whole, where a random few periods cannot move a packed layer (a
// schedule of IETF 106 with dispatch-1 exclusive went from 373,000 to
// 363,000 by two such calls; docs/schedule-solver.md, fifth round).
std::vector<std::vector<int>> layers(const Model& m) {
  std::map<int, std::vector<int>> by_length;
  for (int p = 0; p < static_cast<int>(m.period_slots.size()); ++p) {
    int length = 0;
    for (int t : m.period_slots[p]) length = std::max(length, m.slots[t].duration_min);
    by_length[length].push_back(p);
  }
  std::vector<std::vector<int>> out;
  if (by_length.size() < 2) return out;
  for (auto& [length, periods] : by_length) out.push_back(std::move(periods));
  return out;
}

// The periods of layers lo..hi-1 (free), with their number of slots.
std::pair<std::size_t, std::vector<char>> layer_range(const Model& m, const std::vector<std::vector<int>>& layers,
                                                      int lo, int hi) {
  std::vector<char> free(m.period_slots.size(), 0);
  std::size_t slots = 0;
  for (int l = lo; l < hi; ++l) {
    for (int p : layers[l]) {
      free[p] = 1;
      slots += m.period_slots[p].size();
    }
  }
  return {slots, std::move(free)};
}

// The cuts between the layers' lengths, each taken both ways: the periods
// shorter than the cut, or those at least as long. A session fits every
// slot at least as long as itself, so the short layers share their
// sessions (a 60-minute session in a 90-minute slot costs nothing), and a
// cut keeps those together. Then each middle layer alone: of three
// lengths, the middle one is else only ever freed with a neighbour, which
// the SAT model rarely answers within its call (IETF 106 with dispatch-1
// exclusive: the 90-minute layer with the 60-minute one took 22-40 s to
// place again from a schedule of 372,000, found nothing in the 4 s of a
// call, and alone answers within them). Smallest first (fewest slots): the
// SAT model answers those fastest.
std::vector<std::vector<char>> layer_choices(const Model& m, const std::vector<std::vector<int>>& layers) {
  std::vector<std::pair<std::size_t, std::vector<char>>> sized;
  const int count = static_cast<int>(layers.size());
  for (int cut = 1; cut < count; ++cut) {
    sized.push_back(layer_range(m, layers, 0, cut));
    sized.push_back(layer_range(m, layers, cut, count));
  }
  for (int l = 1; l + 1 < count; ++l) sized.push_back(layer_range(m, layers, l, l + 1));
  std::stable_sort(sized.begin(), sized.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::vector<char>> out;
  for (auto& [slots, free] : sized) out.push_back(std::move(free));
  return out;
}

// Per session, the shortest slot (minutes) it may take in a layer
// neighbourhood: its own length, so it is not trimmed anew, unless it is
// trimmed already or has the length of one that is (0: any), so the two
// may change places. Without this a layer's sessions may take every
// shorter free period too, and the SAT model was too slow to find anything
// in its 4 s.
std::vector<int> no_new_trims(const SearchState& state) {
  const Model& m = state.model();
  const auto& sessions = m.problem->sessions;
  std::set<int> trimmed;
  for (int s = 0; s < m.session_count(); ++s) {
    if (trimmed_in(m, s, state.slot_of(s))) trimmed.insert(sessions[s].duration_min);
  }
  std::vector<int> out(m.session_count());
  for (int s = 0; s < m.session_count(); ++s) {
    out[s] = trimmed.count(sessions[s].duration_min) ? 0 : sessions[s].duration_min;
  }
  return out;
}

// Rounding to 100-999 units: fine enough for the small terms to count.
std::int64_t unit_for(std::int64_t cost) {
  std::int64_t unit = 1;
  while (unit * 1000 <= cost) unit *= 10;
  return unit;
}

// The cross-layer kick (issue 9's tenth and eleventh rounds). A layer
// search moves one side of the top cut while the other stays, so the
// layers can be stuck together: on IETF 106 with dispatch-1 exclusive, ten
// groups meet first in a two-hour slot and again in a shorter one, and the
// two-hour layer often cannot lose its second conflict without moving a
// session ahead of its group's later one, which only the other layer can
// then repair. The kick places one side again with those orders cheap
// (kKickOrderUnits fine units each, the cheaper first), then the other
// side, with the trimmed sessions free, given it; a placement the other
// side cannot follow is ruled out and the next one tried (kKickTries at
// most). It keeps the result only when it costs less than before.
constexpr std::int64_t kKickOrderUnits[] = {1, 3};
constexpr auto kKickRelaxedLimit = std::chrono::seconds(8);
constexpr int kKickTries = 30;
// A kick's SAT searches also stop this long after their last model when no
// cheaper one follows. On IETF 106 with dispatch-1 exclusive, a search
// that found its model after 0.5-4.1 s then spent the rest of its 8 s not
// finding a cheaper one, so the kick after it (often the one that gained)
// ran out of time (issue 9's twelfth round).
constexpr auto kKickPatience = std::chrono::milliseconds(1500);

// What a search of place_again() may add: the exclusive floor, the price
// of the orders that cross the neighbourhood's edge (SatGuide::cross_order),
// rules the models keep (SatGuide::cuts), and how long it waits for a
// cheaper model (SatGuide::patience).
struct Extras {
  const SatFloor* floor = nullptr;
  std::int64_t cross_order = -1;
  const std::vector<SatCut>* cuts = nullptr;
  Clock::duration patience = Clock::duration::zero();
};

// One SAT search of the period model from the state's schedule: the
// sessions `pinned` keeps stay, the rest are placed again (with `layer`,
// none trimmed anew: no_new_trims()), at most `start` units of `unit`,
// until `until`.
SatMinimum place_again(const SearchState& state, const std::vector<int>& pinned, bool layer, std::int64_t unit,
                       std::int64_t start, Clock::time_point until, const std::atomic<bool>* cancel,
                       Extras extras = {}) {
  const Placement now = state.placement();
  const auto shortest = layer ? no_new_trims(state) : std::vector<int>{};
  SatGuide guide{&now, Clock::duration::zero(), &pinned, cancel, extras.floor};
  if (layer) guide.shortest = &shortest;
  guide.cross_order = extras.cross_order;
  guide.cuts = extras.cuts;
  guide.patience = extras.patience;
  return sat_minimum(state.model(), unit, start, until, SatModel::periods, guide);
}

// After the other side of the cut could not follow p, a placement of the
// side ahead (the free sessions of `pinned`) with the cross-layer orders
// cheap: at least one free session that p puts against its order with a
// kept session of its group must start earlier (if it should come first)
// or later (if last) than in p. Where it is, or further off, the kept
// sessions would have to move further still. A heuristic, not a proof:
// the rest of p matters to them too. No such session: no placement listed.
SatCut follow_cut(const Model& m, const std::vector<int>& pinned, const Placement& p) {
  const auto kept = [&](int s) { return pinned[s] >= 0 || m.fixed_slot[s] >= 0; };
  SatCut cut;
  for (int s = 0; s < m.session_count(); ++s) {
    if (kept(s) || p.slot_of[s] < 0) continue;
    const auto& own = m.problem->sessions[s];
    const UnixSeconds at = m.slots[p.slot_of[s]].start;
    bool earlier = false, later = false;
    for (int o : m.sessions_of[m.own_group[s]]) {
      if (!kept(o) || p.slot_of[o] < 0) continue;
      const UnixSeconds other = m.slots[p.slot_of[o]].start;
      earlier = earlier || (own.order < m.problem->sessions[o].order && at > other);
      later = later || (m.problem->sessions[o].order < own.order && other > at);
    }
    for (int t = 0; t < m.slot_count() && (earlier || later); ++t) {
      if ((earlier && m.slots[t].start < at) || (later && m.slots[t].start > at)) cut.any_of.emplace_back(s, t);
    }
  }
  return cut;
}

// The two sides of a kick: the periods placed again first, those that
// follow, and whether the trimmed sessions follow too. The shorter layers
// follow with them, so a trimmed session may change places with one of its
// length; the longest layer follows without them: with them it was the
// kick's slowest search (on IETF 106 with dispatch-1 exclusive it often ran
// into its 8 s without a model), and without them it refutes a placement
// it cannot follow within 0.03 s (issue 9's twelfth round).
struct KickSides {
  const std::vector<char>& ahead;
  const std::vector<char>& behind;
  bool trimmed_follow;
};

// One kick: `sides.ahead` placed again with the cross-layer orders at
// `order_units` fine units, then `sides.behind` given it; true when it
// lowered the cost, else the state is as it was. Each placement of the
// side ahead that the side behind cannot follow is ruled out (follow_cut())
// and the next asked for, kKickTries at most. Adds its SAT searches to
// `calls`.
bool kick_once(SearchState& state, KickSides sides, std::int64_t order_units, Clock::time_point deadline,
               const std::atomic<bool>* cancel, std::int64_t& calls) {
  const Placement before = state.placement();
  const std::int64_t cost = state.cost();
  const std::int64_t fine = unit_for(cost), coarse = fine * 10;
  if (cost / coarse < 1) return false;  // too small a cost to round coarse
  const auto pinned = pin_outside(state, sides.ahead);
  std::vector<SatCut> cuts;
  for (int attempt = 0; attempt < kKickTries && Clock::now() < deadline; ++attempt) {
    state.reset(before);
    auto got = place_again(state, pinned, true, fine, cost / fine - 1,
                           std::min(deadline, Clock::now() + kKickRelaxedLimit), cancel,
                           {.cross_order = order_units * fine, .cuts = &cuts, .patience = kKickPatience});
    ++calls;
    if (!got.best_model) break;
    state.reset(*got.best_model);
    if (state.cost() < cost) return true;  // cheaper even with the orders at full price
    cuts.push_back(follow_cut(state.model(), pinned, state.placement()));
    got = place_again(state, pin_outside(state, sides.behind, sides.trimmed_follow), true, coarse, cost / coarse - 1,
                      std::min(deadline, Clock::now() + kShorterLayersCallLimit), cancel,
                      {.patience = kKickPatience});
    ++calls;
    if (got.best_model && *got.best_model_cost < cost) {
      state.reset(*got.best_model);
      return true;
    }
    if (cuts.back().any_of.empty()) break;  // nothing left to rule out
  }
  state.reset(before);
  return false;
}

// Kicks the longest layer ahead at each order price in turn until one
// lowers the cost; then, if none did, the shorter layers ahead at the
// first price (the longest layer may be at its least already: on IETF 106
// with dispatch-1 exclusive, schedules stuck at one conflict in the
// two-hour layer and six in the shorter ones).
// REQUIRES: choice is layer_neighbourhoods(), top its top_cut(), both set.
bool kick_cut(SearchState& state, const std::vector<std::vector<char>>& choice, TopCut top,
              Clock::time_point deadline, const std::atomic<bool>* cancel, std::int64_t& calls) {
  const auto& longest = choice[top.longest];
  const auto& shorter = choice[top.shorter];
  for (std::int64_t units : kKickOrderUnits) {
    if (Clock::now() >= deadline) return false;
    if (kick_once(state, {longest, shorter, true}, units, deadline, cancel, calls)) return true;
  }
  return Clock::now() < deadline && kick_once(state, {shorter, longest, false}, kKickOrderUnits[0], deadline, cancel,
                                              calls);
}

// The trim trade (issue 9's thirteenth round). Where a session is trimmed
// into a shorter layer, which of its group's sessions of that length it is
// decides what the rest can reach, and neither the kick nor a layer search
// changes it at once: each keeps one side where it is, and a trade costs
// more before the other side has followed. On IETF 106 with dispatch-1
// exclusive, quic-1 or quic-2 is trimmed; no schedule the search left with
// quic-2 trimmed cost less than 363,000, and every one of 361,000-362,000
// trims quic-1. The trade swaps the two, places the longest layer again
// at the fine unit (the order between them repaired), at most
// kTradeSlack fine units dearer than before, and takes that even when it
// costs more: the kicks and layer searches go on from there, and the
// layer pass keeps its best.
constexpr std::int64_t kTradeSlack = 40;

// True when y is a session x, trimmed, could trade with: another of x's
// group and length, movable, in a slot of the longest layer.
bool can_trade(const Model& m, const Placement& p, int x, int y, const std::vector<char>& longest) {
  const int ty = p.slot_of[y];
  const int length = m.problem->sessions[x].duration_min;
  return y != x && ty >= 0 && m.fixed_slot[y] < 0 && m.problem->sessions[y].duration_min == length &&
         m.slots[ty].duration_min >= length && longest[m.period_of[ty]];
}

// The first trade not in `traded` whose longest layer finds a model: true
// and the state at that model (the pair added to `traded`); else false and
// the state as it was. Adds its SAT searches to `calls`.
bool trade_once(SearchState& state, const std::vector<char>& longest, Clock::time_point deadline,
                const std::atomic<bool>* cancel, std::vector<std::pair<int, int>>& traded, std::int64_t& calls) {
  const Model& m = state.model();
  const Placement before = state.placement();
  const std::int64_t cost = state.cost();
  const std::int64_t fine = unit_for(cost);
  for (int x = 0; x < m.session_count(); ++x) {
    if (m.fixed_slot[x] >= 0 || !trimmed_in(m, x, before.slot_of[x])) continue;
    for (int y : m.sessions_of[m.own_group[x]]) {
      const std::pair<int, int> pair{std::min(x, y), std::max(x, y)};
      if (!can_trade(m, before, x, y, longest) || std::find(traded.begin(), traded.end(), pair) != traded.end()) {
        continue;
      }
      if (Clock::now() >= deadline) return false;
      traded.push_back(pair);
      if (state.delta(x, before.slot_of[y]) == SearchState::kRefused) continue;  // x and y change places
      state.commit();
      const auto got = place_again(state, pin_outside(state, longest), true, fine, cost / fine + kTradeSlack,
                                   std::min(deadline, Clock::now() + kLayerCallLimit), cancel,
                                   {.patience = kKickPatience});
      ++calls;
      if (got.best_model) {
        state.reset(*got.best_model);
        return true;
      }
      state.reset(before);
    }
  }
  return false;
}

// The cheapest schedule a pass has seen, for a pass that may take a dearer
// one (a trim trade) and must still end on its best.
struct BestSeen {
  explicit BestSeen(const SearchState& state) : placement(state.placement()), cost(state.cost()) {}
  void see(const SearchState& state) {
    if (state.cost() >= cost) return;
    placement = state.placement();
    cost = state.cost();
  }
  void restore(SearchState& state) const {
    if (state.cost() > cost) state.reset(placement);
  }
  Placement placement;
  std::int64_t cost;
};

// The next layer search of `order` (layer_search_order()) not yet tried
// on this schedule, -1 when all were (or there are no layers).
int next_layer_search(const std::vector<char>& tried, const std::vector<int>& order) {
  for (int at : order) {
    if (!tried[at]) return at;
  }
  return -1;
}

// One pass of sat_neighbourhoods(): the layer searches in their order,
// which of them found nothing on the current schedule, the kick's turn,
// the pairs traded and the best schedule seen.
class LayerPass {
 public:
  LayerPass(SearchState& state, LayerPlan plan, SharedBest* shared, const std::function<void()>& report)
      : state_(state),
        least_(least_unary(state.model())),
        choice_(layer_neighbourhoods(state.model())),
        top_(top_cut(state.model())),
        searches_(layer_search_order(static_cast<int>(choice_.size()), plan.order, top_)),
        tried_(searches_.size(), 0),
        floors_(state.model()),
        shared_(shared),
        cancel_(shared ? shared->finished_flag() : nullptr),
        report_(report),
        can_kick_(plan.kick && top_.longest >= 0 && top_.shorter >= 0),
        trade_first_(plan.trade_first),
        first_(can_kick_),
        best_(state) {}

  // Layer searches first, each until it finds nothing on the schedule it
  // was given; then a few random periods at a time. The kick: first, and
  // again while it gains; then once more whenever the layer searches are
  // spent after a gain. With LayerPlan::trade_first, a trim trade before
  // all of them. Until the deadline, a cost of at most `stop_at`
  // (and 0), or a cost too small to round; ends on the best schedule seen.
  // Returns the number of SAT searches.
  std::int64_t run(Clock::time_point deadline, Rng& rng, std::int64_t stop_at) {
    const std::int64_t target = std::max<std::int64_t>(0, stop_at);
    if (trade_first_ && top_.longest >= 0 && state_.cost() > target) trade(deadline);
    while (Clock::now() < deadline && state_.cost() > target) {
      best_.see(state_);
      if (shared_ && shared_->finished()) break;
      // A trade's dearer schedule is kept until another search has found
      // one cheaper than this search's best.
      if (shared_ && shared_->cost() < best_.cost && adopt_shared(shared_, state_)) retry_all();
      const int layer_search = next_layer_search(tried_, searches_);
      if (first_ || (can_kick_ && !kicked_ && layer_search < 0)) {
        kick(deadline);
      } else if (!search(layer_search, deadline, rng)) {
        break;
      }
    }
    best_.restore(state_);
    return calls_;
  }

 private:
  // The kick, or where it finds nothing a trim trade, which may cost more.
  void kick(Clock::time_point deadline) {
    const bool gained = kick_cut(state_, choice_, top_, deadline, cancel_, calls_) || trade(deadline);
    if (gained) moved();
    kicked_ = first_ || !gained;
    first_ = first_ && gained;
    show();
  }

  // A trim trade not tried before in this pass (trade_once()).
  // REQUIRES: a longest layer.
  bool trade(Clock::time_point deadline) {
    return trade_once(state_, choice_[top_.longest], deadline, cancel_, traded_, calls_);
  }

  // One SAT search: layer search `layer_search`, or a few random periods
  // when it is -1. False when the cost is too small to round for them.
  bool search(int layer_search, Clock::time_point deadline, Rng& rng) {
    const int choices = static_cast<int>(choice_.size());
    const bool by_layer = layer_search >= 0;
    const int count = kMinFreePeriods + rng.below(kMaxFreePeriods - kMinFreePeriods + 1);
    const int level = by_layer ? layer_search / choices : 0;
    const auto pinned = by_layer ? pin_outside(state_, choice_[layer_search % choices], level >= 2)
                                 : pin_random(state_, count, rng, costly_sessions(state_, least_));
    const std::int64_t unit = unit_for(state_.cost()) * (by_layer && level % 2 == 0 ? 10 : 1);
    const std::int64_t start = state_.cost() / unit - 1;
    if (start < 0 && by_layer) {  // too coarse for a cost this small
      tried_[layer_search] = 1;
      return true;
    }
    if (start < 0) return false;
    const bool shorter_free = by_layer && level >= 2 && layer_search % choices == top_.shorter;
    const Clock::duration limit = shorter_free ? Clock::duration(kShorterLayersCallLimit)
                                  : by_layer   ? Clock::duration(kLayerCallLimit)
                                               : Clock::duration(kCallLimit);
    const auto until = std::min<Clock::time_point>(deadline, Clock::now() + limit);
    auto got = place_again(state_, pinned, by_layer, unit, start, until, cancel_, {floors_.at(unit)});
    ++calls_;
    if (got.best_model && *got.best_model_cost < state_.cost()) {
      state_.reset(*got.best_model);
      moved();
      kicked_ = false;
    } else if (by_layer) {
      tried_[layer_search] = 1;
    }
    show();
    return true;
  }

  // The schedule changed: offered to the portfolio, and every layer search
  // may find something on it again.
  void moved() {
    offer_shared(shared_, state_);
    retry_all();
  }
  void retry_all() { std::fill(tried_.begin(), tried_.end(), 0); }
  // Progress shows the best, never a trade's dearer schedule.
  void show() const {
    if (report_ && state_.cost() <= best_.cost) report_();
  }

  SearchState& state_;
  const std::vector<std::int64_t> least_;
  const std::vector<std::vector<char>> choice_;
  const TopCut top_;
  const std::vector<int> searches_;
  std::vector<char> tried_;  // per layer search
  FloorCache floors_;
  SharedBest* shared_;
  const std::atomic<bool>* cancel_;
  const std::function<void()>& report_;
  const bool can_kick_;
  const bool trade_first_;
  bool first_;
  bool kicked_ = true;  // false: kick again once the layer searches are spent
  std::vector<std::pair<int, int>> traded_;
  BestSeen best_;
  std::int64_t calls_ = 0;
};

// Focused neighbourhoods (problems too large for the exact pass): the
// periods starting within a window of hours around a costly session and
// around the sessions its group terms join it to. Widest last: the slot
// model answers small ones in a fraction of a second. On a planted problem
// of 2,000 sessions left at 1,000 by annealing (one wg_adjacent term),
// 3 hours proved nothing cheaper and 6 hours (11 periods, 79 sessions)
// found 0 in 0.4 s.
constexpr int kWindowHours[] = {3, 6, 12};
constexpr int kWindows = static_cast<int>(std::size(kWindowHours));
constexpr auto kFocusCallLimit = std::chrono::seconds(2);

// The sessions s's terms join it to: itself, those it overlaps at a cost,
// and those of the groups whose group terms it can change.
std::vector<int> partners(const SearchState& state, int s) {
  const Model& m = state.model();
  std::vector<int> out{s};
  for (int u : m.overlapping[state.slot_of(s)]) {
    const int o = state.session_in(u);
    if (o >= 0 && m.pair_cost(s, o) > 0) out.push_back(o);
  }
  for (int g : m.term_groups[s]) {
    for (int o : m.sessions_of[g]) {
      if (o != s && state.slot_of(o) >= 0) out.push_back(o);
    }
  }
  return out;
}

// Per period, 1 if it starts within `hours` of the slot of one of `around`.
std::vector<char> periods_near(const SearchState& state, const std::vector<int>& around, int hours) {
  const Model& m = state.model();
  const auto window = static_cast<UnixSeconds>(hours) * 3600;
  std::vector<char> free(m.period_slots.size(), 0);
  for (int o : around) {
    const UnixSeconds at = m.slots[state.slot_of(o)].start;
    for (std::size_t q = 0; q < free.size(); ++q) {
      const UnixSeconds start = m.slots[m.period_slots[q].front()].start;
      if (start >= at - window && start <= at + window) free[q] = 1;
    }
  }
  return free;
}

}  // namespace

bool has_layers(const Model& m) { return !layers(m).empty(); }

bool kick_layers(SearchState& state, Clock::time_point deadline, const std::atomic<bool>* cancel) {
  const TopCut top = top_cut(state.model());
  if (top.longest < 0 || top.shorter < 0) return false;
  std::int64_t calls = 0;
  return kick_cut(state, layer_neighbourhoods(state.model()), top, deadline, cancel, calls);
}

bool trade_trim(SearchState& state, Clock::time_point deadline, std::vector<std::pair<int, int>>& traded,
                const std::atomic<bool>* cancel) {
  const TopCut top = top_cut(state.model());
  if (top.longest < 0) return false;
  std::int64_t calls = 0;
  return trade_once(state, layer_neighbourhoods(state.model())[top.longest], deadline, cancel, traded, calls);
}

std::vector<std::vector<char>> layer_neighbourhoods(const Model& m) { return layer_choices(m, layers(m)); }

TopCut top_cut(const Model& m) {
  const auto all = layers(m);
  if (all.empty()) return {};
  const int count = static_cast<int>(all.size());
  const auto longest = layer_range(m, all, count - 1, count).second;
  const auto shorter = layer_range(m, all, 0, count - 1).second;
  const auto choice = layer_choices(m, all);
  TopCut top;
  for (int c = 0; c < static_cast<int>(choice.size()); ++c) {
    if (choice[c] == longest) top.longest = c;
    if (choice[c] == shorter) top.shorter = c;
  }
  return top;
}

// Search i frees neighbourhood i % choices at level i / choices: the
// trimmed sessions kept, at a coarse unit (10-99 units: a whole conflict at
// a time, which the SAT model finds fast), then at the fine one; then the
// same with the trimmed sessions free too, which is slower (on IETF 106
// with dispatch-1 exclusive, 2.2 s against 0.1 s for the same schedule of
// the two-hour layer).
//
// The top cut first (issue 9's ninth round): on IETF 106 with dispatch-1
// exclusive, its fixed period packs the longest layer and the shorter
// layers take the session it pushes out, so a schedule improves where they
// meet, a whole side at a time. On IETF 106 with dispatch-1 exclusive (20 seeds, 30 s, three runs
// side by side) the mean went from 376,150-380,300 to 371,700-377,800.
std::vector<int> layer_search_order(int choices, LayerOrder order, TopCut top) {
  std::vector<int> out;
  if (top.longest >= 0 && top.shorter >= 0) {
    out = {top.longest, 2 * choices + top.shorter, choices + top.longest, 3 * choices + top.shorter};
  }
  const auto first = out.size();
  for (int level = 0; level < kLayerLevels; ++level) {
    for (int c = 0; c < choices; ++c) {
      const int search = level * choices + (order == LayerOrder::smallest_first ? c : choices - 1 - c);
      if (std::find(out.begin(), out.begin() + first, search) == out.begin() + first) out.push_back(search);
    }
  }
  return out;
}

std::int64_t sat_neighbourhoods(SearchState& state, Clock::time_point deadline, Rng& rng, std::int64_t stop_at,
                                const std::function<void()>& report, SharedBest* shared, LayerPlan plan) {
  const Model& m = state.model();
  if (!sat_neighbourhoods_apply(m) || m.period_slots.empty()) return 0;
  LayerPass pass(state, plan, shared, report);
  return pass.run(deadline, rng, stop_at);
}

std::int64_t focused_neighbourhoods(SearchState& state, Clock::time_point deadline, Rng& rng, std::int64_t stop_at,
                                    const std::function<void()>& report, SharedBest* shared) {
  const Model& m = state.model();
  if (!sat_neighbourhoods_apply(m) || m.period_slots.empty()) return 0;
  const auto least = least_unary(m);
  const std::atomic<bool>* cancel = shared ? shared->finished_flag() : nullptr;
  std::set<std::pair<int, int>> tried;  // (session, window) found nothing on this schedule
  std::int64_t calls = 0;
  while (Clock::now() < deadline && state.cost() > std::max<std::int64_t>(0, stop_at)) {
    if (shared && shared->finished()) break;
    if (adopt_shared(shared, state)) tried.clear();
    std::vector<std::pair<int, int>> open;  // (session, window) not yet tried
    for (int s : costly_sessions(state, least)) {
      for (int w = 0; w < kWindows; ++w) {
        if (!tried.count({s, w})) {
          open.emplace_back(s, w);
          break;
        }
      }
    }
    if (open.empty()) break;
    const auto [s, w] = open[rng.below(static_cast<int>(open.size()))];
    tried.insert({s, w});
    const auto pinned = pin_outside(state, periods_near(state, partners(state, s), kWindowHours[w]));
    const std::int64_t unit = std::gcd(unit_for(state.cost()), m.penalty_gcd());  // exact: divides every penalty
    const Placement now = state.placement();
    SatGuide guide{&now, Clock::duration::zero(), &pinned, cancel};
    auto got = sat_minimum(m, unit, state.cost() / unit - 1, std::min(deadline, Clock::now() + kFocusCallLimit),
                           SatModel::slots, guide);
    ++calls;
    if (got.best_model && *got.best_model_cost < state.cost()) {
      state.reset(*got.best_model);
      offer_shared(shared, state);
      tried.clear();
    }
    if (report) report();
  }
  return calls;
}

}  // namespace convene::schedule
