// The one table of labels for people: what every enumeration shown on a page
// or in a Markdown export reads as. HTML views and the Markdown renderers use
// these and never print a machine word ("ad-sponsored", "per-area",
// "venue_differs_from_suggestion"). The machine words themselves
// (to_string, the API's values) stay beside each enumeration.
#pragma once

#include <string>
#include <string_view>

#include "convene/meeting/meeting.h"

namespace convene {

enum class RequestState;   // dispatch.h
enum class OutcomeKind;    // dispatch.h

// Request states: "Pending", "Accepted", "Declined", "Dispatched", "Withdrawn
// by the proponent".
std::string_view state_label(RequestState s);
// The events of a dispatch history ("requested", "accepted", "declined",
// "withdrawn", "dispatched", "corrected"): "Requested", "Accepted", ...,
// "Outcome corrected"; the word itself when unknown.
std::string_view history_event_label(std::string_view event);
// Request flags: "Resubmission", "Re-routed", "Possible dispatch shopping",
// "Not the suggested venue"; the flag itself when unknown.
std::string_view flag_label(std::string_view flag);
// Outcome kinds: "Direct to an existing WG", "Propose a new WG", "Hold a BoF",
// "AD-sponsored publication", "More discussion needed", "Not appropriate for
// the IETF", "Routed to another dispatch venue".
std::string_view outcome_label(OutcomeKind k);
// An outcome kind as the API writes it ("ad-sponsored"): its label; the text
// itself when it is no outcome kind.
std::string outcome_label(std::string_view kind);
// Meeting modes: "In person", "Hybrid", "Virtual".
std::string_view mode_label(MeetingMode m);
// Dispatch modes: "Per area", "Consolidated (ALLDISPATCH)".
std::string_view dispatch_mode_label(DispatchMode m);
// Meeting phases: "Upcoming", "Running now", "Past".
std::string_view phase_label(MeetingPhase p);
// A meeting's dates for people: "14–20 March 2026", "28 February – 3 March
// 2026", "30 December 2026 – 2 January 2027"; one day: "5 May 2026".
std::string meeting_dates_label(const Meeting& m);
// An instant for people: "Monday 2 March 2026, 23:59", the wall-clock time
// in `zone` (24-hour clock; the zone is not named). REQUIRES: is_time_zone(zone).
std::string format_readable(UnixSeconds t, std::string_view zone);
// An instant of meeting `m` for people: in the meeting's time zone, then in
// UTC: "Tuesday 3 March 2026, 00:59 Europe/Madrid (Monday 2 March 2026, 23:59
// UTC)".
std::string meeting_time_label(const Meeting& m, UnixSeconds t);
// Venues and areas as people write them: "ALLDISPATCH", "SECDISPATCH",
// "RTGWG"; "ART", "SEC".
std::string venue_title(std::string_view venue);
std::string area_title(std::string_view area);
// Roles: "Secretariat", "IESG member", "Area director (SEC)", "Chair of
// DISPATCH"; the role itself when it has another shape.
std::string role_label(std::string_view role);

}  // namespace convene
