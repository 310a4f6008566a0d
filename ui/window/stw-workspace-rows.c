/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-rows.c: the rows of the workspace lists (see
 * stw-workspace-rows.h).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "stw-workspace-list.h"
#include "stw-workspace-rows.h"

static GtkWidget *
create_workspace_row (gpointer item,
                      gpointer user_data)
{
  const char *open_path = user_data;
  StwWorkspaceInfo *info = STW_WORKSPACE_INFO (item);
  const char *org = stw_workspace_info_get_org_name (info);
  const char *path = stw_workspace_info_get_path (info);
  /* The file's name is bytes too; a label needs UTF-8. */
  g_autofree char *name = g_filename_display_name (stw_workspace_info_get_name (info));
  GtkWidget *row;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The path's bytes: a folder named in Latin-1 is no UTF-8 string. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_bytestring (path));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-workspace");

  if (org != NULL && org[0] != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), org);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Cannot be read"));
    }

  if (open_path != NULL && g_strcmp0 (path, open_path) == 0)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open now"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }

  return row;
}

guint
stw_workspace_rows_fill (GtkListBox    *list,
                         StwWorkspace  *open,
                         GError       **error)
{
  g_autoptr(GListModel) workspaces = NULL;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), 0);

  workspaces = stw_workspaces_list (error);
  if (workspaces == NULL)
    {
      gtk_list_box_bind_model (list, NULL, NULL, NULL, NULL);
      return 0;
    }

  gtk_list_box_bind_model (list, workspaces, create_workspace_row,
                           open != NULL ? g_strdup (stw_workspace_get_path (open)) : NULL, g_free);

  return g_list_model_get_n_items (workspaces);
}
