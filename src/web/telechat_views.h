// What the telechat template sees of a telechat: a view value built from the
// Telechat as its reader may see it (TelechatService::get hides the call
// details from the public). Item bodies are Markdown, turned into HTML by
// cmark-gfm's safe renderer (raw HTML and unsafe links dropped); links that
// are not http(s), mailto or local are shown as text, not linked.
#pragma once

#include <nlohmann/json.hpp>

#include "convene/telechat/model.h"
#include "convene/telechat/series.h"

namespace convene::web {

// "Informal telechat, March 5, 2026": the page's title.
std::string telechat_heading(const telechat::Telechat& t);

// When telechat `t` of `series` meets, for people: "10:00–12:00
// America/New_York (15:00–17:00 UTC)".
std::string telechat_time(const telechat::SeriesSettings& series, std::int64_t date);

nlohmann::json telechat_view(const telechat::Telechat& t, telechat::Audience audience);

}  // namespace convene::web
