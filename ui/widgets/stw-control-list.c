/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-control-list.c: the linked Annex A controls of a record. The group
 * keeps the ids shown in the form; the editor reads them back when it
 * builds the edited record, so linking and unlinking are edits like any
 * other and go through the editor's save and undo.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-control-list.h"
#include "stw-control-picker.h"
#include "stw-controls.h"

struct _StwControlList
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *ids;      /* char *, the Annex A ids linked in the form */

  StwControlPicker    *control_picker;
  GtkListBox          *controls_list;
};

G_DEFINE_FINAL_TYPE (StwControlList, stw_control_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void remove_clicked_cb (StwControlList *self,
                               GtkButton      *button);

static GtkWidget *
new_control_row (StwControlList *self,
                 const char     *id)
{
  const StwControl *control = stw_controls_find (id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *remove_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), id);
  if (control != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), stw_control_get_title (control));
  gtk_widget_add_css_class (row, "control-row");

  /* Translators: a button that unlinks a control; %s is its id. */
  remove_label = g_strdup_printf (_("Unlink %s"), id);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "control-id", g_strdup (id), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
rebuild_rows (StwControlList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->controls_list))) != NULL)
    gtk_list_box_remove (self->controls_list, child);

  for (guint i = 0; i < self->ids->len; i++)
    gtk_list_box_append (self->controls_list, new_control_row (self, g_ptr_array_index (self->ids, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->controls_list), self->ids->len > 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         self->ids->len == 0 ? _("None linked yet.") : NULL);

  g_ptr_array_add (self->ids, NULL);
  stw_control_picker_set_chosen (self->control_picker, (const char * const *) self->ids->pdata);
  g_ptr_array_remove_index (self->ids, self->ids->len - 1);
}

/* Callbacks */

static void
control_chosen_cb (StwControlList *self,
                   const char     *id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->ids, i), id))
      return;

  g_ptr_array_add (self->ids, g_strdup (id));
  /* Sorted, as records store them. */
  g_ptr_array_sort (self->ids, compare_strings);
  rebuild_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (StwControlList *self,
                   GtkButton      *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "control-id");

  for (guint i = 0; i < self->ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->ids, i), id) == 0)
      {
        g_ptr_array_remove_index (self->ids, i);
        break;
      }

  /* The row holding @button goes away: focus must not go with it. */
  gtk_widget_grab_focus (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (self)));
  rebuild_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Overrides */

static void
stw_control_list_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STW_TYPE_CONTROL_LIST);

  G_OBJECT_CLASS (stw_control_list_parent_class)->dispose (object);
}

static void
stw_control_list_finalize (GObject *object)
{
  StwControlList *self = STW_CONTROL_LIST (object);

  g_clear_pointer (&self->ids, g_ptr_array_unref);

  G_OBJECT_CLASS (stw_control_list_parent_class)->finalize (object);
}

static void
stw_control_list_class_init (StwControlListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_control_list_dispose;
  object_class->finalize = stw_control_list_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (STW_TYPE_CONTROL_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-control-list.ui");
  gtk_widget_class_bind_template_child (widget_class, StwControlList, control_picker);
  gtk_widget_class_bind_template_child (widget_class, StwControlList, controls_list);
  gtk_widget_class_bind_template_callback (widget_class, control_chosen_cb);
}

static void
stw_control_list_init (StwControlList *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  rebuild_rows (self);
}

/* Public API */

GtkWidget *
stw_control_list_new (void)
{
  return g_object_new (STW_TYPE_CONTROL_LIST, NULL);
}

void
stw_control_list_set_controls (StwControlList     *self,
                               const char * const *ids)
{
  g_return_if_fail (STW_IS_CONTROL_LIST (self));

  g_ptr_array_set_size (self->ids, 0);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (self->ids, g_strdup (ids[i]));

  rebuild_rows (self);
}

GStrv
stw_control_list_dup_controls (StwControlList *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (STW_IS_CONTROL_LIST (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->ids, i));

  return g_strv_builder_end (builder);
}
