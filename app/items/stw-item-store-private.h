/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-store-private.h: what the item files share (loading, board
 * positions, occurrences of repeating tasks), and what the item model and
 * the plan use of them.
 */
#pragma once

#include "stw-item-store.h"

G_BEGIN_DECLS

/* Board positions are spaced so a card can be dropped between two others
 * without renumbering the column. */
#define POSITION_GAP 1024

/* Loads one item; @include_deleted for restore and history. */
StwItem      *_stw_item_load                (StwWorkspace  *self,
                                             gint64         item_id,
                                             gboolean       include_deleted,
                                             GError       **error);

/* Loads the items with @ids (not deleted) in a few queries: @out gets one
 * entry per id, in order, NULL where an item is gone. */
gboolean      _stw_workspace_load_items     (StwWorkspace  *self,
                                             const gint64  *ids,
                                             guint          n,
                                             GPtrArray     *out,
                                             GError       **error);

/* Repeating tasks: the occurrence of a series due on @due (0: none), and a
 * new occurrence like @baseline (same lead time) due on @due; @new_id (may
 * be NULL) gets its id. */
gint64        _stw_workspace_find_occurrence (StwWorkspace *self,
                                              gint64        series_id,
                                              const char   *due);
gboolean      _stw_workspace_add_occurrence (StwWorkspace  *self,
                                             StwItem       *baseline,
                                             gint64         owner_id,
                                             const char    *due,
                                             gint64        *new_id,
                                             GError       **error);

G_END_DECLS
