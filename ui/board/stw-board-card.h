/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-board-card.h: one item as a card on the board.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-item.h"

G_BEGIN_DECLS

/* How a due date reads on a card. */
typedef enum {
  STW_DUE_NONE,       /* no due date, or the item is closed */
  STW_DUE_LATER,
  STW_DUE_THIS_WEEK,  /* open, due from today to six days on */
  STW_DUE_OVERDUE,    /* open, due before today */
} StwDueState;

/* Pure: the state of @due ("YYYY-MM-DD" or NULL) for an item in @status
 * on @today. */
StwDueState stw_due_state_for (const char *due,
                               StwStatus   status,
                               const char *today);

#define STW_TYPE_BOARD_CARD (stw_board_card_get_type ())
G_DECLARE_FINAL_TYPE (StwBoardCard, stw_board_card, STW, BOARD_CARD, GtkWidget)

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
