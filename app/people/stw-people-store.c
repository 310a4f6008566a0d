/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-people-store.c: the people of a workspace, kept as a sorted list
 * model on the workspace, and the changes that check a person: the actor
 * and the organisation profile's ISMS owner.
 *
 * The model is qdata on the workspace: the store reloads it through this
 * domain's hooks after opening and after a rollback, without knowing it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-people-store.h"
#include "stw-workspace-private.h"

static guint people_changed_signal;

/* The domain's cached records, kept on the workspace. */
static GListStore *
people_of (StwWorkspace *self)
{
  return _stw_workspace_get_cache (self, "stw-people", STW_TYPE_PERSON);
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  /* g_ptr_array_sort_with_data() passes pointers to the elements. */
  return g_utf8_collate (stw_person_get_name (*(StwPerson * const *) a),
                         stw_person_get_name (*(StwPerson * const *) b));
}

void
_stw_people_reload (StwWorkspace *self)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = _stw_workspace_prepare (self, "SELECT id, name, role, email, active FROM person", NULL);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (people,
                     stw_person_new (sqlite3_column_int64 (stmt, 0),
                                     _stw_column_text (stmt, 1),
                                     _stw_column_text (stmt, 2),
                                     _stw_column_text (stmt, 3),
                                     sqlite3_column_int (stmt, 4)));
  sqlite3_reset (stmt);

  g_ptr_array_sort_with_data (people, compare_people, NULL);
  g_list_store_splice (people_of (self), 0, g_list_model_get_n_items (G_LIST_MODEL (people_of (self))),
                       people->pdata, people->len);
  /* The actor's name goes into every history entry. */
  _stw_workspace_reload_actor (self);
  g_signal_emit (self, people_changed_signal, 0);
}

const char *
_stw_workspace_person_name (StwWorkspace *self,
                            gint64        id)
{
  StwPerson *p = id > 0 ? stw_workspace_find_person (self, id) : NULL;

  return p ? stw_person_get_name (p) : NULL;
}

static gint64
person_id_of (gpointer object)
{
  return stw_person_get_id (object);
}

GListModel *
stw_workspace_get_people (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (people_of (self));
}

StwPerson *
stw_workspace_find_person (StwWorkspace *self,
                           gint64        person_id)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return _stw_find_by_id (G_LIST_MODEL (people_of (self)), person_id, person_id_of);
}

static gboolean
validate_person (const char  *name,
                 const char  *email,
                 GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("A person needs a name"));
      return FALSE;
    }
  if (email != NULL && email[0] != '\0' && strchr (email, '@') == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not an email address"), email);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_person (StwWorkspace  *self,
               const char    *name,
               const char    *role,
               const char    *email,
               GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _stw_workspace_prepare (self, "INSERT INTO person (name, role, email, created_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, role ? role : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, email ? email : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!_stw_workspace_step_done (self, stmt, _("Could not add the person"), error))
    return 0;
  id = sqlite3_last_insert_rowid (_stw_workspace_get_db (self));

  _stw_changes_add_text (b, "name", NULL, name);
  if (role && role[0])
    _stw_changes_add_text (b, "role", NULL, role);
  if (email && email[0])
    _stw_changes_add_text (b, "email", NULL, email);
  changes = _stw_changes_finish (b);
  if (!_stw_history_append (self, "person", id, "create", changes, error))
    return 0;
  return id;
}

StwPerson *
stw_workspace_add_person (StwWorkspace  *self,
                          const char    *name,
                          const char    *role,
                          const char    *email,
                          GError       **error)
{
  g_autofree char *clean = NULL;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (!validate_person (clean, email, error))
    return NULL;

  if (!_stw_workspace_write_begin (self, error))
    return NULL;
  id = insert_person (self, clean, role, email, error);
  ok = _stw_workspace_write_end (self, id > 0, id > 0 ? error : NULL) && id > 0;
  if (!ok)
    return NULL;

  _stw_people_reload (self);
  return g_object_ref (stw_workspace_find_person (self, id));
}

gboolean
stw_workspace_update_person (StwWorkspace  *self,
                             gint64         person_id,
                             const char    *name,
                             const char    *role,
                             const char    *email,
                             gboolean       active,
                             GError       **error)
{
  StwPerson *old;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  old = stw_workspace_find_person (self, person_id);
  if (old == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no such person in this workspace"));
      return FALSE;
    }
  clean = g_strstrip (g_strdup (name ? name : ""));
  if (!validate_person (clean, email, error))
    return FALSE;
  if (!active && person_id == stw_workspace_get_actor_id (self))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("You cannot deactivate yourself; choose someone else as the person making changes first"));
      return FALSE;
    }

  b = _stw_changes_new ();
  if (g_strcmp0 (stw_person_get_name (old), clean) != 0)
    _stw_changes_add_text (b, "name", stw_person_get_name (old), clean);
  if (g_strcmp0 (stw_person_get_role (old), role ? role : "") != 0)
    _stw_changes_add_text (b, "role", stw_person_get_role (old), role ? role : "");
  if (g_strcmp0 (stw_person_get_email (old), email ? email : "") != 0)
    _stw_changes_add_text (b, "email", stw_person_get_email (old), email ? email : "");
  if (stw_person_get_active (old) != !!active)
    _stw_changes_add_int (b, "active", stw_person_get_active (old), !!active);
  changes = _stw_changes_finish (b);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, "UPDATE person SET name = ?, role = ?, email = ?, active = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, role ? role : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, email ? email : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, !!active);
      sqlite3_bind_int64 (stmt, 5, person_id);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the person"), error);
    }
  ok = ok && _stw_history_append (self, "person", person_id, "update", changes, error);
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    _stw_people_reload (self);
  return ok;
}

gboolean
stw_workspace_set_actor_id (StwWorkspace  *self,
                            gint64         person_id,
                            GError       **error)
{
  StwPerson *person;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  person = stw_workspace_find_person (self, person_id);
  if (person == NULL || !stw_person_get_active (person))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Only an active person of the workspace can make changes"));
      return FALSE;
    }
  if (person_id == stw_workspace_get_actor_id (self))
    return TRUE;

  return _stw_workspace_set_actor (self, person_id, error);
}

gboolean
stw_workspace_update_organisation (StwWorkspace  *self,
                                   const char    *name,
                                   const char    *scope,
                                   gint64         isms_owner_id,
                                   guint          cycle_start_month,
                                   guint          risk_threshold,
                                   GError       **error)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *clean_name = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  clean_name = g_strstrip (g_strdup (name ? name : ""));
  if (clean_name[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The organisation needs a name"));
      return FALSE;
    }
  if (cycle_start_month < 1 || cycle_start_month > 12)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The ISMS year must start in a month from 1 to 12"));
      return FALSE;
    }
  if (risk_threshold < 1 || risk_threshold > 25)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The risk acceptance threshold must be a score from 1 to 25"));
      return FALSE;
    }
  if (isms_owner_id > 0 && stw_workspace_find_person (self, isms_owner_id) == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("The ISMS owner is not a person of this workspace"));
      return FALSE;
    }

  b = _stw_changes_new ();
  if (g_strcmp0 (stw_workspace_get_org_name (self), clean_name) != 0)
    _stw_changes_add_text (b, "name", stw_workspace_get_org_name (self), clean_name);
  if (g_strcmp0 (stw_workspace_get_scope (self), scope ? scope : "") != 0)
    _stw_changes_add_text (b, "scope", stw_workspace_get_scope (self), scope ? scope : "");
  if (stw_workspace_get_isms_owner_id (self) != isms_owner_id)
    _stw_changes_add_text (b, "isms_owner", _stw_workspace_person_name (self, stw_workspace_get_isms_owner_id (self)), _stw_workspace_person_name (self, isms_owner_id));
  if (stw_workspace_get_cycle_start_month (self) != cycle_start_month)
    _stw_changes_add_int (b, "cycle_start_month", stw_workspace_get_cycle_start_month (self), cycle_start_month);
  if (stw_workspace_get_risk_threshold (self) != risk_threshold)
    _stw_changes_add_int (b, "risk_threshold", stw_workspace_get_risk_threshold (self), risk_threshold);
  changes = _stw_changes_finish (b);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 "UPDATE organisation SET name = ?, scope = ?, isms_owner_id = ?,"
                                 " cycle_start_month = ?, risk_threshold = ? WHERE id = 1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, scope ? scope : "", -1, SQLITE_TRANSIENT);
      _stw_bind_id_or_null (stmt, 3, isms_owner_id);
      sqlite3_bind_int (stmt, 4, (int) cycle_start_month);
      sqlite3_bind_int (stmt, 5, (int) risk_threshold);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the organisation profile"), error);
    }
  ok = ok && _stw_history_append (self, "organisation", 1, "update", changes, error);
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  _stw_workspace_reload_profile (self, NULL);
  if (ok)
    _stw_workspace_organisation_changed (self);
  return ok;
}

static gboolean
people_opened (StwWorkspace  *self,
                  GError       **error)
{
  _stw_people_reload (self);
  return TRUE;
}

/* Another connection committed: the people again if any of them changed. */
static void
people_reloaded (StwWorkspace *self,
                 GPtrArray    *entries)
{
  if (_stw_history_mentions (entries, "person"))
    _stw_people_reload (self);
}

static const StwDomain people_domain = {
  .entity = "person",
  .opened = people_opened,
  .rolled_back = _stw_people_reload,
  .reloaded = people_reloaded,
};

void
_stw_people_init (void)
{
  people_changed_signal =
    g_signal_new ("people-changed", STW_TYPE_WORKSPACE, G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  _stw_workspace_add_domain (&people_domain);
}
