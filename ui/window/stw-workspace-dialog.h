/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-dialog.h: asks for what a new workspace needs.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STW_TYPE_WORKSPACE_DIALOG (stw_workspace_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StwWorkspaceDialog, stw_workspace_dialog, STW, WORKSPACE_DIALOG, AdwMessageDialog)

GtkWidget  *stw_workspace_dialog_new          (GtkWindow          *parent);
/* Both trimmed; empty until typed. */
char       *stw_workspace_dialog_dup_org_name (StwWorkspaceDialog *self);
char       *stw_workspace_dialog_dup_me_name  (StwWorkspaceDialog *self);
/* Whether the operational plan starts from the shipped template plan (on
 * unless the person turns it off). */
gboolean    stw_workspace_dialog_get_use_template (StwWorkspaceDialog *self);

G_END_DECLS
