// The account inputs shared by the API and the profile page's forms: a new
// API token's name and expiry, a password change, and the change itself
// behind the sign-in throttle. Internal to src/web.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "context.h"
#include "convene/auth/tokens.h"

namespace convene::web {

// {"name", "expires_in_days"?}: json_fields codes, then check_token_request.
Result<TokenRequest> token_request_from_json(const nlohmann::json& body);

struct PasswordChange {
  std::string current, fresh;
};
// {"current", "new"}: json_fields codes.
Result<PasswordChange> password_change_from_json(const nlohmann::json& body);

// change_password for the signed-in `who`, keeping the request's own web
// session; a wrong current password counts as a failed sign-in. Errors:
// too_many_attempts and busy (unavailable), wrong_password, weak_password.
Status change_password_checked(Context& ctx, const http::Request& req, const Person& who, const PasswordChange& change);

}  // namespace convene::web
