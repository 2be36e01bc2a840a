// The plan pages' words and forms (plan_views.cpp): a form's fields as the
// API's JSON body, a stored request as the form's fields, and the values the
// timeslot, request and request-form templates show. Internal to src/web.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "convene/directory/directory.h"
#include "convene/plan/carry_over.h"
#include "convene/plan/plan.h"
#include "context.h"

namespace convene::web {

using Form = std::map<std::string, std::string>;

// ---- Forms as API bodies ----
// room_name, room_capacity, room_resources (comma-separated) as room_from_json's body.
nlohmann::json room_body(const Form& f);
// days (a date a line), periods ("10:00 120 Morning Session I" a line) and
// a ticked "in_<room id>" per room as grid_from_json's body.
nlohmann::json grid_body(const Form& f);
// The request form (see session_request_form.mustache) as request_from_json's body.
nlohmann::json request_body(const Form& f);
// A stored request as the request form's fields (its comments left out).
Form request_form_fields(const SessionRequest& r);

// ---- Views ----
// The meeting's grid: a table per local day, a row per period, a column per
// room; a cell names the group the official schedule places there
// (`placed`: timeslot id to group acronym) or "Open", "—" when no slot.
nlohmann::json timeslot_days(const std::vector<MeetingRoom>& rooms, const std::vector<schedule::Timeslot>& slots,
                             const std::map<std::string, std::string>& placed, const std::string& time_zone);
// "Waiting for the area director", "Waiting for the secretariat", "Approved".
std::string request_state_words(SessionRequestState s);
// A request's constraints in words, one line each ("Chair conflict with tls, httpbis").
std::vector<std::string> constraint_words(const SessionRequest& r);
// "120 minutes for 80 people" per session.
std::vector<std::string> session_words(const SessionRequest& r);
// The request form's fields: `groups` to pick from, what `f` holds.
nlohmann::json request_form_view(const Form& f, const std::vector<std::string>& groups);
// The constraints others declare against a group, in words ("tls: chair conflict").
nlohmann::json against_view(const std::vector<schedule::Constraint>& against);
// The carry-over notes: last time's sessions, concluded targets, new groups.
nlohmann::json carry_view(const CarryOver& c);
// The exclusive sessions of the approved `requests` ({"id", "label"}: the
// label is its group's name, with the session's length) and the exceptions
// granted against them: group, session label, approver's name (`names`, by
// address; addresses are never shown) and when, in `time_zone`.
nlohmann::json exclusive_view(const std::vector<SessionRequest>& requests,
                              const std::vector<ExclusiveException>& granted,
                              const std::map<std::string, std::string>& names, const std::string& time_zone);

}  // namespace convene::web
