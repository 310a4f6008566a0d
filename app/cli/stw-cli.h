/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-cli.h: the headless command line of the steward binary.
 *
 * The options are registered on the GApplication so that --help lists them;
 * handle-local-options passes the parsed dictionary to stw_cli_handle(),
 * which runs without a display.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void stw_cli_add_options (GApplication *app);
/* Returns -1 when @options hold no headless command (start the UI), else
 * the exit status. Normal output goes to @out, errors to @err. */
int  stw_cli_handle      (GVariantDict *options,
                          GString      *out,
                          GString      *err);

G_END_DECLS
