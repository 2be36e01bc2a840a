#include "convene/telechat/service.h"

#include <gtest/gtest.h>

#include <tuple>

#include <nlohmann/json.hpp>

#include "convene/telechat/agenda.h"
#include "convene/telechat/memory_store.h"
#include "test_support.h"

namespace convene::telechat {
namespace {

using nlohmann::json;
using testing::day;

// The API's two steps in one, as the tests were written: read the JSON body
// (input.h), then call the service with the typed input.
struct JsonApi {
  TelechatService& service;
  std::int64_t today;

  Result<Telechat> create_telechat(const json& body) {
    auto in = new_telechat_from_json(body, today);
    if (!in) return in.error();
    return service.create_telechat(*in);
  }
  Result<Item> add_item(std::int64_t date, const json& body) {
    auto item = new_item_from_json(body);
    if (!item) return item.error();
    return service.add_item(date, *item);
  }
  Status move_item(std::int64_t date, std::string_view id, const json& body) {
    auto to = section_from_json(body);
    if (!to) return to.error();
    return service.move_item(date, id, *to);
  }
  Status add_regret(std::int64_t date, const json& body) {
    auto member = regret_from_json(body);
    if (!member) return member.error();
    return service.add_regret(date, *member);
  }
  Status place_document(std::int64_t date, const json& body) {
    auto e = formal_entry_from_json(body);
    if (!e) return e.error();
    return service.place_document(date, *e);
  }
  Status place_wg_action(std::int64_t date, const json& body) {
    auto e = formal_entry_from_json(body);
    if (!e) return e.error();
    return service.place_wg_action(date, *e);
  }
};

class ServiceTest : public ::testing::Test {
 protected:
  MemoryTelechatRepository repo;
  TelechatService service{repo, day("2026-11-22"), "https://convene.example/telechats.ics"};
  JsonApi api{service, day("2026-11-22")};

  Telechat create(const char* date, const char* kind = "informal") {
    auto t = api.create_telechat(json{
        {"date", date},
        {"kind", kind},
        {"call", {{"url", "https://webex.example/SECRET"}, {"number", "NUM-1"}, {"password", "PW-1"}}}});
    EXPECT_TRUE(t.ok()) << t.error().message;
    return t.ok() ? *t : Telechat{};
  }
  std::string add(const char* date, const char* section, const char* title) {
    auto item = api.add_item(day(date), json{{"section", section}, {"title", title}, {"owner", "Roman"}});
    EXPECT_TRUE(item.ok()) << item.error().message;
    return item.ok() ? item->id : "";
  }
  Telechat load(const char* date) { return **repo.load(day(date)); }
};

TEST_F(ServiceTest, CreateValidatesAndRefusesDuplicates) {
  Telechat t = create("2026-12-10");
  EXPECT_EQ(t.calendar_url, "https://convene.example/telechats.ics");
  EXPECT_EQ(t.call.password, "PW-1");
  auto again = api.create_telechat(json{{"date", "2026-12-10"}, {"kind", "informal"}});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "telechat_exists");
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  auto past = api.create_telechat(json{{"date", "2026-11-01"}, {"kind", "informal"}});
  EXPECT_EQ(past.error().code, "date_in_past");
}

// The service itself refuses a past date, not only the JSON reader.
TEST_F(ServiceTest, TheServiceRefusesADateBeforeToday) {
  NewTelechat in;
  in.date = day("2026-11-21");
  auto past = service.create_telechat(in);
  ASSERT_FALSE(past.ok());
  EXPECT_EQ(past.error().code, "date_in_past");
  EXPECT_FALSE(repo.load(in.date).value().has_value());
  in.date = day("2026-11-22");
  EXPECT_TRUE(service.create_telechat(in).ok());
}

TEST_F(ServiceTest, CarryOverAcrossThreeTelechats) {
  create("2026-11-26");
  std::string parked = add("2026-11-26", "parking-lot", "HotRFC co-chair");
  std::string deferred = add("2026-11-26", "deferred", "Liaison drafts");
  add("2026-11-26", "management-issues", "Alldispatch");
  create("2026-12-03", "formal");  // formal telechats do not take informal items
  Telechat second = create("2026-12-10");
  ASSERT_EQ(second.agenda.items.size(), 2u);
  EXPECT_EQ(second.agenda.items[0].id, parked);
  EXPECT_FALSE(meeting(second));
  EXPECT_EQ((*service.json(day("2026-12-10"), Audience::public_view))["meeting"], false);

  ASSERT_TRUE(api.move_item(day("2026-12-10"), deferred, json{{"section", "management-issues"}}).ok());
  EXPECT_EQ((*service.json(day("2026-12-10"), Audience::public_view))["meeting"], true);
  Telechat third = create("2026-12-24");
  ASSERT_EQ(third.agenda.items.size(), 1u);
  EXPECT_EQ(third.agenda.items[0].id, parked);
  EXPECT_EQ(third.agenda.items[0].history.size(), 3u);

  ASSERT_TRUE(service.close_item(day("2026-12-24"), parked).ok());
  Telechat fourth = create("2027-01-07");
  EXPECT_TRUE(fourth.agenda.items.empty());
}

TEST_F(ServiceTest, LaterAgendasFollowChangesToEarlierOnes) {
  create("2026-11-26");
  create("2026-12-10");
  create("2026-12-24");
  std::string late = add("2026-11-26", "parking-lot", "Added after the next ones existed");
  EXPECT_NE(find_item(load("2026-12-24").agenda, late), nullptr);
  ASSERT_TRUE(service.close_item(day("2026-11-26"), late).ok());
  EXPECT_EQ(find_item(load("2026-12-10").agenda, late), nullptr);
  EXPECT_EQ(find_item(load("2026-12-24").agenda, late), nullptr);
}

TEST_F(ServiceTest, ItemsRegretsAndErrors) {
  create("2026-12-10");
  auto item = api.add_item(day("2026-12-10"), json{{"section", "management-issues"},
                                                       {"title", "Alldispatch - way forward"},
                                                       {"links", {"https://example.org/a"}},
                                                       {"experiment", "alldispatch"}});
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(item->id, "2026-12-10.1");
  EXPECT_EQ(item->history, (std::vector<HistoryEntry>{{day("2026-12-10"), Section::management_issues}}));
  EXPECT_EQ(api.add_item(day("2026-12-10"), json{{"section", "gossip"}, {"title", "x"}}).error().code,
            "unknown_section");
  EXPECT_EQ(api.add_item(day("2026-12-10"), json{{"section", "aob"}, {"title", ""}}).error().code,
            "title_required");
  EXPECT_EQ(api.add_item(day("2027-05-05"), json{{"section", "aob"}, {"title", "x"}}).error().code,
            "telechat_not_found");
  EXPECT_EQ(service.close_item(day("2026-12-10"), "nope").error().code, "item_not_found");
  ASSERT_TRUE(api.add_regret(day("2026-12-10"), json{{"member", "Deb"}}).ok());
  EXPECT_EQ(load("2026-12-10").regrets, std::vector<std::string>{"Deb"});
  std::string md = *service.markdown(day("2026-12-10"), Audience::public_view);
  EXPECT_NE(md.find("Experiment: alldispatch"), std::string::npos);
  EXPECT_EQ(md.find("PW-1"), std::string::npos);
  EXPECT_NE(service.markdown(day("2026-12-10"), Audience::iesg)->find("PW-1"), std::string::npos);
  EXPECT_EQ(service.json(day("2026-12-10"), Audience::public_view)->dump().find("SECRET"), std::string::npos);
  EXPECT_TRUE(service.get(day("2026-12-10"), Audience::public_view)->call.empty());
}

TEST_F(ServiceTest, FormalTelechatTakesManagementIssuesAndDocuments) {
  create("2026-12-03", "formal");
  auto issue = api.add_item(day("2026-12-03"), json{{"section", "management-issues"}, {"title", "Experts"}});
  ASSERT_TRUE(issue.ok());
  EXPECT_EQ(issue->id, "6.1");
  EXPECT_EQ(api.add_item(day("2026-12-03"), json{{"section", "aob"}, {"title", "x"}}).error().code,
            "section_not_in_formal_agenda");
  ASSERT_TRUE(api.place_document(day("2026-12-03"), json{{"section", "2.1.1"}, {"name", "draft-x"}}).ok());
  EXPECT_EQ(api.place_wg_action(day("2026-12-03"), json{{"section", "2.1.1"}, {"name", "wg"}}).error().code,
            "not_a_wg_action_section");
  create("2026-12-10");
  EXPECT_EQ(api.place_document(day("2026-12-10"), json{{"section", "2.1.1"}, {"name", "d"}}).error().code,
            "not_a_formal_telechat");
  EXPECT_EQ(load("2026-12-03").formal.entries.size(), 1u);
}

TEST_F(ServiceTest, FeedMergesSeriesAndStoredTelechats) {
  SeriesSettings s;
  s.first_date = day("2026-11-26");
  s.cancelled.insert(day("2026-12-24"));
  ASSERT_TRUE(service.save_series(s).ok());
  Telechat cancelled = create("2026-12-24");
  EXPECT_TRUE(cancelled.cancelled);  // a cancelled series date starts cancelled
  create("2026-12-17", "formal");    // no formal series: an ad hoc event
  EXPECT_EQ(service.set_cancelled(day("2026-12-10"), true).error().code, "telechat_not_found");
  create("2026-12-10");
  ASSERT_TRUE(service.set_cancelled(day("2026-12-10"), true).ok());
  std::string ics = *service.feed_ics(day("2026-12-01"), day("2027-01-01"), Audience::public_view, {"", 0});
  for (const char* uid : {"telechat-informal-2026-12-10@convene", "telechat-formal-2026-12-17@convene",
                          "telechat-informal-2026-12-24@convene"})
    EXPECT_NE(ics.find(uid), std::string::npos) << uid;
  EXPECT_EQ(ics.find("2026-11-26"), std::string::npos);
  std::size_t cancelled_count = 0;
  for (std::size_t at = ics.find("STATUS:CANCELLED"); at != std::string::npos; at = ics.find("STATUS:CANCELLED", at + 1))
    ++cancelled_count;
  EXPECT_EQ(cancelled_count, 2u);
  EXPECT_EQ(ics.find("SECRET"), std::string::npos);
  EXPECT_NE(service.feed_ics(day("2026-12-01"), day("2027-01-01"), Audience::secretariat, {"", 0})->find("SECRET"),
            std::string::npos);
  SeriesSettings bad = s;
  bad.interval_days = 0;
  EXPECT_EQ(service.save_series(bad).error().code, "bad_interval");
}

TEST_F(ServiceTest, CalendarTellsStoredTelechatsFromSeriesDates) {
  SeriesSettings s;
  s.first_date = day("2026-12-03");
  s.cancelled.insert(day("2026-12-17"));
  ASSERT_TRUE(service.save_series(s).ok());
  create("2026-12-10", "formal");  // no formal series: an ad hoc telechat
  create("2026-12-31");
  auto got = service.calendar(day("2026-12-01"), day("2027-01-01"));
  ASSERT_TRUE(got.ok());
  std::vector<std::tuple<std::string, Kind, bool, bool>> seen;  // date, kind, stored, cancelled
  for (const FeedEntry& e : *got)
    seen.emplace_back(format_date(e.occurrence.date), e.occurrence.kind, e.stored, e.occurrence.cancelled);
  const std::vector<std::tuple<std::string, Kind, bool, bool>> want = {
      {"2026-12-03", Kind::informal, false, false}, {"2026-12-10", Kind::formal, true, false},
      {"2026-12-17", Kind::informal, false, true},  {"2026-12-31", Kind::informal, true, false}};
  EXPECT_EQ(seen, want);
  EXPECT_TRUE(service.calendar(day("2027-01-01"), day("2027-01-14"))->empty());
}

TEST_F(ServiceTest, ImportSavesAndRefusesToOverwrite) {
  auto t = service.import_markdown(testing::informal_page(), false);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(load("2026-08-27").agenda.items.size(), 7u);
  EXPECT_EQ(service.import_markdown(testing::informal_page(), false).error().code, "telechat_exists");
  EXPECT_TRUE(service.import_markdown(testing::informal_page(), true).ok());
  // The imported page's parked and deferred topics carry over to the next informal telechat.
  auto next = api.create_telechat(json{{"date", "2026-12-10"}, {"kind", "informal"}});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->agenda.items.size(), 3u);
}

TEST_F(ServiceTest, StorageFailuresAreReturned) {
  create("2026-12-10");
  repo.fail_next("disk full");
  auto r = api.add_item(day("2026-12-10"), json{{"section", "aob"}, {"title", "x"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::internal);
  EXPECT_TRUE(load("2026-12-10").agenda.items.empty());
}

}  // namespace
}  // namespace convene::telechat
