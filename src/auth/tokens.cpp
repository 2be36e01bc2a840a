#include "convene/auth/tokens.h"

#include "convene/auth/auth.h"

namespace convene {
namespace {

constexpr UnixSeconds kDay = 24 * 3600;

// UTF-8 code points: every byte but continuation bytes starts one.
std::size_t characters(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool has_control(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

Result<Person> person(PeopleRepository& people, const std::string& email) {
  auto p = people.by_email(email);
  if (!p) return p.error();
  if (!*p) return not_found("person_unknown", "there is no person with e-mail " + email);
  return **p;
}

}  // namespace

Status check_token_request(const TokenRequest& request) {
  auto n = characters(request.name);
  if (n < 1 || n > kMaxTokenName || has_control(request.name))
    return invalid("bad_value", "name: must be 1 to " + std::to_string(kMaxTokenName) +
                                    " characters without control characters");
  if (request.expires_in_days && (*request.expires_in_days < 1 || *request.expires_in_days > kMaxTokenDays))
    return invalid("bad_value", "expires_in_days: must be an integer from 1 to " + std::to_string(kMaxTokenDays) +
                                    ", got " + std::to_string(*request.expires_in_days));
  return ok_status();
}

Result<ApiToken> create_token(PeopleRepository& people, AuditLog& audit, const std::string& actor,
                              const std::string& email, const TokenRequest& request, const std::string& digest,
                              UnixSeconds now) {
  if (auto st = check_token_request(request); !st) return st.error();
  auto p = person(people, email);
  if (!p) return p.error();
  std::optional<UnixSeconds> expires_at;
  if (request.expires_in_days) expires_at = now + *request.expires_in_days * kDay;
  auto id = people.add_token(p->id, digest, request.name, now, expires_at);
  if (!id) return id.error();
  std::string detail = "{\"id\":" + std::to_string(*id) + "}";
  if (auto st = audit.append({0, now, actor, "token.create", audit_object::person(email), detail}); !st)
    return st.error();
  return ApiToken{*id, request.name, now, expires_at, std::nullopt};
}

Result<std::vector<ApiToken>> list_tokens(PeopleRepository& people, const std::string& email) {
  auto p = person(people, email);
  if (!p) return p.error();
  return people.tokens_of(p->id);
}

Status may_manage_tokens(const Person& who, const std::string& email) {
  if (who.email == email || who.is_secretariat()) return ok_status();
  return forbidden("only the secretariat may manage another person's tokens");
}

Status revoke_token(PeopleRepository& people, AuditLog& audit, const std::string& actor, const std::string& email,
                    std::int64_t id, UnixSeconds now) {
  auto p = person(people, email);
  if (!p) return p.error();
  auto gone = people.revoke_token(p->id, id);
  if (!gone) return gone.error();
  if (!*gone) return not_found("token_unknown", email + " has no API token " + std::to_string(id));
  std::string detail = "{\"id\":" + std::to_string(id) + "}";
  return audit.append({0, now, actor, "token.revoke", audit_object::person(email), detail});
}

Result<std::string> new_password_hash(const std::optional<std::string>& stored, const std::string& email,
                                      const std::string& current, const std::string& fresh) {
  if (!verify_password_or_dummy(stored, current))
    return Error{"wrong_password", "the current password is not right", ErrorKind::forbidden};
  if (auto st = check_password(fresh, email); !st) return st.error();
  return hash_password(fresh);
}

Status replace_password(PeopleRepository& people, AuditLog& audit, const Person& who, const std::string& read_hash,
                        const std::string& fresh_hash, const std::string& keep_session, UnixSeconds now) {
  auto hash = people.password_hash(who.email);
  if (!hash) return hash.error();
  if (!*hash || **hash != read_hash)
    return conflict("password_changed", "the password was changed meanwhile; sign in again and retry");
  auto saved = people.save(who.email, who.name, fresh_hash, {});
  if (!saved) return saved.error();
  if (auto st = people.end_sessions_except(who.id, keep_session); !st) return st;
  return audit.append({0, now, who.email, "password.change", audit_object::person(who.email), "{}"});
}

}  // namespace convene
