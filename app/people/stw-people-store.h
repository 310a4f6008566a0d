/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-people-store.h: the people of a workspace, and the changes that name
 * one of them as such: who is the actor, who owns the ISMS.
 *
 * The functions keep their stw_workspace_ prefix: they act on the
 * workspace, and the callers (the UI, the tests) stayed as they were when
 * all of this lived in the store.
 */
#pragma once

#include "stw-person.h"
#include "stw-store.h"

G_BEGIN_DECLS

/* Signals added to StwWorkspace:
 *   "people-changed" (): the people list changed.
 */

/* People: a GListModel of StwPerson, sorted by name. */
GListModel    *stw_workspace_get_people         (StwWorkspace  *self);
StwPerson     *stw_workspace_add_person         (StwWorkspace  *self,
                                                 const char    *name,
                                                 const char    *role,
                                                 const char    *email,
                                                 GError       **error);
gboolean       stw_workspace_update_person      (StwWorkspace  *self,
                                                 gint64         person_id,
                                                 const char    *name,
                                                 const char    *role,
                                                 const char    *email,
                                                 gboolean       active,
                                                 GError       **error);
StwPerson     *stw_workspace_find_person        (StwWorkspace  *self,
                                                 gint64         person_id);

/* The actor (see stw_workspace_get_actor_id()): only an active person of
 * the workspace. */
gboolean       stw_workspace_set_actor_id       (StwWorkspace  *self,
                                                 gint64         person_id,
                                                 GError       **error);

/* Changes the organisation profile; the ISMS owner is a person of the
 * workspace, recorded by name in the history. */
gboolean       stw_workspace_update_organisation (StwWorkspace *self,
                                                 const char    *name,
                                                 const char    *scope,
                                                 gint64         isms_owner_id,
                                                 guint          cycle_start_month,
                                                 guint          risk_threshold,
                                                 GError       **error);

/* For the domains' history entries: the name of person @id, NULL for 0 or
 * someone not in the workspace. */
const char    *_stw_workspace_person_name       (StwWorkspace  *self,
                                                 gint64         id);
/* Re-reads the people (stw_workspace_create() fills them in itself). */
void           _stw_people_reload               (StwWorkspace  *self);
/* Adds the people to the store's domains; once, from stw_core_init(). */
void           _stw_people_init                 (void);

G_END_DECLS
