// The in-memory repositories: the test twins of the SQL ones, with the
// same orderings and the same "not there" answers. They never fail.
#include <algorithm>
#include <tuple>

#include "convene/core/utf8.h"
#include "memory_state.h"

namespace convene::store {
namespace {

template <class T>
Result<std::optional<T>> found(const T* v) {
  if (!v) return std::optional<T>();
  return std::optional<T>(*v);
}

template <class Map>
const typename Map::mapped_type* lookup(const Map& m, const typename Map::key_type& k) {
  auto it = m.find(k);
  return it == m.end() ? nullptr : &it->second;
}

class People : public PeopleRepository {
 public:
  explicit People(MemoryState& s) : s_(s) {}
  Result<std::optional<Person>> by_email(const std::string& email) override {
    auto* a = lookup(s_.accounts, email);
    return found(a ? &a->person : nullptr);
  }
  Result<std::optional<Person>> by_id(std::int64_t id) override { return found(find_by_id(id)); }
  Result<std::optional<Person>> by_token(const std::string& digest, UnixSeconds now) override {
    auto* t = lookup(s_.tokens, digest);
    bool live = t && (!t->token.expires_at || *t->token.expires_at > now);
    return found(live ? find_by_id(t->person_id) : nullptr);
  }
  Result<std::vector<Person>> with_role(const std::string& role) override {
    std::vector<Person> out;
    for (const auto& [email, a] : s_.accounts)
      if (a.person.has_role(role)) out.push_back(a.person);
    std::sort(out.begin(), out.end(),
              [](const Person& a, const Person& b) { return std::tie(a.name, a.email) < std::tie(b.name, b.email); });
    return out;
  }
  Result<std::optional<std::string>> password_hash(const std::string& email) override {
    auto* a = lookup(s_.accounts, email);
    return found(a ? &a->password_hash : nullptr);
  }
  Result<std::int64_t> save(const std::string& email, const std::string& name, const std::string& hash,
                            const std::vector<std::string>& roles) override {
    auto& a = s_.accounts[email];
    if (a.person.id == 0) a.person = {s_.next_id++, email, name, {}};
    a.person.name = name;
    a.password_hash = hash;
    for (const auto& r : roles)
      if (!a.person.has_role(r)) a.person.roles.push_back(r);
    std::sort(a.person.roles.begin(), a.person.roles.end());
    return a.person.id;
  }
  Result<std::int64_t> add_token(std::int64_t person_id, const std::string& digest, const std::string& name,
                                 UnixSeconds now, std::optional<UnixSeconds> expires_at) override {
    std::int64_t id = s_.next_id++;
    s_.tokens[digest] = {person_id, ApiToken{id, name, now, expires_at, std::nullopt}};
    return id;
  }
  Result<std::optional<ApiToken>> token(const std::string& digest) override {
    auto* t = lookup(s_.tokens, digest);
    return found(t ? &t->token : nullptr);
  }
  Status note_token_use(const std::string& digest, UnixSeconds now) override {
    auto it = s_.tokens.find(digest);
    if (it == s_.tokens.end()) return ok_status();
    auto& last = it->second.token.last_used_at;
    if (!last || *last <= now - kTokenUseInterval) last = now;
    return ok_status();
  }
  Result<std::vector<ApiToken>> tokens_of(std::int64_t person_id) override {
    std::vector<ApiToken> out;
    for (const auto& [digest, t] : s_.tokens)
      if (t.person_id == person_id) out.push_back(t.token);
    std::sort(out.begin(), out.end(), [](const ApiToken& a, const ApiToken& b) { return a.id < b.id; });
    return out;
  }
  Result<bool> revoke_token(std::int64_t person_id, std::int64_t token_id) override {
    return std::erase_if(s_.tokens, [&](const auto& e) {
             return e.second.person_id == person_id && e.second.token.id == token_id;
           }) > 0;
  }
  Status end_sessions_except(std::int64_t person_id, const std::string& keep_session) override {
    std::erase_if(s_.tokens, [&](const auto& e) { return e.second.person_id == person_id; });
    std::erase_if(s_.sessions,
                  [&](const auto& e) { return e.second.person_id == person_id && e.first != keep_session; });
    return ok_status();
  }
  Status add_web_session(const std::string& digest, std::int64_t person_id, const std::string& csrf,
                         UnixSeconds expires_at) override {
    s_.sessions[digest] = {person_id, csrf, expires_at};
    return ok_status();
  }
  Result<std::optional<WebSession>> web_session(const std::string& digest) override {
    auto* ws = lookup(s_.sessions, digest);
    const Person* p = ws ? find_by_id(ws->person_id) : nullptr;
    if (!p) return std::optional<WebSession>();
    return std::optional<WebSession>(WebSession{*p, ws->csrf, ws->expires_at});
  }
  Status delete_web_session(const std::string& digest) override {
    s_.sessions.erase(digest);
    return ok_status();
  }

 private:
  const Person* find_by_id(std::int64_t id) const {
    for (const auto& [email, a] : s_.accounts)
      if (a.person.id == id) return &a.person;
    return nullptr;
  }
  MemoryState& s_;
};

class Audit : public AuditLog {
 public:
  explicit Audit(MemoryState& s) : s_(s) {}
  Status append(const AuditEntry& e) override {
    s_.audit.push_back(e);
    s_.audit.back().id = s_.next_id++;
    return ok_status();
  }
  Result<std::vector<AuditEntry>> recent(int limit, std::int64_t before_id) override {
    std::vector<AuditEntry> out;
    for (auto it = s_.audit.rbegin(); it != s_.audit.rend() && static_cast<int>(out.size()) < limit; ++it)
      if (before_id == 0 || it->id < before_id) out.push_back(*it);
    return out;
  }

 private:
  MemoryState& s_;
};

class Directory : public DirectoryRepository {
 public:
  explicit Directory(MemoryState& s) : s_(s) {}
  Result<std::vector<Group>> groups() override {
    std::vector<Group> out;
    for (const auto& [acronym, g] : s_.groups) out.push_back(g);
    return out;
  }
  Result<std::optional<Group>> group(const std::string& acronym) override { return found(lookup(s_.groups, acronym)); }
  Status save_group(const Group& g) override {
    s_.groups[g.acronym] = g;
    return ok_status();
  }
  Result<std::vector<Area>> areas() override {
    std::vector<Area> out;
    for (const auto& [acronym, a] : s_.areas) out.push_back(a);
    return out;
  }
  Status save_area(const Area& a) override {
    s_.areas[a.acronym] = a;
    return ok_status();
  }

 private:
  MemoryState& s_;
};

class Meetings : public MeetingRepository {
 public:
  explicit Meetings(MemoryState& s) : s_(s) {}
  Result<std::optional<Meeting>> find(const std::string& number) override {
    return found(lookup(s_.meetings, number));
  }
  Result<std::vector<Meeting>> list(int limit, int offset) override {
    std::vector<Meeting> out;
    for (const auto& [n, m] : s_.meetings) out.push_back(m);
    std::stable_sort(out.begin(), out.end(), [](const Meeting& a, const Meeting& b) {
      return a.start_date != b.start_date ? a.start_date > b.start_date : a.number < b.number;
    });
    out.erase(out.begin(), out.begin() + std::min<std::size_t>(offset, out.size()));
    if (out.size() > static_cast<std::size_t>(limit)) out.resize(limit);
    return out;
  }
  Status insert(const Meeting& m) override {
    if (!s_.meetings.emplace(m.number, m).second)
      return conflict("meeting_exists", "meeting " + m.number + " already exists");
    return ok_status();
  }

 private:
  MemoryState& s_;
};

class Drafts : public DraftRepository {
 public:
  explicit Drafts(MemoryState& s) : s_(s) {}
  Result<std::optional<Draft>> find(const std::string& name) override { return found(lookup(s_.drafts, name)); }
  Status save_revision(const DraftSubmission& sub, const Recording& r) override {
    Draft& d = s_.drafts[sub.name];
    if (d.name.empty()) d.recorded_by = r.by;
    d.name = sub.name;
    d.title = sub.title;
    d.authors = sub.authors;
    d.replaces = sub.replaces;
    d.revisions.push_back({sub.rev, sub.submitted_at, r.at, r.confirmed});
    std::sort(d.revisions.begin(), d.revisions.end(),
              [](const DraftRevision& a, const DraftRevision& b) { return a.rev < b.rev; });
    return ok_status();
  }
  Result<std::map<std::string, std::string>> titles(const std::vector<std::string>& names) override {
    std::map<std::string, std::string> out;
    for (const auto& n : names)
      if (auto* d = lookup(s_.drafts, n)) out.emplace(n, d->title);
    return out;
  }
  Result<std::vector<std::string>> family(const std::string& name) override {
    std::vector<Draft> all;
    for (const auto& [n, d] : s_.drafts) all.push_back(d);
    return replaces_family(name, all);
  }
  Result<DraftPage> search(const DraftQuery& q) override {
    DraftPage page;
    for (const auto& [n, d] : s_.drafts) {
      if (!contains_text(d.name, q.text) && !contains_text(d.title, q.text)) continue;
      if (page.total++ < q.offset || static_cast<int>(page.drafts.size()) >= q.limit) continue;
      page.drafts.push_back(summary(d));
    }
    return page;
  }

 private:
  static DraftSummary summary(const Draft& d) {
    const DraftRevision* last = d.latest();
    return {d.name, d.title, last ? last->rev : "", last ? last->submitted_at : 0};
  }
  MemoryState& s_;
};

class Dispatch : public DispatchRepository {
 public:
  explicit Dispatch(MemoryState& s) : s_(s) {}
  Result<std::optional<DispatchRequest>> request(std::int64_t id) override { return found(lookup(s_.requests, id)); }
  Result<std::vector<DispatchRequest>> at_meeting(const std::string& meeting) override {
    return where([&](const DispatchRequest& r) { return r.meeting == meeting; });
  }
  Result<std::vector<DispatchRequest>> for_drafts(const std::vector<std::string>& drafts) override {
    auto out = where([&](const DispatchRequest& r) {
      return std::find(drafts.begin(), drafts.end(), r.draft) != drafts.end();
    });
    std::stable_sort(out.begin(), out.end(), [](const DispatchRequest& a, const DispatchRequest& b) {
      return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
    });
    return out;
  }
  Result<std::vector<DispatchRequest>> by_proponent(const std::string& email) override {
    auto out = where([&](const DispatchRequest& r) { return r.requested_by == email; });
    std::stable_sort(out.begin(), out.end(), [](const DispatchRequest& a, const DispatchRequest& b) {
      return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
    });
    return out;
  }
  Result<std::int64_t> insert(const DispatchRequest& r) override {
    std::int64_t id = s_.next_id++;
    s_.requests[id] = r;
    s_.requests[id].id = id;
    return id;
  }
  Status update(const DispatchRequest& r) override {
    auto it = s_.requests.find(r.id);
    if (it == s_.requests.end())
      return not_found("request_unknown", "there is no dispatch request " + std::to_string(r.id));
    it->second = r;
    return ok_status();
  }
  Result<std::vector<WgAgendaEntry>> wg_agenda(const std::string& meeting) override {
    std::vector<MemoryState::WgEntry> rows;
    for (const auto& w : s_.wg_agenda)
      if (w.entry.meeting == meeting) rows.push_back(w);
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return std::tie(a.entry.group, a.added_at, a.seq) < std::tie(b.entry.group, b.added_at, b.seq);
    });
    std::vector<WgAgendaEntry> out;
    for (const auto& w : rows) out.push_back(w.entry);
    return out;
  }
  Status add_wg_agenda_entry(const WgAgendaEntry& e, const std::string&, UnixSeconds at) override {
    for (const auto& w : s_.wg_agenda)
      if (w.entry.meeting == e.meeting && w.entry.group == e.group && w.entry.draft == e.draft) return ok_status();
    s_.wg_agenda.push_back({e, at, s_.next_id++});
    return ok_status();
  }
  Result<bool> is_hotrfc_topic(const std::string& meeting, const std::string& draft) override {
    return s_.hotrfc.contains({meeting, draft});
  }
  Status add_hotrfc_topic(const std::string& meeting, const std::string& draft) override {
    s_.hotrfc.insert({meeting, draft});
    return ok_status();
  }
  Result<std::vector<std::string>> hotrfc_topics(const std::string& meeting) override {
    std::vector<std::string> out;  // the set is ordered by (meeting, draft)
    for (const auto& [m, draft] : s_.hotrfc)
      if (m == meeting) out.push_back(draft);
    return out;
  }
  Result<std::optional<DispatchSession>> session(const std::string& meeting, const std::string& venue) override {
    return found(lookup(s_.dispatch_sessions, {meeting, venue}));
  }
  Status save_session(const DispatchSession& s) override {
    s_.dispatch_sessions[{s.meeting, s.venue}] = s;
    return ok_status();
  }

 private:
  template <class Pred>
  std::vector<DispatchRequest> where(Pred keep) const {
    std::vector<DispatchRequest> out;
    for (const auto& [id, r] : s_.requests)
      if (keep(r)) out.push_back(r);
    return out;
  }
  MemoryState& s_;
};

class Jobs : public JobRepository {
 public:
  explicit Jobs(MemoryState& s) : s_(s) {}

  Result<std::int64_t> enqueue(const std::string& kind, const std::string& input, const std::string& by,
                               UnixSeconds now) override {
    Job j;
    j.id = s_.next_id++;
    j.kind = kind;
    j.input = input;
    j.created_by = by;
    j.created_at = now;
    s_.jobs[j.id] = j;
    return j.id;
  }

  Result<std::optional<Job>> find(std::int64_t id) override { return found(lookup(s_.jobs, id)); }

  Result<std::optional<Job>> claim(const std::string& worker, const std::string& claim, UnixSeconds now, int lease_s,
                                   int max_attempts) override {
    for (auto& [id, j] : s_.jobs) {
      bool lapsed = j.state == JobState::running && j.lease_until < now && j.attempts < max_attempts;
      if (j.state != JobState::queued && !lapsed) continue;
      j.state = JobState::running;
      j.worker = worker;
      j.claim = claim;
      j.lease_until = now + lease_s;
      j.started_at = now;
      ++j.attempts;
      return std::optional<Job>(j);
    }
    return std::optional<Job>();
  }

  Status heartbeat(std::int64_t id, const std::string& claim, const std::string& progress, UnixSeconds now,
                   int lease_s) override {
    Job* j = held(id, claim);
    if (!j) return lost(id);
    j->lease_until = now + lease_s;
    j->progress = progress;
    return ok_status();
  }

  Status finish(std::int64_t id, const std::string& claim, JobState state, const std::string& result,
                const std::string& error, UnixSeconds now) override {
    Job* j = held(id, claim);
    if (!j) return lost(id);
    j->state = state;
    j->result = result;
    j->error = error;
    j->finished_at = now;
    j->claim.clear();
    return ok_status();
  }

  Result<bool> cancel(std::int64_t id, UnixSeconds now) override {
    auto it = s_.jobs.find(id);
    if (it == s_.jobs.end()) return false;
    Job& j = it->second;
    if (j.state != JobState::queued && j.state != JobState::running) return false;
    j.state = JobState::cancelled;
    j.claim.clear();
    j.finished_at = now;
    return true;
  }

  Result<int> fail_abandoned(UnixSeconds now, int max_attempts) override {
    int n = 0;
    for (auto& [id, j] : s_.jobs) {
      if (j.state != JobState::running || j.lease_until >= now || j.attempts < max_attempts) continue;
      j.state = JobState::failed;
      j.claim.clear();
      j.finished_at = now;
      j.error = "abandoned: its worker stopped answering on every attempt";
      ++n;
    }
    return n;
  }

 private:
  Job* held(std::int64_t id, const std::string& claim) {
    auto it = s_.jobs.find(id);
    if (it == s_.jobs.end() || it->second.state != JobState::running || it->second.claim != claim) return nullptr;
    return &it->second;
  }
  static Error lost(std::int64_t id) {
    return conflict("lease_lost", "job " + std::to_string(id) + " is no longer held by this claim");
  }
  MemoryState& s_;
};

class MemoryRepositories : public Repositories {
 public:
  explicit MemoryRepositories(MemoryState& s)
      : state_(s), people_(s), audit_(s), directory_(s), meetings_(s), drafts_(s), dispatch_(s), jobs_(s),
        plan_(memory_plan(s)) {}
  PeopleRepository& people() override { return people_; }
  AuditLog& audit() override { return audit_; }
  DirectoryRepository& directory() override { return directory_; }
  MeetingRepository& meetings() override { return meetings_; }
  DraftRepository& drafts() override { return drafts_; }
  DispatchRepository& dispatch() override { return dispatch_; }
  telechat::TelechatRepository& telechats() override { return state_.telechats; }
  JobRepository& jobs() override { return jobs_; }
  PlanRepository& plan() override { return *plan_; }

 private:
  MemoryState& state_;
  People people_;
  Audit audit_;
  Directory directory_;
  Meetings meetings_;
  Drafts drafts_;
  Dispatch dispatch_;
  Jobs jobs_;
  std::unique_ptr<PlanRepository> plan_;
};

}  // namespace

std::unique_ptr<Repositories> memory_repositories(MemoryState& state) {
  return std::make_unique<MemoryRepositories>(state);
}

}  // namespace convene::store
