// The account use cases of API tokens and passwords: create, list and revoke
// tokens; change a password, which ends the person's other sessions. Each
// runs in the caller's transaction and records its audit entry there. Pure:
// time is passed in; secrets arrive as digests (the caller makes the secret
// and shows it once).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "convene/audit/audit.h"
#include "convene/auth/repository.h"

namespace convene {

inline constexpr std::size_t kMaxTokenName = 64;
inline constexpr int kMaxTokenDays = 3650;

// What a new API token is asked to be.
struct TokenRequest {
  std::string name;                    // 1 to kMaxTokenName characters, no control characters
  std::optional<int> expires_in_days;  // 1 to kMaxTokenDays; none: never expires
};

// Checks a TokenRequest. Error "bad_value" (invalid) naming the field.
Status check_token_request(const TokenRequest& request);

// Stores a token (its digest) for the person with `email` ("person_unknown",
// not found), named and expiring as asked (expires_at = now + days).
// Records "token.create" by `actor`. Returns the token as it is listed.
// Error "bad_value" when check_token_request fails; nothing is stored then.
Result<ApiToken> create_token(PeopleRepository& people, AuditLog& audit, const std::string& actor,
                              const std::string& email, const TokenRequest& request, const std::string& digest,
                              UnixSeconds now);

// The tokens of the person with `email`, by id ("person_unknown").
Result<std::vector<ApiToken>> list_tokens(PeopleRepository& people, const std::string& email);

// Ok when `who` may see and revoke the tokens of `email`: their own, or
// anyone's for the secretariat. Otherwise forbidden.
Status may_manage_tokens(const Person& who, const std::string& email);

// Revokes the token `id` of the person with `email`. Errors
// "person_unknown" and "token_unknown" (none, or another person's: not
// found either way). Records "token.revoke" by `actor` with the id.
Status revoke_token(PeopleRepository& people, AuditLog& audit, const std::string& actor, const std::string& email,
                    std::int64_t id, UnixSeconds now);

// A password change runs in two steps so that no Argon2 work holds the
// write transaction. First, outside any transaction, new_password_hash checks
// `current` against the hash read for the person (`stored`; nullopt for an
// unknown account, which takes as long and fails the same) and `fresh`
// against check_password, and returns the Argon2id hash of `fresh`. Errors
// "wrong_password" (forbidden) and "weak_password" (invalid). REQUIRES sodium
// initialised (init_crypto()).
Result<std::string> new_password_hash(const std::optional<std::string>& stored, const std::string& email,
                                      const std::string& current, const std::string& fresh);

// Then, in one write transaction: stores `fresh_hash` for who when the hash
// stored is still `read_hash` (else "password_changed", conflict: someone
// changed it in between), ends every API token of who and every web session
// but `keep_session` (a session digest; "" ends them all), and records
// "password.change" by who. Nothing changes on error.
Status replace_password(PeopleRepository& people, AuditLog& audit, const Person& who, const std::string& read_hash,
                        const std::string& fresh_hash, const std::string& keep_session, UnixSeconds now);

}  // namespace convene
