/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-heat-map.c: the 5 × 5 risk heat map. The counts come from the core
 * (stw_workspace_risk_heat_map) and are read again whenever the register
 * model or the organisation (its threshold) changes; the cells are plain
 * buttons so they can be reached and activated from the keyboard and read
 * by a screen reader ("Likelihood 4, impact 5: 1 risk").
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stw-heat-map.h"
#include "stw-risk-register.h"

struct _StwHeatMap
{
  GtkWidget     parent_instance;

  StwWorkspace *workspace;
  GListModel   *risks;
  gboolean      residual;
  guint         selected_likelihood;
  guint         selected_impact;
  guint         counts[5][5];
  guint         syncing;

  GtkWidget    *box;
  GtkWidget    *caption_label;
  GtkWidget    *inherent_button;
  GtkWidget    *residual_button;
  GtkWidget    *cells[5][5];
  GtkWidget    *legend_label;
};

G_DEFINE_FINAL_TYPE (StwHeatMap, stw_heat_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_RESIDUAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const level_classes[STW_N_RISK_LEVELS] = {
  "risk-level-low",
  "risk-level-medium",
  "risk-level-high",
  "risk-level-very-high",
  "risk-level-critical",
};

/* Helpers */

static guint
threshold (StwHeatMap *self)
{
  return self->workspace != NULL ? stw_workspace_get_risk_threshold (self->workspace) : 25;
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* How many risks of the register have no residual assessment (closed ones
 * are never on the map). */
static guint
count_unassessed (StwHeatMap *self)
{
  guint n = 0;

  if (self->risks == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (self->risks); i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (self->risks, i);

      if (stw_risk_get_status (risk) != STW_RISK_CLOSED && stw_risk_get_residual_score (risk) == 0)
        n++;
    }

  return n;
}

static void
update_cell (StwHeatMap *self,
             guint       likelihood,
             guint       impact)
{
  GtkWidget *cell = self->cells[likelihood - 1][impact - 1];
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (cell));
  guint count = self->counts[likelihood - 1][impact - 1];
  guint score = likelihood * impact;
  gboolean above = score > threshold (self);
  gboolean selected = likelihood == self->selected_likelihood && impact == self->selected_impact;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tooltip = NULL;
  GString *description = g_string_new (NULL);

  text = count > 0 ? g_strdup_printf ("%u", count) : g_strdup ("");
  gtk_label_set_label (GTK_LABEL (label), text);

  stw_widget_set_risk_level (cell, score);
  set_class (cell, "has-risks", count > 0);
  set_class (cell, "above-threshold", above);
  set_class (cell, "selected-cell", selected);

  /* Translators: the accessible name of a heat map cell. */
  name = g_strdup_printf (ngettext ("Likelihood %u, impact %u: %u risk",
                                    "Likelihood %u, impact %u: %u risks", count),
                          likelihood, impact, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  /* Translators: %u is a score from 1 to 25, %s its band ("High"). */
  g_string_append_printf (description, _("Score %u, %s"), score,
                          stw_risk_level_label (stw_risk_level_for_score (score)));
  if (above)
    g_string_append_printf (description, ", %s", _("above the acceptance threshold"));
  if (selected)
    g_string_append_printf (description, ", %s", _("list filtered to this cell"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);

  /* Translators: a tooltip; "Likely × Severe = 20", then "1 risk". */
  tooltip = g_strdup_printf (ngettext ("%s × %s = %u\n%u risk", "%s × %s = %u\n%u risks", count),
                             stw_likelihood_label (likelihood), stw_impact_label (impact), score, count);
  gtk_widget_set_tooltip_text (cell, tooltip);

  g_string_free (description, TRUE);
}

static void
refresh (StwHeatMap *self)
{
  guint inherent[5][5];
  guint residual[5][5];
  g_autofree char *legend = NULL;

  if (self->workspace != NULL)
    stw_workspace_risk_heat_map (self->workspace, inherent, residual);
  else
    {
      memset (inherent, 0, sizeof inherent);
      memset (residual, 0, sizeof residual);
    }

  memcpy (self->counts, self->residual ? residual : inherent, sizeof self->counts);

  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      update_cell (self, l, i);

  if (self->residual)
    {
      guint unassessed = count_unassessed (self);
      g_autofree char *caption = NULL;

      if (unassessed > 0)
        caption = g_strdup_printf (ngettext ("After treatment. %u risk is not assessed yet.",
                                             "After treatment. %u risks are not assessed yet.", unassessed),
                                   unassessed);
      else
        caption = g_strdup (_("After treatment."));
      gtk_label_set_label (GTK_LABEL (self->caption_label), caption);
    }
  else
    gtk_label_set_label (GTK_LABEL (self->caption_label), _("Before treatment. Closed risks are left out."));

  /* Translators: the legend under the heat map; %u is the threshold. */
  legend = g_strdup_printf (_("Hatched cells score above the acceptance threshold of %u."), threshold (self));
  gtk_label_set_label (GTK_LABEL (self->legend_label), legend);
}

static GtkWidget *
new_axis_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Callbacks */

static void
cell_clicked_cb (StwHeatMap *self,
                 GtkButton  *cell)
{
  guint likelihood = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "likelihood"));
  guint impact = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "impact"));

  g_signal_emit (self, signals[CELL_ACTIVATED], 0, likelihood, impact);
}

static void
mode_toggled_cb (StwHeatMap      *self,
                 GtkToggleButton *button)
{
  if (self->syncing > 0 || !gtk_toggle_button_get_active (button))
    return;

  stw_heat_map_set_residual (self, GTK_WIDGET (button) == self->residual_button);
}

static void
risks_changed_cb (StwHeatMap *self)
{
  refresh (self);
}

/* Overrides */

static void
stw_heat_map_dispose (GObject *object)
{
  StwHeatMap *self = STW_HEAT_MAP (object);

  if (self->risks != NULL)
    g_signal_handlers_disconnect_by_func (self->risks, risks_changed_cb, self);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, risks_changed_cb, self);
  g_clear_object (&self->risks);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (stw_heat_map_parent_class)->dispose (object);
}

static void
stw_heat_map_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StwHeatMap *self = STW_HEAT_MAP (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_RESIDUAL:
      g_value_set_boolean (value, self->residual);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_heat_map_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StwHeatMap *self = STW_HEAT_MAP (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_heat_map_set_workspace (self, g_value_get_object (value));
      break;

    case PROP_RESIDUAL:
      stw_heat_map_set_residual (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_heat_map_class_init (StwHeatMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_heat_map_dispose;
  object_class->get_property = stw_heat_map_get_property;
  object_class->set_property = stw_heat_map_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESIDUAL] =
    g_param_spec_boolean ("residual", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stw_heat_map_init (StwHeatMap *self)
{
  GtkWidget *header, *titles, *title, *switcher, *grid, *legend, *swatch, *axis;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Title, what is counted, and the Inherent / Residual switch. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (titles, TRUE);
  title = gtk_label_new (_("Heat map"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  self->caption_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->caption_label), TRUE);
  /* As wide whatever it says, so the map does not jump when switching. */
  gtk_label_set_width_chars (GTK_LABEL (self->caption_label), 30);
  gtk_label_set_max_width_chars (GTK_LABEL (self->caption_label), 30);
  gtk_widget_add_css_class (self->caption_label, "caption");
  gtk_widget_add_css_class (self->caption_label, "dim-label");
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), self->caption_label);
  gtk_box_append (GTK_BOX (header), titles);

  switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_valign (switcher, GTK_ALIGN_START);
  self->inherent_button = gtk_toggle_button_new_with_mnemonic (_("_Inherent"));
  self->residual_button = gtk_toggle_button_new_with_mnemonic (_("_Residual"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->residual_button),
                               GTK_TOGGLE_BUTTON (self->inherent_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->inherent_button), TRUE);
  gtk_widget_set_tooltip_text (self->inherent_button, _("Show where risks are before treatment"));
  gtk_widget_set_tooltip_text (self->residual_button, _("Show where risks are after treatment"));
  /* The buttons are named by their own labels. GTK 4.8 also sets the raw
   * mnemonic ("_Inherent") as a label property, read before the label
   * ("_Inherent Inherent"), so that goes; a longer label property would be
   * read the same way ("Inherent risk Inherent"), so it is a description. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->inherent_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->residual_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->inherent_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Inherent risk"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->residual_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Residual risk"), -1);
  g_signal_connect_object (self->inherent_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->residual_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (switcher), self->inherent_button);
  gtk_box_append (GTK_BOX (switcher), self->residual_button);
  gtk_box_append (GTK_BOX (header), switcher);
  gtk_box_append (GTK_BOX (self->box), header);

  /* Row 0: the likelihood axis title; rows 1–5: likelihood 5 … 1; row 6:
   * impact numbers; row 7: impact words; row 8: the impact axis title.
   * Column 0: likelihood words; column 1: numbers; columns 2–6: impact
   * 1 … 5. */
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (grid, "heat-grid");

  axis = new_axis_label (_("Likelihood"), "heat-axis");
  gtk_label_set_xalign (GTK_LABEL (axis), 1);
  gtk_grid_attach (GTK_GRID (grid), axis, 0, 0, 2, 1);

  for (guint l = 5; l >= 1; l--)
    {
      guint row = 6 - l;
      g_autofree char *number = g_strdup_printf ("%u", l);
      GtkWidget *word = new_axis_label (stw_likelihood_label (l), "heat-scale-word");
      GtkWidget *digit = new_axis_label (number, "heat-scale-number");

      gtk_label_set_xalign (GTK_LABEL (word), 1);
      gtk_widget_set_margin_end (word, 4);
      gtk_grid_attach (GTK_GRID (grid), word, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), digit, 1, row, 1, 1);

      for (guint i = 1; i <= 5; i++)
        {
          GtkWidget *cell = gtk_button_new ();
          GtkWidget *count = gtk_label_new (NULL);

          gtk_button_set_child (GTK_BUTTON (cell), count);
          gtk_widget_add_css_class (cell, "heat-cell");
          g_object_set_data (G_OBJECT (cell), "likelihood", GUINT_TO_POINTER (l));
          g_object_set_data (G_OBJECT (cell), "impact", GUINT_TO_POINTER (i));
          g_signal_connect_object (cell, "clicked", G_CALLBACK (cell_clicked_cb), self, G_CONNECT_SWAPPED);
          gtk_grid_attach (GTK_GRID (grid), cell, 1 + i, row, 1, 1);
          self->cells[l - 1][i - 1] = cell;
        }
    }

  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      GtkWidget *digit = new_axis_label (number, "heat-scale-number");
      GtkWidget *word = new_axis_label (stw_impact_label (i), "heat-scale-word");

      gtk_label_set_wrap (GTK_LABEL (word), TRUE);
      gtk_label_set_justify (GTK_LABEL (word), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (word), 8);
      gtk_grid_attach (GTK_GRID (grid), digit, 1 + i, 6, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), word, 1 + i, 7, 1, 1);
    }

  axis = new_axis_label (_("Impact"), "heat-axis");
  gtk_grid_attach (GTK_GRID (grid), axis, 2, 8, 5, 1);
  gtk_box_append (GTK_BOX (self->box), grid);

  legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_halign (legend, GTK_ALIGN_CENTER);
  swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (swatch, "heat-swatch");
  gtk_widget_add_css_class (swatch, "above-threshold");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  self->legend_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->legend_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->legend_label), 36);
  gtk_widget_add_css_class (self->legend_label, "caption");
  gtk_box_append (GTK_BOX (legend), swatch);
  gtk_box_append (GTK_BOX (legend), self->legend_label);
  gtk_box_append (GTK_BOX (self->box), legend);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk heat map"), -1);

  refresh (self);
}

/* Public API */

const char *
stw_likelihood_label (guint likelihood)
{
  switch (likelihood)
    {
    case 1: return C_("likelihood", "Rare");
    case 2: return C_("likelihood", "Unlikely");
    case 3: return C_("likelihood", "Possible");
    case 4: return C_("likelihood", "Likely");
    case 5: return C_("likelihood", "Almost certain");
    default: return NULL;
    }
}

const char *
stw_impact_label (guint impact)
{
  switch (impact)
    {
    case 1: return C_("impact", "Negligible");
    case 2: return C_("impact", "Minor");
    case 3: return C_("impact", "Moderate");
    case 4: return C_("impact", "Major");
    case 5: return C_("impact", "Severe");
    default: return NULL;
    }
}

StwRiskLevel
stw_risk_level_for_score (guint score)
{
  if (score >= 20)
    return STW_RISK_LEVEL_CRITICAL;
  if (score >= 15)
    return STW_RISK_LEVEL_VERY_HIGH;
  if (score >= 10)
    return STW_RISK_LEVEL_HIGH;
  if (score >= 5)
    return STW_RISK_LEVEL_MEDIUM;
  return STW_RISK_LEVEL_LOW;
}

const char *
stw_risk_level_label (StwRiskLevel level)
{
  switch (level)
    {
    case STW_RISK_LEVEL_LOW:       return C_("risk level", "Low");
    case STW_RISK_LEVEL_MEDIUM:    return C_("risk level", "Medium");
    case STW_RISK_LEVEL_HIGH:      return C_("risk level", "High");
    case STW_RISK_LEVEL_VERY_HIGH: return C_("risk level", "Very high");
    case STW_RISK_LEVEL_CRITICAL:  return C_("risk level", "Critical");
    default:                       g_return_val_if_reached (NULL);
    }
}

void
stw_widget_set_risk_level (GtkWidget *widget,
                           guint      score)
{
  StwRiskLevel level = stw_risk_level_for_score (score);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < STW_N_RISK_LEVELS; i++)
    set_class (widget, level_classes[i], score > 0 && i == level);
}

GtkWidget *
stw_heat_map_new (void)
{
  return g_object_new (STW_TYPE_HEAT_MAP, NULL);
}

StwWorkspace *
stw_heat_map_get_workspace (StwHeatMap *self)
{
  g_return_val_if_fail (STW_IS_HEAT_MAP (self), NULL);

  return self->workspace;
}

void
stw_heat_map_set_workspace (StwHeatMap   *self,
                            StwWorkspace *workspace)
{
  g_return_if_fail (STW_IS_HEAT_MAP (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->risks != NULL)
    g_signal_handlers_disconnect_by_func (self->risks, risks_changed_cb, self);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, risks_changed_cb, self);
  g_clear_object (&self->risks);

  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      self->risks = g_object_ref (stw_workspace_get_risks (workspace));
      g_signal_connect_object (self->risks, "items-changed", G_CALLBACK (risks_changed_cb), self, G_CONNECT_SWAPPED);
      /* The threshold is part of the organisation. */
      g_signal_connect_object (workspace, "organisation-changed", G_CALLBACK (risks_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  self->selected_likelihood = self->selected_impact = 0;
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

gboolean
stw_heat_map_get_residual (StwHeatMap *self)
{
  g_return_val_if_fail (STW_IS_HEAT_MAP (self), FALSE);

  return self->residual;
}

void
stw_heat_map_set_residual (StwHeatMap *self,
                           gboolean    residual)
{
  g_return_if_fail (STW_IS_HEAT_MAP (self));

  residual = !!residual;
  if (self->residual == residual)
    return;

  self->residual = residual;
  self->syncing++;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (residual ? self->residual_button : self->inherent_button), TRUE);
  self->syncing--;
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDUAL]);
}

void
stw_heat_map_set_selected (StwHeatMap *self,
                           guint       likelihood,
                           guint       impact)
{
  g_return_if_fail (STW_IS_HEAT_MAP (self));
  g_return_if_fail (likelihood <= 5 && impact <= 5);

  if (likelihood == 0 || impact == 0)
    likelihood = impact = 0;

  self->selected_likelihood = likelihood;
  self->selected_impact = impact;

  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      update_cell (self, l, i);
}

guint
stw_heat_map_get_count (StwHeatMap *self,
                        guint       likelihood,
                        guint       impact)
{
  g_return_val_if_fail (STW_IS_HEAT_MAP (self), 0);
  g_return_val_if_fail (likelihood >= 1 && likelihood <= 5 && impact >= 1 && impact <= 5, 0);

  return self->counts[likelihood - 1][impact - 1];
}

GtkWidget *
stw_heat_map_get_cell (StwHeatMap *self,
                       guint       likelihood,
                       guint       impact)
{
  g_return_val_if_fail (STW_IS_HEAT_MAP (self), NULL);
  g_return_val_if_fail (likelihood >= 1 && likelihood <= 5 && impact >= 1 && impact <= 5, NULL);

  return self->cells[likelihood - 1][impact - 1];
}
