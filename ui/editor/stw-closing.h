/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-closing.h: what marking an item Done asks of the person, wherever it
 * is done (the editor, a board move, a bulk change in the list): whether
 * the closure dialog must also ask why there is no evidence, and whether
 * the workspace would refuse the close whatever is written, so the person
 * is not asked for a note that cannot be used.
 */
#pragma once

#include "stw-workspace.h"

G_BEGIN_DECLS

/* TRUE when closing @item needs a reason for having no evidence: its
 * workstream requires evidence (always so for risk treatment and
 * corrective actions), nothing is attached to it and it has no reason
 * recorded yet. */
gboolean stw_closing_needs_reason (StwWorkspace *workspace,
                                   StwItem      *item);

/* TRUE when the workspace will refuse to close @item: a nonconformity
 * whose root cause is not recorded or whose fix no check has found
 * effective (ISO/IEC 27001:2022 10.2). Saving it anyway gets the
 * workspace's own message, which says what is missing. */
gboolean stw_closing_is_refused   (StwItem      *item);

G_END_DECLS
