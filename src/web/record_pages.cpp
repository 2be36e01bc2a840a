// The secretariat's record forms (issue 13, item 1): a new meeting, a group
// or an area made or changed, and a draft revision recorded. Each form is
// read into the API's JSON body by body_from, read by the API's reader and
// run through the same use case; an error shows on the form with what was
// typed.
#include "api_support.h"
#include "convene/directory/service.h"
#include "convene/draft/service.h"
#include "convene/meeting/service.h"
#include "record_forms.h"
#include "services.h"

namespace convene::web {

using nlohmann::json;
using Form = std::map<std::string, std::string>;

namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

RecordForm meeting_form() {
  const Options modes = {{"in-person", "In person"}, {"hybrid", "Hybrid"}, {"virtual", "Virtual"}};
  return {Place{"New meeting", "/", {{"Meetings", "/"}}},
          "A plenary or an interim. Times are stored in UTC; the dates are the meeting's own, in its time zone.",
          "/meetings",
          "Create the meeting",
          {{"number", "Number", FieldKind::text, "127 for a plenary; interim-2026-quic-01 for an interim", {}, true},
           {"type", "Kind", FieldKind::select, "", {{"plenary", "Plenary"}, {"interim", "Interim"}}},
           {"group", "Group (interims only)", FieldKind::text, "the acronym of the group that meets"},
           {"city", "City", FieldKind::text, "plenaries only"},
           {"start_date", "First day", FieldKind::date, "", {}, true},
           {"end_date", "Last day", FieldKind::date, "", {}, true},
           {"time_zone", "Time zone", FieldKind::text, "an IANA name: Europe/Madrid, America/Toronto", {}, true},
           {"mode", "How people take part", FieldKind::select, "", modes},
           {"id_cutoff", "Internet-Draft cutoff", FieldKind::text, "UTC, e.g. 2026-07-06T23:59:00Z (plenaries)"},
           {"dispatch_mode", "Dispatch", FieldKind::select, "",
            {{"per-area", "Per-area dispatch sessions"}, {"consolidated", "One consolidated session (ALLDISPATCH)"}}}}};
}

Options named(const std::vector<std::string>& values, std::string_view (*label)(std::string_view)) {
  Options out;
  for (const auto& v : values) out.emplace_back(v, std::string(label(v)));
  return out;
}

RecordForm group_form(const std::vector<Area>& areas) {
  Options area_options = {{"", "No area"}};
  for (const auto& a : areas) area_options.emplace_back(a.acronym, a.name);
  return {Place{"Group", "/groups", {{"Groups", "/groups"}}},
          "Creates a group, or changes the group that has this acronym.",
          "/groups",
          "Save the group",
          {{"acronym", "Acronym", FieldKind::text, "lower-case letters, digits and '-': httpbis, 6man", {}, true},
           {"name", "Name", FieldKind::text, "", {}, true},
           {"type", "Kind", FieldKind::select, "", named(group_types(), group_type_label)},
           {"area", "Area", FieldKind::select, "required for working groups, BoFs and dispatch groups", area_options},
           {"state", "State", FieldKind::select, "", named(group_states(), group_state_label)},
           {"ad", "Responsible area director", FieldKind::text, "an e-mail address"},
           {"list_email", "Mailing list", FieldKind::text, "an e-mail address"}}};
}

RecordForm area_form() {
  return {Place{"Area", "/groups", {{"Groups", "/groups"}}},
          "Creates an area, or renames or concludes the area that has this acronym.",
          "/areas",
          "Save the area",
          {{"acronym", "Acronym", FieldKind::text, "art, sec, wit", {}, true},
           {"name", "Name", FieldKind::text, "", {}, true},
           {"state", "State", FieldKind::select, "", {{"active", "Active"}, {"concluded", "Concluded"}}}}};
}

RecordForm draft_form() {
  return {Place{"Record a draft revision", "", {}},
          "Records one revision of an Internet-Draft. The secretariat's submission times are taken as given; "
          "anyone else's count no earlier than now.",
          "/drafts",
          "Record the revision",
          {{"name", "Draft name", FieldKind::text, "without the revision: draft-smith-event-feeds", {}, true},
           {"rev", "Revision", FieldKind::text, "two digits: 00", {}, true},
           {"title", "Title", FieldKind::text, "", {}, true},
           {"submitted_at", "Submitted", FieldKind::text, "UTC, e.g. 2026-02-20T10:00:00Z", {}, true},
           {"authors", "Authors", FieldKind::list, "one per line, or separated by commas"},
           {"replaces", "Replaces", FieldKind::list, "the names of drafts this one replaces"}}};
}

Result<std::vector<Area>> all_areas(Context& ctx) {
  return in_read<std::vector<Area>>(ctx, [](Repositories& r) { return r.directory().areas(); });
}

// Reads the form into `read`'s input and runs `save` with it; on success a
// 303 to where `done` says, else the form again with the message.
template <class Read, class Save, class Done>
Response save_record(Context& ctx, const Request& req, const RecordForm& form, Read read, Save save, Done done) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& values) {
    auto input = read(body_from(form, values));
    if (!input) return record_form_page(caller, form, values, input.error().message, http::status_for(input.error().kind));
    auto saved = save(who, *input);
    if (!saved) return record_form_page(caller, form, values, saved.error().message, http::status_for(saved.error().kind));
    return http::redirect(done(*saved));
  });
}

// The group to change, when ?acronym= names one: its fields as typed values.
Form group_values(Context& ctx, const Request& req) {
  auto g = in_read<Group>(ctx, [&](Repositories& r) { return find_group(r.directory(), query(req, "acronym")); });
  if (query(req, "acronym").empty() || !g) return {};
  return {{"acronym", g->acronym}, {"name", g->name}, {"type", g->type}, {"area", g->area},
          {"state", g->state}, {"ad", g->ad}, {"list_email", g->list_email}};
}

}  // namespace

Response new_meeting_page(Context& ctx, const Request& req) {
  return secretariat_form_page(identify(ctx, req), meeting_form(), {{"start_date", ""}, {"mode", "hybrid"}});
}

Response meeting_form_post(Context& ctx, const Request& req) {
  return save_record(ctx, req, meeting_form(), meeting_from_json,
                     [&](const Person& who, const Meeting& m) {
                       return in_write<Meeting>(ctx, [&](Repositories& r) { return create_meeting_with_plan(ctx, r, who, m); });
                     },
                     [](const Meeting& m) { return "/meetings/" + m.number; });
}

Response group_form_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto areas = all_areas(ctx);
  if (!areas) return error_page(caller, areas.error());
  return secretariat_form_page(caller, group_form(*areas), group_values(ctx, req));
}

Response group_form_post(Context& ctx, const Request& req) {
  auto areas = all_areas(ctx);
  if (!areas) return error_page(identify(ctx, req), areas.error());
  return save_record(ctx, req, group_form(*areas), group_from_json,
                     [&](const Person& who, const Group& g) {
                       return in_write<Group>(ctx, [&](Repositories& r) {
                         return save_group(r.directory(), auditor(ctx, r, who), who, g);
                       });
                     },
                     [](const Group& g) { return "/groups/" + g.acronym; });
}

Response area_form_page(Context& ctx, const Request& req) {
  return secretariat_form_page(identify(ctx, req), area_form());
}

Response area_form_post(Context& ctx, const Request& req) {
  return save_record(ctx, req, area_form(), area_from_json,
                     [&](const Person& who, const Area& a) {
                       return in_write<Area>(ctx, [&](Repositories& r) {
                         return save_area(r.directory(), auditor(ctx, r, who), who, a);
                       });
                     },
                     [](const Area& a) { return "/groups?area=" + a.acronym; });
}

Response draft_form_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  if (!caller.person) return error_page(caller, unauthorized("sign in to record a draft revision"));
  return record_form_page(caller, draft_form(), {}, "");
}

Response draft_form_post(Context& ctx, const Request& req) {
  return save_record(ctx, req, draft_form(), draft_submission_from_json,
                     [&](const Person& who, const DraftSubmission& s) {
                       return in_write<Draft>(ctx, [&](Repositories& r) {
                         return submit_revision(r.drafts(), r.audit(), who, s, ctx.now());
                       });
                     },
                     [](const Draft& d) { return "/drafts/" + d.name + "/history"; });
}

}  // namespace convene::web
