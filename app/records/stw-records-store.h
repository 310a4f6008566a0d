/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-store.h: objectives, KPIs and their measurements in a
 * workspace (ISO/IEC 27001 6.2 and 9.1).
 *
 * Every change is written with its history entry in one transaction
 * (entities "objective", "kpi" and "measurement"); references are O-001
 * and K-001 and never reused. After each committed change the workspace
 * emits "records-changed" (entity, id) and the models below are current.
 * A period holds one value: measuring it again replaces the value only
 * when asked to, and the replaced value stays in the history.
 */
#pragma once

#include "stw-kpi.h"
#include "stw-measurement.h"
#include "stw-objective.h"
#include "stw-store.h"

G_BEGIN_DECLS

/* Every objective (every KPI) not deleted, by reference; the same model
 * every call, kept up to date. */
GListModel     *stw_workspace_get_objectives          (StwWorkspace   *self);
GListModel     *stw_workspace_get_kpis                (StwWorkspace   *self);

StwObjective   *stw_workspace_load_objective          (StwWorkspace   *self,
                                                       gint64          objective_id,
                                                       GError        **error);
StwObjective   *stw_workspace_find_objective_by_ref   (StwWorkspace   *self,
                                                       const char     *ref,
                                                       GError        **error);
gboolean        stw_workspace_insert_objective        (StwWorkspace   *self,
                                                       StwObjective   *objective,
                                                       GError        **error);
gboolean        stw_workspace_update_objective        (StwWorkspace   *self,
                                                       StwObjective   *objective,
                                                       GError        **error);
/* Refused while a KPI measures it. */
gboolean        stw_workspace_delete_objective        (StwWorkspace   *self,
                                                       gint64          objective_id,
                                                       GError        **error);
/* Brings a deleted objective back (undo). */
gboolean        stw_workspace_restore_objective       (StwWorkspace   *self,
                                                       gint64          objective_id,
                                                       GError        **error);

StwKpi         *stw_workspace_load_kpi                (StwWorkspace   *self,
                                                       gint64          kpi_id,
                                                       GError        **error);
StwKpi         *stw_workspace_find_kpi_by_ref         (StwWorkspace   *self,
                                                       const char     *ref,
                                                       GError        **error);
/* The KPIs that measure @objective_id, by reference. */
GListModel     *stw_workspace_list_kpis_of_objective  (StwWorkspace   *self,
                                                       gint64          objective_id,
                                                       GError        **error);
gboolean        stw_workspace_insert_kpi              (StwWorkspace   *self,
                                                       StwKpi         *kpi,
                                                       GError        **error);
/* The frequency of a KPI with measurements cannot change: its periods
 * would no longer be its own. */
gboolean        stw_workspace_update_kpi              (StwWorkspace   *self,
                                                       StwKpi         *kpi,
                                                       GError        **error);
/* Its measurements stay, with their history. */
gboolean        stw_workspace_delete_kpi              (StwWorkspace   *self,
                                                       gint64          kpi_id,
                                                       GError        **error);
gboolean        stw_workspace_restore_kpi             (StwWorkspace   *self,
                                                       gint64          kpi_id,
                                                       GError        **error);

/* The current measurements of a KPI, oldest period first. */
GListModel     *stw_workspace_list_measurements       (StwWorkspace   *self,
                                                       gint64          kpi_id,
                                                       GError        **error);
StwMeasurement *stw_workspace_load_measurement        (StwWorkspace   *self,
                                                       gint64          measurement_id,
                                                       GError        **error);
/* The period of @kpi's frequency that holds today. */
char           *stw_workspace_current_period          (StwWorkspace   *self,
                                                       StwKpi         *kpi);
/* Whether @value can be recorded for @kpi in @period (NULL: the current
 * period): a finite number, 0–100 when the unit is "%", a period of the
 * KPI's frequency that has begun. STW_WORKSPACE_ERROR_INVALID says why
 * not. */
gboolean        stw_workspace_validate_measurement    (StwWorkspace   *self,
                                                       StwKpi         *kpi,
                                                       const char     *period,
                                                       double          value,
                                                       GError        **error);
/* Records @value for @kpi_id in @period (NULL: the current period). When
 * the period has a value already, fails with STW_WORKSPACE_ERROR_EXISTS
 * unless @replace; then the old value is replaced and, if @replaced is
 * given, returned there. Returns the stored measurement. */
StwMeasurement *stw_workspace_measure_kpi             (StwWorkspace    *self,
                                                       gint64           kpi_id,
                                                       const char      *period,
                                                       double           value,
                                                       const char      *note,
                                                       gboolean         replace,
                                                       StwMeasurement **replaced,
                                                       GError         **error);
/* Removes a measurement (its period shows as missed again once past). */
gboolean        stw_workspace_delete_measurement      (StwWorkspace   *self,
                                                       gint64          measurement_id,
                                                       GError        **error);

/* The timeline of @kpi: see stw_period_timeline(). Starts at the earlier
 * of its creation and its first measurement; ends today. */
GArray         *stw_workspace_kpi_timeline            (StwWorkspace   *self,
                                                       StwKpi         *kpi,
                                                       GError        **error);

/* Objectives (KPIs) whose reference, title (name), description or owner
 * hold every word of @text, a reference typed in full first; at most
 * @limit (0: 50). */
GListModel     *stw_workspace_search_objectives       (StwWorkspace   *self,
                                                       const char     *text,
                                                       guint           limit,
                                                       GError        **error);
GListModel     *stw_workspace_search_kpis             (StwWorkspace   *self,
                                                       const char     *text,
                                                       guint           limit,
                                                       GError        **error);

/* Adds the records to the store's domains and the "records-changed"
 * signal to the workspace; once, from stw_core_init(). */
void            _stw_records_init                     (void);

G_END_DECLS
