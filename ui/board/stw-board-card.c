/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-board-card.c: one item as a card on the board: reference, title,
 * owner and due date. An overdue card, or one due within the week, says so
 * in words as well as in colour, and the whole card reads as one sentence
 * to a screen reader.
 *
 * A badge counts the files attached as evidence (expired ones marked), and
 * files dropped from the file manager onto the card are attached to its
 * item; StwItemWidget, which the list's rows share, does both.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "stw-board-card.h"

struct _StwBoardCard
{
  StwItemWidget  parent_instance;

  GtkLabel      *ref_label;
  GtkLabel      *badge_label;
  GtkLabel      *title_label;
  AdwAvatar     *owner_avatar;
  GtkLabel      *owner_label;
  GtkWidget     *due_box;
  GtkLabel      *due_label;
};

G_DEFINE_FINAL_TYPE (StwBoardCard, stw_board_card, STW_TYPE_ITEM_WIDGET)

/* Helpers */

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* Overrides */

static void
stw_board_card_item_set (StwItemWidget *widget,
                         StwItem       *item,
                         StwDueState    due_state)
{
  StwBoardCard *self = STW_BOARD_CARD (widget);
  const char *owner = item != NULL ? stw_item_get_owner_name (item) : NULL;
  const char *due = item != NULL ? stw_item_get_due_date (item) : NULL;

  gtk_label_set_label (self->ref_label, item != NULL ? stw_item_get_ref (item) : "");
  gtk_label_set_label (self->title_label, item != NULL ? stw_item_get_title (item) : "");

  gtk_label_set_label (self->owner_label, owner != NULL ? owner : _("No owner"));
  set_class (GTK_WIDGET (self->owner_label), "dim-label", owner == NULL);
  adw_avatar_set_text (self->owner_avatar, owner);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_avatar), owner != NULL);

  gtk_label_set_label (self->due_label, due != NULL ? due : "");
  gtk_widget_set_visible (self->due_box, due != NULL);
  set_class (self->due_box, "dim-label", due_state == STW_DUE_NONE || due_state == STW_DUE_LATER);

  switch (due_state)
    {
    case STW_DUE_OVERDUE:
      gtk_label_set_label (self->badge_label, _("Overdue"));
      break;
    case STW_DUE_THIS_WEEK:
      gtk_label_set_label (self->badge_label, _("This week"));
      break;
    case STW_DUE_NONE:
    case STW_DUE_LATER:
    default:
      gtk_label_set_label (self->badge_label, "");
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label),
                          due_state == STW_DUE_OVERDUE || due_state == STW_DUE_THIS_WEEK);
  set_class (GTK_WIDGET (self), "card-overdue", due_state == STW_DUE_OVERDUE);
  set_class (GTK_WIDGET (self), "card-due-soon", due_state == STW_DUE_THIS_WEEK);
}

static void
stw_board_card_class_init (StwBoardCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StwItemWidgetClass *item_class = STW_ITEM_WIDGET_CLASS (klass);

  item_class->item_set = stw_board_card_item_set;
  item_class->name_parts = STW_ITEM_NAME_OWNER | STW_ITEM_NAME_DUE_SOON;

  stw_item_widget_class_set_template (item_class, "/io/github/isms_steward/Steward/stw-board-card.ui");
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, ref_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, badge_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, owner_avatar);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, owner_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, due_box);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, due_label);
  gtk_widget_class_set_css_name (widget_class, "boardcard");
}

static void
stw_board_card_init (StwBoardCard *self)
{
  GtkLayoutManager *layout;

  g_type_ensure (ADW_TYPE_AVATAR);
  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

/* Public API */

GtkWidget *
stw_board_card_new (void)
{
  return g_object_new (STW_TYPE_BOARD_CARD, NULL);
}

StwItem *
stw_board_card_get_item (StwBoardCard *self)
{
  return stw_item_widget_get_item (STW_ITEM_WIDGET (self));
}

gint64
stw_board_card_get_item_id (StwBoardCard *self)
{
  return stw_item_widget_get_item_id (STW_ITEM_WIDGET (self));
}

void
stw_board_card_set_item (StwBoardCard *self,
                         StwItem      *item,
                         const char   *today)
{
  stw_item_widget_set_item (STW_ITEM_WIDGET (self), item, today);
}

char *
stw_board_card_dup_accessible_name (StwBoardCard *self)
{
  return stw_item_widget_dup_accessible_name (STW_ITEM_WIDGET (self));
}
