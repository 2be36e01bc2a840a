// What the list of telechats shows of each series: its cadence in words,
// its moved and cancelled dates, and for editors the series forms (the
// cadence as saved or as typed after a refusal, a move, a cancellation).
#include "convene/telechat/render.h"
#include "html.h"
#include "telechat_views.h"

namespace convene::web {
namespace {

using nlohmann::json;
using namespace convene::telechat;
using Form = std::map<std::string, std::string>;

// Zones offered to the time zone field; any IANA name may be typed.
constexpr const char* kZones[] = {"America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Paris",
                                  "Asia/Tokyo",       "Australia/Sydney",    "UTC"};

// What was typed in form `which` of series `kind` when it was refused; `saved` otherwise.
Form typed_or(const TelechatProblem* p, const char* which, const std::string& kind, Form saved) {
  return p && p->form == which && p->item == kind ? p->typed : saved;
}

json dated(std::int64_t date) { return {{"date", format_date(date)}, {"day", long_date(date)}}; }

json exception_lists(const SeriesSettings& s) {
  json moved = json::array(), cancelled = json::array();
  for (const auto& [from, to] : s.moved) moved.push_back({{"from", dated(from)}, {"to", dated(to)}});
  for (std::int64_t d : s.cancelled) cancelled.push_back(dated(d));
  return {{"moved", moved}, {"any_moved", !moved.empty()}, {"cancelled", cancelled}, {"any_cancelled", !cancelled.empty()}};
}

// The cadence form's fields: the saved settings, or what was typed.
json cadence_form(const SeriesSettings& s, bool saved, const TelechatProblem* p) {
  const std::string kind(to_string(s.kind));
  const json as_json = series_to_json(s);
  Form f = typed_or(p, "series", kind,
                    {{"first_date", saved ? format_date(s.first_date) : ""},
                     {"interval_days", std::to_string(s.interval_days)},
                     {"start_time", as_json["start_time"].get<std::string>()},
                     {"duration_minutes", std::to_string(s.duration_minutes)},
                     {"time_zone", s.time_zone}});
  json out = {{"problem", problem_at(p, "series", kind)}, {"zones", json::array()}};
  for (const char* name : {"first_date", "interval_days", "start_time", "duration_minutes", "time_zone"})
    out[name] = form_field(f, name);
  for (const char* zone : kZones) out["zones"].push_back(zone);
  return out;
}

void add_series_forms(json& view, const SeriesSettings& s, bool saved, const TelechatProblem* p) {
  const std::string kind(to_string(s.kind));
  view["cadence_form"] = cadence_form(s, saved, p);
  Form move = typed_or(p, "series-move", kind, {});
  view["move_form"] = {{"problem", problem_at(p, "series-move", kind)},
                       {"scheduled", form_field(move, "scheduled")},
                       {"date", form_field(move, "date")}};
  Form cancel = typed_or(p, "series-cancel", kind, {});
  view["cancel_form"] = {{"problem", problem_at(p, "series-cancel", kind)}, {"date", form_field(cancel, "date")}};
}

}  // namespace

json series_view(const SeriesSettings& s, bool saved, bool editor, const TelechatProblem* p) {
  json view = exception_lists(s);
  view.update({{"kind", std::string(to_string(s.kind))},
               {"label", std::string(label(s.kind))},
               {"saved", saved},
               {"cadence", saved ? cadence_words(s) : ""}});
  if (editor) add_series_forms(view, s, saved, p);
  return view;
}

}  // namespace convene::web
