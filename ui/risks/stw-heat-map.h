/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-heat-map.h: the 5 × 5 risk heat map of a workspace: likelihood rows
 * (almost certain at the top) by impact columns (severe on the right),
 * each cell a button showing how many risks sit there before treatment
 * (inherent) or after it (residual). Cells scoring above the workspace's
 * acceptance threshold are hatched. It follows the register live.
 *
 * Also the risk scale shared by the risk widgets: the words for each
 * likelihood and impact, and the colour band of a score.
 *
 * Wiring: stw_heat_map_set_workspace(); connect "cell-activated" to filter
 * a list (StwRiskRegisterView does this itself); stw_heat_map_set_selected
 * marks the cell a list is filtered to.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

/* Colour bands of a score (likelihood × impact). */
typedef enum {
  STW_RISK_LEVEL_LOW,        /* 1–4 */
  STW_RISK_LEVEL_MEDIUM,     /* 5–9 */
  STW_RISK_LEVEL_HIGH,       /* 10–14 */
  STW_RISK_LEVEL_VERY_HIGH,  /* 15–19 */
  STW_RISK_LEVEL_CRITICAL,   /* 20–25 */
} StwRiskLevel;

#define STW_N_RISK_LEVELS 5

/* "Rare", "Unlikely", "Possible", "Likely", "Almost certain" for 1 … 5;
 * NULL outside. */
const char   *stw_likelihood_label    (guint         likelihood);
/* "Negligible", "Minor", "Moderate", "Major", "Severe" for 1 … 5. */
const char   *stw_impact_label        (guint         impact);
StwRiskLevel  stw_risk_level_for_score (guint        score);
/* "Low" … "Critical". */
const char   *stw_risk_level_label    (StwRiskLevel  level);
/* Puts the colour class of @score ("risk-level-low" … "risk-level-critical")
 * on @widget and takes the others off; a score of 0 (not assessed) takes
 * them all off. The colours are in style.css. */
void          stw_widget_set_risk_level (GtkWidget  *widget,
                                         guint       score);

#define STW_TYPE_HEAT_MAP (stw_heat_map_get_type ())
G_DECLARE_FINAL_TYPE (StwHeatMap, stw_heat_map, STW, HEAT_MAP, GtkWidget)

/* Signals:
 *   "cell-activated" (guint likelihood, guint impact): a cell was clicked
 *     or activated with the keyboard.
 *
 * Properties: "workspace", "residual" (boolean: show residual positions;
 * the Inherent/Residual switch in the map's header sets it too).
 */

GtkWidget    *stw_heat_map_new            (void);
StwWorkspace *stw_heat_map_get_workspace  (StwHeatMap   *self);
void          stw_heat_map_set_workspace  (StwHeatMap   *self,
                                           StwWorkspace *workspace);
gboolean      stw_heat_map_get_residual   (StwHeatMap   *self);
void          stw_heat_map_set_residual   (StwHeatMap   *self,
                                           gboolean      residual);
/* Marks one cell as the one a list is filtered to; 0, 0 for none. */
void          stw_heat_map_set_selected   (StwHeatMap   *self,
                                           guint         likelihood,
                                           guint         impact);
/* What a cell shows: its count and its button (for tests). */
guint         stw_heat_map_get_count      (StwHeatMap   *self,
                                           guint         likelihood,
                                           guint         impact);
GtkWidget    *stw_heat_map_get_cell       (StwHeatMap   *self,
                                           guint         likelihood,
                                           guint         impact);

G_END_DECLS
