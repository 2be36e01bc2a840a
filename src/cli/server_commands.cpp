#include <CLI/CLI.hpp>

#include "convene/cli/commands.h"

namespace convene::cli {

void add_server_commands(CLI::App& app) {
  (void)app;
}

void add_user_commands(CLI::App& app) {
  (void)app;
}

}  // namespace convene::cli
