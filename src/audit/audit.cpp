#include "convene/audit/audit.h"

namespace convene::audit_object {
namespace {

std::string named(std::string_view kind, std::string_view a, std::string_view b = {}) {
  std::string out(kind);
  out += ':';
  out += a;
  if (!b.empty()) {
    out += ':';
    out += b;
  }
  return out;
}

}  // namespace

std::string person(std::string_view email) { return named("person", email); }
std::string meeting(std::string_view number) { return named("meeting", number); }
std::string area(std::string_view acronym) { return named("area", acronym); }
std::string group(std::string_view acronym) { return named("group", acronym); }
std::string draft(std::string_view name, std::string_view rev) {
  return named("draft", std::string(name) + "-" + std::string(rev));
}
std::string request(std::int64_t id) { return named("request", std::to_string(id)); }
std::string dispatch_session(std::string_view meeting, std::string_view venue) {
  return named("dispatch-session", meeting, venue);
}
std::string wg_agenda(std::string_view meeting, std::string_view group) { return named("wg-agenda", meeting, group); }
std::string hotrfc(std::string_view meeting, std::string_view draft) { return named("hotrfc", meeting, draft); }
std::string telechat(std::int64_t date) { return named("telechat", format_date(date)); }
std::string telechat_series(std::string_view kind) { return named("telechat-series", kind); }
std::string session_request(std::int64_t id) { return named("session-request", std::to_string(id)); }
std::string schedule(std::string_view meeting, std::string_view name) { return named("schedule", meeting, name); }

}  // namespace convene::audit_object
