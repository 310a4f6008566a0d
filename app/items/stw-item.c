/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item.c: one workstream item as a detached value object with
 * notifying properties, so list rows can bind to it.
 */
#include "config.h"

#include <string.h>

#include "stw-enums.h"
#include "stw-item-private.h"

struct _StwItem
{
  GObject      parent_instance;

  gint64       id;
  char        *ref;
  char        *created_at;
  char        *updated_at;
  char        *owner_name;

  gint64       workstream_id;
  char        *title;
  char        *description;
  gint64       owner_id;
  StwStatus    status;
  StwPriority  priority;
  char        *start_date;
  char        *due_date;
  char        *completed_date;
  char        *closure_note;
  char        *notes;
  GStrv        clauses;
  GStrv        controls;
  gint64       position;
  StwRecurrence recurrence;
  gint64       series_id;
  gint64       risk_id;
  char        *no_evidence_reason;
  StwCorrective *corrective;
};

G_DEFINE_FINAL_TYPE (StwItem, stw_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_OWNER_NAME,
  PROP_WORKSTREAM_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_OWNER_ID,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_START_DATE,
  PROP_DUE_DATE,
  PROP_COMPLETED_DATE,
  PROP_CLOSURE_NOTE,
  PROP_NOTES,
  PROP_CLAUSES,
  PROP_CONTROLS,
  PROP_POSITION,
  PROP_RISK_ID,
  PROP_NO_EVIDENCE_REASON,
  PROP_SERIES_ID,
  PROP_RECURRENCE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (StwItem     *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  /* Empty optional text is stored as NULL so "unset" has one spelling. */
  if (value != NULL && value[0] == '\0' && prop != PROP_TITLE && prop != PROP_DESCRIPTION)
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static int
compare_natural (gconstpointer a,
                 gconstpointer b)
{
  /* "9.2" before "10.1", "A.5.9" before "A.5.10". */
  return strverscmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
sorted_strv (const char * const *values)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *v = g_strstrip (g_strdup (values[i]));
      gboolean seen = FALSE;

      if (v[0] == '\0')
        continue;
      for (guint j = 0; j < array->len; j++)
        seen |= g_str_equal (g_ptr_array_index (array, j), v);
      if (!seen)
        g_ptr_array_add (array, g_steal_pointer (&v));
    }
  g_ptr_array_sort (array, compare_natural);
  g_ptr_array_add (array, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&array), FALSE);
}

static void
set_strv (StwItem             *self,
          GStrv               *field,
          const char * const  *values,
          guint                prop)
{
  g_auto(GStrv) sorted = sorted_strv (values);

  if (g_strv_equal ((const char * const *) *field, (const char * const *) sorted))
    return;
  g_strfreev (*field);
  *field = g_steal_pointer (&sorted);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
stw_item_finalize (GObject *object)
{
  StwItem *self = (StwItem *) object;

  g_free (self->ref);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->owner_name);
  g_free (self->title);
  g_free (self->description);
  g_free (self->start_date);
  g_free (self->due_date);
  g_free (self->completed_date);
  g_free (self->closure_note);
  g_free (self->notes);
  g_strfreev (self->clauses);
  g_strfreev (self->controls);
  g_free (self->no_evidence_reason);
  stw_corrective_free (self->corrective);

  G_OBJECT_CLASS (stw_item_parent_class)->finalize (object);
}

static void
stw_item_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  StwItem *self = STW_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:             g_value_set_int64 (value, self->id); break;
    case PROP_REF:            g_value_set_string (value, self->ref); break;
    case PROP_CREATED_AT:     g_value_set_string (value, self->created_at); break;
    case PROP_UPDATED_AT:     g_value_set_string (value, self->updated_at); break;
    case PROP_OWNER_NAME:     g_value_set_string (value, self->owner_name); break;
    case PROP_WORKSTREAM_ID:  g_value_set_int64 (value, self->workstream_id); break;
    case PROP_TITLE:          g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION:    g_value_set_string (value, self->description); break;
    case PROP_OWNER_ID:       g_value_set_int64 (value, self->owner_id); break;
    case PROP_STATUS:         g_value_set_enum (value, self->status); break;
    case PROP_PRIORITY:       g_value_set_enum (value, self->priority); break;
    case PROP_START_DATE:     g_value_set_string (value, self->start_date); break;
    case PROP_DUE_DATE:       g_value_set_string (value, self->due_date); break;
    case PROP_COMPLETED_DATE: g_value_set_string (value, self->completed_date); break;
    case PROP_CLOSURE_NOTE:   g_value_set_string (value, self->closure_note); break;
    case PROP_NOTES:          g_value_set_string (value, self->notes); break;
    case PROP_CLAUSES:        g_value_set_boxed (value, self->clauses); break;
    case PROP_CONTROLS:       g_value_set_boxed (value, self->controls); break;
    case PROP_POSITION:       g_value_set_int64 (value, self->position); break;
    case PROP_RISK_ID:        g_value_set_int64 (value, self->risk_id); break;
    case PROP_NO_EVIDENCE_REASON: g_value_set_string (value, self->no_evidence_reason); break;
    case PROP_SERIES_ID:      g_value_set_int64 (value, self->series_id); break;
    case PROP_RECURRENCE_TEXT: g_value_take_string (value, stw_recurrence_describe (&self->recurrence)); break;
    default:                  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_item_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  StwItem *self = STW_ITEM (object);

  switch (prop_id)
    {
    case PROP_WORKSTREAM_ID:  stw_item_set_workstream_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE:          stw_item_set_title (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION:    stw_item_set_description (self, g_value_get_string (value)); break;
    case PROP_OWNER_ID:       stw_item_set_owner_id (self, g_value_get_int64 (value)); break;
    case PROP_STATUS:         stw_item_set_status (self, g_value_get_enum (value)); break;
    case PROP_PRIORITY:       stw_item_set_priority (self, g_value_get_enum (value)); break;
    case PROP_START_DATE:     stw_item_set_start_date (self, g_value_get_string (value)); break;
    case PROP_DUE_DATE:       stw_item_set_due_date (self, g_value_get_string (value)); break;
    case PROP_COMPLETED_DATE: stw_item_set_completed_date (self, g_value_get_string (value)); break;
    case PROP_CLOSURE_NOTE:   stw_item_set_closure_note (self, g_value_get_string (value)); break;
    case PROP_NOTES:          stw_item_set_notes (self, g_value_get_string (value)); break;
    case PROP_CLAUSES:        stw_item_set_clauses (self, g_value_get_boxed (value)); break;
    case PROP_CONTROLS:       stw_item_set_controls (self, g_value_get_boxed (value)); break;
    case PROP_POSITION:       stw_item_set_position (self, g_value_get_int64 (value)); break;
    case PROP_RISK_ID:        stw_item_set_risk_id (self, g_value_get_int64 (value)); break;
    case PROP_NO_EVIDENCE_REASON: stw_item_set_no_evidence_reason (self, g_value_get_string (value)); break;
    default:                  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name,
              gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (writable ? G_PARAM_READWRITE : G_PARAM_READABLE) |
                              G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int64_pspec (const char *name,
             gboolean    writable)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             (writable ? G_PARAM_READWRITE : G_PARAM_READABLE) |
                             G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
stw_item_class_init (StwItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = stw_item_finalize;
  object_class->get_property = stw_item_get_property;
  object_class->set_property = stw_item_set_property;

  properties[PROP_ID] = int64_pspec ("id", FALSE);
  properties[PROP_REF] = string_pspec ("ref", FALSE);
  properties[PROP_CREATED_AT] = string_pspec ("created-at", FALSE);
  properties[PROP_UPDATED_AT] = string_pspec ("updated-at", FALSE);
  properties[PROP_OWNER_NAME] = string_pspec ("owner-name", FALSE);
  properties[PROP_WORKSTREAM_ID] = int64_pspec ("workstream-id", TRUE);
  properties[PROP_TITLE] = string_pspec ("title", TRUE);
  properties[PROP_DESCRIPTION] = string_pspec ("description", TRUE);
  properties[PROP_OWNER_ID] = int64_pspec ("owner-id", TRUE);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, STW_TYPE_STATUS, STW_STATUS_TODO, rw);
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL, STW_TYPE_PRIORITY, STW_PRIORITY_NORMAL, rw);
  properties[PROP_START_DATE] = string_pspec ("start-date", TRUE);
  properties[PROP_DUE_DATE] = string_pspec ("due-date", TRUE);
  properties[PROP_COMPLETED_DATE] = string_pspec ("completed-date", TRUE);
  properties[PROP_CLOSURE_NOTE] = string_pspec ("closure-note", TRUE);
  properties[PROP_NOTES] = string_pspec ("notes", TRUE);
  properties[PROP_CLAUSES] = g_param_spec_boxed ("clauses", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CONTROLS] = g_param_spec_boxed ("controls", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_POSITION] = int64_pspec ("position", TRUE);
  properties[PROP_RISK_ID] = int64_pspec ("risk-id", TRUE);
  properties[PROP_NO_EVIDENCE_REASON] = string_pspec ("no-evidence-reason", TRUE);
  properties[PROP_SERIES_ID] = int64_pspec ("series-id", FALSE);
  /* "Every 3 months", for list rows and cards. */
  properties[PROP_RECURRENCE_TEXT] = string_pspec ("recurrence-text", FALSE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_item_init (StwItem *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->status = STW_STATUS_TODO;
  self->priority = STW_PRIORITY_NORMAL;
  self->clauses = g_new0 (char *, 1);
  self->controls = g_new0 (char *, 1);
}

StwItem *
stw_item_new (gint64 workstream_id)
{
  StwItem *self = g_object_new (STW_TYPE_ITEM, NULL);

  self->workstream_id = workstream_id;
  return self;
}

StwItem *
stw_item_copy (StwItem *self)
{
  StwItem *copy;

  g_return_val_if_fail (STW_IS_ITEM (self), NULL);

  copy = stw_item_new (self->workstream_id);
  _stw_item_set_stored (copy, self->id, self->ref, self->owner_name,
                        self->created_at, self->updated_at);
  g_free (copy->title);
  copy->title = g_strdup (self->title);
  g_free (copy->description);
  copy->description = g_strdup (self->description);
  copy->owner_id = self->owner_id;
  copy->status = self->status;
  copy->priority = self->priority;
  copy->start_date = g_strdup (self->start_date);
  copy->due_date = g_strdup (self->due_date);
  copy->completed_date = g_strdup (self->completed_date);
  copy->closure_note = g_strdup (self->closure_note);
  copy->notes = g_strdup (self->notes);
  g_strfreev (copy->clauses);
  copy->clauses = g_strdupv (self->clauses);
  g_strfreev (copy->controls);
  copy->controls = g_strdupv (self->controls);
  copy->position = self->position;
  copy->recurrence = self->recurrence;
  copy->series_id = self->series_id;
  copy->risk_id = self->risk_id;
  copy->no_evidence_reason = g_strdup (self->no_evidence_reason);
  copy->corrective = stw_corrective_copy (self->corrective);

  return copy;
}

void
_stw_item_set_stored (StwItem    *self,
                      gint64      id,
                      const char *ref,
                      const char *owner_name,
                      const char *created_at,
                      const char *updated_at)
{
  g_return_if_fail (STW_IS_ITEM (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  set_string (self, &self->ref, ref, PROP_REF);
  set_string (self, &self->owner_name, owner_name, PROP_OWNER_NAME);
  set_string (self, &self->created_at, created_at, PROP_CREATED_AT);
  set_string (self, &self->updated_at, updated_at, PROP_UPDATED_AT);
}

#define GETTER(type, name, field) \
  type stw_item_get_##name (StwItem *self) \
  { \
    g_return_val_if_fail (STW_IS_ITEM (self), (type) 0); \
    return self->field; \
  }

GETTER (gint64, id, id)
GETTER (const char *, ref, ref)
GETTER (const char *, created_at, created_at)
GETTER (const char *, updated_at, updated_at)
GETTER (const char *, owner_name, owner_name)
GETTER (gint64, workstream_id, workstream_id)
GETTER (const char *, title, title)
GETTER (const char *, description, description)
GETTER (gint64, owner_id, owner_id)
GETTER (StwStatus, status, status)
GETTER (StwPriority, priority, priority)
GETTER (const char *, start_date, start_date)
GETTER (const char *, due_date, due_date)
GETTER (const char *, completed_date, completed_date)
GETTER (const char *, closure_note, closure_note)
GETTER (const char *, notes, notes)
GETTER (gint64, position, position)

#undef GETTER

const char * const *
stw_item_get_clauses (StwItem *self)
{
  g_return_val_if_fail (STW_IS_ITEM (self), NULL);
  return (const char * const *) self->clauses;
}

const char * const *
stw_item_get_controls (StwItem *self)
{
  g_return_val_if_fail (STW_IS_ITEM (self), NULL);
  return (const char * const *) self->controls;
}

static void
set_int64 (StwItem *self,
           gint64  *field,
           gint64   value,
           guint    prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
stw_item_set_workstream_id (StwItem *self,
                            gint64   workstream_id)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_int64 (self, &self->workstream_id, workstream_id, PROP_WORKSTREAM_ID);
}

void
stw_item_set_title (StwItem    *self,
                    const char *title)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_string (self, &self->title, title ? title : "", PROP_TITLE);
}

void
stw_item_set_description (StwItem    *self,
                          const char *description)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_string (self, &self->description, description ? description : "", PROP_DESCRIPTION);
}

void
stw_item_set_owner_id (StwItem *self,
                       gint64   owner_id)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_int64 (self, &self->owner_id, owner_id, PROP_OWNER_ID);
}

void
stw_item_set_status (StwItem   *self,
                     StwStatus  status)
{
  g_return_if_fail (STW_IS_ITEM (self));
  g_return_if_fail (status < STW_N_STATUSES);
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
stw_item_set_priority (StwItem     *self,
                       StwPriority  priority)
{
  g_return_if_fail (STW_IS_ITEM (self));
  g_return_if_fail (priority < STW_N_PRIORITIES);
  if (self->priority == priority)
    return;
  self->priority = priority;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
}

void
stw_item_set_start_date (StwItem    *self,
                         const char *date)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_string (self, &self->start_date, date, PROP_START_DATE);
}

void
stw_item_set_due_date (StwItem    *self,
                       const char *date)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_string (self, &self->due_date, date, PROP_DUE_DATE);
}

void
stw_item_set_completed_date (StwItem    *self,
                             const char *date)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_string (self, &self->completed_date, date, PROP_COMPLETED_DATE);
}

void
stw_item_set_closure_note (StwItem    *self,
                           const char *note)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_string (self, &self->closure_note, note, PROP_CLOSURE_NOTE);
}

void
stw_item_set_notes (StwItem    *self,
                    const char *notes)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_string (self, &self->notes, notes, PROP_NOTES);
}

void
stw_item_set_clauses (StwItem            *self,
                      const char * const *clauses)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_strv (self, &self->clauses, clauses, PROP_CLAUSES);
}

void
stw_item_set_controls (StwItem            *self,
                       const char * const *controls)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_strv (self, &self->controls, controls, PROP_CONTROLS);
}

void
stw_item_set_position (StwItem *self,
                       gint64   position)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_int64 (self, &self->position, position, PROP_POSITION);
}

const StwRecurrence *
stw_item_get_recurrence (StwItem *self)
{
  g_return_val_if_fail (STW_IS_ITEM (self), NULL);
  return &self->recurrence;
}

void
stw_item_set_recurrence (StwItem             *self,
                         const StwRecurrence *recurrence)
{
  StwRecurrence none = { STW_REPEAT_NONE, 0, "" };

  g_return_if_fail (STW_IS_ITEM (self));

  if (recurrence == NULL || recurrence->unit == STW_REPEAT_NONE)
    recurrence = &none;
  if (self->recurrence.unit == recurrence->unit &&
      self->recurrence.interval == recurrence->interval &&
      strcmp (self->recurrence.anchor, recurrence->anchor) == 0)
    return;
  self->recurrence = *recurrence;
  self->recurrence.anchor[sizeof self->recurrence.anchor - 1] = '\0';
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECURRENCE_TEXT]);
}

gint64
stw_item_get_series_id (StwItem *self)
{
  g_return_val_if_fail (STW_IS_ITEM (self), 0);
  return self->series_id;
}

void
_stw_item_set_series_id (StwItem *self,
                         gint64   series_id)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_int64 (self, &self->series_id, series_id, PROP_SERIES_ID);
}

gint64
stw_item_get_risk_id (StwItem *self)
{
  g_return_val_if_fail (STW_IS_ITEM (self), 0);
  return self->risk_id;
}

void
stw_item_set_risk_id (StwItem *self,
                      gint64   risk_id)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_int64 (self, &self->risk_id, risk_id, PROP_RISK_ID);
}

const char *
stw_item_get_no_evidence_reason (StwItem *self)
{
  g_return_val_if_fail (STW_IS_ITEM (self), NULL);
  return self->no_evidence_reason;
}

void
stw_item_set_no_evidence_reason (StwItem    *self,
                                 const char *reason)
{
  g_return_if_fail (STW_IS_ITEM (self));
  set_string (self, &self->no_evidence_reason, reason, PROP_NO_EVIDENCE_REASON);
}

const StwCorrective *
stw_item_get_corrective (StwItem *self)
{
  g_return_val_if_fail (STW_IS_ITEM (self), NULL);
  return self->corrective;
}

void
stw_item_set_corrective (StwItem             *self,
                         const StwCorrective *corrective)
{
  g_return_if_fail (STW_IS_ITEM (self));

  if (stw_corrective_equal (self->corrective, corrective))
    return;
  stw_corrective_free (self->corrective);
  self->corrective = stw_corrective_copy (corrective);
}

gboolean
stw_item_is_overdue (StwItem    *self,
                     const char *today)
{
  g_return_val_if_fail (STW_IS_ITEM (self), FALSE);

  return stw_status_is_open (self->status) &&
         self->due_date != NULL && today != NULL &&
         strcmp (self->due_date, today) < 0;
}
