/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-editor.c: the side pane that edits one item. It holds a private
 * copy of the item as loaded and never writes to the workspace itself: the
 * window's save and delete actions ask it for the edited item, so undo and
 * error reporting live in one place. What the item's workstream adds is
 * shown for its kind only: the risk treated (risk treatment), how the task
 * repeats (operational plan), the corrective-action record (corrective
 * action log).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-control-list.h"
#include "stw-corrective-section.h"
#include "stw-date-input.h"
#include "stw-date-row.h"
#include "stw-evidence-list.h"
#include "stw-history-list.h"
#include "stw-item-editor.h"
#include "stw-owner-row.h"
#include "stw-pane.h"
#include "stw-recurrence-row.h"
#include "stw-risk-chooser-row.h"
#include "stw-text-util.h"

struct _StwItemEditor
{
  GtkWidget      parent_instance;

  StwWorkspace  *workspace;
  StwItem       *item;
  gboolean       reason_shown;    /* the item has a reason for no evidence, or was given one */
  gboolean       modified;
  gboolean       clauses_valid;
  gboolean       title_valid;
  guint          loading;         /* > 0 while fields are filled from the item */

  GtkWidget     *back_button;
  GtkLabel      *heading_label;
  GtkWidget     *close_button;
  AdwEntryRow   *title_row;
  GtkWidget     *title_error_label;
  GtkTextView   *description_view;
  GtkWidget     *risk_group;
  StwRiskChooserRow *risk_row;
  StwOwnerRow   *owner_row;
  AdwComboRow   *status_row;
  AdwComboRow   *priority_row;
  AdwPreferencesGroup *dates_group;
  StwDateRow    *start_row;
  StwDateRow    *due_row;
  StwDateRow    *completed_row;
  StwRecurrenceRow *recurrence_row;
  StwCorrectiveSection *corrective_section;
  GtkWidget     *closure_group;
  GtkTextView   *closure_view;
  GtkWidget     *reason_group;
  GtkTextView   *reason_view;
  AdwEntryRow   *clauses_row;
  StwControlList *control_list;
  GtkTextView   *notes_view;
  StwEvidenceList *evidence_list;
  GtkWidget     *history_group;
  StwHistoryList *history_list;
  GtkWidget     *menu_button;
  GtkLabel      *modified_label;
  GtkWidget     *elsewhere_bar;
};

G_DEFINE_FINAL_TYPE (StwItemEditor, stw_item_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_ITEM,
  PROP_MODIFIED,
  PROP_CAN_SAVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RELOAD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
set_modified (StwItemEditor *self,
              gboolean       modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  gtk_label_set_label (self->modified_label, modified ? _("Unsaved changes") : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* An item needs a title: without one Save is off, and the field says why
 * (marked as an error once the item is stored or the title was typed
 * and cleared, not on a new item's first empty field). */
static void
validate_title (StwItemEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  gboolean valid = self->item == NULL || title[0] != '\0';
  gboolean marked = !valid && (self->modified || stw_item_get_id (self->item) != 0);

  if (marked)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_set_visible (self->title_error_label, !valid);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->title_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);

  if (self->title_valid == valid)
    return;
  self->title_valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

static StwStatus
selected_status (StwItemEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  return selected < STW_N_STATUSES ? (StwStatus) selected : STW_STATUS_TODO;
}

/* The kind of workstream the loaded item belongs to. */
static StwWorkstreamKind
item_kind (StwItemEditor *self)
{
  StwWorkstream *workstream = NULL;

  if (self->workspace != NULL && self->item != NULL)
    workstream = stw_workspace_find_workstream (self->workspace, stw_item_get_workstream_id (self->item));

  return workstream != NULL ? stw_workstream_get_kind (workstream) : STW_WORKSTREAM_CUSTOM;
}

/* The closure note and completion date belong to closed items; the reason
 * for having no evidence shows once there is one. */
static void
update_closed_fields (StwItemEditor *self)
{
  StwStatus status = selected_status (self);
  gboolean closed = self->item != NULL && !stw_status_is_open (status);
  gboolean has_note = self->item != NULL && stw_item_get_closure_note (self->item) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->completed_row), closed);
  gtk_widget_set_visible (self->closure_group, status == STW_STATUS_DONE || has_note);
  gtk_widget_set_visible (self->reason_group, self->item != NULL && self->reason_shown);
}

/* Shows the parts of the form the item's workstream adds, filled from the
 * item. */
static void
load_kind_fields (StwItemEditor *self)
{
  StwWorkstreamKind kind = item_kind (self);
  StwItem *item = self->item;

  gtk_widget_set_visible (self->risk_group, item != NULL && kind == STW_WORKSTREAM_TREATMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->recurrence_row), item != NULL && kind == STW_WORKSTREAM_PLAN);
  gtk_widget_set_visible (GTK_WIDGET (self->corrective_section), item != NULL && kind == STW_WORKSTREAM_CORRECTIVE);

  stw_risk_chooser_row_set_risk_id (self->risk_row, item != NULL ? stw_item_get_risk_id (item) : 0);
  stw_recurrence_row_set_recurrence (self->recurrence_row, item != NULL ? stw_item_get_recurrence (item) : NULL);
  stw_recurrence_row_set_due_date (self->recurrence_row, item != NULL ? stw_item_get_due_date (item) : NULL);
  stw_corrective_section_set_corrective (self->corrective_section, item != NULL ? stw_item_get_corrective (item) : NULL);

  self->reason_shown = item != NULL && stw_item_get_no_evidence_reason (item) != NULL;
  stw_text_view_set_text (self->reason_view, item != NULL ? stw_item_get_no_evidence_reason (item) : NULL);
}

/* Splits what was typed in the clauses row into clause numbers: commas,
 * semicolons or spaces separate them. Returns NULL and sets @bad to the
 * first word that is not a clause. */
static GStrv
parse_clauses (const char  *text,
               char       **bad)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = g_regex_split_simple ("[,;\\s]+", text != NULL ? text : "", 0, 0);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (!stw_clause_is_valid (words[i]))
        {
          if (bad != NULL)
            *bad = g_strdup (words[i]);
          return NULL;
        }
      g_strv_builder_add (builder, words[i]);
    }

  return g_strv_builder_end (builder);
}

static void
validate_clauses (StwItemEditor *self)
{
  g_autofree char *bad = NULL;
  g_auto(GStrv) clauses = parse_clauses (gtk_editable_get_text (GTK_EDITABLE (self->clauses_row)), &bad);

  self->clauses_valid = clauses != NULL;
  if (self->clauses_valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->clauses_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->clauses_row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->clauses_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               self->clauses_valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

static void
load_fields (StwItemEditor *self)
{
  StwItem *item = self->item;
  g_autofree char *clauses = NULL;
  const char *ref;

  self->loading++;

  if (item == NULL)
    {
      gtk_label_set_label (self->heading_label, "");
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), "");
      stw_text_view_set_text (self->description_view, NULL);
      stw_owner_row_set_owner_id (self->owner_row, 0);
      adw_combo_row_set_selected (self->status_row, STW_STATUS_TODO);
      adw_combo_row_set_selected (self->priority_row, STW_PRIORITY_NORMAL);
      stw_date_row_set_date (self->start_row, NULL);
      stw_date_row_set_date (self->due_row, NULL);
      stw_date_row_set_date (self->completed_row, NULL);
      stw_text_view_set_text (self->closure_view, NULL);
      stw_text_view_set_text (self->notes_view, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->clauses_row), "");
      stw_control_list_set_controls (self->control_list, NULL);
      stw_evidence_list_set_record (self->evidence_list, NULL, NULL, 0);
      stw_history_list_load (self->history_list, NULL, NULL, 0);
      gtk_widget_set_visible (self->menu_button, FALSE);
      load_kind_fields (self);
      update_closed_fields (self);
      self->loading--;
      validate_title (self);
      return;
    }

  ref = stw_item_get_ref (item);
  gtk_label_set_label (self->heading_label,
                       stw_item_get_id (item) == 0 || ref == NULL ? _("New item") : ref);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         stw_item_get_title (item) != NULL ? stw_item_get_title (item) : "");
  stw_text_view_set_text (self->description_view, stw_item_get_description (item));
  stw_owner_row_set_owner_id (self->owner_row, stw_item_get_owner_id (item));
  adw_combo_row_set_selected (self->status_row, stw_item_get_status (item));
  adw_combo_row_set_selected (self->priority_row, stw_item_get_priority (item));
  stw_date_row_set_date (self->start_row, stw_item_get_start_date (item));
  stw_date_row_set_date (self->due_row, stw_item_get_due_date (item));
  stw_date_row_set_date (self->completed_row, stw_item_get_completed_date (item));
  stw_text_view_set_text (self->closure_view, stw_item_get_closure_note (item));
  stw_text_view_set_text (self->notes_view, stw_item_get_notes (item));
  clauses = g_strjoinv (", ", (char **) stw_item_get_clauses (item));
  gtk_editable_set_text (GTK_EDITABLE (self->clauses_row), clauses != NULL ? clauses : "");
  stw_control_list_set_controls (self->control_list, stw_item_get_controls (item));
  /* A new item (id 0) gets a group that asks to save it first. */
  stw_evidence_list_set_record (self->evidence_list, self->workspace, "item", stw_item_get_id (item));
  stw_history_list_load (self->history_list, self->workspace, "item", stw_item_get_id (item));
  gtk_widget_set_visible (self->history_group, stw_item_get_id (item) != 0);
  gtk_widget_set_visible (self->menu_button, stw_item_get_id (item) != 0);
  load_kind_fields (self);
  update_closed_fields (self);

  self->loading--;
  validate_title (self);
}

static const char *
status_label (int value)
{
  return stw_status_label (value);
}

static const char *
priority_label (int value)
{
  return stw_priority_label (value);
}

/* Callbacks */

static void
reload_clicked_cb (StwItemEditor *self)
{
  g_signal_emit (self, signals[RELOAD], 0);
}

static void
field_changed_cb (StwItemEditor *self)
{
  if (self->loading > 0 || self->item == NULL)
    return;

  set_modified (self, TRUE);
}

static void
title_changed_cb (StwItemEditor *self)
{
  field_changed_cb (self);
  validate_title (self);
}

/* Alt+D, as the Delete button had: only a stored item has anything to
 * delete. */
static gboolean
delete_pressed_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  StwItemEditor *self = STW_ITEM_EDITOR (widget);

  if (self->item == NULL || stw_item_get_id (self->item) == 0)
    return FALSE;

  return gtk_widget_activate_action (widget, "win.delete-item", NULL);
}

/* A repeating task with no "from" date of its own repeats from its due
 * date. */
static void
due_changed_cb (StwItemEditor *self)
{
  if (stw_date_row_get_valid (self->due_row))
    stw_recurrence_row_set_due_date (self->recurrence_row, stw_date_row_get_date (self->due_row));
  field_changed_cb (self);
}

static void
status_changed_cb (StwItemEditor *self)
{
  update_closed_fields (self);
  field_changed_cb (self);
}

static void
clauses_changed_cb (StwItemEditor *self)
{
  validate_clauses (self);
  field_changed_cb (self);
}

static void
entry_activated_cb (StwItemEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save-item", NULL);
}

/* Attaching or removing a file is not an edit of the item's fields; the
 * history shows it (with the file's SHA-256). */
static void
evidence_changed_cb (StwItemEditor *self)
{
  if (self->item != NULL && stw_item_get_id (self->item) != 0)
    stw_history_list_load (self->history_list, self->workspace, "item", stw_item_get_id (self->item));
}

/* Overrides */

static void
stw_item_editor_dispose (GObject *object)
{
  GtkWidget *child;
  StwItemEditor *self = STW_ITEM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_ITEM_EDITOR);
  /* Children without an id in the template are not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (stw_item_editor_parent_class)->dispose (object);
}

static void
stw_item_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StwItemEditor *self = STW_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_CAN_SAVE:
      g_value_set_boolean (value, stw_item_editor_get_can_save (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_item_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StwItemEditor *self = STW_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_item_editor_set_workspace (self, g_value_get_object (value));
      break;

    case PROP_ITEM:
      stw_item_editor_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_item_editor_class_init (StwItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_item_editor_dispose;
  object_class->get_property = stw_item_editor_get_property;
  object_class->set_property = stw_item_editor_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         STW_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RELOAD] =
    g_signal_new ("reload", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (STW_TYPE_CONTROL_LIST);
  g_type_ensure (STW_TYPE_CORRECTIVE_SECTION);
  g_type_ensure (STW_TYPE_DATE_ROW);
  g_type_ensure (STW_TYPE_EVIDENCE_LIST);
  g_type_ensure (STW_TYPE_HISTORY_LIST);
  g_type_ensure (STW_TYPE_OWNER_ROW);
  g_type_ensure (STW_TYPE_RECURRENCE_ROW);
  g_type_ensure (STW_TYPE_RISK_CHOOSER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, close_button);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, dates_group);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, title_error_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, risk_group);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, risk_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, completed_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, recurrence_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, corrective_section);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, closure_group);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, closure_view);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, reason_group);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, reason_view);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, clauses_row);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, control_list);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, modified_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemEditor, elsewhere_bar);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clauses_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_changed_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_d, GDK_ALT_MASK, delete_pressed_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "itemeditor");
}

static void
stw_item_editor_init (StwItemEditor *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) priorities = NULL;
  GtkTextView *texts[4];
  g_autofree char *hint = NULL;
  g_autofree char *dates_description = NULL;

  self->clauses_valid = TRUE;
  self->title_valid = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The example is worked out now, in the locale's format, so it is never
   * a day already past. */
  hint = stw_date_input_hint (NULL);
  /* Translators: %s is how to type a date, "13.12.2026 or 2026-12-13". */
  dates_description = g_strdup_printf (_("For example %s."), hint);
  adw_preferences_group_set_description (self->dates_group, dates_description);

  /* Indexes of these lists are the enum values. */
  statuses = stw_string_list_new_labels (status_label, STW_N_STATUSES);
  priorities = stw_string_list_new_labels (priority_label, STW_N_PRIORITIES);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));

  texts[0] = self->description_view;
  texts[1] = self->closure_view;
  texts[2] = self->notes_view;
  texts[3] = self->reason_view;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (texts[i]), "changed",
                             G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);

  load_fields (self);
}

/* Public API */

GtkWidget *
stw_item_editor_new (void)
{
  return g_object_new (STW_TYPE_ITEM_EDITOR, NULL);
}

StwWorkspace *
stw_item_editor_get_workspace (StwItemEditor *self)
{
  g_return_val_if_fail (STW_IS_ITEM_EDITOR (self), NULL);

  return self->workspace;
}

void
stw_item_editor_set_workspace (StwItemEditor *self,
                               StwWorkspace  *workspace)
{
  g_return_if_fail (STW_IS_ITEM_EDITOR (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  g_set_object (&self->workspace, workspace);
  stw_risk_chooser_row_set_workspace (self->risk_row, workspace);
  stw_corrective_section_set_workspace (self->corrective_section, workspace);
  stw_owner_row_set_workspace (self->owner_row, workspace);

  /* An item belongs to one workspace. */
  stw_item_editor_set_item (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

StwItem *
stw_item_editor_get_item (StwItemEditor *self)
{
  g_return_val_if_fail (STW_IS_ITEM_EDITOR (self), NULL);

  return self->item;
}

void
stw_item_editor_set_item (StwItemEditor *self,
                          StwItem       *item)
{
  g_return_if_fail (STW_IS_ITEM_EDITOR (self));
  g_return_if_fail (item == NULL || STW_IS_ITEM (item));

  g_clear_object (&self->item);
  if (item != NULL)
    self->item = stw_item_copy (item);

  load_fields (self);
  set_modified (self, FALSE);
  validate_title (self);
  gtk_widget_set_visible (self->elsewhere_bar, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
stw_item_editor_show_changed_elsewhere (StwItemEditor *self)
{
  g_return_if_fail (STW_IS_ITEM_EDITOR (self));

  gtk_widget_set_visible (self->elsewhere_bar, self->item != NULL);
}

gboolean
stw_item_editor_get_changed_elsewhere (StwItemEditor *self)
{
  g_return_val_if_fail (STW_IS_ITEM_EDITOR (self), FALSE);

  return gtk_widget_get_visible (self->elsewhere_bar);
}

gboolean
stw_item_editor_get_modified (StwItemEditor *self)
{
  g_return_val_if_fail (STW_IS_ITEM_EDITOR (self), FALSE);

  return self->modified;
}

gboolean
stw_item_editor_get_can_save (StwItemEditor *self)
{
  g_return_val_if_fail (STW_IS_ITEM_EDITOR (self), FALSE);

  return self->item != NULL && self->title_valid;
}

StwItem *
stw_item_editor_dup_edited_item (StwItemEditor  *self,
                                 GError        **error)
{
  g_autoptr(StwItem) edited = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *closure_note = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *bad_clause = NULL;
  StwRecurrence recurrence;
  g_auto(GStrv) clauses = NULL;
  g_auto(GStrv) controls = NULL;
  StwStatus status;
  guint selected;

  g_return_val_if_fail (STW_IS_ITEM_EDITOR (self), NULL);
  g_return_val_if_fail (self->item != NULL, NULL);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (title[0] == '\0')
    {
      g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                           _("An item needs a title."));
      return NULL;
    }
  if (!stw_date_row_get_valid (self->start_row))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   /* Translators: %s says why the text is not a date. */
                   _("Start date: %s"), stw_date_row_get_error (self->start_row));
      return NULL;
    }
  if (!stw_date_row_get_valid (self->due_row))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   /* Translators: %s says why the text is not a date. */
                   _("Due date: %s"), stw_date_row_get_error (self->due_row));
      return NULL;
    }
  if (!stw_date_row_get_valid (self->completed_row))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   /* Translators: %s says why the text is not a date. */
                   _("Completed on: %s"), stw_date_row_get_error (self->completed_row));
      return NULL;
    }
  clauses = parse_clauses (gtk_editable_get_text (GTK_EDITABLE (self->clauses_row)), &bad_clause);
  if (clauses == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a clause of ISO/IEC 27001. Use numbers from 4 to 10, such as 9.2."),
                   bad_clause);
      return NULL;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->recurrence_row))
      && !stw_recurrence_row_get_recurrence (self->recurrence_row, &recurrence, error))
    return NULL;

  description = stw_text_view_dup_text (self->description_view);
  closure_note = stw_text_view_dup_value (self->closure_view);
  notes = stw_text_view_dup_value (self->notes_view);

  edited = stw_item_copy (self->item);
  stw_item_set_title (edited, title);
  stw_item_set_description (edited, description[0] != '\0' ? description : NULL);
  stw_item_set_owner_id (edited, stw_owner_row_get_owner_id (self->owner_row));

  status = selected_status (self);
  stw_item_set_status (edited, status);
  selected = adw_combo_row_get_selected (self->priority_row);
  if (selected < STW_N_PRIORITIES)
    stw_item_set_priority (edited, selected);

  stw_item_set_start_date (edited, stw_date_row_get_date (self->start_row));
  stw_item_set_due_date (edited, stw_date_row_get_date (self->due_row));
  /* Reopening clears the date; closing without one stamps today. */
  stw_item_set_completed_date (edited, stw_status_is_open (status) ? NULL
                                       : stw_date_row_get_date (self->completed_row));
  stw_item_set_closure_note (edited, closure_note);
  if (self->reason_shown)
    {
      g_autofree char *reason = stw_text_view_dup_value (self->reason_view);

      stw_item_set_no_evidence_reason (edited, reason);
    }
  stw_item_set_notes (edited, notes);
  stw_item_set_clauses (edited, (const char * const *) clauses);

  controls = stw_control_list_dup_controls (self->control_list);
  stw_item_set_controls (edited, (const char * const *) controls);

  if (gtk_widget_get_visible (self->risk_group))
    stw_item_set_risk_id (edited, stw_risk_chooser_row_get_risk_id (self->risk_row));
  if (gtk_widget_get_visible (GTK_WIDGET (self->recurrence_row)))
    stw_item_set_recurrence (edited, &recurrence);
  if (gtk_widget_get_visible (GTK_WIDGET (self->corrective_section)))
    {
      g_autoptr(StwCorrective) corrective = stw_corrective_section_dup_corrective (self->corrective_section, error);

      if (corrective == NULL)
        return NULL;
      stw_item_set_corrective (edited, corrective);
    }

  return g_steal_pointer (&edited);
}

void
stw_item_editor_set_closure (StwItemEditor *self,
                             const char    *note,
                             const char    *no_evidence_reason)
{
  g_return_if_fail (STW_IS_ITEM_EDITOR (self));

  /* Typed by the person, in the closure dialog: a change like any other. */
  stw_text_view_set_text (self->closure_view, note);
  if (no_evidence_reason != NULL)
    {
      stw_text_view_set_text (self->reason_view, no_evidence_reason);
      self->reason_shown = TRUE;
    }
  update_closed_fields (self);
}

StwEvidenceList *
stw_item_editor_get_evidence_list (StwItemEditor *self)
{
  g_return_val_if_fail (STW_IS_ITEM_EDITOR (self), NULL);

  return self->evidence_list;
}

void
stw_item_editor_focus_title (StwItemEditor *self)
{
  g_return_if_fail (STW_IS_ITEM_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
stw_item_editor_set_folded (StwItemEditor *self,
                            gboolean       folded)
{
  g_return_if_fail (STW_IS_ITEM_EDITOR (self));

  stw_pane_set_folded (GTK_WIDGET (self), self->back_button, self->close_button, folded);
}
