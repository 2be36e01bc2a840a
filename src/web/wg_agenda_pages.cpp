// The drafts a meeting's dispatch leaves alone (issue 13): those on WG
// session agendas and the HotRFC topics, a public list of each, with the
// form a group's chair (or the secretariat) lists a draft on a WG agenda
// with and the secretariat's HotRFC form. The forms' fields become the API's
// body, read by the API's readers (wg_agenda_entry_from_json,
// hotrfc_draft_from_json), and DispatchService decides who may; a refusal
// shows the page again with the message at its form and what was typed.
#include "convene/dispatch/inputs.h"
#include "dispatch_views.h"
#include "handlers.h"
#include "html.h"
#include "services.h"
#include "urls.h"

namespace convene::web {
namespace {

using nlohmann::json;
using Form = std::map<std::string, std::string>;

std::string page_path(const std::string& number) { return meeting_path(number) + "/wg-agendas"; }

struct WgAgendas {
  Meeting meeting;
  std::vector<WgAgendaEntry> entries;
  std::vector<std::string> hotrfc;
};

// The form a refusal belongs to.
enum class At { wg_agenda, hotrfc };

Response wg_agendas_view(Context& ctx, const Caller& caller, const std::string& number, const Error* problem,
                         At at, const Form& form) {
  auto d = in_read<WgAgendas>(ctx, [&](Repositories& r) -> Result<WgAgendas> {
    DispatchService s = dispatch_service(r, ctx);
    auto m = s.meeting(number);
    if (!m) return m.error();
    auto entries = s.wg_agenda(number);
    if (!entries) return entries.error();
    auto hotrfc = s.hotrfc_topics(number);
    if (!hotrfc) return hotrfc.error();
    return WgAgendas{*m, std::move(*entries), std::move(*hotrfc)};
  });
  if (!d) return error_page(caller, d.error());
  std::map<std::string, json> by_group;  // a row per group (its id the form's fragment), by acronym
  for (const auto& e : d->entries)
    by_group[e.group].push_back({{"draft", e.draft}, {"href", "/drafts?q=" + http::percent_encode(e.draft)}});
  json rows = json::array();
  for (auto& [group, drafts] : by_group) rows.push_back({{"group", group}, {"drafts", std::move(drafts)}});
  const bool secretariat = caller.person && caller.person->is_secretariat();
  // The groups whose agenda the caller may offer to change: the ones it
  // chairs. The secretariat types any group's acronym instead (may_type_group).
  json groups = json::array();
  for (const auto& g : caller.person ? caller.person->chaired_groups() : std::vector<std::string>{})
    groups.push_back({{"acronym", g}, {"selected", g == form_field(form, "group")}});
  json view = {{"number", number},
               {"entries", rows},
               {"any", !rows.empty()},
               {"csrf", caller.csrf},
               {"may_type_group", secretariat},
               {"may_pick_group", !secretariat && !groups.empty()},
               {"can_add", secretariat || !groups.empty()},
               {"groups", groups},
               {"group", form_field(form, "group")},
               {"draft", at == At::wg_agenda ? form_field(form, "draft") : ""},
               {"problem", problem_view(at == At::wg_agenda ? problem : nullptr)}};
  json topics = json::array();
  for (const auto& draft : d->hotrfc) topics.push_back({{"draft", draft}, {"href", "/drafts?q=" + http::percent_encode(draft)}});
  view["hotrfc"] = {{"topics", topics},
                    {"any", !topics.empty()},
                    {"can_add", secretariat},
                    {"draft", at == At::hotrfc ? form_field(form, "draft") : ""},
                    {"problem", problem_view(at == At::hotrfc ? problem : nullptr)}};
  return page(caller, Place{"Drafts on WG agendas and HotRFC at IETF " + number, "/", meeting_trail(number)},
              render_template("wg_agendas", view), problem ? http::status_for(problem->kind) : 200);
}

}  // namespace

Response wg_agendas_page(Context& ctx, const Request& req) {
  return wg_agendas_view(ctx, identify(ctx, req), req.param("number"), nullptr, At::wg_agenda, {});
}

Response wg_agenda_form_post(Context& ctx, const Request& req) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) {
    const std::string number = req.param("number");
    auto refused = [&](const Error& e) { return wg_agendas_view(ctx, caller, number, &e, At::wg_agenda, form); };
    auto entry = wg_agenda_entry_from_json({{"group", form_field(form, "group")}, {"draft", form_field(form, "draft")}},
                                           number);
    if (!entry) return refused(entry.error());
    auto added = in_write<WgAgendaEntry>(ctx, [&](Repositories& r) {
      return dispatch_service(r, ctx).add_to_wg_agenda(who, *entry);
    });
    if (!added) return refused(added.error());
    return http::redirect(page_path(number) + "#group-" + http::percent_encode(added->group));
  });
}

Response hotrfc_form_post(Context& ctx, const Request& req) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) {
    const std::string number = req.param("number");
    auto refused = [&](const Error& e) { return wg_agendas_view(ctx, caller, number, &e, At::hotrfc, form); };
    auto draft = hotrfc_draft_from_json({{"draft", form_field(form, "draft")}});
    if (!draft) return refused(draft.error());
    Status added = in_write<Ok>(ctx, [&](Repositories& r) { return dispatch_service(r, ctx).add_hotrfc(who, number, *draft); });
    if (!added) return refused(added.error());
    return http::redirect(page_path(number) + "#hotrfc");
  });
}

}  // namespace convene::web
