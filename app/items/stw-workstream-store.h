/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream-store.h: the workstreams of a workspace, kept as a list
 * model whose open and overdue counts follow item changes.
 *
 * The functions keep their stw_workspace_ prefix: they act on the
 * workspace, and the callers stayed as they were.
 */
#pragma once

#include "stw-store.h"
#include "stw-workstream.h"

G_BEGIN_DECLS

/* Workstreams: a GListModel of StwWorkstream in display order; their open
 * and overdue counts follow item changes. */
GListModel    *stw_workspace_get_workstreams    (StwWorkspace  *self);
StwWorkstream *stw_workspace_find_workstream    (StwWorkspace  *self,
                                                 gint64         workstream_id);
StwWorkstream *stw_workspace_add_workstream     (StwWorkspace  *self,
                                                 const char    *name,
                                                 const char    *prefix,
                                                 gint64         owner_id,
                                                 GError       **error);

/* Renames a workstream, changes its owner, colour ("#rrggbb" or NULL) and
 * whether closing its items needs evidence (always so for risk treatment
 * and corrective actions). */
gboolean       stw_workspace_update_workstream  (StwWorkspace  *self,
                                                 gint64         workstream_id,
                                                 const char    *name,
                                                 gint64         owner_id,
                                                 const char    *colour,
                                                 gboolean       require_evidence,
                                                 GError       **error);

/* Re-reads the workstreams and their counts. */
gboolean       _stw_workstreams_load            (StwWorkspace  *self,
                                                 GError       **error);

G_END_DECLS
