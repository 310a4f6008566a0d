/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-soa.c: storing the Statement of Applicability, its approvals, and
 * finding where it does not match what is running (see stw-soa.h).
 *
 * The SoA holds no copy of the links: the risks and items that name a
 * control are read from their own control lists each time, so the SoA
 * always shows what the register and the workstreams say.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-controls.h"
#include "stw-soa-private.h"
#include "stw-soa.h"
#include "stw-workspace-private.h"

#define ENTRY_COLUMNS "id, control_id, applicable, reasons, justification, status, notes"

static guint soa_changed_signal;

/* Helpers */

static StwSoaEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  StwSoaEntry *e = stw_soa_entry_new (_stw_column_text (stmt, 1));
  StwSoaStatus status = STW_SOA_NOT_STARTED;

  stw_soa_entry_set_applicable (e, sqlite3_column_int (stmt, 2));
  stw_soa_entry_set_reasons (e, _stw_soa_reasons_from_text (_stw_column_text (stmt, 3)));
  stw_soa_entry_set_justification (e, _stw_column_text (stmt, 4));
  stw_soa_status_from_key (_stw_column_text (stmt, 5), &status);
  stw_soa_entry_set_status (e, status);
  stw_soa_entry_set_notes (e, _stw_column_text (stmt, 6));
  _stw_soa_entry_set_stored (e, sqlite3_column_int64 (stmt, 0));
  return e;
}

/* control id → GStrvBuilder of references, from @sql ("control, ref",
 * ordered), optionally for one control (?1). */
static GHashTable *
read_links (StwWorkspace  *self,
            const char    *sql,
            const char    *control_id,
            GError       **error)
{
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_strv_builder_unref);
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _stw_bind_text_or_null (stmt, 1, control_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *control = _stw_column_text (stmt, 0);
      GStrvBuilder *b = g_hash_table_lookup (links, control);

      if (b == NULL)
        {
          b = g_strv_builder_new ();
          g_hash_table_insert (links, g_strdup (control), b);
        }
      g_strv_builder_add (b, _stw_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the Statement of Applicability"));
      return NULL;
    }
  return g_steal_pointer (&links);
}

/* The references for @control in @links; never NULL. */
static GStrv
links_of (GHashTable *links,
          const char *control_id)
{
  GStrvBuilder *b = g_hash_table_lookup (links, control_id);

  if (b == NULL)
    return g_new0 (char *, 1);
  /* Ended once: each control's builder is read once. */
  return g_strv_builder_end (b);
}

/* The lines of @control_id (NULL: every control) as the file has them,
 * with their links: an array of StwSoaEntry in catalogue order. */
static GPtrArray *
read_entries (StwWorkspace  *self,
              const char    *control_id,
              GError       **error)
{
  static const char risk_sql[] =
    "SELECT rc.control_id, r.ref FROM risk_control rc JOIN risk r ON r.id = rc.risk_id"
    " WHERE r.deleted_at IS NULL AND (?1 IS NULL OR rc.control_id = ?1) ORDER BY rc.control_id, r.id";
  static const char item_sql[] =
    "SELECT ic.control_id, i.ref FROM item_control ic JOIN item i ON i.id = ic.item_id"
    " WHERE i.deleted_at IS NULL AND (?1 IS NULL OR ic.control_id = ?1) ORDER BY ic.control_id, i.id";
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GHashTable) risks = NULL;
  g_autoptr(GHashTable) items = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _stw_workspace_prepare (self, "SELECT " ENTRY_COLUMNS " FROM soa_entry"
                                       " WHERE ?1 IS NULL OR control_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  _stw_bind_text_or_null (stmt, 1, control_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StwSoaEntry *e = entry_from_row (stmt);

      g_hash_table_insert (rows, (gpointer) stw_soa_entry_get_control_id (e), e);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the Statement of Applicability"));
      return NULL;
    }
  if ((risks = read_links (self, risk_sql, control_id, error)) == NULL
      || (items = read_links (self, item_sql, control_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < stw_controls_get_count (); i++)
    {
      const char *id = stw_controls_get (i)->id;
      StwSoaEntry *row;
      g_autoptr(StwSoaEntry) e = NULL;
      g_auto(GStrv) risk_refs = NULL;
      g_auto(GStrv) item_refs = NULL;

      if (control_id != NULL && strcmp (id, control_id) != 0)
        continue;
      row = g_hash_table_lookup (rows, id);
      e = row ? g_object_ref (row) : stw_soa_entry_new (id);
      risk_refs = links_of (risks, id);
      item_refs = links_of (items, id);
      _stw_soa_entry_set_links (e, (const char * const *) risk_refs, (const char * const *) item_refs);
      g_ptr_array_add (entries, g_steal_pointer (&e));
    }
  return g_steal_pointer (&entries);
}

/* The change set from @old to @now ({} for none). A first row records
 * every field, from the values the control read as without one. */
static char *
entry_changes (StwSoaEntry *old,
               StwSoaEntry *now)
{
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  gboolean create = stw_soa_entry_get_id (old) == 0;
  g_autofree char *old_reasons = _stw_soa_reasons_to_text (stw_soa_entry_get_reasons (old));
  g_autofree char *new_reasons = _stw_soa_reasons_to_text (stw_soa_entry_get_reasons (now));

  if (create)
    _stw_changes_add_text (b, "control", NULL, stw_soa_entry_get_control_id (now));
  if (create || stw_soa_entry_get_applicable (old) != stw_soa_entry_get_applicable (now))
    _stw_changes_add_int (b, "applicable", stw_soa_entry_get_applicable (old), stw_soa_entry_get_applicable (now));
  if (create || strcmp (old_reasons, new_reasons) != 0)
    {
      g_auto(GStrv) was = stw_soa_reasons_to_keys (stw_soa_entry_get_reasons (old));
      g_auto(GStrv) is = stw_soa_reasons_to_keys (stw_soa_entry_get_reasons (now));

      _stw_changes_add_strv (b, "reasons", (const char * const *) was, (const char * const *) is);
    }
  if (create || strcmp (stw_soa_entry_get_justification (old), stw_soa_entry_get_justification (now)) != 0)
    _stw_changes_add_text (b, "justification", stw_soa_entry_get_justification (old),
                           stw_soa_entry_get_justification (now));
  if (create || stw_soa_entry_get_status (old) != stw_soa_entry_get_status (now))
    _stw_changes_add_text (b, "status", stw_soa_status_to_key (stw_soa_entry_get_status (old)),
                           stw_soa_status_to_key (stw_soa_entry_get_status (now)));
  if (create || strcmp (stw_soa_entry_get_notes (old), stw_soa_entry_get_notes (now)) != 0)
    _stw_changes_add_text (b, "notes", stw_soa_entry_get_notes (old), stw_soa_entry_get_notes (now));
  return _stw_changes_finish (b);
}

static gboolean
step_rows (StwWorkspace  *self,
           sqlite3_stmt  *stmt,
           GStrvBuilder  *refs,
           guint         *count,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (refs != NULL)
        g_strv_builder_add (refs, _stw_column_text (stmt, 0));
      if (count != NULL)
        *count = sqlite3_column_int (stmt, 0);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the Statement of Applicability"));
      return FALSE;
    }
  return TRUE;
}

/* The references @sql returns for the control ?1 (and the number ?2,
 * where it has one). */
static GStrv
query_refs (StwWorkspace  *self,
            const char    *sql,
            const char    *control_id,
            gint64         number,
            GError       **error)
{
  g_autoptr(GStrvBuilder) refs = g_strv_builder_new ();
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, control_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, number);
  if (!step_rows (self, stmt, refs, NULL, error))
    return NULL;
  return g_strv_builder_end (refs);
}

static void
add_mismatch (GPtrArray  *mismatches,
              StwSoaRule  rule,
              const char *control_id,
              GStrv       item_refs,
              GStrv       risk_refs)
{
  StwSoaMismatch *m = g_new0 (StwSoaMismatch, 1);

  m->rule = rule;
  m->control_id = g_strdup (control_id);
  m->item_refs = item_refs ? item_refs : g_new0 (char *, 1);
  m->risk_refs = risk_refs ? risk_refs : g_new0 (char *, 1);
  g_ptr_array_add (mismatches, m);
}

/* Whether an item naming @control_id was completed, or evidence on an
 * item or risk naming it was filed (by its effective date, else the day
 * it was added) and has not expired, since @cycle_start. */
static gboolean
proven_in_cycle (StwWorkspace  *self,
                 const char    *control_id,
                 const char    *cycle_start,
                 gboolean      *proven,
                 GError       **error)
{
  static const char done_sql[] =
    "SELECT count(*) FROM item_control ic JOIN item i ON i.id = ic.item_id"
    " WHERE ic.control_id = ?1 AND i.deleted_at IS NULL AND i.status = 'done' AND i.completed_date >= ?2";
  static const char evidence_sql[] =
    "SELECT count(*) FROM attachment a WHERE a.removed_at IS NULL"
    " AND (a.expiry_date IS NULL OR a.expiry_date >= ?3)"
    " AND coalesce (a.effective_date, substr (a.added_at, 1, 10)) >= ?2"
    " AND ((a.entity = 'item' AND a.entity_id IN (SELECT i.id FROM item_control ic JOIN item i ON i.id = ic.item_id"
    "                                             WHERE ic.control_id = ?1 AND i.deleted_at IS NULL))"
    "   OR (a.entity = 'risk' AND a.entity_id IN (SELECT r.id FROM risk_control rc JOIN risk r ON r.id = rc.risk_id"
    "                                             WHERE rc.control_id = ?1 AND r.deleted_at IS NULL)))";
  sqlite3_stmt *stmt;
  guint count = 0;

  stmt = _stw_workspace_prepare (self, done_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, control_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cycle_start, -1, SQLITE_TRANSIENT);
  if (!step_rows (self, stmt, NULL, &count, error))
    return FALSE;
  if (count > 0)
    {
      *proven = TRUE;
      return TRUE;
    }
  stmt = _stw_workspace_prepare (self, evidence_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, control_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cycle_start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, _stw_workspace_today (self), -1, SQLITE_TRANSIENT);
  if (!step_rows (self, stmt, NULL, &count, error))
    return FALSE;
  *proven = count > 0;
  return TRUE;
}

/* The mismatches of one line, appended to @mismatches in rule order. */
static gboolean
find_mismatches (StwWorkspace  *self,
                 StwSoaEntry   *e,
                 const char    *cycle_start,
                 GPtrArray     *mismatches,
                 GError       **error)
{
  static const char open_items_sql[] =
    "SELECT i.ref FROM item_control ic JOIN item i ON i.id = ic.item_id WHERE ic.control_id = ?1"
    " AND i.deleted_at IS NULL AND i.status NOT IN ('done', 'cancelled') ORDER BY i.id";
  /* A risk names the controls that treat it; a closed risk has nothing
   * left to treat. ?2: the score a risk must exceed (-1: any). */
  static const char risks_sql[] =
    "SELECT r.ref FROM risk_control rc JOIN risk r ON r.id = rc.risk_id WHERE rc.control_id = ?1"
    " AND r.deleted_at IS NULL AND r.status <> 'closed' AND r.likelihood * r.impact > ?2"
    " ORDER BY r.id";
  const char *id = stw_soa_entry_get_control_id (e);

  if (stw_soa_entry_get_applicable (e))
    {
      if (stw_soa_entry_get_status (e) == STW_SOA_IMPLEMENTED)
        {
          gboolean proven = FALSE;

          if (!proven_in_cycle (self, id, cycle_start, &proven, error))
            return FALSE;
          if (!proven)
            add_mismatch (mismatches, STW_SOA_RULE_IMPLEMENTED_UNPROVEN, id,
                          g_strdupv ((char **) stw_soa_entry_get_item_refs (e)),
                          g_strdupv ((char **) stw_soa_entry_get_risk_refs (e)));
        }
      else if (stw_soa_entry_get_status (e) == STW_SOA_NOT_STARTED)
        {
          GStrv risks = query_refs (self, risks_sql, id, stw_workspace_get_risk_threshold (self), error);

          if (risks == NULL)
            return FALSE;
          if (risks[0] != NULL)
            add_mismatch (mismatches, STW_SOA_RULE_NOT_STARTED_AT_RISK, id, NULL, risks);
          else
            g_strfreev (risks);
        }
      return TRUE;
    }

  {
    g_auto(GStrv) items = query_refs (self, open_items_sql, id, 0, error);
    g_auto(GStrv) risks = items ? query_refs (self, risks_sql, id, -1, error) : NULL;

    if (risks == NULL)
      return FALSE;
    if (items[0] != NULL || risks[0] != NULL)
      add_mismatch (mismatches, STW_SOA_RULE_EXCLUDED_IN_USE, id, g_steal_pointer (&items), g_steal_pointer (&risks));
  }
  if (!stw_soa_entry_is_justified (e))
    add_mismatch (mismatches, STW_SOA_RULE_EXCLUDED_UNJUSTIFIED, id, NULL, NULL);
  return TRUE;
}

/* Hooks */

static void
soa_changed (StwWorkspace *self,
             GArray       *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      StwChange *c = &g_array_index (changes, StwChange, i);
      g_autofree char *control = NULL;

      /* The control of a line; an approval names none. */
      if (c->entity == g_quark_from_static_string ("soa"))
        {
          sqlite3_stmt *stmt = _stw_workspace_prepare (self, "SELECT control_id FROM soa_entry WHERE id = ?", NULL);

          if (stmt != NULL)
            {
              sqlite3_bind_int64 (stmt, 1, c->id);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                control = g_strdup (_stw_column_text (stmt, 0));
              sqlite3_reset (stmt);
              sqlite3_clear_bindings (stmt);
            }
          /* Rolled back: nothing changed. */
          if (control == NULL)
            continue;
        }
      g_signal_emit (self, soa_changed_signal, 0, control);
    }
}

static void
soa_reloaded (StwWorkspace *self,
              GPtrArray    *entries)
{
  if (_stw_history_mentions (entries, "soa") || _stw_history_mentions (entries, "soa_approval"))
    g_signal_emit (self, soa_changed_signal, 0, NULL);
}

static const StwDomain soa_domain = {
  .entity = "soa",
  .changed = soa_changed,
  .reloaded = soa_reloaded,
};

static const StwDomain soa_approval_domain = {
  .entity = "soa_approval",
  .changed = soa_changed,
};

/* Public API */

GListModel *
stw_workspace_list_soa (StwWorkspace  *self,
                        GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (STW_TYPE_SOA_ENTRY);
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  entries = read_entries (self, NULL, error);
  if (entries == NULL)
    return NULL;
  g_list_store_splice (list, 0, 0, entries->pdata, entries->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

StwSoaEntry *
stw_workspace_load_soa_entry (StwWorkspace  *self,
                              const char    *control_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  if (stw_controls_find (control_id) == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("“%s” is not an Annex A control"), control_id ? control_id : "");
      return NULL;
    }
  entries = read_entries (self, control_id, error);
  if (entries == NULL)
    return NULL;
  g_return_val_if_fail (entries->len == 1, NULL);
  return g_object_ref (entries->pdata[0]);
}

gboolean
stw_workspace_update_soa_entry (StwWorkspace  *self,
                                StwSoaEntry   *entry,
                                GError       **error)
{
  g_autoptr(StwSoaEntry) old = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_SOA_ENTRY (entry), FALSE);

  old = stw_workspace_load_soa_entry (self, stw_soa_entry_get_control_id (entry), error);
  if (old == NULL)
    return FALSE;
  changes = entry_changes (old, entry);
  if (stw_soa_entry_get_id (old) != 0 && g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 "INSERT INTO soa_entry (control_id, applicable, reasons, justification, status,"
                                 " notes, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                 " ON CONFLICT (control_id) DO UPDATE SET applicable = ?2, reasons = ?3,"
                                 " justification = ?4, status = ?5, notes = ?6, updated_at = ?7", error);
  ok = stmt != NULL;
  if (ok)
    {
      reasons = _stw_soa_reasons_to_text (stw_soa_entry_get_reasons (entry));
      sqlite3_bind_text (stmt, 1, stw_soa_entry_get_control_id (entry), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, stw_soa_entry_get_applicable (entry));
      sqlite3_bind_text (stmt, 3, reasons, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, stw_soa_entry_get_justification (entry), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, stw_soa_status_to_key (stw_soa_entry_get_status (entry)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, stw_soa_entry_get_notes (entry), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the Statement of Applicability"), error);
    }
  id = stw_soa_entry_get_id (old);
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (_stw_workspace_get_db (self));
  if (ok)
    ok = _stw_history_append (self, "soa", id, stw_soa_entry_get_id (old) == 0 ? "create" : "update", changes, error);
  if (ok)
    _stw_workspace_note_change (self, "soa", id, 0);
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    _stw_soa_entry_set_stored (entry, id);
  return ok;
}

void
stw_soa_approval_free (StwSoaApproval *approval)
{
  if (approval == NULL)
    return;
  g_free (approval->approver_name);
  g_free (approval->approved_at);
  g_free (approval);
}

StwSoaApproval *
stw_workspace_get_soa_approval (StwWorkspace  *self,
                                GError       **error)
{
  /* Stale when a line's newest entry comes after the approval's: the
   * history's order, not the clock, says what came first. */
  static const char sql[] =
    "SELECT a.version, coalesce (a.approved_by, 0), p.name, a.approved_at,"
    "  coalesce ((SELECT max (seq) FROM history WHERE entity = 'soa'), 0)"
    "  > coalesce ((SELECT max (seq) FROM history WHERE entity = 'soa_approval' AND entity_id = a.version), 0)"
    " FROM soa_approval a LEFT JOIN person p ON p.id = a.approved_by ORDER BY a.version DESC LIMIT 1";
  StwSoaApproval *approval = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  stmt = _stw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      approval = g_new0 (StwSoaApproval, 1);
      approval->version = sqlite3_column_int (stmt, 0);
      approval->approved_by = sqlite3_column_int64 (stmt, 1);
      approval->approver_name = g_strdup (_stw_column_text (stmt, 2) ? _stw_column_text (stmt, 2) : "");
      approval->approved_at = g_strdup (_stw_column_text (stmt, 3));
      approval->stale = sqlite3_column_int (stmt, 4);
    }
  else if (rc != SQLITE_DONE)
    _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the Statement of Applicability"));
  sqlite3_reset (stmt);
  return approval;
}

guint
stw_workspace_approve_soa (StwWorkspace  *self,
                           GError       **error)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt;
  guint version = 0;
  int rc;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), 0);

  if (!_stw_workspace_write_begin (self, error))
    return 0;
  stmt = _stw_workspace_prepare (self, "SELECT coalesce (max (version), 0) + 1 FROM soa_approval", error);
  ok = stmt != NULL;
  if (ok)
    {
      rc = sqlite3_step (stmt);
      ok = rc == SQLITE_ROW;
      if (ok)
        version = sqlite3_column_int (stmt, 0);
      else
        _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not approve the Statement of Applicability"));
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      b = _stw_changes_new ();
      json_builder_set_member_name (b, "version");
      json_builder_begin_array (b);
      json_builder_add_null_value (b);
      json_builder_add_int_value (b, version);
      json_builder_end_array (b);
      _stw_changes_add_text (b, "approver", NULL, _stw_workspace_get_actor_name (self));
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "soa_approval", version, "approve", changes, error);
    }
  /* The entry's own time, so the row and the history agree (and the
   * sample's approval carries the day it happened). */
  if (ok)
    ok = (stmt = _stw_workspace_prepare (self,
                                         "INSERT INTO soa_approval (version, approved_by, approved_at)"
                                         " SELECT ?1, ?2, at FROM history ORDER BY seq DESC LIMIT 1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, version);
      _stw_bind_id_or_null (stmt, 2, stw_workspace_get_actor_id (self));
      ok = _stw_workspace_step_done (self, stmt, _("Could not approve the Statement of Applicability"), error);
    }
  if (ok)
    _stw_workspace_note_change (self, "soa_approval", version, 0);
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  return ok ? version : 0;
}

const char *
stw_soa_rule_to_key (StwSoaRule rule)
{
  switch (rule)
    {
    case STW_SOA_RULE_IMPLEMENTED_UNPROVEN:  return "implemented_unproven";
    case STW_SOA_RULE_EXCLUDED_IN_USE:       return "excluded_in_use";
    case STW_SOA_RULE_NOT_STARTED_AT_RISK:   return "not_started_at_risk";
    case STW_SOA_RULE_EXCLUDED_UNJUSTIFIED:  return "excluded_unjustified";
    default:                                 g_return_val_if_reached (NULL);
    }
}

const char *
stw_soa_rule_describe (StwSoaRule rule)
{
  switch (rule)
    {
    case STW_SOA_RULE_IMPLEMENTED_UNPROVEN:
      return _("Marked implemented, but no item was completed and no current evidence was filed for it in the last 12 months");
    case STW_SOA_RULE_EXCLUDED_IN_USE:
      return _("Excluded, but a risk treatment or an open item relies on it");
    case STW_SOA_RULE_NOT_STARTED_AT_RISK:
      return _("Applicable and not started, while a risk above the threshold relies on it");
    case STW_SOA_RULE_EXCLUDED_UNJUSTIFIED:
      return _("Excluded without a justification");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
stw_soa_mismatch_free (StwSoaMismatch *mismatch)
{
  if (mismatch == NULL)
    return;
  g_free (mismatch->control_id);
  g_strfreev (mismatch->item_refs);
  g_strfreev (mismatch->risk_refs);
  g_free (mismatch);
}

/* The cycle is the year up to today, not the ISMS year since the last
 * roll-forward: right after a roll-forward every implemented control would
 * look unproven, and a workspace that never rolled forward would have no
 * cycle at all. A control run once a year is proven by its last run. */
char *
stw_workspace_soa_cycle_start (StwWorkspace *self)
{
  const char *today;
  GDate date;
  char buf[16];

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  today = _stw_workspace_today (self);
  g_date_clear (&date, 1);
  g_date_set_parse (&date, today);
  if (!g_date_valid (&date))
    return g_strdup (today);
  /* 29 February goes to the 28th. */
  g_date_subtract_years (&date, 1);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  return g_strdup (buf);
}

GPtrArray *
stw_workspace_list_soa_mismatches (StwWorkspace  *self,
                                   GError       **error)
{
  g_autoptr(GPtrArray) mismatches = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_soa_mismatch_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *cycle_start = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  entries = read_entries (self, NULL, error);
  if (entries == NULL)
    return NULL;
  cycle_start = stw_workspace_soa_cycle_start (self);
  for (guint i = 0; i < entries->len; i++)
    if (!find_mismatches (self, entries->pdata[i], cycle_start, mismatches, error))
      return NULL;
  return g_steal_pointer (&mismatches);
}

void
_stw_soa_init (void)
{
  soa_changed_signal =
    g_signal_new ("soa-changed", STW_TYPE_WORKSPACE, G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  _stw_workspace_add_domain (&soa_domain);
  _stw_workspace_add_domain (&soa_approval_domain);
}
