/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-undo.c: undoing changes to objectives, KPIs and
 * measurements (see stw-records-undo.h), through the undo stack's
 * stw_undo_stack_push_other().
 */
#include "config.h"

#include "stw-records-undo.h"

typedef enum {
  OBJECTIVE_CREATE,
  OBJECTIVE_UPDATE,
  OBJECTIVE_DELETE,
  KPI_CREATE,
  KPI_UPDATE,
  KPI_DELETE,
  MEASURE,
  MEASUREMENT_DELETE,
  AUDIT_CREATE,
  AUDIT_UPDATE,
  FINDING_CREATE,
} Kind;

typedef struct {
  Kind     kind;
  /* The record as it was (an update), or the record to act on. */
  GObject *before;
  /* MEASURE, MEASUREMENT_DELETE: the value to put back, or NULL. */
  StwMeasurement *old_value;
  gint64   id;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *u = data;

  g_clear_object (&u->before);
  g_clear_object (&u->old_value);
  g_free (u);
}

static gboolean
measure_again (StwWorkspace    *ws,
               StwMeasurement  *m,
               GError         **error)
{
  g_autoptr(StwMeasurement) back = stw_workspace_measure_kpi (ws, stw_measurement_get_kpi_id (m),
                                                              stw_measurement_get_period (m),
                                                              stw_measurement_get_value (m),
                                                              stw_measurement_get_note (m), TRUE, NULL, error);

  return back != NULL;
}

/* The value @m's KPI has now for @m's period: a measurement deleted and
 * put back by an undo is a new row, so undo finds it by its period. */
static gboolean
remove_current (StwWorkspace    *ws,
                StwMeasurement  *m,
                GError         **error)
{
  g_autoptr(GListModel) list = stw_workspace_list_measurements (ws, stw_measurement_get_kpi_id (m), error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(StwMeasurement) now = g_list_model_get_item (list, i);

      if (g_strcmp0 (stw_measurement_get_period (now), stw_measurement_get_period (m)) == 0)
        return stw_workspace_delete_measurement (ws, stw_measurement_get_id (now), error);
    }
  /* Removed meanwhile: nothing left to undo. */
  return TRUE;
}

static gboolean
undo_cb (StwWorkspace  *ws,
         gpointer       data,
         GError       **error)
{
  Undo *u = data;

  switch (u->kind)
    {
    case OBJECTIVE_CREATE:
      return stw_workspace_delete_objective (ws, u->id, error);
    case OBJECTIVE_UPDATE:
      return stw_workspace_update_objective (ws, STW_OBJECTIVE (u->before), error);
    case OBJECTIVE_DELETE:
      return stw_workspace_restore_objective (ws, u->id, error);
    case KPI_CREATE:
      return stw_workspace_delete_kpi (ws, u->id, error);
    case KPI_UPDATE:
      return stw_workspace_update_kpi (ws, STW_KPI (u->before), error);
    case KPI_DELETE:
      return stw_workspace_restore_kpi (ws, u->id, error);
    case MEASURE:
      if (u->old_value != NULL)
        return measure_again (ws, u->old_value, error);
      return remove_current (ws, STW_MEASUREMENT (u->before), error);
    case MEASUREMENT_DELETE:
      return measure_again (ws, u->old_value, error);
    case AUDIT_CREATE:
      return stw_workspace_delete_audit (ws, u->id, error);
    case AUDIT_UPDATE:
      return stw_workspace_update_audit (ws, STW_AUDIT (u->before), error);
    case FINDING_CREATE:
      return stw_workspace_delete_finding (ws, u->id, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
push (StwUndoStack   *self,
      Kind            kind,
      const char     *ref,
      gint64          id,
      GObject        *before,
      StwMeasurement *old_value)
{
  Undo *u = g_new0 (Undo, 1);

  u->kind = kind;
  u->id = id;
  u->before = before;
  u->old_value = old_value ? g_object_ref (old_value) : NULL;
  stw_undo_stack_push_other (self, ref, undo_cb, u, undo_free);
}

void
stw_undo_stack_push_objective_create (StwUndoStack *self,
                                      StwObjective *created)
{
  g_return_if_fail (stw_objective_get_id (created) > 0);
  push (self, OBJECTIVE_CREATE, stw_objective_get_ref (created), stw_objective_get_id (created), NULL, NULL);
}

void
stw_undo_stack_push_objective_update (StwUndoStack *self,
                                      StwObjective *before)
{
  /* A copy: the caller goes on editing its object. */
  push (self, OBJECTIVE_UPDATE, stw_objective_get_ref (before), stw_objective_get_id (before),
        G_OBJECT (stw_objective_copy (before)), NULL);
}

void
stw_undo_stack_push_objective_delete (StwUndoStack *self,
                                      StwObjective *before)
{
  push (self, OBJECTIVE_DELETE, stw_objective_get_ref (before), stw_objective_get_id (before), NULL, NULL);
}

void
stw_undo_stack_push_kpi_create (StwUndoStack *self,
                                StwKpi       *created)
{
  g_return_if_fail (stw_kpi_get_id (created) > 0);
  push (self, KPI_CREATE, stw_kpi_get_ref (created), stw_kpi_get_id (created), NULL, NULL);
}

void
stw_undo_stack_push_kpi_update (StwUndoStack *self,
                                StwKpi       *before)
{
  push (self, KPI_UPDATE, stw_kpi_get_ref (before), stw_kpi_get_id (before),
        G_OBJECT (stw_kpi_copy (before)), NULL);
}

void
stw_undo_stack_push_kpi_delete (StwUndoStack *self,
                                StwKpi       *before)
{
  push (self, KPI_DELETE, stw_kpi_get_ref (before), stw_kpi_get_id (before), NULL, NULL);
}

void
stw_undo_stack_push_measure (StwUndoStack   *self,
                             StwKpi         *kpi,
                             StwMeasurement *measured,
                             StwMeasurement *replaced)
{
  g_return_if_fail (STW_IS_MEASUREMENT (measured));
  push (self, MEASURE, stw_kpi_get_ref (kpi), stw_measurement_get_id (measured),
        G_OBJECT (g_object_ref (measured)), replaced);
}

void
stw_undo_stack_push_measurement_delete (StwUndoStack   *self,
                                        StwKpi         *kpi,
                                        StwMeasurement *before)
{
  g_return_if_fail (STW_IS_MEASUREMENT (before));
  push (self, MEASUREMENT_DELETE, stw_kpi_get_ref (kpi), stw_measurement_get_id (before), NULL, before);
}

void
stw_undo_stack_push_audit_create (StwUndoStack *self,
                                  StwAudit     *created)
{
  g_return_if_fail (stw_audit_get_id (created) > 0);
  push (self, AUDIT_CREATE, stw_audit_get_ref (created), stw_audit_get_id (created), NULL, NULL);
}

void
stw_undo_stack_push_audit_update (StwUndoStack *self,
                                  StwAudit     *before)
{
  push (self, AUDIT_UPDATE, stw_audit_get_ref (before), stw_audit_get_id (before),
        G_OBJECT (stw_audit_copy (before)), NULL);
}

void
stw_undo_stack_push_finding_create (StwUndoStack *self,
                                    StwFinding   *created)
{
  g_return_if_fail (stw_finding_get_id (created) > 0);
  push (self, FINDING_CREATE, stw_finding_get_ref (created), stw_finding_get_id (created), NULL, NULL);
}
