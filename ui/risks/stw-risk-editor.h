/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-editor.h: the side pane that edits one risk of the register:
 * title, asset or process, threat, vulnerability, owner, likelihood and
 * impact with the score shown live in its colour, treatment option,
 * status, next review, residual likelihood and impact, linked Annex A
 * controls, notes, the risk's treatment items and its history.
 *
 * Unlike StwItemEditor it writes to the workspace itself (Save, Delete),
 * because every rule about risks is the core's: whatever the core refuses
 * (no title, one residual score without the other, a date that is not a
 * date, an inactive owner, deleting a risk with open treatment items) is
 * shown in the pane and sent as "error", and the form keeps what was typed.
 *
 * Wiring in the window (put it in the flap like the item editor):
 *   - stw_risk_editor_set_workspace() when a workspace opens.
 *   - stw_risk_editor_set_risk() with stw_workspace_load_risk() on the
 *     register's "risk-activated", or with stw_risk_new() on its
 *     "new-risk-requested"; then reveal the flap and
 *     stw_risk_editor_focus_title().
 *   - "close-requested" (): the close button; hide the flap.
 *   - "changed" (const char *message): a save or delete succeeded; show a
 *     toast.
 *   - "error" (const char *message): the core refused; show a toast too if
 *     wanted (the pane already shows the message).
 *   - "saved" (StwRisk *before, StwRisk *after): @before is the risk as it
 *     was loaded (NULL when the risk was just created), @after as stored.
 *     Undo: StwUndoStack has no risk support, so the window keeps @before
 *     itself and undoes with stw_workspace_update_risk (@before), or with
 *     stw_workspace_delete_risk (id of @after) for a creation.
 *     stw_risk_editor_get_loaded_risk() returns the same copy before a
 *     save, for a window that prefers to take it itself.
 *   - "deleted" (StwRisk *before): the risk left the register (the pane
 *     asked for confirmation first, since the core cannot restore a
 *     deleted risk). The editor is empty afterwards; hide the flap.
 *   - "new-treatment-requested" (gint64 risk_id): "New" in the treatment
 *     items group. Create an item in the risk-treatment workstream with
 *     stw_item_set_risk_id (item, risk_id) and open it in the item editor.
 *   - "treatment-item-activated" (gint64 item_id): a treatment item was
 *     clicked; show it.
 *
 * Actions (on the widget): risk-editor.save (Ctrl+S while the focus is in
 * the pane), risk-editor.delete (asks first), risk-editor.new-treatment,
 * risk-editor.close.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-risk.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_RISK_EDITOR (stw_risk_editor_get_type ())
G_DECLARE_FINAL_TYPE (StwRiskEditor, stw_risk_editor, STW, RISK_EDITOR, GtkWidget)

GtkWidget    *stw_risk_editor_new             (void);
StwWorkspace *stw_risk_editor_get_workspace   (StwRiskEditor *self);
void          stw_risk_editor_set_workspace   (StwRiskEditor *self,
                                               StwWorkspace  *workspace);
/* Shows a copy of @risk: a stored one, or a new one (id 0) that Save
 * inserts. NULL empties the editor. */
void          stw_risk_editor_set_risk        (StwRiskEditor *self,
                                               StwRisk       *risk);
/* The risk as loaded into the editor (a private copy), or NULL: what
 * Save is about to replace. */
StwRisk      *stw_risk_editor_get_loaded_risk (StwRiskEditor *self);
/* TRUE when a field was changed since the risk was loaded. */
gboolean      stw_risk_editor_get_modified    (StwRiskEditor *self);
/* A copy of the loaded risk with the form's values, unchecked. */
StwRisk      *stw_risk_editor_dup_edited_risk (StwRiskEditor *self);
/* Writes the form (insert or update). On failure the message is shown in
 * the pane, "error" is emitted and the form is left as typed. */
gboolean      stw_risk_editor_save            (StwRiskEditor *self,
                                               GError       **error);
/* Deletes the loaded risk without asking (the delete action asks). */
gboolean      stw_risk_editor_delete          (StwRiskEditor *self,
                                               GError       **error);
void          stw_risk_editor_focus_title     (StwRiskEditor *self);
/* Folded over a narrow register, the editor fills it and offers "Back"
 * in place of "Close"; unfolded, it is a side pane again. */
void          stw_risk_editor_set_folded      (StwRiskEditor *self,
                                               gboolean       folded);

/* For tests: the message shown in the pane (NULL when none) and the
 * treatment items listed (StwItem). */
const char   *_stw_risk_editor_get_shown_error     (StwRiskEditor *self);
GListModel   *_stw_risk_editor_get_treatment_items (StwRiskEditor *self);

G_END_DECLS
