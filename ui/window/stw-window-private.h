/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window-private.h: the window's insides, shared by stw-window.c (the
 * router: sidebar, header, pages, search, workspace) and
 * stw-window-actions.c (its actions), and what the UI tests reach inside
 * the window.
 */
#pragma once

#include "stw-board-view.h"
#include "stw-calendar-view.h"
#include "stw-evidence-queue.h"
#include "stw-item-editor.h"
#include "stw-list-view.h"
#include "stw-page.h"
#include "stw-records-page.h"
#include "stw-records-row.h"
#include "stw-risk-page.h"
#include "stw-risk-register-row.h"
#include "stw-search-page.h"
#include "stw-toaster.h"
#include "stw-undo.h"
#include "stw-window.h"
#include "stw-workspace-watch.h"
#include "stw-workstream-page.h"

G_BEGIN_DECLS

struct _StwWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  StwWorkspace         *workspace;
  StwUndoStack         *undo;            /* items' undo, shared by the pages */
  StwPage              *page;            /* shown: the workstream page or the register */
  StwToaster           *toaster;
  guint                 syncing;         /* > 0 while the window moves selections itself */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwPreferencesGroup  *welcome_workspaces_group;
  GtkListBox           *welcome_workspaces_list;
  AdwLeaflet           *leaflet;
  GtkMenuButton        *workspace_button;
  GtkLabel             *workspace_label;
  GtkPopover           *workspace_popover;
  GtkListBox           *workspaces_list;
  GtkButton            *actor_button;
  GtkLabel             *actor_label;
  GtkListBox           *workstreams_list;
  GtkListBox           *registers_list;
  StwRiskRegisterRow   *risk_register_row;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *workstream_menu_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *page_stack;
  StwWorkstreamPage    *workstream_page;
  StwRiskPage          *risk_page;
  StwRecordsPage       *records_page;    /* stw-window-records.c */
  StwRecordsRow        *records_row;
  StwSearchPage        *search_page;
  GtkWidget            *new_item_button;
  GtkWidget            *switcher_bar;
};

/* stw-window.c, for the actions */
void           _stw_window_show_toast             (StwWindow         *self,
                                                   const char        *text,
                                                   gboolean           with_undo);
void           _stw_window_show_error             (StwWindow         *self,
                                                   const char        *what,
                                                   const GError      *error);
void           _stw_window_update_header          (StwWindow         *self);
/* Shows @page in the content (under the search, while it is open). */
void           _stw_window_show_page              (StwWindow         *self,
                                                   StwPage           *page);
void           _stw_window_update_actor           (StwWindow         *self);
StwWorkstream *_stw_window_find_workstream_of_kind (StwWindow        *self,
                                                   StwWorkstreamKind  kind);
/* Shows the workstream @workstream_id, as a click on its sidebar row
 * does; its row follows its settings. */
void           _stw_window_show_workstream        (StwWindow         *self,
                                                   gint64             workstream_id);
void           _stw_window_update_workstream_row  (StwWindow         *self,
                                                   gint64             workstream_id);
/* Shows @workspace, new, and remembers it for next time. */
void           _stw_window_open_new_workspace     (StwWindow         *self,
                                                   StwWorkspace      *workspace);

/* stw-window-actions.c */
void           _stw_window_class_actions_init     (StwWindowClass    *klass);
/* Enables the actions that make sense now (the page shown decides its
 * own). */
void           _stw_window_update_actions         (StwWindow         *self);

/* stw-window-records.c: Objectives and KPIs */
void           _stw_window_records_init           (StwWindow         *self);
void           _stw_window_records_set_workspace  (StwWindow         *self,
                                                   StwWorkspace      *workspace);
/* TRUE when @row is the page's sidebar row, which it then shows. */
gboolean       _stw_window_records_row_selected   (StwWindow         *self,
                                                   GtkListBoxRow     *row);
/* Shows the page, after saving what the page shown held. */
gboolean       _stw_window_show_records           (StwWindow         *self);

/* For the UI tests */
GtkListBox      *_stw_window_get_workstreams_list (StwWindow *self);
StwListView     *_stw_window_get_list_view        (StwWindow *self);
StwBoardView    *_stw_window_get_board_view       (StwWindow *self);
StwCalendarView *_stw_window_get_calendar_view    (StwWindow *self);
StwItemEditor   *_stw_window_get_editor           (StwWindow *self);
/* The window's one undo stack (NULL without a workspace). */
StwUndoStack    *_stw_window_get_undo             (StwWindow *self);
gboolean         _stw_window_get_editor_revealed  (StwWindow *self);
/* "welcome", "search", "risks", "records", or the view shown: "board", "calendar",
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
/* Objectives and KPIs ("records" is the visible page) and its row. */
StwRecordsPage     *_stw_window_get_records_page       (StwWindow *self);
StwRecordsRow      *_stw_window_get_records_row        (StwWindow *self);

G_END_DECLS
