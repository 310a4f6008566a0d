/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk.c: a risk of the register as a value object.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-risk.h"

struct _StwRisk
{
  GObject        parent_instance;

  gint64         id;
  char          *ref;
  char          *owner_name;
  guint          treatment_count;
  guint          open_treatment_count;
  gboolean       flagged;

  char          *title;
  char          *asset;
  char          *threat;
  char          *vulnerability;
  gint64         owner_id;
  guint          likelihood;
  guint          impact;
  StwTreatment   treatment;
  guint          residual_likelihood;
  guint          residual_impact;
  StwRiskStatus  status;
  char          *next_review;
  char          *notes;
  GStrv          controls;
};

G_DEFINE_FINAL_TYPE (StwRisk, stw_risk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_TITLE,
  PROP_OWNER_NAME,
  PROP_SCORE,
  PROP_RESIDUAL_SCORE,
  PROP_TREATMENT_COUNT,
  PROP_FLAGGED,
  PROP_NEXT_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const treatment_keys[STW_N_TREATMENTS] = { "mitigate", "transfer", "avoid", "accept" };
static const char * const status_keys[STW_N_RISK_STATUSES] = { "open", "treating", "accepted", "closed" };

const char *
stw_treatment_to_key (StwTreatment v)
{
  g_return_val_if_fail (v < STW_N_TREATMENTS, NULL);
  return treatment_keys[v];
}

gboolean
stw_treatment_from_key (const char   *key,
                        StwTreatment *v)
{
  for (guint i = 0; key && i < STW_N_TREATMENTS; i++)
    if (strcmp (key, treatment_keys[i]) == 0)
      {
        *v = (StwTreatment) i;
        return TRUE;
      }
  return FALSE;
}

const char *
stw_treatment_label (StwTreatment v)
{
  switch (v)
    {
    case STW_TREATMENT_MITIGATE: return _("Mitigate");
    case STW_TREATMENT_TRANSFER: return _("Transfer");
    case STW_TREATMENT_AVOID:    return _("Avoid");
    case STW_TREATMENT_ACCEPT:   return _("Accept");
    default:                     g_return_val_if_reached (NULL);
    }
}

const char *
stw_risk_status_to_key (StwRiskStatus v)
{
  g_return_val_if_fail (v < STW_N_RISK_STATUSES, NULL);
  return status_keys[v];
}

gboolean
stw_risk_status_from_key (const char    *key,
                          StwRiskStatus *v)
{
  for (guint i = 0; key && i < STW_N_RISK_STATUSES; i++)
    if (strcmp (key, status_keys[i]) == 0)
      {
        *v = (StwRiskStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
stw_risk_status_label (StwRiskStatus v)
{
  switch (v)
    {
    case STW_RISK_OPEN:     return C_("risk status", "Open");
    case STW_RISK_TREATING: return _("Being treated");
    case STW_RISK_ACCEPTED: return _("Accepted");
    case STW_RISK_CLOSED:   return _("Closed");
    default:                g_return_val_if_reached (NULL);
    }
}

static void
stw_risk_finalize (GObject *object)
{
  StwRisk *self = (StwRisk *) object;

  g_free (self->ref);
  g_free (self->owner_name);
  g_free (self->title);
  g_free (self->asset);
  g_free (self->threat);
  g_free (self->vulnerability);
  g_free (self->next_review);
  g_free (self->notes);
  g_strfreev (self->controls);

  G_OBJECT_CLASS (stw_risk_parent_class)->finalize (object);
}

static void
stw_risk_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  StwRisk *self = STW_RISK (object);

  switch (prop_id)
    {
    case PROP_ID:              g_value_set_int64 (value, self->id); break;
    case PROP_REF:             g_value_set_string (value, self->ref); break;
    case PROP_TITLE:           g_value_set_string (value, self->title); break;
    case PROP_OWNER_NAME:      g_value_set_string (value, self->owner_name); break;
    case PROP_SCORE:           g_value_set_uint (value, stw_risk_get_score (self)); break;
    case PROP_RESIDUAL_SCORE:  g_value_set_uint (value, stw_risk_get_residual_score (self)); break;
    case PROP_TREATMENT_COUNT: g_value_set_uint (value, self->treatment_count); break;
    case PROP_FLAGGED:         g_value_set_boolean (value, self->flagged); break;
    case PROP_NEXT_REVIEW:     g_value_set_string (value, self->next_review); break;
    default:                   G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_class_init (StwRiskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = stw_risk_finalize;
  object_class->get_property = stw_risk_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, ro);
  properties[PROP_SCORE] = g_param_spec_uint ("score", NULL, NULL, 0, 25, 0, ro);
  properties[PROP_RESIDUAL_SCORE] = g_param_spec_uint ("residual-score", NULL, NULL, 0, 25, 0, ro);
  properties[PROP_TREATMENT_COUNT] = g_param_spec_uint ("treatment-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_FLAGGED] = g_param_spec_boolean ("flagged", NULL, NULL, FALSE, ro);
  properties[PROP_NEXT_REVIEW] = g_param_spec_string ("next-review", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_risk_init (StwRisk *self)
{
  self->title = g_strdup ("");
  self->asset = g_strdup ("");
  self->threat = g_strdup ("");
  self->vulnerability = g_strdup ("");
  self->likelihood = 3;
  self->impact = 3;
  self->controls = g_new0 (char *, 1);
}

StwRisk *
stw_risk_new (void)
{
  return g_object_new (STW_TYPE_RISK, NULL);
}

StwRisk *
stw_risk_copy (StwRisk *self)
{
  StwRisk *copy;

  g_return_val_if_fail (STW_IS_RISK (self), NULL);

  copy = stw_risk_new ();
  _stw_risk_set_stored (copy, self->id, self->ref, self->owner_name, self->treatment_count,
                        self->open_treatment_count, self->flagged);
  stw_risk_set_title (copy, self->title);
  stw_risk_set_asset (copy, self->asset);
  stw_risk_set_threat (copy, self->threat);
  stw_risk_set_vulnerability (copy, self->vulnerability);
  copy->owner_id = self->owner_id;
  copy->likelihood = self->likelihood;
  copy->impact = self->impact;
  copy->treatment = self->treatment;
  copy->residual_likelihood = self->residual_likelihood;
  copy->residual_impact = self->residual_impact;
  copy->status = self->status;
  stw_risk_set_next_review (copy, self->next_review);
  stw_risk_set_notes (copy, self->notes);
  stw_risk_set_controls (copy, (const char * const *) self->controls);
  return copy;
}

static void
replace (char       **field,
         const char  *value,
         gboolean     keep_empty)
{
  if (!keep_empty && value != NULL && value[0] == '\0')
    value = NULL;
  if (keep_empty && value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

void
_stw_risk_set_stored (StwRisk    *self,
                      gint64      id,
                      const char *ref,
                      const char *owner_name,
                      guint       treatment_count,
                      guint       open_treatment_count,
                      gboolean    flagged)
{
  g_return_if_fail (STW_IS_RISK (self));

  self->id = id;
  replace (&self->ref, ref, FALSE);
  replace (&self->owner_name, owner_name, FALSE);
  self->treatment_count = treatment_count;
  self->open_treatment_count = open_treatment_count;
  self->flagged = flagged;
}

gint64       stw_risk_get_id (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->id; }
const char  *stw_risk_get_ref (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), NULL); return self->ref; }
const char  *stw_risk_get_owner_name (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), NULL); return self->owner_name; }
guint        stw_risk_get_treatment_count (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->treatment_count; }
guint        stw_risk_get_open_treatment_count (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->open_treatment_count; }
gboolean     stw_risk_get_flagged (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), FALSE); return self->flagged; }
const char  *stw_risk_get_title (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), NULL); return self->title; }
void         stw_risk_set_title (StwRisk *self, const char *v) { g_return_if_fail (STW_IS_RISK (self)); replace (&self->title, v, TRUE); }
const char  *stw_risk_get_asset (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), NULL); return self->asset; }
void         stw_risk_set_asset (StwRisk *self, const char *v) { g_return_if_fail (STW_IS_RISK (self)); replace (&self->asset, v, TRUE); }
const char  *stw_risk_get_threat (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), NULL); return self->threat; }
void         stw_risk_set_threat (StwRisk *self, const char *v) { g_return_if_fail (STW_IS_RISK (self)); replace (&self->threat, v, TRUE); }
const char  *stw_risk_get_vulnerability (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), NULL); return self->vulnerability; }
void         stw_risk_set_vulnerability (StwRisk *self, const char *v) { g_return_if_fail (STW_IS_RISK (self)); replace (&self->vulnerability, v, TRUE); }
gint64       stw_risk_get_owner_id (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->owner_id; }
void         stw_risk_set_owner_id (StwRisk *self, gint64 v) { g_return_if_fail (STW_IS_RISK (self)); self->owner_id = v; }
guint        stw_risk_get_likelihood (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->likelihood; }
void         stw_risk_set_likelihood (StwRisk *self, guint v) { g_return_if_fail (STW_IS_RISK (self)); self->likelihood = v; }
guint        stw_risk_get_impact (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->impact; }
void         stw_risk_set_impact (StwRisk *self, guint v) { g_return_if_fail (STW_IS_RISK (self)); self->impact = v; }
StwTreatment stw_risk_get_treatment (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->treatment; }
void         stw_risk_set_treatment (StwRisk *self, StwTreatment v) { g_return_if_fail (STW_IS_RISK (self)); self->treatment = v; }
guint        stw_risk_get_residual_likelihood (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->residual_likelihood; }
void         stw_risk_set_residual_likelihood (StwRisk *self, guint v) { g_return_if_fail (STW_IS_RISK (self)); self->residual_likelihood = v; }
guint        stw_risk_get_residual_impact (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->residual_impact; }
void         stw_risk_set_residual_impact (StwRisk *self, guint v) { g_return_if_fail (STW_IS_RISK (self)); self->residual_impact = v; }
StwRiskStatus stw_risk_get_status (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), 0); return self->status; }
void         stw_risk_set_status (StwRisk *self, StwRiskStatus v) { g_return_if_fail (STW_IS_RISK (self)); self->status = v; }
const char  *stw_risk_get_next_review (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), NULL); return self->next_review; }
void         stw_risk_set_next_review (StwRisk *self, const char *v) { g_return_if_fail (STW_IS_RISK (self)); replace (&self->next_review, v, FALSE); }
const char  *stw_risk_get_notes (StwRisk *self) { g_return_val_if_fail (STW_IS_RISK (self), NULL); return self->notes; }
void         stw_risk_set_notes (StwRisk *self, const char *v) { g_return_if_fail (STW_IS_RISK (self)); replace (&self->notes, v, FALSE); }

const char * const *
stw_risk_get_controls (StwRisk *self)
{
  g_return_val_if_fail (STW_IS_RISK (self), NULL);
  return (const char * const *) self->controls;
}

void
stw_risk_set_controls (StwRisk            *self,
                       const char * const *controls)
{
  g_return_if_fail (STW_IS_RISK (self));
  g_strfreev (self->controls);
  self->controls = controls ? g_strdupv ((char **) controls) : g_new0 (char *, 1);
}

guint
stw_risk_get_score (StwRisk *self)
{
  g_return_val_if_fail (STW_IS_RISK (self), 0);
  return self->likelihood * self->impact;
}

guint
stw_risk_get_residual_score (StwRisk *self)
{
  g_return_val_if_fail (STW_IS_RISK (self), 0);
  return self->residual_likelihood * self->residual_impact;
}
