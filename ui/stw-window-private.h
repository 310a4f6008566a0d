/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window-private.h: what the UI tests reach inside the window.
 */
#pragma once

#include "stw-item-editor.h"
#include "stw-window.h"

G_BEGIN_DECLS

GtkListBox    *_stw_window_get_workstreams_list (StwWindow *self);
GtkListView   *_stw_window_get_items_view       (StwWindow *self);
/* The selection model over the shown workstream's items, or NULL. */
GtkSingleSelection *_stw_window_get_selection   (StwWindow *self);
StwItemEditor *_stw_window_get_editor           (StwWindow *self);
gboolean       _stw_window_get_editor_revealed  (StwWindow *self);
const char    *_stw_window_get_visible_page     (StwWindow *self);
/* Title of the newest toast, or NULL. */
const char    *_stw_window_get_toast_title      (StwWindow *self);

G_END_DECLS
