/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-kpi-pane.h: the pane of one KPI beside the Objectives and KPIs
 * page: its fields (saved with Save, Ctrl+S or on closing), its trend
 * chart drawn by the core (stw_kpi_chart_draw()) in the light or dark
 * style, every period of its timeline with the value, note, who
 * recorded it and the missed flag, "Record measurement", and the
 * evidence of the measurement chosen in the list.
 *
 * Signals:
 *   "close-requested": the close or back button.
 *   "changed" (const char *message): something was written and pushed on
 *     the undo stack.
 *   "error" (const char *message): the core refused; the pane shows it.
 */
#pragma once

#include <adwaita.h>

#include "stw-undo.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_KPI_PANE (stw_kpi_pane_get_type ())
G_DECLARE_FINAL_TYPE (StwKpiPane, stw_kpi_pane, STW, KPI_PANE, GtkWidget)

GtkWidget        *stw_kpi_pane_new             (void);
void              stw_kpi_pane_set_workspace   (StwKpiPane   *self,
                                                StwWorkspace *workspace,
                                                StwUndoStack *undo);
/* Shows @kpi (a new one when its id is 0; NULL: nothing). */
void              stw_kpi_pane_set_kpi         (StwKpiPane   *self,
                                                StwKpi       *kpi);
StwKpi           *stw_kpi_pane_get_kpi         (StwKpiPane   *self);
/* Reloads the KPI shown from the store, unless a typed edit is
 * pending: its timeline, chart and list follow. */
void              stw_kpi_pane_reload          (StwKpiPane   *self);
gboolean          stw_kpi_pane_get_modified    (StwKpiPane   *self);
/* Saves the fields. FALSE when refused (the pane says why). */
gboolean          stw_kpi_pane_save            (StwKpiPane   *self);
void              stw_kpi_pane_focus           (StwKpiPane   *self);
void              stw_kpi_pane_set_folded      (StwKpiPane   *self,
                                                gboolean      folded);
/* Opens "Record measurement"; NULL for an unsaved KPI. */
GtkWindow        *stw_kpi_pane_record          (StwKpiPane   *self);
/* What the chart draws (StwPeriodStatus, oldest first) and the list of
 * periods, for the tests. */
GArray           *stw_kpi_pane_get_timeline    (StwKpiPane   *self);
GtkListBox       *stw_kpi_pane_get_period_list (StwKpiPane   *self);
GtkWidget        *stw_kpi_pane_get_chart       (StwKpiPane   *self);

G_END_DECLS
