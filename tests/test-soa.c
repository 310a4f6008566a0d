/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-soa.c: the Statement of Applicability (ISO/IEC 27001 6.1.3 d):
 * the lines a workspace reads with no decision made, each write with its
 * history, undo and the check's replay, approvals and when they go stale,
 * every mismatch rule both ways, the upgrade from version 6, the command
 * line and the sample.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "stw-cli.h"
#include "stw-controls.h"
#include "stw-evidence.h"
#include "stw-risk-register.h"
#include "stw-sample.h"
#include "stw-soa-undo.h"
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

/* Changes one line through the store. */
static void
set_line (StwWorkspace  *ws,
          const char    *control,
          gboolean       applicable,
          StwSoaStatus   status,
          StwSoaReasons  reasons,
          const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwSoaEntry) e = stw_workspace_load_soa_entry (ws, control, &error);

  g_assert_no_error (error);
  stw_soa_entry_set_applicable (e, applicable);
  stw_soa_entry_set_status (e, status);
  stw_soa_entry_set_reasons (e, reasons);
  stw_soa_entry_set_justification (e, text);
  g_assert_true (stw_workspace_update_soa_entry (ws, e, &error));
  g_assert_no_error (error);
}

static StwItem *
add_item (StwWorkspace *ws,
          const char   *title,
          const char   *control,
          const char   *completed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkstream) plan = g_list_model_get_item (stw_workspace_get_workstreams (ws), 0);
  StwItem *item = stw_item_new (stw_workstream_get_id (plan));
  const char *controls[] = { control, NULL };

  stw_item_set_title (item, title);
  stw_item_set_controls (item, controls);
  stw_item_set_due_date (item, completed ? completed : "2027-04-30");
  if (completed != NULL)
    {
      stw_item_set_status (item, STW_STATUS_DONE);
      stw_item_set_completed_date (item, completed);
      stw_item_set_no_evidence_reason (item, "Kept in the ticket system");
    }
  g_assert_true (stw_workspace_insert_item (ws, item, &error));
  g_assert_no_error (error);
  return item;
}

static StwRisk *
add_risk (StwWorkspace *ws,
          const char   *title,
          const char   *control,
          guint         likelihood,
          guint         impact)
{
  g_autoptr(GError) error = NULL;
  StwRisk *risk = stw_risk_new ();
  const char *controls[] = { control, NULL };

  stw_risk_set_title (risk, title);
  stw_risk_set_likelihood (risk, likelihood);
  stw_risk_set_impact (risk, impact);
  stw_risk_set_controls (risk, controls);
  g_assert_true (stw_workspace_insert_risk (ws, risk, &error));
  g_assert_no_error (error);
  return risk;
}

/* The mismatches of @control under @rule, or NULL. */
static StwSoaMismatch *
find_mismatch (GPtrArray  *mismatches,
               const char *control,
               StwSoaRule  rule)
{
  for (guint i = 0; i < mismatches->len; i++)
    {
      StwSoaMismatch *m = mismatches->pdata[i];

      if (g_str_equal (m->control_id, control) && m->rule == rule)
        return m;
    }
  return NULL;
}

static GPtrArray *
mismatches_of (StwWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *found = stw_workspace_list_soa_mismatches (ws, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

static char *
joined (GStrv refs)
{
  return g_strjoinv (",", refs);
}

/* A workspace with no decision made reads as every control applicable,
 * not started and unjustified, and writes nothing to say so. */
static void
test_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("defaults.steward");
  g_autoptr(GListModel) soa = stw_workspace_list_soa (ws, &error);
  g_autoptr(StwSoaEntry) missing = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (soa), ==, 93);
  for (guint i = 0; i < 93; i++)
    {
      g_autoptr(StwSoaEntry) e = g_list_model_get_item (soa, i);

      g_assert_cmpstr (stw_soa_entry_get_control_id (e), ==, stw_controls_get (i)->id);
      g_assert_cmpint (stw_soa_entry_get_id (e), ==, 0);
      g_assert_true (stw_soa_entry_get_applicable (e));
      g_assert_cmpint (stw_soa_entry_get_status (e), ==, STW_SOA_NOT_STARTED);
      g_assert_false (stw_soa_entry_is_justified (e));
      g_assert_null (stw_soa_entry_get_risk_refs (e)[0]);
      g_assert_null (stw_soa_entry_get_item_refs (e)[0]);
    }

  missing = stw_workspace_load_soa_entry (ws, "A.9.1", &error);
  g_assert_null (missing);
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 0);
  history = stw_workspace_list_history (ws, "soa", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
  assert_check (ws, TRUE, NULL);
}

static void
soa_changed_cb (StwWorkspace *ws,
                const char   *control,
                GPtrArray    *heard)
{
  g_ptr_array_add (heard, g_strdup (control ? control : "(none)"));
}

/* A line's first change creates its row with every field in the entry;
 * later changes record what changed; no change writes nothing. Links show
 * from the risks and items. */
static void
test_update_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("update.steward");
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(StwSoaEntry) e = NULL;
  g_autoptr(StwSoaEntry) again = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(StwRisk) risk = add_risk (ws, "Lost laptop", "A.8.1", 3, 3);
  g_autoptr(StwItem) item = add_item (ws, "Encrypt laptops", "A.8.1", NULL);
  StwHistoryEntry *entry;

  g_signal_connect (ws, "soa-changed", G_CALLBACK (soa_changed_cb), heard);

  e = stw_workspace_load_soa_entry (ws, "A.8.1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_soa_entry_get_risk_refs (e)[0], ==, stw_risk_get_ref (risk));
  g_assert_cmpstr (stw_soa_entry_get_item_refs (e)[0], ==, stw_item_get_ref (item));
  stw_soa_entry_set_status (e, STW_SOA_PARTIAL);
  stw_soa_entry_set_reasons (e, STW_SOA_REASON_RISK_TREATMENT | STW_SOA_REASON_CONTRACTUAL);
  stw_soa_entry_set_justification (e, "Customers ask for it");
  stw_soa_entry_set_notes (e, "MDM rolled out to half the fleet");
  g_assert_true (stw_workspace_update_soa_entry (ws, e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_soa_entry_get_id (e), >, 0);
  g_assert_cmpuint (heard->len, ==, 1);
  g_assert_cmpstr (heard->pdata[0], ==, "A.8.1");

  again = stw_workspace_load_soa_entry (ws, "A.8.1", &error);
  g_assert_cmpint (stw_soa_entry_get_status (again), ==, STW_SOA_PARTIAL);
  g_assert_cmpint (stw_soa_entry_get_reasons (again), ==,
                   STW_SOA_REASON_RISK_TREATMENT | STW_SOA_REASON_CONTRACTUAL);
  g_assert_cmpstr (stw_soa_entry_get_justification (again), ==, "Customers ask for it");
  g_assert_cmpstr (stw_soa_entry_get_notes (again), ==, "MDM rolled out to half the fleet");

  /* The same again: nothing written, nothing heard. */
  g_assert_true (stw_workspace_update_soa_entry (ws, again, &error));
  g_assert_cmpuint (heard->len, ==, 1);

  stw_soa_entry_set_status (again, STW_SOA_IMPLEMENTED);
  stw_soa_entry_set_reasons (again, STW_SOA_REASON_LEGAL);
  g_assert_true (stw_workspace_update_soa_entry (ws, again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard->len, ==, 2);

  history = stw_workspace_list_history (ws, "soa", stw_soa_entry_get_id (e), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  entry = history->pdata[0];
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_nonnull (strstr (entry->changes, "\"control\":[null,\"A.8.1\"]"));
  g_assert_nonnull (strstr (entry->changes, "\"status\":[\"not_started\",\"partial\"]"));
  g_assert_nonnull (strstr (entry->changes, "\"reasons\":[[],[\"risk_treatment\",\"contractual\"]]"));
  entry = history->pdata[1];
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_nonnull (strstr (entry->changes, "\"status\":[\"partial\",\"implemented\"]"));
  g_assert_null (strstr (entry->changes, "notes"));
  assert_check (ws, TRUE, NULL);
}

/* A change made by another process (`steward soa --approve`, a second
 * window) is heard by the open workspace on its next refresh, once. */
static void
test_refresh (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) reader = new_workspace ("refresh.steward");
  g_autoptr(StwWorkspace) writer = stw_workspace_open (stw_workspace_get_path (reader), &error);
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_signal_connect (reader, "soa-changed", G_CALLBACK (soa_changed_cb), heard);
  set_line (writer, "A.5.2", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_BEST_PRACTICE, "");
  g_assert_cmpuint (stw_workspace_approve_soa (writer, &error), ==, 1);
  g_assert_cmpuint (heard->len, ==, 0);

  g_assert_true (stw_workspace_refresh (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard->len, ==, 1);
  g_assert_cmpstr (heard->pdata[0], ==, "(none)");

  g_assert_true (stw_workspace_refresh (reader, &error));
  g_assert_cmpuint (heard->len, ==, 1);
}

/* Undo writes the line back as it was, itself recorded. */
static void
test_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("undo.steward");
  g_autoptr(StwUndoStack) undo = stw_undo_stack_new (ws, 20);
  g_autoptr(StwSoaEntry) e = stw_workspace_load_soa_entry (ws, "A.5.1", &error);
  g_autoptr(StwSoaEntry) back = NULL;
  g_autofree char *description = NULL;

  stw_undo_stack_push_soa_update (undo, e);
  stw_soa_entry_set_applicable (e, FALSE);
  stw_soa_entry_set_justification (e, "Not needed");
  g_assert_true (stw_workspace_update_soa_entry (ws, e, &error));

  g_assert_true (stw_undo_stack_undo (undo, &description, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (description, ==, "Change to A.5.1 undone");
  back = stw_workspace_load_soa_entry (ws, "A.5.1", &error);
  g_assert_true (stw_soa_entry_get_applicable (back));
  g_assert_cmpstr (stw_soa_entry_get_justification (back), ==, "");
  assert_check (ws, TRUE, NULL);
}

/* A line or an approval changed in SQL is named by the check, by its
 * control (its version). */
static void
test_tamper (void)
{
  static const char * const tampering[] = {
    "UPDATE soa_entry SET status = 'implemented'",
    "UPDATE soa_entry SET reasons = 'legal'",
    "UPDATE soa_entry SET applicable = 1",
    "INSERT INTO soa_entry (control_id, status, updated_at) VALUES ('A.8.24', 'implemented', '2027-03-15')",
    "UPDATE soa_approval SET approved_by = NULL",
    "DELETE FROM soa_entry",
  };
  static const char * const findings[] = {
    "soa A.5.15, field “status”",
    "soa A.5.15, field “reasons”",
    "soa A.5.15, field “applicable”",
    "soa A.8.24 has no history",
    "soa_approval version 1, field “approver”",
    "soa A.5.15 is missing",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("tamper-%u.steward", i);
      g_autoptr(StwWorkspace) ws = new_workspace (name);
      g_autofree char *path = g_strdup (stw_workspace_get_path (ws));

      set_line (ws, "A.5.15", FALSE, STW_SOA_PLANNED, STW_SOA_REASON_BUSINESS, "Handled by the parent company");
      g_assert_cmpuint (stw_workspace_approve_soa (ws, &error), ==, 1);
      assert_check (ws, TRUE, NULL);
      g_clear_object (&ws);

      raw_exec (path, tampering[i]);
      ws = stw_workspace_open (path, &error);
      g_assert_no_error (error);
      assert_check (ws, FALSE, findings[i]);
    }
}

/* Approving records version N, who and when, in the history; any change
 * to a line afterwards makes it stale until the next approval. */
static void
test_approval (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("approval.steward");
  g_autoptr(StwSoaApproval) none = stw_workspace_get_soa_approval (ws, &error);
  g_autoptr(StwSoaApproval) first = NULL;
  g_autoptr(StwSoaApproval) stale = NULL;
  g_autoptr(StwSoaApproval) second = NULL;
  g_autoptr(GPtrArray) history = NULL;
  StwHistoryEntry *entry;

  g_assert_no_error (error);
  g_assert_null (none);

  /* An approval of the untouched SoA is an approval too. */
  g_assert_cmpuint (stw_workspace_approve_soa (ws, &error), ==, 1);
  g_assert_no_error (error);
  first = stw_workspace_get_soa_approval (ws, &error);
  g_assert_nonnull (first);
  g_assert_cmpuint (first->version, ==, 1);
  g_assert_cmpint (first->approved_by, ==, stw_workspace_get_actor_id (ws));
  g_assert_cmpstr (first->approver_name, ==, "Ann Example");
  g_assert_false (first->stale);

  history = stw_workspace_list_history (ws, "soa_approval", 1, &error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = history->pdata[0];
  g_assert_cmpstr (entry->action, ==, "approve");
  g_assert_cmpstr (entry->actor_name, ==, "Ann Example");
  g_assert_cmpstr (entry->at, ==, first->approved_at);
  g_assert_nonnull (strstr (entry->changes, "\"version\":[null,1]"));

  set_line (ws, "A.5.1", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_BEST_PRACTICE, "");
  stale = stw_workspace_get_soa_approval (ws, &error);
  g_assert_cmpuint (stale->version, ==, 1);
  g_assert_true (stale->stale);

  g_assert_cmpuint (stw_workspace_approve_soa (ws, &error), ==, 2);
  second = stw_workspace_get_soa_approval (ws, &error);
  g_assert_cmpuint (second->version, ==, 2);
  g_assert_false (second->stale);
  assert_check (ws, TRUE, NULL);
}

/* Implemented needs a completed item or unexpired evidence, filed in the
 * last 12 months, on an item or risk that names the control. */
static void
test_rule_implemented (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("rule-implemented.steward");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(StwItem) open_item = NULL;
  g_autoptr(StwItem) old_item = NULL;
  g_autoptr(StwItem) done_item = NULL;
  g_autoptr(StwRisk) risk = NULL;
  g_autoptr(StwAttachment) expired = NULL;
  g_autoptr(StwAttachment) current = NULL;
  g_autofree char *file = test_path (tmp, "backup-log.txt");
  g_autoptr(GFile) gfile = g_file_new_for_path (file);
  g_autofree char *cycle = stw_workspace_soa_cycle_start (ws);
  StwSoaMismatch *m;

  g_assert_cmpstr (cycle, ==, "2026-03-15");
  set_line (ws, "A.8.13", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_RISK_TREATMENT, "");
  /* Planned, with nothing behind it: no mismatch of this rule. */
  set_line (ws, "A.8.14", TRUE, STW_SOA_PLANNED, STW_SOA_REASON_RISK_TREATMENT, "");

  found = mismatches_of (ws);
  g_assert_nonnull (find_mismatch (found, "A.8.13", STW_SOA_RULE_IMPLEMENTED_UNPROVEN));
  g_assert_null (find_mismatch (found, "A.8.14", STW_SOA_RULE_IMPLEMENTED_UNPROVEN));
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* An open item and one completed before the cycle do not prove it;
   * both are named behind it. */
  open_item = add_item (ws, "Restore test", "A.8.13", NULL);
  old_item = add_item (ws, "Restore test 2025", "A.8.13", "2026-03-01");
  risk = add_risk (ws, "Ransomware", "A.8.13", 3, 3);
  found = mismatches_of (ws);
  m = find_mismatch (found, "A.8.13", STW_SOA_RULE_IMPLEMENTED_UNPROVEN);
  g_assert_nonnull (m);
  {
    g_autofree char *items = joined (m->item_refs);
    g_autofree char *want = g_strdup_printf ("%s,%s", stw_item_get_ref (open_item), stw_item_get_ref (old_item));

    g_assert_cmpstr (items, ==, want);
    g_assert_cmpstr (m->risk_refs[0], ==, stw_risk_get_ref (risk));
  }
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Expired evidence on the risk does not prove it; current evidence does. */
  g_assert_true (g_file_set_contents (file, "backup ok\n", -1, &error));
  expired = stw_workspace_attach_file (ws, "risk", stw_risk_get_id (risk), gfile,
                                       &(StwAttachOptions) { NULL, "2026-06-01", "2027-01-31" },
                                       NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  found = mismatches_of (ws);
  g_assert_nonnull (find_mismatch (found, "A.8.13", STW_SOA_RULE_IMPLEMENTED_UNPROVEN));
  g_clear_pointer (&found, g_ptr_array_unref);
  current = stw_workspace_attach_file (ws, "risk", stw_risk_get_id (risk), gfile,
                                       &(StwAttachOptions) { NULL, "2026-09-01", "2027-08-31" },
                                       NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  found = mismatches_of (ws);
  g_assert_null (find_mismatch (found, "A.8.13", STW_SOA_RULE_IMPLEMENTED_UNPROVEN));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Without the evidence, an item completed in the cycle proves it. */
  g_assert_true (stw_workspace_remove_attachment (ws, stw_attachment_get_id (current), &error));
  g_assert_no_error (error);
  found = mismatches_of (ws);
  g_assert_nonnull (find_mismatch (found, "A.8.13", STW_SOA_RULE_IMPLEMENTED_UNPROVEN));
  g_clear_pointer (&found, g_ptr_array_unref);
  done_item = add_item (ws, "Restore test March", "A.8.13", "2027-03-10");
  found = mismatches_of (ws);
  g_assert_null (find_mismatch (found, "A.8.13", STW_SOA_RULE_IMPLEMENTED_UNPROVEN));
}

/* Excluded while a risk that is not closed, or an open item, names it. */
static void
test_rule_excluded_in_use (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("rule-excluded.steward");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwRisk) risk = NULL;
  StwSoaMismatch *m;

  set_line (ws, "A.7.4", FALSE, STW_SOA_NOT_STARTED, STW_SOA_REASON_BUSINESS, "No premises of our own");
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  item = add_item (ws, "Install CCTV", "A.7.4", NULL);
  found = mismatches_of (ws);
  m = find_mismatch (found, "A.7.4", STW_SOA_RULE_EXCLUDED_IN_USE);
  g_assert_nonnull (m);
  g_assert_cmpstr (m->item_refs[0], ==, stw_item_get_ref (item));
  g_assert_null (m->risk_refs[0]);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Done, the item relies on it no more. */
  stw_item_set_status (item, STW_STATUS_DONE);
  stw_item_set_completed_date (item, "2027-03-14");
  stw_item_set_no_evidence_reason (item, "Cancelled by the landlord");
  g_assert_true (stw_workspace_update_item (ws, item, &error));
  g_assert_no_error (error);
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* A risk names it as treatment, whatever its score. */
  risk = add_risk (ws, "Break-in", "A.7.4", 1, 2);
  found = mismatches_of (ws);
  m = find_mismatch (found, "A.7.4", STW_SOA_RULE_EXCLUDED_IN_USE);
  g_assert_nonnull (m);
  g_assert_null (m->item_refs[0]);
  g_assert_cmpstr (m->risk_refs[0], ==, stw_risk_get_ref (risk));
  g_clear_pointer (&found, g_ptr_array_unref);

  stw_risk_set_status (risk, STW_RISK_CLOSED);
  g_assert_true (stw_workspace_update_risk (ws, risk, &error));
  g_assert_no_error (error);
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Applicable and not started while a risk above the threshold names it. */
static void
test_rule_not_started (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("rule-not-started.steward");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(StwRisk) low = add_risk (ws, "Phishing, low", "A.6.3", 3, 4);
  g_autoptr(StwRisk) high = NULL;
  StwSoaMismatch *m;

  /* 12 is the threshold, not above it. */
  g_assert_cmpuint (stw_workspace_get_risk_threshold (ws), ==, 12);
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  high = add_risk (ws, "Phishing", "A.6.3", 4, 4);
  found = mismatches_of (ws);
  m = find_mismatch (found, "A.6.3", STW_SOA_RULE_NOT_STARTED_AT_RISK);
  g_assert_nonnull (m);
  g_assert_cmpstr (m->risk_refs[0], ==, stw_risk_get_ref (high));
  g_assert_null (m->risk_refs[1]);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* A higher threshold takes the risk below it. */
  g_assert_true (stw_workspace_update_organisation (ws, "Acme Ltd", "", stw_workspace_get_isms_owner_id (ws),
                                                    1, 16, &error));
  g_assert_no_error (error);
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  g_assert_true (stw_workspace_update_organisation (ws, "Acme Ltd", "", stw_workspace_get_isms_owner_id (ws),
                                                    1, 12, &error));

  /* Planned is started. */
  set_line (ws, "A.6.3", TRUE, STW_SOA_PLANNED, STW_SOA_REASON_RISK_TREATMENT, "");
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Not started again, but the risk is closed. */
  set_line (ws, "A.6.3", TRUE, STW_SOA_NOT_STARTED, STW_SOA_REASON_RISK_TREATMENT, "");
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  stw_risk_set_status (high, STW_RISK_CLOSED);
  g_assert_true (stw_workspace_update_risk (ws, high, &error));
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Excluded needs a reason or a word of justification; applicable does
 * not. */
static void
test_rule_unjustified (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("rule-unjustified.steward");
  g_autoptr(GPtrArray) found = NULL;
  StwSoaMismatch *m;

  set_line (ws, "A.5.7", FALSE, STW_SOA_NOT_STARTED, 0, "  ");
  set_line (ws, "A.5.8", FALSE, STW_SOA_NOT_STARTED, STW_SOA_REASON_LEGAL, "");
  set_line (ws, "A.5.9", FALSE, STW_SOA_NOT_STARTED, 0, "No assets outside the cloud");
  set_line (ws, "A.5.10", TRUE, STW_SOA_PLANNED, 0, "");
  found = mismatches_of (ws);
  m = find_mismatch (found, "A.5.7", STW_SOA_RULE_EXCLUDED_UNJUSTIFIED);
  g_assert_nonnull (m);
  g_assert_null (m->item_refs[0]);
  g_assert_null (m->risk_refs[0]);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  set_line (ws, "A.5.7", FALSE, STW_SOA_NOT_STARTED, STW_SOA_REASON_BEST_PRACTICE, "");
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 0);
}

/* A file of version 6 gains the SoA on opening, and reads as a new one. */
static void
test_migrate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "v6.steward");
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(GListModel) soa = NULL;
  g_autoptr(StwSoaEntry) first = NULL;

  g_assert_true (_stw_workspace_create_at_version (path, 6, &error));
  g_assert_no_error (error);
  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_workspace_peek_version (path, NULL), ==, STW_SCHEMA_VERSION);
  soa = stw_workspace_list_soa (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (soa), ==, 93);
  first = g_list_model_get_item (soa, 0);
  g_assert_true (stw_soa_entry_get_applicable (first));
  g_assert_cmpint (stw_soa_entry_get_status (first), ==, STW_SOA_NOT_STARTED);
  set_line (ws, "A.5.1", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_BEST_PRACTICE, "");
  g_assert_cmpuint (stw_workspace_approve_soa (ws, &error), ==, 1);
  /* The older file's own rows were made without history (as by hand);
   * the SoA's are proven. */
  {
    g_autoptr(GString) report = g_string_new (NULL);

    g_assert_false (stw_workspace_check (ws, report, NULL));
    g_assert_nonnull (strstr (report->str, "Records: item T-001 has no history"));
    g_assert_null (strstr (report->str, "soa"));
  }
}

typedef struct {
  int      status;
  GString *out;
  GString *err;
} Result;

static void
result_clear (Result *r)
{
  g_string_free (r->out, TRUE);
  g_string_free (r->err, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static Result
run (const char * const *args)
{
  Result r = { 0, g_string_new (NULL), g_string_new (NULL) };

  g_assert_true (stw_cli_wants (args));
  r.status = stw_cli_run (args, r.out, r.err);
  return r;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* `steward soa`: the lines, the mismatches, an approval; bad use says so
 * and writes nothing. */
static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("cli.steward");
  g_autofree char *path = g_strdup (stw_workspace_get_path (ws));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *ghost = test_path (tmp, "nobody.steward");
  g_autoptr(StwRisk) risk = add_risk (ws, "Phishing", "A.6.3", 4, 4);

  set_line (ws, "A.7.4", FALSE, STW_SOA_NOT_STARTED, 0, "");
  set_line (ws, "A.5.15", TRUE, STW_SOA_PARTIAL, STW_SOA_REASON_RISK_TREATMENT | STW_SOA_REASON_LEGAL,
            "GDPR\tart. 32");
  g_clear_object (&ws);

  {
    const char *args[] = { "soa", path, NULL };
    g_auto(Result) r = run (args);

    g_assert_cmpint (r.status, ==, STW_CLI_OK);
    g_assert_cmpuint (count_lines (r.out->str), ==, 93);
    g_assert_nonnull (strstr (r.out->str, "A.5.1\tapplicable\tnot_started\t-\t0\t0\t\n"));
    g_assert_nonnull (strstr (r.out->str, "A.5.15\tapplicable\tpartial\trisk_treatment,legal\t0\t0\tGDPR art. 32\n"));
    g_assert_nonnull (strstr (r.out->str, "A.6.3\tapplicable\tnot_started\t-\t1\t0\t\n"));
    g_assert_nonnull (strstr (r.out->str, "A.7.4\texcluded\tnot_started\t-\t0\t0\t\n"));
  }
  {
    const char *args[] = { "soa", path, "--mismatches", NULL };
    g_auto(Result) r = run (args);
    g_autofree char *want = g_strdup_printf ("A.6.3\tnot_started_at_risk\t-\t%s\t", stw_risk_get_ref (risk));

    g_assert_cmpint (r.status, ==, STW_CLI_OK);
    g_assert_cmpuint (count_lines (r.out->str), ==, 2);
    g_assert_true (g_str_has_prefix (r.out->str, want));
    g_assert_nonnull (strstr (r.out->str, "\nA.7.4\texcluded_unjustified\t-\t-\tExcluded without a justification\n"));
  }
  {
    const char *args[] = { "soa", path, "--approve", NULL };
    g_auto(Result) r = run (args);
    g_auto(Result) again = run (args);

    g_assert_cmpint (r.status, ==, STW_CLI_OK);
    g_assert_cmpstr (r.out->str, ==, "Approved version 1 of the Statement of Applicability\n");
    g_assert_cmpstr (again.out->str, ==, "Approved version 2 of the Statement of Applicability\n");
  }
  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(StwSoaApproval) approval = stw_workspace_get_soa_approval (ws, &error);

    g_assert_cmpuint (approval->version, ==, 2);
    g_assert_false (approval->stale);
  }
  assert_check (ws, TRUE, NULL);
  g_clear_object (&ws);

  /* Bad use: exit 1 or 2, a message, nothing written anywhere. */
  before = test_file_digest (path);
  {
    const char *args[] = { "soa", ghost, "--approve", NULL };
    g_auto(Result) r = run (args);

    g_assert_cmpint (r.status, ==, STW_CLI_FAILED);
    g_assert_cmpstr (r.out->str, ==, "");
    g_assert_true (g_str_has_prefix (r.err->str, "steward: "));
    g_assert_false (g_file_test (ghost, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = { "soa", "No Such Organisation", NULL };
    g_auto(Result) r = run (args);

    g_assert_cmpint (r.status, ==, STW_CLI_FAILED);
    g_assert_cmpstr (r.out->str, ==, "");
  }
  {
    const char *args[] = { "soa", path, "--approve", "--mismatches", NULL };
    g_auto(Result) r = run (args);

    g_assert_cmpint (r.status, ==, STW_CLI_USAGE);
    g_assert_cmpstr (r.out->str, ==, "");
  }
  {
    const char *args[] = { "soa", NULL };
    g_auto(Result) r = run (args);

    g_assert_cmpint (r.status, ==, STW_CLI_USAGE);
  }
  {
    const char *args[] = { "soa", path, "--frobnicate", NULL };
    g_auto(Result) r = run (args);

    g_assert_cmpint (r.status, ==, STW_CLI_USAGE);
  }
  after = test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  {
    const char *args[] = { "soa", "--help", NULL };
    g_auto(Result) r = run (args);

    g_assert_cmpint (r.status, ==, STW_CLI_OK);
    g_assert_nonnull (strstr (r.out->str, "Usage: steward soa WORKSPACE [--mismatches] [--approve]\n"));
    g_assert_nonnull (strstr (r.out->str, "--mismatches"));
  }
  {
    const char *args[] = { "help", NULL };
    g_auto(Result) r = run (args);

    g_assert_nonnull (strstr (r.out->str, "\n  soa "));
  }
}

/* The sample's SoA: every control decided, approved once and changed
 * since, with a few real mismatches, one of each rule; its history
 * replays. */
static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "sample.steward");
  g_autoptr(StwWorkspace) ws = stw_sample_create (path, 0, &error);
  g_autoptr(GListModel) soa = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(StwSoaApproval) approval = NULL;
  guint rules = 0;

  g_assert_no_error (error);
  soa = stw_workspace_list_soa (ws, &error);
  for (guint i = 0; i < g_list_model_get_n_items (soa); i++)
    {
      g_autoptr(StwSoaEntry) e = g_list_model_get_item (soa, i);

      g_assert_cmpint (stw_soa_entry_get_id (e), >, 0);
    }
  found = mismatches_of (ws);
  g_assert_cmpuint (found->len, ==, 4);
  for (guint i = 0; i < found->len; i++)
    {
      StwSoaMismatch *m = found->pdata[i];
      g_autofree char *items = joined (m->item_refs);
      g_autofree char *risks = joined (m->risk_refs);

      g_test_message ("%s %s items: %s risks: %s", m->control_id, stw_soa_rule_to_key (m->rule), items, risks);
      rules |= 1u << m->rule;
    }
  /* Every rule shows at least once. */
  g_assert_cmpuint (rules, ==, 0xf);
  approval = stw_workspace_get_soa_approval (ws, &error);
  g_assert_nonnull (approval);
  g_assert_cmpuint (approval->version, ==, 1);
  g_assert_true (approval->stale);
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
  tmp = g_strdup (data_home);
  stw_core_init ();

  g_test_add_func ("/soa/defaults", test_defaults);
  g_test_add_func ("/soa/update-history", test_update_history);
  g_test_add_func ("/soa/undo", test_undo);
  g_test_add_func ("/soa/refresh", test_refresh);
  g_test_add_func ("/soa/tamper", test_tamper);
  g_test_add_func ("/soa/approval", test_approval);
  g_test_add_func ("/soa/rule/implemented-unproven", test_rule_implemented);
  g_test_add_func ("/soa/rule/excluded-in-use", test_rule_excluded_in_use);
  g_test_add_func ("/soa/rule/not-started-at-risk", test_rule_not_started);
  g_test_add_func ("/soa/rule/excluded-unjustified", test_rule_unjustified);
  g_test_add_func ("/soa/migrate-from-6", test_migrate);
  g_test_add_func ("/soa/cli", test_cli);
  g_test_add_func ("/soa/sample", test_sample);

  ret = g_test_run ();
  return ret;
}
