// Import of an informal agenda page in the IESG wiki layout (the layout
// render_markdown writes). The page is parsed with cmark-gfm and the AST is
// walked: "# Informal Telechat - December 12, 2024" gives kind and date,
// "## Webex URL" the call details, "## Calendar subscription URL",
// "## Regrets", and under "## Agenda" each "### <section title>" its items:
// "#### N. Title (Owner)" blocks or list items ("1. ...", "* ..."). An item's
// title is its first line's text (link text kept, `code` kept), its owner a
// trailing "(Name, Name)" of capitalised names, its links every URL in it, its
// body the Markdown source of what follows the first line. The status line is
// ignored: it is derived. Items get ids "<date>.<n>" in agenda order (section
// order, then page order), so a page and its export give the same ids.
#pragma once

#include <string_view>

#include "convene/core/result.h"
#include "convene/telechat/model.h"

namespace convene::telechat {

// Errors (ErrorKind::invalid): "page_title_missing" (no "# ... Telechat - <date>"),
// "bad_page_date", "unknown_section" (a "###" under Agenda that is not one of
// the nine titles; the message names it and lists the valid titles).
Result<Telechat> import_markdown(std::string_view page);

}  // namespace convene::telechat
