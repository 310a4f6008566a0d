/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-soa-entry.h: one line of the Statement of Applicability (ISO/IEC
 * 27001 6.1.3 d): an Annex A control, whether it applies, why, how far it
 * is implemented, and the risks and items that name it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  STW_SOA_NOT_STARTED,
  STW_SOA_PLANNED,
  STW_SOA_PARTIAL,
  STW_SOA_IMPLEMENTED,
} StwSoaStatus;

/* Why a control is included or excluded: a set. */
typedef enum {
  STW_SOA_REASON_RISK_TREATMENT = 1 << 0,
  STW_SOA_REASON_LEGAL          = 1 << 1,
  STW_SOA_REASON_CONTRACTUAL    = 1 << 2,
  STW_SOA_REASON_BUSINESS       = 1 << 3,
  STW_SOA_REASON_BEST_PRACTICE  = 1 << 4,
} StwSoaReasons;

#define STW_SOA_REASON_ALL 0x1f

/* Keys as stored ("not_started", "planned", "partial", "implemented"),
 * never translated; labels for people. */
const char *stw_soa_status_to_key   (StwSoaStatus   status);
gboolean    stw_soa_status_from_key (const char    *key,
                                     StwSoaStatus  *status);
const char *stw_soa_status_label    (StwSoaStatus   status);
/* "risk_treatment", "legal", "contractual", "business", "best_practice"
 * for one reason; the label of one reason. */
const char *stw_soa_reason_to_key   (StwSoaReasons  reason);
gboolean    stw_soa_reason_from_key (const char    *key,
                                     StwSoaReasons *reason);
const char *stw_soa_reason_label    (StwSoaReasons  reason);
/* The keys of @reasons in a fixed order, NULL-terminated. */
GStrv       stw_soa_reasons_to_keys (StwSoaReasons  reasons);

#define STW_TYPE_SOA_ENTRY (stw_soa_entry_get_type ())
G_DECLARE_FINAL_TYPE (StwSoaEntry, stw_soa_entry, STW, SOA_ENTRY, GObject)

/* A control's line as a workspace with no decision about it reads:
 * applicable, not started, no justification. */
StwSoaEntry  *stw_soa_entry_new               (const char    *control_id);
StwSoaEntry  *stw_soa_entry_copy              (StwSoaEntry   *self);

const char   *stw_soa_entry_get_control_id    (StwSoaEntry   *self);
/* 0 while the workspace has no row for the control (the defaults). */
gint64        stw_soa_entry_get_id            (StwSoaEntry   *self);
gboolean      stw_soa_entry_get_applicable    (StwSoaEntry   *self);
void          stw_soa_entry_set_applicable    (StwSoaEntry   *self,
                                               gboolean       applicable);
StwSoaReasons stw_soa_entry_get_reasons       (StwSoaEntry   *self);
void          stw_soa_entry_set_reasons       (StwSoaEntry   *self,
                                               StwSoaReasons  reasons);
/* The free text of the justification ("" for none). */
const char   *stw_soa_entry_get_justification (StwSoaEntry   *self);
void          stw_soa_entry_set_justification (StwSoaEntry   *self,
                                               const char    *text);
StwSoaStatus  stw_soa_entry_get_status        (StwSoaEntry   *self);
void          stw_soa_entry_set_status        (StwSoaEntry   *self,
                                               StwSoaStatus   status);
const char   *stw_soa_entry_get_notes         (StwSoaEntry   *self);
void          stw_soa_entry_set_notes         (StwSoaEntry   *self,
                                               const char    *notes);
/* Whether any reason or some free text says why. */
gboolean      stw_soa_entry_is_justified      (StwSoaEntry   *self);
/* The references of the risks (items) not deleted that name this control,
 * as loaded; never NULL. */
const char * const *stw_soa_entry_get_risk_refs (StwSoaEntry *self);
const char * const *stw_soa_entry_get_item_refs (StwSoaEntry *self);

G_END_DECLS
