/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-calendar-cell.c: one day of the month grid. The cell keeps a small
 * pool of chips and decides in size_allocate how many fit under the day
 * number; the rest hide behind a "+N" button whose popover lists every
 * item of the day. Chips are only created when a day has more items than
 * ever before, so a change re-fills existing widgets.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-calendar-cell.h"
#include "stw-calendar-grid.h"

/* More chips than this never fit in a cell; the rest are behind "+N". */
#define MAX_CHIPS 12
#define HEADER_GAP 3
#define CHIP_SPACING 2

struct _StwCalendarCell
{
  GtkWidget   parent_instance;

  GDate       date;
  char        iso_date[11];
  gboolean    in_month;
  gboolean    is_today;
  char       *today;

  GPtrArray  *items;          /* StwItem */
  GPtrArray  *chips;          /* StwCalendarChip, children of the cell */
  gint64      selected_id;
  guint       n_shown;
  guint       n_hidden;
  guint       capacity;       /* chips that fitted at the last allocation */

  GtkLabel   *day_label;
  GtkButton  *overflow_button;

  GtkPopover *popover;
  GtkLabel   *popover_title;
  GtkBox     *popover_box;
  GPtrArray  *popover_chips;  /* StwCalendarChip, children of popover_box */
};

G_DEFINE_FINAL_TYPE (StwCalendarCell, stw_calendar_cell, GTK_TYPE_WIDGET)

enum {
  ITEM_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
same_items (GPtrArray *a,
            GPtrArray *b)
{
  guint na = a != NULL ? a->len : 0;
  guint nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

static guint
n_items (StwCalendarCell *self)
{
  return self->items != NULL ? self->items->len : 0;
}

static char *
format_day (const GDate *date,
            const char  *format)
{
  g_autoptr(GDateTime) dt = NULL;

  if (!g_date_valid (date))
    return g_strdup ("");
  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
  return g_date_time_format (dt, format);
}

static void
update_accessible_label (StwCalendarCell *self)
{
  /* Translators: a calendar day for screen readers, such as "Friday
   * 5 March 2027"; see the strftime manual. */
  g_autofree char *day = format_day (&self->date, _("%A %-d %B %Y"));
  g_autofree char *label = NULL;
  guint n = n_items (self);

  if (n == 0)
    label = g_strdup (day);
  else
    /* Translators: a calendar day and how many items are due on it. */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u item", "%s, %u items", n), day, n);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_overflow_button (StwCalendarCell *self)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  if (self->n_hidden == 0)
    return;

  /* Translators: the button on a calendar day with more items than fit;
   * %u is how many more. */
  text = g_strdup_printf (_("+%u"), self->n_hidden);
  if (g_strcmp0 (gtk_button_get_label (self->overflow_button), text) != 0)
    gtk_button_set_label (self->overflow_button, text);

  name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Show %u more item", "Show %u more items",
                                       self->n_hidden),
                          self->n_hidden);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overflow_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overflow_button), name);
}

static void
fill_chips (GPtrArray  *chips,
            GtkWidget  *parent,
            GPtrArray  *items,
            guint       n,
            const char *today,
            gint64      selected_id)
{
  /* Grow the pool only when needed; extra chips are hidden, not freed, so
   * a day that empties and refills re-uses them. */
  while (chips->len < n)
    {
      GtkWidget *chip = stw_calendar_chip_new ();

      if (GTK_IS_BOX (parent))
        gtk_box_append (GTK_BOX (parent), chip);
      else
        gtk_widget_set_parent (chip, parent);
      g_ptr_array_add (chips, chip);
    }

  for (guint i = 0; i < chips->len; i++)
    {
      StwCalendarChip *chip = g_ptr_array_index (chips, i);

      if (i < n)
        {
          StwItem *item = g_ptr_array_index (items, i);

          stw_calendar_chip_set_item (chip, item, today);
          stw_calendar_chip_set_selected (chip, stw_item_get_id (item) == selected_id);
          gtk_widget_set_visible (GTK_WIDGET (chip), TRUE);
        }
      else
        {
          stw_calendar_chip_set_item (chip, NULL, NULL);
          gtk_widget_set_visible (GTK_WIDGET (chip), FALSE);
        }
    }
}

/* Shows as many chips as fitted last time, before the next allocation
 * confirms it, so a chip can be focused right after the items change. */
static void
apply_capacity (StwCalendarCell *self)
{
  guint n = n_items (self);
  guint shown = MIN (self->capacity, MIN (n, self->chips->len));

  self->n_shown = shown;
  self->n_hidden = n - shown;
  for (guint i = 0; i < self->chips->len; i++)
    gtk_widget_set_child_visible (g_ptr_array_index (self->chips, i), i < shown);
  gtk_widget_set_child_visible (GTK_WIDGET (self->overflow_button), self->n_hidden > 0);
  update_overflow_button (self);
}

static void
fill_popover (StwCalendarCell *self)
{
  /* Translators: title of the list of a calendar day's items, such as
   * "Friday 5 March"; see the strftime manual. */
  g_autofree char *title = format_day (&self->date, _("%A %-d %B"));

  gtk_label_set_label (self->popover_title, title);
  fill_chips (self->popover_chips, GTK_WIDGET (self->popover_box),
              self->items, n_items (self), self->today, self->selected_id);
}

static void
ensure_popover (StwCalendarCell *self)
{
  GtkWidget *box;
  GtkWidget *scrolled;

  if (self->popover != NULL)
    return;

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->popover), "calendar-day-popover");
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->popover_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->popover_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->popover_title), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->popover_title));

  self->popover_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, CHIP_SPACING));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  /* Wider than a cell, so titles have room. */
  gtk_widget_set_size_request (GTK_WIDGET (self->popover_box), 280, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->popover_box));
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_popover_set_child (self->popover, box);
  self->popover_chips = g_ptr_array_new ();
}

static StwCalendarChip *
find_in (GPtrArray *chips,
         guint      limit,
         gint64     item_id)
{
  if (chips == NULL)
    return NULL;

  for (guint i = 0; i < MIN (limit, chips->len); i++)
    {
      StwCalendarChip *chip = g_ptr_array_index (chips, i);

      if (stw_calendar_chip_get_item_id (chip) == item_id)
        return chip;
    }
  return NULL;
}

/* Signal callbacks */

static void
overflow_clicked_cb (GtkButton       *button,
                     StwCalendarCell *self)
{
  stw_calendar_cell_show_overflow (self);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         StwCalendarCell *self)
{
  gint64 item_id;

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  item_id = g_value_get_int64 (value);
  if (item_id <= 0)
    return FALSE;

  g_signal_emit (self, signals[ITEM_DROPPED], 0, item_id);
  return TRUE;
}

/* Overrides */

static void
stw_calendar_cell_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  StwCalendarCell *self = STW_CALENDAR_CELL (widget);
  int label_min, label_nat, button_min, button_nat;

  gtk_widget_measure (GTK_WIDGET (self->day_label), orientation, -1,
                      &label_min, &label_nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->overflow_button), orientation, -1,
                      &button_min, &button_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int chip_min = 0, chip_nat = 0;

      if (self->chips->len > 0)
        gtk_widget_measure (g_ptr_array_index (self->chips, 0), orientation, -1,
                            &chip_min, &chip_nat, NULL, NULL);
      /* Narrow windows squeeze chips and "+N" (the cell clips them); the
       * day number must stay readable. */
      *minimum = label_min;
      *natural = MAX (label_nat + button_nat, chip_nat);
    }
  else
    {
      int header = MAX (label_nat, button_nat);
      int chips = 0;

      for (guint i = 0; i < MIN (n_items (self), self->chips->len); i++)
        {
          int chip_min, chip_nat;

          gtk_widget_measure (g_ptr_array_index (self->chips, i), orientation, -1,
                              &chip_min, &chip_nat, NULL, NULL);
          chips += chip_nat + CHIP_SPACING;
        }

      /* Small is fine: what does not fit goes behind "+N". */
      *minimum = header;
      *natural = header + (chips > 0 ? HEADER_GAP + chips - CHIP_SPACING : 0);
    }
}

static void
stw_calendar_cell_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  StwCalendarCell *self = STW_CALENDAR_CELL (widget);
  guint n = n_items (self);
  guint pool = MIN (n, self->chips->len);
  int label_w, label_h, button_w = 0, button_h = 0;
  int header, chip_h = 0, y, capacity = 0;
  guint shown;

  gtk_widget_measure (GTK_WIDGET (self->day_label), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &label_w, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->day_label), GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &label_h, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->overflow_button), GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &button_h, NULL, NULL);
  header = MAX (label_h, button_h);

  if (pool > 0)
    {
      gtk_widget_measure (g_ptr_array_index (self->chips, 0), GTK_ORIENTATION_VERTICAL, width,
                          NULL, &chip_h, NULL, NULL);
      capacity = (height - header - HEADER_GAP + CHIP_SPACING) / (chip_h + CHIP_SPACING);
      capacity = MAX (capacity, 0);
      self->capacity = capacity;
    }

  shown = MIN ((guint) capacity, pool);
  self->n_shown = shown;
  self->n_hidden = n - shown;

  gtk_widget_set_child_visible (GTK_WIDGET (self->overflow_button), self->n_hidden > 0);
  if (self->n_hidden > 0)
    {
      update_overflow_button (self);
      gtk_widget_measure (GTK_WIDGET (self->overflow_button), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &button_w, NULL, NULL);
      button_w = MIN (button_w, width / 2);
      gtk_widget_size_allocate (GTK_WIDGET (self->overflow_button),
                                &(GtkAllocation) { width - button_w, 0, button_w, header },
                                -1);
    }

  gtk_widget_size_allocate (GTK_WIDGET (self->day_label),
                            &(GtkAllocation) { 0, 0, MIN (label_w, width - button_w), header },
                            -1);

  y = header + HEADER_GAP;
  for (guint i = 0; i < self->chips->len; i++)
    {
      GtkWidget *chip = g_ptr_array_index (self->chips, i);

      gtk_widget_set_child_visible (chip, i < shown);
      if (i < shown)
        {
          gtk_widget_size_allocate (chip, &(GtkAllocation) { 0, y, width, chip_h }, -1);
          y += chip_h + CHIP_SPACING;
        }
    }

  if (self->popover != NULL)
    gtk_popover_present (self->popover);
}

static void
stw_calendar_cell_dispose (GObject *object)
{
  StwCalendarCell *self = STW_CALENDAR_CELL (object);
  GtkWidget *child;

  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  g_clear_pointer (&self->popover_chips, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->chips, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (stw_calendar_cell_parent_class)->dispose (object);
}

static void
stw_calendar_cell_finalize (GObject *object)
{
  StwCalendarCell *self = STW_CALENDAR_CELL (object);

  g_free (self->today);

  G_OBJECT_CLASS (stw_calendar_cell_parent_class)->finalize (object);
}

static void
stw_calendar_cell_class_init (StwCalendarCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_calendar_cell_dispose;
  object_class->finalize = stw_calendar_cell_finalize;

  widget_class->measure = stw_calendar_cell_measure;
  widget_class->size_allocate = stw_calendar_cell_size_allocate;

  signals[ITEM_DROPPED] =
    g_signal_new ("item-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "calendarcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stw_calendar_cell_init (StwCalendarCell *self)
{
  GtkDropTarget *target;

  g_date_clear (&self->date, 1);
  self->chips = g_ptr_array_new ();
  self->capacity = MAX_CHIPS;

  self->day_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->day_label, 0.5);
  gtk_widget_add_css_class (GTK_WIDGET (self->day_label), "day-number");
  gtk_widget_add_css_class (GTK_WIDGET (self->day_label), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->day_label), GTK_WIDGET (self));

  self->overflow_button = GTK_BUTTON (gtk_button_new_with_label ("+0"));
  gtk_widget_add_css_class (GTK_WIDGET (self->overflow_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->overflow_button), "overflow-button");
  gtk_widget_set_child_visible (GTK_WIDGET (self->overflow_button), FALSE);
  g_signal_connect (self->overflow_button, "clicked", G_CALLBACK (overflow_clicked_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->overflow_button), GTK_WIDGET (self));

  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* Public API */

GtkWidget *
stw_calendar_cell_new (void)
{
  return g_object_new (STW_TYPE_CALENDAR_CELL, NULL);
}

void
stw_calendar_cell_set_date (StwCalendarCell *self,
                            const GDate     *date,
                            gboolean         in_month,
                            gboolean         is_today)
{
  char number[4];

  g_return_if_fail (STW_IS_CALENDAR_CELL (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->date = *date;
  stw_calendar_grid_format_iso (date, self->iso_date);
  self->in_month = in_month;
  self->is_today = is_today;

  g_snprintf (number, sizeof number, "%u", (guint) g_date_get_day (date));
  gtk_label_set_label (self->day_label, number);

  if (in_month)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "other-month");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "other-month");
  if (is_today)
    gtk_widget_add_css_class (GTK_WIDGET (self), "today");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "today");

  update_accessible_label (self);
  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
}

const GDate *
stw_calendar_cell_get_date (StwCalendarCell *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), NULL);

  return &self->date;
}

const char *
stw_calendar_cell_get_iso_date (StwCalendarCell *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), NULL);

  return self->iso_date;
}

void
stw_calendar_cell_set_items (StwCalendarCell *self,
                             GPtrArray       *items,
                             const char      *today)
{
  gboolean same;
  guint n;

  g_return_if_fail (STW_IS_CALENDAR_CELL (self));

  same = same_items (self->items, items) && g_strcmp0 (self->today, today) == 0;

  if (items != self->items)
    {
      g_clear_pointer (&self->items, g_ptr_array_unref);
      self->items = items != NULL ? g_ptr_array_ref (items) : NULL;
    }
  if (same)
    return;

  g_free (self->today);
  self->today = g_strdup (today);

  n = n_items (self);
  fill_chips (self->chips, GTK_WIDGET (self), self->items, MIN (n, MAX_CHIPS),
              today, self->selected_id);
  update_accessible_label (self);
  apply_capacity (self);

  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    {
      if (n == 0)
        gtk_popover_popdown (self->popover);
      else
        fill_popover (self);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
stw_calendar_cell_get_n_items (StwCalendarCell *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), 0);

  return n_items (self);
}

guint
stw_calendar_cell_get_n_shown (StwCalendarCell *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), 0);

  return self->n_shown;
}

guint
stw_calendar_cell_get_n_hidden (StwCalendarCell *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), 0);

  return self->n_hidden;
}

GtkWidget *
stw_calendar_cell_get_overflow_button (StwCalendarCell *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), NULL);

  return GTK_WIDGET (self->overflow_button);
}

StwCalendarChip *
stw_calendar_cell_find_chip (StwCalendarCell *self,
                             gint64           item_id)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), NULL);

  return find_in (self->chips, self->n_shown, item_id);
}

gboolean
stw_calendar_cell_has_item (StwCalendarCell *self,
                            gint64           item_id)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), FALSE);

  for (guint i = 0; i < n_items (self); i++)
    if (stw_item_get_id (g_ptr_array_index (self->items, i)) == item_id)
      return TRUE;
  return FALSE;
}

void
stw_calendar_cell_set_selected (StwCalendarCell *self,
                                gint64           item_id)
{
  g_return_if_fail (STW_IS_CALENDAR_CELL (self));

  if (self->selected_id == item_id)
    return;
  self->selected_id = item_id;

  for (guint i = 0; i < self->chips->len; i++)
    {
      StwCalendarChip *chip = g_ptr_array_index (self->chips, i);

      stw_calendar_chip_set_selected (chip, item_id != 0 && stw_calendar_chip_get_item_id (chip) == item_id);
    }
  for (guint i = 0; self->popover_chips != NULL && i < self->popover_chips->len; i++)
    {
      StwCalendarChip *chip = g_ptr_array_index (self->popover_chips, i);

      stw_calendar_chip_set_selected (chip, item_id != 0 && stw_calendar_chip_get_item_id (chip) == item_id);
    }
}

gboolean
stw_calendar_cell_focus_item (StwCalendarCell *self,
                              gint64           item_id)
{
  StwCalendarChip *chip;

  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), FALSE);

  if (!stw_calendar_cell_has_item (self, item_id))
    return FALSE;

  chip = find_in (self->chips, self->n_shown, item_id);
  if (chip != NULL && gtk_widget_grab_focus (GTK_WIDGET (chip)))
    return TRUE;

  stw_calendar_cell_show_overflow (self);
  chip = find_in (self->popover_chips, n_items (self), item_id);
  if (chip != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (chip));
  return TRUE;
}

void
stw_calendar_cell_show_overflow (StwCalendarCell *self)
{
  g_return_if_fail (STW_IS_CALENDAR_CELL (self));

  if (n_items (self) == 0)
    return;

  ensure_popover (self);
  fill_popover (self);
  gtk_popover_popup (self->popover);
}

void
stw_calendar_cell_hide_overflow (StwCalendarCell *self)
{
  g_return_if_fail (STW_IS_CALENDAR_CELL (self));

  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
}

GtkWidget *
stw_calendar_cell_get_popover (StwCalendarCell *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CELL (self), NULL);

  return (GtkWidget *) self->popover;
}
