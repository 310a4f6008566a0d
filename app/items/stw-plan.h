/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-plan.h: the operational plan over ISMS years: starting from the
 * shipped template, and rolling the plan forward to the next year after a
 * recorded review of the baseline.
 */
#pragma once

#include "stw-recurrence.h"
#include "stw-store.h"

G_BEGIN_DECLS

typedef struct {
  const char    *title;         /* untranslated */
  const char    *description;   /* untranslated */
  StwRepeatUnit  unit;
  guint          interval;
  guint          month;         /* months after the start of the ISMS year, 0 … 11 */
  guint          day;           /* day of that month */
  const char    *clause;
  const char    *control;
} StwPlanTemplateTask;

guint                      stw_plan_template_get_count (void);
const StwPlanTemplateTask *stw_plan_template_get       (guint index);

/* Adds the template's recurring tasks to the operational plan, owned by
 * @owner_id (0: nobody), with their occurrences from today to the end of
 * the current ISMS year (each task at least once). One transaction.
 * Returns the number of items created, or -1 with @error. */
int          stw_workspace_apply_plan_template (StwWorkspace  *self,
                                                gint64         owner_id,
                                                GError       **error);
/* The same for the template tasks whose index has @chosen[index] TRUE
 * (@chosen has stw_plan_template_get_count() entries; NULL: every task).
 * Either way the items are created in due-date order, so their references
 * follow the dates. */
int          stw_workspace_apply_plan_tasks    (StwWorkspace   *self,
                                                gint64          owner_id,
                                                const gboolean *chosen,
                                                GError        **error);

/* One recurring task of the year being rolled forward: the latest
 * occurrence as the baseline, and what the next year will hold. The
 * review screen edits owner_id, dates and include. */
typedef struct {
  gint64         series_id;
  gint64         baseline_id;
  char          *ref;
  char          *title;
  gint64         owner_id;
  StwRecurrence  recurrence;
  GStrv          dates;         /* next-year due dates */
  gboolean       include;
} StwRollRow;

void         stw_roll_row_free               (StwRollRow    *row);

/* The ISMS year that contains @date ("YYYY-MM-DD", NULL: today). */
void         stw_workspace_get_cycle          (StwWorkspace  *self,
                                               const char    *date,
                                               char         **first_day,
                                               char         **last_day);
/* The rows for rolling the year starting @cycle_start forward, by title.
 * Empty when the year has no repeating task. */
GPtrArray   *stw_workspace_plan_roll_forward  (StwWorkspace  *self,
                                               const char    *cycle_start,
                                               GError       **error);
/* Creates the next year from the reviewed @rows in one transaction and
 * records who reviewed it and when. Refused when that year was already
 * rolled forward (STW_WORKSPACE_ERROR_EXISTS); nothing is written when any
 * row is refused. @n_created gets the number of items created. */
gboolean     stw_workspace_roll_forward       (StwWorkspace  *self,
                                               const char    *cycle_start,
                                               GPtrArray     *rows,
                                               guint         *n_created,
                                               GError       **error);
/* TRUE when the year starting @cycle_start was rolled forward; who and
 * when (UTC timestamp), newly allocated. */
gboolean     stw_workspace_get_roll_forward   (StwWorkspace  *self,
                                               const char    *cycle_start,
                                               char         **reviewed_by,
                                               char         **reviewed_at);

G_END_DECLS
