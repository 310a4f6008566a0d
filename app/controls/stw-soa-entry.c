/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-soa-entry.c: one line of the Statement of Applicability, and the
 * keys and labels of its status and reasons (see stw-soa-entry.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-soa-private.h"

struct _StwSoaEntry
{
  GObject        parent_instance;
  char          *control_id;
  gint64         id;
  gboolean       applicable;
  StwSoaReasons  reasons;
  char          *justification;
  StwSoaStatus   status;
  char          *notes;
  GStrv          risk_refs;
  GStrv          item_refs;
};

G_DEFINE_FINAL_TYPE (StwSoaEntry, stw_soa_entry, G_TYPE_OBJECT)

static const char * const status_keys[] = { "not_started", "planned", "partial", "implemented" };

static const struct {
  StwSoaReasons  reason;
  const char    *key;
  const char    *label;
} reasons[] = {
  { STW_SOA_REASON_RISK_TREATMENT, "risk_treatment", N_("Risk treatment") },
  { STW_SOA_REASON_LEGAL, "legal", N_("Legal or regulatory") },
  { STW_SOA_REASON_CONTRACTUAL, "contractual", N_("Contractual") },
  { STW_SOA_REASON_BUSINESS, "business", N_("Business requirement") },
  { STW_SOA_REASON_BEST_PRACTICE, "best_practice", N_("Best practice") },
};

const char *
stw_soa_status_to_key (StwSoaStatus status)
{
  g_return_val_if_fail (status <= STW_SOA_IMPLEMENTED, NULL);
  return status_keys[status];
}

gboolean
stw_soa_status_from_key (const char   *key,
                         StwSoaStatus *status)
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
stw_soa_status_label (StwSoaStatus status)
{
  switch (status)
    {
    case STW_SOA_NOT_STARTED: return _("Not started");
    case STW_SOA_PLANNED:     return _("Planned");
    case STW_SOA_PARTIAL:     return _("Partially implemented");
    case STW_SOA_IMPLEMENTED: return _("Implemented");
    default:                  g_return_val_if_reached (NULL);
    }
}

const char *
stw_soa_reason_to_key (StwSoaReasons reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].reason == reason)
      return reasons[i].key;
  g_return_val_if_reached (NULL);
}

gboolean
stw_soa_reason_from_key (const char    *key,
                         StwSoaReasons *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (key, reasons[i].key) == 0)
      {
        *reason = reasons[i].reason;
        return TRUE;
      }
  return FALSE;
}

const char *
stw_soa_reason_label (StwSoaReasons reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].reason == reason)
      return _(reasons[i].label);
  g_return_val_if_reached (NULL);
}

GStrv
stw_soa_reasons_to_keys (StwSoaReasons set)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (set & reasons[i].reason)
      g_strv_builder_add (b, reasons[i].key);
  return g_strv_builder_end (b);
}

StwSoaReasons
_stw_soa_reasons_from_text (const char *text)
{
  g_auto(GStrv) keys = g_strsplit (text ? text : "", "\n", -1);
  StwSoaReasons set = 0;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      StwSoaReasons one;

      if (stw_soa_reason_from_key (keys[i], &one))
        set |= one;
    }
  return set;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
_stw_soa_reasons_to_text (StwSoaReasons set)
{
  g_auto(GStrv) keys = stw_soa_reasons_to_keys (set);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  /* Sorted, as the history check compares a set. */
  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (sorted, keys[i]);
  g_ptr_array_sort (sorted, compare_keys);
  g_ptr_array_add (sorted, NULL);
  return g_strjoinv ("\n", (char **) sorted->pdata);
}

static void
stw_soa_entry_finalize (GObject *object)
{
  StwSoaEntry *self = STW_SOA_ENTRY (object);

  g_free (self->control_id);
  g_free (self->justification);
  g_free (self->notes);
  g_strfreev (self->risk_refs);
  g_strfreev (self->item_refs);
  G_OBJECT_CLASS (stw_soa_entry_parent_class)->finalize (object);
}

static void
stw_soa_entry_class_init (StwSoaEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_soa_entry_finalize;
}

static void
stw_soa_entry_init (StwSoaEntry *self)
{
  self->applicable = TRUE;
  self->status = STW_SOA_NOT_STARTED;
  self->justification = g_strdup ("");
  self->notes = g_strdup ("");
  self->risk_refs = g_new0 (char *, 1);
  self->item_refs = g_new0 (char *, 1);
}

StwSoaEntry *
stw_soa_entry_new (const char *control_id)
{
  StwSoaEntry *self;

  g_return_val_if_fail (control_id != NULL, NULL);

  self = g_object_new (STW_TYPE_SOA_ENTRY, NULL);
  self->control_id = g_strdup (control_id);
  return self;
}

StwSoaEntry *
stw_soa_entry_copy (StwSoaEntry *self)
{
  StwSoaEntry *copy;

  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), NULL);

  copy = stw_soa_entry_new (self->control_id);
  copy->id = self->id;
  copy->applicable = self->applicable;
  copy->reasons = self->reasons;
  copy->status = self->status;
  stw_soa_entry_set_justification (copy, self->justification);
  stw_soa_entry_set_notes (copy, self->notes);
  _stw_soa_entry_set_links (copy, (const char * const *) self->risk_refs, (const char * const *) self->item_refs);
  return copy;
}

void
_stw_soa_entry_set_stored (StwSoaEntry *self,
                           gint64       id)
{
  self->id = id;
}

void
_stw_soa_entry_set_links (StwSoaEntry        *self,
                          const char * const *risk_refs,
                          const char * const *item_refs)
{
  g_strfreev (self->risk_refs);
  g_strfreev (self->item_refs);
  self->risk_refs = risk_refs ? g_strdupv ((char **) risk_refs) : g_new0 (char *, 1);
  self->item_refs = item_refs ? g_strdupv ((char **) item_refs) : g_new0 (char *, 1);
}

const char *
stw_soa_entry_get_control_id (StwSoaEntry *self)
{
  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), NULL);
  return self->control_id;
}

gint64
stw_soa_entry_get_id (StwSoaEntry *self)
{
  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), 0);
  return self->id;
}

gboolean
stw_soa_entry_get_applicable (StwSoaEntry *self)
{
  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), FALSE);
  return self->applicable;
}

void
stw_soa_entry_set_applicable (StwSoaEntry *self,
                              gboolean     applicable)
{
  g_return_if_fail (STW_IS_SOA_ENTRY (self));
  self->applicable = !!applicable;
}

StwSoaReasons
stw_soa_entry_get_reasons (StwSoaEntry *self)
{
  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), 0);
  return self->reasons;
}

void
stw_soa_entry_set_reasons (StwSoaEntry   *self,
                           StwSoaReasons  set)
{
  g_return_if_fail (STW_IS_SOA_ENTRY (self));
  self->reasons = set & STW_SOA_REASON_ALL;
}

const char *
stw_soa_entry_get_justification (StwSoaEntry *self)
{
  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), NULL);
  return self->justification;
}

void
stw_soa_entry_set_justification (StwSoaEntry *self,
                                 const char  *text)
{
  g_return_if_fail (STW_IS_SOA_ENTRY (self));
  g_free (self->justification);
  self->justification = g_strdup (text ? text : "");
}

StwSoaStatus
stw_soa_entry_get_status (StwSoaEntry *self)
{
  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), STW_SOA_NOT_STARTED);
  return self->status;
}

void
stw_soa_entry_set_status (StwSoaEntry  *self,
                          StwSoaStatus  status)
{
  g_return_if_fail (STW_IS_SOA_ENTRY (self));
  g_return_if_fail (status <= STW_SOA_IMPLEMENTED);
  self->status = status;
}

const char *
stw_soa_entry_get_notes (StwSoaEntry *self)
{
  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), NULL);
  return self->notes;
}

void
stw_soa_entry_set_notes (StwSoaEntry *self,
                         const char  *notes)
{
  g_return_if_fail (STW_IS_SOA_ENTRY (self));
  g_free (self->notes);
  self->notes = g_strdup (notes ? notes : "");
}

gboolean
stw_soa_entry_is_justified (StwSoaEntry *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), FALSE);

  if (self->reasons != 0)
    return TRUE;
  text = g_strstrip (g_strdup (self->justification));
  return text[0] != '\0';
}

const char * const *
stw_soa_entry_get_risk_refs (StwSoaEntry *self)
{
  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), NULL);
  return (const char * const *) self->risk_refs;
}

const char * const *
stw_soa_entry_get_item_refs (StwSoaEntry *self)
{
  g_return_val_if_fail (STW_IS_SOA_ENTRY (self), NULL);
  return (const char * const *) self->item_refs;
}
