/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-closure-dialog.c: the question asked whenever an item is marked
 * Done. An auditor reads the closure note next to the item, so the dialog
 * will not close the item until something is written. Where evidence is
 * required and missing, it asks why, and offers to attach some instead.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "stw-closure-dialog.h"
#include "stw-evidence-queue.h"

typedef struct {
  GtkTextBuffer *buffer;
  GtkTextBuffer *reason_buffer;   /* NULL when the reason is not asked */
  gulong         cancelled_id;
  gint64         item_id;         /* the item evidence is attached to, or 0 */
  StwEvidenceQueue *queue;        /* attaches files chosen here, or NULL */
  GtkWidget     *reason_box;      /* the question why there is no evidence */
  GtkWidget     *attach_button;
  GtkWidget     *attach_status;
  GtkFileChooserNative *chooser;
  guint          n_attached;
} AskData;

typedef struct {
  char *note;
  char *reason;
} Answer;

static void
ask_data_free (gpointer data)
{
  AskData *ask = data;

  g_clear_object (&ask->buffer);
  g_clear_object (&ask->reason_buffer);
  if (ask->queue != NULL)
    {
      g_signal_handlers_disconnect_matched (ask->queue, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, ask);
      g_clear_object (&ask->queue);
    }
  if (ask->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (ask->chooser));
  g_clear_object (&ask->chooser);
  g_free (ask);
}

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  g_free (answer->note);
  g_free (answer->reason);
  g_free (answer);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_steal_pointer (&text));
}

/* Once evidence is attached here the reason is no longer needed. */
static gboolean
reason_needed (AskData *ask)
{
  return ask->reason_buffer != NULL && ask->n_attached == 0;
}

static void
buffer_changed_cb (GtkTextBuffer    *buffer,
                   AdwMessageDialog *dialog)
{
  AskData *ask = g_object_get_data (G_OBJECT (dialog), "stw-ask");
  g_autofree char *text = buffer_text (ask->buffer);
  g_autofree char *reason = reason_needed (ask) ? buffer_text (ask->reason_buffer) : g_strdup ("-");

  adw_message_dialog_set_response_enabled (dialog, "close", text[0] != '\0' && reason[0] != '\0');
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  AskData *ask = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  /* Disconnecting from inside the cancelled handler would deadlock; a
   * cancellable only fires once, so leaving it connected then is safe. */
  if (ask->cancelled_id != 0 && !g_cancellable_is_cancelled (cancellable))
    g_cancellable_disconnect (cancellable, ask->cancelled_id);
  ask->cancelled_id = 0;

  if (g_strcmp0 (response, "close") == 0)
    {
      Answer *answer = g_new0 (Answer, 1);

      answer->note = buffer_text (ask->buffer);
      answer->reason = reason_needed (ask) ? buffer_text (ask->reason_buffer) : NULL;
      if (answer->note[0] != '\0' && (answer->reason == NULL || answer->reason[0] != '\0'))
        {
          g_task_return_pointer (task, answer, answer_free);
          g_object_unref (task);
          return;
        }
      answer_free (answer);
    }

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The item was not closed"));
  g_object_unref (task);
}

/* Ctrl+Enter in a note closes, as the default button would: Enter alone
 * starts a new line. */
static gboolean
confirm_pressed_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_root (widget));

  if (!adw_message_dialog_get_response_enabled (dialog, "close"))
    {
      gtk_widget_error_bell (widget);
      return TRUE;
    }

  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  return TRUE;
}

static void
evidence_attached_cb (StwEvidenceQueue *queue,
                      StwAttachment    *attachment,
                      GFile            *file,
                      AskData          *ask)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_root (ask->attach_button));
  g_autofree char *text = NULL;

  ask->n_attached++;
  /* Translators: under the closure note; %s is a file name. */
  text = g_strdup_printf (_("%s is attached as evidence."), stw_attachment_get_file_name (attachment));
  gtk_label_set_label (GTK_LABEL (ask->attach_status), text);
  gtk_widget_remove_css_class (ask->attach_status, "error");
  gtk_widget_set_visible (ask->attach_status, TRUE);
  gtk_widget_set_visible (ask->reason_box, FALSE);
  buffer_changed_cb (ask->buffer, dialog);
}

static void
evidence_failed_cb (StwEvidenceQueue *queue,
                    GFile            *file,
                    GError           *error,
                    AskData          *ask)
{
  gtk_label_set_label (GTK_LABEL (ask->attach_status), error->message);
  gtk_widget_add_css_class (ask->attach_status, "error");
  gtk_widget_set_visible (ask->attach_status, TRUE);
}

static void
queue_busy_cb (StwEvidenceQueue *queue,
               GParamSpec       *pspec,
               AskData          *ask)
{
  gtk_widget_set_sensitive (ask->attach_button, !stw_evidence_queue_get_busy (queue));
}

static void
chooser_responded_cb (GtkNativeDialog *chooser,
                      int              response,
                      AdwMessageDialog *dialog)
{
  AskData *ask = g_object_get_data (G_OBJECT (dialog), "stw-ask");
  g_autoptr(GListModel) files = NULL;
  GList *list = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_list_prepend (list, g_list_model_get_item (files, i - 1));
      _stw_closure_dialog_attach_files (dialog, list);
      g_list_free_full (list, g_object_unref);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&ask->chooser);
}

/* The same file chooser as the editor's Evidence group. */
static void
attach_clicked_cb (GtkButton        *button,
                   AdwMessageDialog *dialog)
{
  AskData *ask = g_object_get_data (G_OBJECT (dialog), "stw-ask");

  if (ask->chooser != NULL)
    return;

  ask->chooser = gtk_file_chooser_native_new (_("Attach Evidence"), GTK_WINDOW (dialog),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (ask->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (ask->chooser), TRUE);
  g_signal_connect_object (ask->chooser, "response", G_CALLBACK (chooser_responded_cb), dialog, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (ask->chooser));
}

static void
cancelled_cb (GCancellable     *cancellable,
              AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
text_box (const char     *accessible_name,
          GtkTextBuffer **buffer)
{
  GtkWidget *view, *scroller, *frame;
  GtkEventController *controller;

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 80);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  *buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  /* Before the text view sees the key, which would start a new line. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_callback_action_new (confirm_pressed_cb, NULL, NULL)));
  gtk_widget_add_controller (view, controller);

  return frame;
}

void
stw_closure_dialog_ask (GtkWidget           *parent,
                        const char          *ref,
                        const char          *title,
                        guint                count,
                        const char          *initial_note,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  stw_closure_dialog_ask_full (parent, ref, title, count, initial_note, FALSE, NULL,
                               cancellable, callback, user_data);
}

static void
ask (GtkWidget           *parent,
     StwWorkspace        *workspace,
     gint64               item_id,
     const char          *ref,
     const char          *title,
     guint                count,
     const char          *initial_note,
     gboolean             need_reason,
     const char          *initial_reason,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog, *box;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AskData *ask;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

  if (count > 1)
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Close %u item?", "Close %u items?", count), count);
      body = g_strdup (_("Say how they were done. The same closure note is kept with each item, "
                         "in its history and in reports."));
    }
  else
    {
      /* Translators: %s is an item reference such as OP-2027-014. */
      heading = g_strdup_printf (_("Close %s?"), ref ? ref : "");
      /* Translators: %s is the item's title. */
      body = g_strdup_printf (_("Say how “%s” was done. The closure note is kept in the history "
                                "and shown in reports."), title ? title : "");
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", count > 1 ? _("C_lose items") : _("C_lose item"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  ask = g_new0 (AskData, 1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), text_box (_("Closure note"), &ask->buffer));
  if (need_reason)
    {
      GtkWidget *label = gtk_label_new (_("No evidence is attached. Why is there none, or where is it kept?"));

      ask->reason_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 6);
      gtk_box_append (GTK_BOX (ask->reason_box), label);
      gtk_box_append (GTK_BOX (ask->reason_box), text_box (_("Reason for no evidence"), &ask->reason_buffer));
      gtk_text_buffer_set_text (ask->reason_buffer, initial_reason ? initial_reason : "", -1);
      gtk_box_append (GTK_BOX (box), ask->reason_box);

      /* Attaching what shows the work done answers the question better
       * than a reason; a stored item only, files go to its record. */
      if (workspace != NULL && item_id > 0)
        {
          ask->item_id = item_id;
          ask->queue = stw_evidence_queue_new (workspace);
          g_signal_connect (ask->queue, "attached", G_CALLBACK (evidence_attached_cb), ask);
          g_signal_connect (ask->queue, "failed", G_CALLBACK (evidence_failed_cb), ask);
          g_signal_connect (ask->queue, "notify::busy", G_CALLBACK (queue_busy_cb), ask);

          ask->attach_button = gtk_button_new_with_mnemonic (_("_Attach Evidence…"));
          gtk_widget_set_halign (ask->attach_button, GTK_ALIGN_START);
          g_signal_connect_object (ask->attach_button, "clicked", G_CALLBACK (attach_clicked_cb), dialog, 0);
          gtk_box_append (GTK_BOX (box), ask->attach_button);

          ask->attach_status = gtk_label_new (NULL);
          gtk_label_set_wrap (GTK_LABEL (ask->attach_status), TRUE);
          gtk_label_set_xalign (GTK_LABEL (ask->attach_status), 0);
          gtk_widget_add_css_class (ask->attach_status, "caption");
          gtk_widget_set_visible (ask->attach_status, FALSE);
          gtk_box_append (GTK_BOX (box), ask->attach_status);
        }
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "stw-ask", ask);
  gtk_text_buffer_set_text (ask->buffer, initial_note ? initial_note : "", -1);
  g_signal_connect_object (ask->buffer, "changed", G_CALLBACK (buffer_changed_cb), dialog, 0);
  if (ask->reason_buffer)
    g_signal_connect_object (ask->reason_buffer, "changed", G_CALLBACK (buffer_changed_cb), dialog, 0);
  buffer_changed_cb (ask->buffer, ADW_MESSAGE_DIALOG (dialog));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, stw_closure_dialog_ask_full);
  g_task_set_task_data (task, ask, ask_data_free);
  if (cancellable != NULL)
    ask->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), dialog, NULL);

  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
stw_closure_dialog_ask_full (GtkWidget           *parent,
                             const char          *ref,
                             const char          *title,
                             guint                count,
                             const char          *initial_note,
                             gboolean             need_reason,
                             const char          *initial_reason,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  ask (parent, NULL, 0, ref, title, count, initial_note, need_reason, initial_reason,
       cancellable, callback, user_data);
}

void
stw_closure_dialog_ask_item (GtkWidget           *parent,
                             StwWorkspace        *workspace,
                             StwItem             *item,
                             const char          *initial_note,
                             gboolean             need_reason,
                             const char          *initial_reason,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (STW_IS_WORKSPACE (workspace));
  g_return_if_fail (STW_IS_ITEM (item));

  ask (parent, workspace, stw_item_get_id (item), stw_item_get_ref (item), stw_item_get_title (item), 1,
       initial_note, need_reason, initial_reason, cancellable, callback, user_data);
}

void
_stw_closure_dialog_attach_files (AdwMessageDialog *dialog,
                                  GList            *files)
{
  AskData *ask;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  ask = g_object_get_data (G_OBJECT (dialog), "stw-ask");
  g_return_if_fail (ask != NULL && ask->queue != NULL);

  gtk_widget_set_visible (ask->attach_status, FALSE);
  stw_evidence_queue_add (ask->queue, "item", ask->item_id, files, NULL);
}

gboolean
stw_closure_dialog_ask_full_finish (GAsyncResult  *result,
                                    char         **note,
                                    char         **reason,
                                    GError       **error)
{
  Answer *answer;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == stw_closure_dialog_ask_full, FALSE);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return FALSE;
  if (note)
    *note = g_steal_pointer (&answer->note);
  if (reason)
    *reason = g_steal_pointer (&answer->reason);
  answer_free (answer);
  return TRUE;
}

char *
stw_closure_dialog_ask_finish (GAsyncResult  *result,
                               GError       **error)
{
  char *note = NULL;

  if (!stw_closure_dialog_ask_full_finish (result, &note, NULL, error))
    return NULL;
  return note;
}
