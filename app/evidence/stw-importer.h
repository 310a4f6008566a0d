/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-importer.h: who is importing a piece of evidence, so that what a
 * crashed import left behind can be told from an import still running in
 * another process.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* This process, as "HOST BOOT-ID PID START-TIME"; newly allocated. */
char     *_stw_importer_self (void);

/* TRUE only when the importer @id is known to be gone: it ran on this
 * machine and either the machine has restarted since or no process with
 * its id and start time is running. Anything unknown (another machine, an
 * unreadable id) is not gone. */
gboolean  _stw_importer_gone (const char *id);

G_END_DECLS
