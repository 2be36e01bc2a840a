// The IESG's and the secretariat's series forms on the list of telechats
// (issue 13): a series' cadence, a moved date and a cancelled date, each
// also undone. Each reads the series as saved, changes it, and saves it
// through TelechatService::save_series (validated, audited) in one
// transaction. Success goes back to the series on the list (303); a refusal
// shows the list again with the message at its form and what was typed.
#include "convene/telechat/series.h"
#include "handlers.h"
#include "html.h"
#include "services.h"
#include "telechat_views.h"

namespace convene::web {
namespace {

using nlohmann::json;
using telechat::Kind;
using telechat::SeriesSettings;
using Form = std::map<std::string, std::string>;

// The saved series of `kind`: "series_not_found" when there is none, unless
// `or_defaults` (then SeriesSettings' defaults).
Result<SeriesSettings> saved_series(telechat::TelechatService& service, Kind kind, bool or_defaults) {
  auto all = service.saved_series();
  if (!all) return all.error();
  if (const SeriesSettings* s = telechat::find_series(*all, kind)) return *s;
  if (!or_defaults)
    return not_found("series_not_found", "There is no " + std::string(telechat::to_string(kind)) +
                                             " series yet: set its cadence first.");
  return telechat::default_series(kind);
}

// The error as the page shows it: a message that starts with a field name
// of the API ("time_zone: ...") starts with that field's label on the form.
Error with_form_labels(Error e) {
  static const std::map<std::string, std::string> labels = {
      {"first_date", "First date"},         {"interval_days", "Every (days)"},
      {"start_time", "Start time"},         {"start_minute", "Start time"},
      {"duration_minutes", "Length (minutes)"}, {"time_zone", "Time zone"},
      {"moved", "Moved date"},              {"cancelled", "Cancelled date"},
      {"scheduled", "Scheduled date"},      {"date", "Date"}};
  const auto colon = e.message.find(':');
  if (colon == std::string::npos) return e;
  const auto label = labels.find(e.message.substr(0, colon));
  if (label != labels.end()) e.message = label->second + e.message.substr(colon);
  return e;
}

// A series form POST of an editor on {kind}: change(series, form) edits the
// series as saved (the defaults when none is and `needs_saved` is false).
template <class Change>
Response series_form(Context& ctx, const Request& req, const char* which, bool needs_saved, Change change) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) -> Response {
    if (auto ok = may_edit_telechats(who); !ok) return error_page(caller, ok.error());
    auto kind = kind_param(req.param("kind"));
    if (!kind) return error_page(caller, kind.error());
    Status st = in_write<Ok>(ctx, [&](Repositories& r) -> Status {
      telechat::TelechatService service = telechat_service(r, ctx, &who);
      auto series = saved_series(service, *kind, !needs_saved);
      if (!series) return series.error();
      if (Status changed = change(*series, form); !changed) return changed;
      return service.save_series(*series);
    });
    if (st) return http::redirect("/telechats#series-" + req.param("kind"));
    const TelechatProblem problem{which, with_form_labels(st.error()), form, req.param("kind")};
    return telechat_list_view(ctx, caller, &problem);
  });
}

// The cadence fields over `s` (its moves and cancellations kept), read by
// the API's reader.
Status set_cadence(SeriesSettings& s, const Form& f) {
  json body = telechat::series_to_json(s);
  body["first_date"] = form_field(f, "first_date");
  body["interval_days"] = form_number(form_field(f, "interval_days"));
  body["start_time"] = form_field(f, "start_time");
  body["duration_minutes"] = form_number(form_field(f, "duration_minutes"));
  body["time_zone"] = form_field(f, "time_zone");
  auto read = telechat::series_from_json(body, s.kind);
  if (!read) return read.error();
  s = *read;
  return ok_status();
}

// Moves the telechat of cadence date "scheduled" to "date"; to its own
// date, the move is undone.
Status move_date(SeriesSettings& s, const Form& f) {
  auto from = parse_date(form_field(f, "scheduled"), "scheduled date");
  if (!from) return from.error();
  auto to = parse_date(form_field(f, "date"), "new date");
  if (!to) return to.error();
  if (*to == *from)
    s.moved.erase(*from);
  else
    s.moved[*from] = *to;
  return ok_status();
}

// Cancels the telechat of cadence date "date"; "cancelled" "false" restores it.
Status cancel_date(SeriesSettings& s, const Form& f) {
  auto date = parse_date(form_field(f, "date"), "date");
  if (!date) return date.error();
  if (form_field(f, "cancelled") == "false")
    s.cancelled.erase(*date);
  else
    s.cancelled.insert(*date);
  return ok_status();
}

}  // namespace

Response series_cadence_form_post(Context& ctx, const Request& req) {
  return series_form(ctx, req, "series", false, set_cadence);
}

Response series_move_form_post(Context& ctx, const Request& req) {
  return series_form(ctx, req, "series-move", true, move_date);
}

Response series_cancel_form_post(Context& ctx, const Request& req) {
  return series_form(ctx, req, "series-cancel", true, cancel_date);
}

}  // namespace convene::web
