/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-evidence.h: evidence on board cards and list rows, which are
 * created by list views that know nothing of the window: where their
 * workspace is (for the evidence badge), and file drops that go to the
 * window's evidence queue.
 *
 * A dropped file list becomes the window action
 *   win.attach-evidence ("(sxas)": entity, id, file URIs)
 * which queues the files (StwEvidenceQueue, progress and Cancel over the
 * content, toasts when done), so a card needs no queue of its own.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-evidence-drop.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

/* The workspace of the nearest ancestor of @widget with a "workspace"
 * property (the item editor, the main window); NULL when none. */
StwWorkspace  *stw_widget_find_workspace        (GtkWidget             *widget);

/* Lets files from the file manager be dropped on @widget: they are
 * attached to the item @get_id returns at the moment of the drop (cards
 * and rows are recycled), through win.attach-evidence. A widget showing
 * no item (id 0) refuses the drop. */
GtkDropTarget *stw_item_evidence_add_drop       (GtkWidget             *widget,
                                                 StwEvidenceDropIdFunc  get_id,
                                                 gpointer               user_data);

/* The parameter of win.attach-evidence for @files (GFiles). */
GVariant      *stw_item_evidence_new_parameter  (const char            *entity,
                                                 gint64                 entity_id,
                                                 GList                 *files);
/* The files of such a parameter (new references; free with
 * g_list_free_full (files, g_object_unref)), and the record. */
GList         *stw_item_evidence_parse_parameter (GVariant             *parameter,
                                                  const char          **entity,
                                                  gint64               *entity_id);

G_END_DECLS
