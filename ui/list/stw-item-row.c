/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-row.c: one item in the item list: reference, title, owner,
 * status and due date. An overdue item says "Overdue" in words as well as
 * in colour. Rows are recycled by the list view, so everything is set in
 * stw_item_row_set_item(). A badge counts the item's evidence, and files
 * dropped on the row are attached to its item (see stw-item-evidence.h).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-evidence-badge.h"
#include "stw-item-evidence.h"
#include "stw-item-row.h"

struct _StwItemRow
{
  GtkWidget  parent_instance;

  StwItem   *item;
  gboolean   overdue;

  GtkLabel  *ref_label;
  GtkLabel  *title_label;
  GtkLabel  *owner_label;
  GtkLabel  *status_label;
  StwEvidenceBadge *evidence_badge;
  GtkLabel  *due_label;
  GtkLabel  *overdue_label;
};

G_DEFINE_FINAL_TYPE (StwItemRow, stw_item_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Screen readers hear the whole row in one name: reference, title,
 * status and due date, so a row can be told apart without its labels. */
static void
update_accessible_label (StwItemRow *self,
                         gboolean    overdue)
{
  g_autoptr(GString) label = NULL;
  const char *ref;
  const char *title;
  const char *due;

  if (self->item == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  ref = stw_item_get_ref (self->item);
  title = stw_item_get_title (self->item);
  due = stw_item_get_due_date (self->item);

  label = g_string_new (NULL);
  g_string_append_printf (label, "%s %s, %s", ref != NULL ? ref : "", title != NULL ? title : "",
                          stw_status_label (stw_item_get_status (self->item)));
  if (due != NULL)
    /* Translators: part of a list row's name for screen readers; %s is a date. */
    g_string_append_printf (label, _(", due %s"), due);
  if (overdue)
    /* Translators: part of a list row's name for screen readers. */
    g_string_append (label, _(", overdue"));
  /* "2 files, 1 expired" */
  if (stw_evidence_badge_get_text (self->evidence_badge) != NULL)
    g_string_append_printf (label, ", %s", stw_evidence_badge_get_text (self->evidence_badge));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
}

/* The badge counts the evidence of the item shown, in the workspace of the
 * window the row is in (none until the row is in one). */
static void
update_evidence (StwItemRow *self)
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
  StwItem *item = STW_ITEM_ROW (widget)->item;

  return item != NULL ? stw_item_get_id (item) : 0;
}

/* Callbacks */

static void
evidence_changed_cb (StwItemRow *self)
{
  update_accessible_label (self, self->overdue);
}

/* Overrides */

static void
stw_item_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stw_item_row_parent_class)->root (widget);

  update_evidence (STW_ITEM_ROW (widget));
}

static void
stw_item_row_dispose (GObject *object)
{
  GtkWidget *child;
  StwItemRow *self = STW_ITEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_ITEM_ROW);
  /* Children without an id in the template are not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (stw_item_row_parent_class)->dispose (object);
}

static void
stw_item_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StwItemRow *self = STW_ITEM_ROW (object);

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
stw_item_row_class_init (StwItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_item_row_dispose;
  object_class->get_property = stw_item_row_get_property;
  widget_class->root = stw_item_row_root;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         STW_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, ref_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, owner_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, evidence_badge);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, StwItemRow, overdue_label);
  gtk_widget_class_bind_template_callback (widget_class, evidence_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "itemrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stw_item_row_init (StwItemRow *self)
{
  GtkLayoutManager *layout;

  g_type_ensure (STW_TYPE_EVIDENCE_BADGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  stw_item_evidence_add_drop (GTK_WIDGET (self), drop_item_id, NULL);

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
  g_return_val_if_fail (STW_IS_ITEM_ROW (self), NULL);

  return self->item;
}

void
stw_item_row_set_item (StwItemRow *self,
                       StwItem    *item,
                       const char *today)
{
  const char *owner;
  const char *due;
  gboolean overdue = FALSE;

  g_return_if_fail (STW_IS_ITEM_ROW (self));
  g_return_if_fail (item == NULL || STW_IS_ITEM (item));

  /* No early return on the same pointer: the model may hand back an
   * object whose fields changed since the last bind. */
  g_set_object (&self->item, item);

  if (item == NULL)
    {
      gtk_label_set_label (self->ref_label, "");
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->owner_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_label_set_label (self->due_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue-row");
      self->overdue = FALSE;
      update_evidence (self);
      update_accessible_label (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
      return;
    }

  owner = stw_item_get_owner_name (item);
  due = stw_item_get_due_date (item);
  if (today != NULL)
    overdue = stw_item_is_overdue (item, today);

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

  self->overdue = overdue;
  update_evidence (self);
  update_accessible_label (self, overdue);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
