/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-board-card.c: one item as a card on the board: reference, title,
 * owner and due date. An overdue card, or one due within the week, says so
 * in words as well as in colour, and the whole card reads as one sentence
 * to a screen reader.
 *
 * A badge counts the files attached as evidence (expired ones marked), and
 * files dropped from the file manager onto the card are attached to its
 * item. The card finds its workspace through its ancestors (the window),
 * since the board's columns create cards without knowing it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "stw-board-card.h"
#include "stw-evidence-badge.h"
#include "stw-item-evidence.h"

struct _StwBoardCard
{
  GtkWidget    parent_instance;

  StwItem     *item;
  StwDueState  due_state;

  GtkLabel    *ref_label;
  GtkLabel    *badge_label;
  GtkLabel    *title_label;
  AdwAvatar   *owner_avatar;
  GtkLabel    *owner_label;
  StwEvidenceBadge *evidence_badge;
  GtkWidget   *due_box;
  GtkLabel    *due_label;
};

G_DEFINE_FINAL_TYPE (StwBoardCard, stw_board_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
update_accessible_label (StwBoardCard *self)
{
  g_autofree char *label = stw_board_card_dup_accessible_name (self);

  if (label == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

/* The badge counts the evidence of the item shown, in the workspace of the
 * window the card is in (none until the card is in one). */
static void
update_evidence (StwBoardCard *self)
{
  StwWorkspace *workspace = self->item != NULL ? stw_widget_find_workspace (GTK_WIDGET (self)) : NULL;

  if (workspace == NULL || stw_item_get_id (self->item) == 0)
    stw_evidence_badge_set_record (self->evidence_badge, NULL, NULL, 0);
  else
    stw_evidence_badge_set_record (self->evidence_badge, workspace, "item", stw_item_get_id (self->item));
}

static gint64
drop_item_id (GtkWidget *widget,
              gpointer   user_data)
{
  return stw_board_card_get_item_id (STW_BOARD_CARD (widget));
}

/* Callbacks */

static void
evidence_changed_cb (StwBoardCard *self)
{
  update_accessible_label (self);
}

/* Overrides */

static void
stw_board_card_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stw_board_card_parent_class)->root (widget);

  update_evidence (STW_BOARD_CARD (widget));
}

static void
stw_board_card_dispose (GObject *object)
{
  GtkWidget *child;
  StwBoardCard *self = STW_BOARD_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_BOARD_CARD);
  /* Children without an id in the template are not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (stw_board_card_parent_class)->dispose (object);
}

static void
stw_board_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StwBoardCard *self = STW_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_board_card_class_init (StwBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_board_card_dispose;
  object_class->get_property = stw_board_card_get_property;
  widget_class->root = stw_board_card_root;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         STW_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-board-card.ui");
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, ref_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, badge_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, owner_avatar);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, owner_label);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, evidence_badge);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, due_box);
  gtk_widget_class_bind_template_child (widget_class, StwBoardCard, due_label);
  gtk_widget_class_bind_template_callback (widget_class, evidence_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardcard");
  /* The list view's row is the list item; the card inside it is read as
   * one labelled group. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stw_board_card_init (StwBoardCard *self)
{
  GtkLayoutManager *layout;

  g_type_ensure (ADW_TYPE_AVATAR);
  g_type_ensure (STW_TYPE_EVIDENCE_BADGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  stw_item_evidence_add_drop (GTK_WIDGET (self), drop_item_id, NULL);

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

/* Public API */

StwDueState
stw_due_state_for (const char *due,
                   StwStatus   status,
                   const char *today)
{
  g_autofree char *week_end = NULL;

  if (due == NULL || today == NULL || !stw_status_is_open (status))
    return STW_DUE_NONE;
  if (strcmp (due, today) < 0)
    return STW_DUE_OVERDUE;
  week_end = stw_date_add_days (today, 6);
  if (week_end != NULL && strcmp (due, week_end) <= 0)
    return STW_DUE_THIS_WEEK;
  return STW_DUE_LATER;
}

GtkWidget *
stw_board_card_new (void)
{
  return g_object_new (STW_TYPE_BOARD_CARD, NULL);
}

StwItem *
stw_board_card_get_item (StwBoardCard *self)
{
  g_return_val_if_fail (STW_IS_BOARD_CARD (self), NULL);

  return self->item;
}

gint64
stw_board_card_get_item_id (StwBoardCard *self)
{
  g_return_val_if_fail (STW_IS_BOARD_CARD (self), 0);

  return self->item != NULL ? stw_item_get_id (self->item) : 0;
}

void
stw_board_card_set_item (StwBoardCard *self,
                         StwItem      *item,
                         const char   *today)
{
  const char *owner = NULL;
  const char *due = NULL;

  g_return_if_fail (STW_IS_BOARD_CARD (self));
  g_return_if_fail (item == NULL || STW_IS_ITEM (item));

  /* No early return on the same pointer: the model may hand back an
   * object whose fields changed since the last bind. */
  g_set_object (&self->item, item);

  if (item != NULL)
    {
      owner = stw_item_get_owner_name (item);
      due = stw_item_get_due_date (item);
      self->due_state = stw_due_state_for (due, stw_item_get_status (item), today);
    }
  else
    self->due_state = STW_DUE_NONE;

  gtk_label_set_label (self->ref_label, item != NULL ? stw_item_get_ref (item) : "");
  gtk_label_set_label (self->title_label, item != NULL ? stw_item_get_title (item) : "");

  gtk_label_set_label (self->owner_label, owner != NULL ? owner : _("No owner"));
  set_class (GTK_WIDGET (self->owner_label), "dim-label", owner == NULL);
  adw_avatar_set_text (self->owner_avatar, owner);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_avatar), owner != NULL);

  gtk_label_set_label (self->due_label, due != NULL ? due : "");
  gtk_widget_set_visible (self->due_box, due != NULL);
  set_class (self->due_box, "dim-label", self->due_state == STW_DUE_NONE || self->due_state == STW_DUE_LATER);

  switch (self->due_state)
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
                          self->due_state == STW_DUE_OVERDUE || self->due_state == STW_DUE_THIS_WEEK);
  set_class (GTK_WIDGET (self), "card-overdue", self->due_state == STW_DUE_OVERDUE);
  set_class (GTK_WIDGET (self), "card-due-soon", self->due_state == STW_DUE_THIS_WEEK);

  update_evidence (self);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

char *
stw_board_card_dup_accessible_name (StwBoardCard *self)
{
  GString *name;
  const char *ref, *title, *owner, *due;

  g_return_val_if_fail (STW_IS_BOARD_CARD (self), NULL);

  if (self->item == NULL)
    return NULL;

  ref = stw_item_get_ref (self->item);
  title = stw_item_get_title (self->item);
  owner = stw_item_get_owner_name (self->item);
  due = stw_item_get_due_date (self->item);

  name = g_string_new (NULL);
  g_string_append_printf (name, "%s %s", ref != NULL ? ref : "", title != NULL ? title : "");
  g_string_append (name, ", ");
  g_string_append (name, stw_status_label (stw_item_get_status (self->item)));
  g_string_append (name, ", ");
  g_string_append (name, owner != NULL ? owner : _("No owner"));
  if (due != NULL)
    {
      g_string_append (name, ", ");
      /* Translators: part of a card's spoken name; %s is a date. */
      g_string_append_printf (name, _("due %s"), due);
    }
  if (self->due_state == STW_DUE_OVERDUE)
    {
      g_string_append (name, ", ");
      /* Translators: part of a card's spoken name. */
      g_string_append (name, _("overdue"));
    }
  else if (self->due_state == STW_DUE_THIS_WEEK)
    {
      g_string_append (name, ", ");
      /* Translators: part of a card's spoken name. */
      g_string_append (name, _("due this week"));
    }
  /* "2 files, 1 expired" */
  if (stw_evidence_badge_get_text (self->evidence_badge) != NULL)
    {
      g_string_append (name, ", ");
      g_string_append (name, stw_evidence_badge_get_text (self->evidence_badge));
    }

  return g_string_free (name, FALSE);
}
