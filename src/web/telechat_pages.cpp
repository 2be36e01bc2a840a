// IESG telechat pages: the list of stored and series dates, each agenda in
// HTML and Markdown (a series date without an agenda yet says when it
// meets), and the calendar feed. Editors (IESG, secretariat) see the forms
// of telechat_forms.cpp on these pages. Public renderings are cached until
// the next write.
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "api_support.h"
#include "convene/telechat/agenda.h"
#include "convene/telechat/render.h"
#include "html.h"
#include "services.h"
#include "telechat_views.h"

namespace convene::web {
namespace {

using nlohmann::json;
using telechat::Audience;

// Renders the telechat on {date} for the caller's audience with `render`.
template <class Render>
Result<std::string> rendered(Context& ctx, const Request& req, std::int64_t date, Render render) {
  Audience audience = audience_of(identify(ctx, req).person);
  return in_read<std::string>(ctx, [&](Repositories& r) {
    telechat::TelechatService s = telechat_service(r, ctx, nullptr);
    return render(s, date, audience);
  });
}

using telechat::FeedEntry;
using telechat::Kind;
using telechat::SeriesSettings;

// The series settings of both kinds, by kind (SeriesSettings' defaults for a
// kind without a saved series).
using SeriesByKind = std::map<Kind, SeriesSettings>;

// ---- The list ----

struct Listing {
  std::vector<FeedEntry> dates;  // the calendar, stored and series dates
  SeriesByKind series;
  std::set<Kind> saved;          // the kinds whose series is saved
};

Status load_series(telechat::TelechatService& service, Listing& l) {
  auto saved = service.saved_series();
  if (!saved) return saved.error();
  for (Kind k : {Kind::informal, Kind::formal}) l.series[k] = telechat::default_series(k);
  for (const SeriesSettings& s : *saved) {
    l.series[s.kind] = s;
    l.saved.insert(s.kind);
  }
  return ok_status();
}

json series_views(const Listing& l, bool editor, const TelechatProblem* problem) {
  json out = json::array();
  for (const auto& [kind, s] : l.series) out.push_back(series_view(s, l.saved.count(kind) > 0, editor, problem));
  return out;
}

// A series date before `today` without an agenda had none made for it.
const char* status_words(const FeedEntry& e, std::int64_t today) {
  if (e.occurrence.cancelled) return "Cancelled";
  if (e.stored) return "Agenda ready";
  return e.occurrence.date < today ? "No agenda was made" : "Agenda not made yet";
}

json list_rows(const Listing& l, std::int64_t today) {
  json rows = json::array();
  for (const FeedEntry& e : l.dates) {
    const std::int64_t date = e.occurrence.date;
    rows.push_back({{"date", format_date(date)},
                    {"day", telechat::long_date(date)},
                    {"kind", std::string(telechat::label(e.occurrence.kind))},
                    {"time", telechat_time(l.series.at(e.occurrence.kind), date)},
                    {"status", status_words(e, today)}});
  }
  return rows;
}

// The date and kind the create form offers: the first upcoming series date
// without an agenda (today's informal telechat when there is none).
std::pair<std::int64_t, Kind> next_unmade(const Listing& l, std::int64_t today) {
  for (const FeedEntry& e : l.dates)
    if (e.occurrence.date >= today && !e.stored && !e.occurrence.cancelled) return {e.occurrence.date, e.occurrence.kind};
  return {today, Kind::informal};
}

// ---- One date ----

// What the page of a date shows: its stored telechat or, on a series date
// without one, the series' occurrence; and when it meets.
struct Day {
  std::optional<telechat::Telechat> telechat;
  std::optional<FeedEntry> scheduled;
  std::string when;
};

Result<Day> load_day(telechat::TelechatService& s, std::int64_t date, Audience audience) {
  Day day;
  auto got = s.get(date, audience);
  if (got) {
    day.telechat = std::move(*got);
  } else {
    if (got.error().kind != ErrorKind::not_found) return got.error();
    auto dates = s.calendar(date, date + 1);
    if (!dates) return dates.error();
    if (dates->empty()) return got.error();  // neither stored nor a series date
    day.scheduled = dates->front();
  }
  auto series = s.series(day.telechat ? day.telechat->kind : day.scheduled->occurrence.kind);
  if (!series) return series.error();
  day.when = telechat_time(*series, date);
  return day;
}

Place day_place(Kind kind, std::int64_t date) {
  return Place{telechat_heading(kind, date), "/telechats", {{"IESG telechats", "/telechats"}}};
}

int status_of(const TelechatProblem* p) { return p ? http::status_for(p->error.kind) : 200; }

Response stored_page(const Caller& caller, const Day& day, const TelechatProblem* problem) {
  const telechat::Telechat& t = *day.telechat;
  json view = telechat_view(t, audience_of(caller.person));
  view["when"] = day.when;
  if (edits_telechats(caller.person)) {
    add_edit_forms(view, t, problem);
    view["csrf"] = caller.csrf;
  }
  return page(caller, day_place(t.kind, t.date), render_template("telechat", view), status_of(problem));
}

// A series date whose telechat is not made yet: when it meets, and for
// editors, unless it is before `today`, the create form with its date and kind.
Response scheduled_page(const Caller& caller, std::int64_t date, std::int64_t today, const Day& day,
                        const TelechatProblem* problem) {
  const telechat::Occurrence& o = day.scheduled->occurrence;
  json view = {{"date", format_date(date)},
               {"kind", std::string(telechat::to_string(o.kind))},
               {"when", day.when},
               {"cancelled", o.cancelled},
               {"past", date < today},
               {"moved_from", o.scheduled_date != o.date ? telechat::long_date(o.scheduled_date) : ""}};
  if (edits_telechats(caller.person) && date >= today) {
    view["editor"] = true;
    view["csrf"] = caller.csrf;
    view["create"] = create_form_view(date, o.kind, "day", problem);
  }
  if (problem && (problem->form != "create" || date < today)) view["page_problem"] = problem_view(&problem->error);
  return page(caller, day_place(o.kind, date), render_template("telechat_scheduled", view), status_of(problem));
}

}  // namespace

Response telechat_feed(Context& ctx, const Request& req) {
  return cached(ctx, req, "telechats.ics", [&] {
    std::int64_t d = today(ctx);
    auto ics = in_read<std::string>(ctx, [&](Repositories& r) {
      // The feed is public: call details never go into it.
      return telechat_service(r, ctx, nullptr)
          .feed_ics(d - 90, d + 366, Audience::public_view, {ctx.options.public_url, ctx.now()});
    });
    if (!ics) return error_for(ctx, req, ics.error());
    return http::text(200, *ics, "text/calendar; charset=utf-8");
  });
}

Response telechat_list_view(Context& ctx, const Caller& caller, const TelechatProblem* problem) {
  const std::int64_t d = today(ctx);
  auto listing = in_read<Listing>(ctx, [&](Repositories& r) -> Result<Listing> {
    telechat::TelechatService s = telechat_service(r, ctx, nullptr);
    auto dates = s.calendar(d - 60, d + 366);
    if (!dates) return dates.error();
    Listing l{std::move(*dates), {}, {}};
    if (auto st = load_series(s, l); !st) return st.error();
    return l;
  });
  if (!listing) return error_page(caller, listing.error());
  json rows = list_rows(*listing, d);
  const bool editor = edits_telechats(caller.person);
  json view = {{"telechats", rows}, {"any", !rows.empty()}, {"series", series_views(*listing, editor, problem)}};
  const auto offer = next_unmade(*listing, d);
  if (editor)
    view.update({{"editor", true},
                 {"csrf", caller.csrf},
                 {"create", create_form_view(offer.first, offer.second, "list", problem)},
                 {"import", import_form_view(problem)}});
  return page(caller, Place{"IESG telechats", "/telechats", {}}, render_template("telechat_list", view),
              status_of(problem));
}

Response telechat_day_view(Context& ctx, const Caller& caller, std::int64_t date, const TelechatProblem* problem) {
  auto day = in_read<Day>(ctx, [&](Repositories& r) {
    telechat::TelechatService s = telechat_service(r, ctx, nullptr);
    return load_day(s, date, audience_of(caller.person));
  });
  if (!day) return error_page(caller, day.error());
  if (day->telechat) return stored_page(caller, *day, problem);
  return scheduled_page(caller, date, today(ctx), *day, problem);
}

Response telechat_list_page(Context& ctx, const Request& req) {
  return telechat_list_view(ctx, identify(ctx, req), nullptr);
}

Response telechat_markdown(Context& ctx, const Request& req) {
  auto date = parse_date(req.param("date"), "date");
  if (!date) return error_for(ctx, req, date.error());
  return cached(ctx, req, "telechat-md:" + format_date(*date), [&] {
    auto md = rendered(ctx, req, *date, [](telechat::TelechatService& s, std::int64_t d, Audience a) {
      return s.markdown(d, a);
    });
    if (!md) return error_for(ctx, req, md.error());
    return http::text(200, *md, "text/markdown; charset=utf-8");
  });
}

Response telechat_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto date = parse_date(req.param("date"), "date");
  if (!date) return error_page(caller, date.error());
  return cached(ctx, req, "telechat:" + format_date(*date), [&] { return telechat_day_view(ctx, caller, *date, nullptr); });
}

}  // namespace convene::web
