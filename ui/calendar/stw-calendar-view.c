/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-calendar-view.c: the Calendar view of a workstream. A header with
 * the month and previous / today / next, a row of weekday names starting
 * on the locale's first day of the week, and 6×7 day cells placed in
 * size_allocate. The items come from one StwItemModel filtered to the six
 * weeks shown; when it changes, the items are sorted into days again and
 * only cells whose items differ re-fill their chips.
 *
 * Rescheduling (a drop on a day, or Alt+Shift+arrows on a focused chip)
 * changes the due date through the core, pushes the old item on the
 * window's undo stack and says so with "changed".
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-calendar-cell.h"
#include "stw-calendar-chip.h"
#include "stw-calendar-grid.h"
#include "stw-calendar-view.h"
#include "stw-calendar-view-private.h"
#include "stw-item-model.h"

struct _StwCalendarView
{
  GtkWidget         parent_instance;

  StwWorkspace     *workspace;
  StwUndoStack     *undo;
  gint64            workstream_id;
  StwItemModel     *model;
  gulong            items_changed_handler;

  GDate             month;          /* first day of the month shown */
  GDate             first_day;      /* first cell of the grid */
  guint             first_weekday;  /* 0 = Sunday */
  char             *today;
  gint64            selected_id;

  GtkWidget        *header;
  GtkLabel         *month_label;
  GtkButton        *previous_button;
  GtkButton        *today_button;
  GtkButton        *next_button;

  GtkWidget        *weekday_labels[7];
  StwCalendarCell  *cells[STW_CALENDAR_GRID_CELLS];
};

static void items_changed_cb (GListModel      *model,
                              guint            position,
                              guint            removed,
                              guint            added,
                              StwCalendarView *self);

G_DEFINE_FINAL_TYPE (StwCalendarView, stw_calendar_view, GTK_TYPE_WIDGET)

enum {
  ITEM_ACTIVATED,
  CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (dt, format);
}

/* Open items before closed ones, the more urgent first, then the model's
 * order (id) so chips do not swap places on unrelated changes. */
static int
compare_in_day (gconstpointer a,
                gconstpointer b)
{
  StwItem *x = *(StwItem **) a;
  StwItem *y = *(StwItem **) b;
  gboolean x_open = stw_status_is_open (stw_item_get_status (x));
  gboolean y_open = stw_status_is_open (stw_item_get_status (y));
  gint64 x_id, y_id;

  if (x_open != y_open)
    return x_open ? -1 : 1;
  if (stw_item_get_priority (x) != stw_item_get_priority (y))
    return (int) stw_item_get_priority (y) - (int) stw_item_get_priority (x);

  x_id = stw_item_get_id (x);
  y_id = stw_item_get_id (y);
  return (x_id > y_id) - (x_id < y_id);
}

static void
rebuild_cells (StwCalendarView *self)
{
  GPtrArray *days[STW_CALENDAR_GRID_CELLS] = { NULL, };
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  for (guint i = 0; i < n; i++)
    {
      StwItem *item = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      int cell = stw_calendar_grid_cell_of_iso (&self->first_day, stw_item_get_due_date (item));

      if (cell < 0)
        {
          g_object_unref (item);
          continue;
        }
      if (days[cell] == NULL)
        days[cell] = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (days[cell], item);
    }

  for (guint c = 0; c < STW_CALENDAR_GRID_CELLS; c++)
    {
      if (days[c] != NULL)
        g_ptr_array_sort (days[c], compare_in_day);
      stw_calendar_cell_set_items (self->cells[c], days[c], self->today);
      g_clear_pointer (&days[c], g_ptr_array_unref);
    }
}

static void
update_weekday_labels (StwCalendarView *self)
{
  GDate date;

  /* Any week will do: take the one the grid starts with. */
  for (guint column = 0; column < 7; column++)
    {
      g_autofree char *short_name = NULL;
      g_autofree char *long_name = NULL;

      stw_calendar_grid_cell_date (&self->first_day, column, &date);
      /* Translators: a weekday heading of the month grid, such as "Mon";
       * see the strftime manual. */
      /* xgettext:no-c-format */
      short_name = format_date (&date, _("%a"));
      long_name = format_date (&date, "%A");
      gtk_label_set_label (GTK_LABEL (self->weekday_labels[column]), short_name);
      gtk_widget_set_tooltip_text (self->weekday_labels[column], long_name);
    }
}

static void
update_filter (StwCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  StwItemFilter filter;
  GDate last;

  if (self->model == NULL)
    return;

  stw_item_filter_init (&filter, self->workstream_id);
  /* Cancelled items are off the calendar, as they are off the board by
   * default: nothing is due any more. */
  filter.statuses = STW_STATUS_MASK_OPEN | STW_STATUS_MASK (STW_STATUS_DONE);
  stw_calendar_grid_cell_date (&self->first_day, STW_CALENDAR_GRID_CELLS - 1, &last);
  stw_calendar_grid_format_iso (&self->first_day, filter.due_from);
  stw_calendar_grid_format_iso (&last, filter.due_to);

  g_signal_handler_block (self->model, self->items_changed_handler);
  if (!stw_item_model_set_filter (self->model, &filter, &error))
    g_warning ("Could not show the month: %s", error->message);
  g_signal_handler_unblock (self->model, self->items_changed_handler);
}

/* Shows the month containing @date (today when NULL). */
static void
show_month (StwCalendarView *self,
            const GDate     *date)
{
  g_autofree char *title = NULL;
  GDate today_date;
  guint first_weekday;
  gboolean weekdays_changed;

  g_free (self->today);
  self->today = stw_date_today ();
  if (!stw_calendar_grid_parse_iso (self->today, &today_date))
    g_assert_not_reached ();

  self->month = date != NULL ? *date : today_date;
  g_date_set_day (&self->month, 1);

  first_weekday = stw_calendar_grid_locale_first_weekday ();
  weekdays_changed = first_weekday != self->first_weekday || !g_date_valid (&self->first_day);
  self->first_weekday = first_weekday;
  stw_calendar_grid_first_day (g_date_get_year (&self->month), g_date_get_month (&self->month),
                               self->first_weekday, &self->first_day);
  if (weekdays_changed)
    update_weekday_labels (self);

  for (guint c = 0; c < STW_CALENDAR_GRID_CELLS; c++)
    {
      GDate day;

      stw_calendar_grid_cell_date (&self->first_day, c, &day);
      stw_calendar_cell_set_date (self->cells[c], &day,
                                  g_date_get_month (&day) == g_date_get_month (&self->month),
                                  g_date_compare (&day, &today_date) == 0);
    }

  /* Translators: the month shown by the calendar, such as "March 2027";
   * %OB is the month's name on its own; see the strftime manual. */
  title = format_date (&self->month, _("%OB %Y"));
  gtk_label_set_label (self->month_label, title);

  update_filter (self);
  rebuild_cells (self);
}

static gboolean
is_shown (StwCalendarView *self,
          const char      *iso_date)
{
  return stw_calendar_grid_cell_of_iso (&self->first_day, iso_date) >= 0;
}

static void
set_selected (StwCalendarView *self,
              gint64           item_id)
{
  self->selected_id = item_id;
  for (guint c = 0; c < STW_CALENDAR_GRID_CELLS; c++)
    stw_calendar_cell_set_selected (self->cells[c], item_id);
}

/* Selects @item_id, due on @iso_date, turning to its month when the day
 * is not in the grid, and focuses its chip when @grab. */
static void
show_item (StwCalendarView *self,
           gint64           item_id,
           const char      *iso_date,
           gboolean         grab)
{
  StwCalendarCell *cell;
  GDate date;

  if (!stw_calendar_grid_parse_iso (iso_date, &date))
    {
      set_selected (self, 0);
      return;
    }

  if (!is_shown (self, iso_date))
    show_month (self, &date);

  set_selected (self, item_id);
  cell = _stw_calendar_view_find_cell (self, iso_date);
  if (grab && cell != NULL)
    stw_calendar_cell_focus_item (cell, item_id);
}

/* The item whose chip has the keyboard focus, or the selected one. */
static gint64
focused_item (StwCalendarView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  StwCalendarChip *chip = stw_calendar_chip_find_ancestor (focus);

  if (chip != NULL && gtk_widget_is_ancestor (GTK_WIDGET (chip), GTK_WIDGET (self)))
    return stw_calendar_chip_get_item_id (chip);

  return self->selected_id;
}

static char *
describe_day (const GDate *date,
              const char  *today)
{
  GDate now;

  /* The year only when it is not this year's. */
  if (stw_calendar_grid_parse_iso (today, &now) && g_date_get_year (&now) == g_date_get_year (date))
    /* Translators: a day in a sentence such as "T-004 moved to 3 March";
     * see the strftime manual. */
    return format_date (date, _("%-d %B"));

  /* Translators: a day of another year in a sentence such as "T-004 moved
   * to 3 March 2028"; see the strftime manual. */
  return format_date (date, _("%-d %B %Y"));
}

static gboolean
reschedule (StwCalendarView *self,
            gint64           item_id,
            const char      *iso_date,
            gboolean         grab)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwItem) before = NULL;
  g_autofree char *day = NULL;
  g_autofree char *message = NULL;
  GDate date;

  if (self->workspace == NULL || item_id <= 0 || !stw_calendar_grid_parse_iso (iso_date, &date))
    return FALSE;

  item = stw_workspace_load_item (self->workspace, item_id, &error);
  if (item == NULL)
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return FALSE;
    }

  if (g_strcmp0 (stw_item_get_due_date (item), iso_date) == 0)
    return TRUE;

  before = stw_item_copy (item);
  stw_item_set_due_date (item, iso_date);
  if (!stw_workspace_update_item (self->workspace, item, &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return FALSE;
    }

  if (self->undo != NULL)
    stw_undo_stack_push_update (self->undo, before);

  /* A day's list the item was moved out of is done with. */
  for (guint c = 0; c < STW_CALENDAR_GRID_CELLS; c++)
    stw_calendar_cell_hide_overflow (self->cells[c]);
  show_item (self, item_id, iso_date, grab);

  day = describe_day (&date, self->today);
  /* Translators: a toast after rescheduling, such as "T-004 moved to
   * 3 March". */
  message = g_strdup_printf (_("%s moved to %s"), stw_item_get_ref (item), day);
  g_signal_emit (self, signals[CHANGED], 0, message);

  return TRUE;
}

static void
move_focused (StwCalendarView *self,
              int              days)
{
  g_autoptr(StwItem) item = NULL;
  g_autofree char *date = NULL;
  gint64 item_id = focused_item (self);

  if (self->workspace == NULL || item_id == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  item = stw_workspace_load_item (self->workspace, item_id, NULL);
  if (item == NULL || stw_item_get_due_date (item) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  date = stw_date_add_days (stw_item_get_due_date (item), days);
  reschedule (self, item_id, date, TRUE);
}

static void
clear_model (StwCalendarView *self)
{
  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->model);
  g_clear_object (&self->model);
}

/* Signal callbacks */

static void
items_changed_cb (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  StwCalendarView *self)
{
  rebuild_cells (self);
}

static void
item_dropped_cb (StwCalendarCell *cell,
                 gint64           item_id,
                 StwCalendarView *self)
{
  reschedule (self, item_id, stw_calendar_cell_get_iso_date (cell), TRUE);
}

/* Actions */

static void
previous_month_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  StwCalendarView *self = STW_CALENDAR_VIEW (widget);
  GDate month = self->month;

  stw_calendar_grid_add_months (&month, -1);
  show_month (self, &month);
}

static void
next_month_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StwCalendarView *self = STW_CALENDAR_VIEW (widget);
  GDate month = self->month;

  stw_calendar_grid_add_months (&month, 1);
  show_month (self, &month);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  show_month (STW_CALENDAR_VIEW (widget), NULL);
}

static void
open_item_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StwCalendarView *self = STW_CALENDAR_VIEW (widget);
  gint64 item_id = g_variant_get_int64 (parameter);

  set_selected (self, item_id);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item_id);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  int days = 0;

  if (g_str_equal (action_name, "calendar.move-earlier"))
    days = -1;
  else if (g_str_equal (action_name, "calendar.move-later"))
    days = 1;
  else if (g_str_equal (action_name, "calendar.move-week-earlier"))
    days = -7;
  else if (g_str_equal (action_name, "calendar.move-week-later"))
    days = 7;
  else
    g_return_if_reached ();

  move_focused (STW_CALENDAR_VIEW (widget), days);
}

/* Overrides */

static void
stw_calendar_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  StwCalendarView *self = STW_CALENDAR_VIEW (widget);
  int header_min, header_nat;
  int weekday_min = 0, weekday_nat = 0;
  int cell_min = 0, cell_nat = 0;

  gtk_widget_measure (self->header, orientation, -1, &header_min, &header_nat, NULL, NULL);
  for (guint i = 0; i < 7; i++)
    {
      int min, nat;

      gtk_widget_measure (self->weekday_labels[i], orientation, -1, &min, &nat, NULL, NULL);
      weekday_min = MAX (weekday_min, min);
      weekday_nat = MAX (weekday_nat, nat);
    }
  for (guint c = 0; c < STW_CALENDAR_GRID_CELLS; c++)
    {
      int min, nat;

      gtk_widget_measure (GTK_WIDGET (self->cells[c]), orientation, -1, &min, &nat, NULL, NULL);
      cell_min = MAX (cell_min, min);
      cell_nat = MAX (cell_nat, nat);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (header_min, 7 * MAX (weekday_min, cell_min));
      *natural = MAX (header_nat, 7 * MAX (weekday_nat, cell_nat));
    }
  else
    {
      *minimum = header_min + weekday_min + STW_CALENDAR_GRID_WEEKS * cell_min;
      *natural = header_nat + weekday_nat + STW_CALENDAR_GRID_WEEKS * cell_nat;
    }
}

/* Splits @total into @n parts that differ by at most one pixel. */
static int
part_start (int   total,
            guint n,
            guint index)
{
  return (int) (((gint64) total * index) / n);
}

static void
stw_calendar_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  StwCalendarView *self = STW_CALENDAR_VIEW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int header_h, weekday_h = 0, grid_top, grid_h;

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, NULL, &header_h, NULL, NULL);
  gtk_widget_size_allocate (self->header, &(GtkAllocation) { 0, 0, width, header_h }, -1);

  for (guint i = 0; i < 7; i++)
    {
      int nat;

      gtk_widget_measure (self->weekday_labels[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &nat, NULL, NULL);
      weekday_h = MAX (weekday_h, nat);
    }

  for (guint column = 0; column < 7; column++)
    {
      guint visual = rtl ? 6 - column : column;
      int x = part_start (width, 7, visual);
      int w = part_start (width, 7, visual + 1) - x;

      gtk_widget_size_allocate (self->weekday_labels[column],
                                &(GtkAllocation) { x, header_h, w, weekday_h }, -1);
    }

  grid_top = header_h + weekday_h;
  grid_h = MAX (height - grid_top, 0);
  for (guint row = 0; row < STW_CALENDAR_GRID_WEEKS; row++)
    {
      int y = grid_top + part_start (grid_h, STW_CALENDAR_GRID_WEEKS, row);
      int h = grid_top + part_start (grid_h, STW_CALENDAR_GRID_WEEKS, row + 1) - y;

      for (guint column = 0; column < 7; column++)
        {
          guint visual = rtl ? 6 - column : column;
          int x = part_start (width, 7, visual);
          int w = part_start (width, 7, visual + 1) - x;

          gtk_widget_size_allocate (GTK_WIDGET (self->cells[row * 7 + column]),
                                    &(GtkAllocation) { x, y, w, h }, -1);
        }
    }
}

static void
stw_calendar_view_map (GtkWidget *widget)
{
  StwCalendarView *self = STW_CALENDAR_VIEW (widget);
  g_autofree char *today = stw_date_today ();

  /* Shown again after midnight: move the "today" mark. */
  if (g_strcmp0 (today, self->today) != 0)
    {
      GDate month = self->month;

      show_month (self, &month);
    }

  GTK_WIDGET_CLASS (stw_calendar_view_parent_class)->map (widget);
}

static void
stw_calendar_view_dispose (GObject *object)
{
  StwCalendarView *self = STW_CALENDAR_VIEW (object);
  GtkWidget *child;

  clear_model (self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->undo);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_CALENDAR_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  memset (self->weekday_labels, 0, sizeof self->weekday_labels);
  memset (self->cells, 0, sizeof self->cells);

  G_OBJECT_CLASS (stw_calendar_view_parent_class)->dispose (object);
}

static void
stw_calendar_view_finalize (GObject *object)
{
  StwCalendarView *self = STW_CALENDAR_VIEW (object);

  g_free (self->today);

  G_OBJECT_CLASS (stw_calendar_view_parent_class)->finalize (object);
}

static void
stw_calendar_view_class_init (StwCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_calendar_view_dispose;
  object_class->finalize = stw_calendar_view_finalize;

  widget_class->measure = stw_calendar_view_measure;
  widget_class->size_allocate = stw_calendar_view_size_allocate;
  widget_class->map = stw_calendar_view_map;

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StwCalendarView, header);
  gtk_widget_class_bind_template_child (widget_class, StwCalendarView, month_label);
  gtk_widget_class_bind_template_child (widget_class, StwCalendarView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, StwCalendarView, today_button);
  gtk_widget_class_bind_template_child (widget_class, StwCalendarView, next_button);

  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, previous_month_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_activated);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "calendar.open-item", "x", open_item_activated);
  gtk_widget_class_install_action (widget_class, "calendar.move-earlier", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "calendar.move-later", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "calendar.move-week-earlier", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "calendar.move-week-later", NULL, move_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "calendar.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "calendar.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-week-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-week-later", NULL);

  gtk_widget_class_set_css_name (widget_class, "calendarview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (STW_TYPE_CALENDAR_CELL);
  g_type_ensure (STW_TYPE_CALENDAR_CHIP);
}

static void
stw_calendar_view_init (StwCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"),
                                  -1);

  for (guint i = 0; i < 7; i++)
    {
      self->weekday_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->weekday_labels[i], "weekday");
      gtk_widget_set_parent (self->weekday_labels[i], GTK_WIDGET (self));
    }

  for (guint c = 0; c < STW_CALENDAR_GRID_CELLS; c++)
    {
      self->cells[c] = STW_CALENDAR_CELL (stw_calendar_cell_new ());
      if (c % 7 == 6)
        gtk_widget_add_css_class (GTK_WIDGET (self->cells[c]), "last-column");
      if (c >= STW_CALENDAR_GRID_CELLS - 7)
        gtk_widget_add_css_class (GTK_WIDGET (self->cells[c]), "last-row");
      g_signal_connect (self->cells[c], "item-dropped", G_CALLBACK (item_dropped_cb), self);
      gtk_widget_set_parent (GTK_WIDGET (self->cells[c]), GTK_WIDGET (self));
    }

  g_date_clear (&self->month, 1);
  g_date_clear (&self->first_day, 1);
  show_month (self, NULL);
}

/* Public API */

GtkWidget *
stw_calendar_view_new (void)
{
  return g_object_new (STW_TYPE_CALENDAR_VIEW, NULL);
}

void
stw_calendar_view_set_workstream (StwCalendarView *self,
                                  StwWorkspace    *workspace,
                                  StwUndoStack    *undo,
                                  gint64           workstream_id)
{
  g_autoptr(GError) error = NULL;
  gboolean same_workspace;
  GDate month;

  g_return_if_fail (STW_IS_CALENDAR_VIEW (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));
  g_return_if_fail (undo == NULL || STW_IS_UNDO_STACK (undo));

  same_workspace = workspace == self->workspace;
  g_set_object (&self->undo, undo);
  if (same_workspace && workstream_id == self->workstream_id && (self->model != NULL) == (workspace != NULL))
    return;

  clear_model (self);
  g_set_object (&self->workspace, workspace);
  self->workstream_id = workstream_id;
  self->selected_id = 0;

  if (workspace != NULL)
    {
      StwItemFilter filter;
      GListModel *model;

      /* The real range is set by show_month() below. */
      stw_item_filter_init (&filter, workstream_id);
      model = stw_workspace_filter_items (workspace, &filter, &error);
      if (model == NULL)
        g_warning ("Could not list the items of the calendar: %s", error->message);
      else
        {
          self->model = STW_ITEM_MODEL (model);
          self->items_changed_handler = g_signal_connect (self->model, "items-changed",
                                                          G_CALLBACK (items_changed_cb), self);
        }
    }

  /* Another workstream starts on this month; another workspace on today. */
  month = self->month;
  show_month (self, same_workspace ? &month : NULL);
}

void
stw_calendar_view_select_item (StwCalendarView *self,
                               gint64           item_id)
{
  g_autoptr(StwItem) item = NULL;

  g_return_if_fail (STW_IS_CALENDAR_VIEW (self));

  if (item_id <= 0 || self->workspace == NULL)
    {
      set_selected (self, 0);
      return;
    }

  item = stw_workspace_load_item (self->workspace, item_id, NULL);
  if (item == NULL || stw_item_get_workstream_id (item) != self->workstream_id)
    {
      set_selected (self, 0);
      return;
    }

  show_item (self, item_id, stw_item_get_due_date (item), gtk_widget_get_mapped (GTK_WIDGET (self)));
}

void
stw_calendar_view_set_month (StwCalendarView *self,
                             const char      *date)
{
  GDate month;

  g_return_if_fail (STW_IS_CALENDAR_VIEW (self));

  if (stw_calendar_grid_parse_iso (date, &month))
    show_month (self, &month);
  else
    show_month (self, NULL);
}

char *
stw_calendar_view_dup_month (StwCalendarView *self)
{
  char iso[11];

  g_return_val_if_fail (STW_IS_CALENDAR_VIEW (self), NULL);

  stw_calendar_grid_format_iso (&self->month, iso);
  return g_strdup (iso);
}

/* Private API */

StwCalendarCell *
_stw_calendar_view_get_cell (StwCalendarView *self,
                             guint            index)
{
  g_return_val_if_fail (STW_IS_CALENDAR_VIEW (self), NULL);
  g_return_val_if_fail (index < STW_CALENDAR_GRID_CELLS, NULL);

  return self->cells[index];
}

StwCalendarCell *
_stw_calendar_view_find_cell (StwCalendarView *self,
                              const char      *iso_date)
{
  int cell;

  g_return_val_if_fail (STW_IS_CALENDAR_VIEW (self), NULL);

  cell = stw_calendar_grid_cell_of_iso (&self->first_day, iso_date);
  return cell >= 0 ? self->cells[cell] : NULL;
}

GtkLabel *
_stw_calendar_view_get_month_label (StwCalendarView *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_VIEW (self), NULL);

  return self->month_label;
}

GtkWidget *
_stw_calendar_view_get_button (StwCalendarView *self,
                               const char      *name)
{
  g_return_val_if_fail (STW_IS_CALENDAR_VIEW (self), NULL);

  if (g_strcmp0 (name, "previous") == 0)
    return GTK_WIDGET (self->previous_button);
  if (g_strcmp0 (name, "today") == 0)
    return GTK_WIDGET (self->today_button);
  if (g_strcmp0 (name, "next") == 0)
    return GTK_WIDGET (self->next_button);
  g_return_val_if_reached (NULL);
}

gboolean
_stw_calendar_view_reschedule (StwCalendarView *self,
                               gint64           item_id,
                               const char      *iso_date)
{
  g_return_val_if_fail (STW_IS_CALENDAR_VIEW (self), FALSE);

  return reschedule (self, item_id, iso_date, FALSE);
}
