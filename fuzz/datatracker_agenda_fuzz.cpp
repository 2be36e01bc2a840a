// libFuzzer target: a Datatracker agenda.json as an operator imports it,
// through read_datatracker_agenda in the zone of IETF 115 (a few
// inputs pick another zone by their first byte). A crash, a sanitizer report,
// an escaping exception, an error message longer than a few hundred bytes
// plus the input, or an accepted agenda breaking what the header promises
// (the problem reads back unchanged through problem_from_json(to_json()),
// the official schedule passes check_schedule, every problem session is
// placed) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "convene/schedule/cost.h"
#include "convene/schedule/datatracker_agenda.h"
#include "convene/schedule/problem.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace convene::schedule;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view zone = "Europe/London";
  if (!text.empty() && text.front() == '\x01') {
    zone = "Pacific/Chatham";  // +12:45/+13:45: local day parts off the hour
    text.remove_prefix(1);
  } else if (!text.empty() && text.front() == '\x02') {
    zone = "Not/AZone";
    text.remove_prefix(1);
  }
  auto agenda = read_datatracker_agenda(text, zone);
  if (!agenda.ok()) {
    if (agenda.error().message.size() > 2'000 + size) std::abort();
    return 0;
  }
  if (agenda->official.assignments.size() != agenda->problem.sessions.size()) std::abort();
  if (!check_schedule(agenda->problem, agenda->official).ok()) std::abort();
  const nlohmann::json doc = to_json(agenda->problem);
  auto again = problem_from_json(doc);
  if (!again.ok() || to_json(*again) != doc) std::abort();
  return 0;
}
