/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-objective.h: an information security objective (ISO/IEC 27001 6.2):
 * what the organisation means to achieve, by when, who owns it, and the
 * KPIs that measure it (each KPI names its objective).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  STW_OBJECTIVE_PLANNED,
  STW_OBJECTIVE_ON_TRACK,
  STW_OBJECTIVE_AT_RISK,
  STW_OBJECTIVE_ACHIEVED,
  STW_OBJECTIVE_NOT_ACHIEVED,
  STW_OBJECTIVE_WITHDRAWN,
} StwObjectiveStatus;

#define STW_N_OBJECTIVE_STATUSES 6

const char *stw_objective_status_to_key   (StwObjectiveStatus  status);
gboolean    stw_objective_status_from_key (const char         *key,
                                           StwObjectiveStatus *status);
const char *stw_objective_status_label    (StwObjectiveStatus  status);

#define STW_TYPE_OBJECTIVE (stw_objective_get_type ())
G_DECLARE_FINAL_TYPE (StwObjective, stw_objective, STW, OBJECTIVE, GObject)

/* A new, unsaved objective (id 0, no reference). */
StwObjective       *stw_objective_new             (void);
/* A detached copy, with its id and reference. */
StwObjective       *stw_objective_copy            (StwObjective       *self);

gint64              stw_objective_get_id          (StwObjective       *self);
/* "O-001"; NULL until saved. */
const char         *stw_objective_get_ref         (StwObjective       *self);
const char         *stw_objective_get_title       (StwObjective       *self);
void                stw_objective_set_title       (StwObjective       *self,
                                                   const char         *title);
const char         *stw_objective_get_description (StwObjective       *self);
void                stw_objective_set_description (StwObjective       *self,
                                                   const char         *description);
/* 0: no owner. */
gint64              stw_objective_get_owner_id    (StwObjective       *self);
void                stw_objective_set_owner_id    (StwObjective       *self,
                                                   gint64              owner_id);
/* The owner's name as loaded; NULL without an owner. */
const char         *stw_objective_get_owner_name  (StwObjective       *self);
/* "YYYY-MM-DD" or NULL. */
const char         *stw_objective_get_target_date (StwObjective       *self);
void                stw_objective_set_target_date (StwObjective       *self,
                                                   const char         *date);
StwObjectiveStatus  stw_objective_get_status      (StwObjective       *self);
void                stw_objective_set_status      (StwObjective       *self,
                                                   StwObjectiveStatus  status);
/* The references of the KPIs that measure it, as loaded. */
const char * const *stw_objective_get_kpi_refs    (StwObjective       *self);

G_END_DECLS
