/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-sample.h: generates a realistic sample ISMS (people, the four
 * workstreams, a year of items, some overdue, some done), or a large one
 * for benchmarks.
 */
#pragma once

#include "stw-workspace.h"

G_BEGIN_DECLS

/* @n_items 0 gives the default realistic size (dozens per workstream).
 * The sample takes @path, or the next free name after it when @path was
 * taken meanwhile (stw_workspace_get_path() says which); until it is
 * complete it is a draft that no list shows. */
StwWorkspace *stw_sample_create (const char *path,
                                 guint       n_items,
                                 GError    **error);

/* The path of the sample workspace (the realistic one) in the workspace
 * folder, or NULL when there is none: opening the sample opens it rather
 * than making another. */
char         *stw_sample_find   (void);

G_END_DECLS
