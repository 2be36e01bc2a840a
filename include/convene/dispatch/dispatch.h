// Dispatch: proponents ask for agenda time to present new work at a dispatch
// venue; chairs accept or decline, order the agenda and record each topic's
// outcome. Pure domain code: callers load the facts (meeting, draft, other
// requests, WG agendas, HotRFC topics) and store what the functions return.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"
#include "convene/core/time.h"
#include "convene/draft/draft.h"
#include "convene/meeting/meeting.h"

namespace convene {

// Venues: "dispatch" (art), "secdispatch" (sec), "gendispatch" (gen),
// "rtgwg" (rtg), "tsvwg" (tsv), "opsawg" (ops), "intarea" (int), and in
// consolidated mode the joint session "alldispatch".
const std::vector<std::string>& dispatch_venues();        // the seven per-area venues
bool is_dispatch_venue(std::string_view venue);           // one of the seven
std::string_view venue_area(std::string_view venue);      // "dispatch" -> "art"; "" if none
// The joint groups whose chairs run the consolidated session.
const std::vector<std::string>& alldispatch_groups();     // dispatch, secdispatch, gendispatch
// The venue suggested for a request spanning `areas` in per-area mode: the
// venue of the first area that has one; "dispatch" when none has (ART's
// venue takes new areas), "gendispatch" when the areas span three or more.
std::string suggest_venue(const std::vector<std::string>& areas);

enum class RequestState { pending, accepted, declined, dispatched };
enum class OutcomeKind { existing_wg, new_wg, bof, ad_sponsored, more_discussion, not_ietf, other_dispatch };
std::string_view to_string(RequestState s);   // "pending" ...
std::string_view to_string(OutcomeKind k);    // "existing-wg", "new-wg", "bof", "ad-sponsored",
                                              // "more-discussion", "not-ietf", "other-dispatch"
std::optional<RequestState> request_state_from(std::string_view s);
std::optional<OutcomeKind> outcome_kind_from(std::string_view s);

struct Outcome {
  OutcomeKind kind = OutcomeKind::more_discussion;
  std::string target;   // WG (existing-wg), AD (ad-sponsored), list (more-discussion),
                        // venue (other-dispatch); empty otherwise
  std::string notes;
  UnixSeconds at = 0;
  std::string by;       // email of the chair who recorded it
};

struct DispatchRequest {
  std::int64_t id = 0;
  std::string meeting;           // meeting number
  std::string venue;             // "alldispatch" in consolidated mode
  std::string draft;
  std::string rev;
  std::string presenter;         // email
  std::string question;          // the dispatch question
  std::vector<std::string> areas;
  int minutes = 12;
  RequestState state = RequestState::pending;
  std::string decline_reason;
  UnixSeconds decided_at = 0;    // when accepted/declined (0: not yet)
  int position = 0;              // agenda order among accepted requests (1-based; 0 = unset)
  UnixSeconds created_at = 0;
  std::string requested_by;      // email of the signed-in proponent
  std::optional<Outcome> outcome;
  std::vector<std::string> flags;  // e.g. "resubmission", "rerouted"
};

// What a proponent posts: {"draft", "rev", "presenter", "question", "areas",
// "minutes" (default 12, 1..120), "venue" (per-area mode)}. Errors name the field.
struct NewRequest {
  std::string draft;
  std::string rev;
  std::string presenter;
  std::string question;
  std::vector<std::string> areas;
  int minutes = 12;
  std::string venue;   // empty when not given
};
Result<NewRequest> new_request_from_json(const nlohmann::json& body);

// A draft listed on a working group's session agenda at a meeting.
struct WgAgendaEntry {
  std::string meeting;
  std::string group;
  std::string draft;
};

// The facts the request rules need, loaded by the caller.
struct RequestFacts {
  const Meeting* meeting = nullptr;          // REQUIRED
  const Draft* draft = nullptr;              // nullptr: the draft is unknown
  std::vector<WgAgendaEntry> wg_agendas;     // entries for this draft at this meeting
  bool hotrfc_topic = false;                 // the draft is a HotRFC topic at this meeting
  std::vector<DispatchRequest> same_meeting; // requests for this draft at this meeting
  std::vector<DispatchRequest> history;      // requests for any draft in its replaces
                                             // family, any meeting, oldest first
};

// The venue a new request goes to and the flags it carries.
struct Placement {
  std::string venue;                 // "alldispatch" in consolidated mode
  std::vector<std::string> flags;    // "resubmission" (same work asked before),
                                     // "rerouted" (an earlier outcome sent it elsewhere),
                                     // "venue_differs_from_suggestion" (per-area)
  std::string suggested_venue;       // per-area: suggest_venue(areas)
};

// Applies the request rules, in this order, each an Error with its code:
// draft_unknown, draft_after_cutoff (that rev was submitted after
// meeting.id_cutoff; rev unknown is draft_unknown too), venue_required /
// venue_unknown (per-area mode), on_wg_agenda, hotrfc_topic,
// duplicate_request (a non-declined request for the same draft at the meeting).
Result<Placement> place_request(const NewRequest& req, const RequestFacts& facts);

// The reverse rule: may `draft` be added to `group`'s session agenda at the
// meeting? Refused with "on_dispatch_agenda" when an accepted or dispatched
// request for it is on the consolidated agenda of that meeting, unless its
// outcome is existing-wg with target == group.
Status check_wg_agenda_addition(const Meeting& meeting, const std::string& group,
                                const std::vector<DispatchRequest>& requests_for_draft);

// Decision {"decision": "accept"} | {"decision": "decline", "reason": "..."}.
// Only pending or accepted/declined requests may change; a dispatched one is
// final ("already_dispatched"). A decline needs a reason ("reason_required").
Result<DispatchRequest> decide(const DispatchRequest& req, const nlohmann::json& body);

// Outcome {"outcome": kind, "target": ..., "notes": ...}. Needs an accepted
// request ("not_accepted"); target required for existing-wg, ad-sponsored,
// more-discussion, other-dispatch ("target_required"); other-dispatch only in
// per-area mode ("not_in_consolidated"); "adopt" or any unknown kind is
// "unknown_outcome" with a message that dispatch never adopts drafts.
Result<DispatchRequest> record_outcome(const DispatchRequest& req, const Meeting& meeting,
                                       const nlohmann::json& body, UnixSeconds now,
                                       const std::string& by);

// The published agenda of one venue at one meeting: accepted and dispatched
// requests in position order, with running start offsets and capacity.
struct AgendaItem {
  int number = 0;               // 1-based
  DispatchRequest request;
  int start_offset_min = 0;     // minutes after the session starts
  bool overflows = false;       // ends after the session's length
};
struct Agenda {
  Meeting meeting;
  std::string venue;
  int session_minutes = 90;
  int used_minutes = 0;
  int overflow_minutes = 0;     // max(0, used - session)
  std::vector<std::string> chairs_table;  // who sits at the chairs' table
  std::vector<AgendaItem> items;
  std::vector<DispatchRequest> pending;   // for chairs; not on the public agenda
};
Agenda build_agenda(const Meeting& meeting, const std::string& venue, int session_minutes,
                    std::vector<DispatchRequest> requests, std::vector<std::string> chairs_table);

nlohmann::json to_json(const DispatchRequest& r);
nlohmann::json to_json(const Agenda& a);          // public: no pending list, no emails of requesters
std::string to_markdown(const Agenda& a);

// Dispatch history of a draft family: one event per request state change.
struct HistoryEvent {
  std::string meeting;
  std::string venue;
  std::string draft;
  std::string state;      // "requested", "accepted", "declined", "dispatched"
  std::string outcome;    // outcome kind when dispatched, else ""
  std::string target;
  UnixSeconds at = 0;
};
struct History {
  std::string draft;
  std::vector<HistoryEvent> events;     // oldest first
  std::int64_t days_since_first = 0;    // from the first request to `now`
  int venues = 0;                       // distinct venues asked
  bool shopping = false;                // asked at more than one venue without being routed there
};
History build_history(const std::string& draft, const std::vector<DispatchRequest>& family_requests,
                      UnixSeconds now);
nlohmann::json to_json(const History& h);

}  // namespace convene
