// The one route table: every route of convene, in matching order, with the
// named function that handles it.
#include "handlers.h"

namespace convene::web {

using http::Method;

const std::vector<RouteSpec>& route_table() {
  static const std::vector<RouteSpec> table = {
      // JSON API: meetings, drafts, the caller.
      {Method::get, "/api/v1/openapi.json", api_openapi, "This API, described by OpenAPI 3"},
      {Method::get, "/api/v1/meetings", api_list_meetings, "List meetings, newest first"},
      {Method::post, "/api/v1/meetings", api_create_meeting, "Create a meeting (secretariat)"},
      {Method::get, "/api/v1/meetings/{number}", api_get_meeting, "One meeting"},
      {Method::get, "/api/v1/areas", api_list_areas, "The areas"},
      {Method::post, "/api/v1/areas", api_save_area, "Create or update an area (secretariat)"},
      {Method::get, "/api/v1/groups", api_list_groups, "The groups (?area=, ?type=, ?state=)"},
      {Method::post, "/api/v1/groups", api_save_group, "Create or update a group (secretariat)"},
      {Method::get, "/api/v1/groups/{acronym}", api_get_group, "One group"},
      {Method::post, "/api/v1/drafts", api_submit_draft, "Record an Internet-Draft revision"},
      {Method::get, "/api/v1/drafts/{name}", api_get_draft, "One Internet-Draft with its revisions"},
      {Method::get, "/api/v1/drafts/{name}/dispatch-history", api_draft_history,
       "Dispatch history of a draft's replaces family"},
      {Method::get, "/api/v1/me", api_me, "The signed-in person"},
      // JSON API: dispatch.
      {Method::post, "/api/v1/meetings/{number}/dispatch/requests", api_submit_request,
       "Ask for dispatch time"},
      {Method::get, "/api/v1/meetings/{number}/dispatch/agenda", api_agenda, "The public dispatch agenda"},
      {Method::put, "/api/v1/meetings/{number}/dispatch/session", api_configure_session,
       "Set a dispatch session's length and chairs' table (chairs)"},
      {Method::post, "/api/v1/meetings/{number}/wg-agendas", api_add_wg_agenda,
       "List a draft on a WG session agenda (WG chairs)"},
      {Method::get, "/api/v1/meetings/{number}/wg-agendas", api_list_wg_agenda, "Drafts on WG session agendas"},
      {Method::post, "/api/v1/meetings/{number}/hotrfc", api_add_hotrfc, "Record a HotRFC topic (secretariat)"},
      {Method::post, "/api/v1/dispatch/requests/{id}/decision", api_decide, "Accept or decline a request (chairs)"},
      {Method::post, "/api/v1/dispatch/requests/{id}/outcome", api_record_outcome, "Record an outcome (chairs)"},
      {Method::post, "/api/v1/dispatch/requests/{id}/arrange", api_arrange,
       "Move an agenda item or change its minutes (chairs)"},
      {Method::get, "/api/v1/dispatch/requests/{id}", api_get_request, "One dispatch request"},
      {Method::get, "/api/v1/dispatch/suggest", api_suggest_venue, "The venue suggested for some areas"},
      // JSON API: telechats.
      {Method::post, "/api/v1/telechats", api_create_telechat, "Create a telechat (IESG, secretariat)"},
      {Method::post, "/api/v1/telechats/import", api_import_telechat, "Import a wiki page (IESG, secretariat)"},
      {Method::get, "/api/v1/telechats/series", api_list_series, "Telechat series settings"},
      {Method::put, "/api/v1/telechats/series/{kind}", api_save_series,
       "Set a series' cadence, moved and cancelled dates"},
      {Method::get, "/api/v1/telechats/{date}", api_get_telechat, "One telechat agenda"},
      {Method::post, "/api/v1/telechats/{date}/items", api_add_telechat_item, "Add an item"},
      {Method::post, "/api/v1/telechats/{date}/items/{id}/close", api_close_telechat_item, "Close an item"},
      {Method::post, "/api/v1/telechats/{date}/items/{id}/move", api_move_telechat_item,
       "Move an item to another section"},
      {Method::post, "/api/v1/telechats/{date}/regrets", api_add_regrets, "Record a member's regrets"},
      {Method::post, "/api/v1/telechats/{date}/cancel", api_cancel_telechat, "Cancel or restore a telechat"},
      {Method::post, "/api/v1/telechats/{date}/documents", api_place_document,
       "Place a document on a formal agenda"},
      {Method::post, "/api/v1/telechats/{date}/wg-actions", api_place_wg_action,
       "Place a WG action on a formal agenda"},
      // Sign-in.
      {Method::get, "/login", login_page, "Sign-in form"},
      {Method::post, "/login", login_post, "Sign in"},
      {Method::post, "/logout", logout_post, "Sign out"},
      // Pages.
      {Method::get, "/", home_page, "Meetings"},
      {Method::get, "/meetings/{number}", meeting_page, "A meeting"},
      {Method::get, "/me", my_page, "The signed-in person's roles and agendas"},
      {Method::get, "/static/convene.css", stylesheet, "convene's stylesheet"},
      {Method::get, "/static/bootstrap.min.css", bootstrap_stylesheet, "Bootstrap 5's stylesheet (libjs-bootstrap5)"},
      {Method::get, "/healthz", health, "Liveness"},
      {Method::get, "/meetings/{number}/dispatch", agenda_page, "The dispatch agenda (chairs' controls for chairs)"},
      {Method::get, "/meetings/{number}/dispatch.md", agenda_markdown, "The dispatch agenda in Markdown"},
      {Method::get, "/meetings/{number}/dispatch/request", request_form_page, "The proponent's request form"},
      {Method::post, "/meetings/{number}/dispatch/request", request_form_post, "Send the request form"},
      {Method::post, "/dispatch/requests/{id}/decision", decision_form_post, "Chairs: accept or decline"},
      {Method::post, "/dispatch/requests/{id}/outcome", outcome_form_post, "Chairs: record an outcome"},
      {Method::post, "/dispatch/requests/{id}/arrange", arrange_form_post, "Chairs: move or resize an item"},
      {Method::post, "/meetings/{number}/dispatch/session", session_form_post, "Chairs: session settings"},
      {Method::get, "/drafts/{name}/history", history_page, "A draft's dispatch history"},
      {Method::get, "/telechats.ics", telechat_feed, "The telechat calendar (iCalendar)"},
      {Method::get, "/groups", groups_page, "The groups by area"},
      {Method::get, "/groups/{acronym}", group_page, "One group and its chairs"},
      {Method::get, "/telechats", telechat_list_page, "IESG telechats"},
      {Method::get, "/telechats/{date}.md", telechat_markdown, "A telechat agenda in Markdown"},
      {Method::get, "/telechats/{date}", telechat_page, "A telechat agenda"},
  };
  return table;
}

}  // namespace convene::web
