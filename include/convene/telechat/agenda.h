// Operations on an informal agenda: derived status, numbering, adding,
// closing and scheduling items, and carry-over between informal telechats.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "convene/core/result.h"
#include "convene/telechat/model.h"

namespace convene::telechat {

// True when the telechat is not cancelled and, for an informal one, at least
// one open item sits in a numbered section (anything but parking-lot and
// deferred). A formal telechat that is not cancelled always meets. Never stored.
bool meeting(const Telechat& t);

// "There **WILL** be a meeting on this date." or
// "There will **NOT** be a meeting on this date." (Markdown), from meeting(t).
std::string status_line_markdown(const Telechat& t);
// The same sentence without emphasis: "There WILL be a meeting on this date."
std::string status_line_text(const Telechat& t);

// The open items of one section, in order. Their number is position + 1.
std::vector<const Item*> open_items(const Agenda& a, Section s);

// The item with this id, or nullptr.
const Item* find_item(const Agenda& a, std::string_view id);
Item* find_item(Agenda& a, std::string_view id);

// A fresh id for an item created on telechat `date`: "<YYYY-MM-DD>.<n>", n one
// more than the largest n already used with that prefix in `a`.
std::string next_item_id(const Agenda& a, std::int64_t date);

// Appends `item` at the end of its section on telechat `t`, with a history
// entry {t.date, item.section}. REQUIRES: item.id is not yet in t.agenda.
void append_item(Telechat& t, Item item);

// Closes the item: it stays in the record but is no longer shown, numbered,
// counted for meeting() or carried over. Errors: "item_not_found",
// "item_closed" (conflict) when already closed.
Status close_item(Telechat& t, std::string_view id);

// Moves an open item into section `to` of the same telechat (e.g. from the
// parking lot into Management Issues), appending a history entry; the item goes
// to the end of `to`. Moving into a numbered section "schedules" it: it stops
// carrying over. Errors: "item_not_found", "item_closed", "same_section".
Status move_item(Telechat& t, std::string_view id, Section to);

// Carry-over: every open parking-lot or deferred item of `previous` that is
// not already on `next` is appended to the same section of `next` with the
// same id and its history extended by {next.date, section}. Returns how many
// items were carried. Idempotent. REQUIRES: previous.date < next.date.
int carry_over(const Telechat& previous, Telechat& next);

// The other half of keeping a later agenda in step: removes from `next` the
// items that were only carried over from `previous` (open, in a holding
// section, untouched since: its history is a prefix of previous's plus the
// entry for next) but that
// `previous` has since closed or scheduled, or no longer has at all though
// they came from it (withdrawn there in turn). Returns how many were removed.
int withdraw_stale(const Telechat& previous, Telechat& next);

// Adds a member to the regrets (ignored if already there). Errors:
// "member_required" when blank.
Status add_regret(Telechat& t, std::string_view member);

}  // namespace convene::telechat
