/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-model.h: a GListModel of items chosen by a filter and kept in
 * one order (due date by default, undated last). It keeps only the sorted
 * ids and loads rows in blocks when a view asks for them, so a 10,000-item
 * workstream opens fast; it follows the workspace's "item-changed" signal
 * with minimal items-changed emissions.
 */
#pragma once

#include <gio/gio.h>

#include "stw-item-store.h"

G_BEGIN_DECLS

typedef enum {
  STW_ITEM_SORT_DUE,       /* due date, undated last */
  STW_ITEM_SORT_STATUS,    /* to do, in progress, in review, done, cancelled */
  STW_ITEM_SORT_OWNER,     /* owner name, unowned last */
  STW_ITEM_SORT_REF,       /* reference, numerically within a series */
  STW_ITEM_SORT_PRIORITY,  /* urgent first */
  STW_ITEM_SORT_POSITION,  /* board order within a column */
} StwItemSort;

struct _StwItemFilter {
  gint64       workstream_id;    /* 0: every workstream */
  guint        statuses;         /* mask of 1 << StwStatus; 0: every status */
  gint64       owner_id;         /* 0: anyone; -1: nobody */
  gint64       risk_id;          /* 0: any; else the treatment items of one risk */
  guint        ca_classifications; /* mask of 1 << StwCaClassification; 0: any */
  guint        ca_sources;       /* mask of 1 << StwCaSource; 0: any */
  gboolean     overdue;          /* only open items due before today */
  guint        due_within_days;  /* only open items due from today to today + N; 0: off */
  char         due_from[11];     /* "YYYY-MM-DD" inclusive, "" for open-ended */
  char         due_to[11];
  StwItemSort  sort;
  gboolean     descending;
};

#define STW_STATUS_MASK(status) (1u << (status))
#define STW_STATUS_MASK_OPEN \
  (STW_STATUS_MASK (STW_STATUS_TODO) | STW_STATUS_MASK (STW_STATUS_IN_PROGRESS) | \
   STW_STATUS_MASK (STW_STATUS_IN_REVIEW))

/* Every item of @workstream_id, due date ascending. */
void          stw_item_filter_init             (StwItemFilter       *filter,
                                                gint64               workstream_id);

#define STW_TYPE_ITEM_MODEL (stw_item_model_get_type ())
G_DECLARE_FINAL_TYPE (StwItemModel, stw_item_model, STW, ITEM_MODEL, GObject)

gint64               stw_item_model_get_workstream_id (StwItemModel        *self);
const StwItemFilter *stw_item_model_get_filter        (StwItemModel        *self);
/* Re-reads with a new filter or order; views see one items-changed. */
gboolean             stw_item_model_set_filter        (StwItemModel        *self,
                                                       const StwItemFilter *filter,
                                                       GError             **error);
/* Position of an item, or -1. */
int                  stw_item_model_find              (StwItemModel        *self,
                                                       gint64               item_id);

G_END_DECLS
