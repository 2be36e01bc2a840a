// The audit log: who changed what, when. Every service writes its entries
// itself, in the same transaction as the change, through an AuditLog; the
// "object" of an entry is named by one of the audit_object functions below,
// so every domain uses one vocabulary ("request:12", "meeting:121", ...).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "convene/core/result.h"
#include "convene/core/time.h"

namespace convene {

struct AuditEntry {
  std::int64_t id = 0;   // assigned by the log; 0 before append
  UnixSeconds at = 0;
  std::string actor;     // e-mail of the person, or "cli" for local administration
  std::string action;    // "<domain>.<verb>", e.g. "dispatch.decide"
  std::string object;    // an audit_object name
  std::string detail;    // JSON of what changed
};

// The repository of audit entries. Storage failure is an internal Error.
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Appends `e` (its id is ignored).
  virtual Status append(const AuditEntry& e) = 0;
  // At most `limit` entries with id < `before_id` (0: no upper bound),
  // newest first (descending id).
  virtual Result<std::vector<AuditEntry>> recent(int limit, std::int64_t before_id = 0) = 0;
};

// One actor's changes at one time, as a service records them. A default
// Auditor records nothing (for tests of behaviour alone).
class Auditor {
 public:
  Auditor() = default;
  // REQUIRES: log outlives the Auditor.
  Auditor(AuditLog& log, std::string actor, UnixSeconds at)
      : log_(&log), actor_(std::move(actor)), at_(at) {}
  // Appends {at, actor, action, object, detail}; ok when there is no log.
  Status record(std::string action, std::string object, std::string detail = "{}") const {
    if (!log_) return ok_status();
    return log_->append({0, at_, actor_, std::move(action), std::move(object), std::move(detail)});
  }

 private:
  AuditLog* log_ = nullptr;
  std::string actor_;
  UnixSeconds at_ = 0;
};

// Words for a person for an entry's action ("Recorded a draft revision" for
// "draft.submit"); an action without words is returned as it is.
std::string_view action_label(std::string_view action);

// The one vocabulary of audited objects.
namespace audit_object {
std::string person(std::string_view email);                    // "person:a@example.org"
std::string meeting(std::string_view number);                  // "meeting:121"
std::string area(std::string_view acronym);                     // "area:sec"
std::string group(std::string_view acronym);                    // "group:quic"
std::string draft(std::string_view name, std::string_view rev);// "draft:draft-foo-01"
std::string request(std::int64_t id);                          // "request:12"
std::string dispatch_session(std::string_view meeting, std::string_view venue);  // "dispatch-session:121:alldispatch"
std::string wg_agenda(std::string_view meeting, std::string_view group);         // "wg-agenda:121:quic"
std::string hotrfc(std::string_view meeting, std::string_view draft);            // "hotrfc:121:draft-foo"
std::string telechat(std::int64_t date);                        // "telechat:2026-12-10"
std::string telechat_series(std::string_view kind);             // "telechat-series:informal"
std::string session_request(std::int64_t id);                  // "session-request:7"
std::string schedule(std::string_view meeting, std::string_view name);  // "schedule:106:draft-1"
}  // namespace audit_object

}  // namespace convene
