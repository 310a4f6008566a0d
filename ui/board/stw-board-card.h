/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-board-card.h: one item as a card on the board.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-item-widget.h"

G_BEGIN_DECLS

#define STW_TYPE_BOARD_CARD (stw_board_card_get_type ())
G_DECLARE_FINAL_TYPE (StwBoardCard, stw_board_card, STW, BOARD_CARD, StwItemWidget)

GtkWidget *stw_board_card_new          (void);
StwItem   *stw_board_card_get_item     (StwBoardCard *self);
/* The id of the item shown, 0 when none. */
gint64     stw_board_card_get_item_id  (StwBoardCard *self);
/* @today ("YYYY-MM-DD") decides whether the card shows as overdue or due
 * this week. Cards are recycled by the column's list view, so everything
 * is set here. */
void       stw_board_card_set_item     (StwBoardCard *self,
                                        StwItem      *item,
                                        const char   *today);
/* The name a screen reader says, such as "T-004 Backup restore test, To
 * do, Priya Shah, due 2027-03-05, overdue". */
char      *stw_board_card_dup_accessible_name (StwBoardCard *self);

G_END_DECLS
