/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-plan-template-dialog.h: "Start from the template plan?": offers the
 * shipped plan of repeating ISMS tasks (stw_plan_template_get), lists them
 * with how often they repeat, asks who owns them, and adds them to the
 * operational plan.
 *
 * Wiring it into the main window:
 *
 *   - Offer it when the operational plan is empty (for example a button on
 *     the plan's empty state, "Start from the template plan…") and from
 *     the plan's menu, both through one action such as
 *     "win.apply-plan-template".
 *   - The action does
 *
 *       GtkWidget *d = stw_plan_template_dialog_new (GTK_WINDOW (window),
 *                                                    workspace);
 *       g_signal_connect (d, "done", G_CALLBACK (template_added_cb), window);
 *       gtk_window_present (GTK_WINDOW (d));
 *
 *     and template_added_cb shows a toast ("N items added to the plan").
 *     The items reach the views through the workspace's "item-changed"
 *     signal. Adding the template is one transaction; it is not put on the
 *     undo stack.
 *   - When the core refuses (no operational plan, a write error), the
 *     dialog shows the message in a second dialog over @parent and does
 *     not emit "done".
 */
#pragma once

#include <adwaita.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_PLAN_TEMPLATE_DIALOG (stw_plan_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StwPlanTemplateDialog, stw_plan_template_dialog, STW, PLAN_TEMPLATE_DIALOG, AdwMessageDialog)

/* Signals:
 *   "done" (int n_created): the template was added; @n_created items were
 *     created.
 *
 * Responses: "cancel" ("Not now") and "add" ("Add to plan"). Accessible
 * names: the owner combo "Owner of the template tasks", the list
 * "Template tasks". */

GtkWidget    *stw_plan_template_dialog_new           (GtkWindow             *parent,
                                                      StwWorkspace          *workspace);
StwWorkspace *stw_plan_template_dialog_get_workspace (StwPlanTemplateDialog *self);
/* The person chosen to own the tasks (0: nobody); it starts as the
 * current actor when active. */
gint64        stw_plan_template_dialog_get_owner_id  (StwPlanTemplateDialog *self);
void          stw_plan_template_dialog_set_owner_id  (StwPlanTemplateDialog *self,
                                                      gint64                 owner_id);
/* Whether template task @index (see stw_plan_template_get) is added; a
 * task the plan already holds starts unchosen, every other one chosen. */
gboolean      stw_plan_template_dialog_get_task_chosen (StwPlanTemplateDialog *self,
                                                        guint                  index);
void          stw_plan_template_dialog_set_task_chosen (StwPlanTemplateDialog *self,
                                                        guint                  index,
                                                        gboolean               chosen);

G_END_DECLS
