/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window-private.c: what the UI tests read inside the window (see
 * stw-window-private.h), mostly by asking its pages; kept apart from the
 * router in stw-window.c.
 */
#include "config.h"

#include "stw-window-private.h"

GtkListBox *
_stw_window_get_workstreams_list (StwWindow *self)
{
  return self->workstreams_list;
}

StwListView *
_stw_window_get_list_view (StwWindow *self)
{
  return stw_workstream_page_get_list_view (self->workstream_page);
}

StwBoardView *
_stw_window_get_board_view (StwWindow *self)
{
  return stw_workstream_page_get_board_view (self->workstream_page);
}

StwCalendarView *
_stw_window_get_calendar_view (StwWindow *self)
{
  return stw_workstream_page_get_calendar_view (self->workstream_page);
}

StwItemEditor *
_stw_window_get_editor (StwWindow *self)
{
  return stw_workstream_page_get_editor (self->workstream_page);
}

StwUndoStack *
_stw_window_get_undo (StwWindow *self)
{
  return self->undo;
}

gboolean
_stw_window_get_editor_revealed (StwWindow *self)
{
  return stw_workstream_page_get_editor_revealed (self->workstream_page);
}

const char *
_stw_window_get_visible_page (StwWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    return "welcome";
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return "search";
  if (self->page == STW_PAGE (self->risk_page))
    return "risks";
  if (self->page == STW_PAGE (self->records_page))
    return "records";

  return stw_workstream_page_get_visible_view (self->workstream_page);
}

GtkSearchEntry *
_stw_window_get_search_entry (StwWindow *self)
{
  return self->search_entry;
}

GListModel *
_stw_window_get_search_results (StwWindow *self)
{
  return stw_search_page_get_results (self->search_page);
}

const char *
_stw_window_get_toast_title (StwWindow *self)
{
  return stw_toaster_get_title (self->toaster);
}

StwRiskPage *
_stw_window_get_risk_page (StwWindow *self)
{
  return self->risk_page;
}

StwRiskRegisterRow *
_stw_window_get_risk_register_row (StwWindow *self)
{
  return self->risk_register_row;
}

StwEvidenceQueue *
_stw_window_get_evidence_queue (StwWindow *self)
{
  return stw_workstream_page_get_evidence_queue (self->workstream_page);
}
