/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-integration.c: the risk register and evidence as wired into the main
 * window: the sidebar's register row and its flag count, opening, saving
 * and undoing a risk, a treatment item created from a risk, the item
 * editor's Evidence group, the evidence badge on list rows and board
 * cards, files dropped on a card, and the integrity check reporting a
 * tampered file. Runs under Xvfb; any GTK warning fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "stw-board-card.h"
#include "stw-board-view.h"
#include "stw-evidence.h"
#include "stw-evidence-badge.h"
#include "stw-evidence-list.h"
#include "stw-integrity-dialog.h"
#include "stw-item-evidence.h"
#include "stw-item-row.h"
#include "stw-list-view.h"
#include "stw-risk-register.h"
#include "stw-risk-register-row.h"
#include "stw-sample.h"
#include "stw-window.h"
#include "stw-window-private.h"
#include "stw-workspace-list.h"
#include "stw-workstream-row.h"
#include "test-util.h"

static char *data_home;
static char *cache_home;

/* Helpers */

/* A window showing a fresh sample workspace. */
static StwWindow *
open_sample (char **path_out)
{
  return open_sample_window (data_home, path_out);
}

static StwWorkstream *
show_workstream (StwWindow         *window,
                 StwWorkstreamKind  kind)
{
  GtkListBox *list = _stw_window_get_workstreams_list (window);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      StwWorkstream *workstream = stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (row));

      if (stw_workstream_get_kind (workstream) == kind)
        {
          gtk_list_box_select_row (list, row);
          iterate ();
          return workstream;
        }
    }

  g_assert_not_reached ();
}

static void
show_register (StwWindow *window)
{
  GtkWidget *row = GTK_WIDGET (_stw_window_get_risk_register_row (window));

  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "risks");
}

static void
count_risks (StwWorkspace *workspace,
             guint        *n_open,
             guint        *n_flagged)
{
  GListModel *risks = stw_workspace_get_risks (workspace);

  *n_open = *n_flagged = 0;
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (risks, i);

      if (stw_risk_get_status (risk) != STW_RISK_CLOSED)
        (*n_open)++;
      if (stw_risk_get_flagged (risk))
        (*n_flagged)++;
    }
}

/* A new risk far above any threshold, with no treatment: flagged. */
static gint64
add_untreated_risk (StwWorkspace *workspace,
                    const char   *title)
{
  g_autoptr(StwRisk) risk = stw_risk_new ();
  g_autoptr(GError) error = NULL;

  stw_risk_set_title (risk, title);
  stw_risk_set_likelihood (risk, 5);
  stw_risk_set_impact (risk, 5);
  stw_risk_set_treatment (risk, STW_TREATMENT_MITIGATE);
  g_assert_true (stw_workspace_insert_risk (workspace, risk, &error));
  g_assert_no_error (error);

  return stw_risk_get_id (risk);
}

static const char *
risk_title (StwWorkspace *workspace,
            gint64        risk_id)
{
  static char *title;
  g_autoptr(StwRisk) risk = stw_workspace_load_risk (workspace, risk_id, NULL);

  g_clear_pointer (&title, g_free);
  if (risk != NULL)
    title = g_strdup (stw_risk_get_title (risk));

  return title;
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_build_filename (data_home, "files", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static StwAttachment *
attach (StwWorkspace *workspace,
        gint64        item_id,
        const char   *name,
        const char   *contents,
        const char   *expiry)
{
  g_autoptr(GFile) file = write_file (name, contents);
  g_autoptr(GError) error = NULL;
  StwAttachOptions options = { "For the test", expiry != NULL ? "2019-01-01" : NULL, expiry };
  StwAttachment *attachment;

  attachment = stw_workspace_attach_file (workspace, "item", item_id, file, &options,
                                          NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);

  return attachment;
}

/* The first item of the list shown. */
static StwItem *
first_listed_item (StwWindow *window)
{
  GListModel *items = _stw_list_view_get_model (_stw_window_get_list_view (window));

  g_assert_nonnull (items);
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);

  return g_list_model_get_item (items, 0);
}

static GtkWidget *
find_item_row (GtkWidget *root,
               gint64     item_id)
{
  if (STW_IS_ITEM_ROW (root))
    {
      StwItem *item = stw_item_row_get_item (STW_ITEM_ROW (root));

      if (item != NULL && stw_item_get_id (item) == item_id)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_item_row (child, item_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_card (GtkWidget *root,
           gint64     item_id)
{
  if (STW_IS_BOARD_CARD (root) && stw_board_card_get_item_id (STW_BOARD_CARD (root)) == item_id)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_card (child, item_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct {
  GtkWidget *root;
  gint64     item_id;
  GtkWidget *found;
} Search;

static gboolean
card_shown (gpointer data)
{
  Search *search = data;

  search->found = find_card (search->root, search->item_id);

  return search->found != NULL && gtk_widget_get_mapped (search->found);
}

static gboolean
row_shown (gpointer data)
{
  Search *search = data;

  search->found = find_item_row (search->root, search->item_id);

  return search->found != NULL && gtk_widget_get_mapped (search->found);
}

/* Cards and rows are rebound (and may be replaced) as their item changes:
 * each look finds the one showing the item again. */
typedef struct {
  GtkWidget        *root;
  gint64            item_id;
  gboolean          card;
  guint             n_files;
  StwEvidenceBadge *badge;
} BadgeWait;

static gboolean
badge_counts (gpointer data)
{
  BadgeWait *wait = data;
  GtkWidget *shown = wait->card ? find_card (wait->root, wait->item_id) : find_item_row (wait->root, wait->item_id);

  wait->badge = shown != NULL ? STW_EVIDENCE_BADGE (find_descendant (shown, STW_TYPE_EVIDENCE_BADGE)) : NULL;

  return wait->badge != NULL && stw_evidence_badge_get_n_files (wait->badge) == wait->n_files;
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

static gboolean
dialog_done (gpointer data)
{
  return g_strcmp0 (stw_integrity_dialog_get_state (data), "running") != 0;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_shown_toplevel (STW_TYPE_INTEGRITY_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_shown_toplevel (STW_TYPE_INTEGRITY_DIALOG) == NULL;
}

static gboolean
queue_idle (gpointer data)
{
  return !stw_evidence_queue_get_busy (data);
}

/* Runs "Check workspace integrity…" and waits for its verdict. */
static StwIntegrityDialog *
run_integrity_check (StwWindow *window)
{
  StwIntegrityDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-integrity", NULL);
  g_assert_true (wait_until (dialog_shown, NULL));
  dialog = STW_INTEGRITY_DIALOG (find_shown_toplevel (STW_TYPE_INTEGRITY_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (wait_until (dialog_done, dialog));

  return dialog;
}

static void
close_integrity_dialog (StwIntegrityDialog *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_until (dialog_gone, NULL));
}

/* Tests */

static void
test_register_sidebar (void)
{
  StwWindow *window = open_sample (NULL);
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwRiskRegisterRow *row = _stw_window_get_risk_register_row (window);
  StwRiskPage *page = _stw_window_get_risk_page (window);
  guint n_open, n_flagged;

  /* The row counts what the register holds, and follows it. */
  count_risks (workspace, &n_open, &n_flagged);
  g_assert_cmpuint (n_open, >, 0);
  g_assert_cmpuint (stw_risk_register_row_get_n_open (row), ==, n_open);
  g_assert_cmpuint (stw_risk_register_row_get_n_flagged (row), ==, n_flagged);
  add_untreated_risk (workspace, "Payment fraud through a spoofed supplier");
  g_assert_cmpuint (stw_risk_register_row_get_n_open (row), ==, n_open + 1);
  g_assert_cmpuint (stw_risk_register_row_get_n_flagged (row), ==, n_flagged + 1);

  /* Selecting it shows the register in place of the views, with no view
   * switcher and no "New item". */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page)));
  show_register (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_true (stw_risk_register_view_get_workspace (stw_risk_page_get_register_view (page)) == workspace);
  g_assert_null (gtk_list_box_get_selected_row (_stw_window_get_workstreams_list (window)));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, "Risk register"));
  g_assert_false (_stw_window_get_editor_revealed (window));

  /* A workstream row brings the views back. */
  show_workstream (window, STW_WORKSTREAM_TASKS);
  g_assert_cmpstr (_stw_window_get_visible_page (window), !=, "risks");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_null (gtk_list_box_get_selected_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row)))));

  /* Search from the register, and back. */
  show_register (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "search");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "risks");

  close_window (window);
}

/* Back from the register, a workstream shows its views with no editor:
 * the editor's pane once came back empty, with nothing to close it by,
 * over the Done column (issue 9, point 11). */
static void
test_register_back (void)
{
  StwWindow *window = open_sample (NULL);
  StwItemEditor *editor = _stw_window_get_editor (window);

  show_workstream (window, STW_WORKSTREAM_TASKS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
  run_for (300);
  g_assert_false (_stw_window_get_editor_revealed (window));

  show_register (window);
  run_for (300);
  show_workstream (window, STW_WORKSTREAM_TASKS);
  run_for (300);
  g_assert_null (stw_item_editor_get_item (editor));
  g_assert_false (_stw_window_get_editor_revealed (window));

  /* The views fold the editor's pane when they lack room (the register
   * once made the window narrower for a moment); room again must not
   * bring back an empty pane. */
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 720);
  run_for (500);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  run_for (500);
  g_assert_null (stw_item_editor_get_item (editor));
  g_assert_false (_stw_window_get_editor_revealed (window));

  /* And again with an item open before the register. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  iterate ();
  g_assert_true (_stw_window_get_editor_revealed (window));
  show_register (window);
  run_for (300);
  show_workstream (window, STW_WORKSTREAM_PLAN);
  run_for (300);
  g_assert_null (stw_item_editor_get_item (editor));
  g_assert_false (_stw_window_get_editor_revealed (window));

  close_window (window);
}

static void
test_risk_edit_undo (void)
{
  StwWindow *window = open_sample (NULL);
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwRiskPage *page = _stw_window_get_risk_page (window);
  StwRiskEditor *editor = stw_risk_page_get_editor (page);
  GListModel *risks = stw_workspace_get_risks (workspace);
  g_autoptr(StwRisk) first = g_list_model_get_item (risks, 0);
  g_autofree char *original = g_strdup (stw_risk_get_title (first));
  g_autofree char *text = NULL;
  guint n_risks = g_list_model_get_n_items (risks);
  GtkWidget *title_row;
  gint64 new_id;

  show_register (window);

  /* Activating a row opens the risk in the pane. */
  g_signal_emit_by_name (stw_risk_page_get_register_view (page), "risk-activated", stw_risk_get_id (first));
  iterate ();
  g_assert_true (stw_risk_page_get_editor_revealed (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (stw_risk_get_id (stw_risk_editor_get_loaded_risk (editor)), ==, stw_risk_get_id (first));
  g_assert_false (stw_risk_page_get_can_undo (page));

  /* Save: a toast with Undo; Undo puts the stored risk back. */
  title_row = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Ransomware encrypts the file server and its backups");
  gtk_widget_activate_action (GTK_WIDGET (editor), "risk-editor.save", NULL);
  iterate ();
  text = g_strdup_printf ("%s saved", stw_risk_get_ref (first));
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, text);
  g_assert_cmpstr (risk_title (workspace, stw_risk_get_id (first)), ==, "Ransomware encrypts the file server and its backups");
  g_assert_true (stw_risk_page_get_can_undo (page));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("Change to %s undone", stw_risk_get_ref (first));
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, text);
  g_assert_cmpstr (risk_title (workspace, stw_risk_get_id (first)), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, original);
  g_assert_false (stw_risk_page_get_can_undo (page));

  /* Ctrl+S saves the risk wherever the focus is on the page. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Ransomware on the file server");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_cmpstr (risk_title (workspace, stw_risk_get_id (first)), ==, "Ransomware on the file server");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpstr (risk_title (workspace, stw_risk_get_id (first)), ==, original);

  /* Ctrl+N on the register is a new risk; Undo takes it out again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  iterate ();
  g_assert_nonnull (stw_risk_editor_get_loaded_risk (editor));
  g_assert_cmpint (stw_risk_get_id (stw_risk_editor_get_loaded_risk (editor)), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Supplier portal outage during month end");
  g_assert_true (stw_risk_editor_save (editor, NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, n_risks + 1);
  new_id = stw_risk_get_id (stw_risk_editor_get_loaded_risk (editor));
  g_assert_cmpint (new_id, !=, 0);
  g_assert_true (g_str_has_suffix (_stw_window_get_toast_title (window), "added to the register"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, n_risks);
  g_assert_true (g_str_has_suffix (_stw_window_get_toast_title (window), "taken out of the register again"));
  g_assert_null (stw_risk_editor_get_loaded_risk (editor));
  g_assert_false (stw_risk_page_get_editor_revealed (page));

  /* A refusal is shown, and keeps the window on the register. */
  g_signal_emit_by_name (stw_risk_page_get_register_view (page), "risk-activated", stw_risk_get_id (first));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (title_row), "");
  show_workstream (window, STW_WORKSTREAM_TASKS);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "risks");
  g_assert_nonnull (_stw_risk_editor_get_shown_error (editor));
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, _stw_risk_editor_get_shown_error (editor));

  /* Leaving the register saves a typed edit. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Ransomware on the file server");
  show_workstream (window, STW_WORKSTREAM_TASKS);
  g_assert_cmpstr (_stw_window_get_visible_page (window), !=, "risks");
  g_assert_cmpstr (risk_title (workspace, stw_risk_get_id (first)), ==, "Ransomware on the file server");

  /* Escape closes the pane. */
  show_register (window);
  g_signal_emit_by_name (stw_risk_page_get_register_view (page), "risk-activated", stw_risk_get_id (first));
  iterate ();
  g_assert_true (stw_risk_page_get_editor_revealed (page));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  iterate ();
  g_assert_false (stw_risk_page_get_editor_revealed (page));

  close_window (window);
}

static void
test_new_treatment (void)
{
  StwWindow *window = open_sample (NULL);
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwRiskPage *page = _stw_window_get_risk_page (window);
  StwRiskEditor *risk_editor = stw_risk_page_get_editor (page);
  StwItemEditor *editor = _stw_window_get_editor (window);
  StwRiskRegisterRow *row = _stw_window_get_risk_register_row (window);
  g_autoptr(StwRisk) risk = NULL;
  g_autoptr(StwItem) stored = NULL;
  GtkWidget *title;
  StwItem *shown;
  guint n_flagged;
  gint64 risk_id, item_id;

  risk_id = add_untreated_risk (workspace, "Customer data leaked from a lost phone");
  n_flagged = stw_risk_register_row_get_n_flagged (row);
  g_assert_cmpuint (n_flagged, >, 0);

  show_register (window);
  g_assert_true (stw_risk_page_open_risk (page, risk_id));
  iterate ();

  /* "New" among the risk's treatment items: an item of the risk treatment
   * workstream that names the risk. */
  g_signal_emit_by_name (risk_editor, "new-treatment-requested", risk_id);
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), !=, "risks");
  g_assert_true (_stw_window_get_editor_revealed (window));
  shown = stw_item_editor_get_item (editor);
  g_assert_nonnull (shown);
  g_assert_cmpint (stw_item_get_id (shown), ==, 0);
  g_assert_cmpint (stw_item_get_risk_id (shown), ==, risk_id);
  g_assert_cmpint (stw_workstream_get_kind (stw_workspace_find_workstream (workspace, stw_item_get_workstream_id (shown))),
                   ==, STW_WORKSTREAM_TREATMENT);

  title = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Enforce device encryption on phones");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  shown = stw_item_editor_get_item (editor);
  item_id = stw_item_get_id (shown);
  g_assert_cmpint (item_id, !=, 0);
  stored = stw_workspace_load_item (workspace, item_id, NULL);
  g_assert_cmpint (stw_item_get_risk_id (stored), ==, risk_id);

  /* The risk has its treatment now, and is no longer flagged. */
  risk = stw_workspace_load_risk (workspace, risk_id, NULL);
  g_assert_cmpuint (stw_risk_get_treatment_count (risk), ==, 1);
  g_assert_false (stw_risk_get_flagged (risk));
  g_assert_cmpuint (stw_risk_register_row_get_n_flagged (row), ==, n_flagged - 1);

  /* From the risk's list of treatment items back to the item. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  show_register (window);
  g_assert_true (stw_risk_page_open_risk (page, risk_id));
  g_assert_cmpuint (g_list_model_get_n_items (_stw_risk_editor_get_treatment_items (risk_editor)), ==, 1);
  g_signal_emit_by_name (risk_editor, "treatment-item-activated", item_id);
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), !=, "risks");
  g_assert_true (_stw_window_get_editor_revealed (window));
  g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (editor)), ==, item_id);

  close_window (window);
}

static void
test_editor_evidence (void)
{
  StwWindow *window = open_sample (NULL);
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwItemEditor *editor = _stw_window_get_editor (window);
  StwEvidenceList *list = stw_item_editor_get_evidence_list (editor);
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwAttachment) attachment = NULL;
  g_autoptr(StwAttachment) listed = NULL;
  g_autofree char *described = NULL;
  ListWait wait;
  guint n;

  show_workstream (window, STW_WORKSTREAM_TASKS);
  item = first_listed_item (window);
  g_signal_emit_by_name (_stw_window_get_list_view (window), "item-activated", stw_item_get_id (item));
  iterate ();
  g_assert_true (_stw_window_get_editor_revealed (window));

  /* The editor's Evidence group lists the item's files. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_true (stw_evidence_list_get_workspace (list) == workspace);
  g_assert_cmpint (stw_evidence_list_get_entity_id (list), ==, stw_item_get_id (item));
  n = stw_evidence_list_get_n_attachments (list);
  g_assert_cmpuint (n, ==, stw_workspace_count_attachments (workspace, "item", stw_item_get_id (item)));

  /* A file attached anywhere (here through the core) shows up. */
  attachment = attach (workspace, stw_item_get_id (item), "awareness-slides.pdf", "%PDF-1.4 slides", NULL);
  wait.list = list;
  wait.n = n + 1;
  g_assert_true (wait_until (list_counts, &wait));
  listed = g_list_model_get_item (stw_evidence_list_get_attachments (list), n);
  g_assert_cmpstr (stw_attachment_get_file_name (listed), ==, "awareness-slides.pdf");
  described = stw_evidence_list_describe_attachment (listed);
  g_assert_nonnull (strstr (described, stw_attachment_get_sha256 (attachment)));
  g_assert_false (stw_item_editor_get_modified (editor));

  /* A new item has no files yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  iterate ();
  g_assert_cmpint (stw_evidence_list_get_entity_id (list), ==, 0);
  g_assert_cmpuint (stw_evidence_list_get_n_attachments (list), ==, 0);

  close_window (window);
}

static void
test_badges_and_drops (void)
{
  StwWindow *window = open_sample (NULL);
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwEvidenceQueue *queue = _stw_window_get_evidence_queue (window);
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwAttachment) first = NULL;
  g_autoptr(StwAttachment) expired = NULL;
  g_autoptr(GFile) dropped = NULL;
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GSList) files = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  gboolean accepted = FALSE;
  BadgeWait wait;
  Search search;
  gint64 id;

  show_workstream (window, STW_WORKSTREAM_TASKS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "list");
  iterate ();
  item = first_listed_item (window);
  id = stw_item_get_id (item);
  g_assert_cmpuint (stw_workspace_count_attachments (workspace, "item", id), ==, 0);

  /* List row: no badge without files, then the count. */
  search.root = GTK_WIDGET (_stw_window_get_list_view (window));
  search.item_id = id;
  g_assert_true (wait_until (row_shown, &search));
  wait.root = search.root;
  wait.item_id = id;
  wait.card = FALSE;
  wait.n_files = 0;
  g_assert_true (wait_until (badge_counts, &wait));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (wait.badge)));

  first = attach (workspace, id, "training-register.csv", "name,date\nPriya,2027-01-10\n", NULL);
  wait.n_files = 1;
  g_assert_true (wait_until (badge_counts, &wait));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wait.badge)));
  g_assert_cmpstr (stw_evidence_badge_get_text (wait.badge), ==, "1 file");

  /* Expired evidence is marked. */
  expired = attach (workspace, id, "old-certificate.pdf", "%PDF-1.4 expired", "2020-01-01");
  wait.n_files = 2;
  g_assert_true (wait_until (badge_counts, &wait));
  g_assert_cmpuint (stw_evidence_badge_get_n_expired (wait.badge), ==, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (wait.badge), "expired"));
  g_assert_cmpstr (stw_evidence_badge_get_text (wait.badge), ==, "2 files, 1 expired");

  /* The board card says the same, in its spoken name too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
  iterate ();
  search.root = GTK_WIDGET (_stw_window_get_board_view (window));
  g_assert_true (wait_until (card_shown, &search));
  wait.root = search.root;
  wait.card = TRUE;
  g_assert_true (wait_until (badge_counts, &wait));
  g_assert_cmpuint (stw_evidence_badge_get_n_expired (wait.badge), ==, 1);
  name = stw_board_card_dup_accessible_name (STW_BOARD_CARD (search.found));
  g_assert_true (g_str_has_suffix (name, ", 2 files, 1 expired"));

  /* A file dropped on the card is attached to its item in the background,
   * with a toast. */
  controllers = gtk_widget_observe_controllers (search.found);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller)
          && gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)), GDK_TYPE_FILE_LIST))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  dropped = write_file ("restore-log.txt", "restore of the file server: all checks passed\n");
  files = g_slist_append (NULL, dropped);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (stw_evidence_queue_get_busy (queue));
  g_assert_true (wait_until (queue_idle, queue));
  wait.n_files = 3;
  g_assert_true (wait_until (badge_counts, &wait));
  toast = g_strdup_printf ("restore-log.txt attached to %s", stw_item_get_ref (item));
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, toast);

  /* The same through the action, as a list row does. */
  {
    g_autoptr(GFile) more = write_file ("access-review.xlsx", "review sheet");
    GList *list = g_list_append (NULL, more);
    g_autoptr(GVariant) parameter = g_variant_ref_sink (stw_item_evidence_new_parameter ("item", id, list));

    g_list_free (list);
    g_assert_true (gtk_widget_activate_action_variant (find_card (search.root, id), "win.attach-evidence", parameter));
  }
  g_assert_true (wait_until (queue_idle, queue));
  wait.n_files = 4;
  g_assert_true (wait_until (badge_counts, &wait));

  close_window (window);
}

static void
test_integrity_check (void)
{
  g_autofree char *path = NULL;
  StwWindow *window = open_sample (&path);
  StwWorkspace *workspace = stw_window_get_workspace (window);
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwAttachment) attachment = NULL;
  StwIntegrityDialog *dialog;
  GtkWidget *problem;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  show_workstream (window, STW_WORKSTREAM_TASKS);
  item = first_listed_item (window);
  attachment = attach (workspace, stw_item_get_id (item), "backup-report.pdf",
                       "%PDF-1.4 nightly backup report, all jobs succeeded", NULL);

  /* Untouched: intact. */
  dialog = run_integrity_check (window);
  g_assert_cmpstr (stw_integrity_dialog_get_state (dialog), ==, "intact");
  g_assert_cmpuint (stw_integrity_dialog_get_n_problems (dialog), ==, 0);
  g_assert_nonnull (strstr (stw_integrity_dialog_get_report (dialog), "every hash matches"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Evidence"));
  close_integrity_dialog (dialog);

  /* Someone changes a stored chunk outside the app. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE blob_chunk SET data = zeroblob(length(data))"
                                           " WHERE blob_id = (SELECT id FROM blob WHERE sha256 = ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, stw_attachment_get_sha256 (attachment), -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* The check names the file, first, as a problem. */
  dialog = run_integrity_check (window);
  g_assert_cmpstr (stw_integrity_dialog_get_state (dialog), ==, "problems");
  g_assert_cmpuint (stw_integrity_dialog_get_n_problems (dialog), ==, 1);
  g_assert_nonnull (strstr (stw_integrity_dialog_get_report (dialog), "backup-report.pdf"));
  problem = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Evidence");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_has_css_class (problem, "integrity-problem"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (problem)), "backup-report.pdf"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (problem)),
                            stw_attachment_get_sha256 (attachment)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "The workspace has problems");
  close_integrity_dialog (dialog);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Workspaces go to a private folder, before GLib caches the real one. */
  data_home = make_test_home ("integration");
  cache_home = g_dir_make_tmp ("steward-test-integration-cache-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/integration/register-sidebar", test_register_sidebar);
  g_test_add_func ("/integration/register-back", test_register_back);
  g_test_add_func ("/integration/risk-edit-undo", test_risk_edit_undo);
  g_test_add_func ("/integration/new-treatment", test_new_treatment);
  g_test_add_func ("/integration/editor-evidence", test_editor_evidence);
  g_test_add_func ("/integration/badges-and-drops", test_badges_and_drops);
  g_test_add_func ("/integration/integrity-check", test_integrity_check);

  status = g_test_run ();

  remove_tree (data_home);
  remove_tree (cache_home);
  g_free (data_home);
  g_free (cache_home);

  return status;
}
