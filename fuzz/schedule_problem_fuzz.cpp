// libFuzzer target: a scheduling problem as someone uploads it, through
// parse_problem; when it is accepted, the cost of the schedule that places
// only its fixed assignments, and the interchange round trip. A crash, a
// sanitizer report, an escaping exception, an error message longer than a
// few hundred bytes plus the input, a problem whose to_json() is refused by
// parse_problem or does not read back unchanged, or a cost that is negative
// is a finding. (The fixed assignments themselves may be infeasible: evaluate
// refusing them is not a finding.)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "convene/schedule/cost.h"
#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace convene::schedule;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto problem = parse_problem(text);
  if (!problem.ok()) {
    if (problem.error().message.size() > 2'000 + size) std::abort();
    return 0;
  }

  const Schedule fixed_only{problem->fixed};
  if (auto report = evaluate(*problem, fixed_only); report.ok()) {
    if (report->total < 0 || report->scheduled != static_cast<int>(problem->fixed.size())) std::abort();
    (void)to_json(*report).dump();
  }

  const nlohmann::json doc = to_json(*problem);
  auto again = parse_problem(doc.dump());
  if (!again.ok()) std::abort();
  if (to_json(*again) != doc) std::abort();
  return 0;
}
