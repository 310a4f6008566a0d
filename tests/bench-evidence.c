/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-evidence.c: import throughput and memory for a large evidence file
 * (not a test: figures). Prints `sha256sum` on the same file in the same
 * run as the baseline.
 *
 *   bench-evidence [MiB]     (default 1024)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "stw-evidence.h"
#include "stw-workspace.h"

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint mib = argc > 1 ? (guint) atoi (argv[1]) : 1024;
  g_autofree char *dir = g_dir_make_tmp ("steward-bench-ev-XXXXXX", &error);
  g_autofree char *ws_path = g_build_filename (dir, "bench.steward", NULL);
  g_autofree char *file_path = g_build_filename (dir, "evidence.bin", NULL);
  g_autofree char *cmd = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(StwWorkstream) tasks = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StwAttachment) a = NULL;
  g_autofree guint8 *block = g_malloc (1024 * 1024);
  long rss_before;
  double t0, t_sum, t_import;
  FILE *f;

  g_assert_no_error (error);
  printf ("Steward evidence benchmark: %u MiB file\n", mib);

  /* Incompressible content, written once. */
  f = fopen (file_path, "wb");
  for (guint i = 0; i < mib; i++)
    {
      for (guint j = 0; j < 1024 * 1024; j += 4)
        *(guint32 *) (block + j) = g_random_int ();
      fwrite (block, 1, 1024 * 1024, f);
    }
  fclose (f);

  cmd = g_strdup_printf ("sha256sum '%s' > /dev/null", file_path);
  t0 = now_s ();
  if (system (cmd) != 0)
    g_error ("sha256sum failed");
  t_sum = now_s () - t0;
  printf ("  sha256sum (baseline, same file):      %7.2f s  %7.1f MiB/s\n", t_sum, mib / t_sum);

  ws = stw_workspace_create (ws_path, "Bench Ltd", "Bench", &error);
  g_assert_no_error (error);
  tasks = g_list_model_get_item (stw_workspace_get_workstreams (ws), 3);
  item = stw_item_new (stw_workstream_get_id (tasks));
  stw_item_set_title (item, "Large evidence");
  stw_workspace_insert_item (ws, item, &error);

  rss_before = peak_rss_kib ();
  file = g_file_new_for_path (file_path);
  t0 = now_s ();
  a = stw_workspace_attach_file (ws, "item", stw_item_get_id (item), file, NULL, NULL, NULL, NULL, &error);
  t_import = now_s () - t0;
  if (a == NULL)
    g_error ("%s", error->message);
  printf ("  import (hash + store in workspace):   %7.2f s  %7.1f MiB/s\n", t_import, mib / t_import);
  printf ("  peak RSS: %ld KiB before import, %ld KiB after (growth %ld KiB)\n",
          rss_before, peak_rss_kib (), peak_rss_kib () - rss_before);

  g_clear_object (&ws);
  g_unlink (file_path);
  g_unlink (ws_path);
  {
    g_autofree char *wal = g_strconcat (ws_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (ws_path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
