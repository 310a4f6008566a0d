/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-queue.h: files waiting to be attached as evidence. They are
 * attached one after another, each read and stored off the main thread
 * (stw_workspace_attach_file_async), with progress and one Cancel for the
 * file being read and every file still waiting.
 *
 * The evidence list owns one for the record it shows. For drops onto
 * board cards and list rows the window owns one (see stw-evidence-drop.h)
 * and shows its progress with an StwEvidenceProgress; it connects:
 *
 *   "attached" → a toast such as "Attached report.pdf";
 *   "failed"   → a toast or dialog with error->message (it names the file).
 *
 * Cancelling is not a failure: a cancelled file is simply not attached.
 */
#pragma once

#include <gio/gio.h>

#include "stw-evidence.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_EVIDENCE_QUEUE (stw_evidence_queue_get_type ())
G_DECLARE_FINAL_TYPE (StwEvidenceQueue, stw_evidence_queue, STW, EVIDENCE_QUEUE, GObject)

/* Signals:
 *   "progress" (GFile *file, guint64 done, guint64 total): bytes of the
 *     current file read and stored so far.
 *   "attached" (StwAttachment *attachment, GFile *file): a file is attached
 *     (its history entry written).
 *   "failed" (GFile *file, GError *error): a file could not be attached;
 *     nothing of it was stored. Not emitted for a cancelled file.
 *
 * Properties (read-only unless said):
 *   "workspace" (StwWorkspace, read-write): where files added from now on
 *     are attached. Files already queued keep the workspace they were
 *     added with.
 *   "busy" (gboolean): a file is being attached.
 *   "current-file" (GFile): the file being attached, or NULL.
 *   "position" (guint): which file of the batch is being attached (from 1).
 *   "n-files" (guint): how many files the batch has; a batch is what was
 *     added since the queue was last idle.
 */

StwEvidenceQueue *stw_evidence_queue_new               (StwWorkspace           *workspace);
StwWorkspace     *stw_evidence_queue_get_workspace     (StwEvidenceQueue       *self);
void              stw_evidence_queue_set_workspace     (StwEvidenceQueue       *self,
                                                        StwWorkspace           *workspace);
/* Queues @files (a list of GFile) for the record (@entity "item" or "risk",
 * @entity_id), each with a copy of @options (may be NULL). */
void              stw_evidence_queue_add               (StwEvidenceQueue       *self,
                                                        const char             *entity,
                                                        gint64                  entity_id,
                                                        GList                  *files,
                                                        const StwAttachOptions *options);
/* Stops the file being read and drops the ones waiting. */
void              stw_evidence_queue_cancel            (StwEvidenceQueue       *self);

gboolean          stw_evidence_queue_get_busy          (StwEvidenceQueue       *self);
GFile            *stw_evidence_queue_get_current_file  (StwEvidenceQueue       *self);
guint             stw_evidence_queue_get_position      (StwEvidenceQueue       *self);
guint             stw_evidence_queue_get_n_files       (StwEvidenceQueue       *self);
/* Bytes of the current file stored so far, and its size. */
void              stw_evidence_queue_get_progress      (StwEvidenceQueue       *self,
                                                        guint64                *done,
                                                        guint64                *total);
/* TRUE when the file being attached goes to this record. */
gboolean          stw_evidence_queue_is_attaching_to   (StwEvidenceQueue       *self,
                                                        StwWorkspace           *workspace,
                                                        const char             *entity,
                                                        gint64                  entity_id);

G_END_DECLS
