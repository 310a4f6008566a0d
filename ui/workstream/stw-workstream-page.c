/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream-page.c: a workstream's page of the main window: the
 * three views, the item editor beside them and evidence drops (see
 * stw-workstream-page.h). Saving an item here may first ask for its
 * closure note; every change goes onto the shared undo stack.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-closing.h"
#include "stw-closure-dialog.h"
#include "stw-evidence-list.h"
#include "stw-evidence-progress.h"
#include "stw-workstream-page.h"
#include "stw-workstream-row.h"

typedef enum {
  SAVE_DONE,
  SAVE_FAILED,
  SAVE_ASKING,   /* waiting for the closure note */
} SaveResult;

struct _StwWorkstreamPage
{
  GtkWidget           parent_instance;

  StwWorkspace       *workspace;
  StwWorkstream      *workstream;
  StwUndoStack       *undo;             /* the window's */
  GCancellable       *closing;          /* the closure dialog of a save */
  GtkWidget          *discard_dialog;   /* asks before Escape drops edits */
  gboolean            close_after_save; /* the save was asked for by closing */
  guint               syncing;          /* > 0 while the page moves selections itself */
  StwEvidenceQueue   *evidence_queue;   /* files dropped on cards and rows */
  GSimpleActionGroup *actions;

  AdwFlap            *flap;
  GtkRevealer        *progress_revealer;
  GtkStack           *content_stack;    /* the views, or a cover over them */
  AdwViewStack       *view_stack;
  StwBoardView       *board_view;
  StwCalendarView    *calendar_view;
  StwListView        *list_view;
  StwItemEditor      *editor;
};

static SaveResult save_editor                (StwWorkstreamPage *self);
static void       stw_workstream_page_iface_init (StwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwWorkstreamPage, stw_workstream_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (STW_TYPE_PAGE, stw_workstream_page_iface_init))

/* Helpers */

static void
report_error (StwWorkstreamPage *self,
              const char        *what,
              const GError      *error)
{
  stw_page_emit_error (STW_PAGE (self), what, error->message);
}

static void
set_action_enabled (StwWorkstreamPage *self,
                    const char        *name,
                    gboolean           enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (StwWorkstreamPage *self)
{
  StwItem *item = stw_item_editor_get_item (self->editor);

  set_action_enabled (self, "new-item", self->workstream != NULL);
  /* Save needs a title; the editor says why it is off. */
  set_action_enabled (self, "save-item", stw_item_editor_get_can_save (self->editor));
  /* The board tells nobody when its selection moves: with a workstream
   * shown, Delete is always there and does nothing without an item. */
  set_action_enabled (self, "delete-item", (item != NULL && stw_item_get_id (item) != 0) || self->workstream != NULL);
  set_action_enabled (self, "close-editor", item != NULL);
  set_action_enabled (self, "undo", self->undo != NULL && stw_undo_stack_get_can_undo (self->undo));
  set_action_enabled (self, "show-view", self->workstream != NULL);
}

static const char *
visible_view (StwWorkstreamPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name != NULL ? name : "list";
}

/* The item selected in the view shown, 0 when none (or several). */
static gint64
view_selected_item (StwWorkstreamPage *self)
{
  const char *view = visible_view (self);

  if (g_str_equal (view, "board"))
    return stw_board_view_get_selected_item (self->board_view);
  if (g_str_equal (view, "list"))
    return stw_list_view_get_selected_item (self->list_view);

  return 0;
}

/* Moves the shown view's selection to @item_id without the editor
 * following it. */
static void
select_in_view (StwWorkstreamPage *self,
                gint64             item_id)
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
focus_in_view (StwWorkstreamPage *self,
               gint64             item_id)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  gboolean take = view != NULL && gtk_widget_get_mapped (view)
                  && (focus == NULL || !gtk_widget_is_ancestor (focus, view));

  /* On the board the keyboard goes to a card (the selected one, or the
   * first), not to the first button of its toolbar, even when that
   * button had it: Ctrl+1 then arrows must move among cards. */
  if (view == GTK_WIDGET (self->board_view) && gtk_widget_get_mapped (view)
      && (focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) == NULL
          || !gtk_widget_is_ancestor (focus, view)))
    {
      if (item_id != 0)
        select_in_view (self, item_id);
      if (stw_board_view_focus_card (self->board_view))
        return;
    }

  if (take)
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);

  if (item_id != 0)
    select_in_view (self, item_id);
}

static void
show_in_editor (StwWorkstreamPage *self,
                StwItem           *item)
{
  stw_item_editor_set_item (self->editor, item);
  adw_flap_set_reveal_flap (self->flap, item != NULL);
  update_actions (self);
}

/* Closes the editor; the item it showed stays selected in the view, so
 * the view's keys (Shift+Alt+arrows on the board, Delete) go on working on
 * it. */
static void
close_editor (StwWorkstreamPage *self)
{
  StwItem *shown = stw_item_editor_get_item (self->editor);
  gint64 shown_id = shown != NULL ? stw_item_get_id (shown) : 0;

  show_in_editor (self, NULL);
  select_in_view (self, shown_id);
}

/* Saves what the editor holds before it shows something else. Untouched
 * items need nothing. */
static gboolean
commit_editor (StwWorkstreamPage *self)
{
  if (stw_item_editor_get_item (self->editor) == NULL
      || !stw_item_editor_get_modified (self->editor))
    return TRUE;

  return save_editor (self) == SAVE_DONE;
}

/* Opens the stored item @item_id in the editor, after saving what the
 * editor held. */
static void
open_item (StwWorkstreamPage *self,
           gint64             item_id)
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
      report_error (self, _("Could not open the item"), error);
      return;
    }

  show_in_editor (self, stored);
  select_in_view (self, item_id);
}

/* Reloads the editor's item from the workspace after a change made
 * elsewhere (a board move, a bulk change, an undo); @force drops unsaved
 * edits too. An item that no longer exists closes the editor. */
static void
refresh_editor (StwWorkstreamPage *self,
                gboolean           force)
{
  g_autoptr(StwItem) stored = NULL;
  StwItem *shown = stw_item_editor_get_item (self->editor);

  if (self->workspace == NULL || shown == NULL || stw_item_get_id (shown) == 0)
    return;

  stored = stw_workspace_load_item (self->workspace, stw_item_get_id (shown), NULL);
  /* Unsaved edits stay; the editor says when the item moved on under them
   * (not for a change they do not touch, as evidence attached). */
  if (stw_item_editor_get_modified (self->editor) && !force)
    {
      if (stored == NULL || stw_workspace_items_differ (self->workspace, shown, stored))
        stw_item_editor_show_changed_elsewhere (self->editor);
      return;
    }
  if (stored == NULL)
    show_in_editor (self, NULL);
  else
    stw_item_editor_set_item (self->editor, stored);
  update_actions (self);
}

/* The edit marks an item Done that was not. */
static gboolean
is_closing (StwWorkstreamPage *self,
            StwItem           *edited)
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
needs_closure_note (StwWorkstreamPage *self,
                    StwItem           *edited)
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
  g_autoptr(StwWorkstreamPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;

  gboolean close_after = self->close_after_save;

  self->close_after_save = FALSE;
  if (!stw_closure_dialog_ask_full_finish (result, &note, &reason, &error))
    return;

  /* The editor may have been emptied meanwhile (window closing). */
  if (stw_item_editor_get_item (self->editor) == NULL)
    return;

  stw_item_editor_set_closure (self->editor, note, reason);
  if (save_editor (self) == SAVE_DONE && close_after)
    close_editor (self);
}

/* Writes the editor's item to the workspace: inserts a new one, updates a
 * stored one. On success the editor shows the item as stored and the change
 * can be undone; on failure the editor keeps what was typed. Marking an
 * item Done first asks for its closure note. */
static SaveResult
save_editor (StwWorkstreamPage *self)
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
      report_error (self, _("Could not save the item"), error);
      return SAVE_FAILED;
    }

  if (needs_closure_note (self, edited))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_cancellable_cancel (self->closing);
      g_clear_object (&self->closing);
      self->closing = g_cancellable_new ();
      /* A stored item can have evidence attached from the dialog. */
      if (stw_item_get_id (edited) != 0)
        stw_closure_dialog_ask_item (root != NULL ? GTK_WIDGET (root) : GTK_WIDGET (self),
                                     self->workspace, edited, stw_item_get_closure_note (edited),
                                     stw_closing_needs_reason (self->workspace, edited), NULL,
                                     self->closing, closure_note_given_cb, g_object_ref (self));
      else
        stw_closure_dialog_ask_full (root != NULL ? GTK_WIDGET (root) : GTK_WIDGET (self),
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
          report_error (self, _("Could not create the item"), error);
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
          report_error (self, _("Could not save the item"), error);
          return SAVE_FAILED;
        }
      if (!stw_workspace_update_item (self->workspace, edited, &error))
        {
          report_error (self, _("Could not save the item"), error);
          return SAVE_FAILED;
        }
      stw_undo_stack_push_update (self->undo, before);
      /* Reopening may have withdrawn the occurrence its completion made:
       * say so rather than only "saved". */
      text = stw_workspace_take_withdrawn (self->workspace, id);
      if (text == NULL)
        /* Translators: %s is an item reference such as T-014. */
        text = g_strdup_printf (_("%s saved"), stw_item_get_ref (before));
    }

  stored = stw_workspace_load_item (self->workspace, id, NULL);
  stw_item_editor_set_item (self->editor, stored != NULL ? stored : edited);
  if (self->workstream != NULL
      && stw_item_get_workstream_id (edited) == stw_workstream_get_id (self->workstream))
    select_in_view (self, id);
  update_actions (self);
  stw_page_emit_changed (STW_PAGE (self), text, TRUE);

  return SAVE_DONE;
}

static void
load_views (StwWorkstreamPage *self)
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
restore_view (StwWorkstreamPage *self)
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

/* Shows @item, new, in the editor, for the person to type its title. */
static void
edit_new_item (StwWorkstreamPage *self,
               StwItem           *item)
{
  stw_page_emit_reveal_requested (STW_PAGE (self));
  select_in_view (self, 0);
  show_in_editor (self, item);
  stw_item_editor_focus_title (self->editor);
}

/* Callbacks */

static void
can_undo_changed_cb (StwWorkstreamPage *self)
{
  update_actions (self);
}

static void
item_changed_cb (StwWorkspace      *workspace,
                 gint64             item_id,
                 gint64             workstream_id,
                 StwWorkstreamPage *self)
{
  StwItem *shown = stw_item_editor_get_item (self->editor);

  if (shown == NULL || stw_item_get_id (shown) == 0)
    return;

  /* 0 is "many items changed". */
  if (item_id == 0 || item_id == stw_item_get_id (shown))
    refresh_editor (self, FALSE);
}

/* A narrow page folds the flap: the editor then covers the page, and
 * becomes a page of its own (issue 9, point 19). */
static void
flap_folded_cb (StwWorkstreamPage *self)
{
  stw_item_editor_set_folded (self->editor, adw_flap_get_folded (self->flap));
}

static void
editor_reload_cb (StwWorkstreamPage *self)
{
  refresh_editor (self, TRUE);
}

static void
view_switched_cb (StwWorkstreamPage *self)
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
view_item_activated_cb (StwWorkstreamPage *self,
                        gint64             item_id)
{
  open_item (self, item_id);
}

/* With the editor open, it follows a click in the list, as a details pane
 * does; closed, a click only selects. */
static void
list_item_selected_cb (StwWorkstreamPage *self,
                       gint64             item_id)
{
  update_actions (self);

  if (self->syncing > 0 || item_id == 0 || !adw_flap_get_reveal_flap (self->flap))
    return;

  open_item (self, item_id);
}

static void
view_changed_item_cb (StwWorkstreamPage *self,
                      const char        *message)
{
  /* A card moved back out of Done may have withdrawn what closing it
   * created. */
  g_autofree char *withdrawn = self->workspace != NULL ? stw_workspace_take_withdrawn (self->workspace, 0) : NULL;

  stw_page_emit_changed (STW_PAGE (self), withdrawn != NULL ? withdrawn : message, TRUE);
  update_actions (self);
}

static void
view_error_cb (StwWorkstreamPage *self,
               const char        *message)
{
  stw_page_emit_error (STW_PAGE (self), NULL, message);
}

static void
evidence_attached_cb (StwWorkstreamPage *self,
                      StwAttachment     *attachment,
                      GFile             *file)
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
  stw_page_emit_changed (STW_PAGE (self), text, FALSE);
}

/* The queue and the editor's Evidence group name the file in their
 * message. */
static void
evidence_failed_cb (StwWorkstreamPage *self,
                    GFile             *file,
                    GError            *error)
{
  stw_page_emit_error (STW_PAGE (self), NULL, error->message);
}

static void
evidence_list_error_cb (StwWorkstreamPage *self,
                        GError            *error)
{
  stw_page_emit_error (STW_PAGE (self), NULL, error->message);
}

static void
discard_answered_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     StwWorkstreamPage *self)
{
  SaveResult result;

  if (g_str_equal (response, "discard"))
    close_editor (self);
  else if (g_str_equal (response, "save"))
    {
      /* A close into Done asks for its note first; the editor closes once
       * that save is done. */
      self->close_after_save = TRUE;
      result = save_editor (self);
      if (result != SAVE_ASKING)
        self->close_after_save = FALSE;
      if (result == SAVE_DONE)
        close_editor (self);
    }
}

/* Escape with unsaved edits: they are neither saved nor lost without the
 * person saying which. */
static void
ask_before_closing (StwWorkstreamPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  StwItem *item = stw_item_editor_get_item (self->editor);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->discard_dialog));
      return;
    }

  if (stw_item_get_id (item) != 0)
    /* Translators: %s is an item reference such as T-014. */
    body = g_strdup_printf (_("%s has changes that are not saved. Discarded changes cannot be brought back."),
                            stw_item_get_ref (item));
  else
    body = g_strdup (_("The new item is not saved. A discarded item cannot be brought back."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  /* Without a title there is nothing to save; the field says why. */
  adw_message_dialog_set_response_enabled (dialog, "save", stw_item_editor_get_can_save (self->editor));
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_answered_cb), self, 0);

  self->discard_dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->discard_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
new_item_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  StwWorkstreamPage *self = user_data;

  if (self->workstream == NULL || !commit_editor (self))
    return;

  stw_workstream_page_new_item (self, NULL);
}

static void
save_item_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  StwWorkstreamPage *self = user_data;
  StwItem *item = stw_item_editor_get_item (self->editor);

  /* An untouched stored item has nothing to write. */
  if (item == NULL || (stw_item_get_id (item) != 0 && !stw_item_editor_get_modified (self->editor)))
    return;

  save_editor (self);
}

static void
delete_item_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  StwWorkstreamPage *self = user_data;
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
      report_error (self, _("Could not delete the item"), error);
      return;
    }

  stw_undo_stack_push_delete (self->undo, before);
  show_in_editor (self, NULL);
  select_in_view (self, 0);

  /* Translators: %s is an item reference such as T-014. */
  text = g_strdup_printf (_("%s deleted"), stw_item_get_ref (before));
  stw_page_emit_changed (STW_PAGE (self), text, TRUE);
}

static void
close_editor_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  StwWorkstreamPage *self = user_data;
  StwItem *item = stw_item_editor_get_item (self->editor);

  /* A new item never typed in has nothing to lose. */
  if (item != NULL && stw_item_editor_get_modified (self->editor))
    {
      ask_before_closing (self);
      return;
    }

  close_editor (self);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StwWorkstreamPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(StwItem) restored = NULL;
  StwItem *shown = stw_item_editor_get_item (self->editor);
  gint64 shown_id = shown != NULL ? stw_item_get_id (shown) : 0;
  gint64 item_id = 0;

  if (self->undo == NULL || !stw_undo_stack_get_can_undo (self->undo))
    return;

  if (!stw_undo_stack_undo (self->undo, &text, &item_id, &error))
    {
      report_error (self, _("Could not undo"), error);
      update_actions (self);
      return;
    }
  /* Undoing a completion withdraws what it created: name it. */
  {
    char *withdrawn = stw_workspace_take_withdrawn (self->workspace, item_id);

    if (withdrawn != NULL)
      {
        g_free (text);
        text = withdrawn;
      }
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

  stw_page_emit_changed (STW_PAGE (self), text, FALSE);
  update_actions (self);
}

static void
show_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  StwWorkstreamPage *self = user_data;
  const char *view = g_variant_get_string (parameter, NULL);

  if (self->workstream == NULL || adw_view_stack_get_child_by_name (self->view_stack, view) == NULL)
    return;

  /* Ctrl+1 on the view already shown still puts the keyboard in it. */
  if (g_str_equal (view, visible_view (self)))
    {
      StwItem *shown = stw_item_editor_get_item (self->editor);

      focus_in_view (self, shown != NULL ? stw_item_get_id (shown) : 0);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

/* StwPage */

static void
stw_workstream_page_set_workspace (StwPage      *page,
                                   StwWorkspace *workspace,
                                   StwUndoStack *undo)
{
  StwWorkstreamPage *self = STW_WORKSTREAM_PAGE (page);

  g_cancellable_cancel (self->closing);
  g_clear_object (&self->closing);
  stw_workstream_page_set_workstream (self, NULL);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  stw_item_editor_set_workspace (self->editor, workspace);
  stw_evidence_queue_set_workspace (self->evidence_queue, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "item-changed", G_CALLBACK (item_changed_cb), self, 0);

  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_set_object (&self->undo, undo);
  if (undo != NULL)
    g_signal_connect_object (undo, "notify::can-undo",
                             G_CALLBACK (can_undo_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

static const char *
stw_workstream_page_get_title (StwPage *page)
{
  StwWorkstreamPage *self = STW_WORKSTREAM_PAGE (page);

  return self->workstream != NULL ? stw_workstream_get_name (self->workstream) : "";
}

static const char *
stw_workstream_page_get_subtitle (StwPage *page)
{
  StwWorkstreamPage *self = STW_WORKSTREAM_PAGE (page);

  return self->workspace != NULL ? stw_workspace_get_org_name (self->workspace) : "";
}

static AdwViewStack *
stw_workstream_page_get_view_stack (StwPage *page)
{
  return STW_WORKSTREAM_PAGE (page)->view_stack;
}

static GMenuModel *
stw_workstream_page_dup_menu (StwPage *page)
{
  StwWorkstreamPage *self = STW_WORKSTREAM_PAGE (page);

  return self->workstream != NULL ? stw_workstream_menu_new (self->workstream, FALSE) : NULL;
}

static GActionGroup *
stw_workstream_page_get_actions (StwPage *page)
{
  return G_ACTION_GROUP (STW_WORKSTREAM_PAGE (page)->actions);
}

static gboolean
stw_workstream_page_commit (StwPage *page)
{
  return commit_editor (STW_WORKSTREAM_PAGE (page));
}

/* The window has shown the item's workstream already. */
static gboolean
stw_workstream_page_show_record (StwPage    *page,
                                 const char *entity,
                                 gint64      id)
{
  StwWorkstreamPage *self = STW_WORKSTREAM_PAGE (page);
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL || !g_str_equal (entity, "item"))
    return FALSE;

  item = stw_workspace_load_item (self->workspace, id, &error);
  if (item == NULL)
    {
      report_error (self, _("Could not open the item"), error);
      return FALSE;
    }

  show_in_editor (self, item);
  focus_in_view (self, id);

  return TRUE;
}

static void
stw_workstream_page_iface_init (StwPageInterface *iface)
{
  iface->set_workspace = stw_workstream_page_set_workspace;
  iface->get_title = stw_workstream_page_get_title;
  iface->get_subtitle = stw_workstream_page_get_subtitle;
  iface->get_view_stack = stw_workstream_page_get_view_stack;
  iface->dup_menu = stw_workstream_page_dup_menu;
  iface->get_actions = stw_workstream_page_get_actions;
  iface->commit = stw_workstream_page_commit;
  iface->show_record = stw_workstream_page_show_record;
}

/* Overrides */

static void
stw_workstream_page_dispose (GObject *object)
{
  StwWorkstreamPage *self = STW_WORKSTREAM_PAGE (object);

  g_cancellable_cancel (self->closing);
  g_clear_object (&self->closing);
  if (self->discard_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->discard_dialog), (gpointer *) &self->discard_dialog);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->discard_dialog)));
    }

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

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_WORKSTREAM_PAGE);

  g_clear_object (&self->evidence_queue);
  g_clear_object (&self->actions);
  g_clear_object (&self->workstream);
  g_clear_object (&self->undo);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_workstream_page_parent_class)->dispose (object);
}

static void
stw_workstream_page_class_init (StwWorkstreamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_workstream_page_dispose;

  g_type_ensure (STW_TYPE_BOARD_VIEW);
  g_type_ensure (STW_TYPE_CALENDAR_VIEW);
  g_type_ensure (STW_TYPE_ITEM_EDITOR);
  g_type_ensure (STW_TYPE_LIST_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-workstream-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamPage, flap);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamPage, board_view);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamPage, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, flap_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_item_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_error_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stw_workstream_page_init (StwWorkstreamPage *self)
{
  static const GActionEntry entries[] = {
    { "new-item", new_item_activated },
    { "save-item", save_item_activated },
    { "delete-item", delete_item_activated },
    { "close-editor", close_editor_activated },
    { "undo", undo_activated },
    { "show-view", show_view_activated, "s" },
  };
  GtkWidget *progress;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);

  /* Files dropped on cards and rows are attached one after another off
   * the main thread; their progress floats over the views, with Cancel. */
  self->evidence_queue = stw_evidence_queue_new (NULL);
  g_signal_connect_object (self->evidence_queue, "attached",
                           G_CALLBACK (evidence_attached_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence_queue, "failed",
                           G_CALLBACK (evidence_failed_cb), self, G_CONNECT_SWAPPED);
  progress = stw_evidence_progress_new (self->evidence_queue);
  gtk_widget_add_css_class (progress, "floating");
  gtk_widget_set_halign (progress, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (progress, GTK_ALIGN_END);
  gtk_revealer_set_child (self->progress_revealer, progress);
  g_object_bind_property (self->evidence_queue, "busy", self->progress_revealer, "reveal-child", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->editor, "reload", G_CALLBACK (editor_reload_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::can-save",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stw_item_editor_get_evidence_list (self->editor), "error",
                           G_CALLBACK (evidence_list_error_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

/* Public API */

GtkWidget *
stw_workstream_page_new (void)
{
  return g_object_new (STW_TYPE_WORKSTREAM_PAGE, NULL);
}

StwWorkstream *
stw_workstream_page_get_workstream (StwWorkstreamPage *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_PAGE (self), NULL);

  return self->workstream;
}

void
stw_workstream_page_set_workstream (StwWorkstreamPage *self,
                                    StwWorkstream     *workstream)
{
  g_return_if_fail (STW_IS_WORKSTREAM_PAGE (self));

  if (self->workstream == workstream)
    return;

  show_in_editor (self, NULL);
  g_set_object (&self->workstream, workstream);

  restore_view (self);
  load_views (self);
  stw_page_emit_header_changed (STW_PAGE (self));
  update_actions (self);
}

void
stw_workstream_page_new_item (StwWorkstreamPage *self,
                              StwRisk           *risk)
{
  g_autoptr(StwItem) item = NULL;
  StwPerson *owner = NULL;

  g_return_if_fail (STW_IS_WORKSTREAM_PAGE (self));

  if (self->workspace == NULL || self->workstream == NULL)
    return;

  item = stw_item_new (stw_workstream_get_id (self->workstream));
  if (risk != NULL)
    {
      stw_item_set_risk_id (item, stw_risk_get_id (risk));
      owner = stw_workspace_find_person (self->workspace, stw_risk_get_owner_id (risk));
    }
  /* Else the workstream's owner, unless they have left. */
  if (owner == NULL || !stw_person_get_active (owner))
    owner = stw_workspace_find_person (self->workspace, stw_workstream_get_owner_id (self->workstream));
  if (owner != NULL && stw_person_get_active (owner))
    stw_item_set_owner_id (item, stw_person_get_id (owner));

  edit_new_item (self, item);
}

void
stw_workstream_page_set_cover (StwWorkstreamPage *self,
                               GtkWidget         *cover)
{
  GtkWidget *old;

  g_return_if_fail (STW_IS_WORKSTREAM_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (cover));

  old = gtk_stack_get_child_by_name (self->content_stack, "cover");
  if (old != NULL)
    gtk_stack_remove (self->content_stack, old);
  gtk_stack_add_named (self->content_stack, cover, "cover");
}

void
stw_workstream_page_show_cover (StwWorkstreamPage *self,
                                gboolean           shown)
{
  g_return_if_fail (STW_IS_WORKSTREAM_PAGE (self));

  gtk_stack_set_visible_child_name (self->content_stack,
                                    shown && gtk_stack_get_child_by_name (self->content_stack, "cover") != NULL
                                    ? "cover" : "views");
}

const char *
stw_workstream_page_get_visible_view (StwWorkstreamPage *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_PAGE (self), NULL);

  return visible_view (self);
}

gboolean
stw_workstream_page_get_editor_revealed (StwWorkstreamPage *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_PAGE (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap);
}

StwItemEditor *
stw_workstream_page_get_editor (StwWorkstreamPage *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_PAGE (self), NULL);

  return self->editor;
}

StwBoardView *
stw_workstream_page_get_board_view (StwWorkstreamPage *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_PAGE (self), NULL);

  return self->board_view;
}

StwCalendarView *
stw_workstream_page_get_calendar_view (StwWorkstreamPage *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_PAGE (self), NULL);

  return self->calendar_view;
}

StwListView *
stw_workstream_page_get_list_view (StwWorkstreamPage *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_PAGE (self), NULL);

  return self->list_view;
}

StwEvidenceQueue *
stw_workstream_page_get_evidence_queue (StwWorkstreamPage *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_PAGE (self), NULL);

  return self->evidence_queue;
}
