/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-row.c: one item in the item list: reference, title, owner,
 * status and due date. An overdue item says "Overdue" in words as well as
 * in colour. Rows are recycled by the list view, so everything is set in
 * stw_item_row_set_item(). A badge counts the item's evidence, and files
 * dropped on the row are attached to its item; StwItemWidget, which the
 * board's cards share, does both and keeps the spoken name.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-item-row.h"

struct _StwItemRow
{
  StwItemWidget  parent_instance;

  GtkLabel      *ref_label;
  GtkLabel      *title_label;
  GtkLabel      *owner_label;
  GtkLabel      *status_label;
  GtkLabel      *due_label;
  GtkLabel      *overdue_label;
};

G_DEFINE_FINAL_TYPE (StwItemRow, stw_item_row, STW_TYPE_ITEM_WIDGET)

/* Helpers */

static void
set_status_class (StwItemRow *self,
                  StwStatus   status)
{
  for (guint i = 0; i < STW_N_STATUSES; i++)
    {
      g_autofree char *name = g_strdup_printf ("status-%s", stw_status_to_key (i));

      if (i == status)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_label), name);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), name);
    }
}

/* Overrides */

static void
stw_item_row_item_set (StwItemWidget *widget,
                       StwItem       *item,
                       StwDueState    due_state)
{
  StwItemRow *self = STW_ITEM_ROW (widget);
  gboolean overdue = due_state == STW_DUE_OVERDUE;
  const char *owner;
  const char *due;

  if (item == NULL)
    {
      gtk_label_set_label (self->ref_label, "");
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->owner_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_label_set_label (self->due_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue-row");
      return;
    }

  owner = stw_item_get_owner_name (item);
  due = stw_item_get_due_date (item);

  gtk_label_set_label (self->ref_label, stw_item_get_ref (item));
  gtk_label_set_label (self->title_label, stw_item_get_title (item));
  gtk_label_set_label (self->owner_label, owner != NULL ? owner : _("No owner"));
  gtk_label_set_label (self->status_label, stw_status_label (stw_item_get_status (item)));
  set_status_class (self, stw_item_get_status (item));
  gtk_label_set_label (self->due_label, due != NULL ? due : _("No due date"));
  if (due == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue-row");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue-row");
}

static void
stw_item_row_class_init (StwItemRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StwItemWidgetClass *item_class = STW_ITEM_WIDGET_CLASS (klass);

  item_class->item_set = stw_item_row_item_set;
  /* The owner is not in a row's name: rows are told apart by reference,
   * title, status and due date. */
  item_class->name_parts = 0;

  stw_item_widget_class_set_template (item_class, "/io/github/isms_steward/Steward/stw-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, ref_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, owner_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, overdue_label);
  gtk_widget_class_set_css_name (widget_class, "itemrow");
}

static void
stw_item_row_init (StwItemRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
}

/* Public API */

GtkWidget *
stw_item_row_new (void)
{
  return g_object_new (STW_TYPE_ITEM_ROW, NULL);
}

StwItem *
stw_item_row_get_item (StwItemRow *self)
{
  return stw_item_widget_get_item (STW_ITEM_WIDGET (self));
}

void
stw_item_row_set_item (StwItemRow *self,
                       StwItem    *item,
                       const char *today)
{
  stw_item_widget_set_item (STW_ITEM_WIDGET (self), item, today);
}
