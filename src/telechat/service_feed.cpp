// TelechatService::calendar and feed_ics: series occurrences merged with stored telechats.
#include <algorithm>
#include <map>

#include "convene/telechat/service.h"

namespace convene::telechat {
namespace {

FeedEntry entry_for(const SeriesSettings& s, const Occurrence& o) {
  return {o, start_utc(s, o.date), s.duration_minutes, {}, false};
}

SeriesSettings settings_for(const std::vector<SeriesSettings>& all, Kind kind) {
  const SeriesSettings* s = find_series(all, kind);
  return s ? *s : default_series(kind);
}

}  // namespace

Result<std::vector<SeriesSettings>> TelechatService::saved_series() { return repo_.series(); }

Result<SeriesSettings> TelechatService::series(Kind kind) {
  auto all = repo_.series();
  if (!all) return all.error();
  return settings_for(*all, kind);
}

Result<std::vector<FeedEntry>> TelechatService::calendar(std::int64_t from, std::int64_t to) {
  auto series = repo_.series();
  if (!series) return series.error();
  auto stored = repo_.list(from, to);
  if (!stored) return stored.error();
  std::map<std::pair<std::int64_t, Kind>, FeedEntry> entries;
  for (const SeriesSettings& s : *series)
    for (const Occurrence& o : occurrences(s, from, to)) entries[{o.date, o.kind}] = entry_for(s, o);
  for (const Telechat& t : *stored) {
    auto it = entries.find({t.date, t.kind});
    if (it == entries.end()) {
      Occurrence o{t.date, t.date, t.kind, t.cancelled, t.cancelled ? 1 : 0};
      it = entries.emplace(std::make_pair(t.date, t.kind), entry_for(settings_for(*series, t.kind), o)).first;
    } else if (t.cancelled && !it->second.occurrence.cancelled) {
      it->second.occurrence.cancelled = true;
      it->second.occurrence.sequence = std::max(it->second.occurrence.sequence, 1);
    }
    it->second.call = t.call;
    it->second.stored = true;
  }
  std::vector<FeedEntry> out;
  for (auto& [key, e] : entries) out.push_back(std::move(e));
  return out;
}

Result<std::string> TelechatService::feed_ics(std::int64_t from, std::int64_t to, Audience audience,
                                              const FeedOptions& options) {
  auto entries = calendar(from, to);
  if (!entries) return entries.error();
  return render_ics(*entries, audience, options);
}

}  // namespace convene::telechat
