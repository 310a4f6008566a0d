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
 * and the current actor. */
StwWorkspace  *stw_workspace_create             (const char    *path,
                                                 const char    *org_name,
                                                 const char    *me_name,
                                                 GError       **error);
/* Opens an existing workspace. A file that is not a workspace, is damaged,
 * truncated, read-only or from a newer version gives an error and is not
 * modified. Older schemas are migrated. */
StwWorkspace  *stw_workspace_open               (const char    *path,
                                                 GError       **error);

G_END_DECLS
