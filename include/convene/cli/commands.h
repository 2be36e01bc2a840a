// The convene command line: one function per command family adds its
// subcommands to the root app. Each command prints errors to stderr and
// ends with a non-zero exit (via CLI::RuntimeError) on failure.
#pragma once

namespace CLI {
class App;
}

namespace convene::cli {

void add_server_commands(CLI::App& app);    // serve, demo
void add_user_commands(CLI::App& app);      // user add
void add_token_commands(CLI::App& app);     // token create|list|revoke
void add_schedule_commands(CLI::App& app);  // schedule check|cost|solve|bound|generate
void add_db_commands(CLI::App& app);        // db copy|describe, backup
void add_job_commands(CLI::App& app);       // worker, job submit|show
void add_draft_commands(CLI::App& app);     // draft import
void add_meeting_commands(CLI::App& app);   // meeting import-problem|import-agenda|export-problem

}  // namespace convene::cli
