/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-register-row.c: the sidebar row of the risk register. The
 * register's model is live (risks and their treatment items), so the
 * counts are recomputed whenever it reports a change; a register has tens
 * of risks, not thousands, so counting them all is cheap.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-risk-register.h"
#include "stw-risk-register-row.h"

struct _StwRiskRegisterRow
{
  GtkListBoxRow  parent_instance;

  StwWorkspace  *workspace;
  GListModel    *risks;
  guint          n_open;
  guint          n_flagged;

  GtkLabel      *name_label;
  GtkLabel      *open_label;
  GtkWidget     *flag_badge;
  GtkLabel      *flag_label;
};

G_DEFINE_FINAL_TYPE (StwRiskRegisterRow, stw_risk_register_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_N_OPEN,
  PROP_N_FLAGGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
update_counts (StwRiskRegisterRow *self)
{
  g_autofree char *open_text = NULL;
  g_autofree char *flag_text = NULL;
  g_autofree char *flag_count = NULL;
  g_autofree char *accessible = NULL;
  guint n_open = 0, n_flagged = 0;
  guint n = self->risks != NULL ? g_list_model_get_n_items (self->risks) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (self->risks, i);

      if (stw_risk_get_status (risk) != STW_RISK_CLOSED)
        n_open++;
      if (stw_risk_get_flagged (risk))
        n_flagged++;
    }

  /* Translators: under "Risk register" in the sidebar. */
  open_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open risk", "%u open risks", n_open), n_open);
  gtk_label_set_label (self->open_label, open_text);

  flag_count = g_strdup_printf ("%u", n_flagged);
  gtk_label_set_label (self->flag_label, flag_count);
  gtk_widget_set_visible (self->flag_badge, n_flagged > 0);
  flag_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u risk needs treatment",
                                            "%u risks need treatment", n_flagged), n_flagged);
  gtk_widget_set_tooltip_text (self->flag_badge, flag_text);

  /* Screen readers get the whole row in one phrase. */
  if (n_flagged > 0)
    accessible = g_strdup_printf ("%s, %s, %s", gtk_label_get_label (self->name_label), open_text, flag_text);
  else
    accessible = g_strdup_printf ("%s, %s", gtk_label_get_label (self->name_label), open_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  if (self->n_open != n_open)
    {
      self->n_open = n_open;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
    }
  if (self->n_flagged != n_flagged)
    {
      self->n_flagged = n_flagged;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FLAGGED]);
    }
}

/* Callbacks */

static void
risks_changed_cb (StwRiskRegisterRow *self)
{
  update_counts (self);
}

/* Overrides */

static void
stw_risk_register_row_dispose (GObject *object)
{
  StwRiskRegisterRow *self = STW_RISK_REGISTER_ROW (object);

  if (self->risks != NULL)
    g_signal_handlers_disconnect_by_data (self->risks, self);
  g_clear_object (&self->risks);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_RISK_REGISTER_ROW);

  G_OBJECT_CLASS (stw_risk_register_row_parent_class)->dispose (object);
}

static void
stw_risk_register_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StwRiskRegisterRow *self = STW_RISK_REGISTER_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_N_OPEN:
      g_value_set_uint (value, self->n_open);
      break;

    case PROP_N_FLAGGED:
      g_value_set_uint (value, self->n_flagged);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_register_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StwRiskRegisterRow *self = STW_RISK_REGISTER_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_risk_register_row_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_register_row_class_init (StwRiskRegisterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_risk_register_row_dispose;
  object_class->get_property = stw_risk_register_row_get_property;
  object_class->set_property = stw_risk_register_row_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_OPEN] =
    g_param_spec_uint ("n-open", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FLAGGED] =
    g_param_spec_uint ("n-flagged", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-risk-register-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterRow, open_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterRow, flag_badge);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterRow, flag_label);
}

static void
stw_risk_register_row_init (StwRiskRegisterRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_counts (self);
}

/* Public API */

GtkWidget *
stw_risk_register_row_new (void)
{
  return g_object_new (STW_TYPE_RISK_REGISTER_ROW, NULL);
}

StwWorkspace *
stw_risk_register_row_get_workspace (StwRiskRegisterRow *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_ROW (self), NULL);

  return self->workspace;
}

void
stw_risk_register_row_set_workspace (StwRiskRegisterRow *self,
                                     StwWorkspace       *workspace)
{
  g_return_if_fail (STW_IS_RISK_REGISTER_ROW (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->risks != NULL)
    g_signal_handlers_disconnect_by_data (self->risks, self);
  g_clear_object (&self->risks);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      self->risks = g_object_ref (stw_workspace_get_risks (workspace));
      g_signal_connect_object (self->risks, "items-changed",
                               G_CALLBACK (risks_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

guint
stw_risk_register_row_get_n_open (StwRiskRegisterRow *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_ROW (self), 0);

  return self->n_open;
}

guint
stw_risk_register_row_get_n_flagged (StwRiskRegisterRow *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_ROW (self), 0);

  return self->n_flagged;
}
