// DispatchService, the journeys after a request is filed: the proponent's
// withdraw and edit, a chair's undo of a decline and correction of an
// outcome, and the proponent's list of their requests.
#include <nlohmann/json.hpp>

#include "convene/dispatch/service.h"

namespace convene {
namespace {

nlohmann::json outcome_detail(const Outcome& o) {
  return {{"outcome", to_string(o.kind)}, {"target", o.target}, {"notes", o.notes}};
}

nlohmann::json edit_detail(const DispatchRequest& r) {
  return {{"presenter", r.presenter}, {"question", r.question}, {"areas", r.areas}, {"minutes", r.minutes}};
}

}  // namespace

Result<DispatchRequest> DispatchService::own_request(const Person& who, std::int64_t id) {
  auto req = request(id);
  if (req && req->requested_by != who.email)
    return forbidden(who.email + " did not file request #" + std::to_string(id) +
                     "; only its proponent may withdraw or edit it");
  return req;
}

// Stores `r`, renumbers its venue's agenda and audits `action`; returns the
// request as stored.
Result<DispatchRequest> DispatchService::store_change(const Person& who, const DispatchRequest& r,
                                                      const char* action, std::string detail) {
  if (auto st = repos_.dispatch.update(r); !st) return st.error();
  if (auto st = store_numbering(r.meeting, r.venue); !st) return st.error();
  if (auto st = log(who, action, audit_object::request(r.id), std::move(detail)); !st) return st.error();
  return request(r.id);
}

Result<DispatchRequest> DispatchService::withdraw(const Person& who, std::int64_t id) {
  auto req = own_request(who, id);
  if (!req) return req.error();
  auto out = convene::withdraw(*req, now_);
  if (!out) return out.error();
  return store_change(who, *out, "dispatch.withdraw", "{}");
}

Result<DispatchRequest> DispatchService::amend(const Person& who, std::int64_t id, const RequestEdit& e) {
  auto req = own_request(who, id);
  if (!req) return req.error();
  auto out = convene::amend(*req, e);
  if (!out) return out.error();
  auto m = meeting(req->meeting);
  if (!m) return m.error();
  if (auto st = check_requests_open(*m, now_); !st) return st.error();
  nlohmann::json detail = {{"before", edit_detail(*req)}, {"after", edit_detail(*out)}};
  return store_change(who, *out, "dispatch.edit", detail.dump());
}

Result<DispatchRequest> DispatchService::undo_decline(const Person& who, std::int64_t id) {
  auto req = chaired_request(who, id);
  if (!req) return req.error();
  auto same_meeting = repos_.dispatch.at_meeting(req->meeting);
  if (!same_meeting) return same_meeting.error();
  auto out = convene::undo_decline(*req, *same_meeting, now_, who.email);
  if (!out) return out.error();
  nlohmann::json detail = {{"reason", req->decline_reason}};
  return store_change(who, *out, "dispatch.undo_decline", detail.dump());
}

Result<DispatchRequest> DispatchService::correct_outcome(const Person& who, const DispatchRequest& req,
                                                         const OutcomeInput& in) {
  auto m = meeting(req.meeting);
  if (!m) return m.error();
  auto out = convene::correct_outcome(req, *m, in, now_, who.email);
  if (!out) return out.error();
  nlohmann::json detail = {{"previous", outcome_detail(*req.outcome)},
                           {"corrected", outcome_detail(*out->outcome)},
                           {"reason", in.reason}};
  if (auto st = repos_.dispatch.update(*out); !st) return st.error();
  if (auto st = log(who, "dispatch.outcome_correct", audit_object::request(req.id), detail.dump()); !st)
    return st.error();
  return out;
}

Result<ProponentRequests> DispatchService::requests_of(const Person& who) {
  auto requests = repos_.dispatch.by_proponent(who.email);
  if (!requests) return requests.error();
  std::vector<std::string> names;
  for (const DispatchRequest& r : *requests) names.push_back(r.draft);
  auto titles = repos_.drafts.titles(names);
  if (!titles) return titles.error();
  return ProponentRequests{std::move(*requests), std::move(*titles)};
}

}  // namespace convene
