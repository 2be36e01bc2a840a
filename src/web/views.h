// View values shared by the HTML pages: what a template sees of a meeting,
// and small request helpers.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "convene/http/message.h"
#include "convene/meeting/meeting.h"

namespace convene::web {

// number, city, dates, time_zone, mode, dispatch_mode, consolidated,
// cutoff_utc and cutoff_local (the I-D cutoff in the meeting's time zone).
nlohmann::json meeting_view(const Meeting& m);

// The query parameter, or "" when absent.
std::string query(const http::Request& req, const char* name);

}  // namespace convene::web
