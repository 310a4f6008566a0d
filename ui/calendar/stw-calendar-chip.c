/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-calendar-chip.c: one item on a calendar day. Chips are kept and
 * re-filled by their cell when items change, so everything visible is set
 * in stw_calendar_chip_set_item(). Overdue is said with an icon and in the
 * accessible name as well as in colour.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-calendar-chip.h"

struct _StwCalendarChip
{
  GtkWidget  parent_instance;

  StwItem   *item;

  GtkImage  *icon;
  GtkLabel  *ref_label;
  GtkLabel  *title_label;
};

G_DEFINE_FINAL_TYPE (StwCalendarChip, stw_calendar_chip, GTK_TYPE_WIDGET)

#define CHIP_SPACING 4
/* Below this much room for the title the reference is left out. */
#define MIN_TITLE_WIDTH 56

/* Helpers */

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
open_item (StwCalendarChip *self)
{
  if (self->item == NULL || stw_item_get_id (self->item) == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.open-item", "x",
                              stw_item_get_id (self->item));
}

/* Signal callbacks */

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   StwCalendarChip *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  open_item (self);
}

static GdkContentProvider *
drag_prepared_cb (GtkDragSource   *source,
                  double           x,
                  double           y,
                  StwCalendarChip *self)
{
  if (self->item == NULL || stw_item_get_id (self->item) == 0)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_INT64, stw_item_get_id (self->item));
}

static void
drag_began_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               StwCalendarChip *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  GtkWidget *popover;

  gtk_drag_source_set_icon (source, paintable, 0, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");

  /* A chip dragged out of a day's overflow list: the list would cover the
   * days it can be dropped on. */
  popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
drag_ended_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               gboolean         delete_data,
               StwCalendarChip *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

/* Overrides */

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_item (STW_CALENDAR_CHIP (widget));
}

static void
stw_calendar_chip_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  StwCalendarChip *self = STW_CALENDAR_CHIP (widget);
  GtkWidget *children[] = { GTK_WIDGET (self->icon), GTK_WIDGET (self->ref_label), GTK_WIDGET (self->title_label) };
  int min = 0, nat = 0;
  guint n_visible = 0;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      int child_min, child_nat;

      if (!gtk_widget_get_visible (children[i]))
        continue;
      gtk_widget_measure (children[i], orientation, -1, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* The reference can be left out, so it adds nothing to the
           * minimum. */
          if (children[i] != GTK_WIDGET (self->ref_label))
            min += child_min;
          nat += child_nat;
          n_visible++;
        }
      else
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL && n_visible > 1)
    nat += (int) (n_visible - 1) * CHIP_SPACING;

  *minimum = min;
  *natural = nat;
}

static void
place (GtkWidget *child,
       int        x,
       int        width,
       int        height,
       int        total_width,
       gboolean   rtl)
{
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { rtl ? total_width - x - width : x, 0, width, height },
                            -1);
}

/* Icon, reference, title; when the chip is too narrow for the reference
 * and a useful part of the title, the reference goes (it stays in the
 * tooltip and the accessible name). */
static void
stw_calendar_chip_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  StwCalendarChip *self = STW_CALENDAR_CHIP (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x = 0, ref_w, title_min, title_nat;
  gboolean show_ref;

  if (gtk_widget_get_visible (GTK_WIDGET (self->icon)))
    {
      int icon_w;

      gtk_widget_measure (GTK_WIDGET (self->icon), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &icon_w, NULL, NULL);
      icon_w = MIN (icon_w, width);
      place (GTK_WIDGET (self->icon), 0, icon_w, height, width, rtl);
      x = icon_w + CHIP_SPACING;
    }

  gtk_widget_measure (GTK_WIDGET (self->ref_label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &ref_w, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->title_label), GTK_ORIENTATION_HORIZONTAL, -1, &title_min, &title_nat, NULL, NULL);
  show_ref = width - x >= ref_w + CHIP_SPACING + MIN (title_nat, MIN_TITLE_WIDTH);

  gtk_widget_set_child_visible (GTK_WIDGET (self->ref_label), show_ref);
  if (show_ref)
    {
      place (GTK_WIDGET (self->ref_label), x, ref_w, height, width, rtl);
      x += ref_w + CHIP_SPACING;
    }

  place (GTK_WIDGET (self->title_label), x, MAX (width - x, title_min), height, width, rtl);
}

static void
stw_calendar_chip_dispose (GObject *object)
{
  StwCalendarChip *self = STW_CALENDAR_CHIP (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (stw_calendar_chip_parent_class)->dispose (object);
}

static void
stw_calendar_chip_class_init (StwCalendarChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_calendar_chip_dispose;

  widget_class->measure = stw_calendar_chip_measure;
  widget_class->size_allocate = stw_calendar_chip_size_allocate;

  gtk_widget_class_install_action (widget_class, "chip.open", NULL, open_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chip.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chip.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "chip.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chip.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "chip.open", NULL);

  /* The view has these too, but key presses in a day's popover stop at
   * the popover; the actions themselves are found up the parents. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-week-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-week-later", NULL);

  gtk_widget_class_set_css_name (widget_class, "calendarchip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
stw_calendar_chip_init (StwCalendarChip *self)
{
  GtkEventController *controller;
  GtkDragSource *source;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  self->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("alarm-symbolic"));
  gtk_widget_set_visible (GTK_WIDGET (self->icon), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));

  self->ref_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->ref_label), "chip-ref");
  gtk_widget_set_parent (GTK_WIDGET (self->ref_label), GTK_WIDGET (self));

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_width_chars (self->title_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "chip-title");
  gtk_widget_set_parent (GTK_WIDGET (self->title_label), GTK_WIDGET (self));

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_PRIMARY);
  g_signal_connect (controller, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepared_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_began_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_ended_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

/* Public API */

GtkWidget *
stw_calendar_chip_new (void)
{
  return g_object_new (STW_TYPE_CALENDAR_CHIP, NULL);
}

StwItem *
stw_calendar_chip_get_item (StwCalendarChip *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CHIP (self), NULL);

  return self->item;
}

gint64
stw_calendar_chip_get_item_id (StwCalendarChip *self)
{
  g_return_val_if_fail (STW_IS_CALENDAR_CHIP (self), 0);

  return self->item != NULL ? stw_item_get_id (self->item) : 0;
}

void
stw_calendar_chip_set_item (StwCalendarChip *self,
                            StwItem         *item,
                            const char      *today)
{
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  const char *ref;
  const char *title;
  const char *due;
  StwStatus status;
  gboolean overdue;
  gboolean closed;

  g_return_if_fail (STW_IS_CALENDAR_CHIP (self));
  g_return_if_fail (item == NULL || STW_IS_ITEM (item));

  if (!g_set_object (&self->item, item) && item != NULL)
    {
      /* Same object: the model hands out a new one when a row changes, so
       * only "today" can differ. */
      if (today == NULL || stw_item_is_overdue (item, today) == gtk_widget_has_css_class (GTK_WIDGET (self), "overdue"))
        return;
    }

  if (item == NULL)
    {
      gtk_label_set_label (self->ref_label, "");
      gtk_label_set_label (self->title_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->icon), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  ref = stw_item_get_ref (item) != NULL ? stw_item_get_ref (item) : "";
  title = stw_item_get_title (item) != NULL ? stw_item_get_title (item) : "";
  due = stw_item_get_due_date (item) != NULL ? stw_item_get_due_date (item) : "";
  status = stw_item_get_status (item);
  overdue = today != NULL && stw_item_is_overdue (item, today);
  closed = !stw_status_is_open (status);

  gtk_label_set_label (self->ref_label, ref);
  gtk_label_set_label (self->title_label, title);

  set_class (GTK_WIDGET (self), "overdue", overdue);
  set_class (GTK_WIDGET (self), "closed", closed);
  set_class (GTK_WIDGET (self), "status-done", status == STW_STATUS_DONE);
  set_class (GTK_WIDGET (self), "status-cancelled", status == STW_STATUS_CANCELLED);

  if (overdue)
    gtk_image_set_from_icon_name (self->icon, "alarm-symbolic");
  else if (status == STW_STATUS_DONE)
    gtk_image_set_from_icon_name (self->icon, "object-select-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->icon), overdue || status == STW_STATUS_DONE);

  /* The status in words, as the list's rows and the board's cards say it:
   * colour and the struck-through title are not read out. */
  if (overdue)
    /* Translators: a calendar entry: reference, title, status (such as
     * "In progress"), due date, warning. */
    label = g_strdup_printf (_("%s %s, %s, due %s, overdue"), ref, title, stw_status_label (status), due);
  else
    /* Translators: a calendar entry: reference, title, status (such as
     * "Done"), due date. */
    label = g_strdup_printf (_("%s %s, %s, due %s"), ref, title, stw_status_label (status), due);

  if (overdue)
    /* Translators: tooltip of a calendar entry: title, then a warning. */
    tooltip = g_strdup_printf (_("%s\nOverdue"), title);
  else if (closed)
    tooltip = g_strdup_printf ("%s\n%s", title, stw_status_label (status));
  else
    tooltip = g_strdup (title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
stw_calendar_chip_set_selected (StwCalendarChip *self,
                                gboolean         selected)
{
  g_return_if_fail (STW_IS_CALENDAR_CHIP (self));

  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
}

StwCalendarChip *
stw_calendar_chip_find_ancestor (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;

  if (STW_IS_CALENDAR_CHIP (widget))
    return STW_CALENDAR_CHIP (widget);

  return (StwCalendarChip *) gtk_widget_get_ancestor (widget, STW_TYPE_CALENDAR_CHIP);
}
