/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-kpi-chart.c: the KPI trend chart (see stw-kpi-chart.h).
 *
 * The target line is drawn two pixels wide on whole pixels, so it has
 * its exact colour however the chart is scaled; values are joined only
 * between neighbouring periods that both have one, so a missed period is
 * a visible break rather than a line that pretends.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "stw-kpi-chart.h"
#include "stw-records-store.h"

#define MARGIN_TOP 12
#define MARGIN_RIGHT 16
#define FONT "Sans 9"

static const StwKpiChartColours light = {
  .background = { 0xff, 0xff, 0xff },
  .grid = { 0xde, 0xdd, 0xda },
  .text = { 0x3d, 0x38, 0x46 },
  .line = { 0x1c, 0x71, 0xd8 },
  .target = { 0xe6, 0x61, 0x00 },
  .met = { 0x26, 0xa2, 0x69 },
  .not_met = { 0xc0, 0x1c, 0x28 },
  .missed = { 0x9a, 0x99, 0x96 },
};

static const StwKpiChartColours dark = {
  .background = { 0x24, 0x24, 0x24 },
  .grid = { 0x45, 0x45, 0x45 },
  .text = { 0xde, 0xdd, 0xda },
  .line = { 0x62, 0xa0, 0xea },
  .target = { 0xff, 0xa3, 0x48 },
  .met = { 0x57, 0xe3, 0x89 },
  .not_met = { 0xff, 0x7b, 0x63 },
  .missed = { 0x77, 0x76, 0x7b },
};

const StwKpiChartColours *
stw_kpi_chart_colours (gboolean is_dark)
{
  return is_dark ? &dark : &light;
}

static void
set_colour (cairo_t      *cr,
            const guint8  rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0);
}

static PangoLayout *
make_label (cairo_t    *cr,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text with its right edge (@align_right) or its centre at @x and
 * its middle at @y. */
static void
draw_label (cairo_t    *cr,
            const char *text,
            double      x,
            double      y,
            gboolean    align_right)
{
  g_autoptr(PangoLayout) layout = make_label (cr, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, align_right ? x - w : x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static int
label_width (cairo_t    *cr,
             const char *text)
{
  g_autoptr(PangoLayout) layout = make_label (cr, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static int
label_height (cairo_t *cr)
{
  g_autoptr(PangoLayout) layout = make_label (cr, "0");
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static double
nice_step (double rough)
{
  double power = pow (10, floor (log10 (rough)));
  double f = rough / power;

  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/* The short label of a period under its tick: "Mar 27", "Q1 27". */
static char *
tick_label (const char *period)
{
  StwFrequency frequency;

  if (!stw_period_parse (period, &frequency))
    return g_strdup (period);
  if (frequency == STW_FREQUENCY_MONTHLY)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc ((int) g_ascii_strtoll (period, NULL, 10),
                                                     (int) g_ascii_strtoll (period + 5, NULL, 10), 1, 0, 0, 0);

      /* Translators: a month under the KPI chart, strftime: "Mar 27". */
      return g_date_time_format (dt, _("%b %y"));
    }
  if (frequency == STW_FREQUENCY_YEARLY)
    return g_strdup (period);
  /* "2027-Q1" → "Q1 27". */
  return g_strdup_printf ("%c%c %c%c", period[5], period[6], period[2], period[3]);
}

void
stw_kpi_chart_draw (cairo_t  *cr,
                    int       width,
                    int       height,
                    StwKpi   *kpi,
                    GArray   *timeline,
                    gboolean  is_dark)
{
  const StwKpiChartColours *c = stw_kpi_chart_colours (is_dark);
  double target = stw_kpi_get_target (kpi);
  double lo = target, hi = target;
  guint n = timeline ? timeline->len : 0;
  g_autofree char *lo_text = NULL, *hi_text = NULL, *target_text = NULL;
  int left, bottom, text_h;
  double plot_w, plot_h, slot, target_y, step;
  guint every;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (STW_IS_KPI (kpi));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_colour (cr, c->background);
  cairo_paint (cr);

  /* The value range: every value and the target, with some air. */
  for (guint i = 0; i < n; i++)
    {
      StwPeriodStatus *s = &g_array_index (timeline, StwPeriodStatus, i);

      if (s->has_value)
        {
          lo = MIN (lo, s->value);
          hi = MAX (hi, s->value);
        }
    }
  if (hi - lo < 1e-9)
    {
      lo -= MAX (1.0, fabs (lo) * 0.1);
      hi += MAX (1.0, fabs (hi) * 0.1);
    }
  else
    {
      double pad = (hi - lo) * 0.1;

      lo -= pad;
      hi += pad;
    }
  /* Round numbers on the axis: a step of 1, 2 or 5 times a power of ten,
   * about four of them. */
  step = nice_step ((hi - lo) / 4);
  lo = floor (lo / step) * step;
  hi = ceil (hi / step) * step;
  /* A percentage never goes outside 0–100. */
  if (g_strcmp0 (stw_kpi_get_unit (kpi), "%") == 0)
    {
      lo = MAX (lo, 0);
      hi = MIN (hi, 100);
    }

  lo_text = stw_kpi_format_value (kpi, lo);
  hi_text = stw_kpi_format_value (kpi, hi);
  target_text = stw_kpi_format_value (kpi, target);
  text_h = label_height (cr);
  left = 8 + MAX (label_width (cr, lo_text), MAX (label_width (cr, hi_text), label_width (cr, target_text)));
  left = MIN (left, width / 3);
  bottom = text_h + 8;
  plot_w = MAX (1, width - left - MARGIN_RIGHT);
  plot_h = MAX (1, height - MARGIN_TOP - bottom);

#define Y_OF(v) (MARGIN_TOP + plot_h * (1.0 - ((v) - lo) / (hi - lo)))

  /* Grid: the frame of the plot and the value labels. */
  set_colour (cr, c->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left + 0.5, MARGIN_TOP);
  cairo_line_to (cr, left + 0.5, MARGIN_TOP + plot_h + 0.5);
  cairo_line_to (cr, left + plot_w, MARGIN_TOP + plot_h + 0.5);
  cairo_stroke (cr);
  /* Grid lines at each step, labelled where the target's label leaves
   * room. */
  for (double v = lo; v <= hi + step / 2; v += step)
    {
      double y = round (Y_OF (v)) + 0.5;
      g_autofree char *label = stw_kpi_format_value (kpi, v);

      set_colour (cr, c->grid);
      cairo_move_to (cr, left + 1, y);
      cairo_line_to (cr, left + plot_w, y);
      cairo_stroke (cr);
      if (fabs (y - Y_OF (target)) < text_h)
        continue;
      set_colour (cr, c->text);
      draw_label (cr, label, left - 4, CLAMP (y, MARGIN_TOP + text_h / 2.0, MARGIN_TOP + plot_h), TRUE);
    }

  /* The target: on whole pixels, two wide. */
  target_y = round (Y_OF (target));
  set_colour (cr, c->target);
  cairo_set_line_width (cr, 2);
  {
    const double dashes[] = { 8, 4 };

    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    cairo_move_to (cr, left + 1, target_y);
    cairo_line_to (cr, left + plot_w, target_y);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }
  draw_label (cr, target_text, left - 4, target_y, TRUE);

  if (n == 0)
    {
      set_colour (cr, c->text);
      draw_label (cr, _("No measurements yet"), left + plot_w / 2, MARGIN_TOP + plot_h / 2, FALSE);
      cairo_restore (cr);
      return;
    }

  slot = plot_w / n;
  /* Period labels: as many as fit side by side. */
  {
    g_autofree char *widest = tick_label (g_array_index (timeline, StwPeriodStatus, 0).period);
    double need = label_width (cr, widest) + 8;

    every = MAX (1, (guint) ceil (need / MAX (slot, 1)));
  }
  set_colour (cr, c->text);
  for (guint i = 0; i < n; i += every)
    {
      /* The newest period is always labelled: count back from it. */
      guint j = n - 1 - i;
      g_autofree char *label = tick_label (g_array_index (timeline, StwPeriodStatus, j).period);

      draw_label (cr, label, left + slot * (j + 0.5), MARGIN_TOP + plot_h + 4 + text_h / 2.0, FALSE);
    }

  /* The line, broken where a period has no value. */
  set_colour (cr, c->line);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      StwPeriodStatus *s = &g_array_index (timeline, StwPeriodStatus, i);
      double x = left + slot * (i + 0.5);

      if (!s->has_value)
        continue;
      if (i > 0 && g_array_index (timeline, StwPeriodStatus, i - 1).has_value)
        cairo_line_to (cr, x, Y_OF (s->value));
      else
        {
          cairo_stroke (cr);
          cairo_move_to (cr, x, Y_OF (s->value));
        }
    }
  cairo_stroke (cr);

  /* Dots for values, crosses on the axis for missed periods. */
  for (guint i = 0; i < n; i++)
    {
      StwPeriodStatus *s = &g_array_index (timeline, StwPeriodStatus, i);
      double x = left + slot * (i + 0.5);

      if (s->has_value)
        {
          set_colour (cr, s->status == STW_KPI_MET ? c->met : c->not_met);
          cairo_arc (cr, x, Y_OF (s->value), 4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      else if (s->missed)
        {
          double y = MARGIN_TOP + plot_h - 6;

          set_colour (cr, c->missed);
          cairo_set_line_width (cr, 1.5);
          cairo_move_to (cr, x - 3.5, y - 3.5);
          cairo_line_to (cr, x + 3.5, y + 3.5);
          cairo_move_to (cr, x + 3.5, y - 3.5);
          cairo_line_to (cr, x - 3.5, y + 3.5);
          cairo_stroke (cr);
        }
    }
#undef Y_OF
  cairo_restore (cr);
}

cairo_surface_t *
stw_kpi_chart_render (StwWorkspace  *ws,
                      StwKpi        *kpi,
                      int            width,
                      int            height,
                      gboolean       is_dark,
                      GError       **error)
{
  g_autoptr(GArray) timeline = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (STW_IS_WORKSPACE (ws), NULL);
  g_return_val_if_fail (STW_IS_KPI (kpi), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  timeline = stw_workspace_kpi_timeline (ws, kpi, error);
  if (timeline == NULL)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  stw_kpi_chart_draw (cr, width, height, kpi, timeline, is_dark);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

gboolean
stw_kpi_chart_write_png (StwWorkspace  *ws,
                         StwKpi        *kpi,
                         int            width,
                         int            height,
                         gboolean       is_dark,
                         const char    *path,
                         GError       **error)
{
  cairo_surface_t *surface;
  g_autofree char *tmp = NULL;
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, FALSE);

  surface = stw_kpi_chart_render (ws, kpi, width, height, is_dark, error);
  if (surface == NULL)
    return FALSE;
  tmp = g_strconcat (path, ".tmp", NULL);
  status = cairo_surface_write_to_png (surface, tmp);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not write the chart to %s: %s"),
                   path, status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
