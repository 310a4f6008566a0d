/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-toaster.h: the main window's toasts. One is shown at a time: a new
 * one replaces it, so that the toast's Undo always means the newest
 * change. Errors stay until dismissed, since they explain why something
 * did not happen.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STW_TYPE_TOASTER (stw_toaster_get_type ())
G_DECLARE_FINAL_TYPE (StwToaster, stw_toaster, STW, TOASTER, GObject)

/* Shows its toasts in @overlay. */
StwToaster *stw_toaster_new        (AdwToastOverlay *overlay);
/* Shows @text (plain text, not markup); with @undo_action (or NULL) a
 * button "Undo" runs that action. */
void        stw_toaster_show       (StwToaster      *self,
                                    const char      *text,
                                    const char      *undo_action);
void        stw_toaster_show_error (StwToaster      *self,
                                    const char      *text);
/* Text of the newest toast, or NULL. */
const char *stw_toaster_get_title  (StwToaster      *self);

G_END_DECLS
