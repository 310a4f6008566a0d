/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-board-view-private.h: what the tests reach inside the board.
 */
#pragma once

#include "stw-board-column.h"
#include "stw-board-view.h"

G_BEGIN_DECLS

StwBoardColumn *_stw_board_view_get_column (StwBoardView *self,
                                            StwStatus     status);
/* What Left and Right (@direction -1 or 1) do without modifiers: the
 * focus goes to the nearest card of the next column that has cards. FALSE
 * when the focus is not in a column (the key then goes on). */
gboolean        _stw_board_view_focus_across (StwBoardView *self,
                                              int           direction);

G_END_DECLS
