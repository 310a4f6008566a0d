/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-page.h: what the main window needs from a page of its content (a
 * workstream's views, the risk register, and later the dashboard, audits,
 * reports…), so that it only routes: the sidebar picks a page, the header
 * shows the page's title and views, the window's shortcuts run the page's
 * actions, and search hands the page the record found.
 *
 * The page's actions are a GActionGroup with some of these names, which
 * the window's own "win.…" actions (bound to the shortcuts, the toast's
 * Undo and the header buttons) run on the page shown, and which are
 * enabled only while that makes sense on the page:
 *   "new-item"      Ctrl+N: a new record in the page's editor
 *   "save-item"     Ctrl+S: save what the page's editor holds
 *   "delete-item"   Delete the record open or selected
 *   "close-editor"  Escape: save and close the page's editor
 *   "undo"          Ctrl+Z: take back the page's newest change
 *   "show-view"     ("s") Ctrl+1…3: show one of the page's views
 *
 * Signals every page has:
 *   "changed" (const char *message, gboolean can_undo): something was
 *     written; the window shows @message in a toast, with Undo when
 *     @can_undo.
 *   "error" (const char *message): something was refused; the window
 *     shows it in a toast that stays.
 *   "header-changed": the title, subtitle, views or menu changed.
 *   "reveal-requested": the page needs to be seen (the narrow window
 *     leaves the sidebar, the search closes), e.g. its editor opened.
 */
#pragma once

#include <adwaita.h>

#include "stw-undo.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_PAGE (stw_page_get_type ())
G_DECLARE_INTERFACE (StwPage, stw_page, STW, PAGE, GtkWidget)

struct _StwPageInterface
{
  GTypeInterface parent_iface;

  /* Shows @workspace (NULL: none). @undo is the window's one undo stack
   * for items, which every page shares (NULL without a workspace). */
  void          (*set_workspace)  (StwPage      *self,
                                   StwWorkspace *workspace,
                                   StwUndoStack *undo);
  /* The header's title and subtitle. */
  const char   *(*get_title)      (StwPage      *self);
  const char   *(*get_subtitle)   (StwPage      *self);
  /* The views the header switches between (and adds items to with its
   * New item button); NULL for a page of one view. Optional. */
  AdwViewStack *(*get_view_stack) (StwPage      *self);
  /* The header's menu for the page, or NULL. Optional. */
  GMenuModel   *(*dup_menu)       (StwPage      *self);
  /* The page's actions (see above). */
  GActionGroup *(*get_actions)    (StwPage      *self);
  /* Saves a pending edit before the window shows something else. FALSE
   * when it was refused: the window stays (the page said why). */
  gboolean      (*commit)         (StwPage      *self);
  /* Search's hook: shows the record @entity ("item", "risk") @id, found
   * by search, open in the page's editor. FALSE when the page does not
   * hold such records or could not open it. */
  gboolean      (*show_record)    (StwPage      *self,
                                   const char   *entity,
                                   gint64        id);
};

void          stw_page_set_workspace   (StwPage      *self,
                                        StwWorkspace *workspace,
                                        StwUndoStack *undo);
const char   *stw_page_get_title       (StwPage      *self);
const char   *stw_page_get_subtitle    (StwPage      *self);
AdwViewStack *stw_page_get_view_stack  (StwPage      *self);
GMenuModel   *stw_page_dup_menu        (StwPage      *self);
GActionGroup *stw_page_get_actions     (StwPage      *self);
gboolean      stw_page_commit          (StwPage      *self);
gboolean      stw_page_show_record     (StwPage      *self,
                                        const char   *entity,
                                        gint64        id);

/* For the pages: emit the signals above. */
void          stw_page_emit_changed    (StwPage      *self,
                                        const char   *message,
                                        gboolean      can_undo);
/* @what (NULL: none) says what failed: "what: why". */
void          stw_page_emit_error      (StwPage      *self,
                                        const char   *what,
                                        const char   *message);
void          stw_page_emit_header_changed    (StwPage *self);
void          stw_page_emit_reveal_requested  (StwPage *self);

G_END_DECLS
