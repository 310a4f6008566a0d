/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-roll-forward-window.h: the annual review that rolls the operational
 * plan forward to the next ISMS year. Every repeating task of the year is
 * listed with its owner and next year's due dates; the person leaves tasks
 * out, gives them to someone else or moves dates, and confirming creates
 * the next year from that reviewed list in one transaction and records
 * who reviewed it and when.
 *
 * Wiring it into the main window: a "Roll forward to next year…" entry in
 * the operational plan's menu (for example a "win.roll-forward" action)
 * that does
 *
 *     GtkWidget *w = stw_roll_forward_window_new (GTK_WINDOW (window),
 *                                                 workspace, NULL);
 *     g_signal_connect (w, "done", G_CALLBACK (rolled_forward_cb), window);
 *     gtk_window_present (GTK_WINDOW (w));
 *
 * and in rolled_forward_cb shows a toast ("Next year’s plan has N items").
 * The items appear in the views through the workspace's "item-changed"
 * signal; nothing else needs refreshing. A roll-forward is not undoable
 * (it is a recorded review), so it does not go on the undo stack.
 *
 * Errors from the core are shown inside the window. When the year was
 * already rolled forward, the window says by whom and when instead of
 * listing the tasks, and offers only Close.
 */
#pragma once

#include <adwaita.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_ROLL_FORWARD_WINDOW (stw_roll_forward_window_get_type ())
G_DECLARE_FINAL_TYPE (StwRollForwardWindow, stw_roll_forward_window, STW, ROLL_FORWARD_WINDOW, AdwWindow)

/* Signals:
 *   "done" (guint n_created): the plan was rolled forward and @n_created
 *     items were created. The window closes itself afterwards.
 *
 * Actions: "roll-forward.confirm" (Ctrl+Enter; the "Roll forward" button),
 * "window.close" (Escape; "Cancel", or "Close" when there is nothing to
 * do).
 *
 * Accessible names, for tests driving it through AT-SPI: the buttons
 * "Roll forward" and "Cancel" (or "Close"); one row per task named
 * "<ref> <title>" (the latest occurrence, such as "OP-2027-014 Backup
 * restore test"); inside it the switch "Include <ref> <title>", the combo
 * "Owner of <ref>" and the entry "Due dates of <ref>" (dates in the
 * locale's format or year-month-day, separated by commas). */

/* A modal window over @parent reviewing the ISMS year that starts on
 * @cycle_start ("YYYY-MM-DD"), or the current year when NULL. */
GtkWidget    *stw_roll_forward_window_new           (GtkWindow            *parent,
                                                     StwWorkspace         *workspace,
                                                     const char           *cycle_start);
StwWorkspace *stw_roll_forward_window_get_workspace (StwRollForwardWindow *self);
/* How many items confirming would create now (0 while a date is wrong). */
guint         stw_roll_forward_window_get_n_to_create (StwRollForwardWindow *self);
/* TRUE when confirming is possible: the year was not rolled forward yet,
 * it has repeating tasks, and every included task has valid dates and an
 * active owner (or none). */
gboolean      stw_roll_forward_window_get_can_confirm (StwRollForwardWindow *self);

G_END_DECLS
