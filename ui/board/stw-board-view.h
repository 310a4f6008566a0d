/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-board-view.h: the Board (kanban) view of one workstream: a column per
 * status (To do, In progress, In review, Done; Cancelled when shown), cards
 * moved between and within columns by dragging or with the keyboard.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-undo.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_BOARD_VIEW (stw_board_view_get_type ())
G_DECLARE_FINAL_TYPE (StwBoardView, stw_board_view, STW, BOARD_VIEW, GtkWidget)

/* Signals:
 *   "item-activated" (gint64 item_id): a card was opened (Enter, double
 *     click).
 *   "changed" (const char *message): the view moved a card and pushed the
 *     move on the undo stack; @message is a sentence for a toast.
 *   "error" (const char *message): a change failed.
 *
 * Actions (on the widget, with their shortcuts):
 *   board.move-left / board.move-right  Alt+Shift+Left / Alt+Shift+Right:
 *     the selected card to the end of the previous / next column (into
 *     Done only with a closure note).
 *   board.move-up / board.move-down     Alt+Shift+Up / Alt+Shift+Down:
 *     the selected card one place up / down in its column.
 *   Left / Right (no modifier): focus the nearest card of the neighbouring
 *     column.
 *   board.show-cancelled (boolean state): show the Cancelled column.
 *   board.order (string state "due" or "manual"): the cards' order.
 *   Delete: win.delete-item, the selected card's item (undoable).
 */

GtkWidget *stw_board_view_new                (void);
/* Shows the columns of @workstream_id in @workspace (NULL: empty board).
 * Moves are pushed on @undo, the window's shared undo stack. */
void       stw_board_view_set_workstream     (StwBoardView *self,
                                              StwWorkspace *workspace,
                                              StwUndoStack *undo,
                                              gint64        workstream_id);
/* Selects the card of @item_id and scrolls to it (showing the Cancelled
 * column if that is where it is); the card takes the keyboard focus when
 * the focus is already in the board. 0 clears the selection. */
void       stw_board_view_select_item        (StwBoardView *self,
                                              gint64        item_id);
/* Puts the keyboard focus on the selected card, or on the first card of
 * the first column that has one. FALSE when the board shows no card. */
gboolean   stw_board_view_focus_card         (StwBoardView *self);
/* The id of the selected card, 0 if none. */
gint64     stw_board_view_get_selected_item  (StwBoardView *self);
gboolean   stw_board_view_get_show_cancelled (StwBoardView *self);
/* "due": each column by due date, the earliest first and undated cards
 * last (the default); "manual": the board order that drags and the move
 * actions set. Remembered per workstream in the workspace's settings. In
 * due-date order a drop or move changes a card's column only. */
const char *stw_board_view_get_order        (StwBoardView *self);
void       stw_board_view_set_order          (StwBoardView *self,
                                              const char   *order);
void       stw_board_view_set_show_cancelled (StwBoardView *self,
                                              gboolean      show_cancelled);

G_END_DECLS
