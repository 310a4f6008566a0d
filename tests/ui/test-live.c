/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-live.c: the window follows what another connection writes to its
 * workspace (as `steward attach` or a second window would) without being
 * told: the item editor's Evidence group lists a file attached elsewhere,
 * unsaved edits stay, and an item changed elsewhere under them says so
 * and reloads only when asked. Runs under Xvfb; any GTK warning fails the
 * test.
 */
#include "config.h"

#include <adwaita.h>

#include "stw-evidence.h"
#include "stw-evidence-list.h"
#include "stw-item-editor.h"
#include "stw-list-view.h"
#include "stw-risk-register.h"
#include "stw-window.h"
#include "stw-window-private.h"
#include "stw-workstream-row.h"
#include "test-util.h"

static char *data_home;

typedef struct {
  StwWindow    *window;
  char         *path;
  StwWorkspace *other;      /* a second connection: the command line */
  StwItemEditor *editor;
  StwItem      *item;       /* open in the editor */
  AdwEntryRow  *title_row;
} Fixture;

/* Helpers */

static void
show_tasks (StwWindow *window)
{
  GtkListBox *list = _stw_window_get_workstreams_list (window);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      StwWorkstream *workstream = stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (row));

      if (stw_workstream_get_kind (workstream) == STW_WORKSTREAM_TASKS)
        {
          gtk_list_box_select_row (list, row);
          iterate ();
          return;
        }
    }
  g_assert_not_reached ();
}

/* The window on a sample, its first task open in the editor with an
 * unsaved title, and a second connection to the same file. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *items;

  f->window = open_sample_window (data_home, &f->path);
  show_tasks (f->window);
  items = _stw_list_view_get_model (_stw_window_get_list_view (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  f->item = g_list_model_get_item (items, 0);
  g_signal_emit_by_name (_stw_window_get_list_view (f->window), "item-activated", stw_item_get_id (f->item));
  iterate ();
  f->editor = _stw_window_get_editor (f->window);
  g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (f->editor)), ==, stw_item_get_id (f->item));

  f->title_row = ADW_ENTRY_ROW (find_widget (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Title"));
  g_assert_nonnull (f->title_row);
  gtk_editable_set_text (GTK_EDITABLE (f->title_row), "Typed, not saved");
  iterate ();
  g_assert_true (stw_item_editor_get_modified (f->editor));

  f->other = stw_workspace_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->other);
  g_clear_object (&f->item);
  close_window (f->window);
  g_free (f->path);
}

static gboolean
banner_shown (gpointer data)
{
  return stw_item_editor_get_changed_elsewhere (data);
}

typedef struct {
  StwEvidenceList *list;
  guint            n;
} ListWait;

static gboolean
list_counts (gpointer data)
{
  ListWait *wait = data;

  return stw_evidence_list_get_n_attachments (wait->list) == wait->n;
}

static void
assert_edit_kept (Fixture *f)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->title_row)), ==, "Typed, not saved");
  g_assert_true (stw_item_editor_get_modified (f->editor));
}

/* Tests */

/* A file attached by another connection is listed in the open editor,
 * which keeps its unsaved edit and does not call that a change of the
 * item. */
static void
test_attach_shows (Fixture       *f,
                   gconstpointer  data)
{
  StwEvidenceList *list = stw_item_editor_get_evidence_list (f->editor);
  g_autofree char *file_path = g_build_filename (data_home, "access-review-q4.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(StwAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  ListWait wait = { list, stw_evidence_list_get_n_attachments (list) + 1 };

  g_assert_true (g_file_set_contents (file_path, "user,right\nann,admin\n", -1, NULL));
  attachment = stw_workspace_attach_file (f->other, "item", stw_item_get_id (f->item), file, NULL,
                                          NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (wait_until (list_counts, &wait));
  assert_edit_kept (f);
  g_assert_false (stw_item_editor_get_changed_elsewhere (f->editor));
}

/* A risk's Evidence group (as in the risk editor) lists a file attached
 * to the risk elsewhere. */
static void
test_risk_attach_shows (Fixture       *f,
                        gconstpointer  data)
{
  StwWorkspace *workspace = stw_window_get_workspace (f->window);
  GtkWidget *list = g_object_ref_sink (stw_evidence_list_new ());
  g_autoptr(StwRisk) risk = g_list_model_get_item (stw_workspace_get_risks (workspace), 0);
  g_autofree char *file_path = g_build_filename (data_home, "mfa-rollout.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(StwAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  ListWait wait = { STW_EVIDENCE_LIST (list), 0 };

  stw_evidence_list_set_record (STW_EVIDENCE_LIST (list), workspace, "risk", stw_risk_get_id (risk));
  wait.n = stw_evidence_list_get_n_attachments (wait.list) + 1;
  g_assert_true (g_file_set_contents (file_path, "admin,mfa\nann,yes\n", -1, NULL));
  attachment = stw_workspace_attach_file (f->other, "risk", stw_risk_get_id (risk), file, NULL,
                                          NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (wait_until (list_counts, &wait));
  stw_evidence_list_set_record (STW_EVIDENCE_LIST (list), NULL, NULL, 0);
  g_object_unref (list);
}

/* The item is saved elsewhere under the unsaved edit: the editor says so
 * and keeps the edit; Reload shows the saved item. */
static void
test_changed_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(StwItem) theirs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *reload;

  theirs = stw_workspace_load_item (f->other, stw_item_get_id (f->item), &error);
  g_assert_no_error (error);
  stw_item_set_title (theirs, "Renamed in the other window");
  g_assert_true (stw_workspace_update_item (f->other, theirs, &error));
  g_assert_no_error (error);

  g_assert_true (wait_until (banner_shown, f->editor));
  assert_edit_kept (f);

  reload = find_widget (GTK_WIDGET (f->editor), GTK_TYPE_BUTTON, "_Reload");
  g_assert_nonnull (reload);
  g_signal_emit_by_name (reload, "clicked");
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->title_row)), ==, "Renamed in the other window");
  g_assert_false (stw_item_editor_get_modified (f->editor));
  g_assert_false (stw_item_editor_get_changed_elsewhere (f->editor));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Workspaces go to a private folder, before GLib caches the real one. */
  data_home = make_test_home ("live");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/live/attach-shows", Fixture, NULL, fixture_set_up, test_attach_shows, fixture_tear_down);
  g_test_add ("/live/risk-attach-shows", Fixture, NULL, fixture_set_up, test_risk_attach_shows,
              fixture_tear_down);
  g_test_add ("/live/changed-elsewhere", Fixture, NULL, fixture_set_up, test_changed_elsewhere,
              fixture_tear_down);

  status = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);

  return status;
}
