#include <set>

#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

Status check_draft(const NewRequest& req, const Meeting& m, const Draft* draft) {
  if (!draft || draft->name != req.draft)
    return rejected("draft_unknown", "draft: " + req.draft +
                                         " is not known to convene; record the Internet-Draft "
                                         "(name, revision, submission time) before asking for "
                                         "dispatch time");
  const DraftRevision* rev = draft->revision(req.rev);
  if (!rev) {
    std::vector<std::string> known;
    for (const DraftRevision& r : draft->revisions) known.push_back(r.rev);
    return rejected("draft_unknown", "rev: " + req.draft + " has no revision " + req.rev +
                                         " on record (known: " +
                                         (known.empty() ? "none" : joined(known)) + ")");
  }
  if (m.id_cutoff != 0 && counted_submission(*rev) > m.id_cutoff) {
    std::string when = counted_submission(*rev) == rev->submitted_at
                           ? "was submitted " + format_utc(rev->submitted_at)
                           : "was recorded in convene " + format_utc(rev->recorded_at) +
                                 " without the secretariat's confirmation of its submission time";
    return rejected("draft_after_cutoff",
                    req.draft + "-" + req.rev + " " + when + ", after the " + meeting_title(m) +
                        " Internet-Draft cutoff " + format_utc(m.id_cutoff) +
                        "; ask for time with a revision submitted before the cutoff");
  }
  return ok_status();
}

// session_venue, with the venue suggested for the request's areas named
// when a per-area meeting needs one.
Result<std::string> choose_venue(const NewRequest& req, const Meeting& m) {
  auto venue = session_venue(m, req.venue);
  if (!venue && venue.error().code == "venue_required") {
    Error e = venue.error();
    e.message += " (suggested for " + joined(req.areas) + ": " + suggest_venue(req.areas) + ")";
    return e;
  }
  return venue;
}

Status check_consolidated(const NewRequest& req, const RequestFacts& f) {
  const Meeting& m = *f.meeting;
  if (m.dispatch_mode != DispatchMode::consolidated || m.type != MeetingType::plenary)
    return ok_status();
  for (const WgAgendaEntry& e : f.wg_agendas)
    if (e.meeting == m.number && e.draft == req.draft)
      return rejected("on_wg_agenda",
                      req.draft + " is on the agenda of the " + e.group + " session at " +
                          meeting_title(m) +
                          "; an ALLDISPATCH topic must not also be on a working group's agenda "
                          "at the same meeting (ask the " + e.group +
                          " chairs to remove it first)");
  if (f.hotrfc_topic)
    return rejected("hotrfc_topic", req.draft + " is a HotRFC topic at " + meeting_title(m) +
                                        "; an ALLDISPATCH topic must not also be presented at "
                                        "HotRFC at the same meeting");
  return ok_status();
}

Status check_duplicate(const NewRequest& req, const RequestFacts& f) {
  for (const DispatchRequest& r : f.same_meeting)
    if (r.draft == req.draft && r.meeting == f.meeting->number &&
        r.state != RequestState::declined && r.state != RequestState::withdrawn)
      return conflict("duplicate_request",
                      req.draft + " already has a " + std::string(to_string(r.state)) +
                          " request at " + meeting_title(*f.meeting) + " (#" +
                          std::to_string(r.id) + " at " + venue_title(r.venue) +
                          "); ask the chairs to change that request instead");
  return ok_status();
}

std::vector<std::string> flags_for(const std::string& venue, const std::string& suggestion,
                                   const RequestFacts& f) {
  std::vector<std::string> flags;
  const Meeting& m = *f.meeting;
  if (!f.history.empty()) flags.emplace_back("resubmission");
  for (const DispatchRequest& r : f.history)
    if (r.outcome && r.outcome->kind == OutcomeKind::other_dispatch) {
      flags.emplace_back("rerouted");
      break;
    }
  if (is_shopping(venue, f.history)) flags.emplace_back("shopping");
  bool per_area_plenary =
      m.type == MeetingType::plenary && m.dispatch_mode == DispatchMode::per_area;
  if (per_area_plenary && venue != suggestion) flags.emplace_back("venue_differs_from_suggestion");
  return flags;
}

}  // namespace

bool is_shopping(std::string_view venue, const std::vector<DispatchRequest>& earlier) {
  if (venue == kAllDispatch || earlier.empty()) return false;
  std::set<std::string, std::less<>> asked, routed;
  for (const DispatchRequest& r : earlier) {
    asked.insert(r.venue);
    if (r.venue == kAllDispatch) asked.insert(alldispatch_groups().begin(), alldispatch_groups().end());
    if (r.outcome && r.outcome->kind == OutcomeKind::other_dispatch) routed.insert(r.outcome->target);
  }
  return !asked.contains(venue) && !routed.contains(venue);
}

Result<Placement> place_request(const NewRequest& req, const RequestFacts& facts) {
  if (!facts.meeting)
    return Error{"internal", "place_request: no meeting given", ErrorKind::internal};
  const Meeting& m = *facts.meeting;
  if (auto st = check_draft(req, m, facts.draft); !st) return st.error();
  auto venue = choose_venue(req, m);
  if (!venue) return venue.error();
  if (auto st = check_consolidated(req, facts); !st) return st.error();
  if (auto st = check_duplicate(req, facts); !st) return st.error();
  Placement p;
  p.venue = *venue;
  p.suggested_venue = suggest_venue(req.areas);
  p.flags = flags_for(p.venue, p.suggested_venue, facts);
  return p;
}

Status check_wg_agenda_addition(const Meeting& meeting, const std::string& group,
                                const std::vector<DispatchRequest>& requests_for_draft) {
  if (meeting.dispatch_mode != DispatchMode::consolidated) return ok_status();
  for (const DispatchRequest& r : requests_for_draft) {
    if (r.meeting != meeting.number || r.venue != kAllDispatch) continue;
    if (r.state != RequestState::accepted && r.state != RequestState::dispatched) continue;
    if (r.state == RequestState::dispatched && r.outcome &&
        r.outcome->kind == OutcomeKind::existing_wg && r.outcome->target == group)
      continue;
    return rejected("on_dispatch_agenda",
                    r.draft + " is on the ALLDISPATCH agenda at " + meeting_title(meeting) +
                        "; it can be on the " + group +
                        " agenda at this meeting only if ALLDISPATCH directs it to " + group);
  }
  return ok_status();
}

}  // namespace convene
