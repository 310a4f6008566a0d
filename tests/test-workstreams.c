/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-workstreams.c: the rules each workstream adds: repeating plan items
 * schedule their next occurrence, risk treatment names its risk, a
 * nonconformity closes only with a root cause and an effective check, and
 * closing without evidence needs a recorded reason. Refused changes leave
 * nothing behind.
 */
#include "config.h"

#include <string.h>

#include "stw-item-model.h"
#include "stw-risk-register.h"
#include "stw-workspace.h"
#include "test-util.h"

typedef struct {
  StwWorkspace *ws;
  gint64        me;
  gint64        streams[4];   /* plan, treatment, corrective, tasks */
} Fixture;

static char *tmp;
static guint counter;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("ws-%u.steward", counter++);
  g_autofree char *path = test_path (tmp, name);

  f->ws = stw_workspace_create (path, "Acme Ltd", "Ann", &error);
  g_assert_no_error (error);
  f->me = stw_workspace_get_actor_id (f->ws);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(StwWorkstream) s = g_list_model_get_item (stw_workspace_get_workstreams (f->ws), i);
      f->streams[i] = stw_workstream_get_id (s);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ws);
}

static guint
history_len (Fixture *f)
{
  g_autoptr(GPtrArray) all = stw_workspace_list_history (f->ws, NULL, 0, NULL);
  return all->len;
}

static GPtrArray *
series_of (Fixture *f,
           StwItem *item)
{
  g_autoptr(GListModel) all = stw_workspace_list_items (f->ws, f->streams[0], NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      StwItem *candidate = g_list_model_get_item (all, i);

      if (stw_item_get_series_id (candidate) == stw_item_get_series_id (item))
        g_ptr_array_add (out, candidate);
      else
        g_object_unref (candidate);
    }
  return out;
}

static void
test_recurring_completion (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = stw_item_new (f->streams[0]);
  StwRecurrence monthly = { STW_REPEAT_MONTHLY, 1, "2027-01-31" };
  g_autoptr(GPtrArray) series = NULL;
  StwItem *next;

  stw_item_set_title (item, "Backup restore test");
  stw_item_set_owner_id (item, f->me);
  stw_item_set_start_date (item, "2027-01-24");
  stw_item_set_due_date (item, "2027-01-31");
  stw_item_set_recurrence (item, &monthly);
  g_assert_true (stw_workspace_insert_item (f->ws, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_item_get_series_id (item), ==, stw_item_get_id (item));
  g_assert_cmpstr (stw_item_get_ref (item), ==, "OP-2027-001");

  /* Completing it schedules 28 February, a week's lead time kept. */
  stw_item_set_status (item, STW_STATUS_DONE);
  stw_item_set_closure_note (item, "Restored the finance share");
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  g_assert_no_error (error);
  series = series_of (f, item);
  g_assert_cmpuint (series->len, ==, 2);
  next = series->pdata[1];
  g_assert_cmpstr (stw_item_get_due_date (next), ==, "2027-02-28");
  g_assert_cmpstr (stw_item_get_start_date (next), ==, "2027-02-21");
  g_assert_cmpint (stw_item_get_status (next), ==, STW_STATUS_TODO);
  g_assert_cmpint (stw_item_get_owner_id (next), ==, f->me);
  g_assert_cmpstr (stw_item_get_ref (next), ==, "OP-2027-002");
  g_assert_null (stw_item_get_closure_note (next));
  g_assert_cmpint (stw_item_get_recurrence (next)->unit, ==, STW_REPEAT_MONTHLY);

  /* That one in turn leads to 31 March, not 28 March. */
  {
    g_autoptr(StwItem) second = stw_item_copy (next);
    g_autoptr(GPtrArray) again = NULL;

    stw_item_set_status (second, STW_STATUS_DONE);
    g_assert_true (stw_workspace_update_item (f->ws, second, &error));
    again = series_of (f, item);
    g_assert_cmpuint (again->len, ==, 3);
    g_assert_cmpstr (stw_item_get_due_date (again->pdata[2]), ==, "2027-03-31");

    /* Reopening withdraws the untouched next occurrence (undo leaves no
     * stray copy); closing again schedules it again, once. */
    stw_item_set_status (second, STW_STATUS_IN_PROGRESS);
    g_assert_true (stw_workspace_update_item (f->ws, second, &error));
    g_clear_pointer (&again, g_ptr_array_unref);
    again = series_of (f, item);
    g_assert_cmpuint (again->len, ==, 2);
    stw_item_set_status (second, STW_STATUS_DONE);
    g_assert_true (stw_workspace_update_item (f->ws, second, &error));
    g_clear_pointer (&again, g_ptr_array_unref);
    again = series_of (f, item);
    g_assert_cmpuint (again->len, ==, 3);
  }

  /* A next occurrence someone has worked on stays when the previous one
   * is reopened. */
  {
    g_autoptr(GPtrArray) now = series_of (f, item);
    g_autoptr(StwItem) third = stw_item_copy (now->pdata[2]);
    g_autoptr(StwItem) second = stw_item_copy (now->pdata[1]);
    g_autoptr(GPtrArray) after = NULL;

    stw_item_set_notes (third, "Book the test server");
    g_assert_true (stw_workspace_update_item (f->ws, third, &error));
    stw_item_set_status (second, STW_STATUS_TODO);
    g_assert_true (stw_workspace_update_item (f->ws, second, &error));
    after = series_of (f, item);
    g_assert_cmpuint (after->len, ==, 3);
  }
}

static void
test_recurrence_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = stw_item_new (f->streams[0]);
  StwRecurrence zero = { STW_REPEAT_MONTHLY, 0, "2027-01-31" };
  StwRecurrence no_anchor = { STW_REPEAT_YEARLY, 1, "" };
  guint before = history_len (f);

  stw_item_set_title (item, "Internal audit");
  stw_item_set_recurrence (item, &zero);
  g_assert_false (stw_workspace_insert_item (f->ws, item, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  stw_item_set_recurrence (item, &no_anchor);
  g_assert_false (stw_workspace_insert_item (f->ws, item, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_assert_cmpuint (history_len (f), ==, before);
}

static StwRisk *
add_risk (Fixture    *f,
          const char *title,
          guint       likelihood,
          guint       impact)
{
  g_autoptr(GError) error = NULL;
  StwRisk *risk = stw_risk_new ();

  stw_risk_set_title (risk, title);
  stw_risk_set_likelihood (risk, likelihood);
  stw_risk_set_impact (risk, impact);
  stw_risk_set_owner_id (risk, f->me);
  g_assert_true (stw_workspace_insert_risk (f->ws, risk, &error));
  g_assert_no_error (error);
  return risk;
}

static void
test_risk_register (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwRisk) high = add_risk (f, "Loss of the dispatch system", 4, 5);
  g_autoptr(StwRisk) low = add_risk (f, "Printer jams", 2, 2);
  g_autoptr(StwRisk) loaded = NULL;
  g_autoptr(StwItem) treatment = stw_item_new (f->streams[1]);
  g_autoptr(StwRisk) bad = stw_risk_new ();
  GListModel *risks = stw_workspace_get_risks (f->ws);
  guint inherent[5][5], residual[5][5];
  guint before;

  g_assert_cmpstr (stw_risk_get_ref (high), ==, "R-001");
  g_assert_cmpstr (stw_risk_get_ref (low), ==, "R-002");
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 2);

  /* Threshold 12 (the default): 20 needs treatment, 4 does not. */
  loaded = stw_workspace_load_risk (f->ws, stw_risk_get_id (high), &error);
  g_assert_cmpuint (stw_risk_get_score (loaded), ==, 20);
  g_assert_true (stw_risk_get_flagged (loaded));
  g_clear_object (&loaded);
  loaded = stw_workspace_load_risk (f->ws, stw_risk_get_id (low), &error);
  g_assert_false (stw_risk_get_flagged (loaded));
  g_clear_object (&loaded);

  /* A treatment item must name its risk. */
  before = history_len (f);
  stw_item_set_title (treatment, "Move backups off-site");
  g_assert_false (stw_workspace_insert_item (f->ws, treatment, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  stw_item_set_risk_id (treatment, 999);
  g_assert_false (stw_workspace_insert_item (f->ws, treatment, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (history_len (f), ==, before);

  stw_item_set_risk_id (treatment, stw_risk_get_id (high));
  g_assert_true (stw_workspace_insert_item (f->ws, treatment, &error));
  g_assert_no_error (error);

  /* The register follows: treated, no longer flagged; the risk's page
   * lists its treatment items. */
  {
    g_autoptr(StwRisk) r0 = g_list_model_get_item (risks, 0);
    StwItemFilter filter;
    g_autoptr(GListModel) items = NULL;

    g_assert_cmpuint (stw_risk_get_treatment_count (r0), ==, 1);
    g_assert_false (stw_risk_get_flagged (r0));
    stw_item_filter_init (&filter, 0);
    filter.risk_id = stw_risk_get_id (high);
    items = stw_workspace_filter_items (f->ws, &filter, &error);
    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  }

  /* Deleting a risk with open treatment is refused. */
  g_assert_false (stw_workspace_delete_risk (f->ws, stw_risk_get_id (high), &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* Scores outside 1–5 and half a residual assessment are refused. */
  before = history_len (f);
  stw_risk_set_title (bad, "Bad");
  stw_risk_set_likelihood (bad, 6);
  g_assert_false (stw_workspace_insert_risk (f->ws, bad, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  stw_risk_set_likelihood (bad, 0);
  g_assert_false (stw_workspace_insert_risk (f->ws, bad, &error));
  g_clear_error (&error);
  stw_risk_set_likelihood (bad, 3);
  stw_risk_set_residual_likelihood (bad, 2);
  g_assert_false (stw_workspace_insert_risk (f->ws, bad, &error));
  g_clear_error (&error);
  g_assert_cmpuint (history_len (f), ==, before);

  /* Residual assessment and the heat map. */
  stw_risk_set_residual_likelihood (high, 2);
  stw_risk_set_residual_impact (high, 4);
  g_assert_true (stw_workspace_update_risk (f->ws, high, &error));
  g_assert_no_error (error);
  stw_workspace_risk_heat_map (f->ws, inherent, residual);
  g_assert_cmpuint (inherent[3][4], ==, 1);
  g_assert_cmpuint (inherent[1][1], ==, 1);
  g_assert_cmpuint (residual[1][3], ==, 1);
  g_assert_cmpuint (residual[1][1], ==, 0);

  /* Lowering the acceptance threshold to 3 flags the low risk (score 4). */
  g_assert_true (stw_workspace_update_organisation (f->ws, "Acme Ltd", "", f->me, 1, 3, &error));
  {
    g_autoptr(StwRisk) r1 = g_list_model_get_item (risks, 1);
    g_assert_true (stw_risk_get_flagged (r1));
  }

  /* A closed risk is not flagged, whatever its score. */
  {
    g_autoptr(StwRisk) r1 = g_list_model_get_item (risks, 1);
    g_autoptr(StwRisk) closed = stw_risk_copy (r1);

    stw_risk_set_status (closed, STW_RISK_CLOSED);
    g_assert_true (stw_workspace_update_risk (f->ws, closed, &error));
    g_clear_object (&closed);
    closed = g_list_model_get_item (risks, 1);
    g_assert_false (stw_risk_get_flagged (closed));
  }

  /* References are never reused. */
  g_assert_true (stw_workspace_delete_risk (f->ws, stw_risk_get_id (low), &error));
  {
    g_autoptr(StwRisk) third = add_risk (f, "Third", 1, 1);
    g_assert_cmpstr (stw_risk_get_ref (third), ==, "R-003");
  }
  g_assert_true (stw_workspace_verify_history (f->ws, NULL, NULL, &error));
}

static StwItem *
new_ca (Fixture             *f,
        StwCaClassification  classification)
{
  g_autoptr(GError) error = NULL;
  StwItem *item = stw_item_new (f->streams[2]);
  g_autoptr(StwCorrective) ca = stw_corrective_new ();

  ca->source = STW_CA_SOURCE_INTERNAL_AUDIT;
  stw_corrective_set_text (&ca->source_ref, "IA-2027-03");
  ca->classification = classification;
  stw_item_set_title (item, "Access review skipped");
  stw_item_set_corrective (item, ca);
  g_assert_true (stw_workspace_insert_item (f->ws, item, &error));
  g_assert_no_error (error);
  return item;
}

static void
check_close_refused (Fixture    *f,
                     StwItem    *item,
                     const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) attempt = stw_item_copy (item);
  guint before = history_len (f);

  stw_item_set_status (attempt, STW_STATUS_DONE);
  g_assert_false (stw_workspace_update_item (f->ws, attempt, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, why));
  g_assert_cmpuint (history_len (f), ==, before);
}

static void
test_nonconformity_closure (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) nc = new_ca (f, STW_CA_MINOR_NONCONFORMITY);
  g_autoptr(StwCorrective) ca = stw_corrective_copy (stw_item_get_corrective (nc));
  g_autoptr(StwItem) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;

  stw_item_set_no_evidence_reason (nc, "Screenshots are in the ticket");
  check_close_refused (f, nc, "root cause");

  stw_corrective_set_text (&ca->root_cause_method, "Five whys");
  stw_corrective_set_text (&ca->root_cause, "Reviewer away, no deputy");
  stw_corrective_set_text (&ca->corrective_action, "Name a deputy; add the review to the plan");
  stw_item_set_corrective (nc, ca);
  g_assert_true (stw_workspace_update_item (f->ws, nc, &error));
  check_close_refused (f, nc, "effective");

  /* A check that finds the fix not effective reopens the item. */
  stw_item_set_status (nc, STW_STATUS_IN_REVIEW);
  g_assert_true (stw_workspace_update_item (f->ws, nc, &error));
  ca->check_result = STW_CHECK_NOT_EFFECTIVE;
  ca->checked_by = f->me;
  g_strlcpy (ca->check_date, "2027-03-10", sizeof ca->check_date);
  stw_item_set_corrective (nc, ca);
  g_assert_true (stw_workspace_update_item (f->ws, nc, &error));
  g_assert_cmpint (stw_item_get_status (nc), ==, STW_STATUS_IN_PROGRESS);
  check_close_refused (f, nc, "effective");

  /* Effective: it closes, and the history has the whole record. */
  ca->check_result = STW_CHECK_EFFECTIVE;
  stw_corrective_set_text (&ca->check_note, "Q1 review done on time by the deputy");
  stw_item_set_corrective (nc, ca);
  stw_item_set_status (nc, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (f->ws, nc, &error));
  g_assert_no_error (error);

  stored = stw_workspace_load_item (f->ws, stw_item_get_id (nc), &error);
  g_assert_cmpint (stw_item_get_status (stored), ==, STW_STATUS_DONE);
  g_assert_true (stw_corrective_equal (stw_item_get_corrective (stored), ca));
  g_assert_cmpstr (stw_item_get_corrective (stored)->source_ref, ==, "IA-2027-03");

  history = stw_workspace_list_history (f->ws, "item", stw_item_get_id (nc), &error);
  g_assert_nonnull (strstr (((StwHistoryEntry *) history->pdata[0])->changes, "\"ca_classification\":[null,\"minor_nc\"]"));
  g_assert_nonnull (strstr (((StwHistoryEntry *) history->pdata[3])->changes,
                            "\"ca_check_result\":[\"pending\",\"not_effective\"]"));
  g_assert_nonnull (strstr (((StwHistoryEntry *) history->pdata[3])->changes,
                            "\"status\":[\"in_review\",\"in_progress\"]"));
}

static void
test_observation_and_evidence_reason (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) obs = new_ca (f, STW_CA_OBSERVATION);
  g_autoptr(StwItem) task = stw_item_new (f->streams[3]);
  g_autoptr(StwItem) stored = NULL;

  /* An observation needs no root cause, but closing still needs evidence
   * or the reason there is none. */
  check_close_refused (f, obs, "evidence");
  stw_item_set_no_evidence_reason (obs, "Template updated; no record to attach");
  stw_item_set_status (obs, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (f->ws, obs, &error));
  stored = stw_workspace_load_item (f->ws, stw_item_get_id (obs), &error);
  g_assert_cmpstr (stw_item_get_no_evidence_reason (stored), ==, "Template updated; no record to attach");

  /* ISMS tasks close freely … */
  stw_item_set_title (task, "Brief top management");
  g_assert_true (stw_workspace_insert_item (f->ws, task, &error));
  stw_item_set_status (task, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (f->ws, task, &error));

  /* … unless the workstream is set to require evidence. */
  g_assert_true (stw_workspace_update_workstream (f->ws, f->streams[3], "ISMS tasks", f->me, "#3584e4", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (stw_workstream_get_require_evidence (stw_workspace_find_workstream (f->ws, f->streams[3])));
  g_assert_cmpstr (stw_workstream_get_colour (stw_workspace_find_workstream (f->ws, f->streams[3])), ==, "#3584e4");
  {
    g_autoptr(StwItem) second = stw_item_new (f->streams[3]);

    stw_item_set_title (second, "Send the policy to new staff");
    g_assert_true (stw_workspace_insert_item (f->ws, second, &error));
    check_close_refused (f, second, "evidence");
  }
  g_assert_false (stw_workspace_update_workstream (f->ws, f->streams[3], "ISMS tasks", f->me, "blue", TRUE, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
}

static void
test_corrective_filters (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) nc = new_ca (f, STW_CA_MINOR_NONCONFORMITY);
  g_autoptr(StwItem) obs = new_ca (f, STW_CA_OBSERVATION);
  g_autoptr(StwItem) other = stw_item_new (f->streams[2]);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(StwCorrective) ca = stw_corrective_new ();
  StwItemFilter filter;

  ca->source = STW_CA_SOURCE_INCIDENT;
  ca->classification = STW_CA_MAJOR_NONCONFORMITY;
  stw_item_set_title (other, "Laptop stolen, not reported for a week");
  stw_item_set_corrective (other, ca);
  g_assert_true (stw_workspace_insert_item (f->ws, other, &error));

  stw_item_filter_init (&filter, f->streams[2]);
  filter.ca_classifications = (1u << STW_CA_MAJOR_NONCONFORMITY) | (1u << STW_CA_MINOR_NONCONFORMITY);
  model = stw_workspace_filter_items (f->ws, &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  filter.ca_sources = 1u << STW_CA_SOURCE_INTERNAL_AUDIT;
  g_assert_true (stw_item_model_set_filter (STW_ITEM_MODEL (model), &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  filter.ca_classifications = 0;
  g_assert_true (stw_item_model_set_filter (STW_ITEM_MODEL (model), &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  tmp = data_home;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/plan/recurring-completion", test_recurring_completion);
  ADD ("/plan/recurrence-refused", test_recurrence_refused);
  ADD ("/risks/register", test_risk_register);
  ADD ("/corrective/nonconformity-closure", test_nonconformity_closure);
  ADD ("/corrective/observation-and-evidence-reason", test_observation_and_evidence_reason);
  ADD ("/corrective/filters", test_corrective_filters);
#undef ADD

  return g_test_run ();
}
