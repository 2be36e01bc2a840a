#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "convene/agenda/render.h"
#include "test_data.h"

namespace convene::agenda {
namespace {

using Row = std::vector<std::string>;

// A line of all-quoted CSV fields ("a","b ""c""",...).
Row csv_fields(const std::string& line) {
  Row out;
  std::string field;
  bool quoted = false;
  for (std::size_t k = 0; k < line.size(); ++k) {
    char c = line[k];
    if (quoted && c == '"' && k + 1 < line.size() && line[k + 1] == '"') field += line[++k];
    else if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) out.push_back(std::move(field)), field.clear();
    else field += c;
  }
  out.push_back(field);
  return out;
}

std::vector<Row> csv_rows(const std::string& text) {
  std::vector<Row> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(csv_fields(line));
  return out;
}

std::set<std::string> problem_groups(const schedule::Problem& p) {
  std::set<std::string> out;
  for (const schedule::Session& s : p.sessions) out.insert(s.group);
  return out;
}

// Date, Start, End, Room, Acronym of each session row.
std::multiset<Row> session_keys(const std::vector<Row>& rows, const std::set<std::string>& groups) {
  std::multiset<Row> out;
  for (std::size_t k = 1; k < rows.size(); ++k)
    if (rows[k].size() == 12 && groups.count(rows[k][6])) out.insert({rows[k][0], rows[k][1], rows[k][2], rows[k][4], rows[k][6]});
  return out;
}

class Ietf83Render : public ::testing::Test {
 protected:
  testing::Ietf83 data = testing::ietf83();
  Agenda agenda = build_agenda(data.input());
};

TEST_F(Ietf83Render, CsvHeadingsAndQuoting) {
  std::string csv = to_csv(agenda, false);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            R"("Date","Start","End","Session","Room","Area","Acronym","Type","Description","Session ID","Agenda","Slides")");
  std::vector<Row> rows = csv_rows(csv);
  ASSERT_EQ(rows.size(), 131u);
  for (const Row& r : rows) EXPECT_EQ(r.size(), 12u);
}

TEST_F(Ietf83Render, CsvSessionRowsMatchThePublishedAgenda) {
  std::set<std::string> groups = problem_groups(data.problem);
  std::multiset<Row> real = session_keys(csv_rows(testing::data_file("agendas/agenda-83.csv")), groups);
  std::multiset<Row> ours = session_keys(csv_rows(to_csv(agenda, false)), groups);
  EXPECT_EQ(real.size(), 130u);
  for (const Row& r : real) EXPECT_EQ(ours.count(r), real.count(r)) << r[4] << " " << r[0] << " " << r[1];
  // The official schedule of the problem is the one published: nothing of
  // ours is missing from the real file.
  std::size_t extra = 0;
  for (const Row& r : ours) extra += real.count(r) == 0;
  EXPECT_EQ(extra, 0u);
}

TEST_F(Ietf83Render, CsvRowFieldsLikeTheRealFile) {
  // "2012-03-26","0900","1130","Morning Session I","252B","APP","appsawg","WG",...
  std::vector<Row> rows = csv_rows(to_csv(agenda, false));
  auto appsawg = std::find_if(rows.begin(), rows.end(), [](const Row& r) { return r[6] == "appsawg"; });
  ASSERT_NE(appsawg, rows.end());
  EXPECT_EQ(*appsawg, (Row{"2012-03-26", "0900", "1130", "Morning Session I", "252B", "APP", "appsawg", "WG",
                           "appsawg", "appsawg-1", "", ""}));
  auto utc = csv_rows(to_csv(agenda, true));
  auto same = std::find_if(utc.begin(), utc.end(), [](const Row& r) { return r[6] == "appsawg"; });
  EXPECT_EQ((*same)[1], "0700");
  EXPECT_EQ((*same)[2], "0930");
}

// Real text session lines as {date heading, "HHMM-HHMM", room, acronym}.
std::multiset<Row> text_keys(const std::string& text, const std::set<std::string>& groups) {
  std::multiset<Row> out;
  std::istringstream in(text);
  std::string day, time;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find("DAY, ") != std::string::npos && line.find('\t') == std::string::npos) day = line;
    else if (line.size() >= 11 && line[4] == '-' && line.substr(9, 2) == "  ") time = line.substr(0, 9);
    std::vector<std::string> cols;
    std::istringstream cells(line);
    for (std::string c; std::getline(cells, c, '\t');) cols.push_back(c.substr(0, c.find_last_not_of(' ') + 1));
    if (cols.size() == 4 && groups.count(cols[2])) out.insert({day, time, cols[0], cols[2]});
  }
  return out;
}

TEST_F(Ietf83Render, TextSessionLinesMatchThePublishedAgenda) {
  std::set<std::string> groups = problem_groups(data.problem);
  std::multiset<Row> real = text_keys(testing::data_file("agendas/agenda-83.txt"), groups);
  std::multiset<Row> ours = text_keys(to_text(agenda, false), groups);
  EXPECT_EQ(real.size(), 130u);
  EXPECT_EQ(ours.size(), 130u);
  for (const Row& r : real) EXPECT_EQ(ours.count(r), real.count(r)) << r[0] << " " << r[1] << " " << r[3];
  std::size_t extra = 0;
  for (const Row& r : ours) extra += real.count(r) == 0;
  EXPECT_EQ(extra, 0u);  // as for the CSV: the official schedule is the published one
}

TEST_F(Ietf83Render, TextLayoutOfHeadingsAndRows) {
  std::string text = to_text(agenda, false);
  EXPECT_NE(text.find("                    Agenda of the 83rd IETF Meeting                     \n"), std::string::npos);
  EXPECT_NE(text.find("\nMONDAY, March 26, 2012\n0900-1130  Morning Session I\n"
                      "252B            \tAPP \tappsawg     \tappsawg WG\n"),
            std::string::npos)
      << text.substr(0, 1500);
  EXPECT_NE(text.find("253             \tIRTF\tncrg        \tncrg \n"), std::string::npos);
  EXPECT_NE(to_text(agenda, true).find("0700-0930  Morning Session I"), std::string::npos);
}

TEST_F(Ietf83Render, CancelledSessionIsMarkedInText) {
  testing::Ietf83 again = testing::ietf83();
  Input in = again.input();
  in.cancelled = {"eai-1"};
  std::string text = to_text(build_agenda(in), false);
  EXPECT_NE(text.find("\teai         \teai WG - CANCELED\n"), std::string::npos);
}

TEST_F(Ietf83Render, DatatrackerJsonLayout) {
  nlohmann::json doc = nlohmann::json::parse(to_datatracker_json(agenda));
  ASSERT_TRUE(doc.contains("83"));
  std::map<std::string, int> counts;
  for (const auto& o : doc["83"]) counts[o["objtype"].get<std::string>()]++;
  EXPECT_EQ(counts["session"], 130);
  EXPECT_EQ(counts["location"], static_cast<int>(agenda.rooms.size()));
  EXPECT_EQ(counts["parent"], static_cast<int>(agenda.areas.size()));
  const nlohmann::json& s = doc["83"][0];
  std::set<std::string> keys;
  for (const auto& [k, v] : s.items()) keys.insert(k);
  EXPECT_EQ(keys, (std::set<std::string>{"objtype", "name", "session_id", "group", "location", "start", "duration",
                                         "status", "is_bof", "modified"}));
  std::set<std::string> group_keys;
  for (const auto& [k, v] : s["group"].items()) group_keys.insert(k);
  EXPECT_EQ(group_keys, (std::set<std::string>{"acronym", "name", "parent", "type", "state"}));
}

TEST_F(Ietf83Render, DatatrackerJsonKeysAreThoseOfTheRealFile) {
  nlohmann::json real = nlohmann::json::parse(testing::data_file("agendas/agenda_115.json"))["115"];
  nlohmann::json ours = nlohmann::json::parse(to_datatracker_json(agenda))["83"];
  std::map<std::string, std::set<std::string>> real_keys;
  for (const auto& o : real)
    for (const auto& [k, v] : o.items()) real_keys[o["objtype"].get<std::string>()].insert(k);
  for (const auto& o : ours) {
    for (const auto& [k, v] : o.items()) {
      if (k == "capacity") continue;  // ours only: the Datatracker's rooms carry floor-plan fields instead
      EXPECT_TRUE(real_keys[o["objtype"].get<std::string>()].count(k)) << k;
    }
  }
  const nlohmann::json& appsawg = *std::find_if(ours.begin(), ours.end(), [](const nlohmann::json& o) {
    return o["objtype"] == "session" && o["session_id"] == "appsawg-1";
  });
  EXPECT_EQ(appsawg["start"], "2012-03-26T07:00:00Z");
  EXPECT_EQ(appsawg["duration"], "2:30:00");
  EXPECT_EQ(appsawg["status"], "sched");
  EXPECT_EQ(appsawg["group"]["parent"], "app");
}

TEST_F(Ietf83Render, ViewGroupsByDayThenSlot) {
  nlohmann::json v = to_view(agenda, "");
  EXPECT_EQ(v["zone"], "Europe/Paris");
  EXPECT_FALSE(v["reader_zone"].get<bool>());
  const nlohmann::json& monday = v["days"][0];
  EXPECT_EQ(monday["heading"], "Monday, March 26, 2012");
  EXPECT_EQ(monday["slots"][0]["name"], "Morning Session I");
  EXPECT_EQ(monday["slots"][0]["time"], "0900-1130");
  const nlohmann::json& row = monday["slots"][0]["rows"][0];
  EXPECT_EQ(row["time"], "0900-1130");
  EXPECT_EQ(row["utc_time"], "0700-0930");
  EXPECT_EQ(row["href"], "/groups/appsawg");
  EXPECT_EQ(row["area"], "APP");
  std::size_t rows = 0;
  for (const auto& d : v["days"])
    for (const auto& s : d["slots"]) rows += s["rows"].size();
  EXPECT_EQ(rows, 130u);
  EXPECT_EQ(v["areas"].size(), agenda.areas.size());
  EXPECT_EQ(v["filter"]["tz"], "Europe/Paris");
}

TEST_F(Ietf83Render, ViewInTheReadersZone) {
  nlohmann::json v = to_view(agenda, "America/Los_Angeles");
  EXPECT_TRUE(v["reader_zone"].get<bool>());
  const nlohmann::json& first = v["days"][0]["slots"][0];
  EXPECT_EQ(first["time"], "0000-0230");  // 09:00 Paris is midnight in Los Angeles (PDT)
  EXPECT_EQ(first["utc_time"], "0700-0930");
  EXPECT_EQ(to_view(agenda, "Not/AZone")["zone"], "Europe/Paris");
}

}  // namespace
}  // namespace convene::agenda
