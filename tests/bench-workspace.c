/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-workspace.c: prints how the store performs with a large workspace
 * (not a test: figures, no pass/fail). Run with `make bench`.
 *
 *   bench-workspace [N_ITEMS]     (default 50000)
 *
 * Measures: generating the workspace (items and their history), opening it,
 * the first screen of the largest workstream sorted by due date, one item
 * update with its history entry, and memory.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "stw-item-model.h"
#include "stw-sample.h"
#include "stw-workspace.h"

#define SCREEN_ROWS 50

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*)(const void *, const void *)) compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static long
current_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? atol (line + 6) : -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steward-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  guint n_items = argc > 1 ? (guint) atoi (argv[1]) : 50000;
  double t0, gen_ms, open_ms[7], screen_ms[11], update_ms[21];
  gint64 biggest = 0;
  guint biggest_n = 0;
  gint64 n_history = 0;
  long rss_before_open, rss_after_open, rss_after_screen;
  GStatBuf st;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  path = g_build_filename (dir, "bench.steward", NULL);

  printf ("Steward workspace benchmark: %u items\n", n_items);

  t0 = now_ms ();
  ws = stw_sample_create (path, n_items, &error);
  if (ws == NULL)
    g_error ("%s", error->message);
  gen_ms = now_ms () - t0;
  stw_workspace_verify_history (ws, NULL, &n_history, &error);
  g_clear_object (&ws);
  g_stat (path, &st);
  printf ("  generate (items + history, one transaction): %8.0f ms  (%" G_GINT64_FORMAT " history entries, file %.1f MiB)\n",
          gen_ms, n_history, st.st_size / 1048576.0);

  rss_before_open = current_rss_kib ();
  for (guint i = 0; i < G_N_ELEMENTS (open_ms); i++)
    {
      t0 = now_ms ();
      ws = stw_workspace_open (path, &error);
      open_ms[i] = now_ms () - t0;
      if (ws == NULL)
        g_error ("%s", error->message);
      if (i + 1 < G_N_ELEMENTS (open_ms))
        g_clear_object (&ws);
    }
  rss_after_open = current_rss_kib ();
  printf ("  open workspace (median of %zu):               %8.2f ms\n",
          G_N_ELEMENTS (open_ms), median (open_ms, G_N_ELEMENTS (open_ms)));

  for (guint i = 0; i < g_list_model_get_n_items (stw_workspace_get_workstreams (ws)); i++)
    {
      g_autoptr(StwWorkstream) s = g_list_model_get_item (stw_workspace_get_workstreams (ws), i);
      guint n = 0;
      g_autoptr(GListModel) all = stw_workspace_list_items (ws, stw_workstream_get_id (s), NULL);

      n = g_list_model_get_n_items (all);
      if (n > biggest_n)
        {
          biggest_n = n;
          biggest = stw_workstream_get_id (s);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (screen_ms); i++)
    {
      g_autoptr(GListModel) model = NULL;

      t0 = now_ms ();
      model = stw_workspace_list_items (ws, biggest, &error);
      for (guint row = 0; row < SCREEN_ROWS; row++)
        {
          g_autoptr(StwItem) item = g_list_model_get_item (model, row);
          /* Touch what a row shows. */
          (void) stw_item_get_title (item);
          (void) stw_item_get_owner_name (item);
        }
      screen_ms[i] = now_ms () - t0;
    }
  rss_after_screen = current_rss_kib ();
  printf ("  first screen, %u-item workstream by due date (%d rows, median of %zu): %6.2f ms\n",
          biggest_n, SCREEN_ROWS, G_N_ELEMENTS (screen_ms), median (screen_ms, G_N_ELEMENTS (screen_ms)));

  for (guint i = 0; i < G_N_ELEMENTS (update_ms); i++)
    {
      g_autofree char *ref = g_strdup_printf ("T-%03u", 1 + i * (n_items / 4 / (guint) G_N_ELEMENTS (update_ms)));
      g_autoptr(StwItem) item = stw_workspace_find_item_by_ref (ws, ref, &error);
      g_autofree char *title = NULL;

      if (item == NULL)
        g_error ("%s", error->message);
      title = g_strdup_printf ("%s, revised", stw_item_get_title (item));
      stw_item_set_title (item, title);
      t0 = now_ms ();
      if (!stw_workspace_update_item (ws, item, &error))
        g_error ("%s", error->message);
      update_ms[i] = now_ms () - t0;
    }
  printf ("  one item update + history entry, durable commit (median of %zu): %6.2f ms\n",
          G_N_ELEMENTS (update_ms), median (update_ms, G_N_ELEMENTS (update_ms)));

  /* The views: a board column of 10,000 cards, a calendar month holding
   * 2,000 of them, and search across everything. */
  {
    g_autoptr(StwWorkstream) bulk = stw_workspace_add_workstream (ws, "Benchmark column", "BEN",
                                                                  stw_workspace_get_actor_id (ws), &error);
    StwItemFilter filter;
    double column_ms[11], month_ms[11], search_ms[5][11];
    const char *queries[] = { "backup", "acc rev", "supplier review", "T-1234", "zzz-no-match" };
    guint n_found[5] = { 0 };
    g_autofree char *today = stw_date_today ();
    char month_start[11];

    if (bulk == NULL)
      g_error ("%s", error->message);
    g_snprintf (month_start, sizeof month_start, "%.7s-01", today);

    t0 = now_ms ();
    if (!stw_workspace_begin (ws, &error))
      g_error ("%s", error->message);
    for (guint i = 0; i < 10000; i++)
      {
        g_autoptr(StwItem) item = stw_item_new (stw_workstream_get_id (bulk));
        g_autofree char *title = g_strdup_printf ("Column card %u", i + 1);
        /* One in five falls in the current month, the rest later. */
        g_autofree char *due = stw_date_add_days (month_start, i % 5 == 0 ? (int) (i % 28) : 40 + (int) (i % 300));

        stw_item_set_title (item, title);
        stw_item_set_due_date (item, due);
        if (!stw_workspace_insert_item (ws, item, &error))
          g_error ("%s", error->message);
      }
    if (!stw_workspace_commit (ws, &error))
      g_error ("%s", error->message);
    printf ("  add 10,000 cards to one column (one transaction): %8.0f ms\n", now_ms () - t0);

    for (guint i = 0; i < G_N_ELEMENTS (column_ms); i++)
      {
        g_autoptr(GListModel) model = NULL;

        stw_item_filter_init (&filter, stw_workstream_get_id (bulk));
        filter.statuses = STW_STATUS_MASK (STW_STATUS_TODO);
        filter.sort = STW_ITEM_SORT_POSITION;
        t0 = now_ms ();
        model = stw_workspace_filter_items (ws, &filter, &error);
        for (guint row = 0; row < 20; row++)
          {
            g_autoptr(StwItem) item = g_list_model_get_item (model, row);
            (void) stw_item_get_title (item);
          }
        column_ms[i] = now_ms () - t0;
        g_assert (g_list_model_get_n_items (model) == 10000);
      }
    printf ("  board column of 10,000 cards, model + first 20 cards (median of %zu): %6.2f ms\n",
            G_N_ELEMENTS (column_ms), median (column_ms, G_N_ELEMENTS (column_ms)));

    for (guint i = 0; i < G_N_ELEMENTS (month_ms); i++)
      {
        g_autoptr(GListModel) model = NULL;
        g_autofree char *grid_end = stw_date_add_days (month_start, 41);
        guint n;

        stw_item_filter_init (&filter, stw_workstream_get_id (bulk));
        g_strlcpy (filter.due_from, month_start, sizeof filter.due_from);
        g_strlcpy (filter.due_to, grid_end, sizeof filter.due_to);
        t0 = now_ms ();
        model = stw_workspace_filter_items (ws, &filter, &error);
        n = g_list_model_get_n_items (model);
        /* A month grid shows every item in it, so load them all. */
        for (guint row = 0; row < n; row++)
          {
            g_autoptr(StwItem) item = g_list_model_get_item (model, row);
            (void) stw_item_get_due_date (item);
          }
        month_ms[i] = now_ms () - t0;
        if (i == 0)
          printf ("  calendar: %u items in the 6-week grid of this month\n", n);
      }
    printf ("  calendar month, model + every item loaded (median of %zu): %6.2f ms\n",
            G_N_ELEMENTS (month_ms), median (month_ms, G_N_ELEMENTS (month_ms)));

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        for (guint i = 0; i < G_N_ELEMENTS (search_ms[q]); i++)
          {
            g_autoptr(GListModel) found = NULL;

            t0 = now_ms ();
            found = stw_workspace_search_items (ws, queries[q], 50, &error);
            search_ms[q][i] = now_ms () - t0;
            if (found == NULL)
              g_error ("%s", error->message);
            n_found[q] = g_list_model_get_n_items (found);
          }
        printf ("  search \"%s\" over %u items, top 50 loaded (median of %zu): %6.2f ms (%u shown)\n",
                queries[q], n_items + 10000, G_N_ELEMENTS (search_ms[q]),
                median (search_ms[q], G_N_ELEMENTS (search_ms[q])), n_found[q]);
      }
  }

  printf ("  memory: RSS %ld KiB before open, %ld KiB open, %ld KiB after first screens; peak %ld KiB (peak includes generation)\n",
          rss_before_open, rss_after_open, rss_after_screen, peak_rss_kib ());

  g_clear_object (&ws);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (g_build_filename (dir, "steward", "workspaces", NULL));
  }
  return 0;
}
