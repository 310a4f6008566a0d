/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-refresh.c: two handles on one workspace file, as a window and a
 * command line attach are: what one commits reaches the other at its next
 * stw_workspace_refresh(), through the same signals and models as its own
 * changes; without a refresh, or when nothing changed, nothing is emitted.
 */
#include "config.h"

#include "stw-evidence.h"
#include "stw-risk-register.h"
#include "stw-workspace.h"
#include "test-util.h"

typedef struct {
  char         *dir;
  char         *path;
  StwWorkspace *writer;     /* the command line */
  StwWorkspace *reader;     /* the window */
  gint64        tasks_id;
  gint64        ops_id;
  StwItem      *task;
  StwItem      *other;

  /* What the reader emitted. */
  GArray       *item_changes;    /* pairs: item id, workstream id */
  GArray       *risk_changes;    /* risk ids */
  guint         people_changed;
  guint         organisation_changed;
} Fixture;

static char *tmp;
static guint counter;

static void
item_changed_cb (StwWorkspace *ws,
                 gint64        item_id,
                 gint64        workstream_id,
                 Fixture      *f)
{
  g_array_append_val (f->item_changes, item_id);
  g_array_append_val (f->item_changes, workstream_id);
}

static void
risk_changed_cb (StwWorkspace *ws,
                 gint64        risk_id,
                 Fixture      *f)
{
  g_array_append_val (f->risk_changes, risk_id);
}

static void
people_changed_cb (StwWorkspace *ws,
                   Fixture      *f)
{
  f->people_changed++;
}

static void
organisation_changed_cb (StwWorkspace *ws,
                         Fixture      *f)
{
  f->organisation_changed++;
}

static guint
n_signals (Fixture *f)
{
  return f->item_changes->len / 2 + f->risk_changes->len + f->people_changed + f->organisation_changed;
}

static void
forget_signals (Fixture *f)
{
  g_array_set_size (f->item_changes, 0);
  g_array_set_size (f->risk_changes, 0);
  f->people_changed = 0;
  f->organisation_changed = 0;
}

/* The reader heard "item-changed" for @item_id in @workstream_id. */
static gboolean
heard_item (Fixture *f,
            gint64   item_id,
            gint64   workstream_id)
{
  for (guint i = 0; i + 1 < f->item_changes->len; i += 2)
    if (g_array_index (f->item_changes, gint64, i) == item_id
        && g_array_index (f->item_changes, gint64, i + 1) == workstream_id)
      return TRUE;
  return FALSE;
}

static gint64
workstream_id_at (StwWorkspace *ws,
                  guint         position)
{
  g_autoptr(StwWorkstream) stream = g_list_model_get_item (stw_workspace_get_workstreams (ws), position);

  return stw_workstream_get_id (stream);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("refresh-%u", counter++);

  f->dir = test_path (tmp, name);
  g_mkdir_with_parents (f->dir, 0700);
  f->path = g_build_filename (f->dir, "ws.steward", NULL);
  f->writer = stw_workspace_create (f->path, "Acme Ltd", "Ann", &error);
  g_assert_no_error (error);
  f->ops_id = workstream_id_at (f->writer, 0);
  f->tasks_id = workstream_id_at (f->writer, 3);
  f->task = stw_item_new (f->tasks_id);
  stw_item_set_title (f->task, "Nightly backup log");
  g_assert_true (stw_workspace_insert_item (f->writer, f->task, &error));
  f->other = stw_item_new (f->tasks_id);
  stw_item_set_title (f->other, "Second item");
  g_assert_true (stw_workspace_insert_item (f->writer, f->other, &error));

  f->reader = stw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  f->item_changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->risk_changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (f->reader, "risk-changed", G_CALLBACK (risk_changed_cb), f);
  g_signal_connect (f->reader, "item-changed", G_CALLBACK (item_changed_cb), f);
  g_signal_connect (f->reader, "people-changed", G_CALLBACK (people_changed_cb), f);
  g_signal_connect (f->reader, "organisation-changed", G_CALLBACK (organisation_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->task);
  g_clear_object (&f->other);
  g_clear_object (&f->reader);
  g_clear_object (&f->writer);
  g_clear_pointer (&f->item_changes, g_array_unref);
  g_clear_pointer (&f->risk_changes, g_array_unref);
  g_free (f->path);
  g_free (f->dir);
}

static GFile *
write_file (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "access review, Q4\n", -1, NULL));
  return g_file_new_for_path (path);
}

static void
refresh (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_workspace_refresh (f->reader, &error));
  g_assert_no_error (error);
}

static void
records_changed_cb (StwWorkspace *ws,
                    const char   *entity,
                    gint64        id,
                    GString      *heard)
{
  g_string_append_printf (heard, "%s %" G_GINT64_FORMAT ";", entity, id);
}

/* A KPI made and measured elsewhere (a nightly `steward measure`) is in
 * the reader's models after a refresh, with a signal for each record. */
static void
test_records (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwKpi) kpi = stw_kpi_new ();
  g_autoptr(StwMeasurement) m = NULL;
  g_autoptr(GString) heard = g_string_new (NULL);
  g_autoptr(GListModel) measurements = NULL;
  g_autofree char *expected = NULL;
  GListModel *kpis = stw_workspace_get_kpis (f->reader);

  g_signal_connect (f->reader, "records-changed", G_CALLBACK (records_changed_cb), heard);
  stw_kpi_set_name (kpi, "Patch compliance");
  stw_kpi_set_unit (kpi, "%");
  stw_kpi_set_target (kpi, 95);
  stw_kpi_set_frequency (kpi, STW_FREQUENCY_MONTHLY);
  g_assert_true (stw_workspace_insert_kpi (f->writer, kpi, &error));
  g_assert_no_error (error);
  m = stw_workspace_measure_kpi (f->writer, stw_kpi_get_id (kpi), NULL, 97.5, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 0);

  refresh (f);
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 1);
  expected = g_strdup_printf ("kpi %" G_GINT64_FORMAT ";measurement %" G_GINT64_FORMAT ";",
                              stw_kpi_get_id (kpi), stw_measurement_get_id (m));
  g_assert_cmpstr (heard->str, ==, expected);
  measurements = stw_workspace_list_measurements (f->reader, stw_kpi_get_id (kpi), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, 1);

  /* Nothing more: nothing heard. */
  g_string_truncate (heard, 0);
  refresh (f);
  g_assert_cmpstr (heard->str, ==, "");
  g_signal_handlers_disconnect_by_data (f->reader, heard);
}

/* Nothing committed elsewhere: a refresh emits nothing, however often. */
static void
test_nothing_changed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StwAttachment) a = NULL;

  refresh (f);
  refresh (f);
  g_assert_cmpuint (n_signals (f), ==, 0);

  /* Its own writes are not news either: their signals came at the commit. */
  stw_item_set_title (f->other, "Second item, renamed");
  g_assert_true (stw_workspace_update_item (f->reader, f->other, &error));
  g_assert_no_error (error);
  g_assert_true (heard_item (f, stw_item_get_id (f->other), f->tasks_id));
  forget_signals (f);
  refresh (f);
  g_assert_cmpuint (n_signals (f), ==, 0);

  /* Not even an attachment, whose file is stored through a connection of
   * its own before the attach commits on ours. */
  file = write_file (f, "own-upload.csv");
  a = stw_workspace_attach_file (f->reader, "item", stw_item_get_id (f->other), file, NULL, NULL, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_true (heard_item (f, stw_item_get_id (f->other), f->tasks_id));
  forget_signals (f);
  refresh (f);
  g_assert_cmpuint (n_signals (f), ==, 0);
}

/* The command line attaches a file to an item: the window hears of that
 * item, once, at its next refresh, and not before. */
static void
test_attach (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "access-review-q4.csv");
  g_autoptr(StwAttachment) a = NULL;
  g_autoptr(StwWorkstream) tasks = NULL;
  gint64 task_id = stw_item_get_id (f->task);

  a = stw_workspace_attach_file (f->writer, "item", task_id, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals (f), ==, 0);

  refresh (f);
  g_assert_true (heard_item (f, task_id, f->tasks_id));
  g_assert_false (heard_item (f, stw_item_get_id (f->other), f->tasks_id));
  g_assert_cmpuint (f->item_changes->len, ==, 2);
  g_assert_cmpuint (f->people_changed + f->organisation_changed, ==, 0);
  g_assert_cmpuint (stw_workspace_count_attachments (f->reader, "item", task_id), ==, 1);

  forget_signals (f);
  refresh (f);
  g_assert_cmpuint (n_signals (f), ==, 0);
}

/* Items made, changed and moved elsewhere reach the reader's models and
 * its workstreams' counts. */
static void
test_items (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tasks = stw_workspace_list_items (f->reader, f->tasks_id, &error);
  g_autoptr(GListModel) ops = stw_workspace_list_items (f->reader, f->ops_id, &error);
  g_autoptr(StwWorkstream) stream = g_list_model_get_item (stw_workspace_get_workstreams (f->reader), 3);
  g_autoptr(StwItem) third = stw_item_new (f->tasks_id);
  g_autoptr(StwItem) shown = NULL;
  guint n_ops;

  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  g_assert_cmpuint (stw_workstream_get_open_count (stream), ==, 2);
  n_ops = g_list_model_get_n_items (ops);

  stw_item_set_title (third, "Third item");
  g_assert_true (stw_workspace_insert_item (f->writer, third, &error));
  stw_item_set_title (f->task, "Nightly backup log, checked");
  g_assert_true (stw_workspace_update_item (f->writer, f->task, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);

  refresh (f);
  g_assert_true (heard_item (f, stw_item_get_id (third), f->tasks_id));
  g_assert_true (heard_item (f, stw_item_get_id (f->task), f->tasks_id));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 3);
  g_assert_cmpuint (stw_workstream_get_open_count (stream), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (tasks, i);

      if (stw_item_get_id (item) == stw_item_get_id (f->task))
        g_assert_cmpstr (stw_item_get_title (item), ==, "Nightly backup log, checked");
    }

  /* Moved: the workstream it left hears of it too. */
  forget_signals (f);
  stw_item_set_workstream_id (f->other, f->ops_id);
  g_assert_true (stw_workspace_update_item (f->writer, f->other, &error));
  g_assert_no_error (error);
  refresh (f);
  g_assert_true (heard_item (f, stw_item_get_id (f->other), f->tasks_id));
  g_assert_true (heard_item (f, stw_item_get_id (f->other), f->ops_id));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ops), ==, n_ops + 1);
  shown = stw_workspace_load_item (f->reader, stw_item_get_id (f->other), &error);
  g_assert_cmpint (stw_item_get_workstream_id (shown), ==, f->ops_id);
}

/* People, the organisation and the risk register. */
static void
test_people_and_profile (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwPerson) bob = NULL;
  g_autoptr(StwRisk) risk = stw_risk_new ();
  GListModel *people = stw_workspace_get_people (f->reader);
  GListModel *risks = stw_workspace_get_risks (f->reader);
  guint n_people = g_list_model_get_n_items (people);

  bob = stw_workspace_add_person (f->writer, "Bob", "Admin", "bob@example.org", &error);
  g_assert_no_error (error);
  g_assert_true (stw_workspace_update_organisation (f->writer, "Acme GmbH", "All of it", 0, 1, 9, &error));
  g_assert_no_error (error);
  stw_risk_set_title (risk, "Account takeover");
  g_assert_true (stw_workspace_insert_risk (f->writer, risk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 0);

  refresh (f);
  g_assert_cmpuint (f->people_changed, ==, 1);
  g_assert_cmpuint (f->organisation_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people + 1);
  g_assert_nonnull (stw_workspace_find_person (f->reader, stw_person_get_id (bob)));
  g_assert_cmpstr (stw_workspace_get_org_name (f->reader), ==, "Acme GmbH");
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 1);
  g_assert_cmpuint (f->item_changes->len, ==, 0);
}

/* A risk and its evidence: the register, and "risk-changed" once per
 * risk, which the risk editor's Evidence group follows. */
static void
test_risk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwRisk) risk = stw_risk_new ();
  g_autoptr(GFile) file = write_file (f, "mfa-rollout.csv");
  g_autoptr(StwAttachment) a = NULL;
  gint64 risk_id;

  stw_risk_set_title (risk, "Account takeover");
  g_assert_true (stw_workspace_insert_risk (f->writer, risk, &error));
  g_assert_no_error (error);
  risk_id = stw_risk_get_id (risk);
  refresh (f);
  g_assert_cmpuint (f->risk_changes->len, ==, 1);
  g_assert_cmpint (g_array_index (f->risk_changes, gint64, 0), ==, risk_id);

  forget_signals (f);
  a = stw_workspace_attach_file (f->writer, "risk", risk_id, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals (f), ==, 0);
  refresh (f);
  g_assert_cmpuint (f->risk_changes->len, ==, 1);
  g_assert_cmpint (g_array_index (f->risk_changes, gint64, 0), ==, risk_id);
  g_assert_cmpuint (f->item_changes->len, ==, 0);
  g_assert_cmpuint (stw_workspace_count_attachments (f->reader, "risk", risk_id), ==, 1);
}

/* The reader writes too, before and after the other process: what the
 * other wrote in between is not taken for the reader's own. */
static void
test_interleaved (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) mine = stw_workspace_load_item (f->reader, stw_item_get_id (f->other), &error);
  g_autoptr(StwItem) mine_too = stw_item_new (f->tasks_id);

  stw_item_set_title (f->task, "Changed by the command line");
  g_assert_true (stw_workspace_update_item (f->writer, f->task, &error));
  stw_item_set_title (mine, "Changed in the window");
  g_assert_true (stw_workspace_update_item (f->reader, mine, &error));
  stw_item_set_title (mine_too, "Made in the window");
  g_assert_true (stw_workspace_insert_item (f->reader, mine_too, &error));
  g_assert_no_error (error);
  g_assert_false (heard_item (f, stw_item_get_id (f->task), f->tasks_id));

  refresh (f);
  g_assert_true (heard_item (f, stw_item_get_id (f->task), f->tasks_id));
}

/* Inside a transaction of its own the reader does not catch up; after it,
 * it does. */
static void
test_inside_transaction (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  stw_item_set_title (f->task, "Changed by the command line");
  g_assert_true (stw_workspace_update_item (f->writer, f->task, &error));
  g_assert_true (stw_workspace_begin (f->reader, &error));
  refresh (f);
  g_assert_cmpuint (n_signals (f), ==, 0);
  stw_workspace_rollback (f->reader);
  refresh (f);
  g_assert_true (heard_item (f, stw_item_get_id (f->task), f->tasks_id));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp = test_setup_data_home ();

  g_test_add ("/refresh/nothing-changed", Fixture, NULL, fixture_set_up, test_nothing_changed, fixture_tear_down);
  g_test_add ("/refresh/attach", Fixture, NULL, fixture_set_up, test_attach, fixture_tear_down);
  g_test_add ("/refresh/items", Fixture, NULL, fixture_set_up, test_items, fixture_tear_down);
  g_test_add ("/refresh/people-and-profile", Fixture, NULL, fixture_set_up, test_people_and_profile,
              fixture_tear_down);
  g_test_add ("/refresh/records", Fixture, NULL, fixture_set_up, test_records, fixture_tear_down);
  g_test_add ("/refresh/risk", Fixture, NULL, fixture_set_up, test_risk, fixture_tear_down);
  g_test_add ("/refresh/interleaved", Fixture, NULL, fixture_set_up, test_interleaved, fixture_tear_down);
  g_test_add ("/refresh/inside-transaction", Fixture, NULL, fixture_set_up, test_inside_transaction,
              fixture_tear_down);

  status = g_test_run ();
  return status;
}
