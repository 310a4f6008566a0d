/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-model.h: a GListModel of the items of one workstream, sorted by
 * due date (undated last). It keeps only the sorted ids and loads rows in
 * blocks when a view asks for them, so a 10,000-item workstream opens fast;
 * it follows the workspace's "item-changed" signal with minimal
 * items-changed emissions.
 */
#pragma once

#include <gio/gio.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_ITEM_MODEL (stw_item_model_get_type ())
G_DECLARE_FINAL_TYPE (StwItemModel, stw_item_model, STW, ITEM_MODEL, GObject)

gint64  stw_item_model_get_workstream_id (StwItemModel *self);
/* Position of an item, or -1. */
int     stw_item_model_find              (StwItemModel *self,
                                          gint64        item_id);

G_END_DECLS
