/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-register-view.h: the risk register page: the heat map and a
 * summary above a sortable table of every risk (reference, title, owner,
 * inherent and residual score, treatment, status, next review, treatment
 * items), with a "Needs treatment" pill on risks above the acceptance
 * threshold that have no treatment item. Filters: needs treatment, review
 * overdue, and one heat map cell (click a cell; click it again or the
 * filter button to clear).
 *
 * Wiring in the window:
 *   - stw_risk_register_view_set_workspace() when a workspace opens (NULL
 *     when it closes); the page follows the register from then on.
 *   - "risk-activated" (gint64 risk_id): a row was opened (Enter, double
 *     click). Load the risk (stw_workspace_load_risk) into an
 *     StwRiskEditor and reveal it in the flap.
 *   - "new-risk-requested" (): the "New risk" button. Give the editor a
 *     new risk (stw_risk_editor_set_risk with stw_risk_new()).
 *   - stw_risk_register_view_select_risk() after the editor saved, to keep
 *     the row in view.
 *
 * The page itself never writes to the workspace (creating, editing and
 * deleting go through StwRiskEditor, which reports with its own "changed"
 * and "error" signals), so it has no undo and no error of its own.
 *
 * Actions (on the widget): risks.new-risk, risks.needs-treatment and
 * risks.review-overdue (boolean states), risks.clear-cell,
 * risks.clear-filters.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-heat-map.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_RISK_REGISTER_VIEW (stw_risk_register_view_get_type ())
G_DECLARE_FINAL_TYPE (StwRiskRegisterView, stw_risk_register_view, STW, RISK_REGISTER_VIEW, GtkWidget)

GtkWidget    *stw_risk_register_view_new                 (void);
StwWorkspace *stw_risk_register_view_get_workspace       (StwRiskRegisterView *self);
void          stw_risk_register_view_set_workspace       (StwRiskRegisterView *self,
                                                          StwWorkspace        *workspace);
/* Selects the row of @risk_id (0: none). */
void          stw_risk_register_view_select_risk         (StwRiskRegisterView *self,
                                                          gint64               risk_id);
/* The id of the selected row, 0 if none. */
gint64        stw_risk_register_view_get_selected_risk   (StwRiskRegisterView *self);

/* Filters. */
gboolean      stw_risk_register_view_get_needs_treatment (StwRiskRegisterView *self);
void          stw_risk_register_view_set_needs_treatment (StwRiskRegisterView *self,
                                                          gboolean             needs_treatment);
gboolean      stw_risk_register_view_get_review_overdue  (StwRiskRegisterView *self);
void          stw_risk_register_view_set_review_overdue  (StwRiskRegisterView *self,
                                                          gboolean             review_overdue);
/* Only risks (not closed) at @likelihood × @impact, on the heat map's
 * current side (inherent or residual); 0, 0 clears. */
void          stw_risk_register_view_set_cell            (StwRiskRegisterView *self,
                                                          guint                likelihood,
                                                          guint                impact);
void          stw_risk_register_view_get_cell            (StwRiskRegisterView *self,
                                                          guint               *likelihood,
                                                          guint               *impact);
void          stw_risk_register_view_clear_filters       (StwRiskRegisterView *self);

StwHeatMap   *stw_risk_register_view_get_heat_map        (StwRiskRegisterView *self);

/* For tests: the rows shown (StwRisk, sorted and filtered), the table,
 * and the page shown: "list", "empty" (no risk at all) or "no-match". */
GListModel    *_stw_risk_register_view_get_rows  (StwRiskRegisterView *self);
GtkColumnView *_stw_risk_register_view_get_table (StwRiskRegisterView *self);
const char    *_stw_risk_register_view_get_page  (StwRiskRegisterView *self);

G_END_DECLS
