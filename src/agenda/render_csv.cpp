#include "convene/agenda/render.h"
#include "labels.h"

namespace convene::agenda {
namespace {

std::string quoted(const std::string& field) {
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string row(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& f : fields) out += (out.empty() ? "" : ",") + quoted(f);
  return out + "\n";
}

}  // namespace

std::string to_csv(const Agenda& agenda, bool utc) {
  std::string out = row({"Date", "Start", "End", "Session", "Room", "Area", "Acronym", "Type", "Description",
                         "Session ID", "Agenda", "Slides"});
  const std::string zone = utc ? "UTC" : agenda.time_zone;
  for (const Item& i : agenda.items) {
    Clock c = clock_of(i, zone);
    out += row({c.date, c.start, c.end, i.slot, i.room, upper(i.area), i.group, type_label(i), i.group_name,
                i.session, "", ""});
  }
  return out;
}

}  // namespace convene::agenda
