/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "stw-item-model.h"

G_BEGIN_DECLS

StwItemModel *_stw_item_model_new    (StwWorkspace         *workspace,
                                      const StwItemFilter  *filter);
gboolean      _stw_item_model_reload (StwItemModel         *self,
                                      GError              **error);

G_END_DECLS
