/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-page.c: the page interface of the main window (see stw-page.h).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-page.h"

G_DEFINE_INTERFACE (StwPage, stw_page, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  ERROR,
  HEADER_CHANGED,
  REVEAL_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stw_page_default_init (StwPageInterface *iface)
{
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[HEADER_CHANGED] =
    g_signal_new ("header-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REVEAL_REQUESTED] =
    g_signal_new ("reveal-requested", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
stw_page_set_workspace (StwPage      *self,
                        StwWorkspace *workspace,
                        StwUndoStack *undo)
{
  g_return_if_fail (STW_IS_PAGE (self));

  STW_PAGE_GET_IFACE (self)->set_workspace (self, workspace, undo);
}

const char *
stw_page_get_title (StwPage *self)
{
  g_return_val_if_fail (STW_IS_PAGE (self), NULL);

  return STW_PAGE_GET_IFACE (self)->get_title (self);
}

const char *
stw_page_get_subtitle (StwPage *self)
{
  g_return_val_if_fail (STW_IS_PAGE (self), NULL);

  return STW_PAGE_GET_IFACE (self)->get_subtitle (self);
}

AdwViewStack *
stw_page_get_view_stack (StwPage *self)
{
  StwPageInterface *iface;

  g_return_val_if_fail (STW_IS_PAGE (self), NULL);

  iface = STW_PAGE_GET_IFACE (self);

  return iface->get_view_stack != NULL ? iface->get_view_stack (self) : NULL;
}

GMenuModel *
stw_page_dup_menu (StwPage *self)
{
  StwPageInterface *iface;

  g_return_val_if_fail (STW_IS_PAGE (self), NULL);

  iface = STW_PAGE_GET_IFACE (self);

  return iface->dup_menu != NULL ? iface->dup_menu (self) : NULL;
}

GActionGroup *
stw_page_get_actions (StwPage *self)
{
  g_return_val_if_fail (STW_IS_PAGE (self), NULL);

  return STW_PAGE_GET_IFACE (self)->get_actions (self);
}

gboolean
stw_page_commit (StwPage *self)
{
  g_return_val_if_fail (STW_IS_PAGE (self), FALSE);

  return STW_PAGE_GET_IFACE (self)->commit (self);
}

gboolean
stw_page_show_record (StwPage    *self,
                      const char *entity,
                      gint64      id)
{
  g_return_val_if_fail (STW_IS_PAGE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  return STW_PAGE_GET_IFACE (self)->show_record (self, entity, id);
}

void
stw_page_emit_changed (StwPage    *self,
                       const char *message,
                       gboolean    can_undo)
{
  g_return_if_fail (STW_IS_PAGE (self));

  g_signal_emit (self, signals[CHANGED], 0, message, can_undo);
}

void
stw_page_emit_error (StwPage    *self,
                     const char *what,
                     const char *message)
{
  g_autofree char *text = NULL;

  g_return_if_fail (STW_IS_PAGE (self));

  if (what != NULL)
    /* Translators: "what failed: why", e.g. "Could not save the item: disk full". */
    text = g_strdup_printf (_("%s: %s"), what, message);
  g_signal_emit (self, signals[ERROR], 0, text != NULL ? text : message);
}

void
stw_page_emit_header_changed (StwPage *self)
{
  g_return_if_fail (STW_IS_PAGE (self));

  g_signal_emit (self, signals[HEADER_CHANGED], 0);
}

void
stw_page_emit_reveal_requested (StwPage *self)
{
  g_return_if_fail (STW_IS_PAGE (self));

  g_signal_emit (self, signals[REVEAL_REQUESTED], 0);
}
