// The services of one transaction, as the handlers use them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "context.h"
#include "convene/dispatch/service.h"
#include "convene/plan/service.h"
#include "convene/telechat/service.h"

namespace convene::web {

inline DispatchService dispatch_service(Repositories& r, const Context& ctx) {
  return DispatchService({r.meetings(), r.drafts(), r.dispatch(), r.audit()}, ctx.now());
}

// The repositories the meeting plan's use cases take, from one transaction's.
inline PlanRepos plan_repos(Repositories& r) { return {r.meetings(), r.plan(), r.directory(), r.people()}; }

// The audit entries of `who`, at the context's time, in one transaction's log.
inline Auditor auditor(const Context& ctx, Repositories& r, const Person& who) {
  return Auditor(r.audit(), who.email, ctx.now());
}

// Creates the meeting (create_meeting) and, for a consolidated plenary, files
// its joint dispatch session (add_consolidated_dispatch), as `who`, in the
// caller's transaction. Errors: theirs.
Result<Meeting> create_meeting_with_plan(const Context& ctx, Repositories& r, const Person& who, const Meeting& m);

// The names of the people on record among `addresses`, by address; an
// address not on record is left out. One read per distinct address.
Result<std::map<std::string, std::string>> names_on_record(PeopleRepository& people,
                                                           const std::vector<std::string>& addresses);

// The dispatch agenda of meeting `number` at `venue` as pages and feeds show
// it: presenters by the names of the people on record, no e-mail address
// (name_presenters). Errors: DispatchService::agenda's.
Result<Agenda> shown_agenda(const Context& ctx, Repositories& r, const std::string& number, const std::string& venue);

// Days since the epoch of the context's clock (UTC).
std::int64_t today(const Context& ctx);

// What a caller may see of a telechat: the secretariat and IESG members see
// call details, everyone else the public view.
telechat::Audience audience_of(const std::optional<Person>& p);

// Who may change telechats (create, add items, import, ...): IESG members
// (any AD counts) and the secretariat; forbidden otherwise.
Status may_edit_telechats(const Person& p);
// True when `p` is signed in and may_edit_telechats: their pages show the forms.
bool edits_telechats(const std::optional<Person>& p);

// The telechat kind a path names ("informal", "formal"); "bad_kind" otherwise.
Result<telechat::Kind> kind_param(const std::string& text);

// The telechat service; its changes are audited as `who` (nobody: reads only).
telechat::TelechatService telechat_service(Repositories& r, const Context& ctx, const Person* who);

}  // namespace convene::web
