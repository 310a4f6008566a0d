/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-list.c: the folder of workspaces and finding one in it.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "stw-workspace-list.h"
#include "stw-workspace-private.h"

#define SUFFIX ".steward"

struct _StwWorkspaceInfo
{
  GObject  parent_instance;
  char    *name;
  char    *org_name;
  char    *path;
  gboolean is_sample;
};

G_DEFINE_FINAL_TYPE (StwWorkspaceInfo, stw_workspace_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ORG_NAME,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stw_workspace_info_finalize (GObject *object)
{
  StwWorkspaceInfo *self = (StwWorkspaceInfo *) object;

  g_free (self->name);
  g_free (self->org_name);
  g_free (self->path);

  G_OBJECT_CLASS (stw_workspace_info_parent_class)->finalize (object);
}

static void
stw_workspace_info_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StwWorkspaceInfo *self = STW_WORKSPACE_INFO (object);

  switch (prop_id)
    {
    case PROP_NAME:     g_value_set_string (value, self->name); break;
    case PROP_ORG_NAME: g_value_set_string (value, self->org_name); break;
    case PROP_PATH:     g_value_set_string (value, self->path); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_workspace_info_class_init (StwWorkspaceInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stw_workspace_info_finalize;
  object_class->get_property = stw_workspace_info_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORG_NAME] = g_param_spec_string ("org-name", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_workspace_info_init (StwWorkspaceInfo *self)
{
}

const char *
stw_workspace_info_get_name (StwWorkspaceInfo *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE_INFO (self), NULL);
  return self->name;
}

const char *
stw_workspace_info_get_org_name (StwWorkspaceInfo *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE_INFO (self), NULL);
  return self->org_name;
}

const char *
stw_workspace_info_get_path (StwWorkspaceInfo *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE_INFO (self), NULL);
  return self->path;
}

gboolean
stw_workspace_info_is_sample (StwWorkspaceInfo *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE_INFO (self), FALSE);
  return self->is_sample;
}

char *
stw_workspaces_dir (void)
{
  /* Read the variable each time (g_get_user_data_dir() caches it) so
   * tests and benchmarks can point it at a temporary folder. */
  const char *data_home = g_getenv ("XDG_DATA_HOME");
  GStatBuf st;
  char *dir;

  if (data_home != NULL && g_path_is_absolute (data_home))
    dir = g_build_filename (data_home, "steward", "workspaces", NULL);
  else
    dir = g_build_filename (g_get_user_data_dir (), "steward", "workspaces", NULL);
  g_mkdir_with_parents (dir, 0700);
  /* An ISMS is confidential: a folder an older Steward (or someone) left
   * open to others is closed again. */
  if (g_stat (dir, &st) == 0 && (st.st_mode & 077) != 0 && st.st_uid == getuid ())
    g_chmod (dir, st.st_mode & 0700);
  return dir;
}

/* Reads the organisation name, and what made the workspace (the
 * "made_by" setting: "sample" for the sample), without writing. */
static void
read_profile (StwWorkspaceInfo *info)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (stw_workspace_peek_version (info->path, NULL) < 0)
    return;
  if (_stw_sqlite_open_read_only (info->path, &db) == SQLITE_OK &&
      sqlite3_prepare_v2 (db,
                          "SELECT name, (SELECT value FROM setting WHERE key = 'made_by')"
                          " FROM organisation WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (info->org_name);
      info->org_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->is_sample = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "sample") == 0;
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
}

static int
compare_infos (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_utf8_collate (((StwWorkspaceInfo *) a)->name, ((StwWorkspaceInfo *) b)->name);
}

GListModel *
stw_workspaces_list (GError **error)
{
  g_autofree char *dir_path = stw_workspaces_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GListStore) store = g_list_store_new (STW_TYPE_WORKSPACE_INFO);
  const char *entry;

  /* Drafts of workspaces being made are never listed (their names do not
   * end in .steward); those of runs that died are removed. */
  _stw_workspace_remove_stale_drafts (dir_path);

  dir = g_dir_open (dir_path, 0, error);
  if (dir == NULL)
    return NULL;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      StwWorkspaceInfo *info;

      if (!g_str_has_suffix (entry, SUFFIX) || strlen (entry) == strlen (SUFFIX))
        continue;

      info = g_object_new (STW_TYPE_WORKSPACE_INFO, NULL);
      info->name = g_strndup (entry, strlen (entry) - strlen (SUFFIX));
      info->path = g_build_filename (dir_path, entry, NULL);
      info->org_name = g_strdup ("");
      read_profile (info);
      g_list_store_insert_sorted (store, info, compare_infos, NULL);
      g_object_unref (info);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static char *
slugify (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
      if (slug->len >= 48)
        break;
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "workspace");
  return g_string_free (slug, FALSE);
}

char *
stw_workspaces_path_for (const char *org_name)
{
  g_autofree char *dir = stw_workspaces_dir ();
  g_autofree char *slug = slugify (org_name);
  g_autofree char *file = g_strconcat (slug, SUFFIX, NULL);

  return g_build_filename (dir, file, NULL);
}

char *
stw_workspaces_new_path (const char *org_name)
{
  g_autofree char *dir = stw_workspaces_dir ();
  g_autofree char *slug = slugify (org_name);

  for (guint n = 1; ; n++)
    {
      g_autofree char *file = n == 1 ? g_strconcat (slug, SUFFIX, NULL)
                                     : g_strdup_printf ("%s-%u" SUFFIX, slug, n);
      char *path = g_build_filename (dir, file, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

char *
stw_workspaces_resolve (const char  *name_or_path,
                        GError     **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (name_or_path != NULL, NULL);

  /* A path is kept as its bytes (it need not be UTF-8); messages show it
   * as text. */
  display = g_filename_display_name (name_or_path);

  if (strchr (name_or_path, G_DIR_SEPARATOR) != NULL || g_str_has_suffix (name_or_path, SUFFIX))
    {
      GStatBuf st;
      int saved;

      if (g_stat (name_or_path, &st) == 0)
        return g_strdup (name_or_path);
      saved = errno;
      if (saved == ELOOP)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                       _("“%s” is a loop of symbolic links that leads to no file"), display);
          return NULL;
        }
      if (saved != ENOENT && saved != ENOTDIR)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                       _("Cannot open “%s”: %s"), display, g_strerror (saved));
          return NULL;
        }
      if (strchr (name_or_path, G_DIR_SEPARATOR) != NULL)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                       _("There is no file “%s”"), display);
          return NULL;
        }
    }

  /* Names and organisations are text: bytes that are not cannot match. */
  if (!g_utf8_validate (name_or_path, -1, NULL))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no workspace “%s” (steward list shows them)"), display);
      return NULL;
    }

  list = stw_workspaces_list (error);
  if (list == NULL)
    return NULL;

  folded = g_utf8_casefold (name_or_path, -1);
  if (g_str_has_suffix (folded, SUFFIX))
    folded[strlen (folded) - strlen (SUFFIX)] = '\0';

  /* First the file name people see in the list (the very name wins over
   * one that differs in case), then the organisation. Two workspaces may
   * show one name: then none is taken, and the message lists them. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GString) names = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(StwWorkspaceInfo) info = g_list_model_get_item (list, i);
          const char *text = pass == 0 ? info->name : info->org_name;
          g_autofree char *candidate = NULL;

          if (!g_utf8_validate (text, -1, NULL))
            continue;
          if (pass == 0 && (g_str_equal (text, name_or_path) ||
                            (g_str_has_suffix (name_or_path, SUFFIX) &&
                             strlen (name_or_path) == strlen (text) + strlen (SUFFIX) &&
                             strncmp (text, name_or_path, strlen (text)) == 0)))
            return g_strdup (info->path);
          candidate = g_utf8_casefold (text, -1);
          if (g_str_equal (candidate, folded))
            g_ptr_array_add (found, g_steal_pointer (&info));
        }

      if (found->len == 1)
        return g_strdup (((StwWorkspaceInfo *) found->pdata[0])->path);
      if (found->len == 0)
        continue;

      names = g_string_new (NULL);
      for (guint i = 0; i < found->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                ((StwWorkspaceInfo *) found->pdata[i])->name);
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_AMBIGUOUS,
                   /* Translators: the second %s lists file names, "acme, acme-2". */
                   _("“%s” is the name of more than one workspace: %s. Give one of these names"),
                   display, names->str);
      return NULL;
    }

  g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no workspace “%s” (steward list shows them)"), display);
  return NULL;
}
