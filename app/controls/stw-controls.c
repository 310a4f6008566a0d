/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-controls.c: lookup and a list model over the Annex A catalogue
 * (the table itself is data/annex-a-2022.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-controls.h"

extern const StwControl _stw_annex_a_2022[];
extern const guint _stw_annex_a_2022_count;

guint
stw_controls_get_count (void)
{
  return _stw_annex_a_2022_count;
}

const StwControl *
stw_controls_get (guint index)
{
  g_return_val_if_fail (index < _stw_annex_a_2022_count, NULL);
  return &_stw_annex_a_2022[index];
}

const StwControl *
stw_controls_find (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < _stw_annex_a_2022_count; i++)
    if (strcmp (_stw_annex_a_2022[i].id, id) == 0)
      return &_stw_annex_a_2022[i];
  return NULL;
}

const char *
stw_control_get_title (const StwControl *control)
{
  g_return_val_if_fail (control != NULL, NULL);
  return _(control->title);
}

const char *
stw_control_get_theme (const StwControl *control)
{
  g_return_val_if_fail (control != NULL, NULL);

  switch (control->id[2])
    {
    case '5': return _("Organisational");
    case '6': return _("People");
    case '7': return _("Physical");
    case '8': return _("Technological");
    default:  g_return_val_if_reached (NULL);
    }
}

struct _StwControlItem
{
  GObject           parent_instance;
  const StwControl *control;
  char             *search_text;
};

G_DEFINE_FINAL_TYPE (StwControlItem, stw_control_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_THEME,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stw_control_item_finalize (GObject *object)
{
  g_free (STW_CONTROL_ITEM (object)->search_text);
  G_OBJECT_CLASS (stw_control_item_parent_class)->finalize (object);
}

static void
stw_control_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StwControlItem *self = STW_CONTROL_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:          g_value_set_string (value, self->control->id); break;
    case PROP_TITLE:       g_value_set_string (value, stw_control_get_title (self->control)); break;
    case PROP_THEME:       g_value_set_string (value, stw_control_get_theme (self->control)); break;
    case PROP_SEARCH_TEXT: g_value_set_string (value, self->search_text); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_control_item_class_init (StwControlItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = stw_control_item_finalize;
  object_class->get_property = stw_control_item_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_THEME] = g_param_spec_string ("theme", NULL, NULL, NULL, flags);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_control_item_init (StwControlItem *self)
{
}

GListModel *
stw_controls_list (void)
{
  static GListStore *store;

  if (g_once_init_enter (&store))
    {
      GListStore *s = g_list_store_new (STW_TYPE_CONTROL_ITEM);

      for (guint i = 0; i < _stw_annex_a_2022_count; i++)
        {
          StwControlItem *item = g_object_new (STW_TYPE_CONTROL_ITEM, NULL);

          item->control = &_stw_annex_a_2022[i];
          /* "5.15" as well as "A.5.15", so people can type either. */
          item->search_text = g_strdup_printf ("%s %s %s", item->control->id, item->control->id + 2,
                                               stw_control_get_title (item->control));
          g_list_store_append (s, item);
          g_object_unref (item);
        }
      g_once_init_leave (&store, s);
    }
  return G_LIST_MODEL (store);
}

const char *
stw_control_item_get_id (StwControlItem *self)
{
  g_return_val_if_fail (STW_IS_CONTROL_ITEM (self), NULL);
  return self->control->id;
}

const char *
stw_control_item_get_title (StwControlItem *self)
{
  g_return_val_if_fail (STW_IS_CONTROL_ITEM (self), NULL);
  return stw_control_get_title (self->control);
}
