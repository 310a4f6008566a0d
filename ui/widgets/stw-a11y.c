/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-a11y.c: names for what a screen reader would otherwise hear as a
 * class name. GTK 4.8 reads an unnamed widget's type ("GtkListItemWidget",
 * "AdwViewSwitcher"), and some unnamed widgets are made inside GTK's and
 * libadwaita's own widgets, where no template of ours reaches. One hook on
 * "map" names them as they are shown, wherever they are, so each page
 * need not remember to.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "stw-a11y.h"

#define COMBO_DONE "stw-a11y-combo"
#define WRAPPER_LABEL "stw-a11y-wrapper-label"
#define WRAPPER_HOOKED "stw-a11y-wrapper-hooked"
#define MNEMONIC_HOOKED "stw-a11y-mnemonic-hooked"

/* Helpers */

static gboolean
is_wrapper (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_CELL:
      return TRUE;

    default:
      return FALSE;
    }
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  if (label == NULL || *label == '\0')
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Every descendant of @root of @type, depth first, popovers included. */
static void
label_descendants (GtkWidget  *root,
                   GType       type,
                   const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        set_label (child, label);
      label_descendants (child, type, label);
    }
}

/* Callbacks */

static void
child_parent_changed_cb (GtkWidget *child)
{
  GtkWidget *parent = gtk_widget_get_parent (child);

  if (parent != NULL && is_wrapper (parent))
    set_label (parent, g_object_get_data (G_OBJECT (child), WRAPPER_LABEL));
}

/* The first label's text below @widget. */
static const char *
find_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = find_label_text (child);

      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

/* Each choice of a combo row's popover reads as its label. */
static void
name_list_items (GtkWidget *list)
{
  for (GtkWidget *item = gtk_widget_get_first_child (list);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    if (is_wrapper (item))
      set_label (item, find_label_text (item));
}

static void
name_combo_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    name_list_items (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_combo_list (child);
}

static void
combo_popover_shown_cb (GtkWidget   *popover,
                        AdwComboRow *row)
{
  name_combo_list (popover);
}

static gboolean
rename_combo_idle_cb (gpointer user_data)
{
  name_combo_list (GTK_WIDGET (user_data));
  return G_SOURCE_REMOVE;
}

/* The list makes its items anew when the choices change (the owners of a
 * new workspace, the statuses of another item): named once it has. */
static void
combo_choices_changed_cb (AdwComboRow *row)
{
  g_idle_add_full (G_PRIORITY_LOW, rename_combo_idle_cb, g_object_ref (row), g_object_unref);
}

static void
combo_model_changed_cb (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);

  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (combo_choices_changed_cb), row,
                             G_CONNECT_SWAPPED);
  combo_choices_changed_cb (row);
}

static void
watch_popovers (GtkWidget   *widget,
                AdwComboRow *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        g_signal_connect_object (child, "show", G_CALLBACK (combo_popover_shown_cb), row, 0);
      watch_popovers (child, row);
    }
}

static void
name_combo_row (AdwComboRow *row)
{
  /* The popover's list reads as the row's title, its choices as their
   * labels: named now, and again whenever the popover opens, since the
   * list makes its items anew when the choices change. */
  label_descendants (GTK_WIDGET (row), GTK_TYPE_LIST_VIEW,
                     adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  name_combo_list (GTK_WIDGET (row));

  if (g_object_get_data (G_OBJECT (row), COMBO_DONE) != NULL)
    return;
  g_object_set_data (G_OBJECT (row), COMBO_DONE, GINT_TO_POINTER (TRUE));
  watch_popovers (GTK_WIDGET (row), row);
  g_signal_connect (row, "notify::model", G_CALLBACK (combo_model_changed_cb), NULL);
  /* The row shows its choice in a list of one item (a slice of the
   * choices), and that item is made anew whenever the choice changes. */
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_choices_changed_cb), NULL);
  combo_model_changed_cb (row);
}

static gboolean
is_search_results (GtkWidget *list)
{
  GtkWidget *page = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_PAGE);

  return page != NULL
         && GTK_IS_STACK (gtk_widget_get_parent (page))
         && gtk_widget_get_ancestor (page, ADW_TYPE_PREFERENCES_WINDOW) != NULL;
}

/* A group with a title already names its list (as "labelled by" the
 * title; a label as well would be read after it). A group without one
 * leaves the list to its class name: it reads as its first row. */
static void
name_list_box (GtkWidget *list)
{
  GtkWidget *parent = gtk_widget_get_parent (list);
  GtkWidget *group = parent != NULL ? gtk_widget_get_ancestor (parent, ADW_TYPE_PREFERENCES_GROUP) : NULL;
  GtkWidget *row = gtk_widget_get_first_child (list);
  GtkWidget *expander = gtk_widget_get_ancestor (list, ADW_TYPE_EXPANDER_ROW);
  const char *title;

  /* A preferences window's own list of search results. libadwaita 1.2
   * puts it in a group of a page of its own, a page of a plain stack
   * (the pages a window is given are in a view stack), and, empty until
   * a search, it has no first row to be named after. */
  if (is_search_results (list))
    {
      set_label (list, _("Search results"));
      return;
    }
  /* An expander row's list of its own rows reads as the row. */
  if (expander != NULL)
    {
      set_label (list, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)));
      return;
    }
  /* Only the group's own list, not one inside one of its rows. */
  if (group == NULL || gtk_widget_get_ancestor (parent, GTK_TYPE_LIST_BOX) != NULL)
    return;
  title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
  if (title != NULL && *title != '\0')
    return;
  if (row != NULL && ADW_IS_PREFERENCES_ROW (row))
    set_label (list, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

/* A button (or check button) whose label has a mnemonic is "labelled
 * by" that label, which reads "Cancel". GTK 4.8 also sets the raw text
 * ("_Cancel") as the button's label property, and a screen reader reads
 * both: "_Cancel Cancel". The label names the button; the property goes,
 * now and whenever the label is set again. */
static gboolean
is_named_by_own_mnemonic (GtkWidget *button)
{
  for (GtkWidget *child = gtk_widget_get_first_child (button);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_label_get_mnemonic_widget (GTK_LABEL (child)) == button)
      return TRUE;
  return FALSE;
}

static void
mnemonic_label_changed_cb (GtkWidget *button)
{
  if (is_named_by_own_mnemonic (button))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
name_mnemonic_button (GtkWidget *button)
{
  mnemonic_label_changed_cb (button);
  if (g_object_get_data (G_OBJECT (button), MNEMONIC_HOOKED) != NULL)
    return;
  g_object_set_data (G_OBJECT (button), MNEMONIC_HOOKED, GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "notify::label", G_CALLBACK (mnemonic_label_changed_cb), NULL);
  g_signal_connect (button, "notify::use-underline", G_CALLBACK (mnemonic_label_changed_cb), NULL);
}

/* A menu made from a menu model reads as the button that opens it. */
static void
name_popover_menu (GtkWidget *menu)
{
  GtkWidget *button = gtk_widget_get_ancestor (menu, GTK_TYPE_MENU_BUTTON);
  const char *name = button != NULL ? gtk_widget_get_tooltip_text (button) : NULL;

  /* Translators: what a screen reader calls a menu that has no name of
   * its own. */
  set_label (menu, name != NULL && *name != '\0' ? name : _("Menu"));
}

/* GTK 4.8 names neither a column view's header row nor its column
 * titles, so a screen reader hears "GtkListItemWidget" for the row: the
 * row reads as what it is, each title as its column. */
static void
name_column_headers (GtkWidget *view)
{
  GtkWidget *header = gtk_widget_get_first_child (view);

  if (header == NULL || !is_wrapper (header))
    return;
  /* Translators: what a screen reader calls a table's row of column
   * titles. */
  set_label (header, _("Column headers"));
  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL;
       title = gtk_widget_get_next_sibling (title))
    set_label (title, find_label_text (title));
}

static void
name_widget (GtkWidget *widget)
{
  if (ADW_IS_COMBO_ROW (widget))
    name_combo_row (ADW_COMBO_ROW (widget));
  else if (GTK_IS_COLUMN_VIEW (widget))
    name_column_headers (widget);
  else if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    name_mnemonic_button (widget);
  else if (GTK_IS_POPOVER_MENU (widget))
    name_popover_menu (widget);
  else if (GTK_IS_COLOR_BUTTON (widget) && GTK_IS_BUTTON (gtk_widget_get_first_child (widget)))
    /* A colour button is a button inside a widget: the row names the
     * outer one, the inner one (what is clicked) has no name of its own.
     * It reads as the colour chooser it opens. */
    set_label (gtk_widget_get_first_child (widget), gtk_color_button_get_title (GTK_COLOR_BUTTON (widget)));
  else if (ADW_IS_VIEW_SWITCHER (widget))
    /* Translators: what a screen reader calls the Board, Calendar and
     * List switcher. */
    set_label (widget, _("Views"));
  else if (GTK_IS_LIST_BOX (widget))
    name_list_box (widget);
  else if (GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW) != NULL)
    /* A preferences window's own search. */
    set_label (widget, _("Search"));
}

static void
name_descendants (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      name_widget (child);
      name_descendants (child);
    }
}

/* A widget is named when it is shown. GTK 4.8 also reports the pages of a
 * stack that are not shown, so when a window is shown, everything in it is
 * named at once. */
static gboolean
widget_mapped_cb (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  name_widget (widget);
  if (GTK_IS_WINDOW (widget))
    name_descendants (widget);

  return TRUE;
}

/* Public API */

void
stw_a11y_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  widget_mapped_cb, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

void
stw_a11y_label_wrapper (GtkWidget  *child,
                        const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (child));

  /* A list may bind the child before it puts it in its wrapper: the name
   * is kept and given to whichever wrapper the child is put in. */
  g_object_set_data_full (G_OBJECT (child), WRAPPER_LABEL, g_strdup (label), g_free);
  if (g_object_get_data (G_OBJECT (child), WRAPPER_HOOKED) == NULL)
    {
      g_object_set_data (G_OBJECT (child), WRAPPER_HOOKED, GINT_TO_POINTER (TRUE));
      g_signal_connect (child, "notify::parent", G_CALLBACK (child_parent_changed_cb), NULL);
    }
  child_parent_changed_cb (child);
}
