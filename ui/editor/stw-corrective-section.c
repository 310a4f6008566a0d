/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-corrective-section.c: the corrective-action fields of the item
 * editor. It keeps a copy of the record it was given and builds a new one
 * from the form on request; the workspace applies the closure rules, so
 * the section only explains them: for a nonconformity a short checklist
 * shows what closing still needs, and choosing "not effective" says that
 * saving reopens the item.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-corrective-section.h"
#include "stw-date-row.h"
#include "stw-owner-row.h"
#include "stw-text-util.h"

struct _StwCorrectiveSection
{
  GtkWidget       parent_instance;

  StwWorkspace   *workspace;
  StwCorrective  *corrective;     /* as loaded */
  guint           loading;        /* > 0 while the form is filled */
  gboolean        nonconformity;
  gboolean        ready_to_close;

  AdwComboRow    *source_row;
  AdwEntryRow    *source_ref_row;
  AdwComboRow    *classification_row;
  AdwComboRow    *type_row;
  GtkWidget      *closing_box;
  GtkImage       *closing_icon;
  GtkLabel       *closing_label;
  GtkWidget      *root_cause_check;
  GtkImage       *root_cause_icon;
  GtkWidget      *effective_check;
  GtkImage       *effective_icon;
  GtkTextView    *correction_view;
  AdwEntryRow    *method_row;
  GtkTextView    *root_cause_view;
  GtkTextView    *action_view;
  StwDateRow     *check_due_row;
  StwOwnerRow    *checked_by_row;
  AdwComboRow    *result_row;
  AdwEntryRow    *check_note_row;
  StwDateRow     *check_date_row;
  GtkWidget      *not_effective_box;
};

G_DEFINE_FINAL_TYPE (StwCorrectiveSection, stw_corrective_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_NONCONFORMITY,
  PROP_READY_TO_CLOSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static guint
selected_index (AdwComboRow *row,
                guint        n_values,
                guint        fallback)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < n_values ? selected : fallback;
}

static void
set_met_class (GtkWidget *widget,
               gboolean   met)
{
  gtk_widget_add_css_class (widget, met ? "met" : "unmet");
  gtk_widget_remove_css_class (widget, met ? "unmet" : "met");
}

/* One line of the checklist: @label says what is needed, @icon whether it
 * is there. */
static void
set_step (GtkWidget *label,
          GtkImage  *icon,
          gboolean   met)
{
  gtk_image_set_from_icon_name (icon, met ? "object-select-symbolic" : "window-close-symbolic");
  set_met_class (label, met);
  set_met_class (GTK_WIDGET (icon), met);
  /* The tick and cross are pictures: say the same in words. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  met ? _("Done") : _("Not yet"),
                                  -1);
}

/* The closure rule in plain words, and how far the form is from it. */
static void
update_hints (StwCorrectiveSection *self)
{
  StwCaClassification classification = selected_index (self->classification_row, STW_N_CA_CLASSIFICATIONS,
                                                       STW_CA_MINOR_NONCONFORMITY);
  StwCheckResult result = selected_index (self->result_row, STW_N_CHECK_RESULTS, STW_CHECK_PENDING);
  g_autofree char *root_cause = stw_text_view_dup_value (self->root_cause_view);
  gboolean nonconformity = classification == STW_CA_MAJOR_NONCONFORMITY ||
                           classification == STW_CA_MINOR_NONCONFORMITY;
  gboolean has_root_cause = root_cause != NULL;
  gboolean effective = result == STW_CHECK_EFFECTIVE;
  gboolean ready = !nonconformity || (has_root_cause && effective);

  gtk_widget_set_visible (self->closing_box, nonconformity);
  set_step (self->root_cause_check, self->root_cause_icon, has_root_cause);
  set_step (self->effective_check, self->effective_icon, effective);
  if (ready)
    {
      gtk_label_set_label (self->closing_label, _("Ready to close."));
      gtk_image_set_from_icon_name (self->closing_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (self->closing_box, "ready");
    }
  else
    {
      gtk_label_set_label (self->closing_label, _("Closing a nonconformity needs:"));
      gtk_image_set_from_icon_name (self->closing_icon, "dialog-information-symbolic");
      gtk_widget_remove_css_class (self->closing_box, "ready");
    }

  gtk_widget_set_visible (self->not_effective_box, result == STW_CHECK_NOT_EFFECTIVE);

  if (nonconformity != self->nonconformity)
    {
      self->nonconformity = nonconformity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONCONFORMITY]);
    }
  if (ready != self->ready_to_close)
    {
      self->ready_to_close = ready;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY_TO_CLOSE]);
    }
}

static void
load_fields (StwCorrectiveSection *self)
{
  const StwCorrective *ca = self->corrective;

  self->loading++;

  adw_combo_row_set_selected (self->source_row, ca->source);
  stw_editable_set_value (GTK_EDITABLE (self->source_ref_row), ca->source_ref);
  adw_combo_row_set_selected (self->classification_row, ca->classification);
  adw_combo_row_set_selected (self->type_row, ca->action_type);
  stw_text_view_set_text (self->correction_view, ca->correction);
  stw_editable_set_value (GTK_EDITABLE (self->method_row), ca->root_cause_method);
  stw_text_view_set_text (self->root_cause_view, ca->root_cause);
  stw_text_view_set_text (self->action_view, ca->corrective_action);
  stw_date_row_set_date (self->check_due_row, ca->check_due[0] != '\0' ? ca->check_due : NULL);
  stw_owner_row_set_owner_id (self->checked_by_row, ca->checked_by);
  adw_combo_row_set_selected (self->result_row, ca->check_result);
  stw_editable_set_value (GTK_EDITABLE (self->check_note_row), ca->check_note);
  stw_date_row_set_date (self->check_date_row, ca->check_date[0] != '\0' ? ca->check_date : NULL);
  update_hints (self);

  self->loading--;
}

static const char *
source_label (int value)
{
  return stw_ca_source_label (value);
}

static const char *
classification_label (int value)
{
  return stw_ca_classification_label (value);
}

static const char *
type_label (int value)
{
  return stw_ca_type_label (value);
}

static const char *
result_label (int value)
{
  return stw_check_result_label (value);
}

static void
copy_date (char           dest[11],
           StwDateRow    *row)
{
  const char *date = stw_date_row_get_date (row);

  g_strlcpy (dest, date != NULL ? date : "", 11);
}

/* Callbacks */

static void
field_changed_cb (StwCorrectiveSection *self)
{
  if (self->loading > 0)
    return;

  update_hints (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Recording a result is when the check happened, and usually who did it
 * is the person at the keyboard: fill both when they are still empty. */
static void
result_changed_cb (StwCorrectiveSection *self)
{
  StwCheckResult result;

  if (self->loading > 0)
    return;

  result = selected_index (self->result_row, STW_N_CHECK_RESULTS, STW_CHECK_PENDING);
  if (result != STW_CHECK_PENDING)
    {
      if (stw_date_row_get_date (self->check_date_row) == NULL &&
          stw_date_row_get_valid (self->check_date_row))
        {
          g_autofree char *today = stw_date_today ();

          self->loading++;
          stw_date_row_set_date (self->check_date_row, today);
          self->loading--;
        }
      if (stw_owner_row_get_owner_id (self->checked_by_row) == 0 && self->workspace != NULL)
        stw_owner_row_select_owner (self->checked_by_row, stw_workspace_get_actor_id (self->workspace));
    }

  field_changed_cb (self);
}

static void
set_method_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StwCorrectiveSection *self = STW_CORRECTIVE_SECTION (widget);

  /* The entry's "changed" reports the edit. */
  stw_editable_set_value (GTK_EDITABLE (self->method_row), g_variant_get_string (parameter, NULL));
}

/* Overrides */

static void
stw_corrective_section_dispose (GObject *object)
{
  StwCorrectiveSection *self = STW_CORRECTIVE_SECTION (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_CORRECTIVE_SECTION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_corrective_section_parent_class)->dispose (object);
}

static void
stw_corrective_section_finalize (GObject *object)
{
  StwCorrectiveSection *self = STW_CORRECTIVE_SECTION (object);

  g_clear_pointer (&self->corrective, stw_corrective_free);

  G_OBJECT_CLASS (stw_corrective_section_parent_class)->finalize (object);
}

static void
stw_corrective_section_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StwCorrectiveSection *self = STW_CORRECTIVE_SECTION (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_NONCONFORMITY:
      g_value_set_boolean (value, self->nonconformity);
      break;

    case PROP_READY_TO_CLOSE:
      g_value_set_boolean (value, self->ready_to_close);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_corrective_section_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StwCorrectiveSection *self = STW_CORRECTIVE_SECTION (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_corrective_section_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_corrective_section_class_init (StwCorrectiveSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_corrective_section_dispose;
  object_class->finalize = stw_corrective_section_finalize;
  object_class->get_property = stw_corrective_section_get_property;
  object_class->set_property = stw_corrective_section_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NONCONFORMITY] =
    g_param_spec_boolean ("nonconformity", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY_TO_CLOSE] =
    g_param_spec_boolean ("ready-to-close", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (STW_TYPE_DATE_ROW);
  g_type_ensure (STW_TYPE_OWNER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-corrective-section.ui");
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, source_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, source_ref_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, classification_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, type_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, closing_box);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, closing_icon);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, closing_label);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, root_cause_check);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, root_cause_icon);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, effective_check);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, effective_icon);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, correction_view);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, method_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, root_cause_view);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, action_view);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, check_due_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, checked_by_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, result_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, check_note_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, check_date_row);
  gtk_widget_class_bind_template_child (widget_class, StwCorrectiveSection, not_effective_box);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_changed_cb);

  gtk_widget_class_install_action (widget_class, "corrective.set-method", "s", set_method_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "correctivesection");
}

static void
stw_corrective_section_init (StwCorrectiveSection *self)
{
  g_autoptr(GtkStringList) sources = NULL;
  g_autoptr(GtkStringList) classifications = NULL;
  g_autoptr(GtkStringList) types = NULL;
  g_autoptr(GtkStringList) results = NULL;
  GtkTextView *texts[3];

  self->corrective = stw_corrective_new ();
  self->ready_to_close = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Indexes of these lists are the enum values. */
  sources = stw_string_list_new_labels (source_label, STW_N_CA_SOURCES);
  classifications = stw_string_list_new_labels (classification_label, STW_N_CA_CLASSIFICATIONS);
  types = stw_string_list_new_labels (type_label, STW_N_CA_TYPES);
  results = stw_string_list_new_labels (result_label, STW_N_CHECK_RESULTS);
  self->loading++;
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
  adw_combo_row_set_model (self->classification_row, G_LIST_MODEL (classifications));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->result_row, G_LIST_MODEL (results));
  self->loading--;

  texts[0] = self->correction_view;
  texts[1] = self->root_cause_view;
  texts[2] = self->action_view;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (texts[i]), "changed",
                             G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);

  load_fields (self);
}

/* Public API */

GtkWidget *
stw_corrective_section_new (void)
{
  return g_object_new (STW_TYPE_CORRECTIVE_SECTION, NULL);
}

StwWorkspace *
stw_corrective_section_get_workspace (StwCorrectiveSection *self)
{
  g_return_val_if_fail (STW_IS_CORRECTIVE_SECTION (self), NULL);

  return self->workspace;
}

void
stw_corrective_section_set_workspace (StwCorrectiveSection *self,
                                      StwWorkspace         *workspace)
{
  g_return_if_fail (STW_IS_CORRECTIVE_SECTION (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  g_set_object (&self->workspace, workspace);

  /* People belong to one workspace: keep only what the record names. */
  stw_owner_row_set_workspace (self->checked_by_row, workspace);
  stw_owner_row_set_owner_id (self->checked_by_row, self->corrective->checked_by);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

void
stw_corrective_section_set_corrective (StwCorrectiveSection *self,
                                       const StwCorrective  *corrective)
{
  g_return_if_fail (STW_IS_CORRECTIVE_SECTION (self));

  g_clear_pointer (&self->corrective, stw_corrective_free);
  self->corrective = corrective != NULL ? stw_corrective_copy (corrective) : stw_corrective_new ();

  load_fields (self);
}

StwCorrective *
stw_corrective_section_dup_corrective (StwCorrectiveSection  *self,
                                       GError               **error)
{
  g_autoptr(StwCorrective) ca = NULL;

  g_return_val_if_fail (STW_IS_CORRECTIVE_SECTION (self), NULL);

  if (!stw_date_row_get_valid (self->check_due_row))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   /* Translators: %s says why the text is not a date. */
                   _("Check due: %s"), stw_date_row_get_error (self->check_due_row));
      return NULL;
    }
  if (!stw_date_row_get_valid (self->check_date_row))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   /* Translators: %s says why the text is not a date. */
                   _("Checked on: %s"), stw_date_row_get_error (self->check_date_row));
      return NULL;
    }

  ca = stw_corrective_copy (self->corrective);
  ca->source = selected_index (self->source_row, STW_N_CA_SOURCES, ca->source);
  g_free (ca->source_ref);
  ca->source_ref = stw_editable_dup_value (GTK_EDITABLE (self->source_ref_row));
  ca->classification = selected_index (self->classification_row, STW_N_CA_CLASSIFICATIONS, ca->classification);
  ca->action_type = selected_index (self->type_row, STW_N_CA_TYPES, ca->action_type);
  g_free (ca->correction);
  ca->correction = stw_text_view_dup_value (self->correction_view);
  g_free (ca->root_cause_method);
  ca->root_cause_method = stw_editable_dup_value (GTK_EDITABLE (self->method_row));
  g_free (ca->root_cause);
  ca->root_cause = stw_text_view_dup_value (self->root_cause_view);
  g_free (ca->corrective_action);
  ca->corrective_action = stw_text_view_dup_value (self->action_view);
  copy_date (ca->check_due, self->check_due_row);
  ca->checked_by = stw_owner_row_get_owner_id (self->checked_by_row);
  ca->check_result = selected_index (self->result_row, STW_N_CHECK_RESULTS, ca->check_result);
  g_free (ca->check_note);
  ca->check_note = stw_editable_dup_value (GTK_EDITABLE (self->check_note_row));
  copy_date (ca->check_date, self->check_date_row);

  return g_steal_pointer (&ca);
}

gboolean
stw_corrective_section_get_nonconformity (StwCorrectiveSection *self)
{
  g_return_val_if_fail (STW_IS_CORRECTIVE_SECTION (self), FALSE);

  return self->nonconformity;
}

gboolean
stw_corrective_section_get_ready_to_close (StwCorrectiveSection *self)
{
  g_return_val_if_fail (STW_IS_CORRECTIVE_SECTION (self), FALSE);

  return self->ready_to_close;
}
