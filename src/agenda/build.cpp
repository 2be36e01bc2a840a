#include <algorithm>
#include <cctype>
#include <tuple>
#include <unordered_map>

#include "convene/agenda/agenda.h"

namespace convene::agenda {
namespace {

template <typename T>
std::unordered_map<std::string, const T*> by_key(const std::vector<T>& xs, std::string T::*key) {
  std::unordered_map<std::string, const T*> out;
  for (const T& x : xs) out.emplace(x.*key, &x);
  return out;
}

// The lookups build_agenda needs, made once.
struct Index {
  std::unordered_map<std::string, const schedule::Room*> rooms;
  std::unordered_map<std::string, const schedule::Timeslot*> slots;
  std::unordered_map<std::string, const schedule::Session*> sessions;
  std::unordered_map<std::string, const schedule::Group*> problem_groups;
  std::unordered_map<std::string, const Group*> groups;
  std::unordered_map<std::string, const Area*> areas;
};

Index index_of(const Input& in) {
  const schedule::Problem& p = *in.problem;
  return {by_key(p.rooms, &schedule::Room::id),         by_key(p.timeslots, &schedule::Timeslot::id),
          by_key(p.sessions, &schedule::Session::id),   by_key(p.groups, &schedule::Group::acronym),
          by_key(in.groups, &Group::acronym),           by_key(in.areas, &Area::acronym)};
}

// Name, type, state and area of the item's group, from the directory when
// it has the group, otherwise the fallbacks of Item.
void describe_group(Item& item, const Index& ix) {
  auto pg = ix.problem_groups.find(item.group);
  auto dg = ix.groups.find(item.group);
  const Group* g = dg == ix.groups.end() ? nullptr : dg->second;
  bool problem_bof = pg != ix.problem_groups.end() && pg->second->bof;
  item.group_name = g ? g->name : item.group;
  item.group_type = g ? g->type : "wg";
  item.group_state = g ? g->state : (problem_bof ? "bof" : "active");
  item.area = g ? g->area : (pg != ix.problem_groups.end() ? pg->second->area : "");
  item.is_bof = problem_bof || item.group_state == "bof";
  auto a = ix.areas.find(item.area);
  item.area_name = a == ix.areas.end() ? item.area : a->second->name;
}

std::optional<Item> item_of(const schedule::Assignment& as, const Input& in, const Index& ix) {
  auto s = ix.sessions.find(as.session);
  auto t = ix.slots.find(as.timeslot);
  if (s == ix.sessions.end() || t == ix.slots.end()) return std::nullopt;
  auto r = ix.rooms.find(t->second->room);
  Item item;
  item.session = as.session;
  item.group = s->second->group;
  item.joint_with = s->second->joint_with;
  item.room = r == ix.rooms.end() ? t->second->room : r->second->name;
  item.slot = t->second->name;
  item.start = t->second->start;
  item.duration_min = t->second->duration_min;
  item.status = in.cancelled.count(as.session) ? Status::canceled : Status::scheduled;
  auto q = in.sequence.find(as.session);
  item.sequence = q == in.sequence.end() ? 0 : q->second;
  describe_group(item, ix);
  return item;
}

bool before(const Item& a, const Item& b) {
  return std::tie(a.start, a.slot, a.area, a.group, a.session) <
         std::tie(b.start, b.slot, b.area, b.group, b.session);
}

bool in_use(const std::vector<Item>& items, const std::string& room) {
  return std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.room == room; });
}

std::vector<RoomInfo> rooms_used(const std::vector<schedule::Room>& rooms, const std::vector<Item>& items) {
  std::vector<RoomInfo> out;
  for (const schedule::Room& r : rooms)
    if (in_use(items, r.name)) out.push_back({r.name, r.capacity});
  return out;
}

std::vector<AreaInfo> areas_used(const std::vector<Item>& items) {
  std::map<std::string, std::string> names;
  for (const Item& i : items)
    if (!i.area.empty()) names.emplace(i.area, i.area_name);
  std::vector<AreaInfo> out;
  for (const auto& [acronym, name] : names) out.push_back({acronym, name});
  return out;
}

bool named(const std::set<std::string>& names, const Item& i) {
  return names.count(i.group) > 0 || (!i.area.empty() && names.count(i.area) > 0);
}

}  // namespace

Agenda build_agenda(const Input& in) {
  Index ix = index_of(in);
  Agenda out{in.meeting_number, in.time_zone, in.city, in.updated, {}, {}, {}};
  for (const schedule::Assignment& as : in.schedule->assignments)
    if (auto item = item_of(as, in, ix)) out.items.push_back(std::move(*item));
  std::sort(out.items.begin(), out.items.end(), before);
  out.rooms = rooms_used(in.problem->rooms, out.items);
  out.areas = areas_used(out.items);
  return out;
}

Agenda filtered(const Agenda& agenda, const std::set<std::string>& show, const std::set<std::string>& hide) {
  Agenda out = agenda;
  out.items.clear();
  for (const Item& i : agenda.items)
    if ((show.empty() || named(show, i)) && !named(hide, i)) out.items.push_back(i);
  out.rooms.clear();
  for (const RoomInfo& r : agenda.rooms)
    if (in_use(out.items, r.name)) out.rooms.push_back(r);
  out.areas = areas_used(out.items);
  return out;
}

std::set<std::string> parse_names(const std::string& list) {
  std::set<std::string> out;
  std::string name;
  auto flush = [&] {
    if (!name.empty()) out.insert(name);
    name.clear();
  };
  for (char c : list) {
    if (c == ',') flush();
    else if (!std::isspace(static_cast<unsigned char>(c)))
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  flush();
  return out;
}

}  // namespace convene::agenda
