// The account use cases that change state, each recording its audit entry
// in the caller's transaction: `convene user add` and signing in (API
// tokens and passwords: tokens.h). Pure: time is passed in; secrets arrive as digests.
#pragma once

#include <string>
#include <vector>

#include "convene/audit/audit.h"
#include "convene/auth/repository.h"

namespace convene {

// Creates the person or updates name and password hash, adding `roles`.
// Records "person.save" by `actor` ("cli" from the command line). REQUIRES:
// email and roles checked (check_email, check_role).
Result<std::int64_t> save_person(PeopleRepository& people, AuditLog& audit, const std::string& actor,
                                 const std::string& email, const std::string& name,
                                 const std::string& password_hash, const std::vector<std::string>& roles,
                                 UnixSeconds now);

// Starts a web session for `who` (after the password was verified).
// Records "session.sign_in" by who.email.
Status start_session(PeopleRepository& people, AuditLog& audit, const Person& who, const std::string& digest,
                     const std::string& csrf, UnixSeconds expires_at, UnixSeconds now);

}  // namespace convene
