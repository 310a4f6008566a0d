/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-objective-pane.h: the pane of one information security objective
 * (ISO/IEC 27001 6.2) beside the Objectives and KPIs page: title,
 * description, owner, target date and status, saved with Save, Ctrl+S or
 * on closing, and the KPIs that measure it.
 *
 * Signals:
 *   "close-requested", "changed" (const char *message), "error" (const
 *     char *message): as StwKpiPane's.
 *   "kpi-activated" (gint64 kpi_id): a linked KPI was chosen.
 */
#pragma once

#include <adwaita.h>

#include "stw-undo.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_OBJECTIVE_PANE (stw_objective_pane_get_type ())
G_DECLARE_FINAL_TYPE (StwObjectivePane, stw_objective_pane, STW, OBJECTIVE_PANE, GtkWidget)

GtkWidget    *stw_objective_pane_new           (void);
void          stw_objective_pane_set_workspace (StwObjectivePane *self,
                                                StwWorkspace     *workspace,
                                                StwUndoStack     *undo);
/* Shows @objective (a new one when its id is 0; NULL: nothing). */
void          stw_objective_pane_set_objective (StwObjectivePane *self,
                                                StwObjective     *objective);
StwObjective *stw_objective_pane_get_objective (StwObjectivePane *self);
/* Reloads from the store unless a typed edit is pending. */
void          stw_objective_pane_reload        (StwObjectivePane *self);
gboolean      stw_objective_pane_get_modified  (StwObjectivePane *self);
gboolean      stw_objective_pane_save          (StwObjectivePane *self);
void          stw_objective_pane_focus         (StwObjectivePane *self);
void          stw_objective_pane_set_folded    (StwObjectivePane *self,
                                                gboolean          folded);

G_END_DECLS
