/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window-records.c: the window's part of Objectives and KPIs (issue
 * 10): its sidebar row under the risk register, its page in the stack,
 * and the objectives and KPIs that search finds. Kept out of
 * stw-window.c, which only routes.
 */
#include "config.h"

#include "stw-window-private.h"

/* Callbacks */

static void
records_changed_cb (StwWindow  *self,
                    const char *message,
                    gboolean    can_undo)
{
  _stw_window_show_toast (self, message, can_undo);
  _stw_window_update_actions (self);
}

static void
records_error_cb (StwWindow  *self,
                  const char *message)
{
  stw_toaster_show_error (self->toaster, message);
}

static void
records_header_changed_cb (StwWindow *self)
{
  if (self->page == STW_PAGE (self->records_page))
    _stw_window_update_header (self);
}

/* A pane opened: it is shown, in a narrow window too. */
static void
records_reveal_requested_cb (StwWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
records_actions_changed_cb (StwWindow *self)
{
  _stw_window_update_actions (self);
}

static void
search_record_activated_cb (StwWindow  *self,
                            const char *entity,
                            gint64      id)
{
  if (_stw_window_show_records (self))
    stw_page_show_record (STW_PAGE (self->records_page), entity, id);
}

/* Internal API */

void
_stw_window_records_init (StwWindow *self)
{
  self->records_row = STW_RECORDS_ROW (stw_records_row_new ());
  gtk_list_box_append (self->registers_list, GTK_WIDGET (self->records_row));

  self->records_page = STW_RECORDS_PAGE (stw_records_page_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->records_page), FALSE);
  gtk_stack_add_named (self->page_stack, GTK_WIDGET (self->records_page), "records");
  g_signal_connect_object (self->records_page, "changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records_page, "error", G_CALLBACK (records_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records_page, "header-changed",
                           G_CALLBACK (records_header_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records_page, "reveal-requested",
                           G_CALLBACK (records_reveal_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stw_page_get_actions (STW_PAGE (self->records_page)), "action-enabled-changed",
                           G_CALLBACK (records_actions_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_page, "record-activated",
                           G_CALLBACK (search_record_activated_cb), self, G_CONNECT_SWAPPED);
}

void
_stw_window_records_set_workspace (StwWindow    *self,
                                   StwWorkspace *workspace)
{
  stw_page_set_workspace (STW_PAGE (self->records_page), workspace, self->undo);
  stw_records_row_set_workspace (self->records_row, workspace);
}

gboolean
_stw_window_records_row_selected (StwWindow     *self,
                                  GtkListBoxRow *row)
{
  if (row != GTK_LIST_BOX_ROW (self->records_row))
    return FALSE;

  _stw_window_show_records (self);
  return TRUE;
}

gboolean
_stw_window_show_records (StwWindow *self)
{
  if (self->workspace == NULL)
    return FALSE;

  /* The page shown saves first, or the window stays with the edit. */
  if (self->page != STW_PAGE (self->records_page) && !stw_page_commit (self->page))
    {
      self->syncing++;
      gtk_list_box_unselect_all (self->registers_list);
      self->syncing--;
      return FALSE;
    }

  self->syncing++;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  stw_workstream_page_set_workstream (self->workstream_page, NULL);
  gtk_list_box_unselect_all (self->workstreams_list);
  gtk_list_box_select_row (self->registers_list, GTK_LIST_BOX_ROW (self->records_row));
  self->syncing--;

  _stw_window_show_page (self, STW_PAGE (self->records_page));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  return TRUE;
}

StwRecordsPage *
_stw_window_get_records_page (StwWindow *self)
{
  return self->records_page;
}

StwRecordsRow *
_stw_window_get_records_row (StwWindow *self)
{
  return self->records_row;
}
