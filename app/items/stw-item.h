/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item.h: one item of a workstream, as a plain value object.
 *
 * An StwItem is a detached copy of a row: change it with the setters, then
 * hand it to stw_workspace_update_item(), which writes the difference and
 * its history entry. Keep a stw_item_copy() to undo.
 */
#pragma once

#include <glib-object.h>

#include "stw-corrective.h"
#include "stw-recurrence.h"
#include "stw-types.h"

G_BEGIN_DECLS

#define STW_TYPE_ITEM (stw_item_get_type ())
G_DECLARE_FINAL_TYPE (StwItem, stw_item, STW, ITEM, GObject)

StwItem     *stw_item_new                (gint64       workstream_id);
StwItem     *stw_item_copy               (StwItem     *self);

/* Set by the store. 0 / NULL until the item is inserted. */
gint64       stw_item_get_id             (StwItem     *self);
const char  *stw_item_get_ref            (StwItem     *self);
const char  *stw_item_get_created_at     (StwItem     *self);
const char  *stw_item_get_updated_at     (StwItem     *self);
/* Name of the owner at load time, for display; NULL when unowned. */
const char  *stw_item_get_owner_name     (StwItem     *self);

gint64       stw_item_get_workstream_id  (StwItem     *self);
void         stw_item_set_workstream_id  (StwItem     *self,
                                          gint64       workstream_id);
const char  *stw_item_get_title          (StwItem     *self);
void         stw_item_set_title          (StwItem     *self,
                                          const char  *title);
const char  *stw_item_get_description    (StwItem     *self);
void         stw_item_set_description    (StwItem     *self,
                                          const char  *description);
/* 0 means no owner. */
gint64       stw_item_get_owner_id       (StwItem     *self);
void         stw_item_set_owner_id       (StwItem     *self,
                                          gint64       owner_id);
StwStatus    stw_item_get_status         (StwItem     *self);
void         stw_item_set_status         (StwItem     *self,
                                          StwStatus    status);
StwPriority  stw_item_get_priority       (StwItem     *self);
void         stw_item_set_priority       (StwItem     *self,
                                          StwPriority  priority);
/* "YYYY-MM-DD" or NULL. */
const char  *stw_item_get_start_date     (StwItem     *self);
void         stw_item_set_start_date     (StwItem     *self,
                                          const char  *date);
const char  *stw_item_get_due_date       (StwItem     *self);
void         stw_item_set_due_date       (StwItem     *self,
                                          const char  *date);
const char  *stw_item_get_completed_date (StwItem     *self);
void         stw_item_set_completed_date (StwItem     *self,
                                          const char  *date);
const char  *stw_item_get_closure_note   (StwItem     *self);
void         stw_item_set_closure_note   (StwItem     *self,
                                          const char  *note);
const char  *stw_item_get_notes          (StwItem     *self);
void         stw_item_set_notes          (StwItem     *self,
                                          const char  *notes);
/* ISO/IEC 27001 clause references such as "9.2", sorted, NULL-terminated. */
const char * const *stw_item_get_clauses (StwItem     *self);
void         stw_item_set_clauses        (StwItem     *self,
                                          const char * const *clauses);
/* Annex A control identifiers such as "A.5.15". */
const char * const *stw_item_get_controls (StwItem    *self);
void         stw_item_set_controls       (StwItem     *self,
                                          const char * const *controls);
/* Order within its board column. */
gint64       stw_item_get_position       (StwItem     *self);
void         stw_item_set_position       (StwItem     *self,
                                          gint64       position);

/* Repetition (operational plan). Never NULL: unit NONE when it does not
 * repeat. */
const StwRecurrence *stw_item_get_recurrence (StwItem  *self);
void         stw_item_set_recurrence     (StwItem     *self,
                                          const StwRecurrence *recurrence);
/* Id of the first occurrence of a repeating task (set by the store), 0
 * for one-off items. */
gint64       stw_item_get_series_id      (StwItem     *self);
/* The risk a risk-treatment item treats, 0 for none. */
gint64       stw_item_get_risk_id        (StwItem     *self);
void         stw_item_set_risk_id        (StwItem     *self,
                                          gint64       risk_id);
/* Why an item was closed without evidence (kept in history, shown in
 * reports). */
const char  *stw_item_get_no_evidence_reason (StwItem *self);
void         stw_item_set_no_evidence_reason (StwItem *self,
                                              const char *reason);
/* The corrective-action record, or NULL (only corrective-action items
 * have one). */
const StwCorrective *stw_item_get_corrective (StwItem  *self);
void         stw_item_set_corrective     (StwItem     *self,
                                          const StwCorrective *corrective);

/* TRUE when open and the due date is before @today ("YYYY-MM-DD"). */
gboolean     stw_item_is_overdue         (StwItem     *self,
                                          const char  *today);

G_END_DECLS
