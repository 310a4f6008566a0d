/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-editor.h: the side pane that edits one item.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-evidence-list.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_ITEM_EDITOR (stw_item_editor_get_type ())
G_DECLARE_FINAL_TYPE (StwItemEditor, stw_item_editor, STW, ITEM_EDITOR, GtkWidget)

/* Signals:
 *   "reload" (): the person chose the stored item over their unsaved
 *   edits (see stw_item_editor_show_changed_elsewhere()).
 */

GtkWidget    *stw_item_editor_new           (void);
StwWorkspace *stw_item_editor_get_workspace (StwItemEditor *self);
void          stw_item_editor_set_workspace (StwItemEditor *self,
                                             StwWorkspace  *workspace);
/* The item as it was loaded into the editor (a private copy), or NULL. */
StwItem      *stw_item_editor_get_item      (StwItemEditor *self);
/* Shows a copy of @item; NULL empties the editor. */
void          stw_item_editor_set_item      (StwItemEditor *self,
                                             StwItem       *item);
/* Says above the form that the item was changed elsewhere (another
 * window, the command line) since it was loaded, leaving the unsaved edits
 * as they are; its Reload button emits "reload", for the owner to show
 * the stored item instead. Loading an item hides it again. */
void          stw_item_editor_show_changed_elsewhere (StwItemEditor *self);
gboolean      stw_item_editor_get_changed_elsewhere  (StwItemEditor *self);
/* TRUE when a field was changed since the item was loaded. */
gboolean      stw_item_editor_get_modified  (StwItemEditor *self);
/* An item is shown and what it holds can be saved (it has a title); the
 * "can-save" property says when this changes. */
gboolean      stw_item_editor_get_can_save  (StwItemEditor *self);
/* A new item holding the loaded one with the form's values, or NULL with
 * STW_WORKSPACE_ERROR_INVALID when a field cannot be saved (empty title,
 * a date that is not a date, a clause that is not a clause, a repeating
 * task without a "from" date). The rules of the workstream (a treatment
 * item names its risk, a nonconformity closes only once fixed) are the
 * workspace's to apply when the item is saved. */
StwItem      *stw_item_editor_dup_edited_item (StwItemEditor *self,
                                               GError       **error);
/* Fills the closure note, and the reason for closing without evidence
 * when one was asked for (as given in the closure dialog). */
void          stw_item_editor_set_closure   (StwItemEditor *self,
                                             const char    *note,
                                             const char    *no_evidence_reason);
void          stw_item_editor_focus_title   (StwItemEditor *self);
/* The item's Evidence group; the window shows its "error" in a toast. */
StwEvidenceList *stw_item_editor_get_evidence_list (StwItemEditor *self);

/* Folded over a narrow page, the editor fills it and offers "Back" in
 * place of "Close"; unfolded, it is a side pane again. */
void          stw_item_editor_set_folded    (StwItemEditor *self,
                                             gboolean       folded);

G_END_DECLS
