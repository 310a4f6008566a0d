/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-soa-undo.h: a change to a line of the Statement of Applicability on
 * the window's undo stack, as items are: undoing writes the line as it
 * was, an ordinary recorded change. An approval is not undone: it records
 * a decision, and the next change makes it stale anyway.
 */
#pragma once

#include "stw-soa.h"
#include "stw-undo.h"

G_BEGIN_DECLS

/* Before stw_workspace_update_soa_entry(): the line as stored. */
void stw_undo_stack_push_soa_update (StwUndoStack *self,
                                     StwSoaEntry  *before);

G_END_DECLS
