/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-kpi-chart.h: the trend chart of a KPI, drawn with cairo and Pango
 * and no toolkit, so the KPI page and the reports show the same picture:
 * the values of its periods against the target line, a gap in the line
 * and a cross on the axis for each missed period, each value's dot
 * coloured by whether it met the target.
 */
#pragma once

#include <cairo.h>

#include "stw-kpi.h"
#include "stw-store.h"

G_BEGIN_DECLS

/* The colours, for the page's legend and for tests: RGB 0–255. */
typedef struct {
  guint8 background[3];
  guint8 grid[3];
  guint8 text[3];
  guint8 line[3];
  guint8 target[3];
  guint8 met[3];
  guint8 not_met[3];
  guint8 missed[3];
} StwKpiChartColours;

const StwKpiChartColours *stw_kpi_chart_colours (gboolean dark);

/* Draws the chart of @kpi over @timeline (an array of StwPeriodStatus,
 * as stw_workspace_kpi_timeline() returns; may be empty) into the
 * rectangle 0, 0, @width, @height of @cr, in dark or light colours. */
void      stw_kpi_chart_draw        (cairo_t       *cr,
                                     int            width,
                                     int            height,
                                     StwKpi        *kpi,
                                     GArray        *timeline,
                                     gboolean       dark);

/* The chart of @kpi as it is in @ws today, as a new image surface. */
cairo_surface_t *stw_kpi_chart_render (StwWorkspace  *ws,
                                       StwKpi        *kpi,
                                       int            width,
                                       int            height,
                                       gboolean       dark,
                                       GError       **error);

/* The same, written to @path as PNG through a temporary file, so no
 * partial image is ever left at @path. */
gboolean  stw_kpi_chart_write_png   (StwWorkspace  *ws,
                                     StwKpi        *kpi,
                                     int            width,
                                     int            height,
                                     gboolean       dark,
                                     const char    *path,
                                     GError       **error);

G_END_DECLS
