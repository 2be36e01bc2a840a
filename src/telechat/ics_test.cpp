#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <cstdlib>
#include <memory>

#include <unistd.h>

#include "convene/telechat/render.h"
#include "test_support.h"

namespace convene::telechat {
namespace {

using testing::day;

// Runs python3-icalendar on `ics` and returns one line per VEVENT:
// "UID|STATUS|SEQUENCE|DTSTART-as-UTC".
std::string parse_with_python(const std::string& ics) {
  char path[] = "/tmp/convene_telechat_XXXXXX";
  int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  std::ofstream(path) << ics;
  std::string cmd =
      "/usr/bin/python3 -c 'import sys, icalendar\n"
      "cal = icalendar.Calendar.from_ical(open(sys.argv[1]).read())\n"
      "for e in cal.walk(\"VEVENT\"):\n"
      "    print(\"%s|%s|%s|%s\" % (e[\"UID\"], e[\"STATUS\"], e[\"SEQUENCE\"], "
      "e.decoded(\"DTSTART\").strftime(\"%Y-%m-%dT%H:%M:%S%z\")))' " +
      std::string(path);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  char buf[512];
  while (pipe && fgets(buf, sizeof buf, pipe.get())) out += buf;
  int status = pclose(pipe.release());
  EXPECT_EQ(status, 0) << out;
  close(fd);
  std::remove(path);
  return out;
}

std::vector<FeedEntry> series_feed() {
  SeriesSettings s;
  s.first_date = day("2026-12-10");
  s.cancelled.insert(day("2026-12-24"));
  s.moved[day("2027-01-07")] = day("2027-01-06");
  std::vector<FeedEntry> out;
  for (const Occurrence& o : occurrences(s, day("2026-12-01"), day("2027-01-10")))
    out.push_back({o, start_utc(s, o.date), 120, {"https://webex.example/SECRET-URL", "NUM-SECRET", "PW-SECRET"}});
  return out;
}

TEST(Ics, PythonIcalendarReadsUidsStatusAndTimes) {
  std::string ics = render_ics(series_feed(), Audience::public_view, {"https://convene.example", 1795000000});
  EXPECT_EQ(parse_with_python(ics),
            "telechat-informal-2026-12-10@convene|CONFIRMED|0|2026-12-10T15:00:00+0000\n"
            "telechat-informal-2026-12-24@convene|CANCELLED|1|2026-12-24T15:00:00+0000\n"
            "telechat-informal-2027-01-07@convene|CONFIRMED|1|2027-01-06T15:00:00+0000\n");
  for (const char* secret : {"SECRET-URL", "NUM-SECRET", "PW-SECRET"})
    EXPECT_EQ(ics.find(secret), std::string::npos) << secret;
  EXPECT_NE(ics.find("DTSTART:20261210T150000Z"), std::string::npos) << ics;
  EXPECT_NE(ics.find("STATUS:CANCELLED"), std::string::npos);
}

TEST(Ics, PrivateFeedCarriesCallDetails) {
  std::string ics = render_ics(series_feed(), Audience::iesg, {"https://convene.example", 0});
  EXPECT_NE(parse_with_python(ics).find("telechat-informal-2026-12-24@convene|CANCELLED"), std::string::npos);
  EXPECT_NE(ics.find("LOCATION:https://webex.example/SECRET-URL"), std::string::npos) << ics;
  EXPECT_NE(ics.find("PW-SECRET"), std::string::npos);
}

TEST(Ics, UidsAreStable) {
  EXPECT_EQ(event_uid(Kind::informal, day("2026-12-10")), "telechat-informal-2026-12-10@convene");
  EXPECT_EQ(event_uid(Kind::formal, day("2026-12-17")), "telechat-formal-2026-12-17@convene");
  EXPECT_EQ(render_ics(series_feed(), Audience::public_view, {"", 5}),
            render_ics(series_feed(), Audience::public_view, {"", 5}));
}

}  // namespace
}  // namespace convene::telechat
