/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-page.h: the risk register as a page of the main window
 * (StwPage): the register (StwRiskRegisterView) with the risk editor
 * (StwRiskEditor) sliding in from the end, as the item editor does beside
 * a workstream's views.
 *
 * Undo of risk edits: StwUndoStack knows items only, so the page keeps
 * its own short list of the risks as they were before each save (and of
 * risks just added). stw_risk_page_undo() writes the older version back,
 * or takes a risk that was just added out of the register again; the
 * page's "undo" action runs it, which the window runs for Ctrl+Z and the
 * toast's Undo while the register is shown. Deleting a risk cannot be undone (the core never gives a deleted
 * risk's reference again), so the editor asks before it deletes.
 *
 * Wiring in the window:
 *   - stw_page_set_workspace() when a workspace opens or closes.
 *   - StwPage's "changed": a risk was saved, added or deleted; "error":
 *     the core refused (the pane shows the message as well).
 *   - "new-treatment-requested" (gint64 risk_id): create an item in the
 *     risk-treatment workstream naming the risk, and open it.
 *   - "treatment-item-activated" (gint64 item_id): show that item.
 *   - stw_risk_page_close_editor() for Escape; stw_risk_page_commit()
 *     before leaving the page, so a typed edit is saved, not lost.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-risk-editor.h"
#include "stw-risk-register-view.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_RISK_PAGE (stw_risk_page_get_type ())
G_DECLARE_FINAL_TYPE (StwRiskPage, stw_risk_page, STW, RISK_PAGE, GtkWidget)

/* Properties: "workspace" (StwWorkspace), "can-undo" (boolean, read-only),
 * "editor-revealed" (boolean, read-only). */

GtkWidget           *stw_risk_page_new                 (void);
StwWorkspace        *stw_risk_page_get_workspace       (StwRiskPage  *self);
/* Shows the register of @workspace; the editor closes and the undo list
 * starts afresh. */
void                 stw_risk_page_set_workspace       (StwRiskPage  *self,
                                                        StwWorkspace *workspace);
/* Opens the stored risk @risk_id in the editor, after saving what the
 * editor held. FALSE when that save was refused (the pane says why) or
 * the risk could not be read. */
gboolean             stw_risk_page_open_risk           (StwRiskPage  *self,
                                                        gint64        risk_id);
/* Opens a new, empty risk in the editor (after saving what it held). */
gboolean             stw_risk_page_new_risk            (StwRiskPage  *self);
/* Saves the editor's risk if it was changed. FALSE when the core refused
 * (the pane shows why and keeps what was typed). */
gboolean             stw_risk_page_commit              (StwRiskPage  *self);
/* Saves what changed, then hides the editor. FALSE when the save was
 * refused: the editor stays open. */
gboolean             stw_risk_page_close_editor        (StwRiskPage  *self);
gboolean             stw_risk_page_get_editor_revealed (StwRiskPage  *self);

gboolean             stw_risk_page_get_can_undo        (StwRiskPage  *self);
/* Takes back the newest risk change. @description gets a sentence for a
 * toast ("Change to R-004 undone"). On error the change stays. */
gboolean             stw_risk_page_undo                (StwRiskPage  *self,
                                                        char        **description,
                                                        GError      **error);

StwRiskRegisterView *stw_risk_page_get_register_view   (StwRiskPage  *self);
StwRiskEditor       *stw_risk_page_get_editor          (StwRiskPage  *self);

G_END_DECLS
