/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * main.c: entry point of the steward binary. A command (`steward list`,
 * `steward check WORKSPACE`, …) runs headless from app/cli/ and never
 * creates the GApplication, so scripts need neither a display nor a session
 * bus; anything else starts the desktop app.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "stw-application.h"
#include "stw-cli.h"

static void
write_all (FILE    *stream,
           GString *text)
{
  if (text->len == 0)
    return;

  fwrite (text->str, 1, text->len, stream);
  fflush (stream);
}

static int
run_command_line (const char * const *args)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  int status;

  status = stw_cli_run (args, out, err);
  write_all (stdout, out);
  write_all (stderr, err);

  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StwApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (stw_cli_wants ((const char * const *) argv + 1))
    return run_command_line ((const char * const *) argv + 1);

  app = stw_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
