/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-people-window.h: the people of a workspace: add, edit and
 * deactivate them, and choose who you are (the actor every change is
 * recorded as).
 */
#pragma once

#include <adwaita.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_PEOPLE_WINDOW (stw_people_window_get_type ())
G_DECLARE_FINAL_TYPE (StwPeopleWindow, stw_people_window, STW, PEOPLE_WINDOW, AdwPreferencesWindow)

/* Signals:
 *   "actor-changed" (): the person chose someone else as themselves. */

GtkWidget    *stw_people_window_new           (GtkWindow       *parent,
                                               StwWorkspace    *workspace);
StwWorkspace *stw_people_window_get_workspace (StwPeopleWindow *self);
/* Opens the form for @person_id, or for a new person when 0. */
void          stw_people_window_edit_person   (StwPeopleWindow *self,
                                               gint64           person_id);

G_END_DECLS
