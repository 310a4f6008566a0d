/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence.h: evidence files attached to items and risks (later audits
 * and reviews), stored inside the workspace.
 *
 * Files are streamed in fixed-size chunks, hashed with SHA-256 on the way
 * and stored once per content. An import never holds a file in memory and
 * never leaves a partial file or attachment behind: the chunks are written
 * as a pending blob in short transactions (so the window stays usable),
 * and only the last step, one transaction with the attachment and its
 * history entry, makes the evidence visible.
 */
#pragma once

#include <gio/gio.h>

#include "stw-store.h"

G_BEGIN_DECLS

#define STW_EVIDENCE_CHUNK_SIZE (1024 * 1024)

#define STW_TYPE_ATTACHMENT (stw_attachment_get_type ())
G_DECLARE_FINAL_TYPE (StwAttachment, stw_attachment, STW, ATTACHMENT, GObject)

gint64      stw_attachment_get_id             (StwAttachment *self);
const char *stw_attachment_get_entity         (StwAttachment *self);
gint64      stw_attachment_get_entity_id      (StwAttachment *self);
/* Hex SHA-256 of the content. */
const char *stw_attachment_get_sha256         (StwAttachment *self);
const char *stw_attachment_get_file_name      (StwAttachment *self);
guint64     stw_attachment_get_size           (StwAttachment *self);
const char *stw_attachment_get_media_type     (StwAttachment *self);
const char *stw_attachment_get_added_by       (StwAttachment *self);
const char *stw_attachment_get_added_at       (StwAttachment *self);
const char *stw_attachment_get_note           (StwAttachment *self);
const char *stw_attachment_get_effective_date (StwAttachment *self);
const char *stw_attachment_get_expiry_date    (StwAttachment *self);
/* Its expiry date is before @today. */
gboolean    stw_attachment_is_expired         (StwAttachment *self,
                                               const char    *today);

typedef struct {
  const char *note;
  const char *effective_date;   /* "YYYY-MM-DD" or NULL */
  const char *expiry_date;      /* "YYYY-MM-DD" or NULL */
} StwAttachOptions;

/* Called with the bytes read so far and the file's size. */
typedef void (*StwProgressFunc) (guint64  done,
                                 guint64  total,
                                 gpointer user_data);

/* Attaches @file to the record (@entity "item" or "risk", @entity_id).
 * Refuses folders, empty files, unreadable files, names that are not
 * UTF-8, and files that change size while being read. Cancelling, an
 * error or a full disk leave nothing stored. */
StwAttachment *stw_workspace_attach_file        (StwWorkspace            *self,
                                                 const char              *entity,
                                                 gint64                   entity_id,
                                                 GFile                   *file,
                                                 const StwAttachOptions  *options,
                                                 GCancellable            *cancellable,
                                                 StwProgressFunc          progress,
                                                 gpointer                 progress_data,
                                                 GError                 **error);
/* The same, with the reading and storing in a worker thread; @progress is
 * called in the caller's main context. */
void           stw_workspace_attach_file_async  (StwWorkspace            *self,
                                                 const char              *entity,
                                                 gint64                   entity_id,
                                                 GFile                   *file,
                                                 const StwAttachOptions  *options,
                                                 GCancellable            *cancellable,
                                                 StwProgressFunc          progress,
                                                 gpointer                 progress_data,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
StwAttachment *stw_workspace_attach_file_finish (StwWorkspace            *self,
                                                 GAsyncResult            *result,
                                                 GError                 **error);

/* The current attachments of a record, oldest first. */
GListModel    *stw_workspace_list_attachments   (StwWorkspace            *self,
                                                 const char              *entity,
                                                 gint64                   entity_id,
                                                 GError                 **error);
guint          stw_workspace_count_attachments  (StwWorkspace            *self,
                                                 const char              *entity,
                                                 gint64                   entity_id);
/* Attachments of the record whose expiry date has passed. */
guint          stw_workspace_count_expired_attachments (StwWorkspace    *self,
                                                        const char      *entity,
                                                        gint64           entity_id);
/* Removes an attachment (recorded in history); its content is deleted
 * when no other attachment has the same content. */
gboolean       stw_workspace_remove_attachment  (StwWorkspace            *self,
                                                 gint64                   attachment_id,
                                                 GError                 **error);
/* Writes the attachment's content to @destination, streaming. */
gboolean       stw_workspace_export_attachment  (StwWorkspace            *self,
                                                 gint64                   attachment_id,
                                                 GFile                   *destination,
                                                 GCancellable            *cancellable,
                                                 GError                 **error);
/* The same in a worker thread on its own read connection, so a large file
 * does not hold up the window. */
void           stw_workspace_export_attachment_async  (StwWorkspace        *self,
                                                       gint64               attachment_id,
                                                       GFile               *destination,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean       stw_workspace_export_attachment_finish (StwWorkspace        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* Re-hashes every stored file; one line per mismatch to @report. FALSE
 * when any file does not match its hash. */
gboolean       stw_workspace_verify_evidence    (StwWorkspace            *self,
                                                 GString                 *report,
                                                 guint                   *n_checked,
                                                 GCancellable            *cancellable,
                                                 GError                 **error);

/* Whether the workspace gives the space of removed evidence back to the
 * file system. Workspaces made before version 5 do not until converted:
 * small ones are when opened, larger ones by stw_workspace_convert_space(). */
gboolean       stw_workspace_gives_space_back   (StwWorkspace            *self);
/* Converts such a workspace, rewriting the file once: time in proportion
 * to its content, and free disk about twice its content. Refused, changing
 * nothing, when that space is not free, the workspace is read-only or
 * another process writes. Appends to @report a line saying that it gives
 * space back (converted now or when it was opened) and the file's size. */
gboolean       stw_workspace_convert_space      (StwWorkspace            *self,
                                                 GString                 *report,
                                                 GError                 **error);

/* Adds the evidence to the store's domains (cleaning up after a crashed
 * import on open) and its check to the workspace check; once, from
 * stw_core_init(). */
void           _stw_evidence_init               (void);

G_END_DECLS
