// What the telechat template sees of a telechat: a view value built from the
// Telechat as its reader may see it (TelechatService::get hides the call
// details from the public). Item bodies are Markdown, turned into HTML by
// cmark-gfm's safe renderer (raw HTML and unsafe links dropped); links that
// are not http(s), mailto or local are shown as text, not linked.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "convene/core/result.h"

#include "convene/telechat/model.h"
#include "convene/telechat/series.h"

namespace convene::web {

// "Informal telechat, March 5, 2026": the page's title.
std::string telechat_heading(const telechat::Telechat& t);
std::string telechat_heading(telechat::Kind kind, std::int64_t date);

// When telechat `t` of `series` meets, for people: "10:00–12:00
// America/New_York (15:00–17:00 UTC)".
std::string telechat_time(const telechat::SeriesSettings& series, std::int64_t date);

// A series' cadence for people: "every 14 days on Thursday, 10:00–12:00
// America/New_York, from November 26, 2026" (local times).
std::string cadence_words(const telechat::SeriesSettings& s);

nlohmann::json telechat_view(const telechat::Telechat& t, telechat::Audience audience);

// ---- The editors' forms (telechat_form_views.cpp) ----

// A refused telechat form, shown again on its page with what was typed.
struct TelechatProblem {
  std::string form;   // which: "create", "import", "item", "move", "close", "regrets", "cancel",
                      // "document", "wg-action"; on the list, "series", "series-move", "series-cancel"
  Error error;
  std::map<std::string, std::string> typed;
  std::string item;   // the item a move or close was about, the kind of a series form; "" for the others
};

// The refusal's message and code when `p` is a refusal of form `which`
// (about `item`: an item of the move and close forms, a kind of the series
// forms), else null.
nlohmann::json problem_at(const TelechatProblem* p, const char* which, const std::string& item = "");

// The create form: `date` and `kind` prefilled, or what was typed when `p`
// is a refused create. `from` ("list" or "day") says which page shows it.
nlohmann::json create_form_view(std::int64_t date, telechat::Kind kind, const std::string& from,
                                const TelechatProblem* p);
// The wiki page import form: empty, or as typed when `p` is a refused import.
nlohmann::json import_form_view(const TelechatProblem* p);

// Adds the forms of an editor's telechat page to `view` (telechat_view's):
// add an item, move or close each open item, regrets, cancel or restore, and
// on a formal agenda documents and WG actions. `p` is a refused form of this
// page, shown at its form with what was typed.
void add_edit_forms(nlohmann::json& view, const telechat::Telechat& t, const TelechatProblem* p);

// ---- The series on the list (telechat_series_views.cpp) ----

// Series `s` for everyone: its cadence in words (when `saved`; an unsaved
// series has no dates), its moved and cancelled dates; for an `editor`, the
// cadence, move and cancel forms, with `p` at its form when it is a refused
// series form of this kind.
nlohmann::json series_view(const telechat::SeriesSettings& s, bool saved, bool editor, const TelechatProblem* p);

}  // namespace convene::web
