/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-corrective.c: the corrective-action record as a boxed value, and
 * the keys and labels of its choices.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-corrective.h"

G_DEFINE_BOXED_TYPE (StwCorrective, stw_corrective, stw_corrective_copy, stw_corrective_free)

StwCorrective *
stw_corrective_new (void)
{
  StwCorrective *self = g_new0 (StwCorrective, 1);

  self->source = STW_CA_SOURCE_OTHER;
  self->classification = STW_CA_MINOR_NONCONFORMITY;
  self->action_type = STW_CA_TYPE_CORRECTIVE_ACTION;
  self->check_result = STW_CHECK_PENDING;
  return self;
}

StwCorrective *
stw_corrective_copy (const StwCorrective *self)
{
  StwCorrective *copy;

  if (self == NULL)
    return NULL;
  copy = g_memdup2 (self, sizeof *self);
  copy->source_ref = g_strdup (self->source_ref);
  copy->correction = g_strdup (self->correction);
  copy->root_cause_method = g_strdup (self->root_cause_method);
  copy->root_cause = g_strdup (self->root_cause);
  copy->corrective_action = g_strdup (self->corrective_action);
  copy->check_note = g_strdup (self->check_note);
  return copy;
}

void
stw_corrective_free (StwCorrective *self)
{
  if (self == NULL)
    return;
  g_free (self->source_ref);
  g_free (self->correction);
  g_free (self->root_cause_method);
  g_free (self->root_cause);
  g_free (self->corrective_action);
  g_free (self->check_note);
  g_free (self);
}

static gboolean
text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

gboolean
stw_corrective_equal (const StwCorrective *a,
                      const StwCorrective *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->source == b->source &&
         text_equal (a->source_ref, b->source_ref) &&
         a->classification == b->classification &&
         a->action_type == b->action_type &&
         text_equal (a->correction, b->correction) &&
         text_equal (a->root_cause_method, b->root_cause_method) &&
         text_equal (a->root_cause, b->root_cause) &&
         text_equal (a->corrective_action, b->corrective_action) &&
         strcmp (a->check_due, b->check_due) == 0 &&
         a->checked_by == b->checked_by &&
         a->check_result == b->check_result &&
         text_equal (a->check_note, b->check_note) &&
         strcmp (a->check_date, b->check_date) == 0;
}

gboolean
stw_corrective_is_nonconformity (const StwCorrective *self)
{
  return self != NULL &&
         (self->classification == STW_CA_MAJOR_NONCONFORMITY ||
          self->classification == STW_CA_MINOR_NONCONFORMITY);
}

void
stw_corrective_set_text (char       **field,
                         const char  *value)
{
  g_free (*field);
  *field = value && value[0] ? g_strdup (value) : NULL;
}

#define KEYS(prefix, type, n, ...) \
  static const char * const prefix##_keys[n] = { __VA_ARGS__ }; \
  const char * \
  stw_##prefix##_to_key (type v) \
  { \
    g_return_val_if_fail ((guint) v < n, NULL); \
    return prefix##_keys[v]; \
  } \
  gboolean \
  stw_##prefix##_from_key (const char *key, \
                           type       *v) \
  { \
    for (guint i = 0; key != NULL && i < n; i++) \
      if (strcmp (prefix##_keys[i], key) == 0) \
        { \
          *v = (type) i; \
          return TRUE; \
        } \
    return FALSE; \
  }

KEYS (ca_source, StwCaSource, STW_N_CA_SOURCES,
      "internal_audit", "external_audit", "kpi", "management_review", "incident", "monitoring", "other")
KEYS (ca_classification, StwCaClassification, STW_N_CA_CLASSIFICATIONS,
      "major_nc", "minor_nc", "observation", "opportunity")
KEYS (ca_type, StwCaType, STW_N_CA_TYPES,
      "correction", "corrective_action", "improvement")
KEYS (check_result, StwCheckResult, STW_N_CHECK_RESULTS,
      "pending", "effective", "not_effective")

#undef KEYS

const char *
stw_ca_source_label (StwCaSource v)
{
  switch (v)
    {
    case STW_CA_SOURCE_INTERNAL_AUDIT:     return _("Internal audit");
    case STW_CA_SOURCE_EXTERNAL_AUDIT:     return _("External audit");
    case STW_CA_SOURCE_KPI:                return _("KPI measurement");
    case STW_CA_SOURCE_MANAGEMENT_REVIEW:  return _("Management review");
    case STW_CA_SOURCE_INCIDENT:           return _("Incident");
    case STW_CA_SOURCE_MONITORING:         return _("Other monitoring");
    case STW_CA_SOURCE_OTHER:              return _("Other");
    default:                               g_return_val_if_reached (NULL);
    }
}

const char *
stw_ca_classification_label (StwCaClassification v)
{
  switch (v)
    {
    case STW_CA_MAJOR_NONCONFORMITY: return _("Major nonconformity");
    case STW_CA_MINOR_NONCONFORMITY: return _("Minor nonconformity");
    case STW_CA_OBSERVATION:         return _("Observation");
    case STW_CA_OPPORTUNITY:         return _("Opportunity for improvement");
    default:                         g_return_val_if_reached (NULL);
    }
}

const char *
stw_ca_type_label (StwCaType v)
{
  switch (v)
    {
    case STW_CA_TYPE_CORRECTION:        return _("Correction");
    case STW_CA_TYPE_CORRECTIVE_ACTION: return _("Corrective action");
    case STW_CA_TYPE_IMPROVEMENT:       return _("Improvement");
    default:                            g_return_val_if_reached (NULL);
    }
}

const char *
stw_check_result_label (StwCheckResult v)
{
  switch (v)
    {
    case STW_CHECK_PENDING:       return _("Not checked yet");
    case STW_CHECK_EFFECTIVE:     return _("Effective");
    case STW_CHECK_NOT_EFFECTIVE: return _("Not effective");
    default:                      g_return_val_if_reached (NULL);
    }
}
