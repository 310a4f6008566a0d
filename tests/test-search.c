/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-search.c: full-text search over refs, titles, descriptions and
 * notes: prefixes, accents and case, and anything a person may type,
 * including quotes and query operators, which must never be an error.
 */
#include "config.h"

#include <string.h>

#include "stw-evidence.h"
#include "stw-risk-register.h"
#include "stw-workspace.h"
#include "test-util.h"

static StwWorkspace *ws;
static gint64 tasks;

static StwItem *
add (const char *title,
     const char *description,
     const char *notes)
{
  g_autoptr(GError) error = NULL;
  StwItem *item = stw_item_new (tasks);

  stw_item_set_title (item, title);
  stw_item_set_description (item, description);
  stw_item_set_notes (item, notes);
  g_assert_true (stw_workspace_insert_item (ws, item, &error));
  g_assert_no_error (error);
  return item;
}

static char *
search (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = stw_workspace_search_items (ws, text, 0, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (results, i);
      g_string_append_printf (out, "%s%s", i ? " " : "", stw_item_get_ref (item));
    }
  return g_string_free (out, FALSE);
}

#define assert_search(text, expected) \
  G_STMT_START { \
    g_autofree char *got_ = search (text); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_prefixes_and_fields (void)
{
  assert_search ("acc", "T-001");
  assert_search ("access review", "T-001");
  assert_search ("review access", "T-001");
  assert_search ("restore", "T-002");          /* description */
  assert_search ("rotterdam", "T-003");        /* notes */
  assert_search ("T-002", "T-002");            /* reference */
  assert_search (" t-004 ", "T-004");
  assert_search ("t 003", "T-003");
  assert_search ("nothing-like-this", "");
  assert_search ("", "");
  assert_search ("   ", "");
}

static void
test_non_ascii (void)
{
  assert_search ("zurich", "T-004");
  assert_search ("ZÜRICH", "T-004");
  assert_search ("Zür", "T-004");
  assert_search ("straße", "T-005");
  assert_search ("Überprüfung", "T-005");
  assert_search ("uberprufung", "T-005");
  assert_search ("情報", "T-006");
}

static void
test_typed_syntax_is_text (void)
{
  const char *hostile[] = {
    "\"", "\"access", "access\"", "'", "acc OR", "OR", "AND", "NOT", "NOT access",
    "NEAR(access review)", "access*", "*", "title:access", ":", "-", "^access",
    "(", ")", "{title}", "access + review", "\\", "%", "_", "; DROP TABLE item; --",
    "\xff\xfe invalid utf8",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *got = search (hostile[i]);
      g_test_message ("%s -> %s", hostile[i], got);
    }
  /* Operators are plain words: "not" and "or" match nothing here. */
  assert_search ("NOT access", "");
  assert_search ("\"access\"", "T-001");
  assert_search ("title:access", "");
  assert_search ("access*", "T-001");
}

static void
test_follows_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = add ("Penetration test of the portal", NULL, NULL);

  assert_search ("penetration", "T-007");
  stw_item_set_title (item, "Security test of the portal");
  g_assert_true (stw_workspace_update_item (ws, item, &error));
  assert_search ("penetration", "");
  assert_search ("security portal", "T-007");

  g_assert_true (stw_workspace_delete_item (ws, stw_item_get_id (item), &error));
  assert_search ("portal", "");
  g_assert_true (stw_workspace_restore_item (ws, stw_item_get_id (item), &error));
  assert_search ("portal", "T-007");
}

static void
test_ranking (void)
{
  g_autoptr(StwItem) a = add ("Supplier list", "Check the backup supplier", NULL);
  g_autoptr(StwItem) b = add ("Backup supplier review", NULL, NULL);
  g_autoptr(StwItem) c = add ("Item that mentions T-008 in its title", NULL, NULL);

  /* A title match ranks above a description match. */
  assert_search ("backup supplier", "T-009 T-008");
  /* A reference typed in full comes first, once. */
  assert_search ("T-008", "T-008 T-010");
}

static char *
search_risks (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = stw_workspace_search_risks (ws, text, 0, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (results, i);

      g_string_append_printf (out, "%s%s", i ? " " : "", stw_risk_get_ref (risk));
    }
  return g_string_free (out, FALSE);
}

/* Issue 9, point 15: the owner's name, a corrective record's root cause
 * and the evidence's file names and notes find their item; a risk is
 * found by its reference and its words. */
static void
test_related_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwPerson) owner = NULL;
  g_autoptr(StwItem) owned = NULL;
  g_autoptr(StwItem) with_evidence = NULL;
  g_autoptr(StwRisk) risk = NULL;
  g_autoptr(StwAttachment) attachment = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = g_dir_make_tmp ("search-ev-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "firewall-rules-export.csv", NULL);
  StwAttachOptions options = { "Quarterly export from the Helsinki gateway", NULL, NULL };
  g_autofree char *owned_ref = NULL;
  g_autofree char *evidence_ref = NULL;

  owner = stw_workspace_add_person (ws, "Zoë Müllerová", NULL, NULL, &error);
  g_assert_no_error (error);
  owned = add ("Quarterly supplier check", NULL, NULL);
  stw_item_set_owner_id (owned, stw_person_get_id (owner));
  g_assert_true (stw_workspace_update_item (ws, owned, &error));
  owned_ref = g_strdup (stw_item_get_ref (owned));
  {
    g_autofree char *got = search ("zoe mullerova");

    g_assert_cmpstr (got, ==, owned_ref);
  }
  {
    /* Words across fields: one in the title, one in the owner's name. */
    g_autofree char *got = search ("supplier zoe");

    g_assert_cmpstr (got, ==, owned_ref);
  }

  with_evidence = add ("Review of gateway rules", NULL, NULL);
  evidence_ref = g_strdup (stw_item_get_ref (with_evidence));
  g_assert_true (g_file_set_contents (path, "rule,port\nallow,443\n", -1, NULL));
  file = g_file_new_for_path (path);
  attachment = stw_workspace_attach_file (ws, "item", stw_item_get_id (with_evidence), file, &options,
                                          NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *by_name = search ("firewall-rules");
    g_autofree char *by_note = search ("helsinki");

    g_assert_cmpstr (by_name, ==, evidence_ref);
    g_assert_cmpstr (by_note, ==, evidence_ref);
  }

  risk = stw_risk_new ();
  stw_risk_set_title (risk, "Outage of the payment gateway");
  stw_risk_set_threat (risk, "Denial of service from a botnet");
  stw_risk_set_likelihood (risk, 2);
  stw_risk_set_impact (risk, 3);
  g_assert_true (stw_workspace_insert_risk (ws, risk, &error));
  g_assert_no_error (error);
  {
    g_autofree char *by_ref = search_risks (stw_risk_get_ref (risk));
    g_autofree char *by_threat = search_risks ("botnet");
    g_autofree char *none = search_risks ("zurich");

    g_assert_cmpstr (by_ref, ==, stw_risk_get_ref (risk));
    g_assert_cmpstr (by_threat, ==, stw_risk_get_ref (risk));
    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkstream) stream = NULL;
  g_autoptr(StwItem) i1 = NULL, i2 = NULL, i3 = NULL, i4 = NULL, i5 = NULL, i6 = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  path = test_path (data_home, "search.steward");
  ws = stw_workspace_create (path, "Acme Ltd", "Ann", &error);
  g_assert_no_error (error);
  stream = g_list_model_get_item (stw_workspace_get_workstreams (ws), 3);
  tasks = stw_workstream_get_id (stream);

  i1 = add ("Quarterly access review", "Finance system accounts", NULL);
  i2 = add ("Backup test", "Restore one full day of dispatch data", NULL);
  i3 = add ("Depot audit", NULL, "Include the Rotterdam depot this year");
  i4 = add ("Zürich office onboarding", NULL, NULL);
  i5 = add ("Jährliche Überprüfung der Straße", NULL, NULL);
  i6 = add ("情報セキュリティ 方針", NULL, NULL);

  g_test_add_func ("/search/prefixes-and-fields", test_prefixes_and_fields);
  g_test_add_func ("/search/non-ascii", test_non_ascii);
  g_test_add_func ("/search/typed-syntax-is-text", test_typed_syntax_is_text);
  g_test_add_func ("/search/follows-changes", test_follows_changes);
  g_test_add_func ("/search/ranking", test_ranking);
  g_test_add_func ("/search/related-fields", test_related_fields);

  ret = g_test_run ();
  g_clear_object (&ws);
  return ret;
}
