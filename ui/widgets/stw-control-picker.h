/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-control-picker.h: a popover to find an Annex A control by its
 * identifier or words of its title and link it to an item.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STW_TYPE_CONTROL_PICKER (stw_control_picker_get_type ())
G_DECLARE_FINAL_TYPE (StwControlPicker, stw_control_picker, STW, CONTROL_PICKER, GtkPopover)

/* Signals:
 *   "control-chosen" (const char *id): a control was picked (click, or
 *     Enter for the first match). The popover closes itself. */

GtkWidget  *stw_control_picker_new         (void);
/* Controls already linked: shown ticked, and picking one again does
 * nothing. */
void        stw_control_picker_set_chosen  (StwControlPicker   *self,
                                            const char * const *ids);
/* For tests: the filter text and what it leaves. */
void        stw_control_picker_set_search  (StwControlPicker   *self,
                                            const char         *text);
GListModel *stw_control_picker_get_matches (StwControlPicker   *self);
/* Picks the control at @position of the matches. */
void        stw_control_picker_choose      (StwControlPicker   *self,
                                            guint               position);

G_END_DECLS
