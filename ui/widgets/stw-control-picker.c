/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-control-picker.c: the Annex A control picker. The catalogue is the
 * core's one list model; a string filter over each control's
 * "search-text" (identifier and title) narrows it as the person types.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-control-picker.h"
#include "stw-controls.h"

struct _StwControlPicker
{
  GtkPopover          parent_instance;

  GtkStringFilter    *filter;
  GtkFilterListModel *matches;
  GStrv               chosen;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list;
};

G_DEFINE_FINAL_TYPE (StwControlPicker, stw_control_picker, GTK_TYPE_POPOVER)

enum {
  CONTROL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
is_chosen (StwControlPicker *self,
           const char       *id)
{
  return self->chosen != NULL && g_strv_contains ((const char * const *) self->chosen, id);
}

static void
update_page (StwControlPicker *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->matches)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/* Callbacks */

static void
popover_shown_cb (StwControlPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (StwControlPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  gtk_string_filter_set_search (self->filter, stripped[0] != '\0' ? stripped : NULL);
}

static void
search_activated_cb (StwControlPicker *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0)
    stw_control_picker_choose (self, 0);
}

static void
stop_search_cb (StwControlPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
list_activated_cb (StwControlPicker *self,
                   guint             position)
{
  stw_control_picker_choose (self, position);
}

static void
matches_changed_cb (StwControlPicker *self)
{
  update_page (self);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StwControlPicker         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *id = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_label_set_width_chars (GTK_LABEL (id), 7);
  gtk_widget_add_css_class (id, "control-id");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);

  gtk_box_append (GTK_BOX (box), id);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bound_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StwControlPicker         *self)
{
  StwControlItem *control = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *id = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (id);
  GtkWidget *check = gtk_widget_get_next_sibling (title);
  gboolean chosen = is_chosen (self, stw_control_item_get_id (control));
  g_autofree char *name = NULL;

  gtk_label_set_label (GTK_LABEL (id), stw_control_item_get_id (control));
  gtk_label_set_label (GTK_LABEL (title), stw_control_item_get_title (control));
  gtk_widget_set_visible (check, chosen);

  if (chosen)
    /* Translators: a control in the picker that the item already links. */
    name = g_strdup_printf (_("%s %s, linked"), stw_control_item_get_id (control),
                            stw_control_item_get_title (control));
  else
    name = g_strdup_printf ("%s %s", stw_control_item_get_id (control),
                            stw_control_item_get_title (control));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Overrides */

static void
stw_control_picker_dispose (GObject *object)
{
  StwControlPicker *self = STW_CONTROL_PICKER (object);

  if (self->matches != NULL)
    g_signal_handlers_disconnect_by_data (self->matches, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_CONTROL_PICKER);

  g_clear_object (&self->matches);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->chosen, g_strfreev);

  G_OBJECT_CLASS (stw_control_picker_parent_class)->dispose (object);
}

static void
stw_control_picker_class_init (StwControlPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_control_picker_dispose;

  signals[CONTROL_CHOSEN] =
    g_signal_new ("control-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-control-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, StwControlPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StwControlPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, StwControlPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
}

static void
stw_control_picker_init (StwControlPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  expression = gtk_property_expression_new (STW_TYPE_CONTROL_ITEM, NULL, "search-text");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);

  self->matches = gtk_filter_list_model_new (g_object_ref (stw_controls_list ()),
                                             GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (self->matches, "items-changed",
                           G_CALLBACK (matches_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (row_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bound_cb), self, 0);
  gtk_list_view_set_factory (self->list, factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->matches)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));

  update_page (self);
}

/* Public API */

GtkWidget *
stw_control_picker_new (void)
{
  return g_object_new (STW_TYPE_CONTROL_PICKER, NULL);
}

void
stw_control_picker_set_chosen (StwControlPicker   *self,
                               const char * const *ids)
{
  g_return_if_fail (STW_IS_CONTROL_PICKER (self));

  g_strfreev (self->chosen);
  self->chosen = g_strdupv ((char **) ids);

  /* Rebind the visible rows so their ticks follow. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
stw_control_picker_set_search (StwControlPicker *self,
                               const char       *text)
{
  g_return_if_fail (STW_IS_CONTROL_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Not waiting for the entry's typing delay. */
  search_changed_cb (self);
}

GListModel *
stw_control_picker_get_matches (StwControlPicker *self)
{
  g_return_val_if_fail (STW_IS_CONTROL_PICKER (self), NULL);

  return G_LIST_MODEL (self->matches);
}

void
stw_control_picker_choose (StwControlPicker *self,
                           guint             position)
{
  g_autoptr(StwControlItem) control = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (STW_IS_CONTROL_PICKER (self));

  control = g_list_model_get_item (G_LIST_MODEL (self->matches), position);
  if (control == NULL)
    return;

  id = g_strdup (stw_control_item_get_id (control));
  gtk_popover_popdown (GTK_POPOVER (self));
  if (!is_chosen (self, id))
    g_signal_emit (self, signals[CONTROL_CHOSEN], 0, id);
}
