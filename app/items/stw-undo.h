/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-undo.h: the undo stack of a window. Every change a person makes
 * (create, edit, delete, board move, bulk edit) is pushed here with what
 * is needed to put things back exactly; undoing is itself an ordinary,
 * recorded change.
 */
#pragma once

#include "stw-item-store.h"

G_BEGIN_DECLS

#define STW_TYPE_UNDO_STACK (stw_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (StwUndoStack, stw_undo_stack, STW, UNDO_STACK, GObject)

/* Property "can-undo" (boolean) notifies when it changes. */
StwUndoStack *stw_undo_stack_new          (StwWorkspace  *workspace,
                                           guint          depth);
StwWorkspace *stw_undo_stack_get_workspace (StwUndoStack *self);
gboolean      stw_undo_stack_get_can_undo (StwUndoStack  *self);
void          stw_undo_stack_clear        (StwUndoStack  *self);

/* After stw_workspace_insert_item(): undo deletes it. */
void          stw_undo_stack_push_create  (StwUndoStack  *self,
                                           StwItem       *created);
/* Before an update or a delete: pass the item as it was stored. */
void          stw_undo_stack_push_update  (StwUndoStack  *self,
                                           StwItem       *before);
void          stw_undo_stack_push_delete  (StwUndoStack  *self,
                                           StwItem       *before);
/* A bulk edit: the items as stored before, undone together. */
void          stw_undo_stack_push_updates (StwUndoStack  *self,
                                           GPtrArray     *before);
/* After stw_workspace_move_item(): @before as stored before the move and
 * the @undo_before_id the move returned. */
void          stw_undo_stack_push_move    (StwUndoStack  *self,
                                           StwItem       *before,
                                           gint64         undo_before_id);

/* Puts back a change to another kind of record (app/records/ pushes its
 * own through this): @undo does it as an ordinary, recorded change. */
typedef gboolean (*StwUndoFunc) (StwWorkspace  *workspace,
                                 gpointer       data,
                                 GError       **error);

/* @ref names the record in the toast ("K-003"); @data is freed with
 * @destroy when the change leaves the stack. */
void          stw_undo_stack_push_other   (StwUndoStack  *self,
                                           const char    *ref,
                                           StwUndoFunc    undo,
                                           gpointer       data,
                                           GDestroyNotify destroy);

/* Undoes the newest change. @description gets a sentence for a toast
 * ("Change to T-014 undone"); @item_id the item to show (0 for a bulk
 * change or another kind of record). On error the change stays on the stack. */
gboolean      stw_undo_stack_undo         (StwUndoStack  *self,
                                           char         **description,
                                           gint64        *item_id,
                                           GError       **error);

G_END_DECLS
