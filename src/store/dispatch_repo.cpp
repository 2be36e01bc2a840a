// Dispatch requests, WG session agendas, HotRFC topics and dispatch sessions.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "sql_repo.h"

namespace convene::store {
namespace {

constexpr const char* kRequestColumns =
    "SELECT id, meeting, venue, draft, rev, presenter, question, areas, minutes, state, "
    "decline_reason, decided_at, position, created_at, requested_by, outcome_kind, outcome_target, "
    "outcome_notes, outcome_at, outcome_by, flags, outcome_corrections, undone_declines FROM dispatch_requests ";

// The corrections column: [{"kind", "target", "notes", "at", "by", "reason",
// "replaced_at", "replaced_by"}], oldest first.
std::string corrections_text(const std::vector<OutcomeCorrection>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const OutcomeCorrection& c : list)
    out.push_back({{"kind", to_string(c.previous.kind)}, {"target", c.previous.target}, {"notes", c.previous.notes},
                   {"at", c.previous.at}, {"by", c.previous.by}, {"reason", c.reason}, {"replaced_at", c.at},
                   {"replaced_by", c.by}});
  return out.dump();
}

std::vector<OutcomeCorrection> corrections_from(const std::string& text) {
  std::vector<OutcomeCorrection> out;
  nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& c : list) {
    auto kind = outcome_kind_from(c.value("kind", ""));
    if (!kind) continue;
    Outcome previous{*kind, c.value("target", ""), c.value("notes", ""), c.value("at", UnixSeconds{0}),
                     c.value("by", "")};
    out.push_back({previous, c.value("reason", ""), c.value("replaced_at", UnixSeconds{0}), c.value("replaced_by", "")});
  }
  return out;
}

// The undone declines column: [{"reason", "declined_at", "undone_at", "by"}],
// oldest first.
std::string undone_text(const std::vector<UndoneDecline>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const UndoneDecline& u : list)
    out.push_back({{"reason", u.reason}, {"declined_at", u.declined_at}, {"undone_at", u.undone_at}, {"by", u.by}});
  return out.dump();
}

std::vector<UndoneDecline> undone_from(const std::string& text) {
  std::vector<UndoneDecline> out;
  nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& u : list)
    out.push_back({u.value("reason", ""), u.value("declined_at", UnixSeconds{0}), u.value("undone_at", UnixSeconds{0}),
                   u.value("by", "")});
  return out;
}

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
  r.corrections = corrections_from(st.text(21));
  r.undone_declines = undone_from(st.text(22));
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
  st.bind(20, list_json(r.flags)).bind(21, corrections_text(r.corrections)).bind(22, undone_text(r.undone_declines));
}

}  // namespace
template <class Key>
std::vector<DispatchRequest> SqlDispatch::where(const std::string& clause, const Key& key) {
  auto st = c_.prepare(std::string(kRequestColumns) + clause);
  st.bind(1, key);
  std::vector<DispatchRequest> out;
  while (st.step()) out.push_back(request_from(st));
  return out;
}

Result<std::optional<DispatchRequest>> SqlDispatch::request(std::int64_t id) {
  return guarded([&]() -> std::optional<DispatchRequest> {
    auto v = where("WHERE id = ?", id);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

Result<std::vector<DispatchRequest>> SqlDispatch::at_meeting(const std::string& meeting) {
  return guarded([&] { return where("WHERE meeting = ? ORDER BY id", meeting); });
}

Result<std::vector<DispatchRequest>> SqlDispatch::for_drafts(const std::vector<std::string>& drafts) {
  return guarded([&] {
    return where("WHERE draft IN (" + c_.json_strings() + ") ORDER BY created_at, id", list_json(drafts));
  });
}

Result<std::vector<DispatchRequest>> SqlDispatch::by_proponent(const std::string& email) {
  return guarded([&] { return where("WHERE requested_by = ? ORDER BY created_at DESC, id DESC", email); });
}

Result<std::int64_t> SqlDispatch::insert(const DispatchRequest& r) {
  return guarded([&] {
    auto st = c_.prepare(
        "INSERT INTO dispatch_requests(meeting, venue, draft, rev, presenter, question, areas, minutes, "
        "state, decline_reason, decided_at, position, created_at, requested_by, outcome_kind, "
        "outcome_target, outcome_notes, outcome_at, outcome_by, flags, outcome_corrections, undone_declines) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    bind_request(st, r);
    st.step();
    std::int64_t id = st.int64(0);
    st.run();
    return id;
  });
}

Status SqlDispatch::update(const DispatchRequest& r) {
  auto changed = guarded([&] {
    auto st = c_.prepare(
        "UPDATE dispatch_requests SET meeting = ?, venue = ?, draft = ?, rev = ?, presenter = ?, "
        "question = ?, areas = ?, minutes = ?, state = ?, decline_reason = ?, decided_at = ?, "
        "position = ?, created_at = ?, requested_by = ?, outcome_kind = ?, outcome_target = ?, "
        "outcome_notes = ?, outcome_at = ?, outcome_by = ?, flags = ?, outcome_corrections = ?, undone_declines = ? "
        "WHERE id = ?");
    bind_request(st, r);
    st.bind(23, r.id);
    return st.run();
  });
  if (!changed) return changed.error();
  if (*changed == 0) return not_found("request_unknown", "there is no dispatch request " + std::to_string(r.id));
  return ok_status();
}

Result<std::vector<WgAgendaEntry>> SqlDispatch::wg_agenda(const std::string& meeting) {
  return guarded([&] {
    auto st = c_.prepare(
        "SELECT meeting, grp, draft FROM wg_agenda_entries WHERE meeting = ? ORDER BY grp, added_at, " +
        c_.insertion_order());
    st.bind(1, meeting);
    std::vector<WgAgendaEntry> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
    return out;
  });
}

Status SqlDispatch::add_wg_agenda_entry(const WgAgendaEntry& e, const std::string& by, UnixSeconds at) {
  return guarded([&] {
    c_.prepare(
          "INSERT INTO wg_agenda_entries(meeting, grp, draft, added_by, added_at) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT DO NOTHING")
        .bind(1, e.meeting)
        .bind(2, e.group)
        .bind(3, e.draft)
        .bind(4, by)
        .bind(5, at)
        .run();
  });
}

Result<bool> SqlDispatch::is_hotrfc_topic(const std::string& meeting, const std::string& draft) {
  return guarded([&] {
    auto st = c_.prepare("SELECT 1 FROM hotrfc_topics WHERE meeting = ? AND draft = ?");
    st.bind(1, meeting).bind(2, draft);
    return st.step();
  });
}

Result<std::vector<std::string>> SqlDispatch::hotrfc_topics(const std::string& meeting) {
  return guarded([&] {
    auto st = c_.prepare("SELECT draft FROM hotrfc_topics WHERE meeting = ?");
    st.bind(1, meeting);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    std::ranges::sort(out);  // bytewise on both dialects
    return out;
  });
}

Status SqlDispatch::add_hotrfc_topic(const std::string& meeting, const std::string& draft) {
  return guarded([&] {
    c_.prepare("INSERT INTO hotrfc_topics(meeting, draft) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind(1, meeting)
        .bind(2, draft)
        .run();
  });
}

Result<std::optional<DispatchSession>> SqlDispatch::session(const std::string& meeting, const std::string& venue) {
  return guarded([&]() -> std::optional<DispatchSession> {
    auto st = c_.prepare("SELECT minutes, chairs_table FROM dispatch_sessions WHERE meeting = ? AND venue = ?");
    st.bind(1, meeting).bind(2, venue);
    if (!st.step()) return std::nullopt;
    return DispatchSession{meeting, venue, st.integer(0), list_from(st.text(1))};
  });
}

Status SqlDispatch::save_session(const DispatchSession& s) {
  return guarded([&] {
    c_.prepare(
          "INSERT INTO dispatch_sessions(meeting, venue, minutes, chairs_table) VALUES (?, ?, ?, ?) "
          "ON CONFLICT(meeting, venue) DO UPDATE SET minutes = excluded.minutes, chairs_table = excluded.chairs_table")
        .bind(1, s.meeting)
        .bind(2, s.venue)
        .bind(3, s.minutes)
        .bind(4, list_json(s.chairs_table))
        .run();
  });
}

}  // namespace convene::store
