// Meetings, drafts and dispatch requests.
#include <nlohmann/json.hpp>

#include "sqlite_repo.h"

namespace convene::store {
namespace {

using nlohmann::json;

std::string list_json(const std::vector<std::string>& v) { return json(v).dump(); }

std::vector<std::string> list_from(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& x : j)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

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

constexpr const char* kRequestColumns =
    "SELECT id, meeting, venue, draft, rev, presenter, question, areas, minutes, state, "
    "decline_reason, decided_at, position, created_at, requested_by, outcome_kind, outcome_target, "
    "outcome_notes, outcome_at, outcome_by, flags FROM dispatch_requests ";

DispatchRequest request_from(const Statement& st) {
  DispatchRequest r;
  r.id = st.int64(0);
  r.meeting = st.text(1);
  r.venue = st.text(2);
  r.draft = st.text(3);
  r.rev = st.text(4);
  r.presenter = st.text(5);
  r.question = st.text(6);
  r.areas = list_from(st.text(7));
  r.minutes = st.integer(8);
  r.state = request_state_from(st.text(9)).value_or(RequestState::pending);
  r.decline_reason = st.text(10);
  r.decided_at = st.int64(11);
  r.position = st.integer(12);
  r.created_at = st.int64(13);
  r.requested_by = st.text(14);
  if (!st.is_null(15)) {
    auto kind = outcome_kind_from(st.text(15));
    if (kind) r.outcome = Outcome{*kind, st.text(16), st.text(17), st.int64(18), st.text(19)};
  }
  r.flags = list_from(st.text(20));
  return r;
}

// Binds every column but id, in kRequestColumns order, from index 1.
void bind_request(Statement& st, const DispatchRequest& r) {
  st.bind(1, r.meeting).bind(2, r.venue).bind(3, r.draft).bind(4, r.rev).bind(5, r.presenter);
  st.bind(6, r.question).bind(7, list_json(r.areas)).bind(8, r.minutes);
  st.bind(9, std::string(to_string(r.state))).bind(10, r.decline_reason).bind(11, r.decided_at);
  st.bind(12, r.position).bind(13, r.created_at).bind(14, r.requested_by);
  if (r.outcome) {
    st.bind(15, std::string(to_string(r.outcome->kind))).bind(16, r.outcome->target);
    st.bind(17, r.outcome->notes).bind(18, r.outcome->at).bind(19, r.outcome->by);
  } else {
    st.bind_null(15).bind(16, "").bind(17, "").bind(18, 0).bind(19, "");
  }
  st.bind(20, list_json(r.flags));
}

}  // namespace

std::vector<Meeting> SqliteRepo::meetings_where(const std::string& where, const std::string& key) {
  auto st = c_.prepare(std::string(kMeetingColumns) + where);
  if (!key.empty()) st.bind(1, key);
  std::vector<Meeting> out;
  while (st.step()) out.push_back(meeting_from(st));
  return out;
}

std::optional<Meeting> SqliteRepo::meeting(const std::string& number) {
  auto v = meetings_where("WHERE number = ?", number);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<Meeting> SqliteRepo::meetings() { return meetings_where("ORDER BY start_date DESC", ""); }

void SqliteRepo::insert_meeting(const Meeting& m) {
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
}

std::optional<Draft> SqliteRepo::draft(const std::string& name) {
  auto st = c_.prepare("SELECT name, title, authors, replaces FROM drafts WHERE name = ?");
  st.bind(1, name);
  if (!st.step()) return std::nullopt;
  Draft d{st.text(0), st.text(1), list_from(st.text(2)), list_from(st.text(3)), {}};
  auto revs = c_.prepare("SELECT rev, submitted_at FROM draft_revisions WHERE name = ? ORDER BY rev");
  revs.bind(1, name);
  while (revs.step()) d.revisions.push_back({revs.text(0), revs.int64(1)});
  return d;
}

std::vector<Draft> SqliteRepo::drafts() {
  auto st = c_.prepare("SELECT name FROM drafts ORDER BY name");
  std::vector<std::string> names;
  while (st.step()) names.push_back(st.text(0));
  std::vector<Draft> out;
  for (const auto& n : names) out.push_back(*draft(n));
  return out;
}

void SqliteRepo::save_draft_revision(const DraftSubmission& s) {
  c_.prepare(
        "INSERT INTO drafts(name, title, authors, replaces) VALUES (?, ?, ?, ?) ON CONFLICT(name) "
        "DO UPDATE SET title = excluded.title, authors = excluded.authors, replaces = excluded.replaces")
      .bind(1, s.name)
      .bind(2, s.title)
      .bind(3, list_json(s.authors))
      .bind(4, list_json(s.replaces))
      .run();
  c_.prepare("INSERT INTO draft_revisions(name, rev, submitted_at) VALUES (?, ?, ?)")
      .bind(1, s.name)
      .bind(2, s.rev)
      .bind(3, s.submitted_at)
      .run();
}

std::vector<DispatchRequest> SqliteRepo::requests_where(const std::string& where, const std::string& key) {
  auto st = c_.prepare(std::string(kRequestColumns) + where);
  if (!key.empty()) st.bind(1, key);
  std::vector<DispatchRequest> out;
  while (st.step()) out.push_back(request_from(st));
  return out;
}

std::optional<DispatchRequest> SqliteRepo::request(std::int64_t id) {
  auto v = requests_where("WHERE id = ?", std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<DispatchRequest> SqliteRepo::requests_at(const std::string& meeting) {
  return requests_where("WHERE meeting = ? ORDER BY id", meeting);
}

std::vector<DispatchRequest> SqliteRepo::requests_for_drafts(const std::vector<std::string>& drafts) {
  return requests_where("WHERE draft IN (SELECT value FROM json_each(?)) ORDER BY created_at, id",
                        list_json(drafts));
}

std::int64_t SqliteRepo::insert_request(const DispatchRequest& r) {
  auto st = c_.prepare(
      "INSERT INTO dispatch_requests(meeting, venue, draft, rev, presenter, question, areas, minutes, "
      "state, decline_reason, decided_at, position, created_at, requested_by, outcome_kind, "
      "outcome_target, outcome_notes, outcome_at, outcome_by, flags) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_request(st, r);
  st.run();
  return c_.last_insert_id();
}

void SqliteRepo::update_request(const DispatchRequest& r) {
  auto st = c_.prepare(
      "UPDATE dispatch_requests SET meeting = ?, venue = ?, draft = ?, rev = ?, presenter = ?, "
      "question = ?, areas = ?, minutes = ?, state = ?, decline_reason = ?, decided_at = ?, "
      "position = ?, created_at = ?, requested_by = ?, outcome_kind = ?, outcome_target = ?, "
      "outcome_notes = ?, outcome_at = ?, outcome_by = ?, flags = ? WHERE id = ?");
  bind_request(st, r);
  st.bind(21, r.id);
  st.run();
}

std::vector<WgAgendaEntry> SqliteRepo::wg_agenda(const std::string& meeting) {
  auto st = c_.prepare("SELECT meeting, grp, draft FROM wg_agenda_entries WHERE meeting = ? ORDER BY grp, added_at");
  st.bind(1, meeting);
  std::vector<WgAgendaEntry> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
  return out;
}

void SqliteRepo::add_wg_agenda_entry(const WgAgendaEntry& e, const std::string& by, UnixSeconds at) {
  c_.prepare("INSERT OR IGNORE INTO wg_agenda_entries(meeting, grp, draft, added_by, added_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, e.meeting)
      .bind(2, e.group)
      .bind(3, e.draft)
      .bind(4, by)
      .bind(5, at)
      .run();
}

bool SqliteRepo::is_hotrfc_topic(const std::string& meeting, const std::string& draft) {
  auto st = c_.prepare("SELECT 1 FROM hotrfc_topics WHERE meeting = ? AND draft = ?");
  st.bind(1, meeting).bind(2, draft);
  return st.step();
}

void SqliteRepo::add_hotrfc_topic(const std::string& meeting, const std::string& draft) {
  c_.prepare("INSERT OR IGNORE INTO hotrfc_topics(meeting, draft) VALUES (?, ?)").bind(1, meeting).bind(2, draft).run();
}

std::optional<DispatchSession> SqliteRepo::dispatch_session(const std::string& meeting,
                                                            const std::string& venue) {
  auto st = c_.prepare("SELECT minutes, chairs_table FROM dispatch_sessions WHERE meeting = ? AND venue = ?");
  st.bind(1, meeting).bind(2, venue);
  if (!st.step()) return std::nullopt;
  return DispatchSession{meeting, venue, st.integer(0), list_from(st.text(1))};
}

void SqliteRepo::save_dispatch_session(const DispatchSession& s) {
  c_.prepare(
        "INSERT INTO dispatch_sessions(meeting, venue, minutes, chairs_table) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(meeting, venue) DO UPDATE SET minutes = excluded.minutes, chairs_table = excluded.chairs_table")
      .bind(1, s.meeting)
      .bind(2, s.venue)
      .bind(3, s.minutes)
      .bind(4, list_json(s.chairs_table))
      .run();
}

}  // namespace convene::store
