/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-audits.c: the internal audit programme (ISO/IEC 27001 9.2):
 * audits and their references, independence warnings, findings and the
 * corrective action each one raises, closing with open nonconformities,
 * the plan's link, history, undo and the check's replay.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "stw-evidence.h"
#include "stw-records-undo.h"
#include "stw-risk-register.h"
#include "stw-sample.h"
#include "stw-workspace.h"
#include "test-util.h"

static char *tmp;

static StwWorkspace *
new_workspace (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, name);
  StwWorkspace *ws = stw_workspace_create (path, "Acme Ltd", "Ann Example", &error);

  g_assert_no_error (error);
  return ws;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s", msg);
  sqlite3_close (db);
}

static void
assert_check (StwWorkspace *ws,
              gboolean      intact,
              const char   *finding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  gboolean ok = stw_workspace_check (ws, report, &error);

  g_test_message ("%s", report->str);
  g_assert_cmpint (ok, ==, intact);
  if (intact)
    g_assert_no_error (error);
  if (finding != NULL)
    g_assert_nonnull (strstr (report->str, finding));
}

static gint64
add_person (StwWorkspace *ws,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwPerson) p = stw_workspace_add_person (ws, name, "", "", &error);

  g_assert_no_error (error);
  return stw_person_get_id (p);
}

static gint64
stream_of_kind (StwWorkspace      *ws,
                StwWorkstreamKind  kind)
{
  GListModel *streams = stw_workspace_get_workstreams (ws);

  for (guint i = 0; i < g_list_model_get_n_items (streams); i++)
    {
      g_autoptr(StwWorkstream) w = g_list_model_get_item (streams, i);

      if (stw_workstream_get_kind (w) == kind)
        return stw_workstream_get_id (w);
    }
  g_assert_not_reached ();
}

static StwItem *
add_item (StwWorkspace *ws,
          gint64        stream,
          const char   *title,
          gint64        owner,
          const char   *clause,
          const char   *control)
{
  g_autoptr(GError) error = NULL;
  StwItem *item = stw_item_new (stream);
  const char *clauses[] = { clause, NULL };
  const char *controls[] = { control, NULL };

  stw_item_set_title (item, title);
  stw_item_set_owner_id (item, owner);
  if (clause)
    stw_item_set_clauses (item, clauses);
  if (control)
    stw_item_set_controls (item, controls);
  g_assert_true (stw_workspace_insert_item (ws, item, &error));
  g_assert_no_error (error);
  return item;
}

static StwAudit *
add_audit (StwWorkspace       *ws,
           const char         *date,
           gint64              lead,
           const char * const *clauses,
           const char * const *controls)
{
  g_autoptr(GError) error = NULL;
  StwAudit *a = stw_audit_new ();

  stw_audit_set_title (a, "Access control and operations");
  stw_audit_set_planned_date (a, date);
  stw_audit_set_lead_id (a, lead);
  stw_audit_set_clauses (a, clauses);
  stw_audit_set_controls (a, controls);
  g_assert_true (stw_workspace_insert_audit (ws, a, &error));
  g_assert_no_error (error);
  return a;
}

static StwFinding *
add_finding (StwWorkspace        *ws,
             StwAudit            *a,
             StwCaClassification  classification,
             const char          *clause,
             const char          *description)
{
  g_autoptr(GError) error = NULL;
  StwFinding *f = stw_finding_new (stw_audit_get_id (a));

  stw_finding_set_classification (f, classification);
  stw_finding_set_clause (f, clause);
  stw_finding_set_description (f, description);
  g_assert_true (stw_workspace_insert_finding (ws, f, &error));
  g_assert_no_error (error);
  return f;
}

static void
close_item (StwWorkspace *ws,
            gint64        item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = stw_workspace_load_item (ws, item_id, &error);
  g_autoptr(StwCorrective) ca = NULL;

  g_assert_no_error (error);
  /* A nonconformity closes with a root cause and an effective check,
   * and a corrective action with evidence or a reason. */
  ca = stw_corrective_copy (stw_item_get_corrective (item));
  stw_corrective_set_text (&ca->root_cause, "Leavers' accounts were removed by hand.");
  ca->check_result = STW_CHECK_EFFECTIVE;
  stw_item_set_corrective (item, ca);
  stw_item_set_status (item, STW_STATUS_DONE);
  stw_item_set_completed_date (item, "2027-03-01");
  stw_item_set_closure_note (item, "Leaver process automated.");
  stw_item_set_no_evidence_reason (item, "The ticket system holds the record.");
  g_assert_true (stw_workspace_update_item (ws, item, &error));
  g_assert_no_error (error);
}

/* Audits */

static void
test_audit_refs (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("refs.steward");
  const char *none[] = { NULL };
  g_autoptr(StwAudit) a = add_audit (ws, "2027-03-10", 0, none, none);
  g_autoptr(StwAudit) b = add_audit (ws, "2027-09-10", 0, none, none);
  g_autoptr(StwAudit) c = add_audit (ws, "2028-02-01", 0, none, none);
  g_autoptr(StwAudit) bad = stw_audit_new ();
  g_autoptr(StwAudit) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *clauses[] = { "9.2", "10", NULL };
  const char *wrong_clause[] = { "12.1", NULL };
  const char *controls[] = { "A.5.15", NULL };
  gint64 stream = stream_of_kind (ws, STW_WORKSTREAM_PLAN);

  g_assert_cmpstr (stw_audit_get_ref (a), ==, "IA-2027-01");
  g_assert_cmpstr (stw_audit_get_ref (b), ==, "IA-2027-02");
  g_assert_cmpstr (stw_audit_get_ref (c), ==, "IA-2028-01");

  /* Scope and team read back as written. */
  stw_audit_set_clauses (b, clauses);
  stw_audit_set_controls (b, controls);
  stw_audit_set_workstream_ids (b, &stream, 1);
  stw_audit_set_processes (b, (const char *[]) { "Onboarding", NULL });
  stw_audit_set_conclusion (b, "Effective with one minor nonconformity.");
  g_assert_true (stw_workspace_update_audit (ws, b, &error));
  g_assert_no_error (error);
  loaded = stw_workspace_find_audit_by_ref (ws, "IA-2027-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) stw_audit_get_clauses (loaded)), ==, 2);
  g_assert_cmpstr (stw_audit_get_controls (loaded)[0], ==, "A.5.15");
  g_assert_cmpstr (stw_audit_get_processes (loaded)[0], ==, "Onboarding");
  {
    guint n;
    const gint64 *ids = stw_audit_get_workstream_ids (loaded, &n);

    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (ids[0], ==, stream);
  }
  g_assert_cmpstr (stw_audit_get_conclusion (loaded), ==, "Effective with one minor nonconformity.");

  /* Bad input: a clear message, nothing written. */
  g_assert_false (stw_workspace_insert_audit (ws, bad, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  stw_audit_set_title (bad, "Annual audit");
  g_assert_false (stw_workspace_insert_audit (ws, bad, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  stw_audit_set_planned_date (bad, "2027-11-01");
  stw_audit_set_clauses (bad, wrong_clause);
  g_assert_false (stw_workspace_insert_audit (ws, bad, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "12.1"));
  g_clear_error (&error);
  g_assert_cmpint (stw_audit_get_id (bad), ==, 0);
  {
    g_autoptr(GListModel) audits = stw_workspace_list_audits (ws, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (audits), ==, 3);
  }
  assert_check (ws, TRUE, NULL);
}

/* Independence */

static void
test_independence (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("independence.steward");
  g_autoptr(GError) error = NULL;
  gint64 bob = add_person (ws, "Bob Auditor");
  gint64 cara = add_person (ws, "Cara Outside");
  gint64 dan = add_person (ws, "Dan Team");
  gint64 tasks = stream_of_kind (ws, STW_WORKSTREAM_TASKS);
  const char *clauses[] = { "9", NULL };
  const char *controls[] = { "A.5.15", NULL };
  g_autoptr(StwItem) in_clause = add_item (ws, tasks, "Measure KPIs", bob, "9.1", NULL);
  g_autoptr(StwItem) in_control = add_item (ws, tasks, "Access review", dan, NULL, "A.5.15");
  g_autoptr(StwItem) outside = add_item (ws, tasks, "Supplier review", bob, "8.1", "A.5.19");
  g_autoptr(StwItem) other_owner = add_item (ws, tasks, "Internal audit", cara, "9.2", NULL);
  g_autoptr(StwRisk) risk = stw_risk_new ();
  g_autoptr(StwAudit) a = add_audit (ws, "2027-06-01", bob, clauses, controls);
  g_autoptr(GPtrArray) conflicts = NULL;
  StwAuditConflict *c;

  stw_risk_set_title (risk, "Accounts of leavers stay active");
  stw_risk_set_owner_id (risk, dan);
  stw_risk_set_controls (risk, controls);
  g_assert_true (stw_workspace_insert_risk (ws, risk, &error));
  g_assert_no_error (error);

  /* Only the lead so far: Bob owns T-001 (clause 9.1, inside 9), and not
   * his supplier review (8.1, A.5.19), which is outside. */
  conflicts = stw_workspace_audit_independence (ws, stw_audit_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  g_assert_cmpint (c->person_id, ==, bob);
  g_assert_cmpstr (c->person_name, ==, "Bob Auditor");
  g_assert_cmpuint (g_strv_length (c->refs), ==, 1);
  g_assert_cmpstr (c->refs[0], ==, stw_item_get_ref (in_clause));
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Dan joins the team: his item under A.5.15 and his risk linked to it. */
  stw_audit_set_team_ids (a, (gint64[]) { dan }, 1);
  g_assert_true (stw_workspace_update_audit (ws, a, &error));
  g_assert_no_error (error);
  conflicts = stw_workspace_audit_independence (ws, stw_audit_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  c = conflicts->pdata[1];
  g_assert_cmpint (c->person_id, ==, dan);
  g_assert_cmpuint (g_strv_length (c->refs), ==, 2);
  g_assert_cmpstr (c->refs[0], ==, stw_item_get_ref (in_control));
  g_assert_cmpstr (c->refs[1], ==, stw_risk_get_ref (risk));
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* A workstream in scope: its owner and every item of it are inside. */
  {
    g_autoptr(StwAudit) w = stw_audit_new ();

    stw_audit_set_title (w, "ISMS tasks");
    stw_audit_set_planned_date (w, "2027-07-01");
    stw_audit_set_lead_id (w, cara);
    stw_audit_set_workstream_ids (w, &tasks, 1);
    g_assert_true (stw_workspace_insert_audit (ws, w, &error));
    g_assert_no_error (error);
    conflicts = stw_workspace_audit_independence (ws, stw_audit_get_id (w), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (conflicts->len, ==, 1);
    c = conflicts->pdata[0];
    g_assert_cmpint (c->person_id, ==, cara);
    g_assert_cmpstr (c->refs[0], ==, stw_item_get_ref (other_owner));
    g_clear_pointer (&conflicts, g_ptr_array_unref);
  }

  /* Someone who owns nothing in scope is not warned: Cara's only item is
   * under 9.2, outside clause 8. */
  {
    g_autoptr(StwAudit) fresh = add_audit (ws, "2027-08-01", cara, (const char *[]) { "8", NULL }, NULL);

    conflicts = stw_workspace_audit_independence (ws, stw_audit_get_id (fresh), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (conflicts->len, ==, 0);
    g_clear_pointer (&conflicts, g_ptr_array_unref);
  }
  g_assert_nonnull (outside);
  assert_check (ws, TRUE, NULL);
}

/* Findings */

static void
test_finding_creates_ca (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("finding.steward");
  g_autoptr(GError) error = NULL;
  g_autoptr(StwUndoStack) undo = stw_undo_stack_new (ws, 10);
  g_autoptr(StwAudit) a = add_audit (ws, "2027-03-10", 0, NULL, NULL);
  g_autoptr(StwFinding) f = add_finding (ws, a, STW_CA_MINOR_NONCONFORMITY, "A.5.18",
                                         "Two leavers kept their VPN accounts for a month.");
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwFinding) back = NULL;
  g_autoptr(GListModel) findings = NULL;
  const StwCorrective *ca;
  guint n_items_before;

  g_assert_cmpstr (stw_finding_get_ref (f), ==, "IA-2027-01-F1");
  g_assert_cmpstr (stw_finding_get_ca_ref (f), ==, "CA-001");

  /* Finding → item. */
  item = stw_workspace_load_item (ws, stw_finding_get_item_id (f), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_item_get_ref (item), ==, "CA-001");
  g_assert_cmpint (stw_item_get_workstream_id (item), ==, stream_of_kind (ws, STW_WORKSTREAM_CORRECTIVE));
  ca = stw_item_get_corrective (item);
  g_assert_nonnull (ca);
  g_assert_cmpint (ca->source, ==, STW_CA_SOURCE_INTERNAL_AUDIT);
  g_assert_cmpstr (ca->source_ref, ==, "IA-2027-01-F1");
  g_assert_cmpint (ca->classification, ==, STW_CA_MINOR_NONCONFORMITY);
  g_assert_cmpstr (stw_item_get_controls (item)[0], ==, "A.5.18");

  /* Item → finding. */
  back = stw_workspace_find_finding_of_item (ws, stw_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_finding_get_id (back), ==, stw_finding_get_id (f));

  /* The audit lists each finding with its CA's status. */
  findings = stw_workspace_list_findings (ws, stw_audit_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  {
    g_autoptr(StwFinding) listed = g_list_model_get_item (findings, 0);

    g_assert_cmpstr (stw_finding_get_ca_ref (listed), ==, "CA-001");
    g_assert_cmpint (stw_finding_get_ca_status (listed), ==, STW_STATUS_TODO);
  }
  g_clear_object (&findings);

  /* Both are in the history, and the check replays them. */
  assert_check (ws, TRUE, NULL);

  /* A finding without a description is refused; nothing is made, no
   * CA number is taken. */
  {
    g_autoptr(StwFinding) empty = stw_finding_new (stw_audit_get_id (a));
    g_autoptr(StwFinding) bad_clause = stw_finding_new (stw_audit_get_id (a));
    g_autoptr(GListModel) items = stw_workspace_list_items (ws, 0, &error);

    n_items_before = g_list_model_get_n_items (items);
    g_assert_false (stw_workspace_insert_finding (ws, empty, &error));
    g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
    g_clear_error (&error);
    stw_finding_set_description (bad_clause, "Something");
    stw_finding_set_clause (bad_clause, "A.9.99");
    g_assert_false (stw_workspace_insert_finding (ws, bad_clause, &error));
    g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_items_before);
  }

  /* Undoing the creation of a finding removes the finding and its CA. */
  {
    g_autoptr(StwFinding) g = add_finding (ws, a, STW_CA_OBSERVATION, "8.1", "Backup logs are not reviewed.");
    gint64 g_item = stw_finding_get_item_id (g);
    g_autoptr(StwItem) g_ca = stw_workspace_load_item (ws, g_item, &error);
    g_autofree char *said = NULL;
    gint64 shown = 0;

    g_assert_no_error (error);
    g_assert_cmpint (stw_item_get_corrective (g_ca)->action_type, ==, STW_CA_TYPE_IMPROVEMENT);
    stw_undo_stack_push_finding_create (undo, g);
    g_assert_true (stw_undo_stack_undo (undo, &said, &shown, &error));
    g_assert_no_error (error);
    g_assert_null (stw_workspace_load_finding (ws, stw_finding_get_id (g), &error));
    g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (stw_workspace_load_item (ws, g_item, &error));
    g_clear_error (&error);
    findings = stw_workspace_list_findings (ws, stw_audit_get_id (a), &error);
    g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  }
  assert_check (ws, TRUE, NULL);
}

/* Closing */

static void
test_close (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("close.steward");
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAudit) a = add_audit (ws, "2027-03-10", 0, NULL, NULL);
  g_autoptr(StwFinding) major = add_finding (ws, a, STW_CA_MAJOR_NONCONFORMITY, "9.2", "No audit programme.");
  g_autoptr(StwFinding) minor = add_finding (ws, a, STW_CA_MINOR_NONCONFORMITY, "A.5.18", "Leavers' accounts.");
  g_autoptr(StwFinding) ofi = add_finding (ws, a, STW_CA_OPPORTUNITY, "", "Automate the access review.");
  g_autoptr(StwAudit) now = NULL;

  /* Both nonconformities open: refused, naming both CAs, nothing
   * changed. The opportunity does not hold the audit open. */
  g_assert_false (stw_workspace_close_audit (ws, stw_audit_get_id (a), &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CA-001, CA-002"));
  g_assert_null (strstr (error->message, "CA-003"));
  g_clear_error (&error);
  now = stw_workspace_load_audit (ws, stw_audit_get_id (a), &error);
  g_assert_cmpint (stw_audit_get_status (now), ==, STW_AUDIT_PLANNED);
  g_clear_object (&now);

  /* Through an update too. */
  stw_audit_set_status (a, STW_AUDIT_CLOSED);
  g_assert_false (stw_workspace_update_audit (ws, a, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* One closed, the other still open: only that one is named. */
  close_item (ws, stw_finding_get_item_id (major));
  g_assert_false (stw_workspace_close_audit (ws, stw_audit_get_id (a), &error));
  g_assert_nonnull (strstr (error->message, "CA-002"));
  g_assert_null (strstr (error->message, "CA-001"));
  g_clear_error (&error);

  /* Carrying over needs a reason, and only a nonconformity is carried. */
  g_assert_false (stw_workspace_carry_over_finding (ws, stw_finding_get_id (ofi), "Next year", &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (stw_workspace_carry_over_finding (ws, stw_finding_get_id (minor),
                                                   "Identity system replaced in Q3; verified at IA-2027-02.",
                                                   &error));
  g_assert_no_error (error);

  g_assert_true (stw_workspace_close_audit (ws, stw_audit_get_id (a), &error));
  g_assert_no_error (error);
  now = stw_workspace_load_audit (ws, stw_audit_get_id (a), &error);
  g_assert_cmpint (stw_audit_get_status (now), ==, STW_AUDIT_CLOSED);

  /* A closed audit takes no more findings. */
  {
    g_autoptr(StwFinding) late = stw_finding_new (stw_audit_get_id (a));

    stw_finding_set_description (late, "Forgotten");
    g_assert_false (stw_workspace_insert_finding (ws, late, &error));
    g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
    g_clear_error (&error);
  }
  assert_check (ws, TRUE, NULL);
}

static void
test_close_after_all_closed (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("close-all.steward");
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAudit) a = add_audit (ws, "2027-03-10", 0, NULL, NULL);
  g_autoptr(StwFinding) minor = add_finding (ws, a, STW_CA_MINOR_NONCONFORMITY, "7.2", "Training records missing.");

  g_assert_false (stw_workspace_close_audit (ws, stw_audit_get_id (a), &error));
  g_clear_error (&error);
  close_item (ws, stw_finding_get_item_id (minor));
  g_assert_true (stw_workspace_close_audit (ws, stw_audit_get_id (a), &error));
  g_assert_no_error (error);
  assert_check (ws, TRUE, NULL);
}

/* The plan's link, evidence, undo of an audit */

static void
test_plan_link_and_evidence (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("plan-link.steward");
  g_autoptr(GError) error = NULL;
  gint64 plan = stream_of_kind (ws, STW_WORKSTREAM_PLAN);
  gint64 tasks = stream_of_kind (ws, STW_WORKSTREAM_TASKS);
  g_autoptr(StwItem) audit_task = add_item (ws, plan, "Internal audit", 0, "9.2", NULL);
  g_autoptr(StwItem) task = add_item (ws, tasks, "Write to the board", 0, NULL, NULL);
  g_autoptr(StwAudit) a = add_audit (ws, "2027-03-10", 0, NULL, NULL);
  g_autoptr(StwFinding) f = add_finding (ws, a, STW_CA_OBSERVATION, "", "Good practice seen in onboarding.");
  g_autofree char *dir = g_dir_make_tmp ("audit-XXXXXX", NULL);
  g_autofree char *file_path = g_build_filename (dir, "report.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);

  g_assert_true (stw_workspace_link_item_to_audit (ws, stw_item_get_id (audit_task), stw_audit_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_workspace_get_item_audit (ws, stw_item_get_id (audit_task)), ==, stw_audit_get_id (a));
  g_assert_false (stw_workspace_link_item_to_audit (ws, stw_item_get_id (task), stw_audit_get_id (a), &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  assert_check (ws, TRUE, NULL);

  /* Evidence on the audit and on the finding. */
  g_assert_true (g_file_set_contents (file_path, "Audit report\n", -1, NULL));
  {
    g_autoptr(StwAttachment) on_audit = stw_workspace_attach_file (ws, "audit", stw_audit_get_id (a), file, NULL,
                                                                   NULL, NULL, NULL, &error);
    g_autoptr(StwAttachment) on_finding = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (on_audit);
    on_finding = stw_workspace_attach_file (ws, "finding", stw_finding_get_id (f), file, NULL,
                                            NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (on_finding);
    g_assert_cmpuint (stw_workspace_count_attachments (ws, "finding", stw_finding_get_id (f)), ==, 1);
  }
  g_unlink (file_path);
  g_rmdir (dir);
  assert_check (ws, TRUE, NULL);

  /* Undo of an audit's creation and of an update. */
  {
    g_autoptr(StwUndoStack) undo = stw_undo_stack_new (ws, 10);
    g_autoptr(StwAudit) b = add_audit (ws, "2027-09-10", 0, NULL, NULL);
    g_autoptr(StwAudit) stored = NULL;
    g_autofree char *said = NULL;
    gint64 shown = 0;

    stw_undo_stack_push_audit_update (undo, b);
    stw_audit_set_title (b, "Renamed");
    g_assert_true (stw_workspace_update_audit (ws, b, &error));
    g_assert_true (stw_undo_stack_undo (undo, &said, &shown, &error));
    g_assert_no_error (error);
    stored = stw_workspace_load_audit (ws, stw_audit_get_id (b), &error);
    g_assert_cmpstr (stw_audit_get_title (stored), ==, "Access control and operations");
    stw_undo_stack_push_audit_create (undo, b);
    g_clear_pointer (&said, g_free);
    g_assert_true (stw_undo_stack_undo (undo, &said, &shown, &error));
    g_assert_no_error (error);
    g_assert_null (stw_workspace_load_audit (ws, stw_audit_get_id (b), &error));
    g_clear_error (&error);
  }
  assert_check (ws, TRUE, NULL);
}

/* History and the check */

static void
test_tamper (void)
{
  static const char * const tampering[] = {
    "UPDATE audit SET status = 'closed'",
    "UPDATE audit SET lead_id = NULL",
    "DELETE FROM audit_scope WHERE kind = 'clause'",
    "UPDATE finding SET classification = 'observation'",
    "UPDATE finding SET carry_over_reason = 'Not needed'",
    "UPDATE item SET audit_id = NULL",
    "INSERT INTO audit (ref, title, planned_date, status, created_at, updated_at)"
    " VALUES ('IA-2027-09', 'Made up', '2027-05-01', 'closed', '2027-01-01', '2027-01-01')",
  };
  static const char * const findings[] = {
    "audit IA-2027-01, field “status”",
    "audit IA-2027-01, field “lead”",
    "audit IA-2027-01, field “clauses”",
    "finding IA-2027-01-F1, field “classification”",
    "finding IA-2027-01-F1, field “carry_over_reason”",
    "field “audit”",
    "audit IA-2027-09 has no history",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("tamper-%u.steward", i);
      g_autoptr(StwWorkspace) ws = new_workspace (name);
      g_autofree char *path = g_strdup (stw_workspace_get_path (ws));
      gint64 lead = add_person (ws, "Lee Lead");
      const char *clauses[] = { "9.2", NULL };
      g_autoptr(StwAudit) a = add_audit (ws, "2027-03-10", lead, clauses, NULL);
      g_autoptr(StwFinding) f = add_finding (ws, a, STW_CA_MINOR_NONCONFORMITY, "9.2", "No programme.");
      g_autoptr(StwItem) task = add_item (ws, stream_of_kind (ws, STW_WORKSTREAM_PLAN), "Internal audit", 0,
                                          "9.2", NULL);

      g_assert_true (stw_workspace_link_item_to_audit (ws, stw_item_get_id (task), stw_audit_get_id (a), &error));
      g_assert_no_error (error);
      assert_check (ws, TRUE, NULL);
      g_clear_object (&ws);

      raw_exec (path, tampering[i]);
      ws = stw_workspace_open (path, &error);
      g_assert_no_error (error);
      assert_check (ws, FALSE, findings[i]);
    }
}

/* The change signal */

static void
records_changed_cb (StwWorkspace *ws,
                    const char   *entity,
                    gint64        id,
                    GString      *seen)
{
  g_string_append_printf (seen, "%s ", entity);
}

static void
test_signal (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("signal.steward");
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(StwAudit) a = NULL;
  g_autoptr(StwFinding) f = NULL;

  g_signal_connect (ws, "records-changed", G_CALLBACK (records_changed_cb), seen);
  a = add_audit (ws, "2027-03-10", 0, NULL, NULL);
  g_assert_cmpstr (seen->str, ==, "audit ");
  g_string_truncate (seen, 0);
  f = add_finding (ws, a, STW_CA_OBSERVATION, "", "Seen.");
  g_assert_nonnull (strstr (seen->str, "finding"));
  g_assert_nonnull (strstr (seen->str, "audit"));
}

/* The sample: two audits, one reported with findings and their corrective
 * actions (one closed, the rest open), one planned that the plan's
 * internal-audit task runs; and the whole passes the check. */
static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "sample.steward");
  g_autoptr(StwWorkspace) ws = stw_sample_create (path, 0, &error);
  g_autoptr(GListModel) audits = NULL;
  g_autoptr(StwAudit) reported = NULL;
  g_autoptr(StwAudit) planned = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GListModel) plan_items = NULL;
  guint n_nc = 0, n_done = 0, n_linked = 0;

  g_assert_no_error (error);
  audits = stw_workspace_list_audits (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audits), ==, 2);
  reported = g_list_model_get_item (audits, 0);
  planned = g_list_model_get_item (audits, 1);
  g_assert_cmpint (stw_audit_get_status (reported), ==, STW_AUDIT_REPORTED);
  g_assert_cmpint (stw_audit_get_status (planned), ==, STW_AUDIT_PLANNED);
  g_assert_cmpstr (stw_audit_get_conclusion (reported), !=, "");

  findings = stw_workspace_list_findings (ws, stw_audit_get_id (reported), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (findings), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(StwFinding) f = g_list_model_get_item (findings, i);
      g_autoptr(StwItem) item = stw_workspace_load_item (ws, stw_finding_get_item_id (f), &error);

      g_assert_no_error (error);
      g_assert_cmpint (stw_item_get_corrective (item)->source, ==, STW_CA_SOURCE_INTERNAL_AUDIT);
      g_assert_cmpstr (stw_item_get_corrective (item)->source_ref, ==, stw_finding_get_ref (f));
      n_nc += stw_finding_is_nonconformity (f);
      n_done += stw_finding_get_ca_status (f) == STW_STATUS_DONE;
    }
  g_assert_cmpuint (n_nc, >=, 2);
  g_assert_cmpuint (n_done, >=, 1);
  /* An open nonconformity keeps the reported audit from closing. */
  g_assert_false (stw_workspace_close_audit (ws, stw_audit_get_id (reported), &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  conflicts = stw_workspace_audit_independence (ws, stw_audit_get_id (reported), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);

  plan_items = stw_workspace_list_items (ws, stream_of_kind (ws, STW_WORKSTREAM_PLAN), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (plan_items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (plan_items, i);

      n_linked += stw_workspace_get_item_audit (ws, stw_item_get_id (item)) == stw_audit_get_id (planned);
    }
  g_assert_cmpuint (n_linked, ==, 1);
  assert_check (ws, TRUE, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  tmp = g_build_filename (data_home, "files", NULL);
  g_mkdir_with_parents (tmp, 0700);

  g_test_add_func ("/audits/refs", test_audit_refs);
  g_test_add_func ("/audits/independence", test_independence);
  g_test_add_func ("/audits/finding-creates-ca", test_finding_creates_ca);
  g_test_add_func ("/audits/close", test_close);
  g_test_add_func ("/audits/close-after-all-closed", test_close_after_all_closed);
  g_test_add_func ("/audits/plan-link-and-evidence", test_plan_link_and_evidence);
  g_test_add_func ("/audits/tamper", test_tamper);
  g_test_add_func ("/audits/signal", test_signal);
  g_test_add_func ("/audits/sample", test_sample);

  ret = g_test_run ();
  g_free (tmp);
  return ret;
}
