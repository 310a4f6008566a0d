/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-measure-dialog.h: "Record measurement" for one KPI: the period
 * (the current one unless changed), the value and a note. What the core
 * refuses (not a number, out of range, a period of another frequency or
 * one that has not begun) is shown on the field and nothing is recorded;
 * a period that has a value already asks before replacing it.
 *
 * Signals:
 *   "recorded" (StwMeasurement *measured, StwMeasurement *replaced): the
 *     value was stored; @replaced is the value it replaced, or NULL. The
 *     dialog then closes.
 */
#pragma once

#include <adwaita.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_MEASURE_DIALOG (stw_measure_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StwMeasureDialog, stw_measure_dialog, STW, MEASURE_DIALOG, AdwWindow)

StwMeasureDialog *stw_measure_dialog_new        (GtkWindow        *parent,
                                                 StwWorkspace     *workspace,
                                                 StwKpi           *kpi);
/* The fields, for keyboard focus and the tests. */
GtkEditable      *stw_measure_dialog_get_period (StwMeasureDialog *self);
GtkEditable      *stw_measure_dialog_get_value  (StwMeasureDialog *self);
GtkEditable      *stw_measure_dialog_get_note   (StwMeasureDialog *self);
/* What "Record" does. FALSE when refused: the message is shown on the
 * field and returned by stw_measure_dialog_get_error(). */
gboolean          stw_measure_dialog_record     (StwMeasureDialog *self);
/* The message shown, or NULL. */
const char       *stw_measure_dialog_get_error  (StwMeasureDialog *self);

G_END_DECLS
