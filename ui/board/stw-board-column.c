/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-board-column.c: one status column of the board. The cards are a
 * GtkListView over the workspace's lazy item model, so a column of ten
 * thousand cards costs only the rows on screen. The column is where cards
 * are dropped: it works out the drop position from the cards as laid out,
 * draws a line there while a card hovers, and scrolls when the pointer
 * nears its top or bottom edge.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-board-card.h"
#include "stw-board-column.h"
#include "stw-item-model.h"

/* Distance from an edge within which a hovering card scrolls the column,
 * and the fastest speed, in pixels per second. */
#define AUTOSCROLL_EDGE 48.0
#define AUTOSCROLL_SPEED 900.0
/* Frames to wait for a row to be laid out before giving up on focusing it. */
#define FOCUS_TRIES 10

struct _StwBoardColumn
{
  GtkWidget           parent_instance;

  StwStatus           status;
  GListModel         *model;
  GtkSingleSelection *selection;

  /* A pending focus on a row that is not laid out yet. */
  guint               focus_tick;
  guint               focus_position;
  guint               focus_tries;
  gboolean            focus_grab;

  /* While a card hovers. */
  guint               scroll_tick;
  gint64              scroll_last_time;
  double              hover_y;

  GtkWidget          *header;
  GtkLabel           *title_label;
  GtkLabel           *count_label;
  GtkWidget          *hide_button;
  GtkWidget          *overlay;
  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GtkWidget          *drop_line;
};

G_DEFINE_FINAL_TYPE (StwBoardColumn, stw_board_column, GTK_TYPE_WIDGET)

enum {
  CARD_ACTIVATED,
  CARD_DROPPED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GtkListItem *
card_list_item (GtkWidget *card)
{
  return g_object_get_data (G_OBJECT (card), "stw-list-item");
}

/* The rows of the list view that are on screen, with their cards. */
static GPtrArray *
visible_cards (StwBoardColumn *self)
{
  GPtrArray *cards = g_ptr_array_new ();
  graphene_rect_t view;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->scroller), GTK_WIDGET (self->scroller), &view))
    return cards;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);
      graphene_rect_t bounds;

      if (card == NULL || !STW_IS_BOARD_CARD (card) || card_list_item (card) == NULL ||
          stw_board_card_get_item (STW_BOARD_CARD (card)) == NULL ||
          !gtk_widget_get_child_visible (row) || !gtk_widget_get_mapped (row))
        continue;
      if (!gtk_widget_compute_bounds (row, GTK_WIDGET (self->scroller), &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 ||
          bounds.origin.y >= view.size.height)
        continue;
      g_ptr_array_add (cards, card);
    }

  return cards;
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const StwBoardSlot *sa = a, *sb = b;

  return (sa->top > sb->top) - (sa->top < sb->top);
}

/* Slots of the visible cards in @target's coordinates, top first. */
static GArray *
collect_slots (StwBoardColumn *self,
               GtkWidget      *target)
{
  g_autoptr(GPtrArray) cards = visible_cards (self);
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (StwBoardSlot));

  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);
      GtkWidget *row = gtk_widget_get_parent (card);
      graphene_rect_t bounds;
      StwBoardSlot slot;

      if (!gtk_widget_compute_bounds (row, target, &bounds))
        continue;
      slot.top = bounds.origin.y;
      slot.height = bounds.size.height;
      slot.position = gtk_list_item_get_position (card_list_item (card));
      g_array_append_val (slots, slot);
    }
  g_array_sort (slots, compare_slots);

  return slots;
}

static GtkWidget *
find_row (StwBoardColumn *self,
          guint           position)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (card != NULL && STW_IS_BOARD_CARD (card) && card_list_item (card) != NULL &&
          gtk_list_item_get_position (card_list_item (card)) == position &&
          gtk_widget_get_mapped (row))
        return row;
    }

  return NULL;
}

static gboolean
row_fully_shown (StwBoardColumn *self,
                 GtkWidget      *row)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (row, GTK_WIDGET (self->scroller), &bounds))
    return FALSE;

  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (self->scroller));
}

static void
update_count (StwBoardColumn *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n);
  /* Translators: the list of one board column, such as "To do, 12 items". */
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u item", "%s, %u items", n),
                                            stw_status_label (self->status), n);

  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
hide_drop_line (StwBoardColumn *self)
{
  gtk_widget_set_visible (self->drop_line, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}

static void
show_drop_line (StwBoardColumn *self,
                double          y)
{
  graphene_point_t in_column = GRAPHENE_POINT_INIT (0, (float) y);
  graphene_point_t in_overlay;
  double line_y;
  int height = gtk_widget_get_height (self->overlay);

  if (!gtk_widget_compute_point (GTK_WIDGET (self), self->overlay, &in_column, &in_overlay))
    return;

  if (stw_board_column_get_n_items (self) == 0)
    line_y = 0;
  else
    {
      g_autoptr(GArray) slots = collect_slots (self, self->overlay);

      stw_board_drop_position ((StwBoardSlot *) (void *) slots->data, slots->len,
                               stw_board_column_get_n_items (self), in_overlay.y, &line_y);
    }

  /* The line is centred on the gap between two cards. */
  line_y = CLAMP (line_y - 2, 0, MAX (0, height - 4));
  gtk_widget_set_margin_top (self->drop_line, (int) line_y);
  gtk_widget_set_visible (self->drop_line, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");
}

static void
stop_autoscroll (StwBoardColumn *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
}

/* Speed (pixels per second, negative up) for a card hovering at @y. */
static double
autoscroll_speed (StwBoardColumn *self,
                  double          y)
{
  graphene_point_t in_column = GRAPHENE_POINT_INIT (0, (float) y);
  graphene_point_t in_scroller;
  double height = gtk_widget_get_height (GTK_WIDGET (self->scroller));

  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->scroller), &in_column, &in_scroller))
    return 0;
  if (in_scroller.y < AUTOSCROLL_EDGE)
    return -AUTOSCROLL_SPEED * (AUTOSCROLL_EDGE - MAX (in_scroller.y, 0)) / AUTOSCROLL_EDGE;
  if (in_scroller.y > height - AUTOSCROLL_EDGE)
    return AUTOSCROLL_SPEED * (MIN (in_scroller.y, height) - (height - AUTOSCROLL_EDGE)) / AUTOSCROLL_EDGE;
  return 0;
}

/* Only cards of this board can be dropped here: the same item id in
 * another window may belong to another workspace. */
static gboolean
drop_is_ours (StwBoardColumn *self,
              GtkDropTarget  *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GdkDrag *drag = drop != NULL ? gdk_drop_get_drag (drop) : NULL;
  GtkWidget *origin = drag != NULL ? g_object_get_data (G_OBJECT (drag), "stw-board-column") : NULL;

  return origin != NULL && gtk_widget_get_parent (origin) == gtk_widget_get_parent (GTK_WIDGET (self));
}

/* Callbacks */

static gboolean
autoscroll_ticked_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  StwBoardColumn *self = STW_BOARD_COLUMN (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double speed = autoscroll_speed (self, self->hover_y);
  double dt = (now - self->scroll_last_time) / (double) G_USEC_PER_SEC;

  self->scroll_last_time = now;
  if (speed == 0)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + speed * MIN (dt, 0.1));
  show_drop_line (self, self->hover_y);

  return G_SOURCE_CONTINUE;
}

static GdkDragAction
drop_entered_cb (GtkDropTarget  *target,
                 double          x,
                 double          y,
                 StwBoardColumn *self)
{
  if (!drop_is_ours (self, target))
    return 0;

  self->hover_y = y;
  show_drop_line (self, y);

  return GDK_ACTION_MOVE;
}

static GdkDragAction
drop_moved_cb (GtkDropTarget  *target,
               double          x,
               double          y,
               StwBoardColumn *self)
{
  if (!drop_is_ours (self, target))
    return 0;

  self->hover_y = y;
  show_drop_line (self, y);
  if (self->scroll_tick == 0 && autoscroll_speed (self, y) != 0)
    {
      self->scroll_last_time = g_get_monotonic_time ();
      self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_ticked_cb, NULL, NULL);
    }

  return GDK_ACTION_MOVE;
}

static void
drop_left_cb (GtkDropTarget  *target,
              StwBoardColumn *self)
{
  stop_autoscroll (self);
  hide_drop_line (self);
}

static gboolean
dropped_cb (GtkDropTarget  *target,
            const GValue   *value,
            double          x,
            double          y,
            StwBoardColumn *self)
{
  stop_autoscroll (self);
  hide_drop_line (self);

  if (!G_VALUE_HOLDS_INT64 (value) || g_value_get_int64 (value) <= 0 || !drop_is_ours (self, target))
    return FALSE;

  stw_board_column_drop_at (self, g_value_get_int64 (value), y);

  return TRUE;
}

static GdkContentProvider *
drag_prepared_cb (GtkDragSource *source,
                  double         x,
                  double         y,
                  StwBoardCard  *card)
{
  gint64 item_id = stw_board_card_get_item_id (card);

  if (item_id <= 0)
    return NULL;

  g_object_set_data (G_OBJECT (source), "stw-hot-x", GINT_TO_POINTER ((int) x));
  g_object_set_data (G_OBJECT (source), "stw-hot-y", GINT_TO_POINTER ((int) y));

  return gdk_content_provider_new_typed (G_TYPE_INT64, item_id);
}

static void
drag_began_cb (GtkDragSource *source,
               GdkDrag       *drag,
               StwBoardCard  *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (card));
  g_autoptr(GdkPaintable) icon = NULL;
  int x = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "stw-hot-x"));
  int y = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "stw-hot-y"));

  /* Snapshot the card as it is now, before it dims. */
  icon = gdk_paintable_get_current_image (paintable);
  gtk_drag_source_set_icon (source, icon, x, y);
  g_object_set_data_full (G_OBJECT (drag), "stw-board-column",
                          g_object_ref (gtk_widget_get_ancestor (GTK_WIDGET (card), STW_TYPE_BOARD_COLUMN)),
                          g_object_unref);
  gtk_widget_add_css_class (GTK_WIDGET (card), "dragging");
}

static void
drag_ended_cb (GtkDragSource *source,
               GdkDrag       *drag,
               gboolean       delete_data,
               StwBoardCard  *card)
{
  gtk_widget_remove_css_class (GTK_WIDGET (card), "dragging");
}

static void
card_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               StwBoardColumn           *self)
{
  GtkWidget *card = stw_board_card_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepared_cb), card, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_began_cb), card, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_ended_cb), card, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  /* The list item owns the card, so it outlives this pointer. */
  g_object_set_data (G_OBJECT (card), "stw-list-item", list_item);
  gtk_list_item_set_child (list_item, card);
}

static void
card_bound_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               StwBoardColumn           *self)
{
  g_autofree char *today = stw_date_today ();
  GtkWidget *card = gtk_list_item_get_child (list_item);
  GtkWidget *row = gtk_widget_get_parent (card);
  g_autofree char *name = NULL;

  stw_board_card_set_item (STW_BOARD_CARD (card), gtk_list_item_get_item (list_item), today);
  gtk_widget_remove_css_class (card, "dragging");

  /* The row is what takes the focus, so it carries the card's name for
   * screen readers too (GTK 4.8 has no API on the list item for this). */
  name = stw_board_card_dup_accessible_name (STW_BOARD_CARD (card));
  if (row != NULL && name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

static void
card_unbound_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 StwBoardColumn           *self)
{
  stw_board_card_set_item (STW_BOARD_CARD (gtk_list_item_get_child (list_item)), NULL, NULL);
}

static void
activated_cb (GtkListView    *list_view,
              guint           position,
              StwBoardColumn *self)
{
  gint64 item_id = stw_board_column_get_item_id (self, position);

  if (item_id > 0)
    g_signal_emit (self, signals[CARD_ACTIVATED], 0, item_id);
}

static void
items_changed_cb (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  StwBoardColumn *self)
{
  update_count (self);
}

static void
selected_changed_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     StwBoardColumn     *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Waits for the row of the card to select to be laid out, then scrolls
 * only as far as needed to show it, and focuses it if asked. Scrolling
 * before the row exists would put it at the top of the column. */
static gboolean
focus_ticked_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  StwBoardColumn *self = STW_BOARD_COLUMN (widget);
  GtkWidget *row;

  /* Ticks come before layout: in the first one a row may still stand
   * where it was before the model changed. */
  if (self->focus_tries++ == 0)
    return G_SOURCE_CONTINUE;

  row = find_row (self, self->focus_position);
  if (row != NULL)
    {
      if (!row_fully_shown (self, row))
        gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                    self->focus_position);
      if (self->focus_grab)
        gtk_widget_grab_focus (row);
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  /* Not laid out after a frame: it is off screen. */
  if (self->focus_tries == 2 && self->focus_position < stw_board_column_get_n_items (self))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                self->focus_position);
  if (self->focus_tries >= FOCUS_TRIES)
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
stw_board_column_dispose (GObject *object)
{
  StwBoardColumn *self = STW_BOARD_COLUMN (object);

  stop_autoscroll (self);
  stw_board_column_set_model (self, NULL);
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_BOARD_COLUMN);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (stw_board_column_parent_class)->dispose (object);
}

static void
stw_board_column_class_init (StwBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_board_column_dispose;

  signals[CARD_ACTIVATED] =
    g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CARD_DROPPED] =
    g_signal_new ("card-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, StwBoardColumn, header);
  gtk_widget_class_bind_template_child (widget_class, StwBoardColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardColumn, hide_button);
  gtk_widget_class_bind_template_child (widget_class, StwBoardColumn, overlay);
  gtk_widget_class_bind_template_child (widget_class, StwBoardColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, StwBoardColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, StwBoardColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, StwBoardColumn, drop_line);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stw_board_column_init (StwBoardColumn *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkLayoutManager *layout;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_changed_cb), self, 0);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (card_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (card_bound_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (card_unbound_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activated_cb), self, 0);

  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_entered_cb), self, 0);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_moved_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_left_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (dropped_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Public API */

guint
stw_board_drop_position (const StwBoardSlot *slots,
                         guint               n_slots,
                         guint               n_items,
                         double              y,
                         double             *line_y)
{
  guint position;

  if (n_slots == 0)
    {
      if (line_y != NULL)
        *line_y = 0;
      return n_items;
    }

  for (guint i = 0; i < n_slots; i++)
    if (y < slots[i].top + slots[i].height / 2)
      {
        if (line_y != NULL)
          *line_y = slots[i].top;
        return MIN (slots[i].position, n_items);
      }

  if (line_y != NULL)
    *line_y = slots[n_slots - 1].top + slots[n_slots - 1].height;
  position = slots[n_slots - 1].position + 1;

  return MIN (position, n_items);
}

GtkWidget *
stw_board_column_new (StwStatus status)
{
  StwBoardColumn *self;

  g_return_val_if_fail (status < STW_N_STATUSES, NULL);

  self = g_object_new (STW_TYPE_BOARD_COLUMN, NULL);
  self->status = status;
  gtk_label_set_label (self->title_label, stw_status_label (status));
  gtk_widget_set_visible (self->hide_button, status == STW_STATUS_CANCELLED);
  gtk_widget_add_css_class (GTK_WIDGET (self), stw_status_to_key (status));
  update_count (self);

  return GTK_WIDGET (self);
}

StwStatus
stw_board_column_get_status (StwBoardColumn *self)
{
  g_return_val_if_fail (STW_IS_BOARD_COLUMN (self), STW_STATUS_TODO);

  return self->status;
}

void
stw_board_column_set_model (StwBoardColumn *self,
                            GListModel     *items)
{
  g_return_if_fail (STW_IS_BOARD_COLUMN (self));
  g_return_if_fail (items == NULL || G_IS_LIST_MODEL (items));

  if (self->model == items)
    return;

  /* A pending focus was for a row of the old model. */
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, items);
  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self, 0);

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, items);
  if (self->title_label != NULL)
    update_count (self);
}

GListModel *
stw_board_column_get_model (StwBoardColumn *self)
{
  g_return_val_if_fail (STW_IS_BOARD_COLUMN (self), NULL);

  return self->model;
}

guint
stw_board_column_get_n_items (StwBoardColumn *self)
{
  g_return_val_if_fail (STW_IS_BOARD_COLUMN (self), 0);

  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

GtkListView *
stw_board_column_get_list_view (StwBoardColumn *self)
{
  g_return_val_if_fail (STW_IS_BOARD_COLUMN (self), NULL);

  return self->list_view;
}

gint64
stw_board_column_get_item_id (StwBoardColumn *self,
                              guint           position)
{
  g_autoptr(StwItem) item = NULL;

  g_return_val_if_fail (STW_IS_BOARD_COLUMN (self), 0);

  if (self->model == NULL || position >= g_list_model_get_n_items (self->model))
    return 0;
  item = g_list_model_get_item (self->model, position);

  return item != NULL ? stw_item_get_id (item) : 0;
}

int
stw_board_column_find (StwBoardColumn *self,
                       gint64          item_id)
{
  g_return_val_if_fail (STW_IS_BOARD_COLUMN (self), -1);

  if (self->model == NULL || item_id <= 0)
    return -1;
  if (STW_IS_ITEM_MODEL (self->model))
    return stw_item_model_find (STW_ITEM_MODEL (self->model), item_id);

  for (guint i = 0; i < g_list_model_get_n_items (self->model); i++)
    if (stw_board_column_get_item_id (self, i) == item_id)
      return (int) i;

  return -1;
}

gint64
stw_board_column_get_selected_id (StwBoardColumn *self)
{
  guint position;

  g_return_val_if_fail (STW_IS_BOARD_COLUMN (self), 0);

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return 0;

  return stw_board_column_get_item_id (self, position);
}

void
stw_board_column_unselect (StwBoardColumn *self)
{
  g_return_if_fail (STW_IS_BOARD_COLUMN (self));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
stw_board_column_select_position (StwBoardColumn *self,
                                  guint           position,
                                  gboolean        focus)
{
  g_return_if_fail (STW_IS_BOARD_COLUMN (self));

  if (position >= stw_board_column_get_n_items (self))
    return;

  gtk_single_selection_set_selected (self->selection, position);

  /* A card that just moved gets its row only at the next layout. */
  self->focus_position = position;
  self->focus_grab = focus;
  self->focus_tries = 0;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_ticked_cb, NULL, NULL);
}

gboolean
stw_board_column_focus_nearest (StwBoardColumn *self,
                                double          y)
{
  g_autoptr(GArray) slots = NULL;
  double best_distance = G_MAXDOUBLE;
  guint best = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (STW_IS_BOARD_COLUMN (self), FALSE);

  slots = collect_slots (self, GTK_WIDGET (self));
  for (guint i = 0; i < slots->len; i++)
    {
      const StwBoardSlot *slot = &g_array_index (slots, StwBoardSlot, i);
      double distance = ABS (slot->top + slot->height / 2 - y);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = slot->position;
        }
    }
  if (best == GTK_INVALID_LIST_POSITION)
    return FALSE;

  stw_board_column_select_position (self, best, TRUE);

  return TRUE;
}

guint
stw_board_column_drop_position_at (StwBoardColumn *self,
                                   double          y,
                                   double         *line_y)
{
  g_autoptr(GArray) slots = NULL;

  g_return_val_if_fail (STW_IS_BOARD_COLUMN (self), 0);

  slots = collect_slots (self, GTK_WIDGET (self));

  return stw_board_drop_position ((StwBoardSlot *) (void *) slots->data, slots->len,
                                  stw_board_column_get_n_items (self), y, line_y);
}

void
stw_board_column_drop_at (StwBoardColumn *self,
                          gint64          item_id,
                          double          y)
{
  guint position;

  g_return_if_fail (STW_IS_BOARD_COLUMN (self));

  position = stw_board_column_drop_position_at (self, y, NULL);
  g_signal_emit (self, signals[CARD_DROPPED], 0, item_id, position);
}
