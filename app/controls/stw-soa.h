/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-soa.h: the Statement of Applicability of a workspace (ISO/IEC 27001
 * 6.1.3 d): a line for each of the 93 Annex A controls, its approvals, and
 * the places where it does not match what is running.
 *
 * A control nobody has decided about reads as applicable, not started and
 * unjustified; its row is written the first time it is changed. Every
 * change is written with its history entry in one transaction (entity
 * "soa", the row's id; approvals "soa_approval", the version), and after
 * it the workspace emits "soa-changed" with the control's id (NULL for an
 * approval or a change made by another process).
 */
#pragma once

#include "stw-soa-entry.h"
#include "stw-store.h"

G_BEGIN_DECLS

/* Every control's line in catalogue order, with the references of the
 * risks and items that name it; a new list each call. */
GListModel     *stw_workspace_list_soa           (StwWorkspace  *self,
                                                  GError       **error);
/* One control's line; STW_WORKSPACE_ERROR_NOT_FOUND for an id that is not
 * an Annex A control. */
StwSoaEntry    *stw_workspace_load_soa_entry     (StwWorkspace  *self,
                                                  const char    *control_id,
                                                  GError       **error);
/* Stores @entry's applicability, reasons, justification, status and
 * notes. Nothing is written when nothing changed. */
gboolean        stw_workspace_update_soa_entry   (StwWorkspace  *self,
                                                  StwSoaEntry   *entry,
                                                  GError       **error);

/* The newest approval. @stale: a line of the SoA changed after it, so
 * the version approved is no longer the one in force. */
typedef struct {
  guint     version;
  gint64    approved_by;
  char     *approver_name;
  char     *approved_at;
  gboolean  stale;
} StwSoaApproval;

void            stw_soa_approval_free            (StwSoaApproval *approval);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwSoaApproval, stw_soa_approval_free)

/* NULL without @error when the SoA was never approved. */
StwSoaApproval *stw_workspace_get_soa_approval   (StwWorkspace  *self,
                                                  GError       **error);
/* Records that the actor approves the SoA as it stands: the next version
 * (1, 2, …), returned; 0 with @error on failure. */
guint           stw_workspace_approve_soa        (StwWorkspace  *self,
                                                  GError       **error);

/* Where the SoA does not match what is running. */
typedef enum {
  /* Implemented, but no item naming it was completed and no evidence on
   * an item or risk naming it was filed, and is unexpired, in the cycle. */
  STW_SOA_RULE_IMPLEMENTED_UNPROVEN,
  /* Excluded, but a risk that is not closed names it as treatment, or an
   * open item names it. */
  STW_SOA_RULE_EXCLUDED_IN_USE,
  /* Applicable and not started, while a risk above the workspace's risk
   * threshold names it. */
  STW_SOA_RULE_NOT_STARTED_AT_RISK,
  /* Excluded with neither a reason nor a word of justification. */
  STW_SOA_RULE_EXCLUDED_UNJUSTIFIED,
} StwSoaRule;

/* "implemented_unproven", "excluded_in_use", "not_started_at_risk",
 * "excluded_unjustified"; a sentence for people. */
const char     *stw_soa_rule_to_key              (StwSoaRule     rule);
const char     *stw_soa_rule_describe            (StwSoaRule     rule);

typedef struct {
  StwSoaRule  rule;
  char       *control_id;
  /* What is behind it: references, never NULL. */
  GStrv       item_refs;
  GStrv       risk_refs;
} StwSoaMismatch;

void            stw_soa_mismatch_free            (StwSoaMismatch *mismatch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwSoaMismatch, stw_soa_mismatch_free)

/* Every mismatch (StwSoaMismatch), in catalogue order and then by rule. */
GPtrArray      *stw_workspace_list_soa_mismatches (StwWorkspace *self,
                                                   GError      **error);
/* The first day of the cycle the first rule looks at: a year before
 * today. */
char           *stw_workspace_soa_cycle_start    (StwWorkspace  *self);

/* Adds the SoA to the store's domains and the "soa-changed" signal to the
 * workspace; once, from stw_core_init(). */
void            _stw_soa_init                    (void);

G_END_DECLS
