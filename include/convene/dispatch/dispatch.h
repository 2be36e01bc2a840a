// Dispatch: proponents ask for agenda time to present new work at a dispatch
// venue; chairs accept or decline, order the agenda and record each topic's
// outcome. Pure domain code: callers load the facts (meeting, draft, other
// requests, WG agendas, HotRFC topics) and store what the functions return.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/auth/auth.h"
#include "convene/core/result.h"
#include "convene/core/time.h"
#include "convene/dispatch/labels.h"
#include "convene/draft/draft.h"
#include "convene/meeting/meeting.h"

namespace convene {

// Venues: "dispatch" (art), "secdispatch" (sec), "gendispatch" (gen),
// "rtgwg" (rtg), "tsvwg" (tsv), "opsawg" (ops), "intarea" (int), and in
// consolidated mode the joint session "alldispatch".
inline constexpr std::string_view kAllDispatch = "alldispatch";
// A dispatch session lasts this long until its chairs say otherwise.
inline constexpr int kDefaultSessionMinutes = 90;
// A request asks for this many minutes unless it says otherwise.
inline constexpr int kDefaultRequestMinutes = 12;
const std::vector<std::string>& dispatch_venues();        // the seven per-area venues
bool is_dispatch_venue(std::string_view venue);           // one of the seven
std::string_view venue_area(std::string_view venue);      // "dispatch" -> "art"; "" if none
// The joint groups whose chairs run the consolidated session.
const std::vector<std::string>& alldispatch_groups();     // dispatch, secdispatch, gendispatch
// The venue suggested for a request spanning `areas` in per-area mode: the
// venue of the first area that has one; "dispatch" when none has (ART's
// venue takes new areas), "gendispatch" when the areas span three or more.
std::string suggest_venue(const std::vector<std::string>& areas);
// venue_title ("ALLDISPATCH"), like every label for people, is in labels.h.

// The venue rule, for requests and for readers alike: which dispatch session
// of `m` does `asked` ("" when not given; folded to lower case by callers)
// mean?
//   interim: the meeting's group, which must be a dispatch venue; `asked`
//     may be empty or that group (else venue_unknown);
//   consolidated plenary: always "alldispatch"; `asked` may be empty,
//     "alldispatch" or one of the seven (else venue_unknown);
//   per-area plenary: `asked` itself, which must be one of the seven
//     (venue_required when empty, venue_unknown otherwise).
// Errors are invalid (400) and name "venue".
Result<std::string> session_venue(const Meeting& m, const std::string& asked);

// May `p` chair the session of `venue`? Its group's chairs; for
// "alldispatch" the chairs of any joint group and the GEN area director
// (who adjudicates the consolidated session).
bool may_chair(const Person& p, std::string_view venue);

// The dispatch session of one venue at one meeting, as its chairs set it.
struct DispatchSession {
  std::string meeting;
  std::string venue;
  int minutes = kDefaultSessionMinutes;
  std::vector<std::string> chairs_table;   // who sits at the chairs' table
};

// withdrawn: its proponent took a pending request back; like a declined one
// it is on no agenda and blocks no new request for the draft.
enum class RequestState { pending, accepted, declined, dispatched, withdrawn };
enum class OutcomeKind { existing_wg, new_wg, bof, ad_sponsored, more_discussion, not_ietf, other_dispatch };
std::string_view to_string(RequestState s);   // "pending" ... "withdrawn"
std::string_view to_string(OutcomeKind k);    // "existing-wg", "new-wg", "bof", "ad-sponsored",
                                              // "more-discussion", "not-ietf", "other-dispatch"
std::optional<RequestState> request_state_from(std::string_view s);
std::optional<OutcomeKind> outcome_kind_from(std::string_view s);
// Every request state and every outcome kind, in the order above.
const std::vector<RequestState>& request_states();
const std::vector<OutcomeKind>& outcome_kinds();
// The outcomes a chair may record at `m`: all but other-dispatch where
// ALLDISPATCH is the only venue (a consolidated plenary).
std::vector<OutcomeKind> outcome_kinds_at(const Meeting& m);
// Their labels for people (state_label, outcome_label, flag_label): labels.h.

struct Outcome {
  OutcomeKind kind = OutcomeKind::more_discussion;
  std::string target;   // required: WG (existing-wg), AD (ad-sponsored), list
                        // (more-discussion), venue (other-dispatch); optional: proposed
                        // WG name (new-wg), BoF name (bof), other body (not-ietf, "W3C")
  std::string notes;
  UnixSeconds at = 0;
  std::string by;       // email of the chair who recorded it
};

// An outcome a chair replaced: the outcome as it was, and why, when and by
// whom it was corrected. Both versions stay on the request.
struct OutcomeCorrection {
  Outcome previous;
  std::string reason;
  UnixSeconds at = 0;   // when it was replaced (the new outcome's `at`)
  std::string by;
};

// A decline a chair took back: the reason it had, when it was declined, and
// when and by whom it was undone. The request keeps every one, oldest first,
// so its history still shows the decline.
struct UndoneDecline {
  std::string reason;
  UnixSeconds declined_at = 0;
  UnixSeconds undone_at = 0;
  std::string by;
};

struct DispatchRequest {
  std::int64_t id = 0;
  std::string meeting;           // meeting number
  std::string venue;             // "alldispatch" in consolidated mode
  std::string draft;
  std::string rev;
  std::string presenter;         // as given: a name or an email (shown publicly)
  std::string question;          // the dispatch question
  std::vector<std::string> areas;
  int minutes = kDefaultRequestMinutes;
  RequestState state = RequestState::pending;
  std::string decline_reason;
  UnixSeconds decided_at = 0;    // when accepted/declined/withdrawn (0: not yet)
  int position = 0;              // agenda order among accepted requests (1-based; 0 = unset)
  UnixSeconds created_at = 0;
  std::string requested_by;      // email of the signed-in proponent
  std::optional<Outcome> outcome;
  std::vector<std::string> flags;  // Placement::flags at the time it was made
  std::vector<OutcomeCorrection> corrections;  // earlier outcomes, oldest first
  std::vector<UndoneDecline> undone_declines;  // oldest first
};

// What a proponent asks for (inputs.h reads it from the API and the form).
struct NewRequest {
  std::string draft;
  std::string rev;
  std::string presenter;
  std::string question;
  std::vector<std::string> areas;
  int minutes = kDefaultRequestMinutes;
  std::string venue;   // empty when not given
};

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
  std::vector<std::string> flags;    // in this order, each at most once:
    // "resubmission": the same work was asked for before (facts.history is
    //     not empty: the same draft or one in its replaces family, at any
    //     venue and meeting, in any state, declined included);
    // "rerouted": an earlier outcome for that work was other-dispatch;
    // "shopping": is_shopping(venue, facts.history) (per-area and interim);
    // "venue_differs_from_suggestion": per-area plenary only, venue !=
    //     suggested_venue.
  std::string suggested_venue;       // suggest_venue(areas); in consolidated mode too
};

// Applies the request rules, in this order, each an Error with its code:
//   draft_unknown (rejected): facts.draft is null or another draft, or it has
//       no revision req.rev;
//   draft_after_cutoff (rejected): that rev counts as submitted
//       (counted_submission) after meeting.id_cutoff. Exactly at the cutoff is in time; a
//       meeting without a cutoff (id_cutoff 0, interims) has no such rule;
//   venue_required / venue_unknown (invalid): session_venue(meeting,
//       req.venue); a venue_required message names the suggested venue;
//   on_wg_agenda, hotrfc_topic (rejected): consolidated mode only (the
//       ALLDISPATCH rules): the draft is on a WG session agenda at this
//       meeting (facts.wg_agendas), or is a HotRFC topic there;
//   duplicate_request (conflict): a pending, accepted or dispatched request
//       for the same draft at the meeting in facts.same_meeting, at any venue.
// REQUIRES: facts.meeting (else an internal error).
Result<Placement> place_request(const NewRequest& req, const RequestFacts& facts);

// Would asking `venue` now be dispatch shopping, given `earlier` requests for
// the same work? True when there are earlier requests, none of them at
// `venue`, and no earlier other-dispatch outcome routed the work to `venue`.
// An earlier "alldispatch" request counts as asked at dispatch, secdispatch
// and gendispatch (its joint groups). Asking "alldispatch" is never shopping:
// in consolidated mode it is the only venue.
bool is_shopping(std::string_view venue, const std::vector<DispatchRequest>& earlier);

// The request to store for an accepted placement: state pending, flags and
// venue from `p`, created_at = now, id 0 (the store assigns it).
DispatchRequest make_request(const NewRequest& req, const Placement& p, const Meeting& meeting,
                             UnixSeconds now, const std::string& requested_by);

// The reverse rule: may `draft` be added to `group`'s session agenda at the
// meeting? Refused with "on_dispatch_agenda" when an accepted or dispatched
// request for it is on the consolidated agenda of that meeting, unless its
// outcome is existing-wg with target == group. Only requests of `meeting` at
// venue "alldispatch" count; in per-area mode there is no such rule (ok).
// The error is rejected (422) and names the draft, meeting and group.
Status check_wg_agenda_addition(const Meeting& meeting, const std::string& group,
                                const std::vector<DispatchRequest>& requests_for_draft);

// A chair's decision on a request (inputs.h reads it).
struct Decision {
  bool accept = true;
  std::string reason;   // a decline's reason, for the proponent
};
// Only pending or accepted/declined requests may change; a dispatched one is
// final ("already_dispatched", conflict), a withdrawn one is gone
// ("withdrawn", conflict). A decline needs a non-empty reason
// ("reason_required", invalid). Accepting clears decline_reason. Sets
// decided_at = now. Position is left to number_agenda: a request that joins
// the agenda gets position 0 (after every positioned item), one that leaves
// it gets 0.
Result<DispatchRequest> decide(const DispatchRequest& req, const Decision& d, UnixSeconds now);

// A chair's record of what the session recommended (inputs.h reads it).
struct OutcomeInput {
  OutcomeKind kind = OutcomeKind::more_discussion;
  std::string target;   // folded to lower case for other-dispatch
  std::string notes;
  std::string reason;   // why a recorded outcome is corrected ("" for a first one)
};
// Needs an accepted request: pending, declined or withdrawn is "not_accepted",
// dispatched is "already_dispatched" (both conflict; correct_outcome changes
// a recorded outcome);
// other-dispatch only where outcome_kinds_at allows it ("not_in_consolidated",
// rejected); target required for existing-wg, ad-sponsored, more-discussion,
// other-dispatch ("target_required", invalid); bad_value for an existing-wg
// target that is not a group acronym, or an other-dispatch target that is not
// another dispatch venue. Sets state dispatched and outcome {kind, target,
// notes, now, by}.
Result<DispatchRequest> record_outcome(const DispatchRequest& req, const Meeting& meeting,
                                       const OutcomeInput& in, UnixSeconds now,
                                       const std::string& by);

// A chair corrects the outcome of a dispatched request: the same kind and
// target rules as record_outcome; "not_dispatched" (conflict) when it has no
// outcome yet; a non-empty in.reason ("reason_required", invalid). The old
// outcome goes to `corrections` with the reason, `now` and `by`; the new one
// is {kind, target, notes, now, by}.
Result<DispatchRequest> correct_outcome(const DispatchRequest& req, const Meeting& meeting,
                                        const OutcomeInput& in, UnixSeconds now,
                                        const std::string& by);

// The proponent's journey: while a request is pending (before the chairs
// decide) its proponent may withdraw it or edit it. Any other state is
// "not_pending" (conflict, naming the request and its state).
Status check_pending(const DispatchRequest& req);
// State withdrawn, decided_at = now, position 0.
Result<DispatchRequest> withdraw(const DispatchRequest& req, UnixSeconds now);

// What a proponent may change of a pending request (inputs.h reads it with
// the submission's field rules); venue, draft and revision stay.
struct RequestEdit {
  std::string presenter;
  std::string question;
  std::vector<std::string> areas;
  int minutes = kDefaultRequestMinutes;
};
// The request with the edit's fields (check_pending first).
Result<DispatchRequest> amend(const DispatchRequest& req, const RequestEdit& e);

// A chair puts a declined request back to pending: "not_declined" (conflict)
// otherwise; "duplicate_request" (conflict) when another pending, accepted or
// dispatched request for its draft at its meeting is in `same_meeting`.
// Clears decline_reason, decided_at and position.
Result<DispatchRequest> undo_decline(const DispatchRequest& req, const std::vector<DispatchRequest>& same_meeting,
                                     UnixSeconds now, const std::string& by);

// Requests to a meeting close when it is over (meeting_phase past at `now`):
// "requests_closed" (rejected) naming the meeting and its last day. The I-D
// cutoff is a rule on the draft (place_request), not on the request.
Status check_requests_open(const Meeting& m, UnixSeconds now);

// The published agenda of one venue at one meeting: accepted and dispatched
// requests in position order, with running start offsets and capacity.
struct AgendaItem {
  int number = 0;               // 1-based
  DispatchRequest request;
  int start_offset_min = 0;     // minutes after the session starts
  bool overflows = false;       // ends after the session's length
  std::string title;            // the draft's title; "" until fill_titles
};
struct Agenda {
  Meeting meeting;
  std::string venue;
  int session_minutes = kDefaultSessionMinutes;
  int used_minutes = 0;
  int overflow_minutes = 0;     // max(0, used - session)
  std::vector<std::string> chairs_table;  // who sits at the chairs' table
  std::vector<AgendaItem> items;
  std::vector<DispatchRequest> pending;   // for chairs; not on the public agenda
  std::vector<DispatchRequest> declined;  // for the chairs' page only: never in the
                                          // JSON, the Markdown or the public page
};
// Takes the requests of `meeting` at `venue` from `requests` (others are
// ignored). Items: accepted and dispatched, ordered by position (1, 2, ...;
// position 0 after all positioned ones), then created_at, then id. An item
// starts where the previous ended; it overflows when start + minutes >
// session_minutes (ending exactly at the end fits). used_minutes is the sum
// of item minutes, overflow_minutes = max(0, used - session). Pending
// requests go to `pending`, declined ones to `declined` (both created_at order).
// A negative session_minutes counts as 0.
Agenda build_agenda(const Meeting& meeting, const std::string& venue, int session_minutes,
                    std::vector<DispatchRequest> requests, std::vector<std::string> chairs_table);
// Sets each item's title from `titles` (draft name -> title); unknown drafts keep "".
void fill_titles(Agenda& a, const std::map<std::string, std::string>& titles);
// The e-mail addresses (text with an '@') among the presenters of the items
// and of the pending requests, sorted, each once.
std::vector<std::string> presenter_addresses(const Agenda& a);
// The presenters of the items and of the pending requests (both public) as
// everyone sees them: a known address becomes its name in `names` (address
// -> name); any other address shows only its part before the '@', so the
// agenda publishes no address. A presenter given as a name stays. Declined
// requests (the chairs' page only) keep theirs.
void name_presenters(Agenda& a, const std::map<std::string, std::string>& names);

// A chair's change to one agenda item (inputs.h reads it): at least one of
// a new 1-based position and new minutes.
struct Arrangement {
  std::optional<int> position;
  std::optional<int> minutes;
};
// Accepted and dispatched requests are on the agenda; pending, declined and
// withdrawn ones are not ("not_on_agenda", conflict, naming the request and
// its state).
bool on_agenda(const DispatchRequest& r);
Status check_on_agenda(const DispatchRequest& r);
// Moves request `id` to 1-based `position` among the accepted and dispatched
// requests of its meeting and venue in `requests` (agenda order as in
// build_agenda), and returns those requests renumbered 1..n in the new
// order (store each). Errors: request_unknown (not_found: id not in
// `requests`), not_on_agenda (conflict: pending or declined), bad_value
// (position outside 1..n, message names "position").
Result<std::vector<DispatchRequest>> move_request(const std::vector<DispatchRequest>& requests,
                                                  std::int64_t id, int position);
// The agenda items of `meeting` at `venue` among `requests`, numbered 1..n in
// build_agenda's order; returns only those whose position changed (store
// each). Pending and declined requests keep position 0 and are returned when
// they had another.
std::vector<DispatchRequest> number_agenda(const std::vector<DispatchRequest>& requests,
                                           const std::string& meeting, const std::string& venue);

// Every field of the request; times as RFC 3339 ("decided_at" null when 0),
// "outcome" null or {"kind", "target", "notes", "at", "by"}, "corrections":
// [{"previous": outcome, "reason", "at", "by"}] oldest first.
nlohmann::json to_json(const DispatchRequest& r);
// What anyone may read of a request: to_json without "requested_by" (who
// signed in to ask is private; the presenter is public).
nlohmann::json to_public_json(const DispatchRequest& r);
// {"meeting", "venue", "minutes", "chairs_table"}.
nlohmann::json to_json(const DispatchSession& s);
// {"meeting", "group", "draft"}.
nlohmann::json to_json(const WgAgendaEntry& e);
// The public agenda: {"meeting", "meeting_title", "venue", "venue_title",
// "dispatch_mode", "session_minutes", "used_minutes", "free_minutes",
// "overflow_minutes", "chairs_table", "items": [{"number", "id", "draft",
// "rev", "title", "presenter", "question", "areas", "minutes",
// "start_offset_min", "overflows", "state", "outcome": null or {"kind",
// "label", "target", "notes", "at"}}]}. No pending list, no requester or
// recorder emails; the presenter is shown as given.
nlohmann::json to_json(const Agenda& a);
// For the chairs: the public agenda, each item also with "flags" and
// "requested_by", and "pending": [to_json(request)...].
nlohmann::json to_chairs_json(const Agenda& a);
// A readable agenda page in Markdown: title, session and capacity, chairs'
// table, numbered items with minutes, presenter, draft link
// (https://datatracker.ietf.org/doc/<draft>/), areas, question, and the
// outcome when recorded. Text from people is escaped so it cannot add
// Markdown structure, links or HTML.
std::string to_markdown(const Agenda& a);

// Dispatch history of a draft family: one event per request state change.
struct HistoryEvent {
  std::string meeting;
  std::string venue;
  std::string draft;
  std::string rev;
  std::string state;      // "requested", "accepted", "declined", "reopened"
                          // (a decline undone), "withdrawn", "dispatched",
                          // "corrected"
  std::string outcome;    // outcome kind when dispatched or corrected, else ""
  std::string target;
  UnixSeconds at = 0;
};
struct History {
  std::string draft;
  std::vector<HistoryEvent> events;     // oldest first
  std::int64_t days_since_first = 0;    // from the first request to `now`
  int venues = 0;                       // distinct venues asked
  bool shopping = false;                // asked at more than one venue without being routed there
  int requests = 0;                     // number of requests
  int reroutes = 0;                     // other-dispatch outcomes
};
// Events per request: "requested" at created_at; "accepted", "declined" or
// "withdrawn" at decided_at when it is set (a dispatched request was accepted
// first); "dispatched" with its first outcome (kind, target, at), then one
// "corrected" per correction with the outcome that replaced the one before. All events oldest
// first (ties keep request order: created_at, then id). days_since_first:
// whole days from the first created_at to `now` (0 when none or in the
// future). shopping: some request was is_shopping() against those before it.
History build_history(const std::string& draft, const std::vector<DispatchRequest>& family_requests,
                      UnixSeconds now);
// {"draft", "requests", "venues", "shopping", "reroutes", "days_since_first",
//  "first_requested_at" (null when none), "events": [{"meeting", "venue",
//  "draft", "rev", "state", "outcome" (null unless dispatched), "target"
//  (null when empty), "at"}]}.
nlohmann::json to_json(const History& h);

}  // namespace convene
