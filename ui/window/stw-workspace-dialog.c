/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-dialog.c: asks for the organisation's name, the name of
 * the person setting the workspace up (its first person and actor) and
 * whether the operational plan starts from the template plan. The window
 * creates the workspace when the "create" response comes back, so errors
 * are reported where every other error is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-workspace-dialog.h"

struct _StwWorkspaceDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *org_row;
  AdwEntryRow      *me_row;
  GtkSwitch        *template_switch;
};

G_DEFINE_FINAL_TYPE (StwWorkspaceDialog, stw_workspace_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Helpers */

static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Callbacks */

static void
entry_changed_cb (StwWorkspaceDialog *self)
{
  g_autofree char *org = dup_trimmed (self->org_row);
  g_autofree char *me = dup_trimmed (self->me_row);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           org[0] != '\0' && me[0] != '\0');
}

/* Overrides */

static void
stw_workspace_dialog_class_init (StwWorkspaceDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-workspace-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StwWorkspaceDialog, org_row);
  gtk_widget_class_bind_template_child (widget_class, StwWorkspaceDialog, me_row);
  gtk_widget_class_bind_template_child (widget_class, StwWorkspaceDialog, template_switch);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
stw_workspace_dialog_init (StwWorkspaceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
stw_workspace_dialog_new (GtkWindow *parent)
{
  return g_object_new (STW_TYPE_WORKSPACE_DIALOG,
                       "transient-for", parent,
                       NULL);
}

char *
stw_workspace_dialog_dup_org_name (StwWorkspaceDialog *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE_DIALOG (self), NULL);

  return dup_trimmed (self->org_row);
}

char *
stw_workspace_dialog_dup_me_name (StwWorkspaceDialog *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE_DIALOG (self), NULL);

  return dup_trimmed (self->me_row);
}

gboolean
stw_workspace_dialog_get_use_template (StwWorkspaceDialog *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->template_switch);
}
