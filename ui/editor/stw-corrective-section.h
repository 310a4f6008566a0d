/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-corrective-section.h: the corrective-action part of the item editor,
 * for items of the corrective action log: where the finding came from, its
 * classification, the immediate correction, the root cause, the corrective
 * action and the effectiveness check (ISO/IEC 27001:2022 clause 10.2).
 *
 * Wiring it into the item editor:
 *
 *   - Put one StwCorrectiveSection in the editor's scrolled box (after the
 *     dates group reads well), hidden unless the loaded item's workstream
 *     is of kind STW_WORKSTREAM_CORRECTIVE.
 *   - stw_item_editor_set_workspace() → stw_corrective_section_set_workspace()
 *     (the "Verified by" list follows the workspace's people).
 *   - Loading an item → stw_corrective_section_set_corrective (section,
 *     stw_item_get_corrective (item)); NULL shows a new, empty record.
 *     Loading emits no "changed".
 *   - Connect "changed" to the editor's field_changed_cb: it is emitted for
 *     every edit the person makes, so the editor's "modified" follows.
 *   - In stw_item_editor_dup_edited_item(), when the section is shown:
 *       g_autoptr(StwCorrective) ca =
 *         stw_corrective_section_dup_corrective (section, error);
 *       if (ca == NULL) return NULL;
 *       stw_item_set_corrective (edited, ca);
 *     The core applies the closure rules (a nonconformity needs a root
 *     cause and an effective check to close; "not effective" moves the item
 *     back to in progress) and its GError messages are for people.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-corrective.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_CORRECTIVE_SECTION (stw_corrective_section_get_type ())
G_DECLARE_FINAL_TYPE (StwCorrectiveSection, stw_corrective_section, STW, CORRECTIVE_SECTION, GtkWidget)

/* Signals:
 *   "changed" (): the person changed a field (not emitted while a record
 *     is being loaded with stw_corrective_section_set_corrective()).
 *
 * Properties:
 *   "workspace" (StwWorkspace): where the people come from.
 *   "nonconformity" (gboolean, read-only): the classification chosen is a
 *     major or minor nonconformity.
 *   "ready-to-close" (gboolean, read-only): what the form holds satisfies
 *     the closure rule (always TRUE for observations and opportunities;
 *     for a nonconformity a root cause and a check marked effective).
 */

GtkWidget     *stw_corrective_section_new            (void);
StwWorkspace  *stw_corrective_section_get_workspace  (StwCorrectiveSection *self);
void           stw_corrective_section_set_workspace  (StwCorrectiveSection *self,
                                                      StwWorkspace         *workspace);
/* Fills the form from a copy of @corrective (NULL: a new record with the
 * core's defaults). */
void           stw_corrective_section_set_corrective (StwCorrectiveSection *self,
                                                      const StwCorrective  *corrective);
/* The record as the form holds it, or NULL with STW_WORKSPACE_ERROR_INVALID
 * when a date is not a date. Fields the form does not show are kept from
 * the record loaded. */
StwCorrective *stw_corrective_section_dup_corrective (StwCorrectiveSection *self,
                                                      GError              **error);
gboolean       stw_corrective_section_get_nonconformity  (StwCorrectiveSection *self);
gboolean       stw_corrective_section_get_ready_to_close (StwCorrectiveSection *self);

G_END_DECLS
