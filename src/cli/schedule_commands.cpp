// convene schedule check | cost | solve | bound | generate | variant | price:
// the meeting schedule solver on files in the formats of
// formats/schedule-problem.md.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>

#include <unistd.h>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "convene/cli/commands.h"
#include "convene/schedule/bound.h"
#include "convene/schedule/cost.h"
#include "convene/schedule/generate.h"
#include "convene/schedule/price.h"
#include "convene/schedule/solver.h"
#include "convene/schedule/variant.h"

namespace convene::cli {
namespace {

namespace sch = convene::schedule;

// CLI11 exits quietly on RuntimeError, so the message goes to stderr first.
[[noreturn]] void fail(const Error& e) {
  const auto message = "convene: " + e.code + ": " + e.message;
  std::cerr << message << "\n";
  throw CLI::RuntimeError(message, 1);
}

template <class T>
T need(Result<T> r) {
  if (!r) fail(r.error());
  return std::move(r).value();
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail(not_found("file_unreadable", "cannot read " + path));
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void write_text(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text << "\n";
    return;
  }
  std::ofstream out(path);
  if (!(out << text << "\n")) fail(Error{"file_unwritable", "cannot write " + path, ErrorKind::internal});
}

sch::Problem load_problem(const std::string& path) { return need(sch::parse_problem(read_text(path))); }
sch::Schedule load_schedule(const std::string& path) { return need(sch::parse_schedule(read_text(path))); }

void print_terms(const sch::CostReport& r, bool violations) {
  for (const auto& t : r.terms) {
    std::printf("%-30s %6d %14lld\n", std::string(to_string(t.term)).c_str(), t.count, static_cast<long long>(t.cost));
  }
  if (violations) {
    for (const auto& v : r.violations) {
      std::string who;
      for (const auto& s : v.sessions) who += (who.empty() ? "" : " ") + s;
      std::printf("  %s x%d [%s] %s\n", std::string(to_string(v.term)).c_str(), v.count, who.c_str(), v.detail.c_str());
    }
  }
  std::printf("cost %lld\n", static_cast<long long>(r.total));
}

struct Args {
  std::string problem, solution, output, start, planted, variant;
  bool json = false, violations = false, no_anneal = false, no_polish = false, no_exact = false, open_exclusive = false, verbose = false;
  double sat_seconds = 300;
  sch::SolveOptions solve;
  sch::GenerateOptions generate;
  sch::MergeOptions merge;
  int attendees = -1;
  sch::PriceOptions price;
};
Args args;

// check: an invalid problem or schedule exits with status 2 (usage errors,
// e.g. an unreadable file, keep status 1).
void check() {
  auto parsed = sch::parse_problem(read_text(args.problem));
  if (!parsed) {
    const auto message = "convene: " + parsed.error().code + ": " + parsed.error().message;
    std::cerr << message << "\n";
    throw CLI::RuntimeError(message, 2);
  }
  const auto& p = *parsed;
  std::printf("problem %s: %zu sessions, %zu groups, %zu rooms, %zu timeslots, %zu constraints, %zu fixed\n",
              p.meeting_number.c_str(), p.sessions.size(), p.groups.size(), p.rooms.size(), p.timeslots.size(),
              p.constraints.size(), p.fixed.size());
  if (args.solution.empty()) return;
  auto r = sch::parse_schedule(read_text(args.solution));
  auto cost = r ? sch::evaluate(p, *r) : Result<sch::CostReport>(r.error());
  if (!cost) {
    const auto message = "convene: " + cost.error().code + ": " + cost.error().message;
    std::cerr << message << "\n";
    throw CLI::RuntimeError(message, 2);
  }
  std::printf("schedule feasible: %d of %zu sessions placed, cost %lld\n", cost->scheduled, p.sessions.size(),
              static_cast<long long>(cost->total));
}

void cost() {
  const auto p = load_problem(args.problem);
  const auto r = need(sch::evaluate(p, load_schedule(args.solution)));
  if (args.json) return write_text("-", sch::to_json(r).dump(1));
  print_terms(r, args.violations);
}

// Progress on stderr, one line rewritten in place (only on a terminal).
void show_progress(const sch::SolveProgress& p) {
  std::fprintf(stderr, "\r%7.1fs  best %lld  %.1fM moves/s   ", p.elapsed_s, static_cast<long long>(p.best_cost),
               p.elapsed_s > 0 ? static_cast<double>(p.moves) / p.elapsed_s / 1e6 : 0.0);
}

void solve() {
  const auto p = load_problem(args.problem);
  auto options = args.solve;
  if (!args.start.empty()) options.start = load_schedule(args.start);
  options.anneal = !args.no_anneal;
  options.exact = !args.no_exact;
  options.close_exclusive = !args.open_exclusive;
  options.polish = !args.no_polish;
  const bool terminal = isatty(fileno(stderr));
  if (terminal) options.progress = show_progress;
  const auto r = need(sch::solve(p, options));
  if (terminal) std::fprintf(stderr, "\n");
  if (args.verbose) {
    for (const auto& pass : r.passes) {
      std::fprintf(stderr, "%-9s %s %7.2fs %12lld moves  cost %lld\n", pass.name.c_str(), pass.ran ? "ran " : "off ",
                   pass.seconds, static_cast<long long>(pass.moves), static_cast<long long>(pass.cost));
    }
  }
  const auto bound = need(sch::lower_bound(p));
  const std::string proof = r.proven_optimal ? "proven optimal"
                                              : "proven lower bound " + std::to_string(bound.lower_bound) + ", gap " +
                                                    std::to_string(r.report.total - bound.lower_bound);
  std::fprintf(stderr, "cost %lld (%s), best after %.2fs of %.2fs, %lld moves, %.1fM moves/s, seed %llu\n",
               static_cast<long long>(r.report.total), proof.c_str(), r.best_at_s, r.seconds,
               static_cast<long long>(r.moves),
               r.search_seconds > 0 ? static_cast<double>(r.moves) / r.search_seconds / 1e6 : 0.0,
               static_cast<unsigned long long>(r.seed));
  auto doc = sch::to_json(r.schedule);
  const auto report = sch::to_json(r.report);
  doc["cost"] = report["cost"];
  doc["violations"] = report["violations"];
  write_text(args.output, doc.dump(1));
}

void bound() {
  const auto p = load_problem(args.problem);
  sch::BoundOptions options;
  options.sat_seconds = args.sat_seconds;
  std::optional<sch::CostReport> given;
  if (!args.solution.empty()) {
    given = need(sch::evaluate(p, load_schedule(args.solution)));
    options.upper = given->total;
  }
  const auto b = need(sch::lower_bound(p, options));
  std::printf("assignment bound   %lld\nwith overlap bound %lld (%d conflict sets, at most %d slots without overlap)\n",
              static_cast<long long>(b.assignment), static_cast<long long>(b.with_overlap), b.conflict_sets,
              b.parallel_limit);
  if (b.exclusive > 0) std::printf("exclusive bound    %lld\n", static_cast<long long>(b.exclusive));
  if (b.partition > 0) {
    std::printf("partition bound    %lld (%s)\n", static_cast<long long>(b.partition),
                b.partition_converged ? "the LP's optimum" : "found on the way, the LP unfinished");
  }
  if (args.sat_seconds > 0 && b.sat == 0 && b.optimal) {
    std::printf("sat bound          not run: the bound already meets a schedule's cost, %lld\n",
                static_cast<long long>(b.upper));
  } else if (args.sat_seconds > 0) {
    std::printf("sat bound          %lld (penalties in units of %lld, aiming at cost %lld)\n",
                static_cast<long long>(b.sat), static_cast<long long>(b.sat_unit), static_cast<long long>(b.upper));
  }
  std::printf("lower bound %lld (%s)%s\n", static_cast<long long>(b.lower_bound), b.method.c_str(),
              b.optimal ? ", optimal: a schedule of that cost exists" : "");
  if (!given) return;
  std::printf("schedule cost %lld, at most %lld above the best possible (gap)\n", static_cast<long long>(given->total),
              static_cast<long long>(given->total - b.lower_bound));
}

void generate() {
  const auto planted = need(sch::generate_planted(args.generate));
  write_text(args.output, sch::to_json(planted.problem).dump(1));
  if (!args.planted.empty()) write_text(args.planted, sch::to_json(planted.schedule).dump(1));
}

void variant() {
  auto options = args.merge;
  if (args.attendees >= 0) options.attendees = args.attendees;
  const auto v = need(sch::merge_sessions(load_problem(args.problem), options));
  write_text(args.output, sch::to_json(v).dump(1));
}

nlohmann::json to_json(const sch::PricedProblem& p) {
  return {{"best", p.best}, {"bound", p.bound}, {"optimal", p.optimal}};
}

void price() {
  const auto r = need(sch::price(load_problem(args.problem), load_problem(args.variant), args.price));
  if (args.json) {
    const nlohmann::json doc = {{"base", to_json(r.base)},
                                {"variant", to_json(r.variant)},
                                {"price", {{"lower", r.lower}, {"upper", r.upper}}}};
    return write_text("-", doc.dump(1));
  }
  auto line = [](const char* name, const sch::PricedProblem& p) {
    std::printf("%-8s best %lld, bound %lld%s\n", name, static_cast<long long>(p.best), static_cast<long long>(p.bound),
                p.optimal ? " (optimal)" : "");
  };
  line("base", r.base);
  line("variant", r.variant);
  std::printf("price [%lld, %lld]\n", static_cast<long long>(r.lower), static_cast<long long>(r.upper));
}

}  // namespace

void add_schedule_commands(CLI::App& app) {
  auto* schedule = app.add_subcommand("schedule", "Check, cost, solve, bound and price meeting schedules");
  schedule->require_subcommand(1);

  auto* c = schedule->add_subcommand("check", "Validate a problem, and a schedule for it if given");
  c->add_option("problem", args.problem, "problem JSON (convene-schedule-problem/1)")->required();
  c->add_option("schedule", args.solution, "schedule JSON (convene-schedule/1)");
  c->callback(check);

  auto* k = schedule->add_subcommand("cost", "Cost of a schedule by term (cost model 1)");
  k->add_option("problem", args.problem, "problem JSON")->required();
  k->add_option("schedule", args.solution, "schedule JSON")->required();
  k->add_flag("--json", args.json, "print the report as JSON");
  k->add_flag("--violations", args.violations, "list every violation with its sessions");
  k->callback(cost);

  auto* s = schedule->add_subcommand("solve", "Propose a schedule minimising cost model 1");
  s->add_option("problem", args.problem, "problem JSON")->required();
  s->add_option("-o,--output", args.output, "schedule file to write (default: stdout)");
  s->add_option("--seed", args.solve.seed, "random seed")->capture_default_str();
  s->add_option("--iterations", args.solve.iterations,
                "annealing moves: deterministic for a seed (default: 200000 per session, or none with --time-limit)");
  s->add_option("--time-limit", args.solve.time_limit_s,
                "search for at most this many seconds: annealing, then SAT passes that stop early once the "
                "schedule is proven optimal (the result is then not deterministic)");
  s->add_option("--threads", args.solve.threads, "searches at once (seeds seed, seed+1, ...); with --time-limit they share the best schedule; the cheapest wins")
      ->capture_default_str();
  s->add_flag("-v,--verbose", args.verbose, "report each pass");
  s->add_option("--start", args.start, "improve this schedule instead of building one");
  s->add_flag("--no-anneal", args.no_anneal, "skip the annealing pass");
  s->add_flag("--no-polish", args.no_polish, "skip the polishing pass");
  s->add_flag("--no-exact", args.no_exact, "skip the SAT passes of a --time-limit run (annealing only)");
  s->add_flag("--open-exclusive", args.open_exclusive,
              "search with exclusive overlaps as costs, not forbidden until the final polish");
  s->callback([] {
    if (!args.start.empty()) args.solve.construct = false;
    solve();
  });

  auto* b = schedule->add_subcommand("bound", "Proven lower bound on any schedule's cost");
  b->add_option("problem", args.problem, "problem JSON")->required();
  b->add_option("schedule", args.solution, "schedule JSON: also show how far it can be from the best");
  b->add_option("--sat-seconds", args.sat_seconds, "time for the exact SAT method (0: skip it)")->capture_default_str();
  b->callback(bound);

  auto* g = schedule->add_subcommand("generate", "Write a synthetic problem (demo, tests, benchmarks)");
  g->add_option("--sessions", args.generate.sessions)->capture_default_str();
  g->add_option("--rooms", args.generate.rooms)->capture_default_str();
  g->add_option("--days", args.generate.days, "days of 4 periods (0: enough for the sessions)")->capture_default_str();
  g->add_option("--conflicts", args.generate.conflicts_per_group, "conflicts per group")->capture_default_str();
  g->add_option("--exclusive", args.generate.exclusive,
                "exclusive sessions, each alone in its planted period (every second one joint)")
      ->capture_default_str();
  g->add_option("--seed", args.generate.seed)->capture_default_str();
  g->add_option("-o,--output", args.output, "file to write (default: stdout)");
  g->add_option("--planted", args.planted, "also write the planted schedule (cost 0) here");
  g->callback(generate);

  auto* v = schedule->add_subcommand("variant", "Write a variant: sessions merged into one joint session");
  v->add_option("problem", args.problem, "problem JSON")->required();
  v->add_option("--merge", args.merge.sessions, "ids of the sessions to merge, comma-separated (the first names it)")
      ->required()
      ->delimiter(',');
  v->add_flag("--exclusive", args.merge.exclusive, "make the joint session exclusive");
  v->add_option("--attendees", args.attendees, "attendance of the joint session (default: the sum)");
  v->add_option("-o,--output", args.output, "file to write (default: stdout)");
  v->callback(variant);

  auto* p = schedule->add_subcommand("price", "Price of a variant: solve and bound both, a proven interval");
  p->add_option("problem", args.problem, "base problem JSON")->required();
  p->add_option("variant", args.variant, "variant problem JSON")->required();
  p->add_option("--time-limit", args.price.time_limit_s,
                "per problem: seconds to solve, and as many at most for the exact bound")
      ->capture_default_str();
  p->add_option("--seed", args.price.seed, "random seed")->capture_default_str();
  p->add_option("--threads", args.price.threads, "searches per solve")->capture_default_str();
  p->add_flag("--json", args.json, "print the report as JSON");
  p->callback(price);
}

}  // namespace convene::cli
