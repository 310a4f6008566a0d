/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-badge.c: the evidence count on a card or row. Expired
 * evidence is told by a warning icon and the words "expired", never by
 * colour alone.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-evidence.h"
#include "stw-evidence-badge.h"

struct _StwEvidenceBadge
{
  GtkWidget     parent_instance;

  StwWorkspace *workspace;
  char         *entity;
  gint64        entity_id;
  gulong        changed_id;

  guint         n_files;
  guint         n_expired;
  char         *text;

  GtkImage     *icon;
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (StwEvidenceBadge, stw_evidence_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_FILES,
  PROP_N_EXPIRED,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
show_counts (StwEvidenceBadge *self,
             guint             n_files,
             guint             n_expired)
{
  g_autofree char *text = stw_evidence_badge_describe (n_files, n_expired);
  gboolean files_changed = n_files != self->n_files;
  gboolean expired_changed = n_expired != self->n_expired;

  self->n_files = n_files;
  self->n_expired = n_expired;

  if (n_expired > 0)
    {
      g_autofree char *expired = stw_evidence_badge_describe_expired (n_expired);
      /* Translators: on a card, the number of files and how many expired:
       * "2 · 1 expired". */
      g_autofree char *label = g_strdup_printf (_("%u · %s"), n_files, expired);

      gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->label, label);
      gtk_widget_add_css_class (GTK_WIDGET (self), "expired");
    }
  else
    {
      g_autofree char *label = g_strdup_printf ("%u", n_files);

      gtk_image_set_from_icon_name (self->icon, "mail-attachment-symbolic");
      gtk_label_set_label (self->label, label);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "expired");
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
  gtk_widget_set_visible (GTK_WIDGET (self), n_files > 0);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  if (files_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
  if (expired_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EXPIRED]);
  if (g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
}

/* Callbacks */

static void
item_changed_cb (StwWorkspace     *workspace,
                 gint64            item_id,
                 gint64            workstream_id,
                 StwEvidenceBadge *self)
{
  /* 0 stands for many items at once. */
  if (item_id == self->entity_id || item_id == 0)
    stw_evidence_badge_refresh (self);
}

/* Overrides */

static void
stw_evidence_badge_dispose (GObject *object)
{
  StwEvidenceBadge *self = STW_EVIDENCE_BADGE (object);
  GtkWidget *child;

  stw_evidence_badge_set_record (self, NULL, NULL, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (stw_evidence_badge_parent_class)->dispose (object);
}

static void
stw_evidence_badge_finalize (GObject *object)
{
  StwEvidenceBadge *self = STW_EVIDENCE_BADGE (object);

  g_free (self->entity);
  g_free (self->text);

  G_OBJECT_CLASS (stw_evidence_badge_parent_class)->finalize (object);
}

static void
stw_evidence_badge_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StwEvidenceBadge *self = STW_EVIDENCE_BADGE (object);

  switch (prop_id)
    {
    case PROP_N_FILES:
      g_value_set_uint (value, self->n_files);
      break;

    case PROP_N_EXPIRED:
      g_value_set_uint (value, self->n_expired);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_evidence_badge_class_init (StwEvidenceBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_evidence_badge_dispose;
  object_class->finalize = stw_evidence_badge_finalize;
  object_class->get_property = stw_evidence_badge_get_property;

  properties[PROP_N_FILES] =
    g_param_spec_uint ("n-files", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EXPIRED] =
    g_param_spec_uint ("n-expired", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidencebadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
stw_evidence_badge_init (StwEvidenceBadge *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  /* The badge's own name says it all; the icon is decoration. */
  self->icon = g_object_new (GTK_TYPE_IMAGE,
                             "icon-name", "mail-attachment-symbolic",
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Public API */

GtkWidget *
stw_evidence_badge_new (void)
{
  return g_object_new (STW_TYPE_EVIDENCE_BADGE, NULL);
}

void
stw_evidence_badge_set_record (StwEvidenceBadge *self,
                               StwWorkspace     *workspace,
                               const char       *entity,
                               gint64            entity_id)
{
  char *entity_copy;

  g_return_if_fail (STW_IS_EVIDENCE_BADGE (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);
  entity_copy = g_strdup (entity);
  g_free (self->entity);
  self->entity = entity_copy;
  self->entity_id = entity_id;

  /* Only items announce their changes. */
  if (workspace != NULL && g_strcmp0 (entity, "item") == 0)
    self->changed_id = g_signal_connect (workspace, "item-changed", G_CALLBACK (item_changed_cb), self);

  stw_evidence_badge_refresh (self);
}

void
stw_evidence_badge_refresh (StwEvidenceBadge *self)
{
  guint n_files = 0, n_expired = 0;

  g_return_if_fail (STW_IS_EVIDENCE_BADGE (self));

  if (self->workspace != NULL && self->entity != NULL && self->entity_id > 0)
    {
      n_files = stw_workspace_count_attachments (self->workspace, self->entity, self->entity_id);
      if (n_files > 0)
        n_expired = stw_workspace_count_expired_attachments (self->workspace, self->entity, self->entity_id);
    }

  show_counts (self, n_files, n_expired);
}

guint
stw_evidence_badge_get_n_files (StwEvidenceBadge *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_BADGE (self), 0);

  return self->n_files;
}

guint
stw_evidence_badge_get_n_expired (StwEvidenceBadge *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_BADGE (self), 0);

  return self->n_expired;
}

const char *
stw_evidence_badge_get_text (StwEvidenceBadge *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_BADGE (self), NULL);

  return self->text;
}

char *
stw_evidence_badge_describe (guint n_files,
                             guint n_expired)
{
  g_autofree char *files = NULL;
  g_autofree char *expired = NULL;

  if (n_files == 0)
    return NULL;

  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n_files), n_files);
  if (n_expired == 0)
    return g_steal_pointer (&files);

  expired = stw_evidence_badge_describe_expired (n_expired);
  /* Translators: evidence on an item, "2 files, 1 expired". */
  return g_strdup_printf (_("%s, %s"), files, expired);
}

char *
stw_evidence_badge_describe_expired (guint n_expired)
{
  if (n_expired == 0)
    return NULL;

  /* Translators: evidence files whose expiry date has passed. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expired", "%u expired", n_expired), n_expired);
}
