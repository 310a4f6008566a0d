/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-objective.c: an information security objective (see stw-objective.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-records-private.h"

struct _StwObjective
{
  GObject             parent_instance;
  gint64              id;
  char               *ref;
  char               *title;
  char               *description;
  gint64              owner_id;
  char               *owner_name;
  char               *target_date;
  StwObjectiveStatus  status;
  GStrv               kpi_refs;
};

G_DEFINE_FINAL_TYPE (StwObjective, stw_objective, G_TYPE_OBJECT)

static const char * const status_keys[] = {
  "planned", "on_track", "at_risk", "achieved", "not_achieved", "withdrawn",
};

const char *
stw_objective_status_to_key (StwObjectiveStatus status)
{
  g_return_val_if_fail (status < STW_N_OBJECTIVE_STATUSES, NULL);
  return status_keys[status];
}

gboolean
stw_objective_status_from_key (const char         *key,
                               StwObjectiveStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_keys); i++)
    if (g_strcmp0 (key, status_keys[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
stw_objective_status_label (StwObjectiveStatus status)
{
  switch (status)
    {
    case STW_OBJECTIVE_PLANNED: return _("Planned");
    case STW_OBJECTIVE_ON_TRACK: return _("On track");
    case STW_OBJECTIVE_AT_RISK: return _("At risk");
    case STW_OBJECTIVE_ACHIEVED: return _("Achieved");
    case STW_OBJECTIVE_NOT_ACHIEVED: return _("Not achieved");
    case STW_OBJECTIVE_WITHDRAWN: return _("Withdrawn");
    default: g_return_val_if_reached (NULL);
    }
}

static void
stw_objective_finalize (GObject *object)
{
  StwObjective *self = STW_OBJECTIVE (object);

  g_free (self->ref);
  g_free (self->title);
  g_free (self->description);
  g_free (self->owner_name);
  g_free (self->target_date);
  g_strfreev (self->kpi_refs);
  G_OBJECT_CLASS (stw_objective_parent_class)->finalize (object);
}

static void
stw_objective_class_init (StwObjectiveClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_objective_finalize;
}

static void
stw_objective_init (StwObjective *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->kpi_refs = g_new0 (char *, 1);
}

StwObjective *
stw_objective_new (void)
{
  return g_object_new (STW_TYPE_OBJECTIVE, NULL);
}

StwObjective *
stw_objective_copy (StwObjective *self)
{
  StwObjective *copy;

  g_return_val_if_fail (STW_IS_OBJECTIVE (self), NULL);

  copy = stw_objective_new ();
  stw_objective_set_title (copy, self->title);
  stw_objective_set_description (copy, self->description);
  stw_objective_set_owner_id (copy, self->owner_id);
  stw_objective_set_target_date (copy, self->target_date);
  stw_objective_set_status (copy, self->status);
  _stw_objective_set_stored (copy, self->id, self->ref, self->owner_name,
                             (const char * const *) self->kpi_refs);
  return copy;
}

gint64 stw_objective_get_id (StwObjective *self) { g_return_val_if_fail (STW_IS_OBJECTIVE (self), 0); return self->id; }
const char *stw_objective_get_ref (StwObjective *self) { g_return_val_if_fail (STW_IS_OBJECTIVE (self), NULL); return self->ref; }
const char *stw_objective_get_title (StwObjective *self) { g_return_val_if_fail (STW_IS_OBJECTIVE (self), NULL); return self->title; }
const char *stw_objective_get_description (StwObjective *self) { g_return_val_if_fail (STW_IS_OBJECTIVE (self), NULL); return self->description; }
gint64 stw_objective_get_owner_id (StwObjective *self) { g_return_val_if_fail (STW_IS_OBJECTIVE (self), 0); return self->owner_id; }
const char *stw_objective_get_owner_name (StwObjective *self) { g_return_val_if_fail (STW_IS_OBJECTIVE (self), NULL); return self->owner_name; }
const char *stw_objective_get_target_date (StwObjective *self) { g_return_val_if_fail (STW_IS_OBJECTIVE (self), NULL); return self->target_date; }
StwObjectiveStatus stw_objective_get_status (StwObjective *self) { g_return_val_if_fail (STW_IS_OBJECTIVE (self), 0); return self->status; }
const char * const *stw_objective_get_kpi_refs (StwObjective *self) { g_return_val_if_fail (STW_IS_OBJECTIVE (self), NULL); return (const char * const *) self->kpi_refs; }

void
stw_objective_set_title (StwObjective *self,
                         const char   *title)
{
  g_return_if_fail (STW_IS_OBJECTIVE (self));
  g_free (self->title);
  self->title = g_strdup (title ? title : "");
}

void
stw_objective_set_description (StwObjective *self,
                               const char   *description)
{
  g_return_if_fail (STW_IS_OBJECTIVE (self));
  g_free (self->description);
  self->description = g_strdup (description ? description : "");
}

void
stw_objective_set_owner_id (StwObjective *self,
                            gint64        owner_id)
{
  g_return_if_fail (STW_IS_OBJECTIVE (self));
  self->owner_id = owner_id;
}

void
stw_objective_set_target_date (StwObjective *self,
                               const char   *date)
{
  g_return_if_fail (STW_IS_OBJECTIVE (self));
  g_free (self->target_date);
  self->target_date = date && date[0] ? g_strdup (date) : NULL;
}

void
stw_objective_set_status (StwObjective       *self,
                          StwObjectiveStatus  status)
{
  g_return_if_fail (STW_IS_OBJECTIVE (self));
  self->status = status;
}

void
_stw_objective_set_stored (StwObjective        *self,
                           gint64               id,
                           const char          *ref,
                           const char          *owner_name,
                           const char * const  *kpi_refs)
{
  g_return_if_fail (STW_IS_OBJECTIVE (self));
  self->id = id;
  g_free (self->ref);
  self->ref = g_strdup (ref);
  g_free (self->owner_name);
  self->owner_name = g_strdup (owner_name);
  g_strfreev (self->kpi_refs);
  self->kpi_refs = kpi_refs ? g_strdupv ((char **) kpi_refs) : g_new0 (char *, 1);
}
