/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream.c: one workstream and its live open/overdue counts.
 */
#include "config.h"

#include "stw-enums.h"
#include "stw-workstream.h"

struct _StwWorkstream
{
  GObject            parent_instance;
  gint64             id;
  StwWorkstreamKind  kind;
  char              *name;
  char              *prefix;
  gint64             owner_id;
  char              *colour;
  gboolean           require_evidence;
  guint              open_count;
  guint              overdue_count;
};

G_DEFINE_FINAL_TYPE (StwWorkstream, stw_workstream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_PREFIX,
  PROP_OWNER_ID,
  PROP_OPEN_COUNT,
  PROP_OVERDUE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stw_workstream_finalize (GObject *object)
{
  StwWorkstream *self = (StwWorkstream *) object;

  g_free (self->name);
  g_free (self->prefix);
  g_free (self->colour);

  G_OBJECT_CLASS (stw_workstream_parent_class)->finalize (object);
}

static void
stw_workstream_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StwWorkstream *self = STW_WORKSTREAM (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_int64 (value, self->id); break;
    case PROP_KIND:          g_value_set_enum (value, self->kind); break;
    case PROP_NAME:          g_value_set_string (value, self->name); break;
    case PROP_PREFIX:        g_value_set_string (value, self->prefix); break;
    case PROP_OWNER_ID:      g_value_set_int64 (value, self->owner_id); break;
    case PROP_OPEN_COUNT:    g_value_set_uint (value, self->open_count); break;
    case PROP_OVERDUE_COUNT: g_value_set_uint (value, self->overdue_count); break;
    default:                 G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_workstream_class_init (StwWorkstreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stw_workstream_finalize;
  object_class->get_property = stw_workstream_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, STW_TYPE_WORKSTREAM_KIND, STW_WORKSTREAM_CUSTOM,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_COUNT] =
    g_param_spec_uint ("open-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE_COUNT] =
    g_param_spec_uint ("overdue-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_workstream_init (StwWorkstream *self)
{
}

StwWorkstream *
_stw_workstream_new (gint64             id,
                     StwWorkstreamKind  kind,
                     const char        *name,
                     const char        *prefix,
                     gint64             owner_id)
{
  StwWorkstream *self = g_object_new (STW_TYPE_WORKSTREAM, NULL);

  self->id = id;
  self->kind = kind;
  self->name = g_strdup (name);
  self->prefix = g_strdup (prefix);
  self->owner_id = owner_id;

  return self;
}

void
_stw_workstream_set_details (StwWorkstream *self,
                             const char    *colour,
                             gboolean       require_evidence)
{
  g_return_if_fail (STW_IS_WORKSTREAM (self));

  g_free (self->colour);
  self->colour = g_strdup (colour);
  self->require_evidence = !!require_evidence;
}

void
_stw_workstream_set_name_owner (StwWorkstream *self,
                                const char    *name,
                                gint64         owner_id)
{
  g_return_if_fail (STW_IS_WORKSTREAM (self));

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  if (self->owner_id != owner_id)
    {
      self->owner_id = owner_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
    }
}

const char *
stw_workstream_get_colour (StwWorkstream *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (self), NULL);
  return self->colour;
}

gboolean
stw_workstream_get_require_evidence (StwWorkstream *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (self), FALSE);
  return self->require_evidence ||
         self->kind == STW_WORKSTREAM_TREATMENT ||
         self->kind == STW_WORKSTREAM_CORRECTIVE;
}

void
_stw_workstream_set_counts (StwWorkstream *self,
                            guint          open_count,
                            guint          overdue_count)
{
  g_return_if_fail (STW_IS_WORKSTREAM (self));

  if (self->open_count != open_count)
    {
      self->open_count = open_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_COUNT]);
    }
  if (self->overdue_count != overdue_count)
    {
      self->overdue_count = overdue_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_COUNT]);
    }
}

gint64
stw_workstream_get_id (StwWorkstream *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (self), 0);
  return self->id;
}

StwWorkstreamKind
stw_workstream_get_kind (StwWorkstream *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (self), STW_WORKSTREAM_CUSTOM);
  return self->kind;
}

const char *
stw_workstream_get_name (StwWorkstream *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (self), NULL);
  return self->name;
}

const char *
stw_workstream_get_prefix (StwWorkstream *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (self), NULL);
  return self->prefix;
}

gint64
stw_workstream_get_owner_id (StwWorkstream *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (self), 0);
  return self->owner_id;
}

guint
stw_workstream_get_open_count (StwWorkstream *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (self), 0);
  return self->open_count;
}

guint
stw_workstream_get_overdue_count (StwWorkstream *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (self), 0);
  return self->overdue_count;
}
