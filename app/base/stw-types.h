/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-types.h: the small value types shared by the whole core: item status,
 * priority, workstream kind, and ISO dates kept as "YYYY-MM-DD" strings.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  STW_STATUS_TODO,
  STW_STATUS_IN_PROGRESS,
  STW_STATUS_IN_REVIEW,
  STW_STATUS_DONE,
  STW_STATUS_CANCELLED,
} StwStatus;

#define STW_N_STATUSES 5

typedef enum {
  STW_PRIORITY_LOW,
  STW_PRIORITY_NORMAL,
  STW_PRIORITY_HIGH,
  STW_PRIORITY_URGENT,
} StwPriority;

#define STW_N_PRIORITIES 4

typedef enum {
  STW_WORKSTREAM_PLAN,
  STW_WORKSTREAM_TREATMENT,
  STW_WORKSTREAM_CORRECTIVE,
  STW_WORKSTREAM_TASKS,
  STW_WORKSTREAM_CUSTOM,
} StwWorkstreamKind;

/* Stable keys stored in the database; never translated. */
const char *stw_status_to_key       (StwStatus status);
gboolean    stw_status_from_key     (const char *key,
                                     StwStatus  *status);
/* Translated labels for people. */
const char *stw_status_label        (StwStatus status);
gboolean    stw_status_is_open      (StwStatus status);

const char *stw_priority_to_key     (StwPriority priority);
gboolean    stw_priority_from_key   (const char  *key,
                                     StwPriority *priority);
const char *stw_priority_label      (StwPriority priority);

const char *stw_workstream_kind_to_key   (StwWorkstreamKind kind);
gboolean    stw_workstream_kind_from_key (const char        *key,
                                          StwWorkstreamKind *kind);

/* Dates are calendar dates without time zone, "YYYY-MM-DD". NULL means unset. */
gboolean    stw_date_is_valid       (const char *date);
char       *stw_date_today          (void);
/* Returns a newly allocated date @days after @date (negative for before). */
char       *stw_date_add_days       (const char *date,
                                     int         days);
/* TRUE for a clause of ISO/IEC 27001 (4 to 10 with up to three
 * sub-levels), such as "9.2" or "6.1.3". */
gboolean    stw_clause_is_valid     (const char *clause);

/* Timestamps are UTC, "YYYY-MM-DDTHH:MM:SS.ffffffZ". */
char       *stw_timestamp_now       (void);

G_END_DECLS
