/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-register.h: the risk register of a workspace. Every change is
 * written with its history entry (entity "risk") in one transaction, like
 * items; references are … and never reused.
 */
#pragma once

#include "stw-risk.h"
#include "stw-store.h"

G_BEGIN_DECLS

/* Every risk, by reference, kept up to date as risks and their treatment
 * items change. The same model every call. */
GListModel *stw_workspace_get_risks       (StwWorkspace  *self);
StwRisk    *stw_workspace_load_risk       (StwWorkspace  *self,
                                           gint64         risk_id,
                                           GError       **error);
/* Risks whose reference, title, asset, threat, vulnerability, notes or
 * owner hold every word of @text (accents and case ignored), a reference
 * typed in full first; at most @limit (0: 50). */
GListModel *stw_workspace_search_risks    (StwWorkspace  *self,
                                           const char    *text,
                                           guint          limit,
                                           GError       **error);
StwRisk    *stw_workspace_find_risk_by_ref (StwWorkspace *self,
                                           const char    *ref,
                                           GError       **error);
gboolean    stw_workspace_insert_risk     (StwWorkspace  *self,
                                           StwRisk       *risk,
                                           GError       **error);
gboolean    stw_workspace_update_risk     (StwWorkspace  *self,
                                           StwRisk       *risk,
                                           GError       **error);
/* Refused while open treatment items name the risk. */
gboolean    stw_workspace_delete_risk     (StwWorkspace  *self,
                                           gint64         risk_id,
                                           GError       **error);
/* Counts of risks per cell, [likelihood - 1][impact - 1], before and after
 * treatment (risks without a residual assessment are left out of
 * @residual). */
void        stw_workspace_risk_heat_map   (StwWorkspace  *self,
                                           guint          inherent[5][5],
                                           guint          residual[5][5]);

/* Signal on the workspace:
 *   "risk-changed" (gint64 risk_id): another connection (the command line,
 *   a second window) changed the risk or its evidence, seen at
 *   stw_workspace_refresh(); 0 for any risk. This process's own changes
 *   show in stw_workspace_get_risks() and the lists that made them.
 *
 * Adds the risks' hooks to the store; called by stw_core_init(). */
void        _stw_risks_init               (void);

G_END_DECLS
