/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-importer.c: an importing process's identity and whether it still
 * runs. A process id alone is reused; with the start time from /proc and
 * the boot id it names one process for good.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "stw-importer.h"

static char *
boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return g_strdup ("-");
  return g_strdup (g_strstrip (contents));
}

/* Field 22 of /proc/PID/stat: when the process started, in clock ticks
 * since boot. NULL when there is no such process. */
static char *
start_time (const char *pid)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "stat", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  /* The command name (field 2) is in parentheses and may hold spaces. */
  after_name = strrchr (contents, ')');
  if (after_name == NULL)
    return NULL;
  fields = g_strsplit (after_name + 2, " ", 0);
  /* Fields from 3 on: index 0 is field 3, so field 22 is index 19. */
  if (g_strv_length (fields) < 20)
    return NULL;
  return g_strdup (fields[19]);
}

char *
_stw_importer_self (void)
{
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *boot = boot_id ();
  g_autofree char *started = start_time (pid);

  return g_strdup_printf ("%s %s %s %s", g_get_host_name (), boot, pid, started != NULL ? started : "-");
}

gboolean
_stw_importer_gone (const char *id)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *boot = NULL;
  g_autofree char *started = NULL;

  if (id == NULL)
    return FALSE;
  parts = g_strsplit (id, " ", 4);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], g_get_host_name ()) ||
      g_str_equal (parts[1], "-") || g_str_equal (parts[3], "-"))
    return FALSE;

  boot = boot_id ();
  if (!g_str_equal (parts[1], boot))
    return TRUE;
  started = start_time (parts[2]);
  return started == NULL || !g_str_equal (started, parts[3]);
}
