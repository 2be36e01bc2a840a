#include "convene/telechat/agenda.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "convene/core/time.h"
#include "convene/core/utf8.h"

namespace convene::telechat {
namespace {

Error item_not_found(std::string_view id) {
  return not_found("item_not_found", "item '" + std::string(id) + "' is not on this agenda");
}

// Index one past the last item of section `s` (or of any earlier section).
std::size_t section_end(const Agenda& a, Section s) {
  std::size_t i = 0;
  while (i < a.items.size() && a.items[i].section <= s) ++i;
  return i;
}

}  // namespace

bool meeting(const Telechat& t) {
  if (t.cancelled) return false;
  if (t.kind == Kind::formal) return true;
  return std::any_of(t.agenda.items.begin(), t.agenda.items.end(),
                     [](const Item& i) { return !i.closed && !is_holding(i.section); });
}

std::string status_line_markdown(const Telechat& t) {
  return meeting(t) ? "There **WILL** be a meeting on this date."
                    : "There will **NOT** be a meeting on this date.";
}

std::string status_line_text(const Telechat& t) {
  return meeting(t) ? "There WILL be a meeting on this date."
                    : "There will NOT be a meeting on this date.";
}

std::vector<const Item*> open_items(const Agenda& a, Section s) {
  std::vector<const Item*> out;
  for (const Item& i : a.items)
    if (i.section == s && !i.closed) out.push_back(&i);
  return out;
}

const Item* find_item(const Agenda& a, std::string_view id) {
  for (const Item& i : a.items)
    if (i.id == id) return &i;
  return nullptr;
}

Item* find_item(Agenda& a, std::string_view id) {
  for (Item& i : a.items)
    if (i.id == id) return &i;
  return nullptr;
}

std::string next_item_id(const Agenda& a, std::int64_t date) {
  const std::string prefix = format_date(date) + ".";
  long max = 0;
  for (const Item& i : a.items) {
    if (i.id.compare(0, prefix.size(), prefix) != 0) continue;
    long n = 0;
    const char* first = i.id.data() + prefix.size();
    const char* last = i.id.data() + i.id.size();
    auto [ptr, ec] = std::from_chars(first, last, n);
    if (ec == std::errc() && ptr == last) max = std::max(max, n);
  }
  return prefix + std::to_string(max + 1);
}

void append_item(Telechat& t, Item item) {
  item.history.push_back({t.date, item.section});
  auto at = t.agenda.items.begin() + static_cast<std::ptrdiff_t>(section_end(t.agenda, item.section));
  t.agenda.items.insert(at, std::move(item));
}

Status close_item(Telechat& t, std::string_view id) {
  Item* item = find_item(t.agenda, id);
  if (!item) return item_not_found(id);
  if (item->closed)
    return conflict("item_closed", "item '" + std::string(id) + "' is already closed");
  item->closed = true;
  return ok_status();
}

Status move_item(Telechat& t, std::string_view id, Section to) {
  Item* found = find_item(t.agenda, id);
  if (!found) return item_not_found(id);
  if (found->closed)
    return conflict("item_closed", "item '" + std::string(id) + "' is closed and cannot move");
  if (found->section == to)
    return rejected("same_section",
                    "item '" + std::string(id) + "' is already in " + std::string(slug(to)));
  Item moved = std::move(*found);
  t.agenda.items.erase(t.agenda.items.begin() + (found - t.agenda.items.data()));
  moved.section = to;
  append_item(t, std::move(moved));
  return ok_status();
}

int carry_over(const Telechat& previous, Telechat& next) {
  int carried = 0;
  for (const Item& item : previous.agenda.items) {
    if (item.closed || !is_holding(item.section) || find_item(next.agenda, item.id)) continue;
    append_item(next, item);
    ++carried;
  }
  return carried;
}

int withdraw_stale(const Telechat& previous, Telechat& next) {
  auto stale = [&](const Item& item) {
    const auto& h = item.history;
    if (item.closed || !is_holding(item.section) || h.size() < 2 ||
        h.back() != HistoryEntry{next.date, item.section})
      return false;
    const Item* before = find_item(previous.agenda, item.id);
    if (!before) return h[h.size() - 2].date == previous.date;  // withdrawn there too
    if (!before->closed && is_holding(before->section)) return false;
    const auto& b = before->history;
    return h.size() - 1 <= b.size() && std::equal(h.begin(), h.end() - 1, b.begin());
  };
  auto& items = next.agenda.items;
  auto old_size = items.size();
  items.erase(std::remove_if(items.begin(), items.end(), stale), items.end());
  return static_cast<int>(old_size - items.size());
}

Status add_regret(Telechat& t, std::string_view member) {
  if (is_blank(member)) return invalid("member_required", "member: a name is required");
  if (std::find(t.regrets.begin(), t.regrets.end(), member) == t.regrets.end())
    t.regrets.emplace_back(member);
  return ok_status();
}

}  // namespace convene::telechat
