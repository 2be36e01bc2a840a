// Where dispatch requests, WG session agendas, HotRFC topics and dispatch
// session settings are kept. "Not there" is an empty optional; storage
// failure is an internal Error; no method throws. No list grows with the
// archive: each is bounded by one meeting or one draft family.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convene/dispatch/dispatch.h"

namespace convene {

class DispatchRepository {
 public:
  virtual ~DispatchRepository() = default;

  virtual Result<std::optional<DispatchRequest>> request(std::int64_t id) = 0;
  // The requests of a meeting, any venue and state, by id.
  virtual Result<std::vector<DispatchRequest>> at_meeting(const std::string& meeting) = 0;
  // The requests for any of `drafts`, any meeting, oldest first (created_at, id).
  virtual Result<std::vector<DispatchRequest>> for_drafts(const std::vector<std::string>& drafts) = 0;
  // The requests whose requested_by is `email` (exactly), any meeting, venue
  // and state, newest first (created_at descending, then id descending). The
  // one list bounded by a person's own requests rather than by a meeting.
  virtual Result<std::vector<DispatchRequest>> by_proponent(const std::string& email) = 0;
  // Stores a new request (its id is ignored) and returns the id it got.
  virtual Result<std::int64_t> insert(const DispatchRequest& r) = 0;
  // Replaces the stored request with id r.id (not_found when there is none).
  virtual Status update(const DispatchRequest& r) = 0;

  // The drafts on WG session agendas at a meeting, by group, then as added.
  virtual Result<std::vector<WgAgendaEntry>> wg_agenda(const std::string& meeting) = 0;
  // Adds the entry; adding one already there changes nothing.
  virtual Status add_wg_agenda_entry(const WgAgendaEntry& e, const std::string& by, UnixSeconds at) = 0;
  virtual Result<bool> is_hotrfc_topic(const std::string& meeting, const std::string& draft) = 0;
  // Adds the topic; adding one already there changes nothing.
  virtual Status add_hotrfc_topic(const std::string& meeting, const std::string& draft) = 0;
  // The HotRFC topics (draft names) of a meeting, by name.
  virtual Result<std::vector<std::string>> hotrfc_topics(const std::string& meeting) = 0;

  virtual Result<std::optional<DispatchSession>> session(const std::string& meeting,
                                                         const std::string& venue) = 0;
  // Inserts or replaces the settings of (s.meeting, s.venue).
  virtual Status save_session(const DispatchSession& s) = 0;
};

}  // namespace convene
