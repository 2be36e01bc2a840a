// People, roles and credentials. Roles are strings: "secretariat", "iesg",
// "ad:<area>" (area director of an area), "chair:<group>" (chair of a group).
// Any signed-in person may act as a proponent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convene/core/result.h"

namespace convene {

struct Person {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::vector<std::string> roles;

  bool has_role(std::string_view role) const;
  bool is_secretariat() const { return has_role("secretariat"); }
  bool is_iesg() const;                                // "iesg" or any "ad:*"
  bool is_ad_of(std::string_view area) const;          // "ad:<area>"
  bool chairs(std::string_view group) const;           // "chair:<group>"
  std::vector<std::string> chaired_groups() const;     // every <group> of "chair:<group>", sorted
};

// Checks a role string's shape: secretariat | iesg | ad:<area> | chair:<group>,
// area/group lower-case letters, digits and '-'. Error code "bad_role".
Status check_role(std::string_view role);

// Checks an e-mail address's shape (one '@', no spaces, a dot in the domain).
Status check_email(std::string_view email);

// The password policy: at least 12 characters (UTF-8 code points), not one
// of the most common passwords, not the e-mail address or its local part
// (case ignored), and not one character repeated. Error "weak_password"
// (invalid) saying which rule failed; never echoes the password.
Status check_password(std::string_view password, std::string_view email);

// Argon2id (libsodium crypto_pwhash_str, interactive limits). The result is
// a self-describing "$argon2id$..." string. REQUIRES: sodium initialised
// (init_crypto()).
std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// verify_password(*hash, password) when there is a stored hash. Without one
// (an unknown account) it verifies against a dummy hash made by
// hash_password, so it takes as long as a wrong password, and returns false.
// REQUIRES: sodium initialised.
bool verify_password_or_dummy(const std::optional<std::string>& hash, std::string_view password);
// The dummy hash: made once, on first use, from a random password.
const std::string& dummy_password_hash();

// Initialises libsodium; safe to call more than once. Throws if it cannot.
void init_crypto();

// A fresh random secret, URL-safe base64 of `bytes` random bytes.
std::string random_token(std::size_t bytes = 32);
// The stored form of a secret (hex BLAKE2b-256): tokens and session ids are
// never stored in clear.
std::string token_digest(std::string_view token);
// Constant-time comparison.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace convene
