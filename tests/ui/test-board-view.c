/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-board-view.c: the Board view in a window under Xvfb: column
 * counts, card names, keyboard moves checked through the core (status,
 * order, history, exact undo), the closure note asked before Done, drops
 * worked out from the laid-out cards, activation, and a column of ten
 * thousand cards that creates only the rows on screen. Any GTK warning
 * fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "stw-board-card.h"
#include "stw-board-column.h"
#include "stw-board-view.h"
#include "stw-board-view-private.h"
#include "stw-item-model.h"
#include "stw-undo.h"
#include "stw-workspace.h"
#include "test-util.h"

#define TODAY "2027-03-01"

static char *data_home;

typedef struct {
  StwWorkspace *workspace;
  StwUndoStack *undo;
  gint64        workstream_id;
  gint64        owner_id;
  GtkWindow    *window;
  StwBoardView *board;
  GPtrArray    *messages;     /* "changed" */
  GPtrArray    *errors;       /* "error" */
  gint64        activated_id;
  gint64        ids[6];       /* T-001 … T-006 */
} Fixture;

/* Helpers */

/* A few frames, so list views lay out their rows. */
static void
run_frames (void)
{
  run_for (200);
}

static gint64
add_item (Fixture    *fixture,
          const char *title,
          StwStatus   status,
          const char *due)
{
  g_autoptr(StwItem) item = stw_item_new (fixture->workstream_id);

  stw_item_set_title (item, title);
  stw_item_set_status (item, status);
  stw_item_set_due_date (item, due);
  stw_item_set_owner_id (item, fixture->owner_id);
  if (status == STW_STATUS_DONE)
    stw_item_set_closure_note (item, "Done before the test");
  return insert_item (fixture->workspace, item);
}

static StwItem *
load (Fixture *fixture,
      gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  StwItem *item = stw_workspace_load_item (fixture->workspace, item_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);

  return item;
}

/* The ids of one status column as the core orders them, as "1,2,3". */
static char *
core_column (Fixture   *fixture,
             StwStatus  status)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  GString *ids = g_string_new (NULL);
  StwItemFilter filter;

  stw_item_filter_init (&filter, fixture->workstream_id);
  filter.statuses = STW_STATUS_MASK (status);
  filter.sort = STW_ITEM_SORT_POSITION;
  items = stw_workspace_filter_items (fixture->workspace, &filter, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", stw_item_get_id (item));
    }

  return g_string_free (ids, FALSE);
}

/* The same, as the board's column shows it. */
static char *
board_column (Fixture   *fixture,
              StwStatus  status)
{
  StwBoardColumn *column = _stw_board_view_get_column (fixture->board, status);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < stw_board_column_get_n_items (column); i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            stw_board_column_get_item_id (column, i));

  return g_string_free (ids, FALSE);
}

static char *
ids_string (gint64 a,
            gint64 b,
            gint64 c)
{
  GString *ids = g_string_new (NULL);
  gint64 all[] = { a, b, c };

  for (guint i = 0; i < G_N_ELEMENTS (all) && all[i] != 0; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", all[i]);

  return g_string_free (ids, FALSE);
}

static void
assert_column (Fixture   *fixture,
               StwStatus  status,
               gint64     a,
               gint64     b,
               gint64     c)
{
  g_autofree char *expected = ids_string (a, b, c);
  g_autofree char *in_core = core_column (fixture, status);
  g_autofree char *on_board = board_column (fixture, status);

  g_assert_cmpstr (in_core, ==, expected);
  g_assert_cmpstr (on_board, ==, expected);
}

static guint
history_length (Fixture *fixture,
                gint64   item_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = stw_workspace_list_history (fixture->workspace, "item", item_id, &error);
  g_assert_no_error (error);

  return entries->len;
}

/* The card widget showing @item_id in @column, if it is laid out. */
static StwBoardCard *
find_card (StwBoardColumn *column,
           gint64          item_id)
{
  GtkWidget *list = GTK_WIDGET (stw_board_column_get_list_view (column));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (card != NULL && STW_IS_BOARD_CARD (card) &&
          stw_board_card_get_item_id (STW_BOARD_CARD (card)) == item_id)
        return STW_BOARD_CARD (card);
    }

  return NULL;
}

static guint
count_rows (StwBoardColumn *column)
{
  GtkWidget *list = GTK_WIDGET (stw_board_column_get_list_view (column));
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static gboolean
cards_laid_out (gpointer data)
{
  StwBoardColumn *column = data;
  GtkWidget *list = GTK_WIDGET (stw_board_column_get_list_view (column));
  GtkWidget *row = gtk_widget_get_first_child (list);

  return row != NULL && gtk_widget_get_mapped (row) && gtk_widget_get_height (row) > 0;
}

typedef struct {
  Fixture *fixture;
  gint64   item_id;
} FocusCheck;

/* The keyboard focus is on the row of the card for @item_id. */
static gboolean
card_has_focus (gpointer data)
{
  FocusCheck *check = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (check->fixture->window));
  GtkWidget *child = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;

  return child != NULL && STW_IS_BOARD_CARD (child) &&
         stw_board_card_get_item_id (STW_BOARD_CARD (child)) == check->item_id;
}

static void
assert_focus_on (Fixture *fixture,
                 gint64   item_id)
{
  FocusCheck check = { fixture, item_id };

  g_assert_true (wait_until (card_has_focus, &check));
}

static AdwMessageDialog *
find_dialog (void)
{
  return (AdwMessageDialog *) find_shown_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

/* Answers the closure dialog as a person would: types @note and presses
 * "Close item", or cancels when @note is NULL. */
static void
answer_closure_dialog (const char *note)
{
  AdwMessageDialog *dialog;
  GtkWidget *button;

  g_assert_true (wait_until (dialog_shown, NULL));
  dialog = find_dialog ();
  if (note != NULL)
    {
      GtkWidget *view = find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);

      g_assert_nonnull (view);
      g_assert_false (adw_message_dialog_get_response_enabled (dialog, "close"));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), note, -1);
      g_assert_true (adw_message_dialog_get_response_enabled (dialog, "close"));
      button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_lose item");
    }
  else
    button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Cancel");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  g_assert_true (wait_until (dialog_gone, NULL));
}

static const char *
last_message (Fixture *fixture)
{
  g_assert_cmpuint (fixture->messages->len, >, 0);

  return g_ptr_array_index (fixture->messages, fixture->messages->len - 1);
}

/* A new workspace with, in the tasks workstream:
 *   To do:       T-001 (overdue), T-002 (due this week), T-003 (undated)
 *   In progress: T-004
 *   Done:        T-005
 *   Cancelled:   T-006
 * and a board showing it in a window. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(StwPerson) owner = NULL;

  fixture->workspace = create_workspace (data_home, "board", "Northwind Logistics", "Priya Shah");
  fixture->undo = stw_undo_stack_new (fixture->workspace, 50);
  fixture->workstream_id = find_workstream_id (fixture->workspace, STW_WORKSTREAM_TASKS);
  g_assert_cmpint (fixture->workstream_id, >, 0);
  owner = g_list_model_get_item (stw_workspace_get_people (fixture->workspace), 0);
  fixture->owner_id = stw_person_get_id (owner);

  fixture->ids[0] = add_item (fixture, "Backup restore test", STW_STATUS_TODO, "2027-02-20");
  fixture->ids[1] = add_item (fixture, "Access rights review", STW_STATUS_TODO, "2027-03-04");
  fixture->ids[2] = add_item (fixture, "Supplier security review", STW_STATUS_TODO, NULL);
  fixture->ids[3] = add_item (fixture, "Management review", STW_STATUS_IN_PROGRESS, "2027-06-01");
  fixture->ids[4] = add_item (fixture, "Risk assessment", STW_STATUS_DONE, "2027-01-10");
  fixture->ids[5] = add_item (fixture, "Old audit plan", STW_STATUS_CANCELLED, NULL);

  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  fixture->errors = g_ptr_array_new_with_free_func (g_free);

  /* These tests are about the manual board order (moves within a column
   * and drops between cards); the due-date order, the board's default
   * since issue 9, has its own test. */
  if (data == NULL)
    {
      g_autofree char *key = g_strdup_printf ("board-order:%" G_GINT64_FORMAT, fixture->workstream_id);
      g_autoptr(GError) error = NULL;

      g_assert_true (stw_workspace_set_setting (fixture->workspace, key, "manual", &error));
      g_assert_no_error (error);
    }

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1400, 700);
  fixture->board = STW_BOARD_VIEW (stw_board_view_new ());
  g_signal_connect (fixture->board, "changed", G_CALLBACK (record_message_cb), fixture->messages);
  g_signal_connect (fixture->board, "error", G_CALLBACK (record_message_cb), fixture->errors);
  g_signal_connect (fixture->board, "item-activated", G_CALLBACK (record_id_cb), &fixture->activated_id);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->board));
  stw_board_view_set_workstream (fixture->board, fixture->workspace, fixture->undo, fixture->workstream_id);
  gtk_window_present (fixture->window);
  g_assert_true (wait_until (is_allocated, fixture->board));
  run_frames ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (fixture->errors->len, ==, 0);

  gtk_window_destroy (fixture->window);
  iterate ();
  g_clear_pointer (&fixture->messages, g_ptr_array_unref);
  g_clear_pointer (&fixture->errors, g_ptr_array_unref);
  g_clear_object (&fixture->undo);
  g_clear_object (&fixture->workspace);
}

/* Tests */

static void
test_due_state (void)
{
  g_assert_cmpint (stw_due_state_for (NULL, STW_STATUS_TODO, TODAY), ==, STW_DUE_NONE);
  g_assert_cmpint (stw_due_state_for ("2027-02-28", STW_STATUS_TODO, TODAY), ==, STW_DUE_OVERDUE);
  g_assert_cmpint (stw_due_state_for ("2027-02-28", STW_STATUS_IN_REVIEW, TODAY), ==, STW_DUE_OVERDUE);
  /* Closed items are never late. */
  g_assert_cmpint (stw_due_state_for ("2027-02-28", STW_STATUS_DONE, TODAY), ==, STW_DUE_NONE);
  g_assert_cmpint (stw_due_state_for ("2027-02-28", STW_STATUS_CANCELLED, TODAY), ==, STW_DUE_NONE);
  /* Today and the six days after it are "this week". */
  g_assert_cmpint (stw_due_state_for ("2027-03-01", STW_STATUS_TODO, TODAY), ==, STW_DUE_THIS_WEEK);
  g_assert_cmpint (stw_due_state_for ("2027-03-07", STW_STATUS_TODO, TODAY), ==, STW_DUE_THIS_WEEK);
  g_assert_cmpint (stw_due_state_for ("2027-03-08", STW_STATUS_TODO, TODAY), ==, STW_DUE_LATER);
  /* Across a year end. */
  g_assert_cmpint (stw_due_state_for ("2028-01-02", STW_STATUS_TODO, "2027-12-30"), ==, STW_DUE_THIS_WEEK);
}

static void
test_drop_position (void)
{
  /* Three cards of 80 px from y = 100, the column scrolled so that the
   * first one shown is the card at position 10 of 50. */
  const StwBoardSlot slots[] = {
    { 100, 80, 10 },
    { 180, 80, 11 },
    { 260, 80, 12 },
  };
  double line_y = -1;

  /* An empty column takes the card at its start. */
  g_assert_cmpuint (stw_board_drop_position (NULL, 0, 0, 50, &line_y), ==, 0);
  g_assert_cmpfloat (line_y, ==, 0);

  /* Above the middle of a card: before it. */
  g_assert_cmpuint (stw_board_drop_position (slots, 3, 50, 20, &line_y), ==, 10);
  g_assert_cmpfloat (line_y, ==, 100);
  g_assert_cmpuint (stw_board_drop_position (slots, 3, 50, 139, &line_y), ==, 10);
  /* Below the middle: before the next one. */
  g_assert_cmpuint (stw_board_drop_position (slots, 3, 50, 141, &line_y), ==, 11);
  g_assert_cmpfloat (line_y, ==, 180);
  g_assert_cmpuint (stw_board_drop_position (slots, 3, 50, 299, &line_y), ==, 12);
  g_assert_cmpfloat (line_y, ==, 260);
  /* Past the last card shown: after it, not at the column's end. */
  g_assert_cmpuint (stw_board_drop_position (slots, 3, 50, 301, &line_y), ==, 13);
  g_assert_cmpfloat (line_y, ==, 340);
  g_assert_cmpuint (stw_board_drop_position (slots, 3, 50, 5000, NULL), ==, 13);
  /* When the last card shown is the column's last: the end. */
  g_assert_cmpuint (stw_board_drop_position (slots, 3, 13, 5000, NULL), ==, 13);
}

static void
test_columns (Fixture       *fixture,
              gconstpointer  data)
{
  StwBoardColumn *cancelled = _stw_board_view_get_column (fixture->board, STW_STATUS_CANCELLED);
  StwBoardCard *card;
  g_autofree char *name = NULL;
  g_autofree char *setting = NULL;
  g_autofree char *key = NULL;

  g_assert_cmpuint (stw_board_column_get_n_items (_stw_board_view_get_column (fixture->board, STW_STATUS_TODO)), ==, 3);
  g_assert_cmpuint (stw_board_column_get_n_items (_stw_board_view_get_column (fixture->board, STW_STATUS_IN_PROGRESS)), ==, 1);
  g_assert_cmpuint (stw_board_column_get_n_items (_stw_board_view_get_column (fixture->board, STW_STATUS_IN_REVIEW)), ==, 0);
  g_assert_cmpuint (stw_board_column_get_n_items (_stw_board_view_get_column (fixture->board, STW_STATUS_DONE)), ==, 1);
  assert_column (fixture, STW_STATUS_TODO, fixture->ids[0], fixture->ids[1], fixture->ids[2]);

  /* Cancelled stays hidden, and unread, until asked for. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cancelled)));
  g_assert_null (stw_board_column_get_model (cancelled));
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.show-cancelled", NULL);
  iterate ();
  g_assert_true (stw_board_view_get_show_cancelled (fixture->board));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cancelled)));
  g_assert_cmpuint (stw_board_column_get_n_items (cancelled), ==, 1);
  /* …and remembered for the workstream. */
  key = g_strdup_printf ("board-show-cancelled:%" G_GINT64_FORMAT, fixture->workstream_id);
  setting = stw_workspace_dup_setting (fixture->workspace, key);
  g_assert_cmpstr (setting, ==, "true");
  stw_board_view_set_show_cancelled (fixture->board, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cancelled)));

  /* Cards say what they show in words. */
  run_frames ();
  card = find_card (_stw_board_view_get_column (fixture->board, STW_STATUS_TODO), fixture->ids[0]);
  g_assert_nonnull (card);
  name = stw_board_card_dup_accessible_name (card);
  g_assert_cmpstr (name, ==, "T-001 Backup restore test, To do, Priya Shah, due 2027-02-20, overdue");
  g_clear_pointer (&name, g_free);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "card-overdue"));
  card = find_card (_stw_board_view_get_column (fixture->board, STW_STATUS_TODO), fixture->ids[1]);
  name = stw_board_card_dup_accessible_name (card);
  g_assert_cmpstr (name, ==, "T-002 Access rights review, To do, Priya Shah, due 2027-03-04, due this week");
  g_clear_pointer (&name, g_free);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "card-due-soon"));
  card = find_card (_stw_board_view_get_column (fixture->board, STW_STATUS_DONE), fixture->ids[4]);
  name = stw_board_card_dup_accessible_name (card);
  g_assert_cmpstr (name, ==, "T-005 Risk assessment, Done, Priya Shah, due 2027-01-10");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (card), "card-overdue"));

  /* Another workstream empties the board; none at all too. */
  stw_board_view_set_workstream (fixture->board, NULL, NULL, 0);
  g_assert_cmpuint (stw_board_column_get_n_items (_stw_board_view_get_column (fixture->board, STW_STATUS_TODO)), ==, 0);
  stw_board_view_set_workstream (fixture->board, fixture->workspace, fixture->undo, fixture->workstream_id);
  g_assert_cmpuint (stw_board_column_get_n_items (_stw_board_view_get_column (fixture->board, STW_STATUS_TODO)), ==, 3);

  /* The core's changes show up on the board. */
  add_item (fixture, "Asset inventory", STW_STATUS_IN_REVIEW, NULL);
  g_assert_cmpuint (stw_board_column_get_n_items (_stw_board_view_get_column (fixture->board, STW_STATUS_IN_REVIEW)), ==, 1);
}

static void
test_keyboard_moves (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 a = fixture->ids[0], b = fixture->ids[1], c = fixture->ids[2], d = fixture->ids[3];
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autofree char *description = NULL;
  guint history_before = history_length (fixture, b);
  gint64 undone_id = 0;

  /* Nothing selected: the move actions do nothing. */
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-right", NULL);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, a, b, c);
  g_assert_cmpuint (fixture->messages->len, ==, 0);

  gtk_widget_grab_focus (GTK_WIDGET (stw_board_column_get_list_view (_stw_board_view_get_column (fixture->board,
                                                                                                STW_STATUS_TODO))));
  stw_board_view_select_item (fixture->board, b);
  iterate ();
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, b);
  assert_focus_on (fixture, b);

  /* Up within To do. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-up", NULL);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, b, a, c);
  g_assert_cmpstr (last_message (fixture), ==, "T-002 moved up in To do");
  g_assert_cmpuint (history_length (fixture, b), ==, history_before + 1);
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, b);
  assert_focus_on (fixture, b);

  /* Already first: nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-up", NULL);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, b, a, c);
  g_assert_cmpuint (fixture->messages->len, ==, 1);

  /* Down twice: to the end. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-down", NULL);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, a, b, c);
  g_assert_cmpstr (last_message (fixture), ==, "T-002 moved down in To do");
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-down", NULL);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, a, c, b);
  assert_focus_on (fixture, b);

  /* Right: to the end of In progress, still selected and focused. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-right", NULL);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, a, c, 0);
  assert_column (fixture, STW_STATUS_IN_PROGRESS, d, b, 0);
  item = load (fixture, b);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_IN_PROGRESS);
  g_clear_object (&item);
  g_assert_cmpstr (last_message (fixture), ==, "T-002 moved to In progress");
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, b);
  assert_focus_on (fixture, b);
  g_assert_cmpuint (history_length (fixture, b), ==, history_before + 4);

  /* Left: back to the end of To do. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-left", NULL);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, a, c, b);
  assert_column (fixture, STW_STATUS_IN_PROGRESS, d, 0, 0);
  assert_focus_on (fixture, b);
  /* The first column has nothing on its left. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-left", NULL);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, a, c, b);
  g_assert_cmpuint (fixture->messages->len, ==, 5);

  /* Undo puts back status and order exactly, one move at a time. */
  g_assert_true (stw_undo_stack_undo (fixture->undo, &description, &undone_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (undone_id, ==, b);
  assert_column (fixture, STW_STATUS_TODO, a, c, 0);
  assert_column (fixture, STW_STATUS_IN_PROGRESS, d, b, 0);
  for (guint i = 0; i < 4; i++)
    {
      g_clear_pointer (&description, g_free);
      g_assert_true (stw_undo_stack_undo (fixture->undo, &description, NULL, &error));
      g_assert_no_error (error);
    }
  assert_column (fixture, STW_STATUS_TODO, a, b, c);
  assert_column (fixture, STW_STATUS_IN_PROGRESS, d, 0, 0);
  item = load (fixture, b);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_TODO);
  g_assert_false (stw_undo_stack_get_can_undo (fixture->undo));
}

static void
test_close_to_done (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 d = fixture->ids[3], e = fixture->ids[4];
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (stw_board_column_get_list_view (_stw_board_view_get_column (fixture->board,
                                                                                                STW_STATUS_IN_PROGRESS))));
  stw_board_view_select_item (fixture->board, d);
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-right", NULL);
  iterate ();
  assert_column (fixture, STW_STATUS_IN_REVIEW, d, 0, 0);
  assert_focus_on (fixture, d);
  g_assert_null (find_dialog ());

  /* Into Done: the closure note is asked for; cancelling changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-right", NULL);
  answer_closure_dialog (NULL);
  assert_column (fixture, STW_STATUS_IN_REVIEW, d, 0, 0);
  assert_column (fixture, STW_STATUS_DONE, e, 0, 0);
  g_assert_cmpstr (last_message (fixture), ==, "T-004 moved to In review");

  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-right", NULL);
  answer_closure_dialog ("Reviewed by the board on 1 March");
  assert_column (fixture, STW_STATUS_IN_REVIEW, 0, 0, 0);
  assert_column (fixture, STW_STATUS_DONE, e, d, 0);
  item = load (fixture, d);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
  g_assert_cmpstr (stw_item_get_closure_note (item), ==, "Reviewed by the board on 1 March");
  g_clear_object (&item);
  g_assert_cmpstr (last_message (fixture), ==, "T-004 moved to Done");
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, d);
  /* The card keeps the focus once the dialog has gone. */
  assert_focus_on (fixture, d);

  /* Reordering within Done asks nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-up", NULL);
  iterate ();
  g_assert_null (find_dialog ());
  assert_column (fixture, STW_STATUS_DONE, d, e, 0);

  /* Undo: back in review, without the note. */
  g_assert_true (stw_undo_stack_undo (fixture->undo, NULL, NULL, &error));
  g_assert_true (stw_undo_stack_undo (fixture->undo, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_column (fixture, STW_STATUS_IN_REVIEW, d, 0, 0);
  item = load (fixture, d);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_IN_REVIEW);
  g_assert_null (stw_item_get_closure_note (item));
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 a = fixture->ids[0], b = fixture->ids[1], c = fixture->ids[2], d = fixture->ids[3];
  StwBoardColumn *todo = _stw_board_view_get_column (fixture->board, STW_STATUS_TODO);
  StwBoardColumn *in_progress = _stw_board_view_get_column (fixture->board, STW_STATUS_IN_PROGRESS);
  StwBoardColumn *in_review = _stw_board_view_get_column (fixture->board, STW_STATUS_IN_REVIEW);
  StwBoardColumn *done = _stw_board_view_get_column (fixture->board, STW_STATUS_DONE);
  StwBoardCard *card;
  graphene_rect_t bounds;
  double top_b, bottom_b, line_y;
  g_autoptr(StwItem) item = NULL;

  /* Where the second card of To do is, in the column's coordinates. */
  card = find_card (todo, b);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (GTK_WIDGET (card)), GTK_WIDGET (todo), &bounds));
  top_b = bounds.origin.y;
  bottom_b = bounds.origin.y + bounds.size.height;
  g_assert_cmpfloat (bounds.size.height, >, 20);

  g_assert_cmpuint (stw_board_column_drop_position_at (todo, top_b + 2, &line_y), ==, 1);
  g_assert_cmpfloat_with_epsilon (line_y, top_b, 0.5);
  g_assert_cmpuint (stw_board_column_drop_position_at (todo, bottom_b - 2, NULL), ==, 2);
  g_assert_cmpuint (stw_board_column_drop_position_at (todo, 1, NULL), ==, 0);
  g_assert_cmpuint (stw_board_column_drop_position_at (todo, gtk_widget_get_height (GTK_WIDGET (todo)) - 1, NULL), ==, 3);
  g_assert_cmpuint (stw_board_column_drop_position_at (in_review, 200, NULL), ==, 0);

  /* Dropping T-001 in the lower half of T-002: it goes after it. */
  stw_board_column_drop_at (todo, a, bottom_b - 2);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, b, a, c);
  g_assert_cmpstr (last_message (fixture), ==, "T-001 moved down in To do");

  /* Dropping a card next to where it is already changes nothing. */
  card = find_card (todo, a);
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (GTK_WIDGET (card)), GTK_WIDGET (todo), &bounds));
  stw_board_column_drop_at (todo, a, bounds.origin.y + 2);
  stw_board_column_drop_at (todo, a, bounds.origin.y + bounds.size.height - 2);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, b, a, c);
  g_assert_cmpuint (fixture->messages->len, ==, 1);

  /* Onto the top of In progress: before T-004. */
  stw_board_column_drop_at (in_progress, c, 1);
  iterate ();
  assert_column (fixture, STW_STATUS_TODO, b, a, 0);
  assert_column (fixture, STW_STATUS_IN_PROGRESS, c, d, 0);
  g_assert_cmpstr (last_message (fixture), ==, "T-003 moved to In progress");
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, c);

  /* An id that is not on this board is ignored. */
  stw_board_column_drop_at (in_progress, 999999, 1);
  iterate ();
  g_assert_cmpuint (fixture->messages->len, ==, 2);

  /* Onto Done: the closure note first. */
  stw_board_column_drop_at (done, b, 1);
  answer_closure_dialog ("Access rights reviewed, two accounts removed");
  assert_column (fixture, STW_STATUS_DONE, b, fixture->ids[4], 0);
  item = load (fixture, b);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
  g_assert_cmpstr (stw_item_get_closure_note (item), ==, "Access rights reviewed, two accounts removed");
  g_assert_cmpuint (fixture->messages->len, ==, 3);
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  GtkListView *list = stw_board_column_get_list_view (_stw_board_view_get_column (fixture->board, STW_STATUS_TODO));

  g_signal_emit_by_name (list, "activate", 1);
  g_assert_cmpint (fixture->activated_id, ==, fixture->ids[1]);

  /* Selecting a cancelled item shows the Cancelled column. */
  stw_board_view_select_item (fixture->board, fixture->ids[5]);
  g_assert_true (stw_board_view_get_show_cancelled (fixture->board));
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, fixture->ids[5]);

  /* One selected card on the whole board. */
  stw_board_view_select_item (fixture->board, fixture->ids[0]);
  g_assert_cmpint (stw_board_column_get_selected_id (_stw_board_view_get_column (fixture->board, STW_STATUS_CANCELLED)), ==, 0);
  g_assert_cmpint (stw_board_column_get_selected_id (_stw_board_view_get_column (fixture->board, STW_STATUS_TODO)), ==, fixture->ids[0]);
  stw_board_view_select_item (fixture->board, 0);
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, 0);
}

static void
test_focus_across (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The focus outside the columns: the keys are not the board's. */
  g_assert_false (_stw_board_view_focus_across (fixture->board, 1));

  gtk_widget_grab_focus (GTK_WIDGET (stw_board_column_get_list_view (_stw_board_view_get_column (fixture->board,
                                                                                                STW_STATUS_TODO))));
  stw_board_view_select_item (fixture->board, fixture->ids[1]);
  assert_focus_on (fixture, fixture->ids[1]);

  g_assert_true (_stw_board_view_focus_across (fixture->board, 1));
  assert_focus_on (fixture, fixture->ids[3]);
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, fixture->ids[3]);
  /* In review is empty: on to Done. */
  g_assert_true (_stw_board_view_focus_across (fixture->board, 1));
  assert_focus_on (fixture, fixture->ids[4]);
  /* Nothing further right (Cancelled is hidden): the focus stays. */
  g_assert_true (_stw_board_view_focus_across (fixture->board, 1));
  assert_focus_on (fixture, fixture->ids[4]);
  g_assert_true (_stw_board_view_focus_across (fixture->board, -1));
  assert_focus_on (fixture, fixture->ids[3]);
  /* Back in To do, the card level with T-004 is the first one. */
  g_assert_true (_stw_board_view_focus_across (fixture->board, -1));
  assert_focus_on (fixture, fixture->ids[0]);
  g_assert_cmpint (stw_board_view_get_selected_item (fixture->board), ==, fixture->ids[0]);
}

static void
test_large_column (Fixture       *fixture,
                   gconstpointer  data)
{
  StwBoardColumn *todo = _stw_board_view_get_column (fixture->board, STW_STATUS_TODO);
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment;
  gint64 last_id = 0;
  gint64 second_id;
  gint64 start;
  double elapsed;

  stw_board_view_set_workstream (fixture->board, NULL, NULL, 0);
  g_assert_true (stw_workspace_begin (fixture->workspace, &error));
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Generated task %u", i);

      last_id = add_item (fixture, title, STW_STATUS_TODO, "2027-05-01");
    }
  g_assert_true (stw_workspace_commit (fixture->workspace, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  stw_board_view_set_workstream (fixture->board, fixture->workspace, fixture->undo, fixture->workstream_id);
  g_assert_true (wait_until (cards_laid_out, todo));
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("board with 10,003 cards in To do shown in %.3f s", elapsed);
  g_assert_cmpuint (stw_board_column_get_n_items (todo), ==, 10003);
  /* A bounded number of rows exists, not ten thousand (GTK 4.8 keeps up
   * to about 200 around the visible ones). */
  g_assert_cmpuint (count_rows (todo), <=, 250);
  g_assert_cmpfloat (elapsed, <, 2.0);

  /* Moving a card that is on screen does not scroll the column (but for
   * a pixel or two when GTK re-anchors rows of different heights). */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (stw_board_column_get_list_view (todo)));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  second_id = stw_board_column_get_item_id (todo, 1);
  gtk_widget_grab_focus (GTK_WIDGET (stw_board_column_get_list_view (todo)));
  stw_board_view_select_item (fixture->board, second_id);
  assert_focus_on (fixture, second_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-down", NULL);
  assert_focus_on (fixture, second_id);
  run_frames ();
  g_assert_cmpint (stw_board_column_get_item_id (todo, 2), ==, second_id);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, 10);
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-up", NULL);
  assert_focus_on (fixture, second_id);
  run_frames ();
  g_assert_cmpint (stw_board_column_get_item_id (todo, 1), ==, second_id);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, 10);

  /* Dropping a card from far above into the middle of the cards on
   * screen leaves the column where it was. */
  gtk_adjustment_set_value (adjustment, 20000);
  run_frames ();
  {
    double before = gtk_adjustment_get_value (adjustment);
    double middle = gtk_widget_get_height (GTK_WIDGET (todo)) / 2.0;
    guint position = stw_board_column_drop_position_at (todo, middle, NULL);
    gint64 first_id = stw_board_column_get_item_id (todo, 0);

    g_test_message ("scrolled to %f, dropping at position %u", before, position);
    stw_board_column_drop_at (todo, first_id, middle);
    run_frames ();
    g_test_message ("now at %f, the card at %d", gtk_adjustment_get_value (adjustment),
                    stw_board_column_find (todo, first_id));
    g_assert_cmpint (stw_board_column_find (todo, first_id), ==, (int) position - 1);
    g_assert_cmpfloat (ABS (gtk_adjustment_get_value (adjustment) - before), <, 100);
  }

  /* The last card, far down: selected, scrolled to and focused. */
  gtk_widget_grab_focus (GTK_WIDGET (stw_board_column_get_list_view (todo)));
  stw_board_view_select_item (fixture->board, last_id);
  assert_focus_on (fixture, last_id);
  g_assert_cmpuint (count_rows (todo), <=, 250);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  /* And it moves like any other. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-up", NULL);
  iterate ();
  g_assert_cmpint (stw_board_column_get_item_id (todo, 10001), ==, last_id);
  assert_focus_on (fixture, last_id);
}

/* The board's default order puts what is due first (undated last); the
 * manual order is a choice remembered per workstream. In due-date order a
 * drop changes the column only (issue 9, point 14). */
static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  StwBoardColumn *todo = _stw_board_view_get_column (fixture->board, STW_STATUS_TODO);
  StwBoardColumn *doing = _stw_board_view_get_column (fixture->board, STW_STATUS_IN_PROGRESS);
  g_autofree char *key = g_strdup_printf ("board-order:%" G_GINT64_FORMAT, fixture->workstream_id);
  g_autofree char *setting = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(StwItem) moved = NULL;
  StwBoardCard *card;
  guint n_messages;
  gint64 later, earliest;

  /* Added last, but one is due long after the others and one before. */
  later = add_item (fixture, "Monthly log review", STW_STATUS_TODO, "2028-01-31");
  earliest = add_item (fixture, "Patch the mail servers", STW_STATUS_TODO, "2027-01-05");
  run_frames ();

  g_assert_cmpstr (stw_board_view_get_order (fixture->board), ==, "due");
  shown = board_column (fixture, STW_STATUS_TODO);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              earliest, fixture->ids[0], fixture->ids[1], later, fixture->ids[2]);
  g_assert_cmpstr (shown, ==, expected);
  g_clear_pointer (&shown, g_free);
  g_clear_pointer (&expected, g_free);

  /* Overdue stands out on the card. */
  card = find_card (todo, earliest);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "card-overdue"));

  /* No places to move a card to within a date order. */
  stw_board_view_select_item (fixture->board, fixture->ids[1]);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-up", NULL)
                  && stw_board_column_find (todo, fixture->ids[1]) != 2);
  g_assert_cmpint (stw_board_column_find (todo, fixture->ids[1]), ==, 2);

  /* A drop between cards of the same column changes nothing… */
  n_messages = fixture->messages->len;
  stw_board_column_drop_at (todo, later, 0);
  iterate ();
  g_assert_cmpuint (fixture->messages->len, ==, n_messages);
  g_assert_cmpint (stw_board_column_find (todo, later), ==, 3);

  /* …and into another column, the status only: it stands by its date. */
  stw_board_column_drop_at (doing, later, 0);
  iterate ();
  moved = load (fixture, later);
  g_assert_cmpint (stw_item_get_status (moved), ==, STW_STATUS_IN_PROGRESS);
  g_assert_cmpint (stw_board_column_find (doing, fixture->ids[3]), ==, 0);
  g_assert_cmpint (stw_board_column_find (doing, later), ==, 1);

  /* The manual order on request, remembered for the workstream. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.order", "s", "manual"));
  iterate ();
  g_assert_cmpstr (stw_board_view_get_order (fixture->board), ==, "manual");
  shown = board_column (fixture, STW_STATUS_TODO);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              fixture->ids[0], fixture->ids[1], fixture->ids[2], earliest);
  g_assert_cmpstr (shown, ==, expected);
  g_clear_pointer (&shown, g_free);
  setting = stw_workspace_dup_setting (fixture->workspace, key);
  g_assert_cmpstr (setting, ==, "manual");
  g_clear_pointer (&setting, g_free);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->board), GTK_TYPE_LABEL, "Manual order"));

  stw_board_view_set_workstream (fixture->board, NULL, NULL, 0);
  g_assert_cmpstr (stw_board_view_get_order (fixture->board), ==, "due");
  stw_board_view_set_workstream (fixture->board, fixture->workspace, fixture->undo, fixture->workstream_id);
  g_assert_cmpstr (stw_board_view_get_order (fixture->board), ==, "manual");
  shown = board_column (fixture, STW_STATUS_TODO);
  g_assert_cmpstr (shown, ==, expected);

  stw_board_view_set_order (fixture->board, "due");
  setting = stw_workspace_dup_setting (fixture->workspace, key);
  g_assert_cmpstr (setting, ==, "due");
  g_assert_cmpint (stw_board_column_find (todo, earliest), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->board), GTK_TYPE_LABEL, "Due first"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = make_test_home ("board");
  g_setenv ("STEWARD_TODAY", TODAY, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/board/due-state", test_due_state);
  g_test_add_func ("/board/drop-position", test_drop_position);
  g_test_add ("/board/columns", Fixture, NULL, fixture_set_up, test_columns, fixture_tear_down);
  g_test_add ("/board/keyboard-moves", Fixture, NULL, fixture_set_up, test_keyboard_moves, fixture_tear_down);
  g_test_add ("/board/close-to-done", Fixture, NULL, fixture_set_up, test_close_to_done, fixture_tear_down);
  g_test_add ("/board/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/board/activate", Fixture, NULL, fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/board/focus-across", Fixture, NULL, fixture_set_up, test_focus_across, fixture_tear_down);
  g_test_add ("/board/large-column", Fixture, NULL, fixture_set_up, test_large_column, fixture_tear_down);
  g_test_add ("/board/order", Fixture, "due", fixture_set_up, test_order, fixture_tear_down);

  status = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);

  return status;
}
