#include "convene/plan/plan.h"

namespace convene {

std::string_view to_string(SessionRequestState s) {
  switch (s) {
    case SessionRequestState::needs_ad: return "needs-ad";
    case SessionRequestState::pending: return "pending";
    case SessionRequestState::approved: return "approved";
  }
  return "pending";
}

std::optional<SessionRequestState> session_request_state_from(std::string_view s) {
  for (auto v : {SessionRequestState::needs_ad, SessionRequestState::pending, SessionRequestState::approved})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

}  // namespace convene
