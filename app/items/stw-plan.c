/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-plan.c: the shipped plan template and the annual roll-forward.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "stw-item-private.h"
#include "stw-item-store-private.h"
#include "stw-people-store.h"
#include "stw-plan.h"
#include "stw-workspace-private.h"
#include "stw-workstream-store.h"

extern const StwPlanTemplateTask _stw_plan_template[];
extern const guint _stw_plan_template_count;

guint
stw_plan_template_get_count (void)
{
  return _stw_plan_template_count;
}

const StwPlanTemplateTask *
stw_plan_template_get (guint index)
{
  g_return_val_if_fail (index < _stw_plan_template_count, NULL);
  return &_stw_plan_template[index];
}

void
stw_roll_row_free (StwRollRow *row)
{
  if (row == NULL)
    return;
  g_free (row->ref);
  g_free (row->title);
  g_strfreev (row->dates);
  g_free (row);
}

void
stw_workspace_get_cycle (StwWorkspace  *self,
                         const char    *date,
                         char         **first_day,
                         char         **last_day)
{
  g_autofree char *today = NULL;

  g_return_if_fail (STW_IS_WORKSPACE (self));

  if (date == NULL)
    date = today = stw_date_today ();
  stw_cycle_for_date (date, stw_workspace_get_cycle_start_month (self), first_day, last_day);
}

static gint64
plan_workstream (StwWorkspace *self)
{
  GListModel *streams = stw_workspace_get_workstreams (self);

  for (guint i = 0; i < g_list_model_get_n_items (streams); i++)
    {
      g_autoptr(StwWorkstream) ws = g_list_model_get_item (streams, i);

      if (stw_workstream_get_kind (ws) == STW_WORKSTREAM_PLAN)
        return stw_workstream_get_id (ws);
    }
  return 0;
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* One occurrence the template plans: task @task on @date. */
typedef struct {
  guint  task;
  char  *date;
} Planned;

static void
planned_clear (Planned *p)
{
  g_free (p->date);
}

static int
compare_planned (gconstpointer a,
                 gconstpointer b)
{
  const Planned *x = a, *y = b;
  int by_date = strcmp (x->date, y->date);

  return by_date != 0 ? by_date : (int) x->task - (int) y->task;
}

/* The dates of @task from today to the end of the ISMS year (at least
 * one), and its recurrence in @r. */
static GStrv
template_task_dates (const StwPlanTemplateTask *task,
                     const char                *today,
                     const char                *cycle_start,
                     const char                *cycle_end,
                     StwRecurrence             *r)
{
  g_autofree char *anchor = NULL;
  GStrv dates;
  guint y, m;

  r->unit = task->unit;
  r->interval = task->interval;
  /* The anchor: @month months into the ISMS year, on @day (clamped). */
  sscanf (cycle_start, "%4u-%2u", &y, &m);
  m = m - 1 + task->month;
  y += m / 12;
  m = m % 12 + 1;
  anchor = g_strdup_printf ("%04u-%02u-%02u", y, m,
                            MIN (task->day, (guint) g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y)));
  g_strlcpy (r->anchor, anchor, sizeof r->anchor);

  dates = stw_recurrence_between (r, strcmp (today, cycle_start) > 0 ? today : cycle_start, cycle_end);
  if (dates[0] == NULL)
    {
      /* Its slot this year has passed: plan it for the next one. */
      g_strfreev (dates);
      dates = g_new0 (char *, 2);
      dates[0] = stw_recurrence_next_after (r, today);
    }
  return dates;
}

int
stw_workspace_apply_plan_template (StwWorkspace  *self,
                                   gint64         owner_id,
                                   GError       **error)
{
  return stw_workspace_apply_plan_tasks (self, owner_id, NULL, error);
}

int
stw_workspace_apply_plan_tasks (StwWorkspace    *self,
                                gint64           owner_id,
                                const gboolean  *chosen,
                                GError         **error)
{
  g_autofree char *today = stw_date_today ();
  g_autofree char *cycle_start = NULL, *cycle_end = NULL;
  g_autoptr(GArray) planned = g_array_new (FALSE, FALSE, sizeof (Planned));
  g_autoptr(GPtrArray) firsts = g_ptr_array_new_full (_stw_plan_template_count, unref_if_set);
  StwRecurrence *recurrences = g_newa (StwRecurrence, _stw_plan_template_count);
  gint64 plan = plan_workstream (self);
  int created = 0;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), -1);

  if (plan == 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("This workspace has no operational plan"));
      return -1;
    }
  stw_workspace_get_cycle (self, today, &cycle_start, &cycle_end);
  g_array_set_clear_func (planned, (GDestroyNotify) planned_clear);
  g_ptr_array_set_size (firsts, _stw_plan_template_count);

  for (guint t = 0; t < _stw_plan_template_count; t++)
    {
      g_auto(GStrv) dates = NULL;

      memset (&recurrences[t], 0, sizeof recurrences[t]);
      if (chosen != NULL && !chosen[t])
        continue;
      dates = template_task_dates (&_stw_plan_template[t], today, cycle_start, cycle_end, &recurrences[t]);
      for (guint d = 0; dates[d]; d++)
        {
          Planned p = { t, g_strdup (dates[d]) };

          g_array_append_val (planned, p);
        }
    }
  /* References are handed out in the order of creation: create in date
   * order, so OP-2027-001 is the first thing due, as a person reading the
   * plan expects. */
  g_array_sort (planned, compare_planned);

  if (!stw_workspace_begin (self, error))
    return -1;

  for (guint i = 0; i < planned->len; i++)
    {
      const Planned *p = &g_array_index (planned, Planned, i);
      const StwPlanTemplateTask *task = &_stw_plan_template[p->task];
      g_autoptr(StwItem) item = NULL;
      const char *clauses[] = { task->clause, NULL };
      const char *controls[] = { task->control, NULL };
      StwItem *first = g_ptr_array_index (firsts, p->task);

      if (first != NULL)
        {
          if (!_stw_workspace_add_occurrence (self, first, owner_id, p->date, NULL, error))
            goto fail;
          created++;
          continue;
        }
      item = stw_item_new (plan);
      stw_item_set_title (item, _(task->title));
      stw_item_set_description (item, _(task->description));
      stw_item_set_owner_id (item, owner_id);
      stw_item_set_due_date (item, p->date);
      stw_item_set_recurrence (item, &recurrences[p->task]);
      if (task->clause)
        stw_item_set_clauses (item, clauses);
      if (task->control)
        stw_item_set_controls (item, controls);
      if (task->unit == STW_REPEAT_YEARLY)
        stw_item_set_priority (item, STW_PRIORITY_HIGH);
      if (!stw_workspace_insert_item (self, item, error))
        goto fail;
      g_ptr_array_index (firsts, p->task) = g_steal_pointer (&item);
      created++;
    }

  if (!stw_workspace_commit (self, error))
    return -1;
  return created;

fail:
  stw_workspace_rollback (self);
  return -1;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const StwRollRow *x = *(StwRollRow * const *) a;
  const StwRollRow *y = *(StwRollRow * const *) b;

  return g_utf8_collate (x->title, y->title);
}

GPtrArray *
stw_workspace_plan_roll_forward (StwWorkspace  *self,
                                 const char    *cycle_start,
                                 GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_roll_row_free);
  g_autofree char *first = NULL, *last = NULL, *next_first = NULL, *next_last = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) baselines = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  if (cycle_start != NULL && !stw_date_is_valid (cycle_start))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Dates are written as year-month-day, such as 2027-03-31"));
      return NULL;
    }
  stw_workspace_get_cycle (self, cycle_start, &first, &last);
  {
    g_autofree char *after = stw_date_add_days (last, 1);
    stw_workspace_get_cycle (self, after, &next_first, &next_last);
  }

  /* The latest occurrence of each series within the year is its baseline. */
  stmt = _stw_workspace_prepare (self,
                                 "SELECT (SELECT i2.id FROM item i2 WHERE i2.series_id = i.series_id"
                                 "        AND i2.deleted_at IS NULL AND i2.due_date BETWEEN ?1 AND ?2"
                                 "        ORDER BY i2.due_date DESC, i2.id DESC LIMIT 1)"
                                 " FROM item i WHERE i.series_id IS NOT NULL AND i.deleted_at IS NULL"
                                 " AND i.due_date BETWEEN ?1 AND ?2 AND i.repeat_unit != 'none'"
                                 " GROUP BY i.series_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (baselines, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the plan"));
      return NULL;
    }

  for (guint i = 0; i < baselines->len; i++)
    {
      g_autoptr(StwItem) item = stw_workspace_load_item (self, g_array_index (baselines, gint64, i), error);
      StwRollRow *row;

      if (item == NULL)
        return NULL;
      row = g_new0 (StwRollRow, 1);
      row->series_id = stw_item_get_series_id (item);
      row->baseline_id = stw_item_get_id (item);
      row->ref = g_strdup (stw_item_get_ref (item));
      row->title = g_strdup (stw_item_get_title (item));
      row->owner_id = stw_item_get_owner_id (item);
      row->recurrence = *stw_item_get_recurrence (item);
      row->dates = stw_recurrence_between (&row->recurrence, next_first, next_last);
      row->include = TRUE;
      g_ptr_array_add (rows, row);
    }

  g_ptr_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}

gboolean
stw_workspace_get_roll_forward (StwWorkspace  *self,
                                const char    *cycle_start,
                                char         **reviewed_by,
                                char         **reviewed_at)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  stmt = _stw_workspace_prepare (self,
                                 "SELECT p.name, c.reviewed_at FROM cycle_review c"
                                 " LEFT JOIN person p ON p.id = c.reviewed_by WHERE c.cycle_start = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cycle_start, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (reviewed_by)
        *reviewed_by = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (reviewed_at)
        *reviewed_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return found;
}

gboolean
stw_workspace_roll_forward (StwWorkspace  *self,
                            const char    *cycle_start,
                            GPtrArray     *rows,
                            guint         *n_created,
                            GError       **error)
{
  g_autofree char *first = NULL, *last = NULL, *next_first = NULL;
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *by = NULL, *at = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt;
  guint created = 0, tasks = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  stw_workspace_get_cycle (self, cycle_start, &first, &last);
  next_first = stw_date_add_days (last, 1);

  if (stw_workspace_get_roll_forward (self, first, &by, &at))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS,
                   _("The ISMS year starting %s was already rolled forward by %s (%.10s)"),
                   first, by ? by : "?", at ? at : "");
      return FALSE;
    }

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < rows->len; i++)
    {
      StwRollRow *row = g_ptr_array_index (rows, i);
      g_autoptr(StwItem) baseline = NULL;

      if (!row->include)
        continue;
      baseline = stw_workspace_load_item (self, row->baseline_id, error);
      ok = baseline != NULL;
      if (ok && row->owner_id != 0)
        {
          StwPerson *owner = stw_workspace_find_person (self, row->owner_id);

          if (owner == NULL || !stw_person_get_active (owner))
            {
              g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                           _("%s: the owner must be an active person of this workspace"), row->ref);
              ok = FALSE;
            }
        }
      tasks++;
      for (guint d = 0; ok && row->dates && row->dates[d]; d++)
        {
          if (!stw_date_is_valid (row->dates[d]))
            {
              g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                           _("%s: “%s” is not a date (write year-month-day)"), row->ref, row->dates[d]);
              ok = FALSE;
              break;
            }
          /* Completing an occurrence may already have scheduled it. */
          if (_stw_workspace_find_occurrence (self, row->series_id, row->dates[d]) != 0)
            continue;
          ok = _stw_workspace_add_occurrence (self, baseline, row->owner_id, row->dates[d], NULL, error);
          if (ok)
            created++;
        }
    }

  if (ok)
    {
      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO cycle_review (cycle_start, next_cycle_start, reviewed_by,"
                                     " reviewed_at, items_created) VALUES (?, ?, ?, ?, ?)", error);
      ok = stmt != NULL;
      if (ok)
        {
          int rc;

          sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, next_first, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, stw_workspace_get_actor_id (self));
          sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 5, (int) created);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          if (rc != SQLITE_DONE)
            {
              _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not record the review"));
              ok = FALSE;
            }
        }
    }
  if (ok)
    {
      b = _stw_changes_new ();
      _stw_changes_add_text (b, "cycle", NULL, first);
      _stw_changes_add_text (b, "next_cycle", NULL, next_first);
      _stw_changes_add_int (b, "tasks_reviewed", 0, tasks);
      _stw_changes_add_int (b, "items_created", 0, created);
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "plan", 0, "roll-forward", changes, error);
    }

  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok && n_created)
    *n_created = created;
  return ok;
}
