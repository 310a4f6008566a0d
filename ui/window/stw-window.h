/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window.h: the main window.
 */
#pragma once

#include <adwaita.h>

#include "stw-application.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_WINDOW (stw_window_get_type ())
G_DECLARE_FINAL_TYPE (StwWindow, stw_window, STW, WINDOW, AdwApplicationWindow)

StwWindow    *stw_window_new                 (StwApplication *application);
StwWorkspace *stw_window_get_workspace       (StwWindow      *self);
/* Shows @workspace (NULL: the first-run page). Returns FALSE, leaving the
 * current workspace shown, when a pending edit could not be saved. */
gboolean      stw_window_set_workspace       (StwWindow      *self,
                                              StwWorkspace   *workspace);
/* Opens the workspace at @path, shows it and remembers it for next time. */
gboolean      stw_window_open_workspace      (StwWindow      *self,
                                              const char     *path,
                                              GError        **error);
/* Reopens the workspace shown last time, if it still opens; otherwise
 * stays on the first-run page and says why in a toast. */
void          stw_window_open_last_workspace (StwWindow      *self);

G_END_DECLS
