/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-search-page.h: what the window shows while it searches the
 * workspace (Ctrl+F): a hint before anything is typed, the items found,
 * or "No results". The search entry stays in the window's header, which
 * runs stw_search_page_search() as the person types.
 *
 * Signal "item-activated" (gint64 item_id): a result was chosen.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_SEARCH_PAGE (stw_search_page_get_type ())
G_DECLARE_FINAL_TYPE (StwSearchPage, stw_search_page, STW, SEARCH_PAGE, GtkWidget)

GtkWidget  *stw_search_page_new           (void);
/* Searches @workspace for @text; the items found are shown, best first.
 * FALSE on error (no results shown). */
gboolean    stw_search_page_search        (StwSearchPage  *self,
                                           StwWorkspace   *workspace,
                                           const char     *text,
                                           GError        **error);
/* Forgets the results. */
void        stw_search_page_clear         (StwSearchPage  *self);
/* The items found by the last search, or NULL. */
GListModel *stw_search_page_get_results   (StwSearchPage  *self);
/* Puts the keyboard on the first result; FALSE when there is none. */
gboolean    stw_search_page_focus_results (StwSearchPage  *self);

G_END_DECLS
