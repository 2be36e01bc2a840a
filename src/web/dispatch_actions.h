// The dispatch operations behind both the JSON API and the HTML forms. Each
// write checks the caller's role, applies the domain rules, stores the
// result and its audit entry in one transaction.
#pragma once

#include <nlohmann/json.hpp>

#include "context.h"
#include "convene/dispatch/dispatch.h"

namespace convene::web {

// May `p` chair the dispatch venue at the meeting? In consolidated mode the
// chairs of any joint group, and the GEN area director (who adjudicates).
bool may_chair(const Person& p, const std::string& venue);

// The venue whose agenda a reader asks for: "alldispatch" in consolidated
// mode; in per-area mode `asked` must name a venue (error venue_required).
Result<std::string> agenda_venue(const Meeting& m, const std::string& asked);

Result<Meeting> create_meeting(Context& ctx, const Person& who, const nlohmann::json& body);
Result<Draft> submit_draft(Context& ctx, const Person& who, const nlohmann::json& body);
Result<DispatchRequest> submit_request(Context& ctx, const Person& who, const std::string& meeting,
                                       const nlohmann::json& body);
Result<DispatchRequest> decide_request(Context& ctx, const Person& who, std::int64_t id,
                                       const nlohmann::json& body);
Result<DispatchRequest> record_request_outcome(Context& ctx, const Person& who, std::int64_t id,
                                               const nlohmann::json& body);
// {"position": n} moves an accepted request to 1-based position n;
// {"minutes": m} changes its minutes. Either or both.
Result<DispatchRequest> arrange_request(Context& ctx, const Person& who, std::int64_t id,
                                        const nlohmann::json& body);
// {"venue"?, "minutes"?, "chairs_table"?: [names]}.
Result<DispatchSession> configure_session(Context& ctx, const Person& who, const std::string& meeting,
                                          const nlohmann::json& body);
// {"group", "draft"}: a WG chair lists a draft on the group's session agenda.
Result<WgAgendaEntry> add_to_wg_agenda(Context& ctx, const Person& who, const std::string& meeting,
                                       const nlohmann::json& body);
// {"draft"}: the secretariat records a HotRFC topic.
Status add_hotrfc(Context& ctx, const Person& who, const std::string& meeting, const nlohmann::json& body);

Result<Meeting> load_meeting(Context& ctx, const std::string& number);
Result<Agenda> load_agenda(Context& ctx, const std::string& meeting, const std::string& venue);
Result<History> load_history(Context& ctx, const std::string& draft);

}  // namespace convene::web
