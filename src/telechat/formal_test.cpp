#include "convene/telechat/formal.h"

#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"

namespace convene::telechat {
namespace {

TEST(Formal, EmbeddedSectionsMatchTheDatatrackerTsv) {
  std::istringstream tsv(testing::read_shared("data/telechat/iesg_telechat_agenda_sections.tsv"));
  std::vector<std::pair<std::string, std::string>> rows;
  for (std::string line; std::getline(tsv, line);) {
    if (line.empty()) continue;
    auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  ASSERT_EQ(rows.size(), 45u);
  ASSERT_EQ(formal_sections().size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(formal_sections()[i].number, rows[i].first);
    EXPECT_EQ(formal_sections()[i].title, rows[i].second);
  }
}

TEST(Formal, PathsAndDepth) {
  EXPECT_EQ(formal_path("2.1.1"), "Protocol actions > WG submissions > New items");
  EXPECT_EQ(formal_path("3.4.2"),
            "Document actions > IRTF and Independent Submission stream documents > Returning items");
  EXPECT_EQ(formal_path("9.9"), "");
  EXPECT_EQ(find_formal_section("4.2.1")->depth(), 3);
  EXPECT_EQ(find_formal_section("6")->depth(), 1);
}

TEST(Formal, DocumentsAndWgActionsGoToLeavesOfTheirParts) {
  FormalAgenda a;
  ASSERT_TRUE(place_document(a, {"2.1.1", "draft-ietf-quic-v2", "QUIC Version 2", "Zaheduzzaman"}).ok());
  ASSERT_TRUE(place_document(a, {"3.4.2", "draft-irtf-cfrg-x", "X", ""}).ok());
  ASSERT_TRUE(place_wg_action(a, {"4.1.1", "newwg", "New WG", "Murray"}).ok());
  EXPECT_EQ(place_document(a, {"4.1.1", "draft-x", "", ""}).error().code, "not_a_document_section");
  EXPECT_EQ(place_document(a, {"2.1", "draft-x", "", ""}).error().code, "not_a_document_section");
  EXPECT_EQ(place_document(a, {"2.9.9", "draft-x", "", ""}).error().code, "unknown_formal_section");
  EXPECT_EQ(place_wg_action(a, {"2.1.1", "wg", "", ""}).error().code, "not_a_wg_action_section");
  EXPECT_EQ(place_document(a, {"2.1.2", " ", "", ""}).error().code, "name_required");
  Status dup = place_document(a, {"3.1.1", "draft-ietf-quic-v2", "", ""});
  EXPECT_EQ(dup.error().code, "document_already_placed");
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  ASSERT_EQ(a.entries.size(), 3u);
  ASSERT_EQ(entries_in(a, "2.1.1").size(), 1u);
  EXPECT_EQ(entries_in(a, "2.1.1")[0]->name, "draft-ietf-quic-v2");
  EXPECT_TRUE(entries_in(a, "2.1.2").empty());
}

TEST(Formal, ManagementIssuesAreNumbered) {
  FormalAgenda a;
  EXPECT_EQ(*add_management_issue(a, {"Designated experts for RFC 9999", "Murray", ""}), "6.1");
  EXPECT_EQ(*add_management_issue(a, {"IANA early allocation", "", "body"}), "6.2");
  EXPECT_EQ(add_management_issue(a, {"", "x", ""}).error().code, "title_required");
  EXPECT_EQ(a.management.size(), 2u);
}

}  // namespace
}  // namespace convene::telechat
