/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-kpi-pane.c: one KPI, its trend and its measurements (see
 * stw-kpi-pane.h). The chart is the core's own drawing, so the pane and
 * the reports show the same picture; the pane only hands it the
 * timeline and the style's darkness.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "stw-evidence-list.h"
#include "stw-kpi-chart.h"
#include "stw-kpi-pane.h"
#include "stw-measure-dialog.h"
#include "stw-owner-row.h"
#include "stw-pane.h"
#include "stw-records-undo.h"
#include "stw-text-util.h"

struct _StwKpiPane
{
  GtkWidget        parent_instance;

  StwWorkspace    *workspace;
  StwUndoStack    *undo;
  StwKpi          *kpi;          /* as loaded (id 0: new) */
  GArray          *timeline;     /* StwPeriodStatus, oldest first */
  GArray          *objective_ids; /* gint64 per objective row position */
  gboolean         modified;
  guint            loading;      /* > 0 while the fields are set from code */

  GtkWidget       *back_button;
  GtkWidget       *close_button;
  GtkLabel        *title_label;
  GtkLabel        *error_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *description_row;
  AdwEntryRow     *clause_row;
  StwOwnerRow     *owner_row;
  AdwEntryRow     *unit_row;
  AdwEntryRow     *target_row;
  AdwComboRow     *direction_row;
  AdwComboRow     *frequency_row;
  AdwComboRow     *objective_row;
  GtkWidget       *trend_group;
  GtkWidget       *chart;
  GtkWidget       *periods_group;
  GtkWidget       *record_button;
  GtkListBox      *period_list;
  GtkLabel        *evidence_label;
  StwEvidenceList *evidence_list;
};

G_DEFINE_FINAL_TYPE (StwKpiPane, stw_kpi_pane, GTK_TYPE_WIDGET)

enum {
  CLOSE_REQUESTED,
  CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
show_error (StwKpiPane *self,
            GtkWidget  *row,
            const char *message)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->target_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
fill_objectives (StwKpiPane *self,
                 gint64      chosen)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GListModel *objectives = self->workspace != NULL ? stw_workspace_get_objectives (self->workspace) : NULL;
  guint n = objectives != NULL ? g_list_model_get_n_items (objectives) : 0;
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->objective_ids, 0);
  gtk_string_list_append (labels, _("No objective"));
  g_array_append_val (self->objective_ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwObjective) objective = g_list_model_get_item (objectives, i);
      g_autofree char *label = g_strdup_printf ("%s  %s", stw_objective_get_ref (objective),
                                                stw_objective_get_title (objective));
      gint64 id = stw_objective_get_id (objective);

      if (id == chosen)
        selected = self->objective_ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->objective_ids, id);
    }
  adw_combo_row_set_model (self->objective_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->objective_row, selected);
}

static char *
describe_chart (StwKpiPane *self)
{
  g_autofree char *target = NULL;
  g_autofree char *latest = NULL;
  guint missed = stw_period_timeline_missed (self->timeline);

  if (self->kpi == NULL || stw_kpi_get_id (self->kpi) == 0)
    return g_strdup (_("Trend chart: nothing measured yet"));
  target = stw_kpi_format_value (self->kpi, stw_kpi_get_target (self->kpi));
  latest = stw_kpi_get_has_value (self->kpi)
           ? stw_kpi_format_value (self->kpi, stw_kpi_get_value (self->kpi))
           : g_strdup (_("no value"));
  /* Translators: what a screen reader says of the chart. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Trend chart: %u periods, latest %s, target %s, %u period missed",
                                       "Trend chart: %u periods, latest %s, target %s, %u periods missed", missed),
                          self->timeline->len, latest, target, missed);
}

/* The list of periods, newest first, each with its value or the missed
 * flag. */
static void
fill_periods (StwKpiPane *self)
{
  g_autoptr(GListModel) measurements = NULL;
  g_autoptr(GHashTable) by_period = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;
  GtkListBoxRow *first = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->period_list))) != NULL)
    gtk_list_box_remove (self->period_list, child);

  if (self->workspace != NULL && self->kpi != NULL && stw_kpi_get_id (self->kpi) != 0)
    measurements = stw_workspace_list_measurements (self->workspace, stw_kpi_get_id (self->kpi), NULL);
  for (guint i = 0; measurements != NULL && i < g_list_model_get_n_items (measurements); i++)
    {
      StwMeasurement *m = g_list_model_get_item (measurements, i);

      g_hash_table_insert (by_period, (gpointer) stw_measurement_get_period (m), m);
      g_object_unref (m); /* the model holds it */
    }

  for (guint i = self->timeline->len; i > 0; i--)
    {
      StwPeriodStatus *ps = &g_array_index (self->timeline, StwPeriodStatus, i - 1);
      StwMeasurement *m = g_hash_table_lookup (by_period, ps->period);
      g_autofree char *label = stw_period_label (ps->period);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *tag;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      if (m != NULL)
        {
          g_autofree char *value = stw_kpi_format_value (self->kpi, stw_measurement_get_value (m));
          const char *note = stw_measurement_get_note (m);
          const char *who = stw_measurement_get_recorded_by_name (m);
          g_autofree char *by = NULL;

          /* Translators: who recorded a measurement. */
          by = g_strdup_printf (_("recorded by %s"), who != NULL ? who : _("someone unknown"));
          if (note != NULL && note[0] != '\0')
            subtitle = g_strdup_printf ("%s · %s · %s", value, note, by);
          else
            subtitle = g_strdup_printf ("%s · %s", value, by);
          g_object_set_data (G_OBJECT (row), "stw-measurement-id", GINT_TO_POINTER ((int) stw_measurement_get_id (m)));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        }
      else if (ps->missed)
        subtitle = g_strdup (_("Missed: no value was recorded for this period"));
      else
        subtitle = g_strdup (_("Not measured yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      tag = gtk_label_new (ps->missed ? _("Missed") : stw_kpi_status_label (ps->status));
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "kpi-tag");
      gtk_widget_add_css_class (tag, ps->missed ? "missed" : stw_kpi_status_to_key (ps->status));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      gtk_list_box_append (self->period_list, row);
      if (first == NULL && m != NULL)
        first = GTK_LIST_BOX_ROW (row);
    }

  if (first != NULL)
    gtk_list_box_select_row (self->period_list, first);
  else
    {
      stw_evidence_list_set_record (self->evidence_list, NULL, "measurement", 0);
      gtk_label_set_label (self->evidence_label, _("Record a measurement to attach its evidence."));
    }
}

static void
load_timeline (StwKpiPane *self)
{
  g_autofree char *description = NULL;

  g_clear_pointer (&self->timeline, g_array_unref);
  if (self->workspace != NULL && self->kpi != NULL && stw_kpi_get_id (self->kpi) != 0)
    self->timeline = stw_workspace_kpi_timeline (self->workspace, self->kpi, NULL);
  if (self->timeline == NULL)
    self->timeline = g_array_new (FALSE, TRUE, sizeof (StwPeriodStatus));

  description = describe_chart (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_widget_queue_draw (self->chart);
  fill_periods (self);
}

static void
show_fields (StwKpiPane *self)
{
  StwKpi *kpi = self->kpi;
  gboolean stored = kpi != NULL && stw_kpi_get_id (kpi) != 0;
  g_autofree char *target = NULL;
  g_autofree char *title = NULL;

  self->loading++;
  stw_editable_set_value (GTK_EDITABLE (self->name_row), kpi != NULL ? stw_kpi_get_name (kpi) : NULL);
  stw_editable_set_value (GTK_EDITABLE (self->description_row), kpi != NULL ? stw_kpi_get_description (kpi) : NULL);
  stw_editable_set_value (GTK_EDITABLE (self->clause_row), kpi != NULL ? stw_kpi_get_clause (kpi) : NULL);
  stw_editable_set_value (GTK_EDITABLE (self->unit_row), kpi != NULL ? stw_kpi_get_unit (kpi) : NULL);
  if (kpi != NULL)
    target = g_strdup_printf ("%g", stw_kpi_get_target (kpi));
  stw_editable_set_value (GTK_EDITABLE (self->target_row), target);
  stw_owner_row_set_owner_id (self->owner_row, kpi != NULL ? stw_kpi_get_owner_id (kpi) : 0);
  adw_combo_row_set_selected (self->direction_row, kpi != NULL ? stw_kpi_get_direction (kpi) : 0);
  adw_combo_row_set_selected (self->frequency_row, kpi != NULL ? stw_kpi_get_frequency (kpi) : 0);
  fill_objectives (self, kpi != NULL ? stw_kpi_get_objective_id (kpi) : 0);
  self->loading--;

  self->modified = FALSE;
  show_error (self, NULL, NULL);
  title = stored ? g_strdup_printf ("%s  %s", stw_kpi_get_ref (kpi), stw_kpi_get_name (kpi))
                 : g_strdup (_("New KPI"));
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (self->trend_group, stored);
  gtk_widget_set_visible (self->periods_group, stored);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), stored);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_label), stored);
  load_timeline (self);
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
  if (copy[0] == '\0')
    return FALSE;
  errno = 0;
  *value = g_ascii_strtod (copy, &end);
  return errno == 0 && *end == '\0';
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

static AdwComboRow *
add_combo_row (AdwPreferencesGroup *group,
               const char          *title,
               GListModel          *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (labels != NULL)
    adw_combo_row_set_model (ADW_COMBO_ROW (row), labels);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

/* Callbacks */

static void
field_changed_cb (StwKpiPane *self)
{
  if (self->loading == 0)
    self->modified = TRUE;
}

static void
close_clicked_cb (StwKpiPane *self)
{
  g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

static void
save_clicked_cb (StwKpiPane *self)
{
  stw_kpi_pane_save (self);
}

static void
record_clicked_cb (StwKpiPane *self)
{
  stw_kpi_pane_record (self);
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  StwKpiPane *self = user_data;

  if (self->kpi == NULL || stw_kpi_get_id (self->kpi) == 0)
    return;
  stw_kpi_chart_draw (cr, width, height, self->kpi, self->timeline, is_dark ());
}

static void
dark_changed_cb (StwKpiPane *self)
{
  gtk_widget_queue_draw (self->chart);
}

static void
period_selected_cb (StwKpiPane    *self,
                    GtkListBoxRow *row)
{
  gint64 id = row != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "stw-measurement-id")) : 0;
  g_autofree char *label = NULL;

  if (id == 0)
    return;
  stw_evidence_list_set_record (self->evidence_list, self->workspace, "measurement", id);
  /* Translators: above a measurement's evidence; %s is its period ("March 2027"). */
  label = g_strdup_printf (_("Evidence of the value for %s. Choose another period above to see its evidence."),
                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_label_set_label (self->evidence_label, label);
}

static void
recorded_cb (StwKpiPane     *self,
             StwMeasurement *measured,
             StwMeasurement *replaced)
{
  g_autofree char *label = stw_period_label (stw_measurement_get_period (measured));
  g_autofree char *message = NULL;

  if (self->undo != NULL)
    stw_undo_stack_push_measure (self->undo, self->kpi, measured, replaced);
  /* Translators: a toast; %s is a KPI reference, then a period. */
  message = g_strdup_printf (_("%s: value for %s recorded"), stw_kpi_get_ref (self->kpi), label);
  g_signal_emit (self, signals[CHANGED], 0, message);
  stw_kpi_pane_reload (self);
}

static void
evidence_error_cb (StwKpiPane   *self,
                   const GError *error)
{
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

/* Overrides */

static void
stw_kpi_pane_dispose (GObject *object)
{
  StwKpiPane *self = STW_KPI_PANE (object);
  GtkWidget *child;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);
  g_clear_object (&self->undo);
  g_clear_object (&self->kpi);

  G_OBJECT_CLASS (stw_kpi_pane_parent_class)->dispose (object);
}

static void
stw_kpi_pane_finalize (GObject *object)
{
  StwKpiPane *self = STW_KPI_PANE (object);

  g_clear_pointer (&self->timeline, g_array_unref);
  g_clear_pointer (&self->objective_ids, g_array_unref);

  G_OBJECT_CLASS (stw_kpi_pane_parent_class)->finalize (object);
}

static void
stw_kpi_pane_class_init (StwKpiPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_kpi_pane_dispose;
  object_class->finalize = stw_kpi_pane_finalize;

  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpipane");
}

static void
stw_kpi_pane_init (StwKpiPane *self)
{
  GtkWidget *box, *header, *save, *scrolled, *clamp, *content, *group, *record_box, *evidence_scroller;
  AdwPreferencesGroup *fields;
  g_autoptr(GtkStringList) directions = stw_string_list_new_labels ((const char *(*) (int)) stw_direction_label, 2);
  g_autoptr(GtkStringList) frequencies = stw_string_list_new_labels ((const char *(*) (int)) stw_frequency_label,
                                                                     STW_N_FREQUENCIES);

  self->objective_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->timeline = g_array_new (FALSE, TRUE, sizeof (StwPeriodStatus));
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
  gtk_widget_set_tooltip_text (save, _("Save the KPI (Ctrl+S)"));
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), save);
  self->close_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_tooltip_text (self->close_button, _("Close (Escape)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close the KPI"), -1);
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

  /* The trend first: it is what a person opens a KPI to see. */
  self->trend_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->trend_group), _("Trend"));
  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), 220);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->chart), 300);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trend chart"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart_cb, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->trend_group), self->chart);
  gtk_box_append (GTK_BOX (content), self->trend_group);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);

  group = adw_preferences_group_new ();
  fields = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (fields, _("KPI"));
  self->name_row = ADW_ENTRY_ROW (add_entry_row (fields, _("Name")));
  self->description_row = ADW_ENTRY_ROW (add_entry_row (fields, _("Description")));
  self->clause_row = ADW_ENTRY_ROW (add_entry_row (fields, _("Clause")));
  self->owner_row = STW_OWNER_ROW (stw_owner_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->owner_row), _("Owner"));
  adw_preferences_group_add (fields, GTK_WIDGET (self->owner_row));
  self->unit_row = ADW_ENTRY_ROW (add_entry_row (fields, _("Unit")));
  self->target_row = ADW_ENTRY_ROW (add_entry_row (fields, _("Target")));
  self->direction_row = add_combo_row (fields, _("Better when the value is"), G_LIST_MODEL (directions));
  self->frequency_row = add_combo_row (fields, _("Frequency"), G_LIST_MODEL (frequencies));
  self->objective_row = add_combo_row (fields, _("Objective"), NULL);
  gtk_box_append (GTK_BOX (content), group);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->description_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->clause_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->unit_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->target_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->owner_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->direction_row, "notify::selected", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->frequency_row, "notify::selected", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->objective_row, "notify::selected", G_CALLBACK (field_changed_cb), self);

  self->periods_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->periods_group), _("Measurements"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->periods_group),
                                         _("Every period since measuring began, newest first. A past period with no value is flagged as missed."));
  record_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  self->record_button = gtk_button_new_with_mnemonic (_("_Record measurement"));
  gtk_widget_set_valign (self->record_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (record_clicked_cb), self);
  gtk_box_append (GTK_BOX (record_box), self->record_button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->periods_group), record_box);
  self->period_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->period_list), "boxed-list");
  gtk_list_box_set_selection_mode (self->period_list, GTK_SELECTION_SINGLE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Measurements by period"), -1);
  g_signal_connect_swapped (self->period_list, "row-selected", G_CALLBACK (period_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->periods_group), GTK_WIDGET (self->period_list));
  gtk_box_append (GTK_BOX (content), self->periods_group);

  self->evidence_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->evidence_label, TRUE);
  gtk_label_set_xalign (self->evidence_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->evidence_label), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->evidence_label));
  self->evidence_list = STW_EVIDENCE_LIST (stw_evidence_list_new ());
  g_signal_connect_swapped (self->evidence_list, "error", G_CALLBACK (evidence_error_cb), self);
  /* A file's row keeps its size and shortened hash on one line, about
   * 400 px: at 360 px the list scrolls sideways rather than keep the
   * window from being that narrow. */
  evidence_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (evidence_scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (evidence_scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (evidence_scroller), GTK_WIDGET (self->evidence_list));
  gtk_box_append (GTK_BOX (content), evidence_scroller);

  show_fields (self);
}

/* Public API */

GtkWidget *
stw_kpi_pane_new (void)
{
  return g_object_new (STW_TYPE_KPI_PANE, NULL);
}

void
stw_kpi_pane_set_workspace (StwKpiPane   *self,
                            StwWorkspace *workspace,
                            StwUndoStack *undo)
{
  g_return_if_fail (STW_IS_KPI_PANE (self));

  g_set_object (&self->workspace, workspace);
  g_set_object (&self->undo, undo);
  stw_owner_row_set_workspace (self->owner_row, workspace);
  stw_kpi_pane_set_kpi (self, NULL);
}

void
stw_kpi_pane_set_kpi (StwKpiPane *self,
                      StwKpi     *kpi)
{
  g_return_if_fail (STW_IS_KPI_PANE (self));

  g_clear_object (&self->kpi);
  if (kpi != NULL)
    self->kpi = stw_kpi_copy (kpi);
  show_fields (self);
}

StwKpi *
stw_kpi_pane_get_kpi (StwKpiPane *self)
{
  g_return_val_if_fail (STW_IS_KPI_PANE (self), NULL);

  return self->kpi;
}

void
stw_kpi_pane_reload (StwKpiPane *self)
{
  g_autoptr(StwKpi) stored = NULL;

  g_return_if_fail (STW_IS_KPI_PANE (self));

  if (self->workspace == NULL || self->kpi == NULL || stw_kpi_get_id (self->kpi) == 0)
    return;
  stored = stw_workspace_load_kpi (self->workspace, stw_kpi_get_id (self->kpi), NULL);
  if (stored == NULL)
    return;
  /* A typed edit is kept; the status, chart and periods follow the store. */
  if (self->modified)
    {
      g_set_object (&self->kpi, stored);
      load_timeline (self);
      return;
    }
  stw_kpi_pane_set_kpi (self, stored);
}

gboolean
stw_kpi_pane_get_modified (StwKpiPane *self)
{
  g_return_val_if_fail (STW_IS_KPI_PANE (self), FALSE);

  return self->kpi != NULL && self->modified;
}

gboolean
stw_kpi_pane_save (StwKpiPane *self)
{
  g_autoptr(StwKpi) edited = NULL;
  g_autoptr(StwKpi) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *clause = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *message = NULL;
  guint objective;
  double target = 0;
  gboolean creating;

  g_return_val_if_fail (STW_IS_KPI_PANE (self), FALSE);

  if (self->workspace == NULL || self->kpi == NULL)
    return TRUE;

  name = stw_editable_dup_value (GTK_EDITABLE (self->name_row));
  description = stw_editable_dup_value (GTK_EDITABLE (self->description_row));
  clause = stw_editable_dup_value (GTK_EDITABLE (self->clause_row));
  unit = stw_editable_dup_value (GTK_EDITABLE (self->unit_row));
  target_text = stw_editable_dup_value (GTK_EDITABLE (self->target_row));

  if (name == NULL)
    {
      show_error (self, GTK_WIDGET (self->name_row), _("Give the KPI a name"));
      g_signal_emit (self, signals[ERROR], 0, _("Give the KPI a name"));
      return FALSE;
    }
  if (!parse_number (target_text, &target))
    {
      show_error (self, GTK_WIDGET (self->target_row), _("The target must be a number, such as 95"));
      g_signal_emit (self, signals[ERROR], 0, _("The target must be a number, such as 95"));
      return FALSE;
    }

  edited = stw_kpi_copy (self->kpi);
  stw_kpi_set_name (edited, name);
  stw_kpi_set_description (edited, description);
  stw_kpi_set_clause (edited, clause != NULL ? clause : "");
  stw_kpi_set_unit (edited, unit != NULL ? unit : "");
  stw_kpi_set_target (edited, target);
  stw_kpi_set_owner_id (edited, stw_owner_row_get_owner_id (self->owner_row));
  stw_kpi_set_direction (edited, adw_combo_row_get_selected (self->direction_row));
  stw_kpi_set_frequency (edited, adw_combo_row_get_selected (self->frequency_row));
  objective = adw_combo_row_get_selected (self->objective_row);
  stw_kpi_set_objective_id (edited, objective < self->objective_ids->len
                                    ? g_array_index (self->objective_ids, gint64, objective) : 0);

  creating = stw_kpi_get_id (edited) == 0;
  if (!creating)
    {
      before = stw_workspace_load_kpi (self->workspace, stw_kpi_get_id (edited), &error);
      if (before == NULL || !stw_workspace_update_kpi (self->workspace, edited, &error))
        goto refused;
      if (self->undo != NULL)
        stw_undo_stack_push_kpi_update (self->undo, before);
    }
  else
    {
      if (!stw_workspace_insert_kpi (self->workspace, edited, &error))
        goto refused;
      if (self->undo != NULL)
        stw_undo_stack_push_kpi_create (self->undo, edited);
    }

  self->modified = FALSE;
  g_clear_object (&self->kpi);
  self->kpi = stw_workspace_load_kpi (self->workspace, stw_kpi_get_id (edited), NULL);
  if (self->kpi == NULL)
    self->kpi = g_object_ref (edited);
  show_fields (self);
  message = creating
            /* Translators: a toast; %s is a KPI reference such as K-005. */
            ? g_strdup_printf (_("%s added"), stw_kpi_get_ref (self->kpi))
            /* Translators: a toast; %s is a KPI reference such as K-005. */
            : g_strdup_printf (_("%s saved"), stw_kpi_get_ref (self->kpi));
  g_signal_emit (self, signals[CHANGED], 0, message);
  return TRUE;

refused:
  show_error (self, g_str_has_prefix (error->message, _("The target")) ? GTK_WIDGET (self->target_row) : NULL,
              error->message);
  g_signal_emit (self, signals[ERROR], 0, error->message);
  return FALSE;
}

void
stw_kpi_pane_focus (StwKpiPane *self)
{
  g_return_if_fail (STW_IS_KPI_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

void
stw_kpi_pane_set_folded (StwKpiPane *self,
                         gboolean    folded)
{
  g_return_if_fail (STW_IS_KPI_PANE (self));

  stw_pane_set_folded (GTK_WIDGET (self), self->back_button, self->close_button, folded);
}

GtkWindow *
stw_kpi_pane_record (StwKpiPane *self)
{
  StwMeasureDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (STW_IS_KPI_PANE (self), NULL);

  if (self->workspace == NULL || self->kpi == NULL || stw_kpi_get_id (self->kpi) == 0)
    return NULL;
  /* The dialog measures the KPI as stored, not a typed edit. */
  if (self->modified && !stw_kpi_pane_save (self))
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = stw_measure_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->workspace, self->kpi);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GArray *
stw_kpi_pane_get_timeline (StwKpiPane *self)
{
  g_return_val_if_fail (STW_IS_KPI_PANE (self), NULL);

  return self->timeline;
}

GtkListBox *
stw_kpi_pane_get_period_list (StwKpiPane *self)
{
  g_return_val_if_fail (STW_IS_KPI_PANE (self), NULL);

  return self->period_list;
}

GtkWidget *
stw_kpi_pane_get_chart (StwKpiPane *self)
{
  g_return_val_if_fail (STW_IS_KPI_PANE (self), NULL);

  return self->chart;
}
