/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-last-workspace.h: the "last-workspace" setting, which names the
 * workspace to reopen at the next start. A path need not be UTF-8 (a
 * folder named in Latin-1, say), and a GSettings string must be; the
 * setting holds the path's file:// URI, which is ASCII whatever the bytes.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Remembers @path (any bytes; NULL forgets it). */
void  stw_last_workspace_save (GSettings  *settings,
                               const char *path);
/* The path remembered, as its bytes; NULL when none. A plain path stored
 * by Steward before the URI is read as it is. */
char *stw_last_workspace_load (GSettings  *settings);

G_END_DECLS
