/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-error.h: the error domain of the workspace store.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STW_WORKSPACE_ERROR (stw_workspace_error_quark ())

typedef enum {
  STW_WORKSPACE_ERROR_FAILED,          /* anything SQLite reports that fits nowhere below */
  STW_WORKSPACE_ERROR_NOT_FOUND,       /* no such file, item, person, workstream */
  STW_WORKSPACE_ERROR_NOT_WORKSPACE,   /* a file that is not a Steward workspace */
  STW_WORKSPACE_ERROR_CORRUPT,         /* damaged or truncated file */
  STW_WORKSPACE_ERROR_READ_ONLY,       /* the file or its folder cannot be written */
  STW_WORKSPACE_ERROR_TOO_NEW,         /* written by a newer Steward */
  STW_WORKSPACE_ERROR_EXISTS,          /* creating over an existing workspace */
  STW_WORKSPACE_ERROR_INVALID,         /* a value the model refuses (empty title, bad date…) */
  STW_WORKSPACE_ERROR_BUSY,            /* locked by another process for too long */
  STW_WORKSPACE_ERROR_NO_SPACE,        /* disk full */
  STW_WORKSPACE_ERROR_HISTORY_BROKEN,  /* the history hash chain does not verify */
  STW_WORKSPACE_ERROR_AMBIGUOUS,       /* a name that more than one workspace has */
} StwWorkspaceError;

GQuark stw_workspace_error_quark (void);

G_END_DECLS
