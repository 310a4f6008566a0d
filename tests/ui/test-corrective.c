/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-corrective.c: the corrective-action section of the item editor
 * (a full record survives the form, bad dates are refused, the closing
 * checklist follows the root cause and the check, and "not effective"
 * saved through the workspace reopens an item), the findings filter (its
 * masks, and the items a model shows with them), and the workstream
 * dialog (creating "KPI measurement", refusing bad and taken prefixes
 * with a visible message, showing the workspace's own errors, editing).
 * Runs under Xvfb; any GTK warning fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stw-corrective-filter.h"
#include "stw-corrective-section.h"
#include "stw-date-row.h"
#include "stw-item-model.h"
#include "stw-workstream-dialog.h"
#include "test-util.h"

static char *data_home;

typedef struct {
  StwWorkspace *ws;
  gint64        me;       /* the actor, "Alex Morgan" */
  gint64        mia;
  gint64        ca_stream;
} Fixture;

/* Helpers */

/* Runs the main loop a little while: enough for the dialogs' checks and
 * the section's updates to run. */
static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    {
      iterate ();
      g_usleep (1000);
    }
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwPerson) mia = NULL;

  f->ws = create_workspace (data_home, "ws", "Northwind Logistics", "Alex Morgan");
  f->me = stw_workspace_get_actor_id (f->ws);
  mia = stw_workspace_add_person (f->ws, "Mia Lindqvist", "IT lead", NULL, &error);
  g_assert_no_error (error);
  f->mia = stw_person_get_id (mia);
  f->ca_stream = find_workstream_id (f->ws, STW_WORKSTREAM_CORRECTIVE);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->ws);
}

/* Depth-first search for a visible widget of @type whose "title" (rows),
 * label (labels, check buttons) is @title, or any when @title is NULL.
 * Hidden parts are skipped, except popovers: what opening them shows. */
static GtkWidget *
find_visible (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root))
    {
      if (title == NULL)
        return root;
      if (ADW_IS_PREFERENCES_ROW (root) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
        return root;
      if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), title) == 0)
        return root;
      if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child) && !GTK_IS_POPOVER (child))
        continue;
      found = find_visible (child, type, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
require_widget (GtkWidget  *root,
                GType       type,
                const char *title)
{
  GtkWidget *widget = find_visible (root, type, title);

  if (widget == NULL)
    g_error ("No visible %s titled “%s”", g_type_name (type), title ? title : "(any)");

  return widget;
}

static void
set_row_text (GtkWidget  *root,
              GType       type,
              const char *title,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (require_widget (root, type, title)), text);
}

static void
select_row (GtkWidget  *root,
            const char *title,
            guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_widget (root, ADW_TYPE_COMBO_ROW, title)), position);
}

static void
collect_text_views (GtkWidget *root,
                    GPtrArray *out)
{
  collect_type (root, GTK_TYPE_TEXT_VIEW, out);
}

/* The section's text views have no title; they come in this order. */
enum { CORRECTION_VIEW, ROOT_CAUSE_VIEW, ACTION_VIEW, N_VIEWS };

static GtkTextView *
text_view (GtkWidget *section,
           guint      which)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_text_views (section, views);
  g_assert_cmpuint (views->len, ==, N_VIEWS);

  return views->pdata[which];
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static StwCorrective *
full_record (Fixture *f)
{
  StwCorrective *ca = stw_corrective_new ();

  ca->source = STW_CA_SOURCE_EXTERNAL_AUDIT;
  stw_corrective_set_text (&ca->source_ref, "Surveillance audit 1, finding 3");
  ca->classification = STW_CA_MAJOR_NONCONFORMITY;
  ca->action_type = STW_CA_TYPE_CORRECTIVE_ACTION;
  stw_corrective_set_text (&ca->correction, "Disabled both VPN accounts the same day.");
  stw_corrective_set_text (&ca->root_cause_method, "Five whys");
  stw_corrective_set_text (&ca->root_cause, "HR told IT about leavers by e-mail,\nand nobody owned the mailbox.");
  stw_corrective_set_text (&ca->corrective_action, "Leavers now trigger a ticket that IT must close within a day.");
  g_strlcpy (ca->check_due, "2027-06-30", sizeof ca->check_due);
  ca->checked_by = f->mia;
  ca->check_result = STW_CHECK_EFFECTIVE;
  stw_corrective_set_text (&ca->check_note, "Sampled 12 leavers: all closed within a day.");
  g_strlcpy (ca->check_date, "2027-07-02", sizeof ca->check_date);

  return ca;
}

static GtkWidget *
new_section (Fixture *f)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *section = stw_corrective_section_new ();

  gtk_window_set_child (GTK_WINDOW (window), section);
  stw_corrective_section_set_workspace (STW_CORRECTIVE_SECTION (section), f->ws);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  return section;
}

static void
destroy_toplevel (GtkWidget *widget)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (widget)));
  settle ();
}

static gboolean
has_class (GtkWidget  *widget,
           const char *name)
{
  return gtk_widget_has_css_class (widget, name);
}

/* The checklist line whose label is @text: it says met or unmet. */
static GtkWidget *
checklist_step (GtkWidget  *section,
                const char *text)
{
  return require_widget (section, GTK_TYPE_LABEL, text);
}

/* The section */

static void
test_section_round_trip (void)
{
  Fixture f = { 0 };
  g_autoptr(StwCorrective) record = NULL;
  g_autoptr(StwCorrective) back = NULL;
  g_autoptr(StwCorrective) edited = NULL;
  g_autoptr(StwCorrective) empty = NULL;
  g_autoptr(StwCorrective) defaults = stw_corrective_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *section;
  guint changed = 0;

  fixture_init (&f);
  section = new_section (&f);
  g_signal_connect (section, "changed", G_CALLBACK (count_cb), &changed);

  record = full_record (&f);
  stw_corrective_section_set_corrective (STW_CORRECTIVE_SECTION (section), record);
  g_assert_cmpuint (changed, ==, 0);

  /* What the person sees is the record. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (section, ADW_TYPE_ENTRY_ROW, "What raised it"))),
                   ==, "Surveillance audit 1, finding 3");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (require_widget (section, ADW_TYPE_COMBO_ROW, "Verified by"))),
                    !=, 0);

  back = stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error);
  g_assert_no_error (error);
  g_assert_true (stw_corrective_equal (record, back));
  g_assert_cmpstr (back->root_cause, ==, record->root_cause);
  g_assert_cmpint (back->checked_by, ==, f.mia);
  g_assert_cmpstr (back->check_date, ==, "2027-07-02");

  /* Edits by the person are reported and come back out. */
  /* (Replacing an entry's text is a deletion and an insertion: each is
   * reported, which is fine for a "modified" flag.) */
  set_row_text (section, ADW_TYPE_ENTRY_ROW, "What raised it", "  IA-2027  ");
  g_assert_cmpuint (changed, >=, 1);
  changed = 0;
  select_row (section, "Source", STW_CA_SOURCE_INTERNAL_AUDIT);
  g_assert_cmpuint (changed, ==, 1);
  select_row (section, "Type of action", STW_CA_TYPE_CORRECTION);
  g_assert_cmpuint (changed, ==, 2);
  set_view_text (text_view (section, ACTION_VIEW), "Weekly leaver report to IT.");
  g_assert_cmpuint (changed, >=, 3);
  changed = 0;
  set_row_text (section, ADW_TYPE_ENTRY_ROW, "Method", "");
  g_assert_cmpuint (changed, >=, 1);
  edited = stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error);
  g_assert_no_error (error);
  g_assert_cmpint (edited->source, ==, STW_CA_SOURCE_INTERNAL_AUDIT);
  g_assert_cmpstr (edited->source_ref, ==, "IA-2027");
  g_assert_cmpint (edited->action_type, ==, STW_CA_TYPE_CORRECTION);
  g_assert_cmpstr (edited->corrective_action, ==, "Weekly leaver report to IT.");
  g_assert_null (edited->root_cause_method);
  g_assert_cmpstr (edited->correction, ==, record->correction);

  /* The method menu fills the method. */
  gtk_widget_activate_action (section, "corrective.set-method", "s", "Fault tree analysis");
  g_clear_pointer (&edited, stw_corrective_free);
  edited = stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edited->root_cause_method, ==, "Fault tree analysis");

  /* NULL is a new record with the core's defaults. */
  changed = 0;
  stw_corrective_section_set_corrective (STW_CORRECTIVE_SECTION (section), NULL);
  g_assert_cmpuint (changed, ==, 0);
  empty = stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error);
  g_assert_no_error (error);
  g_assert_true (stw_corrective_equal (empty, defaults));

  /* Someone who is not (or no longer) a person here is kept as is. */
  record->checked_by = 9999;
  stw_corrective_section_set_corrective (STW_CORRECTIVE_SECTION (section), record);
  g_clear_pointer (&back, stw_corrective_free);
  back = stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->checked_by, ==, 9999);

  destroy_toplevel (section);
  fixture_clear (&f);
}

static void
test_section_invalid_date (void)
{
  Fixture f = { 0 };
  g_autoptr(StwCorrective) record = NULL;
  g_autoptr(StwCorrective) back = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *section;

  fixture_init (&f);
  section = new_section (&f);
  record = full_record (&f);
  stw_corrective_section_set_corrective (STW_CORRECTIVE_SECTION (section), record);

  set_row_text (section, STW_TYPE_DATE_ROW, "Check due", "2027-02-30");
  g_assert_null (stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  /* The reason, not only the format (issue 9, point 24). */
  g_assert_nonnull (strstr (error->message, "February 2027 has days 1 to 28"));
  g_clear_error (&error);

  set_row_text (section, STW_TYPE_DATE_ROW, "Check due", "2027-02-28");
  set_row_text (section, STW_TYPE_DATE_ROW, "Checked on", "next Tuesday");
  g_assert_null (stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* An empty date is no date, not a bad one. */
  set_row_text (section, STW_TYPE_DATE_ROW, "Checked on", "");
  back = stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->check_due, ==, "2027-02-28");
  g_assert_cmpstr (back->check_date, ==, "");

  destroy_toplevel (section);
  fixture_clear (&f);
}

static void
test_section_checklist (void)
{
  Fixture f = { 0 };
  g_autoptr(StwCorrective) record = stw_corrective_new ();
  g_autoptr(StwCorrective) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = stw_date_today ();
  GtkWidget *section, *root_step, *check_step, *summary;
  StwCorrectiveSection *s;

  fixture_init (&f);
  section = new_section (&f);
  s = STW_CORRECTIVE_SECTION (section);

  /* A minor nonconformity, nothing done yet. */
  record->classification = STW_CA_MINOR_NONCONFORMITY;
  stw_corrective_section_set_corrective (s, record);
  g_assert_true (stw_corrective_section_get_nonconformity (s));
  g_assert_false (stw_corrective_section_get_ready_to_close (s));
  summary = require_widget (section, GTK_TYPE_LABEL, "Closing a nonconformity needs:");
  g_assert_true (gtk_widget_is_visible (summary));
  root_step = checklist_step (section, "Root cause recorded");
  check_step = checklist_step (section, "A check found the fix effective");
  g_assert_true (has_class (root_step, "unmet"));
  g_assert_true (has_class (check_step, "unmet"));

  /* Blanks are no root cause. */
  set_view_text (text_view (section, ROOT_CAUSE_VIEW), "  \n ");
  g_assert_true (has_class (root_step, "unmet"));
  set_view_text (text_view (section, ROOT_CAUSE_VIEW), "No deputy for the reviewer.");
  g_assert_true (has_class (root_step, "met"));
  g_assert_false (has_class (root_step, "unmet"));
  g_assert_true (has_class (check_step, "unmet"));
  g_assert_false (stw_corrective_section_get_ready_to_close (s));

  /* "Not effective" is not effective, and explains that it reopens. */
  select_row (section, "Result", STW_CHECK_NOT_EFFECTIVE);
  g_assert_true (has_class (check_step, "unmet"));
  g_assert_true (gtk_widget_is_visible (
    require_widget (section, GTK_TYPE_LABEL,
                    "Not effective reopens the item: saving moves it back to in progress, so the corrective action can be reworked and checked again.")));

  /* Effective: ready, and the summary says so. */
  select_row (section, "Result", STW_CHECK_EFFECTIVE);
  g_assert_null (find_visible (section, GTK_TYPE_LABEL,
                              "Not effective reopens the item: saving moves it back to in progress, so the corrective action can be reworked and checked again."));
  g_assert_true (has_class (root_step, "met"));
  g_assert_true (has_class (check_step, "met"));
  g_assert_true (stw_corrective_section_get_ready_to_close (s));
  g_assert_nonnull (find_visible (section, GTK_TYPE_LABEL, "Ready to close."));

  /* Recording a result filled in when and who, as they were empty. */
  back = stw_corrective_section_dup_corrective (s, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->check_date, ==, today);
  g_assert_cmpint (back->checked_by, ==, f.me);

  /* Removing the root cause undoes the tick. */
  set_view_text (text_view (section, ROOT_CAUSE_VIEW), "");
  g_assert_true (has_class (root_step, "unmet"));
  g_assert_false (stw_corrective_section_get_ready_to_close (s));

  /* An observation closes without either: no checklist. */
  select_row (section, "Classification", STW_CA_OBSERVATION);
  g_assert_false (stw_corrective_section_get_nonconformity (s));
  g_assert_true (stw_corrective_section_get_ready_to_close (s));
  g_assert_false (gtk_widget_is_visible (root_step));
  g_assert_null (find_visible (section, GTK_TYPE_LABEL, "Closing a nonconformity needs:"));

  /* Loading a ready nonconformity shows it ready at once. */
  g_clear_pointer (&record, stw_corrective_free);
  record = full_record (&f);
  stw_corrective_section_set_corrective (s, record);
  g_assert_true (gtk_widget_is_visible (root_step));
  g_assert_true (has_class (root_step, "met"));
  g_assert_true (has_class (check_step, "met"));

  destroy_toplevel (section);
  fixture_clear (&f);
}

/* Through the workspace: a nonconformity in review whose check is found
 * not effective comes back in progress; closing it without a root cause
 * is refused with the core's message. */
static void
test_section_saves_through_core (void)
{
  Fixture f = { 0 };
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwItem) edited = NULL;
  g_autoptr(StwItem) loaded = NULL;
  g_autoptr(StwCorrective) record = NULL;
  g_autoptr(StwCorrective) ca = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *section;

  fixture_init (&f);
  section = new_section (&f);

  record = stw_corrective_new ();
  record->source = STW_CA_SOURCE_INTERNAL_AUDIT;
  record->classification = STW_CA_MINOR_NONCONFORMITY;
  stw_corrective_set_text (&record->root_cause, "The review depended on one person.");
  stw_corrective_set_text (&record->corrective_action, "A deputy and a reminder in the plan.");
  item = stw_item_new (f.ca_stream);
  stw_item_set_title (item, "Access review for the finance system was skipped");
  stw_item_set_status (item, STW_STATUS_IN_REVIEW);
  stw_item_set_corrective (item, record);
  g_assert_true (stw_workspace_insert_item (f.ws, item, &error));
  g_assert_no_error (error);

  /* The editor loads the item, the person records the check. */
  stw_corrective_section_set_corrective (STW_CORRECTIVE_SECTION (section), stw_item_get_corrective (item));
  select_row (section, "Result", STW_CHECK_NOT_EFFECTIVE);
  set_row_text (section, ADW_TYPE_ENTRY_ROW, "Note", "Two reviews missed again in May.");
  ca = stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error);
  g_assert_no_error (error);
  edited = stw_item_copy (item);
  stw_item_set_corrective (edited, ca);
  g_assert_true (stw_workspace_update_item (f.ws, edited, &error));
  g_assert_no_error (error);

  loaded = stw_workspace_load_item (f.ws, stw_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_item_get_status (loaded), ==, STW_STATUS_IN_PROGRESS);
  g_assert_cmpint (stw_item_get_corrective (loaded)->check_result, ==, STW_CHECK_NOT_EFFECTIVE);
  g_assert_cmpstr (stw_item_get_corrective (loaded)->check_note, ==, "Two reviews missed again in May.");
  g_assert_cmpint (stw_item_get_corrective (loaded)->checked_by, ==, f.me);

  /* Closing with the root cause removed in the form is refused. */
  stw_corrective_section_set_corrective (STW_CORRECTIVE_SECTION (section), stw_item_get_corrective (loaded));
  select_row (section, "Result", STW_CHECK_EFFECTIVE);
  set_view_text (text_view (section, ROOT_CAUSE_VIEW), "");
  g_clear_pointer (&ca, stw_corrective_free);
  ca = stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error);
  g_assert_no_error (error);
  g_clear_object (&edited);
  edited = stw_item_copy (loaded);
  stw_item_set_corrective (edited, ca);
  stw_item_set_status (edited, STW_STATUS_DONE);
  stw_item_set_closure_note (edited, "Deputy named.");
  stw_item_set_no_evidence_reason (edited, "Evidence is kept in the HR system.");
  g_assert_false (stw_workspace_update_item (f.ws, edited, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "root cause"));
  g_clear_error (&error);

  /* With the root cause back it closes. */
  set_view_text (text_view (section, ROOT_CAUSE_VIEW), "The review depended on one person.");
  g_clear_pointer (&ca, stw_corrective_free);
  ca = stw_corrective_section_dup_corrective (STW_CORRECTIVE_SECTION (section), &error);
  g_assert_no_error (error);
  stw_item_set_corrective (edited, ca);
  g_assert_true (stw_workspace_update_item (f.ws, edited, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = stw_workspace_load_item (f.ws, stw_item_get_id (item), &error);
  g_assert_cmpint (stw_item_get_status (loaded), ==, STW_STATUS_DONE);

  destroy_toplevel (section);
  fixture_clear (&f);
}

/* The filter */

static gint64
insert_finding (Fixture             *f,
                const char          *title,
                StwCaClassification  classification,
                StwCaSource          source,
                StwStatus            status)
{
  g_autoptr(StwItem) item = stw_item_new (f->ca_stream);
  g_autoptr(StwCorrective) ca = stw_corrective_new ();

  ca->classification = classification;
  ca->source = source;
  if (status == STW_STATUS_DONE)
    {
      stw_corrective_set_text (&ca->root_cause, "Known.");
      ca->check_result = STW_CHECK_EFFECTIVE;
      stw_item_set_closure_note (item, "Done.");
      stw_item_set_no_evidence_reason (item, "Kept on paper.");
    }
  stw_item_set_title (item, title);
  stw_item_set_status (item, status);
  stw_item_set_corrective (item, ca);
  return insert_item (f->ws, item);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The titles the filter lets through, sorted, joined by ", ". */
static char *
filtered_titles (Fixture             *f,
                 StwCorrectiveFilter *button)
{
  StwItemFilter filter;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  stw_item_filter_init (&filter, f->ca_stream);
  stw_corrective_filter_apply (button, &filter);
  model = stw_workspace_filter_items (f->ws, &filter, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (model, i);

      g_ptr_array_add (titles, g_strdup (stw_item_get_title (item)));
    }
  g_ptr_array_sort (titles, compare_titles);
  g_ptr_array_add (titles, NULL);

  return g_strjoinv (", ", (char **) titles->pdata);
}

static void
toggle (GtkWidget  *button,
        const char *label)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (require_widget (button, GTK_TYPE_CHECK_BUTTON, label));

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
test_filter (void)
{
  Fixture f = { 0 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = stw_corrective_filter_new ();
  StwCorrectiveFilter *cf = STW_CORRECTIVE_FILTER (button);
  StwItemFilter filter;
  guint changed = 0;
  g_autofree char *titles = NULL;

  fixture_init (&f);
  insert_finding (&f, "A", STW_CA_MAJOR_NONCONFORMITY, STW_CA_SOURCE_INTERNAL_AUDIT, STW_STATUS_TODO);
  insert_finding (&f, "B", STW_CA_MINOR_NONCONFORMITY, STW_CA_SOURCE_EXTERNAL_AUDIT, STW_STATUS_IN_PROGRESS);
  insert_finding (&f, "C", STW_CA_OBSERVATION, STW_CA_SOURCE_INTERNAL_AUDIT, STW_STATUS_TODO);
  insert_finding (&f, "D", STW_CA_OPPORTUNITY, STW_CA_SOURCE_MANAGEMENT_REVIEW, STW_STATUS_DONE);
  insert_finding (&f, "E", STW_CA_MINOR_NONCONFORMITY, STW_CA_SOURCE_INTERNAL_AUDIT, STW_STATUS_DONE);

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (button, "changed", G_CALLBACK (count_cb), &changed);
  settle ();

  g_assert_false (stw_corrective_filter_get_active (cf));
  g_assert_nonnull (find_visible (button, GTK_TYPE_LABEL, "Findings"));
  titles = filtered_titles (&f, cf);
  g_assert_cmpstr (titles, ==, "A, B, C, D, E");

  /* Nonconformities only. */
  toggle (button, "Observation");
  toggle (button, "Opportunity for improvement");
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (stw_corrective_filter_get_classifications (cf), ==,
                    STW_CA_CLASSIFICATION_MASK (STW_CA_MAJOR_NONCONFORMITY) |
                    STW_CA_CLASSIFICATION_MASK (STW_CA_MINOR_NONCONFORMITY));
  g_clear_pointer (&titles, g_free);
  titles = filtered_titles (&f, cf);
  g_assert_cmpstr (titles, ==, "A, B, E");
  g_assert_nonnull (find_visible (button, GTK_TYPE_LABEL, "Findings (1)"));

  /* From internal audits. */
  toggle (button, "External audit");
  toggle (button, "KPI measurement");
  toggle (button, "Management review");
  toggle (button, "Incident");
  toggle (button, "Other monitoring");
  toggle (button, "Other");
  g_assert_cmpuint (stw_corrective_filter_get_sources (cf), ==, STW_CA_SOURCE_MASK (STW_CA_SOURCE_INTERNAL_AUDIT));
  g_clear_pointer (&titles, g_free);
  titles = filtered_titles (&f, cf);
  g_assert_cmpstr (titles, ==, "A, E");

  /* Still open. */
  toggle (button, "Done");
  toggle (button, "Cancelled");
  g_assert_cmpuint (stw_corrective_filter_get_statuses (cf), ==, STW_STATUS_MASK_OPEN);
  g_clear_pointer (&titles, g_free);
  titles = filtered_titles (&f, cf);
  g_assert_cmpstr (titles, ==, "A");
  g_assert_true (stw_corrective_filter_get_active (cf));
  g_assert_nonnull (find_visible (button, GTK_TYPE_LABEL, "Findings (3)"));

  /* The masks go into a filter without touching the rest of it. */
  stw_item_filter_init (&filter, f.ca_stream);
  filter.owner_id = f.mia;
  filter.overdue = TRUE;
  stw_corrective_filter_apply (cf, &filter);
  g_assert_cmpint (filter.owner_id, ==, f.mia);
  g_assert_true (filter.overdue);
  g_assert_cmpuint (filter.statuses, ==, STW_STATUS_MASK_OPEN);
  g_assert_cmpuint (filter.ca_sources, ==, STW_CA_SOURCE_MASK (STW_CA_SOURCE_INTERNAL_AUDIT));

  /* Without the status column (the list view has its own), statuses are
   * left to the list. */
  stw_corrective_filter_set_show_statuses (cf, FALSE);
  g_assert_null (find_visible (button, GTK_TYPE_CHECK_BUTTON, "Done"));
  filter.statuses = STW_STATUS_MASK (STW_STATUS_DONE);
  stw_corrective_filter_apply (cf, &filter);
  g_assert_cmpuint (filter.statuses, ==, STW_STATUS_MASK (STW_STATUS_DONE));
  g_assert_nonnull (find_visible (button, GTK_TYPE_LABEL, "Findings (2)"));
  stw_corrective_filter_set_show_statuses (cf, TRUE);

  /* Nothing ticked would hide everything: it reads as "any". */
  toggle (button, "Major nonconformity");
  toggle (button, "Minor nonconformity");
  g_assert_cmpuint (stw_corrective_filter_get_classifications (cf), ==, 0);

  /* Clearing ticks every box and says so once. */
  changed = 0;
  gtk_widget_activate_action (button, "corrective-filter.clear", NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (stw_corrective_filter_get_active (cf));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (require_widget (button, GTK_TYPE_CHECK_BUTTON, "Observation"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (require_widget (button, GTK_TYPE_CHECK_BUTTON, "Done"))));
  g_clear_pointer (&titles, g_free);
  titles = filtered_titles (&f, cf);
  g_assert_cmpstr (titles, ==, "A, B, C, D, E");

  /* Taking the masks from a filter ticks the boxes, quietly. */
  stw_item_filter_init (&filter, f.ca_stream);
  filter.ca_classifications = STW_CA_CLASSIFICATION_MASK (STW_CA_OBSERVATION);
  stw_corrective_filter_sync (cf, &filter);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (require_widget (button, GTK_TYPE_CHECK_BUTTON, "Major nonconformity"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (require_widget (button, GTK_TYPE_CHECK_BUTTON, "Observation"))));
  g_clear_pointer (&titles, g_free);
  titles = filtered_titles (&f, cf);
  g_assert_cmpstr (titles, ==, "C");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  fixture_clear (&f);
}

/* The workstream dialog */

typedef struct {
  gint64 id;
  guint  count;
} Done;

static void
done_cb (StwWorkstreamDialog *dialog,
         gint64               id,
         Done                *done)
{
  done->id = id;
  done->count++;
}

static StwWorkstreamDialog *
open_dialog (Fixture   *f,
             GtkWindow *parent,
             gint64     workstream_id,
             Done      *done)
{
  StwWorkstreamDialog *dialog = STW_WORKSTREAM_DIALOG (stw_workstream_dialog_new (parent, f->ws, workstream_id));

  /* Kept alive past closing, to look at it after saving. */
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "done", G_CALLBACK (done_cb), done);
  gtk_window_present (GTK_WINDOW (dialog));
  settle ();

  return dialog;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  return find_widget (root, GTK_TYPE_BUTTON, label);
}

/* The header bar's Create or Save button follows the save action. */
static gboolean
save_enabled (StwWorkstreamDialog *dialog)
{
  const char *label = stw_workstream_dialog_get_workstream_id (dialog) == 0 ? "C_reate" : "_Save";
  GtkWidget *save = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (save);

  return gtk_widget_is_sensitive (save);
}

/* A visible label whose text contains @text. */
static GtkWidget *
find_message (GtkWidget  *root,
              const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_message (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
n_workstreams (Fixture *f)
{
  return g_list_model_get_n_items (stw_workspace_get_workstreams (f->ws));
}

static void
test_dialog_create (void)
{
  Fixture f = { 0 };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  StwWorkstreamDialog *dialog;
  StwWorkstream *stream;
  GtkWidget *root;
  GtkWidget *hint;
  GdkRGBA red;
  Done done = { 0 };
  guint before;

  fixture_init (&f);
  gtk_window_present (parent);
  before = n_workstreams (&f);
  dialog = open_dialog (&f, parent, 0, &done);
  root = GTK_WIDGET (dialog);

  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (require_widget (root, ADW_TYPE_WINDOW_TITLE, NULL))),
                   ==, "New workstream");
  g_assert_false (save_enabled (dialog));

  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Name", "KPI measurement");
  g_assert_false (save_enabled (dialog));
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Reference prefix", "kpi");
  g_assert_true (save_enabled (dialog));
  /* Lower case is fine: references are written in capitals. */
  hint = require_widget (root, GTK_TYPE_LABEL, "Items are numbered KPI-001, KPI-002, and so on.");
  g_assert_false (has_class (hint, "error"));

  select_row (root, "Owner", 2);   /* No owner, Alex Morgan, Mia Lindqvist */
  gdk_rgba_parse (&red, "#e01b24");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (require_widget (root, GTK_TYPE_COLOR_BUTTON, NULL)), &red);
  gtk_switch_set_active (GTK_SWITCH (require_widget (root, GTK_TYPE_SWITCH, NULL)), TRUE);

  gtk_widget_activate_action (root, "workstream.save", NULL);
  settle ();

  g_assert_cmpuint (done.count, ==, 1);
  g_assert_cmpint (done.id, !=, 0);
  g_assert_cmpint (stw_workstream_dialog_get_workstream_id (dialog), ==, done.id);
  g_assert_false (gtk_widget_get_visible (root));
  g_assert_cmpuint (n_workstreams (&f), ==, before + 1);

  stream = stw_workspace_find_workstream (f.ws, done.id);
  g_assert_nonnull (stream);
  g_assert_cmpint (stw_workstream_get_kind (stream), ==, STW_WORKSTREAM_CUSTOM);
  g_assert_cmpstr (stw_workstream_get_name (stream), ==, "KPI measurement");
  g_assert_cmpstr (stw_workstream_get_prefix (stream), ==, "KPI");
  g_assert_cmpint (stw_workstream_get_owner_id (stream), ==, f.mia);
  g_assert_cmpstr (stw_workstream_get_colour (stream), ==, "#e01b24");
  g_assert_true (stw_workstream_get_require_evidence (stream));

  g_object_unref (dialog);
  gtk_window_destroy (parent);
  settle ();
  fixture_clear (&f);
}

static void
test_dialog_refuses (void)
{
  Fixture f = { 0 };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  StwWorkstreamDialog *dialog;
  g_autoptr(StwWorkstream) taken = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root;
  Done done = { 0 };
  guint before;

  fixture_init (&f);
  gtk_window_present (parent);
  before = n_workstreams (&f);
  dialog = open_dialog (&f, parent, 0, &done);
  root = GTK_WIDGET (dialog);
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Name", "ISMS change and scope");

  /* Not letters. */
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Reference prefix", "K1");
  g_assert_nonnull (find_message (root, "one to eight letters"));
  g_assert_true (has_class (find_message (root, "one to eight letters"), "error"));
  g_assert_true (has_class (require_widget (root, ADW_TYPE_ENTRY_ROW, "Reference prefix"), "error"));
  g_assert_false (save_enabled (dialog));
  gtk_widget_activate_action (root, "workstream.save", NULL);
  settle ();
  g_assert_cmpuint (done.count, ==, 0);
  g_assert_cmpuint (n_workstreams (&f), ==, before);

  /* Too long. */
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Reference prefix", "CHANGESCO");
  g_assert_nonnull (find_message (root, "one to eight letters"));
  g_assert_false (save_enabled (dialog));

  /* Taken by the corrective action log, whatever the case. */
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Reference prefix", "ca");
  g_assert_nonnull (find_message (root, "Another workstream already uses CA"));
  g_assert_true (has_class (find_message (root, "Another workstream already uses CA"), "error"));
  g_assert_false (save_enabled (dialog));

  /* Fine again. */
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Reference prefix", "CHG");
  g_assert_null (find_message (root, "Another workstream"));
  g_assert_false (has_class (require_widget (root, ADW_TYPE_ENTRY_ROW, "Reference prefix"), "error"));
  g_assert_true (save_enabled (dialog));

  /* Taken behind the dialog's back: the workspace's refusal is shown in
   * the dialog, which stays open. */
  taken = stw_workspace_add_workstream (f.ws, "Change log", "CHG", 0, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (root, "workstream.save", NULL);
  settle ();
  g_assert_cmpuint (done.count, ==, 0);
  g_assert_true (gtk_widget_get_visible (root));
  g_assert_nonnull (find_message (root, "Another workstream already uses the prefix “CHG”"));
  g_assert_nonnull (find_message (root, "Another workstream already uses CHG"));
  g_assert_false (save_enabled (dialog));
  g_assert_cmpuint (n_workstreams (&f), ==, before + 1);

  /* Corrected, it goes through. */
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Reference prefix", "SCOPE");
  g_assert_true (save_enabled (dialog));
  gtk_widget_activate_action (root, "workstream.save", NULL);
  settle ();
  g_assert_cmpuint (done.count, ==, 1);
  g_assert_cmpstr (stw_workstream_get_prefix (stw_workspace_find_workstream (f.ws, done.id)), ==, "SCOPE");
  g_assert_cmpuint (n_workstreams (&f), ==, before + 2);

  g_object_unref (dialog);
  gtk_window_destroy (parent);
  settle ();
  fixture_clear (&f);
}

static void
test_dialog_edit (void)
{
  Fixture f = { 0 };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  StwWorkstreamDialog *dialog;
  g_autoptr(StwWorkstream) kpi = NULL;
  g_autoptr(GError) error = NULL;
  StwWorkstream *stream;
  GtkWidget *root;
  GtkWidget *evidence;
  GdkRGBA green;
  Done done = { 0 };

  fixture_init (&f);
  gtk_window_present (parent);
  kpi = stw_workspace_add_workstream (f.ws, "KPI measurement", "KPI", f.me, &error);
  g_assert_no_error (error);

  /* A custom workstream: everything but the prefix. */
  dialog = open_dialog (&f, parent, stw_workstream_get_id (kpi), &done);
  root = GTK_WIDGET (dialog);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (require_widget (root, ADW_TYPE_WINDOW_TITLE, NULL))),
                   ==, "Workstream settings");
  g_assert_null (find_visible (root, ADW_TYPE_ENTRY_ROW, "Reference prefix"));
  g_assert_nonnull (require_widget (root, ADW_TYPE_ACTION_ROW, "Reference prefix"));
  g_assert_nonnull (find_visible (root, GTK_TYPE_LABEL, "KPI"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (root, ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, "KPI measurement");
  g_assert_true (save_enabled (dialog));
  evidence = require_widget (root, GTK_TYPE_SWITCH, NULL);
  g_assert_true (gtk_widget_is_sensitive (evidence));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (evidence)));

  /* Saving untouched keeps "no colour". */
  gtk_widget_activate_action (root, "workstream.save", NULL);
  settle ();
  g_assert_cmpuint (done.count, ==, 1);
  g_assert_null (stw_workstream_get_colour (kpi));
  g_object_unref (dialog);

  dialog = open_dialog (&f, parent, stw_workstream_get_id (kpi), &done);
  root = GTK_WIDGET (dialog);
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Name", "KPI measurements");
  select_row (root, "Owner", 0);
  gdk_rgba_parse (&green, "#33d17a");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (require_widget (root, GTK_TYPE_COLOR_BUTTON, NULL)), &green);
  gtk_switch_set_active (GTK_SWITCH (require_widget (root, GTK_TYPE_SWITCH, NULL)), TRUE);
  gtk_widget_activate_action (root, "workstream.save", NULL);
  settle ();
  g_assert_cmpuint (done.count, ==, 2);
  g_assert_cmpint (done.id, ==, stw_workstream_get_id (kpi));
  g_assert_cmpstr (stw_workstream_get_name (kpi), ==, "KPI measurements");
  g_assert_cmpstr (stw_workstream_get_prefix (kpi), ==, "KPI");
  g_assert_cmpint (stw_workstream_get_owner_id (kpi), ==, 0);
  g_assert_cmpstr (stw_workstream_get_colour (kpi), ==, "#33d17a");
  g_assert_true (stw_workstream_get_require_evidence (kpi));
  g_object_unref (dialog);

  /* An empty name is not offered for saving. */
  dialog = open_dialog (&f, parent, stw_workstream_get_id (kpi), &done);
  root = GTK_WIDGET (dialog);
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Name", "   ");
  g_assert_false (save_enabled (dialog));
  /* Cancel (the header bar button's action) closes without saving. */
  gtk_widget_activate_action (root, "window.close", NULL);
  settle ();
  g_assert_false (gtk_widget_get_visible (root));
  g_assert_cmpuint (done.count, ==, 2);
  g_assert_cmpstr (stw_workstream_get_name (kpi), ==, "KPI measurements");
  g_object_unref (dialog);

  /* The corrective action log always needs evidence: the switch is on,
   * cannot be turned off, and says why. */
  dialog = open_dialog (&f, parent, f.ca_stream, &done);
  root = GTK_WIDGET (dialog);
  evidence = require_widget (root, GTK_TYPE_SWITCH, NULL);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (evidence)));
  g_assert_false (gtk_widget_is_sensitive (evidence));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (require_widget (root, ADW_TYPE_ACTION_ROW, "Closing needs evidence"))),
                            "Always on for risk treatment and corrective actions"));
  g_assert_nonnull (find_visible (root, GTK_TYPE_LABEL, "CA"));
  set_row_text (root, ADW_TYPE_ENTRY_ROW, "Name", "Nonconformities and improvements");
  gtk_widget_activate_action (root, "workstream.save", NULL);
  settle ();
  g_assert_cmpuint (done.count, ==, 3);
  stream = stw_workspace_find_workstream (f.ws, f.ca_stream);
  g_assert_cmpstr (stw_workstream_get_name (stream), ==, "Nonconformities and improvements");
  g_assert_true (stw_workstream_get_require_evidence (stream));
  g_object_unref (dialog);

  gtk_window_destroy (parent);
  settle ();
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Workspaces go to a private folder, before GLib caches the real one. */
  data_home = make_test_home ("corrective");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/corrective/section/round-trip", test_section_round_trip);
  g_test_add_func ("/corrective/section/invalid-date", test_section_invalid_date);
  g_test_add_func ("/corrective/section/checklist", test_section_checklist);
  g_test_add_func ("/corrective/section/saves-through-core", test_section_saves_through_core);
  g_test_add_func ("/corrective/filter", test_filter);
  g_test_add_func ("/corrective/workstream-dialog/create", test_dialog_create);
  g_test_add_func ("/corrective/workstream-dialog/refuses", test_dialog_refuses);
  g_test_add_func ("/corrective/workstream-dialog/edit", test_dialog_edit);

  status = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);

  return status;
}
