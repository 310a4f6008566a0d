/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-list.h: the "Evidence" group of the item editor (and the
 * risk editor): the files attached to one record with their size, type,
 * who added them and when, note, effective and expiry dates (expired ones
 * marked) and SHA-256; Open, Save as…, Copy hash and Remove for each; an
 * "Attach files…" button and file drops from the file manager onto the
 * whole group. Attaching asks once for a note and the dates, then runs
 * in the background with a progress bar and Cancel.
 *
 * Wiring it into the item editor:
 *
 *   - Put an StwEvidenceList straight into the editor's scrolled box (it
 *     is its own AdwPreferencesGroup, titled "Evidence"), before "Notes"
 *     or "History".
 *   - Whenever the editor shows an item (and when it is emptied or the
 *     workspace changes): stw_evidence_list_set_record (list, workspace,
 *     "item", item_id). A new, unsaved item has id 0: the group then says
 *     to save the item first and refuses files.
 *   - Connect "changed" to reload the history list (the attach and detach
 *     entries carry the SHA-256) and to recount evidence for the closure
 *     rule. Attaching does not modify the item's fields: the editor's
 *     "modified" state must not change.
 *   - Connect "error" to the window's toast with error->message (the list
 *     also shows the message inline for a file that failed).
 *   - The list follows the workspace's "item-changed" for its item, so
 *     files dropped onto the item's card show up here as well.
 *
 * The risk editor does the same with "risk" and the risk's id.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-evidence.h"
#include "stw-evidence-queue.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_EVIDENCE_LIST (stw_evidence_list_get_type ())
G_DECLARE_FINAL_TYPE (StwEvidenceList, stw_evidence_list, STW, EVIDENCE_LIST, GtkWidget)

/* Signals:
 *   "changed" (): a file was attached to or removed from a record by this
 *     list (emitted after each one).
 *   "error" (GError *error): something failed; error->message is for
 *     people and names the file.
 *
 * Properties (read-only):
 *   "n-attachments" (guint), "n-expired" (guint): what is listed.
 *
 * Actions (on the widget, with the attachment id as int64 target where
 * there is one): evidence.attach, evidence.open, evidence.save-as,
 * evidence.copy-hash, evidence.remove.
 */

GtkWidget        *stw_evidence_list_new              (void);
/* Lists the evidence of @entity ("item", "risk") @entity_id in
 * @workspace; NULL or 0 empties the list. */
void              stw_evidence_list_set_record       (StwEvidenceList        *self,
                                                      StwWorkspace           *workspace,
                                                      const char             *entity,
                                                      gint64                  entity_id);
StwWorkspace     *stw_evidence_list_get_workspace    (StwEvidenceList        *self);
gint64            stw_evidence_list_get_entity_id    (StwEvidenceList        *self);
/* The StwAttachments listed, oldest first. */
GListModel       *stw_evidence_list_get_attachments  (StwEvidenceList        *self);
guint             stw_evidence_list_get_n_attachments (StwEvidenceList       *self);
guint             stw_evidence_list_get_n_expired    (StwEvidenceList        *self);
/* The queue attaching this list's files (for its progress signals). */
StwEvidenceQueue *stw_evidence_list_get_queue        (StwEvidenceList        *self);

/* What the "Attach files…" button does: a file chooser (several files),
 * then stw_evidence_list_offer_files(). */
void              stw_evidence_list_choose_files     (StwEvidenceList        *self);
/* What a drop does: asks for a note, the effective date (today) and an
 * optional expiry date in a dialog, then attaches. */
void              stw_evidence_list_offer_files      (StwEvidenceList        *self,
                                                      GList                  *files);
/* Attaches @files (GFiles) to the record shown, one after another in the
 * background, each with @options (may be NULL). */
void              stw_evidence_list_attach_files     (StwEvidenceList        *self,
                                                      GList                  *files,
                                                      const StwAttachOptions *options);

/* Writes attachment @attachment_id's content to @destination (what Save
 * as… does once a file is chosen). */
gboolean          stw_evidence_list_save_attachment  (StwEvidenceList        *self,
                                                      gint64                  attachment_id,
                                                      GFile                  *destination,
                                                      GError                **error);
/* The private, read-only copy Open hands to the default application:
 * $XDG_CACHE_HOME/steward/open/<sha256>/<file name>, written afresh. */
GFile            *stw_evidence_list_export_private_copy (StwEvidenceList     *self,
                                                      gint64                  attachment_id,
                                                      GError                **error);
/* Open: the private copy, then the default application for its type. */
void              stw_evidence_list_open_attachment  (StwEvidenceList        *self,
                                                      gint64                  attachment_id);
/* Asks whether to remove the attachment (an AdwMessageDialog with the
 * responses "cancel" and "remove"); "remove" calls
 * stw_evidence_list_remove_attachment(). */
void              stw_evidence_list_confirm_remove   (StwEvidenceList        *self,
                                                      gint64                  attachment_id);
/* Removes it now; the removal is recorded in the history. */
gboolean          stw_evidence_list_remove_attachment (StwEvidenceList       *self,
                                                      gint64                  attachment_id,
                                                      GError                **error);
/* Puts the attachment's full SHA-256 on the clipboard. */
void              stw_evidence_list_copy_hash        (StwEvidenceList        *self,
                                                      gint64                  attachment_id);

/* The row's accessible name, "report.pdf, SHA-256 <hash>". Pure. */
char             *stw_evidence_list_describe_attachment (StwAttachment       *attachment);
/* "SHA-256 1a2b3c4d…5e6f7a8b": the first and last eight digits. Pure. */
char             *stw_evidence_list_shorten_hash     (const char             *sha256);

G_END_DECLS
