#include "convene/telechat/input.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace convene::telechat {
namespace {

using nlohmann::json;
using testing::day;

const std::int64_t kToday = day("2026-11-22");

TEST(NewTelechat, ValidBody) {
  auto t = new_telechat_from_json(
      json{{"date", "2026-12-10"},
           {"kind", "informal"},
           {"call", {{"url", "https://x.example/j"}, {"number", "123"}, {"password", "pw"}}}},
      kToday);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->date, day("2026-12-10"));
  EXPECT_EQ(t->kind, Kind::informal);
  EXPECT_EQ(t->call.password, "pw");
  EXPECT_TRUE(new_telechat_from_json(json{{"date", "2026-11-22"}, {"kind", "formal"}}, kToday).ok());
}

void expect_error(const Result<NewTelechat>& r, const std::string& code, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, code);
  EXPECT_EQ(r.error().kind, ErrorKind::invalid);
  EXPECT_NE(r.error().message.find(field), std::string::npos) << r.error().message;
}

TEST(NewTelechat, Errors) {
  expect_error(new_telechat_from_json(json{{"date", "2026-11-21"}, {"kind", "informal"}}, kToday),
               "date_in_past", "date");
  expect_error(new_telechat_from_json(json{{"date", "2026-13-01"}, {"kind", "informal"}}, kToday),
               "bad_date", "date");
  expect_error(new_telechat_from_json(json{{"date", 20261210}, {"kind", "informal"}}, kToday),
               "bad_type", "date");
  expect_error(new_telechat_from_json(json{{"kind", "informal"}}, kToday), "missing_field", "date");
  expect_error(new_telechat_from_json(json{{"date", "2026-12-10"}, {"kind", "casual"}}, kToday),
               "bad_kind", "kind");
  expect_error(new_telechat_from_json(json{{"date", "2026-12-10"}, {"kind", "informal"}, {"call", "x"}}, kToday),
               "bad_type", "call");
  expect_error(new_telechat_from_json(
                   json{{"date", "2026-12-10"}, {"kind", "informal"}, {"call", {{"password", 12345}}}}, kToday),
               "bad_type", "call.password");
  expect_error(new_telechat_from_json(json::array(), kToday), "bad_type", "telechat");
}

TEST(NewItem, ValidBody) {
  auto item = new_item_from_json(json{{"section", "management-issues"},
                                      {"title", " Alldispatch - way forward "},
                                      {"owner", "Francesca"},
                                      {"body", "We need to decide."},
                                      {"links", {"https://a.example/1", "https://a.example/1", "https://b.example"}},
                                      {"experiment", "alldispatch"}});
  ASSERT_TRUE(item.ok()) << item.error().message;
  EXPECT_EQ(item->section, Section::management_issues);
  EXPECT_EQ(item->title, "Alldispatch - way forward");
  EXPECT_EQ(item->links, (std::vector<std::string>{"https://a.example/1", "https://b.example"}));
  EXPECT_EQ(item->experiment, "alldispatch");
  EXPECT_TRUE(item->id.empty());
}

TEST(NewItem, Errors) {
  auto unknown = new_item_from_json(json{{"section", "gossip"}, {"title", "x"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "unknown_section");
  for (Section s : all_sections())
    EXPECT_NE(unknown.error().message.find(std::string(slug(s))), std::string::npos) << slug(s);

  auto empty = new_item_from_json(json{{"section", "aob"}, {"title", "   "}});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, "title_required");
  EXPECT_NE(empty.error().message.find("title"), std::string::npos);
  EXPECT_EQ(new_item_from_json(json{{"section", "aob"}}).error().code, "title_required");

  auto bad_link = new_item_from_json(json{{"section", "aob"}, {"title", "x"}, {"links", {"https://a", 7}}});
  ASSERT_FALSE(bad_link.ok());
  EXPECT_EQ(bad_link.error().code, "bad_type");
  EXPECT_NE(bad_link.error().message.find("links[1]"), std::string::npos);
  EXPECT_EQ(new_item_from_json(json{{"section", "aob"}, {"title", "x"}, {"links", "https://a"}}).error().code,
            "bad_type");
  EXPECT_EQ(new_item_from_json(json{{"title", "x"}}).error().code, "missing_field");
  EXPECT_EQ(new_item_from_json(json{{"section", "aob"}, {"title", 3}}).error().code, "bad_type");
}

TEST(OtherBodies, SectionRegretAndFormalEntry) {
  EXPECT_EQ(*section_from_json(json{{"section", "aob"}}), Section::aob);
  EXPECT_EQ(section_from_json(json{{"section", "nope"}}).error().code, "unknown_section");
  EXPECT_EQ(*regret_from_json(json{{"member", " Roman "}}), "Roman");
  EXPECT_EQ(regret_from_json(json{{"member", ""}}).error().code, "member_required");
  auto e = formal_entry_from_json(json{{"section", "2.1.1"}, {"name", "draft-x"}});
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->section, "2.1.1");
  EXPECT_EQ(formal_entry_from_json(json{{"section", "2.1.1"}}).error().code, "missing_field");
}

TEST(OtherBodies, ArraysAndObjectsWhereAStringIsExpectedNameTheField) {
  for (json wrong : {json::array({"Roman"}), json{{"name", "Roman"}}, json(1.5), json(2147483648LL)}) {
    auto regret = regret_from_json({{"member", wrong}});
    ASSERT_FALSE(regret.ok());
    EXPECT_EQ(regret.error().code, "bad_type");
    EXPECT_TRUE(regret.error().message.starts_with("member: ")) << regret.error().message;
    auto item = new_item_from_json({{"section", "management-issues"}, {"title", wrong}});
    EXPECT_EQ(item.error().code, "bad_type");
    auto links = new_item_from_json({{"section", "management-issues"}, {"title", "t"}, {"links", {wrong}}});
    EXPECT_EQ(links.error().message, "links[0]: must be a string");
    auto call = new_telechat_from_json({{"date", "2030-01-01"}, {"kind", "formal"}, {"call", {{"url", wrong}}}}, 0);
    EXPECT_EQ(call.error().message, "call.url: must be a string");
    auto entry = formal_entry_from_json({{"section", "2.1.1"}, {"name", wrong}});
    EXPECT_EQ(entry.error().code, "bad_type");
    EXPECT_EQ(section_from_json({{"section", wrong}}).error().code, "bad_type");
  }
}

TEST(Input, CancellationDefaultsToCancelAndNeedsABoolean) {
  EXPECT_TRUE(*cancellation_from_json(json::object()));
  EXPECT_FALSE(*cancellation_from_json(json{{"cancelled", false}}));
  EXPECT_EQ(cancellation_from_json(json{{"cancelled", "no"}}).error().code, "bad_type");
  EXPECT_EQ(cancellation_from_json(json::array()).error().code, "bad_type");
}

}  // namespace
}  // namespace convene::telechat
