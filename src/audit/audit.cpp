#include "convene/audit/audit.h"

#include <utility>

namespace convene {

std::string_view action_label(std::string_view action) {
  static const std::pair<std::string_view, std::string_view> labels[] = {
      {"area.save", "Saved an area"},
      {"group.save", "Saved a group"},
      {"person.save", "Saved a person"},
      {"meeting.create", "Created a meeting"},
      {"draft.submit", "Recorded a draft revision"},
      {"dispatch.request", "Asked for dispatch time"},
      {"dispatch.decide", "Accepted or declined a dispatch request"},
      {"dispatch.outcome", "Recorded a dispatch outcome"},
      {"dispatch.arrange", "Moved or resized an agenda item"},
      {"dispatch.session", "Changed a dispatch session"},
      {"dispatch.edit", "Changed a pending dispatch request"},
      {"dispatch.withdraw", "Withdrew a dispatch request"},
      {"dispatch.undo_decline", "Undid a decline"},
      {"dispatch.outcome_correct", "Corrected a dispatch outcome"},
      {"wg_agenda.add", "Listed a draft on a WG agenda"},
      {"hotrfc.add", "Recorded a HotRFC topic"},
      {"room.add", "Added a room"},
      {"timeslots.add", "Added timeslots"},
      {"timeslot.remove", "Removed a timeslot"},
      {"session-request.file", "Requested sessions"},
      {"session-request.approve", "Approved a session request"},
      {"exclusive.allow", "Allowed a group against an exclusive session"},
      {"plan.import", "Loaded a meeting's requests"},
      {"schedule.add", "Added a schedule"},
      {"schedule.official", "Made a schedule official"},
      {"schedule.cancel", "Stopped a solver"},
      {"telechat.create", "Created a telechat"},
      {"telechat.import", "Imported a telechat page"},
      {"telechat.item.add", "Added a telechat item"},
      {"telechat.item.close", "Closed a telechat item"},
      {"telechat.item.move", "Moved a telechat item"},
      {"telechat.regrets", "Recorded regrets"},
      {"telechat.cancel", "Cancelled or restored a telechat"},
      {"telechat.document", "Placed a document on a formal agenda"},
      {"telechat.wg_action", "Placed a WG action on a formal agenda"},
      {"telechat.series", "Changed a telechat series"},
      {"token.create", "Made an API token"},
      {"token.revoke", "Revoked an API token"},
      {"password.change", "Changed a password"},
      {"session.sign_in", "Signed in"},
  };
  for (const auto& [code, label] : labels)
    if (code == action) return label;
  return action;
}

}  // namespace convene

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
