// TelechatService: the operations the HTTP API and the pages need, over a
// TelechatRepository. Pure: no clock (it takes `today`), no I/O of its own,
// no JSON bodies: typed inputs, read at the edge by input.h; every failure is
// an Error value. Each mutating call loads, changes and saves one telechat and records
// its audit entry (object audit_object::telechat(date)); on error nothing is
// saved. Roles are checked by the caller (who may call what); the service
// only hides private fields from the public audience.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "convene/audit/audit.h"
#include "convene/core/result.h"
#include "convene/telechat/input.h"
#include "convene/telechat/model.h"
#include "convene/telechat/render.h"
#include "convene/telechat/store.h"

namespace convene::telechat {

class TelechatService {
 public:
  // REQUIRES: repo outlives the service. `today` is days since epoch.
  // `calendar_url` (e.g. "https://convene.example/telechats.ics") is set on
  // every telechat the service creates. Changes are recorded by `auditor`.
  TelechatService(TelechatRepository& repo, std::int64_t today, std::string calendar_url = "",
                  Auditor auditor = {});

  // POST /api/v1/telechats. Refuses a date before today ("date_in_past") and
  // a second telechat on the same date ("telechat_exists", conflict), and for
  // an informal one carries over the open parking-lot and deferred items of
  // the previous informal telechat. If the date is a cancelled date of the
  // kind's series, the telechat starts cancelled. Returns the saved telechat.
  Result<Telechat> create_telechat(const NewTelechat& in);

  // POST /api/v1/telechats/{date}/items: `item` as new_item_from_json reads
  // it (no id, no history). Errors: "telechat_not_found" (not found); on a
  // formal telechat only "management-issues" is accepted
  // ("section_not_in_formal_agenda"): the item becomes issue 6.N. Returns the
  // item as added (id, history).
  Result<Item> add_item(std::int64_t date, Item item);

  // Every change to an informal agenda is carried forward to the informal
  // telechats already created after it: new parking-lot/deferred items are
  // carried over, closed or scheduled ones are withdrawn from later agendas
  // where they were only carried (agenda.h: carry_over, withdraw_stale).

  // Closes an item ("item_not_found", "item_closed").
  Status close_item(std::int64_t date, std::string_view id);
  // Moves an item to another section; into a numbered section this schedules
  // it and stops its carry-over.
  Status move_item(std::int64_t date, std::string_view id, Section to);

  // A member who will not attend.
  Status add_regret(std::int64_t date, const std::string& member);

  // Marks the telechat cancelled (or not).
  Status set_cancelled(std::int64_t date, bool cancelled);

  // Formal agenda placement (formal.h rules); "not_a_formal_telechat" on an
  // informal one.
  Status place_document(std::int64_t date, FormalEntry entry);
  Status place_wg_action(std::int64_t date, FormalEntry entry);

  // The telechat as `audience` may see it: call details blanked for public.
  Result<Telechat> get(std::int64_t date, Audience audience);

  // GET /api/v1/telechats/{date} and /telechats/{date}.md (the HTML page
  // renders get()'s value with a template).
  Result<nlohmann::json> json(std::int64_t date, Audience audience);
  Result<std::string> markdown(std::int64_t date, Audience audience);

  // GET /telechats.ics: every series occurrence and every stored telechat
  // with from <= date < to; a stored telechat on a series date replaces the
  // occurrence (cancelled if either says so). Times come from the kind's
  // series (or 10:00 America/New_York, 120 minutes, when there is none).
  Result<std::string> feed_ics(std::int64_t from, std::int64_t to, Audience audience,
                               const FeedOptions& options);

  // The telechat calendar that feed_ics renders, as values: every series
  // occurrence and every stored telechat with from <= date < to, merged as
  // above, sorted by date then kind. `stored` tells the dates whose telechat
  // is stored (its agenda is made) from series dates that have none yet.
  // The call details are the stored telechat's (PRIVATE: not for the public).
  Result<std::vector<FeedEntry>> calendar(std::int64_t from, std::int64_t to);

  // Imports a wiki page (import.h) and saves it. A telechat already on that
  // date gives "telechat_exists" unless `replace`. Returns what was saved.
  Result<Telechat> import_markdown(std::string_view page, bool replace);

  // Series settings (validated, series.h).
  Status save_series(const SeriesSettings& s);
  // The kind's series settings, which give every telechat of that kind its
  // time of day and length (the defaults of SeriesSettings when there is no
  // series: 10:00 America/New_York, 120 minutes).
  Result<SeriesSettings> series(Kind kind);
  // The series saved (at most one per kind, found with find_series()); a
  // kind without one is not listed.
  Result<std::vector<SeriesSettings>> saved_series();

 private:
  Result<Telechat> must_load(std::int64_t date);
  // Validates a formal entry and places it with `place` on a formal telechat.
  Status place_formal(std::int64_t date, FormalEntry entry, const char* action,
                      Status (*place)(FormalAgenda&, FormalEntry));
  // Saves `t`, then re-syncs the later informal telechats (see above).
  Status save_and_sync(const Telechat& t);

  // `s`, after recording {action, telechat(date), detail} when it is ok.
  Status audited(Status s, const char* action, std::int64_t date, const nlohmann::json& detail);

  TelechatRepository& repo_;
  std::int64_t today_;
  std::string calendar_url_;
  Auditor auditor_;
};

// A copy of `t` with what `audience` may not see removed (call details).
Telechat visible_to(const Telechat& t, Audience audience);

}  // namespace convene::telechat
