/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-editor.c: the side pane that edits one risk. It holds a private
 * copy of the risk as loaded, builds the edited risk from the form without
 * second-guessing the core, and shows the core's message when a save is
 * refused so the person can correct what they typed.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "stw-control-list.h"
#include "stw-date-row.h"
#include "stw-heat-map.h"
#include "stw-evidence-list.h"
#include "stw-history-list.h"
#include "stw-item-model.h"
#include "stw-owner-row.h"
#include "stw-pane.h"
#include "stw-risk-editor.h"
#include "stw-risk-register.h"
#include "stw-text-util.h"

struct _StwRiskEditor
{
  GtkWidget       parent_instance;

  StwWorkspace   *workspace;
  StwRisk        *risk;            /* as loaded */
  GListModel     *items;           /* its treatment items */
  char           *shown_error;
  gboolean        modified;
  guint           loading;         /* > 0 while fields are filled from the risk */

  GtkWidget      *back_button;
  GtkLabel       *heading_label;
  GtkWidget      *close_button;
  GtkLabel       *heading_score;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *title_row;
  AdwEntryRow    *asset_row;
  AdwEntryRow    *threat_row;
  AdwEntryRow    *vulnerability_row;
  StwOwnerRow    *owner_row;
  AdwComboRow    *likelihood_row;
  AdwComboRow    *impact_row;
  AdwActionRow   *score_row;
  GtkLabel       *score_badge;
  AdwComboRow    *treatment_row;
  AdwComboRow    *status_row;
  StwDateRow     *review_row;
  AdwComboRow    *residual_likelihood_row;
  AdwComboRow    *residual_impact_row;
  AdwActionRow   *residual_score_row;
  GtkLabel       *residual_score_badge;
  AdwPreferencesGroup *items_group;
  GtkWidget      *items_frame;
  GtkListView    *items_list;
  StwControlList *control_list;
  GtkTextView    *notes_view;
  GtkWidget      *history_group;
  StwEvidenceList *evidence_list;
  StwHistoryList *history_list;
  GtkLabel       *modified_label;
};

G_DEFINE_FINAL_TYPE (StwRiskEditor, stw_risk_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETED,
  CHANGED,
  ERROR,
  NEW_TREATMENT_REQUESTED,
  TREATMENT_ITEM_ACTIVATED,
  CLOSE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
set_modified (StwRiskEditor *self,
              gboolean       modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  gtk_label_set_label (self->modified_label, modified ? _("Unsaved changes") : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_error (StwRiskEditor *self,
            const char    *message)
{
  g_free (self->shown_error);
  self->shown_error = g_strdup (message);

  if (message != NULL)
    gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* 1 … 5 from a scale row; 0 for "Not assessed" on a residual row. */
static guint
selected_scale (AdwComboRow *row,
                gboolean     optional)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return optional ? 0 : 1;

  return optional ? selected : selected + 1;
}

static void
select_scale (AdwComboRow *row,
              guint        value,
              gboolean     optional)
{
  if (optional)
    adw_combo_row_set_selected (row, MIN (value, 5));
  else
    adw_combo_row_set_selected (row, CLAMP (value, 1, 5) - 1);
}

static void
show_score (GtkLabel     *badge,
            AdwActionRow *row,
            guint         likelihood,
            guint         impact,
            guint         threshold)
{
  guint score = likelihood * impact;
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;

  stw_widget_set_risk_level (GTK_WIDGET (badge), score);
  if (score == 0)
    {
      gtk_label_set_label (badge, _("Not assessed"));
      gtk_widget_add_css_class (GTK_WIDGET (badge), "unassessed");
      adw_action_row_set_subtitle (row, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Not assessed"), -1);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (badge), "unassessed");
  /* Translators: a score and its band, "16 · Very high". */
  text = g_strdup_printf (_("%u · %s"), score, stw_risk_level_label (stw_risk_level_for_score (score)));
  gtk_label_set_label (badge, text);
  if (score > threshold)
    /* Translators: under a risk's score; %u is the threshold. */
    subtitle = g_strdup_printf (_("Above the acceptance threshold of %u"), threshold);
  else
    subtitle = g_strdup_printf (_("Within the acceptance threshold of %u"), threshold);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
update_scores (StwRiskEditor *self)
{
  guint threshold = self->workspace != NULL ? stw_workspace_get_risk_threshold (self->workspace) : 25;
  guint likelihood = selected_scale (self->likelihood_row, FALSE);
  guint impact = selected_scale (self->impact_row, FALSE);
  g_autofree char *score = NULL;

  show_score (self->score_badge, self->score_row, likelihood, impact, threshold);
  show_score (self->residual_score_badge, self->residual_score_row,
              selected_scale (self->residual_likelihood_row, TRUE),
              selected_scale (self->residual_impact_row, TRUE), threshold);

  score = g_strdup_printf ("%u", likelihood * impact);
  gtk_label_set_label (self->heading_score, score);
  stw_widget_set_risk_level (GTK_WIDGET (self->heading_score), likelihood * impact);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_score), self->risk != NULL);
}

static void
update_items_group (StwRiskEditor *self)
{
  guint n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  gboolean stored = self->risk != NULL && stw_risk_get_id (self->risk) != 0;
  const char *description = NULL;

  if (!stored)
    description = _("Save the risk first, then plan how to treat it.");
  else if (n == 0)
    description = _("No treatment item yet.");

  adw_preferences_group_set_description (self->items_group, description);
  gtk_widget_set_visible (self->items_frame, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-editor.new-treatment", stored);
}

static void items_changed_cb (StwRiskEditor *self);

static void
load_items (StwRiskEditor *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, items_changed_cb, self);
  g_clear_object (&self->items);

  if (self->workspace != NULL && self->risk != NULL && stw_risk_get_id (self->risk) != 0)
    {
      g_autoptr(GError) error = NULL;
      StwItemFilter filter;

      stw_item_filter_init (&filter, 0);
      filter.risk_id = stw_risk_get_id (self->risk);
      filter.sort = STW_ITEM_SORT_REF;
      self->items = stw_workspace_filter_items (self->workspace, &filter, &error);
      if (self->items == NULL)
        show_error (self, error->message);
      else
        g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  if (self->items != NULL)
    selection = gtk_no_selection_new (g_object_ref (self->items));
  gtk_list_view_set_model (self->items_list, GTK_SELECTION_MODEL (selection));
  update_items_group (self);
}

static void
load_fields (StwRiskEditor *self)
{
  StwRisk *risk = self->risk;
  gboolean stored = risk != NULL && stw_risk_get_id (risk) != 0;

  self->loading++;

  if (risk == NULL)
    gtk_label_set_label (self->heading_label, "");
  else
    gtk_label_set_label (self->heading_label, stored ? stw_risk_get_ref (risk) : _("New risk"));

  stw_editable_set_value (GTK_EDITABLE (self->title_row), risk != NULL ? stw_risk_get_title (risk) : NULL);
  stw_editable_set_value (GTK_EDITABLE (self->asset_row), risk != NULL ? stw_risk_get_asset (risk) : NULL);
  stw_editable_set_value (GTK_EDITABLE (self->threat_row), risk != NULL ? stw_risk_get_threat (risk) : NULL);
  stw_editable_set_value (GTK_EDITABLE (self->vulnerability_row), risk != NULL ? stw_risk_get_vulnerability (risk) : NULL);
  stw_owner_row_set_owner_id (self->owner_row, risk != NULL ? stw_risk_get_owner_id (risk) : 0);
  select_scale (self->likelihood_row, risk != NULL ? stw_risk_get_likelihood (risk) : 3, FALSE);
  select_scale (self->impact_row, risk != NULL ? stw_risk_get_impact (risk) : 3, FALSE);
  adw_combo_row_set_selected (self->treatment_row, risk != NULL ? stw_risk_get_treatment (risk) : 0);
  adw_combo_row_set_selected (self->status_row, risk != NULL ? stw_risk_get_status (risk) : 0);
  stw_date_row_set_date (self->review_row, risk != NULL ? stw_risk_get_next_review (risk) : NULL);
  select_scale (self->residual_likelihood_row, risk != NULL ? stw_risk_get_residual_likelihood (risk) : 0, TRUE);
  select_scale (self->residual_impact_row, risk != NULL ? stw_risk_get_residual_impact (risk) : 0, TRUE);
  stw_text_view_set_text (self->notes_view, risk != NULL ? stw_risk_get_notes (risk) : NULL);
  stw_control_list_set_controls (self->control_list, risk != NULL ? stw_risk_get_controls (risk) : NULL);
  stw_history_list_load (self->history_list, stored ? self->workspace : NULL, "risk",
                         stored ? stw_risk_get_id (risk) : 0);
  gtk_widget_set_visible (self->history_group, stored);
  /* Evidence that the treatment works can be kept with the risk itself. */
  stw_evidence_list_set_record (self->evidence_list, stored ? self->workspace : NULL, "risk",
                                stored ? stw_risk_get_id (risk) : 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-editor.delete", stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-editor.save", risk != NULL);
  update_scores (self);
  load_items (self);

  self->loading--;
}

static GListModel *
new_scale_model (const char *(*label_func) (guint value),
                 gboolean     optional)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (optional)
    gtk_string_list_append (list, _("Not assessed"));
  for (guint i = 1; i <= 5; i++)
    {
      /* Translators: a point of a scale, "4 · Likely". */
      g_autofree char *text = g_strdup_printf (_("%u · %s"), i, label_func (i));

      gtk_string_list_append (list, text);
    }

  return G_LIST_MODEL (list);
}

/* Callbacks */

static void
field_changed_cb (StwRiskEditor *self)
{
  if (self->loading > 0 || self->risk == NULL)
    return;

  set_modified (self, TRUE);
}

static void
score_changed_cb (StwRiskEditor *self)
{
  update_scores (self);
  field_changed_cb (self);
}

static void
entry_activated_cb (StwRiskEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "risk-editor.save", NULL);
}

static void
items_changed_cb (StwRiskEditor *self)
{
  update_items_group (self);
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *ref = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_add_css_class (ref, "item-ref");
  gtk_widget_add_css_class (ref, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (status, "status-pill");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), ref);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), status);
  gtk_list_item_set_child (list_item, box);
}

static void
item_bound_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  StwItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *ref = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (ref);
  GtkWidget *status = gtk_widget_get_next_sibling (title);
  const char *old_class = g_object_get_data (G_OBJECT (status), "status-class");
  g_autofree char *status_class = NULL;
  g_autofree char *name = NULL;

  if (item == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (ref), stw_item_get_ref (item));
  gtk_label_set_label (GTK_LABEL (title), stw_item_get_title (item));
  gtk_widget_set_tooltip_text (title, stw_item_get_title (item));
  gtk_label_set_label (GTK_LABEL (status), stw_status_label (stw_item_get_status (item)));
  if (old_class != NULL)
    gtk_widget_remove_css_class (status, old_class);
  status_class = g_strdup_printf ("status-%s", stw_status_to_key (stw_item_get_status (item)));
  gtk_widget_add_css_class (status, status_class);
  g_object_set_data_full (G_OBJECT (status), "status-class", g_steal_pointer (&status_class), g_free);

  /* Translators: a treatment item's name for screen readers: ref, title, status. */
  name = g_strdup_printf (_("%s %s, %s"), stw_item_get_ref (item), stw_item_get_title (item),
                          stw_status_label (stw_item_get_status (item)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
item_activated_cb (StwRiskEditor *self,
                   guint          position)
{
  g_autoptr(StwItem) item = NULL;

  if (self->items == NULL)
    return;

  item = g_list_model_get_item (self->items, position);
  if (item != NULL)
    g_signal_emit (self, signals[TREATMENT_ITEM_ACTIVATED], 0, stw_item_get_id (item));
}

static void
organisation_changed_cb (StwRiskEditor *self)
{
  /* The threshold may have moved. */
  update_scores (self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StwRiskEditor *self = STW_RISK_EDITOR (widget);

  /* A refusal is shown in the pane and sent as "error". */
  if (self->workspace != NULL && self->risk != NULL)
    stw_risk_editor_save (self, NULL);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    StwRiskEditor    *self)
{
  gint64 risk_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "risk-id"));

  /* Only the risk the question was about. */
  if (g_strcmp0 (response, "delete") == 0 && self->risk != NULL && stw_risk_get_id (self->risk) == risk_id)
    stw_risk_editor_delete (self, NULL);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StwRiskEditor *self = STW_RISK_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (self->workspace == NULL || self->risk == NULL || stw_risk_get_id (self->risk) == 0)
    return;

  /* Translators: %s is a risk reference such as R-003. */
  heading = g_strdup_printf (_("Delete %s?"), stw_risk_get_ref (self->risk));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The risk leaves the register and cannot be brought back. Its history is kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "risk-id", GSIZE_TO_POINTER (stw_risk_get_id (self->risk)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_treatment_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StwRiskEditor *self = STW_RISK_EDITOR (widget);

  if (self->risk != NULL && stw_risk_get_id (self->risk) != 0)
    g_signal_emit (self, signals[NEW_TREATMENT_REQUESTED], 0, stw_risk_get_id (self->risk));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE_REQUESTED], 0);
}

/* Overrides */

/* Attaching or removing a file is recorded in the risk's history. */
static void
evidence_changed_cb (StwRiskEditor *self)
{
  if (self->risk != NULL && stw_risk_get_id (self->risk) != 0)
    stw_history_list_load (self->history_list, self->workspace, "risk", stw_risk_get_id (self->risk));
}

static void
evidence_error_cb (StwRiskEditor *self,
                   GError        *error)
{
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
stw_risk_editor_dispose (GObject *object)
{
  StwRiskEditor *self = STW_RISK_EDITOR (object);
  GtkWidget *child;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, items_changed_cb, self);
  if (self->items_list != NULL)
    gtk_list_view_set_model (self->items_list, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_RISK_EDITOR);
  /* Children without an id in the template are not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->items);
  g_clear_object (&self->workspace);
  g_clear_object (&self->risk);

  G_OBJECT_CLASS (stw_risk_editor_parent_class)->dispose (object);
}

static void
stw_risk_editor_finalize (GObject *object)
{
  StwRiskEditor *self = STW_RISK_EDITOR (object);

  g_clear_pointer (&self->shown_error, g_free);

  G_OBJECT_CLASS (stw_risk_editor_parent_class)->finalize (object);
}

static void
stw_risk_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StwRiskEditor *self = STW_RISK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StwRiskEditor *self = STW_RISK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_risk_editor_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_editor_class_init (StwRiskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_risk_editor_dispose;
  object_class->finalize = stw_risk_editor_finalize;
  object_class->get_property = stw_risk_editor_get_property;
  object_class->set_property = stw_risk_editor_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, STW_TYPE_RISK, STW_TYPE_RISK);
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, STW_TYPE_RISK);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[NEW_TREATMENT_REQUESTED] =
    g_signal_new ("new-treatment-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[TREATMENT_ITEM_ACTIVATED] =
    g_signal_new ("treatment-item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (STW_TYPE_CONTROL_LIST);
  g_type_ensure (STW_TYPE_DATE_ROW);
  g_type_ensure (STW_TYPE_HISTORY_LIST);
  g_type_ensure (STW_TYPE_EVIDENCE_LIST);
  g_type_ensure (STW_TYPE_OWNER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-risk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, close_button);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, heading_score);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, asset_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, threat_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, vulnerability_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, impact_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, score_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, score_badge);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, treatment_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, review_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, residual_likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, residual_impact_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, residual_score_row);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, residual_score_badge);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, items_group);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, items_frame);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, items_list);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, control_list);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, evidence_list);
  gtk_widget_class_bind_template_callback (widget_class, evidence_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_error_cb);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, StwRiskEditor, modified_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, score_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_activated_cb);

  gtk_widget_class_install_action (widget_class, "risk-editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "risk-editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "risk-editor.new-treatment", NULL, new_treatment_activated);
  gtk_widget_class_install_action (widget_class, "risk-editor.close", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "risk-editor.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "riskeditor");
}

static void
stw_risk_editor_init (StwRiskEditor *self)
{
  g_autoptr(GtkStringList) treatments = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GListModel) likelihoods = NULL;
  g_autoptr(GListModel) impacts = NULL;
  g_autoptr(GListModel) residual_likelihoods = NULL;
  g_autoptr(GListModel) residual_impacts = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Indexes of these lists are the enum values or scale points. */
  for (guint i = 0; i < STW_N_TREATMENTS; i++)
    gtk_string_list_append (treatments, stw_treatment_label (i));
  for (guint i = 0; i < STW_N_RISK_STATUSES; i++)
    gtk_string_list_append (statuses, stw_risk_status_label (i));
  adw_combo_row_set_model (self->treatment_row, G_LIST_MODEL (treatments));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  likelihoods = new_scale_model (stw_likelihood_label, FALSE);
  impacts = new_scale_model (stw_impact_label, FALSE);
  residual_likelihoods = new_scale_model (stw_likelihood_label, TRUE);
  residual_impacts = new_scale_model (stw_impact_label, TRUE);
  self->loading++;
  adw_combo_row_set_model (self->likelihood_row, likelihoods);
  adw_combo_row_set_model (self->impact_row, impacts);
  adw_combo_row_set_model (self->residual_likelihood_row, residual_likelihoods);
  adw_combo_row_set_model (self->residual_impact_row, residual_impacts);
  self->loading--;

  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bound_cb), NULL);
  gtk_list_view_set_factory (self->items_list, factory);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);

  load_fields (self);
}

/* Public API */

GtkWidget *
stw_risk_editor_new (void)
{
  return g_object_new (STW_TYPE_RISK_EDITOR, NULL);
}

StwWorkspace *
stw_risk_editor_get_workspace (StwRiskEditor *self)
{
  g_return_val_if_fail (STW_IS_RISK_EDITOR (self), NULL);

  return self->workspace;
}

void
stw_risk_editor_set_workspace (StwRiskEditor *self,
                               StwWorkspace  *workspace)
{
  g_return_if_fail (STW_IS_RISK_EDITOR (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, organisation_changed_cb, self);

  g_set_object (&self->workspace, workspace);
  stw_owner_row_set_workspace (self->owner_row, workspace);

  if (workspace != NULL)
    g_signal_connect_object (workspace, "organisation-changed", G_CALLBACK (organisation_changed_cb), self,
                             G_CONNECT_SWAPPED);

  /* A risk belongs to one workspace. */
  stw_risk_editor_set_risk (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

void
stw_risk_editor_set_risk (StwRiskEditor *self,
                          StwRisk       *risk)
{
  g_return_if_fail (STW_IS_RISK_EDITOR (self));
  g_return_if_fail (risk == NULL || STW_IS_RISK (risk));

  g_clear_object (&self->risk);
  if (risk != NULL)
    self->risk = stw_risk_copy (risk);

  show_error (self, NULL);
  load_fields (self);
  set_modified (self, FALSE);
}

StwRisk *
stw_risk_editor_get_loaded_risk (StwRiskEditor *self)
{
  g_return_val_if_fail (STW_IS_RISK_EDITOR (self), NULL);

  return self->risk;
}

gboolean
stw_risk_editor_get_modified (StwRiskEditor *self)
{
  g_return_val_if_fail (STW_IS_RISK_EDITOR (self), FALSE);

  return self->modified;
}

StwRisk *
stw_risk_editor_dup_edited_risk (StwRiskEditor *self)
{
  g_autoptr(StwRisk) edited = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *review = NULL;
  g_auto(GStrv) controls = NULL;
  guint selected;

  g_return_val_if_fail (STW_IS_RISK_EDITOR (self), NULL);
  g_return_val_if_fail (self->risk != NULL, NULL);

  edited = stw_risk_copy (self->risk);
  stw_risk_set_title (edited, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  stw_risk_set_asset (edited, gtk_editable_get_text (GTK_EDITABLE (self->asset_row)));
  stw_risk_set_threat (edited, gtk_editable_get_text (GTK_EDITABLE (self->threat_row)));
  stw_risk_set_vulnerability (edited, gtk_editable_get_text (GTK_EDITABLE (self->vulnerability_row)));
  stw_risk_set_owner_id (edited, stw_owner_row_get_owner_id (self->owner_row));
  stw_risk_set_likelihood (edited, selected_scale (self->likelihood_row, FALSE));
  stw_risk_set_impact (edited, selected_scale (self->impact_row, FALSE));

  selected = adw_combo_row_get_selected (self->treatment_row);
  if (selected < STW_N_TREATMENTS)
    stw_risk_set_treatment (edited, selected);
  selected = adw_combo_row_get_selected (self->status_row);
  if (selected < STW_N_RISK_STATUSES)
    stw_risk_set_status (edited, selected);

  /* The date as ISO; what was typed, even if it is not a date, so that
   * nothing is lost and saving says why not. */
  if (stw_date_row_get_date (self->review_row) != NULL)
    review = g_strdup (stw_date_row_get_date (self->review_row));
  else
    review = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->review_row))));
  stw_risk_set_next_review (edited, review[0] != '\0' ? review : NULL);

  stw_risk_set_residual_likelihood (edited, selected_scale (self->residual_likelihood_row, TRUE));
  stw_risk_set_residual_impact (edited, selected_scale (self->residual_impact_row, TRUE));

  notes = stw_text_view_dup_value (self->notes_view);
  stw_risk_set_notes (edited, notes);

  controls = stw_control_list_dup_controls (self->control_list);
  stw_risk_set_controls (edited, (const char * const *) controls);

  return g_steal_pointer (&edited);
}

gboolean
stw_risk_editor_save (StwRiskEditor  *self,
                      GError        **error)
{
  g_autoptr(StwRisk) edited = NULL;
  g_autoptr(StwRisk) before = NULL;
  g_autoptr(StwRisk) after = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  gboolean created;
  gboolean ok;

  g_return_val_if_fail (STW_IS_RISK_EDITOR (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);
  g_return_val_if_fail (self->risk != NULL, FALSE);

  edited = stw_risk_editor_dup_edited_risk (self);
  created = stw_risk_get_id (edited) == 0;
  /* The row knows what is wrong with a date typed in the locale's format;
   * the core would only say that it is not ISO. */
  if (!stw_date_row_get_valid (self->review_row))
    {
      local_error = g_error_new (STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                                 /* Translators: %s says why the text is not a date. */
                                 _("Next review: %s"), stw_date_row_get_error (self->review_row));
      ok = FALSE;
    }
  else if (created)
    ok = stw_workspace_insert_risk (self->workspace, edited, &local_error);
  else
    ok = stw_workspace_update_risk (self->workspace, edited, &local_error);

  if (!ok)
    {
      show_error (self, local_error->message);
      g_signal_emit (self, signals[ERROR], 0, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* As stored, with its reference, owner name and flag. */
  after = stw_workspace_load_risk (self->workspace, stw_risk_get_id (edited), NULL);
  if (after == NULL)
    after = g_object_ref (edited);
  if (!created)
    before = g_object_ref (self->risk);

  g_clear_object (&self->risk);
  self->risk = stw_risk_copy (after);
  show_error (self, NULL);
  load_fields (self);
  set_modified (self, FALSE);

  g_signal_emit (self, signals[SAVED], 0, before, after);
  if (created)
    /* Translators: a toast; %s is the new risk's reference. */
    message = g_strdup_printf (_("%s added to the register"), stw_risk_get_ref (after));
  else
    /* Translators: a toast; %s is a risk reference. */
    message = g_strdup_printf (_("%s saved"), stw_risk_get_ref (after));
  g_signal_emit (self, signals[CHANGED], 0, message);

  return TRUE;
}

gboolean
stw_risk_editor_delete (StwRiskEditor  *self,
                        GError        **error)
{
  g_autoptr(StwRisk) before = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (STW_IS_RISK_EDITOR (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);
  g_return_val_if_fail (self->risk != NULL && stw_risk_get_id (self->risk) != 0, FALSE);

  if (!stw_workspace_delete_risk (self->workspace, stw_risk_get_id (self->risk), &local_error))
    {
      show_error (self, local_error->message);
      g_signal_emit (self, signals[ERROR], 0, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  before = g_object_ref (self->risk);
  stw_risk_editor_set_risk (self, NULL);

  g_signal_emit (self, signals[DELETED], 0, before);
  /* Translators: a toast; %s is a risk reference. */
  message = g_strdup_printf (_("%s deleted"), stw_risk_get_ref (before));
  g_signal_emit (self, signals[CHANGED], 0, message);

  return TRUE;
}

void
stw_risk_editor_focus_title (StwRiskEditor *self)
{
  g_return_if_fail (STW_IS_RISK_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

const char *
_stw_risk_editor_get_shown_error (StwRiskEditor *self)
{
  g_return_val_if_fail (STW_IS_RISK_EDITOR (self), NULL);

  return self->shown_error;
}

GListModel *
_stw_risk_editor_get_treatment_items (StwRiskEditor *self)
{
  g_return_val_if_fail (STW_IS_RISK_EDITOR (self), NULL);

  return self->items;
}

void
stw_risk_editor_set_folded (StwRiskEditor *self,
                            gboolean       folded)
{
  g_return_if_fail (STW_IS_RISK_EDITOR (self));

  stw_pane_set_folded (GTK_WIDGET (self), self->back_button, self->close_button, folded);
}
