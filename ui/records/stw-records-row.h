/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-row.h: the sidebar row that leads to "Objectives and KPIs",
 * under the risk register: how many KPIs are off target and how many
 * have a missed measurement (or how many KPIs there are, when all is
 * well), and a flag badge counting the KPIs off target. It follows the workspace's "records-changed".
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_RECORDS_ROW (stw_records_row_get_type ())
G_DECLARE_FINAL_TYPE (StwRecordsRow, stw_records_row, STW, RECORDS_ROW, GtkListBoxRow)

GtkWidget *stw_records_row_new           (void);
void       stw_records_row_set_workspace (StwRecordsRow *self,
                                          StwWorkspace  *workspace);
/* KPIs whose status is "not met", and KPIs with a missed period. */
guint      stw_records_row_get_n_off_target (StwRecordsRow *self);
guint      stw_records_row_get_n_missed     (StwRecordsRow *self);
/* The caption under the name ("2 off target · 3 missed"). */
const char *stw_records_row_get_caption     (StwRecordsRow *self);

G_END_DECLS
