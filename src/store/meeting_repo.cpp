// Meetings and drafts.
#include <nlohmann/json.hpp>

#include "sql_repo.h"

namespace convene::store {
namespace {

constexpr const char* kMeetingColumns =
    "SELECT number, type, grp, city, start_date, end_date, time_zone, mode, id_cutoff, dispatch_mode "
    "FROM meetings ";

Meeting meeting_from(const Statement& st) {
  Meeting m;
  m.number = st.text(0);
  m.type = meeting_type_from(st.text(1)).value_or(MeetingType::plenary);
  m.group = st.text(2);
  m.city = st.text(3);
  m.start_date = st.int64(4);
  m.end_date = st.int64(5);
  m.time_zone = st.text(6);
  m.mode = meeting_mode_from(st.text(7)).value_or(MeetingMode::in_person);
  m.id_cutoff = st.int64(8);
  m.dispatch_mode = dispatch_mode_from(st.text(9)).value_or(DispatchMode::per_area);
  return m;
}

}  // namespace

std::vector<Meeting> SqlMeetings::rows(Statement& st) {
  std::vector<Meeting> out;
  while (st.step()) out.push_back(meeting_from(st));
  return out;
}

Result<std::optional<Meeting>> SqlMeetings::find(const std::string& number) {
  return guarded([&]() -> std::optional<Meeting> {
    auto st = c_.prepare(std::string(kMeetingColumns) + "WHERE number = ?");
    st.bind(1, number);
    auto v = rows(st);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

Result<std::vector<Meeting>> SqlMeetings::list(int limit, int offset) {
  return guarded([&] {
    auto st = c_.prepare(std::string(kMeetingColumns) + "ORDER BY start_date DESC, number LIMIT ? OFFSET ?");
    st.bind(1, limit).bind(2, offset);
    return rows(st);
  });
}

Status SqlMeetings::insert(const Meeting& m) {
  auto existing = find(m.number);
  if (!existing) return existing.error();
  if (*existing) return conflict("meeting_exists", "meeting " + m.number + " already exists");
  return guarded([&] {
    c_.prepare(
          "INSERT INTO meetings(number, type, grp, city, start_date, end_date, time_zone, mode, "
          "id_cutoff, dispatch_mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, m.number)
        .bind(2, std::string(to_string(m.type)))
        .bind(3, m.group)
        .bind(4, m.city)
        .bind(5, m.start_date)
        .bind(6, m.end_date)
        .bind(7, m.time_zone)
        .bind(8, std::string(to_string(m.mode)))
        .bind(9, m.id_cutoff)
        .bind(10, std::string(to_string(m.dispatch_mode)))
        .run();
  });
}

Result<std::optional<Draft>> SqlDrafts::find(const std::string& name) {
  return guarded([&]() -> std::optional<Draft> {
    auto st = c_.prepare("SELECT name, recorded_by, title, authors, replaces FROM drafts WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    Draft d{st.text(0), st.text(1), st.text(2), list_from(st.text(3)), list_from(st.text(4)), {}};
    auto revs = c_.prepare(
        "SELECT rev, submitted_at, recorded_at, confirmed FROM draft_revisions WHERE name = ? ORDER BY rev");
    revs.bind(1, name);
    while (revs.step()) d.revisions.push_back({revs.text(0), revs.int64(1), revs.int64(2), revs.int64(3) != 0});
    return d;
  });
}

Status SqlDrafts::save_revision(const DraftSubmission& s, const Recording& r) {
  return guarded([&] {
    c_.prepare(
          "INSERT INTO drafts(name, recorded_by, title, authors, replaces) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT(name) DO UPDATE SET title = excluded.title, authors = excluded.authors, "
          "replaces = excluded.replaces")
        .bind(1, s.name)
        .bind(2, r.by)
        .bind(3, s.title)
        .bind(4, list_json(s.authors))
        .bind(5, list_json(s.replaces))
        .run();
    c_.prepare("INSERT INTO draft_revisions(name, rev, submitted_at, recorded_at, confirmed) VALUES (?, ?, ?, ?, ?)")
        .bind(1, s.name)
        .bind(2, s.rev)
        .bind(3, s.submitted_at)
        .bind(4, r.at)
        .bind(5, r.confirmed ? 1 : 0)
        .run();
    c_.prepare("DELETE FROM draft_replaces WHERE name = ?").bind(1, s.name).run();
    for (const auto& old : s.replaces)
      c_.prepare("INSERT INTO draft_replaces(name, replaces) VALUES (?, ?) ON CONFLICT DO NOTHING")
          .bind(1, s.name)
          .bind(2, old)
          .run();
  });
}

Result<std::map<std::string, std::string>> SqlDrafts::titles(const std::vector<std::string>& names) {
  return guarded([&] {
    auto st = c_.prepare("SELECT name, title FROM drafts WHERE name IN (" + c_.json_strings() + ")");
    st.bind(1, list_json(names));
    std::map<std::string, std::string> out;
    while (st.step()) out.emplace(st.text(0), st.text(1));
    return out;
  });
}

// The drafts a search keeps: name or title (lower-cased) LIKE the two `?`.
constexpr const char* kDraftMatches =
    " WHERE LOWER(d.name) LIKE ? ESCAPE '\\' OR LOWER(d.title) LIKE ? ESCAPE '\\'";

// The page, each draft joined to its latest revision (found by the
// draft_revisions primary key), then the count over the same clause.
Result<DraftPage> SqlDrafts::search(const DraftQuery& q) {
  const std::string pattern = contains_pattern(q.text);
  return guarded([&] {
    DraftPage page;
    auto st = c_.prepare(
        "SELECT d.name, d.title, r.rev, r.submitted_at FROM drafts d LEFT JOIN draft_revisions r"
        " ON r.name = d.name AND r.rev = (SELECT MAX(x.rev) FROM draft_revisions x WHERE x.name = d.name)" +
        std::string(kDraftMatches) + " ORDER BY d.name LIMIT ? OFFSET ?");
    st.bind(1, pattern).bind(2, pattern).bind(3, q.limit).bind(4, q.offset);
    while (st.step())
      page.drafts.push_back({st.text(0), st.text(1), st.is_null(2) ? "" : st.text(2), st.is_null(3) ? 0 : st.int64(3)});
    auto count = c_.prepare("SELECT COUNT(*) FROM drafts d" + std::string(kDraftMatches));
    count.bind(1, pattern).bind(2, pattern);
    if (count.step()) page.total = count.integer(0);
    return page;
  });
}

// The connected component of `name` in the replaces graph, walked in SQL
// over the two indexes of draft_replaces: the cost follows the family's
// size, not the number of drafts on record.
Result<std::vector<std::string>> SqlDrafts::family(const std::string& name) {
  return guarded([&] {
    auto st = c_.prepare(
        "WITH RECURSIVE family(n) AS (SELECT " + c_.text_parameter() + " UNION"
        " SELECT CASE WHEN r.name = family.n THEN r.replaces ELSE r.name END"
        " FROM draft_replaces r JOIN family ON r.name = family.n OR r.replaces = family.n)"
        " SELECT n FROM family ORDER BY n");
    st.bind(1, name);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
  });
}

}  // namespace convene::store
