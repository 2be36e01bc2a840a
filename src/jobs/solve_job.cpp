// The "solve" job kind: the schedule solver run by a worker, and with
// "bound_s" the proven lower bound after it.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "convene/jobs/worker.h"
#include "convene/schedule/bound.h"
#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"
#include "convene/schedule/solver.h"

namespace convene {
namespace {

using nlohmann::json;

constexpr double kMaxTimeLimitS = 3600;

Error bad_input(const std::string& message) { return invalid("bad_job_input", message); }

Result<schedule::SolveOptions> options_from(const json& in) {
  schedule::SolveOptions o;
  if (!in.contains("time_limit_s") || !in["time_limit_s"].is_number())
    return bad_input("time_limit_s must be a number of seconds");
  o.time_limit_s = in["time_limit_s"].get<double>();
  if (!(o.time_limit_s > 0 && o.time_limit_s <= kMaxTimeLimitS))
    return bad_input("time_limit_s must be more than 0 and at most 3600");
  if (in.contains("seed")) {
    if (!in["seed"].is_number_unsigned()) return bad_input("seed must be a non-negative integer");
    o.seed = in["seed"].get<std::uint64_t>();
  }
  return o;
}

Result<std::string> run_solve(const std::string& input, const ReportProgress& report) {
  json in = json::parse(input, nullptr, false);
  if (!in.is_object() || !in.contains("problem")) return bad_input("a solve job needs {\"problem\": ...}");
  auto problem = schedule::problem_from_json(in["problem"]);
  if (!problem) return problem.error();
  auto options = options_from(in);
  if (!options) return options.error();
  if (in.contains("start")) {
    auto start = schedule::schedule_from_json(in["start"]);
    if (!start) return start.error();
    options->start = std::move(*start);
  }
  options->progress = [&](const schedule::SolveProgress& p) {
    report(json{{"best_cost", p.best_cost}, {"moves", p.moves}, {"elapsed_s", p.elapsed_s}}.dump());
  };
  auto solved = schedule::solve(*problem, *options);
  if (!solved) return solved.error();
  json out = {{"schedule", schedule::to_json(solved->schedule)},
              {"cost", solved->report.total},
              {"proven_optimal", solved->proven_optimal},
              {"seconds", solved->seconds}};
  if (in.contains("bound_s") && in["bound_s"].is_number() && in["bound_s"].get<double>() > 0) {
    schedule::BoundOptions b{std::min(in["bound_s"].get<double>(), kMaxTimeLimitS), solved->report.total};
    auto bound = schedule::lower_bound(*problem, b);
    if (bound) out["bound"] = solved->proven_optimal ? solved->report.total : bound->lower_bound;
  }
  return out.dump();
}

}  // namespace

std::map<std::string, JobHandler> standard_job_handlers() { return {{"solve", run_solve}}; }

}  // namespace convene
