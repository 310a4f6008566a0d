/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-store.h: the items of a workspace: saving them with their
 * history, loading, listing, counting, board moves and search.
 *
 * The functions keep their stw_workspace_ prefix: they act on the
 * workspace, and the callers (the UI, the tests) stayed as they were when
 * all of this lived in the store.
 */
#pragma once

#include "stw-item.h"
#include "stw-store.h"

G_BEGIN_DECLS

/* Defined in stw-item-model.h. */
typedef struct _StwItemFilter StwItemFilter;

/* Signals added to StwWorkspace:
 *   "item-changed" (gint64 item_id, gint64 workstream_id): an item was
 *     created, changed, deleted or restored. A move between workstreams
 *     emits once for each side.
 */

/* Items. Insert assigns the id and the reference (never reused, even after
 * deletion); update writes what differs from the stored row. Delete moves
 * the item out of every view and can be undone with restore. */
gboolean       stw_workspace_insert_item        (StwWorkspace  *self,
                                                 StwItem       *item,
                                                 GError       **error);
gboolean       stw_workspace_update_item        (StwWorkspace  *self,
                                                 StwItem       *item,
                                                 GError       **error);
gboolean       stw_workspace_delete_item        (StwWorkspace  *self,
                                                 gint64         item_id,
                                                 GError       **error);
gboolean       stw_workspace_restore_item       (StwWorkspace  *self,
                                                 gint64         item_id,
                                                 GError       **error);
StwItem       *stw_workspace_load_item          (StwWorkspace  *self,
                                                 gint64         item_id,
                                                 GError       **error);
/* TRUE when saving @b over @a would change something (the fields a
 * history entry records): to tell whether a stored item moved on from a
 * copy being edited. */
gboolean       stw_workspace_items_differ       (StwWorkspace  *self,
                                                 StwItem       *a,
                                                 StwItem       *b);
StwItem       *stw_workspace_find_item_by_ref   (StwWorkspace  *self,
                                                 const char    *ref,
                                                 GError       **error);
/* Items of one workstream (0 for all), due date ascending, undated last.
 * Returns a GListModel of StwItem (an StwItemModel). */
GListModel    *stw_workspace_list_items         (StwWorkspace  *self,
                                                 gint64         workstream_id,
                                                 GError       **error);
/* Items chosen by @filter (see stw-item-model.h), as an StwItemModel. */
GListModel    *stw_workspace_filter_items       (StwWorkspace  *self,
                                                 const StwItemFilter *filter,
                                                 GError       **error);
/* Board: moves an item to @status, before @before_id in that column (0: to
 * the end). @closure_note, when not NULL, is saved with the move (closing
 * asks for one). @undo_before_id gets the item that followed it in its old
 * column (0 if it was last): moving back there restores the exact order. */
gboolean       stw_workspace_move_item          (StwWorkspace  *self,
                                                 gint64         item_id,
                                                 StwStatus      status,
                                                 gint64         before_id,
                                                 const char    *closure_note,
                                                 gint64        *undo_before_id,
                                                 GError       **error);
/* Saves several changed items in one transaction: all or none. */
gboolean       stw_workspace_update_items       (StwWorkspace  *self,
                                                 GPtrArray     *items,
                                                 GError       **error);
/* Items whose reference, title, description or notes contain words
 * starting with the words of @text (any order, accents and case ignored).
 * Whatever the person types is taken as plain words, never as query
 * syntax. Best matches first, at most @limit (0: 50). */
GListModel    *stw_workspace_search_items       (StwWorkspace  *self,
                                                 const char    *text,
                                                 guint          limit,
                                                 GError       **error);
/* Counts open items (and of those, overdue ones) of one workstream. */
gboolean       stw_workspace_count_items        (StwWorkspace  *self,
                                                 gint64         workstream_id,
                                                 guint         *open_count,
                                                 guint         *overdue_count,
                                                 GError       **error);

/* Reopening a finished occurrence of a repeating item withdraws the next
 * occurrence that its completion created, when nobody has touched it
 * since. Returns what the last change withdrew, as a sentence for a toast
 * ("Reopened OP-2027-002; withdrew OP-2027-003, created when it was
 * closed"), for the reopened item @item_id (0: any), or NULL when it
 * withdrew nothing; and forgets it. */
char          *stw_workspace_take_withdrawn     (StwWorkspace  *self,
                                                 gint64         item_id);

/* Adds the items (and the workstreams they count) to the store's
 * domains; once, from stw_core_init(). */
void           _stw_items_init                  (void);

G_END_DECLS
