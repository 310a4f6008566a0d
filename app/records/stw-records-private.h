/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-private.h: what the records' store sets on the objects it
 * loads, and nothing else may: ids, references, loaded names and status.
 */
#pragma once

#include "stw-kpi.h"
#include "stw-measurement.h"
#include "stw-objective.h"

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

G_END_DECLS
