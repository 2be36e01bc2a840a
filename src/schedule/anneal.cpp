#include <algorithm>
#include <cmath>

#include "passes.h"

namespace convene::schedule {

namespace {

using Clock = std::chrono::steady_clock;

// Sessions the search may move: all but the fixed ones.
std::vector<int> movable(const Model& m) {
  std::vector<int> out;
  for (int s = 0; s < m.session_count(); ++s) {
    if (m.fixed_slot[s] < 0) out.push_back(s);
  }
  return out;
}

std::vector<char> exclusive_sessions(const Model& m) {
  std::vector<char> out(m.session_count(), 0);
  for (int s = 0; s < m.session_count(); ++s) out[s] = m.problem->sessions[s].exclusive ? 1 : 0;
  return out;
}

constexpr std::int64_t kCheckEvery = 1024;  // moves between clock reads
constexpr std::int64_t kCoolEvery = 256;    // moves between temperature updates
constexpr std::int64_t kFitAfter = 1 << 16;  // moves before a cycle is fitted to the deadline
constexpr std::int64_t kFitEvery = 1 << 16;

struct Annealer {
  Annealer(SearchState& st, const AnnealOptions& o, Rng& r)
      : state(st), options(o), rng(r), sessions(movable(st.model())), best(st.placement()) {}

  SearchState& state;
  const AnnealOptions& options;
  Rng& rng;
  std::vector<int> sessions;
  double hot = 0, cold = 0;
  Clock::time_point begin = Clock::now(), last_report = begin;
  Placement best;
  SearchProgress progress;

  bool out_of_time() {
    const auto now = Clock::now();
    if (options.report && std::chrono::duration<double>(now - last_report).count() >= options.report_every_s) {
      last_report = now;
      options.report(progress);
    }
    if (options.shared && options.shared->finished()) return true;
    return options.deadline && now >= *options.deadline;
  }

  void note_best() {
    progress.best_cost = state.cost();
    progress.best_at_s = std::chrono::duration<double>(Clock::now() - begin).count();
    best = state.placement();
    if (options.shared) options.shared->offer(best, progress.best_cost);
  }

  // A new cycle starts from the portfolio's best when it is cheaper.
  void adopt_shared() {
    if (options.shared) progress.best_cost = options.shared->take_if_cheaper(progress.best_cost, best);
  }

  // Half the moves go to any slot; the other half to a slot of the same room
  // (swapping with a session that fitted that room too, so no new trims).
  int pick_slot(int s, int k) {
    const std::uint64_t r = rng.next();
    const int from = state.slot_of(s);
    if (from < 0 || (r & 1) == 0) return static_cast<int>((r >> 1) % static_cast<std::uint64_t>(k));
    const auto& same = state.model().room_slots[state.model().slots[from].room];
    return same[(r >> 1) % same.size()];
  }


  // Moves s to t's period, t's session (if any) to s's period, and seats
  // both periods again, most attendees in the largest room. False (no move)
  // if s is unplaced, t is in s's period, or a fixed session sits in either.
  bool period_swap(int s, int t) {
    const Model& m = state.model();
    const int from = state.slot_of(s);
    if (from < 0 || m.period_of[from] == m.period_of[t]) return false;
    const int o = state.session_in(t);
    many.clear();
    return reseat(m.period_of[from], s, o) && reseat(m.period_of[t], o, s);
  }
  // Seats the sessions of period p, `out` replaced by `in` (-1: none).
  bool reseat(int p, int out, int in) {
    const Model& m = state.model();
    seated.clear();
    if (in >= 0) seated.push_back(in);
    for (int t : m.period_slots[p]) {
      const int x = state.session_in(t);
      if (x >= 0 && m.fixed_slot[x] >= 0) return false;
      if (x >= 0 && x != out) seated.push_back(x);
    }
    const auto& sessions = m.problem->sessions;
    std::sort(seated.begin(), seated.end(), [&](int a, int b) {
      return sessions[a].attendees != sessions[b].attendees ? sessions[a].attendees > sessions[b].attendees : a < b;
    });
    for (std::size_t i = 0; i < seated.size(); ++i) {
      const int t = m.period_slots[p][i];
      if (state.slot_of(seated[i]) != t) many.emplace_back(seated[i], t);
    }
    return true;
  }
  std::vector<std::pair<int, int>> many;
  std::vector<int> seated;

  // An exclusive session empties its period, so it moves with it: the
  // sessions of its period and of t's period change places room by room (a
  // session whose room the other period lacks stays). False (no move) if s
  // is unplaced, t is in its period, or a fixed session sits in either.
  bool period_exchange(int s, int t) {
    const Model& m = state.model();
    const int from = state.slot_of(s);
    if (from < 0 || m.period_of[from] == m.period_of[t]) return false;
    many.clear();
    return exchange(m.period_of[from], m.period_of[t]) && exchange(m.period_of[t], m.period_of[from]);
  }
  // Moves the sessions of period p to the slots of the same rooms in q.
  bool exchange(int p, int q) {
    const Model& m = state.model();
    for (int u : m.period_slots[p]) {
      const int x = state.session_in(u);
      if (x < 0) continue;
      if (m.fixed_slot[x] >= 0) return false;
      for (int v : m.period_slots[q]) {
        if (m.slots[v].room == m.slots[u].room) {
          many.emplace_back(x, v);
          break;
        }
      }
    }
    return true;
  }
  std::vector<char> exclusive = exclusive_sessions(state.model());

  // A cycle that would not end by the deadline at the rate of its first
  // moves is shortened to end there, so it still cools down fully (large
  // problems, short limits).
  void fit_to_deadline(std::int64_t i, Clock::time_point since, double temperature, std::int64_t& moves,
                       double& factor) {
    if (!options.deadline || i < kFitAfter || i % kFitEvery != 0) return;
    const auto now = Clock::now();
    const double rate = static_cast<double>(i) / std::max(1e-9, std::chrono::duration<double>(now - since).count());
    const double left = rate * std::chrono::duration<double>(*options.deadline - now).count();
    if (static_cast<double>(moves - i) <= left) return;
    moves = i + std::max<std::int64_t>(kCoolEvery, static_cast<std::int64_t>(left));
    factor = std::exp(std::log(cold / temperature) * static_cast<double>(kCoolEvery) / static_cast<double>(moves - i));
  }

  // Annealing: a rise of d with probability exp(-d / temperature). Late
  // acceptance: a move no worse than the current cost or than the cost
  // `late_acceptance` scored moves ago.
  std::vector<std::int64_t> history;
  std::size_t at = 0;
  bool accepts(std::int64_t d, double temperature) {
    if (history.empty()) return d <= 0 || static_cast<double>(d) <= -temperature * std::log(rng.unit() + 1e-300);
    const std::int64_t now = state.cost(), then = history[at];
    const bool yes = d <= 0 || now + d <= then;
    history[at] = yes ? now + d : now;
    at = at + 1 == history.size() ? 0 : at + 1;
    return yes;
  }

  // One cooling cycle of `moves` moves from `top` down to `cold`; false when
  // the deadline passed or the target cost was reached.
  bool cycle(std::int64_t moves, double top) {
    double factor = std::exp(std::log(cold / top) * static_cast<double>(kCoolEvery) / static_cast<double>(moves));
    double temperature = top;
    const int n = static_cast<int>(sessions.size()), k = state.model().slot_count();
    const auto since = Clock::now();
    for (std::int64_t i = 0; i < moves; ++i) {
      if ((i & (kCoolEvery - 1)) == 0) {
        if (i > 0) temperature *= factor;
        if ((i & (kCheckEvery - 1)) == 0) {
          if (out_of_time()) return false;
          fit_to_deadline(i, since, temperature, moves, factor);
        }
      }
      ++progress.moves;
      const int s = sessions[rng.below(n)];
      std::int64_t d;
      if (options.period_moves > 0 && rng.unit() < options.period_moves) {
        const int t = rng.below(k);
        if (!period_swap(s, t) || many.empty()) continue;
        d = state.delta(many);
      } else if (exclusive[s] && (rng.next() & 1) != 0) {
        if (!period_exchange(s, rng.below(k)) || many.empty()) continue;
        d = state.delta(many);
      } else {
        d = state.delta(s, pick_slot(s, k));
      }
      if (d == SearchState::kRefused) continue;
      if (!accepts(d, temperature)) continue;
      state.commit();
      if (state.cost() < progress.best_cost) {
        note_best();
        if (progress.best_cost <= options.stop_at) return false;
      }
    }
    return true;
  }
};

}  // namespace

SearchProgress anneal(SearchState& state, const AnnealOptions& options, Rng& rng) {
  const Model& m = state.model();
  Annealer a(state, options, rng);
  a.progress.best_cost = state.cost();
  const bool unlimited = options.iterations <= 0;
  if (a.sessions.empty() || m.slot_count() < 2 || (unlimited && !options.deadline)) return a.progress;
  // Hot enough to climb over two conflict-sized penalties, cool enough at
  // the end to refuse the smallest one (tuned on IETF 83 and 106).
  a.hot = options.start_temperature > 0 ? options.start_temperature
                                        : 2.0 * static_cast<double>(m.penalty(Term::conflict));
  a.cold = options.end_temperature > 0 ? options.end_temperature
                                       : 0.5 * static_cast<double>(m.penalty(Term::session_overlap_ad));
  a.cold = std::min(a.cold, a.hot);
  if (options.late_acceptance > 0) a.history.assign(static_cast<std::size_t>(options.late_acceptance), state.cost());
  std::int64_t left = options.iterations;
  const std::int64_t per_cycle = options.cycle_moves > 0 ? options.cycle_moves
                                 : unlimited             ? std::int64_t{1} << 62
                                                         : options.iterations;
  while (unlimited || left > 0) {
    const std::int64_t moves = unlimited ? per_cycle : std::min(per_cycle, left);
    if (a.progress.cycles > 0) {
      a.adopt_shared();
      state.reset(a.best);
      std::fill(a.history.begin(), a.history.end(), state.cost());
    }
    const double top = a.progress.cycles == 0 ? a.hot : std::max(a.cold, a.hot * options.reheat);
    ++a.progress.cycles;
    if (!a.cycle(moves, top)) break;
    left -= moves;
  }
  state.reset(a.best);
  return a.progress;
}

}  // namespace convene::schedule
