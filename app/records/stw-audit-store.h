/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-audit-store.h: the internal audit programme of a workspace
 * (ISO/IEC 27001:2022 9.2): audits, their findings and the corrective
 * action each finding raises.
 *
 * Every change is written with its history entry in one transaction
 * (entities "audit" and "finding"; the corrective-action item writes its
 * own "item" entry in the same transaction). References are IA-2027-01
 * (the year of the planned date, numbered within it) and IA-2027-01-F1 for
 * findings, never reused. After each committed change the workspace emits
 * "records-changed" with entity "audit" or "finding".
 */
#pragma once

#include "stw-audit.h"
#include "stw-store.h"

G_BEGIN_DECLS

/* Every audit not deleted, by planned date. */
GListModel *stw_workspace_list_audits          (StwWorkspace  *self,
                                                GError       **error);
StwAudit   *stw_workspace_load_audit           (StwWorkspace  *self,
                                                gint64         audit_id,
                                                GError       **error);
StwAudit   *stw_workspace_find_audit_by_ref    (StwWorkspace  *self,
                                                const char    *ref,
                                                GError       **error);
/* Assigns the id and the reference. */
gboolean    stw_workspace_insert_audit         (StwWorkspace  *self,
                                                StwAudit      *audit,
                                                GError       **error);
/* Writes what differs. Setting the status to closed is refused as
 * stw_workspace_close_audit() refuses it. */
gboolean    stw_workspace_update_audit         (StwWorkspace  *self,
                                                StwAudit      *audit,
                                                GError       **error);
/* Closes the audit: only when each nonconformity's corrective action is
 * done, or the finding is carried over. Otherwise fails with
 * STW_WORKSPACE_ERROR_INVALID naming the open corrective actions, and
 * nothing changes. */
gboolean    stw_workspace_close_audit          (StwWorkspace  *self,
                                                gint64         audit_id,
                                                GError       **error);
/* Refused while the audit has findings. */
gboolean    stw_workspace_delete_audit         (StwWorkspace  *self,
                                                gint64         audit_id,
                                                GError       **error);
gboolean    stw_workspace_restore_audit        (StwWorkspace  *self,
                                                gint64         audit_id,
                                                GError       **error);

/* One auditor who owns something inside an audit's scope. */
typedef struct {
  gint64  person_id;
  char   *person_name;
  /* What they own there: item and risk references, workstream names. */
  GStrv   refs;
} StwAuditConflict;

void        stw_audit_conflict_free            (StwAuditConflict *conflict);

/* Independence (9.2: auditors must not audit their own work): for the
 * lead and each team member who owns, inside the audit's scope, items
 * (whose clause, control or workstream is in scope), risks (linked to a
 * control in scope) or a workstream in scope, a StwAuditConflict. Empty
 * when the audit is independent. */
GPtrArray  *stw_workspace_audit_independence   (StwWorkspace  *self,
                                                gint64         audit_id,
                                                GError       **error);

/* The findings of an audit, in the order raised, each with its
 * corrective action's reference and status. */
GListModel *stw_workspace_list_findings        (StwWorkspace  *self,
                                                gint64         audit_id,
                                                GError       **error);
StwFinding *stw_workspace_load_finding         (StwWorkspace  *self,
                                                gint64         finding_id,
                                                GError       **error);
/* The finding that raised the corrective-action item @item_id;
 * STW_WORKSPACE_ERROR_NOT_FOUND when no finding did. */
StwFinding *stw_workspace_find_finding_of_item (StwWorkspace  *self,
                                                gint64         item_id,
                                                GError       **error);
/* Records @finding and creates its corrective-action item (CA-NNN in the
 * corrective-action workstream, source internal audit, the finding's
 * reference as what raised it), linked both ways, in one transaction. A
 * closed audit takes no findings. */
gboolean    stw_workspace_insert_finding       (StwWorkspace  *self,
                                                StwFinding    *finding,
                                                GError       **error);
/* Removes the finding and its corrective-action item together (undo of
 * its creation). */
gboolean    stw_workspace_delete_finding       (StwWorkspace  *self,
                                                gint64         finding_id,
                                                GError       **error);
/* Carries an open nonconformity over to the next audit with @reason
 * (required); NULL or "" takes the carry-over back. */
gboolean    stw_workspace_carry_over_finding   (StwWorkspace  *self,
                                                gint64         finding_id,
                                                const char    *reason,
                                                GError       **error);

/* Links the operational plan's item @item_id (the recurring internal
 * audit) to the audit it runs; 0 unlinks. Only items of a plan
 * workstream. */
gboolean    stw_workspace_link_item_to_audit   (StwWorkspace  *self,
                                                gint64         item_id,
                                                gint64         audit_id,
                                                GError       **error);
/* The audit @item_id runs, 0 for none. */
gint64      stw_workspace_get_item_audit       (StwWorkspace  *self,
                                                gint64         item_id);

G_END_DECLS
