/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-types.c: keys, labels and date helpers for the core value types.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "stw-types.h"

static const char * const status_keys[STW_N_STATUSES] = {
  "todo", "in_progress", "in_review", "done", "cancelled",
};

static const char * const priority_keys[STW_N_PRIORITIES] = {
  "low", "normal", "high", "urgent",
};

static const char * const kind_keys[] = {
  "plan", "treatment", "corrective", "tasks", "custom",
};

static gboolean
find_key (const char * const *keys,
          guint               n_keys,
          const char         *key,
          guint              *index)
{
  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < n_keys; i++)
    {
      if (g_str_equal (keys[i], key))
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
stw_status_to_key (StwStatus status)
{
  g_return_val_if_fail (status < STW_N_STATUSES, NULL);
  return status_keys[status];
}

gboolean
stw_status_from_key (const char *key,
                     StwStatus  *status)
{
  guint i;

  if (!find_key (status_keys, STW_N_STATUSES, key, &i))
    return FALSE;
  *status = (StwStatus) i;
  return TRUE;
}

const char *
stw_status_label (StwStatus status)
{
  switch (status)
    {
    case STW_STATUS_TODO:        return _("To do");
    case STW_STATUS_IN_PROGRESS: return _("In progress");
    case STW_STATUS_IN_REVIEW:   return _("In review");
    case STW_STATUS_DONE:        return _("Done");
    case STW_STATUS_CANCELLED:   return _("Cancelled");
    default:                     g_return_val_if_reached (NULL);
    }
}

gboolean
stw_status_is_open (StwStatus status)
{
  return status != STW_STATUS_DONE && status != STW_STATUS_CANCELLED;
}

const char *
stw_priority_to_key (StwPriority priority)
{
  g_return_val_if_fail (priority < STW_N_PRIORITIES, NULL);
  return priority_keys[priority];
}

gboolean
stw_priority_from_key (const char  *key,
                       StwPriority *priority)
{
  guint i;

  if (!find_key (priority_keys, STW_N_PRIORITIES, key, &i))
    return FALSE;
  *priority = (StwPriority) i;
  return TRUE;
}

const char *
stw_priority_label (StwPriority priority)
{
  switch (priority)
    {
    case STW_PRIORITY_LOW:    return _("Low");
    case STW_PRIORITY_NORMAL: return _("Normal");
    case STW_PRIORITY_HIGH:   return _("High");
    case STW_PRIORITY_URGENT: return _("Urgent");
    default:                  g_return_val_if_reached (NULL);
    }
}

const char *
stw_workstream_kind_to_key (StwWorkstreamKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_keys), NULL);
  return kind_keys[kind];
}

gboolean
stw_workstream_kind_from_key (const char        *key,
                              StwWorkstreamKind *kind)
{
  guint i;

  if (!find_key (kind_keys, G_N_ELEMENTS (kind_keys), key, &i))
    return FALSE;
  *kind = (StwWorkstreamKind) i;
  return TRUE;
}

static gboolean
parse_date (const char *date,
            GDate      *out)
{
  guint y, m, d;
  char tail;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  if (sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
stw_date_is_valid (const char *date)
{
  GDate d;

  return parse_date (date, &d);
}

char *
stw_date_today (void)
{
  g_autoptr(GDateTime) now = NULL;
  const char *fake = g_getenv ("STEWARD_TODAY");

  /* Tests and benchmarks pin "today" so overdue counts are reproducible. */
  if (fake != NULL && stw_date_is_valid (fake))
    return g_strdup (fake);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

char *
stw_date_add_days (const char *date,
                   int         days)
{
  GDate d;

  if (!parse_date (date, &d))
    return NULL;
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return format_date (&d);
}

char *
stw_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

gboolean
stw_clause_is_valid (const char *clause)
{
  g_auto(GStrv) parts = NULL;
  gboolean ok;

  if (clause == NULL || clause[0] == '\0')
    return FALSE;

  /* Clauses 4–10 of ISO/IEC 27001, e.g. "6.1.3" or "9.2". */
  parts = g_strsplit (clause, ".", -1);
  ok = g_strv_length (parts) <= 4 &&
       g_ascii_string_to_unsigned (parts[0], 10, 4, 10, NULL, NULL);
  for (guint i = 1; ok && parts[i] != NULL; i++)
    ok = g_ascii_string_to_unsigned (parts[i], 10, 1, 99, NULL, NULL);

  return ok;
}
