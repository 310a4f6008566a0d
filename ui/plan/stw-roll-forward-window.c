/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-roll-forward-window.c: the annual roll-forward review. The core
 * proposes one row per repeating task (stw_workspace_plan_roll_forward);
 * this window lets the person edit those rows and hands them back to
 * stw_workspace_roll_forward, which writes the next year in one
 * transaction. Nothing is written before Confirm.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "stw-date-input.h"
#include "stw-history-list.h"
#include "stw-item-model.h"
#include "stw-plan.h"
#include "stw-roll-forward-window.h"

/* The widgets of one task, and the core's row they edit. */
typedef struct
{
  StwRollForwardWindow *window;
  StwRollRow           *row;          /* owned by the window's rows array */
  AdwExpanderRow       *expander;
  GtkSwitch            *include_switch;
  GtkWidget            *warning_icon;   /* shown while the task cannot be saved */
  AdwComboRow          *owner_row;
  AdwEntryRow          *dates_row;
  GArray               *owner_ids;    /* gint64 per owner choice */
  GStrv                 dates;        /* parsed, sorted, unique; NULL when invalid */
} Task;

struct _StwRollForwardWindow
{
  AdwWindow       parent_instance;

  StwWorkspace   *workspace;
  char           *cycle_start;       /* as asked; NULL for the current year */
  char           *first_day;         /* the year being rolled forward */
  char           *last_day;
  char           *next_first_day;
  char           *next_last_day;
  GPtrArray      *rows;              /* StwRollRow *, from the core */
  GPtrArray      *tasks;             /* Task * */
  GHashTable     *scheduled;         /* "series-id date" already in next year */
  gboolean        already_done;
  guint           n_to_create;
  gboolean        can_confirm;

  AdwWindowTitle *window_title;
  GtkButton      *cancel_button;
  GtkButton      *confirm_button;
  GtkStack       *stack;
  GtkLabel       *heading_label;
  GtkLabel       *explanation_label;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwPreferencesGroup *tasks_group;
  GtkListBox     *tasks_list;
  GtkWidget      *count_bar;
  GtkLabel       *count_label;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *done_page;
};

G_DEFINE_FINAL_TYPE (StwRollForwardWindow, stw_roll_forward_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_CYCLE_START,
  PROP_N_TO_CREATE,
  PROP_CAN_CONFIRM,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void task_include_changed_cb (GtkSwitch   *sw,
                                     GParamSpec  *pspec,
                                     Task        *task);
static void task_owner_changed_cb   (AdwComboRow *row,
                                     GParamSpec  *pspec,
                                     Task        *task);
static void task_dates_changed_cb   (GtkEditable *editable,
                                     Task        *task);

/* Helpers */

static void
task_free (gpointer data)
{
  Task *task = data;

  g_clear_pointer (&task->owner_ids, g_array_unref);
  g_clear_pointer (&task->dates, g_strfreev);
  g_free (task);
}

static GDateTime *
date_time_from_iso (const char *iso)
{
  guint y, m, d;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local ((int) y, (int) m, (int) d, 12, 0, 0);
}

static char *
format_iso (const char *iso,
            const char *format)
{
  g_autoptr(GDateTime) dt = date_time_from_iso (iso);

  return dt != NULL ? g_date_time_format (dt, format) : g_strdup (iso);
}

/* "2028", or "April 2028 to March 2029" when the ISMS year is not a
 * calendar year. */
static char *
describe_year (const char *first_day,
               const char *last_day)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (g_str_has_suffix (first_day, "-01-01"))
    return g_strndup (first_day, 4);

  /* Translators: a month and year, the start or end of an ISMS year. */
  from = format_iso (first_day, _("%B %Y"));
  to = format_iso (last_day, _("%B %Y"));
  /* Translators: an ISMS year that is not a calendar year, such as "April
   * 2028 to March 2029". */
  return g_strdup_printf (_("%s to %s"), from, to);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements. */
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The dates typed in a task's entry, in the locale's format or ISO,
 * separated by commas (or spaces or semicolons), as ISO. NULL when one is
 * not a date or there is none. */
static GStrv
parse_dates (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, ",;\t\n", -1);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *date = NULL;
      g_auto(GStrv) words = NULL;

      if (g_strstrip (tokens[i])[0] == '\0')
        continue;
      /* A locale's format may have spaces in it ("2027. 03. 31."); only
       * when the whole is not one date are spaces between dates. */
      date = stw_date_from_input (tokens[i], NULL, NULL);
      if (date != NULL)
        {
          if (!g_ptr_array_find_with_equal_func (dates, date, g_str_equal, NULL))
            g_ptr_array_add (dates, g_steal_pointer (&date));
          continue;
        }
      words = g_strsplit (tokens[i], " ", -1);
      for (guint j = 0; words[j] != NULL; j++)
        {
          g_autofree char *word_date = NULL;

          if (words[j][0] == '\0')
            continue;
          word_date = stw_date_from_input (words[j], NULL, NULL);
          if (word_date == NULL)
            return NULL;
          if (!g_ptr_array_find_with_equal_func (dates, word_date, g_str_equal, NULL))
            g_ptr_array_add (dates, g_steal_pointer (&word_date));
        }
    }
  if (dates->len == 0)
    return NULL;

  g_ptr_array_sort (dates, compare_dates);
  g_ptr_array_add (dates, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&dates), FALSE);
}

static gint64
task_owner_id (Task *task)
{
  guint selected = adw_combo_row_get_selected (task->owner_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= task->owner_ids->len)
    return 0;
  return g_array_index (task->owner_ids, gint64, selected);
}

static gboolean
task_owner_valid (StwRollForwardWindow *self,
                  Task                 *task)
{
  gint64 id = task_owner_id (task);
  StwPerson *person;

  if (id == 0)
    return TRUE;
  person = stw_workspace_find_person (self->workspace, id);
  return person != NULL && stw_person_get_active (person);
}

static char *
scheduled_key (gint64      series_id,
               const char *date)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", series_id, date);
}

static guint
task_n_new (StwRollForwardWindow *self,
            Task                 *task)
{
  guint n = 0;

  for (guint i = 0; task->dates != NULL && task->dates[i] != NULL; i++)
    {
      g_autofree char *key = scheduled_key (task->row->series_id, task->dates[i]);

      if (!g_hash_table_contains (self->scheduled, key))
        n++;
    }
  return n;
}

/* The collapsed row says it all: who, how often, when. */
static void
update_task_subtitle (StwRollForwardWindow *self,
                      Task                 *task)
{
  g_autofree char *every = stw_recurrence_describe (&task->row->recurrence);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  const char *owner = _("no owner");
  guint selected = adw_combo_row_get_selected (task->owner_row);
  GListModel *names = adw_combo_row_get_model (task->owner_row);
  g_autoptr(GtkStringObject) name = NULL;

  if (!gtk_switch_get_active (task->include_switch))
    {
      adw_expander_row_set_subtitle (task->expander, _("Left out: nothing is created for next year"));
      return;
    }

  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    {
      name = g_list_model_get_item (names, selected);
      owner = gtk_string_object_get_string (name);
    }

  if (task->dates == NULL)
    when = g_strdup (_("dates to correct"));
  else
    {
      guint n = g_strv_length (task->dates);

      /* The heading names a calendar year; one that spans two needs the
       * year with each date. */
      const char *format = g_str_has_suffix (self->next_first_day, "-01-01")
                           /* Translators: a due date in the roll-forward list when
                            * the ISMS year is a calendar year, "15 Jan"; a
                            * g_date_time_format() pattern. */
                           ? _("%-d %b")
                           /* Translators: a due date in the roll-forward list,
                            * "15 Jan 2028"; a g_date_time_format() pattern. */
                           : _("%-d %b %Y");

      if (n <= 4)
        {
          g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; i < n; i++)
            g_ptr_array_add (days, format_iso (task->dates[i], format));
          g_ptr_array_add (days, NULL);
          when = g_strjoinv (", ", (char **) days->pdata);
        }
      else
        {
          g_autofree char *first = format_iso (task->dates[0], format);
          g_autofree char *last = format_iso (task->dates[n - 1], format);

          /* Translators: "12 dates, 5 Jan to 5 Dec". */
          when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u date, %s to %s", "%u dates, %s to %s", n),
                                  n, first, last);
        }
    }

  /* Translators: the summary of a task to roll forward: reference,
   * repetition, owner, dates: "OP-2027-014 · Every quarter · Ann · 15 Jan,
   * 15 Apr". */
  subtitle = g_strdup_printf (_("%s · %s · %s · %s"), task->row->ref, every, owner, when);
  adw_expander_row_set_subtitle (task->expander, subtitle);
}

static void
set_can_confirm (StwRollForwardWindow *self,
                 gboolean              can_confirm)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roll-forward.confirm", can_confirm);
  if (self->can_confirm == can_confirm)
    return;
  self->can_confirm = can_confirm;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CONFIRM]);
}

/* Counts what confirming would create and whether it may. */
static void
update_totals (StwRollForwardWindow *self)
{
  guint n_new = 0, n_included = 0, n_invalid = 0;
  g_autofree char *description = NULL;
  g_autofree char *count = NULL;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *task = g_ptr_array_index (self->tasks, i);

      if (!gtk_switch_get_active (task->include_switch))
        continue;
      n_included++;
      if (task->dates == NULL || !task_owner_valid (self, task))
        n_invalid++;
      else
        n_new += task_n_new (self, task);
    }

  /* Translators: how many of the year's repeating tasks go into the next. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u of %u task is carried into next year",
                                              "%u of %u tasks are carried into next year",
                                              self->tasks->len),
                                 n_included, self->tasks->len);
  adw_preferences_group_set_description (self->tasks_group, description);

  if (n_invalid > 0)
    {
      count = g_strdup (_("Correct the marked tasks first."));
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
      n_new = 0;
    }
  else
    {
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u new item will be created.",
                                            "%u new items will be created.",
                                            n_new),
                               n_new);
      gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
    }
  gtk_label_set_label (self->count_label, count);

  if (self->n_to_create != n_new)
    {
      self->n_to_create = n_new;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TO_CREATE]);
    }

  set_can_confirm (self, !self->already_done && self->tasks->len > 0 && n_invalid == 0);
}

static void
validate_task (StwRollForwardWindow *self,
               Task                 *task)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (task->dates_row));
  gboolean included = gtk_switch_get_active (task->include_switch);
  gboolean owner_ok;

  g_clear_pointer (&task->dates, g_strfreev);
  task->dates = parse_dates (text);

  /* A task that is left out is never wrong. */
  if (task->dates == NULL && included)
    gtk_widget_add_css_class (GTK_WIDGET (task->dates_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (task->dates_row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (task->dates_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               task->dates == NULL && included ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  owner_ok = task_owner_valid (self, task);
  if (owner_ok || !included)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (task->owner_row), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (task->owner_row), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (task->owner_row), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (task->owner_row),
                                   _("No longer active: choose someone else"));
    }

  gtk_widget_set_visible (task->warning_icon, included && (task->dates == NULL || !owner_ok));

  update_task_subtitle (self, task);
}

static void
show_error (StwRollForwardWindow *self,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* Who rolled the year forward and when, in place of the list. */
static void
show_already_done (StwRollForwardWindow *self,
                   const char           *reviewed_by,
                   const char           *reviewed_at)
{
  g_autofree char *when = stw_history_format_time (reviewed_at);
  g_autofree char *next = describe_year (self->next_first_day, self->next_last_day);
  g_autofree char *description = NULL;

  self->already_done = TRUE;
  /* Translators: "Ann Smith rolled the plan forward to 2028 on 3 December
   * 2027, 14:02." */
  description = g_strdup_printf (_("%s rolled the plan forward to %s on %s. "
                                   "A year is rolled forward once; change next year’s items in the plan itself."),
                                 reviewed_by != NULL ? reviewed_by : _("Someone"), next, when);
  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (self->count_bar, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  set_can_confirm (self, FALSE);
}

static void
fill_owners (StwRollForwardWindow *self,
             Task                 *task)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *people = stw_workspace_get_people (self->workspace);
  guint selected = 0;
  gint64 none = 0;

  gtk_string_list_append (names, _("No owner"));
  g_array_append_val (task->owner_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (people, i);
      gint64 id = stw_person_get_id (person);

      if (!stw_person_get_active (person) && id != task->row->owner_id)
        continue;
      if (id == task->row->owner_id)
        selected = task->owner_ids->len;
      g_array_append_val (task->owner_ids, id);
      if (stw_person_get_active (person))
        gtk_string_list_append (names, stw_person_get_name (person));
      else
        {
          /* Translators: an owner who is no longer active; %s is a name. */
          g_autofree char *label = g_strdup_printf (_("%s (inactive)"), stw_person_get_name (person));
          gtk_string_list_append (names, label);
        }
    }
  adw_combo_row_set_model (task->owner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (task->owner_row, selected);
}

/* Series and dates already in next year (completing the last occurrence
 * of this year schedules the next one), which confirming skips. */
static void
load_scheduled (StwRollForwardWindow *self)
{
  StwItemFilter filter;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;

  stw_item_filter_init (&filter, 0);
  g_strlcpy (filter.due_from, self->next_first_day, sizeof filter.due_from);
  g_strlcpy (filter.due_to, self->next_last_day, sizeof filter.due_to);
  items = stw_workspace_filter_items (self->workspace, &filter, &error);
  if (items == NULL)
    {
      g_warning ("Could not read next year’s items: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      if (stw_item_get_series_id (item) != 0 && stw_item_get_due_date (item) != NULL)
        g_hash_table_add (self->scheduled,
                          scheduled_key (stw_item_get_series_id (item), stw_item_get_due_date (item)));
    }
}

static void
build_task (StwRollForwardWindow *self,
            StwRollRow           *row)
{
  Task *task = g_new0 (Task, 1);
  g_autofree char *name = g_strdup_printf ("%s %s", row->ref, row->title);
  g_autofree char *include_name = NULL;
  g_autofree char *owner_name = NULL;
  g_autofree char *dates_name = NULL;
  g_autoptr(GString) dates_text = g_string_new (NULL);
  g_autofree char *dates_hint = NULL;
  g_autofree char *dates_description = NULL;

  task->window = self;
  task->row = row;
  task->owner_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  task->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (task->expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (task->expander), row->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (task->expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  task->include_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (task->include_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (task->include_switch, row->include);
  gtk_widget_set_tooltip_text (GTK_WIDGET (task->include_switch), _("Carry this task into next year"));
  /* Translators: the switch that keeps a task in next year's plan; %s is
   * "OP-2027-014 Backup restore test". */
  include_name = g_strdup_printf (_("Include %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (task->include_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, include_name,
                                  -1);
  task->warning_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (task->warning_icon, "error");
  gtk_widget_set_tooltip_text (task->warning_icon, _("This task needs correcting"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (task->warning_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Needs correcting"),
                                  -1);
  gtk_widget_set_visible (task->warning_icon, FALSE);
  /* Actions are prepended: the switch stays next to the arrow. */
  adw_expander_row_add_action (task->expander, GTK_WIDGET (task->include_switch));
  adw_expander_row_add_action (task->expander, task->warning_icon);

  task->owner_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (task->owner_row), _("Owner"));
  /* Translators: %s is an item reference such as OP-2027-014. */
  owner_name = g_strdup_printf (_("Owner of %s"), row->ref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (task->owner_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, owner_name,
                                  -1);
  /* The combo row is also "labelled by" its title, which GTK 4.8 reads
   * after the label ("Owner of OP-2027-014 Owner"); the label says it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (task->owner_row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  fill_owners (self, task);
  adw_expander_row_add_row (task->expander, GTK_WIDGET (task->owner_row));

  task->dates_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (task->dates_row), _("Due dates next year"));
  /* Translators: %s is an item reference such as OP-2027-014. */
  dates_name = g_strdup_printf (_("Due dates of %s"), row->ref);
  dates_hint = stw_date_input_hint (NULL);
  /* Translators: %s is how to type a date, "13.12.2026 or 2026-12-13". */
  dates_description = g_strdup_printf (_("Dates such as %s, separated by commas"), dates_hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (task->dates_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dates_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, dates_description,
                                  -1);
  /* Shown in the locale's format, like every date entry. */
  for (guint i = 0; row->dates != NULL && row->dates[i] != NULL; i++)
    {
      g_autofree char *shown = stw_date_to_input (row->dates[i], NULL);

      g_string_append_printf (dates_text, "%s%s", i > 0 ? ", " : "", shown != NULL ? shown : row->dates[i]);
    }
  gtk_editable_set_text (GTK_EDITABLE (task->dates_row), dates_text->str);
  adw_expander_row_add_row (task->expander, GTK_WIDGET (task->dates_row));

  adw_expander_row_set_enable_expansion (task->expander, row->include);
  g_ptr_array_add (self->tasks, task);
  validate_task (self, task);

  g_signal_connect (task->include_switch, "notify::active", G_CALLBACK (task_include_changed_cb), task);
  g_signal_connect (task->owner_row, "notify::selected", G_CALLBACK (task_owner_changed_cb), task);
  g_signal_connect (task->dates_row, "changed", G_CALLBACK (task_dates_changed_cb), task);

  gtk_list_box_append (self->tasks_list, GTK_WIDGET (task->expander));
}

static void
load (StwRollForwardWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *this_year = NULL;
  g_autofree char *next_year = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *by = NULL, *at = NULL;

  stw_workspace_get_cycle (self->workspace, self->cycle_start, &self->first_day, &self->last_day);
  after = stw_date_add_days (self->last_day, 1);
  stw_workspace_get_cycle (self->workspace, after, &self->next_first_day, &self->next_last_day);

  this_year = describe_year (self->first_day, self->last_day);
  next_year = describe_year (self->next_first_day, self->next_last_day);
  /* Translators: the window's subtitle; %s is "2027" or "April 2027 to
   * March 2028". */
  subtitle = g_strdup_printf (_("ISMS year %s"), this_year);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Translators: %s is "2028" or "April 2028 to March 2029". */
  heading = g_strdup_printf (_("Roll the plan forward to %s"), next_year);
  gtk_label_set_label (self->heading_label, heading);
  /* Translators: %s is the year ending, "2027". */
  explanation = g_strdup_printf (_("Each task that repeats in %s is listed with its owner and its due dates next "
                                   "year. Leave out what is no longer needed, change owners and move dates: "
                                   "the list as you leave it becomes next year’s plan, and your review is "
                                   "recorded in the history."), this_year);
  gtk_label_set_label (self->explanation_label, explanation);

  if (stw_workspace_get_roll_forward (self->workspace, self->first_day, &by, &at))
    {
      show_already_done (self, by, at);
      return;
    }

  self->rows = stw_workspace_plan_roll_forward (self->workspace, self->first_day, &error);
  if (self->rows == NULL)
    {
      self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_roll_row_free);
      show_error (self, error->message);
    }
  load_scheduled (self);

  for (guint i = 0; i < self->rows->len; i++)
    build_task (self, g_ptr_array_index (self->rows, i));

  if (self->rows->len == 0 && error == NULL)
    {
      g_autofree char *empty = NULL;

      /* Translators: %s is "2027" or "April 2027 to March 2028". */
      empty = g_strdup_printf (_("No task of the plan repeats in %s. Give plan items a repetition "
                                 "in their editor; they are then carried into the next year here."),
                               this_year);
      adw_status_page_set_description (self->empty_page, empty);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (self->count_bar, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), FALSE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
    }
  update_totals (self);
}

/* Callbacks */

static void
task_include_changed_cb (GtkSwitch  *sw,
                         GParamSpec *pspec,
                         Task       *task)
{
  gboolean active = gtk_switch_get_active (sw);

  adw_expander_row_set_enable_expansion (task->expander, active);
  validate_task (task->window, task);
  update_totals (task->window);
}

static void
task_owner_changed_cb (AdwComboRow *row,
                       GParamSpec  *pspec,
                       Task        *task)
{
  validate_task (task->window, task);
  update_totals (task->window);
}

static void
task_dates_changed_cb (GtkEditable *editable,
                       Task        *task)
{
  validate_task (task->window, task);
  update_totals (task->window);
}

static void
confirm_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StwRollForwardWindow *self = STW_ROLL_FORWARD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint n_created = 0;

  if (!self->can_confirm)
    return;

  /* The core's rows take what the person reviewed. */
  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *task = g_ptr_array_index (self->tasks, i);

      task->row->include = gtk_switch_get_active (task->include_switch);
      task->row->owner_id = task_owner_id (task);
      g_strfreev (task->row->dates);
      task->row->dates = g_strdupv (task->dates);
    }

  if (!stw_workspace_roll_forward (self->workspace, self->first_day, self->rows, &n_created, &error))
    {
      g_autofree char *by = NULL, *at = NULL;

      if (g_error_matches (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS) &&
          stw_workspace_get_roll_forward (self->workspace, self->first_day, &by, &at))
        show_already_done (self, by, at);
      else
        show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  self->already_done = TRUE;
  set_can_confirm (self, FALSE);
  g_signal_emit (self, signals[DONE], 0, n_created);
  gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static void
stw_roll_forward_window_constructed (GObject *object)
{
  StwRollForwardWindow *self = STW_ROLL_FORWARD_WINDOW (object);

  G_OBJECT_CLASS (stw_roll_forward_window_parent_class)->constructed (object);

  /* Built without a workspace (as the template test does), it stays empty. */
  if (self->workspace != NULL)
    load (self);
}

static void
stw_roll_forward_window_dispose (GObject *object)
{
  StwRollForwardWindow *self = STW_ROLL_FORWARD_WINDOW (object);

  /* The tasks point into the rows: drop them first. */
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_roll_forward_window_parent_class)->dispose (object);
}

static void
stw_roll_forward_window_finalize (GObject *object)
{
  StwRollForwardWindow *self = STW_ROLL_FORWARD_WINDOW (object);

  g_clear_pointer (&self->scheduled, g_hash_table_unref);
  g_free (self->cycle_start);
  g_free (self->first_day);
  g_free (self->last_day);
  g_free (self->next_first_day);
  g_free (self->next_last_day);

  G_OBJECT_CLASS (stw_roll_forward_window_parent_class)->finalize (object);
}

static void
stw_roll_forward_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StwRollForwardWindow *self = STW_ROLL_FORWARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_CYCLE_START:
      g_value_set_string (value, self->first_day);
      break;

    case PROP_N_TO_CREATE:
      g_value_set_uint (value, self->n_to_create);
      break;

    case PROP_CAN_CONFIRM:
      g_value_set_boolean (value, self->can_confirm);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_roll_forward_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  StwRollForwardWindow *self = STW_ROLL_FORWARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;

    case PROP_CYCLE_START:
      self->cycle_start = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_roll_forward_window_class_init (StwRollForwardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = stw_roll_forward_window_constructed;
  object_class->dispose = stw_roll_forward_window_dispose;
  object_class->finalize = stw_roll_forward_window_finalize;
  object_class->get_property = stw_roll_forward_window_get_property;
  object_class->set_property = stw_roll_forward_window_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Read back, it is the first day of the year under review. */
  properties[PROP_CYCLE_START] =
    g_param_spec_string ("cycle-start", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TO_CREATE] =
    g_param_spec_uint ("n-to-create", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_CONFIRM] =
    g_param_spec_boolean ("can-confirm", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-roll-forward-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, error_box);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, tasks_group);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, tasks_list);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, count_bar);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StwRollForwardWindow, done_page);

  gtk_widget_class_install_action (widget_class, "roll-forward.confirm", NULL, confirm_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "roll-forward.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "roll-forward.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stw_roll_forward_window_init (StwRollForwardWindow *self)
{
  self->tasks = g_ptr_array_new_with_free_func (task_free);
  self->scheduled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roll-forward.confirm", FALSE);
}

/* Public API */

GtkWidget *
stw_roll_forward_window_new (GtkWindow    *parent,
                             StwWorkspace *workspace,
                             const char   *cycle_start)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STW_IS_WORKSPACE (workspace), NULL);

  return g_object_new (STW_TYPE_ROLL_FORWARD_WINDOW,
                       "transient-for", parent,
                       "workspace", workspace,
                       "cycle-start", cycle_start,
                       NULL);
}

StwWorkspace *
stw_roll_forward_window_get_workspace (StwRollForwardWindow *self)
{
  g_return_val_if_fail (STW_IS_ROLL_FORWARD_WINDOW (self), NULL);

  return self->workspace;
}

guint
stw_roll_forward_window_get_n_to_create (StwRollForwardWindow *self)
{
  g_return_val_if_fail (STW_IS_ROLL_FORWARD_WINDOW (self), 0);

  return self->n_to_create;
}

gboolean
stw_roll_forward_window_get_can_confirm (StwRollForwardWindow *self)
{
  g_return_val_if_fail (STW_IS_ROLL_FORWARD_WINDOW (self), FALSE);

  return self->can_confirm;
}
