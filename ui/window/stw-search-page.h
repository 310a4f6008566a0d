/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-search-page.h: what the window shows while it searches the
 * workspace (Ctrl+F): a hint before anything is typed, the items found,
 * or "No results". The search entry stays in the window's header; while
 * the page is active, the results follow what is typed there, Enter
 * chooses the best match and Down goes to the results.
 *
 * Signals:
 *   "item-activated" (gint64 item_id): a result was chosen; the window
 *     shows the item where it lives.
 *   "risk-activated" (gint64 risk_id): a risk found was chosen.
 *   "record-activated" (const char *entity, gint64 id): an objective
 *     ("objective") or KPI ("kpi") found was chosen.
 *   "error" (const char *message): the search failed.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_SEARCH_PAGE (stw_search_page_get_type ())
G_DECLARE_FINAL_TYPE (StwSearchPage, stw_search_page, STW, SEARCH_PAGE, GtkWidget)

GtkWidget  *stw_search_page_new           (void);
/* The entry the search reads, and the workspace it searches. */
void        stw_search_page_set_entry     (StwSearchPage  *self,
                                           GtkSearchEntry *entry);
void        stw_search_page_set_workspace (StwSearchPage  *self,
                                           StwWorkspace   *workspace);
/* Active (the window's search is open), the page searches for what the
 * entry holds and follows its typing; inactive, it forgets the results. */
void        stw_search_page_set_active    (StwSearchPage  *self,
                                           gboolean        active);
/* The items found by the last search, or NULL. */
GListModel *stw_search_page_get_results   (StwSearchPage  *self);

G_END_DECLS
