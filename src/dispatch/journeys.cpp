// The proponent's changes to a pending request (withdraw, amend), a chair's
// undo of a decline, and when requests to a meeting close.
#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

std::string describe(const DispatchRequest& r) {
  return "request #" + std::to_string(r.id) + " (" + r.draft + ")";
}

bool blocks_new_request(RequestState s) {
  return s == RequestState::pending || s == RequestState::accepted || s == RequestState::dispatched;
}

}  // namespace

Status check_pending(const DispatchRequest& req) {
  if (req.state == RequestState::pending) return ok_status();
  return conflict("not_pending", describe(req) + " is " + std::string(to_string(req.state)) +
                                     "; only a pending request (before the chairs decide) can be "
                                     "withdrawn or edited by its proponent");
}

Result<DispatchRequest> withdraw(const DispatchRequest& req, UnixSeconds now) {
  if (auto st = check_pending(req); !st) return st.error();
  DispatchRequest out = req;
  out.state = RequestState::withdrawn;
  out.decided_at = now;
  out.position = 0;
  return out;
}

Result<DispatchRequest> amend(const DispatchRequest& req, const RequestEdit& e) {
  if (auto st = check_pending(req); !st) return st.error();
  DispatchRequest out = req;
  out.presenter = e.presenter;
  out.question = e.question;
  out.areas = e.areas;
  out.minutes = e.minutes;
  return out;
}

Result<DispatchRequest> undo_decline(const DispatchRequest& req, const std::vector<DispatchRequest>& same_meeting,
                                     UnixSeconds now, const std::string& by) {
  if (req.state != RequestState::declined)
    return conflict("not_declined", describe(req) + " is " + std::string(to_string(req.state)) +
                                        "; only a declined request can be put back to pending");
  for (const DispatchRequest& r : same_meeting)
    if (r.id != req.id && r.draft == req.draft && r.meeting == req.meeting && blocks_new_request(r.state))
      return conflict("duplicate_request", req.draft + " already has a " + std::string(to_string(r.state)) +
                                               " request at this meeting (#" + std::to_string(r.id) +
                                               "); " + describe(req) + " stays declined");
  DispatchRequest out = req;
  out.undone_declines.push_back({req.decline_reason, req.decided_at, now, by});
  out.state = RequestState::pending;
  out.decline_reason.clear();
  out.decided_at = 0;
  out.position = 0;
  return out;
}

Status check_requests_open(const Meeting& m, UnixSeconds now) {
  if (meeting_phase(m, now) != MeetingPhase::past) return ok_status();
  return rejected("requests_closed", meeting_title(m) + " is over (its last day was " + format_date(m.end_date) +
                                         "); it takes no more dispatch requests");
}

}  // namespace convene
