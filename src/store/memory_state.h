// The whole state of the in-memory store: plain values, copied for each
// transaction so that a failed write leaves nothing behind. Internal to
// src/store.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "convene/plan/plan.h"
#include "convene/store/store.h"
#include "convene/telechat/memory_store.h"

namespace convene::store {

struct MemoryState {
  static std::map<std::string, Area> standard_by_acronym();
  struct Account {
    Person person;
    std::string password_hash;
  };
  struct Token {
    std::int64_t person_id = 0;
    ApiToken token;
  };
  struct Session {
    std::int64_t person_id = 0;
    std::string csrf;
    UnixSeconds expires_at = 0;
  };
  struct WgEntry {
    WgAgendaEntry entry;
    UnixSeconds added_at = 0;
    std::int64_t seq = 0;
  };

  std::map<std::string, Account> accounts;          // by e-mail
  std::map<std::string, Token> tokens;              // by digest
  std::map<std::string, Session> sessions;          // digest -> session
  std::vector<AuditEntry> audit;                    // ascending id
  std::map<std::string, Group> groups;              // by acronym
  std::map<std::string, Area> areas = standard_by_acronym();  // as migration 6 leaves them
  std::map<std::string, Meeting> meetings;          // by number
  std::map<std::string, Draft> drafts;              // by name
  std::map<std::int64_t, DispatchRequest> requests; // by id
  std::vector<WgEntry> wg_agenda;
  std::set<std::pair<std::string, std::string>> hotrfc;                    // (meeting, draft)
  std::map<std::pair<std::string, std::string>, DispatchSession> dispatch_sessions;
  telechat::MemoryTelechatRepository telechats;
  std::map<std::int64_t, Job> jobs;                 // by id
  struct Plan {
    std::vector<MeetingRoom> rooms;                 // insertion order
    std::vector<schedule::Timeslot> timeslots;
    std::map<std::string, schedule::Group> groups;  // by acronym
    std::vector<ExclusiveException> exceptions;
    std::vector<schedule::Assignment> fixed;
    std::vector<std::pair<std::string, std::int64_t>> penalties;
    std::vector<std::pair<std::string, int>> sequences;
    std::vector<ScheduleVersion> schedules;         // insertion order
  };
  std::map<std::string, Plan> plans;                // by meeting
  std::map<std::int64_t, SessionRequest> session_requests;  // by id
  std::int64_t next_id = 1;                         // people, requests, audit, entries
};

// The repositories over one MemoryState.
inline std::map<std::string, Area> MemoryState::standard_by_acronym() {
  std::map<std::string, Area> out;
  for (const auto& a : standard_areas()) out[a.acronym] = a;
  return out;
}


std::unique_ptr<Repositories> memory_repositories(MemoryState& state);
// The plan repository over one MemoryState (memory_plan.cpp).
std::unique_ptr<PlanRepository> memory_plan(MemoryState& state);

}  // namespace convene::store
