/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-undo.h: objectives, KPIs, measurements, audits and
 * findings on the window's
 * undo stack, as items are: each push remembers what is needed to put
 * the record back, and undoing is an ordinary, recorded change.
 */
#pragma once

#include "stw-audit-store.h"
#include "stw-records-store.h"
#include "stw-undo.h"

G_BEGIN_DECLS

/* After the insert: undo deletes it. */
void stw_undo_stack_push_objective_create (StwUndoStack   *self,
                                           StwObjective   *created);
/* Before an update or a delete: the objective as stored. */
void stw_undo_stack_push_objective_update (StwUndoStack   *self,
                                           StwObjective   *before);
void stw_undo_stack_push_objective_delete (StwUndoStack   *self,
                                           StwObjective   *before);
void stw_undo_stack_push_kpi_create       (StwUndoStack   *self,
                                           StwKpi         *created);
void stw_undo_stack_push_kpi_update       (StwUndoStack   *self,
                                           StwKpi         *before);
void stw_undo_stack_push_kpi_delete       (StwUndoStack   *self,
                                           StwKpi         *before);
/* After stw_workspace_measure_kpi(): @measured as it returned, and the
 * value it replaced (NULL when the period had none). Undo removes the
 * new value or puts the old one back. */
void stw_undo_stack_push_measure          (StwUndoStack   *self,
                                           StwKpi         *kpi,
                                           StwMeasurement *measured,
                                           StwMeasurement *replaced);
/* Before stw_workspace_delete_measurement(): undo records the value
 * again for its period. */
void stw_undo_stack_push_measurement_delete (StwUndoStack   *self,
                                             StwKpi         *kpi,
                                             StwMeasurement *before);
/* After stw_workspace_insert_audit(): undo deletes it. */
void stw_undo_stack_push_audit_create     (StwUndoStack   *self,
                                           StwAudit       *created);
/* Before an update: the audit as stored. */
void stw_undo_stack_push_audit_update     (StwUndoStack   *self,
                                           StwAudit       *before);
/* After stw_workspace_insert_finding(): undo removes the finding and its
 * corrective action together. */
void stw_undo_stack_push_finding_create   (StwUndoStack   *self,
                                           StwFinding     *created);

G_END_DECLS
