/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window-private.h: what the UI tests reach inside the window.
 */
#pragma once

#include "stw-board-view.h"
#include "stw-calendar-view.h"
#include "stw-evidence-queue.h"
#include "stw-item-editor.h"
#include "stw-list-view.h"
#include "stw-risk-page.h"
#include "stw-risk-register-row.h"
#include "stw-undo.h"
#include "stw-window.h"

G_BEGIN_DECLS

GtkListBox      *_stw_window_get_workstreams_list (StwWindow *self);
StwListView     *_stw_window_get_list_view        (StwWindow *self);
StwBoardView    *_stw_window_get_board_view       (StwWindow *self);
StwCalendarView *_stw_window_get_calendar_view    (StwWindow *self);
StwItemEditor   *_stw_window_get_editor           (StwWindow *self);
/* The window's one undo stack (NULL without a workspace). */
StwUndoStack    *_stw_window_get_undo             (StwWindow *self);
gboolean         _stw_window_get_editor_revealed  (StwWindow *self);
/* "welcome", "search", "risks", or the view shown: "board", "calendar",
 * "list". */
const char      *_stw_window_get_visible_page     (StwWindow *self);
GtkSearchEntry  *_stw_window_get_search_entry     (StwWindow *self);
/* The items found by the current search, or NULL. */
GListModel      *_stw_window_get_search_results   (StwWindow *self);
/* Title of the newest toast, or NULL. */
const char      *_stw_window_get_toast_title      (StwWindow *self);
/* The risk register page ("risks" is the visible page while it is shown),
 * its sidebar row, and the queue of files dropped on cards and rows. */
StwRiskPage        *_stw_window_get_risk_page          (StwWindow *self);
StwRiskRegisterRow *_stw_window_get_risk_register_row  (StwWindow *self);
StwEvidenceQueue   *_stw_window_get_evidence_queue     (StwWindow *self);

G_END_DECLS
