// DispatchService: every dispatch use case, over narrow repositories. Pure:
// no clock (it takes `now`), no HTTP, no SQL, no JSON bodies (typed inputs,
// inputs.h). Each write checks who may make it (the person's role and their
// relation to the request's venue), applies the rules of dispatch.h, stores
// the result and appends its audit entry; the caller runs the call inside
// one transaction and rolls it back when an Error comes back.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "convene/audit/audit.h"
#include "convene/dispatch/dispatch.h"
#include "convene/dispatch/inputs.h"
#include "convene/dispatch/repository.h"
#include "convene/draft/repository.h"
#include "convene/meeting/repository.h"

namespace convene {

// A proponent's requests with the titles of their drafts.
struct ProponentRequests {
  std::vector<DispatchRequest> requests;          // newest first (by_proponent)
  std::map<std::string, std::string> titles;      // draft name -> title (known drafts only)
};

struct DispatchRepositories {
  MeetingRepository& meetings;
  DraftRepository& drafts;
  DispatchRepository& dispatch;
  AuditLog& audit;
};

class DispatchService {
 public:
  // REQUIRES: the repositories outlive the service.
  DispatchService(DispatchRepositories repos, UnixSeconds now);

  // Any signed-in person asks for time at meeting `number` (place_request's
  // rules; the facts are loaded here). Errors: meeting_unknown (not found),
  // requests_closed (check_requests_open), then place_request's. Returns the
  // stored request (pending, with flags).
  Result<DispatchRequest> submit(const Person& who, const std::string& number, const NewRequest& req);

  // A chair of the request's venue (may_chair) accepts or declines it
  // (decide()); the agenda of that venue is renumbered so that an accepted
  // request goes last and a declined one leaves no gap. Errors:
  // request_unknown (not found), forbidden, decide()'s.
  Result<DispatchRequest> decide(const Person& who, std::int64_t id, const Decision& d);

  // A chair records the outcome (record_outcome()); on a dispatched request
  // with in.reason given, corrects it instead (correct_outcome(), audited
  // "dispatch.outcome_correct" with the previous and the new outcome).
  // Errors: request_unknown, forbidden, then those rules'.
  Result<DispatchRequest> record_outcome(const Person& who, std::int64_t id, const OutcomeInput& in);

  // A chair changes an agenda item's minutes and/or position (move_request).
  // Once an item's outcome is recorded its minutes and place are fixed:
  // "outcome_recorded" (conflict) for that item, and for a move that would
  // shift one. Errors: request_unknown, forbidden, not_on_agenda (conflict),
  // outcome_recorded, bad_value.
  Result<DispatchRequest> arrange(const Person& who, std::int64_t id, const Arrangement& a);

  // A chair of the venue, or the secretariat, sets the session's length and
  // chairs' table; unset fields keep their value. Errors: meeting_unknown,
  // session_venue's, forbidden.
  Result<DispatchSession> configure_session(const Person& who, const std::string& number,
                                            const SessionChange& c);

  // A chair of e.group, or the secretariat, lists a draft on the group's
  // session agenda (check_wg_agenda_addition). Errors: forbidden,
  // meeting_unknown, on_dispatch_agenda.
  Result<WgAgendaEntry> add_to_wg_agenda(const Person& who, const WgAgendaEntry& e);

  // The secretariat records a HotRFC topic. Errors: forbidden, meeting_unknown.
  Status add_hotrfc(const Person& who, const std::string& number, const std::string& draft);

  // The proponent (requested_by, nobody else: forbidden) withdraws a pending
  // request (withdraw()); the agenda of its venue is renumbered as after a
  // decline. Errors: request_unknown, forbidden, not_pending.
  Result<DispatchRequest> withdraw(const Person& who, std::int64_t id);
  // The proponent edits a pending request (amend()) while the meeting takes
  // requests. Errors: request_unknown, forbidden, not_pending, requests_closed.
  Result<DispatchRequest> amend(const Person& who, std::int64_t id, const RequestEdit& e);
  // A chair of the venue puts a declined request back to pending
  // (undo_decline()). Errors: request_unknown, forbidden, not_declined,
  // duplicate_request.
  Result<DispatchRequest> undo_decline(const Person& who, std::int64_t id);

  // Reads.
  // `who`'s own requests (by_proponent(who.email)) with their drafts' titles.
  Result<ProponentRequests> requests_of(const Person& who);
  // The agenda of the venue session_venue(meeting, asked) means, with titles.
  Result<Agenda> agenda(const std::string& number, const std::string& asked_venue);
  // The dispatch history of the draft's replaces family (draft_unknown when
  // neither the draft nor any request for it is on record).
  Result<History> history(const std::string& draft);
  Result<DispatchRequest> request(std::int64_t id);
  Result<std::vector<WgAgendaEntry>> wg_agenda(const std::string& number);
  // The meeting's HotRFC topics, by draft name.
  Result<std::vector<std::string>> hotrfc_topics(const std::string& number);
  Result<Meeting> meeting(const std::string& number);

 private:
  Status load_facts(const std::string& number, const std::string& draft, RequestFacts& f);
  Result<DispatchRequest> chaired_request(const Person& who, std::int64_t id);
  Result<DispatchRequest> own_request(const Person& who, std::int64_t id);
  Result<DispatchRequest> correct_outcome(const Person& who, const DispatchRequest& req, const OutcomeInput& in);
  Result<DispatchRequest> store_change(const Person& who, const DispatchRequest& r, const char* action,
                                       std::string detail);
  Result<std::vector<DispatchRequest>> at_venue(const std::string& meeting, const std::string& venue);
  Status store_numbering(const std::string& meeting, const std::string& venue);
  Status log(const Person& who, const char* action, std::string object, std::string detail);

  DispatchRepositories repos_;
  UnixSeconds now_;
};

}  // namespace convene
