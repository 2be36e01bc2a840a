// The solver benchmark of docs/schedule-solver.md: for each problem and
// seed, one solve of --seconds (one thread unless --threads), with the best
// cost read off at 1, 10 and 60 s; then a Markdown table of medians, moves
// per second, the proven lower bound and the gap. Not a test: it takes
// problems x seeds x seconds to run.
//
// usage: see kUsage below (schedule_table --help); --late N is late
// acceptance with a history of N moves.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "convene/schedule/bound.h"
#include "convene/schedule/cost.h"
#include "convene/schedule/generate.h"
#include "convene/schedule/solver.h"

#include <nlohmann/json.hpp>

namespace sch = convene::schedule;

namespace {

struct Args {
  std::vector<std::string> problems{"ietf106", "ietf83", "planted125", "planted500", "planted2000"};
  int seeds = 5;
  double seconds = 60;
  int threads = 1;
  bool stop_at_bound = false;
  std::string dump;          // write the last run's schedule here
  std::int64_t target = -1;  // stop a run once it reaches this cost
  double sat_seconds = 300;
  sch::SolveOptions tuning;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

constexpr const char* kUsage =
    "usage: schedule_table [--problems ietf106,ietf83,planted125,planted500,planted2000,planted500x5,FILE.json]\n"
    "                      [--seeds 5] [--seconds 60] [--threads 1] [--stop-at-bound 0|1] [--dump FILE]\n"
    "                      [--target COST] [--sat-seconds 300] [--cycle-moves N] [--t0 X] [--t1 X]\n"
    "                      [--period X] [--reheat X] [--late N] [--exact 0|1] [--close-exclusive 0|1]\n";

// Every option takes a value; --help (or -h) prints the usage. Anything
// else, or an option without its value, is an error (exit 2): a benchmark
// run with a mistyped option would otherwise run for minutes on defaults.
Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--help" || k == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "option %s needs a value\n%s", k.c_str(), kUsage);
      std::exit(2);
    }
    const std::string v = argv[i + 1];
    if (k == "--problems") a.problems = split(v);
    else if (k == "--seeds") a.seeds = std::stoi(v);
    else if (k == "--seconds") a.seconds = std::stod(v);
    else if (k == "--threads") a.threads = std::stoi(v);
    else if (k == "--stop-at-bound") a.stop_at_bound = v == "1";
    else if (k == "--dump") a.dump = v;
    else if (k == "--target") a.target = std::stoll(v);
    else if (k == "--sat-seconds") a.sat_seconds = std::stod(v);
    else if (k == "--cycle-moves") a.tuning.cycle_moves = std::stoll(v);
    else if (k == "--t0") a.tuning.start_temperature = std::stod(v);
    else if (k == "--t1") a.tuning.end_temperature = std::stod(v);
    else if (k == "--period") a.tuning.period_moves = std::stod(v);
    else if (k == "--reheat") a.tuning.reheat = std::stod(v);
    else if (k == "--late") a.tuning.late_acceptance = std::stoll(v);
    else if (k == "--exact") a.tuning.exact = v == "1";
    else if (k == "--close-exclusive") a.tuning.close_exclusive = v == "1";
    else {
      std::fprintf(stderr, "unknown option %s\n%s", k.c_str(), kUsage);
      std::exit(2);
    }
  }
  return a;
}

struct Named {
  std::string name;
  sch::Problem problem;
  std::string official;  // cost of the published schedule, if any
};

Named load(const std::string& name) {
  const std::string dir = std::string(CONVENE_SHARED_DIR) + "/data/schedule/";
  if (name.ends_with(".json")) {  // a problem file, e.g. a variant
    const auto base = name.substr(name.find_last_of('/') + 1);
    return {base.substr(0, base.find('.')), *sch::parse_problem(read_file(name)), ""};
  }
  if (name.rfind("planted", 0) == 0) {
    sch::GenerateOptions g;
    g.sessions = std::stoi(name.substr(7));
    const auto x = name.find('x');  // planted125x3: with 3 exclusive sessions
    if (x != std::string::npos) g.exclusive = std::stoi(name.substr(x + 1));
    g.rooms = 8;  // as IETF 106; days follow from the session count
    g.seed = 1;
    return {name, *sch::generate(g), ""};
  }
  Named n{name, *sch::parse_problem(read_file(dir + name + ".problem.json")), ""};
  const auto official = read_file(dir + name + ".official.json");
  if (!official.empty()) {
    n.official = std::to_string(sch::evaluate(n.problem, *sch::parse_schedule(official))->total);
  }
  return n;
}

long peak_rss_mb() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  }
  return -1;
}

struct Run {
  std::int64_t at[3] = {-1, -1, -1};  // best cost after 1, 10, 60 s
  std::int64_t final_cost = 0;
  double best_at_s = 0, moves_per_s = 0;
  std::string passes;  // each pass: cost after it, seconds
};

constexpr double kMarks[3] = {1, 10, 60};

Run run(const sch::Problem& p, const Args& a, std::uint64_t seed, std::int64_t target) {
  sch::SolveOptions o = a.tuning;
  o.seed = seed;
  o.time_limit_s = a.seconds;
  o.threads = a.threads;
  o.verify = false;
  o.target_cost = target;
  o.progress_every_s = 0.02;
  Run r;
  o.progress = [&](const sch::SolveProgress& s) {
    for (int i = 0; i < 3; ++i) {
      if (s.elapsed_s <= kMarks[i]) r.at[i] = s.best_cost;
    }
  };
  const auto result = sch::solve(p, o);
  if (!result) {
    std::fprintf(stderr, "solve failed: %s\n", result.error().message.c_str());
    std::exit(1);
  }
  r.final_cost = result->report.total;
  for (const auto& pass : result->passes) {
    if (pass.ran) r.passes += " " + pass.name + " " + std::to_string(pass.cost) + " @" + std::to_string(pass.seconds).substr(0, 4) + "s";
  }
  if (!a.dump.empty()) std::ofstream(a.dump) << sch::to_json(result->schedule).dump(1) << "\n";
  r.best_at_s = result->best_at_s;
  r.moves_per_s = static_cast<double>(result->moves) / std::max(1e-9, result->search_seconds);
  for (int i = 0; i < 3; ++i) {
    // Finished before the mark, or found the final schedule by then (the
    // exact pass reports no progress while it runs).
    if (kMarks[i] >= result->seconds || r.best_at_s <= kMarks[i]) r.at[i] = r.final_cost;
  }
  return r;
}

// The median of the values known (>= 0), or -1 if none is.
template <class T>
T median(std::vector<T> v) {
  std::erase_if(v, [](T x) { return x < 0; });
  if (v.empty()) return -1;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// "-": beyond the run's length, or no schedule yet (still constructing).
std::string cell(std::int64_t v, double mark, double seconds) {
  return mark > seconds || v < 0 ? "-" : std::to_string(v);
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  std::vector<std::string> rows;
  for (const auto& name : a.problems) {
    const Named n = load(name);
    sch::BoundOptions bo;
    bo.sat_seconds = a.sat_seconds;
    const auto bound = sch::lower_bound(n.problem, bo);
    const std::int64_t lb = bound ? bound->lower_bound : 0;
    std::fprintf(stderr, "%s: %zu sessions, lower bound %lld (%s), best known %lld\n", n.name.c_str(),
                 n.problem.sessions.size(), static_cast<long long>(lb), bound ? bound->method.c_str() : "?",
                 static_cast<long long>(bound ? bound->upper : -1));
    std::vector<std::int64_t> at[3], finals;
    std::vector<double> best_at, rates;
    for (int seed = 1; seed <= a.seeds; ++seed) {
      const Run r = run(n.problem, a, seed, a.stop_at_bound ? lb : a.target);
      std::fprintf(stderr, "  seed %d: 1s %lld  10s %lld  60s %lld  final %lld  best at %.2fs  %.2fM moves/s |%s\n", seed,
                   static_cast<long long>(r.at[0]), static_cast<long long>(r.at[1]), static_cast<long long>(r.at[2]),
                   static_cast<long long>(r.final_cost), r.best_at_s, r.moves_per_s / 1e6, r.passes.c_str());
      for (int i = 0; i < 3; ++i) at[i].push_back(r.at[i]);
      finals.push_back(r.final_cost);
      best_at.push_back(r.best_at_s);
      rates.push_back(r.moves_per_s);
    }
    const auto best = median(finals);
    char row[512];
    std::snprintf(row, sizeof row, "| %s | %zu | %s | %s | %s | %lld (%lld..%lld) | %.2f | %.1fM | %lld | %lld | %s | %ld |",
                  n.name.c_str(), n.problem.sessions.size(), cell(median(at[0]), 1, a.seconds).c_str(),
                  cell(median(at[1]), 10, a.seconds).c_str(), cell(median(at[2]), 60, a.seconds).c_str(),
                  static_cast<long long>(best), static_cast<long long>(*std::min_element(finals.begin(), finals.end())),
                  static_cast<long long>(*std::max_element(finals.begin(), finals.end())), median(best_at),
                  median(rates) / 1e6, static_cast<long long>(lb), static_cast<long long>(best - lb),
                  n.official.empty() ? "-" : n.official.c_str(), peak_rss_mb());
    rows.push_back(row);
    std::fprintf(stderr, "%s\n", row);
  }
  std::printf("| problem | sessions | cost 1 s | cost 10 s | cost 60 s | final (min..max) | time to best s | moves/s | lower bound | gap | official | peak RSS MB |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& r : rows) std::printf("%s\n", r.c_str());
}
