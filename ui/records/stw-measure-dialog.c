/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-measure-dialog.c: records one value of a KPI (see
 * stw-measure-dialog.h). The dialog asks the core whether the value can
 * be recorded before it writes, so a refusal changes nothing and is shown
 * beside the field it is about.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "stw-measure-dialog.h"
#include "stw-text-util.h"

struct _StwMeasureDialog
{
  AdwWindow     parent_instance;

  StwWorkspace *workspace;
  StwKpi       *kpi;
  char         *replace_period; /* the person agreed to replace this one */

  AdwEntryRow  *period_row;
  AdwEntryRow  *value_row;
  AdwEntryRow  *note_row;
  GtkLabel     *error_label;
  GtkButton    *record_button;
};

G_DEFINE_FINAL_TYPE (StwMeasureDialog, stw_measure_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
show_error (StwMeasureDialog *self,
            AdwEntryRow      *row,
            const char       *message)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (row == NULL)
    return;

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  /* Screen readers hear why, on the field that is wrong. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* A number as a person types it: "97.5" or "97,5", nothing else around
 * it but blanks. */
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
  return errno == 0 && end != NULL && *end == '\0';
}

/* Callbacks */

static void
cancel_clicked_cb (StwMeasureDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
record_clicked_cb (StwMeasureDialog *self)
{
  stw_measure_dialog_record (self);
}

static void
field_changed_cb (StwMeasureDialog *self)
{
  g_clear_pointer (&self->replace_period, g_free);
  gtk_button_set_label (self->record_button, _("_Record"));
}

/* Overrides */

static void
stw_measure_dialog_dispose (GObject *object)
{
  StwMeasureDialog *self = STW_MEASURE_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->kpi);

  G_OBJECT_CLASS (stw_measure_dialog_parent_class)->dispose (object);
}

static void
stw_measure_dialog_finalize (GObject *object)
{
  StwMeasureDialog *self = STW_MEASURE_DIALOG (object);

  g_free (self->replace_period);

  G_OBJECT_CLASS (stw_measure_dialog_parent_class)->finalize (object);
}

static void
stw_measure_dialog_class_init (StwMeasureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_measure_dialog_dispose;
  object_class->finalize = stw_measure_dialog_finalize;

  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_OBJECT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stw_measure_dialog_init (StwMeasureDialog *self)
{
  GtkWidget *box, *header, *cancel, *group, *clamp, *content;
  AdwEntryRow *rows[3];

  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  gtk_window_set_title (GTK_WINDOW (self), _("Record measurement"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->record_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Record")));
  gtk_widget_add_css_class (GTK_WIDGET (self->record_button), "suggested-action");
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (record_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->record_button));
  gtk_box_append (GTK_BOX (box), header);

  group = adw_preferences_group_new ();
  self->period_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->period_row), _("Period"));
  self->value_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), _("Value"));
  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->period_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->value_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_row));
  rows[0] = self->period_row;
  rows[1] = self->value_row;
  rows[2] = self->note_row;
  /* Enter in any field records, as the button does. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (field_changed_cb), self);
      g_signal_connect_swapped (rows[i], "entry-activated", G_CALLBACK (record_clicked_cb), self);
    }

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the value was not recorded"),
                                  -1);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_box_append (GTK_BOX (box), clamp);

  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Public API */

StwMeasureDialog *
stw_measure_dialog_new (GtkWindow    *parent,
                        StwWorkspace *workspace,
                        StwKpi       *kpi)
{
  StwMeasureDialog *self;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (STW_IS_KPI (kpi), NULL);

  self = g_object_new (STW_TYPE_MEASURE_DIALOG,
                       "modal", parent != NULL,
                       "transient-for", parent,
                       NULL);
  self->workspace = g_object_ref (workspace);
  self->kpi = stw_kpi_copy (kpi);

  /* Translators: the dialog's title; %s is a KPI reference such as K-003. */
  title = g_strdup_printf (_("Record measurement of %s"), stw_kpi_get_ref (kpi));
  gtk_window_set_title (GTK_WINDOW (self), title);

  period = stw_workspace_current_period (workspace, kpi);
  stw_editable_set_value (GTK_EDITABLE (self->period_row), period);
  if (stw_kpi_get_unit (kpi) != NULL && stw_kpi_get_unit (kpi)[0] != '\0')
    {
      g_autofree char *value_title = NULL;

      /* Translators: a field's title; %s is the KPI's unit ("%", "days"). */
      value_title = g_strdup_printf (_("Value (%s)"), stw_kpi_get_unit (kpi));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title);
    }
  g_clear_pointer (&self->replace_period, g_free);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_row));

  return self;
}

GtkEditable *
stw_measure_dialog_get_period (StwMeasureDialog *self)
{
  g_return_val_if_fail (STW_IS_MEASURE_DIALOG (self), NULL);

  return GTK_EDITABLE (self->period_row);
}

GtkEditable *
stw_measure_dialog_get_value (StwMeasureDialog *self)
{
  g_return_val_if_fail (STW_IS_MEASURE_DIALOG (self), NULL);

  return GTK_EDITABLE (self->value_row);
}

GtkEditable *
stw_measure_dialog_get_note (StwMeasureDialog *self)
{
  g_return_val_if_fail (STW_IS_MEASURE_DIALOG (self), NULL);

  return GTK_EDITABLE (self->note_row);
}

gboolean
stw_measure_dialog_record (StwMeasureDialog *self)
{
  g_autofree char *period = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StwMeasurement) measured = NULL;
  g_autoptr(StwMeasurement) replaced = NULL;
  gboolean replace;
  double value = 0;

  g_return_val_if_fail (STW_IS_MEASURE_DIALOG (self), FALSE);

  period = stw_editable_dup_value (GTK_EDITABLE (self->period_row));
  value_text = stw_editable_dup_value (GTK_EDITABLE (self->value_row));
  note = stw_editable_dup_value (GTK_EDITABLE (self->note_row));

  if (period == NULL)
    {
      show_error (self, self->period_row, _("Enter the period, such as 2027-03"));
      return FALSE;
    }
  if (!parse_number (value_text, &value))
    {
      show_error (self, self->value_row,
                  value_text == NULL ? _("Enter the value") : _("The value must be a number, such as 97.5"));
      return FALSE;
    }
  if (!stw_workspace_validate_measurement (self->workspace, self->kpi, period, value, &error))
    {
      StwFrequency frequency;
      gboolean period_wrong = !stw_period_parse (period, &frequency)
                              || frequency != stw_kpi_get_frequency (self->kpi)
                              || !stw_period_is_valid (period, frequency)
                              || strstr (error->message, period) != NULL;

      show_error (self, period_wrong ? self->period_row : self->value_row, error->message);
      return FALSE;
    }

  replace = g_strcmp0 (self->replace_period, period) == 0;
  measured = stw_workspace_measure_kpi (self->workspace, stw_kpi_get_id (self->kpi), period, value, note,
                                        replace, &replaced, &error);
  if (measured == NULL && g_error_matches (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS))
    {
      g_autofree char *label = stw_period_label (period);
      g_autofree char *message = NULL;

      /* Translators: %s is a period such as "March 2027". */
      message = g_strdup_printf (_("%s has a value already. Choose Replace to record this one instead; the old value stays in the history."), label);
      show_error (self, self->period_row, message);
      self->replace_period = g_strdup (period);
      gtk_button_set_label (self->record_button, _("_Replace"));
      return FALSE;
    }
  if (measured == NULL)
    {
      show_error (self, NULL, error->message);
      return FALSE;
    }

  show_error (self, NULL, NULL);
  g_signal_emit (self, signals[RECORDED], 0, measured, replaced);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

const char *
stw_measure_dialog_get_error (StwMeasureDialog *self)
{
  g_return_val_if_fail (STW_IS_MEASURE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}
