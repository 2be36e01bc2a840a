// Where people, their credentials and sign-in sessions are kept. Secrets are
// stored only as digests (token_digest). "Not there" is an empty optional;
// storage failure is an internal Error; no method throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convene/auth/auth.h"
#include "convene/core/time.h"

namespace convene {

// An API token as its owner sees it: never the secret nor its digest.
struct ApiToken {
  std::int64_t id = 0;
  std::string name;                         // "" for tokens made before names
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> expires_at;    // none: never expires
  std::optional<UnixSeconds> last_used_at;  // none: never used (recorded at most once a minute)
};

// How often a token's last use is written: a busy token costs one write a
// minute, not one per request.
inline constexpr UnixSeconds kTokenUseInterval = 60;

struct WebSession {
  Person person;
  std::string csrf;
  UnixSeconds expires_at = 0;
};

class PeopleRepository {
 public:
  virtual ~PeopleRepository() = default;
  // The person with that e-mail, roles sorted.
  virtual Result<std::optional<Person>> by_email(const std::string& email) = 0;
  // The person with id `id`.
  virtual Result<std::optional<Person>> by_id(std::int64_t id) = 0;
  // The person an API token digest belongs to; none once the token expired
  // (expires_at <= now) or was revoked. Does not record the use
  // (note_token_use does).
  virtual Result<std::optional<Person>> by_token(const std::string& digest, UnixSeconds now) = 0;
  virtual Result<std::optional<std::string>> password_hash(const std::string& email) = 0;
  // Creates the person, or updates name and password hash of an existing one;
  // adds `roles` (never removes one). Returns the person's id.
  virtual Result<std::int64_t> save(const std::string& email, const std::string& name,
                                    const std::string& password_hash,
                                    const std::vector<std::string>& roles) = 0;
  // Stores a token (its digest) named `name`, created at `now`, valid until
  // `expires_at` (none: for ever). Returns its id. REQUIRES: a new digest.
  virtual Result<std::int64_t> add_token(std::int64_t person_id, const std::string& digest, const std::string& name,
                                         UnixSeconds now, std::optional<UnixSeconds> expires_at) = 0;
  // The token with that digest, expired or not.
  virtual Result<std::optional<ApiToken>> token(const std::string& digest) = 0;
  // Sets the token's last_used_at to `now` unless it is already later than
  // now - kTokenUseInterval. Not there is not an error.
  virtual Status note_token_use(const std::string& digest, UnixSeconds now) = 0;
  // The person's tokens, expired ones too, by id.
  virtual Result<std::vector<ApiToken>> tokens_of(std::int64_t person_id) = 0;
  // Removes the person's token `token_id`: false when the person has no such
  // token (another person's id included), and then nothing changes.
  virtual Result<bool> revoke_token(std::int64_t person_id, std::int64_t token_id) = 0;
  // Removes every API token of the person and every web session but the one
  // with digest `keep_session` ("" keeps none).
  virtual Status end_sessions_except(std::int64_t person_id, const std::string& keep_session) = 0;
  virtual Status add_web_session(const std::string& digest, std::int64_t person_id,
                                 const std::string& csrf, UnixSeconds expires_at) = 0;
  // The session with that digest, expired or not (the caller checks expires_at).
  virtual Result<std::optional<WebSession>> web_session(const std::string& digest) = 0;
  // Removes the session; removing one that is not there is not an error.
  virtual Status delete_web_session(const std::string& digest) = 0;
  // Everyone holding `role` (e.g. "chair:quic"), by name then e-mail, roles sorted.
  virtual Result<std::vector<Person>> with_role(const std::string& role) = 0;
};

}  // namespace convene
