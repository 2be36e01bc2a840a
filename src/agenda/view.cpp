#include <cstdint>
#include <map>

#include <nlohmann/json.hpp>

#include "convene/agenda/render.h"
#include "labels.h"

namespace convene::agenda {
namespace {

using nlohmann::json;

json row_of(const Item& i, const Clock& local, const Clock& utc) {
  return {{"time", local.start + "-" + local.end},
          {"utc_time", utc.start + "-" + utc.end},
          {"room", i.room},
          {"area", upper(i.area)},
          {"acronym", i.group},
          {"group_name", i.group_name},
          {"type", type_label(i)},
          {"href", "/groups/" + i.group},
          {"canceled", i.status == Status::canceled},
          {"bof", i.is_bof}};
}

// Days, each with its slots, each with its rows, in the agenda's order.
json days_of(const Agenda& agenda, const std::string& zone) {
  json days = json::array();
  std::int64_t day = INT64_MIN;
  std::string slot;
  for (const Item& i : agenda.items) {
    Clock local = clock_of(i, zone), utc = clock_of(i, "UTC");
    std::string key = local.start + local.end + i.slot;
    if (local.day != day) {
      days.push_back({{"date", local.date}, {"heading", day_heading(local.day)}, {"slots", json::array()}});
      day = local.day;
      slot.clear();
    }
    json& slots = days.back()["slots"];
    if (key != slot) {
      slots.push_back({{"name", i.slot},
                       {"time", local.start + "-" + local.end},
                       {"utc_time", utc.start + "-" + utc.end},
                       {"rows", json::array()}});
      slot = key;
    }
    slots.back()["rows"].push_back(row_of(i, local, utc));
  }
  return days;
}

json groups_of(const Agenda& agenda) {
  std::map<std::string, std::string> names;
  for (const Item& i : agenda.items) names.emplace(i.group, i.group_name);
  json out = json::array();
  for (const auto& [acronym, name] : names) out.push_back({{"acronym", acronym}, {"name", name}});
  return out;
}

}  // namespace

json to_view(const Agenda& agenda, const std::string& reader_zone) {
  const std::string zone = is_time_zone(reader_zone) ? reader_zone : agenda.time_zone;
  json areas = json::array();
  for (const AreaInfo& a : agenda.areas) areas.push_back({{"acronym", a.acronym}, {"name", a.name}});
  return {{"meeting",
           {{"number", agenda.meeting_number},
            {"city", agenda.city},
            {"time_zone", agenda.time_zone},
            {"updated", format_local(agenda.updated, agenda.time_zone)}}},
          {"zone", zone},
          {"reader_zone", zone != agenda.time_zone},
          {"has_items", !agenda.items.empty()},
          {"days", days_of(agenda, zone)},
          {"areas", areas},
          {"groups", groups_of(agenda)},
          {"filter", {{"show", ""}, {"hide", ""}, {"tz", zone}}}};
}

}  // namespace convene::agenda
