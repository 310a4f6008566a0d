/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-util.h: what the C UI tests share: a private home for workspaces,
 * new workspaces, the main loop run until something has happened, and
 * finding widgets and windows the way a person would see them. The names
 * are short on purpose: they are the tests' own vocabulary, and each test
 * reads as a list of such steps.
 */
#pragma once

#include <adwaita.h>

#include "stw-window.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

typedef gboolean (*TestCheck) (gpointer data);

/* The main loop */

/* Runs the main loop until nothing is pending. */
void          iterate             (void);
/* Runs the main loop for @msec milliseconds, so that frames are drawn and
 * animations move on. */
void          run_for             (guint        msec);
/* Runs the main loop until @check says yes, for at most ten seconds;
 * FALSE when it never did. */
gboolean      wait_until          (TestCheck    check,
                                   gpointer     data);
/* A TestCheck: the widget @data is mapped and has a width. */
gboolean      is_allocated        (gpointer     data);

/* Files and workspaces */

/* A new private folder, made the XDG data home (before GLib caches the
 * real one), with settings kept in memory. Remove it with remove_tree(). */
char         *make_test_home      (const char  *name);
/* Removes @path and everything below it, read-only files included. */
void          remove_tree         (const char  *path);
/* A new, empty workspace in @dir, in a file named after @prefix and a
 * counter. */
StwWorkspace *create_workspace    (const char  *dir,
                                   const char  *prefix,
                                   const char  *organisation,
                                   const char  *actor);
/* Inserts @item into @workspace, failing the test if it is refused;
 * returns its new id. */
gint64        insert_item         (StwWorkspace      *workspace,
                                   StwItem           *item);
/* The id of @workspace's workstream of @kind; fails the test when none. */
gint64        find_workstream_id  (StwWorkspace      *workspace,
                                   StwWorkstreamKind  kind);

/* The main window */

/* A window showing a fresh sample workspace, laid out: @data_home is
 * emptied first. @path_out (may be NULL) receives the workspace's path. */
StwWindow    *open_sample_window  (const char  *data_home,
                                   char       **path_out);
/* Lets toasts finish (a second of run_for()), destroys @window and runs
 * what that leaves pending. libadwaita 1.2 reads freed memory when a toast
 * overlay is destroyed while a toast is still hiding. */
void          close_window        (StwWindow   *window);

/* Finding widgets */

/* Depth-first search for a visible widget of @type whose "title" is
 * @title, or whose label (labels, buttons) is @title; any title when
 * @title is NULL. */
GtkWidget    *find_widget         (GtkWidget   *root,
                                   GType        type,
                                   const char  *title);
/* The first widget of @type below @root, shown or not. */
GtkWidget    *find_descendant     (GtkWidget   *root,
                                   GType        type);
/* Adds @root and every widget below it of @type to @out, depth first. */
void          collect_type        (GtkWidget   *root,
                                   GType        type,
                                   GPtrArray   *out);
/* The first toplevel window of @type, shown or not. */
GtkWindow    *find_toplevel       (GType        type);
/* The first toplevel window of @type that is shown. */
GtkWindow    *find_shown_toplevel (GType        type);

/* Signal recorders */

/* For signals that carry a message ("changed", "error"): connect with
 * @messages, a GPtrArray of strings, as the data. */
void          record_message_cb   (gpointer     emitter,
                                   const char  *message,
                                   GPtrArray   *messages);
/* For signals that carry an id ("item-activated" and the like): connect
 * with a gint64 to store it in as the data. */
void          record_id_cb        (gpointer     emitter,
                                   gint64       id,
                                   gint64      *out);

G_END_DECLS
