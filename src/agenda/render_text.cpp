#include <cstdint>
#include <string_view>

#include "convene/agenda/render.h"
#include "labels.h"

namespace convene::agenda {
namespace {

constexpr std::size_t kWidth = 72;

std::string centred(const std::string& s) {
  if (s.size() >= kWidth) return s;
  std::size_t pad = kWidth - s.size();
  return std::string(pad / 2, ' ') + s + std::string(pad - pad / 2, ' ');
}

std::string padded(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

// "83rd", "101st", "112th"
std::string ordinal(const std::string& number) {
  int n = 0;
  for (char c : number) n = (c >= '0' && c <= '9') ? n * 10 + (c - '0') : n;
  std::string_view suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    else if (n % 10 == 2) suffix = "nd";
    else if (n % 10 == 3) suffix = "rd";
  }
  return number + std::string(suffix);
}

// "March 25-30, 2012", or the two full dates when the month changes.
std::string date_range(std::int64_t first, std::int64_t last) {
  std::string a = month_day_year(first), b = month_day_year(last);
  if (first == last) return a;
  if (a.substr(0, a.find(' ')) != b.substr(0, b.find(' '))) return a + " - " + b;
  std::string day = b.substr(b.find(' ') + 1);
  return a.substr(0, a.find(',')) + "-" + day;
}

std::string title_block(const Agenda& agenda, const std::string& zone) {
  std::string out = "\n\n" + centred("Agenda of the " + ordinal(agenda.meeting_number) + " IETF Meeting") + "\n\n";
  if (!agenda.items.empty()) {
    std::int64_t first = to_local(agenda.items.front().start, zone).days;
    std::int64_t last = to_local(agenda.items.back().start, zone).days;
    out += centred(date_range(first, last)) + "\n";
  }
  out += centred("Updated " + format_local(agenda.updated, zone)) + "\n\n";
  out += centred("IETF agendas are subject to change, up to and during the meeting.") + "\n\n\n";
  return out;
}

std::string session_line(const Item& i) {
  std::string label = type_label(i);
  std::string line = padded(i.room, 16) + "\t" + padded(upper(i.area), 4) + "\t" + padded(i.group, 12) + "\t" +
                     i.group_name + " " + label;
  if (i.status == Status::canceled) line += " - CANCELED";
  return line + "\n";
}

}  // namespace

std::string to_text(const Agenda& agenda, bool utc) {
  const std::string zone = utc ? "UTC" : agenda.time_zone;
  std::string out = title_block(agenda, zone);
  std::int64_t day = INT64_MIN;
  std::string slot;
  for (const Item& i : agenda.items) {
    Clock c = clock_of(i, zone);
    std::string heading = c.start + "-" + c.end + "  " + i.slot;
    if (c.day != day) {
      out += std::string(day == INT64_MIN ? "" : "\n") + "\n" + upper(weekday_name(c.day)) + ", " +
             month_day_year(c.day) + "\n";
      day = c.day;
      slot.clear();
    }
    if (heading != slot) {
      out += std::string(slot.empty() ? "" : "\n") + heading + "\n";
      slot = heading;
    }
    out += session_line(i);
  }
  return out + "\n";
}

}  // namespace convene::agenda
