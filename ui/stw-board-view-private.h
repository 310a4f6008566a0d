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

G_END_DECLS
