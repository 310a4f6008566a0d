/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-control-list.h: the "Annex A controls" group of the editors: the
 * controls a record links, each with a button to unlink it, and a button
 * that opens the control picker to link another.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STW_TYPE_CONTROL_LIST (stw_control_list_get_type ())
G_DECLARE_FINAL_TYPE (StwControlList, stw_control_list, STW, CONTROL_LIST, AdwPreferencesGroup)

/* Signals:
 *   "changed": the person linked or unlinked a control. Not emitted by
 *     stw_control_list_set_controls(). */

GtkWidget *stw_control_list_new          (void);
/* Shows @ids (NULL for none), in the order given. */
void       stw_control_list_set_controls (StwControlList     *self,
                                          const char * const *ids);
/* The ids linked in the form, sorted as a record stores them; an empty
 * list (not NULL) when none. */
GStrv      stw_control_list_dup_controls (StwControlList     *self);

G_END_DECLS
