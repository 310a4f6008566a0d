/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-recurrence-row.c: the "Repeats" rows of the item editor. The
 * arithmetic is the core's (stw-recurrence.h); this only reads the form,
 * refuses what the core would refuse, and says in words what the choice
 * means, so a person sees "next after this one: 30 April" before saving.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "stw-date-row.h"
#include "stw-error.h"
#include "stw-recurrence-row.h"
#include "stw-types.h"

struct _StwRecurrenceRow
{
  AdwPreferencesGroup  parent_instance;

  char                *due_date;
  char                *summary;
  /* TRUE while the "from" date is the due date we filled in, not one the
   * person chose: it then moves with the due date. */
  gboolean             anchor_follows_due;
  guint                loading;    /* > 0 while the setters fill the form */

  AdwComboRow         *unit_row;
  AdwActionRow        *every_row;
  GtkSpinButton       *interval_spin;
  GtkLabel            *unit_label;
  StwDateRow          *anchor_row;
  GtkLabel            *summary_label;
};

G_DEFINE_FINAL_TYPE (StwRecurrenceRow, stw_recurrence_row, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
format_day (const char *iso,
            const char *today)
{
  guint y, m, d, ty = 0, tm, td;
  g_autoptr(GDateTime) day = NULL;

  if (!stw_date_is_valid (iso) || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return g_strdup (iso != NULL ? iso : "");
  day = g_date_time_new_local ((int) y, (int) m, (int) d, 12, 0, 0);
  if (today != NULL)
    sscanf (today, "%4u-%2u-%2u", &ty, &tm, &td);

  if (y == ty)
    /* Translators: a day of this year in "Every month from 31 January";
     * a g_date_time_format() pattern. */
    return g_date_time_format (day, _("%-d %B"));

  /* Translators: a day of another year in "Every month from 31 January
   * 2028"; a g_date_time_format() pattern. */
  return g_date_time_format (day, _("%-d %B %Y"));
}

static StwRepeatUnit
selected_unit (StwRecurrenceRow *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);

  return selected < STW_N_REPEAT_UNITS ? (StwRepeatUnit) selected : STW_REPEAT_NONE;
}

static guint
selected_interval (StwRecurrenceRow *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->interval_spin);
}

/* What the form holds, valid or not. */
static void
read_form (StwRecurrenceRow *self,
           StwRecurrence    *r)
{
  const char *anchor = stw_date_row_get_date (self->anchor_row);

  r->unit = selected_unit (self);
  r->interval = selected_interval (self);
  g_strlcpy (r->anchor, anchor != NULL ? anchor : "", sizeof r->anchor);
}

static const char *
unit_word (StwRepeatUnit unit,
           guint         n)
{
  switch (unit)
    {
    case STW_REPEAT_WEEKLY:
      /* Translators: after a number in "Every [2] weeks". */
      return g_dngettext (GETTEXT_PACKAGE, "week", "weeks", n);
    case STW_REPEAT_MONTHLY:
      return g_dngettext (GETTEXT_PACKAGE, "month", "months", n);
    case STW_REPEAT_QUARTERLY:
      return g_dngettext (GETTEXT_PACKAGE, "quarter", "quarters", n);
    case STW_REPEAT_HALF_YEARLY:
      return g_dngettext (GETTEXT_PACKAGE, "half-year", "half-years", n);
    case STW_REPEAT_YEARLY:
      return g_dngettext (GETTEXT_PACKAGE, "year", "years", n);
    case STW_REPEAT_NONE:
    default:
      return "";
    }
}

static const char *
interval_accessible_name (StwRepeatUnit unit)
{
  switch (unit)
    {
    case STW_REPEAT_WEEKLY:
      return _("Weeks between occurrences");
    case STW_REPEAT_MONTHLY:
      return _("Months between occurrences");
    case STW_REPEAT_QUARTERLY:
      return _("Quarters between occurrences");
    case STW_REPEAT_HALF_YEARLY:
      return _("Half-years between occurrences");
    case STW_REPEAT_YEARLY:
      return _("Years between occurrences");
    case STW_REPEAT_NONE:
    default:
      return _("Periods between occurrences");
    }
}

static void
update_summary (StwRecurrenceRow *self)
{
  StwRecurrence r;
  g_autofree char *summary = NULL;

  read_form (self, &r);
  if (r.unit == STW_REPEAT_NONE)
    summary = g_strdup ("");
  else if (!stw_date_row_get_valid (self->anchor_row))
    summary = g_strdup (stw_date_row_get_error (self->anchor_row));
  else if (r.anchor[0] == '\0')
    summary = g_strdup (_("Choose the date it repeats from."));
  else
    summary = stw_recurrence_row_summarize (&r, self->due_date);

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  gtk_label_set_label (self->summary_label, self->summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), self->summary[0] != '\0');
}

/* Everything that follows the unit: which rows show, the unit's word after
 * the interval, the summary. */
static void
update_state (StwRecurrenceRow *self)
{
  StwRepeatUnit unit = selected_unit (self);
  gboolean repeats = unit != STW_REPEAT_NONE;

  gtk_widget_set_visible (GTK_WIDGET (self->every_row), repeats);
  gtk_widget_set_visible (GTK_WIDGET (self->anchor_row), repeats);
  gtk_label_set_label (self->unit_label, unit_word (unit, selected_interval (self)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->interval_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, interval_accessible_name (unit),
                                  -1);
  update_summary (self);
}

static void
set_anchor (StwRecurrenceRow *self,
            const char       *anchor)
{
  self->loading++;
  stw_date_row_set_date (self->anchor_row, anchor);
  self->loading--;
}

static void
emit_changed (StwRecurrenceRow *self)
{
  if (self->loading == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Callbacks */

static void
unit_selected_cb (StwRecurrenceRow *self)
{
  /* A task that starts repeating repeats from its due date unless the
   * person says otherwise. */
  if (self->loading == 0 && selected_unit (self) != STW_REPEAT_NONE &&
      gtk_editable_get_text (GTK_EDITABLE (self->anchor_row))[0] == '\0' &&
      self->due_date != NULL)
    {
      set_anchor (self, self->due_date);
      self->anchor_follows_due = TRUE;
    }
  update_state (self);
  emit_changed (self);
}

static void
interval_changed_cb (StwRecurrenceRow *self)
{
  update_state (self);
  emit_changed (self);
}

static void
anchor_changed_cb (StwRecurrenceRow *self)
{
  if (self->loading == 0)
    self->anchor_follows_due = FALSE;
  update_summary (self);
  emit_changed (self);
}

/* Overrides */

static void
stw_recurrence_row_finalize (GObject *object)
{
  StwRecurrenceRow *self = STW_RECURRENCE_ROW (object);

  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (stw_recurrence_row_parent_class)->finalize (object);
}

static void
stw_recurrence_row_class_init (StwRecurrenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = stw_recurrence_row_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (STW_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-recurrence-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StwRecurrenceRow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, StwRecurrenceRow, every_row);
  gtk_widget_class_bind_template_child (widget_class, StwRecurrenceRow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, StwRecurrenceRow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, StwRecurrenceRow, anchor_row);
  gtk_widget_class_bind_template_child (widget_class, StwRecurrenceRow, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, unit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, interval_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, anchor_changed_cb);
}

static void
stw_recurrence_row_init (StwRecurrenceRow *self)
{
  self->summary = g_strdup ("");

  self->loading++;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading--;

  update_state (self);
}

/* Public API */

GtkWidget *
stw_recurrence_row_new (void)
{
  return g_object_new (STW_TYPE_RECURRENCE_ROW, NULL);
}

void
stw_recurrence_row_set_recurrence (StwRecurrenceRow    *self,
                                   const StwRecurrence *recurrence)
{
  g_return_if_fail (STW_IS_RECURRENCE_ROW (self));

  self->loading++;
  if (recurrence == NULL || recurrence->unit == STW_REPEAT_NONE || recurrence->unit >= STW_N_REPEAT_UNITS)
    {
      adw_combo_row_set_selected (self->unit_row, STW_REPEAT_NONE);
      gtk_spin_button_set_value (self->interval_spin, 1);
      stw_date_row_set_date (self->anchor_row, NULL);
    }
  else
    {
      adw_combo_row_set_selected (self->unit_row, recurrence->unit);
      gtk_spin_button_set_value (self->interval_spin, CLAMP (recurrence->interval, 1, STW_RECURRENCE_MAX_INTERVAL));
      stw_date_row_set_date (self->anchor_row, recurrence->anchor[0] != '\0' ? recurrence->anchor : NULL);
    }
  self->anchor_follows_due = stw_date_row_get_date (self->anchor_row) == NULL;
  if (self->anchor_follows_due && selected_unit (self) != STW_REPEAT_NONE && self->due_date != NULL)
    stw_date_row_set_date (self->anchor_row, self->due_date);
  self->loading--;

  update_state (self);
}

gboolean
stw_recurrence_row_get_recurrence (StwRecurrenceRow  *self,
                                   StwRecurrence     *out,
                                   GError           **error)
{
  StwRecurrence r;

  g_return_val_if_fail (STW_IS_RECURRENCE_ROW (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  read_form (self, &r);
  if (r.unit == STW_REPEAT_NONE)
    {
      StwRecurrence none = { STW_REPEAT_NONE, 0, "" };

      *out = none;
      return TRUE;
    }

  if (!stw_date_row_get_valid (self->anchor_row))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   /* Translators: the date a task repeats from; %s says why
                    * the text is not a date. */
                   _("Repeats from: %s"), stw_date_row_get_error (self->anchor_row));
      return FALSE;
    }
  if (!stw_recurrence_validate (&r, error))
    return FALSE;

  *out = r;
  return TRUE;
}

void
stw_recurrence_row_set_due_date (StwRecurrenceRow *self,
                                 const char       *due_date)
{
  g_return_if_fail (STW_IS_RECURRENCE_ROW (self));

  if (due_date != NULL && !stw_date_is_valid (due_date))
    due_date = NULL;
  if (g_strcmp0 (due_date, self->due_date) == 0)
    return;

  g_free (self->due_date);
  self->due_date = g_strdup (due_date);

  if (self->anchor_follows_due && selected_unit (self) != STW_REPEAT_NONE)
    set_anchor (self, self->due_date);
  update_summary (self);
}

const char *
stw_recurrence_row_get_summary (StwRecurrenceRow *self)
{
  g_return_val_if_fail (STW_IS_RECURRENCE_ROW (self), NULL);

  return self->summary;
}

char *
stw_recurrence_row_summarize (const StwRecurrence *recurrence,
                              const char          *due_date)
{
  g_autofree char *today = stw_date_today ();
  g_autofree char *every = NULL;
  g_autofree char *from = NULL;
  g_autofree char *next = NULL;
  g_autofree char *next_text = NULL;
  const char *this_one;

  g_return_val_if_fail (recurrence != NULL, NULL);

  every = stw_recurrence_describe (recurrence);
  if (recurrence->unit == STW_REPEAT_NONE || !stw_date_is_valid (recurrence->anchor))
    return g_steal_pointer (&every);

  from = format_day (recurrence->anchor, today);
  this_one = stw_date_is_valid (due_date) ? due_date : recurrence->anchor;
  next = stw_recurrence_next_after (recurrence, this_one);
  if (next == NULL)
    /* Translators: "Every 3 months from 31 January". */
    return g_strdup_printf (_("%s from %s"), every, from);

  next_text = format_day (next, today);
  /* Translators: "Every 3 months from 31 January; next after this one:
   * 30 April". The first %s is a repetition such as "Every 3 months", then
   * two days. */
  return g_strdup_printf (_("%s from %s; next after this one: %s"), every, from, next_text);
}
