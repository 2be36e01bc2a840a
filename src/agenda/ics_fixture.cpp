// Writes IETF 83's calendar and Datatracker JSON into the directory given
// as the only argument (agenda.ics, agenda.json) for ics_check.py; eai-1 is
// cancelled and has moved once.
#include <fstream>
#include <iostream>

#include "convene/agenda/render.h"
#include "test_data.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: agenda_ics_fixture DIR\n";
    return 2;
  }
  using namespace convene::agenda;
  testing::Ietf83 data = testing::ietf83();
  Input in = data.input();
  in.cancelled = {"eai-1"};
  in.sequence = {{"eai-1", 1}};
  Agenda agenda = build_agenda(in);
  std::ofstream(std::string(argv[1]) + "/agenda.ics") << to_ics(agenda);
  std::ofstream(std::string(argv[1]) + "/agenda.json") << to_datatracker_json(agenda);
  return 0;
}
