#include <cmark-gfm.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "convene/dispatch/dispatch.h"
#include "test_support.h"

namespace convene {
namespace {

using namespace convene::testing;
using nlohmann::json;

Agenda sample(int topics) {
  std::vector<DispatchRequest> reqs;
  for (int i = 1; i <= topics; ++i) {
    DispatchRequest r = request(i, "121", "alldispatch", RequestState::accepted, 100 + i,
                                "draft-topic-" + std::string(1, static_cast<char>('a' + i - 1)));
    r.presenter = "presenter" + std::to_string(i) + "@example.net";
    r.flags = {"resubmission"};
    reqs.push_back(r);
  }
  reqs[0] = dispatched(reqs[0], OutcomeKind::existing_wg, "httpbis", at("2024-11-04T15:45:00Z"));
  reqs[0].outcome->notes = "Chairs to confirm on the list";
  reqs.push_back(request(50, "121", "alldispatch", RequestState::pending, 1, "draft-waiting"));
  Agenda a = build_agenda(consolidated_meeting(), "alldispatch", 90, reqs,
                          {"Jim Fenton", "Daniel Kahn Gillmor"});
  fill_titles(a, {{"draft-topic-a", "Title of draft-topic-a"}});
  return a;
}

std::string html_of(const std::string& md) {
  char* html = cmark_markdown_to_html(md.c_str(), md.size(), CMARK_OPT_DEFAULT);
  std::string out(html);
  std::free(html);
  return out;
}

TEST(AgendaJson, PublicFieldsAndCapacity) {
  json j = to_json(sample(8));
  EXPECT_EQ(j["meeting"], "121");
  EXPECT_EQ(j["meeting_title"], "IETF 121");
  EXPECT_EQ(j["venue"], "alldispatch");
  EXPECT_EQ(j["venue_title"], "ALLDISPATCH");
  EXPECT_EQ(j["dispatch_mode"], "consolidated");
  EXPECT_EQ(j["session_minutes"], 90);
  EXPECT_EQ(j["used_minutes"], 96);
  EXPECT_EQ(j["free_minutes"], 0);
  EXPECT_EQ(j["overflow_minutes"], 6);
  EXPECT_EQ(j["chairs_table"], json({"Jim Fenton", "Daniel Kahn Gillmor"}));
  ASSERT_EQ(j["items"].size(), 8u);
  const json& first = j["items"][0];
  EXPECT_EQ(first["number"], 1);
  EXPECT_EQ(first["draft"], "draft-topic-a");
  EXPECT_EQ(first["rev"], "00");
  EXPECT_EQ(first["title"], "Title of draft-topic-a");
  EXPECT_EQ(first["presenter"], "presenter1@example.net");  // shown as given
  EXPECT_EQ(first["question"], "Question 1");
  EXPECT_EQ(first["areas"], json({"art"}));
  EXPECT_EQ(first["minutes"], 12);
  EXPECT_EQ(first["start_offset_min"], 0);
  EXPECT_EQ(first["state"], "dispatched");
  EXPECT_EQ(first["outcome"]["kind"], "existing-wg");
  EXPECT_EQ(first["outcome"]["target"], "httpbis");
  EXPECT_EQ(first["outcome"]["notes"], "Chairs to confirm on the list");
  EXPECT_EQ(first["outcome"]["at"], "2024-11-04T15:45:00Z");
  EXPECT_EQ(j["items"][7]["start_offset_min"], 84);
  EXPECT_EQ(j["items"][7]["overflows"], true);
  EXPECT_TRUE(j["items"][1]["outcome"].is_null());
}

TEST(AgendaJson, NoPendingRequestsNoRequesterOrRecorderEmails) {
  json j = to_json(sample(3));
  std::string text = j.dump();
  EXPECT_FALSE(j.contains("pending"));
  EXPECT_EQ(text.find("draft-waiting"), std::string::npos);
  EXPECT_EQ(text.find("proponent"), std::string::npos);
  EXPECT_EQ(text.find("chair@example.org"), std::string::npos);
  EXPECT_EQ(text.find("flags"), std::string::npos);
  EXPECT_EQ(j["free_minutes"], 54);
}

TEST(AgendaJson, ChairsViewAddsPendingFlagsAndRequesters) {
  json j = to_chairs_json(sample(2));
  ASSERT_EQ(j["pending"].size(), 1u);
  EXPECT_EQ(j["pending"][0]["draft"], "draft-waiting");
  EXPECT_EQ(j["items"][0]["flags"], json({"resubmission"}));
  EXPECT_EQ(j["items"][1]["requested_by"], "proponent2@example.org");
}

TEST(AgendaMarkdown, ReadablePageWithEverything) {
  std::string md = to_markdown(sample(7));
  EXPECT_EQ(md.rfind("# ALLDISPATCH agenda, IETF 121\n", 0), 0u);
  EXPECT_NE(md.find("Joint session of DISPATCH, SECDISPATCH and GENDISPATCH"), std::string::npos);
  EXPECT_NE(md.find("- Meeting: Dublin, 2–8 November 2024 (Europe/Dublin), In person"),
            std::string::npos);
  EXPECT_NE(md.find("- Internet-Draft cutoff: Tuesday 22 October 2024, 00:59 Europe/Dublin "
                    "(Monday 21 October 2024, 23:59 UTC)\n"),
            std::string::npos);
  EXPECT_NE(md.find("- Session: 90 minutes; 7 topics, 84 minutes scheduled, 6 minutes free"),
            std::string::npos);
  EXPECT_NE(md.find("## Chairs' table\n\n- Jim Fenton\n- Daniel Kahn Gillmor\n"), std::string::npos);
  EXPECT_NE(md.find("### 1. Title of draft-topic-a (12 mins)\n"), std::string::npos);
  EXPECT_NE(md.find("### 2. draft-topic-b (12 mins)\n"), std::string::npos);
  EXPECT_NE(md.find("- Presenter: presenter2@example.net\n"), std::string::npos);
  EXPECT_NE(md.find("- Draft: [draft-topic-b-00](https://datatracker.ietf.org/doc/draft-topic-b/)\n"),
            std::string::npos);
  EXPECT_NE(md.find("- Areas: ART\n"), std::string::npos);
  EXPECT_NE(md.find("- Time: minutes 72 to 84\n"), std::string::npos);
  EXPECT_NE(md.find("- Dispatch question: Question 2\n"), std::string::npos);
  EXPECT_NE(md.find("- **Outcome:** Direct to an existing WG: httpbis\n- Notes: Chairs to confirm"),
            std::string::npos);
  EXPECT_EQ(md.find("draft-waiting"), std::string::npos);
  EXPECT_EQ(md.find("proponent"), std::string::npos);
  EXPECT_EQ(md.find("Over capacity"), std::string::npos);
}

TEST(AgendaMarkdown, OverCapacityIsSaidAndTheItemMarked) {
  std::string md = to_markdown(sample(8));
  EXPECT_NE(md.find("**Over capacity by 6 minutes:** 96 minutes of topics in a 90-minute session"),
            std::string::npos);
  EXPECT_NE(md.find("- Time: minutes 84 to 96, past the end of the 90-minute session\n"),
            std::string::npos);
}

TEST(AgendaMarkdown, EmptyAgendaAndPerAreaVenue) {
  Agenda a = build_agenda(per_area_meeting(), "secdispatch", 120, {}, {});
  std::string md = to_markdown(a);
  EXPECT_EQ(md.rfind("# SECDISPATCH agenda, IETF 122\n", 0), 0u);
  EXPECT_EQ(md.find("Joint session"), std::string::npos);
  EXPECT_NE(md.find("Not yet agreed."), std::string::npos);
  EXPECT_NE(md.find("No topics accepted yet."), std::string::npos);
  EXPECT_NE(md.find("0 topics, 0 minutes scheduled, 120 minutes free"), std::string::npos);
}

TEST(AgendaMarkdown, NotIetfShowsTheSuggestedVenue) {
  DispatchRequest r = dispatched(request(1, "121", "alldispatch", RequestState::accepted, 1),
                                 OutcomeKind::not_ietf, "W3C", 2);
  std::string md = to_markdown(build_agenda(consolidated_meeting(), "alldispatch", 90, {r}, {}));
  EXPECT_NE(md.find("- **Outcome:** Not appropriate for the IETF (suggested venue: W3C)\n"),
            std::string::npos);
}

TEST(AgendaMarkdown, OtherDispatchShowsTheVenue) {
  DispatchRequest r = request(1, "122", "dispatch", RequestState::accepted, 1);
  r = dispatched(r, OutcomeKind::other_dispatch, "secdispatch", 2);
  std::string md = to_markdown(build_agenda(per_area_meeting(), "dispatch", 60, {r}, {}));
  EXPECT_NE(md.find("- **Outcome:** Routed to another dispatch venue: SECDISPATCH\n"),
            std::string::npos);
}

TEST(AgendaMarkdown, TextFromPeopleCannotAddHtmlLinksOrStructure) {
  DispatchRequest r = request(1, "121", "alldispatch", RequestState::accepted, 1);
  r.question = "<script>alert(1)</script> *bold* [x](javascript:alert(1)) &amp;\n# not a heading";
  r.presenter = "<img src=x onerror=alert(1)>";
  std::string md = to_markdown(build_agenda(consolidated_meeting(), "alldispatch", 90, {r},
                                            {"[Chair](http://evil.example)"}));
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos);
  std::string html = html_of(md);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<em>bold"), std::string::npos);
  EXPECT_EQ(html.find("javascript:alert(1)\""), std::string::npos);
  EXPECT_EQ(html.find("evil.example\""), std::string::npos);
  EXPECT_EQ(html.find("<h1>not a heading"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; *bold*"), std::string::npos) << html;
  EXPECT_NE(html.find("&amp;amp;"), std::string::npos);
  // The draft link itself is a real link.
  EXPECT_NE(html.find("<a href=\"https://datatracker.ietf.org/doc/draft-foo-bar/\">"), std::string::npos);
}

// Item headings follow the real DISPATCH agendas: "### <topic> (<n> mins)".
TEST(AgendaMarkdown, HeadingsHaveTheShapeOfRealDispatchAgendas) {
  std::ifstream in(CONVENE_SHARED_DIR "/data/dispatch/dispatch_agenda_ietf115.md");
  ASSERT_TRUE(in) << "needs ../shared/data/dispatch/dispatch_agenda_ietf115.md";
  std::stringstream real;
  real << in.rdbuf();
  // Counts lines "### <text> (<digits> mins)".
  auto count = [](const std::string& text) {
    std::istringstream lines(text);
    int n = 0;
    for (std::string line; std::getline(lines, line);) {
      line.erase(line.find_last_not_of(" \r") + 1);  // the real files end lines in " \r\n"
      std::size_t open = line.rfind(" (");
      if (line.rfind("### ", 0) != 0 || open == std::string::npos || open <= 4) continue;
      std::string tail = line.substr(open + 2);
      std::size_t digits = tail.find_first_not_of("0123456789");
      if (digits > 0 && digits != std::string::npos && tail.substr(digits) == " mins)") ++n;
    }
    return n;
  };
  EXPECT_GE(count(real.str()), 4);
  EXPECT_EQ(count(to_markdown(sample(7))), 7);
}

}  // namespace
}  // namespace convene
