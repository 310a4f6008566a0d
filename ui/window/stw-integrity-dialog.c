/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-integrity-dialog.c: the in-app integrity check. The worker thread
 * opens the workspace file again for itself: an StwWorkspace is not
 * shared between threads, and SQLite in WAL mode lets it read while the
 * window's own connection goes on writing.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stw-integrity-dialog.h"
#include "stw-workspace.h"

typedef struct {
  gboolean  intact;
  char     *report;
} CheckResult;

struct _StwIntegrityDialog
{
  AdwMessageDialog  parent_instance;

  char             *path;
  GCancellable     *cancellable;
  char             *report;
  const char       *state;
  guint             n_problems;

  GtkStack         *stack;
  GtkListBox       *findings;
};

G_DEFINE_FINAL_TYPE (StwIntegrityDialog, stw_integrity_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Helpers */

static void
check_result_free (gpointer data)
{
  CheckResult *result = data;

  g_free (result->report);
  g_free (result);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  CheckResult *result;

  workspace = stw_workspace_open (path, &error);
  if (workspace == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (CheckResult, 1);
  /* A failed check is a finding, written in the report, not an error. */
  result->intact = stw_workspace_check (workspace, report, NULL);
  result->report = g_string_free (g_steal_pointer (&report), FALSE);
  g_task_return_pointer (task, result, check_result_free);
}

/* Whether @line is what @format prints, whatever its arguments: how the
 * report's lines for a good result are recognised, in any language. */
static gboolean
matches_format (const char *line,
                const char *format)
{
  g_autoptr(GString) pattern = g_string_new ("^");
  const char *p = format;

  while (*p != '\0' && *p != '\n')
    {
      if (*p == '%')
        {
          p++;
          while (*p != '\0' && strchr ("0123456789$l", *p) != NULL)
            p++;
          g_string_append (pattern, *p == 's' ? ".*" : "[0-9]+");
          if (*p != '\0')
            p++;
        }
      else
        {
          gsize len = strcspn (p, "%\n");
          g_autofree char *literal = g_strndup (p, len);
          g_autofree char *escaped = g_regex_escape_string (literal, -1);

          g_string_append (pattern, escaped);
          p += len;
        }
    }
  g_string_append_c (pattern, '$');

  return g_regex_match_simple (pattern->str, line, 0, 0);
}

static gboolean
is_good_finding (const char *line)
{
  static const guint counts[] = { 1, 2, 5 };

  /* The same sentences as stw_workspace_check() writes. */
  if (matches_format (line, _("Database: intact\n"))
      || matches_format (line, _("History: %lld entries, chain intact, head %s\n"))
      || matches_format (line, _("History: contains entry %lld, the head this computer last saw\n")))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (matches_format (line, g_dngettext (GETTEXT_PACKAGE, "Evidence: %u file, every hash matches\n",
                                           "Evidence: %u files, every hash matches\n", counts[i]))
        || matches_format (line, g_dngettext (GETTEXT_PACKAGE, "Records: %u record matches its history\n",
                                              "Records: %u records match their history\n", counts[i]))
        || matches_format (line, g_dngettext (GETTEXT_PACKAGE, "Guards: %u trigger in place\n",
                                              "Guards: %u triggers in place\n", counts[i])))
      return TRUE;

  return FALSE;
}

static GtkWidget *
new_finding_row (const char *line,
                 gboolean    problem)
{
  const char *colon = strstr (line, ": ");
  g_autofree char *section = colon != NULL ? g_strndup (line, colon - line) : NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (section != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), section);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), colon + 2);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  icon = gtk_image_new_from_icon_name (problem ? "dialog-warning-symbolic" : "object-select-symbolic");
  gtk_widget_add_css_class (icon, problem ? "error" : "success");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (problem)
    gtk_widget_add_css_class (row, "integrity-problem");

  /* Translators: a finding of the integrity check for screen readers;
   * the first %s is "Problem" or "Good", the second the finding. */
  accessible = g_strdup_printf (_("%s: %s"), problem ? _("Problem") : _("Good"), line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static void
show_findings (StwIntegrityDialog *self,
               gboolean            intact,
               const char         *report)
{
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);
  g_autoptr(GPtrArray) good = g_ptr_array_new ();
  g_autofree char *body = NULL;

  self->n_problems = 0;
  /* Problems first: they are what the person has to act on. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (!intact && !is_good_finding (lines[i]))
        {
          gtk_list_box_append (self->findings, new_finding_row (lines[i], TRUE));
          self->n_problems++;
        }
      else
        g_ptr_array_add (good, lines[i]);
    }
  for (guint i = 0; i < good->len; i++)
    gtk_list_box_append (self->findings, new_finding_row (good->pdata[i], FALSE));

  /* The core says the check failed; a finding we could not tell apart
   * still counts as one problem. */
  if (!intact && self->n_problems == 0)
    self->n_problems = 1;

  if (intact)
    {
      self->state = "intact";
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("The workspace is intact"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("The database, the history’s hash chain, every record and "
                                     "every stored file are as Steward wrote them."));
    }
  else
    {
      self->state = "problems";
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("The workspace has problems"));
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u problem found. The workspace was changed outside Steward, "
                                           "or its disk is failing: restore it from a backup.",
                                           "%u problems found. The workspace was changed outside Steward, "
                                           "or its disk is failing: restore it from a backup.",
                                           self->n_problems),
                              self->n_problems);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
    }

  gtk_stack_set_visible_child_name (self->stack, "findings");
}

/* Callbacks */

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StwIntegrityDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean intact = FALSE;

  if (!stw_integrity_check_finish (result, &intact, &report, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->state = "failed";
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("The workspace could not be checked"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      self->report = g_steal_pointer (&report);
      show_findings (self, intact, self->report);
    }

  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));
}

/* Overrides */

static void
stw_integrity_dialog_dispose (GObject *object)
{
  StwIntegrityDialog *self = STW_INTEGRITY_DIALOG (object);

  /* The worker may go on reading; its result is dropped. */
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (stw_integrity_dialog_parent_class)->dispose (object);
}

static void
stw_integrity_dialog_finalize (GObject *object)
{
  StwIntegrityDialog *self = STW_INTEGRITY_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->report);

  G_OBJECT_CLASS (stw_integrity_dialog_parent_class)->finalize (object);
}

static void
stw_integrity_dialog_class_init (StwIntegrityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_integrity_dialog_dispose;
  object_class->finalize = stw_integrity_dialog_finalize;
}

static void
stw_integrity_dialog_init (StwIntegrityDialog *self)
{
  GtkWidget *scrolled, *spinner, *running, *label;

  self->cancellable = g_cancellable_new ();
  self->state = "running";

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Checking the workspace…"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Every record is read again, the history’s hash chain is followed, and "
                                 "every stored file is hashed again and compared with its SHA-256."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "close");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "close");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  running = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_box_append (GTK_BOX (running), spinner);
  label = gtk_label_new (_("This can take a while for large files."));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (running), label);
  gtk_stack_add_named (self->stack, running, "running");

  self->findings = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->findings, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->findings), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"),
                                  -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  /* Room for a file name and its 64-digit SHA-256. */
  gtk_widget_set_size_request (scrolled, 440, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->findings));
  gtk_stack_add_named (self->stack, scrolled, "findings");

  gtk_stack_add_named (self->stack, gtk_box_new (GTK_ORIENTATION_VERTICAL, 0), "empty");

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->stack));
  gtk_widget_add_css_class (GTK_WIDGET (self), "integrity-dialog");
}

/* Public API */

void
stw_integrity_check_async (const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, stw_integrity_check_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  /* Cancelling answers at once; the worker finishes reading on its own. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, check_thread);
}

gboolean
stw_integrity_check_finish (GAsyncResult  *result,
                            gboolean      *intact,
                            char         **report,
                            GError       **error)
{
  CheckResult *check;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  check = g_task_propagate_pointer (G_TASK (result), error);
  if (check == NULL)
    return FALSE;

  if (intact != NULL)
    *intact = check->intact;
  if (report != NULL)
    *report = g_steal_pointer (&check->report);
  check_result_free (check);

  return TRUE;
}

GtkWidget *
stw_integrity_dialog_new (GtkWindow  *parent,
                          const char *path)
{
  StwIntegrityDialog *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (STW_TYPE_INTEGRITY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->path = g_strdup (path);
  stw_integrity_check_async (path, self->cancellable, checked_cb, g_object_ref (self));

  return GTK_WIDGET (self);
}

const char *
stw_integrity_dialog_get_state (StwIntegrityDialog *self)
{
  g_return_val_if_fail (STW_IS_INTEGRITY_DIALOG (self), NULL);

  return self->state;
}

guint
stw_integrity_dialog_get_n_problems (StwIntegrityDialog *self)
{
  g_return_val_if_fail (STW_IS_INTEGRITY_DIALOG (self), 0);

  return self->n_problems;
}

const char *
stw_integrity_dialog_get_report (StwIntegrityDialog *self)
{
  g_return_val_if_fail (STW_IS_INTEGRITY_DIALOG (self), NULL);

  return self->report;
}
