// What the dispatch templates see: view values built from domain values.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "context.h"
#include "convene/dispatch/dispatch.h"

namespace convene::web {

// A chair's form that the service refused: which request's form (0 for the
// session form), the error, and what was typed, to show again in place.
struct FormProblem {
  std::int64_t id = 0;
  Error error;
  std::map<std::string, std::string> typed;
};

// The agenda page's view: items with their start clock and the chairs'
// controls when `caller` may chair the venue; `problem`, when given, is shown
// at its item (or at the session form) with what was typed.
nlohmann::json agenda_view(const Agenda& a, const Caller& caller, UnixSeconds now,
                           const FormProblem* problem = nullptr);

// The request form's view, keeping what the proponent typed in `form`.
nlohmann::json request_form_view(const Meeting& m, const Caller& caller, UnixSeconds now,
                                 const std::map<std::string, std::string>& form);

// The history page's view.
nlohmann::json history_view(const History& h);

// The seven per-area venues: venue, title ("SECDISPATCH") and area.
nlohmann::json venues_view();

// number, city, dates, time_zone, mode and dispatch_mode (labels),
// consolidated, cutoff (the I-D cutoff in the meeting's zone and in UTC),
// phase (its label at `now`) and past.
nlohmann::json meeting_view(const Meeting& m, UnixSeconds now);

}  // namespace convene::web
