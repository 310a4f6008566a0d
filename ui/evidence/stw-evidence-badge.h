/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-badge.h: the small mark on a board card or a list row that
 * says how many files are attached to the item, and warns when some have
 * expired: a paperclip and "2", or a warning sign and "2 · 1 expired" in
 * the error colour. Hidden while nothing is attached.
 *
 * Wiring it into a card or row (both are recycled by list views):
 *
 *   - Put one StwEvidenceBadge in the card's or row's template, next to
 *     the due date.
 *   - When binding an item: stw_evidence_badge_set_record (badge,
 *     workspace, "item", stw_item_get_id (item)); when unbinding:
 *     stw_evidence_badge_set_record (badge, NULL, NULL, 0). The badge
 *     follows the workspace's "item-changed" for that item (and for 0,
 *     "many items changed"), so attaching or removing a file anywhere
 *     updates it.
 *   - The card's accessible name should end with the badge's "text"
 *     ("2 files, 1 expired"; NULL when none): read it in
 *     dup_accessible_name and update the name on notify::text.
 *
 * Risks get no "item-changed": call stw_evidence_badge_refresh() after
 * attaching to one (the evidence list's "changed" signal says when).
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_EVIDENCE_BADGE (stw_evidence_badge_get_type ())
G_DECLARE_FINAL_TYPE (StwEvidenceBadge, stw_evidence_badge, STW, EVIDENCE_BADGE, GtkWidget)

/* Properties (read-only):
 *   "n-files" (guint), "n-expired" (guint),
 *   "text" (string): stw_evidence_badge_describe() of the two, NULL when
 *     no file is attached.
 */

GtkWidget  *stw_evidence_badge_new          (void);
/* Shows the counts of @entity_id's evidence; NULL or 0 empties it. */
void        stw_evidence_badge_set_record   (StwEvidenceBadge *self,
                                             StwWorkspace     *workspace,
                                             const char       *entity,
                                             gint64            entity_id);
/* Counts again (after midnight, or after attaching to a risk). */
void        stw_evidence_badge_refresh      (StwEvidenceBadge *self);
guint       stw_evidence_badge_get_n_files  (StwEvidenceBadge *self);
guint       stw_evidence_badge_get_n_expired (StwEvidenceBadge *self);
const char *stw_evidence_badge_get_text     (StwEvidenceBadge *self);

/* "1 file", "2 files", "2 files, 1 expired"; NULL when @n_files is 0.
 * Pure: for tooltips, accessible names and list columns. */
char       *stw_evidence_badge_describe     (guint             n_files,
                                             guint             n_expired);
/* Just the expired part, "1 expired"; NULL when @n_expired is 0. */
char       *stw_evidence_badge_describe_expired (guint         n_expired);

G_END_DECLS
