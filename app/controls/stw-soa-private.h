/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-soa-private.h: what the SoA's store sets on the entries it loads,
 * and the stored form of the reasons.
 */
#pragma once

#include "stw-soa-entry.h"

G_BEGIN_DECLS

void          _stw_soa_entry_set_stored  (StwSoaEntry        *self,
                                          gint64              id);
void          _stw_soa_entry_set_links   (StwSoaEntry        *self,
                                          const char * const *risk_refs,
                                          const char * const *item_refs);
/* The stored column: the sorted keys joined by newlines. */
char         *_stw_soa_reasons_to_text   (StwSoaReasons       reasons);
StwSoaReasons _stw_soa_reasons_from_text (const char         *text);

G_END_DECLS
