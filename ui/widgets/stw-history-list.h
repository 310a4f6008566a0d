/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-history-list.h: the timeline of one record's history (who changed
 * what, when), newest first.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_HISTORY_LIST (stw_history_list_get_type ())
G_DECLARE_FINAL_TYPE (StwHistoryList, stw_history_list, STW, HISTORY_LIST, GtkWidget)

GtkWidget *stw_history_list_new        (void);
/* Shows the history of @entity_id ("item", …) in @workspace; NULL or 0
 * empties the list. */
void       stw_history_list_load       (StwHistoryList *self,
                                        StwWorkspace   *workspace,
                                        const char     *entity,
                                        gint64          entity_id);
/* How many entries are shown. */
guint      stw_history_list_get_n_entries (StwHistoryList *self);

/* The lines a person reads for one entry: @action ("create", "update",
 * "delete", "restore") and the JSON @changes ({"field": [old, new]}) made
 * into sentences such as "Status: To do → Done". Pure: no display needed. */
GStrv      stw_history_describe        (const char     *action,
                                        const char     *changes);
/* "3 March 2025, 14:02" in local time, from a UTC timestamp. */
char      *stw_history_format_time     (const char     *timestamp);

G_END_DECLS
