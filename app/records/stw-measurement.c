/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-measurement.c: one KPI value for one period (see stw-measurement.h).
 */
#include "config.h"

#include "stw-records-private.h"

struct _StwMeasurement
{
  GObject  parent_instance;
  gint64   id;
  gint64   kpi_id;
  char    *period;
  double   value;
  char    *note;
  char    *recorded_by_name;
  char    *recorded_at;
};

G_DEFINE_FINAL_TYPE (StwMeasurement, stw_measurement, G_TYPE_OBJECT)

static void
stw_measurement_finalize (GObject *object)
{
  StwMeasurement *self = STW_MEASUREMENT (object);

  g_free (self->period);
  g_free (self->note);
  g_free (self->recorded_by_name);
  g_free (self->recorded_at);
  G_OBJECT_CLASS (stw_measurement_parent_class)->finalize (object);
}

static void
stw_measurement_class_init (StwMeasurementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_measurement_finalize;
}

static void
stw_measurement_init (StwMeasurement *self)
{
}

gint64 stw_measurement_get_id (StwMeasurement *self) { g_return_val_if_fail (STW_IS_MEASUREMENT (self), 0); return self->id; }
gint64 stw_measurement_get_kpi_id (StwMeasurement *self) { g_return_val_if_fail (STW_IS_MEASUREMENT (self), 0); return self->kpi_id; }
const char *stw_measurement_get_period (StwMeasurement *self) { g_return_val_if_fail (STW_IS_MEASUREMENT (self), NULL); return self->period; }
double stw_measurement_get_value (StwMeasurement *self) { g_return_val_if_fail (STW_IS_MEASUREMENT (self), 0); return self->value; }
const char *stw_measurement_get_note (StwMeasurement *self) { g_return_val_if_fail (STW_IS_MEASUREMENT (self), NULL); return self->note; }
const char *stw_measurement_get_recorded_by_name (StwMeasurement *self) { g_return_val_if_fail (STW_IS_MEASUREMENT (self), NULL); return self->recorded_by_name; }
const char *stw_measurement_get_recorded_at (StwMeasurement *self) { g_return_val_if_fail (STW_IS_MEASUREMENT (self), NULL); return self->recorded_at; }

StwMeasurement *
_stw_measurement_new (gint64      id,
                      gint64      kpi_id,
                      const char *period,
                      double      value,
                      const char *note,
                      const char *recorded_by_name,
                      const char *recorded_at)
{
  StwMeasurement *self = g_object_new (STW_TYPE_MEASUREMENT, NULL);

  self->id = id;
  self->kpi_id = kpi_id;
  self->period = g_strdup (period);
  self->value = value;
  self->note = g_strdup (note);
  self->recorded_by_name = g_strdup (recorded_by_name);
  self->recorded_at = g_strdup (recorded_at);
  return self;
}
