#include "convene/directory/directory.h"
#include "convene/dispatch/dispatch.h"
#include "convene/meeting/json_fields.h"

namespace convene {
namespace {

namespace jf = json_fields;

std::string describe(const DispatchRequest& r) {
  return "request #" + std::to_string(r.id) + " (" + r.draft + ")";
}

Error already_dispatched(const DispatchRequest& r) {
  std::string outcome = r.outcome ? std::string(to_string(r.outcome->kind)) : "dispatched";
  if (r.outcome && !r.outcome->target.empty()) outcome += " " + r.outcome->target;
  return conflict("already_dispatched",
                  describe(r) + " was already dispatched (" + outcome +
                      "); to correct its outcome, give the reason for the correction");
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

bool allowed_at(OutcomeKind k, const Meeting& m) {
  for (OutcomeKind allowed : outcome_kinds_at(m))
    if (allowed == k) return true;
  return false;
}

Status check_target(OutcomeKind k, const std::string& target, const DispatchRequest& r) {
  if (needs_target(k) && target.empty())
    return invalid("target_required", "target: \"" + std::string(outcome_label(k)) + "\" (" +
                                          std::string(to_string(k)) + ") names " + std::string(target_meaning(k)));
  if (k == OutcomeKind::existing_wg && !is_group_acronym(target))
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

Result<DispatchRequest> decide(const DispatchRequest& req, const Decision& d, UnixSeconds now) {
  if (req.state == RequestState::dispatched) return already_dispatched(req);
  if (req.state == RequestState::withdrawn)
    return conflict("withdrawn", describe(req) + " was withdrawn by its proponent; there is nothing to decide");
  DispatchRequest out = req;
  out.decided_at = now;
  if (d.accept) {
    if (req.state != RequestState::accepted) out.position = 0;
    out.state = RequestState::accepted;
    out.decline_reason.clear();
    return out;
  }
  if (d.reason.empty())
    return invalid("reason_required", "reason: a decline needs a reason the proponent can read");
  out.state = RequestState::declined;
  out.decline_reason = d.reason;
  out.position = 0;
  return out;
}

namespace {

// The outcome `in` asks for, by `by` at `now`, after the kind and target rules.
Result<Outcome> checked_outcome(const DispatchRequest& req, const Meeting& meeting, const OutcomeInput& in,
                                UnixSeconds now, const std::string& by) {
  if (!allowed_at(in.kind, meeting))
    return rejected("not_in_consolidated",
                    "outcome: " + std::string(to_string(in.kind)) +
                        " routes work to another dispatch venue, but at " + meeting_title(meeting) +
                        " ALLDISPATCH is the only dispatch venue");
  std::string t = in.target;
  if (in.kind == OutcomeKind::other_dispatch)
    for (char& c : t)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (auto st = check_target(in.kind, t, req); !st) return st.error();
  return Outcome{in.kind, t, in.notes, now, by};
}

}  // namespace

Result<DispatchRequest> record_outcome(const DispatchRequest& req, const Meeting& meeting,
                                       const OutcomeInput& in, UnixSeconds now, const std::string& by) {
  if (req.state == RequestState::dispatched) return already_dispatched(req);
  if (req.state != RequestState::accepted)
    return conflict("not_accepted", describe(req) + " is " + std::string(to_string(req.state)) +
                                        "; only an accepted request can get an outcome");
  auto outcome = checked_outcome(req, meeting, in, now, by);
  if (!outcome) return outcome.error();
  DispatchRequest out = req;
  out.state = RequestState::dispatched;
  out.outcome = std::move(*outcome);
  return out;
}

Result<DispatchRequest> correct_outcome(const DispatchRequest& req, const Meeting& meeting,
                                        const OutcomeInput& in, UnixSeconds now, const std::string& by) {
  if (req.state != RequestState::dispatched || !req.outcome)
    return conflict("not_dispatched", describe(req) + " is " + std::string(to_string(req.state)) +
                                          "; only a recorded outcome can be corrected");
  if (in.reason.empty())
    return invalid("reason_required", "reason: say why the recorded outcome is corrected");
  auto outcome = checked_outcome(req, meeting, in, now, by);
  if (!outcome) return outcome.error();
  DispatchRequest out = req;
  out.corrections.push_back({*req.outcome, in.reason, now, by});
  out.outcome = std::move(*outcome);
  return out;
}

}  // namespace convene
