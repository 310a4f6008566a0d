/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-corrective-filter.h: a toolbar button with a popover that narrows
 * the corrective action log by classification, source and status, as the
 * masks of StwItemFilter.
 *
 * Wiring it into the list view of a corrective workstream:
 *
 *   - Put it in the list's toolbar next to the "Filter" button, visible
 *     only when the workstream's kind is STW_WORKSTREAM_CORRECTIVE. The
 *     list view already filters by status: set "show-statuses" to FALSE
 *     there so status is chosen in one place.
 *   - On "changed": copy the list's filter, call
 *     stw_corrective_filter_apply (button, &filter), then hand it to
 *     stw_list_view_set_filter() (or stw_item_model_set_filter()).
 *   - When the list's filters are cleared or another workstream is shown,
 *     stw_corrective_filter_sync (button, filter) (emits no "changed").
 *   - A mask of 0 means "any": every box ticked, and no box ticked, both
 *     give 0, as in the list view's status filter.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-item-model.h"

G_BEGIN_DECLS

#define STW_TYPE_CORRECTIVE_FILTER (stw_corrective_filter_get_type ())
G_DECLARE_FINAL_TYPE (StwCorrectiveFilter, stw_corrective_filter, STW, CORRECTIVE_FILTER, GtkWidget)

/* Signals:
 *   "changed" (): the person ticked or cleared a box.
 *
 * Properties (all G_PARAM_EXPLICIT_NOTIFY):
 *   "classifications" (guint): mask of 1 << StwCaClassification, 0: any.
 *   "sources" (guint): mask of 1 << StwCaSource, 0: any.
 *   "statuses" (guint): mask of STW_STATUS_MASK (status), 0: any.
 *   "show-statuses" (gboolean, default TRUE): offer the status boxes.
 *
 * Actions (on the widget): corrective-filter.clear.
 */

#define STW_CA_CLASSIFICATION_MASK(c) (1u << (c))
#define STW_CA_SOURCE_MASK(s)         (1u << (s))

GtkWidget *stw_corrective_filter_new                 (void);
guint      stw_corrective_filter_get_classifications (StwCorrectiveFilter *self);
void       stw_corrective_filter_set_classifications (StwCorrectiveFilter *self,
                                                      guint                mask);
guint      stw_corrective_filter_get_sources         (StwCorrectiveFilter *self);
void       stw_corrective_filter_set_sources         (StwCorrectiveFilter *self,
                                                      guint                mask);
guint      stw_corrective_filter_get_statuses        (StwCorrectiveFilter *self);
void       stw_corrective_filter_set_statuses        (StwCorrectiveFilter *self,
                                                      guint                mask);
gboolean   stw_corrective_filter_get_show_statuses   (StwCorrectiveFilter *self);
void       stw_corrective_filter_set_show_statuses   (StwCorrectiveFilter *self,
                                                      gboolean             show);
/* TRUE when any mask narrows the list. */
gboolean   stw_corrective_filter_get_active          (StwCorrectiveFilter *self);
/* Writes the masks into @filter (statuses only when shown); the rest of
 * @filter is left as it was. */
void       stw_corrective_filter_apply               (StwCorrectiveFilter *self,
                                                      StwItemFilter       *filter);
/* Takes the masks from @filter, without emitting "changed". */
void       stw_corrective_filter_sync                (StwCorrectiveFilter *self,
                                                      const StwItemFilter *filter);
/* Every box back to "any"; emits "changed" when something was narrowed. */
void       stw_corrective_filter_clear               (StwCorrectiveFilter *self);

G_END_DECLS
