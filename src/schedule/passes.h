// Internal: the solver's passes over a SearchState. Each keeps the
// placement feasible and returns how many moves it tried.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "rng.h"
#include "shared_best.h"
#include "state.h"

namespace convene::schedule {

// Places every unplaced session, hardest first (most weight of possible
// conflicts), each into the slot where it adds least cost. Sessions that fit
// nowhere stay unplaced, and so do those not reached by the deadline.
std::int64_t construct(SearchState& state, std::optional<std::chrono::steady_clock::time_point> deadline = {});

// What the search reports while it runs and when it stops.
struct SearchProgress {
  std::int64_t moves = 0;      // moves scored so far
  std::int64_t best_cost = 0;
  double best_at_s = 0;        // seconds from the start of the search to the best
  int cycles = 0;              // cooling cycles started
};

struct AnnealOptions {
  std::int64_t iterations = 0;     // moves in all; 0: until the deadline
  std::int64_t cycle_moves = 0;    // moves per cooling cycle; 0: all of them in one
  double start_temperature = 0;    // 0: worked out from the problem's penalties
  double end_temperature = 0;
  double period_moves = 0;         // share of moves that swap periods and reseat both (slower; lost)
  double reheat = 0.1;             // later cycles start at this fraction of the start temperature
  // > 0: late acceptance hill climbing with a history of this many moves
  // instead of annealing's temperatures (cycles still restart from the best).
  std::int64_t late_acceptance = 0;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // Called about every `report_every_s` seconds while searching, if set.
  std::function<void(const SearchProgress&)> report;
  double report_every_s = 0.5;
  std::int64_t stop_at = std::numeric_limits<std::int64_t>::min();  // stop once the cost is at most this
  // A portfolio's shared best (optional): offered every new best; each
  // cycle restarts from it when it is cheaper; its finish stops the search.
  SharedBest* shared = nullptr;
};
// Simulated annealing over random moves and swaps: geometric cooling from
// the start to the end temperature over each cycle; every cycle after the
// first starts again from the best placement seen, reheated. With a move
// budget and no deadline the result depends only on the seed. Leaves the
// state at the best placement seen.
SearchProgress anneal(SearchState& state, const AnnealOptions& options, Rng& rng);

// True when the periods have slots of more than one length: then the
// neighbourhoods below start with whole layers (periods of some lengths).
bool has_layers(const Model& m);
// Those neighbourhoods, fewest slots first: per neighbourhood, per period,
// 1 if it is free. The periods shorter than each length between the
// layers' lengths, those at least as long, and each middle layer alone.
// Empty without layers.
std::vector<std::vector<char>> layer_neighbourhoods(const Model& m);

// Large-neighbourhood search with the period SAT model: again and again,
// keeps every session outside some periods in its slot and asks for a
// cheaper placement of the others, until the deadline or a cost of at most
// `stop_at` (and 0). The free periods are first whole layers, the periods
// shorter than one of the lengths or those at least as long, each tried
// until it finds nothing on the schedule it was given (no session is
// trimmed anew, except one of the same length as a session already
// trimmed, which may change places with it); then a few random periods at
// a time. Calls `report` (if set) after each search.
// Returns the number of SAT searches. Nothing on problems too large to
// encode (sat_applies()). With `shared`, each search starts from the
// portfolio's best when it is cheaper, offers what it finds, and the loop
// ends when the portfolio finishes.
// `order`: which layer neighbourhoods come first at each level; two
// searches of a portfolio on the same schedule take them in opposite
// orders, so they try different ones at once.
enum class LayerOrder { smallest_first, largest_first };
// The layer searches in the order they are tried, each i freeing
// neighbourhood i % choices (of layer_neighbourhoods()) at level
// i / choices: coarse unit with the trimmed sessions kept, fine unit, then
// both with them free. Within a level, the neighbourhoods in `order`.
constexpr int kLayerLevels = 4;
// The two sides of the cut below the longest length, as indices into
// layer_neighbourhoods(): the longest layer alone, and every shorter layer
// together. {-1, -1} without layers.
struct TopCut {
  int longest = -1;
  int shorter = -1;
};
TopCut top_cut(const Model& m);
// With a top cut, its searches come first, alternating: the longest layer
// at the coarse unit, the shorter layers with the trimmed sessions free at
// the coarse unit, then both at the fine unit; then the rest as above.
std::vector<int> layer_search_order(int choices, LayerOrder order, TopCut top = {});
// How sat_neighbourhoods() takes the layers: the order above, and, with
// `kick` and a top cut, first the cross-layer kick (one side of the cut
// placed again with the orders that join it to the other cheap, then the
// other given it; kept only when the cost falls), again while it lowers
// the cost, and once more whenever the layer searches are spent after a
// gain. Where a kick finds nothing, a trim trade (trade_trim(), each pair
// once), kept even when it costs more; the pass then ends on the best
// schedule it saw. With `trade_first` and a longest layer, a trim trade
// before anything else (a portfolio's second search: the other of a
// group's sessions trimmed).
struct LayerPlan {
  LayerOrder order = LayerOrder::smallest_first;
  bool kick = false;
  bool trade_first = false;
};
// The cross-layer kick alone: the longest layer ahead at two prices of
// the order, then the shorter layers ahead, each trying up to 30
// placements of up to 16 s (none past the deadline; each search also stops
// 1.5 s after a model not followed by a cheaper one): true when it lowered
// the cost; else the state is as it was. False where there is no top cut.
bool kick_layers(SearchState& state, std::chrono::steady_clock::time_point deadline,
                 const std::atomic<bool>* cancel = nullptr);
// The trim trade alone, which sat_neighbourhoods() tries where a kick finds
// nothing: a session trimmed into a shorter layer and another of its group
// and length in the longest layer change places, and the longest layer is
// placed again at the fine unit (at most 40 fine units dearer than before;
// 4 s at most). Pairs in `traded` are not tried; the first that finds a
// model is added to it. True when one did: the state is at that model,
// which may cost more than before. Else false and the state as it was.
bool trade_trim(SearchState& state, std::chrono::steady_clock::time_point deadline,
                std::vector<std::pair<int, int>>& traded, const std::atomic<bool>* cancel = nullptr);
std::int64_t sat_neighbourhoods(SearchState& state, std::chrono::steady_clock::time_point deadline, Rng& rng,
                                std::int64_t stop_at = 0, const std::function<void()>& report = {},
                                SharedBest* shared = nullptr, LayerPlan plan = {});

// Large-neighbourhood search for problems too large for the exact pass
// (sat_applies() false): again and again, a costly session (one paying
// more than it must) and the sessions its terms join it to, with every
// session in the periods starting within a few hours of theirs, placed again
// by the slot model (exact: wg_adjacent and rooms included) while the rest
// stays; each session is tried with a wider window when a narrower one finds
// nothing on the schedule it was given. Until the deadline, a cost of at
// most `stop_at` (and 0), or every session was tried at every window.
// Returns the number of SAT searches; `report` and `shared` as for
// sat_neighbourhoods().
std::int64_t focused_neighbourhoods(SearchState& state, std::chrono::steady_clock::time_point deadline, Rng& rng,
                                    std::int64_t stop_at = 0, const std::function<void()>& report = {},
                                    SharedBest* shared = nullptr);

// Where the partition bound applies (partition_applies(), sat_applies())
// and its LP converges before the deadline: the period SAT model asks for
// a schedule within a little of the bound (1 % above it first; after an
// UNSAT answer 1 % more, then 2 %, 4 %, ...), then for one cheaper than
// each found, always over the placements that reduced-cost fixing on the
// LP leaves to such a schedule (partition_allowed()). Until the deadline,
// 4 s without a model once one was found, or a cost at the bound. Leaves
// the state at the cheapest schedule found (polished), or as it was.
// `report` and `shared` as for sat_neighbourhoods().
struct PartitionSearch {
  std::int64_t searches = 0;                         // SAT searches
  std::chrono::steady_clock::time_point best_at{};  // when its cheapest schedule was found (epoch: none)
};
PartitionSearch partition_search(SearchState& state, std::chrono::steady_clock::time_point deadline,
                                 SharedBest* shared = nullptr, const std::function<void()>& report = {});

// Tries every move and swap of every session, keeping each that lowers the
// cost; when none does, ejection chains for the sessions a group term makes
// pay (s takes a slot, its session moves on to an empty one); until neither
// lowers the cost or the deadline passes.
std::int64_t polish(SearchState& state, std::optional<std::chrono::steady_clock::time_point> deadline = {});

}  // namespace convene::schedule
