#include "services.h"

#include <map>
#include <set>

#include "convene/meeting/service.h"

namespace convene::web {

Result<std::map<std::string, std::string>> names_on_record(PeopleRepository& people,
                                                           const std::vector<std::string>& addresses) {
  std::map<std::string, std::string> names;
  std::set<std::string> asked;
  for (const std::string& address : addresses) {
    if (!asked.insert(address).second) continue;
    auto person = people.by_email(address);
    if (!person) return person.error();
    if (*person) names[address] = (*person)->name;
  }
  return names;
}

Result<Agenda> shown_agenda(const Context& ctx, Repositories& r, const std::string& number, const std::string& venue) {
  auto agenda = dispatch_service(r, ctx).agenda(number, venue);
  if (!agenda) return agenda.error();
  auto names = names_on_record(r.people(), presenter_addresses(*agenda));
  if (!names) return names.error();
  name_presenters(*agenda, *names);
  return agenda;
}

Result<Meeting> create_meeting_with_plan(const Context& ctx, Repositories& r, const Person& who, const Meeting& m) {
  auto created = create_meeting(r.meetings(), r.audit(), who, m, ctx.now());
  if (!created) return created;
  // A consolidated meeting's joint dispatch session is on its requests from the start.
  PlanRepos plan = plan_repos(r);
  if (auto st = add_consolidated_dispatch(plan, auditor(ctx, r, who), *created, ctx.now()); !st) return st.error();
  return created;
}

std::int64_t today(const Context& ctx) {
  UnixSeconds t = ctx.now();
  return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

telechat::Audience audience_of(const std::optional<Person>& p) {
  if (!p) return telechat::Audience::public_view;
  if (p->is_secretariat()) return telechat::Audience::secretariat;
  if (p->is_iesg()) return telechat::Audience::iesg;
  return telechat::Audience::public_view;
}

Status may_edit_telechats(const Person& p) {
  if (p.is_iesg() || p.is_secretariat()) return ok_status();
  return forbidden(p.email + " is not an IESG member or the secretariat and may not change telechats");
}

bool edits_telechats(const std::optional<Person>& p) { return p && may_edit_telechats(*p).ok(); }

Result<telechat::Kind> kind_param(const std::string& text) {
  if (auto kind = telechat::kind_from(text)) return *kind;
  return invalid("bad_kind", "kind: must be informal or formal, got '" + text + "'");
}

telechat::TelechatService telechat_service(Repositories& r, const Context& ctx, const Person* who) {
  Auditor auditor = who ? Auditor(r.audit(), who->email, ctx.now()) : Auditor();
  return telechat::TelechatService(r.telechats(), today(ctx), ctx.options.public_url + "/telechats.ics",
                                   std::move(auditor));
}

}  // namespace convene::web
