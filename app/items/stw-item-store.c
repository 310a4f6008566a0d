/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-store.c: saving items: validation and each kind's rules,
 * references, the history entry of every change, repeating tasks'
 * next occurrences, deleting and restoring; listing and counting; and the
 * items' part in the store (the workstreams' counts and "item-changed"
 * after each transaction).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-controls.h"
#include "stw-corrective.h"
#include "stw-evidence.h"
#include "stw-item-model-private.h"
#include "stw-item-private.h"
#include "stw-item-store-private.h"
#include "stw-people-store.h"
#include "stw-recurrence.h"
#include "stw-workspace-private.h"
#include "stw-workstream-store.h"

/* Beyond this many item changes in one transaction, listeners get one
 * "item-changed" with item id 0 per workstream ("reload everything"). */
#define MANY_CHANGES 32

static guint item_changed_signal;

/* After a transaction: the counts of each workstream touched, then one
 * "item-changed" per item (or per workstream when there were many). */
static void settle_withdrawals (StwWorkspace *self);

static void
items_changed (StwWorkspace *self,
               GArray       *pending)
{
  g_autoptr(GHashTable) streams = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) stream_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  settle_withdrawals (self);
  if (pending->len == 0)
    return;

  for (guint i = 0; i < pending->len; i++)
    {
      StwChange *c = &g_array_index (pending, StwChange, i);

      /* The key points into @pending, which does not change here; a key
       * inside stream_ids went stale when that array grew (a use after
       * free that valgrind saw with three or more workstreams). */
      if (!g_hash_table_contains (streams, &c->group))
        {
          g_hash_table_add (streams, &c->group);
          g_array_append_val (stream_ids, c->group);
        }
    }

  for (guint i = 0; i < stream_ids->len; i++)
    {
      gint64 ws_id = g_array_index (stream_ids, gint64, i);
      StwWorkstream *ws = stw_workspace_find_workstream (self, ws_id);
      guint open_count = 0, overdue_count = 0;

      if (ws != NULL && stw_workspace_count_items (self, ws_id, &open_count, &overdue_count, NULL))
        _stw_workstream_set_counts (ws, open_count, overdue_count);
    }

  if (pending->len > MANY_CHANGES)
    {
      for (guint i = 0; i < stream_ids->len; i++)
        g_signal_emit (self, item_changed_signal, 0, (gint64) 0, g_array_index (stream_ids, gint64, i));
      return;
    }

  for (guint i = 0; i < pending->len; i++)
    {
      StwChange *c = &g_array_index (pending, StwChange, i);
      g_signal_emit (self, item_changed_signal, 0, c->id, c->group);
    }
}

static gboolean
write_corrective (StwWorkspace  *self,
                  StwItem       *item,
                  GError       **error)
{
  const StwCorrective *ca = stw_item_get_corrective (item);
  sqlite3_stmt *stmt;

  if (ca == NULL)
    {
      stmt = _stw_workspace_prepare (self, "DELETE FROM corrective WHERE item_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, stw_item_get_id (item));
      return _stw_workspace_step_done (self, stmt, _("Could not save the item"), error);
    }

  stmt = _stw_workspace_prepare (self,
                                 "INSERT OR REPLACE INTO corrective (item_id, source, source_ref, classification,"
                                 " action_type, correction, root_cause_method, root_cause, corrective_action,"
                                 " check_due, checked_by, check_result, check_note, check_date)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_item_get_id (item));
  sqlite3_bind_text (stmt, 2, stw_ca_source_to_key (ca->source), -1, SQLITE_STATIC);
  _stw_bind_text_or_null (stmt, 3, ca->source_ref);
  sqlite3_bind_text (stmt, 4, stw_ca_classification_to_key (ca->classification), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, stw_ca_type_to_key (ca->action_type), -1, SQLITE_STATIC);
  _stw_bind_text_or_null (stmt, 6, ca->correction);
  _stw_bind_text_or_null (stmt, 7, ca->root_cause_method);
  _stw_bind_text_or_null (stmt, 8, ca->root_cause);
  _stw_bind_text_or_null (stmt, 9, ca->corrective_action);
  _stw_bind_text_or_null (stmt, 10, ca->check_due[0] ? ca->check_due : NULL);
  _stw_bind_id_or_null (stmt, 11, ca->checked_by);
  sqlite3_bind_text (stmt, 12, stw_check_result_to_key (ca->check_result), -1, SQLITE_STATIC);
  _stw_bind_text_or_null (stmt, 13, ca->check_note);
  _stw_bind_text_or_null (stmt, 14, ca->check_date[0] ? ca->check_date : NULL);
  return _stw_workspace_step_done (self, stmt, _("Could not save the item"), error);
}

static gboolean
validate_clauses (const char * const  *clauses,
                  GError             **error)
{
  for (guint i = 0; clauses && clauses[i]; i++)
    if (!stw_clause_is_valid (clauses[i]))
      {
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                     _("“%s” is not a clause of ISO/IEC 27001 (use 4 to 10, such as “9.2”)"), clauses[i]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
validate_controls (const char * const  *controls,
                   GError             **error)
{
  for (guint i = 0; controls && controls[i]; i++)
    {
      if (stw_controls_find (controls[i]) == NULL)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("“%s” is not an Annex A control of ISO/IEC 27001:2022"), controls[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
item_has_evidence (StwWorkspace *self,
                   StwItem      *item)
{
  return stw_item_get_id (item) != 0 &&
         stw_workspace_count_attachments (self, "item", stw_item_get_id (item)) > 0;
}

static gboolean
risk_exists (StwWorkspace *self,
             gint64        risk_id)
{
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, "SELECT 1 FROM risk WHERE id = ? AND deleted_at IS NULL", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, risk_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* The rules each kind of workstream adds (PRODUCT.md, "The four
 * workstreams"): a treatment item names its risk; a nonconformity closes
 * only with a root cause and an effective check; closing risk treatment,
 * corrective actions (or a workstream that asks for it) needs evidence or
 * a recorded reason. */
static gboolean
validate_kind_rules (StwWorkspace  *self,
                     StwItem       *item,
                     StwItem       *old,
                     GError       **error)
{
  StwWorkstream *ws = stw_workspace_find_workstream (self, stw_item_get_workstream_id (item));
  StwWorkstreamKind kind = stw_workstream_get_kind (ws);
  const StwCorrective *ca = stw_item_get_corrective (item);
  gboolean closing = stw_item_get_status (item) == STW_STATUS_DONE &&
                     (old == NULL || stw_item_get_status (old) != STW_STATUS_DONE);

  if (kind == STW_WORKSTREAM_TREATMENT)
    {
      if (stw_item_get_risk_id (item) == 0)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("A risk-treatment item must name the risk it treats"));
          return FALSE;
        }
    }
  if (stw_item_get_risk_id (item) != 0 &&
      (old == NULL || stw_item_get_risk_id (old) != stw_item_get_risk_id (item)) &&
      !risk_exists (self, stw_item_get_risk_id (item)))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("The risk this item treats is not in the risk register"));
      return FALSE;
    }

  if (ca != NULL)
    {
      const char *dates[] = { ca->check_due, ca->check_date };

      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        if (dates[i][0] && !stw_date_is_valid (dates[i]))
          {
            g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                         _("Dates are written as year-month-day, such as 2027-03-31"));
            return FALSE;
          }
      if (ca->checked_by != 0 && stw_workspace_find_person (self, ca->checked_by) == NULL)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                       _("The person who checked the fix is not in this workspace"));
          return FALSE;
        }
    }

  if (!closing)
    return TRUE;

  if (kind == STW_WORKSTREAM_CORRECTIVE && stw_corrective_is_nonconformity (ca))
    {
      if (ca->root_cause == NULL || ca->root_cause[0] == '\0')
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("A nonconformity can only be closed once its root cause is recorded"));
          return FALSE;
        }
      if (ca->check_result != STW_CHECK_EFFECTIVE)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("A nonconformity can only be closed once a check has found the fix effective"));
          return FALSE;
        }
    }

  if (stw_workstream_get_require_evidence (ws) && !item_has_evidence (self, item))
    {
      const char *reason = stw_item_get_no_evidence_reason (item);

      if (reason == NULL || reason[0] == '\0')
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("Attach evidence that this was done, or record why there is none"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_item (StwWorkspace  *self,
               StwItem       *item,
               StwItem       *old,
               GError       **error)
{
  const char *start = stw_item_get_start_date (item);
  const char *due = stw_item_get_due_date (item);
  const char *done = stw_item_get_completed_date (item);
  gint64 owner_id = stw_item_get_owner_id (item);
  g_autofree char *title = g_strstrip (g_strdup (stw_item_get_title (item)));

  if (title[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("An item needs a title"));
      return FALSE;
    }
  if (stw_workspace_find_workstream (self, stw_item_get_workstream_id (item)) == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("The workstream of this item does not exist"));
      return FALSE;
    }
  if ((start && !stw_date_is_valid (start)) || (due && !stw_date_is_valid (due)) ||
      (done && !stw_date_is_valid (done)))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Dates are written as year-month-day, such as 2027-03-31"));
      return FALSE;
    }
  if (start && due && strcmp (due, start) < 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The due date is before the start date"));
      return FALSE;
    }
  if (owner_id != 0 && (old == NULL || stw_item_get_owner_id (old) != owner_id))
    {
      StwPerson *owner = stw_workspace_find_person (self, owner_id);

      if (owner == NULL || !stw_person_get_active (owner))
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("The owner must be an active person of this workspace"));
          return FALSE;
        }
    }
  if (!validate_clauses (stw_item_get_clauses (item), error) ||
      !validate_controls (stw_item_get_controls (item), error) ||
      !stw_recurrence_validate (stw_item_get_recurrence (item), error))
    return FALSE;
  return validate_kind_rules (self, item, old, error);
}

/* Hands out the next reference of a series. Counters only go up, so a
 * reference is never given twice, even after its item is deleted. */
static char *
next_ref (StwWorkspace  *self,
          StwItem       *item,
          GError       **error)
{
  StwWorkstream *ws = stw_workspace_find_workstream (self, stw_item_get_workstream_id (item));
  g_autofree char *series = NULL;
  gint64 number;

  if (stw_workstream_get_kind (ws) == STW_WORKSTREAM_PLAN)
    {
      /* Operational-plan work is cited by year: OP-2027-014. */
      const char *date = stw_item_get_due_date (item);
      g_autofree char *today = stw_date_today ();

      series = g_strdup_printf ("%s-%.4s", stw_workstream_get_prefix (ws), date ? date : today);
    }
  else
    series = g_strdup (stw_workstream_get_prefix (ws));

  number = _stw_workspace_next_number (self, series, error);
  if (number == 0)
    return NULL;
  return g_strdup_printf ("%s-%03" G_GINT64_FORMAT, series, number);
}

gint64
_stw_workspace_next_number (StwWorkspace  *self,
                            const char    *series,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 number = 0;
  int rc;

  stmt = _stw_workspace_prepare (self,
                                 "INSERT INTO ref_counter (series, last) VALUES (?, 1)"
                                 " ON CONFLICT (series) DO UPDATE SET last = last + 1"
                                 " RETURNING last", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, series, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    number = sqlite3_column_int64 (stmt, 0);
  /* RETURNING: step to the end so the statement completes. */
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE || number == 0)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not number the record"));
      return 0;
    }
  return number;
}

static gboolean
write_strv (StwWorkspace        *self,
            const char          *delete_sql,
            const char          *insert_sql,
            gint64               item_id,
            const char * const  *values,
            GError             **error)
{
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, delete_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!_stw_workspace_step_done (self, stmt, _("Could not save the item"), error))
    return FALSE;

  for (guint i = 0; values && values[i]; i++)
    {
      stmt = _stw_workspace_prepare (self, insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_TRANSIENT);
      if (!_stw_workspace_step_done (self, stmt, _("Could not save the item"), error))
        return FALSE;
    }
  return TRUE;
}

/* A repeating item starts a series named after its first occurrence;
 * later occurrences carry the same series id. */
static gboolean
settle_series (StwWorkspace  *self,
               StwItem       *item,
               GError       **error)
{
  sqlite3_stmt *stmt;

  if (stw_item_get_recurrence (item)->unit == STW_REPEAT_NONE || stw_item_get_series_id (item) != 0)
    return TRUE;

  stmt = _stw_workspace_prepare (self, "UPDATE item SET series_id = id WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_item_get_id (item));
  if (!_stw_workspace_step_done (self, stmt, _("Could not save the item"), error))
    return FALSE;
  _stw_item_set_series_id (item, stw_item_get_id (item));
  return TRUE;
}

static gboolean
write_links (StwWorkspace  *self,
             StwItem       *item,
             GError       **error)
{
  gint64 id = stw_item_get_id (item);

  return write_strv (self, "DELETE FROM item_clause WHERE item_id = ?",
                     "INSERT INTO item_clause (item_id, clause) VALUES (?, ?)",
                     id, stw_item_get_clauses (item), error) &&
         write_strv (self, "DELETE FROM item_control WHERE item_id = ?",
                     "INSERT INTO item_control (item_id, control_id) VALUES (?, ?)",
                     id, stw_item_get_controls (item), error) &&
         write_corrective (self, item, error);
}

/* Keeps the completion date in step with the status: closing stamps today
 * unless a date was given, reopening clears it. A check that finds a
 * corrective action not effective reopens the item (clause 10.2). */
static void
settle_completion (StwWorkspace *self,
                   StwItem      *item,
                   StwItem      *old)
{
  const StwCorrective *ca = stw_item_get_corrective (item);
  const StwCorrective *old_ca = old ? stw_item_get_corrective (old) : NULL;

  if (ca != NULL && ca->check_result == STW_CHECK_NOT_EFFECTIVE &&
      (old_ca == NULL || old_ca->check_result != STW_CHECK_NOT_EFFECTIVE) &&
      (stw_item_get_status (item) == STW_STATUS_DONE || stw_item_get_status (item) == STW_STATUS_IN_REVIEW))
    stw_item_set_status (item, STW_STATUS_IN_PROGRESS);

  if (stw_status_is_open (stw_item_get_status (item)))
    stw_item_set_completed_date (item, NULL);
  else if (stw_item_get_completed_date (item) == NULL)
    stw_item_set_completed_date (item, _stw_workspace_today (self));
}

static char *
risk_ref (StwWorkspace *self,
          gint64        risk_id)
{
  sqlite3_stmt *stmt;
  char *ref = NULL;

  if (risk_id == 0)
    return NULL;
  stmt = _stw_workspace_prepare (self, "SELECT ref FROM risk WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, risk_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ref = g_strdup (_stw_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return ref;
}

static void
corrective_changes (StwWorkspace        *self,
                    JsonBuilder         *b,
                    const StwCorrective *old,
                    const StwCorrective *ca)
{
  g_autoptr(StwCorrective) blank = NULL;

  if (ca == NULL || stw_corrective_equal (old, ca))
    return;
  if (old == NULL)
    old = blank = stw_corrective_new ();

#define CA_KEY(key, field, to_key) \
  if (blank != NULL || old->field != ca->field) \
    _stw_changes_add_text (b, key, blank ? NULL : to_key (old->field), to_key (ca->field));
#define CA_TEXT(key, field) \
  if (g_strcmp0 (old->field, ca->field) != 0) \
    _stw_changes_add_text (b, key, old->field, ca->field);
#define CA_DATE(key, field) \
  if (strcmp (old->field, ca->field) != 0) \
    _stw_changes_add_text (b, key, old->field[0] ? old->field : NULL, ca->field[0] ? ca->field : NULL);

  CA_KEY ("ca_source", source, stw_ca_source_to_key)
  CA_TEXT ("ca_source_ref", source_ref)
  CA_KEY ("ca_classification", classification, stw_ca_classification_to_key)
  CA_KEY ("ca_type", action_type, stw_ca_type_to_key)
  CA_TEXT ("ca_correction", correction)
  CA_TEXT ("ca_root_cause_method", root_cause_method)
  CA_TEXT ("ca_root_cause", root_cause)
  CA_TEXT ("ca_corrective_action", corrective_action)
  CA_DATE ("ca_check_due", check_due)
  if (old->checked_by != ca->checked_by)
    _stw_changes_add_text (b, "ca_checked_by", _stw_workspace_person_name (self, old->checked_by), _stw_workspace_person_name (self, ca->checked_by));
  CA_KEY ("ca_check_result", check_result, stw_check_result_to_key)
  CA_TEXT ("ca_check_note", check_note)
  CA_DATE ("ca_check_date", check_date)

#undef CA_KEY
#undef CA_TEXT
#undef CA_DATE
}

/* Records every field of @item that differs from @old (NULL: all set). */
static char *
item_changes (StwWorkspace *self,
              StwItem      *old,
              StwItem      *item)
{
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autoptr(StwItem) blank = NULL;

  if (old == NULL)
    {
      /* The reference leads a creation entry: auditors search by it. */
      _stw_changes_add_text (b, "ref", NULL, stw_item_get_ref (item));
      old = blank = stw_item_new (0);
    }

#define TEXT_FIELD(key, getter) \
  if (g_strcmp0 (getter (old), getter (item)) != 0) \
    _stw_changes_add_text (b, key, blank ? NULL : getter (old), getter (item));

  if (stw_item_get_workstream_id (old) != stw_item_get_workstream_id (item))
    {
      StwWorkstream *from = stw_workspace_find_workstream (self, stw_item_get_workstream_id (old));
      StwWorkstream *to = stw_workspace_find_workstream (self, stw_item_get_workstream_id (item));

      _stw_changes_add_text (b, "workstream",
                        from ? stw_workstream_get_name (from) : NULL,
                        to ? stw_workstream_get_name (to) : NULL);
    }
  TEXT_FIELD ("title", stw_item_get_title)
  TEXT_FIELD ("description", stw_item_get_description)
  if (stw_item_get_owner_id (old) != stw_item_get_owner_id (item))
    {
      _stw_changes_add_text (b, "owner",
                        _stw_workspace_person_name (self, stw_item_get_owner_id (old)),
                        _stw_workspace_person_name (self, stw_item_get_owner_id (item)));
      _stw_changes_add_int (b, "owner_id", stw_item_get_owner_id (old), stw_item_get_owner_id (item));
    }
  if (blank != NULL || stw_item_get_status (old) != stw_item_get_status (item))
    _stw_changes_add_text (b, "status",
                      blank ? NULL : stw_status_to_key (stw_item_get_status (old)),
                      stw_status_to_key (stw_item_get_status (item)));
  if (blank != NULL || stw_item_get_priority (old) != stw_item_get_priority (item))
    _stw_changes_add_text (b, "priority",
                      blank ? NULL : stw_priority_to_key (stw_item_get_priority (old)),
                      stw_priority_to_key (stw_item_get_priority (item)));
  TEXT_FIELD ("start_date", stw_item_get_start_date)
  TEXT_FIELD ("due_date", stw_item_get_due_date)
  TEXT_FIELD ("completed_date", stw_item_get_completed_date)
  TEXT_FIELD ("closure_note", stw_item_get_closure_note)
  TEXT_FIELD ("notes", stw_item_get_notes)
  if (!g_strv_equal (stw_item_get_clauses (old), stw_item_get_clauses (item)))
    _stw_changes_add_strv (b, "clauses", stw_item_get_clauses (old), stw_item_get_clauses (item));
  if (!g_strv_equal (stw_item_get_controls (old), stw_item_get_controls (item)))
    _stw_changes_add_strv (b, "controls", stw_item_get_controls (old), stw_item_get_controls (item));
  if (blank == NULL && stw_item_get_position (old) != stw_item_get_position (item))
    _stw_changes_add_int (b, "position", stw_item_get_position (old), stw_item_get_position (item));
  {
    g_autofree char *was = stw_recurrence_to_string (stw_item_get_recurrence (old));
    g_autofree char *now = stw_recurrence_to_string (stw_item_get_recurrence (item));

    if (strcmp (was, now) != 0)
      _stw_changes_add_text (b, "recurrence", was[0] ? was : NULL, now[0] ? now : NULL);
  }
  if (stw_item_get_risk_id (old) != stw_item_get_risk_id (item))
    {
      g_autofree char *was = risk_ref (self, stw_item_get_risk_id (old));
      g_autofree char *now = risk_ref (self, stw_item_get_risk_id (item));

      _stw_changes_add_text (b, "risk", was, now);
    }
  TEXT_FIELD ("no_evidence_reason", stw_item_get_no_evidence_reason)
  corrective_changes (self, b, stw_item_get_corrective (old), stw_item_get_corrective (item));

#undef TEXT_FIELD

  return _stw_changes_finish (b);
}

static void
bind_item_fields (sqlite3_stmt *stmt,
                  StwItem      *item)
{
  g_autofree char *title = g_strstrip (g_strdup (stw_item_get_title (item)));

  sqlite3_bind_int64 (stmt, 1, stw_item_get_workstream_id (item));
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stw_item_get_description (item), -1, SQLITE_TRANSIENT);
  _stw_bind_id_or_null (stmt, 4, stw_item_get_owner_id (item));
  sqlite3_bind_text (stmt, 5, stw_status_to_key (stw_item_get_status (item)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, stw_priority_to_key (stw_item_get_priority (item)), -1, SQLITE_STATIC);
  _stw_bind_text_or_null (stmt, 7, stw_item_get_start_date (item));
  _stw_bind_text_or_null (stmt, 8, stw_item_get_due_date (item));
  _stw_bind_text_or_null (stmt, 9, stw_item_get_completed_date (item));
  _stw_bind_text_or_null (stmt, 10, stw_item_get_closure_note (item));
  _stw_bind_text_or_null (stmt, 11, stw_item_get_notes (item));
  sqlite3_bind_int64 (stmt, 12, stw_item_get_position (item));
  {
    const StwRecurrence *r = stw_item_get_recurrence (item);

    sqlite3_bind_text (stmt, 13, stw_repeat_unit_to_key (r->unit), -1, SQLITE_STATIC);
    sqlite3_bind_int (stmt, 14, r->unit == STW_REPEAT_NONE ? 0 : (int) r->interval);
    _stw_bind_text_or_null (stmt, 15, r->unit == STW_REPEAT_NONE ? NULL : r->anchor);
  }
  _stw_bind_id_or_null (stmt, 16, stw_item_get_risk_id (item));
  _stw_bind_text_or_null (stmt, 17, stw_item_get_no_evidence_reason (item));
}

static void
refresh_stored (StwWorkspace *self,
                StwItem      *item)
{
  g_autoptr(StwItem) stored = _stw_item_load (self, stw_item_get_id (item), TRUE, NULL);

  if (stored != NULL)
    _stw_item_set_stored (item, stw_item_get_id (stored), stw_item_get_ref (stored),
                          stw_item_get_owner_name (stored),
                          stw_item_get_created_at (stored),
                          stw_item_get_updated_at (stored));
}

gboolean
stw_workspace_insert_item (StwWorkspace  *self,
                           StwItem       *item,
                           GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *ref = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_ITEM (item), FALSE);
  g_return_val_if_fail (stw_item_get_id (item) == 0, FALSE);

  settle_completion (self, item, NULL);
  if (!validate_item (self, item, NULL, error))
    return FALSE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;

  ref = next_ref (self, item, error);
  ok = ref != NULL;
  if (ok && stw_item_get_position (item) == 0)
    {
      /* New items go to the end of their board column. */
      stmt = _stw_workspace_prepare (self,
                                     "SELECT coalesce(max(position), 0) + " G_STRINGIFY (POSITION_GAP) " FROM item"
                                     " WHERE workstream_id = ? AND status = ? AND deleted_at IS NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, stw_item_get_workstream_id (item));
          sqlite3_bind_text (stmt, 2, stw_status_to_key (stw_item_get_status (item)), -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            stw_item_set_position (item, sqlite3_column_int64 (stmt, 0));
          sqlite3_reset (stmt);
        }
    }
  if (ok)
    {
      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO item (workstream_id, title, description, owner_id, status,"
                                     " priority, start_date, due_date, completed_date, closure_note, notes,"
                                     " position, repeat_unit, repeat_interval, repeat_anchor, risk_id,"
                                     " no_evidence_reason, ref, created_at, updated_at, series_id)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                                     " ?16, ?17, ?18, ?19, ?19, ?20)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_item_fields (stmt, item);
      sqlite3_bind_text (stmt, 18, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 19, now, -1, SQLITE_TRANSIENT);
      _stw_bind_id_or_null (stmt, 20, stw_item_get_series_id (item));
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the item"), error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (_stw_workspace_get_db (self));
      _stw_item_set_stored (item, id, ref, NULL, now, now);
      ok = write_links (self, item, error) && settle_series (self, item, error);
    }
  if (ok)
    {
      changes = item_changes (self, NULL, item);
      ok = _stw_history_append (self, "item", id, "create", changes, error);
    }
  if (ok)
    _stw_workspace_note_change (self, "item", id, stw_item_get_workstream_id (item));

  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (!ok)
    {
      _stw_item_set_stored (item, 0, NULL, NULL, NULL, NULL);
      return FALSE;
    }

  refresh_stored (self, item);
  return TRUE;
}

static gboolean set_deleted (StwWorkspace *self, gint64 item_id, gboolean deleted, GError **error);

gint64
_stw_workspace_find_occurrence (StwWorkspace *self,
                                gint64        series_id,
                                const char   *due)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT id FROM item WHERE series_id = ? AND due_date = ? AND deleted_at IS NULL",
                                 NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_text (stmt, 2, due, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return id;
}

gboolean
_stw_workspace_add_occurrence (StwWorkspace  *self,
                               StwItem       *baseline,
                               gint64         owner_id,
                               const char    *due,
                               gint64        *new_id,
                               GError       **error)
{
  g_autoptr(StwItem) item = stw_item_new (stw_item_get_workstream_id (baseline));
  const char *start = stw_item_get_start_date (baseline);
  const char *base_due = stw_item_get_due_date (baseline);

  stw_item_set_title (item, stw_item_get_title (baseline));
  stw_item_set_description (item, stw_item_get_description (baseline));
  stw_item_set_owner_id (item, owner_id);
  stw_item_set_priority (item, stw_item_get_priority (baseline));
  stw_item_set_clauses (item, stw_item_get_clauses (baseline));
  stw_item_set_controls (item, stw_item_get_controls (baseline));
  stw_item_set_risk_id (item, stw_item_get_risk_id (baseline));
  stw_item_set_recurrence (item, stw_item_get_recurrence (baseline));
  _stw_item_set_series_id (item, stw_item_get_series_id (baseline));
  stw_item_set_due_date (item, due);
  if (start != NULL && base_due != NULL)
    {
      /* Keep the lead time: work starts as long before the due date. */
      GDate a, b;
      g_autofree char *new_start = NULL;

      g_date_clear (&a, 1);
      g_date_clear (&b, 1);
      g_date_set_parse (&a, start);
      g_date_set_parse (&b, base_due);
      new_start = stw_date_add_days (due, -g_date_days_between (&a, &b));
      stw_item_set_start_date (item, new_start);
    }
  if (!stw_workspace_insert_item (self, item, error))
    return FALSE;
  if (new_id != NULL)
    *new_id = stw_item_get_id (item);
  return TRUE;
}

/* What reopening withdrew, kept on the workspace until the UI asks: the
 * changes of the transaction under way ("pending") and of the last one
 * that ended ("last"). */
#define WITHDRAWN_PENDING "stw-withdrawn-pending"
#define WITHDRAWN_LAST "stw-withdrawn-last"

typedef struct {
  gint64  reopened_id;
  char   *reopened_ref;
  char   *withdrawn_ref;
} Withdrawal;

static void
withdrawal_free (gpointer data)
{
  Withdrawal *w = data;

  g_free (w->reopened_ref);
  g_free (w->withdrawn_ref);
  g_free (w);
}

static GPtrArray *
get_withdrawals (StwWorkspace *self,
                 const char   *key)
{
  GPtrArray *list = g_object_get_data (G_OBJECT (self), key);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (withdrawal_free);
      g_object_set_data_full (G_OBJECT (self), key, list, (GDestroyNotify) g_ptr_array_unref);
    }
  return list;
}

/* The transaction ended: what it withdrew is now the last change's. */
static void
settle_withdrawals (StwWorkspace *self)
{
  GPtrArray *pending = g_object_steal_data (G_OBJECT (self), WITHDRAWN_PENDING);

  if (pending != NULL)
    g_object_set_data_full (G_OBJECT (self), WITHDRAWN_LAST, pending, (GDestroyNotify) g_ptr_array_unref);
  else
    g_object_set_data (G_OBJECT (self), WITHDRAWN_LAST, NULL);
}

/* Nothing was withdrawn after all. */
static void
items_rolled_back (StwWorkspace *self)
{
  g_object_set_data (G_OBJECT (self), WITHDRAWN_PENDING, NULL);
}

/* Records that completing @completed_id created @occurrence_id. */
static gboolean
link_to_completion (StwWorkspace  *self,
                    gint64         occurrence_id,
                    gint64         completed_id,
                    GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _stw_workspace_prepare (self, "UPDATE item SET created_by_completion_of = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, completed_id);
  sqlite3_bind_int64 (stmt, 2, occurrence_id);
  return _stw_workspace_step_done (self, stmt, _("Could not save the item"), error);
}

/* Withdraws the occurrence that completing @item created, if nobody has
 * touched it since: its creation is its only history entry (an edit, a
 * move, an attachment would each add one). An occurrence made any other
 * way (the template, a roll-forward, the sample planning ahead, by hand)
 * has no link and stays. */
static gboolean
withdraw_created_occurrence (StwWorkspace  *self,
                             StwItem       *item,
                             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT i.id, i.ref FROM item i"
                                 " WHERE i.created_by_completion_of = ? AND i.deleted_at IS NULL"
                                 " AND (SELECT count(*) FROM history h"
                                 "      WHERE h.entity = 'item' AND h.entity_id = i.id) = 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_item_get_id (item));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (refs, g_strdup (_stw_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not save the item"));
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      Withdrawal *w;

      if (!set_deleted (self, g_array_index (ids, gint64, i), TRUE, error))
        return FALSE;
      w = g_new0 (Withdrawal, 1);
      w->reopened_id = stw_item_get_id (item);
      w->reopened_ref = g_strdup (stw_item_get_ref (item));
      w->withdrawn_ref = g_strdup (refs->pdata[i]);
      g_ptr_array_add (get_withdrawals (self, WITHDRAWN_PENDING), w);
    }
  return TRUE;
}

static char *
next_due (StwItem *item)
{
  const StwRecurrence *r = stw_item_get_recurrence (item);
  const char *due = stw_item_get_due_date (item);

  if (r->unit == STW_REPEAT_NONE)
    return NULL;
  return stw_recurrence_next_after (r, due ? due : r->anchor);
}

/* Completing an occurrence of a repeating task schedules the next one
 * (unless it is already there, say from the annual roll-forward) and
 * records that this completion made it. Reopening withdraws that very
 * occurrence again if nobody has touched it since, so undoing a completion
 * leaves no stray copy and takes nothing else with it. */
static gboolean
follow_recurrence (StwWorkspace  *self,
                   StwItem       *old,
                   StwItem       *item,
                   GError       **error)
{
  gboolean was_done = stw_item_get_status (old) == STW_STATUS_DONE;
  gboolean is_done = stw_item_get_status (item) == STW_STATUS_DONE;
  g_autofree char *due = NULL;
  gint64 existing;

  if (was_done == is_done || stw_item_get_series_id (item) == 0)
    return TRUE;
  if (!is_done)
    return withdraw_created_occurrence (self, item, error);

  due = next_due (item);
  if (due == NULL)
    return TRUE;
  existing = _stw_workspace_find_occurrence (self, stw_item_get_series_id (item), due);
  if (existing == 0)
    {
      StwPerson *owner = stw_workspace_find_person (self, stw_item_get_owner_id (item));
      gint64 created = 0;

      return _stw_workspace_add_occurrence (self, item,
                                            owner && stw_person_get_active (owner) ? stw_person_get_id (owner) : 0,
                                            due, &created, error) &&
             link_to_completion (self, created, stw_item_get_id (item), error);
    }
  return TRUE;
}

gboolean
stw_workspace_update_item (StwWorkspace  *self,
                           StwItem       *item,
                           GError       **error)
{
  g_autoptr(StwItem) old = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_ITEM (item), FALSE);

  id = stw_item_get_id (item);
  old = _stw_item_load (self, id, FALSE, error);
  if (old == NULL)
    return FALSE;

  settle_completion (self, item, old);
  if (!validate_item (self, item, old, error))
    return FALSE;

  changes = item_changes (self, old, item);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 "UPDATE item SET workstream_id = ?1, title = ?2, description = ?3, owner_id = ?4,"
                                 " status = ?5, priority = ?6, start_date = ?7, due_date = ?8, completed_date = ?9,"
                                 " closure_note = ?10, notes = ?11, position = ?12, repeat_unit = ?13,"
                                 " repeat_interval = ?14, repeat_anchor = ?15, risk_id = ?16,"
                                 " no_evidence_reason = ?17, updated_at = ?18"
                                 " WHERE id = ?19 AND deleted_at IS NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_item_fields (stmt, item);
      sqlite3_bind_text (stmt, 18, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 19, id);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the item"), error);
    }
  ok = ok && write_links (self, item, error) && settle_series (self, item, error);
  ok = ok && _stw_history_append (self, "item", id, "update", changes, error);
  ok = ok && follow_recurrence (self, old, item, error);
  if (ok)
    {
      _stw_workspace_note_change (self, "item", id, stw_item_get_workstream_id (item));
      if (stw_item_get_workstream_id (old) != stw_item_get_workstream_id (item))
        _stw_workspace_note_change (self, "item", id, stw_item_get_workstream_id (old));
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    refresh_stored (self, item);
  return ok;
}

static gboolean
set_deleted (StwWorkspace  *self,
             gint64         item_id,
             gboolean       deleted,
             GError       **error)
{
  g_autoptr(StwItem) item = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  item = _stw_item_load (self, item_id, TRUE, error);
  if (item == NULL)
    return FALSE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 deleted
                                 ? "UPDATE item SET deleted_at = ?, updated_at = ?1 WHERE id = ? AND deleted_at IS NULL"
                                 : "UPDATE item SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL",
                                 error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, item_id);
      ok = _stw_workspace_step_done (self, stmt, _("Could not change the item"), error);
    }
  if (ok && sqlite3_changes (_stw_workspace_get_db (self)) == 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   deleted ? _("The item was already deleted") : _("The item is not deleted"));
      ok = FALSE;
    }
  if (ok)
    {
      b = _stw_changes_new ();
      _stw_changes_add_text (b, "ref", stw_item_get_ref (item), stw_item_get_ref (item));
      _stw_changes_add_text (b, "title", stw_item_get_title (item), stw_item_get_title (item));
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "item", item_id, deleted ? "delete" : "restore", changes, error);
    }
  if (ok)
    _stw_workspace_note_change (self, "item", item_id, stw_item_get_workstream_id (item));
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
stw_workspace_delete_item (StwWorkspace  *self,
                           gint64         item_id,
                           GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  return set_deleted (self, item_id, TRUE, error);
}

gboolean
stw_workspace_restore_item (StwWorkspace  *self,
                            gint64         item_id,
                            GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  return set_deleted (self, item_id, FALSE, error);
}

GListModel *
stw_workspace_list_items (StwWorkspace  *self,
                          gint64         workstream_id,
                          GError       **error)
{
  g_autoptr(StwItemModel) model = NULL;
  StwItemFilter filter;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  stw_item_filter_init (&filter, workstream_id);
  model = _stw_item_model_new (self, &filter);
  if (!_stw_item_model_reload (model, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&model));
}

gboolean
stw_workspace_count_items (StwWorkspace  *self,
                           gint64         workstream_id,
                           guint         *open_count,
                           guint         *overdue_count,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  /* item_by_status covers this: no table rows are read. */
  stmt = _stw_workspace_prepare (self,
                                 "SELECT count(*), coalesce(sum(due_date < ?), 0) FROM item"
                                 " WHERE workstream_id = ? AND deleted_at IS NULL"
                                 " AND status IN ('todo', 'in_progress', 'in_review')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, _stw_workspace_today (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, workstream_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (open_count)
        *open_count = sqlite3_column_int (stmt, 0);
      if (overdue_count)
        *overdue_count = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not count the items"));
      return FALSE;
    }
  return TRUE;
}

gboolean
stw_workspace_items_differ (StwWorkspace *self,
                            StwItem      *a,
                            StwItem      *b)
{
  g_autofree char *changes = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), TRUE);
  g_return_val_if_fail (STW_IS_ITEM (a) && STW_IS_ITEM (b), TRUE);

  changes = item_changes (self, a, b);
  return !g_str_equal (changes, "{}");
}

GListModel *
stw_workspace_filter_items (StwWorkspace         *self,
                            const StwItemFilter  *filter,
                            GError              **error)
{
  g_autoptr(StwItemModel) model = NULL;
  StwItemFilter all;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  stw_item_filter_init (&all, filter->workstream_id);
  model = _stw_item_model_new (self, &all);
  if (!stw_item_model_set_filter (model, filter, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&model));
}

char *
stw_workspace_take_withdrawn (StwWorkspace *self,
                              gint64        item_id)
{
  GPtrArray *last;
  GString *text = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  last = g_object_get_data (G_OBJECT (self), WITHDRAWN_LAST);
  for (guint i = 0; last != NULL && i < last->len; i++)
    {
      Withdrawal *w = last->pdata[i];

      if (item_id != 0 && w->reopened_id != item_id)
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, ' ');
      /* Translators: a toast after a finished repeating item was reopened;
       * both are item references such as OP-2027-002, OP-2027-003. */
      g_string_append_printf (text, _("Reopened %s; withdrew %s, created when it was closed"),
                              w->reopened_ref, w->withdrawn_ref);
    }
  g_object_set_data (G_OBJECT (self), WITHDRAWN_LAST, NULL);
  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

/* The workstream @item_id is in now, 0 when there is no such item. */
static gint64
workstream_of_item (StwWorkspace *self,
                    gint64        item_id)
{
  sqlite3_stmt *stmt;
  gint64 workstream_id = 0;

  stmt = _stw_workspace_prepare (self, "SELECT workstream_id FROM item WHERE id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    workstream_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return workstream_id;
}

/* The entry moved its item to another workstream. */
static gboolean
entry_moves_item (StwHistoryEntry *e)
{
  g_autoptr(JsonNode) node = json_from_string (e->changes, NULL);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node)
    && json_object_has_member (json_node_get_object (node), "workstream");
}

/* Another connection committed: the workstreams and their counts again,
 * then "item-changed" for each item its entries name (an attachment's
 * entry names its item), as after a transaction of our own. A moved item
 * is news to every workstream (which one it left is not recorded as an
 * id); many entries, a roll-forward or unreadable entries reload every
 * workstream. */
static void
items_reloaded (StwWorkspace *self,
                GPtrArray    *entries)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (StwChange));
  GListModel *workstreams = stw_workspace_get_workstreams (self);
  guint n_workstreams;
  gboolean everything = entries == NULL || _stw_history_mentions (entries, "plan");
  GQuark item_quark = g_quark_from_static_string ("item");
  g_autoptr(GError) error = NULL;

  if (!_stw_workstreams_load (self, &error))
    g_debug ("Could not read the workstreams again: %s", error->message);
  n_workstreams = g_list_model_get_n_items (workstreams);

  for (guint i = 0; !everything && i < entries->len; i++)
    {
      StwHistoryEntry *e = g_ptr_array_index (entries, i);
      gboolean moved;

      if (g_strcmp0 (e->entity, "item") != 0)
        continue;
      moved = entry_moves_item (e);
      /* The key points into @entries, which outlive the table. */
      if (!moved && g_hash_table_contains (seen, &e->entity_id))
        continue;
      g_hash_table_add (seen, &e->entity_id);
      for (guint w = 0; w < (moved ? n_workstreams : 1); w++)
        {
          g_autoptr(StwWorkstream) ws = moved ? g_list_model_get_item (workstreams, w) : NULL;
          StwChange c = { item_quark, e->entity_id,
                          ws != NULL ? stw_workstream_get_id (ws) : workstream_of_item (self, e->entity_id) };

          g_array_append_val (changes, c);
        }
      everything = changes->len > MANY_CHANGES;
    }

  if (everything)
    {
      for (guint w = 0; w < n_workstreams; w++)
        {
          g_autoptr(StwWorkstream) ws = g_list_model_get_item (workstreams, w);

          g_signal_emit (self, item_changed_signal, 0, (gint64) 0, stw_workstream_get_id (ws));
        }
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      StwChange *c = &g_array_index (changes, StwChange, i);

      g_signal_emit (self, item_changed_signal, 0, c->id, c->group);
    }
}

static const StwDomain items_domain = {
  .entity = "item",
  .opened = _stw_workstreams_load,
  .rolled_back = items_rolled_back,
  .changed = items_changed,
  .reloaded = items_reloaded,
};

void
_stw_items_init (void)
{
  item_changed_signal =
    g_signal_new ("item-changed", STW_TYPE_WORKSPACE, G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  _stw_workspace_add_domain (&items_domain);
}
