/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-audit.h: an internal audit (ISO/IEC 27001:2022 9.2) and its
 * findings. An audit has a reference (IA-2027-01), a title, a scope
 * (clauses, Annex A controls, workstreams and processes), a planned date,
 * a lead auditor and a team, a status, and its conclusion and report
 * notes. A finding is classified, names a clause or control, and owns the
 * corrective-action item that answers it.
 */
#pragma once

#include <glib-object.h>

#include "stw-corrective.h"
#include "stw-types.h"

G_BEGIN_DECLS

typedef enum {
  STW_AUDIT_PLANNED,
  STW_AUDIT_IN_PROGRESS,
  STW_AUDIT_REPORTED,
  STW_AUDIT_CLOSED,
} StwAuditStatus;
#define STW_N_AUDIT_STATUSES 4

const char *stw_audit_status_to_key   (StwAuditStatus  status);
gboolean    stw_audit_status_from_key (const char     *key,
                                       StwAuditStatus *status);
const char *stw_audit_status_label    (StwAuditStatus  status);

#define STW_TYPE_AUDIT (stw_audit_get_type ())
G_DECLARE_FINAL_TYPE (StwAudit, stw_audit, STW, AUDIT, GObject)

StwAudit           *stw_audit_new                  (void);
/* A deep copy, stored fields included (for undo). */
StwAudit           *stw_audit_copy                 (StwAudit            *self);

/* Set by the store: 0 and NULL until inserted. */
gint64              stw_audit_get_id               (StwAudit            *self);
const char         *stw_audit_get_ref              (StwAudit            *self);
/* The lead auditor's name as stored, or NULL. */
const char         *stw_audit_get_lead_name        (StwAudit            *self);

const char         *stw_audit_get_title            (StwAudit            *self);
void                stw_audit_set_title            (StwAudit            *self,
                                                    const char          *title);
/* Year-month-day; the year numbers the reference. */
const char         *stw_audit_get_planned_date     (StwAudit            *self);
void                stw_audit_set_planned_date     (StwAudit            *self,
                                                    const char          *date);
gint64              stw_audit_get_lead_id          (StwAudit            *self);
void                stw_audit_set_lead_id          (StwAudit            *self,
                                                    gint64               person_id);
StwAuditStatus      stw_audit_get_status           (StwAudit            *self);
void                stw_audit_set_status           (StwAudit            *self,
                                                    StwAuditStatus       status);
const char         *stw_audit_get_conclusion       (StwAudit            *self);
void                stw_audit_set_conclusion       (StwAudit            *self,
                                                    const char          *text);
const char         *stw_audit_get_report_notes     (StwAudit            *self);
void                stw_audit_set_report_notes     (StwAudit            *self,
                                                    const char          *text);

/* The scope: each a NULL-terminated list, never NULL. Clauses ("9.2";
 * "9" covers 9.1, 9.2…), controls ("A.5.15"), processes as written. */
const char * const *stw_audit_get_clauses          (StwAudit            *self);
void                stw_audit_set_clauses          (StwAudit            *self,
                                                    const char * const  *clauses);
const char * const *stw_audit_get_controls         (StwAudit            *self);
void                stw_audit_set_controls         (StwAudit            *self,
                                                    const char * const  *controls);
const char * const *stw_audit_get_processes        (StwAudit            *self);
void                stw_audit_set_processes        (StwAudit            *self,
                                                    const char * const  *processes);
/* Workstream ids in scope; the team's person ids (the lead apart). */
const gint64       *stw_audit_get_workstream_ids   (StwAudit            *self,
                                                    guint               *n);
void                stw_audit_set_workstream_ids   (StwAudit            *self,
                                                    const gint64        *ids,
                                                    guint                n);
const gint64       *stw_audit_get_team_ids         (StwAudit            *self,
                                                    guint               *n);
void                stw_audit_set_team_ids         (StwAudit            *self,
                                                    const gint64        *ids,
                                                    guint                n);

#define STW_TYPE_FINDING (stw_finding_get_type ())
G_DECLARE_FINAL_TYPE (StwFinding, stw_finding, STW, FINDING, GObject)

StwFinding         *stw_finding_new                (gint64               audit_id);

/* Set by the store. Its reference is the audit's and a number
 * (IA-2027-01-F1). */
gint64              stw_finding_get_id             (StwFinding          *self);
const char         *stw_finding_get_ref            (StwFinding          *self);
gint64              stw_finding_get_audit_id       (StwFinding          *self);
/* The corrective-action item made with it: its id, reference and status. */
gint64              stw_finding_get_item_id        (StwFinding          *self);
const char         *stw_finding_get_ca_ref         (StwFinding          *self);
StwStatus           stw_finding_get_ca_status      (StwFinding          *self);
/* Why an open nonconformity is carried over to the next audit, or NULL. */
const char         *stw_finding_get_carry_over_reason (StwFinding       *self);

StwCaClassification stw_finding_get_classification (StwFinding          *self);
void                stw_finding_set_classification (StwFinding          *self,
                                                    StwCaClassification  classification);
/* A clause ("8.1") or an Annex A control ("A.8.13"), or "". */
const char         *stw_finding_get_clause         (StwFinding          *self);
void                stw_finding_set_clause         (StwFinding          *self,
                                                    const char          *clause);
const char         *stw_finding_get_description    (StwFinding          *self);
void                stw_finding_set_description    (StwFinding          *self,
                                                    const char          *description);
/* Used when the finding is created: the owner and due date of its
 * corrective action (0 and NULL: none yet). */
gint64              stw_finding_get_ca_owner_id    (StwFinding          *self);
void                stw_finding_set_ca_owner_id    (StwFinding          *self,
                                                    gint64               person_id);
const char         *stw_finding_get_ca_due_date    (StwFinding          *self);
void                stw_finding_set_ca_due_date    (StwFinding          *self,
                                                    const char          *date);
/* A major or minor nonconformity: it holds the audit open until its
 * corrective action is closed or it is carried over. */
gboolean            stw_finding_is_nonconformity   (StwFinding          *self);

G_END_DECLS
