/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-list.h: where workspaces live ($XDG_DATA_HOME/steward/
 * workspaces), and finding one by the name people see or by path.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STW_TYPE_WORKSPACE_INFO (stw_workspace_info_get_type ())
G_DECLARE_FINAL_TYPE (StwWorkspaceInfo, stw_workspace_info, STW, WORKSPACE_INFO, GObject)

/* The file name without ".steward": what `steward list` prints and what
 * the commands take as WORKSPACE. */
const char *stw_workspace_info_get_name     (StwWorkspaceInfo *self);
const char *stw_workspace_info_get_org_name (StwWorkspaceInfo *self);
const char *stw_workspace_info_get_path     (StwWorkspaceInfo *self);
/* Whether the sample generator made it (stw_sample_create()). */
gboolean    stw_workspace_info_is_sample    (StwWorkspaceInfo *self);

/* The folder, created if missing. */
char       *stw_workspaces_dir              (void);
/* Every workspace in the folder, sorted by name. Files that cannot be read
 * are listed with an empty organisation name rather than dropped. */
GListModel *stw_workspaces_list             (GError     **error);
/* The path in the folder named after @org_name ("acme-ltd.steward"),
 * taken or not. */
char       *stw_workspaces_path_for         (const char  *org_name);
/* A free path in the folder for a new workspace named after @org_name
 * (free now: another process may take it before it is used). */
char       *stw_workspaces_new_path         (const char  *org_name);
/* @name_or_path: an existing path, a name from stw_workspaces_list(), or an
 * organisation name (case-insensitive). A file name wins over organisation
 * names; a name that several workspaces have fails with
 * STW_WORKSPACE_ERROR_AMBIGUOUS, listing their file names. */
char       *stw_workspaces_resolve          (const char  *name_or_path,
                                             GError     **error);

G_END_DECLS
