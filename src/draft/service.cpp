#include "convene/draft/service.h"

#include <nlohmann/json.hpp>

namespace convene {

Result<Draft> find_draft(DraftRepository& drafts, const std::string& name) {
  auto d = drafts.find(name);
  if (!d) return d.error();
  if (!*d) return not_found("draft_unknown", "there is no draft '" + name + "'");
  return std::move(**d);
}

Result<Draft> submit_revision(DraftRepository& drafts, AuditLog& audit, const Person& who,
                              const DraftSubmission& s, UnixSeconds now) {
  auto existing = drafts.find(s.name);
  if (!existing) return existing.error();
  const Draft* before = *existing ? &**existing : nullptr;
  if (auto st = check_may_record(who.email, who.is_secretariat(), before); !st) return st.error();
  if (auto st = check_new_revision(before, s); !st) return st.error();
  if (auto st = drafts.save_revision(s, {who.email, now, who.is_secretariat()}); !st) return st.error();
  nlohmann::json detail = {{"title", s.title},     {"submitted_at", format_utc(s.submitted_at)},
                           {"authors", s.authors}, {"replaces", s.replaces}};
  if (auto st = audit.append({0, now, who.email, "draft.submit", audit_object::draft(s.name, s.rev), detail.dump()});
      !st)
    return st.error();
  return find_draft(drafts, s.name);
}

}  // namespace convene
