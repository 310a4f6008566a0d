/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-controls.c: the Annex A catalogue is complete and well-formed.
 */
#include "config.h"

#include <string.h>

#include "stw-controls.h"

static void
test_catalogue (void)
{
  guint per_theme[9] = { 0 };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (stw_controls_get_count (), ==, 93);
  for (guint i = 0; i < stw_controls_get_count (); i++)
    {
      const StwControl *c = stw_controls_get (i);
      g_autofree char *expected = NULL;

      g_assert_true (g_str_has_prefix (c->id, "A."));
      g_assert_true (c->id[2] >= '5' && c->id[2] <= '8');
      per_theme[c->id[2] - '0']++;
      /* In order, numbered from 1 within each theme, no gaps. */
      expected = g_strdup_printf ("A.%c.%u", c->id[2], per_theme[c->id[2] - '0']);
      g_assert_cmpstr (c->id, ==, expected);
      g_assert_true (g_hash_table_add (seen, (gpointer) c->id));
      g_assert_cmpuint (strlen (stw_control_get_title (c)), >, 5);
      g_assert_true (stw_controls_find (c->id) == c);
    }
  g_assert_cmpuint (per_theme[5], ==, 37);
  g_assert_cmpuint (per_theme[6], ==, 8);
  g_assert_cmpuint (per_theme[7], ==, 14);
  g_assert_cmpuint (per_theme[8], ==, 34);

  g_assert_null (stw_controls_find ("A.5.38"));
  g_assert_null (stw_controls_find ("A.9.1"));
  g_assert_null (stw_controls_find ("5.1"));
  g_assert_null (stw_controls_find (NULL));
  g_assert_cmpstr (stw_control_get_theme (stw_controls_find ("A.7.7")), ==, "Physical");
}

static void
test_list_model (void)
{
  GListModel *list = stw_controls_list ();
  g_autoptr(StwControlItem) item = NULL;
  g_autofree char *search = NULL;

  g_assert_true (list == stw_controls_list ());
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 93);
  item = g_list_model_get_item (list, 17);
  g_assert_cmpstr (stw_control_item_get_id (item), ==, "A.5.18");
  g_object_get (item, "search-text", &search, NULL);
  g_assert_nonnull (strstr (search, "A.5.18"));
  g_assert_nonnull (strstr (search, " 5.18 "));
  g_assert_nonnull (strstr (search, stw_control_item_get_title (item)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/controls/catalogue", test_catalogue);
  g_test_add_func ("/controls/list-model", test_list_model);
  return g_test_run ();
}
