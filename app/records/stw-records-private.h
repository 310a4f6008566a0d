/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-private.h: what the records' store sets on the objects it
 * loads, and nothing else may: ids, references, loaded names and status.
 */
#pragma once

#include "stw-audit.h"
#include "stw-kpi.h"
#include "stw-measurement.h"
#include "stw-objective.h"
#include "stw-store.h"

G_BEGIN_DECLS

void            _stw_objective_set_stored (StwObjective        *self,
                                           gint64               id,
                                           const char          *ref,
                                           const char          *owner_name,
                                           const char * const  *kpi_refs);
void            _stw_kpi_set_stored       (StwKpi              *self,
                                           gint64               id,
                                           const char          *ref,
                                           const char          *owner_name,
                                           const char          *objective_ref);
void            _stw_kpi_set_judged       (StwKpi              *self,
                                           StwKpiStatus         status,
                                           const char          *period,
                                           gboolean             has_value,
                                           double               value,
                                           guint                missed);
StwMeasurement *_stw_measurement_new      (gint64               id,
                                           gint64               kpi_id,
                                           const char          *period,
                                           double               value,
                                           const char          *note,
                                           const char          *recorded_by_name,
                                           const char          *recorded_at);

void            _stw_audit_set_stored     (StwAudit            *self,
                                           gint64               id,
                                           const char          *ref,
                                           const char          *lead_name);
void            _stw_finding_set_stored   (StwFinding          *self,
                                           gint64               id,
                                           const char          *ref,
                                           gint64               item_id,
                                           const char          *ca_ref,
                                           StwStatus            ca_status,
                                           const char          *carry_over_reason);
/* Emits "records-changed" (@entity, @id) on @self. */
void            _stw_records_emit_changed (StwWorkspace        *self,
                                           const char          *entity,
                                           gint64               id);
/* Adds audits and findings to the store's domains; from
 * _stw_records_init(). */
void            _stw_audits_init          (void);

/* The ids (first column) that @sql returns, its one parameter bound to
 * @param (none when @param is 0). */
GArray     *_stw_records_select_ids (StwWorkspace  *self,
                                     const char    *sql,
                                     gint64         param,
                                     GError       **error);

G_END_DECLS
