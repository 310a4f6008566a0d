/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-last-workspace.c: the "last-workspace" setting as a file:// URI (see
 * stw-last-workspace.h).
 */
#include "config.h"

#include "stw-last-workspace.h"

void
stw_last_workspace_save (GSettings  *settings,
                         const char *path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));

  if (path != NULL && path[0] != '\0')
    {
      absolute = g_canonicalize_filename (path, NULL);
      uri = g_filename_to_uri (absolute, NULL, NULL);
    }
  g_settings_set_string (settings, "last-workspace", uri != NULL ? uri : "");
}

char *
stw_last_workspace_load (GSettings *settings)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  value = g_settings_get_string (settings, "last-workspace");
  if (value == NULL || value[0] == '\0')
    return NULL;
  /* Before the URI, the setting held the path itself (always absolute). */
  if (g_path_is_absolute (value))
    return g_steal_pointer (&value);

  return g_filename_from_uri (value, NULL, NULL);
}
