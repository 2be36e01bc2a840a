// Dispatch pages: the agenda (public, with the chairs' controls for chairs),
// its Markdown, the request form and a draft's dispatch history.
#include "api_support.h"
#include "convene/meeting/service.h"
#include "convene/plan/schedules.h"
#include "dispatch_views.h"
#include "html.h"
#include "services.h"

namespace convene::web {
namespace {

Result<Agenda> load_agenda(Context& ctx, const std::string& number, const std::string& venue) {
  return in_read<Agenda>(ctx, [&](Repositories& r) { return shown_agenda(ctx, r, number, venue); });
}

Result<Agenda> load_agenda(Context& ctx, const Request& req) {
  return load_agenda(ctx, req.param("number"), query(req, "venue"));
}

// When and where the meeting's official schedule puts the venue's session
// (the consolidated one is dispatch's joint session): null until it does.
nlohmann::json session_place(Context& ctx, const Agenda& agenda) {
  const std::string group = agenda.venue == kAllDispatch ? "dispatch" : agenda.venue;
  auto sessions = in_read<std::vector<GroupSession>>(ctx, [&](Repositories& r) {
    return sessions_of_group(plan_repos(r), group);
  });
  if (!sessions) return nullptr;
  for (const auto& s : *sessions) {
    if (s.meeting != agenda.meeting.number || !s.slot) continue;
    return {{"when", format_local(s.slot->start, s.time_zone) + " for " + format_minutes(s.slot->duration_min)},
            {"utc", format_utc(s.slot->start)},
            {"room", s.room}};
  }
  return nullptr;
}

Response agenda_response(const Caller& caller, const Agenda& agenda, const nlohmann::json& view, int status = 200) {
  std::string title = "IETF " + agenda.meeting.number + " " + venue_title(agenda.venue) + " agenda";
  return page(caller, Place{title, "/", meeting_trail(agenda.meeting.number)}, render_template("agenda", view),
              status);
}

// A per-area meeting's agenda needs a venue: without one, the list of them.
Response venue_index(Context& ctx, const Caller& caller, const std::string& number) {
  auto m = load_meeting(ctx, number);
  if (!m) return error_page(caller, m.error());
  nlohmann::json view = {{"meeting", meeting_view(*m, ctx.now())}, {"venues", venues_view()}};
  return page(caller, Place{"IETF " + m->number + " dispatch venues", "/", meeting_trail(m->number)},
              render_template("venues", view));
}

Response render_agenda_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto agenda = load_agenda(ctx, req);
  if (!agenda && agenda.error().code == "venue_required") return venue_index(ctx, caller, req.param("number"));
  if (!agenda) return error_page(caller, agenda.error());
  nlohmann::json view = agenda_view(*agenda, caller, ctx.now());
  view["submitted"] = query(req, "submitted");
  view["session_place"] = session_place(ctx, *agenda);
  return agenda_response(caller, *agenda, view);
}

// An error of the request's reader in the form's words: the form has
// checkboxes where the API has a list of area acronyms.
std::string form_message(const Error& e) {
  if (e.message.starts_with("areas:")) return "Areas it spans: tick at least one.";
  return e.message;
}

}  // namespace

Response agenda_with_problem(Context& ctx, const Caller& caller, const std::string& number, const std::string& venue,
                             const FormProblem& problem) {
  auto agenda = load_agenda(ctx, number, venue);
  if (!agenda) return error_page(caller, problem.error);
  nlohmann::json view = agenda_view(*agenda, caller, ctx.now(), &problem);
  view["session_place"] = session_place(ctx, *agenda);
  return agenda_response(caller, *agenda, view, http::status_for(problem.error.kind));
}

Result<Meeting> load_meeting(Context& ctx, const std::string& number) {
  return in_read<Meeting>(ctx, [&](Repositories& r) { return find_meeting(r.meetings(), number); });
}

Response agenda_page(Context& ctx, const Request& req) {
  // A page that says "your request is in" is never the public page.
  if (!query(req, "submitted").empty()) return render_agenda_page(ctx, req);
  // The meeting's phase (upcoming, running, past) moves with the clock: a
  // rendering is kept for the hour at most.
  std::string key = "agenda:" + req.param("number") + ":" + query(req, "venue") + ":" + std::to_string(ctx.now() / 3600);
  return cached(ctx, req, key, [&] { return render_agenda_page(ctx, req); });
}

Response agenda_markdown(Context& ctx, const Request& req) {
  std::string key = "agenda-md:" + req.param("number") + ":" + query(req, "venue");
  return cached(ctx, req, key, [&] {
    auto agenda = load_agenda(ctx, req);
    if (!agenda) return error_for(ctx, req, agenda.error());
    return http::text(200, to_markdown(*agenda), "text/markdown; charset=utf-8");
  });
}

Response request_form(Context& ctx, const Request& req, const std::map<std::string, std::string>& form,
                      const Error* error) {
  Caller caller = identify(ctx, req);
  if (!caller.person) return http::redirect("/login?next=" + http::percent_encode(req.path));
  auto m = load_meeting(ctx, req.param("number"));
  if (!m) return error_page(caller, m.error());
  nlohmann::json view = request_form_view(*m, caller, ctx.now(), form);
  if (error) view["error"] = {{"code", error->code}, {"message", form_message(*error)}};
  return page(caller, Place{"Ask for dispatch time at IETF " + m->number, "/", meeting_trail(m->number)},
              render_template("request_form", view), error ? http::status_for(error->kind) : 200);
}

Response request_form_page(Context& ctx, const Request& req) { return request_form(ctx, req, {}, nullptr); }

Response history_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto h = in_read<History>(ctx, [&](Repositories& r) { return dispatch_service(r, ctx).history(req.param("name")); });
  if (!h) return error_page(caller, h.error());
  return page(caller, Place{"Dispatch history of " + h->draft, "/", {{"Meetings", "/"}}},
              render_template("history", history_view(*h)));
}

}  // namespace convene::web
