/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-widget.h: the base of the widgets that show one item in a
 * workstream's views (the board's card, the list's row): the item shown,
 * how its due date reads, the evidence badge, file drops, and the one
 * sentence a screen reader says for it.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-evidence-badge.h"
#include "stw-item.h"

G_BEGIN_DECLS

/* How a due date reads on a card or row. */
typedef enum {
  STW_DUE_NONE,       /* no due date, or the item is closed */
  STW_DUE_LATER,
  STW_DUE_THIS_WEEK,  /* open, due from today to six days on */
  STW_DUE_OVERDUE,    /* open, due before today */
} StwDueState;

/* Pure: the state of @due ("YYYY-MM-DD" or NULL) for an item in @status
 * on @today. */
StwDueState stw_due_state_for (const char *due,
                               StwStatus   status,
                               const char *today);

/* What the spoken name says besides reference, title, status, due date,
 * "overdue" and the evidence badge. */
typedef enum {
  STW_ITEM_NAME_OWNER    = 1 << 0,  /* the owner, or "No owner" */
  STW_ITEM_NAME_DUE_SOON = 1 << 1,  /* "due this week" */
} StwItemNameParts;

#define STW_TYPE_ITEM_WIDGET (stw_item_widget_get_type ())
G_DECLARE_DERIVABLE_TYPE (StwItemWidget, stw_item_widget, STW, ITEM_WIDGET, GtkWidget)

struct _StwItemWidgetClass
{
  GtkWidgetClass parent_class;

  /* Shows @item (NULL: none) in the subclass's own children. */
  void (*item_set) (StwItemWidget *self,
                    StwItem       *item,
                    StwDueState    due_state);

  StwItemNameParts name_parts;

  gpointer padding[8];
};

/* For subclasses' class_init: their template, laid out as a box. It must
 * hold a StwEvidenceBadge with the id "evidence_badge", whose
 * "notify::text" calls "evidence_changed_cb": the badge counts the item's
 * evidence and its text becomes part of the spoken name. */
void        stw_item_widget_class_set_template (StwItemWidgetClass *klass,
                                                const char         *resource_path);

StwItem    *stw_item_widget_get_item           (StwItemWidget    *self);
/* The id of the item shown, 0 when none. */
gint64      stw_item_widget_get_item_id        (StwItemWidget    *self);
StwDueState stw_item_widget_get_due_state      (StwItemWidget    *self);
/* @today ("YYYY-MM-DD") decides whether the item shows as overdue or due
 * this week. Cards and rows are recycled by list views, so everything is
 * set here. */
void        stw_item_widget_set_item           (StwItemWidget    *self,
                                                StwItem          *item,
                                                const char       *today);
/* The name a screen reader says, such as "T-004 Backup restore test, To
 * do, Priya Shah, due 2027-03-05, overdue"; NULL when no item is shown. */
char       *stw_item_widget_dup_accessible_name (StwItemWidget   *self);

G_END_DECLS
