/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-board-column.h: one status column of the board: a header with the
 * name and count, and a list view of cards over a lazy item model.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-types.h"

G_BEGIN_DECLS

/* A card as laid out on screen, for working out where a drop goes. */
typedef struct {
  double top;       /* in the coordinates of the drop */
  double height;
  guint  position;  /* in the column's model */
} StwBoardSlot;

/* Pure: the model position a card dropped at @y goes before, among the
 * visible cards @slots (ordered from the top) of a column of @n_items;
 * @n_items means the end. @line_y, when not NULL, gets where to draw the
 * drop line. */
guint stw_board_drop_position (const StwBoardSlot *slots,
                               guint               n_slots,
                               guint               n_items,
                               double              y,
                               double             *line_y);

#define STW_TYPE_BOARD_COLUMN (stw_board_column_get_type ())
G_DECLARE_FINAL_TYPE (StwBoardColumn, stw_board_column, STW, BOARD_COLUMN, GtkWidget)

/* Signals:
 *   "card-activated" (gint64 item_id)
 *   "card-dropped" (gint64 item_id, guint position): a card was dropped to
 *     go before the card now at @position (the item count: at the end).
 *   "selection-changed" (): the selected card changed.
 */

GtkWidget  *stw_board_column_new             (StwStatus       status);
StwStatus   stw_board_column_get_status      (StwBoardColumn *self);
/* A GListModel of StwItem in board order, or NULL. */
void        stw_board_column_set_model       (StwBoardColumn *self,
                                              GListModel     *items);
GListModel *stw_board_column_get_model       (StwBoardColumn *self);
guint       stw_board_column_get_n_items     (StwBoardColumn *self);
GtkListView *stw_board_column_get_list_view  (StwBoardColumn *self);
/* The id of the item at @position, 0 past the end. */
gint64      stw_board_column_get_item_id     (StwBoardColumn *self,
                                              guint           position);
/* Position of @item_id in the column, or -1. */
int         stw_board_column_find            (StwBoardColumn *self,
                                              gint64          item_id);
gint64      stw_board_column_get_selected_id (StwBoardColumn *self);
void        stw_board_column_unselect        (StwBoardColumn *self);
/* Selects the card at @position and scrolls to it; with @focus moves the
 * keyboard focus to it too (once it is laid out). */
void        stw_board_column_select_position (StwBoardColumn *self,
                                              guint           position,
                                              gboolean        focus);
/* Selects and focuses the visible card nearest to @y (in the column's
 * coordinates). FALSE when the column shows no card. */
gboolean    stw_board_column_focus_nearest   (StwBoardColumn *self,
                                              double          y);
/* Where a card dropped at @y (in the column's coordinates) would go, from
 * the cards as they are laid out now. */
guint       stw_board_column_drop_position_at (StwBoardColumn *self,
                                               double          y,
                                               double         *line_y);
/* What a drop at @y does: emits "card-dropped" (used by the drop target,
 * and by tests, which cannot make a real drag). */
void        stw_board_column_drop_at         (StwBoardColumn *self,
                                              gint64          item_id,
                                              double          y);

G_END_DECLS
