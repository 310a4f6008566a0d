/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-plan-template-dialog.c: the offer to start the operational plan
 * from the shipped template. The list shows exactly what will be added, so
 * nobody accepts fourteen repeating tasks without seeing them, and each
 * task can be left out: a task the plan already holds (by its title) is
 * left out unless chosen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-plan-template-dialog.h"
#include "stw-plan.h"

struct _StwPlanTemplateDialog
{
  AdwMessageDialog  parent_instance;

  StwWorkspace     *workspace;
  GArray           *owner_ids;     /* gint64 per owner choice */

  AdwComboRow      *owner_row;
  GtkListBox       *tasks_list;
  GPtrArray        *task_checks;   /* GtkCheckButton per template task */
};

G_DEFINE_FINAL_TYPE (StwPlanTemplateDialog, stw_plan_template_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_OWNER_ID,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static GtkWidget *
new_boxed_list (const char *accessible_name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  return list;
}

static void
fill_owners (StwPlanTemplateDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *people = stw_workspace_get_people (self->workspace);
  gint64 actor = stw_workspace_get_actor_id (self->workspace);
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (names, _("No owner"));
  g_array_append_val (self->owner_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (people, i);
      gint64 id = stw_person_get_id (person);

      if (!stw_person_get_active (person))
        continue;
      if (id == actor)
        selected = self->owner_ids->len;
      g_array_append_val (self->owner_ids, id);
      gtk_string_list_append (names, stw_person_get_name (person));
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->owner_row, selected);
}

/* Titles of the operational plan's items, to leave out what it holds. */
static GHashTable *
plan_titles (StwWorkspace *workspace)
{
  GHashTable *titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *streams = stw_workspace_get_workstreams (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (streams); i++)
    {
      g_autoptr(StwWorkstream) stream = g_list_model_get_item (streams, i);
      g_autoptr(GListModel) items = NULL;

      if (stw_workstream_get_kind (stream) != STW_WORKSTREAM_PLAN)
        continue;
      items = stw_workspace_list_items (workspace, stw_workstream_get_id (stream), NULL);
      for (guint j = 0; items != NULL && j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(StwItem) item = g_list_model_get_item (items, j);

          g_hash_table_add (titles, g_strdup (stw_item_get_title (item)));
        }
    }
  return titles;
}

static void
task_toggled_cb (StwPlanTemplateDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->task_checks->len && !any; i++)
    any = gtk_check_button_get_active (g_ptr_array_index (self->task_checks, i));
  /* Adding nothing is no choice to offer. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", any);
}

static void
fill_tasks (StwPlanTemplateDialog *self)
{
  g_autoptr(GHashTable) existing = plan_titles (self->workspace);

  for (guint i = 0; i < stw_plan_template_get_count (); i++)
    {
      const StwPlanTemplateTask *task = stw_plan_template_get (i);
      StwRecurrence r = { task->unit, task->interval, "" };
      g_autofree char *every = stw_recurrence_describe (&r);
      g_autofree char *subtitle = NULL;
      gboolean held = g_hash_table_contains (existing, _(task->title));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Translators: a template task the plan already holds: how often it
       * repeats, then this note. */
      subtitle = held ? g_strdup_printf (_("%s · already in the plan"), every) : g_strdup (every);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(task->title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !held);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (task_toggled_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->task_checks, check);
      gtk_list_box_append (self->tasks_list, row);
    }
  task_toggled_cb (self);
}

static void
show_error (StwPlanTemplateDialog *self,
            const char            *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("The template plan was not added"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
owner_selected_cb (StwPlanTemplateDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

/* Overrides */

static void
stw_plan_template_dialog_response (AdwMessageDialog *dialog,
                                   const char       *response)
{
  StwPlanTemplateDialog *self = STW_PLAN_TEMPLATE_DIALOG (dialog);

  if (g_strcmp0 (response, "add") == 0 && self->workspace != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gboolean *chosen = g_new0 (gboolean, self->task_checks->len);
      int created;

      for (guint i = 0; i < self->task_checks->len; i++)
        chosen[i] = gtk_check_button_get_active (g_ptr_array_index (self->task_checks, i));
      created = stw_workspace_apply_plan_tasks (self->workspace,
                                                stw_plan_template_dialog_get_owner_id (self),
                                                chosen, &error);
      if (created < 0)
        show_error (self, error->message);
      else
        g_signal_emit (self, signals[DONE], 0, created);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (stw_plan_template_dialog_parent_class)->response)
    ADW_MESSAGE_DIALOG_CLASS (stw_plan_template_dialog_parent_class)->response (dialog, response);
}

static void
stw_plan_template_dialog_constructed (GObject *object)
{
  StwPlanTemplateDialog *self = STW_PLAN_TEMPLATE_DIALOG (object);
  guint n = stw_plan_template_get_count ();
  g_autofree char *body = NULL;
  GtkWidget *box, *owner_list, *scroller;

  G_OBJECT_CLASS (stw_plan_template_dialog_parent_class)->constructed (object);

  if (self->workspace == NULL)
    return;

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Start from the template plan?"));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Add the %u repeating task that most ISO/IEC 27001 systems run, "
                                       "planned from today to the end of the ISMS year. You can change or "
                                       "remove it afterwards.",
                                       "Add the %u repeating tasks that most ISO/IEC 27001 systems run, "
                                       "planned from today to the end of the ISMS year. You can change or "
                                       "remove any of them afterwards.",
                                       n),
                          n);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Not now"),
                                    "add", _("_Add to plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  owner_list = new_boxed_list (_("Owner"));
  self->owner_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->owner_row), _("Owner"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->owner_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Owner of the template tasks"),
                                  -1);
  /* Not also "labelled by" its title: GTK 4.8 would read both ("Owner of
   * the template tasks Owner"); the label says it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->owner_row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_list_box_append (GTK_LIST_BOX (owner_list), GTK_WIDGET (self->owner_row));
  gtk_box_append (GTK_BOX (box), owner_list);
  fill_owners (self);
  g_signal_connect_object (self->owner_row, "notify::selected",
                           G_CALLBACK (owner_selected_cb), self, G_CONNECT_SWAPPED);

  self->tasks_list = GTK_LIST_BOX (new_boxed_list (_("Template tasks")));
  fill_tasks (self);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->tasks_list));
  gtk_box_append (GTK_BOX (box), scroller);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
}

static void
stw_plan_template_dialog_finalize (GObject *object)
{
  StwPlanTemplateDialog *self = STW_PLAN_TEMPLATE_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->task_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (stw_plan_template_dialog_parent_class)->finalize (object);
}

static void
stw_plan_template_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  StwPlanTemplateDialog *self = STW_PLAN_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, stw_plan_template_dialog_get_owner_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_plan_template_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  StwPlanTemplateDialog *self = STW_PLAN_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;

    case PROP_OWNER_ID:
      stw_plan_template_dialog_set_owner_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_plan_template_dialog_class_init (StwPlanTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->constructed = stw_plan_template_dialog_constructed;
  object_class->finalize = stw_plan_template_dialog_finalize;
  object_class->get_property = stw_plan_template_dialog_get_property;
  object_class->set_property = stw_plan_template_dialog_set_property;
  dialog_class->response = stw_plan_template_dialog_response;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
stw_plan_template_dialog_init (StwPlanTemplateDialog *self)
{
  self->owner_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->task_checks = g_ptr_array_new ();
}

/* Public API */

GtkWidget *
stw_plan_template_dialog_new (GtkWindow    *parent,
                              StwWorkspace *workspace)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STW_IS_WORKSPACE (workspace), NULL);

  return g_object_new (STW_TYPE_PLAN_TEMPLATE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "workspace", workspace,
                       NULL);
}

/* Whether template task @index will be added. */
gboolean
stw_plan_template_dialog_get_task_chosen (StwPlanTemplateDialog *self,
                                          guint                  index)
{
  g_return_val_if_fail (STW_IS_PLAN_TEMPLATE_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->task_checks->len, FALSE);

  return gtk_check_button_get_active (g_ptr_array_index (self->task_checks, index));
}

void
stw_plan_template_dialog_set_task_chosen (StwPlanTemplateDialog *self,
                                          guint                  index,
                                          gboolean               chosen)
{
  g_return_if_fail (STW_IS_PLAN_TEMPLATE_DIALOG (self));
  g_return_if_fail (index < self->task_checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->task_checks, index), chosen);
}

StwWorkspace *
stw_plan_template_dialog_get_workspace (StwPlanTemplateDialog *self)
{
  g_return_val_if_fail (STW_IS_PLAN_TEMPLATE_DIALOG (self), NULL);

  return self->workspace;
}

gint64
stw_plan_template_dialog_get_owner_id (StwPlanTemplateDialog *self)
{
  guint selected;

  g_return_val_if_fail (STW_IS_PLAN_TEMPLATE_DIALOG (self), 0);

  if (self->owner_row == NULL)
    return 0;
  selected = adw_combo_row_get_selected (self->owner_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->owner_ids->len)
    return 0;
  return g_array_index (self->owner_ids, gint64, selected);
}

void
stw_plan_template_dialog_set_owner_id (StwPlanTemplateDialog *self,
                                       gint64                 owner_id)
{
  g_return_if_fail (STW_IS_PLAN_TEMPLATE_DIALOG (self));

  if (self->owner_row == NULL)
    return;
  for (guint i = 0; i < self->owner_ids->len; i++)
    if (g_array_index (self->owner_ids, gint64, i) == owner_id)
      {
        adw_combo_row_set_selected (self->owner_row, i);
        return;
      }
}
