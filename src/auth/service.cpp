#include "convene/auth/service.h"

namespace convene {

Result<std::int64_t> save_person(PeopleRepository& people, AuditLog& audit, const std::string& actor,
                                 const std::string& email, const std::string& name,
                                 const std::string& password_hash, const std::vector<std::string>& roles,
                                 UnixSeconds now) {
  auto id = people.save(email, name, password_hash, roles);
  if (!id) return id.error();
  if (auto st = audit.append({0, now, actor, "person.save", audit_object::person(email), "{}"}); !st)
    return st.error();
  return id;
}

Status start_session(PeopleRepository& people, AuditLog& audit, const Person& who, const std::string& digest,
                     const std::string& csrf, UnixSeconds expires_at, UnixSeconds now) {
  if (auto st = people.add_web_session(digest, who.id, csrf, expires_at); !st) return st;
  return audit.append({0, now, who.email, "session.sign_in", audit_object::person(who.email), "{}"});
}

}  // namespace convene
