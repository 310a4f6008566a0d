/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-page.h: "Objectives and KPIs" as a page of the main window
 * (StwPage): the objectives (ISO/IEC 27001 6.2) and the KPIs (9.1) of the
 * workspace, each KPI with its latest value, target, status and missed
 * periods; the KPI pane (StwKpiPane) or the objective pane
 * (StwObjectivePane) slides in from the end, or covers the page when it
 * is narrow. Every change goes onto the window's undo stack, so Ctrl+Z
 * and the toast's Undo take it back.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-kpi-pane.h"
#include "stw-objective-pane.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_RECORDS_PAGE (stw_records_page_get_type ())
G_DECLARE_FINAL_TYPE (StwRecordsPage, stw_records_page, STW, RECORDS_PAGE, GtkWidget)

GtkWidget        *stw_records_page_new              (void);
/* Opens a stored record in its pane, after saving what a pane held.
 * FALSE when that save was refused or the record could not be read. */
gboolean          stw_records_page_open_kpi         (StwRecordsPage *self,
                                                     gint64          kpi_id);
gboolean          stw_records_page_open_objective   (StwRecordsPage *self,
                                                     gint64          objective_id);
/* Opens a new, empty record in its pane. */
gboolean          stw_records_page_new_kpi          (StwRecordsPage *self);
gboolean          stw_records_page_new_objective    (StwRecordsPage *self);
/* Saves and closes the pane; FALSE when the save was refused. */
gboolean          stw_records_page_close_pane       (StwRecordsPage *self);
gboolean          stw_records_page_get_pane_revealed (StwRecordsPage *self);

/* What the lists show, for the sidebar and the tests. */
guint             stw_records_page_get_n_objectives (StwRecordsPage *self);
guint             stw_records_page_get_n_kpis       (StwRecordsPage *self);
/* KPIs not meeting their target, and KPIs with missed periods. */
guint             stw_records_page_get_n_off_target (StwRecordsPage *self);
guint             stw_records_page_get_n_missed     (StwRecordsPage *self);
GtkListBox       *stw_records_page_get_kpi_list     (StwRecordsPage *self);
StwKpiPane       *stw_records_page_get_kpi_pane     (StwRecordsPage *self);
StwObjectivePane *stw_records_page_get_objective_pane (StwRecordsPage *self);

G_END_DECLS
