/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-closure-dialog.c: the closure note question refuses an empty note,
 * returns what was written, and reports cancelling as G_IO_ERROR_CANCELLED.
 */
#include "config.h"

#include <adwaita.h>

#include "stw-closure-dialog.h"
#include "test-util.h"

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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/closure-dialog/note-required", test_note_required);
  g_test_add_func ("/closure-dialog/cancel", test_cancel);
  g_test_add_func ("/closure-dialog/cancellable", test_cancellable);
  g_test_add_func ("/closure-dialog/reason-required", test_reason_required);

  return g_test_run ();
}
