#include "convene/telechat/render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "convene/telechat/agenda.h"
#include "test_support.h"

namespace convene::telechat {
namespace {

using testing::day;
using testing::kNumber;
using testing::kPassword;
using testing::kUrl;
using testing::sample;

std::vector<FeedEntry> feed() {
  SeriesSettings s;
  s.first_date = day("2026-12-10");
  std::vector<FeedEntry> out;
  for (const Occurrence& o : occurrences(s, day("2026-12-01"), day("2027-01-01")))
    out.push_back({o, start_utc(s, o.date), 120, {kUrl, kNumber, kPassword}});
  return out;
}

// Every renderer for every role: the public view never shows a secret, the
// IESG and the secretariat see all three.
TEST(Visibility, EveryRendererEveryRole) {
  for (Kind kind : {Kind::informal, Kind::formal}) {
    Telechat t = sample(kind);
    for (Audience a : {Audience::public_view, Audience::iesg, Audience::secretariat}) {
      std::vector<std::pair<std::string, std::string>> outputs = {
          {"json", render_json(t, a).dump()},
          {"markdown", render_markdown(t, a)},
          {"ics", render_ics(feed(), a, {"https://convene.example", 0})}};
      for (const auto& [name, out] : outputs) {
        SCOPED_TRACE(name + " for " + std::string(to_string(a)) + ", " + std::string(to_string(kind)));
        for (const char* secret : {kUrl, kNumber, kPassword}) {
          bool shown = out.find(secret) != std::string::npos;
          EXPECT_EQ(shown, sees_private(a)) << secret;
        }
      }
    }
  }
}

TEST(RenderJson, MeetingSectionsItemsAndNumbers) {
  Telechat t = sample();
  nlohmann::json j = render_json(t, Audience::public_view);
  EXPECT_EQ(j["date"], "2026-12-10");
  EXPECT_EQ(j["kind"], "informal");
  EXPECT_EQ(j["meeting"], true);
  EXPECT_EQ(j["status"], "There WILL be a meeting on this date.");
  EXPECT_FALSE(j.contains("call"));
  ASSERT_EQ(j["sections"].size(), 9u);
  EXPECT_EQ(j["sections"][2]["slug"], "management-issues");
  EXPECT_EQ(j["sections"][8]["title"], "Topics Deferred Till Next Informal");
  const auto& item = j["sections"][2]["items"][0];
  EXPECT_EQ(item["number"], 1);
  EXPECT_EQ(item["owner"], "Francesca");
  EXPECT_EQ(item["experiment"], "alldispatch");
  EXPECT_EQ(item["history"][0]["section"], "management-issues");
  EXPECT_TRUE(j["sections"][5]["items"][0]["number"].is_null());  // the closed AOB item
  t.agenda.items.erase(t.agenda.items.begin());
  EXPECT_EQ(render_json(t, Audience::iesg)["meeting"], false);
  EXPECT_EQ(render_json(t, Audience::iesg)["call"]["password"], kPassword);
}

TEST(RenderJson, FormalStructure) {
  nlohmann::json j = render_json(sample(Kind::formal), Audience::public_view);
  ASSERT_EQ(j["formal"]["sections"].size(), 45u);
  EXPECT_EQ(j["formal"]["sections"][7]["number"], "2.1.1");
  EXPECT_EQ(j["formal"]["sections"][7]["entries"][0]["name"], "draft-ietf-quic-v2");
  EXPECT_EQ(j["formal"]["management"][0]["number"], "6.1");
}

TEST(RenderMarkdown, WikiLayout) {
  std::string md = render_markdown(sample(), Audience::public_view);
  EXPECT_NE(md.find("# Informal Telechat - December 10, 2026\n\nThere **WILL** be a meeting on this date."),
            std::string::npos);
  EXPECT_NE(md.find("## Regrets\n\n* Roman\n"), std::string::npos);
  EXPECT_NE(md.find("### Management Issues\n\n#### 1. Alldispatch - way forward (Francesca)\n"), std::string::npos);
  EXPECT_NE(md.find("Experiment: alldispatch"), std::string::npos);
  EXPECT_NE(md.find("* HotRFC \\<co-chair> & more (Secretariat)"), std::string::npos) << md;
  EXPECT_EQ(md.find("Settled"), std::string::npos);  // closed items are not on the page
  EXPECT_NE(render_markdown(sample(Kind::formal), Audience::public_view).find("#### 2.1.1 New items\n\n- draft-ietf-quic-v2"),
            std::string::npos);
}

TEST(RenderMarkdown, SingleDigitDaysAndNoMeeting) {
  Telechat t;
  t.date = day("2026-03-05");
  std::string md = render_markdown(t, Audience::iesg);
  EXPECT_NE(md.find("# Informal Telechat - March 5, 2026\n"), std::string::npos);
  EXPECT_NE(md.find("There will **NOT** be a meeting on this date."), std::string::npos);
}

}  // namespace
}  // namespace convene::telechat
