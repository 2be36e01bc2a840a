#include <CLI/CLI.hpp>

#include "convene/cli/commands.h"

namespace convene::cli {

void add_schedule_commands(CLI::App& app) {
  auto* schedule = app.add_subcommand("schedule", "Check, cost, solve and bound meeting schedules");
  schedule->require_subcommand(1);
}

}  // namespace convene::cli
