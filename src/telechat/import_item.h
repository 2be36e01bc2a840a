// Internal: turning cmark-gfm nodes of a wiki page into items and plain text.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

#include "convene/telechat/model.h"

namespace convene::telechat::wiki {

// The page source by line (1-based in cmark, 0-based here), without '\r'.
using Lines = std::vector<std::string_view>;
Lines split_lines(std::string_view text);

// The plain text of a node's inlines: link text kept, `code` kept with its
// backticks, soft and hard breaks as `line_break`. URLs of links and bare
// URLs in the text are added to `links` when it is not null.
std::string inline_text(cmark_node* node, std::string_view line_break,
                        std::vector<std::string>* links);

// An item as found on the page: its first line (a "####" heading, a list
// item's first paragraph or a loose paragraph) and the blocks that follow it.
struct ItemDraft {
  cmark_node* head = nullptr;
  bool numbered_heading = false;  // "#### 1. Title": drop the "1. "
  std::vector<cmark_node*> blocks;
  int dedent = 0;                 // columns of list-item indentation to remove from the body
};

// The item: title, owner, body (the Markdown source of the blocks, except an
// "Experiment: x" paragraph and a last list of bare links), links, experiment.
// Id and history are left empty. Returns an item with an empty title if the
// head has no text.
Item finish_item(const ItemDraft& draft, const Lines& lines, Section section);

// Splits "Title (Roman, Mahesh)" into title and owner when the trailing
// parentheses hold one or more comma-separated names (each 1 to 4 words, each
// word starting with a capital letter); otherwise the owner is empty.
void split_owner(std::string_view text, std::string& title, std::string& owner);

}  // namespace convene::telechat::wiki
