/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-check.c: the workspace check, a list of checks run in order.
 *
 * The store's own come first (the SQLite integrity and foreign keys, the
 * history chain, the head witnessed outside the file, the guard triggers,
 * the records against their replayed history); each domain appends its
 * own through _stw_workspace_add_check() (evidence), so the store runs
 * them without knowing what they look at.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-workspace-private.h"

/* StwCheckFunc, in order. Filled before any workspace is opened and only
 * read afterwards, so the check may run in a worker thread. */
static GArray *checks;

static gboolean
check_database (StwWorkspace  *self,
                GString       *report,
                gboolean      *intact,
                GError       **error)
{
  sqlite3 *db = _stw_workspace_get_db (self);
  sqlite3_stmt *stmt = NULL;
  gboolean clean = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not check the workspace"));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = _stw_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          clean = FALSE;
          g_string_append_printf (report, _("Database: %s\n"), line);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      clean = FALSE;
      g_string_append_printf (report, _("Database: %s\n"), sqlite3_errstr (rc));
    }
  else if (clean)
    g_string_append (report, _("Database: intact\n"));

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          clean = FALSE;
          g_string_append_printf (report, _("Database: a row of “%s” refers to a missing row of “%s”\n"),
                                  _stw_column_text (stmt, 0), _stw_column_text (stmt, 2));
        }
      sqlite3_finalize (stmt);
    }

  if (!clean)
    *intact = FALSE;
  return TRUE;
}

static gboolean
check_history (StwWorkspace  *self,
               GString       *report,
               gboolean      *intact,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 n_entries = 0, bad_seq = 0;

  if (stw_workspace_verify_history (self, &bad_seq, &n_entries, &local_error))
    {
      g_autofree char *head = stw_workspace_dup_history_head (self);

      g_string_append_printf (report, _("History: %lld entries, chain intact, head %s\n"),
                              (long long) n_entries, head ? head : "-");
    }
  else
    {
      *intact = FALSE;
      g_string_append_printf (report, _("History: %s\n"), local_error->message);
    }
  return TRUE;
}

/* The store's own checks lead, whenever the domains add theirs. */
static void
ensure_checks (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      StwCheckFunc own[] = { check_database, check_history, _stw_check_witness,
                             _stw_check_guards, _stw_check_records };

      checks = g_array_new (FALSE, FALSE, sizeof (StwCheckFunc));
      g_array_append_vals (checks, own, G_N_ELEMENTS (own));
      g_once_init_leave (&done, 1);
    }
}

void
_stw_workspace_add_check (StwCheckFunc check)
{
  g_return_if_fail (check != NULL);

  ensure_checks ();
  for (guint i = 0; i < checks->len; i++)
    if (g_array_index (checks, StwCheckFunc, i) == check)
      return;
  g_array_append_val (checks, check);
}

gboolean
stw_workspace_check (StwWorkspace  *self,
                     GString       *report,
                     GError       **error)
{
  gboolean intact = TRUE;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  ensure_checks ();
  for (guint i = 0; i < checks->len; i++)
    if (!g_array_index (checks, StwCheckFunc, i) (self, report, &intact, error))
      return FALSE;

  if (!intact)
    g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                 _("The workspace “%s” failed its check"), stw_workspace_get_path (self));
  return intact;
}
