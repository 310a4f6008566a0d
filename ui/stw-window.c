/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window.c: the main window. A sidebar lists the workstreams of the
 * open workspace, the content pane lists the selected workstream's items
 * (due date ascending, as the core sorts them), and the item editor slides
 * in from the end. Every create, edit and delete goes through here, so each
 * one gets the same toast with "Undo" and the same error reporting.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-item-editor.h"
#include "stw-item-model.h"
#include "stw-item-row.h"
#include "stw-sample.h"
#include "stw-window.h"
#include "stw-window-private.h"
#include "stw-workspace-dialog.h"
#include "stw-workspace-list.h"
#include "stw-workstream-row.h"

typedef enum {
  CHANGE_CREATE,
  CHANGE_UPDATE,
  CHANGE_DELETE,
} ChangeKind;

/* One undoable change. @before is the stored item before an update; the
 * reference is kept for the toast text. */
typedef struct
{
  ChangeKind  kind;
  gint64      item_id;
  StwItem    *before;
  char       *ref;
} Change;

struct _StwWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  StwWorkspace         *workspace;
  StwWorkstream        *workstream;
  GtkSingleSelection   *selection;
  GPtrArray            *undo_stack;      /* Change */
  AdwToast             *toast;
  char                 *toast_title;
  gint64                toast_added_at;
  guint                 syncing;         /* > 0 while the window moves the selection itself */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwPreferencesGroup  *welcome_workspaces_group;
  GtkListBox           *welcome_workspaces_list;
  AdwLeaflet           *leaflet;
  GtkMenuButton        *workspace_button;
  GtkLabel             *workspace_label;
  GtkPopover           *workspace_popover;
  GtkListBox           *workspaces_list;
  GtkListBox           *workstreams_list;
  AdwWindowTitle       *content_title;
  AdwFlap              *flap;
  GtkStack             *items_stack;
  GtkListView          *items_view;
  StwItemEditor        *editor;
};

static void selection_changed_cb (GtkSingleSelection *selection,
                                  GParamSpec         *pspec,
                                  StwWindow          *self);
static void toast_dismissed_cb   (AdwToast           *toast,
                                  StwWindow          *self);
static void items_changed_cb     (GListModel         *model,
                                  guint               position,
                                  guint               removed,
                                  guint               added,
                                  StwWindow          *self);

G_DEFINE_FINAL_TYPE (StwWindow, stw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define UNDO_DEPTH 50
/* Longer than libadwaita's toast show animation (300 ms). */
#define TOAST_SETTLE_USEC (G_USEC_PER_SEC / 2)

/* Helpers */

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->before);
  g_free (change->ref);
  g_free (change);
}

static void
push_change (StwWindow  *self,
             ChangeKind  kind,
             gint64      item_id,
             StwItem    *before,
             const char *ref)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->item_id = item_id;
  change->before = before != NULL ? stw_item_copy (before) : NULL;
  change->ref = g_strdup (ref);

  if (self->undo_stack->len >= UNDO_DEPTH)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_add (self->undo_stack, change);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
}

/* Shows @text (plain text, not markup) in a toast, replacing the one shown,
 * so that "Undo" always means the newest change. */
static void
show_toast (StwWindow  *self,
            const char *text,
            gboolean    with_undo)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  gint64 now = g_get_monotonic_time ();
  AdwToast *toast;

  g_free (self->toast_title);
  self->toast_title = g_strdup (text);

  /* libadwaita 1.2 frees a toast twice when it is dismissed while its show
   * animation runs (several changes in a row), so a toast that has only
   * just appeared is reworded instead of replaced. */
  if (self->toast != NULL && now - self->toast_added_at < TOAST_SETTLE_USEC)
    {
      adw_toast_set_title (self->toast, markup);
      adw_toast_set_button_label (self->toast, with_undo ? _("_Undo") : NULL);
      adw_toast_set_action_name (self->toast, with_undo ? "win.undo" : NULL);
      return;
    }

  if (self->toast != NULL)
    {
      AdwToast *old = g_steal_pointer (&self->toast);

      adw_toast_dismiss (old);
      g_object_unref (old);
    }

  toast = adw_toast_new (markup);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);

  self->toast = g_object_ref (toast);
  self->toast_added_at = now;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (StwWindow    *self,
            const char   *what,
            const GError *error)
{
  g_autofree char *text = NULL;

  /* Translators: "what failed: why", e.g. "Could not save the item: disk full". */
  text = g_strdup_printf (_("%s: %s"), what, error->message);
  show_toast (self, text, FALSE);
  adw_toast_set_timeout (self->toast, 0);
  adw_toast_set_priority (self->toast, ADW_TOAST_PRIORITY_HIGH);
}

static void
update_actions (StwWindow *self)
{
  StwItem *item = stw_item_editor_get_item (self->editor);
  gboolean has_selection = self->selection != NULL
    && gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-item", self->workstream != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-item", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-item",
                                 (item != NULL && stw_item_get_id (item) != 0) || has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-editor", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", self->undo_stack->len > 0);
}

static void
update_items_page (StwWindow *self)
{
  gboolean empty = self->selection == NULL
    || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

  gtk_stack_set_visible_child_name (self->items_stack, empty ? "empty" : "list");
}

/* Moves the list's selection without the editor following it. */
static void
select_item_in_list (StwWindow *self,
                     gint64     item_id)
{
  GListModel *items;
  int position = -1;

  if (self->selection == NULL)
    return;

  items = gtk_single_selection_get_model (self->selection);
  if (item_id != 0 && STW_IS_ITEM_MODEL (items))
    position = stw_item_model_find (STW_ITEM_MODEL (items), item_id);

  self->syncing++;
  gtk_single_selection_set_selected (self->selection,
                                     position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  self->syncing--;

  if (position >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", (guint) position);
}

static void
show_in_editor (StwWindow *self,
                StwItem   *item)
{
  stw_item_editor_set_item (self->editor, item);
  adw_flap_set_reveal_flap (self->flap, item != NULL);
  update_actions (self);
}

static void
close_editor (StwWindow *self)
{
  show_in_editor (self, NULL);
  select_item_in_list (self, 0);
}

/* Writes the editor's item to the workspace: inserts a new one, updates a
 * stored one. On success the editor shows the item as stored and the change
 * can be undone; on failure the editor keeps what was typed. */
static gboolean
save_editor (StwWindow *self)
{
  g_autoptr(StwItem) edited = NULL;
  g_autoptr(StwItem) before = NULL;
  g_autoptr(StwItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (self->workspace == NULL || stw_item_editor_get_item (self->editor) == NULL)
    return TRUE;

  edited = stw_item_editor_dup_edited_item (self->editor, &error);
  if (edited == NULL)
    {
      show_error (self, _("Could not save the item"), error);
      return FALSE;
    }

  id = stw_item_get_id (edited);
  if (id == 0)
    {
      if (!stw_workspace_insert_item (self->workspace, edited, &error))
        {
          show_error (self, _("Could not create the item"), error);
          return FALSE;
        }
      id = stw_item_get_id (edited);
      push_change (self, CHANGE_CREATE, id, NULL, stw_item_get_ref (edited));
      /* Translators: %s is an item reference such as T-014. */
      text = g_strdup_printf (_("%s created"), stw_item_get_ref (edited));
    }
  else
    {
      before = stw_workspace_load_item (self->workspace, id, &error);
      if (before == NULL)
        {
          show_error (self, _("Could not save the item"), error);
          return FALSE;
        }
      if (!stw_workspace_update_item (self->workspace, edited, &error))
        {
          show_error (self, _("Could not save the item"), error);
          return FALSE;
        }
      push_change (self, CHANGE_UPDATE, id, before, stw_item_get_ref (before));
      /* Translators: %s is an item reference such as T-014. */
      text = g_strdup_printf (_("%s saved"), stw_item_get_ref (before));
    }

  stored = stw_workspace_load_item (self->workspace, id, NULL);
  stw_item_editor_set_item (self->editor, stored != NULL ? stored : edited);
  select_item_in_list (self, id);
  update_actions (self);
  show_toast (self, text, TRUE);

  return TRUE;
}

/* Saves what the editor holds before it shows something else. Untouched
 * items need nothing. */
static gboolean
commit_editor (StwWindow *self)
{
  if (stw_item_editor_get_item (self->editor) == NULL
      || !stw_item_editor_get_modified (self->editor))
    return TRUE;

  return save_editor (self);
}

static void
set_workstream (StwWindow     *self,
                StwWorkstream *workstream)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;

  if (self->workstream == workstream)
    return;

  show_in_editor (self, NULL);
  g_set_object (&self->workstream, workstream);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  if (workstream != NULL)
    {
      items = stw_workspace_list_items (self->workspace, stw_workstream_get_id (workstream), &error);
      if (items == NULL)
        show_error (self, _("Could not list the items"), error);
    }

  g_clear_object (&self->selection);
  if (items != NULL)
    {
      self->selection = gtk_single_selection_new (g_object_ref (items));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect (self->selection, "notify::selected-item",
                        G_CALLBACK (selection_changed_cb), self);
      g_signal_connect (self->selection, "items-changed",
                        G_CALLBACK (items_changed_cb), self);
    }
  gtk_list_view_set_model (self->items_view, GTK_SELECTION_MODEL (self->selection));

  adw_window_title_set_title (self->content_title,
                              workstream != NULL ? stw_workstream_get_name (workstream) : "");
  adw_window_title_set_subtitle (self->content_title,
                                 self->workspace != NULL ? stw_workspace_get_org_name (self->workspace) : "");

  update_items_page (self);
  update_actions (self);
}

static GtkWidget *
create_workstream_row (gpointer item,
                       gpointer user_data)
{
  return stw_workstream_row_new (STW_WORKSTREAM (item));
}

static GtkWidget *
create_workspace_row (gpointer item,
                      gpointer user_data)
{
  StwWindow *self = STW_WINDOW (user_data);
  StwWorkspaceInfo *info = STW_WORKSPACE_INFO (item);
  const char *org = stw_workspace_info_get_org_name (info);
  const char *path = stw_workspace_info_get_path (info);
  GtkWidget *row;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (org != NULL && org[0] != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), org);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), stw_workspace_info_get_name (info));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stw_workspace_info_get_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Cannot be read"));
    }

  if (self->workspace != NULL
      && g_strcmp0 (path, stw_workspace_get_path (self->workspace)) == 0)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open now"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }

  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);

  return row;
}

/* Lists the workspaces in @list; returns how many there are. */
static guint
fill_workspaces (StwWindow  *self,
                 GtkListBox *list)
{
  g_autoptr(GListModel) workspaces = NULL;
  g_autoptr(GError) error = NULL;

  workspaces = stw_workspaces_list (&error);
  if (workspaces == NULL)
    {
      show_error (self, _("Could not list the workspaces"), error);
      gtk_list_box_bind_model (list, NULL, NULL, NULL, NULL);
      return 0;
    }

  gtk_list_box_bind_model (list, workspaces, create_workspace_row, self, NULL);

  return g_list_model_get_n_items (workspaces);
}

static void
remember_workspace (StwWindow  *self,
                    const char *path)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-workspace", path != NULL ? path : "");
}

static void
open_new_workspace (StwWindow    *self,
                    StwWorkspace *workspace)
{
  if (stw_window_set_workspace (self, workspace))
    remember_workspace (self, stw_workspace_get_path (workspace));
}

static void
update_organisation (StwWindow *self)
{
  const char *org = self->workspace != NULL ? stw_workspace_get_org_name (self->workspace) : NULL;

  gtk_label_set_label (self->workspace_label, org != NULL ? org : "");
  /* The label may be cut short; the tooltip has the whole name. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_button), org);
  adw_window_title_set_subtitle (self->content_title, org != NULL ? org : "");
  gtk_window_set_title (GTK_WINDOW (self), org != NULL && org[0] != '\0' ? org : _("Steward"));
}

/* Callbacks */

static void
toast_dismissed_cb (AdwToast  *toast,
                    StwWindow *self)
{
  if (self->toast == toast)
    g_clear_object (&self->toast);
}

static void
organisation_changed_cb (StwWindow *self)
{
  update_organisation (self);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      StwWindow          *self)
{
  g_autoptr(StwItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  StwItem *selected;
  StwItem *shown;
  gint64 target_id;

  if (self->syncing > 0)
    return;

  selected = gtk_single_selection_get_selected_item (selection);
  shown = stw_item_editor_get_item (self->editor);

  if (selected == NULL)
    {
      update_actions (self);
      return;
    }

  target_id = stw_item_get_id (selected);
  if (shown != NULL && stw_item_get_id (shown) == target_id)
    return;

  /* Saving may reorder the list, so find the target again afterwards. */
  if (!commit_editor (self))
    {
      select_item_in_list (self, shown != NULL ? stw_item_get_id (shown) : 0);
      return;
    }
  select_item_in_list (self, target_id);

  stored = stw_workspace_load_item (self->workspace, target_id, &error);
  if (stored == NULL)
    {
      show_error (self, _("Could not open the item"), error);
      return;
    }
  show_in_editor (self, stored);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  StwWindow  *self)
{
  update_items_page (self);
}

static void
item_row_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   StwWindow                *self)
{
  gtk_list_item_set_child (list_item, stw_item_row_new ());
}

static void
item_row_bound_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   StwWindow                *self)
{
  g_autofree char *today = stw_date_today ();
  StwItemRow *row = STW_ITEM_ROW (gtk_list_item_get_child (list_item));

  stw_item_row_set_item (row, gtk_list_item_get_item (list_item), today);
}

static void
item_row_unbound_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     StwWindow                *self)
{
  StwItemRow *row = STW_ITEM_ROW (gtk_list_item_get_child (list_item));

  stw_item_row_set_item (row, NULL, NULL);
}

static void
workstream_row_selected_cb (StwWindow     *self,
                            GtkListBoxRow *row)
{
  StwWorkstream *previous = self->workstream;

  if (self->syncing > 0 || row == NULL)
    return;

  if (!commit_editor (self))
    {
      /* Stay where the unsaved edit is. */
      GtkWidget *child;

      self->syncing++;
      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->workstreams_list));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (STW_IS_WORKSTREAM_ROW (child)
            && stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (child)) == previous)
          gtk_list_box_select_row (self->workstreams_list, GTK_LIST_BOX_ROW (child));
      self->syncing--;
      return;
    }

  set_workstream (self, stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (row)));
}

static void
workstream_row_activated_cb (StwWindow     *self,
                             GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
workspace_popover_shown_cb (StwWindow *self)
{
  fill_workspaces (self, self->workspaces_list);
}

static void
workspace_row_activated_cb (StwWindow     *self,
                            GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  gtk_popover_popdown (self->workspace_popover);

  if (path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-workspace", "s", path);
}

static void
workspace_dialog_responded_cb (StwWorkspaceDialog *dialog,
                               const char         *response,
                               StwWindow          *self)
{
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *org = NULL;
  g_autofree char *me = NULL;
  g_autofree char *path = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  org = stw_workspace_dialog_dup_org_name (dialog);
  me = stw_workspace_dialog_dup_me_name (dialog);
  path = stw_workspaces_new_path (org);

  workspace = stw_workspace_create (path, org, me, &error);
  if (workspace == NULL)
    {
      show_error (self, _("Could not create the workspace"), error);
      return;
    }

  open_new_workspace (self, workspace);
}

/* Actions */

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

  /* Translators: the file name of a new sample workspace. */
  path = stw_workspaces_new_path (_("Sample"));
  workspace = stw_sample_create (path, 0, &error);
  if (workspace == NULL)
    {
      show_error (self, _("Could not create the sample workspace"), error);
      return;
    }

  open_new_workspace (self, workspace);
}

static void
open_workspace_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *path = g_variant_get_string (parameter, NULL);

  if (self->workspace != NULL && g_strcmp0 (path, stw_workspace_get_path (self->workspace)) == 0)
    return;

  if (!stw_window_open_workspace (self, path, &error) && error != NULL)
    show_error (self, _("Could not open the workspace"), error);
}

static void
new_item_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  g_autoptr(StwItem) item = NULL;

  if (self->workstream == NULL || !commit_editor (self))
    return;

  item = stw_item_new (stw_workstream_get_id (self->workstream));
  stw_item_set_owner_id (item, stw_workstream_get_owner_id (self->workstream));

  select_item_in_list (self, 0);
  show_in_editor (self, item);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  stw_item_editor_focus_title (self->editor);
}

static void
save_item_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  StwItem *item = stw_item_editor_get_item (self->editor);

  /* An untouched stored item has nothing to write. */
  if (item == NULL || (stw_item_get_id (item) != 0 && !stw_item_editor_get_modified (self->editor)))
    return;

  save_editor (self);
}

static void
delete_item_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  g_autoptr(StwItem) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  StwItem *item = stw_item_editor_get_item (self->editor);
  gint64 id = 0;

  if (self->workspace == NULL)
    return;

  if (item != NULL)
    id = stw_item_get_id (item);
  else if (self->selection != NULL && gtk_single_selection_get_selected_item (self->selection) != NULL)
    id = stw_item_get_id (gtk_single_selection_get_selected_item (self->selection));

  /* A new item that was never saved is simply dropped. */
  if (id == 0)
    {
      close_editor (self);
      return;
    }

  before = stw_workspace_load_item (self->workspace, id, &error);
  if (before == NULL || !stw_workspace_delete_item (self->workspace, id, &error))
    {
      show_error (self, _("Could not delete the item"), error);
      return;
    }

  push_change (self, CHANGE_DELETE, id, before, stw_item_get_ref (before));
  close_editor (self);

  /* Translators: %s is an item reference such as T-014. */
  text = g_strdup_printf (_("%s deleted"), stw_item_get_ref (before));
  show_toast (self, text, TRUE);
}

static void
close_editor_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);

  if (commit_editor (self))
    close_editor (self);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  StwItem *shown = stw_item_editor_get_item (self->editor);
  gboolean shown_is_target;
  Change *change;
  gboolean ok = FALSE;

  if (self->workspace == NULL || self->undo_stack->len == 0)
    return;

  change = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  shown_is_target = shown != NULL && stw_item_get_id (shown) == change->item_id;

  switch (change->kind)
    {
    case CHANGE_CREATE:
      ok = stw_workspace_delete_item (self->workspace, change->item_id, &error);
      if (ok && shown_is_target)
        close_editor (self);
      break;

    case CHANGE_UPDATE:
      ok = stw_workspace_update_item (self->workspace, change->before, &error);
      if (ok && shown_is_target)
        {
          g_autoptr(StwItem) stored = stw_workspace_load_item (self->workspace, change->item_id, NULL);

          stw_item_editor_set_item (self->editor, stored);
          select_item_in_list (self, change->item_id);
        }
      break;

    case CHANGE_DELETE:
      ok = stw_workspace_restore_item (self->workspace, change->item_id, &error);
      if (ok && self->workstream != NULL
          && stw_item_get_workstream_id (change->before) == stw_workstream_get_id (self->workstream)
          && commit_editor (self))
        {
          g_autoptr(StwItem) stored = stw_workspace_load_item (self->workspace, change->item_id, NULL);

          if (stored != NULL)
            {
              show_in_editor (self, stored);
              select_item_in_list (self, change->item_id);
            }
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    {
      /* Translators: %s is an item reference such as T-014. */
      text = g_strdup_printf (_("Change to %s undone"), change->ref != NULL ? change->ref : "");
      show_toast (self, text, FALSE);
    }
  else
    show_error (self, _("Could not undo"), error);

  change_free (change);
  update_actions (self);
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Overrides */

static gboolean
stw_window_close_request (GtkWindow *window)
{
  StwWindow *self = STW_WINDOW (window);
  int width, height;

  /* Keep the window open rather than lose an edit that cannot be saved. */
  if (!commit_editor (self))
    return TRUE;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (stw_window_parent_class)->close_request (window);
}

static void
stw_window_dispose (GObject *object)
{
  StwWindow *self = STW_WINDOW (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->workstream);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_object (&self->toast);

  G_OBJECT_CLASS (stw_window_parent_class)->dispose (object);
}

static void
stw_window_finalize (GObject *object)
{
  StwWindow *self = STW_WINDOW (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->toast_title, g_free);

  G_OBJECT_CLASS (stw_window_parent_class)->finalize (object);
}

static void
stw_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StwWindow *self = STW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  StwWindow *self = STW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_window_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_window_class_init (StwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = stw_window_dispose;
  object_class->finalize = stw_window_finalize;
  object_class->get_property = stw_window_get_property;
  object_class->set_property = stw_window_set_property;
  window_class->close_request = stw_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STW_TYPE_ITEM_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, welcome_workspaces_group);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, welcome_workspaces_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workspace_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workspace_popover);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workspaces_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workstreams_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, items_stack);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, items_view);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, editor);
  gtk_widget_class_bind_template_callback (widget_class, workstream_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, workstream_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, workspace_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, workspace_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_activated);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", "s", open_workspace_activated);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_activated);
  gtk_widget_class_install_action (widget_class, "win.save-item", NULL, save_item_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-item", NULL, delete_item_activated);
  gtk_widget_class_install_action (widget_class, "win.close-editor", NULL, close_editor_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.close-editor", NULL);
}

static void
stw_window_init (StwWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  self->undo_stack = g_ptr_array_new_with_free_func (change_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (item_row_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (item_row_bound_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (item_row_unbound_cb), self, 0);
  gtk_list_view_set_factory (self->items_view, factory);

  /* Without the schema (a build tree run without GSETTINGS_SCHEMA_DIR) the
   * window works, it just does not remember anything. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    g_debug ("Schema %s not found; the window will not remember its state", APP_ID);

  stw_window_set_workspace (self, NULL);
}

/* Public API */

StwWindow *
stw_window_new (StwApplication *application)
{
  return g_object_new (STW_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

StwWorkspace *
stw_window_get_workspace (StwWindow *self)
{
  g_return_val_if_fail (STW_IS_WINDOW (self), NULL);

  return self->workspace;
}

gboolean
stw_window_set_workspace (StwWindow    *self,
                          StwWorkspace *workspace)
{
  GListModel *workstreams;
  GtkListBoxRow *first;

  g_return_val_if_fail (STW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace), FALSE);

  if (self->workspace == workspace && workspace != NULL)
    return TRUE;

  if (!commit_editor (self))
    return FALSE;

  self->syncing++;
  set_workstream (self, NULL);
  gtk_list_box_bind_model (self->workstreams_list, NULL, NULL, NULL, NULL);
  self->syncing--;

  g_ptr_array_set_size (self->undo_stack, 0);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  stw_item_editor_set_workspace (self->editor, workspace);

  if (workspace == NULL)
    {
      guint n = fill_workspaces (self, self->welcome_workspaces_list);

      gtk_widget_set_visible (GTK_WIDGET (self->welcome_workspaces_group), n > 0);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      update_organisation (self);
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
      return TRUE;
    }

  g_signal_connect_object (workspace, "organisation-changed",
                           G_CALLBACK (organisation_changed_cb), self, G_CONNECT_SWAPPED);

  workstreams = stw_workspace_get_workstreams (workspace);
  gtk_list_box_bind_model (self->workstreams_list, workstreams, create_workstream_row, self, NULL);
  update_organisation (self);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");

  first = gtk_list_box_get_row_at_index (self->workstreams_list, 0);
  if (first != NULL)
    gtk_list_box_select_row (self->workstreams_list, first);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);

  return TRUE;
}

gboolean
stw_window_open_workspace (StwWindow   *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(StwWorkspace) workspace = NULL;

  g_return_val_if_fail (STW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  workspace = stw_workspace_open (path, error);
  if (workspace == NULL)
    return FALSE;

  /* A refusal here is an unsaved edit, which the toast already explains. */
  if (!stw_window_set_workspace (self, workspace))
    return FALSE;

  remember_workspace (self, path);

  return TRUE;
}

void
stw_window_open_last_workspace (StwWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (STW_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  path = g_settings_get_string (self->settings, "last-workspace");
  if (path == NULL || path[0] == '\0')
    return;

  if (!stw_window_open_workspace (self, path, &error))
    {
      /* Do not try again next time; the workspace list still offers it. */
      remember_workspace (self, NULL);
      if (error != NULL)
        show_error (self, _("Could not open the last workspace"), error);
    }
}

GtkListBox *
_stw_window_get_workstreams_list (StwWindow *self)
{
  return self->workstreams_list;
}

GtkListView *
_stw_window_get_items_view (StwWindow *self)
{
  return self->items_view;
}

GtkSingleSelection *
_stw_window_get_selection (StwWindow *self)
{
  return self->selection;
}

StwItemEditor *
_stw_window_get_editor (StwWindow *self)
{
  return self->editor;
}

gboolean
_stw_window_get_editor_revealed (StwWindow *self)
{
  return adw_flap_get_reveal_flap (self->flap);
}

const char *
_stw_window_get_visible_page (StwWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    return "welcome";

  return gtk_stack_get_visible_child_name (self->items_stack);
}

const char *
_stw_window_get_toast_title (StwWindow *self)
{
  return self->toast_title;
}
