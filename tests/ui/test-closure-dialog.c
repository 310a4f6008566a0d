/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-closure-dialog.c: the closure note question refuses an empty note,
 * returns what was written, and reports cancelling as G_IO_ERROR_CANCELLED;
 * evidence attached from it meets the rule in place of a reason, and
 * Ctrl+Enter in a note confirms.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "stw-closure-dialog.h"
#include "stw-evidence.h"
#include "test-util.h"

static char *data_home;

typedef struct {
  gboolean  done;
  char     *note;
  GError   *error;
} Answer;

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Answer *answer = user_data;

  answer->note = stw_closure_dialog_ask_finish (result, &answer->error);
  answer->done = TRUE;
}

static AdwMessageDialog *
find_dialog (void)
{
  return (AdwMessageDialog *) find_shown_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static void
collect_text_views (GtkWidget  *widget,
                    GPtrArray  *out)
{
  collect_type (widget, GTK_TYPE_TEXT_VIEW, out);
}

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_text_views (widget, views);
  return views->len ? views->pdata[0] : NULL;
}

static void
wait_for (gboolean *flag)
{
  for (guint i = 0; i < 2000 && !*flag; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_true (*flag);
}

static AdwMessageDialog *
ask (GtkWindow    *parent,
     guint         count,
     const char   *initial,
     GCancellable *cancellable,
     Answer       *answer)
{
  AdwMessageDialog *dialog;

  stw_closure_dialog_ask (GTK_WIDGET (parent), "T-004", "Backup restore test", count, initial,
                          cancellable, answered_cb, answer);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_note_required (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  Answer answer = { 0 };
  AdwMessageDialog *dialog;
  GtkTextView *view;

  gtk_window_present (parent);
  dialog = ask (parent, 1, NULL, NULL, &answer);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Close T-004?");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "close"));

  view = find_text_view (GTK_WIDGET (dialog));
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "   ", -1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "close"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "  Restored the 3 March backup in 14 minutes \n", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "close"));

  adw_message_dialog_response (dialog, "close");
  wait_for (&answer.done);
  g_assert_no_error (answer.error);
  g_assert_cmpstr (answer.note, ==, "Restored the 3 March backup in 14 minutes");
  g_free (answer.note);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

static void
test_cancel (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  Answer answer = { 0 };
  AdwMessageDialog *dialog;

  gtk_window_present (parent);
  dialog = ask (parent, 3, "Prefilled", NULL, &answer);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Close 3 items?");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "close"));
  adw_message_dialog_response (dialog, "cancel");
  wait_for (&answer.done);
  g_assert_null (answer.note);
  g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&answer.error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

static void
test_cancellable (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Answer answer = { 0 };

  gtk_window_present (parent);
  ask (parent, 1, "Prefilled", cancellable, &answer);
  g_cancellable_cancel (cancellable);
  wait_for (&answer.done);
  g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&answer.error);
  g_assert_null (find_dialog ());
  gtk_window_destroy (parent);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  char     *note;
  char     *reason;
  GError   *error;
} FullAnswer;

static void
answered_full_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FullAnswer *answer = user_data;

  answer->ok = stw_closure_dialog_ask_full_finish (result, &answer->note, &answer->reason, &answer->error);
  answer->done = TRUE;
}

static void
test_reason_required (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  FullAnswer answer = { 0 };
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  gtk_window_present (parent);
  stw_closure_dialog_ask_full (GTK_WIDGET (parent), "RT-004", "Encrypt laptops", 1, "All 42 laptops encrypted",
                               TRUE, NULL, NULL, answered_full_cb, &answer);
  dialog = find_dialog ();
  collect_text_views (GTK_WIDGET (dialog), views);
  g_assert_cmpuint (views->len, ==, 2);
  /* A note alone is not enough when evidence is missing. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "close"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[1]), "Report is in the MDM console", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "close"));
  adw_message_dialog_response (dialog, "close");
  wait_for (&answer.done);
  g_assert_true (answer.ok);
  g_assert_cmpstr (answer.note, ==, "All 42 laptops encrypted");
  g_assert_cmpstr (answer.reason, ==, "Report is in the MDM console");
  g_free (answer.note);
  g_free (answer.reason);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

static gboolean
answered (gpointer data)
{
  return ((FullAnswer *) data)->done;
}

static gboolean
close_enabled (gpointer data)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (data), "close");
}

/* The action Ctrl+Enter sets off in @view, or NULL. */
static GtkShortcutAction *
find_ctrl_enter (GtkWidget *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  g_autoptr(GtkShortcutTrigger) ctrl_enter = gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (gtk_shortcut_trigger_equal (trigger, ctrl_enter)
              || (GTK_IS_ALTERNATIVE_TRIGGER (trigger)
                  && (gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), ctrl_enter)
                      || gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), ctrl_enter))))
            return gtk_shortcut_get_action (shortcut);
        }
    }

  return NULL;
}

/* Ctrl+Enter in the note closes (when Close may); Enter alone stays a new
 * line (issue 9, point 16). */
static void
test_ctrl_enter (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  FullAnswer answer = { 0 };
  AdwMessageDialog *dialog;
  GtkTextView *view;
  GtkShortcutAction *action;

  gtk_window_present (parent);
  stw_closure_dialog_ask_full (GTK_WIDGET (parent), "T-004", "Backup restore test", 1, NULL,
                               FALSE, NULL, NULL, answered_full_cb, &answer);
  dialog = find_dialog ();
  view = find_text_view (GTK_WIDGET (dialog));
  action = find_ctrl_enter (GTK_WIDGET (view));
  g_assert_nonnull (action);

  /* Nothing written: Ctrl+Enter does not close. */
  gtk_shortcut_action_activate (action, 0, GTK_WIDGET (view), NULL);
  iterate ();
  g_assert_false (answer.done);
  g_assert_true (find_dialog () == dialog);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Restored in 14 minutes", -1);
  g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (view), NULL));
  g_assert_true (wait_until (answered, &answer));
  g_assert_true (answer.ok);
  g_assert_cmpstr (answer.note, ==, "Restored in 14 minutes");
  g_assert_null (answer.reason);
  g_assert_null (find_dialog ());
  g_free (answer.note);
  gtk_window_destroy (parent);
}

/* "Attach evidence…" in the dialog: a file attached there to the item
 * meets the rule, and the reason is no longer asked (issue 9, point 16). */
static void
test_attach_evidence (void)
{
  g_autoptr(StwWorkspace) workspace = create_workspace (data_home, "closure", "Acme GmbH", "Ada Byron");
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (data_home, "restore-log.txt", NULL);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  FullAnswer answer = { 0 };
  AdwMessageDialog *dialog;
  GtkWidget *attach, *reason_view;
  GList *files;
  gint64 tasks = find_workstream_id (workspace, STW_WORKSTREAM_TASKS);
  StwWorkstream *workstream = stw_workspace_find_workstream (workspace, tasks);

  g_assert_true (stw_workspace_update_workstream (workspace, tasks, stw_workstream_get_name (workstream),
                                                  stw_workstream_get_owner_id (workstream), NULL, TRUE, &error));
  g_assert_no_error (error);
  item = stw_item_new (tasks);
  stw_item_set_title (item, "Backup restore test");
  insert_item (workspace, item);
  g_assert_true (g_file_set_contents (path, "restored 2027-03-03, 14 min\n", -1, &error));
  g_assert_no_error (error);

  gtk_window_present (parent);
  stw_closure_dialog_ask_item (GTK_WIDGET (parent), workspace, item, NULL, TRUE, NULL, NULL,
                               answered_full_cb, &answer);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  attach = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Attach Evidence…");
  g_assert_nonnull (attach);
  collect_text_views (GTK_WIDGET (dialog), views);
  g_assert_cmpuint (views->len, ==, 2);
  reason_view = views->pdata[1];
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[0]), "Restored the March backup", -1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "close"));

  /* What the file chooser does with the file chosen. */
  file = g_file_new_for_path (path);
  files = g_list_append (NULL, file);
  _stw_closure_dialog_attach_files (dialog, files);
  g_list_free (files);
  g_assert_true (wait_until (close_enabled, dialog));
  g_assert_cmpuint (stw_workspace_count_attachments (workspace, "item", stw_item_get_id (item)), ==, 1);
  g_assert_false (gtk_widget_is_visible (reason_view));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "restore-log.txt is attached as evidence."));

  adw_message_dialog_response (dialog, "close");
  g_assert_true (wait_until (answered, &answer));
  g_assert_true (answer.ok);
  g_assert_cmpstr (answer.note, ==, "Restored the March backup");
  g_assert_null (answer.reason);
  g_free (answer.note);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Workspaces go to a private folder, before GLib caches the real one. */
  data_home = make_test_home ("closure-dialog");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/closure-dialog/note-required", test_note_required);
  g_test_add_func ("/closure-dialog/cancel", test_cancel);
  g_test_add_func ("/closure-dialog/cancellable", test_cancellable);
  g_test_add_func ("/closure-dialog/reason-required", test_reason_required);
  g_test_add_func ("/closure-dialog/ctrl-enter", test_ctrl_enter);
  g_test_add_func ("/closure-dialog/attach-evidence", test_attach_evidence);

  status = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);

  return status;
}
