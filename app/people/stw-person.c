/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-person.c: someone who owns things in a workspace.
 */
#include "config.h"

#include "stw-person.h"

struct _StwPerson
{
  GObject   parent_instance;
  gint64    id;
  char     *name;
  char     *role;
  char     *email;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (StwPerson, stw_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stw_person_finalize (GObject *object)
{
  StwPerson *self = (StwPerson *) object;

  g_free (self->name);
  g_free (self->role);
  g_free (self->email);

  G_OBJECT_CLASS (stw_person_parent_class)->finalize (object);
}

static void
stw_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StwPerson *self = STW_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:     g_value_set_int64 (value, self->id); break;
    case PROP_NAME:   g_value_set_string (value, self->name); break;
    case PROP_ROLE:   g_value_set_string (value, self->role); break;
    case PROP_EMAIL:  g_value_set_string (value, self->email); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_person_class_init (StwPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stw_person_finalize;
  object_class->get_property = stw_person_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_person_init (StwPerson *self)
{
  self->active = TRUE;
}

StwPerson *
stw_person_new (gint64      id,
                const char *name,
                const char *role,
                const char *email,
                gboolean    active)
{
  StwPerson *self = g_object_new (STW_TYPE_PERSON, NULL);

  self->id = id;
  self->name = g_strdup (name ? name : "");
  self->role = g_strdup (role ? role : "");
  self->email = g_strdup (email ? email : "");
  self->active = !!active;

  return self;
}

gint64
stw_person_get_id (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), 0);
  return self->id;
}

const char *
stw_person_get_name (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), NULL);
  return self->name;
}

const char *
stw_person_get_role (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), NULL);
  return self->role;
}

const char *
stw_person_get_email (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), NULL);
  return self->email;
}

gboolean
stw_person_get_active (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), FALSE);
  return self->active;
}
