/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream-row.c: a sidebar row for one workstream: its name, how
 * many items are open and, in a badge, how many are overdue. A custom
 * workstream shows a dot in its colour where the built-in ones have an
 * icon. The counts and the name follow the workstream's notifications, so
 * the row stays current as items change anywhere in the window. Its
 * menu (settings, and the plan's roll-forward and template) opens on a
 * right click, a long press, Shift+F10 or the Menu key.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-workstream-row.h"

struct _StwWorkstreamRow
{
  GtkListBoxRow  parent_instance;

  StwWorkstream *workstream;

  GtkImage      *icon;
  GtkDrawingArea *colour_dot;
  GdkRGBA        colour;
  GtkLabel      *name_label;
  GtkLabel      *open_label;
  GtkLabel      *overdue_label;
  GtkWidget     *menu;          /* the context menu, made when first opened */
};

G_DEFINE_FINAL_TYPE (StwWorkstreamRow, stw_workstream_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_WORKSTREAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static const char *
icon_for_kind (StwWorkstreamKind kind)
{
  switch (kind)
    {
    case STW_WORKSTREAM_PLAN:
      return "x-office-calendar-symbolic";
    case STW_WORKSTREAM_TREATMENT:
      return "security-medium-symbolic";
    case STW_WORKSTREAM_CORRECTIVE:
      return "emblem-synchronizing-symbolic";
    case STW_WORKSTREAM_TASKS:
      return "object-select-symbolic";
    case STW_WORKSTREAM_CUSTOM:
    default:
      return "view-list-symbolic";
    }
}

static void
update_counts (StwWorkstreamRow *self)
{
  g_autofree char *open_text = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *accessible = NULL;
  guint n_open = 0;
  guint n_overdue = 0;

  if (self->workstream != NULL)
    {
      n_open = stw_workstream_get_open_count (self->workstream);
      n_overdue = stw_workstream_get_overdue_count (self->workstream);
    }

  open_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", n_open), n_open);
  overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n_overdue), n_overdue);

  gtk_label_set_label (self->open_label, open_text);
  gtk_label_set_label (self->overdue_label, overdue_text);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), n_overdue > 0);

  /* Screen readers get the whole row in one phrase. */
  if (n_overdue > 0)
    accessible = g_strdup_printf ("%s, %s, %s",
                                  gtk_label_get_label (self->name_label),
                                  open_text, overdue_text);
  else
    accessible = g_strdup_printf ("%s, %s",
                                  gtk_label_get_label (self->name_label),
                                  open_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update_look (StwWorkstreamRow *self)
{
  const char *colour = self->workstream != NULL ? stw_workstream_get_colour (self->workstream) : NULL;
  gboolean dot = self->workstream != NULL
    && stw_workstream_get_kind (self->workstream) == STW_WORKSTREAM_CUSTOM
    && colour != NULL && gdk_rgba_parse (&self->colour, colour);

  if (self->workstream != NULL)
    {
      gtk_label_set_label (self->name_label, stw_workstream_get_name (self->workstream));
      gtk_image_set_from_icon_name (self->icon, icon_for_kind (stw_workstream_get_kind (self->workstream)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->icon), !dot);
  gtk_widget_set_visible (GTK_WIDGET (self->colour_dot), dot);
  gtk_widget_queue_draw (GTK_WIDGET (self->colour_dot));

  update_counts (self);
}

/* A filled circle with a thin darker ring, so that light colours still
 * show on a light sidebar. */
static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  StwWorkstreamRow *self = STW_WORKSTREAM_ROW (user_data);
  double radius = MIN (width, height) / 2.0 - 3.0;

  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &self->colour);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

/* Opens the row's menu at @x, @y, or under the row when both are
 * negative. */
static gboolean
popup_menu (StwWorkstreamRow *self,
            double            x,
            double            y)
{
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle where;

  if (self->workstream == NULL)
    return FALSE;

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }

  model = stw_workstream_menu_new (self->workstream, TRUE);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);

  if (x < 0 || y < 0)
    {
      x = 12;
      y = gtk_widget_get_height (GTK_WIDGET (self));
    }

  where.x = (int) x;
  where.y = (int) y;
  where.width = where.height = 1;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &where);
  gtk_popover_popup (GTK_POPOVER (self->menu));

  return TRUE;
}

/* Callbacks */

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            StwWorkstreamRow *self)
{
  if (popup_menu (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 StwWorkstreamRow    *self)
{
  if (popup_menu (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
menu_key_pressed_cb (GtkWidget *widget,
                     GVariant  *arguments,
                     gpointer   user_data)
{
  return popup_menu (STW_WORKSTREAM_ROW (widget), -1, -1);
}

static void
counts_changed_cb (StwWorkstreamRow *self)
{
  update_counts (self);
}

static void
name_changed_cb (StwWorkstreamRow *self)
{
  update_look (self);
}

/* Overrides */

static void
stw_workstream_row_constructed (GObject *object)
{
  StwWorkstreamRow *self = STW_WORKSTREAM_ROW (object);

  G_OBJECT_CLASS (stw_workstream_row_parent_class)->constructed (object);

  if (self->workstream != NULL)
    {
      g_signal_connect_object (self->workstream, "notify::name",
                               G_CALLBACK (name_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->workstream, "notify::open-count",
                               G_CALLBACK (counts_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->workstream, "notify::overdue-count",
                               G_CALLBACK (counts_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_look (self);
}

static void
stw_workstream_row_dispose (GObject *object)
{
  StwWorkstreamRow *self = STW_WORKSTREAM_ROW (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_WORKSTREAM_ROW);
  g_clear_object (&self->workstream);

  G_OBJECT_CLASS (stw_workstream_row_parent_class)->dispose (object);
}

static void
stw_workstream_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StwWorkstreamRow *self = STW_WORKSTREAM_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSTREAM:
      g_value_set_object (value, self->workstream);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_workstream_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StwWorkstreamRow *self = STW_WORKSTREAM_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSTREAM:
      self->workstream = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_workstream_row_class_init (StwWorkstreamRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = stw_workstream_row_constructed;
  object_class->dispose = stw_workstream_row_dispose;
  object_class->get_property = stw_workstream_row_get_property;
  object_class->set_property = stw_workstream_row_set_property;

  properties[PROP_WORKSTREAM] =
    g_param_spec_object ("workstream", NULL, NULL,
                         STW_TYPE_WORKSTREAM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-workstream-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamRow, icon);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamRow, colour_dot);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamRow, open_label);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamRow, overdue_label);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_pressed_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_pressed_cb, NULL);
}

static void
stw_workstream_row_init (StwWorkstreamRow *self)
{
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->colour_dot, draw_dot, self, NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (long_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

/* Public API */

GtkWidget *
stw_workstream_row_new (StwWorkstream *workstream)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM (workstream), NULL);

  return g_object_new (STW_TYPE_WORKSTREAM_ROW,
                       "workstream", workstream,
                       NULL);
}

StwWorkstream *
stw_workstream_row_get_workstream (StwWorkstreamRow *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_ROW (self), NULL);

  return self->workstream;
}

void
stw_workstream_row_update (StwWorkstreamRow *self)
{
  g_return_if_fail (STW_IS_WORKSTREAM_ROW (self));

  update_look (self);
}

GMenuModel *
stw_workstream_menu_new (StwWorkstream *workstream,
                         gboolean       offer_new)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) settings = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  g_return_val_if_fail (STW_IS_WORKSTREAM (workstream), NULL);

  if (stw_workstream_get_kind (workstream) == STW_WORKSTREAM_PLAN)
    {
      g_autoptr(GMenu) plan = g_menu_new ();

      g_menu_append (plan, _("_Roll forward to next year…"), "win.roll-forward");
      g_menu_append (plan, _("_Add the template plan…"), "win.apply-plan-template");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (plan));
    }

  item = g_menu_item_new (_("Workstream _settings…"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.edit-workstream",
                                           g_variant_new_int64 (stw_workstream_get_id (workstream)));
  g_menu_append_item (settings, item);
  if (offer_new)
    g_menu_append (settings, _("_New workstream…"), "win.new-workstream");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (settings));

  return G_MENU_MODEL (menu);
}
