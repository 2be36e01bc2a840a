#include "convene/telechat/service.h"

#include <nlohmann/json.hpp>

#include "convene/core/time.h"
#include "convene/telechat/agenda.h"
#include "convene/telechat/codec.h"
#include "convene/telechat/import.h"
#include "convene/telechat/input.h"

namespace convene::telechat {
namespace {

bool cancelled_in_series(const std::vector<SeriesSettings>& all, Kind kind, std::int64_t date) {
  const SeriesSettings* s = find_series(all, kind);
  if (!s) return false;
  for (const Occurrence& o : occurrences(*s, date, date + 1))
    if (o.cancelled) return true;
  return false;
}

}  // namespace

Telechat visible_to(const Telechat& t, Audience audience) {
  Telechat copy = t;
  if (!sees_private(audience)) copy.call = CallDetails{};
  return copy;
}

TelechatService::TelechatService(TelechatRepository& repo, std::int64_t today, std::string calendar_url,
                                 Auditor auditor)
    : repo_(repo), today_(today), calendar_url_(std::move(calendar_url)), auditor_(std::move(auditor)) {}

Status TelechatService::audited(Status s, const char* action, std::int64_t date, const nlohmann::json& detail) {
  if (!s) return s;
  return auditor_.record(action, audit_object::telechat(date), detail.dump());
}

Result<Telechat> TelechatService::must_load(std::int64_t date) {
  auto found = repo_.load(date);
  if (!found) return found.error();
  if (!*found)
    return not_found("telechat_not_found", "no telechat on " + format_date(date));
  return std::move(**found);
}

Status TelechatService::save_and_sync(const Telechat& t) {
  if (Status s = repo_.save(t); !s) return s;
  if (t.kind != Kind::informal) return ok_status();
  auto later = repo_.list(t.date + 1, t.date + 366 * 5);
  if (!later) return later.error();
  Telechat previous = t;
  for (Telechat& next : *later) {
    if (next.kind != Kind::informal) continue;
    int changed = withdraw_stale(previous, next) + carry_over(previous, next);
    if (changed > 0)
      if (Status s = repo_.save(next); !s) return s;
    previous = std::move(next);
  }
  return ok_status();
}

Result<Telechat> TelechatService::create_telechat(const NewTelechat& in) {
  if (in.date < today_)  // new_telechat_from_json says so first, for the JSON API
    return invalid("date_in_past", "date: " + format_date(in.date) + " is before today (" + format_date(today_) + ")");
  auto existing = repo_.load(in.date);
  if (!existing) return existing.error();
  if (*existing)
    return conflict("telechat_exists", "date: there is already a telechat on " + format_date(in.date));
  auto series = repo_.series();
  if (!series) return series.error();
  Telechat t;
  t.date = in.date;
  t.kind = in.kind;
  t.call = in.call;
  t.calendar_url = calendar_url_;
  t.cancelled = cancelled_in_series(*series, t.kind, t.date);
  if (t.kind == Kind::informal) {
    auto previous = repo_.previous_informal(t.date);
    if (!previous) return previous.error();
    if (*previous) carry_over(**previous, t);
  }
  nlohmann::json detail = {{"date", format_date(t.date)}, {"kind", to_string(t.kind)}};  // never the call details
  if (Status s = audited(save_and_sync(t), "telechat.create", t.date, detail); !s) return s.error();
  return t;
}

Result<Item> TelechatService::add_item(std::int64_t date, Item item) {
  auto t = must_load(date);
  if (!t) return t.error();
  if (t->kind == Kind::formal) {
    if (item.section != Section::management_issues)
      return invalid("section_not_in_formal_agenda",
                     "section: a formal telechat takes only management-issues items; '" +
                         std::string(slug(item.section)) + "' is informal");
    auto number = add_management_issue(t->formal, {item.title, item.owner, item.body});
    if (!number) return number.error();
    item.id = *number;
    item.history.push_back({date, item.section});
  } else {
    item.id = next_item_id(t->agenda, date);
    append_item(*t, item);
    item = *find_item(t->agenda, item.id);
  }
  nlohmann::json detail = {{"id", item.id}, {"section", slug(item.section)}, {"title", item.title}};
  if (Status s = audited(save_and_sync(*t), "telechat.item.add", date, detail); !s) return s.error();
  return item;
}

Status TelechatService::close_item(std::int64_t date, std::string_view id) {
  auto t = must_load(date);
  if (!t) return t.error();
  if (Status s = telechat::close_item(*t, id); !s) return s;
  return audited(save_and_sync(*t), "telechat.item.close", date, {{"item", id}});
}

Status TelechatService::move_item(std::int64_t date, std::string_view id, Section to) {
  auto t = must_load(date);
  if (!t) return t.error();
  if (Status s = telechat::move_item(*t, id, to); !s) return s;
  return audited(save_and_sync(*t), "telechat.item.move", date, {{"item", id}, {"section", slug(to)}});
}

Status TelechatService::add_regret(std::int64_t date, const std::string& member) {
  auto t = must_load(date);
  if (!t) return t.error();
  if (Status s = telechat::add_regret(*t, member); !s) return s;
  return audited(repo_.save(*t), "telechat.regrets", date, {{"member", member}});
}

Status TelechatService::set_cancelled(std::int64_t date, bool cancelled) {
  auto t = must_load(date);
  if (!t) return t.error();
  t->cancelled = cancelled;
  return audited(repo_.save(*t), "telechat.cancel", date, {{"cancelled", cancelled}});
}

Status TelechatService::place_formal(std::int64_t date, FormalEntry entry, const char* action,
                                     Status (*place)(FormalAgenda&, FormalEntry)) {
  nlohmann::json detail = {{"section", entry.section}, {"name", entry.name}};
  auto t = must_load(date);
  if (!t) return t.error();
  if (t->kind != Kind::formal)
    return invalid("not_a_formal_telechat", "date: " + format_date(date) + " is an informal telechat");
  if (Status s = place(t->formal, std::move(entry)); !s) return s;
  return audited(repo_.save(*t), action, date, detail);
}

Status TelechatService::place_document(std::int64_t date, FormalEntry entry) {
  return place_formal(date, std::move(entry), "telechat.document", telechat::place_document);
}

Status TelechatService::place_wg_action(std::int64_t date, FormalEntry entry) {
  return place_formal(date, std::move(entry), "telechat.wg_action", telechat::place_wg_action);
}

Result<Telechat> TelechatService::get(std::int64_t date, Audience audience) {
  auto t = must_load(date);
  if (!t) return t.error();
  return visible_to(*t, audience);
}

Result<nlohmann::json> TelechatService::json(std::int64_t date, Audience audience) {
  auto t = get(date, audience);
  if (!t) return t.error();
  return render_json(*t, audience);
}

Result<std::string> TelechatService::markdown(std::int64_t date, Audience audience) {
  auto t = get(date, audience);
  if (!t) return t.error();
  return render_markdown(*t, audience);
}

Result<Telechat> TelechatService::import_markdown(std::string_view page, bool replace) {
  auto t = telechat::import_markdown(page);
  if (!t) return t.error();
  auto existing = repo_.load(t->date);
  if (!existing) return existing.error();
  if (*existing && !replace)
    return conflict("telechat_exists", "page date: there is already a telechat on " + format_date(t->date));
  if (Status s = audited(save_and_sync(*t), "telechat.import", t->date, {{"bytes", page.size()}}); !s)
    return s.error();
  return t;
}

Status TelechatService::save_series(const SeriesSettings& s) {
  if (Status v = validate(s); !v) return v;
  if (Status saved = repo_.save_series(s); !saved) return saved;
  return auditor_.record("telechat.series", audit_object::telechat_series(to_string(s.kind)), encode(s).dump());
}

}  // namespace convene::telechat
