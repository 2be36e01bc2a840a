#include <nlohmann/json.hpp>

#include "convene/dispatch/dispatch.h"
#include "convene/meeting/json_fields.h"

namespace convene {
namespace {

using nlohmann::json;
namespace jf = json_fields;

std::string describe(const DispatchRequest& r) {
  return "request #" + std::to_string(r.id) + " (" + r.draft + ")";
}

Error already_dispatched(const DispatchRequest& r) {
  std::string outcome = r.outcome ? std::string(to_string(r.outcome->kind)) : "dispatched";
  if (r.outcome && !r.outcome->target.empty()) outcome += " " + r.outcome->target;
  return conflict("already_dispatched",
                  describe(r) + " was already dispatched (" + outcome + "); its outcome is final");
}

bool needs_target(OutcomeKind k) {
  return k == OutcomeKind::existing_wg || k == OutcomeKind::ad_sponsored ||
         k == OutcomeKind::more_discussion || k == OutcomeKind::other_dispatch;
}

std::string_view target_meaning(OutcomeKind k) {
  switch (k) {
    case OutcomeKind::existing_wg: return "the working group";
    case OutcomeKind::ad_sponsored: return "the sponsoring area director";
    case OutcomeKind::more_discussion: return "the mailing list for the discussion";
    case OutcomeKind::other_dispatch: return "the dispatch venue it is routed to";
    default: return "";
  }
}

bool group_acronym(const std::string& s) {
  if (s.empty() || s.size() > 40 || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::string all_kinds() {
  return "existing-wg, new-wg, bof, ad-sponsored, more-discussion, not-ietf, other-dispatch";
}

Result<OutcomeKind> read_kind(const json& body) {
  auto kind = jf::text(body, "outcome", {.max_chars = 40});
  if (!kind) return kind.error();
  auto k = outcome_kind_from(*kind);
  if (!k)
    return invalid("unknown_outcome", "outcome: '" + *kind +
                                          "' is not a dispatch outcome; dispatch never adopts "
                                          "drafts, it recommends one of " + all_kinds());
  return *k;
}

Status check_target(OutcomeKind k, const std::string& target, const DispatchRequest& r) {
  if (needs_target(k) && target.empty())
    return invalid("target_required", "target: a " + std::string(to_string(k)) +
                                          " outcome names " + std::string(target_meaning(k)));
  if (k == OutcomeKind::existing_wg && !group_acronym(target))
    return jf::bad_value("target", "'" + target + "' is not a working group acronym (e.g. \"httpbis\")");
  if (k == OutcomeKind::other_dispatch) {
    if (!is_dispatch_venue(target))
      return jf::bad_value("target", "'" + target + "' is not a dispatch venue");
    if (target == r.venue)
      return jf::bad_value("target", "'" + target + "' is the venue of this request; other-dispatch "
                                                    "routes to a different venue");
  }
  return ok_status();
}

}  // namespace

Result<DispatchRequest> decide(const DispatchRequest& req, const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  auto decision = jf::text(body, "decision", {.max_chars = 20});
  if (!decision) return decision.error();
  if (*decision != "accept" && *decision != "decline")
    return jf::bad_value("decision", "'" + *decision + "' is not one of accept, decline");
  auto reason = jf::optional_text(body, "reason", {.max_chars = 1000, .allow_empty = true,
                                                   .multiline = true});
  if (!reason) return reason.error();
  if (req.state == RequestState::dispatched) return already_dispatched(req);

  DispatchRequest out = req;
  if (*decision == "accept") {
    if (req.state != RequestState::accepted) out.position = 0;
    out.state = RequestState::accepted;
    out.decline_reason.clear();
    return out;
  }
  if (!*reason || (*reason)->empty())
    return invalid("reason_required", "reason: a decline needs a reason the proponent can read");
  out.state = RequestState::declined;
  out.decline_reason = **reason;
  out.position = 0;
  return out;
}

Result<DispatchRequest> decide(const DispatchRequest& req, const json& body, UnixSeconds now) {
  auto r = decide(req, body);
  if (r) r->decided_at = now;
  return r;
}

Result<DispatchRequest> record_outcome(const DispatchRequest& req, const Meeting& meeting,
                                       const json& body, UnixSeconds now, const std::string& by) {
  if (auto st = jf::require_object(body); !st) return st.error();
  auto kind = read_kind(body);
  if (!kind) return kind.error();
  auto target = jf::optional_text(body, "target", {.max_chars = 200, .allow_empty = true});
  if (!target) return target.error();
  auto notes = jf::optional_text(body, "notes", {.max_chars = 5000, .allow_empty = true,
                                                 .multiline = true});
  if (!notes) return notes.error();

  if (req.state == RequestState::dispatched) return already_dispatched(req);
  if (req.state != RequestState::accepted)
    return conflict("not_accepted", describe(req) + " is " + std::string(to_string(req.state)) +
                                        "; only an accepted request can get an outcome");
  if (*kind == OutcomeKind::other_dispatch && meeting.dispatch_mode == DispatchMode::consolidated &&
      meeting.type == MeetingType::plenary)
    return rejected("not_in_consolidated",
                    "outcome: other-dispatch routes work to another dispatch venue, but at " +
                        meeting_title(meeting) + " ALLDISPATCH is the only dispatch venue");
  std::string t = target->value_or("");
  if (*kind == OutcomeKind::other_dispatch)
    for (char& c : t)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (auto st = check_target(*kind, t, req); !st) return st.error();

  DispatchRequest out = req;
  out.state = RequestState::dispatched;
  out.outcome = Outcome{*kind, t, notes->value_or(""), now, by};
  return out;
}

}  // namespace convene
