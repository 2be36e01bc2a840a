// Renderers: one Telechat value, several views. Every renderer takes the
// reader's Audience; for Audience::public_view the call details (URL, number,
// password) never appear in the output. Closed items are shown only in JSON.
// HTML is the web layer's: it renders the Telechat value with a template.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/time.h"
#include "convene/telechat/model.h"
#include "convene/telechat/series.h"

namespace convene::telechat {

// {"date", "kind", "cancelled", "meeting": true|false, "status": "There WILL ...",
//  "calendar_url", "regrets": [...], "call": {...} (private audiences only),
//  "sections": [{"slug", "title", "items": [{"id", "number", "title", "owner",
//  "body", "links", "experiment", "closed", "history": [{"date", "section"}]}]}],
//  and for formal telechats "formal": {"sections": [{"number", "title",
//  "entries": [...]}], "management": [{"number", "title", "owner", "body"}]}}.
// Closed items carry "number": null.
nlohmann::json render_json(const Telechat& t, Audience audience);

// The IESG wiki page layout (front matter, "# Informal Telechat - <Month D,
// YYYY>", status line, Webex URL, calendar URL, regrets, "## Agenda" with one
// "###" per section). Items in numbered sections are "#### N. Title (Owner)"
// blocks; parking-lot and deferred items are "* " bullets. An item's first
// link not in its body becomes the title's link; other links not in the body
// follow as a list of <URL>; an experiment is a line "Experiment: <slug>".
// Formal telechats render their numbered structure instead.
std::string render_markdown(const Telechat& t, Audience audience);

// One calendar entry of the feed.
struct FeedEntry {
  Occurrence occurrence;      // date, scheduled_date, kind, cancelled, sequence
  UnixSeconds start = 0;      // UTC
  int duration_minutes = 120;
  CallDetails call;           // PRIVATE: used only for private audiences
  bool stored = false;        // a telechat is stored on this date (its agenda is made)
};

struct FeedOptions {
  std::string base_url;       // "https://convene.example"; agenda links are base_url + "/telechats/<date>"
  UnixSeconds stamp = 0;      // DTSTAMP of every event
};

// RFC 5545 VCALENDAR with one VEVENT per entry: UID
// "telechat-<kind>-<scheduled date>@convene", DTSTART/DTEND in UTC, SEQUENCE,
// STATUS:CONFIRMED or STATUS:CANCELLED. Private audiences also get LOCATION
// (call URL) and the number and password in DESCRIPTION; the public feed never.
std::string render_ics(const std::vector<FeedEntry>& entries, Audience audience,
                       const FeedOptions& options);

// "telechat-informal-2026-12-10@convene"
std::string event_uid(Kind kind, std::int64_t scheduled_date);

// "December 12, 2024"
std::string long_date(std::int64_t date);
// "Thursday"
std::string weekday_name(std::int64_t date);

}  // namespace convene::telechat
