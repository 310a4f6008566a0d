/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-row.c: the sidebar row of Objectives and KPIs. A workspace
 * has tens of KPIs, so the counts are taken again from the live model on
 * every change of the records.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-records-row.h"
#include "stw-records-store.h"

struct _StwRecordsRow
{
  GtkListBoxRow  parent_instance;

  StwWorkspace  *workspace;
  guint          n_off_target;
  guint          n_missed;

  GtkLabel      *name_label;
  GtkLabel      *caption_label;
  GtkWidget     *flag_badge;
  GtkLabel      *flag_label;
};

G_DEFINE_FINAL_TYPE (StwRecordsRow, stw_records_row, GTK_TYPE_LIST_BOX_ROW)

/* Helpers */

static void
update_counts (StwRecordsRow *self)
{
  GListModel *kpis = self->workspace != NULL ? stw_workspace_get_kpis (self->workspace) : NULL;
  guint n = kpis != NULL ? g_list_model_get_n_items (kpis) : 0;
  g_autofree char *caption = NULL;
  g_autofree char *count = NULL;
  g_autofree char *flag_text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *missed_text = NULL;
  g_autofree char *kpis_text = NULL;

  self->n_off_target = 0;
  self->n_missed = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwKpi) kpi = g_list_model_get_item (kpis, i);

      if (stw_kpi_get_status (kpi) == STW_KPI_NOT_MET)
        self->n_off_target++;
      if (stw_kpi_get_missed (kpi) > 0)
        self->n_missed++;
    }

  /* What needs doing first, short enough for the sidebar. */
  if (self->n_off_target > 0 || self->n_missed > 0)
    /* Translators: under "Objectives and KPIs" in the sidebar: KPIs not
     * meeting their target, and KPIs with a missed measurement. */
    caption = g_strdup_printf (_("%u off target · %u missed"), self->n_off_target, self->n_missed);
  else
    /* Translators: under "Objectives and KPIs" in the sidebar. */
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u KPI", "%u KPIs", n), n);
  gtk_label_set_label (self->caption_label, caption);

  count = g_strdup_printf ("%u", self->n_off_target);
  gtk_label_set_label (self->flag_label, count);
  gtk_widget_set_visible (self->flag_badge, self->n_off_target > 0);
  flag_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u off target", "%u off target",
                                            self->n_off_target), self->n_off_target);
  gtk_widget_set_tooltip_text (self->flag_badge, flag_text);

  /* Screen readers get the whole row in one phrase. */
  missed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u KPI with missed measurements",
                                              "%u KPIs with missed measurements", self->n_missed), self->n_missed);
  kpis_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u KPI", "%u KPIs", n), n);
  accessible = g_strdup_printf ("%s, %s, %s, %s", gtk_label_get_label (self->name_label), kpis_text, flag_text,
                                missed_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Callbacks */

static void
records_changed_cb (StwRecordsRow *self)
{
  update_counts (self);
}

/* Overrides */

static void
stw_records_row_dispose (GObject *object)
{
  StwRecordsRow *self = STW_RECORDS_ROW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_records_row_parent_class)->dispose (object);
}

static void
stw_records_row_class_init (StwRecordsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_records_row_dispose;
}

static void
stw_records_row_init (StwRecordsRow *self)
{
  GtkWidget *box, *icon, *labels, *flag_icon;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  icon = gtk_image_new_from_icon_name ("power-profile-performance-symbolic");
  g_object_set (icon, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_box_append (GTK_BOX (box), icon);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  self->name_label = GTK_LABEL (gtk_label_new (_("Objectives and KPIs")));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->name_label));
  self->caption_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->caption_label, 0);
  gtk_label_set_ellipsize (self->caption_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->caption_label), "dim-label");
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->caption_label));
  gtk_box_append (GTK_BOX (box), labels);

  self->flag_badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (self->flag_badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->flag_badge, "flag-badge");
  gtk_widget_set_visible (self->flag_badge, FALSE);
  flag_icon = gtk_image_new_from_icon_name ("emoji-flags-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (flag_icon), 12);
  g_object_set (flag_icon, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_box_append (GTK_BOX (self->flag_badge), flag_icon);
  self->flag_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->flag_label), "numeric");
  gtk_box_append (GTK_BOX (self->flag_badge), GTK_WIDGET (self->flag_label));
  gtk_box_append (GTK_BOX (box), self->flag_badge);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  update_counts (self);
}

/* Public API */

GtkWidget *
stw_records_row_new (void)
{
  return g_object_new (STW_TYPE_RECORDS_ROW, NULL);
}

void
stw_records_row_set_workspace (StwRecordsRow *self,
                               StwWorkspace  *workspace)
{
  g_return_if_fail (STW_IS_RECORDS_ROW (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "records-changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
  update_counts (self);
}

guint
stw_records_row_get_n_off_target (StwRecordsRow *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_ROW (self), 0);

  return self->n_off_target;
}

guint
stw_records_row_get_n_missed (StwRecordsRow *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_ROW (self), 0);

  return self->n_missed;
}

const char *
stw_records_row_get_caption (StwRecordsRow *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_ROW (self), NULL);

  return gtk_label_get_label (self->caption_label);
}
