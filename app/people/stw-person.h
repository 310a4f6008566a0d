/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-person.h: someone who owns things in a workspace.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STW_TYPE_PERSON (stw_person_get_type ())
G_DECLARE_FINAL_TYPE (StwPerson, stw_person, STW, PERSON, GObject)

StwPerson  *stw_person_new        (gint64      id,
                                   const char *name,
                                   const char *role,
                                   const char *email,
                                   gboolean    active);
gint64      stw_person_get_id     (StwPerson *self);
const char *stw_person_get_name   (StwPerson *self);
const char *stw_person_get_role   (StwPerson *self);
const char *stw_person_get_email  (StwPerson *self);
gboolean    stw_person_get_active (StwPerson *self);

G_END_DECLS
