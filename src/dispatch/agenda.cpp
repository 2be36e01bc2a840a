#include <algorithm>
#include <map>

#include "convene/dispatch/dispatch.h"
#include "convene/meeting/json_fields.h"

namespace convene {
namespace {

namespace jf = json_fields;

// Agenda order: positioned items first by position, then created_at, then id.
bool agenda_before(const DispatchRequest& a, const DispatchRequest& b) {
  bool pa = a.position > 0, pb = b.position > 0;
  if (pa != pb) return pa;
  if (pa && a.position != b.position) return a.position < b.position;
  if (a.created_at != b.created_at) return a.created_at < b.created_at;
  return a.id < b.id;
}

bool created_before(const DispatchRequest& a, const DispatchRequest& b) {
  if (a.created_at != b.created_at) return a.created_at < b.created_at;
  return a.id < b.id;
}

}  // namespace

bool on_agenda(const DispatchRequest& r) {
  return r.state == RequestState::accepted || r.state == RequestState::dispatched;
}

Status check_on_agenda(const DispatchRequest& r) {
  if (on_agenda(r)) return ok_status();
  return conflict("not_on_agenda", "request #" + std::to_string(r.id) + " (" + r.draft + ") is " +
                                       std::string(to_string(r.state)) +
                                       "; only accepted requests have an agenda position");
}

Agenda build_agenda(const Meeting& meeting, const std::string& venue, int session_minutes,
                    std::vector<DispatchRequest> requests, std::vector<std::string> chairs_table) {
  Agenda a;
  a.meeting = meeting;
  a.venue = venue;
  a.session_minutes = std::max(0, session_minutes);
  a.chairs_table = std::move(chairs_table);

  std::vector<DispatchRequest> items;
  for (DispatchRequest& r : requests) {
    if (r.meeting != meeting.number || r.venue != venue) continue;
    if (on_agenda(r)) items.push_back(std::move(r));
    else if (r.state == RequestState::pending) a.pending.push_back(std::move(r));
    else if (r.state == RequestState::declined) a.declined.push_back(std::move(r));
  }
  std::stable_sort(items.begin(), items.end(), agenda_before);
  std::stable_sort(a.pending.begin(), a.pending.end(), created_before);
  std::stable_sort(a.declined.begin(), a.declined.end(), created_before);

  int at = 0;
  for (DispatchRequest& r : items) {
    AgendaItem item;
    item.number = static_cast<int>(a.items.size()) + 1;
    item.start_offset_min = at;
    at += r.minutes;
    item.overflows = at > a.session_minutes;
    item.request = std::move(r);
    a.items.push_back(std::move(item));
  }
  a.used_minutes = at;
  a.overflow_minutes = std::max(0, at - a.session_minutes);
  return a;
}

void fill_titles(Agenda& a, const std::map<std::string, std::string>& titles) {
  for (AgendaItem& item : a.items) {
    auto it = titles.find(item.request.draft);
    if (it != titles.end()) item.title = it->second;
  }
}

namespace {

// The requests whose presenters the public sees: the items and the pending.
template <class A, class F>  // A: Agenda or const Agenda
void each_public_request(A& a, F f) {
  for (auto& item : a.items) f(item.request);
  for (auto& r : a.pending) f(r);
}

}  // namespace

std::vector<std::string> presenter_addresses(const Agenda& a) {
  std::vector<std::string> out;
  each_public_request(a, [&](const DispatchRequest& r) {
    if (r.presenter.find('@') != std::string::npos) out.push_back(r.presenter);
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void name_presenters(Agenda& a, const std::map<std::string, std::string>& names) {
  each_public_request(a, [&](DispatchRequest& r) {
    const auto at = r.presenter.find('@');
    if (at == std::string::npos) return;
    auto it = names.find(r.presenter);
    r.presenter = it != names.end() && !it->second.empty() ? it->second : r.presenter.substr(0, at);
  });
}

Result<std::vector<DispatchRequest>> move_request(const std::vector<DispatchRequest>& requests,
                                                  std::int64_t id, int position) {
  auto it = std::find_if(requests.begin(), requests.end(),
                         [&](const DispatchRequest& r) { return r.id == id; });
  if (it == requests.end())
    return not_found("request_unknown", "request #" + std::to_string(id) + " does not exist");
  if (auto st = check_on_agenda(*it); !st) return st.error();
  std::vector<DispatchRequest> items;
  for (const DispatchRequest& r : requests)
    if (on_agenda(r) && r.meeting == it->meeting && r.venue == it->venue) items.push_back(r);
  std::stable_sort(items.begin(), items.end(), agenda_before);
  int n = static_cast<int>(items.size());
  if (position < 1 || position > n)
    return jf::bad_value("position", "must be an integer from 1 to " + std::to_string(n) +
                                         ", got " + std::to_string(position));
  auto from = std::find_if(items.begin(), items.end(),
                           [&](const DispatchRequest& r) { return r.id == id; });
  DispatchRequest moved = *from;
  items.erase(from);
  items.insert(items.begin() + (position - 1), std::move(moved));
  for (int i = 0; i < n; ++i) items[i].position = i + 1;
  return items;
}

std::vector<DispatchRequest> number_agenda(const std::vector<DispatchRequest>& requests,
                                           const std::string& meeting, const std::string& venue) {
  std::vector<DispatchRequest> items, changed;
  for (const DispatchRequest& r : requests) {
    if (r.meeting != meeting || r.venue != venue) continue;
    if (on_agenda(r)) items.push_back(r);
    else if (r.position != 0) {
      changed.push_back(r);
      changed.back().position = 0;
    }
  }
  std::stable_sort(items.begin(), items.end(), agenda_before);
  for (std::size_t i = 0; i < items.size(); ++i) {
    int want = static_cast<int>(i) + 1;
    if (items[i].position == want) continue;
    items[i].position = want;
    changed.push_back(items[i]);
  }
  return changed;
}

}  // namespace convene
