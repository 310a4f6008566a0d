/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-drop.c: file drops onto cards and rows. The drop only
 * queues the files; the queue reads them off the main thread, so letting
 * go of a large file never stalls the board.
 */
#include "config.h"

#include "stw-evidence-drop.h"

typedef struct {
  StwEvidenceQueue      *queue;
  char                  *entity;
  StwEvidenceDropIdFunc  get_id;
  gpointer               user_data;
} DropData;

/* Helpers */

static void
drop_data_free (gpointer data)
{
  DropData *drop = data;

  g_clear_object (&drop->queue);
  g_free (drop->entity);
  g_free (drop);
}

static gint64
target_record (GtkDropTarget *target,
               DropData      *drop)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  if (widget == NULL || stw_evidence_queue_get_workspace (drop->queue) == NULL)
    return 0;

  return drop->get_id (widget, drop->user_data);
}

/* Callbacks */

static gboolean
accepted_cb (GtkDropTarget *target,
             GdkDrop       *gdk_drop,
             DropData      *drop)
{
  /* A card or row between items (being recycled) takes nothing. */
  return target_record (target, drop) > 0 &&
         (gdk_drop_get_actions (gdk_drop) & GDK_ACTION_COPY) != 0 &&
         gdk_content_formats_contain_gtype (gdk_drop_get_formats (gdk_drop), GDK_TYPE_FILE_LIST);
}

static gboolean
dropped_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            DropData      *drop)
{
  gint64 id = target_record (target, drop);
  GList *files;

  if (id <= 0)
    return FALSE;

  files = stw_evidence_drop_dup_files (value);
  if (files == NULL)
    return FALSE;

  stw_evidence_queue_add (drop->queue, drop->entity, id, files, NULL);
  g_list_free_full (files, g_object_unref);

  return TRUE;
}

/* Public API */

GtkDropTarget *
stw_evidence_drop_target_new (void)
{
  return gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
}

GList *
stw_evidence_drop_dup_files (const GValue *value)
{
  GSList *dropped;
  GList *files = NULL;

  if (value == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || g_value_get_boxed (value) == NULL)
    return NULL;

  dropped = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = dropped; l != NULL; l = l->next)
    files = g_list_prepend (files, g_object_ref (l->data));
  g_slist_free (dropped);

  return g_list_reverse (files);
}

GtkDropTarget *
stw_evidence_drop_install (GtkWidget             *widget,
                           StwEvidenceQueue      *queue,
                           const char            *entity,
                           StwEvidenceDropIdFunc  get_id,
                           gpointer               user_data)
{
  GtkDropTarget *target;
  DropData *drop;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (STW_IS_EVIDENCE_QUEUE (queue), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (get_id != NULL, NULL);

  drop = g_new0 (DropData, 1);
  drop->queue = g_object_ref (queue);
  drop->entity = g_strdup (entity);
  drop->get_id = get_id;
  drop->user_data = user_data;

  target = stw_evidence_drop_target_new ();
  g_object_set_data_full (G_OBJECT (target), "stw-evidence-drop", drop, drop_data_free);
  g_signal_connect (target, "accept", G_CALLBACK (accepted_cb), drop);
  g_signal_connect (target, "drop", G_CALLBACK (dropped_cb), drop);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));

  return target;
}
