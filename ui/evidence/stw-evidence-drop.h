/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-drop.h: lets people drop files from the file manager onto a
 * board card or a list row to attach them to that item as evidence.
 *
 * Wiring it in (the window owns one StwEvidenceQueue per window and keeps
 * its "workspace" property current; it shows the queue's progress with an
 * StwEvidenceProgress over its content, and toasts for the queue's
 * "attached" and "failed" signals — see stw-evidence-queue.h):
 *
 *   - Board column, in card_setup_cb:
 *       stw_evidence_drop_install (card, queue, "item",
 *                                  drop_item_id_cb, NULL);
 *     with
 *       static gint64 drop_item_id_cb (GtkWidget *w, gpointer data)
 *       { return stw_board_card_get_item_id (STW_BOARD_CARD (w)); }
 *     The id is asked at the moment of the drop, so recycled cards attach
 *     to the item they show then.
 *   - List view, in its row setup: the same with the row widget and a
 *     function returning its item's id.
 *
 * Only file lists are accepted, with the COPY action, so a card dragged
 * over another card still reaches the column's own drop target. A card
 * or row that shows no item (id 0) refuses the drop. While files hover
 * over it the widget has the :drop(active) state, which the theme
 * outlines.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-evidence-queue.h"

G_BEGIN_DECLS

/* The id of the record @widget shows now; 0 when none. */
typedef gint64 (*StwEvidenceDropIdFunc) (GtkWidget *widget,
                                         gpointer   user_data);

/* Adds a drop target for files to @widget (which owns it) that queues the
 * dropped files on @queue for @entity ("item" or "risk") and the id
 * @get_id returns. Returns the target (owned by @widget). */
GtkDropTarget *stw_evidence_drop_install   (GtkWidget             *widget,
                                            StwEvidenceQueue      *queue,
                                            const char            *entity,
                                            StwEvidenceDropIdFunc  get_id,
                                            gpointer               user_data);
/* A drop target that accepts files from the file manager (a GdkFileList,
 * COPY), for widgets that handle the drop themselves. */
GtkDropTarget *stw_evidence_drop_target_new (void);
/* The files a dropped GdkFileList value holds, as a new list of new
 * references (free with g_list_free_full (files, g_object_unref)). */
GList         *stw_evidence_drop_dup_files (const GValue          *value);

G_END_DECLS
