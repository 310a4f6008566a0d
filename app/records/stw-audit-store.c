/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-audit-store.c: storing audits and findings (see stw-audit-store.h).
 *
 * An audit's scope and team are rows of their own (audit_scope,
 * audit_team), rewritten whole on each change and recorded in the history
 * as sets: workstreams and team members by id, which never changes. A
 * finding and its corrective-action item are made, and unmade, in one
 * transaction: the item through the items' own store, so it has its own
 * "item" entry and shows in the corrective-action log like any other.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-audit-store.h"
#include "stw-controls.h"
#include "stw-item-store.h"
#include "stw-people-store.h"
#include "stw-records-private.h"
#include "stw-workspace-private.h"
#include "stw-workstream-store.h"

#define AUDIT_COLUMNS \
  "a.id, a.ref, a.title, a.planned_date, coalesce(a.lead_id, 0), p.name, a.status, a.conclusion, a.report_notes"
#define AUDIT_FROM \
  " FROM audit a LEFT JOIN person p ON p.id = a.lead_id WHERE a.deleted_at IS NULL"

#define FINDING_COLUMNS \
  "f.id, f.ref, f.audit_id, f.classification, f.clause, f.description, f.item_id, i.ref, i.status," \
  " f.carry_over_reason"
#define FINDING_FROM \
  " FROM finding f LEFT JOIN item i ON i.id = f.item_id WHERE f.deleted_at IS NULL"

/* Helpers */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID, message);
  return FALSE;
}

static void
note (StwWorkspace *self,
      const char   *entity,
      gint64        id)
{
  _stw_workspace_note_change (self, entity, id, 0);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* @v trimmed, without blanks and repeats, sorted as the check compares
 * sets: the form the scope is stored and recorded in. */
static GStrv
clean_set (const char * const *v)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; v != NULL && v[i] != NULL; i++)
    if (!is_blank (v[i]))
      g_ptr_array_add (items, g_strstrip (g_strdup (v[i])));
  g_ptr_array_sort (items, compare_strings);
  for (guint i = 1; i < items->len;)
    if (g_str_equal (items->pdata[i], items->pdata[i - 1]))
      g_ptr_array_remove_index (items, i);
    else
      i++;
  g_ptr_array_add (items, NULL);
  return (GStrv) g_ptr_array_steal (items, NULL);
}

static GStrv
ids_to_set (const gint64 *ids,
            guint         n)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) raw = NULL;

  for (guint i = 0; i < n; i++)
    {
      char text[24];

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, ids[i]);
      g_strv_builder_add (b, text);
    }
  raw = g_strv_builder_end (b);
  return clean_set ((const char * const *) raw);
}

static gboolean
sets_equal (const char * const *a,
            const char * const *b)
{
  return g_strv_equal (a, b);
}

/* A finding's clause or control is a clause of the standard or a control
 * of Annex A. */
static gboolean
is_control (const char *text)
{
  return text != NULL && text[0] == 'A' && text[1] == '.';
}

/* Loading */

static gboolean
load_scope (StwWorkspace  *self,
            StwAudit      *a,
            gint64         id,
            GError       **error)
{
  g_autoptr(GStrvBuilder) clauses = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) processes = g_strv_builder_new ();
  g_autoptr(GArray) streams = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) team = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) c = NULL, k = NULL, p = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _stw_workspace_prepare (self, "SELECT kind, value FROM audit_scope WHERE audit_id = ? ORDER BY kind, value",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = _stw_column_text (stmt, 0);
      const char *value = _stw_column_text (stmt, 1);

      if (g_strcmp0 (kind, "clause") == 0)
        g_strv_builder_add (clauses, value);
      else if (g_strcmp0 (kind, "control") == 0)
        g_strv_builder_add (controls, value);
      else if (g_strcmp0 (kind, "process") == 0)
        g_strv_builder_add (processes, value);
      else
        {
          gint64 w = g_ascii_strtoll (value, NULL, 10);

          g_array_append_val (streams, w);
        }
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the audit"));
      return FALSE;
    }
  stmt = _stw_workspace_prepare (self, "SELECT person_id FROM audit_team WHERE audit_id = ? ORDER BY person_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (team, person);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the audit"));
      return FALSE;
    }
  c = g_strv_builder_end (clauses);
  k = g_strv_builder_end (controls);
  p = g_strv_builder_end (processes);
  stw_audit_set_clauses (a, (const char * const *) c);
  stw_audit_set_controls (a, (const char * const *) k);
  stw_audit_set_processes (a, (const char * const *) p);
  stw_audit_set_workstream_ids (a, (const gint64 *) streams->data, streams->len);
  stw_audit_set_team_ids (a, (const gint64 *) team->data, team->len);
  return TRUE;
}

static StwAudit *
load_audit (StwWorkspace  *self,
            const char    *where,
            gint64         id,
            const char    *ref,
            GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " AUDIT_COLUMNS AUDIT_FROM " AND ", where, NULL);
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  g_autoptr(StwAudit) a = NULL;
  StwAuditStatus status = STW_AUDIT_PLANNED;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (ref != NULL)
    sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      a = stw_audit_new ();
      stw_audit_set_title (a, _stw_column_text (stmt, 2));
      stw_audit_set_planned_date (a, _stw_column_text (stmt, 3));
      stw_audit_set_lead_id (a, sqlite3_column_int64 (stmt, 4));
      stw_audit_status_from_key (_stw_column_text (stmt, 6), &status);
      stw_audit_set_status (a, status);
      stw_audit_set_conclusion (a, _stw_column_text (stmt, 7));
      stw_audit_set_report_notes (a, _stw_column_text (stmt, 8));
      _stw_audit_set_stored (a, sqlite3_column_int64 (stmt, 0), _stw_column_text (stmt, 1),
                             _stw_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (a == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                     ref ? _("There is no audit %s") : _("There is no such audit"), ref);
      else
        _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the audit"));
      return NULL;
    }
  if (!load_scope (self, a, stw_audit_get_id (a), error))
    return NULL;
  return g_steal_pointer (&a);
}

StwAudit *
stw_workspace_load_audit (StwWorkspace  *self,
                          gint64         audit_id,
                          GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return load_audit (self, "a.id = ?", audit_id, NULL, error);
}

StwAudit *
stw_workspace_find_audit_by_ref (StwWorkspace  *self,
                                 const char    *ref,
                                 GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  return load_audit (self, "a.ref = ?", 0, ref, error);
}

GListModel *
stw_workspace_list_audits (StwWorkspace  *self,
                           GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (STW_TYPE_AUDIT);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  ids = _stw_records_select_ids (self, "SELECT id FROM audit WHERE deleted_at IS NULL ORDER BY planned_date, ref",
                                 0, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwAudit) a = stw_workspace_load_audit (self, g_array_index (ids, gint64, i), error);

      if (a == NULL)
        return NULL;
      g_list_store_append (list, a);
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static StwFinding *
finding_from_row (sqlite3_stmt *stmt)
{
  StwFinding *f = stw_finding_new (sqlite3_column_int64 (stmt, 2));
  StwCaClassification classification = STW_CA_MINOR_NONCONFORMITY;
  StwStatus status = STW_STATUS_TODO;

  stw_ca_classification_from_key (_stw_column_text (stmt, 3), &classification);
  stw_finding_set_classification (f, classification);
  stw_finding_set_clause (f, _stw_column_text (stmt, 4));
  stw_finding_set_description (f, _stw_column_text (stmt, 5));
  stw_status_from_key (_stw_column_text (stmt, 8), &status);
  _stw_finding_set_stored (f, sqlite3_column_int64 (stmt, 0), _stw_column_text (stmt, 1),
                           sqlite3_column_int64 (stmt, 6), _stw_column_text (stmt, 7), status,
                           _stw_column_text (stmt, 9));
  return f;
}

static StwFinding *
load_finding (StwWorkspace  *self,
              const char    *where,
              gint64         id,
              GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " FINDING_COLUMNS FINDING_FROM " AND ", where, NULL);
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  StwFinding *f = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    f = finding_from_row (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (f == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND, _("There is no such finding"));
      else
        _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the finding"));
    }
  return f;
}

StwFinding *
stw_workspace_load_finding (StwWorkspace  *self,
                            gint64         finding_id,
                            GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return load_finding (self, "f.id = ?", finding_id, error);
}

StwFinding *
stw_workspace_find_finding_of_item (StwWorkspace  *self,
                                    gint64         item_id,
                                    GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return load_finding (self, "f.item_id = ?", item_id, error);
}

GListModel *
stw_workspace_list_findings (StwWorkspace  *self,
                             gint64         audit_id,
                             GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (STW_TYPE_FINDING);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  ids = _stw_records_select_ids (self, "SELECT id FROM finding WHERE audit_id = ? AND deleted_at IS NULL ORDER BY id",
                                 audit_id, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwFinding) f = stw_workspace_load_finding (self, g_array_index (ids, gint64, i), error);

      if (f == NULL)
        return NULL;
      g_list_store_append (list, f);
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Audits */

/* The references of the corrective actions that keep @audit_id from being
 * closed, joined by ", "; "" when none does, NULL on error. */
static char *
open_nonconformities (StwWorkspace  *self,
                      gint64         audit_id,
                      GError       **error)
{
  g_autoptr(GString) refs = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  /* A corrective action withdrawn (deleted) or cancelled did not fix the
   * nonconformity: only done counts, or a reason to carry it over. */
  stmt = _stw_workspace_prepare (self,
                                 "SELECT i.ref FROM finding f JOIN item i ON i.id = f.item_id"
                                 " WHERE f.audit_id = ? AND f.deleted_at IS NULL"
                                 " AND f.classification IN ('major_nc', 'minor_nc')"
                                 " AND (i.status <> 'done' OR i.deleted_at IS NOT NULL)"
                                 " AND trim(coalesce(f.carry_over_reason, '')) = ''"
                                 " ORDER BY f.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, audit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (refs->len > 0)
        g_string_append (refs, ", ");
      g_string_append (refs, _stw_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the findings"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&refs), FALSE);
}

static gboolean
check_person (StwWorkspace  *self,
              gint64         person_id,
              gboolean       was_there,
              GError       **error)
{
  StwPerson *person;

  /* Someone who has left may stay on an audit they were on; whoever is
   * added must be active. */
  if (person_id == 0 || was_there)
    return TRUE;
  person = stw_workspace_find_person (self, person_id);
  if (person == NULL || !stw_person_get_active (person))
    return invalid (error, _("Auditors must be active people of this workspace"));
  return TRUE;
}

static gboolean
has_id (const gint64 *ids,
        guint         n,
        gint64        id)
{
  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static gboolean
validate_audit (StwWorkspace  *self,
                StwAudit      *a,
                StwAudit      *old,
                GError       **error)
{
  g_autofree char *title = g_strstrip (g_strdup (stw_audit_get_title (a)));
  const char *date = stw_audit_get_planned_date (a);
  const char * const *clauses = stw_audit_get_clauses (a);
  const char * const *controls = stw_audit_get_controls (a);
  const gint64 *ids, *old_ids = NULL;
  guint n, n_old = 0;

  if (title[0] == '\0')
    return invalid (error, _("An audit needs a title"));
  if (date == NULL)
    return invalid (error, _("An audit needs a planned date"));
  if (!stw_date_is_valid (date))
    return invalid (error, _("Dates are written as year-month-day, such as 2027-03-31"));
  if (stw_audit_get_status (a) >= STW_N_AUDIT_STATUSES)
    return invalid (error, _("Unknown status"));
  for (guint i = 0; clauses[i] != NULL; i++)
    if (!is_blank (clauses[i]) && !stw_clause_is_valid (clauses[i]))
      {
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                     _("“%s” is not a clause of ISO/IEC 27001:2022"), clauses[i]);
        return FALSE;
      }
  for (guint i = 0; controls[i] != NULL; i++)
    if (!is_blank (controls[i]) && stw_controls_find (controls[i]) == NULL)
      {
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                     _("“%s” is not a control of Annex A"), controls[i]);
        return FALSE;
      }
  ids = stw_audit_get_workstream_ids (a, &n);
  for (guint i = 0; i < n; i++)
    if (stw_workspace_find_workstream (self, ids[i]) == NULL)
      return invalid (error, _("A workstream in the scope is not in this workspace"));

  if (!check_person (self, stw_audit_get_lead_id (a), old && stw_audit_get_lead_id (old) == stw_audit_get_lead_id (a),
                     error))
    return FALSE;
  if (old != NULL)
    old_ids = stw_audit_get_team_ids (old, &n_old);
  ids = stw_audit_get_team_ids (a, &n);
  for (guint i = 0; i < n; i++)
    if (!check_person (self, ids[i], has_id (old_ids, n_old, ids[i]), error))
      return FALSE;

  if (stw_audit_get_status (a) == STW_AUDIT_CLOSED && (old == NULL || stw_audit_get_status (old) != STW_AUDIT_CLOSED))
    {
      g_autofree char *open = NULL;

      if (old == NULL)
        return invalid (error, _("A new audit cannot be closed"));
      open = open_nonconformities (self, stw_audit_get_id (old), error);
      if (open == NULL)
        return FALSE;
      if (open[0] != '\0')
        {
          /* Translators: "IA-2027-01 cannot be closed: the corrective
           * actions CA-004, CA-007 of its nonconformities are open…". */
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("%s cannot be closed: the corrective actions %s of its nonconformities are open. "
                         "Close them, or carry the findings over to the next audit with a reason."),
                       stw_audit_get_ref (old), open);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
person_name (StwWorkspace *self,
             gint64        id)
{
  return _stw_workspace_person_name (self, id);
}

static char *
audit_changes (StwWorkspace *self,
               StwAudit     *old,
               StwAudit     *a)
{
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autofree char *title = g_strstrip (g_strdup (stw_audit_get_title (a)));
  g_autofree char *old_title = old ? g_strstrip (g_strdup (stw_audit_get_title (old))) : NULL;
  gboolean creating = old == NULL;
  struct {
    const char *key;
    GStrv       was;
    GStrv       now;
  } sets[5] = {
    { "clauses" }, { "controls" }, { "workstreams" }, { "processes" }, { "team" },
  };
  const gint64 *ids;
  guint n;

#define TEXT(key, getter) \
  if (creating ? getter (a)[0] != '\0' : g_strcmp0 (getter (old), getter (a)) != 0) \
    _stw_changes_add_text (b, key, creating ? NULL : getter (old), getter (a));

  if (creating)
    _stw_changes_add_text (b, "ref", NULL, stw_audit_get_ref (a));
  if (creating || g_strcmp0 (old_title, title) != 0)
    _stw_changes_add_text (b, "title", old_title, title);
  if (creating || g_strcmp0 (stw_audit_get_planned_date (old), stw_audit_get_planned_date (a)) != 0)
    _stw_changes_add_text (b, "planned_date", creating ? NULL : stw_audit_get_planned_date (old),
                           stw_audit_get_planned_date (a));
  if (creating ? stw_audit_get_lead_id (a) != 0 : stw_audit_get_lead_id (old) != stw_audit_get_lead_id (a))
    _stw_changes_add_text (b, "lead", creating ? NULL : person_name (self, stw_audit_get_lead_id (old)),
                           person_name (self, stw_audit_get_lead_id (a)));
  if (creating || stw_audit_get_status (old) != stw_audit_get_status (a))
    _stw_changes_add_text (b, "status", creating ? NULL : stw_audit_status_to_key (stw_audit_get_status (old)),
                           stw_audit_status_to_key (stw_audit_get_status (a)));
  TEXT ("conclusion", stw_audit_get_conclusion)
  TEXT ("report_notes", stw_audit_get_report_notes)
#undef TEXT

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      StwAudit *sides[2] = { old, a };

      for (guint side = 0; side < 2; side++)
        {
          StwAudit *x = sides[side];
          GStrv v;

          if (x == NULL)
            v = g_new0 (char *, 1);
          else if (s == 0)
            v = clean_set (stw_audit_get_clauses (x));
          else if (s == 1)
            v = clean_set (stw_audit_get_controls (x));
          else if (s == 3)
            v = clean_set (stw_audit_get_processes (x));
          else
            {
              ids = s == 2 ? stw_audit_get_workstream_ids (x, &n) : stw_audit_get_team_ids (x, &n);
              v = ids_to_set (ids, n);
            }
          if (side == 0)
            sets[s].was = v;
          else
            sets[s].now = v;
        }
      if (!sets_equal ((const char * const *) sets[s].was, (const char * const *) sets[s].now))
        _stw_changes_add_strv (b, sets[s].key, (const char * const *) sets[s].was,
                               (const char * const *) sets[s].now);
      g_strfreev (sets[s].was);
      g_strfreev (sets[s].now);
    }
  return _stw_changes_finish (b);
}

static gboolean
insert_scope_rows (StwWorkspace        *self,
                   gint64               audit_id,
                   const char          *kind,
                   const char * const  *values,
                   GError             **error)
{
  g_auto(GStrv) clean = clean_set (values);

  for (guint i = 0; clean[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = _stw_workspace_prepare (self, "INSERT INTO audit_scope (audit_id, kind, value)"
                                                         " VALUES (?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, audit_id);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, clean[i], -1, SQLITE_TRANSIENT);
      if (!_stw_workspace_step_done (self, stmt, _("Could not save the audit"), error))
        return FALSE;
    }
  return TRUE;
}

/* Rewrites the scope and team rows of @a. */
static gboolean
write_scope (StwWorkspace  *self,
             StwAudit      *a,
             GError       **error)
{
  gint64 id = stw_audit_get_id (a);
  g_auto(GStrv) streams = NULL;
  g_auto(GStrv) team = NULL;
  const gint64 *ids;
  sqlite3_stmt *stmt;
  guint n;

  stmt = _stw_workspace_prepare (self, "DELETE FROM audit_scope WHERE audit_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_stw_workspace_step_done (self, stmt, _("Could not save the audit"), error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, "DELETE FROM audit_team WHERE audit_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_stw_workspace_step_done (self, stmt, _("Could not save the audit"), error))
    return FALSE;

  ids = stw_audit_get_workstream_ids (a, &n);
  streams = ids_to_set (ids, n);
  if (!insert_scope_rows (self, id, "clause", stw_audit_get_clauses (a), error)
      || !insert_scope_rows (self, id, "control", stw_audit_get_controls (a), error)
      || !insert_scope_rows (self, id, "process", stw_audit_get_processes (a), error)
      || !insert_scope_rows (self, id, "workstream", (const char * const *) streams, error))
    return FALSE;

  ids = stw_audit_get_team_ids (a, &n);
  team = ids_to_set (ids, n);
  for (guint i = 0; team[i] != NULL; i++)
    {
      stmt = _stw_workspace_prepare (self, "INSERT INTO audit_team (audit_id, person_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_ascii_strtoll (team[i], NULL, 10));
      if (!_stw_workspace_step_done (self, stmt, _("Could not save the audit"), error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_audit (sqlite3_stmt *stmt,
            StwAudit     *a)
{
  g_autofree char *title = g_strstrip (g_strdup (stw_audit_get_title (a)));

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stw_audit_get_planned_date (a), -1, SQLITE_TRANSIENT);
  _stw_bind_id_or_null (stmt, 3, stw_audit_get_lead_id (a));
  sqlite3_bind_text (stmt, 4, stw_audit_status_to_key (stw_audit_get_status (a)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, stw_audit_get_conclusion (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, stw_audit_get_report_notes (a), -1, SQLITE_TRANSIENT);
}

gboolean
stw_workspace_insert_audit (StwWorkspace  *self,
                            StwAudit      *audit,
                            GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *series = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 number;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_AUDIT (audit) && stw_audit_get_id (audit) == 0, FALSE);

  if (!validate_audit (self, audit, NULL, error))
    return FALSE;
  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  /* Numbered within the year the audit is planned for. */
  series = g_strdup_printf ("IA-%.4s", stw_audit_get_planned_date (audit));
  number = _stw_workspace_next_number (self, series, error);
  ok = number > 0;
  if (ok)
    {
      ref = g_strdup_printf ("%s-%02" G_GINT64_FORMAT, series, number);
      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO audit (title, planned_date, lead_id, status, conclusion,"
                                     " report_notes, ref, created_at, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_audit (stmt, audit);
      sqlite3_bind_text (stmt, 7, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the audit"), error);
    }
  if (ok)
    {
      _stw_audit_set_stored (audit, sqlite3_last_insert_rowid (_stw_workspace_get_db (self)), ref,
                             person_name (self, stw_audit_get_lead_id (audit)));
      ok = write_scope (self, audit, error);
    }
  if (ok)
    {
      changes = audit_changes (self, NULL, audit);
      ok = _stw_history_append (self, "audit", stw_audit_get_id (audit), "create", changes, error);
    }
  if (ok)
    note (self, "audit", stw_audit_get_id (audit));
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (!ok)
    _stw_audit_set_stored (audit, 0, NULL, NULL);
  return ok;
}

gboolean
stw_workspace_update_audit (StwWorkspace  *self,
                            StwAudit      *audit,
                            GError       **error)
{
  g_autoptr(StwAudit) old = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_AUDIT (audit), FALSE);

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  /* Read inside the transaction: the closing rule must hold for what is
   * written, not for what another process saw. */
  old = stw_workspace_load_audit (self, stw_audit_get_id (audit), error);
  ok = old != NULL && validate_audit (self, audit, old, error);
  if (ok)
    changes = audit_changes (self, old, audit);
  if (ok && !g_str_equal (changes, "{}"))
    {
      stmt = _stw_workspace_prepare (self,
                                     "UPDATE audit SET title = ?1, planned_date = ?2, lead_id = ?3, status = ?4,"
                                     " conclusion = ?5, report_notes = ?6, updated_at = ?7"
                                     " WHERE id = ?8 AND deleted_at IS NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          bind_audit (stmt, audit);
          sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 8, stw_audit_get_id (audit));
          ok = _stw_workspace_step_done (self, stmt, _("Could not save the audit"), error);
        }
      ok = ok && write_scope (self, audit, error);
      ok = ok && _stw_history_append (self, "audit", stw_audit_get_id (audit), "update", changes, error);
      if (ok)
        note (self, "audit", stw_audit_get_id (audit));
    }
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
stw_workspace_close_audit (StwWorkspace  *self,
                           gint64         audit_id,
                           GError       **error)
{
  g_autoptr(StwAudit) a = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  a = stw_workspace_load_audit (self, audit_id, error);
  if (a == NULL)
    return FALSE;
  stw_audit_set_status (a, STW_AUDIT_CLOSED);
  return stw_workspace_update_audit (self, a, error);
}

/* Marks @audit_id deleted or restored, with an entry naming it. */
static gboolean
set_audit_deleted (StwWorkspace  *self,
                   gint64         audit_id,
                   const char    *ref,
                   const char    *title,
                   gboolean       deleted,
                   GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *changes = NULL;
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, deleted
                                 ? "UPDATE audit SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL"
                                 : "UPDATE audit SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2"
                                   " AND deleted_at IS NOT NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, audit_id);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the change"), error);
    }
  if (ok && sqlite3_changes (_stw_workspace_get_db (self)) != 1)
    {
      g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                           deleted ? _("It was deleted already") : _("It is not deleted"));
      ok = FALSE;
    }
  if (ok)
    {
      _stw_changes_add_text (b, "ref", ref, ref);
      _stw_changes_add_text (b, "title", title, title);
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "audit", audit_id, deleted ? "delete" : "restore", changes, error);
    }
  if (ok)
    note (self, "audit", audit_id);
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
stw_workspace_delete_audit (StwWorkspace  *self,
                            gint64         audit_id,
                            GError       **error)
{
  g_autoptr(StwAudit) a = NULL;
  g_autoptr(GListModel) findings = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  a = stw_workspace_load_audit (self, audit_id, error);
  if (a == NULL)
    return FALSE;
  findings = stw_workspace_list_findings (self, audit_id, error);
  if (findings == NULL)
    return FALSE;
  if (g_list_model_get_n_items (findings) > 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("%s has findings and stays on record"), stw_audit_get_ref (a));
      return FALSE;
    }
  return set_audit_deleted (self, audit_id, stw_audit_get_ref (a), stw_audit_get_title (a), TRUE, error);
}

gboolean
stw_workspace_restore_audit (StwWorkspace  *self,
                             gint64         audit_id,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *ref = NULL, *title = NULL;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  stmt = _stw_workspace_prepare (self, "SELECT ref, title FROM audit WHERE id = ? AND deleted_at IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, audit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ref = g_strdup (_stw_column_text (stmt, 0));
      title = g_strdup (_stw_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (ref == NULL)
    {
      g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND, _("It is not deleted"));
      return FALSE;
    }
  return set_audit_deleted (self, audit_id, ref, title, FALSE, error);
}

/* Independence */

void
stw_audit_conflict_free (StwAuditConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->person_name);
  g_strfreev (conflict->refs);
  g_free (conflict);
}

/* What @person_id owns inside the scope of @audit_id. The audit's own
 * corrective actions are left out: the audit raised them, it did not
 * audit them. */
static GStrv
owned_in_scope (StwWorkspace  *self,
                gint64         audit_id,
                gint64         person_id,
                GError       **error)
{
  static const char sql[] =
    "SELECT ref FROM ("
    " SELECT i.ref AS ref, 0 AS k, i.id AS o FROM item i"
    "  WHERE i.deleted_at IS NULL AND i.status <> 'cancelled' AND i.owner_id = ?1"
    "  AND i.id NOT IN (SELECT item_id FROM finding WHERE audit_id = ?2)"
    "  AND (EXISTS (SELECT 1 FROM item_clause c JOIN audit_scope s ON s.audit_id = ?2 AND s.kind = 'clause'"
    "               AND (c.clause = s.value OR substr (c.clause, 1, length (s.value) + 1) = s.value || '.')"
    "               WHERE c.item_id = i.id)"
    "       OR EXISTS (SELECT 1 FROM item_control c JOIN audit_scope s ON s.audit_id = ?2 AND s.kind = 'control'"
    "                  AND s.value = c.control_id WHERE c.item_id = i.id)"
    "       OR EXISTS (SELECT 1 FROM audit_scope s WHERE s.audit_id = ?2 AND s.kind = 'workstream'"
    "                  AND s.value = CAST (i.workstream_id AS TEXT)))"
    " UNION ALL"
    " SELECT r.ref, 1, r.id FROM risk r"
    "  WHERE r.deleted_at IS NULL AND r.owner_id = ?1"
    "  AND EXISTS (SELECT 1 FROM risk_control c JOIN audit_scope s ON s.audit_id = ?2 AND s.kind = 'control'"
    "              AND s.value = c.control_id WHERE c.risk_id = r.id)"
    " UNION ALL"
    " SELECT w.name, 2, w.id FROM workstream w"
    "  WHERE w.archived_at IS NULL AND w.owner_id = ?1"
    "  AND EXISTS (SELECT 1 FROM audit_scope s WHERE s.audit_id = ?2 AND s.kind = 'workstream'"
    "              AND s.value = CAST (w.id AS TEXT))"
    ") ORDER BY k, o";
  g_autoptr(GStrvBuilder) refs = g_strv_builder_new ();
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, audit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (refs, _stw_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the audit's scope"));
      return NULL;
    }
  return g_strv_builder_end (refs);
}

GPtrArray *
stw_workspace_audit_independence (StwWorkspace  *self,
                                  gint64         audit_id,
                                  GError       **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_audit_conflict_free);
  g_autoptr(StwAudit) a = NULL;
  g_autoptr(GArray) auditors = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *team;
  guint n;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  a = stw_workspace_load_audit (self, audit_id, error);
  if (a == NULL)
    return NULL;
  if (stw_audit_get_lead_id (a) != 0)
    {
      gint64 lead = stw_audit_get_lead_id (a);

      g_array_append_val (auditors, lead);
    }
  team = stw_audit_get_team_ids (a, &n);
  for (guint i = 0; i < n; i++)
    if (!has_id ((const gint64 *) auditors->data, auditors->len, team[i]))
      g_array_append_val (auditors, team[i]);

  for (guint i = 0; i < auditors->len; i++)
    {
      gint64 person = g_array_index (auditors, gint64, i);
      g_auto(GStrv) refs = owned_in_scope (self, audit_id, person, error);
      StwAuditConflict *c;

      if (refs == NULL)
        return NULL;
      if (refs[0] == NULL)
        continue;
      c = g_new0 (StwAuditConflict, 1);
      c->person_id = person;
      c->person_name = g_strdup (person_name (self, person));
      c->refs = g_steal_pointer (&refs);
      g_ptr_array_add (conflicts, c);
    }
  return g_steal_pointer (&conflicts);
}

/* Findings */

static gint64
corrective_workstream (StwWorkspace *self)
{
  GListModel *streams = stw_workspace_get_workstreams (self);

  for (guint i = 0; i < g_list_model_get_n_items (streams); i++)
    {
      g_autoptr(StwWorkstream) w = g_list_model_get_item (streams, i);

      if (stw_workstream_get_kind (w) == STW_WORKSTREAM_CORRECTIVE)
        return stw_workstream_get_id (w);
    }
  return 0;
}

static gboolean
validate_finding (StwWorkspace  *self,
                  StwFinding    *f,
                  StwAudit      *a,
                  GError       **error)
{
  const char *clause = stw_finding_get_clause (f);
  const char *due = stw_finding_get_ca_due_date (f);

  if (stw_audit_get_status (a) == STW_AUDIT_CLOSED)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("%s is closed and takes no more findings"), stw_audit_get_ref (a));
      return FALSE;
    }
  if (stw_finding_get_classification (f) >= STW_N_CA_CLASSIFICATIONS)
    return invalid (error, _("Unknown classification"));
  if (is_blank (stw_finding_get_description (f)))
    return invalid (error, _("A finding needs a description"));
  if (clause[0] != '\0' && (is_control (clause) ? stw_controls_find (clause) == NULL : !stw_clause_is_valid (clause)))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("“%s” is neither a clause of ISO/IEC 27001:2022 nor a control of Annex A"), clause);
      return FALSE;
    }
  if (due != NULL && !stw_date_is_valid (due))
    return invalid (error, _("Dates are written as year-month-day, such as 2027-03-31"));
  return check_person (self, stw_finding_get_ca_owner_id (f), FALSE, error);
}

/* The corrective-action item of @f (reference @ref) before it is stored. */
static StwItem *
new_corrective_item (StwFinding *f,
                     gint64      workstream_id,
                     const char *ref)
{
  StwItem *item = stw_item_new (workstream_id);
  g_autoptr(StwCorrective) ca = stw_corrective_new ();
  g_autofree char *description = g_strstrip (g_strdup (stw_finding_get_description (f)));
  g_autofree char *first_line = g_strndup (description, strcspn (description, "\n"));
  g_autofree char *title = NULL;
  const char *clause = stw_finding_get_clause (f);
  const char *one[] = { clause, NULL };

  /* The title names the finding, so the log reads where it came from. */
  if (g_utf8_strlen (first_line, -1) > 80)
    {
      g_autofree char *cut = g_utf8_substring (first_line, 0, 79);

      title = g_strdup_printf ("%s: %s…", ref, cut);
    }
  else
    title = g_strdup_printf ("%s: %s", ref, first_line);
  stw_item_set_title (item, title);
  stw_item_set_description (item, description);
  stw_item_set_owner_id (item, stw_finding_get_ca_owner_id (f));
  stw_item_set_due_date (item, stw_finding_get_ca_due_date (f));
  if (clause[0] != '\0')
    {
      if (is_control (clause))
        stw_item_set_controls (item, one);
      else
        stw_item_set_clauses (item, one);
    }
  ca->source = STW_CA_SOURCE_INTERNAL_AUDIT;
  stw_corrective_set_text (&ca->source_ref, ref);
  ca->classification = stw_finding_get_classification (f);
  ca->action_type = stw_finding_is_nonconformity (f) ? STW_CA_TYPE_CORRECTIVE_ACTION : STW_CA_TYPE_IMPROVEMENT;
  stw_item_set_corrective (item, ca);
  return item;
}

gboolean
stw_workspace_insert_finding (StwWorkspace  *self,
                              StwFinding    *finding,
                              GError       **error)
{
  g_autoptr(StwAudit) a = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *series = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 stream, number, id = 0;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_FINDING (finding) && stw_finding_get_id (finding) == 0, FALSE);

  stream = corrective_workstream (self);
  if (stream == 0)
    return invalid (error, _("This workspace has no corrective-action log for the finding's corrective action"));

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  a = stw_workspace_load_audit (self, stw_finding_get_audit_id (finding), error);
  ok = a != NULL && validate_finding (self, finding, a, error);
  if (ok)
    {
      series = g_strdup_printf ("%s-F", stw_audit_get_ref (a));
      number = _stw_workspace_next_number (self, series, error);
      ok = number > 0;
      ref = ok ? g_strdup_printf ("%s%" G_GINT64_FORMAT, series, number) : NULL;
    }
  if (ok)
    {
      item = new_corrective_item (finding, stream, ref);
      ok = stw_workspace_insert_item (self, item, error);
    }
  if (ok)
    {
      description = g_strstrip (g_strdup (stw_finding_get_description (finding)));
      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO finding (audit_id, ref, classification, clause, description,"
                                     " item_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                                     error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, stw_audit_get_id (a));
      sqlite3_bind_text (stmt, 2, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, stw_ca_classification_to_key (stw_finding_get_classification (finding)),
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, stw_finding_get_clause (finding), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, description, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, stw_item_get_id (item));
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the finding"), error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (_stw_workspace_get_db (self));
      b = _stw_changes_new ();
      _stw_changes_add_text (b, "ref", NULL, ref);
      _stw_changes_add_text (b, "audit", NULL, stw_audit_get_ref (a));
      _stw_changes_add_text (b, "classification", NULL,
                             stw_ca_classification_to_key (stw_finding_get_classification (finding)));
      if (stw_finding_get_clause (finding)[0] != '\0')
        _stw_changes_add_text (b, "clause", NULL, stw_finding_get_clause (finding));
      _stw_changes_add_text (b, "description", NULL, description);
      _stw_changes_add_text (b, "corrective_action", NULL, stw_item_get_ref (item));
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "finding", id, "create", changes, error);
    }
  if (ok)
    {
      note (self, "finding", id);
      note (self, "audit", stw_audit_get_id (a));
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    _stw_finding_set_stored (finding, id, ref, stw_item_get_id (item), stw_item_get_ref (item),
                             stw_item_get_status (item), NULL);
  return ok;
}

gboolean
stw_workspace_delete_finding (StwWorkspace  *self,
                              gint64         finding_id,
                              GError       **error)
{
  g_autoptr(StwFinding) f = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  f = stw_workspace_load_finding (self, finding_id, error);
  ok = f != NULL;
  if (ok)
    {
      stmt = _stw_workspace_prepare (self, "UPDATE finding SET deleted_at = ?1, updated_at = ?1"
                                           " WHERE id = ?2 AND deleted_at IS NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, finding_id);
          ok = _stw_workspace_step_done (self, stmt, _("Could not save the change"), error);
        }
    }
  if (ok)
    {
      _stw_changes_add_text (b, "ref", stw_finding_get_ref (f), stw_finding_get_ref (f));
      _stw_changes_add_text (b, "description", stw_finding_get_description (f), stw_finding_get_description (f));
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "finding", finding_id, "delete", changes, error);
    }
  /* Its corrective action goes with it, unless someone removed it
   * already. */
  if (ok)
    item = stw_workspace_load_item (self, stw_finding_get_item_id (f), NULL);
  if (ok && item != NULL)
    ok = stw_workspace_delete_item (self, stw_item_get_id (item), error);
  if (ok)
    {
      note (self, "finding", finding_id);
      note (self, "audit", stw_finding_get_audit_id (f));
    }
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
stw_workspace_carry_over_finding (StwWorkspace  *self,
                                  gint64         finding_id,
                                  const char    *reason,
                                  GError       **error)
{
  g_autoptr(StwFinding) f = NULL;
  g_autoptr(StwAudit) a = NULL;
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autofree char *clean = is_blank (reason) ? NULL : g_strstrip (g_strdup (reason));
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  f = stw_workspace_load_finding (self, finding_id, error);
  ok = f != NULL;
  if (ok)
    {
      a = stw_workspace_load_audit (self, stw_finding_get_audit_id (f), error);
      ok = a != NULL;
    }
  if (ok && stw_audit_get_status (a) == STW_AUDIT_CLOSED)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("%s is closed: its findings stay as they were"), stw_audit_get_ref (a));
      ok = FALSE;
    }
  if (ok && !stw_finding_is_nonconformity (f))
    ok = invalid (error, _("Only a nonconformity holds an audit open and is carried over"));
  if (ok && g_strcmp0 (stw_finding_get_carry_over_reason (f), clean) == 0)
    return _stw_workspace_write_end (self, TRUE, error);
  if (ok)
    {
      stmt = _stw_workspace_prepare (self, "UPDATE finding SET carry_over_reason = ?1, updated_at = ?2"
                                           " WHERE id = ?3 AND deleted_at IS NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          _stw_bind_text_or_null (stmt, 1, clean);
          sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, finding_id);
          ok = _stw_workspace_step_done (self, stmt, _("Could not save the finding"), error);
        }
    }
  if (ok)
    {
      _stw_changes_add_text (b, "carry_over_reason", stw_finding_get_carry_over_reason (f), clean);
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "finding", finding_id, "update", changes, error);
    }
  if (ok)
    {
      note (self, "finding", finding_id);
      note (self, "audit", stw_finding_get_audit_id (f));
    }
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

/* The plan's link */

gint64
stw_workspace_get_item_audit (StwWorkspace *self,
                              gint64        item_id)
{
  sqlite3_stmt *stmt;
  gint64 audit_id = 0;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), 0);

  stmt = _stw_workspace_prepare (self, "SELECT coalesce(audit_id, 0) FROM item WHERE id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    audit_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return audit_id;
}

gboolean
stw_workspace_link_item_to_audit (StwWorkspace  *self,
                                  gint64         item_id,
                                  gint64         audit_id,
                                  GError       **error)
{
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwAudit) was = NULL;
  g_autoptr(StwAudit) now_audit = NULL;
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  StwWorkstream *stream;
  sqlite3_stmt *stmt;
  gint64 old_id;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  item = stw_workspace_load_item (self, item_id, error);
  if (item == NULL)
    return FALSE;
  stream = stw_workspace_find_workstream (self, stw_item_get_workstream_id (item));
  if (stream == NULL || stw_workstream_get_kind (stream) != STW_WORKSTREAM_PLAN)
    return invalid (error, _("Only a task of the operational plan runs an audit"));
  if (audit_id != 0 && (now_audit = stw_workspace_load_audit (self, audit_id, error)) == NULL)
    return FALSE;
  old_id = stw_workspace_get_item_audit (self, item_id);
  if (old_id == audit_id)
    return TRUE;
  /* A link to an audit deleted since reads as none. */
  was = old_id ? stw_workspace_load_audit (self, old_id, NULL) : NULL;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, "UPDATE item SET audit_id = ?1, updated_at = ?2 WHERE id = ?3", error);
  ok = stmt != NULL;
  if (ok)
    {
      _stw_bind_id_or_null (stmt, 1, audit_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, item_id);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the item"), error);
    }
  if (ok)
    {
      _stw_changes_add_text (b, "audit", was ? stw_audit_get_ref (was) : NULL,
                             now_audit ? stw_audit_get_ref (now_audit) : NULL);
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "item", item_id, "update", changes, error);
    }
  if (ok)
    _stw_workspace_note_change (self, "item", item_id, stw_item_get_workstream_id (item));
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

/* Hooks */

static void
audits_changed (StwWorkspace *self,
                GArray       *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      StwChange *c = &g_array_index (changes, StwChange, i);

      _stw_records_emit_changed (self, g_quark_to_string (c->entity), c->id);
    }
}

/* Another connection wrote: the signal for each audit and finding its
 * entries name. Nothing is cached, so nothing to reload. */
static void
audits_reloaded (StwWorkspace *self,
                 GPtrArray    *entries)
{
  if (entries == NULL)
    return;
  for (guint i = 0; i < entries->len; i++)
    {
      StwHistoryEntry *entry = entries->pdata[i];

      if (g_strcmp0 (entry->entity, "audit") == 0 || g_strcmp0 (entry->entity, "finding") == 0)
        _stw_records_emit_changed (self, entry->entity, entry->entity_id);
    }
}

static const StwDomain audit_domain = {
  .entity = "audit",
  .changed = audits_changed,
  .reloaded = audits_reloaded,
};

static const StwDomain finding_domain = {
  .entity = "finding",
  .changed = audits_changed,
};

void
_stw_audits_init (void)
{
  _stw_workspace_add_domain (&audit_domain);
  _stw_workspace_add_domain (&finding_domain);
}
