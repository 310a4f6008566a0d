/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-corrective-filter.c: the "Findings" filter button of the corrective
 * action log. Its popover holds one column of boxes per choice
 * (classification, source, status); the ticks become the masks of
 * StwItemFilter, so the filtering itself happens in the item model.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-corrective-filter.h"

typedef enum {
  GROUP_CLASSIFICATION,
  GROUP_SOURCE,
  GROUP_STATUS,
  N_GROUPS
} Group;

/* The most boxes a group has (sources). */
#define MAX_CHOICES 8
G_STATIC_ASSERT (STW_N_CA_SOURCES <= MAX_CHOICES);
G_STATIC_ASSERT (STW_N_STATUSES <= MAX_CHOICES);

struct _StwCorrectiveFilter
{
  GtkWidget       parent_instance;

  guint           masks[N_GROUPS];
  guint           n_choices[N_GROUPS];
  GtkCheckButton *checks[N_GROUPS][MAX_CHOICES];
  GtkWidget      *columns[N_GROUPS];
  gboolean        show_statuses;
  guint           syncing;

  GtkMenuButton  *button;
  GtkLabel       *label;
};

G_DEFINE_FINAL_TYPE (StwCorrectiveFilter, stw_corrective_filter, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLASSIFICATIONS,
  PROP_SOURCES,
  PROP_STATUSES,
  PROP_SHOW_STATUSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const int group_props[N_GROUPS] = { PROP_CLASSIFICATIONS, PROP_SOURCES, PROP_STATUSES };

/* Helpers */

static guint
all_mask (StwCorrectiveFilter *self,
          Group                group)
{
  return (1u << self->n_choices[group]) - 1;
}

static gboolean
group_counts (StwCorrectiveFilter *self,
              Group                group)
{
  return self->masks[group] != 0 && (group != GROUP_STATUS || self->show_statuses);
}

static void
update_label (StwCorrectiveFilter *self)
{
  guint n = 0;

  for (guint g = 0; g < N_GROUPS; g++)
    if (group_counts (self, g))
      n++;

  if (n == 0)
    gtk_label_set_label (self->label, _("Findings"));
  else
    {
      /* Translators: the findings filter button when filters are on; %u
       * is how many of classification, source and status narrow the list. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Findings (%u)", "Findings (%u)", n), n);

      gtk_label_set_label (self->label, text);
    }

  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "filtered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "filtered");
}

/* Ticks the boxes of @group as its mask says: 0 is every box. */
static void
sync_checks (StwCorrectiveFilter *self,
             Group                group)
{
  self->syncing++;
  for (guint i = 0; i < self->n_choices[group]; i++)
    gtk_check_button_set_active (self->checks[group][i],
                                 self->masks[group] == 0 || (self->masks[group] & (1u << i)) != 0);
  self->syncing--;
}

/* Returns TRUE when the mask changed. */
static gboolean
set_mask (StwCorrectiveFilter *self,
          Group                group,
          guint                mask)
{
  mask &= all_mask (self, group);
  if (mask == all_mask (self, group))
    mask = 0;

  if (self->masks[group] == mask)
    return FALSE;

  self->masks[group] = mask;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[group_props[group]]);

  return TRUE;
}

/* Callbacks */

static void
check_toggled_cb (GtkCheckButton      *check,
                  StwCorrectiveFilter *self)
{
  Group group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "group"));
  guint mask = 0;

  if (self->syncing > 0)
    return;

  for (guint i = 0; i < self->n_choices[group]; i++)
    if (gtk_check_button_get_active (self->checks[group][i]))
      mask |= 1u << i;

  /* None ticked would hide everything: read it as "any" too, but keep the
   * boxes as the person left them. */
  if (set_mask (self, group, mask))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  stw_corrective_filter_clear (STW_CORRECTIVE_FILTER (widget));
}

/* Overrides */

static void
stw_corrective_filter_dispose (GObject *object)
{
  StwCorrectiveFilter *self = STW_CORRECTIVE_FILTER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (stw_corrective_filter_parent_class)->dispose (object);
}

static void
stw_corrective_filter_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StwCorrectiveFilter *self = STW_CORRECTIVE_FILTER (object);

  switch (prop_id)
    {
    case PROP_CLASSIFICATIONS:
      g_value_set_uint (value, self->masks[GROUP_CLASSIFICATION]);
      break;

    case PROP_SOURCES:
      g_value_set_uint (value, self->masks[GROUP_SOURCE]);
      break;

    case PROP_STATUSES:
      g_value_set_uint (value, self->masks[GROUP_STATUS]);
      break;

    case PROP_SHOW_STATUSES:
      g_value_set_boolean (value, self->show_statuses);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_corrective_filter_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StwCorrectiveFilter *self = STW_CORRECTIVE_FILTER (object);

  switch (prop_id)
    {
    case PROP_CLASSIFICATIONS:
      stw_corrective_filter_set_classifications (self, g_value_get_uint (value));
      break;

    case PROP_SOURCES:
      stw_corrective_filter_set_sources (self, g_value_get_uint (value));
      break;

    case PROP_STATUSES:
      stw_corrective_filter_set_statuses (self, g_value_get_uint (value));
      break;

    case PROP_SHOW_STATUSES:
      stw_corrective_filter_set_show_statuses (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_corrective_filter_class_init (StwCorrectiveFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_corrective_filter_dispose;
  object_class->get_property = stw_corrective_filter_get_property;
  object_class->set_property = stw_corrective_filter_set_property;

  properties[PROP_CLASSIFICATIONS] =
    g_param_spec_uint ("classifications", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCES] =
    g_param_spec_uint ("sources", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUSES] =
    g_param_spec_uint ("statuses", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_STATUSES] =
    g_param_spec_boolean ("show-statuses", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "corrective-filter.clear", NULL, clear_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "correctivefilter");
}

static void
stw_corrective_filter_init (StwCorrectiveFilter *self)
{
  const char *headings[N_GROUPS] = {
    _("Classification"),
    _("Source"),
    _("Status"),
  };
  GtkWidget *box, *content, *columns, *image, *popover, *clear, *clear_label;

  self->show_statuses = TRUE;
  self->n_choices[GROUP_CLASSIFICATION] = STW_N_CA_CLASSIFICATIONS;
  self->n_choices[GROUP_SOURCE] = STW_N_CA_SOURCES;
  self->n_choices[GROUP_STATUS] = STW_N_STATUSES;

  /* The button, as the list view's "Filter" button looks. */
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               _("Show only some classifications, sources or statuses"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter findings"),
                                  -1);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  image = gtk_image_new_from_icon_name ("pan-down-symbolic");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), image);
  gtk_menu_button_set_child (self->button, box);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_widget_set_margin_start (content, 6);
  gtk_widget_set_margin_end (content, 6);
  columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_append (GTK_BOX (content), columns);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *heading = gtk_label_new (headings[g]);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_bottom (heading, 6);
      gtk_box_append (GTK_BOX (column), heading);
      gtk_accessible_update_property (GTK_ACCESSIBLE (column),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, headings[g],
                                      -1);

      for (guint i = 0; i < self->n_choices[g]; i++)
        {
          const char *label = g == GROUP_CLASSIFICATION ? stw_ca_classification_label (i)
                            : g == GROUP_SOURCE ? stw_ca_source_label (i)
                            : stw_status_label (i);
          GtkWidget *check = gtk_check_button_new_with_label (label);

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          g_object_set_data (G_OBJECT (check), "group", GUINT_TO_POINTER (g));
          g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
          self->checks[g][i] = GTK_CHECK_BUTTON (check);
          gtk_box_append (GTK_BOX (column), check);
        }

      self->columns[g] = column;
      gtk_box_append (GTK_BOX (columns), column);
    }

  clear = gtk_button_new ();
  clear_label = gtk_label_new_with_mnemonic (_("_Clear filters"));
  gtk_button_set_child (GTK_BUTTON (clear), clear_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "corrective-filter.clear");
  gtk_widget_set_halign (clear, GTK_ALIGN_END);
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear filters"),
                                  -1);
  gtk_box_append (GTK_BOX (content), clear);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), content);
  gtk_menu_button_set_popover (self->button, popover);

  update_label (self);
}

/* Public API */

GtkWidget *
stw_corrective_filter_new (void)
{
  return g_object_new (STW_TYPE_CORRECTIVE_FILTER, NULL);
}

guint
stw_corrective_filter_get_classifications (StwCorrectiveFilter *self)
{
  g_return_val_if_fail (STW_IS_CORRECTIVE_FILTER (self), 0);

  return self->masks[GROUP_CLASSIFICATION];
}

void
stw_corrective_filter_set_classifications (StwCorrectiveFilter *self,
                                           guint                mask)
{
  g_return_if_fail (STW_IS_CORRECTIVE_FILTER (self));

  set_mask (self, GROUP_CLASSIFICATION, mask);
  sync_checks (self, GROUP_CLASSIFICATION);
}

guint
stw_corrective_filter_get_sources (StwCorrectiveFilter *self)
{
  g_return_val_if_fail (STW_IS_CORRECTIVE_FILTER (self), 0);

  return self->masks[GROUP_SOURCE];
}

void
stw_corrective_filter_set_sources (StwCorrectiveFilter *self,
                                   guint                mask)
{
  g_return_if_fail (STW_IS_CORRECTIVE_FILTER (self));

  set_mask (self, GROUP_SOURCE, mask);
  sync_checks (self, GROUP_SOURCE);
}

guint
stw_corrective_filter_get_statuses (StwCorrectiveFilter *self)
{
  g_return_val_if_fail (STW_IS_CORRECTIVE_FILTER (self), 0);

  return self->masks[GROUP_STATUS];
}

void
stw_corrective_filter_set_statuses (StwCorrectiveFilter *self,
                                    guint                mask)
{
  g_return_if_fail (STW_IS_CORRECTIVE_FILTER (self));

  set_mask (self, GROUP_STATUS, mask);
  sync_checks (self, GROUP_STATUS);
}

gboolean
stw_corrective_filter_get_show_statuses (StwCorrectiveFilter *self)
{
  g_return_val_if_fail (STW_IS_CORRECTIVE_FILTER (self), FALSE);

  return self->show_statuses;
}

void
stw_corrective_filter_set_show_statuses (StwCorrectiveFilter *self,
                                         gboolean             show)
{
  g_return_if_fail (STW_IS_CORRECTIVE_FILTER (self));

  show = !!show;
  if (self->show_statuses == show)
    return;

  self->show_statuses = show;
  gtk_widget_set_visible (self->columns[GROUP_STATUS], show);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_STATUSES]);
}

gboolean
stw_corrective_filter_get_active (StwCorrectiveFilter *self)
{
  g_return_val_if_fail (STW_IS_CORRECTIVE_FILTER (self), FALSE);

  for (guint g = 0; g < N_GROUPS; g++)
    if (group_counts (self, g))
      return TRUE;

  return FALSE;
}

void
stw_corrective_filter_apply (StwCorrectiveFilter *self,
                             StwItemFilter       *filter)
{
  g_return_if_fail (STW_IS_CORRECTIVE_FILTER (self));
  g_return_if_fail (filter != NULL);

  filter->ca_classifications = self->masks[GROUP_CLASSIFICATION];
  filter->ca_sources = self->masks[GROUP_SOURCE];
  if (self->show_statuses)
    filter->statuses = self->masks[GROUP_STATUS];
}

void
stw_corrective_filter_sync (StwCorrectiveFilter *self,
                            const StwItemFilter *filter)
{
  g_return_if_fail (STW_IS_CORRECTIVE_FILTER (self));
  g_return_if_fail (filter != NULL);

  stw_corrective_filter_set_classifications (self, filter->ca_classifications);
  stw_corrective_filter_set_sources (self, filter->ca_sources);
  if (self->show_statuses)
    stw_corrective_filter_set_statuses (self, filter->statuses);
}

void
stw_corrective_filter_clear (StwCorrectiveFilter *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (STW_IS_CORRECTIVE_FILTER (self));

  for (guint g = 0; g < N_GROUPS; g++)
    {
      changed = set_mask (self, g, 0) || changed;
      sync_checks (self, g);
    }

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}
