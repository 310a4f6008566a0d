/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-owner-row.h: a combo row to choose one of the workspace's people, as
 * an item's or a risk's owner or as who verified a corrective action.
 */
#pragma once

#include <adwaita.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_OWNER_ROW (stw_owner_row_get_type ())
G_DECLARE_FINAL_TYPE (StwOwnerRow, stw_owner_row, STW, OWNER_ROW, AdwComboRow)

/* Properties:
 *   "none-label" (string, construct): the first row, meaning nobody;
 *     "No owner" when not set.
 *   "keep-unknown" (boolean, construct): a person id that is not one of
 *     the workspace's people is kept as "Someone not in this workspace"
 *     rather than shown as nobody.
 * Signals:
 *   "changed": the person chose someone else. Not emitted when the row is
 *     set from code or refilled because people changed. */

GtkWidget    *stw_owner_row_new           (void);
void          stw_owner_row_set_workspace (StwOwnerRow  *self,
                                           StwWorkspace *workspace);
/* The person chosen, 0 for nobody. */
gint64        stw_owner_row_get_owner_id  (StwOwnerRow  *self);
/* Refills the row with the active people plus @owner_id, marked
 * "(inactive)" if they have left, and chooses them. */
void          stw_owner_row_set_owner_id  (StwOwnerRow  *self,
                                           gint64        owner_id);
/* Chooses @owner_id if the row lists them, nobody otherwise; the rows
 * stay as they are. */
void          stw_owner_row_select_owner  (StwOwnerRow  *self,
                                           gint64        owner_id);

G_END_DECLS
