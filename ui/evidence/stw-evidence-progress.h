/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-progress.h: the progress of an StwEvidenceQueue: the file
 * being attached ("Attaching report.pdf (2 of 3)"), a progress bar, bytes
 * done of the total, and a Cancel button that cancels the queue.
 *
 * The evidence list has one built in. For drops onto cards and list rows
 * the window shows one over its content, like a toast:
 *
 *   progress = stw_evidence_progress_new (queue);
 *   gtk_widget_add_css_class (progress, "floating");
 *   gtk_widget_set_halign (progress, GTK_ALIGN_CENTER);
 *   gtk_widget_set_valign (progress, GTK_ALIGN_END);
 *   revealer = gtk_revealer_new ();   (transition slide-up)
 *   gtk_revealer_set_child (revealer, progress);
 *   g_object_bind_property (queue, "busy", revealer, "reveal-child", G_BINDING_SYNC_CREATE);
 *   gtk_overlay_add_overlay (overlay, revealer);
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-evidence-queue.h"

G_BEGIN_DECLS

#define STW_TYPE_EVIDENCE_PROGRESS (stw_evidence_progress_get_type ())
G_DECLARE_FINAL_TYPE (StwEvidenceProgress, stw_evidence_progress, STW, EVIDENCE_PROGRESS, GtkWidget)

/* Properties:
 *   "queue" (StwEvidenceQueue, read-write).
 */

GtkWidget        *stw_evidence_progress_new        (StwEvidenceQueue    *queue);
StwEvidenceQueue *stw_evidence_progress_get_queue  (StwEvidenceProgress *self);
void              stw_evidence_progress_set_queue  (StwEvidenceProgress *self,
                                                    StwEvidenceQueue    *queue);
/* What the widget says, for tests: "Attaching report.pdf (2 of 3)" and
 * "12.3 MB of 40.0 MB". */
const char       *stw_evidence_progress_get_title  (StwEvidenceProgress *self);
const char       *stw_evidence_progress_get_detail (StwEvidenceProgress *self);
double            stw_evidence_progress_get_fraction (StwEvidenceProgress *self);

/* The sentences shown, from the queue's state. Pure. */
char             *stw_evidence_progress_describe   (const char          *file_name,
                                                    guint                position,
                                                    guint                n_files);
char             *stw_evidence_progress_describe_bytes (guint64          done,
                                                        guint64          total);

G_END_DECLS
