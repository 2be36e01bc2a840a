// The published agenda of a meeting: one value, built once from the
// official schedule and the directory, rendered many ways (agenda/render.h).
// Pure: no storage, no clock; every time is passed in.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "convene/core/time.h"
#include "convene/directory/directory.h"
#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"

namespace convene::agenda {

struct Input {
  std::string meeting_number;                 // "106"
  std::string time_zone;                      // IANA name of the meeting's zone
  std::string city;                           // "" when unknown
  const schedule::Problem* problem = nullptr;     // rooms, timeslots, groups, sessions
  const schedule::Schedule* schedule = nullptr;   // the official placements
  std::vector<Group> groups;                  // directory groups; may lack some acronyms
  std::vector<Area> areas;                    // for area names
  std::map<std::string, int> sequence;        // session id -> placement changes; absent: 0
  std::set<std::string> cancelled;            // session ids that are cancelled
  UnixSeconds updated = 0;                    // when the official schedule last changed
};

enum class Status { scheduled, canceled };

// One placed session.
struct Item {
  std::string session;      // session id, "quic-1"
  std::string group;        // acronym
  std::string group_name;   // directory name; the acronym when the directory lacks the group
  std::string group_type;   // directory type ("wg", "rg", "ag", ...); "wg" when lacking
  std::string group_state;  // directory state ("active", "bof", ...); "active" when lacking
  std::string area;         // parent area acronym; "" when none
  std::string area_name;    // the area's name; the acronym when unknown
  bool is_bof = false;      // the problem marks the group a BoF, or its state is "bof"
  std::string room;         // room name
  std::string slot;         // timeslot name, "Morning Session I"
  UnixSeconds start = 0;    // UTC
  int duration_min = 0;     // the timeslot's length
  Status status = Status::scheduled;
  int sequence = 0;
  std::vector<std::string> joint_with;  // other groups meeting in the session
};

struct RoomInfo {
  std::string name;
  std::optional<int> capacity;
};

struct AreaInfo {
  std::string acronym;
  std::string name;
};

struct Agenda {
  std::string meeting_number;
  std::string time_zone;
  std::string city;
  UnixSeconds updated = 0;
  std::vector<Item> items;       // by start, then slot name, area, group acronym
  std::vector<RoomInfo> rooms;   // rooms used by items, in the problem's order
  std::vector<AreaInfo> areas;   // areas of the items, by acronym
};

// The agenda of the placed sessions; sessions the schedule leaves out are
// not on it, and assignments naming an unknown session or timeslot are
// skipped. Group and area names come from the directory, with the fallbacks
// stated on Item.
// REQUIRES: in.problem and in.schedule are not null; is_time_zone(in.time_zone).
Agenda build_agenda(const Input& in);

// The Datatracker's ?show=quic,sec&hide=tls: each name is a group or an area
// acronym. An item stays when `show` is empty or names its group or area,
// and `hide` names neither (hide wins). Rooms and areas are trimmed to the
// items kept; everything else is unchanged.
Agenda filtered(const Agenda& agenda, const std::set<std::string>& show,
                const std::set<std::string>& hide);

// "quic,sec, tls" -> {"quic", "sec", "tls"}: split on commas, spaces
// trimmed, lower-cased, empty names dropped.
std::set<std::string> parse_names(const std::string& list);

}  // namespace convene::agenda
