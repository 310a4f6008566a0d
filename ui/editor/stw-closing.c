/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-closing.c: the questions closing an item raises, answered the way
 * the workspace will judge the close, so every place that closes items
 * asks the same thing.
 */
#include "config.h"

#include "stw-closing.h"
#include "stw-evidence.h"

/* Public API */

gboolean
stw_closing_needs_reason (StwWorkspace *workspace,
                          StwItem      *item)
{
  StwWorkstream *workstream;
  const char *reason;
  gint64 id;

  g_return_val_if_fail (STW_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (STW_IS_ITEM (item), FALSE);

  workstream = stw_workspace_find_workstream (workspace, stw_item_get_workstream_id (item));
  if (workstream == NULL || !stw_workstream_get_require_evidence (workstream))
    return FALSE;

  reason = stw_item_get_no_evidence_reason (item);
  if (reason != NULL && reason[0] != '\0')
    return FALSE;

  id = stw_item_get_id (item);

  return id == 0 || stw_workspace_count_attachments (workspace, "item", id) == 0;
}

gboolean
stw_closing_is_refused (StwItem *item)
{
  const StwCorrective *corrective;

  g_return_val_if_fail (STW_IS_ITEM (item), FALSE);

  corrective = stw_item_get_corrective (item);
  if (corrective == NULL || !stw_corrective_is_nonconformity (corrective))
    return FALSE;

  return corrective->root_cause == NULL || corrective->root_cause[0] == '\0'
    || corrective->check_result != STW_CHECK_EFFECTIVE;
}
