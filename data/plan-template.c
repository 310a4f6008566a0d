/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plan-template.c: the operational plan a new workspace can start from:
 * the recurring control work of an ISO/IEC 27001 ISMS, spread over the
 * ISMS year, in our own words. A C table so titles and descriptions go
 * through gettext; compiled into the core by app/meson.build.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-plan.h"

const StwPlanTemplateTask _stw_plan_template[] = {
  { N_("Policy and Statement of Applicability review"),
    N_("Check that the policies and the Statement of Applicability still fit the organisation and the risks; record approval."),
    STW_REPEAT_YEARLY, 1, 0, 20, "5.2", "A.5.1" },
  { N_("Risk assessment review"),
    N_("Review the risk register: new assets, threats and changes; rescore and update the treatment plan."),
    STW_REPEAT_YEARLY, 1, 1, 20, "8.2", NULL },
  { N_("Access rights review"),
    N_("Each system owner confirms who has access and removes what is no longer needed."),
    STW_REPEAT_QUARTERLY, 1, 0, 15, "8.1", "A.5.18" },
  { N_("Backup restore test"),
    N_("Restore a sample of data from backup and record what was restored and how long it took."),
    STW_REPEAT_QUARTERLY, 1, 1, 10, "8.1", "A.8.13" },
  { N_("Review of vulnerability scan results"),
    N_("Go through the latest scan, decide on each finding and track the fixes."),
    STW_REPEAT_MONTHLY, 1, 0, 5, "8.1", "A.8.8" },
  { N_("KPI measurement and reporting"),
    N_("Measure each ISMS indicator against its target and note the reasons for any miss."),
    STW_REPEAT_QUARTERLY, 1, 2, 28, "9.1", NULL },
  { N_("Supplier security review"),
    N_("Review the security of key suppliers: certificates, incidents, contract terms."),
    STW_REPEAT_YEARLY, 1, 3, 15, "8.1", "A.5.22" },
  { N_("Security awareness training"),
    N_("Train all staff; keep the attendance list and the material used."),
    STW_REPEAT_HALF_YEARLY, 1, 2, 10, "7.3", "A.6.3" },
  { N_("Organisation chart and roles update"),
    N_("Update the organisation chart and the security roles after any change."),
    STW_REPEAT_HALF_YEARLY, 1, 4, 1, "5.3", "A.5.2" },
  { N_("Business continuity test"),
    N_("Run the continuity exercise, record the outcome and the lessons learnt."),
    STW_REPEAT_YEARLY, 1, 5, 15, "8.1", "A.5.30" },
  { N_("Incident response exercise"),
    N_("Walk through a realistic incident with the response team and improve the procedure."),
    STW_REPEAT_YEARLY, 1, 6, 15, "8.1", "A.5.24" },
  { N_("Asset inventory review"),
    N_("Check that the inventory of information and assets is complete and every item has an owner."),
    STW_REPEAT_HALF_YEARLY, 1, 1, 25, "8.1", "A.5.9" },
  { N_("Internal audit"),
    N_("Audit the ISMS against the standard and the audit programme; report findings."),
    STW_REPEAT_YEARLY, 1, 8, 15, "9.2", NULL },
  { N_("Management review"),
    N_("Top management reviews the ISMS inputs and decides on changes and actions."),
    STW_REPEAT_YEARLY, 1, 10, 15, "9.3", NULL },
};

const guint _stw_plan_template_count = G_N_ELEMENTS (_stw_plan_template);
