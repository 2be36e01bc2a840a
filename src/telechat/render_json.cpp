#include <nlohmann/json.hpp>

#include "convene/core/time.h"
#include "convene/telechat/agenda.h"
#include "convene/telechat/render.h"

namespace convene::telechat {
namespace {

using nlohmann::json;

json item_json(const Item& item, int number) {
  json history = json::array();
  for (const HistoryEntry& h : item.history)
    history.push_back({{"date", format_date(h.date)}, {"section", slug(h.section)}});
  return {{"id", item.id},
          {"number", item.closed ? json(nullptr) : json(number)},
          {"title", item.title},
          {"owner", item.owner},
          {"body", item.body},
          {"links", item.links},
          {"experiment", item.experiment.empty() ? json(nullptr) : json(item.experiment)},
          {"closed", item.closed},
          {"history", std::move(history)}};
}

json sections_json(const Agenda& agenda) {
  json sections = json::array();
  for (Section s : all_sections()) {
    json items = json::array();
    int number = 0;
    for (const Item& item : agenda.items)
      if (item.section == s) items.push_back(item_json(item, item.closed ? 0 : ++number));
    sections.push_back({{"slug", slug(s)}, {"title", title(s)}, {"items", std::move(items)}});
  }
  return sections;
}

json formal_json(const FormalAgenda& agenda) {
  json sections = json::array();
  for (const FormalSection& s : formal_sections()) {
    json entries = json::array();
    for (const FormalEntry* e : entries_in(agenda, s.number))
      entries.push_back({{"name", e->name}, {"title", e->title}, {"responsible", e->responsible}});
    sections.push_back({{"number", s.number}, {"title", s.title}, {"entries", std::move(entries)}});
  }
  json management = json::array();
  for (std::size_t i = 0; i < agenda.management.size(); ++i) {
    const ManagementIssue& m = agenda.management[i];
    management.push_back({{"number", management_number(i)},
                          {"title", m.title},
                          {"owner", m.owner},
                          {"body", m.body}});
  }
  return {{"sections", std::move(sections)}, {"management", std::move(management)}};
}

}  // namespace

json render_json(const Telechat& t, Audience audience) {
  json out = {{"date", format_date(t.date)},
              {"kind", to_string(t.kind)},
              {"cancelled", t.cancelled},
              {"meeting", meeting(t)},
              {"status", status_line_text(t)},
              {"calendar_url", t.calendar_url},
              {"regrets", t.regrets},
              {"sections", sections_json(t.agenda)}};
  if (sees_private(audience))
    out["call"] = {{"url", t.call.url}, {"number", t.call.number}, {"password", t.call.password}};
  if (t.kind == Kind::formal) out["formal"] = formal_json(t.formal);
  return out;
}

}  // namespace convene::telechat
