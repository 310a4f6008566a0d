/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-util.h: shared set-up for the core tests: a private data folder and
 * a fixed "today", so every run sees the same overdue items.
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#define TEST_TODAY "2027-03-15"

static inline char *
test_setup_data_home (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("steward-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("STEWARD_TODAY", TEST_TODAY, TRUE);
  return dir;
}

static inline char *
test_path (const char *dir,
           const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* SHA-256 of a file's bytes, to prove a file was left untouched. */
static inline char *
test_file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("(unreadable)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}
