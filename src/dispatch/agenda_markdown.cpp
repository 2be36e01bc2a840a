#include <string>

#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

// Inline text from people: one line, with every character that could start
// Markdown structure, a link, an entity or HTML escaped by a backslash.
std::string md(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    switch (c) {
      case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']':
      case '<': case '>': case '#': case '|': case '~': case '&':
        out += '\\';
        break;
      default: break;
    }
    out += c;
  }
  return out;
}

std::string upper_list(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + venue_title(s);
  return out;
}

std::string joint_groups() {
  const auto& g = alldispatch_groups();
  std::string out;
  for (std::size_t i = 0; i < g.size(); ++i)
    out += (i == 0 ? "" : i + 1 == g.size() ? " and " : ", ") + venue_title(g[i]);
  return out;
}

std::string header(const Agenda& a) {
  const Meeting& m = a.meeting;
  std::string s = "# " + venue_title(a.venue) + " agenda, " + md(meeting_title(m)) + "\n\n";
  if (a.venue == kAllDispatch)
    s += "Joint session of " + joint_groups() + ": the sole dispatch venue at " +
         md(meeting_title(m)) + " for all areas.\n\n";
  std::string where = m.city.empty() ? "" : md(m.city) + ", ";
  s += "- Meeting: " + where + meeting_dates_label(m) +
       " (" + m.time_zone + "), " + std::string(mode_label(m.mode)) + "\n";
  if (m.id_cutoff) s += "- Internet-Draft cutoff: " + meeting_time_label(m, m.id_cutoff) + "\n";
  return s;
}

std::string capacity(const Agenda& a) {
  std::string s = "- Session: " + std::to_string(a.session_minutes) + " minutes; " +
                  std::to_string(a.items.size()) + (a.items.size() == 1 ? " topic, " : " topics, ") +
                  std::to_string(a.used_minutes) + " minutes scheduled";
  if (a.overflow_minutes == 0)
    return s + ", " + std::to_string(a.session_minutes - a.used_minutes) + " minutes free\n";
  return s + "\n\n**Over capacity by " + std::to_string(a.overflow_minutes) + " minutes:** " +
         std::to_string(a.used_minutes) + " minutes of topics in a " +
         std::to_string(a.session_minutes) +
         "-minute session; topics marked as running past the end may not be reached.\n";
}

std::string chairs(const Agenda& a) {
  std::string s = "\n## Chairs' table\n\n";
  if (a.chairs_table.empty()) return s + "Not yet agreed.\n";
  for (const std::string& name : a.chairs_table) s += "- " + md(name) + "\n";
  return s;
}

std::string outcome_lines(const DispatchRequest& r) {
  if (!r.outcome) return "";
  const Outcome& o = *r.outcome;
  std::string target = o.kind == OutcomeKind::other_dispatch ? venue_title(o.target) : md(o.target);
  std::string s = "- **Outcome:** " + std::string(outcome_label(o.kind));
  if (!o.target.empty())
    s += o.kind == OutcomeKind::not_ietf ? " (suggested venue: " + target + ")" : ": " + target;
  s += "\n";
  if (!o.notes.empty()) s += "- Notes: " + md(o.notes) + "\n";
  return s;
}

std::string item_text(const AgendaItem& item, int session_minutes) {
  const DispatchRequest& r = item.request;
  std::string heading = item.title.empty() ? r.draft : md(item.title);
  int end = item.start_offset_min + r.minutes;
  std::string s = "\n### " + std::to_string(item.number) + ". " + heading + " (" +
                  std::to_string(r.minutes) + " mins)\n\n";
  s += "- Presenter: " + md(r.presenter) + "\n";
  s += "- Draft: [" + r.draft + "-" + r.rev + "](https://datatracker.ietf.org/doc/" + r.draft +
       "/)\n";
  s += "- Areas: " + upper_list(r.areas) + "\n";
  s += "- Time: minutes " + std::to_string(item.start_offset_min) + " to " + std::to_string(end);
  s += item.overflows ? ", past the end of the " + std::to_string(session_minutes) +
                            "-minute session\n"
                      : "\n";
  s += "- Dispatch question: " + md(r.question) + "\n";
  return s + outcome_lines(r);
}

}  // namespace

std::string to_markdown(const Agenda& a) {
  std::string s = header(a) + capacity(a) + chairs(a) + "\n## Agenda\n";
  if (a.items.empty()) s += "\nNo topics accepted yet.\n";
  for (const AgendaItem& item : a.items) s += item_text(item, a.session_minutes);
  return s;
}

}  // namespace convene
