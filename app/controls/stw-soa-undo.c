/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-soa-undo.c: undoing a change to a line of the Statement of
 * Applicability (see stw-soa-undo.h).
 */
#include "config.h"

#include "stw-soa-undo.h"

static gboolean
undo_cb (StwWorkspace  *ws,
         gpointer       data,
         GError       **error)
{
  return stw_workspace_update_soa_entry (ws, STW_SOA_ENTRY (data), error);
}

void
stw_undo_stack_push_soa_update (StwUndoStack *self,
                                StwSoaEntry  *before)
{
  g_return_if_fail (STW_IS_SOA_ENTRY (before));
  /* A copy: the caller goes on editing its line. */
  stw_undo_stack_push_other (self, stw_soa_entry_get_control_id (before), undo_cb,
                             stw_soa_entry_copy (before), g_object_unref);
}
