/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-search.c: full-text search over refs, titles, descriptions and
 * notes: prefixes, accents and case, and anything a person may type,
 * including quotes and query operators, which must never be an error.
 */
#include "config.h"

#include <string.h>

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

  ret = g_test_run ();
  g_clear_object (&ws);
  return ret;
}
