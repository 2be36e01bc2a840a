// Every handler of the web application, by file. Each is a named function
// from the request to a response: it reads typed input at the edge, calls a
// service in one transaction and picks a renderer. route_table.cpp lists
// which route calls which.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "context.h"
#include "convene/http/router.h"

namespace convene::web {

using http::Request;
using http::Response;

// api_meetings.cpp: meetings, drafts, the caller, OpenAPI.
Response api_list_meetings(Context& ctx, const Request& req);
Response api_create_meeting(Context& ctx, const Request& req);
Response api_get_meeting(Context& ctx, const Request& req);
Response api_list_areas(Context& ctx, const Request& req);
Response api_save_area(Context& ctx, const Request& req);
Response api_list_groups(Context& ctx, const Request& req);
Response api_save_group(Context& ctx, const Request& req);
Response api_get_group(Context& ctx, const Request& req);
Response groups_page(Context& ctx, const Request& req);
Response group_page(Context& ctx, const Request& req);
Response api_submit_draft(Context& ctx, const Request& req);
Response api_get_draft(Context& ctx, const Request& req);
Response api_draft_history(Context& ctx, const Request& req);
Response api_me(Context& ctx, const Request& req);
Response api_openapi(Context& ctx, const Request& req);

// api_tokens.cpp: the caller's API tokens and password.
Response api_list_my_tokens(Context& ctx, const Request& req);
Response api_create_my_token(Context& ctx, const Request& req);
Response api_revoke_my_token(Context& ctx, const Request& req);
Response api_change_my_password(Context& ctx, const Request& req);

// api_plan.cpp: a meeting's rooms, timeslots, session requests, problem,
// schedule versions, and jobs.
Response api_list_rooms(Context& ctx, const Request& req);
Response api_add_room(Context& ctx, const Request& req);
Response api_list_timeslots(Context& ctx, const Request& req);
Response api_add_timeslots(Context& ctx, const Request& req);
Response api_remove_timeslot(Context& ctx, const Request& req);
Response api_list_session_requests(Context& ctx, const Request& req);
Response api_file_session_request(Context& ctx, const Request& req);
Response api_get_session_request(Context& ctx, const Request& req);
Response api_approve_session_request(Context& ctx, const Request& req);
Response api_allow_against_exclusive(Context& ctx, const Request& req);
Response api_get_problem(Context& ctx, const Request& req);
Response api_put_problem(Context& ctx, const Request& req);
Response api_list_schedules(Context& ctx, const Request& req);
Response api_add_schedule(Context& ctx, const Request& req);
Response api_get_schedule(Context& ctx, const Request& req);
Response api_make_official(Context& ctx, const Request& req);
Response api_compare_schedules(Context& ctx, const Request& req);
Response api_cancel_schedule(Context& ctx, const Request& req);
Response api_get_job(Context& ctx, const Request& req);
Response api_import_datatracker_agenda(Context& ctx, const Request& req);

// pages.cpp and profile_forms.cpp: your page, its API tokens and password.
struct ProfileNotes {
  std::string notice;            // a success message
  std::string new_token;         // a token just made: shown this once
  std::string token_problem;     // why the token form was refused
  std::string password_problem;  // why the password form was refused
  std::string token_name, token_days;  // what was typed in the token form
  int status = 200;
};
Response profile_page(Context& ctx, const Caller& caller, const ProfileNotes& notes);
Response token_form_post(Context& ctx, const Request& req);
Response revoke_token_form_post(Context& ctx, const Request& req);
Response password_form_post(Context& ctx, const Request& req);

// audit_pages.cpp: the audit log for the secretariat.
Response audit_page(Context& ctx, const Request& req);

// record_pages.cpp: the secretariat's record forms (meetings, groups,
// areas) and recording a draft revision.
Response new_meeting_page(Context& ctx, const Request& req);
Response meeting_form_post(Context& ctx, const Request& req);
Response group_form_page(Context& ctx, const Request& req);
Response group_form_post(Context& ctx, const Request& req);
Response area_form_page(Context& ctx, const Request& req);
Response area_form_post(Context& ctx, const Request& req);
Response draft_form_page(Context& ctx, const Request& req);
Response draft_form_post(Context& ctx, const Request& req);

// plan_pages.cpp: the secretariat's schedule pages.
Response schedules_page(Context& ctx, const Request& req);
Response import_meeting_page(Context& ctx, const Request& req);
Response import_meeting_form_post(Context& ctx, const Request& req);
Response schedule_page(Context& ctx, const Request& req);
Response load_problem_form_post(Context& ctx, const Request& req);
Response solve_form_post(Context& ctx, const Request& req);
Response official_form_post(Context& ctx, const Request& req);
Response cancel_form_post(Context& ctx, const Request& req);

// plan_forms.cpp: the timeslot grid and its forms, the session requests and
// their approval, a chair's request form with last meeting's carried over.
Response timeslots_page(Context& ctx, const Request& req);
Response room_form_post(Context& ctx, const Request& req);
Response timeslots_form_post(Context& ctx, const Request& req);
Response remove_timeslot_form_post(Context& ctx, const Request& req);
Response session_requests_page(Context& ctx, const Request& req);
Response session_request_form_page(Context& ctx, const Request& req);
Response session_request_form_post(Context& ctx, const Request& req);
Response approve_form_post(Context& ctx, const Request& req);
Response exclusive_form_post(Context& ctx, const Request& req);

// wg_agenda_pages.cpp: the drafts on WG session agendas and the HotRFC
// topics, the chairs' and the secretariat's forms.
Response wg_agendas_page(Context& ctx, const Request& req);
Response wg_agenda_form_post(Context& ctx, const Request& req);
Response hotrfc_form_post(Context& ctx, const Request& req);

// agenda_pages.cpp: the published agenda in every format.
Response meeting_agenda_page(Context& ctx, const Request& req);
Response meeting_agenda_json(Context& ctx, const Request& req);
Response meeting_agenda_csv(Context& ctx, const Request& req);
Response meeting_agenda_csv_utc(Context& ctx, const Request& req);
Response meeting_agenda_txt(Context& ctx, const Request& req);
Response meeting_agenda_txt_utc(Context& ctx, const Request& req);
Response meeting_agenda_ics(Context& ctx, const Request& req);

// api_dispatch.cpp: dispatch requests and agendas.
Response api_submit_request(Context& ctx, const Request& req);
Response api_agenda(Context& ctx, const Request& req);
Response api_configure_session(Context& ctx, const Request& req);
Response api_add_wg_agenda(Context& ctx, const Request& req);
Response api_list_wg_agenda(Context& ctx, const Request& req);
Response api_add_hotrfc(Context& ctx, const Request& req);
Response api_decide(Context& ctx, const Request& req);
Response api_record_outcome(Context& ctx, const Request& req);
Response api_arrange(Context& ctx, const Request& req);
Response api_withdraw(Context& ctx, const Request& req);
Response api_edit_request(Context& ctx, const Request& req);
Response api_undo_decline(Context& ctx, const Request& req);
Response api_my_requests(Context& ctx, const Request& req);
Response api_get_request(Context& ctx, const Request& req);
Response api_suggest_venue(Context& ctx, const Request& req);

// telechat_api.cpp
Response api_create_telechat(Context& ctx, const Request& req);
Response api_import_telechat(Context& ctx, const Request& req);
Response api_list_series(Context& ctx, const Request& req);
Response api_save_series(Context& ctx, const Request& req);
Response api_get_telechat(Context& ctx, const Request& req);
Response api_add_telechat_item(Context& ctx, const Request& req);
Response api_close_telechat_item(Context& ctx, const Request& req);
Response api_move_telechat_item(Context& ctx, const Request& req);
Response api_add_regrets(Context& ctx, const Request& req);
Response api_cancel_telechat(Context& ctx, const Request& req);
Response api_place_document(Context& ctx, const Request& req);
Response api_place_wg_action(Context& ctx, const Request& req);

// telechat_pages.cpp
Response telechat_feed(Context& ctx, const Request& req);
Response telechat_list_page(Context& ctx, const Request& req);
Response telechat_markdown(Context& ctx, const Request& req);
Response telechat_page(Context& ctx, const Request& req);
// The list page and the page of `date` (a stored telechat, else a series
// date's, else 404) for `caller`, with a refused form (telechat_views.h)
// shown at its place and its status; `problem` may be null.
struct TelechatProblem;
Response telechat_list_view(Context& ctx, const Caller& caller, const TelechatProblem* problem);
Response telechat_day_view(Context& ctx, const Caller& caller, std::int64_t date, const TelechatProblem* problem);

// telechat_forms.cpp: the IESG's and the secretariat's telechat forms.
Response create_telechat_form_post(Context& ctx, const Request& req);
Response import_telechat_form_post(Context& ctx, const Request& req);
Response telechat_item_form_post(Context& ctx, const Request& req);
Response move_telechat_item_form_post(Context& ctx, const Request& req);
Response close_telechat_item_form_post(Context& ctx, const Request& req);
Response telechat_regrets_form_post(Context& ctx, const Request& req);
Response cancel_telechat_form_post(Context& ctx, const Request& req);
Response telechat_document_form_post(Context& ctx, const Request& req);
Response telechat_wg_action_form_post(Context& ctx, const Request& req);
// telechat_series_forms.cpp: the series of {kind} on the list: its cadence,
// a moved date (moved to its own date: the move undone), a cancelled date
// (field cancelled=false: restored).
Response series_cadence_form_post(Context& ctx, const Request& req);
Response series_move_form_post(Context& ctx, const Request& req);
Response series_cancel_form_post(Context& ctx, const Request& req);

// dispatch_pages.cpp, dispatch_forms.cpp and my_requests.cpp
Response my_requests_page(Context& ctx, const Request& req);
Response edit_request_page(Context& ctx, const Request& req);
Response edit_request_form_post(Context& ctx, const Request& req);
Response withdraw_form_post(Context& ctx, const Request& req);
Response undo_decline_form_post(Context& ctx, const Request& req);
Response agenda_page(Context& ctx, const Request& req);
Response agenda_markdown(Context& ctx, const Request& req);
Response request_form_page(Context& ctx, const Request& req);
Response request_form_post(Context& ctx, const Request& req);
Response decision_form_post(Context& ctx, const Request& req);
Response outcome_form_post(Context& ctx, const Request& req);
Response arrange_form_post(Context& ctx, const Request& req);
Response session_form_post(Context& ctx, const Request& req);
Response history_page(Context& ctx, const Request& req);
Response drafts_page(Context& ctx, const Request& req);
Response search_page(Context& ctx, const Request& req);
Response api_list_drafts(Context& ctx, const Request& req);

// Shared by the dispatch pages, the request form and the meeting page: the
// meeting (or
// meeting_unknown), and the request form with what was typed and the error.
Result<Meeting> load_meeting(Context& ctx, const std::string& number);
// The agenda of `venue` at meeting `number` with a chair's refused form shown
// in place (status from its error); the plain error page when the agenda
// itself cannot be shown.
struct FormProblem;
Response agenda_with_problem(Context& ctx, const Caller& caller, const std::string& number, const std::string& venue,
                             const FormProblem& problem);
Response request_form(Context& ctx, const Request& req, const std::map<std::string, std::string>& form,
                      const Error* error);

// pages.cpp
Response home_page(Context& ctx, const Request& req);
Response meeting_page(Context& ctx, const Request& req);
Response stylesheet(Context& ctx, const Request& req);
Response bootstrap_stylesheet(Context& ctx, const Request& req);
Response my_page(Context& ctx, const Request& req);
Response health(Context& ctx, const Request& req);

// sign_in.cpp
Response login_page(Context& ctx, const Request& req);
Response login_post(Context& ctx, const Request& req);
Response logout_post(Context& ctx, const Request& req);

// One route: what the route table lists.
struct RouteSpec {
  http::Method method;
  const char* pattern;
  Response (*handler)(Context&, const Request&);
  const char* summary;   // for people; also the OpenAPI summary of /api routes
};

// The one route table, in matching order.
const std::vector<RouteSpec>& route_table();

// Parses an id path parameter (a positive integer) of a `what` ("request",
// "job", ...); error "bad_id" (400) naming it.
Result<std::int64_t> parse_id(const std::string& text, std::string_view what = "request");

// The OpenAPI 3 document of the /api/v1 routes (openapi.cpp).
Response openapi_document();

}  // namespace convene::web
