// The directory's rules, readers and use cases over the in-memory store.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/directory/service.h"
#include "convene/store/store.h"

namespace convene {
namespace {

using nlohmann::json;

const std::vector<Area> kAreas = {{"sec", "Security Area"}, {"old", "Old Area", "concluded"}};

std::string code_of(const Status& s) { return s ? "" : s.error().code; }
std::string message_of(const Status& s) { return s ? "" : s.error().message; }

TEST(Directory, GroupRulesNameTheField) {
  Group ok{"quic", "QUIC", "wg", "sec", "active", "ad@example.org", "quic@ietf.org"};
  EXPECT_TRUE(check_group(ok, kAreas).ok());
  auto with = [&](auto change) {
    Group g = ok;
    change(g);
    return check_group(g, kAreas);
  };
  EXPECT_EQ(message_of(with([](Group& g) { g.acronym = "QUIC"; })).rfind("acronym:", 0), 0u);
  EXPECT_EQ(message_of(with([](Group& g) { g.name = ""; })).rfind("name:", 0), 0u);
  EXPECT_EQ(message_of(with([](Group& g) { g.type = "club"; })).rfind("type: 'club' is not one of wg, rg", 0), 0u);
  EXPECT_EQ(message_of(with([](Group& g) { g.state = "dormant"; })).rfind("state:", 0), 0u);
  EXPECT_EQ(message_of(with([](Group& g) { g.area = "nope"; })), "area: there is no area 'nope'");
  EXPECT_EQ(message_of(with([](Group& g) { g.area = ""; })), "area: a wg belongs to an area");
  EXPECT_NE(message_of(with([](Group& g) { g.area = "old"; })).find("has concluded"), std::string::npos);
  EXPECT_TRUE(with([](Group& g) { g.area = "old", g.state = "concluded"; }).ok());
  EXPECT_EQ(message_of(with([](Group& g) { g.ad = "not an address"; })).rfind("ad:", 0), 0u);
  EXPECT_EQ(code_of(with([](Group& g) { g.list_email = "a@b@c"; })), "bad_value");
  EXPECT_TRUE(with([](Group& g) { g.type = "rg", g.area = ""; }).ok());  // an rg may stand alone
}

TEST(Directory, ReadersTakeTheApiShape) {
  auto g = group_from_json(json{{"acronym", "mls"}, {"name", "Messaging Layer Security"}, {"type", "wg"},
                                {"area", "sec"}, {"ad", "ad@example.org"}});
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->state, "active");
  EXPECT_EQ(to_json(*g)["list_email"], "");
  EXPECT_EQ(group_from_json(json{{"acronym", "mls"}, {"type", "wg"}}).error().code, "missing_field");
  EXPECT_EQ(group_from_json(json{{"acronym", 5}, {"name", "x"}, {"type", "wg"}}).error().code, "bad_type");
  EXPECT_EQ(group_from_json(json::array()).error().code, "bad_type");
  auto a = area_from_json(json{{"acronym", "wit"}, {"name", "Web and Internet Transport"}});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(to_json(*a), (json{{"acronym", "wit"}, {"name", "Web and Internet Transport"}, {"state", "active"}}));
  EXPECT_EQ(area_from_json(json{{"acronym", "wit"}, {"name", "W"}, {"state", "gone"}}).error().code, "bad_value");
}

class DirectoryService : public ::testing::Test {
 protected:
  std::unique_ptr<Store> store = open_memory_store();
  Person secretariat{1, "sec@example.org", "Sec", {"secretariat"}};
  Person chair{2, "chair@example.org", "Chair", {"chair:quic"}};

  Status as(const Person& who, const std::function<Status(DirectoryRepository&, const Auditor&)>& fn) {
    return store->write([&](Repositories& r) { return fn(r.directory(), Auditor(r.audit(), who.email, 100)); });
  }
};

TEST_F(DirectoryService, TheSecretariatKeepsAreasAndGroupsAndEveryChangeIsAudited) {
  Status s = as(secretariat, [](DirectoryRepository& d, const Auditor& a) {
    auto area = save_area(d, a, Person{1, "sec@example.org", "Sec", {"secretariat"}}, {"new", "A New Area"});
    return area ? ok_status() : Status(area.error());
  });
  ASSERT_TRUE(s.ok()) << message_of(s);
  s = as(secretariat, [&](DirectoryRepository& d, const Auditor& a) {
    auto g = save_group(d, a, secretariat, {"newwg", "A New WG", "wg", "new"});
    return g ? ok_status() : Status(g.error());
  });
  ASSERT_TRUE(s.ok()) << message_of(s);
  ASSERT_TRUE(store->read([](Repositories& r) {
    EXPECT_EQ(find_group(r.directory(), "newwg")->area, "new");
    EXPECT_EQ(find_group(r.directory(), "nope").error().code, "group_unknown");
    auto log = r.audit().recent(10, 0).value();
    EXPECT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].action, "group.save");
    EXPECT_EQ(log[0].object, "group:newwg");
    EXPECT_EQ(log[1].object, "area:new");
    return ok_status();
  }).ok());
}

TEST_F(DirectoryService, OthersMayNotAndAnUnknownAreaChangesNothing) {
  Status s = as(chair, [&](DirectoryRepository& d, const Auditor& a) {
    auto g = save_group(d, a, chair, {"quic", "QUIC", "wg", "wit"});
    return g ? ok_status() : Status(g.error());
  });
  EXPECT_EQ(code_of(s), "forbidden");
  s = as(secretariat, [&](DirectoryRepository& d, const Auditor& a) {
    auto g = save_group(d, a, secretariat, {"quic", "QUIC", "wg", "xyz"});
    return g ? ok_status() : Status(g.error());
  });
  EXPECT_EQ(code_of(s), "bad_value");
  ASSERT_TRUE(store->read([](Repositories& r) {
    EXPECT_TRUE(r.directory().groups()->empty());
    EXPECT_TRUE(r.audit().recent(10, 0)->empty());
    EXPECT_EQ(r.directory().areas()->size(), standard_areas().size());
    return ok_status();
  }).ok());
}

}  // namespace
}  // namespace convene
