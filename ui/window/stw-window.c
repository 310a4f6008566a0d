/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window.c: the main window. A sidebar lists the workstreams of the
 * open workspace; the content pane shows the selected workstream as a
 * Board, a Calendar or a List (remembered per workstream), and the item
 * editor slides in from the end. Every change made here or in a view goes
 * onto one undo stack per window, so the toast's "Undo" and Ctrl+Z always
 * take back the newest change, wherever it was made. Ctrl+F searches the
 * whole workspace and jumps to the item found. Workstreams are added and
 * set up from the sidebar and the view's menu, which for the operational
 * plan also rolls the plan forward and adds the template plan.
 *
 * Under the workstreams, the risk register (StwRiskPage) replaces the
 * views while it is shown; its edits have an undo of their own, which
 * Ctrl+Z runs while the register is shown (StwUndoStack knows items
 * only). Files dropped on cards and rows are queued here and attached in
 * the background, with their progress floating over the content.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-board-view.h"
#include "stw-calendar-view.h"
#include "stw-closing.h"
#include "stw-closure-dialog.h"
#include "stw-evidence-progress.h"
#include "stw-evidence-queue.h"
#include "stw-integrity-dialog.h"
#include "stw-item-editor.h"
#include "stw-item-evidence.h"
#include "stw-item-model.h"
#include "stw-item-row.h"
#include "stw-list-view.h"
#include "stw-people-window.h"
#include "stw-plan.h"
#include "stw-plan-template-dialog.h"
#include "stw-roll-forward-window.h"
#include "stw-risk-page.h"
#include "stw-risk-register.h"
#include "stw-risk-register-row.h"
#include "stw-sample.h"
#include "stw-undo.h"
#include "stw-window.h"
#include "stw-window-private.h"
#include "stw-workspace-dialog.h"
#include "stw-workspace-list.h"
#include "stw-workstream-dialog.h"
#include "stw-workstream-row.h"

typedef enum {
  SAVE_DONE,
  SAVE_FAILED,
  SAVE_ASKING,   /* waiting for the closure note */
} SaveResult;

struct _StwWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  StwWorkspace         *workspace;
  StwWorkstream        *workstream;
  StwUndoStack         *undo;
  GCancellable         *closing;         /* the closure dialog of a save */
  GListModel           *search_results;
  AdwToast             *toast;
  char                 *toast_title;
  gint64                toast_added_at;
  guint                 syncing;         /* > 0 while the window moves selections itself */
  gboolean              showing_risks;   /* the risk register is shown, not a workstream */
  StwEvidenceQueue     *evidence_queue;  /* files dropped on cards and rows */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwPreferencesGroup  *welcome_workspaces_group;
  GtkListBox           *welcome_workspaces_list;
  AdwLeaflet           *leaflet;
  GtkMenuButton        *workspace_button;
  GtkLabel             *workspace_label;
  GtkPopover           *workspace_popover;
  GtkListBox           *workspaces_list;
  GtkButton            *actor_button;
  GtkLabel             *actor_label;
  GtkListBox           *workstreams_list;
  GtkListBox           *registers_list;
  StwRiskRegisterRow   *risk_register_row;
  GtkPopoverMenu       *workstream_popover;  /* a sidebar row's context menu */
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *workstream_menu_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AdwFlap              *flap;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  StwBoardView         *board_view;
  StwCalendarView      *calendar_view;
  StwListView          *list_view;
  GtkStack             *search_stack;
  GtkListView          *search_results_view;
  StwItemEditor        *editor;
  StwRiskPage          *risk_page;
  GtkWidget            *new_item_button;
  GtkWidget            *switcher_bar;
};

static void       toast_dismissed_cb (AdwToast   *toast,
                                      StwWindow  *self);
static SaveResult save_editor        (StwWindow  *self);

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
/* Enough to pick from while typing; the entry narrows it further. */
#define SEARCH_LIMIT 50

/* Helpers */

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

/* An error stays until dismissed: it explains why something did not
 * happen. */
static void
show_error_text (StwWindow  *self,
                 const char *text)
{
  show_toast (self, text, FALSE);
  adw_toast_set_timeout (self->toast, 0);
  adw_toast_set_priority (self->toast, ADW_TOAST_PRIORITY_HIGH);
}

static void
show_error (StwWindow    *self,
            const char   *what,
            const GError *error)
{
  g_autofree char *text = NULL;

  /* Translators: "what failed: why", e.g. "Could not save the item: disk full". */
  text = g_strdup_printf (_("%s: %s"), what, error->message);
  show_error_text (self, text);
}

static const char *
visible_view (StwWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name != NULL ? name : "list";
}

/* The item selected in the view shown, 0 when none (or several). */
static gint64
view_selected_item (StwWindow *self)
{
  const char *view = visible_view (self);

  if (g_str_equal (view, "board"))
    return stw_board_view_get_selected_item (self->board_view);
  if (g_str_equal (view, "list"))
    return stw_list_view_get_selected_item (self->list_view);

  return 0;
}

/* The workstream of @kind (the first one), or NULL. */
static StwWorkstream *
find_workstream_of_kind (StwWindow         *self,
                         StwWorkstreamKind  kind)
{
  GListModel *workstreams;

  if (self->workspace == NULL)
    return NULL;

  workstreams = stw_workspace_get_workstreams (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
    {
      g_autoptr(StwWorkstream) workstream = g_list_model_get_item (workstreams, i);

      if (stw_workstream_get_kind (workstream) == kind)
        return workstream;
    }

  return NULL;
}

/* The workspace's operational plan, or NULL. */
static StwWorkstream *
find_plan (StwWindow *self)
{
  return find_workstream_of_kind (self, STW_WORKSTREAM_PLAN);
}

/* What a workstream's menu offers: its settings, and for the operational
 * plan the yearly roll-forward and the template. */
static GMenuModel *
create_workstream_menu (StwWorkstream *workstream,
                        gboolean       offer_new)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) settings = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  if (stw_workstream_get_kind (workstream) == STW_WORKSTREAM_PLAN)
    {
      g_autoptr(GMenu) plan = g_menu_new ();

      g_menu_append (plan, _("_Roll forward to next year…"), "win.roll-forward");
      g_menu_append (plan, _("_Add the template plan…"), "win.apply-plan-template");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (plan));
    }

  item = g_menu_item_new (_("Workstream _settings…"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.edit-workstream",
                                           g_variant_new_int64 (stw_workstream_get_id (workstream)));
  g_menu_append_item (settings, item);
  if (offer_new)
    g_menu_append (settings, _("_New workstream…"), "win.new-workstream");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (settings));

  return G_MENU_MODEL (menu);
}

/* The title bar names the workstream shown, and its menu fits it. */
static void
update_workstream_header (StwWindow *self)
{
  g_autoptr(GMenuModel) menu = NULL;

  adw_view_switcher_title_set_title (self->switcher_title,
                                     self->workstream != NULL ? stw_workstream_get_name (self->workstream) : "");
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        self->workspace != NULL ? stw_workspace_get_org_name (self->workspace) : "");

  if (self->workstream != NULL)
    menu = create_workstream_menu (self->workstream, FALSE);
  gtk_menu_button_set_menu_model (self->workstream_menu_button, menu);
  gtk_widget_set_visible (GTK_WIDGET (self->workstream_menu_button), menu != NULL);
}

static void
update_actions (StwWindow *self)
{
  StwItem *item = stw_item_editor_get_item (self->editor);
  gboolean has_workspace = self->workspace != NULL;

  /* On the risk register, "new" is a new risk. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-item", self->workstream != NULL || self->showing_risks);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-item",
                                 item != NULL || (self->showing_risks && stw_risk_page_get_editor_revealed (self->risk_page)));
  /* The board tells nobody when its selection moves: with a workstream
   * shown, Delete is always there and does nothing without an item. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-item",
                                 (item != NULL && stw_item_get_id (item) != 0) || self->workstream != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-editor",
                                 item != NULL || gtk_search_bar_get_search_mode (self->search_bar)
                                 || (self->showing_risks && stw_risk_page_get_editor_revealed (self->risk_page)));
  /* Risk edits have an undo of their own, run while the register is shown. */
  if (self->showing_risks)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", stw_risk_page_get_can_undo (self->risk_page));
  else
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                   self->undo != NULL && stw_undo_stack_get_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.people", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-integrity", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.attach-evidence", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", self->workstream != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-workstream", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-workstream", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.roll-forward", find_plan (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.apply-plan-template", find_plan (self) != NULL);
}

/* Moves the shown view's selection to @item_id without the editor
 * following it. */
static void
select_in_view (StwWindow *self,
                gint64     item_id)
{
  const char *view = visible_view (self);

  self->syncing++;
  if (g_str_equal (view, "board"))
    stw_board_view_select_item (self->board_view, item_id);
  else if (g_str_equal (view, "calendar"))
    stw_calendar_view_select_item (self->calendar_view, item_id);
  else
    stw_list_view_select_item (self->list_view, item_id);
  self->syncing--;

  update_actions (self);
}

/* Puts the keyboard in the view shown, on @item_id (0: leaves the
 * selection alone), so the view's keys (moves, arrows) work straight
 * away. */
static void
focus_in_view (StwWindow *self,
               gint64     item_id)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (view != NULL && gtk_widget_get_mapped (view)
      && (focus == NULL || !gtk_widget_is_ancestor (focus, view)))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);

  if (item_id != 0)
    select_in_view (self, item_id);
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
  select_in_view (self, 0);
}

/* Saves what the editor holds before it shows something else. Untouched
 * items need nothing. */
static gboolean
commit_editor (StwWindow *self)
{
  /* The risk editor saves the same way before the window moves on. */
  if (self->showing_risks && !stw_risk_page_commit (self->risk_page))
    return FALSE;

  if (stw_item_editor_get_item (self->editor) == NULL
      || !stw_item_editor_get_modified (self->editor))
    return TRUE;

  return save_editor (self) == SAVE_DONE;
}

/* Opens the stored item @item_id in the editor, after saving what the
 * editor held. */
static void
open_item (StwWindow *self,
           gint64     item_id)
{
  g_autoptr(StwItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  StwItem *shown = stw_item_editor_get_item (self->editor);

  if (self->workspace == NULL || item_id == 0)
    return;

  if (shown != NULL && stw_item_get_id (shown) == item_id)
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      return;
    }

  if (!commit_editor (self))
    {
      select_in_view (self, shown != NULL ? stw_item_get_id (shown) : 0);
      return;
    }

  stored = stw_workspace_load_item (self->workspace, item_id, &error);
  if (stored == NULL)
    {
      show_error (self, _("Could not open the item"), error);
      return;
    }

  show_in_editor (self, stored);
  select_in_view (self, item_id);
}

/* Reloads the editor's item from the workspace after a change made
 * elsewhere (a board move, a bulk change, an undo); @force drops unsaved
 * edits too. An item that no longer exists closes the editor. */
static void
refresh_editor (StwWindow *self,
                gboolean   force)
{
  g_autoptr(StwItem) stored = NULL;
  StwItem *shown = stw_item_editor_get_item (self->editor);

  if (self->workspace == NULL || shown == NULL || stw_item_get_id (shown) == 0)
    return;
  if (stw_item_editor_get_modified (self->editor) && !force)
    return;

  stored = stw_workspace_load_item (self->workspace, stw_item_get_id (shown), NULL);
  if (stored == NULL)
    show_in_editor (self, NULL);
  else
    stw_item_editor_set_item (self->editor, stored);
  update_actions (self);
}

/* The edit marks an item Done that was not. */
static gboolean
is_closing (StwWindow *self,
            StwItem   *edited)
{
  StwItem *loaded = stw_item_editor_get_item (self->editor);

  return stw_item_get_status (edited) == STW_STATUS_DONE
    && (stw_item_get_id (edited) == 0 || stw_item_get_status (loaded) != STW_STATUS_DONE);
}

/* The edit closes the item, and the closure note (or the reason for having
 * no evidence) is missing. A close the workspace will refuse anyway (a
 * nonconformity not yet fixed) asks for nothing: the refusal says what to
 * do first. */
static gboolean
needs_closure_note (StwWindow *self,
                    StwItem   *edited)
{
  return is_closing (self, edited)
    && !stw_closing_is_refused (edited)
    && (stw_item_get_closure_note (edited) == NULL || stw_closing_needs_reason (self->workspace, edited));
}

static void
closure_note_given_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(StwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;

  if (!stw_closure_dialog_ask_full_finish (result, &note, &reason, &error))
    return;

  /* The editor may have been emptied meanwhile (window closing). */
  if (stw_item_editor_get_item (self->editor) == NULL)
    return;

  stw_item_editor_set_closure (self->editor, note, reason);
  save_editor (self);
}

/* Writes the editor's item to the workspace: inserts a new one, updates a
 * stored one. On success the editor shows the item as stored and the change
 * can be undone; on failure the editor keeps what was typed. Marking an
 * item Done first asks for its closure note. */
static SaveResult
save_editor (StwWindow *self)
{
  g_autoptr(StwItem) edited = NULL;
  g_autoptr(StwItem) before = NULL;
  g_autoptr(StwItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (self->workspace == NULL || stw_item_editor_get_item (self->editor) == NULL)
    return SAVE_DONE;

  edited = stw_item_editor_dup_edited_item (self->editor, &error);
  if (edited == NULL)
    {
      show_error (self, _("Could not save the item"), error);
      return SAVE_FAILED;
    }

  if (needs_closure_note (self, edited))
    {
      g_cancellable_cancel (self->closing);
      g_clear_object (&self->closing);
      self->closing = g_cancellable_new ();
      stw_closure_dialog_ask_full (GTK_WIDGET (self),
                                   stw_item_get_ref (edited), stw_item_get_title (edited),
                                   1, stw_item_get_closure_note (edited),
                                   stw_closing_needs_reason (self->workspace, edited), NULL,
                                   self->closing, closure_note_given_cb, g_object_ref (self));
      return SAVE_ASKING;
    }

  id = stw_item_get_id (edited);
  if (id == 0)
    {
      if (!stw_workspace_insert_item (self->workspace, edited, &error))
        {
          show_error (self, _("Could not create the item"), error);
          return SAVE_FAILED;
        }
      id = stw_item_get_id (edited);
      stw_undo_stack_push_create (self->undo, edited);
      /* Translators: %s is an item reference such as T-014. */
      text = g_strdup_printf (_("%s created"), stw_item_get_ref (edited));
    }
  else
    {
      before = stw_workspace_load_item (self->workspace, id, &error);
      if (before == NULL)
        {
          show_error (self, _("Could not save the item"), error);
          return SAVE_FAILED;
        }
      if (!stw_workspace_update_item (self->workspace, edited, &error))
        {
          show_error (self, _("Could not save the item"), error);
          return SAVE_FAILED;
        }
      stw_undo_stack_push_update (self->undo, before);
      /* Translators: %s is an item reference such as T-014. */
      text = g_strdup_printf (_("%s saved"), stw_item_get_ref (before));
    }

  stored = stw_workspace_load_item (self->workspace, id, NULL);
  stw_item_editor_set_item (self->editor, stored != NULL ? stored : edited);
  if (self->workstream != NULL
      && stw_item_get_workstream_id (edited) == stw_workstream_get_id (self->workstream))
    select_in_view (self, id);
  update_actions (self);
  show_toast (self, text, TRUE);

  return SAVE_DONE;
}

static void
load_views (StwWindow *self)
{
  gint64 id = self->workstream != NULL ? stw_workstream_get_id (self->workstream) : 0;
  StwWorkspace *workspace = id != 0 ? self->workspace : NULL;
  StwUndoStack *undo = id != 0 ? self->undo : NULL;

  stw_board_view_set_workstream (self->board_view, workspace, undo, id);
  stw_calendar_view_set_workstream (self->calendar_view, workspace, undo, id);
  stw_list_view_set_workstream (self->list_view, workspace, undo, id);
}

/* Shows the view the person last chose for this workstream. */
static void
restore_view (StwWindow *self)
{
  g_autofree char *key = NULL;
  g_autofree char *view = NULL;

  if (self->workspace == NULL || self->workstream == NULL)
    return;

  key = g_strdup_printf ("view:%" G_GINT64_FORMAT, stw_workstream_get_id (self->workstream));
  view = stw_workspace_dup_setting (self->workspace, key);
  if (view == NULL || adw_view_stack_get_child_by_name (self->view_stack, view) == NULL)
    view = g_strdup ("list");

  self->syncing++;
  adw_view_stack_set_visible_child_name (self->view_stack, view);
  self->syncing--;
}

static void
set_workstream (StwWindow     *self,
                StwWorkstream *workstream)
{
  if (self->workstream == workstream)
    return;

  show_in_editor (self, NULL);
  g_set_object (&self->workstream, workstream);

  restore_view (self);
  load_views (self);
  update_workstream_header (self);
  update_actions (self);
}

static GtkListBoxRow *
find_workstream_row (StwWindow *self,
                     gint64     workstream_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->workstreams_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (STW_IS_WORKSTREAM_ROW (child)
        && stw_workstream_get_id (stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (child))) == workstream_id)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

/* Shows the workstream @workstream_id, as a click on its sidebar row does. */
static void
show_workstream (StwWindow *self,
                 gint64     workstream_id)
{
  GtkListBoxRow *row = find_workstream_row (self, workstream_id);

  if (row == NULL)
    return;

  if (gtk_list_box_get_selected_row (self->workstreams_list) != row)
    gtk_list_box_select_row (self->workstreams_list, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Opens the context menu of the sidebar row @row at @x, @y (in the list's
 * coordinates), or under the row when both are negative. */
static gboolean
popup_workstream_menu (StwWindow     *self,
                       GtkListBoxRow *row,
                       double         x,
                       double         y)
{
  g_autoptr(GMenuModel) menu = NULL;
  GdkRectangle where;

  if (row == NULL || !STW_IS_WORKSTREAM_ROW (row))
    return FALSE;

  menu = create_workstream_menu (stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (row)), TRUE);
  gtk_popover_menu_set_menu_model (self->workstream_popover, menu);

  if (x < 0 || y < 0)
    {
      graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0), point;

      if (!gtk_widget_compute_point (GTK_WIDGET (row), GTK_WIDGET (self->workstreams_list), &origin, &point))
        return FALSE;
      x = point.x + 12;
      y = point.y + gtk_widget_get_height (GTK_WIDGET (row));
    }

  where.x = (int) x;
  where.y = (int) y;
  where.width = where.height = 1;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->workstream_popover), &where);
  gtk_popover_popup (GTK_POPOVER (self->workstream_popover));

  return TRUE;
}

/* The header fits the page: a workstream's views, or the register's
 * title alone. */
static void
update_risk_header (StwWindow *self)
{
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !self->showing_risks);
  gtk_widget_set_visible (self->switcher_bar, !self->showing_risks);
  gtk_widget_set_visible (self->new_item_button, !self->showing_risks);
  if (self->showing_risks)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Risk register"));
      adw_view_switcher_title_set_subtitle (self->switcher_title,
                                            self->workspace != NULL ? stw_workspace_get_org_name (self->workspace) : "");
    }
}

/* Shows the risk register instead of a workstream, after saving what the
 * item editor held. */
static gboolean
show_risk_register (StwWindow *self)
{
  if (self->workspace == NULL)
    return FALSE;

  if (!self->showing_risks && !commit_editor (self))
    {
      self->syncing++;
      gtk_list_box_unselect_all (self->registers_list);
      self->syncing--;
      return FALSE;
    }

  self->syncing++;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  set_workstream (self, NULL);
  gtk_list_box_unselect_all (self->workstreams_list);
  gtk_list_box_select_row (self->registers_list, GTK_LIST_BOX_ROW (self->risk_register_row));
  self->syncing--;

  /* Hidden while not shown, so that its fields are not found twice (by
   * screen readers too) beside the item editor's. */
  self->showing_risks = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->risk_page), TRUE);
  gtk_stack_set_visible_child_name (self->content_stack, "risks");
  update_risk_header (self);
  update_actions (self);

  return TRUE;
}

/* Back from the register to the workstreams (a workstream row is being
 * selected). */
static void
leave_risk_register (StwWindow *self)
{
  if (!self->showing_risks)
    return;

  self->showing_risks = FALSE;
  self->syncing++;
  gtk_list_box_unselect_all (self->registers_list);
  self->syncing--;
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_stack_set_visible_child_name (self->content_stack, "views");
  gtk_widget_set_visible (GTK_WIDGET (self->risk_page), FALSE);
  update_risk_header (self);
  update_actions (self);
}

/* Undoes the newest risk change (the register's own undo). */
static void
undo_risk_change (StwWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!stw_risk_page_undo (self->risk_page, &text, &error))
    show_error (self, _("Could not undo"), error);
  else
    show_toast (self, text, FALSE);
  update_actions (self);
}

/* Shows @item_id where it lives: its workstream, selected in the view
 * shown, open in the editor. */
static void
jump_to_item (StwWindow *self,
              gint64     item_id)
{
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  if (self->workspace == NULL || !commit_editor (self))
    return;

  item = stw_workspace_load_item (self->workspace, item_id, &error);
  if (item == NULL)
    {
      show_error (self, _("Could not open the item"), error);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  row = find_workstream_row (self, stw_item_get_workstream_id (item));
  if (row != NULL && gtk_list_box_get_selected_row (self->workstreams_list) != row)
    gtk_list_box_select_row (self->workstreams_list, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  show_in_editor (self, item);
  focus_in_view (self, item_id);
}

static void
run_search (StwWindow *self)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->workspace != NULL && stripped[0] != '\0')
    {
      /* A reference typed in full comes first: the core ranks it so. */
      results = stw_workspace_search_items (self->workspace, stripped, SEARCH_LIMIT, &error);
      if (results == NULL)
        show_error (self, _("Could not search"), error);
    }

  g_set_object (&self->search_results, results);
  if (results != NULL)
    selection = gtk_no_selection_new (g_object_ref (results));
  gtk_list_view_set_model (self->search_results_view, GTK_SELECTION_MODEL (selection));

  if (stripped[0] == '\0')
    gtk_stack_set_visible_child_name (self->search_stack, "start");
  else if (results == NULL || g_list_model_get_n_items (results) == 0)
    gtk_stack_set_visible_child_name (self->search_stack, "none");
  else
    gtk_stack_set_visible_child_name (self->search_stack, "results");
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
  adw_view_switcher_title_set_subtitle (self->switcher_title, org != NULL ? org : "");
  gtk_window_set_title (GTK_WINDOW (self), org != NULL && org[0] != '\0' ? org : _("Steward"));
}

static void
update_actor (StwWindow *self)
{
  g_autofree char *text = NULL;
  StwPerson *actor = NULL;

  if (self->workspace != NULL)
    actor = stw_workspace_find_person (self->workspace, stw_workspace_get_actor_id (self->workspace));

  /* Translators: who the changes are recorded as; %s is a person's name. */
  text = g_strdup_printf (_("You are %s"), actor != NULL ? stw_person_get_name (actor) : "—");
  gtk_label_set_label (self->actor_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->actor_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
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
people_changed_cb (StwWindow *self)
{
  update_actor (self);
}

static void
can_undo_changed_cb (StwWindow *self)
{
  update_actions (self);
}

static void
item_changed_cb (StwWorkspace *workspace,
                 gint64        item_id,
                 gint64        workstream_id,
                 StwWindow    *self)
{
  StwItem *shown = stw_item_editor_get_item (self->editor);

  if (shown == NULL || stw_item_get_id (shown) == 0)
    return;

  /* 0 is "many items changed". */
  if (item_id == 0 || item_id == stw_item_get_id (shown))
    refresh_editor (self, FALSE);
}

static void
view_switched_cb (StwWindow *self)
{
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  StwItem *shown = stw_item_editor_get_item (self->editor);

  if (self->syncing > 0 || self->workspace == NULL || self->workstream == NULL)
    return;

  key = g_strdup_printf ("view:%" G_GINT64_FORMAT, stw_workstream_get_id (self->workstream));
  if (!stw_workspace_set_setting (self->workspace, key, visible_view (self), &error))
    g_warning ("Could not remember the view: %s", error->message);

  /* The item open in the editor stays selected in the new view, which
   * takes the keyboard. */
  focus_in_view (self, shown != NULL ? stw_item_get_id (shown) : 0);
  update_actions (self);
}

static void
view_item_activated_cb (StwWindow *self,
                        gint64     item_id)
{
  open_item (self, item_id);
}

/* With the editor open, it follows a click in the list, as a details pane
 * does; closed, a click only selects. */
static void
list_item_selected_cb (StwWindow *self,
                       gint64     item_id)
{
  update_actions (self);

  if (self->syncing > 0 || item_id == 0 || !adw_flap_get_reveal_flap (self->flap))
    return;

  open_item (self, item_id);
}

static void
view_changed_item_cb (StwWindow  *self,
                      const char *message)
{
  show_toast (self, message, TRUE);
  update_actions (self);
}

static void
view_error_cb (StwWindow  *self,
               const char *message)
{
  show_error_text (self, message);
}

static void
search_mode_changed_cb (StwWindow *self)
{
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar);

  gtk_stack_set_visible_child_name (self->content_stack,
                                    searching ? "search" : self->showing_risks ? "risks" : "views");
  update_actions (self);
  if (searching)
    {
      run_search (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    {
      g_clear_object (&self->search_results);
      gtk_list_view_set_model (self->search_results_view, NULL);
    }
}

static void
search_changed_cb (StwWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    run_search (self);
}

/* Enter goes to the best match. */
static void
search_activated_cb (StwWindow *self)
{
  g_autoptr(StwItem) first = NULL;

  /* The results may be a keystroke behind the entry's typing delay. */
  run_search (self);
  if (self->search_results == NULL || g_list_model_get_n_items (self->search_results) == 0)
    return;

  first = g_list_model_get_item (self->search_results, 0);
  jump_to_item (self, stw_item_get_id (first));
}

/* Down from the entry goes to the results, as in a search popover. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       StwWindow             *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0
      || self->search_results == NULL || g_list_model_get_n_items (self->search_results) == 0)
    return GDK_EVENT_PROPAGATE;

  return gtk_widget_child_focus (GTK_WIDGET (self->search_results_view), GTK_DIR_TAB_FORWARD);
}

static void
search_result_activated_cb (StwWindow *self,
                            guint      position)
{
  g_autoptr(StwItem) item = NULL;

  if (self->search_results == NULL)
    return;

  item = g_list_model_get_item (self->search_results, position);
  if (item != NULL)
    jump_to_item (self, stw_item_get_id (item));
}

static void
search_row_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     StwWindow                *self)
{
  gtk_list_item_set_child (list_item, stw_item_row_new ());
}

static void
search_row_bound_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     StwWindow                *self)
{
  g_autofree char *today = stw_date_today ();
  StwItemRow *row = STW_ITEM_ROW (gtk_list_item_get_child (list_item));

  stw_item_row_set_item (row, gtk_list_item_get_item (list_item), today);
}

static void
search_row_unbound_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       StwWindow                *self)
{
  stw_item_row_set_item (STW_ITEM_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
}

static void
workstream_row_selected_cb (StwWindow     *self,
                            GtkListBoxRow *row)
{
  StwWorkstream *previous = self->workstream;

  if (self->syncing > 0 || row == NULL)
    return;

  /* From the register: its editor saves first, or the register stays. */
  if (self->showing_risks)
    {
      if (!stw_risk_page_commit (self->risk_page))
        {
          self->syncing++;
          gtk_list_box_unselect_all (self->workstreams_list);
          self->syncing--;
          return;
        }
      leave_risk_register (self);
    }

  if (!commit_editor (self))
    {
      /* Stay where the unsaved edit is. */
      GtkListBoxRow *back = previous != NULL ? find_workstream_row (self, stw_workstream_get_id (previous)) : NULL;

      self->syncing++;
      if (back != NULL)
        gtk_list_box_select_row (self->workstreams_list, back);
      self->syncing--;
      return;
    }

  set_workstream (self, stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (row)));
}

static void
register_row_selected_cb (StwWindow     *self,
                          GtkListBoxRow *row)
{
  if (self->syncing > 0 || row == NULL)
    return;

  show_risk_register (self);
}

static void
risk_page_changed_cb (StwWindow  *self,
                      const char *message,
                      gboolean    can_undo)
{
  show_toast (self, message, can_undo);
  update_actions (self);
}

/* "New" in a risk's treatment items: a new item of the risk-treatment
 * workstream that names the risk, owned by the risk's owner. */
static void
new_treatment_requested_cb (StwWindow *self,
                            gint64     risk_id)
{
  StwWorkstream *treatment = find_workstream_of_kind (self, STW_WORKSTREAM_TREATMENT);
  g_autoptr(StwRisk) risk = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  StwPerson *owner;

  if (treatment == NULL || (row = find_workstream_row (self, stw_workstream_get_id (treatment))) == NULL)
    {
      show_error_text (self, _("This workspace has no risk treatment workstream"));
      return;
    }

  risk = stw_workspace_load_risk (self->workspace, risk_id, &error);
  if (risk == NULL)
    {
      show_error (self, _("Could not open the risk"), error);
      return;
    }

  gtk_list_box_select_row (self->workstreams_list, row);
  /* An edit that could not be saved keeps the window where it was. */
  if (self->workstream != treatment)
    return;

  item = stw_item_new (stw_workstream_get_id (treatment));
  stw_item_set_risk_id (item, risk_id);
  owner = stw_workspace_find_person (self->workspace, stw_risk_get_owner_id (risk));
  if (owner == NULL || !stw_person_get_active (owner))
    owner = stw_workspace_find_person (self->workspace, stw_workstream_get_owner_id (treatment));
  if (owner != NULL && stw_person_get_active (owner))
    stw_item_set_owner_id (item, stw_person_get_id (owner));

  select_in_view (self, 0);
  show_in_editor (self, item);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  stw_item_editor_focus_title (self->editor);
}

static void
treatment_item_activated_cb (StwWindow *self,
                             gint64     item_id)
{
  jump_to_item (self, item_id);
}

static void
evidence_attached_cb (StwWindow     *self,
                      StwAttachment *attachment,
                      GFile         *file)
{
  g_autoptr(StwItem) item = NULL;
  g_autofree char *text = NULL;

  if (self->workspace != NULL && g_strcmp0 (stw_attachment_get_entity (attachment), "item") == 0)
    item = stw_workspace_load_item (self->workspace, stw_attachment_get_entity_id (attachment), NULL);

  if (item != NULL)
    /* Translators: a toast; a file name, then an item reference such as T-014. */
    text = g_strdup_printf (_("%s attached to %s"), stw_attachment_get_file_name (attachment), stw_item_get_ref (item));
  else
    /* Translators: a toast; %s is a file name. */
    text = g_strdup_printf (_("%s attached"), stw_attachment_get_file_name (attachment));
  show_toast (self, text, FALSE);
}

static void
evidence_failed_cb (StwWindow *self,
                    GFile     *file,
                    GError    *error)
{
  show_error_text (self, error->message);
}

/* The editor's Evidence group names the file in its message. */
static void
evidence_list_error_cb (StwWindow *self,
                        GError    *error)
{
  show_error_text (self, error->message);
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
  update_actor (self);
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

  /* The plan's tasks belong to whoever set the workspace up. A plan that
   * could not be added can be added later from the plan's menu. */
  if (stw_workspace_dialog_get_use_template (dialog)
      && stw_workspace_apply_plan_template (workspace, stw_workspace_get_actor_id (workspace), &error) < 0)
    {
      open_new_workspace (self, workspace);
      show_error (self, _("Could not add the template plan"), error);
      return;
    }

  open_new_workspace (self, workspace);
}

static void
people_window_actor_changed_cb (StwWindow *self)
{
  update_actor (self);
}

/* The row's colour and the header's name follow the settings saved. */
static void
workstream_saved_cb (StwWindow *self,
                     gint64     workstream_id)
{
  StwWorkstream *workstream = stw_workspace_find_workstream (self->workspace, workstream_id);
  GtkListBoxRow *row = find_workstream_row (self, workstream_id);
  g_autofree char *text = NULL;

  if (workstream == NULL)
    return;

  if (row != NULL)
    stw_workstream_row_update (STW_WORKSTREAM_ROW (row));
  if (self->workstream == workstream)
    update_workstream_header (self);

  /* Translators: a toast; %s is a workstream's name. */
  text = g_strdup_printf (_("“%s” saved"), stw_workstream_get_name (workstream));
  show_toast (self, text, FALSE);
}

static void
workstream_created_cb (StwWindow *self,
                       gint64     workstream_id)
{
  StwWorkstream *workstream = stw_workspace_find_workstream (self->workspace, workstream_id);
  GtkListBoxRow *row;
  g_autofree char *text = NULL;

  if (workstream == NULL)
    return;

  /* Its colour was set after the row was made. */
  row = find_workstream_row (self, workstream_id);
  if (row != NULL)
    stw_workstream_row_update (STW_WORKSTREAM_ROW (row));
  show_workstream (self, workstream_id);

  /* Translators: a toast; %s is a workstream's name. */
  text = g_strdup_printf (_("Workstream “%s” added"), stw_workstream_get_name (workstream));
  show_toast (self, text, FALSE);
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
  show_toast (self, text, FALSE);
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
  show_toast (self, text, FALSE);

  if (plan != NULL)
    show_workstream (self, stw_workstream_get_id (plan));
}

/* A right click (or a long press) on a sidebar row opens its menu. */
static void
workstreams_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        StwWindow       *self)
{
  if (popup_workstream_menu (self, gtk_list_box_get_row_at_y (self->workstreams_list, (int) y), x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
workstreams_long_pressed_cb (GtkGestureLongPress *gesture,
                             double               x,
                             double               y,
                             StwWindow           *self)
{
  if (popup_workstream_menu (self, gtk_list_box_get_row_at_y (self->workstreams_list, (int) y), x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Shift+F10 or the Menu key: the menu of the row with the focus. */
static gboolean
workstreams_menu_key_cb (GtkWidget *list,
                         GVariant  *arguments,
                         gpointer   user_data)
{
  StwWindow *self = STW_WINDOW (user_data);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkListBoxRow *row = NULL;

  if (focus != NULL && GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_get_parent (focus) == list)
    row = GTK_LIST_BOX_ROW (focus);
  else
    row = gtk_list_box_get_selected_row (self->workstreams_list);

  return popup_workstream_menu (self, row, -1, -1);
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
  StwPerson *owner;

  if (self->showing_risks)
    {
      stw_risk_page_new_risk (self->risk_page);
      return;
    }

  if (self->workstream == NULL || !commit_editor (self))
    return;

  item = stw_item_new (stw_workstream_get_id (self->workstream));
  /* The workstream's owner, unless they have left. */
  owner = stw_workspace_find_person (self->workspace, stw_workstream_get_owner_id (self->workstream));
  if (owner != NULL && stw_person_get_active (owner))
    stw_item_set_owner_id (item, stw_person_get_id (owner));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  select_in_view (self, 0);
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
  StwRiskEditor *risk_editor = stw_risk_page_get_editor (self->risk_page);

  /* On the register, Ctrl+S saves the risk open in its pane (a refusal
   * is shown there and sent as an error toast). */
  if (self->showing_risks)
    {
      if (stw_risk_editor_get_loaded_risk (risk_editor) != NULL)
        stw_risk_editor_save (risk_editor, NULL);
      return;
    }

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
  else
    id = view_selected_item (self);

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

  stw_undo_stack_push_delete (self->undo, before);
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

  /* Escape leaves the search first, wherever the focus is in it. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return;
    }

  if (self->showing_risks)
    {
      stw_risk_page_close_editor (self->risk_page);
      update_actions (self);
      return;
    }

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
  g_autoptr(StwItem) restored = NULL;
  StwItem *shown = stw_item_editor_get_item (self->editor);
  gint64 shown_id = shown != NULL ? stw_item_get_id (shown) : 0;
  gint64 item_id = 0;

  if (self->showing_risks)
    {
      undo_risk_change (self);
      return;
    }

  if (self->undo == NULL || !stw_undo_stack_get_can_undo (self->undo))
    return;

  if (!stw_undo_stack_undo (self->undo, &text, &item_id, &error))
    {
      show_error (self, _("Could not undo"), error);
      update_actions (self);
      return;
    }

  /* Undo means the stored state: what the editor shows follows it, even
   * over unsaved edits to the same item. */
  if (item_id != 0 && shown_id == item_id)
    refresh_editor (self, TRUE);
  else if (item_id == 0)
    refresh_editor (self, FALSE);

  if (item_id != 0 && self->workstream != NULL)
    restored = stw_workspace_load_item (self->workspace, item_id, NULL);
  if (restored != NULL && stw_item_get_workstream_id (restored) == stw_workstream_get_id (self->workstream))
    select_in_view (self, item_id);

  show_toast (self, text, FALSE);
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

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  const char *view = g_variant_get_string (parameter, NULL);

  if (self->workstream == NULL || adw_view_stack_get_child_by_name (self->view_stack, view) == NULL)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  adw_view_stack_set_visible_child_name (self->view_stack, view);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
  if (self->workspace == NULL || !commit_editor (self))
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

/* Files dropped on a card or a list row (see stw-item-evidence.h). */
static void
attach_evidence_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StwWindow *self = STW_WINDOW (widget);
  const char *entity = NULL;
  gint64 entity_id = 0;
  GList *files;

  if (self->workspace == NULL)
    return;

  files = stw_item_evidence_parse_parameter (parameter, &entity, &entity_id);
  if (files != NULL && entity_id > 0)
    stw_evidence_queue_add (self->evidence_queue, entity, entity_id, files, NULL);
  g_list_free_full (files, g_object_unref);
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

  g_cancellable_cancel (self->closing);
  g_clear_object (&self->closing);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  if (self->evidence_queue != NULL)
    {
      /* Files still waiting are not attached to a window that is gone. */
      g_signal_handlers_disconnect_by_data (self->evidence_queue, self);
      stw_evidence_queue_cancel (self->evidence_queue);
    }

  if (self->workstream_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->workstream_popover));
      self->workstream_popover = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_WINDOW);

  g_clear_object (&self->search_results);
  g_clear_object (&self->evidence_queue);
  g_clear_object (&self->workstream);
  g_clear_object (&self->undo);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_object (&self->toast);

  G_OBJECT_CLASS (stw_window_parent_class)->dispose (object);
}

static void
stw_window_finalize (GObject *object)
{
  StwWindow *self = STW_WINDOW (object);

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
  static const struct {
    guint       key;
    const char *view;
  } view_keys[] = {
    { GDK_KEY_1, "board" },
    { GDK_KEY_2, "calendar" },
    { GDK_KEY_3, "list" },
  };

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

  g_type_ensure (STW_TYPE_BOARD_VIEW);
  g_type_ensure (STW_TYPE_CALENDAR_VIEW);
  g_type_ensure (STW_TYPE_ITEM_EDITOR);
  g_type_ensure (STW_TYPE_LIST_VIEW);
  g_type_ensure (STW_TYPE_RISK_PAGE);
  g_type_ensure (STW_TYPE_RISK_REGISTER_ROW);

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
  gtk_widget_class_bind_template_child (widget_class, StwWindow, actor_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, actor_label);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workstreams_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workstream_menu_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, board_view);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, search_stack);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, search_results_view);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, registers_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, risk_register_row);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, risk_page);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, new_item_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, workstream_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, workstream_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, workspace_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, workspace_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_item_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, risk_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_treatment_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, treatment_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, can_undo_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_activated);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", "s", open_workspace_activated);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_activated);
  gtk_widget_class_install_action (widget_class, "win.save-item", NULL, save_item_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-item", NULL, delete_item_activated);
  gtk_widget_class_install_action (widget_class, "win.close-editor", NULL, close_editor_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
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

static void
stw_window_init (StwWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *key;
  GtkEventController *shortcuts;
  GtkGesture *click;
  GtkGesture *long_press;
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Files dropped on cards and rows are attached one after another off
   * the main thread; their progress floats over the content, with Cancel. */
  {
    GtkWidget *overlay = gtk_overlay_new ();
    GtkWidget *revealer = gtk_revealer_new ();
    GtkWidget *progress;

    self->evidence_queue = stw_evidence_queue_new (NULL);
    g_signal_connect_object (self->evidence_queue, "attached",
                             G_CALLBACK (evidence_attached_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->evidence_queue, "failed",
                             G_CALLBACK (evidence_failed_cb), self, G_CONNECT_SWAPPED);

    progress = stw_evidence_progress_new (self->evidence_queue);
    gtk_widget_add_css_class (progress, "floating");
    gtk_widget_set_halign (progress, GTK_ALIGN_CENTER);
    gtk_widget_set_valign (progress, GTK_ALIGN_END);
    gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
    gtk_revealer_set_child (GTK_REVEALER (revealer), progress);
    gtk_widget_set_halign (revealer, GTK_ALIGN_CENTER);
    gtk_widget_set_valign (revealer, GTK_ALIGN_END);
    g_object_bind_property (self->evidence_queue, "busy", revealer, "reveal-child", G_BINDING_SYNC_CREATE);

    /* The overlay goes between the editor's flap and the pages. */
    g_object_ref (self->content_stack);
    adw_flap_set_content (self->flap, overlay);
    gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->content_stack));
    g_object_unref (self->content_stack);
    gtk_overlay_add_overlay (GTK_OVERLAY (overlay), revealer);
  }
  g_signal_connect_object (stw_item_editor_get_evidence_list (self->editor), "error",
                           G_CALLBACK (evidence_list_error_cb), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Results follow typing after a short pause, not every keystroke. */
  gtk_search_entry_set_search_delay (self->search_entry, 150);
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (search_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (search_row_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (search_row_bound_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (search_row_unbound_cb), self, 0);
  gtk_list_view_set_factory (self->search_results_view, factory);

  /* The sidebar rows' context menu: right click, long press, Shift+F10. */
  self->workstream_popover = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (NULL));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->workstream_popover), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->workstream_popover), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->workstream_popover), GTK_WIDGET (self->workstreams_list));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (workstreams_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->workstreams_list), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (workstreams_long_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->workstreams_list), GTK_EVENT_CONTROLLER (long_press));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                                                          gtk_callback_action_new (workstreams_menu_key_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->workstreams_list), shortcuts);

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

  g_cancellable_cancel (self->closing);
  g_clear_object (&self->closing);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  self->syncing++;
  set_workstream (self, NULL);
  gtk_list_box_bind_model (self->workstreams_list, NULL, NULL, NULL, NULL);
  self->syncing--;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  stw_item_editor_set_workspace (self->editor, workspace);

  /* The register, its sidebar row and dropped files follow the workspace. */
  if (self->showing_risks)
    leave_risk_register (self);
  stw_risk_page_set_workspace (self->risk_page, workspace);
  stw_risk_register_row_set_workspace (self->risk_register_row, workspace);
  stw_evidence_queue_set_workspace (self->evidence_queue, workspace);

  /* Undo belongs to one workspace: a new one starts afresh. */
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_clear_object (&self->undo);
  if (workspace != NULL)
    {
      self->undo = stw_undo_stack_new (workspace, UNDO_DEPTH);
      g_signal_connect_object (self->undo, "notify::can-undo",
                               G_CALLBACK (can_undo_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (workspace == NULL)
    {
      guint n = fill_workspaces (self, self->welcome_workspaces_list);

      gtk_widget_set_visible (GTK_WIDGET (self->welcome_workspaces_group), n > 0);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      update_organisation (self);
      update_actor (self);
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
      return TRUE;
    }

  g_signal_connect_object (workspace, "organisation-changed",
                           G_CALLBACK (organisation_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "people-changed",
                           G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "item-changed",
                           G_CALLBACK (item_changed_cb), self, 0);

  workstreams = stw_workspace_get_workstreams (workspace);
  gtk_list_box_bind_model (self->workstreams_list, workstreams, create_workstream_row, self, NULL);
  update_organisation (self);
  update_actor (self);
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

StwListView *
_stw_window_get_list_view (StwWindow *self)
{
  return self->list_view;
}

StwBoardView *
_stw_window_get_board_view (StwWindow *self)
{
  return self->board_view;
}

StwCalendarView *
_stw_window_get_calendar_view (StwWindow *self)
{
  return self->calendar_view;
}

StwItemEditor *
_stw_window_get_editor (StwWindow *self)
{
  return self->editor;
}

StwUndoStack *
_stw_window_get_undo (StwWindow *self)
{
  return self->undo;
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
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return "search";
  if (self->showing_risks)
    return "risks";

  return visible_view (self);
}

GtkSearchEntry *
_stw_window_get_search_entry (StwWindow *self)
{
  return self->search_entry;
}

GListModel *
_stw_window_get_search_results (StwWindow *self)
{
  return self->search_results;
}

const char *
_stw_window_get_toast_title (StwWindow *self)
{
  return self->toast_title;
}

StwRiskPage *
_stw_window_get_risk_page (StwWindow *self)
{
  return self->risk_page;
}

StwRiskRegisterRow *
_stw_window_get_risk_register_row (StwWindow *self)
{
  return self->risk_register_row;
}

StwEvidenceQueue *
_stw_window_get_evidence_queue (StwWindow *self)
{
  return self->evidence_queue;
}
