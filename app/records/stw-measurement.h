/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-measurement.h: the value of a KPI for one period, with a note, who
 * recorded it and when. Evidence attaches to it (entity "measurement").
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STW_TYPE_MEASUREMENT (stw_measurement_get_type ())
G_DECLARE_FINAL_TYPE (StwMeasurement, stw_measurement, STW, MEASUREMENT, GObject)

gint64      stw_measurement_get_id               (StwMeasurement *self);
gint64      stw_measurement_get_kpi_id           (StwMeasurement *self);
/* A period key of the KPI's frequency ("2027-03"). */
const char *stw_measurement_get_period           (StwMeasurement *self);
double      stw_measurement_get_value            (StwMeasurement *self);
const char *stw_measurement_get_note             (StwMeasurement *self);
/* Who recorded it: the person's name at the time, or NULL. */
const char *stw_measurement_get_recorded_by_name (StwMeasurement *self);
/* UTC timestamp. */
const char *stw_measurement_get_recorded_at      (StwMeasurement *self);

G_END_DECLS
