#include "convene/telechat/import.h"

#include <gtest/gtest.h>

#include "convene/telechat/agenda.h"
#include "convene/telechat/render.h"
#include "test_support.h"

namespace convene::telechat {
namespace {

using testing::day;

struct Expected {
  Section section;
  std::string title;
  std::string owner;
  std::vector<std::string> links;
};

// Checks every item of `t` against `want`, in agenda order, and that each
// expected title fragment and link really is on the page.
void expect_items(const Telechat& t, const std::vector<Expected>& want, const std::string& page) {
  ASSERT_EQ(t.agenda.items.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const Item& got = t.agenda.items[i];
    SCOPED_TRACE("item " + std::to_string(i) + ": " + got.title);
    EXPECT_EQ(got.section, want[i].section);
    EXPECT_EQ(got.title, want[i].title);
    EXPECT_EQ(got.owner, want[i].owner);
    EXPECT_EQ(got.links, want[i].links);
    EXPECT_EQ(got.history, (std::vector<HistoryEntry>{{t.date, want[i].section}}));
    EXPECT_FALSE(got.closed);
    for (const std::string& url : want[i].links) EXPECT_NE(page.find(url), std::string::npos) << url;
    if (!want[i].owner.empty()) {
      EXPECT_NE(page.find("(" + want[i].owner + ")"), std::string::npos);
    }
  }
}

const char* kWebex = "https://ietf.webex.com/ietf/j.php?MTID=m3cc48bcbd48465d4da48d0197a6e7bb2";
const char* kCalendar =
    "https://calendar.google.com/calendar/ical/"
    "ietf.org_vad13t4tfg35fc27nispen5pnc%40group.calendar.google.com/public/basic.ics";

TEST(ImportMarkdown, SeedPageEverySectionAndItem) {
  std::string page = testing::seed_page();
  auto t = import_markdown(page);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->date, day("2024-12-12"));
  EXPECT_EQ(t->kind, Kind::informal);
  EXPECT_EQ(t->call.url, kWebex);
  EXPECT_EQ(t->call.number, "2427 431 7054");
  EXPECT_EQ(t->call.password, "12345");
  EXPECT_EQ(t->calendar_url, kCalendar);
  EXPECT_TRUE(t->regrets.empty());
  expect_items(*t,
               {{Section::management_issues, "Alldispatch - way forward", "Francesca",
                 {"https://mailarchive.ietf.org/arch/msg/iesg/KBuTBDTmbZ_gLUqs-sLGRqbzwmE/",
                  "https://mailarchive.ietf.org/arch/msg/iesg/f9Wobp7iWQKJVTjdGvvwOqxufG4/",
                  "https://ietf.co1.qualtrics.com/results/public/"
                  "aWV0Zi1VUl8zT3laRG9JQWxidUkxZ0otNjc0M2NkNjc3NGI0MzEwMDA4OGUyMDMw#/pages/"
                  "Page_347e0ec3-ea66-4185-8521-9ca4f735222c",
                  "https://mailarchive.ietf.org/arch/msg/ietf/PUdhNRU9XjRdcDEuS3-TcEClxyA/",
                  "https://mailarchive.ietf.org/arch/search/?q=alldispatch%20feedback&f_list=iesg"}},
                {Section::parking_lot, "New co-chair for HotRFC needed", "Secretariat",
                 {"https://mailarchive.ietf.org/arch/msg/iesg/F5O6IVJ8B-CO1i1g5vbvfHLdulU/#"}}},
               page);
  const Item& alldispatch = t->agenda.items[0];
  EXPECT_TRUE(alldispatch.body.starts_with("We need to decide on the Alldispatch experiment. Relevant:\n"
                                           "- initial announcement: https://"))
      << alldispatch.body;
  EXPECT_TRUE(alldispatch.body.ends_with("f_list=iesg")) << alldispatch.body;
  EXPECT_TRUE(t->agenda.items[1].body.empty());
  EXPECT_EQ(alldispatch.id, "2024-12-12.1");
  EXPECT_EQ(t->agenda.items[1].id, "2024-12-12.2");
  EXPECT_TRUE(meeting(*t));
}

TEST(ImportMarkdown, InformalAgendaPageEverySectionAndItem) {
  std::string page = testing::informal_page();
  auto t = import_markdown(page);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->date, day("2026-08-27"));
  EXPECT_EQ(t->call.url, kWebex);
  EXPECT_EQ(t->call.number, "2427 431 7054");
  EXPECT_EQ(t->call.password, "12345");
  EXPECT_EQ(t->calendar_url, kCalendar);
  EXPECT_TRUE(t->regrets.empty());
  // The page lists Executive Sessions before AOB; the agenda value keeps the fixed order.
  expect_items(
      *t,
      {{Section::management_issues, "Update to \"Guidance on Area Director Sponsoring of Documents\"",
        "Roman, Mahesh",
        {"https://docs.google.com/document/d/1ZEv89umNXWU6JlxXbQiYo5teLdeUwPjDvjM9l2E3iaY/edit?tab=t.0"}},
       {Section::management_issues, "Guiance to directorate reviewers about using tools for reviews",
        "Deb, Tommy",
        {"https://docs.google.com/document/d/1myapEKv6DmGHZwy9xxgPGpX7E84G4S0gv9i_Co0_WIQ/"
         "edit?usp=sharing"}},
       {Section::aob, "Liaison statements to IAB and IESG", "Dhruv", {}},
       {Section::executive_sessions, "Appeal processing", "Roman", {}},
       {Section::parking_lot,
        "Ombudsteam Requests Update to IESG Statement on Harassment (invite ombudsteam to join)", "", {}},
       {Section::deferred,
        "IESG review of liaison statement drafts (4052bis & 4053bis), hopefully with Suresh present "
        "for discussion [raised at IETF 126 joint meeting]",
        "", {}},
       {Section::deferred, "`code` formatting in drafts, `.txt` output and doc production", "Inacio", {}}},
      page);
  for (const Item& item : t->agenda.items) {
    EXPECT_TRUE(item.body.empty()) << item.title;
    EXPECT_NE(page.find(item.title.substr(item.title.size() - std::min<std::size_t>(item.title.size(), 20))), std::string::npos) << item.title;
  }
  EXPECT_TRUE(meeting(*t));
}

TEST(ImportMarkdown, RoundTripBothPages) {
  for (const std::string& page : {testing::seed_page(), testing::informal_page()}) {
    auto first = import_markdown(page);
    ASSERT_TRUE(first.ok()) << first.error().message;
    std::string exported = render_markdown(*first, Audience::iesg);
    auto second = import_markdown(exported);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(*first, *second) << exported;
    EXPECT_EQ(render_markdown(*second, Audience::iesg), exported);
    for (const Item& item : first->agenda.items)
      for (const std::string& url : item.links) EXPECT_NE(exported.find(url), std::string::npos) << url;
  }
}

TEST(ImportMarkdown, PublicExportRoundTripsWithoutCallDetails) {
  auto first = import_markdown(testing::seed_page());
  ASSERT_TRUE(first.ok());
  auto second = import_markdown(render_markdown(*first, Audience::public_view));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_TRUE(second->call.empty());
  second->call = first->call;
  EXPECT_EQ(*first, *second);
}

TEST(ImportMarkdown, ExportKeepsFixedSectionOrder) {
  auto t = import_markdown(testing::informal_page());
  ASSERT_TRUE(t.ok());
  std::string md = render_markdown(*t, Audience::iesg);
  std::size_t last = 0;
  for (Section s : all_sections()) {
    std::size_t at = md.find("### " + std::string(title(s)) + "\n");
    ASSERT_NE(at, std::string::npos) << title(s);
    EXPECT_GT(at, last) << title(s);
    last = at;
  }
  EXPECT_NE(md.find("#### 1. [Update to \"Guidance on Area Director Sponsoring of Documents\"]"
                    "(https://docs.google.com/document/d/1ZEv89umNXWU6JlxXbQiYo5teLdeUwPjDvjM9l2E3iaY/"
                    "edit?tab=t.0) (Roman, Mahesh)"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("* `code` formatting in drafts, `.txt` output and doc production (Inacio)"),
            std::string::npos);
}

TEST(ImportMarkdown, ItemWithBodyLinksAndExperimentRoundTrips) {
  Telechat t;
  t.date = day("2026-12-10");
  Item a;
  a.id = "2026-12-10.1";
  a.section = Section::management_issues;
  a.title = "Alldispatch: decide [for IETF 127]";
  a.owner = "Francesca";
  a.body = "Evidence so far:\n\n- survey: https://example.org/survey\n- notes *draft*";
  a.links = {"https://example.org/decision", "https://example.org/survey", "https://example.org/extra"};
  a.experiment = "alldispatch";
  Item b;
  b.id = "2026-12-10.2";
  b.section = Section::parking_lot;
  b.title = "2. A title that looks like a list";
  b.body = "More text.";
  b.links = {"https://example.org/p"};
  b.experiment = "alldispatch";
  append_item(t, a);
  append_item(t, b);
  std::string md = render_markdown(t, Audience::secretariat);
  EXPECT_NE(md.find("Experiment: alldispatch"), std::string::npos);
  auto back = import_markdown(md);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->agenda, t.agenda) << md;
}

TEST(ImportMarkdown, Errors) {
  auto no_title = import_markdown("### Parking Lot\n* x\n");
  ASSERT_FALSE(no_title.ok());
  EXPECT_EQ(no_title.error().code, "page_title_missing");

  auto bad_date = import_markdown("# Informal Telechat - Smarch 42, 2024\n");
  ASSERT_FALSE(bad_date.ok());
  EXPECT_EQ(bad_date.error().code, "bad_page_date");

  auto bad_section = import_markdown("# Informal Telechat - December 12, 2024\n## Agenda\n### Gossip\n* x\n");
  ASSERT_FALSE(bad_section.ok());
  EXPECT_EQ(bad_section.error().code, "unknown_section");
  EXPECT_NE(bad_section.error().message.find("Gossip"), std::string::npos);
  EXPECT_NE(bad_section.error().message.find("Topics Deferred Till Next Informal"), std::string::npos);
}

}  // namespace
}  // namespace convene::telechat
