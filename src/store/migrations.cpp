// Versioned schema migrations. Append new ones; never edit a released one.
#include <string>
#include <vector>

#include "convene/store/sqlite.h"

namespace convene::store {
namespace {

const std::vector<std::string>& migrations() {
  static const std::vector<std::string> list = {
      // 1: people, credentials, audit, directory, meetings, drafts, dispatch.
      R"sql(
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE TABLE roles (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (person_id, role)
);
CREATE TABLE api_tokens (
  digest TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
);
CREATE TABLE web_sessions (
  digest TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TABLE groups (
  acronym TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  area TEXT NOT NULL DEFAULT ''
);
CREATE TABLE meetings (
  number TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  grp TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL,
  start_date INTEGER NOT NULL,
  end_date INTEGER NOT NULL,
  time_zone TEXT NOT NULL,
  mode TEXT NOT NULL,
  id_cutoff INTEGER NOT NULL,
  dispatch_mode TEXT NOT NULL
);
CREATE TABLE drafts (
  name TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  authors TEXT NOT NULL,
  replaces TEXT NOT NULL
);
CREATE TABLE draft_revisions (
  name TEXT NOT NULL REFERENCES drafts(name),
  rev TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  PRIMARY KEY (name, rev)
);
CREATE TABLE dispatch_requests (
  id INTEGER PRIMARY KEY,
  meeting TEXT NOT NULL REFERENCES meetings(number),
  venue TEXT NOT NULL,
  draft TEXT NOT NULL REFERENCES drafts(name),
  rev TEXT NOT NULL,
  presenter TEXT NOT NULL,
  question TEXT NOT NULL,
  areas TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  state TEXT NOT NULL,
  decline_reason TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  requested_by TEXT NOT NULL,
  outcome_kind TEXT,
  outcome_target TEXT NOT NULL DEFAULT '',
  outcome_notes TEXT NOT NULL DEFAULT '',
  outcome_at INTEGER NOT NULL DEFAULT 0,
  outcome_by TEXT NOT NULL DEFAULT '',
  flags TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX dispatch_requests_meeting ON dispatch_requests(meeting);
CREATE INDEX dispatch_requests_draft ON dispatch_requests(draft);
CREATE TABLE wg_agenda_entries (
  meeting TEXT NOT NULL REFERENCES meetings(number),
  grp TEXT NOT NULL,
  draft TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (meeting, grp, draft)
);
CREATE TABLE hotrfc_topics (
  meeting TEXT NOT NULL REFERENCES meetings(number),
  draft TEXT NOT NULL,
  PRIMARY KEY (meeting, draft)
);
CREATE TABLE dispatch_sessions (
  meeting TEXT NOT NULL REFERENCES meetings(number),
  venue TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  chairs_table TEXT NOT NULL,
  PRIMARY KEY (meeting, venue)
);
)sql",
      // 2: IESG telechats, each stored whole as a JSON document (telechat/codec.h).
      R"sql(
CREATE TABLE telechats (
  date INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX telechats_kind_date ON telechats(kind, date);
CREATE TABLE telechat_series (
  kind TEXT PRIMARY KEY,
  doc TEXT NOT NULL
);
)sql",
      // 3: the replaces graph as rows, indexed both ways, so that a draft's
      // family is found without reading every draft; meetings by start date.
      R"sql(
CREATE TABLE draft_replaces (
  name TEXT NOT NULL,
  replaces TEXT NOT NULL,
  PRIMARY KEY (name, replaces)
);
CREATE INDEX draft_replaces_replaces ON draft_replaces(replaces);
INSERT OR IGNORE INTO draft_replaces(name, replaces)
  SELECT d.name, r.value FROM drafts d, json_each(d.replaces) r;
CREATE INDEX meetings_start ON meetings(start_date);
CREATE INDEX dispatch_requests_created ON dispatch_requests(draft, created_at);
)sql",
      // 4: who recorded a draft and when each revision was recorded; whether
      // its submission time is confirmed (rows before this are).
      R"sql(
ALTER TABLE drafts ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE draft_revisions ADD COLUMN recorded_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE draft_revisions ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
)sql",
  };
  return list;
}

}  // namespace

int migrate(Connection& c) {
  auto st = c.prepare("PRAGMA user_version");
  st.step();
  int version = st.integer(0);
  const auto& list = migrations();
  for (int v = version; v < static_cast<int>(list.size()); ++v) {
    Transaction tx(c);
    c.exec(list[static_cast<size_t>(v)]);
    c.exec("PRAGMA user_version = " + std::to_string(v + 1));
    tx.commit();
  }
  return static_cast<int>(list.size());
}

}  // namespace convene::store
