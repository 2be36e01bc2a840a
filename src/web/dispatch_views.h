// What the dispatch templates see: view values built from domain values.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "context.h"
#include "convene/dispatch/dispatch.h"

namespace convene::web {

// The agenda page's view: items with their start clock and the chairs'
// controls when `caller` may chair the venue.
nlohmann::json agenda_view(const Agenda& a, const Caller& caller);

// The request form's view, keeping what the proponent typed in `form`.
nlohmann::json request_form_view(const Meeting& m, const Caller& caller,
                                 const std::map<std::string, std::string>& form);

// The history page's view.
nlohmann::json history_view(const History& h);

// number, city, dates, time_zone, mode, dispatch_mode, consolidated,
// cutoff_utc and cutoff_local (the I-D cutoff in the meeting's time zone).
nlohmann::json meeting_view(const Meeting& m);

}  // namespace convene::web
