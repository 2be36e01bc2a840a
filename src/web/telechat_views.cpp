#include "telechat_views.h"

#include <cmark-gfm.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "convene/telechat/agenda.h"
#include "convene/telechat/formal.h"
#include "convene/telechat/render.h"
#include "convene/dispatch/labels.h"
#include "urls.h"

namespace convene::web {
namespace {

using nlohmann::json;
using namespace convene::telechat;

json link(const std::string& url) { return {{"url", url}, {"safe", safe_href(url)}}; }

std::string markdown_html(std::string_view md) {
  std::unique_ptr<char, void (*)(void*)> html(cmark_markdown_to_html(md.data(), md.size(), CMARK_OPT_DEFAULT),
                                              std::free);
  return html ? std::string(html.get()) : std::string();
}

json item_view(const Item& item) {
  json links = json::array();
  for (const std::string& url : item.links) links.push_back(link(url));
  std::string history;
  if (item.history.size() >= 2)
    for (const HistoryEntry& h : item.history)
      history += (history.empty() ? "" : "; ") + format_date(h.date) + " " + std::string(title(h.section));
  return {{"id", item.id},
          {"title", item.title},
          {"owner", item.owner},
          {"body_html", item.body.empty() ? "" : markdown_html(item.body)},
          {"links", links},
          {"has_links", !links.empty()},
          {"experiment", venue_title(item.experiment)},
          {"history", history}};
}

json sections_view(const telechat::Agenda& agenda) {
  json out = json::array();
  for (Section s : all_sections()) {
    json items = json::array();
    for (const Item* item : open_items(agenda, s)) items.push_back(item_view(*item));
    out.push_back({{"slug", std::string(slug(s))},
                   {"title", std::string(title(s))},
                   {"numbered", !is_holding(s)},
                   {"items", items},
                   {"empty", items.empty()}});
  }
  return out;
}

json formal_view(const FormalAgenda& agenda) {
  json out = json::array();
  for (const FormalSection& s : formal_sections()) {
    json entries = json::array();
    for (const FormalEntry* e : entries_in(agenda, s.number))
      entries.push_back({{"name", e->name}, {"title", e->title}, {"responsible", e->responsible}});
    json management = json::array();
    if (s.number == "6")
      for (std::size_t i = 0; i < agenda.management.size(); ++i) {
        const ManagementIssue& m = agenda.management[i];
        management.push_back({{"number", management_number(i)}, {"title", m.title}, {"owner", m.owner},
                              {"body_html", m.body.empty() ? "" : markdown_html(m.body)}});
      }
    out.push_back({{"number", s.number},
                   {"title", std::string(s.title)},
                   {"level", s.depth() + 1},
                   {"entries", entries},
                   {"has_entries", !entries.empty()},
                   {"management", management}});
  }
  return out;
}

std::string clock(int minute_of_day) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60 % 24, minute_of_day % 60);
  return buf;
}

}  // namespace

std::string cadence_words(const SeriesSettings& s) {
  std::string every = s.interval_days == 1 ? "every day" : "every " + std::to_string(s.interval_days) + " days";
  if (s.interval_days % 7 == 0) every += " on " + weekday_name(s.first_date);
  return every + ", " + clock(s.start_minute) + "–" + clock(s.start_minute + s.duration_minutes) + " " + s.time_zone +
         ", from " + long_date(s.first_date);
}

std::string telechat_time(const SeriesSettings& series, std::int64_t date) {
  UnixSeconds start = start_utc(series, date), end = start + series.duration_minutes * 60;
  LocalTime from = to_local(start, series.time_zone), to = to_local(end, series.time_zone);
  return clock(from.minute_of_day) + "–" + clock(to.minute_of_day) + " " + series.time_zone + " (" +
         clock(to_local(start, "UTC").minute_of_day) + "–" + clock(to_local(end, "UTC").minute_of_day) + " UTC)";
}

std::string telechat_heading(const Telechat& t) { return telechat_heading(t.kind, t.date); }

std::string telechat_heading(Kind kind, std::int64_t date) {
  return std::string(label(kind)) + " telechat, " + long_date(date);
}

json telechat_view(const Telechat& t, Audience audience) {
  json v = {{"date", format_date(t.date)},
            {"kind", std::string(to_string(t.kind))},
            {"heading", telechat_heading(t)},
            {"meeting", telechat::meeting(t)},
            {"cancelled", t.cancelled},
            {"sees_call", sees_private(audience)},
            {"calendar", t.calendar_url.empty() ? json(nullptr) : link(t.calendar_url)},
            {"regrets", t.regrets},
            {"has_regrets", !t.regrets.empty()},
            {"formal", t.kind == Kind::formal}};
  if (sees_private(audience))
    v["call"] = {{"url", link(t.call.url)}, {"number", t.call.number}, {"password", t.call.password}};
  if (t.kind == Kind::formal) v["formal_sections"] = formal_view(t.formal);
  else v["sections"] = sections_view(t.agenda);
  return v;
}

}  // namespace convene::web
