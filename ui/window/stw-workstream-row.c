/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream-row.c: a sidebar row for one workstream: its name, how
 * many items are open and, in a badge, how many are overdue. A custom
 * workstream shows a dot in its colour where the built-in ones have an
 * icon. The counts and the name follow the workstream's notifications, so
 * the row stays current as items change anywhere in the window.
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

/* Callbacks */

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
}

static void
stw_workstream_row_init (StwWorkstreamRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->colour_dot, draw_dot, self, NULL);
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
