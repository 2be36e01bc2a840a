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
  // The person an API token digest belongs to.
  virtual Result<std::optional<Person>> by_token(const std::string& digest) = 0;
  virtual Result<std::optional<std::string>> password_hash(const std::string& email) = 0;
  // Creates the person, or updates name and password hash of an existing one;
  // adds `roles` (never removes one). Returns the person's id.
  virtual Result<std::int64_t> save(const std::string& email, const std::string& name,
                                    const std::string& password_hash,
                                    const std::vector<std::string>& roles) = 0;
  virtual Status add_token(std::int64_t person_id, const std::string& digest, UnixSeconds now) = 0;
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
