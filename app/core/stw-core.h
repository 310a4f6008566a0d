/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-core.h: the core above its layers: brings the domains into the
 * store, and opens and creates workspaces with every domain in place.
 */
#pragma once

#include "stw-store.h"

G_BEGIN_DECLS

/* Adds every domain's hooks, signals and checks to the store, in a fixed
 * order (people, items, evidence). Idempotent and thread-safe; opening or
 * creating a workspace calls it, and so may anyone who runs the workspace
 * check on a workspace of their own. */
void           stw_core_init                    (void);

/* Creates a new workspace at @path (which must not exist, or be an empty
 * file), with the four built-in workstreams and @me_name as its first person
 * and the current actor. The file is built under a hidden draft name and
 * only then takes @path, so it is never seen half-made, and a file that
 * another process made meanwhile is never replaced
 * (STW_WORKSPACE_ERROR_EXISTS). */
StwWorkspace  *stw_workspace_create             (const char    *path,
                                                 const char    *org_name,
                                                 const char    *me_name,
                                                 GError       **error);
/* The same in the workspace folder, named after @org_name; when that name
 * is taken, the next free one ("acme-2.steward", …). */
StwWorkspace  *stw_workspace_create_in_folder   (const char    *org_name,
                                                 const char    *me_name,
                                                 GError       **error);
/* For builders that fill a new workspace in steps (the sample): as
 * stw_workspace_create(), but the workspace stays a draft, beside @path
 * under a name no list shows, until stw_workspace_publish(). Dropping the
 * last reference to an unpublished draft removes its files. */
StwWorkspace  *stw_workspace_create_draft       (const char    *path,
                                                 const char    *org_name,
                                                 const char    *me_name,
                                                 GError       **error);
/* Gives @draft (outside any transaction) the name @path or, with
 * @next_free, the next free name after it, and returns the workspace
 * opened there. @draft is closed either way: unref it. */
StwWorkspace  *stw_workspace_publish            (StwWorkspace  *draft,
                                                 const char    *path,
                                                 gboolean       next_free,
                                                 GError       **error);
/* Opens an existing workspace. A file that is not a workspace, is damaged,
 * truncated, read-only or from a newer version gives an error and is not
 * modified. Older schemas are migrated. */
StwWorkspace  *stw_workspace_open               (const char    *path,
                                                 GError       **error);
/* Opens an existing workspace for reading only (checking, listing): writes
 * nothing to the file, so a read-only file or folder opens. A workspace
 * from an older Steward must be migrated to be read: if it can be written
 * it is opened as stw_workspace_open() does, else this fails with
 * STW_WORKSPACE_ERROR_READ_ONLY. */
StwWorkspace  *stw_workspace_open_read_only     (const char    *path,
                                                 GError       **error);

G_END_DECLS
