/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-draft-private.h: the store's drafts (see stw-draft.c): files only,
 * no workspace object.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and its -wal, -shm and -journal. */
void   _stw_draft_remove_with_side_files (const char  *path);
/* Creates an empty draft file in @dir, mode 0600 whatever the umask, and
 * returns its path, with @lock_fd holding it. */
char  *_stw_draft_create                 (const char  *dir,
                                          int         *lock_fd,
                                          GError     **error);
/* Gives the complete draft @draft the name @path (or, with @next_free, the
 * first free of "acme-2.steward", …) without ever replacing a file; the
 * name taken, or NULL with @error. */
char  *_stw_draft_publish                (const char  *draft,
                                          const char  *path,
                                          gboolean     next_free,
                                          GError     **error);
/* Makes a rename in the folder of @path durable. */
void   _stw_draft_sync_folder            (const char  *path);

G_END_DECLS
