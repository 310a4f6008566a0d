/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-core.c: the top of the core: brings every domain into the store, and
 * opens and creates workspaces.
 *
 * Creating a workspace lives here, above the store and the domains: the
 * store makes the file and its schema, and the records a new workspace
 * starts with (the organisation, its first person as the actor, the four
 * built-in workstreams, each with its history entry) are domain records
 * whose names are translated, so they are written by code, not by the
 * migrations' SQL.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-evidence.h"
#include "stw-item-store.h"
#include "stw-people-store.h"
#include "stw-records-store.h"
#include "stw-risk-register.h"
#include "stw-soa.h"
#include "stw-workspace-list.h"
#include "stw-workspace-private.h"
#include "stw-workstream-store.h"

#include "stw-core-private.h"

void
stw_core_init (void)
{
  static gsize done = 0;

  /* The order is the order of the opened hooks: the people before the
   * workstreams, the evidence clean-up last; and the evidence check after
   * the store's own. */
  if (g_once_init_enter (&done))
    {
      _stw_people_init ();
      _stw_items_init ();
      _stw_records_init ();
      _stw_risks_init ();
      _stw_soa_init ();
      _stw_evidence_init ();
      g_once_init_leave (&done, 1);
    }
}

StwWorkspace *
stw_workspace_open (const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  stw_core_init ();
  return _stw_workspace_open_file (path, FALSE, error);
}

StwWorkspace *
stw_workspace_open_read_only (const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  stw_core_init ();
  return _stw_workspace_open_file (path, TRUE, error);
}

static const struct {
  StwWorkstreamKind  kind;
  const char        *name;
  const char        *prefix;
} builtin_workstreams[] = {
  { STW_WORKSTREAM_PLAN,       N_("Operational plan"),   "OP" },
  { STW_WORKSTREAM_TREATMENT,  N_("Risk treatment"),     "RT" },
  { STW_WORKSTREAM_CORRECTIVE, N_("Corrective actions"), "CA" },
  { STW_WORKSTREAM_TASKS,      N_("ISMS tasks"),         "T" },
};

StwWorkspace *
stw_workspace_create_draft (const char  *path,
                            const char  *org_name,
                            const char  *me_name,
                            GError     **error)
{
  return _stw_workspace_create_draft_at (path, org_name, me_name, NULL, error);
}

StwWorkspace *
_stw_workspace_create_draft_at (const char  *path,
                                const char  *org_name,
                                const char  *me_name,
                                const char  *clock,
                                GError     **error)
{
  g_autoptr(StwWorkspace) self = NULL;
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *org = NULL;
  g_autofree char *me = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;
  gint64 me_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  stw_core_init ();

  org = g_strstrip (g_strdup (org_name ? org_name : ""));
  me = g_strstrip (g_strdup (me_name ? me_name : ""));
  if (org[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The organisation needs a name"));
      return NULL;
    }
  if (me[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Enter your name: every change records who made it"));
      return NULL;
    }

  /* The store makes the draft and its schema and leaves its first
   * transaction open; the records every workspace starts with go in the
   * same transaction. */
  if (!(self = _stw_workspace_create_file (path, error)))
    return NULL;
  db = _stw_workspace_get_db (self);
  if (clock != NULL)
    _stw_workspace_set_clock (self, clock);

  /* The first person is inserted before there is an actor; the history
   * entries below are written once the actor is set. */
  stmt = _stw_workspace_prepare (self, "INSERT INTO person (name, created_at) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto end;
  sqlite3_bind_text (stmt, 1, me, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!_stw_workspace_step_done (self, stmt, _("Cannot create the workspace"), error))
    goto end;
  me_id = sqlite3_last_insert_rowid (db);

  stmt = _stw_workspace_prepare (self,
                                 "INSERT INTO organisation (id, name, isms_owner_id, created_at)"
                                 " VALUES (1, ?, ?, ?)", error);
  if (stmt == NULL)
    goto end;
  sqlite3_bind_text (stmt, 1, org, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, me_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!_stw_workspace_step_done (self, stmt, _("Cannot create the workspace"), error))
    goto end;

  stmt = _stw_workspace_prepare (self, "INSERT INTO setting (key, value) VALUES ('actor_id', ?)", error);
  if (stmt == NULL)
    goto end;
  sqlite3_bind_int64 (stmt, 1, me_id);
  if (!_stw_workspace_step_done (self, stmt, _("Cannot create the workspace"), error))
    goto end;

  if (!_stw_workspace_reload_profile (self, error))
    goto end;
  _stw_people_reload (self);

  {
    g_autoptr(JsonBuilder) b = _stw_changes_new ();
    g_autofree char *changes = NULL;

    _stw_changes_add_text (b, "name", NULL, org);
    _stw_changes_add_text (b, "isms_owner", NULL, me);
    changes = _stw_changes_finish (b);
    if (!_stw_history_append (self, "organisation", 1, "create", changes, error))
      goto end;
  }
  {
    g_autoptr(JsonBuilder) b = _stw_changes_new ();
    g_autofree char *changes = NULL;

    _stw_changes_add_text (b, "name", NULL, me);
    changes = _stw_changes_finish (b);
    if (!_stw_history_append (self, "person", me_id, "create", changes, error))
      goto end;
  }

  for (guint i = 0; i < G_N_ELEMENTS (builtin_workstreams); i++)
    {
      g_autoptr(JsonBuilder) b = _stw_changes_new ();
      g_autofree char *changes = NULL;

      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO workstream (kind, name, prefix, owner_id, position, created_at)"
                                     " VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto end;
      sqlite3_bind_text (stmt, 1, stw_workstream_kind_to_key (builtin_workstreams[i].kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, _(builtin_workstreams[i].name), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, builtin_workstreams[i].prefix, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, me_id);
      sqlite3_bind_int (stmt, 5, (int) i);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
      if (!_stw_workspace_step_done (self, stmt, _("Cannot create the workspace"), error))
        goto end;

      _stw_changes_add_text (b, "name", NULL, _(builtin_workstreams[i].name));
      _stw_changes_add_text (b, "prefix", NULL, builtin_workstreams[i].prefix);
      _stw_changes_add_text (b, "owner", NULL, me);
      changes = _stw_changes_finish (b);
      if (!_stw_history_append (self, "workstream", sqlite3_last_insert_rowid (db), "create", changes, error))
        goto end;
    }

  ok = TRUE;

end:
  ok = _stw_workspace_create_end (self, ok, error);
  /* Failing, the draft goes with its last reference. */
  if (!ok || !_stw_workstreams_load (self, ok ? error : NULL))
    return NULL;

  return g_steal_pointer (&self);
}

StwWorkspace *
stw_workspace_publish (StwWorkspace  *draft,
                       const char    *path,
                       gboolean       next_free,
                       GError       **error)
{
  g_autofree char *published = NULL;
  g_autoptr(StwWorkspace) ws = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (draft), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  published = _stw_workspace_publish (draft, path, next_free, error);
  if (published == NULL)
    return NULL;
  ws = stw_workspace_open (published, error);
  /* The witness of the history's head is kept per path: the draft's was
   * noted under the draft's name, so note it again under the name the
   * workspace now has. */
  if (ws != NULL)
    _stw_witness_note (ws);
  return g_steal_pointer (&ws);
}

StwWorkspace *
stw_workspace_create (const char  *path,
                      const char  *org_name,
                      const char  *me_name,
                      GError     **error)
{
  g_autoptr(StwWorkspace) draft = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  draft = stw_workspace_create_draft (path, org_name, me_name, error);
  return draft ? stw_workspace_publish (draft, path, FALSE, error) : NULL;
}

StwWorkspace *
stw_workspace_create_in_folder (const char  *org_name,
                                const char  *me_name,
                                GError     **error)
{
  g_autofree char *path = stw_workspaces_path_for (org_name);
  g_autoptr(StwWorkspace) draft = NULL;

  draft = stw_workspace_create_draft (path, org_name, me_name, error);
  return draft ? stw_workspace_publish (draft, path, TRUE, error) : NULL;
}
