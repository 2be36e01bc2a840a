// The meeting plan in a browser (issue 12, items 2-5): the timeslot grid
// with the secretariat's room and grid forms, the session requests with
// their approval, and a chair's request form with last meeting's request
// carried over. Each form's fields become the API's JSON body, read by the
// same domain reader, and the same use case runs; a refused form comes back
// with its message and what was typed.
#include <algorithm>
#include <set>

#include "api_support.h"
#include "convene/meeting/service.h"
#include "convene/plan/service.h"
#include "html.h"
#include "services.h"
#include "urls.h"
#include "plan_views.h"

namespace convene::web {

namespace {

using nlohmann::json;

bool is_secretariat(const Caller& c) { return c.person && c.person->is_secretariat(); }

template <class T>
Status status_of(const Result<T>& r) {
  return r ? ok_status() : Status(r.error());
}

// The page of a refused form (`problem` set) or a plain one.
using View = Response (*)(Context&, const Caller&, const std::string& number, const Error* problem, const Form& form);

// A form's POST under meeting `number`: apply(who, form) runs the use case;
// success goes to `done`, a refusal re-renders `view` with the message.
template <class Apply>
Response plan_form(Context& ctx, const Request& req, const std::string& number, View view, const std::string& done,
                   Apply apply) {
  Form form = http::parse_form(req.body);
  Caller caller = identify(ctx, req);
  auto who = form_person(caller, form);
  if (!who) return error_page(caller, who.error());
  Status st = apply(*who, form);
  if (!st) return view(ctx, caller, number, &st.error(), form);
  return http::redirect(done);
}

// ---- The timeslot grid ----

struct GridData {
  Meeting meeting;
  std::vector<MeetingRoom> rooms;
  std::vector<schedule::Timeslot> slots;
  std::map<std::string, std::string> placed;  // timeslot id -> group, in the official schedule
};

Result<std::map<std::string, std::string>> official_placements(Repositories& r, const std::string& number) {
  auto versions = r.plan().schedules(number);
  auto requests = r.plan().requests(number);
  if (!versions) return versions.error();
  if (!requests) return requests.error();
  std::map<std::string, std::string> group_of, placed;
  for (const auto& q : *requests)
    for (const auto& s : q.sessions) group_of[s.id] = q.group;
  for (const auto& v : *versions)
    if (v.official && v.assignments)
      for (const auto& a : *v.assignments) placed[a.timeslot] = group_of.count(a.session) ? group_of[a.session] : a.session;
  return placed;
}

Result<GridData> load_grid(Context& ctx, const std::string& number) {
  return in_read<GridData>(ctx, [&](Repositories& r) -> Result<GridData> {
    auto m = find_meeting(r.meetings(), number);
    if (!m) return m.error();
    auto rooms = r.plan().rooms(number);
    auto slots = r.plan().timeslots(number);
    auto placed = official_placements(r, number);
    if (!rooms) return rooms.error();
    if (!slots) return slots.error();
    if (!placed) return placed.error();
    return GridData{*m, std::move(*rooms), std::move(*slots), std::move(*placed)};
  });
}

Response timeslots_view(Context& ctx, const Caller& caller, const std::string& number, const Error* problem,
                        const Form& form) {
  auto g = load_grid(ctx, number);
  if (!g) return error_page(caller, g.error());
  json view = timeslot_days(g->rooms, g->slots, g->placed, g->meeting.time_zone);
  json tick = json::array();
  for (const auto& r : g->rooms)
    tick.push_back({{"id", r.room.id}, {"name", r.room.name}, {"checked", form.count("in_" + r.room.id) > 0}});
  view.update({{"number", number},
               {"time_zone", g->meeting.time_zone},
               {"any_room", !g->rooms.empty()},
               {"any_slot", !g->slots.empty()},
               {"tick", tick},
               {"can_edit", is_secretariat(caller)},
               {"csrf", caller.csrf},
               {"problem", problem_view(problem)}});
  for (const char* name : {"room_name", "room_capacity", "room_resources", "days", "periods"})
    view["form"][name] = form_field(form, name);
  return page(caller, Place{"Timeslots of " + meeting_title(g->meeting), "/", meeting_trail(number)},
              render_template("timeslots", view), problem ? http::status_for(problem->kind) : 200);
}

// ---- Session requests ----

struct RequestsData {
  Meeting meeting;
  std::vector<SessionRequest> requests;
  std::vector<Group> groups;
  std::vector<ExclusiveException> exceptions;
  std::map<std::string, std::string> approvers;  // address -> name, of the exceptions' approvers
};

Result<RequestsData> load_requests(Repositories& r, const std::string& number) {
  auto m = find_meeting(r.meetings(), number);
  if (!m) return m.error();
  auto requests = r.plan().requests(number);
  auto groups = r.directory().groups();
  auto exceptions = r.plan().exceptions(number);
  if (!requests) return requests.error();
  if (!groups) return groups.error();
  if (!exceptions) return exceptions.error();
  std::vector<std::string> approved_by;
  for (const auto& e : *exceptions) approved_by.push_back(e.approved_by);
  auto approvers = names_on_record(r.people(), approved_by);
  if (!approvers) return approvers.error();
  std::ranges::stable_sort(*requests, {}, &SessionRequest::group);
  return RequestsData{*m, std::move(*requests), std::move(*groups), std::move(*exceptions), std::move(*approvers)};
}

// Whether `who` has an approve button for `q`: the secretariat for a
// pending request, the IESG or the group's area director for a needs-ad one.
bool may_approve(const Caller& caller, const SessionRequest& q, const std::vector<Group>& groups) {
  if (!caller.person) return false;
  const Person& who = *caller.person;
  if (q.state == SessionRequestState::pending) return who.is_secretariat();
  if (q.state != SessionRequestState::needs_ad) return false;
  auto g = std::ranges::find(groups, q.group, &Group::acronym);
  return who.has_role("iesg") || (g != groups.end() && who.is_ad_of(g->area));
}

// The groups `caller` may request sessions for: all for the secretariat,
// else the ones it chairs.
std::vector<std::string> requestable_groups(const Caller& caller, const std::vector<Group>& groups) {
  std::vector<std::string> out;
  if (!caller.person) return out;
  for (const auto& g : groups)
    if (caller.person->is_secretariat() || caller.person->chairs(g.acronym)) out.push_back(g.acronym);
  return out;
}

// The exclusive sessions' part of the requests page: the exceptions granted,
// and the IESG's form with what was typed and `problem` when it was refused.
json exclusive_part(const RequestsData& d, const Caller& caller, const Error* problem, const Form& form) {
  json view = exclusive_view(d.requests, d.exceptions, d.approvers, d.meeting.time_zone);
  view["can_allow"] = caller.person && caller.person->is_iesg();
  view["problem"] = problem_view(problem);
  view["group"] = form_field(form, "group");
  for (auto& s : view["sessions"]) s["selected"] = s["id"] == form_field(form, "session");
  json groups = json::array();
  for (const auto& g : d.groups) groups.push_back({{"acronym", g.acronym}, {"name", g.name}});
  view["groups"] = groups;
  return view;
}

Response requests_view(Context& ctx, const Caller& caller, const std::string& number, const Error* problem,
                       const Form& form) {
  auto d = in_read<RequestsData>(ctx, [&](Repositories& r) { return load_requests(r, number); });
  if (!d) return error_page(caller, d.error());
  json rows = json::array();
  for (const auto& q : d->requests)
    rows.push_back({{"id", q.id},
                    {"group", q.group},
                    {"state", request_state_words(q.state)},
                    {"approved", q.state == SessionRequestState::approved},
                    {"sessions", session_words(q)},
                    {"constraints", constraint_words(q)},
                    {"comments", q.comments},
                    {"can_approve", may_approve(caller, q, d->groups)}});
  json mine = json::array();
  if (!is_secretariat(caller))
    for (const auto& g : requestable_groups(caller, d->groups))
      mine.push_back({{"group", g}, {"href", meeting_path(number) + "/session-requests/new?group=" + http::percent_encode(g)}});
  // A refusal of the exclusive form (the only one here with a "session"
  // field) is shown at that form; any other at the top.
  const bool at_exclusive = form.count("session") > 0;
  json view = {{"number", number},     {"requests", rows},      {"any", !rows.empty()},
               {"count", rows.size()}, {"mine", mine},          {"secretariat", is_secretariat(caller)},
               {"csrf", caller.csrf},  {"problem", problem_view(at_exclusive ? nullptr : problem)},
               {"exclusive", exclusive_part(*d, caller, at_exclusive ? problem : nullptr, form)}};
  return page(caller, Place{"Session requests for " + meeting_title(d->meeting), "/", meeting_trail(number)},
              render_template("session_requests", view), problem ? http::status_for(problem->kind) : 200);
}

// ---- The request form ----

// The people a carried-over request needs, by address as the form takes
// them (stored as person_ref()s).
Status with_addresses(PeopleRepository& people, CarryOver& c) {
  if (!c.previous) return ok_status();
  for (auto& k : c.previous->constraints) {
    auto id = k.type == schedule::ConstraintType::bethere ? person_id_of(k.person) : std::nullopt;
    if (!id) continue;
    auto person = people.by_id(*id);
    if (!person) return person.error();
    if (*person) k.person = (*person)->email;
  }
  return ok_status();
}

// The newest other plenary meeting, earlier than `m`, at which `group` asked
// for sessions, carried over against today's directory.
Result<CarryOver> previous_request(Repositories& r, const Meeting& m, const std::string& group,
                                   const std::vector<Group>& directory) {
  auto mine = r.plan().requests_of_group(group);
  if (!mine) return mine.error();
  std::set<std::string> asked_at;
  for (const auto& req : *mine) asked_at.insert(req.meeting);
  auto meetings = r.meetings().list(10000, 0);
  if (!meetings) return meetings.error();
  for (const auto& other : *meetings) {
    if (other.type != MeetingType::plenary || other.number == m.number || other.start_date >= m.start_date) continue;
    if (!asked_at.count(other.number)) continue;
    auto requests = r.plan().requests(other.number);
    if (!requests) return requests.error();
    CarryOver c = carry_over(group, other.number, *requests, directory);
    // The form takes the people who must be there by address, as they were typed.
    if (auto st = with_addresses(r.people(), c); !st) return st.error();
    return c;
  }
  return CarryOver{};
}

struct FormData {
  RequestsData here;
  std::vector<std::string> groups;  // the caller may request for
  std::string group;                // the one asked for, "" when none yet
  CarryOver carry;
};

// The form's data for `asked` (a group of the caller's, else its first one
// unless it is the secretariat).
Result<FormData> load_form(Repositories& r, const Caller& caller, const std::string& number, const std::string& asked) {
  auto here = load_requests(r, number);
  if (!here) return here.error();
  std::vector<std::string> groups = requestable_groups(caller, here->groups);
  std::string group = std::ranges::count(groups, asked) ? asked : "";
  if (group.empty() && !groups.empty() && !is_secretariat(caller)) group = groups.front();
  CarryOver carry;
  if (!group.empty()) {
    auto c = previous_request(r, here->meeting, group, here->groups);
    if (!c) return c.error();
    carry = std::move(*c);
  }
  return FormData{std::move(*here), std::move(groups), group, std::move(carry)};
}

// The form page: `form` as typed, or (fresh, no problem) last time's request.
Response form_view(Context& ctx, const Caller& caller, const std::string& number, const Error* problem,
                   const Form& typed) {
  if (!caller.person) return error_page(caller, unauthorized("sign in to request sessions"));
  auto d = in_read<FormData>(ctx, [&](Repositories& r) { return load_form(r, caller, number, form_field(typed, "group")); });
  if (!d) return error_page(caller, d.error());
  if (d->groups.empty()) return error_page(caller, forbidden("only a group's chairs or the secretariat may request sessions"));
  Form form = typed;
  if (!problem && d->carry.previous) form = request_form_fields(*d->carry.previous);
  const std::string group = d->group;
  form["group"] = group;
  json view = request_form_view(form, d->groups);
  view.update({{"number", number},
               {"csrf", caller.csrf},
               {"group", group},
               {"pick_group", d->groups.size() > 1},
               {"problem", problem_view(problem)},
               {"carry", carry_view(d->carry)}});
  auto asked = std::ranges::find(d->here.requests, group, &SessionRequest::group);
  if (!group.empty() && asked != d->here.requests.end())
    view["already"] = group + " has already asked for sessions at " + meeting_title(d->here.meeting) + " (" +
                      request_state_words(asked->state) + ").";
  json against = against_view(conflicts_against(d->here.requests, group));
  view["against"] = against;
  view["any_against"] = !group.empty() && !against.empty();
  view["none_against"] = !group.empty() && against.empty();
  auto trail = meeting_trail(number);
  trail.push_back({"Session requests", meeting_path(number) + "/session-requests"});
  return page(caller, Place{"Request sessions for " + meeting_title(d->here.meeting), "/", trail},
              render_template("session_request_form", view), problem ? http::status_for(problem->kind) : 200);
}

}  // namespace

Response timeslots_page(Context& ctx, const Request& req) {
  return timeslots_view(ctx, identify(ctx, req), req.param("number"), nullptr, {});
}

Response room_form_post(Context& ctx, const Request& req) {
  const std::string number = req.param("number");
  return plan_form(ctx, req, number, timeslots_view, meeting_path(number) + "/timeslots",
                   [&](const Person& who, const Form& f) -> Status {
    auto in = room_from_json(room_body(f));
    if (!in) return in.error();
    return status_of(in_write<MeetingRoom>(ctx, [&](Repositories& r) {
      return add_room(plan_repos(r), auditor(ctx, r, who), who, number, *in);
    }));
  });
}

Response timeslots_form_post(Context& ctx, const Request& req) {
  const std::string number = req.param("number");
  return plan_form(ctx, req, number, timeslots_view, meeting_path(number) + "/timeslots",
                   [&](const Person& who, const Form& f) -> Status {
    auto grid = grid_from_json(grid_body(f));
    if (!grid) return grid.error();
    return status_of(in_write<std::vector<schedule::Timeslot>>(ctx, [&](Repositories& r) {
      return add_timeslots(plan_repos(r), auditor(ctx, r, who), who, number, *grid);
    }));
  });
}

Response remove_timeslot_form_post(Context& ctx, const Request& req) {
  const std::string number = req.param("number");
  return plan_form(ctx, req, number, timeslots_view, meeting_path(number) + "/timeslots",
                   [&](const Person& who, const Form&) {
    return in_write<Ok>(ctx, [&](Repositories& r) {
      return remove_timeslot(plan_repos(r), auditor(ctx, r, who), who, number, req.param("id"));
    });
  });
}

Response session_requests_page(Context& ctx, const Request& req) {
  return requests_view(ctx, identify(ctx, req), req.param("number"), nullptr, {});
}

Response approve_form_post(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto id = parse_id(req.param("id"), "session request");
  if (!id) return error_page(caller, id.error());
  auto found = in_read<SessionRequest>(ctx, [&](Repositories& r) { return find_request(r.plan(), *id); });
  if (!found) return error_page(caller, found.error());
  const std::string number = found->meeting;
  return plan_form(ctx, req, number, requests_view, meeting_path(number) + "/session-requests",
                   [&](const Person& who, const Form&) -> Status {
    return status_of(in_write<SessionRequest>(ctx, [&](Repositories& r) {
      return approve_request(plan_repos(r), auditor(ctx, r, who), who, *id, ctx.now());
    }));
  });
}

Response exclusive_form_post(Context& ctx, const Request& req) {
  const std::string number = req.param("number");
  return plan_form(ctx, req, number, requests_view, meeting_path(number) + "/session-requests#exclusive",
                   [&](const Person& who, const Form& f) -> Status {
    auto in = exclusive_input_from_json({{"session", form_field(f, "session")}, {"group", form_field(f, "group")}});
    if (!in) return in.error();
    return status_of(in_write<ExclusiveException>(ctx, [&](Repositories& r) {
      return allow_against_exclusive(plan_repos(r), auditor(ctx, r, who), who, number, in->session, in->group,
                                     ctx.now());
    }));
  });
}

Response session_request_form_page(Context& ctx, const Request& req) {
  Form form;
  if (!query(req, "group").empty()) form["group"] = query(req, "group");
  return form_view(ctx, identify(ctx, req), req.param("number"), nullptr, form);
}

Response session_request_form_post(Context& ctx, const Request& req) {
  const std::string number = req.param("number");
  return plan_form(ctx, req, number, form_view, meeting_path(number) + "/session-requests",
                   [&](const Person& who, const Form& f) -> Status {
    auto in = request_from_json(request_body(f));
    if (!in) return in.error();
    return status_of(in_write<SessionRequest>(ctx, [&](Repositories& r) {
      return file_request(plan_repos(r), auditor(ctx, r, who), who, number, *in, ctx.now());
    }));
  });
}

}  // namespace convene::web
