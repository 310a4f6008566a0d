/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-list-view.h: the List view of one workstream: its items sorted (due
 * date ascending by default) and filtered (owner, status, overdue, due
 * soon), several at a time selected for a bulk status or owner change.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-item-model.h"
#include "stw-undo.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_LIST_VIEW (stw_list_view_get_type ())
G_DECLARE_FINAL_TYPE (StwListView, stw_list_view, STW, LIST_VIEW, GtkWidget)

/* Signals:
 *   "item-activated" (gint64 item_id): a row was opened (Enter, double
 *     click).
 *   "item-selected" (gint64 item_id): the selection became exactly one
 *     row (0: none or several).
 *   "changed" (const char *message): a bulk change was made and pushed on
 *     the undo stack.
 *   "error" (const char *message): a change failed.
 *
 * Actions (on the widget):
 *   list.sort (string state: "due", "status", "owner", "ref", "priority"),
 *   list.descending, list.overdue, list.due-soon (boolean states),
 *   list.clear-filters, list.set-status (string: a status key),
 *   list.set-owner (int64: a person id), list.select-all,
 *   list.unselect-all (Ctrl+Shift+A).
 */

/* Days ahead that "Due soon" covers. */
#define STW_LIST_VIEW_DUE_SOON_DAYS 30

GtkWidget     *stw_list_view_new               (void);
/* Shows the items of @workstream_id in @workspace (NULL: nothing). Bulk
 * changes are pushed on @undo, the window's shared undo stack. Filters are
 * kept, the sort too; the list starts scrolled to the first open item. */
void           stw_list_view_set_workstream    (StwListView  *self,
                                                StwWorkspace *workspace,
                                                StwUndoStack *undo,
                                                gint64        workstream_id);
/* Selects only the row of @item_id (0: none) and scrolls to it. */
void           stw_list_view_select_item       (StwListView  *self,
                                                gint64        item_id);
/* The selected item when exactly one row is selected, else 0. */
gint64         stw_list_view_get_selected_item (StwListView  *self);
/* How many rows are selected. */
guint          stw_list_view_get_n_selected    (StwListView  *self);

/* The filter and order shown (the workstream is the view's own). */
const StwItemFilter *stw_list_view_get_filter  (StwListView  *self);
void           stw_list_view_set_filter        (StwListView  *self,
                                                const StwItemFilter *filter);

/* For tests: the items shown (an StwItemModel) and the selection over them. */
GListModel        *_stw_list_view_get_model     (StwListView *self);
GtkSelectionModel *_stw_list_view_get_selection (StwListView *self);
GtkListView       *_stw_list_view_get_list      (StwListView *self);
/* "list", "empty" (no items at all) or "no-match" (none pass the filters). */
const char        *_stw_list_view_get_page      (StwListView *self);

G_END_DECLS
