/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-cli.h: the headless command line of the steward binary, as
 * subcommands in the manner of git and flatpak (`steward list`,
 * `steward check WORKSPACE`, …).
 *
 * main() asks stw_cli_wants() first and, when it says yes, runs
 * stw_cli_run() without ever creating the GApplication: no display, no
 * session bus. Everything else (no argument, a workspace file, options for
 * GTK) starts the window.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of every command, as `steward help` documents them. */
typedef enum {
  STW_CLI_OK      = 0,
  STW_CLI_FAILED  = 1,
  STW_CLI_USAGE   = 2,
} StwCliStatus;

/* Whether @args (the words after the program name, NULL-terminated) are for
 * the command line: a command, help, --version, or a word that is neither a
 * command nor a path (an unknown command, reported by stw_cli_run()). */
gboolean stw_cli_wants (const char * const *args);

/* Runs the command in @args (the words after the program name). Results go
 * to @out, messages for people to @err. Returns the exit status. */
int      stw_cli_run   (const char * const *args,
                        GString            *out,
                        GString            *err);

G_END_DECLS
