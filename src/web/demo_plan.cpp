// The demo meeting's plan: IETF 125's rooms, a timeslot grid, the
// consolidated dispatch session (exclusive, with one exception the IESG
// granted), forty session requests of convene's own invention (their
// conflicts too), a solved draft made official, and a second solver run
// queued for the worker.
#include <nlohmann/json.hpp>

#include "context.h"
#include "services.h"
#include "convene/plan/problem_io.h"
#include "convene/plan/schedules.h"
#include "convene/schedule/solver.h"
#include "demo_plan.h"

namespace convene::web {
namespace {

using nlohmann::json;

struct DemoGroup {
  const char* acronym;
  const char* name;
  const char* area;
  int attendees;
};

// Invented for the demo; the acronyms are ordinary IETF-style names.
const std::vector<DemoGroup> kGroups = {
    {"quic", "QUIC", "wit", 220},          {"tls", "Transport Layer Security", "sec", 180},
    {"httpapi", "Building Blocks for HTTP APIs", "wit", 90},  {"masque", "Multiplexed Application Substrate over QUIC Encryption", "wit", 110},
    {"moq", "Media over QUIC", "wit", 150}, {"webtrans", "WebTransport", "wit", 80},
    {"ccwg", "Congestion Control", "wit", 100}, {"tsvwg", "Transport Area Working Group", "wit", 120},
    {"lamps", "Limited Additional Mechanisms for PKIX and SMIME", "sec", 90}, {"oauth", "Web Authorization Protocol", "sec", 140},
    {"mls", "Messaging Layer Security", "sec", 100}, {"cfrg", "Crypto Forum", "irtf", 160},
    {"pquip", "Post-Quantum Use In Protocols", "sec", 130}, {"emu", "EAP Method Update", "sec", 50},
    {"ace", "Authentication and Authorization for Constrained Environments", "sec", 60}, {"scitt", "Supply Chain Integrity, Transparency, and Trust", "sec", 90},
    {"idr", "Inter-Domain Routing", "rtg", 150},  {"lsr", "Link State Routing", "rtg", 120},
    {"spring", "Source Packet Routing in Networking", "rtg", 130}, {"bess", "BGP Enabled ServiceS", "rtg", 100},
    {"pim", "Protocols for IP Multicast", "rtg", 40}, {"mboned", "MBONE Deployment", "ops", 40},
    {"rtgwg", "Routing Area Working Group", "rtg", 110}, {"pce", "Path Computation Element", "rtg", 80},
    {"opsawg", "Operations and Management Area Working Group", "ops", 120}, {"netmod", "Network Modeling", "ops", 110},
    {"netconf", "Network Configuration", "ops", 90}, {"grow", "Global Routing Operations", "ops", 80},
    {"dnsop", "Domain Name System Operations", "ops", 150}, {"v6ops", "IPv6 Operations", "ops", 140},
    {"6man", "IPv6 Maintenance", "int", 140}, {"intarea", "Internet Area Working Group", "int", 100},
    {"dhc", "Dynamic Host Configuration", "int", 40}, {"snac", "Stub Network Auto Configuration for IPv6", "int", 50},
    {"core", "Constrained RESTful Environments", "wit", 70}, {"cbor", "Concise Binary Object Representation Maintenance and Extensions", "wit", 60},
    {"calext", "Calendaring Extensions", "wit", 30}, {"mimi", "More Instant Messaging Interoperability", "wit", 90},
    {"httpbis", "HTTP", "wit", 200}, {"ippm", "IP Performance Measurement", "wit", 70},
};

// The demo's conflicts: each group avoids the next two of its own area and
// one group of another area, so the solver has real trade-offs to make.
json request_body(std::size_t i) {
  const auto& g = kGroups[i];
  json body = {{"group", g.acronym}, {"sessions", {{{"duration_min", i % 7 == 0 ? 90 : 120}, {"attendees", g.attendees}}}}};
  if (i % 9 == 3) body["sessions"].push_back({{"duration_min", 90}, {"attendees", g.attendees}});
  json chair = json::array(), tech = json::array();
  for (std::size_t k = 1; k < kGroups.size() && chair.size() < 2; ++k) {
    const auto& other = kGroups[(i + k) % kGroups.size()];
    if (std::string(other.area) == g.area) chair.push_back(other.acronym);
  }
  tech.push_back(kGroups[(i * 7 + 3) % kGroups.size()].acronym);
  if (tech[0] == g.acronym) tech[0] = kGroups[(i + 1) % kGroups.size()].acronym;
  body["conflicts"] = {{{"type", "chair_conflict"}, {"targets", chair}}, {{"type", "tech_overlap"}, {"targets", tech}}};
  if (i % 5 == 1) body["timeranges"] = {"monday-morning"};
  if (body["sessions"].size() == 2) body["time_relation"] = "subsequent-days";
  return body;
}

Status add_groups(Repositories& r) {
  for (const auto& g : kGroups) {
    auto known = r.directory().group(g.acronym);
    if (!known) return known.error();
    if (*known) continue;
    if (auto st = r.directory().save_group({g.acronym, g.name, std::string(g.area) == "irtf" ? "rg" : "wg", g.area}); !st)
      return st;
  }
  return ok_status();
}

Status add_rooms_and_grid(PlanRepos repos, const Auditor& audit, const Person& sec) {
  const std::vector<std::pair<const char*, int>> rooms = {{"Lotus", 400}, {"Peony", 250}, {"Orchid", 200},
                                                          {"Jasmine", 150}, {"Camellia", 100}, {"Magnolia", 80}};
  json grid = {{"days", {"2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19"}},
               {"periods", {{{"start", "09:30"}, {"duration_min", 120}, {"name", "Morning Session I"}},
                            {{"start", "13:00"}, {"duration_min", 90}, {"name", "Afternoon Session I"}},
                            {{"start", "15:00"}, {"duration_min", 90}, {"name", "Afternoon Session II"}}}},
               {"rooms", json::array()}};
  for (const auto& [name, capacity] : rooms) {
    auto room = add_room(repos, audit, sec, "125", {name, capacity, {}});
    if (!room) return room.error();
    grid["rooms"].push_back(name);
  }
  auto slots = add_timeslots(repos, audit, sec, "125", grid_from_json(grid).value());
  if (!slots) return slots.error();
  return ok_status();
}

Status add_requests(PlanRepos repos, const Auditor& audit, const Person& sec, UnixSeconds now) {
  for (std::size_t i = 0; i < kGroups.size(); ++i) {
    auto in = request_from_json(request_body(i));
    if (!in) return in.error();
    auto filed = file_request(repos, audit, sec, "125", *in, now);
    if (!filed) return filed.error();
    if (i + 3 >= kGroups.size()) continue;  // the last three stay pending for the secretariat to see
    if (auto ok = approve_request(repos, audit, sec, filed->id, now); !ok) return ok.error();
  }
  return ok_status();
}

// A schedule solved now, deterministically: a move budget and no clock.
// (With a time limit the exact pass also ran, found nothing cheaper than
// the 800,000 the annealing reaches, and made every demo load take 5 s.)
Result<schedule::Schedule> solved(Context& ctx) {
  auto problem = in_read<schedule::Problem>(ctx, [](Repositories& r) {
    return export_problem(plan_repos(r), "125");
  });
  if (!problem) return problem.error();
  schedule::SolveOptions o;
  o.seed = 1;
  o.iterations = 200000;
  auto result = schedule::solve(*problem, o);
  if (!result) return result.error();
  return result->schedule;
}

}  // namespace

Status add_demo_plan(Context& ctx, const Person& sec) {
  auto st = in_write<Ok>(ctx, [&](Repositories& r) -> Status {
    PlanRepos repos = plan_repos(r);
    Auditor audit(r.audit(), sec.email, ctx.now());
    if (auto g = add_groups(r); !g) return g;
    if (auto grid = add_rooms_and_grid(repos, audit, sec); !grid) return grid;
    auto m = r.meetings().find("125");
    if (!m) return m.error();
    if (auto st = add_consolidated_dispatch(repos, audit, **m, ctx.now()); !st) return st;
    if (auto st = add_requests(repos, audit, sec, ctx.now()); !st) return st;
    // The IESG lets the research group on cryptography meet against ALLDISPATCH.
    auto ad = r.people().by_email("gen-ad@example.org");
    if (!ad) return ad.error();
    auto e = allow_against_exclusive(repos, audit, **ad, "125", "alldispatch-1", "cfrg", ctx.now());
    if (!e) return e.error();
    return ok_status();
  });
  if (!st) return st.error();
  auto draft = solved(ctx);
  if (!draft) return draft.error();
  return in_write<Ok>(ctx, [&](Repositories& r) -> Status {
    PlanRepos repos = plan_repos(r);
    Auditor audit(r.audit(), sec.email, ctx.now());
    if (auto v = add_version(repos, r.jobs(), audit, sec, "125", {"draft-1", *draft, std::nullopt}, ctx.now()); !v)
      return v.error();
    if (auto o = make_official(repos, r.jobs(), audit, sec, "125", "draft-1", ctx.now()); !o) return o;
    SolveRequest more{10, 2, "draft-1"};
    if (auto v = add_version(repos, r.jobs(), audit, sec, "125", {"draft-2", std::nullopt, more}, ctx.now()); !v)
      return v.error();
    return ok_status();
  });
}

}  // namespace convene::web
