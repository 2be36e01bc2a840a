#include "views.h"

namespace convene::web {

nlohmann::json meeting_view(const Meeting& m) {
  return {{"number", m.number},
          {"city", m.city},
          {"dates", format_date(m.start_date) + " to " + format_date(m.end_date)},
          {"time_zone", m.time_zone},
          {"mode", std::string(to_string(m.mode))},
          {"consolidated", m.dispatch_mode == DispatchMode::consolidated},
          {"dispatch_mode", std::string(to_string(m.dispatch_mode))},
          {"cutoff_utc", format_utc(m.id_cutoff)},
          {"cutoff_local", format_local(m.id_cutoff, m.time_zone)}};
}

std::string query(const http::Request& req, const char* name) {
  auto it = req.query.find(name);
  return it == req.query.end() ? "" : it->second;
}

}  // namespace convene::web
