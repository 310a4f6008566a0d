/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-kpi.h: a key performance indicator (ISO/IEC 27001 9.1): what is
 * measured, how often, against which target and in which direction, and
 * the objective it measures. As loaded, a KPI also carries its status:
 * that of the period it is judged by today, and how many past periods
 * were missed.
 */
#pragma once

#include <glib-object.h>

#include "stw-period.h"

G_BEGIN_DECLS

#define STW_TYPE_KPI (stw_kpi_get_type ())
G_DECLARE_FINAL_TYPE (StwKpi, stw_kpi, STW, KPI, GObject)

/* A new, unsaved KPI: monthly, higher is better, target 0. */
StwKpi       *stw_kpi_new                (void);
StwKpi       *stw_kpi_copy               (StwKpi       *self);

gint64        stw_kpi_get_id             (StwKpi       *self);
/* "K-001"; NULL until saved. */
const char   *stw_kpi_get_ref            (StwKpi       *self);
const char   *stw_kpi_get_name           (StwKpi       *self);
void          stw_kpi_set_name           (StwKpi       *self,
                                          const char   *name);
const char   *stw_kpi_get_description    (StwKpi       *self);
void          stw_kpi_set_description    (StwKpi       *self,
                                          const char   *description);
/* An ISO/IEC 27001 clause ("9.1") or "". */
const char   *stw_kpi_get_clause         (StwKpi       *self);
void          stw_kpi_set_clause         (StwKpi       *self,
                                          const char   *clause);
gint64        stw_kpi_get_owner_id       (StwKpi       *self);
void          stw_kpi_set_owner_id       (StwKpi       *self,
                                          gint64        owner_id);
const char   *stw_kpi_get_owner_name     (StwKpi       *self);
/* Free text ("%", "days", "incidents"); "%" limits values to 0–100. */
const char   *stw_kpi_get_unit           (StwKpi       *self);
void          stw_kpi_set_unit           (StwKpi       *self,
                                          const char   *unit);
double        stw_kpi_get_target         (StwKpi       *self);
void          stw_kpi_set_target         (StwKpi       *self,
                                          double        target);
StwDirection  stw_kpi_get_direction      (StwKpi       *self);
void          stw_kpi_set_direction      (StwKpi       *self,
                                          StwDirection  direction);
StwFrequency  stw_kpi_get_frequency      (StwKpi       *self);
void          stw_kpi_set_frequency      (StwKpi       *self,
                                          StwFrequency  frequency);
/* 0: measures no objective. */
gint64        stw_kpi_get_objective_id   (StwKpi       *self);
void          stw_kpi_set_objective_id   (StwKpi       *self,
                                          gint64        objective_id);
/* The objective's reference as loaded, or NULL. */
const char   *stw_kpi_get_objective_ref  (StwKpi       *self);
/* The day measuring starts, "YYYY-MM-DD" (NULL: the day it is saved).
 * Its timeline starts there or at its first measurement, whichever is
 * earlier, and every period since is due. */
const char   *stw_kpi_get_start_date     (StwKpi       *self);
void          stw_kpi_set_start_date     (StwKpi       *self,
                                          const char   *date);

/* As loaded: the status of the period it is judged by (see
 * stw_period_timeline_latest()), that period ("" when none), its value,
 * and the number of missed past periods. */
StwKpiStatus  stw_kpi_get_status         (StwKpi       *self);
const char   *stw_kpi_get_status_period  (StwKpi       *self);
gboolean      stw_kpi_get_has_value      (StwKpi       *self);
double        stw_kpi_get_value          (StwKpi       *self);
guint         stw_kpi_get_missed         (StwKpi       *self);

/* @value as a person reads it with the KPI's unit: "97.5 %", "3 days". */
char         *stw_kpi_format_value       (StwKpi       *self,
                                          double        value);

G_END_DECLS
