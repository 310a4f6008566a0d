/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window-actions.c: the main window's actions ("win.…"). Those of
 * the window itself (workspaces, people, integrity check, workstreams,
 * the plan's roll-forward and template, search, evidence drops) are
 * here; the editing ones (new, save, delete, close, undo, views) run the
 * same action of the page shown (see stw-page.h), so that the shortcuts,
 * the header's buttons and the toast's Undo work on whichever page it is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-integrity-dialog.h"
#include "stw-item-evidence.h"
#include "stw-people-window.h"
#include "stw-plan.h"
#include "stw-plan-template-dialog.h"
#include "stw-roll-forward-window.h"
#include "stw-sample.h"
#include "stw-window-private.h"
#include "stw-workspace-dialog.h"
#include "stw-workspace-list.h"
#include "stw-workstream-dialog.h"

/* The page's actions run while enabled there (see stw-page.h). */
static const char *page_actions[] = {
  "new-item", "save-item", "delete-item", "undo", "show-view",
};

/* Helpers */

static gboolean
page_action_enabled (StwWindow  *self,
                     const char *name)
{
  GActionGroup *actions = self->page != NULL ? stw_page_get_actions (self->page) : NULL;

  return actions != NULL
    && g_action_group_has_action (actions, name)
    && g_action_group_get_action_enabled (actions, name);
}

static void
run_page_action (StwWindow  *self,
                 const char *name,
                 GVariant   *parameter)
{
  if (page_action_enabled (self, name))
    g_action_group_activate_action (stw_page_get_actions (self->page), name, parameter);
}

static StwWorkstream *
find_plan (StwWindow *self)
{
  return _stw_window_find_workstream_of_kind (self, STW_WORKSTREAM_PLAN);
}

/* Callbacks */

static void
workspace_dialog_responded_cb (StwWorkspaceDialog *dialog,
                               const char         *response,
                               StwWindow          *self)
{
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *org = NULL;
  g_autofree char *me = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  org = stw_workspace_dialog_dup_org_name (dialog);
  me = stw_workspace_dialog_dup_me_name (dialog);

  workspace = stw_workspace_create_in_folder (org, me, &error);
  if (workspace == NULL)
    {
      _stw_window_show_error (self, _("Could not create the workspace"), error);
      return;
    }

  /* The plan's tasks belong to whoever set the workspace up. A plan that
   * could not be added can be added later from the plan's menu. */
  if (stw_workspace_dialog_get_use_template (dialog)
      && stw_workspace_apply_plan_template (workspace, stw_workspace_get_actor_id (workspace), &error) < 0)
    {
      _stw_window_open_new_workspace (self, workspace);
      _stw_window_show_error (self, _("Could not add the template plan"), error);
      return;
    }

  _stw_window_open_new_workspace (self, workspace);
}

static void
people_window_actor_changed_cb (StwWindow *self)
{
  _stw_window_update_actor (self);
}

/* The row's colour and the header's name follow the settings saved. */
static void
workstream_saved_cb (StwWindow *self,
                     gint64     workstream_id)
{
  StwWorkstream *workstream = stw_workspace_find_workstream (self->workspace, workstream_id);
  g_autofree char *text = NULL;

  if (workstream == NULL)
    return;

  _stw_window_update_workstream_row (self, workstream_id);
  _stw_window_update_header (self);

  /* Translators: a toast; %s is a workstream's name. */
  text = g_strdup_printf (_("“%s” saved"), stw_workstream_get_name (workstream));
  _stw_window_show_toast (self, text, FALSE);
}

static void
workstream_created_cb (StwWindow *self,
                       gint64     workstream_id)
{
  StwWorkstream *workstream = stw_workspace_find_workstream (self->workspace, workstream_id);
  g_autofree char *text = NULL;

  if (workstream == NULL)
    return;

  /* Its colour was set after the row was made. */
  _stw_window_update_workstream_row (self, workstream_id);
  _stw_window_show_workstream (self, workstream_id);

  /* Translators: a toast; %s is a workstream's name. */
  text = g_strdup_printf (_("Workstream “%s” added"), stw_workstream_get_name (workstream));
  _stw_window_show_toast (self, text, FALSE);
}

static void
rolled_forward_cb (StwRollForwardWindow *window,
                   guint                 n_created,
                   StwWindow            *self)
{
  g_autofree char *text = NULL;

  /* Translators: a toast after the yearly roll-forward of the plan. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Next year’s plan has %u item",
                                       "Next year’s plan has %u items", n_created),
                          n_created);
  _stw_window_show_toast (self, text, FALSE);
}

static void
plan_template_added_cb (StwPlanTemplateDialog *dialog,
                        int                    n_created,
                        StwWindow             *self)
{
  g_autofree char *text = NULL;
  StwWorkstream *plan = find_plan (self);

  /* Translators: a toast after the template plan was added. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d item added to the plan",
                                       "%d items added to the plan", n_created),
                          n_created);
  _stw_window_show_toast (self, text, FALSE);

  if (plan != NULL)
    _stw_window_show_workstream (self, stw_workstream_get_id (plan));
}

/* Actions of the page shown */

static void
page_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* "win.new-item" runs the page's "new-item". */
  run_page_action (STW_WINDOW (widget), action_name + strlen ("win."), parameter);
}

static void
close_editor_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);

  /* Escape leaves the search first, wherever the focus is in it. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return;
    }

  run_page_action (self, "close-editor", NULL);
}

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  AdwViewStack *views = self->page != NULL ? stw_page_get_view_stack (self->page) : NULL;
  const char *view = g_variant_get_string (parameter, NULL);

  if (!page_action_enabled (self, "show-view")
      || views == NULL || adw_view_stack_get_child_by_name (views, view) == NULL)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  run_page_action (self, "show-view", parameter);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The window's actions */

static void
new_workspace_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  GtkWidget *dialog;

  gtk_popover_popdown (self->workspace_popover);

  dialog = stw_workspace_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (workspace_dialog_responded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_sample_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gtk_popover_popdown (self->workspace_popover);

  /* The sample made before, as it was left, rather than a copy each time. */
  path = stw_sample_find ();
  if (path != NULL)
    {
      if (self->workspace != NULL && g_strcmp0 (path, stw_workspace_get_path (self->workspace)) == 0)
        return;
      if (!stw_window_open_workspace (self, path, &error) && error != NULL)
        _stw_window_show_error (self, _("Could not open the sample workspace"), error);
      return;
    }

  /* Translators: the file name of a new sample workspace. */
  path = stw_workspaces_path_for (_("Sample"));
  workspace = stw_sample_create (path, 0, &error);
  if (workspace == NULL)
    {
      _stw_window_show_error (self, _("Could not create the sample workspace"), error);
      return;
    }

  _stw_window_open_new_workspace (self, workspace);
}

static void
open_workspace_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  /* A bytestring: a workspace's path need not be UTF-8. */
  const char *path = g_variant_get_bytestring (parameter);

  gtk_popover_popdown (self->workspace_popover);

  if (self->workspace != NULL && g_strcmp0 (path, stw_workspace_get_path (self->workspace)) == 0)
    return;

  if (!stw_window_open_workspace (self, path, &error) && error != NULL)
    _stw_window_show_error (self, _("Could not open the workspace"), error);
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);

  if (self->workspace == NULL)
    return;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
people_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  GtkWidget *people;

  if (self->workspace == NULL)
    return;

  gtk_popover_popdown (self->workspace_popover);

  people = stw_people_window_new (GTK_WINDOW (self), self->workspace);
  g_signal_connect_object (people, "actor-changed",
                           G_CALLBACK (people_window_actor_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (people));
}

static void
new_workstream_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  GtkWidget *dialog;

  if (self->workspace == NULL)
    return;

  dialog = stw_workstream_dialog_new (GTK_WINDOW (self), self->workspace, 0);
  g_signal_connect_object (dialog, "done", G_CALLBACK (workstream_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_workstream_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *dialog;

  if (self->workspace == NULL || stw_workspace_find_workstream (self->workspace, id) == NULL)
    return;

  dialog = stw_workstream_dialog_new (GTK_WINDOW (self), self->workspace, id);
  g_signal_connect_object (dialog, "done", G_CALLBACK (workstream_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
roll_forward_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  GtkWidget *window;

  /* The review reads the stored plan: an edit in progress goes in first. */
  if (self->workspace == NULL || !stw_page_commit (self->page))
    return;

  window = stw_roll_forward_window_new (GTK_WINDOW (self), self->workspace, NULL);
  g_signal_connect_object (window, "done", G_CALLBACK (rolled_forward_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
apply_plan_template_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  GtkWidget *dialog;

  if (self->workspace == NULL || find_plan (self) == NULL)
    return;

  dialog = stw_plan_template_dialog_new (GTK_WINDOW (self), self->workspace);
  g_signal_connect_object (dialog, "done", G_CALLBACK (plan_template_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_integrity_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);

  if (self->workspace == NULL)
    return;

  gtk_window_present (GTK_WINDOW (stw_integrity_dialog_new (GTK_WINDOW (self),
                                                            stw_workspace_get_path (self->workspace))));
}

/* Files dropped on a card or a list row (see stw-item-evidence.h) go to
 * the workstream page's queue. */
static void
attach_evidence_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  StwEvidenceQueue *queue = stw_workstream_page_get_evidence_queue (self->workstream_page);
  const char *entity = NULL;
  gint64 entity_id = 0;
  GList *files;

  if (self->workspace == NULL)
    return;

  files = stw_item_evidence_parse_parameter (parameter, &entity, &entity_id);
  if (files != NULL && entity_id > 0)
    stw_evidence_queue_add (queue, entity, entity_id, files, NULL);
  g_list_free_full (files, g_object_unref);
}

/* Internal API */

void
_stw_window_update_actions (StwWindow *self)
{
  gboolean has_workspace = self->workspace != NULL;
  gboolean has_plan = find_plan (self) != NULL;

  /* The pages may still say so while the window is disposed. */
  if (self->search_bar == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    {
      g_autofree char *name = g_strconcat ("win.", page_actions[i], NULL);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, page_action_enabled (self, page_actions[i]));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-editor",
                                 page_action_enabled (self, "close-editor")
                                 || gtk_search_bar_get_search_mode (self->search_bar));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.people", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-integrity", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.attach-evidence", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-workstream", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-workstream", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.roll-forward", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.apply-plan-template", has_plan);
}

void
_stw_window_class_actions_init (StwWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint       key;
    const char *view;
  } view_keys[] = {
    { GDK_KEY_1, "board" },
    { GDK_KEY_2, "calendar" },
    { GDK_KEY_3, "list" },
  };

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_activated);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", "ay", open_workspace_activated);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, page_action_activated);
  gtk_widget_class_install_action (widget_class, "win.save-item", NULL, page_action_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-item", NULL, page_action_activated);
  gtk_widget_class_install_action (widget_class, "win.close-editor", NULL, close_editor_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, page_action_activated);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_activated);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.people", NULL, people_activated);
  gtk_widget_class_install_action (widget_class, "win.check-integrity", NULL, check_integrity_activated);
  gtk_widget_class_install_action (widget_class, "win.attach-evidence", "(sxas)", attach_evidence_activated);
  gtk_widget_class_install_action (widget_class, "win.new-workstream", NULL, new_workstream_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-workstream", "x", edit_workstream_activated);
  gtk_widget_class_install_action (widget_class, "win.roll-forward", NULL, roll_forward_activated);
  gtk_widget_class_install_action (widget_class, "win.apply-plan-template", NULL, apply_plan_template_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.people", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.close-editor", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (view_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, view_keys[i].key, GDK_CONTROL_MASK,
                                         "win.show-view", "s", view_keys[i].view);
}
