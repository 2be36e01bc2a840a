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

std::string venue_list() {
  std::string out;
  for (const VenueArea& va : kVenues) out += (out.empty() ? "" : ", ") + std::string(va.venue);
  return out;
}

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

Result<std::string> session_venue(const Meeting& m, const std::string& asked) {
  if (m.type == MeetingType::interim) {
    if (!is_dispatch_venue(m.group))
      return invalid("venue_unknown", "venue: " + meeting_title(m) + " belongs to " + m.group +
                                          ", which is not a dispatch venue");
    if (!asked.empty() && asked != m.group)
      return invalid("venue_unknown", "venue: " + meeting_title(m) + " is a meeting of " + m.group +
                                          " only, not of '" + asked + "'");
    return m.group;
  }
  if (m.dispatch_mode == DispatchMode::consolidated) {
    if (!asked.empty() && asked != kAllDispatch && !is_dispatch_venue(asked))
      return invalid("venue_unknown", "venue: '" + asked + "' is not a dispatch venue; at " +
                                          meeting_title(m) +
                                          " every request goes to the joint ALLDISPATCH session");
    return std::string(kAllDispatch);
  }
  if (asked.empty())
    return invalid("venue_required", "venue: " + meeting_title(m) +
                                         " holds per-area dispatch sessions; choose one of " +
                                         venue_list());
  if (!is_dispatch_venue(asked))
    return invalid("venue_unknown", "venue: '" + asked + "' is not a dispatch venue at " +
                                        meeting_title(m) + "; choose one of " + venue_list());
  return asked;
}

bool may_chair(const Person& p, std::string_view venue) {
  if (venue != kAllDispatch) return p.chairs(venue);
  if (p.is_ad_of("gen")) return true;
  for (const auto& g : alldispatch_groups())
    if (p.chairs(g)) return true;
  return false;
}

}  // namespace convene
