/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-evidence.c: evidence drops on cards and rows, handed to the
 * window as an action so that the widgets stay free of the window.
 */
#include "config.h"

#include "stw-item-evidence.h"

typedef struct {
  StwEvidenceDropIdFunc get_id;
  gpointer              user_data;
} DropData;

/* Helpers */

static gint64
target_item (GtkDropTarget *target,
             DropData      *drop)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  return widget != NULL ? drop->get_id (widget, drop->user_data) : 0;
}

/* Callbacks */

static gboolean
accepted_cb (GtkDropTarget *target,
             GdkDrop       *gdk_drop,
             DropData      *drop)
{
  return target_item (target, drop) > 0
         && (gdk_drop_get_actions (gdk_drop) & GDK_ACTION_COPY) != 0
         && gdk_content_formats_contain_gtype (gdk_drop_get_formats (gdk_drop), GDK_TYPE_FILE_LIST);
}

static gboolean
dropped_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            DropData      *drop)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  gint64 id = target_item (target, drop);
  g_autoptr(GVariant) parameter = NULL;
  GList *files;
  gboolean done;

  if (id <= 0)
    return FALSE;

  files = stw_evidence_drop_dup_files (value);
  if (files == NULL)
    return FALSE;

  parameter = g_variant_ref_sink (stw_item_evidence_new_parameter ("item", id, files));
  g_list_free_full (files, g_object_unref);
  done = gtk_widget_activate_action_variant (widget, "win.attach-evidence", parameter);

  return done;
}

/* Public API */

StwWorkspace *
stw_widget_find_workspace (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (w), "workspace");
      StwWorkspace *workspace = NULL;

      if (pspec == NULL || !g_type_is_a (pspec->value_type, STW_TYPE_WORKSPACE))
        continue;

      g_object_get (w, "workspace", &workspace, NULL);
      if (workspace != NULL)
        g_object_unref (workspace);   /* @w keeps it */

      return workspace;
    }

  return NULL;
}

GtkDropTarget *
stw_item_evidence_add_drop (GtkWidget             *widget,
                            StwEvidenceDropIdFunc  get_id,
                            gpointer               user_data)
{
  GtkDropTarget *target;
  DropData *drop;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (get_id != NULL, NULL);

  drop = g_new0 (DropData, 1);
  drop->get_id = get_id;
  drop->user_data = user_data;

  target = stw_evidence_drop_target_new ();
  g_object_set_data_full (G_OBJECT (target), "stw-item-evidence-drop", drop, g_free);
  g_signal_connect (target, "accept", G_CALLBACK (accepted_cb), drop);
  g_signal_connect (target, "drop", G_CALLBACK (dropped_cb), drop);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));

  return target;
}

GVariant *
stw_item_evidence_new_parameter (const char *entity,
                                 gint64      entity_id,
                                 GList      *files)
{
  GVariantBuilder uris;

  g_return_val_if_fail (entity != NULL, NULL);

  g_variant_builder_init (&uris, G_VARIANT_TYPE_STRING_ARRAY);
  for (GList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *uri = g_file_get_uri (l->data);

      g_variant_builder_add (&uris, "s", uri);
    }

  return g_variant_new ("(sxas)", entity, entity_id, &uris);
}

GList *
stw_item_evidence_parse_parameter (GVariant    *parameter,
                                   const char **entity,
                                   gint64      *entity_id)
{
  g_autoptr(GVariantIter) iter = NULL;
  const char *uri;
  GList *files = NULL;

  g_return_val_if_fail (parameter != NULL && g_variant_is_of_type (parameter, G_VARIANT_TYPE ("(sxas)")), NULL);

  g_variant_get (parameter, "(&sxas)", entity, entity_id, &iter);
  while (g_variant_iter_next (iter, "&s", &uri))
    files = g_list_prepend (files, g_file_new_for_uri (uri));

  return g_list_reverse (files);
}
