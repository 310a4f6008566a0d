/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-draft.c: drafts. A workspace is built under a name of its own and
 * published by name when complete.
 *
 * A new workspace is made under a hidden draft name in its folder, which
 * no list shows, and only gets its name once it is complete. So a run
 * killed half-way leaves no empty or unopenable workspace, and two
 * processes making the same name never share (or unlink) one file: the
 * draft is created with O_EXCL and the name is taken with a rename that
 * refuses to replace. While its creator lives, a draft is held by a
 * flock() on it (separate from SQLite's own fcntl() locks); a draft no one
 * holds is the leftover of a run that died, and is removed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stw-draft-private.h"
#include "stw-workspace-private.h"

#define DRAFT_PREFIX ".steward-draft-"
/* A draft whose name was just made may not be locked yet. */
#define DRAFT_STALE_SECONDS 30

static const char * const side_suffixes[] = { "-wal", "-shm", "-journal" };

void
_stw_draft_remove_with_side_files (const char *path)
{
  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);
      g_unlink (side);
    }
}

/* Creates an empty draft file in @dir, mode 0600 whatever the umask, and
 * returns its path, with @lock_fd holding it. */
char *
_stw_draft_create (const char  *dir,
                   int         *lock_fd,
                   GError     **error)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (DRAFT_PREFIX "%08x%08x", g_random_int (), g_random_int ());
      g_autofree char *path = g_build_filename (dir, name, NULL);
      int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

      if (fd < 0 && errno == EEXIST)
        continue;
      if (fd < 0)
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_name (dir);

          g_set_error (error, STW_WORKSPACE_ERROR,
                       saved == EACCES || saved == EROFS || saved == EPERM ? STW_WORKSPACE_ERROR_READ_ONLY
                                                                           : STW_WORKSPACE_ERROR_FAILED,
                       _("Cannot create a workspace in “%s”: %s"), display, g_strerror (saved));
          return NULL;
        }
      flock (fd, LOCK_EX);
      *lock_fd = fd;
      return g_steal_pointer (&path);
    }

  g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
               _("Cannot find a free name for a new workspace"));
  return NULL;
}

/* Candidate @n for @path: @path itself, then "acme-2.steward", … */
static char *
candidate_name (const char *path,
                guint       n)
{
  g_autofree char *stem = NULL;

  if (n == 1)
    return g_strdup (path);
  if (g_str_has_suffix (path, ".steward"))
    {
      stem = g_strndup (path, strlen (path) - strlen (".steward"));
      return g_strdup_printf ("%s-%u.steward", stem, n);
    }
  return g_strdup_printf ("%s-%u", path, n);
}

/* Whether @path is an empty regular file that may be replaced (a file
 * manager's "new empty document"): checked under an exclusive lock, which
 * @lock_fd keeps until the rename, so two processes never both take it. */
static gboolean
take_empty_file (const char *path,
                 int        *lock_fd)
{
  struct stat by_fd, by_name;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);

  if (fd < 0)
    return FALSE;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0 &&
      fstat (fd, &by_fd) == 0 && S_ISREG (by_fd.st_mode) && by_fd.st_size == 0 &&
      lstat (path, &by_name) == 0 && by_name.st_ino == by_fd.st_ino && by_name.st_dev == by_fd.st_dev)
    {
      *lock_fd = fd;
      return TRUE;
    }
  close (fd);
  return FALSE;
}

/* Gives the draft @draft the name @path without ever replacing a file
 * (but an empty one), or with @next_free the first free name after it. */
char *
_stw_draft_publish (const char  *draft,
                    const char  *path,
                    gboolean     next_free,
                    GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *name = candidate_name (path, n);
      int empty_fd = -1;

      if (renameat2 (AT_FDCWD, draft, AT_FDCWD, name, RENAME_NOREPLACE) == 0)
        return g_steal_pointer (&name);
      if (errno == EINVAL || errno == ENOSYS)
        {
          /* A file system without RENAME_NOREPLACE: link() refuses an
           * existing name just as well. */
          if (link (draft, name) == 0)
            {
              g_unlink (draft);
              return g_steal_pointer (&name);
            }
        }
      if (errno != EEXIST)
        {
          int saved = errno;

          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                       _("Cannot create “%s”: %s"), display, g_strerror (saved));
          return NULL;
        }
      if (take_empty_file (name, &empty_fd))
        {
          gboolean renamed = g_rename (draft, name) == 0;
          int saved = errno;

          close (empty_fd);
          if (renamed)
            return g_steal_pointer (&name);
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                       _("Cannot create “%s”: %s"), display, g_strerror (saved));
          return NULL;
        }
      if (!next_free)
        break;
    }

  g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS,
               _("“%s” already exists"), display);
  return NULL;
}

void
_stw_draft_sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* The new name must survive a power cut as the workspace does. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

void
_stw_workspace_remove_stale_drafts (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *entry;

  if (folder == NULL)
    return;

  while ((entry = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      gboolean side = FALSE;
      int fd;

      if (!g_str_has_prefix (entry, DRAFT_PREFIX))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
        side |= g_str_has_suffix (entry, side_suffixes[i]);
      path = g_build_filename (dir, entry, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || now - st.st_mtime < DRAFT_STALE_SECONDS)
        continue;
      if (side)
        {
          /* A log left after its draft was removed. */
          g_autofree char *main_file = g_strndup (path, strrchr (path, '-') - path);

          if (!g_file_test (main_file, G_FILE_TEST_EXISTS))
            g_unlink (path);
          continue;
        }
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;
      /* Locked: its creator is still building it. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        _stw_draft_remove_with_side_files (path);
      close (fd);
    }
}
