/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream-page.h: a workstream as a page of the main window
 * (StwPage): its items as a Board, a Calendar or a List (the choice
 * remembered per workstream), the item editor sliding in from the end,
 * and files dropped on cards and rows attached in the background with
 * their progress floating over the views.
 *
 * Every item change made here goes onto the window's one undo stack
 * (handed over with stw_page_set_workspace()), so the toast's Undo and
 * Ctrl+Z take back the newest change wherever it was made.
 */
#pragma once

#include <adwaita.h>

#include "stw-board-view.h"
#include "stw-calendar-view.h"
#include "stw-evidence-queue.h"
#include "stw-item-editor.h"
#include "stw-list-view.h"
#include "stw-page.h"
#include "stw-risk-register.h"

G_BEGIN_DECLS

#define STW_TYPE_WORKSTREAM_PAGE (stw_workstream_page_get_type ())
G_DECLARE_FINAL_TYPE (StwWorkstreamPage, stw_workstream_page, STW, WORKSTREAM_PAGE, GtkWidget)

GtkWidget        *stw_workstream_page_new                (void);
StwWorkstream    *stw_workstream_page_get_workstream     (StwWorkstreamPage *self);
/* Shows @workstream (NULL: none) in the view last chosen for it; the
 * editor closes without saving, so commit first (stw_page_commit()). */
void              stw_workstream_page_set_workstream     (StwWorkstreamPage *self,
                                                          StwWorkstream     *workstream);
/* Opens a new item of the workstream shown in the editor: one that
 * treats @risk (NULL: none), owned by the risk's owner, else by the
 * workstream's (unless they have left). */
void              stw_workstream_page_new_item           (StwWorkstreamPage *self,
                                                          StwRisk           *risk);
/* @cover (the window's search results) can be shown in place of the
 * views, beside the editor and under the progress of evidence drops, as
 * the views are. */
void              stw_workstream_page_set_cover          (StwWorkstreamPage *self,
                                                          GtkWidget         *cover);
void              stw_workstream_page_show_cover         (StwWorkstreamPage *self,
                                                          gboolean           shown);
/* "board", "calendar" or "list". */
const char       *stw_workstream_page_get_visible_view   (StwWorkstreamPage *self);
gboolean          stw_workstream_page_get_editor_revealed (StwWorkstreamPage *self);
StwItemEditor    *stw_workstream_page_get_editor         (StwWorkstreamPage *self);
StwBoardView     *stw_workstream_page_get_board_view     (StwWorkstreamPage *self);
StwCalendarView  *stw_workstream_page_get_calendar_view  (StwWorkstreamPage *self);
StwListView      *stw_workstream_page_get_list_view      (StwWorkstreamPage *self);
/* The queue of files dropped on cards and rows (win.attach-evidence). */
StwEvidenceQueue *stw_workstream_page_get_evidence_queue (StwWorkstreamPage *self);

G_END_DECLS
