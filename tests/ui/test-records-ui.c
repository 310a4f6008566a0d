/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-records-ui.c: the Objectives and KPIs page in the sample window
 * under Xvfb, with "today" pinned to 2027-03-15: the sidebar row and the
 * page count the sample's objectives, KPIs, KPIs off target and KPIs with
 * missed periods; the KPI pane records a measurement for a missed period
 * through "Record measurement", after which the period list and the
 * chart's timeline hold the value and the counts follow; a value that is
 * not a number, or out of range for a percentage, gets a clear message
 * on the field and records nothing; Ctrl+Z (the window's undo) takes the
 * value back; a new KPI with a target that is not a number is refused on
 * the field, saved as K-006 once it is one, and undone; search finds a
 * KPI and opens it on the page. With
 * STW_TEST_SHOTS set to a folder, the page is saved there at 1280 and
 * 360 px, light and dark. Any GTK warning fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "stw-kpi-pane.h"
#include "stw-measure-dialog.h"
#include "stw-records-page.h"
#include "stw-records-row.h"
#include "stw-records-store.h"
#include "stw-window-private.h"
#include "test-util.h"

#define TODAY "2027-03-15"
#define RESOURCE_PATH "/io/github/isms_steward/Steward"

static char *tmp;

/* Helpers */

static void
load_app_style (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *folder = g_getenv ("STW_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (folder == NULL || width <= 0 || height <= 0)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/kpiui-%s.png", folder, name);
  gdk_texture_save_to_png (texture, path);
}

static gboolean
has_width (gpointer data)
{
  GtkWidget *widget = data;
  int wanted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "test-width"));

  return gtk_widget_get_mapped (widget) && ABS (gtk_widget_get_width (widget) - wanted) <= 10;
}

static void
resize (GtkWindow *window,
        int        width)
{
  g_object_set_data (G_OBJECT (window), "test-width", GINT_TO_POINTER (width));
  gtk_window_set_default_size (window, width, 800);
  g_assert_true (wait_until (has_width, window));
  run_for (600);
}

/* The timeline entry of @period, or NULL. */
static StwPeriodStatus *
find_period (GArray     *timeline,
             const char *period)
{
  for (guint i = 0; i < timeline->len; i++)
    if (g_str_equal (g_array_index (timeline, StwPeriodStatus, i).period, period))
      return &g_array_index (timeline, StwPeriodStatus, i);
  return NULL;
}

/* The row of the period list titled @title, or NULL. */
static AdwActionRow *
find_period_row (GtkListBox *list,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child)
        && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
      return ADW_ACTION_ROW (child);
  return NULL;
}

static guint
count_measurements (StwWorkspace *ws,
                    gint64        kpi_id)
{
  g_autoptr(GListModel) measurements = stw_workspace_list_measurements (ws, kpi_id, NULL);

  g_assert_nonnull (measurements);
  return g_list_model_get_n_items (measurements);
}

static gboolean
is_records_pane_open (gpointer data)
{
  return stw_records_page_get_pane_revealed (STW_RECORDS_PAGE (data));
}

/* Tests */

static void
test_page (void)
{
  StwWindow *window = open_sample_window (tmp, NULL);
  StwWorkspace *ws = stw_window_get_workspace (window);
  StwRecordsPage *page = _stw_window_get_records_page (window);
  StwRecordsRow *row = _stw_window_get_records_row (window);
  g_autoptr(StwKpi) k002 = NULL;
  g_autoptr(GError) error = NULL;
  StwKpiPane *pane;
  StwMeasureDialog *dialog;
  StwPeriodStatus *q3;
  AdwActionRow *q3_row;
  guint before;

  /* The sidebar row counts before the page is ever shown. */
  g_assert_cmpuint (stw_records_row_get_n_off_target (row), ==, 2);
  g_assert_cmpuint (stw_records_row_get_n_missed (row), ==, 3);
  g_assert_cmpstr (stw_records_row_get_caption (row), ==, "2 off target · 3 missed");

  gtk_widget_activate (GTK_WIDGET (row));
  run_for (300);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "records");
  g_assert_cmpuint (stw_records_page_get_n_objectives (page), ==, 3);
  g_assert_cmpuint (stw_records_page_get_n_kpis (page), ==, 5);
  g_assert_cmpuint (stw_records_page_get_n_off_target (page), ==, 2);
  g_assert_cmpuint (stw_records_page_get_n_missed (page), ==, 3);
  g_assert_nonnull (gtk_list_box_get_row_at_index (stw_records_page_get_kpi_list (page), 4));
  g_assert_null (gtk_list_box_get_row_at_index (stw_records_page_get_kpi_list (page), 5));
  save_shot (GTK_WIDGET (window), "list-light-1280");

  /* K-002, quarterly, missed 2026-Q3. */
  k002 = stw_workspace_find_kpi_by_ref (ws, "K-002", &error);
  g_assert_no_error (error);
  g_assert_true (stw_records_page_open_kpi (page, stw_kpi_get_id (k002)));
  g_assert_true (wait_until (is_records_pane_open, page));
  run_for (400);
  pane = stw_records_page_get_kpi_pane (page);
  q3 = find_period (stw_kpi_pane_get_timeline (pane), "2026-Q3");
  g_assert_nonnull (q3);
  g_assert_true (q3->missed);
  g_assert_false (q3->has_value);
  g_assert_nonnull (find_period_row (stw_kpi_pane_get_period_list (pane), "Q3 2026"));
  save_shot (GTK_WIDGET (window), "kpi-light-1280");
  before = count_measurements (ws, stw_kpi_get_id (k002));

  /* Record measurement: the period is the current one unless changed. */
  dialog = STW_MEASURE_DIALOG (stw_kpi_pane_record (pane));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (stw_measure_dialog_get_period (dialog)), ==, "2027-Q1");
  gtk_editable_set_text (stw_measure_dialog_get_period (dialog), "2026-Q3");

  /* Not a number: said on the field, nothing recorded. */
  gtk_editable_set_text (stw_measure_dialog_get_value (dialog), "seven");
  g_assert_false (stw_measure_dialog_record (dialog));
  g_assert_cmpstr (stw_measure_dialog_get_error (dialog), ==, "The value must be a number, such as 97.5");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (stw_measure_dialog_get_value (dialog)), "error"));
  /* A percentage above 100: the core's own message. */
  gtk_editable_set_text (stw_measure_dialog_get_value (dialog), "150");
  g_assert_false (stw_measure_dialog_record (dialog));
  g_assert_nonnull (stw_measure_dialog_get_error (dialog));
  g_assert_nonnull (strstr (stw_measure_dialog_get_error (dialog), "100"));
  /* A period of another frequency: the period field is marked. */
  gtk_editable_set_text (stw_measure_dialog_get_period (dialog), "2026-08");
  gtk_editable_set_text (stw_measure_dialog_get_value (dialog), "7");
  g_assert_false (stw_measure_dialog_record (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (stw_measure_dialog_get_period (dialog)), "error"));
  g_assert_cmpuint (count_measurements (ws, stw_kpi_get_id (k002)), ==, before);

  gtk_editable_set_text (stw_measure_dialog_get_period (dialog), "2026-Q3");
  gtk_editable_set_text (stw_measure_dialog_get_value (dialog), "7");
  gtk_editable_set_text (stw_measure_dialog_get_note (dialog), "Late entry from the exercise report");
  g_assert_true (stw_measure_dialog_record (dialog));
  iterate ();
  g_assert_cmpuint (count_measurements (ws, stw_kpi_get_id (k002)), ==, before + 1);

  /* The list and the chart's data hold the value; the counts follow. */
  q3 = find_period (stw_kpi_pane_get_timeline (pane), "2026-Q3");
  g_assert_nonnull (q3);
  g_assert_true (q3->has_value);
  g_assert_false (q3->missed);
  g_assert_cmpfloat (q3->value, ==, 7);
  q3_row = find_period_row (stw_kpi_pane_get_period_list (pane), "Q3 2026");
  g_assert_nonnull (q3_row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (q3_row), "7 %"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (q3_row), "Late entry from the exercise report"));
  g_assert_cmpuint (stw_records_page_get_n_missed (page), ==, 2);
  g_assert_cmpuint (stw_records_row_get_n_missed (row), ==, 2);
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, "K-002: value for Q3 2026 recorded");

  /* Ctrl+Z: the window's undo runs the page's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpuint (count_measurements (ws, stw_kpi_get_id (k002)), ==, before);
  q3 = find_period (stw_kpi_pane_get_timeline (pane), "2026-Q3");
  g_assert_true (q3->missed);
  g_assert_cmpuint (stw_records_page_get_n_missed (page), ==, 3);
  g_assert_cmpuint (stw_records_row_get_n_missed (row), ==, 3);

  close_window (window);
}

/* A new KPI through its pane: a target that is not a number is refused on
 * the field and nothing is written; saved, it is K-006 on the list; Ctrl+Z
 * takes it out again. */
static void
test_new_kpi (void)
{
  StwWindow *window = open_sample_window (tmp, NULL);
  StwWorkspace *ws = stw_window_get_workspace (window);
  StwRecordsPage *page = _stw_window_get_records_page (window);
  StwKpiPane *pane = stw_records_page_get_kpi_pane (page);
  GtkWidget *name, *target;

  gtk_widget_activate (GTK_WIDGET (_stw_window_get_records_row (window)));
  run_for (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL));
  g_assert_true (wait_until (is_records_pane_open, page));
  name = find_widget (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Name");
  target = find_widget (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Target");
  g_assert_nonnull (name);
  g_assert_nonnull (target);
  gtk_editable_set_text (GTK_EDITABLE (name), "Suppliers assessed");
  gtk_editable_set_text (GTK_EDITABLE (target), "most of them");

  g_assert_false (stw_kpi_pane_save (pane));
  g_assert_true (gtk_widget_has_css_class (target, "error"));
  g_assert_nonnull (find_widget (GTK_WIDGET (pane), GTK_TYPE_LABEL, "The target must be a number, such as 95"));
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_kpis (ws)), ==, 5);

  gtk_editable_set_text (GTK_EDITABLE (target), "90");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_kpis (ws)), ==, 6);
  g_assert_cmpstr (stw_kpi_get_ref (stw_kpi_pane_get_kpi (pane)), ==, "K-006");
  g_assert_cmpuint (stw_records_page_get_n_kpis (page), ==, 6);
  g_assert_nonnull (gtk_list_box_get_row_at_index (stw_records_page_get_kpi_list (page), 5));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_kpis (ws)), ==, 5);
  g_assert_null (gtk_list_box_get_row_at_index (stw_records_page_get_kpi_list (page), 5));
  g_assert_false (stw_records_page_get_pane_revealed (page));

  close_window (window);
}

static void
test_search (void)
{
  StwWindow *window = open_sample_window (tmp, NULL);
  StwRecordsPage *page = _stw_window_get_records_page (window);
  GtkSearchEntry *entry = _stw_window_get_search_entry (window);
  StwKpi *shown;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  /* A risk of the sample names K-001 too: the reference typed in full
   * wins. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "K-001");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  /* Enter: the KPI whose reference was typed in full. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (wait_until (is_records_pane_open, page));
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "records");
  shown = stw_kpi_pane_get_kpi (stw_records_page_get_kpi_pane (page));
  g_assert_nonnull (shown);
  g_assert_cmpstr (stw_kpi_get_ref (shown), ==, "K-001");

  close_window (window);
}

/* Not a check: the pictures to look at, light and dark, wide and narrow. */
static void
test_shots (void)
{
  StwWindow *window;
  StwRecordsPage *page;
  g_autoptr(StwKpi) k001 = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (g_getenv ("STW_TEST_SHOTS") == NULL)
    {
      g_test_skip ("STW_TEST_SHOTS is not set");
      return;
    }
  window = open_sample_window (tmp, NULL);
  page = _stw_window_get_records_page (window);
  k001 = stw_workspace_find_kpi_by_ref (stw_window_get_workspace (window), "K-001", NULL);
  gtk_widget_activate (GTK_WIDGET (_stw_window_get_records_row (window)));
  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint narrow = 0; narrow < 2; narrow++)
        {
          g_autofree char *list_name = g_strdup_printf ("list-%s-%d", dark ? "dark" : "light", narrow ? 360 : 1280);
          g_autofree char *kpi_name = g_strdup_printf ("kpi-%s-%d", dark ? "dark" : "light", narrow ? 360 : 1280);

          /* As a person would: the pane closed while the window is
           * made narrow (AdwFlap 1.2 allocates a revealed, locked flap
           * -1 px while it folds). */
          stw_records_page_close_pane (page);
          run_for (600);
          resize (GTK_WINDOW (window), narrow ? 360 : 1280);
          if (narrow)
            gtk_widget_activate (GTK_WIDGET (_stw_window_get_records_row (window)));
          run_for (600);
          save_shot (GTK_WIDGET (window), list_name);
          stw_records_page_open_kpi (page, stw_kpi_get_id (k001));
          run_for (800);
          save_shot (GTK_WIDGET (window), kpi_name);
          if (!narrow)
            {
              /* The whole pane, below the fold too: periods and evidence. */
              g_autofree char *whole_name = g_strdup_printf ("kpi-whole-%s", dark ? "dark" : "light");
              GtkWidget *list = GTK_WIDGET (stw_kpi_pane_get_period_list (stw_records_page_get_kpi_pane (page)));

              save_shot (gtk_widget_get_ancestor (list, ADW_TYPE_CLAMP), whole_name);
            }
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp = make_test_home ("records-ui");
  g_setenv ("STEWARD_TODAY", TODAY, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_app_style ();

  g_test_add_func ("/records-ui/page", test_page);
  g_test_add_func ("/records-ui/new-kpi", test_new_kpi);
  g_test_add_func ("/records-ui/search", test_search);
  g_test_add_func ("/records-ui/shots", test_shots);

  status = g_test_run ();

  remove_tree (tmp);
  g_free (tmp);

  return status;
}
