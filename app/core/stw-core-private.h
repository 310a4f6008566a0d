/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-core-private.h: what the top layer's files share beyond the public
 * API: the sample makes its workspace with a history dated in the past.
 */
#pragma once

#include "stw-core.h"

G_BEGIN_DECLS

/* stw_workspace_create_draft(), with the history entries of the creation,
 * and those after it until _stw_workspace_set_clock() says otherwise,
 * dated @clock (a UTC timestamp as the history writes it; NULL: now). */
StwWorkspace *_stw_workspace_create_draft_at (const char  *path,
                                              const char  *org_name,
                                              const char  *me_name,
                                              const char  *clock,
                                              GError     **error);

G_END_DECLS
