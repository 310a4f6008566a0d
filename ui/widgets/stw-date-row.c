/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-date-row.c: an entry row for a calendar date. People type it in the
 * locale's numeric format or as ISO "YYYY-MM-DD" (stw-date-input.h), or
 * pick a day from the calendar popover; the row shows dates in the locale's
 * format and hands out ISO. Text that is not a date gets the error style and
 * the row reports itself invalid with the reason, so the editor refuses to
 * save it rather than dropping it silently.
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "stw-date-input.h"
#include "stw-date-row.h"
#include "stw-types.h"

struct _StwDateRow
{
  AdwEntryRow  parent_instance;

  char        *date;
  char        *format;          /* the locale's, read once */
  char        *error_message;   /* why the text is not a date */
  gboolean     valid;
  gboolean     syncing_calendar;

  GtkMenuButton *calendar_button;
  GtkPopover    *calendar_popover;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (StwDateRow, stw_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
update_state (StwDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  gboolean valid = TRUE;

  if (stripped[0] != '\0')
    {
      date = stw_date_from_input (stripped, self->format, &error);
      valid = date != NULL;
    }

  g_free (self->error_message);
  self->error_message = error != NULL ? g_strdup (error->message) : NULL;
  /* Pointing at a red row says why it is red. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->error_message);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");

  /* The error text is for screen readers too, which cannot see the colour. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);

  if (g_strcmp0 (date, self->date) != 0)
    {
      g_free (self->date);
      self->date = g_steal_pointer (&date);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

/* Callbacks */

static void
text_changed_cb (StwDateRow *self)
{
  update_state (self);
}

static void
calendar_popover_shown_cb (GtkPopover *popover,
                           StwDateRow *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->date != NULL)
    {
      int y, m, d;

      if (sscanf (self->date, "%d-%d-%d", &y, &m, &d) == 3)
        day = g_date_time_new_local (y, m, d, 0, 0, 0);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->syncing_calendar = FALSE;
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          StwDateRow  *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;

  if (self->syncing_calendar)
    return;

  day = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (day, "%Y-%m-%d");
  text = stw_date_to_input (iso, self->format);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
clear_button_clicked_cb (GtkButton  *button,
                         StwDateRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self), "");
  gtk_popover_popdown (self->calendar_popover);
}

/* Overrides */

static void
stw_date_row_finalize (GObject *object)
{
  StwDateRow *self = STW_DATE_ROW (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (stw_date_row_parent_class)->finalize (object);
}

static void
stw_date_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StwDateRow *self = STW_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_date_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StwDateRow *self = STW_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      stw_date_row_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_date_row_class_init (StwDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = stw_date_row_finalize;
  object_class->get_property = stw_date_row_get_property;
  object_class->set_property = stw_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StwDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, StwDateRow, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, StwDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_button_clicked_cb);
}

static void
stw_date_row_init (StwDateRow *self)
{
  GtkEditable *text;
  g_autofree char *example = NULL;

  self->valid = TRUE;
  self->format = stw_date_input_format ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* An empty row shows, once focused, how a date looks here: a day that
   * is not in the past, in the format the row reads. */
  text = gtk_editable_get_delegate (GTK_EDITABLE (self));
  example = stw_date_input_example (self->format);
  if (GTK_IS_TEXT (text))
    {
      gtk_text_set_placeholder_text (GTK_TEXT (text), example);
      /* Outside a GtkEntry the theme does not dim a placeholder, and an
       * example in full colour reads as a date already given. */
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (text));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child))
          gtk_widget_add_css_class (child, "dim-label");
    }
}

/* Public API */

GtkWidget *
stw_date_row_new (void)
{
  return g_object_new (STW_TYPE_DATE_ROW, NULL);
}

const char *
stw_date_row_get_date (StwDateRow *self)
{
  g_return_val_if_fail (STW_IS_DATE_ROW (self), NULL);

  return self->date;
}

void
stw_date_row_set_date (StwDateRow *self,
                       const char *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (STW_IS_DATE_ROW (self));

  /* Text that is not an ISO date is shown as it is, so nothing is lost. */
  if (date != NULL)
    text = stw_date_to_input (date, self->format);
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : date != NULL ? date : "");
  /* An unchanged text emits no "changed"; make sure the state is current. */
  update_state (self);
}

gboolean
stw_date_row_get_valid (StwDateRow *self)
{
  g_return_val_if_fail (STW_IS_DATE_ROW (self), FALSE);

  return self->valid;
}

const char *
stw_date_row_get_error (StwDateRow *self)
{
  g_return_val_if_fail (STW_IS_DATE_ROW (self), NULL);

  return self->error_message;
}
