// People, credentials, the audit log and the directory.
#include "sql_repo.h"

namespace convene::store {

namespace {

void bind_optional(Statement& st, int index, std::optional<UnixSeconds> v) {
  if (v) st.bind(index, *v);
  else st.bind_null(index);
}

std::optional<UnixSeconds> optional_int64(const Statement& st, int column) {
  if (st.is_null(column)) return std::nullopt;
  return st.int64(column);
}

constexpr const char* kTokenColumns = "SELECT id, name, created_at, expires_at, last_used_at FROM api_tokens ";

std::vector<ApiToken> token_rows(Statement& st) {
  std::vector<ApiToken> out;
  while (st.step())
    out.push_back({st.int64(0), st.text(1), st.int64(2), optional_int64(st, 3), optional_int64(st, 4)});
  return out;
}

}  // namespace

std::vector<std::string> SqlPeople::roles_of(std::int64_t id) {
  auto st = c_.prepare("SELECT role FROM roles WHERE person_id = ? ORDER BY role");
  st.bind(1, id);
  std::vector<std::string> roles;
  while (st.step()) roles.push_back(st.text(0));
  return roles;
}

std::optional<Person> SqlPeople::first_person(Statement& st) {
  if (!st.step()) return std::nullopt;
  Person p{st.int64(0), st.text(1), st.text(2), {}};
  p.roles = roles_of(p.id);
  return p;
}

Result<std::optional<Person>> SqlPeople::by_id(std::int64_t id) {
  return guarded([&] {
    auto st = c_.prepare("SELECT id, email, name FROM people WHERE id = ?");
    st.bind(1, id);
    return first_person(st);
  });
}

Result<std::optional<Person>> SqlPeople::by_email(const std::string& email) {
  return guarded([&] {
    auto st = c_.prepare("SELECT id, email, name FROM people WHERE email = ?");
    st.bind(1, email);
    return first_person(st);
  });
}

Result<std::optional<Person>> SqlPeople::by_token(const std::string& digest, UnixSeconds now) {
  return guarded([&] {
    auto st = c_.prepare(
        "SELECT p.id, p.email, p.name FROM api_tokens t JOIN people p ON p.id = t.person_id "
        "WHERE t.digest = ? AND (t.expires_at IS NULL OR t.expires_at > ?)");
    st.bind(1, digest).bind(2, now);
    return first_person(st);
  });
}

Result<std::optional<std::string>> SqlPeople::password_hash(const std::string& email) {
  return guarded([&]() -> std::optional<std::string> {
    auto st = c_.prepare("SELECT password_hash FROM people WHERE email = ?");
    st.bind(1, email);
    if (!st.step()) return std::nullopt;
    return st.text(0);
  });
}

Result<std::int64_t> SqlPeople::save(const std::string& email, const std::string& name,
                                        const std::string& hash, const std::vector<std::string>& roles) {
  return guarded([&] {
    c_.prepare(
          "INSERT INTO people(email, name, password_hash) VALUES (?, ?, ?) "
          "ON CONFLICT(email) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash")
        .bind(1, email)
        .bind(2, name)
        .bind(3, hash)
        .run();
    auto st = c_.prepare("SELECT id FROM people WHERE email = ?");
    st.bind(1, email);
    st.step();
    std::int64_t id = st.int64(0);
    for (const auto& role : roles)
      c_.prepare("INSERT INTO roles(person_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING")
          .bind(1, id)
          .bind(2, role)
          .run();
    return id;
  });
}

Result<std::int64_t> SqlPeople::add_token(std::int64_t person_id, const std::string& digest, const std::string& name,
                                          UnixSeconds now, std::optional<UnixSeconds> expires_at) {
  return guarded([&] {
    auto st = c_.prepare(
        "INSERT INTO api_tokens(digest, person_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?) "
        "RETURNING id");
    st.bind(1, digest).bind(2, person_id).bind(3, name).bind(4, now);
    bind_optional(st, 5, expires_at);
    st.step();
    std::int64_t id = st.int64(0);
    st.run();
    return id;
  });
}

Result<std::optional<ApiToken>> SqlPeople::token(const std::string& digest) {
  return guarded([&]() -> std::optional<ApiToken> {
    auto st = c_.prepare(std::string(kTokenColumns) + "WHERE digest = ?");
    st.bind(1, digest);
    auto rows = token_rows(st);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  });
}

Status SqlPeople::note_token_use(const std::string& digest, UnixSeconds now) {
  return guarded([&] {
    c_.prepare(
          "UPDATE api_tokens SET last_used_at = ? "
          "WHERE digest = ? AND (last_used_at IS NULL OR last_used_at <= ?)")
        .bind(1, now)
        .bind(2, digest)
        .bind(3, now - kTokenUseInterval)
        .run();
  });
}

Result<std::vector<ApiToken>> SqlPeople::tokens_of(std::int64_t person_id) {
  return guarded([&] {
    auto st = c_.prepare(std::string(kTokenColumns) + "WHERE person_id = ? ORDER BY id");
    st.bind(1, person_id);
    return token_rows(st);
  });
}

Result<bool> SqlPeople::revoke_token(std::int64_t person_id, std::int64_t token_id) {
  return guarded([&] {
    auto st = c_.prepare("DELETE FROM api_tokens WHERE person_id = ? AND id = ?");
    return st.bind(1, person_id).bind(2, token_id).run() > 0;
  });
}

Status SqlPeople::end_sessions_except(std::int64_t person_id, const std::string& keep_session) {
  return guarded([&] {
    c_.prepare("DELETE FROM api_tokens WHERE person_id = ?").bind(1, person_id).run();
    c_.prepare("DELETE FROM web_sessions WHERE person_id = ? AND digest <> ?")
        .bind(1, person_id)
        .bind(2, keep_session)
        .run();
  });
}

Status SqlPeople::add_web_session(const std::string& digest, std::int64_t person_id,
                                     const std::string& csrf, UnixSeconds expires_at) {
  return guarded([&] {
    c_.prepare("INSERT INTO web_sessions(digest, person_id, csrf, expires_at) VALUES (?, ?, ?, ?)")
        .bind(1, digest)
        .bind(2, person_id)
        .bind(3, csrf)
        .bind(4, expires_at)
        .run();
  });
}

Result<std::optional<WebSession>> SqlPeople::web_session(const std::string& digest) {
  return guarded([&]() -> std::optional<WebSession> {
    auto st = c_.prepare(
        "SELECT p.id, p.email, p.name, s.csrf, s.expires_at FROM web_sessions s "
        "JOIN people p ON p.id = s.person_id WHERE s.digest = ?");
    st.bind(1, digest);
    if (!st.step()) return std::nullopt;
    WebSession ws{Person{st.int64(0), st.text(1), st.text(2), {}}, st.text(3), st.int64(4)};
    ws.person.roles = roles_of(ws.person.id);
    return ws;
  });
}

Status SqlPeople::delete_web_session(const std::string& digest) {
  return guarded([&] { c_.prepare("DELETE FROM web_sessions WHERE digest = ?").bind(1, digest).run(); });
}

Result<std::vector<Person>> SqlPeople::with_role(const std::string& role) {
  return guarded([&] {
    auto st = c_.prepare(
        "SELECT p.id, p.email, p.name FROM roles r JOIN people p ON p.id = r.person_id WHERE r.role = ? "
        "ORDER BY p.name, p.email");
    st.bind(1, role);
    std::vector<Person> out;
    while (st.step()) out.push_back(Person{st.int64(0), st.text(1), st.text(2), {}});
    for (auto& p : out) p.roles = roles_of(p.id);
    return out;
  });
}

Status SqlAudit::append(const AuditEntry& e) {
  return guarded([&] {
    c_.prepare("INSERT INTO audit_log(at, actor, action, object, detail) VALUES (?, ?, ?, ?, ?)")
        .bind(1, e.at)
        .bind(2, e.actor)
        .bind(3, e.action)
        .bind(4, e.object)
        .bind(5, e.detail)
        .run();
  });
}

Result<std::vector<AuditEntry>> SqlAudit::recent(int limit, std::int64_t before_id) {
  return guarded([&] {
    auto st = c_.prepare(
        "SELECT id, at, actor, action, object, detail FROM audit_log WHERE (CAST(? AS BIGINT) = 0 OR id < ?) "
        "ORDER BY id DESC LIMIT ?");
    st.bind(1, before_id).bind(2, before_id).bind(3, limit);
    std::vector<AuditEntry> out;
    while (st.step())
      out.push_back({st.int64(0), st.int64(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    return out;
  });
}

namespace {

constexpr const char* kGroupColumns = "SELECT acronym, name, type, area, state, ad, list_email FROM groups ";

std::vector<Group> group_rows(Statement& st) {
  std::vector<Group> out;
  while (st.step())
    out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
  return out;
}

}  // namespace

Result<std::vector<Group>> SqlDirectory::groups() {
  return guarded([&] {
    auto st = c_.prepare(std::string(kGroupColumns) + "ORDER BY acronym");
    return group_rows(st);
  });
}

Result<std::optional<Group>> SqlDirectory::group(const std::string& acronym) {
  return guarded([&]() -> std::optional<Group> {
    auto st = c_.prepare(std::string(kGroupColumns) + "WHERE acronym = ?");
    st.bind(1, acronym);
    auto rows = group_rows(st);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  });
}

Status SqlDirectory::save_group(const Group& g) {
  return guarded([&] {
    c_.prepare(
          "INSERT INTO groups(acronym, name, type, area, state, ad, list_email) VALUES (?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT(acronym) DO UPDATE SET name = excluded.name, type = excluded.type, area = excluded.area, "
          "state = excluded.state, ad = excluded.ad, list_email = excluded.list_email")
        .bind(1, g.acronym)
        .bind(2, g.name)
        .bind(3, g.type)
        .bind(4, g.area)
        .bind(5, g.state)
        .bind(6, g.ad)
        .bind(7, g.list_email)
        .run();
  });
}

Result<std::vector<Area>> SqlDirectory::areas() {
  return guarded([&] {
    auto st = c_.prepare("SELECT acronym, name, state FROM areas ORDER BY acronym");
    std::vector<Area> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
    return out;
  });
}

Status SqlDirectory::save_area(const Area& a) {
  return guarded([&] {
    c_.prepare(
          "INSERT INTO areas(acronym, name, state) VALUES (?, ?, ?) "
          "ON CONFLICT(acronym) DO UPDATE SET name = excluded.name, state = excluded.state")
        .bind(1, a.acronym)
        .bind(2, a.name)
        .bind(3, a.state)
        .run();
  });
}

}  // namespace convene::store
