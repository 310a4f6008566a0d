/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-kpi.c: a key performance indicator (see stw-kpi.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-records-private.h"

struct _StwKpi
{
  GObject       parent_instance;
  gint64        id;
  char         *ref;
  char         *name;
  char         *description;
  char         *clause;
  gint64        owner_id;
  char         *owner_name;
  char         *unit;
  double        target;
  StwDirection  direction;
  StwFrequency  frequency;
  gint64        objective_id;
  char         *objective_ref;
  char         *start_date;

  StwKpiStatus  status;
  char         *status_period;
  gboolean      has_value;
  double        value;
  guint         missed;
};

G_DEFINE_FINAL_TYPE (StwKpi, stw_kpi, G_TYPE_OBJECT)

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value ? value : "");
}

static void
stw_kpi_finalize (GObject *object)
{
  StwKpi *self = STW_KPI (object);

  g_free (self->ref);
  g_free (self->name);
  g_free (self->description);
  g_free (self->clause);
  g_free (self->owner_name);
  g_free (self->unit);
  g_free (self->objective_ref);
  g_free (self->start_date);
  g_free (self->status_period);
  G_OBJECT_CLASS (stw_kpi_parent_class)->finalize (object);
}

static void
stw_kpi_class_init (StwKpiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_kpi_finalize;
}

static void
stw_kpi_init (StwKpi *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->clause = g_strdup ("");
  self->unit = g_strdup ("");
  self->status_period = g_strdup ("");
}

StwKpi *
stw_kpi_new (void)
{
  return g_object_new (STW_TYPE_KPI, NULL);
}

StwKpi *
stw_kpi_copy (StwKpi *self)
{
  StwKpi *copy;

  g_return_val_if_fail (STW_IS_KPI (self), NULL);

  copy = stw_kpi_new ();
  stw_kpi_set_name (copy, self->name);
  stw_kpi_set_description (copy, self->description);
  stw_kpi_set_clause (copy, self->clause);
  stw_kpi_set_owner_id (copy, self->owner_id);
  stw_kpi_set_unit (copy, self->unit);
  stw_kpi_set_target (copy, self->target);
  stw_kpi_set_direction (copy, self->direction);
  stw_kpi_set_frequency (copy, self->frequency);
  stw_kpi_set_objective_id (copy, self->objective_id);
  stw_kpi_set_start_date (copy, self->start_date);
  _stw_kpi_set_stored (copy, self->id, self->ref, self->owner_name, self->objective_ref);
  _stw_kpi_set_judged (copy, self->status, self->status_period, self->has_value, self->value, self->missed);
  return copy;
}

gint64 stw_kpi_get_id (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), 0); return self->id; }
const char *stw_kpi_get_ref (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), NULL); return self->ref; }
const char *stw_kpi_get_name (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), NULL); return self->name; }
const char *stw_kpi_get_description (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), NULL); return self->description; }
const char *stw_kpi_get_clause (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), NULL); return self->clause; }
gint64 stw_kpi_get_owner_id (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), 0); return self->owner_id; }
const char *stw_kpi_get_owner_name (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), NULL); return self->owner_name; }
const char *stw_kpi_get_unit (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), NULL); return self->unit; }
double stw_kpi_get_target (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), 0); return self->target; }
StwDirection stw_kpi_get_direction (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), 0); return self->direction; }
StwFrequency stw_kpi_get_frequency (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), 0); return self->frequency; }
gint64 stw_kpi_get_objective_id (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), 0); return self->objective_id; }
const char *stw_kpi_get_objective_ref (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), NULL); return self->objective_ref; }
const char *stw_kpi_get_start_date (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), NULL); return self->start_date; }
StwKpiStatus stw_kpi_get_status (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), 0); return self->status; }
const char *stw_kpi_get_status_period (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), NULL); return self->status_period; }
gboolean stw_kpi_get_has_value (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), FALSE); return self->has_value; }
double stw_kpi_get_value (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), 0); return self->value; }
guint stw_kpi_get_missed (StwKpi *self) { g_return_val_if_fail (STW_IS_KPI (self), 0); return self->missed; }

void stw_kpi_set_name (StwKpi *self, const char *name) { g_return_if_fail (STW_IS_KPI (self)); set_text (&self->name, name); }
void stw_kpi_set_description (StwKpi *self, const char *description) { g_return_if_fail (STW_IS_KPI (self)); set_text (&self->description, description); }
void stw_kpi_set_clause (StwKpi *self, const char *clause) { g_return_if_fail (STW_IS_KPI (self)); set_text (&self->clause, clause); }
void stw_kpi_set_owner_id (StwKpi *self, gint64 owner_id) { g_return_if_fail (STW_IS_KPI (self)); self->owner_id = owner_id; }
void stw_kpi_set_unit (StwKpi *self, const char *unit) { g_return_if_fail (STW_IS_KPI (self)); set_text (&self->unit, unit); }
void stw_kpi_set_target (StwKpi *self, double target) { g_return_if_fail (STW_IS_KPI (self)); self->target = target; }
void stw_kpi_set_direction (StwKpi *self, StwDirection direction) { g_return_if_fail (STW_IS_KPI (self)); self->direction = direction; }
void stw_kpi_set_frequency (StwKpi *self, StwFrequency frequency) { g_return_if_fail (STW_IS_KPI (self)); self->frequency = frequency; }
void stw_kpi_set_objective_id (StwKpi *self, gint64 objective_id) { g_return_if_fail (STW_IS_KPI (self)); self->objective_id = objective_id; }

void
stw_kpi_set_start_date (StwKpi     *self,
                        const char *date)
{
  g_return_if_fail (STW_IS_KPI (self));
  g_free (self->start_date);
  self->start_date = date && date[0] ? g_strdup (date) : NULL;
}

char *
stw_kpi_format_value (StwKpi *self,
                      double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (STW_IS_KPI (self), NULL);

  /* Six significant digits: what people enter, without binary noise. */
  g_ascii_formatd (buf, sizeof buf, "%.6g", value);
  if (self->unit[0] == '\0')
    return g_strdup (buf);
  return g_strdup_printf ("%s %s", buf, self->unit);
}

void
_stw_kpi_set_stored (StwKpi     *self,
                     gint64      id,
                     const char *ref,
                     const char *owner_name,
                     const char *objective_ref)
{
  g_return_if_fail (STW_IS_KPI (self));
  self->id = id;
  g_free (self->ref);
  self->ref = g_strdup (ref);
  g_free (self->owner_name);
  self->owner_name = g_strdup (owner_name);
  g_free (self->objective_ref);
  self->objective_ref = g_strdup (objective_ref);
}

void
_stw_kpi_set_judged (StwKpi       *self,
                     StwKpiStatus  status,
                     const char   *period,
                     gboolean      has_value,
                     double        value,
                     guint         missed)
{
  g_return_if_fail (STW_IS_KPI (self));
  self->status = status;
  set_text (&self->status_period, period);
  self->has_value = has_value;
  self->value = value;
  self->missed = missed;
}
