/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-risks.c: the risk register widgets under Xvfb, with "today" pinned
 * to 2027-03-01 and risks made through the core: the heat map's counts,
 * colours, threshold marks and accessible names follow changes to the
 * register and the threshold; the register page shows the "Needs
 * treatment" pill and filters by it, by overdue review and by heat map
 * cell, sorts, and opens rows; the editor saves (history written), shows
 * the core's refusal of a half residual score or a bad date while keeping
 * what was typed, creates and deletes, and lists the risk's treatment
 * items live; the chooser row sets "risk-id" and is invalid without one.
 * Any GTK warning fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stw-heat-map.h"
#include "stw-item-model.h"
#include "stw-risk-chooser-row.h"
#include "stw-evidence-list.h"
#include "stw-evidence.h"
#include "stw-risk-editor.h"
#include "stw-risk-register.h"
#include "stw-risk-register-view.h"
#include "test-util.h"

#define TODAY "2027-03-01"

typedef struct
{
  StwWorkspace *ws;
  gint64        owner_id;
  gint64        treatment_ws;
  GtkWindow    *window;

  /* R-001 takeover (4 × 5, no treatment: flagged), R-002 laptops (2 × 3,
   * residual 1 × 3, review overdue), R-003 ransomware (3 × 5, one
   * treatment item, residual 2 × 2), R-004 old (4 × 5, closed). */
  gint64        takeover;
  gint64        laptops;
  gint64        ransomware;
  gint64        old;
  gint64        treatment_item;

  GPtrArray    *changed;      /* messages of "changed" */
  GPtrArray    *errors;       /* messages of "error" */
  gint64        activated;
  guint         cell_likelihood;
  guint         cell_impact;
  StwRisk      *saved_before;
  StwRisk      *saved_after;
  gboolean      saved;
  gint64        treatment_requested;
} Fixture;

static char *tmp;

/* Helpers */

/* Lets the window lay itself out: a few frames. */
static void
settle (void)
{
  run_for (200);
  iterate ();
}

static gint64
add_risk (Fixture       *f,
          const char    *title,
          guint          likelihood,
          guint          impact,
          guint          residual_likelihood,
          guint          residual_impact,
          const char    *review,
          StwRiskStatus  status)
{
  g_autoptr(StwRisk) risk = stw_risk_new ();
  g_autoptr(GError) error = NULL;

  stw_risk_set_title (risk, title);
  stw_risk_set_asset (risk, "Operations");
  stw_risk_set_owner_id (risk, f->owner_id);
  stw_risk_set_likelihood (risk, likelihood);
  stw_risk_set_impact (risk, impact);
  stw_risk_set_residual_likelihood (risk, residual_likelihood);
  stw_risk_set_residual_impact (risk, residual_impact);
  stw_risk_set_next_review (risk, review);
  stw_risk_set_status (risk, status);
  g_assert_true (stw_workspace_insert_risk (f->ws, risk, &error));
  g_assert_no_error (error);

  return stw_risk_get_id (risk);
}

static gint64
add_treatment (Fixture    *f,
               gint64      risk_id,
               const char *title)
{
  g_autoptr(StwItem) item = stw_item_new (f->treatment_ws);

  stw_item_set_title (item, title);
  stw_item_set_risk_id (item, risk_id);
  stw_item_set_due_date (item, "2027-04-30");
  return insert_item (f->ws, item);
}

static StwRisk *
load_risk (Fixture *f,
           gint64   risk_id)
{
  g_autoptr(GError) error = NULL;
  StwRisk *risk = stw_workspace_load_risk (f->ws, risk_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (risk);

  return risk;
}

static void
update_risk (Fixture *f,
             StwRisk *risk)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_workspace_update_risk (f->ws, risk, &error));
  g_assert_no_error (error);
}

static GPtrArray *
history (Fixture *f,
         gint64   risk_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = stw_workspace_list_history (f->ws, "risk", risk_id, &error);

  g_assert_no_error (error);

  return entries;
}

static void
set_threshold (Fixture *f,
               guint    threshold)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_workspace_update_organisation (f->ws, stw_workspace_get_org_name (f->ws),
                                                    stw_workspace_get_scope (f->ws),
                                                    stw_workspace_get_isms_owner_id (f->ws),
                                                    stw_workspace_get_cycle_start_month (f->ws),
                                                    threshold, &error));
  g_assert_no_error (error);
}

static void
show (Fixture   *f,
      GtkWidget *child)
{
  gtk_window_set_child (f->window, child);
  gtk_window_present (f->window);
  settle ();
}

/* Depth first: the first descendant of @widget of @type that has
 * @css_class (NULL: any) and, for a preferences row, the title @title
 * (NULL: any). */
static GtkWidget *
find_styled (GtkWidget  *widget,
             GType       type,
             const char *css_class,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (css_class == NULL || gtk_widget_has_css_class (child, css_class)) &&
          (title == NULL || (ADW_IS_PREFERENCES_ROW (child) &&
                             g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)))
        return child;

      found = find_styled (child, type, css_class, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  GtkWidget *row = find_styled (widget, type, NULL, title);

  g_assert_nonnull (row);

  return row;
}

/* Labels with @css_class that a person can see. */
static guint
count_visible_labels (GtkWidget  *widget,
                      const char *css_class)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class) && gtk_widget_get_mapped (child))
        n++;
      n += count_visible_labels (child, css_class);
    }

  return n;
}

/* A visible label showing exactly @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static char *
row_refs (GListModel *rows)
{
  GString *refs = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (rows, i);

      g_string_append_printf (refs, "%s%s", i > 0 ? "," : "", stw_risk_get_ref (risk));
    }

  return g_string_free (refs, FALSE);
}

static void
assert_rows (StwRiskRegisterView *view,
             const char          *expected)
{
  g_autofree char *refs = row_refs (_stw_risk_register_view_get_rows (view));

  g_assert_cmpstr (refs, ==, expected);
}

/* As a click does (keyboard activation gets there after the pressed
 * look's delay). */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static void
assert_cell (StwHeatMap *map,
             guint       likelihood,
             guint       impact,
             guint       count,
             const char *name)
{
  GtkWidget *cell = stw_heat_map_get_cell (map, likelihood, impact);

  g_assert_cmpuint (stw_heat_map_get_count (map, likelihood, impact), ==, count);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  g_assert_cmpuint (count > 0, ==, gtk_widget_has_css_class (cell, "has-risks"));
}

/* Callbacks */

static void
cell_activated_cb (StwHeatMap *map,
                   guint       likelihood,
                   guint       impact,
                   Fixture    *f)
{
  f->cell_likelihood = likelihood;
  f->cell_impact = impact;
}

static void
saved_cb (StwRiskEditor *editor,
          StwRisk       *before,
          StwRisk       *after,
          Fixture       *f)
{
  f->saved = TRUE;
  g_set_object (&f->saved_before, before);
  g_set_object (&f->saved_after, after);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(StwPerson) owner = NULL;

  f->ws = create_workspace (tmp, "risks", "Northwind Logistics", "Priya Shah");
  owner = g_list_model_get_item (stw_workspace_get_people (f->ws), 0);
  f->owner_id = stw_person_get_id (owner);
  f->treatment_ws = find_workstream_id (f->ws, STW_WORKSTREAM_TREATMENT);
  g_assert_cmpint (f->treatment_ws, >, 0);
  g_assert_cmpuint (stw_workspace_get_risk_threshold (f->ws), ==, 12);

  f->takeover = add_risk (f, "Takeover of cloud administration", 4, 5, 0, 0, "2027-06-01", STW_RISK_OPEN);
  f->laptops = add_risk (f, "Data exposure from lost laptops", 2, 3, 1, 3, "2027-02-01", STW_RISK_TREATING);
  f->ransomware = add_risk (f, "Ransomware halts operations", 3, 5, 2, 2, "2027-09-01", STW_RISK_TREATING);
  f->old = add_risk (f, "Old mail server", 4, 5, 0, 0, NULL, STW_RISK_CLOSED);
  f->treatment_item = add_treatment (f, f->ransomware, "Offline backups");

  f->changed = g_ptr_array_new_with_free_func (g_free);
  f->errors = g_ptr_array_new_with_free_func (g_free);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 860);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate ();
  g_clear_object (&f->saved_before);
  g_clear_object (&f->saved_after);
  g_clear_object (&f->ws);
  g_ptr_array_unref (f->changed);
  g_ptr_array_unref (f->errors);
}

/* Tests */

static void
test_scale (void)
{
  g_assert_cmpstr (stw_likelihood_label (1), ==, "Rare");
  g_assert_cmpstr (stw_likelihood_label (5), ==, "Almost certain");
  g_assert_null (stw_likelihood_label (0));
  g_assert_cmpstr (stw_impact_label (1), ==, "Negligible");
  g_assert_cmpstr (stw_impact_label (5), ==, "Severe");
  g_assert_null (stw_impact_label (6));

  g_assert_cmpint (stw_risk_level_for_score (1), ==, STW_RISK_LEVEL_LOW);
  g_assert_cmpint (stw_risk_level_for_score (4), ==, STW_RISK_LEVEL_LOW);
  g_assert_cmpint (stw_risk_level_for_score (5), ==, STW_RISK_LEVEL_MEDIUM);
  g_assert_cmpint (stw_risk_level_for_score (9), ==, STW_RISK_LEVEL_MEDIUM);
  g_assert_cmpint (stw_risk_level_for_score (10), ==, STW_RISK_LEVEL_HIGH);
  g_assert_cmpint (stw_risk_level_for_score (12), ==, STW_RISK_LEVEL_HIGH);
  g_assert_cmpint (stw_risk_level_for_score (15), ==, STW_RISK_LEVEL_VERY_HIGH);
  g_assert_cmpint (stw_risk_level_for_score (16), ==, STW_RISK_LEVEL_VERY_HIGH);
  g_assert_cmpint (stw_risk_level_for_score (20), ==, STW_RISK_LEVEL_CRITICAL);
  g_assert_cmpint (stw_risk_level_for_score (25), ==, STW_RISK_LEVEL_CRITICAL);
  g_assert_cmpstr (stw_risk_level_label (STW_RISK_LEVEL_VERY_HIGH), ==, "Very high");
}

static void
test_heat_map (Fixture       *f,
               gconstpointer  data)
{
  StwHeatMap *map = STW_HEAT_MAP (stw_heat_map_new ());
  g_autoptr(StwRisk) takeover = NULL;
  GtkWidget *cell;

  g_signal_connect (map, "cell-activated", G_CALLBACK (cell_activated_cb), f);
  stw_heat_map_set_workspace (map, f->ws);
  show (f, GTK_WIDGET (map));

  /* Inherent: the closed R-004 (also 4 × 5) is not on the map. */
  g_assert_false (stw_heat_map_get_residual (map));
  assert_cell (map, 4, 5, 1, "Likelihood 4, impact 5: 1 risk");
  assert_cell (map, 2, 3, 1, "Likelihood 2, impact 3: 1 risk");
  assert_cell (map, 3, 5, 1, "Likelihood 3, impact 5: 1 risk");
  assert_cell (map, 1, 1, 0, "Likelihood 1, impact 1: 0 risks");
  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (stw_heat_map_get_cell (map, l, i)),
                                       GTK_ACCESSIBLE_ROLE_BUTTON);

  /* Colours by score, hatching above the threshold of 12. */
  cell = stw_heat_map_get_cell (map, 4, 5);
  g_assert_true (gtk_widget_has_css_class (cell, "risk-level-critical"));
  g_assert_true (gtk_widget_has_css_class (cell, "above-threshold"));
  cell = stw_heat_map_get_cell (map, 3, 4);
  g_assert_true (gtk_widget_has_css_class (cell, "risk-level-high"));
  g_assert_false (gtk_widget_has_css_class (cell, "above-threshold"));
  cell = stw_heat_map_get_cell (map, 3, 5);
  g_assert_true (gtk_widget_has_css_class (cell, "risk-level-very-high"));
  g_assert_true (gtk_widget_has_css_class (cell, "above-threshold"));
  g_assert_true (gtk_widget_has_css_class (stw_heat_map_get_cell (map, 1, 2), "risk-level-low"));
  g_assert_true (gtk_widget_has_css_class (stw_heat_map_get_cell (map, 2, 3), "risk-level-medium"));

  /* A change to a risk moves its count. */
  takeover = load_risk (f, f->takeover);
  stw_risk_set_likelihood (takeover, 3);
  update_risk (f, takeover);
  iterate ();
  assert_cell (map, 4, 5, 0, "Likelihood 4, impact 5: 0 risks");
  assert_cell (map, 3, 5, 2, "Likelihood 3, impact 5: 2 risks");

  /* A new risk and a deleted one. */
  add_risk (f, "Supplier breach", 1, 1, 0, 0, NULL, STW_RISK_OPEN);
  iterate ();
  assert_cell (map, 1, 1, 1, "Likelihood 1, impact 1: 1 risk");
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (stw_workspace_delete_risk (f->ws, f->laptops, &error));
    g_assert_no_error (error);
  }
  iterate ();
  assert_cell (map, 2, 3, 0, "Likelihood 2, impact 3: 0 risks");

  /* Residual: only assessed risks (R-003 at 2 × 2). */
  stw_heat_map_set_residual (map, TRUE);
  assert_cell (map, 2, 2, 1, "Likelihood 2, impact 2: 1 risk");
  assert_cell (map, 3, 5, 0, "Likelihood 3, impact 5: 0 risks");
  g_clear_object (&takeover);
  takeover = load_risk (f, f->takeover);
  stw_risk_set_residual_likelihood (takeover, 2);
  stw_risk_set_residual_impact (takeover, 2);
  update_risk (f, takeover);
  iterate ();
  assert_cell (map, 2, 2, 2, "Likelihood 2, impact 2: 2 risks");

  /* The threshold follows the organisation. */
  set_threshold (f, 20);
  iterate ();
  g_assert_false (gtk_widget_has_css_class (stw_heat_map_get_cell (map, 4, 5), "above-threshold"));
  g_assert_true (gtk_widget_has_css_class (stw_heat_map_get_cell (map, 5, 5), "above-threshold"));

  /* Activating a cell names it. */
  click (stw_heat_map_get_cell (map, 3, 4));
  g_assert_cmpuint (f->cell_likelihood, ==, 3);
  g_assert_cmpuint (f->cell_impact, ==, 4);

  stw_heat_map_set_selected (map, 3, 4);
  g_assert_true (gtk_widget_has_css_class (stw_heat_map_get_cell (map, 3, 4), "selected-cell"));
  stw_heat_map_set_selected (map, 0, 0);
  g_assert_false (gtk_widget_has_css_class (stw_heat_map_get_cell (map, 3, 4), "selected-cell"));
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  StwRiskRegisterView *view = STW_RISK_REGISTER_VIEW (stw_risk_register_view_new ());
  StwHeatMap *map = stw_risk_register_view_get_heat_map (view);
  GtkColumnView *table = _stw_risk_register_view_get_table (view);
  GListModel *columns;
  GtkColumnViewColumn *inherent_column = NULL;
  g_autoptr(StwRisk) takeover = NULL;
  gboolean flagged = FALSE;

  g_signal_connect (view, "risk-activated", G_CALLBACK (record_id_cb), &f->activated);
  stw_risk_register_view_set_workspace (view, f->ws);
  show (f, GTK_WIDGET (view));

  /* Every risk, in reference order; the heat map is the page's. */
  assert_rows (view, "R-001,R-002,R-003,R-004");
  g_assert_cmpstr (_stw_risk_register_view_get_page (view), ==, "list");
  g_assert_cmpuint (stw_heat_map_get_count (map, 4, 5), ==, 1);

  /* R-001 is above 12 with no treatment item: flagged. The closed R-004
   * has nothing left to treat, R-003 has a treatment item, R-002 is below
   * the threshold: no pill. */
  takeover = load_risk (f, f->takeover);
  g_assert_true (stw_risk_get_flagged (takeover));
  g_assert_cmpuint (count_visible_labels (GTK_WIDGET (table), "risk-flag"), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (table), "Takeover of cloud administration"));
  g_assert_true (shows_label (GTK_WIDGET (table), "1 of 1 open"));
  /* R-002's review is overdue. */
  g_assert_cmpuint (count_visible_labels (GTK_WIDGET (table), "overdue-badge"), >=, 1);

  /* Needs treatment. */
  gtk_widget_activate_action (GTK_WIDGET (view), "risks.needs-treatment", NULL);
  g_assert_true (stw_risk_register_view_get_needs_treatment (view));
  assert_rows (view, "R-001");

  /* Planning a treatment item takes the flag away, live. */
  add_treatment (f, f->takeover, "Hardware keys for administrators");
  iterate ();
  assert_rows (view, "");
  {
    g_autoptr(StwRisk) old = load_risk (f, f->old);

    /* Below the threshold, no flag: nothing needs treatment. */
    stw_risk_set_likelihood (old, 1);
    update_risk (f, old);
    iterate ();
  }
  assert_rows (view, "");
  g_assert_cmpstr (_stw_risk_register_view_get_page (view), ==, "no-match");
  gtk_widget_activate_action (GTK_WIDGET (view), "risks.clear-filters", NULL);
  g_assert_false (stw_risk_register_view_get_needs_treatment (view));
  assert_rows (view, "R-001,R-002,R-003,R-004");
  settle ();
  g_assert_cmpuint (count_visible_labels (GTK_WIDGET (table), "risk-flag"), ==, 0);

  /* A risk raised above the threshold without treatment is flagged. */
  {
    g_autoptr(StwRisk) laptops = load_risk (f, f->laptops);

    stw_risk_set_likelihood (laptops, 5);
    update_risk (f, laptops);
    iterate ();
  }
  stw_risk_register_view_set_needs_treatment (view, TRUE);
  assert_rows (view, "R-002");
  stw_risk_register_view_set_needs_treatment (view, FALSE);

  /* Review overdue: R-002 (2027-02-01); the closed R-004 has none. */
  gtk_widget_activate_action (GTK_WIDGET (view), "risks.review-overdue", NULL);
  assert_rows (view, "R-002");
  stw_risk_register_view_set_review_overdue (view, FALSE);

  /* A heat map cell: clicking it filters, clicking it again lets go. */
  click (stw_heat_map_get_cell (map, 3, 5));
  assert_rows (view, "R-003");
  {
    guint l, i;

    stw_risk_register_view_get_cell (view, &l, &i);
    g_assert_cmpuint (l, ==, 3);
    g_assert_cmpuint (i, ==, 5);
  }
  g_assert_true (gtk_widget_has_css_class (stw_heat_map_get_cell (map, 3, 5), "selected-cell"));
  click (stw_heat_map_get_cell (map, 3, 5));
  assert_rows (view, "R-001,R-002,R-003,R-004");
  /* The closed risk (now 1 × 5) is not on the map, nor in its cell. */
  click (stw_heat_map_get_cell (map, 1, 5));
  assert_rows (view, "");
  g_assert_cmpuint (stw_heat_map_get_count (map, 1, 5), ==, 0);
  click (stw_heat_map_get_cell (map, 4, 5));
  assert_rows (view, "R-001");
  /* On the residual side a cell means residual positions. */
  stw_heat_map_set_residual (map, TRUE);
  assert_rows (view, "R-001,R-002,R-003,R-004");
  click (stw_heat_map_get_cell (map, 1, 3));
  assert_rows (view, "R-002");
  stw_risk_register_view_clear_filters (view);
  stw_heat_map_set_residual (map, FALSE);

  /* Sorting by the inherent score, highest first. */
  columns = gtk_column_view_get_columns (table);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Inherent") == 0)
        inherent_column = column;
    }
  g_assert_nonnull (inherent_column);
  gtk_column_view_sort_by_column (table, inherent_column, GTK_SORT_DESCENDING);
  /* Ties keep the register's order: R-002 was raised to 5 × 3 above,
   * R-004 lowered to 1 × 5. */
  assert_rows (view, "R-001,R-002,R-003,R-004");
  gtk_column_view_sort_by_column (table, inherent_column, GTK_SORT_ASCENDING);
  assert_rows (view, "R-004,R-002,R-003,R-001");
  gtk_column_view_sort_by_column (table, NULL, GTK_SORT_ASCENDING);
  assert_rows (view, "R-001,R-002,R-003,R-004");

  /* Opening a row names its risk. */
  g_signal_emit_by_name (table, "activate", 2);
  g_assert_cmpint (f->activated, ==, f->ransomware);
  stw_risk_register_view_select_risk (view, f->laptops);
  g_assert_cmpint (stw_risk_register_view_get_selected_risk (view), ==, f->laptops);

  /* "New risk" asks the window. */
  {
    guint requests = 0;
    gulong id = g_signal_connect_swapped (view, "new-risk-requested", G_CALLBACK (g_atomic_int_inc), &requests);

    gtk_widget_activate_action (GTK_WIDGET (view), "risks.new-risk", NULL);
    g_assert_cmpuint (requests, ==, 1);
    g_signal_handler_disconnect (view, id);
  }

  flagged = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (_stw_risk_register_view_get_rows (view)); i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (_stw_risk_register_view_get_rows (view), i);

      flagged |= stw_risk_get_flagged (risk);
    }
  g_assert_true (flagged);
}

static void
test_register_empty (Fixture       *f,
                     gconstpointer  data)
{
  StwRiskRegisterView *view = STW_RISK_REGISTER_VIEW (stw_risk_register_view_new ());
  g_autofree char *path = g_build_filename (tmp, "empty.steward", NULL);
  g_autoptr(StwWorkspace) empty = NULL;
  g_autoptr(GError) error = NULL;

  empty = stw_workspace_create (path, "Empty Ltd", "Sam Lee", &error);
  g_assert_no_error (error);

  show (f, GTK_WIDGET (view));
  g_assert_cmpstr (_stw_risk_register_view_get_page (view), ==, "empty");
  stw_risk_register_view_set_workspace (view, empty);
  g_assert_cmpstr (_stw_risk_register_view_get_page (view), ==, "empty");
  stw_risk_register_view_set_workspace (view, f->ws);
  g_assert_cmpstr (_stw_risk_register_view_get_page (view), ==, "list");
  stw_risk_register_view_set_workspace (view, NULL);
  g_assert_cmpstr (_stw_risk_register_view_get_page (view), ==, "empty");
}

/* In the default window (1100×720, so about 810 px beside the sidebar) the
 * table shows every row of the register in the page's one scroll, and the
 * columns it keeps fit the width: status and treatment items included. */
static void
test_register_fits (Fixture       *f,
                    gconstpointer  data)
{
  StwRiskRegisterView *view = STW_RISK_REGISTER_VIEW (stw_risk_register_view_new ());
  GtkColumnView *table = _stw_risk_register_view_get_table (view);
  GListModel *columns = gtk_column_view_get_columns (table);
  GtkWidget *scroller;
  GtkAdjustment *vadjustment;
  guint n_rows;
  int width = 0;
  gboolean status_shown = FALSE, items_shown = FALSE;

  /* Lower than the overview, so that only scrolling shows the table. */
  gtk_window_set_default_size (f->window, 810, 480);
  stw_risk_register_view_set_workspace (view, f->ws);
  show (f, GTK_WIDGET (view));
  settle ();

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      width += gtk_column_view_column_get_fixed_width (column);
      status_shown |= g_strcmp0 (title, "Status") == 0;
      items_shown |= g_strcmp0 (title, "Treatment items") == 0;
    }
  g_assert_cmpint (width, <=, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_true (status_shown);
  g_assert_true (items_shown);

  /* Every row has room: the page scrolls, not the table inside it. */
  n_rows = g_list_model_get_n_items (_stw_risk_register_view_get_rows (view));
  g_assert_cmpuint (n_rows, >=, 3);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (table)), >=, (int) n_rows * 30);
  scroller = gtk_widget_get_first_child (GTK_WIDGET (view));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (table), scroller));
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));

  /* Narrow: fewer columns, still within the width, the title first. */
  gtk_window_set_default_size (f->window, 420, 480);
  gtk_widget_set_size_request (GTK_WIDGET (f->window), 420, -1);
  gtk_window_unmaximize (f->window);
  settle ();
  width = 0;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        width += gtk_column_view_column_get_fixed_width (column);
    }
  g_assert_cmpint (width, <=, MAX (gtk_widget_get_width (GTK_WIDGET (view)), 256));
}

static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  StwRiskEditor *editor = STW_RISK_EDITOR (stw_risk_editor_new ());
  GtkWidget *title_row, *likelihood_row, *impact_row, *residual_l_row, *residual_i_row, *review_row;
  GtkWidget *score_badge;
  g_autoptr(StwRisk) laptops = NULL;
  g_autoptr(StwRisk) stored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n_history;

  g_signal_connect (editor, "changed", G_CALLBACK (record_message_cb), f->changed);
  g_signal_connect (editor, "error", G_CALLBACK (record_message_cb), f->errors);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), f);
  g_signal_connect (editor, "new-treatment-requested", G_CALLBACK (record_id_cb), &f->treatment_requested);
  stw_risk_editor_set_workspace (editor, f->ws);
  show (f, GTK_WIDGET (editor));

  title_row = find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title");
  likelihood_row = find_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Likelihood");
  impact_row = find_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Impact");
  residual_l_row = find_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Residual likelihood");
  residual_i_row = find_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Residual impact");
  review_row = find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Next review");
  score_badge = find_styled (GTK_WIDGET (editor), GTK_TYPE_LABEL, "risk-score-large", NULL);
  g_assert_nonnull (score_badge);

  laptops = load_risk (f, f->laptops);
  stw_risk_editor_set_risk (editor, laptops);
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Data exposure from lost laptops");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (likelihood_row)), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (impact_row)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (residual_l_row)), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (residual_i_row)), ==, 3);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (score_badge)), ==, "6 · Medium");
  g_assert_true (gtk_widget_has_css_class (score_badge, "risk-level-medium"));
  g_assert_false (stw_risk_editor_get_modified (editor));

  /* Evidence kept with the risk shows in its editor. */
  {
    g_autofree char *dir = g_dir_make_tmp ("risk-ev-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "encryption-report.csv", NULL);
    g_autoptr(GFile) file = NULL;
    g_autoptr(StwAttachment) a = NULL;
    StwEvidenceList *list = STW_EVIDENCE_LIST (find_styled (GTK_WIDGET (editor), STW_TYPE_EVIDENCE_LIST, NULL, NULL));

    g_assert_nonnull (list);
    g_assert_cmpint (stw_evidence_list_get_entity_id (list), ==, f->laptops);
    g_assert_cmpuint (stw_evidence_list_get_n_attachments (list), ==, 0);
    g_assert_true (g_file_set_contents (path, "laptop,encrypted\nLT-01,yes\n", -1, NULL));
    file = g_file_new_for_path (path);
    a = stw_workspace_attach_file (f->ws, "risk", f->laptops, file, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    stw_risk_editor_set_risk (editor, laptops);
    settle ();
    g_assert_cmpuint (stw_evidence_list_get_n_attachments (list), ==, 1);
  }

  /* The score follows the choice, in its colour. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (likelihood_row), 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (impact_row), 4);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (score_badge)), ==, "25 · Critical");
  g_assert_true (gtk_widget_has_css_class (score_badge, "risk-level-critical"));
  g_assert_false (gtk_widget_has_css_class (score_badge, "risk-level-medium"));
  g_assert_true (stw_risk_editor_get_modified (editor));

  /* Save: written with its history entry. */
  entries = history (f, f->laptops);
  n_history = entries->len;
  g_clear_pointer (&entries, g_ptr_array_unref);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Customer data exposed from lost laptops");
  gtk_widget_activate_action (GTK_WIDGET (editor), "risk-editor.save", NULL);
  g_assert_cmpuint (f->errors->len, ==, 0);
  g_assert_true (f->saved);
  g_assert_nonnull (f->saved_before);
  g_assert_cmpstr (stw_risk_get_title (f->saved_before), ==, "Data exposure from lost laptops");
  g_assert_cmpstr (stw_risk_get_title (f->saved_after), ==, "Customer data exposed from lost laptops");
  g_assert_cmpuint (f->changed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->changed, 0), ==, "R-002 saved");
  g_assert_false (stw_risk_editor_get_modified (editor));
  stored = load_risk (f, f->laptops);
  g_assert_cmpstr (stw_risk_get_title (stored), ==, "Customer data exposed from lost laptops");
  g_assert_cmpuint (stw_risk_get_score (stored), ==, 25);
  entries = history (f, f->laptops);
  g_assert_cmpuint (entries->len, ==, n_history + 1);
  {
    StwHistoryEntry *last = g_ptr_array_index (entries, entries->len - 1);

    g_assert_cmpstr (last->action, ==, "update");
    g_assert_nonnull (strstr (last->changes, "\"title\""));
    g_assert_nonnull (strstr (last->changes, "\"likelihood\""));
  }
  n_history = entries->len;
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_cmpstr (stw_risk_get_title (stw_risk_editor_get_loaded_risk (editor)), ==,
                   "Customer data exposed from lost laptops");

  /* Half a residual score: the core refuses, the pane says so, the form
   * keeps what was typed, nothing is written. */
  f->saved = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Laptops lost in transit");
  adw_combo_row_set_selected (ADW_COMBO_ROW (residual_l_row), 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (residual_i_row), 0);
  g_assert_false (stw_risk_editor_save (editor, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Give both the residual likelihood and the residual impact, or neither");
  g_clear_error (&error);
  g_assert_false (f->saved);
  g_assert_cmpuint (f->errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->errors, 0), ==,
                   "Give both the residual likelihood and the residual impact, or neither");
  g_assert_cmpstr (_stw_risk_editor_get_shown_error (editor), ==,
                   "Give both the residual likelihood and the residual impact, or neither");
  settle ();
  g_assert_true (shows_label (GTK_WIDGET (editor), "Give both the residual likelihood and the residual impact, or neither"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Laptops lost in transit");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (residual_l_row)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (residual_i_row)), ==, 0);
  g_assert_true (stw_risk_editor_get_modified (editor));
  entries = history (f, f->laptops);
  g_assert_cmpuint (entries->len, ==, n_history);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_object (&stored);
  stored = load_risk (f, f->laptops);
  g_assert_cmpstr (stw_risk_get_title (stored), ==, "Customer data exposed from lost laptops");
  g_assert_cmpuint (stw_risk_get_residual_likelihood (stored), ==, 1);

  /* A review date that is not a date is refused, with how to write one
   * (issue 9, point 24: the row reads the locale's format, so the row's
   * reason, not the core's "year-month-day", is the message). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (residual_i_row), 2);
  gtk_editable_set_text (GTK_EDITABLE (review_row), "31/03/2027");
  g_assert_false (stw_risk_editor_save (editor, NULL));
  g_assert_cmpstr (_stw_risk_editor_get_shown_error (editor), ==,
                   "Next review: “31/03/2027” is not a date. Write it like 2027-03-13.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (review_row)), ==, "31/03/2027");

  /* Corrected, it saves and the message goes. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (residual_i_row), 4);
  gtk_editable_set_text (GTK_EDITABLE (review_row), "2027-03-31");
  g_assert_true (stw_risk_editor_save (editor, NULL));
  g_assert_null (_stw_risk_editor_get_shown_error (editor));
  g_clear_object (&stored);
  stored = load_risk (f, f->laptops);
  g_assert_cmpstr (stw_risk_get_title (stored), ==, "Laptops lost in transit");
  g_assert_cmpuint (stw_risk_get_residual_score (stored), ==, 12);
  g_assert_cmpstr (stw_risk_get_next_review (stored), ==, "2027-03-31");
}

static void
test_editor_treatment_items (Fixture       *f,
                             gconstpointer  data)
{
  StwRiskEditor *editor = STW_RISK_EDITOR (stw_risk_editor_new ());
  g_autoptr(StwRisk) ransomware = load_risk (f, f->ransomware);
  g_autoptr(StwRisk) blank = stw_risk_new ();
  g_autoptr(StwItem) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GListModel *items;
  GtkWidget *title_row;

  g_signal_connect (editor, "changed", G_CALLBACK (record_message_cb), f->changed);
  g_signal_connect (editor, "error", G_CALLBACK (record_message_cb), f->errors);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), f);
  g_signal_connect (editor, "new-treatment-requested", G_CALLBACK (record_id_cb), &f->treatment_requested);
  stw_risk_editor_set_workspace (editor, f->ws);
  show (f, GTK_WIDGET (editor));

  stw_risk_editor_set_risk (editor, ransomware);
  settle ();
  items = _stw_risk_editor_get_treatment_items (editor);
  g_assert_nonnull (items);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  first = g_list_model_get_item (items, 0);
  g_assert_cmpstr (stw_item_get_ref (first), ==, "RT-001");
  g_assert_true (shows_label (GTK_WIDGET (editor), "RT-001"));
  g_assert_true (shows_label (GTK_WIDGET (editor), "Offline backups"));
  g_assert_true (shows_label (GTK_WIDGET (editor), "To do"));

  /* A new treatment item of this risk appears by itself. */
  add_treatment (f, f->ransomware, "Tested restore of the ERP");
  iterate ();
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_true (shows_label (GTK_WIDGET (editor), "Tested restore of the ERP"));

  /* "New" asks the window for one, naming the risk. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "risk-editor.new-treatment", NULL);
  g_assert_cmpint (f->treatment_requested, ==, f->ransomware);

  /* The core keeps a risk with open treatment items. */
  g_assert_false (stw_risk_editor_delete (editor, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (f->errors->len, ==, 1);
  g_assert_nonnull (strstr (_stw_risk_editor_get_shown_error (editor), "R-003"));
  g_assert_true (stw_risk_editor_get_loaded_risk (editor) != NULL);

  /* A new risk: no treatment items until saved, then created with its
   * reference and a "create" history entry. */
  stw_risk_editor_set_risk (editor, blank);
  g_assert_null (_stw_risk_editor_get_treatment_items (editor));
  f->treatment_requested = 0;
  gtk_widget_activate_action (GTK_WIDGET (editor), "risk-editor.new-treatment", NULL);
  g_assert_cmpint (f->treatment_requested, ==, 0);
  title_row = find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Phishing of finance staff");
  f->saved = FALSE;
  g_assert_true (stw_risk_editor_save (editor, NULL));
  g_assert_true (f->saved);
  g_assert_null (f->saved_before);
  g_assert_cmpstr (stw_risk_get_ref (f->saved_after), ==, "R-005");
  g_assert_cmpstr (g_ptr_array_index (f->changed, f->changed->len - 1), ==, "R-005 added to the register");
  entries = history (f, stw_risk_get_id (f->saved_after));
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((StwHistoryEntry *) g_ptr_array_index (entries, 0))->action, ==, "create");
  g_assert_nonnull (_stw_risk_editor_get_treatment_items (editor));
  g_assert_cmpuint (g_list_model_get_n_items (_stw_risk_editor_get_treatment_items (editor)), ==, 0);

  /* And deleted: it leaves the register, the editor empties. */
  g_assert_true (stw_risk_editor_delete (editor, NULL));
  g_assert_null (stw_risk_editor_get_loaded_risk (editor));
  g_assert_cmpstr (g_ptr_array_index (f->changed, f->changed->len - 1), ==, "R-005 deleted");
  g_assert_null (stw_workspace_find_risk_by_ref (f->ws, "R-005", NULL));
}

static void
test_chooser_row (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *list = gtk_list_box_new ();
  StwRiskChooserRow *row = STW_RISK_CHOOSER_ROW (stw_risk_chooser_row_new ());
  g_autoptr(StwRisk) ransomware = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  g_signal_connect_swapped (row, "notify::risk-id", G_CALLBACK (g_atomic_int_inc), &notified);
  stw_risk_chooser_row_set_workspace (row, f->ws);
  show (f, list);

  /* Required: nothing chosen is an error. */
  g_assert_cmpint (stw_risk_chooser_row_get_risk_id (row), ==, 0);
  g_assert_false (stw_risk_chooser_row_get_valid (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Choose the risk this item treats");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  /* Every risk of the register is offered; words narrow it. */
  g_assert_cmpuint (g_list_model_get_n_items (_stw_risk_chooser_row_get_matches (row)), ==, 4);
  _stw_risk_chooser_row_set_search (row, "ransom");
  g_assert_cmpuint (g_list_model_get_n_items (_stw_risk_chooser_row_get_matches (row)), ==, 1);
  _stw_risk_chooser_row_set_search (row, "R-001");
  g_assert_cmpuint (g_list_model_get_n_items (_stw_risk_chooser_row_get_matches (row)), ==, 1);
  _stw_risk_chooser_row_set_search (row, "ransom");
  _stw_risk_chooser_row_choose (row, 0);

  g_assert_cmpint (stw_risk_chooser_row_get_risk_id (row), ==, f->ransomware);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (stw_risk_chooser_row_get_valid (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "R-003 Ransomware halts operations");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);

  /* The text follows the register. */
  ransomware = load_risk (f, f->ransomware);
  stw_risk_set_title (ransomware, "Ransomware stops the warehouse");
  update_risk (f, ransomware);
  iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "R-003 Ransomware stops the warehouse");
  g_assert_cmpint (stw_risk_chooser_row_get_risk_id (row), ==, f->ransomware);

  /* Set from an item; a risk that left the register is an error again. */
  g_object_set (row, "risk-id", f->laptops, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "R-002 Data exposure from lost laptops");
  g_assert_true (stw_workspace_delete_risk (f->ws, f->laptops, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_false (stw_risk_chooser_row_get_valid (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "This risk is no longer in the register");

  stw_risk_chooser_row_set_risk_id (row, 0);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Choose the risk this item treats");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp = make_test_home ("risks");
  g_setenv ("STEWARD_TODAY", TODAY, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/risks/scale", test_scale);
  g_test_add ("/risks/heat-map", Fixture, NULL, fixture_set_up, test_heat_map, fixture_tear_down);
  g_test_add ("/risks/register", Fixture, NULL, fixture_set_up, test_register, fixture_tear_down);
  g_test_add ("/risks/register-empty", Fixture, NULL, fixture_set_up, test_register_empty, fixture_tear_down);
  g_test_add ("/risks/register-fits", Fixture, NULL, fixture_set_up, test_register_fits, fixture_tear_down);
  g_test_add ("/risks/editor", Fixture, NULL, fixture_set_up, test_editor, fixture_tear_down);
  g_test_add ("/risks/editor-treatment-items", Fixture, NULL, fixture_set_up, test_editor_treatment_items,
              fixture_tear_down);
  g_test_add ("/risks/chooser-row", Fixture, NULL, fixture_set_up, test_chooser_row, fixture_tear_down);

  status = g_test_run ();

  remove_tree (tmp);
  g_free (tmp);

  return status;
}
