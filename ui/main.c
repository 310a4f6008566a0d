/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * main.c: entry point of the steward binary, the desktop app and its
 * headless command line.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "stw-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StwApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = stw_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
