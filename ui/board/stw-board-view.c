/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-board-view.c: the Board view of a workstream. One column per status,
 * each over its own lazy item model, ordered by due date (what is due
 * first on top, undated last) or, on request, in the manual board order;
 * cards move between and within columns by dragging or with the move
 * actions, every move goes through stw_workspace_move_item() and onto the
 * window's undo stack, and a move into Done asks for the closure note
 * first.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-board-card.h"
#include "stw-board-view-private.h"
#include "stw-closing.h"
#include "stw-closure-dialog.h"
#include "stw-item-model.h"

/* Space around the columns (as in style.css), kept in view when scrolling
 * to one. */
#define COLUMN_GAP 12

struct _StwBoardView
{
  GtkWidget       parent_instance;

  StwWorkspace   *workspace;
  StwUndoStack   *undo;
  gint64          workstream_id;
  gboolean        show_cancelled;
  gboolean        manual_order;     /* else by due date */
  gint64          selected_id;
  guint           syncing;
  /* Bumped whenever the board shows something else, so an answer to a
   * closure dialog asked for before is dropped. */
  guint           generation;
  GCancellable   *closing;
  guint           reveal_tick;
  guint           reveal_ticks;

  StwBoardColumn *columns[STW_N_STATUSES];

  GtkScrolledWindow *scroller;
  GtkBox         *columns_box;
  GtkLabel       *order_label;
};

/* A move waiting for its closure note. */
typedef struct {
  StwBoardView *self;
  guint         generation;
  gint64        item_id;
  StwStatus     status;
  gint64        before_id;
} MoveRequest;

G_DEFINE_FINAL_TYPE (StwBoardView, stw_board_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_CANCELLED,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEM_ACTIVATED,
  CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
move_request_free (MoveRequest *request)
{
  g_object_unref (request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MoveRequest, move_request_free)

/* Helpers */

static gboolean
column_shown (StwBoardView *self,
              StwStatus     status)
{
  return status != STW_STATUS_CANCELLED || self->show_cancelled;
}

static StwBoardColumn *
column_for_item (StwBoardView *self,
                 gint64        item_id,
                 int          *position)
{
  for (guint s = 0; s < STW_N_STATUSES; s++)
    {
      int found = stw_board_column_find (self->columns[s], item_id);

      if (found >= 0)
        {
          if (position != NULL)
            *position = found;
          return self->columns[s];
        }
    }

  return NULL;
}

/* The next shown column after @status in @direction (-1 or 1), or -1. */
static int
neighbour_status (StwBoardView *self,
                  StwStatus     status,
                  int           direction)
{
  for (int s = (int) status + direction; s >= 0 && s < STW_N_STATUSES; s += direction)
    if (column_shown (self, s))
      return s;

  return -1;
}

static void
update_actions (StwBoardView *self)
{
  StwBoardColumn *column = NULL;
  StwStatus status = STW_STATUS_TODO;
  int position = -1;

  if (self->selected_id != 0)
    column = column_for_item (self, self->selected_id, &position);
  if (column != NULL)
    status = stw_board_column_get_status (column);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-left",
                                 column != NULL && neighbour_status (self, status, -1) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-right",
                                 column != NULL && neighbour_status (self, status, 1) >= 0);
  /* In due-date order a card's place is its date: only the manual order
   * has places to move it to. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-up",
                                 self->manual_order && column != NULL && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-down",
                                 self->manual_order && column != NULL
                                 && (guint) position + 1 < stw_board_column_get_n_items (column));
}

static void
emit_error (StwBoardView *self,
            const GError *error)
{
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

static char *
dup_setting_key (StwBoardView *self)
{
  return g_strdup_printf ("board-show-cancelled:%" G_GINT64_FORMAT, self->workstream_id);
}

static char *
dup_order_key (StwBoardView *self)
{
  return g_strdup_printf ("board-order:%" G_GINT64_FORMAT, self->workstream_id);
}

/* Gives each shown column its model; the Cancelled column reads nothing
 * until it is shown. */
static void
load_columns (StwBoardView *self)
{
  for (guint s = 0; s < STW_N_STATUSES; s++)
    {
      g_autoptr(GListModel) items = NULL;
      g_autoptr(GError) error = NULL;

      gtk_widget_set_visible (GTK_WIDGET (self->columns[s]), column_shown (self, s));
      if (self->workspace != NULL && column_shown (self, s))
        {
          GListModel *current = stw_board_column_get_model (self->columns[s]);
          StwItemFilter filter;

          if (current != NULL && STW_IS_ITEM_MODEL (current) &&
              stw_item_model_get_workstream_id (STW_ITEM_MODEL (current)) == self->workstream_id)
            continue;

          stw_item_filter_init (&filter, self->workstream_id);
          filter.statuses = STW_STATUS_MASK (s);
          filter.sort = self->manual_order ? STW_ITEM_SORT_POSITION : STW_ITEM_SORT_DUE;
          items = stw_workspace_filter_items (self->workspace, &filter, &error);
          if (items == NULL)
            emit_error (self, error);
        }
      stw_board_column_set_model (self->columns[s], items);
    }
}

static void
scroll_to_column (StwBoardView   *self,
                  StwBoardColumn *column)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->columns_box));
  graphene_rect_t bounds;
  double left, right, page;

  /* In the viewport's coordinates: 0 is the left edge of what shows. */
  if (!gtk_widget_compute_bounds (GTK_WIDGET (column), viewport, &bounds))
    return;

  /* Keep the gap around the column in view too. */
  left = bounds.origin.x - COLUMN_GAP;
  right = bounds.origin.x + bounds.size.width + COLUMN_GAP;
  page = gtk_adjustment_get_page_size (adjustment);
  if (left < 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + left);
  else if (right > page)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + right - page);
}

static gboolean
focus_is_inside (StwBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
}

static void
select_item (StwBoardView *self,
             gint64        item_id,
             gboolean      focus)
{
  StwBoardColumn *column;
  int position = -1;

  column = column_for_item (self, item_id, &position);
  if (column == NULL && self->workspace != NULL && !self->show_cancelled)
    {
      g_autoptr(StwItem) item = stw_workspace_load_item (self->workspace, item_id, NULL);

      if (item != NULL && stw_item_get_workstream_id (item) == self->workstream_id &&
          stw_item_get_status (item) == STW_STATUS_CANCELLED)
        {
          stw_board_view_set_show_cancelled (self, TRUE);
          column = column_for_item (self, item_id, &position);
        }
    }
  if (column == NULL)
    return;

  scroll_to_column (self, column);
  stw_board_column_select_position (column, position, focus);
}

static char *
describe_move (StwItem   *before,
               StwStatus  status,
               int        old_position,
               int        new_position)
{
  const char *ref = stw_item_get_ref (before);

  if (stw_item_get_status (before) != status)
    /* Translators: a toast, "T-004 moved to In progress". */
    return g_strdup_printf (_("%s moved to %s"), ref, stw_status_label (status));
  if (new_position < old_position)
    /* Translators: a toast, "T-004 moved up in To do". */
    return g_strdup_printf (_("%s moved up in %s"), ref, stw_status_label (status));
  /* Translators: a toast, "T-004 moved down in To do". */
  return g_strdup_printf (_("%s moved down in %s"), ref, stw_status_label (status));
}

/* Records why @item_id has no evidence and then moves it, in one
 * transaction: closing it needs the reason already there. */
static gboolean
move_item_with_reason (StwBoardView  *self,
                       gint64         item_id,
                       StwStatus      status,
                       gint64         before_id,
                       const char    *closure_note,
                       const char    *no_evidence_reason,
                       gint64        *undo_before_id,
                       GError       **error)
{
  g_autoptr(StwItem) item = NULL;
  gboolean ok;

  if (no_evidence_reason == NULL)
    return stw_workspace_move_item (self->workspace, item_id, status, before_id, closure_note,
                                    undo_before_id, error);

  if (!stw_workspace_begin (self->workspace, error))
    return FALSE;
  item = stw_workspace_load_item (self->workspace, item_id, error);
  ok = item != NULL;
  if (ok)
    {
      stw_item_set_no_evidence_reason (item, no_evidence_reason);
      ok = stw_workspace_update_item (self->workspace, item, error);
    }
  ok = ok && stw_workspace_move_item (self->workspace, item_id, status, before_id, closure_note,
                                      undo_before_id, error);
  if (ok)
    return stw_workspace_commit (self->workspace, error);
  stw_workspace_rollback (self->workspace);
  return FALSE;
}

/* Moves now (the closure note and the reason for having no evidence, if
 * any, are known), pushes the move on the undo stack and keeps the card
 * selected and focused at its new place. */
static gboolean
move_item (StwBoardView *self,
           gint64        item_id,
           StwStatus     status,
           gint64        before_id,
           const char   *closure_note,
           const char   *no_evidence_reason)
{
  g_autoptr(StwItem) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  StwBoardColumn *column;
  gint64 undo_before_id = 0;
  int old_position = -1;
  int new_position = -1;

  before = stw_workspace_load_item (self->workspace, item_id, &error);
  if (before == NULL)
    {
      emit_error (self, error);
      return FALSE;
    }
  column_for_item (self, item_id, &old_position);

  if (!move_item_with_reason (self, item_id, status, before_id, closure_note, no_evidence_reason,
                              &undo_before_id, &error))
    {
      emit_error (self, error);
      return FALSE;
    }
  if (self->undo != NULL)
    stw_undo_stack_push_move (self->undo, before, undo_before_id);

  column = column_for_item (self, item_id, &new_position);
  self->selected_id = item_id;
  if (column != NULL)
    {
      scroll_to_column (self, column);
      stw_board_column_select_position (column, new_position, TRUE);
    }
  update_actions (self);

  message = describe_move (before, status, old_position, new_position);
  g_signal_emit (self, signals[CHANGED], 0, message);

  return TRUE;
}

static void closure_answered_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data);

/* A move into Done waits for the closure note (and, where evidence is
 * required and missing, the reason); cancelling it changes nothing. A close
 * the workspace refuses anyway is tried straight away, so its message says
 * what is missing before anything is typed. */
static void
request_move (StwBoardView *self,
              gint64        item_id,
              StwStatus     status,
              gint64        before_id)
{
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GError) error = NULL;
  MoveRequest *request;

  if (self->workspace == NULL)
    return;

  item = stw_workspace_load_item (self->workspace, item_id, &error);
  if (item == NULL)
    {
      emit_error (self, error);
      return;
    }
  if (stw_item_get_workstream_id (item) != self->workstream_id)
    return;

  if (status != STW_STATUS_DONE || stw_item_get_status (item) == STW_STATUS_DONE
      || stw_closing_is_refused (item))
    {
      move_item (self, item_id, status, before_id, NULL, NULL);
      return;
    }

  g_cancellable_cancel (self->closing);
  g_clear_object (&self->closing);
  self->closing = g_cancellable_new ();

  request = g_new0 (MoveRequest, 1);
  request->self = g_object_ref (self);
  request->generation = self->generation;
  request->item_id = item_id;
  request->status = status;
  request->before_id = before_id;
  stw_closure_dialog_ask_item (GTK_WIDGET (self), self->workspace, item,
                               stw_item_get_closure_note (item),
                               stw_closing_needs_reason (self->workspace, item), NULL,
                               self->closing, closure_answered_cb, request);
}

/* Moves the selected card one column in @direction, to the column's end. */
static void
move_selected_across (StwBoardView *self,
                      int           direction)
{
  StwBoardColumn *column = column_for_item (self, self->selected_id, NULL);
  int target;

  if (column == NULL)
    return;
  target = neighbour_status (self, stw_board_column_get_status (column), direction);
  if (target < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  request_move (self, self->selected_id, (StwStatus) target, 0);
}

/* Moves the selected card one place in @direction within its column. */
static void
move_selected_along (StwBoardView *self,
                     int           direction)
{
  StwBoardColumn *column;
  int position = -1;
  guint n;
  gint64 before_id;

  column = column_for_item (self, self->selected_id, &position);
  if (column == NULL || !self->manual_order)
    return;
  n = stw_board_column_get_n_items (column);
  if ((direction < 0 && position == 0) || (direction > 0 && (guint) position + 1 >= n))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* Up: before the card above. Down: before the card after the next one,
   * or to the end. */
  before_id = direction < 0 ? stw_board_column_get_item_id (column, position - 1)
                            : stw_board_column_get_item_id (column, position + 2);
  request_move (self, self->selected_id, stw_board_column_get_status (column), before_id);
}

/* The column whose list holds the keyboard focus, and the focused row. */
static StwBoardColumn *
focused_column (StwBoardView  *self,
                GtkWidget    **row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL)
    return NULL;

  for (guint s = 0; s < STW_N_STATUSES; s++)
    {
      GtkWidget *list = GTK_WIDGET (stw_board_column_get_list_view (self->columns[s]));

      if (focus == list || gtk_widget_is_ancestor (focus, list))
        {
          *row = focus;
          return self->columns[s];
        }
    }

  return NULL;
}

static void
update_order_label (StwBoardView *self)
{
  gtk_label_set_label (self->order_label, self->manual_order ? _("Manual order") : _("Due first"));
}

/* Callbacks */

static gboolean
cancelled_shown_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  StwBoardView *self = STW_BOARD_VIEW (widget);

  /* The first tick comes before the column's first layout. */
  if (self->reveal_ticks++ == 0)
    return G_SOURCE_CONTINUE;

  scroll_to_column (self, self->columns[STW_STATUS_CANCELLED]);
  self->reveal_tick = 0;

  return G_SOURCE_REMOVE;
}

static void
closure_answered_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MoveRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;
  StwBoardView *self = request->self;

  if (!stw_closure_dialog_ask_full_finish (result, &note, &reason, &error)
      || request->generation != self->generation || self->workspace == NULL)
    return;

  move_item (self, request->item_id, request->status, request->before_id, note, reason);
}

static void
card_activated_cb (StwBoardColumn *column,
                   gint64          item_id,
                   StwBoardView   *self)
{
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item_id);
}

static void
card_dropped_cb (StwBoardColumn *column,
                 gint64          item_id,
                 guint           position,
                 StwBoardView   *self)
{
  StwBoardColumn *origin;
  int old_position = -1;
  gint64 before_id;

  /* Only cards of this board: an id from elsewhere means nothing here. */
  origin = column_for_item (self, item_id, &old_position);
  if (origin == NULL)
    return;

  /* In due-date order the place of a drop means nothing (a card stands
   * where its date puts it), so a drop changes the status only and the
   * card keeps its manual place at the end of its new column. Switching
   * to the manual order instead would reshuffle the whole board under the
   * pointer; the order is the person's choice, in the board's header. */
  if (!self->manual_order)
    {
      if (origin != column)
        request_move (self, item_id, stw_board_column_get_status (column), 0);
      return;
    }

  before_id = stw_board_column_get_item_id (column, position);
  if (origin == column && (before_id == item_id || position == (guint) old_position + 1))
    return;

  request_move (self, item_id, stw_board_column_get_status (column), before_id);
}

static void
column_selection_changed_cb (StwBoardColumn *column,
                             StwBoardView   *self)
{
  gint64 selected;

  if (self->syncing > 0)
    return;

  selected = stw_board_column_get_selected_id (column);
  if (selected != 0)
    {
      /* One card selected on the whole board. */
      self->syncing++;
      for (guint s = 0; s < STW_N_STATUSES; s++)
        if (self->columns[s] != column)
          stw_board_column_unselect (self->columns[s]);
      self->syncing--;
      self->selected_id = selected;
    }
  else
    {
      self->selected_id = 0;
      for (guint s = 0; s < STW_N_STATUSES && self->selected_id == 0; s++)
        self->selected_id = stw_board_column_get_selected_id (self->columns[s]);
    }

  update_actions (self);
}

static void
move_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StwBoardView *self = STW_BOARD_VIEW (widget);

  if (self->workspace == NULL || self->selected_id == 0)
    return;

  if (g_str_equal (action_name, "board.move-left"))
    move_selected_across (self, -1);
  else if (g_str_equal (action_name, "board.move-right"))
    move_selected_across (self, 1);
  else if (g_str_equal (action_name, "board.move-up"))
    move_selected_along (self, -1);
  else if (g_str_equal (action_name, "board.move-down"))
    move_selected_along (self, 1);
}

/* Left and Right without modifiers go to the nearest card of the
 * neighbouring column (a vertical list view has no use for them). */
static gboolean
focus_across_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  return _stw_board_view_focus_across (STW_BOARD_VIEW (widget), GPOINTER_TO_INT (user_data));
}

/* Overrides */


static void
stw_board_view_dispose (GObject *object)
{
  StwBoardView *self = STW_BOARD_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->closing);
  g_clear_object (&self->closing);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  for (guint s = 0; s < STW_N_STATUSES; s++)
    if (self->columns[s] != NULL)
      stw_board_column_set_model (self->columns[s], NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_BOARD_VIEW);
  /* Children without an id in the template are not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (stw_board_view_parent_class)->dispose (object);
}

static void
stw_board_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StwBoardView *self = STW_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_CANCELLED:
      g_value_set_boolean (value, self->show_cancelled);
      break;

    case PROP_ORDER:
      g_value_set_string (value, stw_board_view_get_order (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_board_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  StwBoardView *self = STW_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_CANCELLED:
      stw_board_view_set_show_cancelled (self, g_value_get_boolean (value));
      break;

    case PROP_ORDER:
      stw_board_view_set_order (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  const char     *action_name)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_ALT_MASK | GDK_SHIFT_MASK, action_name, NULL);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, GDK_ALT_MASK | GDK_SHIFT_MASK, action_name, NULL);
}

static void
stw_board_view_class_init (StwBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_board_view_dispose;
  object_class->get_property = stw_board_view_get_property;
  object_class->set_property = stw_board_view_set_property;

  properties[PROP_SHOW_CANCELLED] =
    g_param_spec_boolean ("show-cancelled", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORDER] =
    g_param_spec_string ("order", NULL, NULL,
                         "due",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StwBoardView, scroller);
  gtk_widget_class_bind_template_child (widget_class, StwBoardView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, StwBoardView, order_label);

  gtk_widget_class_install_action (widget_class, "board.move-left", NULL, move_activated_cb);
  gtk_widget_class_install_action (widget_class, "board.move-right", NULL, move_activated_cb);
  gtk_widget_class_install_action (widget_class, "board.move-up", NULL, move_activated_cb);
  gtk_widget_class_install_action (widget_class, "board.move-down", NULL, move_activated_cb);
  gtk_widget_class_install_property_action (widget_class, "board.show-cancelled", "show-cancelled");
  gtk_widget_class_install_property_action (widget_class, "board.order", "order");

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, "board.move-left");
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, "board.move-right");
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, "board.move-up");
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, "board.move-down");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardview");
}

static void
stw_board_view_init (StwBoardView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint s = 0; s < STW_N_STATUSES; s++)
    {
      self->columns[s] = STW_BOARD_COLUMN (stw_board_column_new (s));
      g_signal_connect_object (self->columns[s], "card-activated", G_CALLBACK (card_activated_cb), self, 0);
      g_signal_connect_object (self->columns[s], "card-dropped", G_CALLBACK (card_dropped_cb), self, 0);
      g_signal_connect_object (self->columns[s], "selection-changed",
                               G_CALLBACK (column_selection_changed_cb), self, 0);
      gtk_box_append (self->columns_box, GTK_WIDGET (self->columns[s]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->columns[STW_STATUS_CANCELLED]), FALSE);
  update_order_label (self);

  /* Before the list views see the keys. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, 0),
                                                          gtk_callback_action_new (focus_across_cb, GINT_TO_POINTER (-1), NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Right, 0),
                                                          gtk_callback_action_new (focus_across_cb, GINT_TO_POINTER (1), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_actions (self);
}

/* Public API */

GtkWidget *
stw_board_view_new (void)
{
  return g_object_new (STW_TYPE_BOARD_VIEW, NULL);
}

void
stw_board_view_set_workstream (StwBoardView *self,
                               StwWorkspace *workspace,
                               StwUndoStack *undo,
                               gint64        workstream_id)
{
  gboolean show_cancelled = FALSE;
  gboolean manual_order = FALSE;

  g_return_if_fail (STW_IS_BOARD_VIEW (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));
  g_return_if_fail (undo == NULL || STW_IS_UNDO_STACK (undo));

  if (workspace == NULL)
    workstream_id = 0;
  if (self->workspace == workspace && self->undo == undo && self->workstream_id == workstream_id)
    return;

  self->generation++;
  g_cancellable_cancel (self->closing);
  g_clear_object (&self->closing);

  if (self->workspace != workspace || self->workstream_id != workstream_id)
    for (guint s = 0; s < STW_N_STATUSES; s++)
      stw_board_column_set_model (self->columns[s], NULL);

  g_set_object (&self->workspace, workspace);
  g_set_object (&self->undo, undo);
  self->workstream_id = workstream_id;
  self->selected_id = 0;

  if (workspace != NULL)
    {
      g_autofree char *key = dup_setting_key (self);
      g_autofree char *value = stw_workspace_dup_setting (workspace, key);

      g_autofree char *order_key = dup_order_key (self);
      g_autofree char *order = stw_workspace_dup_setting (workspace, order_key);

      show_cancelled = g_strcmp0 (value, "true") == 0;
      manual_order = g_strcmp0 (order, "manual") == 0;
    }
  if (self->show_cancelled != show_cancelled)
    {
      self->show_cancelled = show_cancelled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CANCELLED]);
    }
  if (self->manual_order != manual_order)
    {
      /* The columns read their items again, in the other order. */
      for (guint s = 0; s < STW_N_STATUSES; s++)
        stw_board_column_set_model (self->columns[s], NULL);
      self->manual_order = manual_order;
      update_order_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
    }

  load_columns (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scroller), 0);
  update_actions (self);
}

void
stw_board_view_select_item (StwBoardView *self,
                            gint64        item_id)
{
  g_return_if_fail (STW_IS_BOARD_VIEW (self));

  if (item_id <= 0)
    {
      for (guint s = 0; s < STW_N_STATUSES; s++)
        stw_board_column_unselect (self->columns[s]);
      return;
    }

  select_item (self, item_id, focus_is_inside (self));
}

gboolean
stw_board_view_focus_card (StwBoardView *self)
{
  g_return_val_if_fail (STW_IS_BOARD_VIEW (self), FALSE);

  if (self->selected_id != 0 && column_for_item (self, self->selected_id, NULL) != NULL)
    {
      select_item (self, self->selected_id, TRUE);
      return TRUE;
    }

  for (guint s = 0; s < STW_N_STATUSES; s++)
    if (column_shown (self, s) && stw_board_column_get_n_items (self->columns[s]) > 0)
      {
        scroll_to_column (self, self->columns[s]);
        stw_board_column_select_position (self->columns[s], 0, TRUE);
        return TRUE;
      }

  return FALSE;
}

gint64
stw_board_view_get_selected_item (StwBoardView *self)
{
  g_return_val_if_fail (STW_IS_BOARD_VIEW (self), 0);

  return self->selected_id;
}

gboolean
stw_board_view_get_show_cancelled (StwBoardView *self)
{
  g_return_val_if_fail (STW_IS_BOARD_VIEW (self), FALSE);

  return self->show_cancelled;
}

void
stw_board_view_set_show_cancelled (StwBoardView *self,
                                   gboolean      show_cancelled)
{
  g_return_if_fail (STW_IS_BOARD_VIEW (self));

  show_cancelled = !!show_cancelled;
  if (self->show_cancelled == show_cancelled)
    return;

  self->show_cancelled = show_cancelled;
  if (!show_cancelled)
    stw_board_column_unselect (self->columns[STW_STATUS_CANCELLED]);
  load_columns (self);
  /* Bring the column just shown into view on a narrow window. */
  if (show_cancelled && self->reveal_tick == 0)
    {
      self->reveal_ticks = 0;
      self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), cancelled_shown_cb, NULL, NULL);
    }
  update_actions (self);

  if (self->workspace != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = dup_setting_key (self);

      if (!stw_workspace_set_setting (self->workspace, key, show_cancelled ? "true" : "false", &error))
        emit_error (self, error);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CANCELLED]);
}

const char *
stw_board_view_get_order (StwBoardView *self)
{
  g_return_val_if_fail (STW_IS_BOARD_VIEW (self), NULL);

  return self->manual_order ? "manual" : "due";
}

void
stw_board_view_set_order (StwBoardView *self,
                          const char   *order)
{
  gint64 selected;
  gboolean manual;

  g_return_if_fail (STW_IS_BOARD_VIEW (self));

  manual = g_strcmp0 (order, "manual") == 0;
  if (self->manual_order == manual)
    return;

  selected = self->selected_id;
  self->manual_order = manual;
  for (guint s = 0; s < STW_N_STATUSES; s++)
    stw_board_column_set_model (self->columns[s], NULL);
  load_columns (self);
  update_order_label (self);
  /* The selected card stays selected, wherever the new order puts it. */
  if (selected != 0)
    select_item (self, selected, focus_is_inside (self));
  update_actions (self);

  if (self->workspace != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = dup_order_key (self);

      if (!stw_workspace_set_setting (self->workspace, key, manual ? "manual" : "due", &error))
        emit_error (self, error);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

/* Private API */

StwBoardColumn *
_stw_board_view_get_column (StwBoardView *self,
                            StwStatus     status)
{
  g_return_val_if_fail (STW_IS_BOARD_VIEW (self), NULL);
  g_return_val_if_fail (status < STW_N_STATUSES, NULL);

  return self->columns[status];
}

gboolean
_stw_board_view_focus_across (StwBoardView *self,
                              int           direction)
{
  GtkWidget *row = NULL;
  StwBoardColumn *column = focused_column (self, &row);
  graphene_rect_t bounds;
  double y = 0;

  if (column == NULL)
    return FALSE;
  if (gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
    y = bounds.origin.y + bounds.size.height / 2;

  for (int s = neighbour_status (self, stw_board_column_get_status (column), direction);
       s >= 0;
       s = neighbour_status (self, s, direction))
    {
      graphene_point_t in_board = GRAPHENE_POINT_INIT (0, (float) y);
      graphene_point_t in_column;

      if (stw_board_column_get_n_items (self->columns[s]) == 0)
        continue;
      scroll_to_column (self, self->columns[s]);
      if (gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->columns[s]), &in_board, &in_column) &&
          stw_board_column_focus_nearest (self->columns[s], in_column.y))
        return TRUE;
    }

  gtk_widget_error_bell (GTK_WIDGET (self));

  return TRUE;
}
