#include <algorithm>
#include <cctype>
#include <set>

#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

struct VenueArea {
  std::string_view venue;
  std::string_view area;
};

constexpr VenueArea kVenues[] = {
    {"dispatch", "art"}, {"secdispatch", "sec"}, {"gendispatch", "gen"}, {"rtgwg", "rtg"},
    {"tsvwg", "tsv"},    {"opsawg", "ops"},      {"intarea", "int"},
};

}  // namespace

const std::vector<std::string>& dispatch_venues() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> out;
    for (const VenueArea& va : kVenues) out.emplace_back(va.venue);
    return out;
  }();
  return v;
}

bool is_dispatch_venue(std::string_view venue) { return !venue_area(venue).empty(); }

std::string_view venue_area(std::string_view venue) {
  for (const VenueArea& va : kVenues)
    if (va.venue == venue) return va.area;
  return "";
}

const std::vector<std::string>& alldispatch_groups() {
  static const std::vector<std::string> v = {"dispatch", "secdispatch", "gendispatch"};
  return v;
}

std::string suggest_venue(const std::vector<std::string>& areas) {
  std::set<std::string> distinct(areas.begin(), areas.end());
  if (distinct.size() >= 3) return "gendispatch";
  for (const std::string& area : areas)
    for (const VenueArea& va : kVenues)
      if (va.area == area) return std::string(va.venue);
  return "dispatch";
}

std::string venue_title(std::string_view venue) {
  std::string s(venue);
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::string_view to_string(RequestState s) {
  switch (s) {
    case RequestState::pending: return "pending";
    case RequestState::accepted: return "accepted";
    case RequestState::declined: return "declined";
    case RequestState::dispatched: return "dispatched";
  }
  return "pending";
}

std::string_view to_string(OutcomeKind k) {
  switch (k) {
    case OutcomeKind::existing_wg: return "existing-wg";
    case OutcomeKind::new_wg: return "new-wg";
    case OutcomeKind::bof: return "bof";
    case OutcomeKind::ad_sponsored: return "ad-sponsored";
    case OutcomeKind::more_discussion: return "more-discussion";
    case OutcomeKind::not_ietf: return "not-ietf";
    case OutcomeKind::other_dispatch: return "other-dispatch";
  }
  return "more-discussion";
}

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

std::optional<RequestState> request_state_from(std::string_view s) {
  for (auto v : {RequestState::pending, RequestState::accepted, RequestState::declined,
                 RequestState::dispatched})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::optional<OutcomeKind> outcome_kind_from(std::string_view s) {
  for (auto v : {OutcomeKind::existing_wg, OutcomeKind::new_wg, OutcomeKind::bof,
                 OutcomeKind::ad_sponsored, OutcomeKind::more_discussion, OutcomeKind::not_ietf,
                 OutcomeKind::other_dispatch})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

}  // namespace convene
