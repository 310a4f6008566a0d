/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-objective-pane.c: one objective and the KPIs that measure it (see
 * stw-objective-pane.h). A KPI names its objective, so the linked KPIs
 * are listed here and changed on the KPI.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-date-row.h"
#include "stw-objective-pane.h"
#include "stw-owner-row.h"
#include "stw-pane.h"
#include "stw-records-undo.h"
#include "stw-text-util.h"

struct _StwObjectivePane
{
  GtkWidget     parent_instance;

  StwWorkspace *workspace;
  StwUndoStack *undo;
  StwObjective *objective;
  gboolean      modified;
  guint         loading;

  GtkWidget    *back_button;
  GtkWidget    *close_button;
  GtkLabel     *title_label;
  GtkLabel     *error_label;
  AdwEntryRow  *title_row;
  AdwEntryRow  *description_row;
  StwOwnerRow  *owner_row;
  StwDateRow   *date_row;
  AdwComboRow  *status_row;
  GtkWidget    *kpis_group;
  GtkListBox   *kpi_list;
};

G_DEFINE_FINAL_TYPE (StwObjectivePane, stw_objective_pane, GTK_TYPE_WIDGET)

enum {
  CLOSE_REQUESTED,
  CHANGED,
  ERROR,
  KPI_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
show_error (StwObjectivePane *self,
            GtkWidget        *row,
            const char       *message)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  if (message != NULL)
    g_signal_emit (self, signals[ERROR], 0, message);
}

static void
fill_kpis (StwObjectivePane *self)
{
  g_autoptr(GListModel) kpis = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_list))) != NULL)
    gtk_list_box_remove (self->kpi_list, child);
  if (self->workspace != NULL && self->objective != NULL && stw_objective_get_id (self->objective) != 0)
    kpis = stw_workspace_list_kpis_of_objective (self->workspace, stw_objective_get_id (self->objective), NULL);
  n = kpis != NULL ? g_list_model_get_n_items (kpis) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwKpi) kpi = g_list_model_get_item (kpis, i);
      g_autofree char *title = g_strdup_printf ("%s  %s", stw_kpi_get_ref (kpi), stw_kpi_get_name (kpi));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *tag = gtk_label_new (stw_kpi_status_label (stw_kpi_get_status (kpi)));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "kpi-tag");
      gtk_widget_add_css_class (tag, stw_kpi_status_to_key (stw_kpi_get_status (kpi)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "stw-kpi-id", GINT_TO_POINTER ((int) stw_kpi_get_id (kpi)));
      gtk_list_box_append (self->kpi_list, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No KPI measures this objective yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Choose this objective on a KPI to link them."));
      gtk_list_box_append (self->kpi_list, row);
    }
}

static void
show_fields (StwObjectivePane *self)
{
  StwObjective *o = self->objective;
  gboolean stored = o != NULL && stw_objective_get_id (o) != 0;
  g_autofree char *title = NULL;

  self->loading++;
  stw_editable_set_value (GTK_EDITABLE (self->title_row), o != NULL ? stw_objective_get_title (o) : NULL);
  stw_editable_set_value (GTK_EDITABLE (self->description_row), o != NULL ? stw_objective_get_description (o) : NULL);
  stw_owner_row_set_owner_id (self->owner_row, o != NULL ? stw_objective_get_owner_id (o) : 0);
  stw_date_row_set_date (self->date_row, o != NULL ? stw_objective_get_target_date (o) : NULL);
  adw_combo_row_set_selected (self->status_row, o != NULL ? stw_objective_get_status (o) : 0);
  self->loading--;

  self->modified = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  title = stored ? g_strdup_printf ("%s  %s", stw_objective_get_ref (o), stw_objective_get_title (o))
                 : g_strdup (_("New objective"));
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (self->kpis_group, stored);
  fill_kpis (self);
}

static GtkWidget *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return row;
}

/* Callbacks */

static void
field_changed_cb (StwObjectivePane *self)
{
  if (self->loading == 0)
    self->modified = TRUE;
}

static void
close_clicked_cb (StwObjectivePane *self)
{
  g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

static void
save_clicked_cb (StwObjectivePane *self)
{
  stw_objective_pane_save (self);
}

static void
kpi_row_activated_cb (StwObjectivePane *self,
                      GtkListBoxRow    *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "stw-kpi-id"));

  if (id != 0)
    g_signal_emit (self, signals[KPI_ACTIVATED], 0, id);
}

/* Overrides */

static void
stw_objective_pane_dispose (GObject *object)
{
  StwObjectivePane *self = STW_OBJECTIVE_PANE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);
  g_clear_object (&self->undo);
  g_clear_object (&self->objective);

  G_OBJECT_CLASS (stw_objective_pane_parent_class)->dispose (object);
}

static void
stw_objective_pane_class_init (StwObjectivePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_objective_pane_dispose;

  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[KPI_ACTIVATED] =
    g_signal_new ("kpi-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "objectivepane");
}

static void
stw_objective_pane_init (StwObjectivePane *self)
{
  GtkWidget *box, *header, *save, *scrolled, *clamp, *content, *group;
  AdwPreferencesGroup *fields;
  g_autoptr(GtkStringList) statuses = stw_string_list_new_labels ((const char *(*) (int)) stw_objective_status_label,
                                                                  STW_N_OBJECTIVE_STATUSES);

  gtk_widget_set_size_request (GTK_WIDGET (self), 360, -1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "toolbar");
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the list"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the list"), -1);
  gtk_widget_set_visible (self->back_button, FALSE);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (close_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), self->back_button);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title_label));
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_tooltip_text (save, _("Save the objective (Ctrl+S)"));
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), save);
  self->close_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_tooltip_text (self->close_button, _("Close (Escape)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close the objective"), -1);
  g_signal_connect_swapped (self->close_button, "clicked", G_CALLBACK (close_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), self->close_button);
  gtk_box_append (GTK_BOX (box), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));

  group = adw_preferences_group_new ();
  fields = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (fields, _("Objective"));
  self->title_row = ADW_ENTRY_ROW (add_entry_row (fields, _("Title")));
  self->description_row = ADW_ENTRY_ROW (add_entry_row (fields, _("Description")));
  self->owner_row = STW_OWNER_ROW (stw_owner_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->owner_row), _("Owner"));
  adw_preferences_group_add (fields, GTK_WIDGET (self->owner_row));
  self->date_row = STW_DATE_ROW (stw_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Target date"));
  adw_preferences_group_add (fields, GTK_WIDGET (self->date_row));
  self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_preferences_group_add (fields, GTK_WIDGET (self->status_row));
  gtk_box_append (GTK_BOX (content), group);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->description_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->owner_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (field_changed_cb), self);

  self->kpis_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->kpis_group), _("KPIs that measure it"));
  self->kpi_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->kpi_list), "boxed-list");
  gtk_list_box_set_selection_mode (self->kpi_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kpi_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("KPIs that measure it"), -1);
  g_signal_connect_swapped (self->kpi_list, "row-activated", G_CALLBACK (kpi_row_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->kpis_group), GTK_WIDGET (self->kpi_list));
  gtk_box_append (GTK_BOX (content), self->kpis_group);

  show_fields (self);
}

/* Public API */

GtkWidget *
stw_objective_pane_new (void)
{
  return g_object_new (STW_TYPE_OBJECTIVE_PANE, NULL);
}

void
stw_objective_pane_set_workspace (StwObjectivePane *self,
                                  StwWorkspace     *workspace,
                                  StwUndoStack     *undo)
{
  g_return_if_fail (STW_IS_OBJECTIVE_PANE (self));

  g_set_object (&self->workspace, workspace);
  g_set_object (&self->undo, undo);
  stw_owner_row_set_workspace (self->owner_row, workspace);
  stw_objective_pane_set_objective (self, NULL);
}

void
stw_objective_pane_set_objective (StwObjectivePane *self,
                                  StwObjective     *objective)
{
  g_return_if_fail (STW_IS_OBJECTIVE_PANE (self));

  g_clear_object (&self->objective);
  if (objective != NULL)
    self->objective = stw_objective_copy (objective);
  show_fields (self);
}

StwObjective *
stw_objective_pane_get_objective (StwObjectivePane *self)
{
  g_return_val_if_fail (STW_IS_OBJECTIVE_PANE (self), NULL);

  return self->objective;
}

void
stw_objective_pane_reload (StwObjectivePane *self)
{
  g_autoptr(StwObjective) stored = NULL;

  g_return_if_fail (STW_IS_OBJECTIVE_PANE (self));

  if (self->workspace == NULL || self->objective == NULL || stw_objective_get_id (self->objective) == 0)
    return;
  if (self->modified)
    {
      fill_kpis (self);
      return;
    }
  stored = stw_workspace_load_objective (self->workspace, stw_objective_get_id (self->objective), NULL);
  if (stored != NULL)
    stw_objective_pane_set_objective (self, stored);
}

gboolean
stw_objective_pane_get_modified (StwObjectivePane *self)
{
  g_return_val_if_fail (STW_IS_OBJECTIVE_PANE (self), FALSE);

  return self->objective != NULL && self->modified;
}

gboolean
stw_objective_pane_save (StwObjectivePane *self)
{
  g_autoptr(StwObjective) edited = NULL;
  g_autoptr(StwObjective) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  gboolean creating;

  g_return_val_if_fail (STW_IS_OBJECTIVE_PANE (self), FALSE);

  if (self->workspace == NULL || self->objective == NULL)
    return TRUE;

  title = stw_editable_dup_value (GTK_EDITABLE (self->title_row));
  description = stw_editable_dup_value (GTK_EDITABLE (self->description_row));
  if (title == NULL)
    {
      show_error (self, GTK_WIDGET (self->title_row), _("Give the objective a title"));
      return FALSE;
    }
  if (!stw_date_row_get_valid (self->date_row))
    {
      show_error (self, GTK_WIDGET (self->date_row), stw_date_row_get_error (self->date_row));
      return FALSE;
    }

  edited = stw_objective_copy (self->objective);
  stw_objective_set_title (edited, title);
  stw_objective_set_description (edited, description);
  stw_objective_set_owner_id (edited, stw_owner_row_get_owner_id (self->owner_row));
  stw_objective_set_target_date (edited, stw_date_row_get_date (self->date_row));
  stw_objective_set_status (edited, adw_combo_row_get_selected (self->status_row));

  creating = stw_objective_get_id (edited) == 0;
  if (!creating)
    {
      before = stw_workspace_load_objective (self->workspace, stw_objective_get_id (edited), &error);
      if (before == NULL || !stw_workspace_update_objective (self->workspace, edited, &error))
        {
          show_error (self, NULL, error->message);
          return FALSE;
        }
      if (self->undo != NULL)
        stw_undo_stack_push_objective_update (self->undo, before);
    }
  else
    {
      if (!stw_workspace_insert_objective (self->workspace, edited, &error))
        {
          show_error (self, NULL, error->message);
          return FALSE;
        }
      if (self->undo != NULL)
        stw_undo_stack_push_objective_create (self->undo, edited);
    }

  g_clear_object (&self->objective);
  self->objective = stw_workspace_load_objective (self->workspace, stw_objective_get_id (edited), NULL);
  if (self->objective == NULL)
    self->objective = g_object_ref (edited);
  show_fields (self);
  message = creating
            /* Translators: a toast; %s is an objective reference such as O-004. */
            ? g_strdup_printf (_("%s added"), stw_objective_get_ref (self->objective))
            /* Translators: a toast; %s is an objective reference such as O-004. */
            : g_strdup_printf (_("%s saved"), stw_objective_get_ref (self->objective));
  g_signal_emit (self, signals[CHANGED], 0, message);
  return TRUE;
}

void
stw_objective_pane_focus (StwObjectivePane *self)
{
  g_return_if_fail (STW_IS_OBJECTIVE_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
stw_objective_pane_set_folded (StwObjectivePane *self,
                               gboolean          folded)
{
  g_return_if_fail (STW_IS_OBJECTIVE_PANE (self));

  stw_pane_set_folded (GTK_WIDGET (self), self->back_button, self->close_button, folded);
}
