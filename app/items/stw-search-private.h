/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-search-private.h: what the domains' searches share beyond the item
 * full-text index: words matched in any field, accents and case ignored.
 */
#pragma once

#include "stw-workspace-private.h"

G_BEGIN_DECLS

/* Makes SQL function stw_fold(text) available on the workspace's
 * connection: @text lower-cased, accents removed, anything but letters and
 * digits a space, so that LIKE matches "Müller" for "muller". */
void       _stw_search_ensure_fold   (StwWorkspace *self);

/* The words of @text (letters and digits) as LIKE patterns "% word%" (a
 * word that starts so), folded as stw_fold() folds. Empty when there are
 * none. */
GPtrArray *_stw_search_like_patterns (const char   *text);

/* "' ' || stw_fold (EXPR) LIKE ? AND …", one test per pattern. */
char      *_stw_search_where_all     (const char   *expr,
                                      guint         n_patterns);

/* The ids of the records "SELECT x.id @table_sql" finds whose @text_expr
 * holds every word of @text, a reference typed in full first, then by
 * reference; at most @limit (0: 50). @table_sql names the record table
 * "x" and ends in a WHERE clause; both are ours, never data. Empty when
 * @text has no words. */
GArray    *_stw_search_ids           (StwWorkspace *self,
                                      const char   *table_sql,
                                      const char   *text_expr,
                                      const char   *text,
                                      guint         limit,
                                      GError      **error);

G_END_DECLS
