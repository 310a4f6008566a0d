/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-chooser-row.h: a row that chooses one risk of the register,
 * for the item editor of risk-treatment items. It reads like a combo row
 * ("Risk" — "R-003 Takeover of cloud administration"); activating it opens
 * a searchable list of the register. Choosing is required: with no risk,
 * or a risk that has left the register, the row has the error style and
 * reports itself invalid.
 *
 * Wiring in the item editor (risk-treatment workstreams only):
 *   - stw_risk_chooser_row_set_workspace() with the editor's workspace;
 *   - stw_risk_chooser_row_set_risk_id (row, stw_item_get_risk_id (item))
 *     when an item is loaded;
 *   - "notify::risk-id" marks the form modified;
 *   - stw_item_set_risk_id (edited, stw_risk_chooser_row_get_risk_id (row))
 *     when building the edited item. The core refuses a treatment item
 *     without a risk; show its message.
 */
#pragma once

#include <adwaita.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_RISK_CHOOSER_ROW (stw_risk_chooser_row_get_type ())
G_DECLARE_FINAL_TYPE (StwRiskChooserRow, stw_risk_chooser_row, STW, RISK_CHOOSER_ROW, AdwActionRow)

/* Properties: "workspace", "risk-id" (gint64, 0 for none), "valid"
 * (boolean, read-only). */

GtkWidget    *stw_risk_chooser_row_new           (void);
StwWorkspace *stw_risk_chooser_row_get_workspace (StwRiskChooserRow *self);
void          stw_risk_chooser_row_set_workspace (StwRiskChooserRow *self,
                                                  StwWorkspace      *workspace);
gint64        stw_risk_chooser_row_get_risk_id   (StwRiskChooserRow *self);
void          stw_risk_chooser_row_set_risk_id   (StwRiskChooserRow *self,
                                                  gint64             risk_id);
/* TRUE when the chosen risk is in the register. */
gboolean      stw_risk_chooser_row_get_valid     (StwRiskChooserRow *self);

/* For tests: the search text, the risks it leaves, and picking one as a
 * click would. */
void          _stw_risk_chooser_row_set_search   (StwRiskChooserRow *self,
                                                  const char        *text);
GListModel   *_stw_risk_chooser_row_get_matches  (StwRiskChooserRow *self);
void          _stw_risk_chooser_row_choose       (StwRiskChooserRow *self,
                                                  guint              position);

G_END_DECLS
