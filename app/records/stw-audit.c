/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-audit.c: an internal audit and a finding as values (see
 * stw-audit.h); the store (stw-audit-store.c) reads and writes them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-records-private.h"

struct _StwAudit
{
  GObject         parent_instance;
  gint64          id;
  char           *ref;
  char           *lead_name;
  char           *title;
  char           *planned_date;
  gint64          lead_id;
  StwAuditStatus  status;
  char           *conclusion;
  char           *report_notes;
  GStrv           clauses;
  GStrv           controls;
  GStrv           processes;
  GArray         *workstream_ids;
  GArray         *team_ids;
};

struct _StwFinding
{
  GObject              parent_instance;
  gint64               id;
  char                *ref;
  gint64               audit_id;
  gint64               item_id;
  char                *ca_ref;
  StwStatus            ca_status;
  char                *carry_over_reason;
  StwCaClassification  classification;
  char                *clause;
  char                *description;
  gint64               ca_owner_id;
  char                *ca_due_date;
};

G_DEFINE_FINAL_TYPE (StwAudit, stw_audit, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (StwFinding, stw_finding, G_TYPE_OBJECT)

static const char * const status_keys[] = { "planned", "in_progress", "reported", "closed" };

/* Helpers */

static GStrv
copy_strv (const char * const *v)
{
  static const char * const empty[] = { NULL };

  return g_strdupv ((char **) (v ? v : empty));
}

static void
set_ids (GArray       *array,
         const gint64 *ids,
         guint         n)
{
  g_array_set_size (array, 0);
  if (n > 0)
    g_array_append_vals (array, ids, n);
}

/* GObject overrides */

static void
stw_audit_finalize (GObject *object)
{
  StwAudit *self = STW_AUDIT (object);

  g_free (self->ref);
  g_free (self->lead_name);
  g_free (self->title);
  g_free (self->planned_date);
  g_free (self->conclusion);
  g_free (self->report_notes);
  g_strfreev (self->clauses);
  g_strfreev (self->controls);
  g_strfreev (self->processes);
  g_array_unref (self->workstream_ids);
  g_array_unref (self->team_ids);
  G_OBJECT_CLASS (stw_audit_parent_class)->finalize (object);
}

static void
stw_audit_class_init (StwAuditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_audit_finalize;
}

static void
stw_audit_init (StwAudit *self)
{
  self->title = g_strdup ("");
  self->conclusion = g_strdup ("");
  self->report_notes = g_strdup ("");
  self->clauses = copy_strv (NULL);
  self->controls = copy_strv (NULL);
  self->processes = copy_strv (NULL);
  self->workstream_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
stw_finding_finalize (GObject *object)
{
  StwFinding *self = STW_FINDING (object);

  g_free (self->ref);
  g_free (self->ca_ref);
  g_free (self->carry_over_reason);
  g_free (self->clause);
  g_free (self->description);
  g_free (self->ca_due_date);
  G_OBJECT_CLASS (stw_finding_parent_class)->finalize (object);
}

static void
stw_finding_class_init (StwFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_finding_finalize;
}

static void
stw_finding_init (StwFinding *self)
{
  self->classification = STW_CA_MINOR_NONCONFORMITY;
  self->clause = g_strdup ("");
  self->description = g_strdup ("");
}

/* Public API */

const char *
stw_audit_status_to_key (StwAuditStatus status)
{
  g_return_val_if_fail (status < STW_N_AUDIT_STATUSES, NULL);
  return status_keys[status];
}

gboolean
stw_audit_status_from_key (const char     *key,
                           StwAuditStatus *status)
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
stw_audit_status_label (StwAuditStatus status)
{
  switch (status)
    {
    case STW_AUDIT_PLANNED: return _("Planned");
    case STW_AUDIT_IN_PROGRESS: return _("In progress");
    case STW_AUDIT_REPORTED: return _("Reported");
    case STW_AUDIT_CLOSED: return _("Closed");
    default: g_return_val_if_reached (NULL);
    }
}

StwAudit *
stw_audit_new (void)
{
  return g_object_new (STW_TYPE_AUDIT, NULL);
}

StwAudit *
stw_audit_copy (StwAudit *self)
{
  StwAudit *copy;

  g_return_val_if_fail (STW_IS_AUDIT (self), NULL);

  copy = stw_audit_new ();
  _stw_audit_set_stored (copy, self->id, self->ref, self->lead_name);
  stw_audit_set_title (copy, self->title);
  stw_audit_set_planned_date (copy, self->planned_date);
  copy->lead_id = self->lead_id;
  copy->status = self->status;
  stw_audit_set_conclusion (copy, self->conclusion);
  stw_audit_set_report_notes (copy, self->report_notes);
  stw_audit_set_clauses (copy, (const char * const *) self->clauses);
  stw_audit_set_controls (copy, (const char * const *) self->controls);
  stw_audit_set_processes (copy, (const char * const *) self->processes);
  set_ids (copy->workstream_ids, (const gint64 *) self->workstream_ids->data, self->workstream_ids->len);
  set_ids (copy->team_ids, (const gint64 *) self->team_ids->data, self->team_ids->len);
  return copy;
}

gint64 stw_audit_get_id (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), 0); return self->id; }
const char *stw_audit_get_ref (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), NULL); return self->ref; }
const char *stw_audit_get_lead_name (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), NULL); return self->lead_name; }
const char *stw_audit_get_title (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), NULL); return self->title; }
const char *stw_audit_get_planned_date (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), NULL); return self->planned_date; }
gint64 stw_audit_get_lead_id (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), 0); return self->lead_id; }
StwAuditStatus stw_audit_get_status (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), 0); return self->status; }
const char *stw_audit_get_conclusion (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), NULL); return self->conclusion; }
const char *stw_audit_get_report_notes (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), NULL); return self->report_notes; }
const char * const *stw_audit_get_clauses (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), NULL); return (const char * const *) self->clauses; }
const char * const *stw_audit_get_controls (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), NULL); return (const char * const *) self->controls; }
const char * const *stw_audit_get_processes (StwAudit *self) { g_return_val_if_fail (STW_IS_AUDIT (self), NULL); return (const char * const *) self->processes; }

void
stw_audit_set_title (StwAudit   *self,
                     const char *title)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  g_free (self->title);
  self->title = g_strdup (title ? title : "");
}

void
stw_audit_set_planned_date (StwAudit   *self,
                            const char *date)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  g_free (self->planned_date);
  self->planned_date = date && date[0] ? g_strdup (date) : NULL;
}

void
stw_audit_set_lead_id (StwAudit *self,
                       gint64    person_id)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  self->lead_id = person_id;
}

void
stw_audit_set_status (StwAudit       *self,
                      StwAuditStatus  status)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  self->status = status;
}

void
stw_audit_set_conclusion (StwAudit   *self,
                          const char *text)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  g_free (self->conclusion);
  self->conclusion = g_strdup (text ? text : "");
}

void
stw_audit_set_report_notes (StwAudit   *self,
                            const char *text)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  g_free (self->report_notes);
  self->report_notes = g_strdup (text ? text : "");
}

void
stw_audit_set_clauses (StwAudit           *self,
                       const char * const *clauses)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  g_strfreev (self->clauses);
  self->clauses = copy_strv (clauses);
}

void
stw_audit_set_controls (StwAudit           *self,
                        const char * const *controls)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  g_strfreev (self->controls);
  self->controls = copy_strv (controls);
}

void
stw_audit_set_processes (StwAudit           *self,
                         const char * const *processes)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  g_strfreev (self->processes);
  self->processes = copy_strv (processes);
}

const gint64 *
stw_audit_get_workstream_ids (StwAudit *self,
                              guint    *n)
{
  g_return_val_if_fail (STW_IS_AUDIT (self), NULL);
  *n = self->workstream_ids->len;
  return (const gint64 *) self->workstream_ids->data;
}

void
stw_audit_set_workstream_ids (StwAudit     *self,
                              const gint64 *ids,
                              guint         n)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  set_ids (self->workstream_ids, ids, n);
}

const gint64 *
stw_audit_get_team_ids (StwAudit *self,
                        guint    *n)
{
  g_return_val_if_fail (STW_IS_AUDIT (self), NULL);
  *n = self->team_ids->len;
  return (const gint64 *) self->team_ids->data;
}

void
stw_audit_set_team_ids (StwAudit     *self,
                        const gint64 *ids,
                        guint         n)
{
  g_return_if_fail (STW_IS_AUDIT (self));
  set_ids (self->team_ids, ids, n);
}

void
_stw_audit_set_stored (StwAudit   *self,
                       gint64      id,
                       const char *ref,
                       const char *lead_name)
{
  self->id = id;
  g_free (self->ref);
  self->ref = g_strdup (ref);
  g_free (self->lead_name);
  self->lead_name = g_strdup (lead_name);
}

StwFinding *
stw_finding_new (gint64 audit_id)
{
  StwFinding *self = g_object_new (STW_TYPE_FINDING, NULL);

  self->audit_id = audit_id;
  return self;
}

gint64 stw_finding_get_id (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), 0); return self->id; }
const char *stw_finding_get_ref (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), NULL); return self->ref; }
gint64 stw_finding_get_audit_id (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), 0); return self->audit_id; }
gint64 stw_finding_get_item_id (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), 0); return self->item_id; }
const char *stw_finding_get_ca_ref (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), NULL); return self->ca_ref; }
StwStatus stw_finding_get_ca_status (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), 0); return self->ca_status; }
const char *stw_finding_get_carry_over_reason (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), NULL); return self->carry_over_reason; }
StwCaClassification stw_finding_get_classification (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), 0); return self->classification; }
const char *stw_finding_get_clause (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), NULL); return self->clause; }
const char *stw_finding_get_description (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), NULL); return self->description; }
gint64 stw_finding_get_ca_owner_id (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), 0); return self->ca_owner_id; }
const char *stw_finding_get_ca_due_date (StwFinding *self) { g_return_val_if_fail (STW_IS_FINDING (self), NULL); return self->ca_due_date; }

void
stw_finding_set_classification (StwFinding          *self,
                                StwCaClassification  classification)
{
  g_return_if_fail (STW_IS_FINDING (self));
  self->classification = classification;
}

void
stw_finding_set_clause (StwFinding *self,
                        const char *clause)
{
  g_return_if_fail (STW_IS_FINDING (self));
  g_free (self->clause);
  self->clause = g_strdup (clause ? clause : "");
}

void
stw_finding_set_description (StwFinding *self,
                             const char *description)
{
  g_return_if_fail (STW_IS_FINDING (self));
  g_free (self->description);
  self->description = g_strdup (description ? description : "");
}

void
stw_finding_set_ca_owner_id (StwFinding *self,
                             gint64      person_id)
{
  g_return_if_fail (STW_IS_FINDING (self));
  self->ca_owner_id = person_id;
}

void
stw_finding_set_ca_due_date (StwFinding *self,
                             const char *date)
{
  g_return_if_fail (STW_IS_FINDING (self));
  g_free (self->ca_due_date);
  self->ca_due_date = date && date[0] ? g_strdup (date) : NULL;
}

gboolean
stw_finding_is_nonconformity (StwFinding *self)
{
  g_return_val_if_fail (STW_IS_FINDING (self), FALSE);
  return self->classification == STW_CA_MAJOR_NONCONFORMITY
         || self->classification == STW_CA_MINOR_NONCONFORMITY;
}

void
_stw_finding_set_stored (StwFinding *self,
                         gint64      id,
                         const char *ref,
                         gint64      item_id,
                         const char *ca_ref,
                         StwStatus   ca_status,
                         const char *carry_over_reason)
{
  self->id = id;
  g_free (self->ref);
  self->ref = g_strdup (ref);
  self->item_id = item_id;
  g_free (self->ca_ref);
  self->ca_ref = g_strdup (ca_ref);
  self->ca_status = ca_status;
  g_free (self->carry_over_reason);
  self->carry_over_reason = g_strdup (carry_over_reason);
}
