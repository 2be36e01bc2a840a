#include <CLI/CLI.hpp>

#include "convene/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"convene: dispatch, agendas, schedules and telechats for a standards body"};
  app.require_subcommand(1);
  convene::cli::add_server_commands(app);
  convene::cli::add_user_commands(app);
  convene::cli::add_token_commands(app);
  convene::cli::add_schedule_commands(app);
  convene::cli::add_db_commands(app);
  convene::cli::add_job_commands(app);
  convene::cli::add_meeting_commands(app);
  convene::cli::add_draft_commands(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
