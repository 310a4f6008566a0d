/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-widget.c: what a board card and a list row have in common. The
 * subclass lays out its own labels from a template and fills them in
 * item_set(); this base keeps the item, works out how its due date reads,
 * points the evidence badge at the item in the workspace of the window the
 * widget is in (found through its ancestors, since list views create cards
 * and rows without knowing it), takes files dropped on it as evidence, and
 * keeps the spoken name in step with all of that.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stw-a11y.h"
#include "stw-item-evidence.h"
#include "stw-item-widget.h"

typedef struct
{
  StwItem          *item;
  StwDueState       due_state;
  StwEvidenceBadge *evidence_badge;
} StwItemWidgetPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (StwItemWidget, stw_item_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* The card or row is read by its own name, and so is the list item (or
 * flow box child) a list wraps it in: that is what a screen reader lands
 * on, and unnamed GTK 4.8 reads its class name. */
static void
update_accessible_label (StwItemWidget *self)
{
  g_autofree char *label = stw_item_widget_dup_accessible_name (self);

  if (label == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  stw_a11y_label_wrapper (GTK_WIDGET (self), label);
}

/* The badge counts the evidence of the item shown, in the workspace of the
 * window the widget is in (none until it is in one). */
static void
update_evidence (StwItemWidget *self)
{
  StwItemWidgetPrivate *priv = stw_item_widget_get_instance_private (self);
  StwWorkspace *workspace;

  if (priv->evidence_badge == NULL)
    return;

  workspace = priv->item != NULL ? stw_widget_find_workspace (GTK_WIDGET (self)) : NULL;
  if (workspace == NULL || stw_item_get_id (priv->item) == 0)
    stw_evidence_badge_set_record (priv->evidence_badge, NULL, NULL, 0);
  else
    stw_evidence_badge_set_record (priv->evidence_badge, workspace, "item", stw_item_get_id (priv->item));
}

static gint64
drop_item_id (GtkWidget *widget,
              gpointer   user_data)
{
  return stw_item_widget_get_item_id (STW_ITEM_WIDGET (widget));
}

/* Callbacks */

/* "2 files, 1 expired" is part of the name. */
static void
evidence_changed_cb (StwItemWidget *self)
{
  update_accessible_label (self);
}

/* Overrides */

static void
stw_item_widget_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stw_item_widget_parent_class)->root (widget);

  update_evidence (STW_ITEM_WIDGET (widget));
}

static void
stw_item_widget_dispose (GObject *object)
{
  StwItemWidget *self = STW_ITEM_WIDGET (object);
  StwItemWidgetPrivate *priv = stw_item_widget_get_instance_private (self);
  GtkWidget *child;

  /* The template is the subclass's own. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  /* Children without an id in the template are not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->item);

  G_OBJECT_CLASS (stw_item_widget_parent_class)->dispose (object);
}

static void
stw_item_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StwItemWidget *self = STW_ITEM_WIDGET (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, stw_item_widget_get_item (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_item_widget_class_init (StwItemWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_item_widget_dispose;
  object_class->get_property = stw_item_widget_get_property;
  widget_class->root = stw_item_widget_root;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         STW_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list view's row is the list item; the widget inside it is read as
   * one labelled group. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stw_item_widget_init (StwItemWidget *self)
{
  g_type_ensure (STW_TYPE_EVIDENCE_BADGE);
  stw_item_evidence_add_drop (GTK_WIDGET (self), drop_item_id, NULL);
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

void
stw_item_widget_class_set_template (StwItemWidgetClass *klass,
                                    const char         *resource_path)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_return_if_fail (STW_IS_ITEM_WIDGET_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class, resource_path);
  /* The badge is the subclass's child but this base's to keep up to date. */
  gtk_widget_class_bind_template_child_full (widget_class, "evidence_badge", FALSE,
                                             G_PRIVATE_OFFSET (StwItemWidget, evidence_badge));
  gtk_widget_class_bind_template_callback_full (widget_class, "evidence_changed_cb",
                                                G_CALLBACK (evidence_changed_cb));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

StwItem *
stw_item_widget_get_item (StwItemWidget *self)
{
  StwItemWidgetPrivate *priv = stw_item_widget_get_instance_private (self);

  g_return_val_if_fail (STW_IS_ITEM_WIDGET (self), NULL);

  return priv->item;
}

gint64
stw_item_widget_get_item_id (StwItemWidget *self)
{
  StwItemWidgetPrivate *priv = stw_item_widget_get_instance_private (self);

  g_return_val_if_fail (STW_IS_ITEM_WIDGET (self), 0);

  return priv->item != NULL ? stw_item_get_id (priv->item) : 0;
}

StwDueState
stw_item_widget_get_due_state (StwItemWidget *self)
{
  StwItemWidgetPrivate *priv = stw_item_widget_get_instance_private (self);

  g_return_val_if_fail (STW_IS_ITEM_WIDGET (self), STW_DUE_NONE);

  return priv->due_state;
}

void
stw_item_widget_set_item (StwItemWidget *self,
                          StwItem       *item,
                          const char    *today)
{
  StwItemWidgetPrivate *priv = stw_item_widget_get_instance_private (self);

  g_return_if_fail (STW_IS_ITEM_WIDGET (self));
  g_return_if_fail (item == NULL || STW_IS_ITEM (item));

  /* No early return on the same pointer: the model may hand back an
   * object whose fields changed since the last bind. */
  g_set_object (&priv->item, item);
  if (item != NULL)
    priv->due_state = stw_due_state_for (stw_item_get_due_date (item), stw_item_get_status (item), today);
  else
    priv->due_state = STW_DUE_NONE;

  STW_ITEM_WIDGET_GET_CLASS (self)->item_set (self, item, priv->due_state);

  update_evidence (self);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

char *
stw_item_widget_dup_accessible_name (StwItemWidget *self)
{
  StwItemWidgetPrivate *priv = stw_item_widget_get_instance_private (self);
  StwItemNameParts parts;
  GString *name;
  const char *ref, *title, *owner, *due;

  g_return_val_if_fail (STW_IS_ITEM_WIDGET (self), NULL);

  if (priv->item == NULL)
    return NULL;

  parts = STW_ITEM_WIDGET_GET_CLASS (self)->name_parts;
  ref = stw_item_get_ref (priv->item);
  title = stw_item_get_title (priv->item);
  owner = stw_item_get_owner_name (priv->item);
  due = stw_item_get_due_date (priv->item);

  name = g_string_new (NULL);
  g_string_append_printf (name, "%s %s", ref != NULL ? ref : "", title != NULL ? title : "");
  g_string_append (name, ", ");
  g_string_append (name, stw_status_label (stw_item_get_status (priv->item)));
  if (parts & STW_ITEM_NAME_OWNER)
    {
      g_string_append (name, ", ");
      g_string_append (name, owner != NULL ? owner : _("No owner"));
    }
  if (due != NULL)
    {
      g_string_append (name, ", ");
      /* Translators: part of a card's or row's spoken name; %s is a date. */
      g_string_append_printf (name, _("due %s"), due);
    }
  if (priv->due_state == STW_DUE_OVERDUE)
    {
      g_string_append (name, ", ");
      /* Translators: part of a card's or row's spoken name. */
      g_string_append (name, _("overdue"));
    }
  else if (priv->due_state == STW_DUE_THIS_WEEK && (parts & STW_ITEM_NAME_DUE_SOON))
    {
      g_string_append (name, ", ");
      /* Translators: part of a card's spoken name. */
      g_string_append (name, _("due this week"));
    }
  /* "2 files, 1 expired" */
  if (priv->evidence_badge != NULL && stw_evidence_badge_get_text (priv->evidence_badge) != NULL)
    {
      g_string_append (name, ", ");
      g_string_append (name, stw_evidence_badge_get_text (priv->evidence_badge));
    }

  return g_string_free (name, FALSE);
}
