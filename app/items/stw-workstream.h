/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream.h: one workstream of a workspace (operational plan, risk
 * treatment, corrective actions, ISMS tasks, or a custom one), with the
 * open and overdue counts the sidebar shows.
 */
#pragma once

#include <glib-object.h>

#include "stw-types.h"

G_BEGIN_DECLS

#define STW_TYPE_WORKSTREAM (stw_workstream_get_type ())
G_DECLARE_FINAL_TYPE (StwWorkstream, stw_workstream, STW, WORKSTREAM, GObject)

gint64             stw_workstream_get_id            (StwWorkstream *self);
StwWorkstreamKind  stw_workstream_get_kind          (StwWorkstream *self);
const char        *stw_workstream_get_name          (StwWorkstream *self);
/* Prefix of the item references, e.g. "OP", "RT", "CA", "T". */
const char        *stw_workstream_get_prefix        (StwWorkstream *self);
gint64             stw_workstream_get_owner_id      (StwWorkstream *self);
/* "#rrggbb" or NULL for the default. */
const char        *stw_workstream_get_colour        (StwWorkstream *self);
/* Closing an item needs evidence or a recorded reason (always so for risk
 * treatment and corrective actions). */
gboolean           stw_workstream_get_require_evidence (StwWorkstream *self);
guint              stw_workstream_get_open_count    (StwWorkstream *self);
guint              stw_workstream_get_overdue_count (StwWorkstream *self);

/* Used by the store only. */
StwWorkstream     *_stw_workstream_new              (gint64             id,
                                                     StwWorkstreamKind  kind,
                                                     const char        *name,
                                                     const char        *prefix,
                                                     gint64             owner_id);
void               _stw_workstream_set_details      (StwWorkstream     *self,
                                                     const char        *colour,
                                                     gboolean           require_evidence);
void               _stw_workstream_set_name_owner   (StwWorkstream     *self,
                                                     const char        *name,
                                                     gint64             owner_id);
void               _stw_workstream_set_counts       (StwWorkstream     *self,
                                                     guint              open_count,
                                                     guint              overdue_count);

G_END_DECLS
