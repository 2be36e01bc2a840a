#include <nlohmann/json.hpp>

#include "convene/agenda/render.h"

namespace convene::agenda {
namespace {

using nlohmann::json;

json session_object(const Item& i, const std::string& modified) {
  return {{"objtype", "session"},
          {"name", i.group_name},
          {"session_id", i.session},
          {"group",
           {{"acronym", i.group}, {"name", i.group_name}, {"parent", i.area}, {"type", i.group_type},
            {"state", i.group_state}}},
          {"location", i.room},
          {"start", format_utc(i.start)},
          {"duration", format_minutes(i.duration_min) + ":00"},
          {"status", i.status == Status::canceled ? "canceled" : "sched"},
          {"is_bof", i.is_bof},
          {"modified", modified}};
}

json location_object(const RoomInfo& r, const std::string& modified) {
  json out = {{"objtype", "location"}, {"name", r.name}, {"modified", modified}};
  out["capacity"] = r.capacity ? json(*r.capacity) : json(nullptr);
  return out;
}

json parent_object(const AreaInfo& a, const std::string& modified) {
  return {{"objtype", "parent"}, {"name", a.acronym}, {"description", a.name}, {"modified", modified}};
}

}  // namespace

std::string to_datatracker_json(const Agenda& agenda) {
  const std::string modified = format_utc(agenda.updated);
  json objects = json::array();
  for (const Item& i : agenda.items) objects.push_back(session_object(i, modified));
  for (const RoomInfo& r : agenda.rooms) objects.push_back(location_object(r, modified));
  for (const AreaInfo& a : agenda.areas) objects.push_back(parent_object(a, modified));
  return json{{agenda.meeting_number, objects}}.dump(1);
}

}  // namespace convene::agenda
