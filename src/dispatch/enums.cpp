#include "convene/dispatch/dispatch.h"

namespace convene {

std::string_view to_string(RequestState s) {
  switch (s) {
    case RequestState::pending: return "pending";
    case RequestState::accepted: return "accepted";
    case RequestState::declined: return "declined";
    case RequestState::dispatched: return "dispatched";
    case RequestState::withdrawn: return "withdrawn";
  }
  return "pending";
}

std::string_view to_string(OutcomeKind k) {
  switch (k) {
    case OutcomeKind::existing_wg: return "existing-wg";
    case OutcomeKind::new_wg: return "new-wg";
    case OutcomeKind::bof: return "bof";
    case OutcomeKind::ad_sponsored: return "ad-sponsored";
    case OutcomeKind::more_discussion: return "more-discussion";
    case OutcomeKind::not_ietf: return "not-ietf";
    case OutcomeKind::other_dispatch: return "other-dispatch";
  }
  return "more-discussion";
}

const std::vector<RequestState>& request_states() {
  static const std::vector<RequestState> v = {RequestState::pending, RequestState::accepted,
                                              RequestState::declined, RequestState::dispatched,
                                              RequestState::withdrawn};
  return v;
}

const std::vector<OutcomeKind>& outcome_kinds() {
  static const std::vector<OutcomeKind> v = {
      OutcomeKind::existing_wg,     OutcomeKind::new_wg,   OutcomeKind::bof,
      OutcomeKind::ad_sponsored,    OutcomeKind::more_discussion, OutcomeKind::not_ietf,
      OutcomeKind::other_dispatch};
  return v;
}

std::vector<OutcomeKind> outcome_kinds_at(const Meeting& m) {
  bool only_alldispatch = m.type == MeetingType::plenary && m.dispatch_mode == DispatchMode::consolidated;
  std::vector<OutcomeKind> out;
  for (OutcomeKind k : outcome_kinds())
    if (k != OutcomeKind::other_dispatch || !only_alldispatch) out.push_back(k);
  return out;
}

std::optional<RequestState> request_state_from(std::string_view s) {
  for (auto v : request_states())
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::optional<OutcomeKind> outcome_kind_from(std::string_view s) {
  for (auto v : outcome_kinds())
    if (to_string(v) == s) return v;
  return std::nullopt;
}

}  // namespace convene
