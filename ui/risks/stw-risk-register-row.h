/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-register-row.h: the sidebar row that leads to the risk
 * register, under the workstreams: "Risk register", how many risks are
 * open, and a flag badge counting the risks above the acceptance
 * threshold that have no treatment item yet. It follows the register.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_RISK_REGISTER_ROW (stw_risk_register_row_get_type ())
G_DECLARE_FINAL_TYPE (StwRiskRegisterRow, stw_risk_register_row, STW, RISK_REGISTER_ROW, GtkListBoxRow)

GtkWidget    *stw_risk_register_row_new           (void);
StwWorkspace *stw_risk_register_row_get_workspace (StwRiskRegisterRow *self);
/* Counts the risks of @workspace from now on (NULL: none). */
void          stw_risk_register_row_set_workspace (StwRiskRegisterRow *self,
                                                   StwWorkspace       *workspace);
/* Risks not closed, and those of them that need treatment. */
guint         stw_risk_register_row_get_n_open    (StwRiskRegisterRow *self);
guint         stw_risk_register_row_get_n_flagged (StwRiskRegisterRow *self);

G_END_DECLS
