#include "convene/dispatch/labels.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <date/date.h>

#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string upper(std::string_view text) {
  std::string s(text);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

}  // namespace

std::string_view outcome_label(OutcomeKind k) {
  switch (k) {
    case OutcomeKind::existing_wg: return "Direct to an existing WG";
    case OutcomeKind::new_wg: return "Propose a new WG";
    case OutcomeKind::bof: return "Hold a BoF";
    case OutcomeKind::ad_sponsored: return "AD-sponsored publication";
    case OutcomeKind::more_discussion: return "More discussion needed";
    case OutcomeKind::not_ietf: return "Not appropriate for the IETF";
    case OutcomeKind::other_dispatch: return "Routed to another dispatch venue";
  }
  return "";
}

std::string_view state_label(RequestState s) {
  switch (s) {
    case RequestState::pending: return "Pending";
    case RequestState::accepted: return "Accepted";
    case RequestState::declined: return "Declined";
    case RequestState::dispatched: return "Dispatched";
    case RequestState::withdrawn: return "Withdrawn by the proponent";
  }
  return "Pending";
}

std::string_view history_event_label(std::string_view event) {
  if (event == "requested") return "Requested";
  if (event == "corrected") return "Outcome corrected";
  if (event == "reopened") return "Decline undone";
  if (auto s = request_state_from(event)) return state_label(*s);
  return event;
}

std::string_view flag_label(std::string_view flag) {
  if (flag == "resubmission") return "Resubmission";
  if (flag == "rerouted") return "Re-routed";
  if (flag == "shopping") return "Possible dispatch shopping";
  if (flag == "venue_differs_from_suggestion") return "Not the suggested venue";
  return flag;
}


std::string outcome_label(std::string_view kind) {
  auto k = outcome_kind_from(kind);
  return k ? std::string(outcome_label(*k)) : std::string(kind);
}

std::string_view mode_label(MeetingMode m) {
  switch (m) {
    case MeetingMode::in_person: return "In person";
    case MeetingMode::hybrid: return "Hybrid";
    case MeetingMode::virtual_only: return "Virtual";
  }
  return "In person";
}

std::string_view dispatch_mode_label(DispatchMode m) {
  return m == DispatchMode::per_area ? "Per area" : "Consolidated (ALLDISPATCH)";
}

std::string_view phase_label(MeetingPhase p) {
  switch (p) {
    case MeetingPhase::upcoming: return "Upcoming";
    case MeetingPhase::running: return "Running now";
    case MeetingPhase::past: return "Past";
  }
  return "Upcoming";
}

std::string meeting_dates_label(const Meeting& m) {
  date::year_month_day a{date::sys_days{date::days{m.start_date}}}, b{date::sys_days{date::days{m.end_date}}};
  auto day = [](const date::year_month_day& d) { return std::to_string(static_cast<unsigned>(d.day())); };
  auto month = [&](const date::year_month_day& d) { return std::string(kMonths[static_cast<unsigned>(d.month()) - 1]); };
  auto year = [](const date::year_month_day& d) { return std::to_string(static_cast<int>(d.year())); };
  std::string end = day(b) + " " + month(b) + " " + year(b);
  if (a == b) return end;
  if (a.year() != b.year()) return day(a) + " " + month(a) + " " + year(a) + " – " + end;
  if (a.month() != b.month()) return day(a) + " " + month(a) + " – " + end;
  return day(a) + "–" + end;
}

std::string format_readable(UnixSeconds t, std::string_view zone) {
  LocalTime lt = to_local(t, zone);
  date::year_month_day ymd{date::sys_days{date::days{lt.days}}};
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s %u %s %d, %02d:%02d", kWeekdays[lt.weekday], static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()), lt.minute_of_day / 60,
                lt.minute_of_day % 60);
  return buf;
}

std::string meeting_time_label(const Meeting& m, UnixSeconds t) {
  return format_readable(t, m.time_zone) + " " + m.time_zone + " (" + format_readable(t, "UTC") + " UTC)";
}

std::string venue_title(std::string_view venue) { return upper(venue); }

std::string area_title(std::string_view area) { return upper(area); }

std::string role_label(std::string_view role) {
  if (role == "secretariat") return "Secretariat";
  if (role == "iesg") return "IESG member";
  if (role.starts_with("ad:")) return "Area director (" + area_title(role.substr(3)) + ")";
  if (role.starts_with("chair:")) return "Chair of " + venue_title(role.substr(6));
  return std::string(role);
}

}  // namespace convene
