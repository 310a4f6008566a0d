/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-recurrence.c: recurrence arithmetic (see stw-recurrence.h). Pure
 * functions: no workspace, no clock.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "stw-error.h"
#include "stw-recurrence.h"
#include "stw-types.h"

static const char * const unit_keys[STW_N_REPEAT_UNITS] = {
  "none", "weekly", "monthly", "quarterly", "half_yearly", "yearly",
};

/* Months per unit; weeks are handled apart. */
static const guint unit_months[STW_N_REPEAT_UNITS] = { 0, 0, 1, 3, 6, 12 };

const char *
stw_repeat_unit_to_key (StwRepeatUnit unit)
{
  g_return_val_if_fail (unit < STW_N_REPEAT_UNITS, NULL);
  return unit_keys[unit];
}

gboolean
stw_repeat_unit_from_key (const char    *key,
                          StwRepeatUnit *unit)
{
  for (guint i = 0; key != NULL && i < STW_N_REPEAT_UNITS; i++)
    if (strcmp (unit_keys[i], key) == 0)
      {
        *unit = (StwRepeatUnit) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse (const char *date,
       guint      *y,
       guint      *m,
       guint      *d)
{
  return stw_date_is_valid (date) && sscanf (date, "%4u-%2u-%2u", y, m, d) == 3;
}

gboolean
stw_recurrence_validate (const StwRecurrence  *r,
                         GError              **error)
{
  g_return_val_if_fail (r != NULL, FALSE);

  if (r->unit == STW_REPEAT_NONE)
    return TRUE;
  if (r->unit >= STW_N_REPEAT_UNITS)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Unknown repetition"));
      return FALSE;
    }
  if (r->interval < 1 || r->interval > STW_RECURRENCE_MAX_INTERVAL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("A task repeats every 1 to %d periods, not %u"),
                   STW_RECURRENCE_MAX_INTERVAL, r->interval);
      return FALSE;
    }
  if (!stw_date_is_valid (r->anchor))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("A repeating task needs the date it repeats from"));
      return FALSE;
    }
  return TRUE;
}

char *
stw_recurrence_occurrence (const StwRecurrence *r,
                           guint                k)
{
  guint y, m, d;

  g_return_val_if_fail (r != NULL && r->unit != STW_REPEAT_NONE, NULL);
  if (!parse (r->anchor, &y, &m, &d))
    return NULL;

  if (r->unit == STW_REPEAT_WEEKLY)
    {
      guint64 days = (guint64) k * r->interval * 7;
      if (days > 3650000)
        return NULL;
      return stw_date_add_days (r->anchor, (int) days);
    }
  else
    {
      guint64 months = (guint64) (m - 1) + (guint64) k * r->interval * unit_months[r->unit];
      guint64 year = y + months / 12;
      guint month = (guint) (months % 12) + 1;
      guint last;

      if (year > 9999)
        return NULL;
      last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
      return g_strdup_printf ("%04u-%02u-%02u", (guint) year, month, MIN (d, last));
    }
}

/* A lower bound for the index of the first occurrence after @date, so
 * finding it never walks from the anchor one step at a time. */
static guint
estimate_index (const StwRecurrence *r,
                const char          *date)
{
  guint ay, am, ad, y, m, d;
  gint64 span;

  if (!parse (r->anchor, &ay, &am, &ad) || !parse (date, &y, &m, &d))
    return 0;
  if (r->unit == STW_REPEAT_WEEKLY)
    {
      GDate a, b;
      g_date_clear (&a, 1);
      g_date_clear (&b, 1);
      g_date_set_dmy (&a, (GDateDay) ad, (GDateMonth) am, (GDateYear) ay);
      g_date_set_dmy (&b, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
      span = g_date_days_between (&a, &b) / (7 * (gint64) r->interval);
    }
  else
    span = (((gint64) y - ay) * 12 + ((gint64) m - am)) / ((gint64) r->interval * unit_months[r->unit]);
  return span > 1 ? (guint) (span - 1) : 0;
}

char *
stw_recurrence_next_after (const StwRecurrence *r,
                           const char          *date)
{
  g_return_val_if_fail (r != NULL && r->unit != STW_REPEAT_NONE, NULL);
  g_return_val_if_fail (stw_date_is_valid (date), NULL);

  for (guint k = estimate_index (r, date); ; k++)
    {
      char *occurrence = stw_recurrence_occurrence (r, k);

      if (occurrence == NULL || strcmp (occurrence, date) > 0)
        return occurrence;
      g_free (occurrence);
    }
}

GStrv
stw_recurrence_between (const StwRecurrence *r,
                        const char          *from,
                        const char          *to)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *day_before = NULL;

  g_return_val_if_fail (r != NULL && r->unit != STW_REPEAT_NONE, NULL);
  g_return_val_if_fail (stw_date_is_valid (from) && stw_date_is_valid (to), NULL);

  day_before = stw_date_add_days (from, -1);
  for (guint k = estimate_index (r, day_before); ; k++)
    {
      g_autofree char *occurrence = stw_recurrence_occurrence (r, k);

      if (occurrence == NULL || strcmp (occurrence, to) > 0)
        break;
      if (strcmp (occurrence, from) >= 0)
        g_strv_builder_add (builder, occurrence);
    }
  return g_strv_builder_end (builder);
}

char *
stw_recurrence_describe (const StwRecurrence *r)
{
  g_return_val_if_fail (r != NULL, NULL);

  switch (r->unit)
    {
    case STW_REPEAT_NONE:
      return g_strdup (_("Does not repeat"));
    case STW_REPEAT_WEEKLY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every week", "Every %u weeks", r->interval), r->interval);
    case STW_REPEAT_MONTHLY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every month", "Every %u months", r->interval), r->interval);
    case STW_REPEAT_QUARTERLY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every quarter", "Every %u quarters", r->interval), r->interval);
    case STW_REPEAT_HALF_YEARLY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every half-year", "Every %u half-years", r->interval), r->interval);
    case STW_REPEAT_YEARLY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every year", "Every %u years", r->interval), r->interval);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
stw_recurrence_to_string (const StwRecurrence *r)
{
  g_return_val_if_fail (r != NULL, NULL);

  if (r->unit == STW_REPEAT_NONE)
    return g_strdup ("");
  return g_strdup_printf ("%s/%u/%s", stw_repeat_unit_to_key (r->unit), r->interval, r->anchor);
}

void
stw_cycle_for_date (const char  *date,
                    guint        start_month,
                    char       **first_day,
                    char       **last_day)
{
  guint y, m, d;
  g_autofree char *next_start = NULL;

  g_return_if_fail (start_month >= 1 && start_month <= 12);
  if (!parse (date, &y, &m, &d))
    g_return_if_reached ();

  if (m < start_month)
    y--;
  if (first_day)
    *first_day = g_strdup_printf ("%04u-%02u-01", y, start_month);
  next_start = g_strdup_printf ("%04u-%02u-01", y + 1, start_month);
  if (last_day)
    *last_day = stw_date_add_days (next_start, -1);
}
