/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-private.h: what the evidence files share: the store of
 * chunks (stw-evidence.c) and its upkeep and check (stw-evidence-check.c).
 */
#pragma once

#include <sqlite3.h>

#include "stw-evidence.h"

G_BEGIN_DECLS

/* @digest as 64 lower-case hex digits, newly allocated. */
char     *_stw_evidence_hex_digest    (const guint8 digest[32]);
/* Gives back free pages (incremental auto-vacuum), never inside a caller's
 * transaction and never waiting for another writer. */
void      _stw_evidence_reclaim_space (sqlite3 *db);
/* Calls @func for each chunk of the ready blob with @sha256, in order. */
gboolean  _stw_evidence_for_each_chunk (sqlite3        *db,
                                        const char     *sha256,
                                        gboolean      (*func) (const void *data, gsize len,
                                                               gpointer user_data, GError **error),
                                        gpointer        user_data,
                                        GCancellable   *cancellable,
                                        GError        **error);

/* Tests only: the free disk space to assume (-1: ask the file system). */
void      _stw_evidence_set_free_space_for_test (gint64 bytes);

G_END_DECLS
