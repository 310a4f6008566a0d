/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-owner-row.c: the people chooser of the editors. It offers the active
 * people only, but keeps the person a record already names even after they
 * have left, so that opening and saving a record never drops its owner. It
 * refills itself when the workspace's people change, keeping the choice.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-owner-row.h"
#include "stw-person.h"

struct _StwOwnerRow
{
  AdwComboRow    parent_instance;

  StwWorkspace  *workspace;
  GtkStringList *names;
  GArray        *ids;            /* gint64 per row of names */
  char          *none_label;
  gboolean       keep_unknown;
  guint          filling;        /* > 0 while the rows or choice are set from code */
};

G_DEFINE_FINAL_TYPE (StwOwnerRow, stw_owner_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_NONE_LABEL,
  PROP_KEEP_UNKNOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
fill (StwOwnerRow *self,
      gint64       keep_id)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 nobody = 0;
  gboolean kept = keep_id == 0;

  self->filling++;

  g_array_set_size (self->ids, 0);
  g_ptr_array_add (names, g_strdup (self->none_label != NULL ? self->none_label : _("No owner")));
  g_array_append_val (self->ids, nobody);

  if (self->workspace != NULL)
    {
      GListModel *people = stw_workspace_get_people (self->workspace);

      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(StwPerson) person = g_list_model_get_item (people, i);
          gint64 id = stw_person_get_id (person);
          gboolean active = stw_person_get_active (person);

          if (!active && id != keep_id)
            continue;

          kept = kept || id == keep_id;
          g_array_append_val (self->ids, id);
          if (active)
            g_ptr_array_add (names, g_strdup (stw_person_get_name (person)));
          else
            /* Translators: a person who is no longer active; %s is a name. */
            g_ptr_array_add (names, g_strdup_printf (_("%s (inactive)"), stw_person_get_name (person)));
        }
    }
  /* Not a person of this workspace (or no workspace yet): still saved back
   * as it came. */
  if (!kept && self->keep_unknown)
    {
      g_array_append_val (self->ids, keep_id);
      g_ptr_array_add (names, g_strdup (_("Someone not in this workspace")));
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)),
                          (const char * const *) names->pdata);
  stw_owner_row_select_owner (self, keep_id);

  self->filling--;
}

/* Callbacks */

static void
selected_changed_cb (StwOwnerRow *self)
{
  if (self->filling == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
people_changed_cb (StwOwnerRow *self)
{
  fill (self, stw_owner_row_get_owner_id (self));
}

/* Overrides */

static void
stw_owner_row_dispose (GObject *object)
{
  StwOwnerRow *self = STW_OWNER_ROW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, people_changed_cb, self);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_owner_row_parent_class)->dispose (object);
}

static void
stw_owner_row_finalize (GObject *object)
{
  StwOwnerRow *self = STW_OWNER_ROW (object);

  g_clear_object (&self->names);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->none_label, g_free);

  G_OBJECT_CLASS (stw_owner_row_parent_class)->finalize (object);
}

static void
stw_owner_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StwOwnerRow *self = STW_OWNER_ROW (object);

  switch (prop_id)
    {
    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;

    case PROP_KEEP_UNKNOWN:
      g_value_set_boolean (value, self->keep_unknown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_owner_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  StwOwnerRow *self = STW_OWNER_ROW (object);

  switch (prop_id)
    {
    case PROP_NONE_LABEL:
      g_free (self->none_label);
      self->none_label = g_value_dup_string (value);
      break;

    case PROP_KEEP_UNKNOWN:
      self->keep_unknown = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_owner_row_constructed (GObject *object)
{
  StwOwnerRow *self = STW_OWNER_ROW (object);

  G_OBJECT_CLASS (stw_owner_row_parent_class)->constructed (object);

  /* The first row's text is known only now. */
  fill (self, 0);
}

static void
stw_owner_row_class_init (StwOwnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_owner_row_dispose;
  object_class->finalize = stw_owner_row_finalize;
  object_class->get_property = stw_owner_row_get_property;
  object_class->set_property = stw_owner_row_set_property;
  object_class->constructed = stw_owner_row_constructed;

  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEEP_UNKNOWN] =
    g_param_spec_boolean ("keep-unknown", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
stw_owner_row_init (StwOwnerRow *self)
{
  self->ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->names = gtk_string_list_new (NULL);

  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->names));
  g_signal_connect (self, "notify::selected", G_CALLBACK (selected_changed_cb), NULL);
}

/* Public API */

GtkWidget *
stw_owner_row_new (void)
{
  return g_object_new (STW_TYPE_OWNER_ROW, NULL);
}

void
stw_owner_row_set_workspace (StwOwnerRow  *self,
                             StwWorkspace *workspace)
{
  gint64 owner_id;

  g_return_if_fail (STW_IS_OWNER_ROW (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  owner_id = stw_owner_row_get_owner_id (self);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, people_changed_cb, self);

  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    g_signal_connect_object (workspace, "people-changed",
                             G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);

  fill (self, owner_id);
}

gint64
stw_owner_row_get_owner_id (StwOwnerRow *self)
{
  guint selected;

  g_return_val_if_fail (STW_IS_OWNER_ROW (self), 0);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, selected);
}

void
stw_owner_row_set_owner_id (StwOwnerRow *self,
                            gint64       owner_id)
{
  g_return_if_fail (STW_IS_OWNER_ROW (self));

  fill (self, owner_id);
}

void
stw_owner_row_select_owner (StwOwnerRow *self,
                            gint64       owner_id)
{
  guint position = 0;

  g_return_if_fail (STW_IS_OWNER_ROW (self));

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == owner_id)
      {
        position = i;
        break;
      }

  self->filling++;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  self->filling--;
}
