/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-evidence-ui.c: the evidence widgets under Xvfb. Files attached
 * through the list show up as rows with their name and SHA-256 (checked
 * against GChecksum), with progress on the way; cancelling a large import
 * or attaching a folder leaves nothing; Save as and Open write the same
 * bytes; removing asks first and is recorded in the history; expired
 * evidence is marked in the list and on the badge; files dropped onto a
 * card are attached to that card's item. Any GTK warning fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stw-date-row.h"
#include "stw-evidence.h"
#include "stw-evidence-badge.h"
#include "stw-evidence-drop.h"
#include "stw-evidence-list.h"
#include "stw-evidence-progress.h"
#include "stw-evidence-queue.h"
#include "stw-workspace.h"
#include "test-util.h"

#define TODAY "2027-03-15"
#define MIB (1024 * 1024)

static char *data_home;

typedef struct {
  char            *dir;
  StwWorkspace    *workspace;
  gint64           item_id;
  gint64           other_item_id;
  GtkWindow       *window;
  StwEvidenceList *list;

  guint            n_changed;
  guint            n_errors;
  GError          *last_error;
  guint            n_progress;
  guint64          last_done;
  guint64          last_total;
  gboolean         saw_progress_title;
  gboolean         cancel_on_progress;
} Fixture;

/* Helpers */

/* Runs the main loop until @flag is TRUE, for at most @seconds. */
static gboolean
wait_for_flag (const gboolean *flag,
               guint           seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!*flag)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  iterate ();

  return TRUE;
}

static gboolean
wait_until_idle (StwEvidenceQueue *queue,
                 guint             seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (stw_evidence_queue_get_busy (queue))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  iterate ();

  return TRUE;
}

/* A file of @size pseudo-random bytes (fixed seed); returns its path. */
static char *
make_file (Fixture    *fixture,
           const char *name,
           gsize       size,
           guint32     seed)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree guint32 *data = g_malloc ((size + 3) / 4 * 4);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < (size + 3) / 4; i++)
    data[i] = g_rand_int (rand);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static GList *
file_list (const char *first_path,
           ...)
{
  GList *files = NULL;
  va_list args;

  va_start (args, first_path);
  for (const char *path = first_path; path != NULL; path = va_arg (args, const char *))
    files = g_list_append (files, g_file_new_for_path (path));
  va_end (args);

  return files;
}

static void
free_files (GList *files)
{
  g_list_free_full (files, g_object_unref);
}

/* The visible label below @widget whose text is @text. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_with_class (c, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list box of evidence rows (the group has list boxes of its own). */
static GtkListBox *
rows_box (Fixture *fixture)
{
  GtkWidget *box = find_with_class (GTK_WIDGET (fixture->list), GTK_TYPE_LIST_BOX, "evidence-files");

  g_assert_nonnull (box);

  return GTK_LIST_BOX (box);
}

static guint
count_rows (Fixture *fixture)
{
  GtkListBox *box = rows_box (fixture);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (box, n) != NULL)
    n++;
  return n;
}

static GtkListBoxRow *
row_for_file (Fixture    *fixture,
              const char *file_name)
{
  GtkListBox *box = rows_box (fixture);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (box, i)) != NULL; i++)
    if (find_label (GTK_WIDGET (row), file_name) != NULL)
      return row;
  return NULL;
}

static StwAttachment *
attachment_named (Fixture    *fixture,
                  const char *file_name)
{
  GListModel *model = stw_evidence_list_get_attachments (fixture->list);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwAttachment) a = g_list_model_get_item (model, i);

      if (g_strcmp0 (stw_attachment_get_file_name (a), file_name) == 0)
        return a;
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  return (AdwMessageDialog *) find_shown_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* The history entries of @action ("attach", "detach") for the item whose
 * changes name @sha256. */
static guint
count_history (Fixture    *fixture,
               gint64      item_id,
               const char *action,
               const char *sha256)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  entries = stw_workspace_list_history (fixture->workspace, "item", item_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      StwHistoryEntry *entry = entries->pdata[i];

      if (g_strcmp0 (entry->action, action) == 0 && strstr (entry->changes, sha256) != NULL)
        n++;
    }
  return n;
}

/* Callbacks */

static void
changed_cb (StwEvidenceList *list,
            Fixture         *fixture)
{
  fixture->n_changed++;
}

static void
error_cb (StwEvidenceList *list,
          GError          *error,
          Fixture         *fixture)
{
  fixture->n_errors++;
  g_clear_error (&fixture->last_error);
  fixture->last_error = g_error_copy (error);
}

static void
progressed_cb (StwEvidenceQueue *queue,
               GFile            *file,
               guint64           done,
               guint64           total,
               Fixture          *fixture)
{
  StwEvidenceProgress *progress =
    STW_EVIDENCE_PROGRESS (find_descendant (GTK_WIDGET (fixture->list), STW_TYPE_EVIDENCE_PROGRESS));
  g_autofree char *basename = g_file_get_basename (file);

  fixture->n_progress++;
  fixture->last_done = done;
  fixture->last_total = total;

  /* What a person sees while it runs. */
  if (gtk_widget_get_visible (GTK_WIDGET (progress)) && done > 0 && total > 0 &&
      strstr (stw_evidence_progress_get_title (progress), basename) != NULL &&
      stw_evidence_progress_get_fraction (progress) > 0)
    fixture->saw_progress_title = TRUE;

  if (fixture->cancel_on_progress && done > 0)
    {
      /* The Cancel button a person would press. */
      GtkWidget *button = find_descendant (GTK_WIDGET (progress), GTK_TYPE_BUTTON);

      fixture->cancel_on_progress = FALSE;
      g_assert_true (gtk_widget_get_sensitive (button));
      g_signal_emit_by_name (button, "clicked");
    }
}

/* Fixture */

static gint64
add_item (Fixture    *fixture,
          const char *title)
{
  GListModel *streams = stw_workspace_get_workstreams (fixture->workspace);
  g_autoptr(StwWorkstream) stream = g_list_model_get_item (streams, 3);
  g_autoptr(StwItem) item = stw_item_new (stw_workstream_get_id (stream));

  stw_item_set_title (item, title);
  return insert_item (fixture->workspace, item);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_build_filename (data_home, "case-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (fixture->dir));
  path = g_build_filename (fixture->dir, "acme.steward", NULL);
  fixture->workspace = stw_workspace_create (path, "Acme Shipping Ltd", "Jo Example", &error);
  g_assert_no_error (error);
  fixture->item_id = add_item (fixture, "Backup restore test");
  fixture->other_item_id = add_item (fixture, "Access review");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 480, 700);
  fixture->list = STW_EVIDENCE_LIST (stw_evidence_list_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  stw_evidence_list_set_record (fixture->list, fixture->workspace, "item", fixture->item_id);
  g_signal_connect (fixture->list, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->list, "error", G_CALLBACK (error_cb), fixture);
  g_signal_connect (stw_evidence_list_get_queue (fixture->list), "progress", G_CALLBACK (progressed_cb), fixture);
  gtk_window_present (fixture->window);
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_until_idle (stw_evidence_list_get_queue (fixture->list), 30));
  gtk_window_destroy (fixture->window);
  iterate ();
  g_clear_object (&fixture->workspace);
  g_clear_error (&fixture->last_error);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Tests */

static void
test_describe (void)
{
  g_autofree char *none = stw_evidence_badge_describe (0, 0);
  g_autofree char *one = stw_evidence_badge_describe (1, 0);
  g_autofree char *two = stw_evidence_badge_describe (2, 1);
  g_autofree char *expired = stw_evidence_badge_describe_expired (1);
  g_autofree char *hash = stw_evidence_list_shorten_hash ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_autofree char *title = stw_evidence_progress_describe ("report.pdf", 2, 3);
  g_autofree char *single = stw_evidence_progress_describe ("report.pdf", 1, 1);
  g_autofree char *bytes = stw_evidence_progress_describe_bytes (1000000, 4000000);

  g_assert_null (none);
  g_assert_cmpstr (one, ==, "1 file");
  g_assert_cmpstr (two, ==, "2 files, 1 expired");
  g_assert_cmpstr (expired, ==, "1 expired");
  g_assert_cmpstr (hash, ==, "SHA-256 01234567…89abcdef");
  g_assert_cmpstr (title, ==, "Attaching report.pdf (2 of 3)");
  g_assert_cmpstr (single, ==, "Attaching report.pdf");
  /* g_format_size() keeps number and unit together with a no-break space. */
  g_assert_cmpstr (bytes, ==, "1.0\u00a0MB of 4.0\u00a0MB");
}

static void
test_attach (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *small = make_file (fixture, "backup-job.log", 2000, 1);
  g_autofree char *large = make_file (fixture, "restore-test.tar", 12 * MIB + 123, 2);
  g_autofree char *small_sha = file_sha256 (small);
  g_autofree char *large_sha = file_sha256 (large);
  GList *files = file_list (small, large, NULL);
  StwEvidenceQueue *queue = stw_evidence_list_get_queue (fixture->list);
  gboolean attached_two;

  g_assert_cmpuint (count_rows (fixture), ==, 0);
  stw_evidence_list_attach_files (fixture->list, files, NULL);
  free_files (files);
  g_assert_true (stw_evidence_queue_get_busy (queue));
  g_assert_cmpuint (stw_evidence_queue_get_n_files (queue), ==, 2);

  g_assert_true (wait_until_idle (queue, 60));
  attached_two = fixture->n_changed == 2;
  g_assert_true (attached_two);
  g_assert_cmpuint (fixture->n_errors, ==, 0);

  /* Progress came in steps for the large file and ended at its size. */
  g_assert_cmpuint (fixture->n_progress, >=, 12);
  g_assert_cmpuint (fixture->last_done, ==, 12 * MIB + 123);
  g_assert_cmpuint (fixture->last_total, ==, 12 * MIB + 123);
  g_assert_true (fixture->saw_progress_title);
  /* And went away when done. */
  g_assert_false (gtk_widget_get_visible (find_descendant (GTK_WIDGET (fixture->list), STW_TYPE_EVIDENCE_PROGRESS)));

  /* Two rows, oldest first, each with its name and its real SHA-256. */
  g_assert_cmpuint (count_rows (fixture), ==, 2);
  g_assert_cmpuint (stw_evidence_list_get_n_attachments (fixture->list), ==, 2);
  {
    StwAttachment *a = attachment_named (fixture, "backup-job.log");
    StwAttachment *b = attachment_named (fixture, "restore-test.tar");
    g_autofree char *name = NULL;
    g_autofree char *expected_name = g_strdup_printf ("restore-test.tar, SHA-256 %s", large_sha);
    g_autofree char *short_hash = NULL;
    GtkListBoxRow *row;

    g_assert_nonnull (a);
    g_assert_nonnull (b);
    g_assert_cmpstr (stw_attachment_get_sha256 (a), ==, small_sha);
    g_assert_cmpstr (stw_attachment_get_sha256 (b), ==, large_sha);
    g_assert_cmpuint (stw_attachment_get_size (b), ==, 12 * MIB + 123);
    g_assert_cmpstr (stw_attachment_get_added_by (a), ==, "Jo Example");

    name = stw_evidence_list_describe_attachment (b);
    g_assert_cmpstr (name, ==, expected_name);

    row = row_for_file (fixture, "restore-test.tar");
    g_assert_nonnull (row);
    g_assert_cmpint (gtk_list_box_row_get_index (row), ==, 1);
    short_hash = stw_evidence_list_shorten_hash (large_sha);
    g_assert_nonnull (find_label (GTK_WIDGET (row), short_hash));
    /* However narrow the editor, the name and the shortened hash are shown
     * whole: the name wraps, the hash is never cut further. */
    g_assert_cmpint (gtk_label_get_ellipsize (find_label (GTK_WIDGET (row), short_hash)), ==, PANGO_ELLIPSIZE_NONE);
    g_assert_cmpint (gtk_label_get_ellipsize (find_label (GTK_WIDGET (row), "restore-test.tar")), ==, PANGO_ELLIPSIZE_NONE);
    g_assert_true (gtk_label_get_wrap (find_label (GTK_WIDGET (row), "restore-test.tar")));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "expired"));
    g_assert_cmpint (gtk_list_box_row_get_index (row_for_file (fixture, "backup-job.log")), ==, 0);
  }

  /* Each attachment is in the item's history with its hash. */
  g_assert_cmpuint (count_history (fixture, fixture->item_id, "attach", small_sha), ==, 1);
  g_assert_cmpuint (count_history (fixture, fixture->item_id, "attach", large_sha), ==, 1);

  /* The workspace agrees, and a badge for the item counts both. */
  g_assert_cmpuint (stw_workspace_count_attachments (fixture->workspace, "item", fixture->item_id), ==, 2);

  /* Copy hash puts the full hash on the clipboard. */
  {
    StwAttachment *b = attachment_named (fixture, "restore-test.tar");
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->list));
    GdkContentProvider *content;
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GError) error = NULL;

    gtk_widget_activate_action (GTK_WIDGET (fixture->list), "evidence.copy-hash", "x",
                                stw_attachment_get_id (b));
    content = gdk_clipboard_get_content (clipboard);
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (g_value_get_string (&value), ==, large_sha);
  }
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "full-backup.img", NULL);
  g_autofree char *small = make_file (fixture, "waiting.txt", 100, 3);
  StwEvidenceQueue *queue = stw_evidence_list_get_queue (fixture->list);
  g_autoptr(GError) error = NULL;
  GList *files;
  guint n_checked = 99;
  int fd;

  /* 512 MiB without using the disk: a sparse file. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 512 * MIB), ==, 0);
  close (fd);

  fixture->cancel_on_progress = TRUE;
  files = file_list (path, small, NULL);
  stw_evidence_list_attach_files (fixture->list, files, NULL);
  free_files (files);

  g_assert_true (wait_until_idle (queue, 60));
  g_assert_false (fixture->cancel_on_progress);
  /* It stopped well before the end. */
  g_assert_cmpuint (fixture->last_done, <, 512 * MIB);

  /* Nothing attached, nothing reported as an error, nothing stored: the
   * file waiting behind it was dropped too. */
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (fixture->n_errors, ==, 0);
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_cmpuint (stw_workspace_count_attachments (fixture->workspace, "item", fixture->item_id), ==, 0);
  {
    g_autoptr(GString) report = g_string_new (NULL);

    g_assert_true (stw_workspace_verify_evidence (fixture->workspace, report, &n_checked, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_checked, ==, 0);
  }
  g_assert_false (gtk_widget_get_visible (find_descendant (GTK_WIDGET (fixture->list), STW_TYPE_EVIDENCE_PROGRESS)));
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "Audit evidence", NULL);
  StwEvidenceQueue *queue = stw_evidence_list_get_queue (fixture->list);
  GtkWidget *error_label;
  GList *files;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  files = file_list (folder, NULL);
  stw_evidence_list_attach_files (fixture->list, files, NULL);
  free_files (files);
  g_assert_true (wait_until_idle (queue, 30));

  g_assert_cmpuint (fixture->n_errors, ==, 1);
  g_assert_error (fixture->last_error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (fixture->last_error->message, "folder"));
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_cmpuint (stw_workspace_count_attachments (fixture->workspace, "item", fixture->item_id), ==, 0);

  /* The message is also shown next to the list, until dismissed. */
  error_label = GTK_WIDGET (find_label (GTK_WIDGET (fixture->list), fixture->last_error->message));
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_is_visible (error_label));
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "evidence.dismiss-errors", NULL);
  g_assert_null (find_label (GTK_WIDGET (fixture->list), fixture->last_error->message));
}

static void
test_save_and_open (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *source = make_file (fixture, "pentest-report.pdf", 5 * MIB + 7, 4);
  g_autofree char *sha = file_sha256 (source);
  g_autofree char *dest_path = g_build_filename (fixture->dir, "saved copy.pdf", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_copy = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *saved_sha = NULL;
  GList *files = file_list (source, NULL);
  StwAttachment *a;
  GStatBuf st;

  stw_evidence_list_attach_files (fixture->list, files, NULL);
  free_files (files);
  g_assert_true (wait_until_idle (stw_evidence_list_get_queue (fixture->list), 60));
  a = attachment_named (fixture, "pentest-report.pdf");
  g_assert_nonnull (a);

  /* Save as writes the very bytes. */
  g_assert_true (stw_evidence_list_save_attachment (fixture->list, stw_attachment_get_id (a), dest, &error));
  g_assert_no_error (error);
  saved_sha = file_sha256 (dest_path);
  g_assert_cmpstr (saved_sha, ==, sha);

  /* Open's private copy: in the cache, named by hash and file name,
   * identical and read-only; a second Open writes it again. */
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *copy_sha = NULL;

      g_clear_object (&copy);
      copy = stw_evidence_list_export_private_copy (fixture->list, stw_attachment_get_id (a), &error);
      g_assert_no_error (error);
      g_assert_nonnull (copy);
      copy_path = g_file_get_path (copy);
      expected_copy = g_build_filename (g_get_user_cache_dir (), "steward", "open", sha, "pentest-report.pdf", NULL);
      g_assert_cmpstr (copy_path, ==, expected_copy);
      copy_sha = file_sha256 (copy_path);
      g_assert_cmpstr (copy_sha, ==, sha);
      g_clear_pointer (&copy_sha, g_free);
      g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0400);
      g_clear_pointer (&copy_path, g_free);
      g_clear_pointer (&expected_copy, g_free);
    }

  /* A removed attachment cannot be saved any more. */
  g_assert_false (stw_evidence_list_save_attachment (fixture->list, 999999, dest, &error));
  g_assert_nonnull (error);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *first = make_file (fixture, "policy-v1.pdf", 3000, 5);
  g_autofree char *second = make_file (fixture, "policy-v2.pdf", 4000, 6);
  g_autofree char *first_sha = file_sha256 (first);
  GList *files = file_list (first, second, NULL);
  AdwMessageDialog *dialog;
  gint64 id;

  stw_evidence_list_attach_files (fixture->list, files, NULL);
  free_files (files);
  g_assert_true (wait_until_idle (stw_evidence_list_get_queue (fixture->list), 30));
  g_assert_cmpuint (count_rows (fixture), ==, 2);
  fixture->n_changed = 0;
  id = stw_attachment_get_id (attachment_named (fixture, "policy-v1.pdf"));

  /* Cancelling the question keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "evidence.remove", "x", id);
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "policy-v1.pdf"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_cmpuint (count_rows (fixture), ==, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Confirming removes the row and writes the history. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "evidence.remove", "x", id);
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (fixture->n_errors, ==, 0);
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_null (row_for_file (fixture, "policy-v1.pdf"));
  g_assert_nonnull (row_for_file (fixture, "policy-v2.pdf"));
  g_assert_cmpuint (stw_workspace_count_attachments (fixture->workspace, "item", fixture->item_id), ==, 1);
  g_assert_cmpuint (count_history (fixture, fixture->item_id, "detach", first_sha), ==, 1);
}

static void
test_expired (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *old = make_file (fixture, "insurance-2026.pdf", 1000, 7);
  g_autofree char *current = make_file (fixture, "insurance-2027.pdf", 1000, 8);
  StwAttachOptions expired_options = { "Cyber insurance certificate", "2026-03-01", "2027-02-28" };
  StwAttachOptions current_options = { NULL, "2027-03-01", "2028-02-29" };
  StwEvidenceBadge *badge = STW_EVIDENCE_BADGE (stw_evidence_badge_new ());
  GtkListBoxRow *row;
  GList *files;

  g_object_ref_sink (badge);
  stw_evidence_badge_set_record (badge, fixture->workspace, "item", fixture->item_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge)));
  g_assert_null (stw_evidence_badge_get_text (badge));

  files = file_list (old, NULL);
  stw_evidence_list_attach_files (fixture->list, files, &expired_options);
  free_files (files);
  files = file_list (current, NULL);
  stw_evidence_list_attach_files (fixture->list, files, &current_options);
  free_files (files);
  g_assert_true (wait_until_idle (stw_evidence_list_get_queue (fixture->list), 30));

  /* The list: the expired row says so in words, with the date. */
  g_assert_cmpuint (stw_evidence_list_get_n_expired (fixture->list), ==, 1);
  row = row_for_file (fixture, "insurance-2026.pdf");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "expired"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Expired"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Expired on 2027-02-28"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Cyber insurance certificate"));
  row = row_for_file (fixture, "insurance-2027.pdf");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "expired"));
  g_assert_null (find_label (GTK_WIDGET (row), "Expired"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Valid 2027-03-01 to 2028-02-29"));

  /* The badge followed the item's changes. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (badge)));
  g_assert_cmpuint (stw_evidence_badge_get_n_files (badge), ==, 2);
  g_assert_cmpuint (stw_evidence_badge_get_n_expired (badge), ==, 1);
  g_assert_cmpstr (stw_evidence_badge_get_text (badge), ==, "2 files, 1 expired");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (badge), "expired"));
  g_assert_nonnull (find_label (GTK_WIDGET (badge), "2 · 1 expired"));

  /* Removing the expired one clears the mark everywhere. */
  g_assert_true (stw_evidence_list_remove_attachment (fixture->list,
                                                      stw_attachment_get_id (attachment_named (fixture, "insurance-2026.pdf")),
                                                      NULL));
  iterate ();
  g_assert_cmpuint (stw_evidence_list_get_n_expired (fixture->list), ==, 0);
  g_assert_cmpstr (stw_evidence_badge_get_text (badge), ==, "1 file");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (badge), "expired"));
  g_assert_nonnull (find_label (GTK_WIDGET (badge), "1"));

  /* Another item's badge is not touched. */
  stw_evidence_badge_set_record (badge, fixture->workspace, "item", fixture->other_item_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge)));
  stw_evidence_badge_set_record (badge, NULL, NULL, 0);
  g_object_unref (badge);
}

static void
test_offer_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = make_file (fixture, "backup-log-2027-03-14.txt", 5000, 9);
  g_autoptr(GPtrArray) date_rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) entry_rows = g_ptr_array_new ();
  GList *files = file_list (path, NULL);
  AdwMessageDialog *dialog;
  StwAttachment *a;

  stw_evidence_list_offer_files (fixture->list, files);
  free_files (files);
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Attach “backup-log-2027-03-14.txt”?");

  collect_type (adw_message_dialog_get_extra_child (dialog), STW_TYPE_DATE_ROW, date_rows);
  collect_type (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, entry_rows);
  g_assert_cmpuint (date_rows->len, ==, 2);
  /* The note row, then the two date rows (which are entry rows too). */
  g_assert_cmpuint (entry_rows->len, ==, 3);

  /* Effective from today; no expiry. */
  g_assert_cmpstr (stw_date_row_get_date (date_rows->pdata[0]), ==, TODAY);
  g_assert_null (stw_date_row_get_date (date_rows->pdata[1]));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "attach"));

  /* Expiring before it takes effect, or not a date: no. */
  stw_date_row_set_date (date_rows->pdata[1], "2027-01-01");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "attach"));
  gtk_editable_set_text (GTK_EDITABLE (date_rows->pdata[1]), "next year");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "attach"));
  stw_date_row_set_date (date_rows->pdata[1], "2028-03-14");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "attach"));

  gtk_editable_set_text (GTK_EDITABLE (entry_rows->pdata[0]), "  Nightly backup log  ");
  adw_message_dialog_response (dialog, "attach");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_until_idle (stw_evidence_list_get_queue (fixture->list), 30));

  a = attachment_named (fixture, "backup-log-2027-03-14.txt");
  g_assert_nonnull (a);
  g_assert_cmpstr (stw_attachment_get_note (a), ==, "Nightly backup log");
  g_assert_cmpstr (stw_attachment_get_effective_date (a), ==, TODAY);
  g_assert_cmpstr (stw_attachment_get_expiry_date (a), ==, "2028-03-14");
  g_assert_nonnull (find_label (GTK_WIDGET (row_for_file (fixture, "backup-log-2027-03-14.txt")),
                                "Valid 2027-03-15 to 2028-03-14"));
}

static gint64
card_item_id (GtkWidget *widget,
              gpointer   user_data)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "item-id"));
}

static gboolean
drop_files (GtkDropTarget *target,
            GList         *files)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *list = NULL;
  gboolean handled = FALSE;

  for (GList *l = g_list_last (files); l != NULL; l = l->prev)
    list = g_slist_prepend (list, l->data);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);

  return handled;
}

static void
attached_cb (StwEvidenceQueue *queue,
             StwAttachment    *attachment,
             GFile            *file,
             guint            *n_attached)
{
  (*n_attached)++;
}

static void
test_drop_on_card (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *a_path = make_file (fixture, "org-chart.pdf", 7000, 10);
  g_autofree char *b_path = make_file (fixture, "training-attendance.csv", 900, 11);
  g_autoptr(StwEvidenceQueue) queue = stw_evidence_queue_new (fixture->workspace);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *card = gtk_button_new_with_label ("T-001 Backup restore test");
  GtkWidget *empty_card = gtk_button_new_with_label ("(recycled)");
  GtkWidget *progress = stw_evidence_progress_new (queue);
  GtkDropTarget *target, *empty_target;
  GList *files = file_list (a_path, b_path, NULL);
  guint n_attached = 0;
  gboolean done = FALSE;

  /* The list shows the item; the files go to it through its card. */
  g_object_set_data (G_OBJECT (card), "item-id", GINT_TO_POINTER ((int) fixture->item_id));
  gtk_box_append (GTK_BOX (box), card);
  gtk_box_append (GTK_BOX (box), empty_card);
  gtk_box_append (GTK_BOX (box), progress);
  /* The list stays alive off screen, still showing the item. */
  g_object_ref (fixture->list);
  gtk_window_set_child (fixture->window, box);
  target = stw_evidence_drop_install (card, queue, "item", card_item_id, NULL);
  empty_target = stw_evidence_drop_install (empty_card, queue, "item", card_item_id, NULL);
  g_signal_connect (queue, "attached", G_CALLBACK (attached_cb), &n_attached);

  /* A card that shows no item takes nothing. */
  g_assert_false (drop_files (empty_target, files));
  g_assert_false (stw_evidence_queue_get_busy (queue));

  g_assert_true (drop_files (target, files));
  free_files (files);
  g_assert_true (stw_evidence_queue_get_busy (queue));
  g_assert_cmpuint (stw_evidence_queue_get_n_files (queue), ==, 2);
  g_assert_nonnull (strstr (stw_evidence_progress_get_title (STW_EVIDENCE_PROGRESS (progress)), "org-chart.pdf"));
  g_assert_true (wait_until_idle (queue, 30));
  done = n_attached == 2;
  g_assert_true (wait_for_flag (&done, 1));

  g_assert_cmpuint (stw_workspace_count_attachments (fixture->workspace, "item", fixture->item_id), ==, 2);
  g_assert_cmpuint (stw_workspace_count_attachments (fixture->workspace, "item", fixture->other_item_id), ==, 0);
  /* The list showing that item (now out of the window) followed. */
  g_assert_cmpuint (stw_evidence_list_get_n_attachments (fixture->list), ==, 2);
  g_assert_cmpstr (stw_evidence_progress_get_title (STW_EVIDENCE_PROGRESS (progress)), ==, "");

  /* Put the list back for tear-down. */
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  g_object_unref (fixture->list);
}

static void
test_unsaved_record (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = make_file (fixture, "note.txt", 10, 12);
  GList *files = file_list (path, NULL);

  /* A new item has no id yet: nothing can be attached. */
  stw_evidence_list_set_record (fixture->list, fixture->workspace, "item", 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_descendant (GTK_WIDGET (fixture->list), GTK_TYPE_BUTTON))));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->list), "Save the item first, then attach evidence to it."));
  stw_evidence_list_attach_files (fixture->list, files, NULL);
  free_files (files);
  g_assert_false (stw_evidence_queue_get_busy (stw_evidence_list_get_queue (fixture->list)));
  g_assert_cmpuint (fixture->n_errors, ==, 1);

  /* Switching records lists the other record's evidence. */
  stw_evidence_list_set_record (fixture->list, fixture->workspace, "item", fixture->item_id);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (find_descendant (GTK_WIDGET (fixture->list), GTK_TYPE_BUTTON))));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->list), "No evidence yet. Drop files here or choose “Attach files…”."));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  data_home = make_test_home ("evidence");
  cache = g_build_filename (data_home, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("STEWARD_TODAY", TODAY, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/evidence-ui/describe", test_describe);
  g_test_add ("/evidence-ui/attach", Fixture, NULL, fixture_set_up, test_attach, fixture_tear_down);
  g_test_add ("/evidence-ui/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/evidence-ui/folder", Fixture, NULL, fixture_set_up, test_folder, fixture_tear_down);
  g_test_add ("/evidence-ui/save-and-open", Fixture, NULL, fixture_set_up, test_save_and_open, fixture_tear_down);
  g_test_add ("/evidence-ui/remove", Fixture, NULL, fixture_set_up, test_remove, fixture_tear_down);
  g_test_add ("/evidence-ui/expired", Fixture, NULL, fixture_set_up, test_expired, fixture_tear_down);
  g_test_add ("/evidence-ui/offer-dialog", Fixture, NULL, fixture_set_up, test_offer_dialog, fixture_tear_down);
  g_test_add ("/evidence-ui/drop-on-card", Fixture, NULL, fixture_set_up, test_drop_on_card, fixture_tear_down);
  g_test_add ("/evidence-ui/unsaved-record", Fixture, NULL, fixture_set_up, test_unsaved_record, fixture_tear_down);

  status = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);

  return status;
}
