/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-private.h: what only the store may set on an item.
 */
#pragma once

#include "stw-item.h"

G_BEGIN_DECLS

void _stw_item_set_stored (StwItem    *self,
                           gint64      id,
                           const char *ref,
                           const char *owner_name,
                           const char *created_at,
                           const char *updated_at);

void _stw_item_set_series_id (StwItem *self,
                              gint64   series_id);

G_END_DECLS
