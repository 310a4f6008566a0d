/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-sample.c: a sample ISMS to explore Steward with, and large
 * workspaces for benchmarks.
 *
 * The sample is a fictional logistics company half-way through its ISMS
 * year: recurring control work from six months ago to six months ahead
 * (mostly done behind, a few overdue), risk treatments, corrective actions
 * from audits, and one-off ISMS tasks. Dates are relative to today so the
 * sample always looks current; a fixed random seed keeps it reproducible.
 * Everything goes through the normal write API, so the history is real,
 * and it is written in the order the work would have happened, each entry
 * dated then (the store's clock, set for this workspace only): set up at
 * the start of the year, each completion on its done date, evidence filed
 * the same day.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stw-audit-store.h"
#include "stw-controls.h"
#include "stw-core-private.h"
#include "stw-evidence.h"
#include "stw-item-model.h"
#include "stw-item-private.h"
#include "stw-records-store.h"
#include "stw-risk-register.h"
#include "stw-sample.h"
#include "stw-soa.h"
#include "stw-workspace-list.h"
#include "stw-workspace-private.h"

typedef struct {
  const char *name;
  const char *role;
  const char *email;
} SamplePerson;

static const SamplePerson people[] = {
  { "Alex Morgan",    N_("ISMS manager"),             "alex.morgan@harbourlane.example" },
  { "Priya Shah",     N_("IT lead"),                  "priya.shah@harbourlane.example" },
  { "Tom Becker",     N_("HR manager"),               "tom.becker@harbourlane.example" },
  { "Sofia Rossi",    N_("Operations director"),      "sofia.rossi@harbourlane.example" },
  { "Daniel Okafor",  N_("Finance and suppliers"),    "daniel.okafor@harbourlane.example" },
  { "Mia Lindqvist",  N_("Internal auditor"),         "mia.lindqvist@harbourlane.example" },
};

/* Recurring work of the operational plan: title, interval in months, owner
 * (index into people), clause, Annex A control. */
typedef struct {
  const char *title;
  guint       every_months;
  guint       owner;
  const char *clause;
  const char *control;
} PlanTask;

static const PlanTask plan[] = {
  { N_("Backup restore test"),                    1, 1, "8.1", "A.8.13" },
  { N_("Review of vulnerability scan results"),   1, 1, "8.1", "A.8.8" },
  { N_("Access rights review"),                   3, 1, "8.1", "A.5.18" },
  { N_("KPI measurement and reporting"),          3, 0, "9.1", NULL },
  { N_("Security awareness training"),            6, 2, "7.3", "A.6.3" },
  { N_("Supplier security review"),               6, 4, "8.1", "A.5.22" },
  { N_("Organisation chart update"),              6, 2, "5.3", NULL },
  { N_("Internal audit"),                        12, 5, "9.2", NULL },
  { N_("Management review"),                     12, 3, "9.3", NULL },
  { N_("Business continuity test"),              12, 3, "8.1", "A.5.30" },
  { N_("Risk assessment review"),                12, 0, "8.2", NULL },
  { N_("Policy and Statement of Applicability review"), 12, 0, "5.2", "A.5.1" },
};

typedef struct {
  const char *title;
  const char *description;
  guint       owner;
  int         due_in_days;
  StwStatus   status;
  const char *control;
  guint       risk;            /* treatments: index into risks[] + 1 */
} OneOff;

typedef struct {
  const char   *title;
  const char   *asset;
  const char   *threat;
  const char   *vulnerability;
  guint         owner;
  guint         likelihood, impact;
  StwTreatment  treatment;
  guint         residual_likelihood, residual_impact;
  const char   *control;
} SampleRisk;

static const SampleRisk risks[] = {
  { N_("Loss of the dispatch system"), N_("Dispatch database"), N_("Ransomware or hardware failure"),
    N_("Backups kept in the same server room"), 1, 3, 5, STW_TREATMENT_MITIGATE, 2, 4, "A.8.13" },
  { N_("Credential theft by phishing"), N_("Email and office accounts"), N_("Phishing"),
    N_("Staff not trained to spot phishing"), 2, 4, 3, STW_TREATMENT_MITIGATE, 0, 0, "A.6.3" },
  { N_("Takeover of cloud administration"), N_("Cloud admin accounts"), N_("Password guessing"),
    N_("No second factor for administrators"), 1, 3, 5, STW_TREATMENT_MITIGATE, 1, 5, "A.8.5" },
  { N_("Former staff keep access"), N_("All business systems"), N_("Misuse by leavers"),
    N_("Leaver process depends on email to IT"), 2, 3, 4, STW_TREATMENT_MITIGATE, 2, 3, "A.5.18" },
  { N_("Data exposure from lost laptops"), N_("Laptops"), N_("Loss or theft"),
    N_("Disks not encrypted"), 1, 3, 4, STW_TREATMENT_MITIGATE, 0, 0, "A.8.1" },
  { N_("Malware spreading from warehouse scanners"), N_("Handheld scanners"), N_("Malware"),
    N_("Scanners on the office network"), 1, 2, 4, STW_TREATMENT_MITIGATE, 0, 0, "A.8.22" },
  { N_("Ransomware halts operations"), N_("All servers"), N_("Ransomware"),
    N_("Flat network, slow patching"), 1, 3, 5, STW_TREATMENT_TRANSFER, 0, 0, NULL },
  { N_("Supplier breach not reported to us"), N_("Freight-tracking service"), N_("Supplier incident"),
    N_("Contract silent on incident notice"), 4, 2, 4, STW_TREATMENT_MITIGATE, 0, 0, "A.5.20" },
  { N_("Depot visitors reach the office area"), N_("Leeds depot office"), N_("Unauthorised entry"),
    N_("Visitor log not always kept"), 3, 2, 3, STW_TREATMENT_ACCEPT, 2, 3, "A.7.2" },
  { N_("Customer portal outage"), N_("Customer tracking portal"), N_("Hosting failure"),
    N_("Single hosting region"), 1, 2, 5, STW_TREATMENT_MITIGATE, 0, 0, "A.8.14" },
};

static const OneOff treatments[] = {
  { N_("Enforce multi-factor sign-in for all administrator accounts"),
    N_("Treats account takeover of cloud administration."), 1, -40, STW_STATUS_DONE, "A.8.5", 3 },
  { N_("Encrypt the disks of every company laptop"),
    N_("Treats data exposure from lost or stolen laptops."), 1, -10, STW_STATUS_IN_PROGRESS, "A.8.1", 5 },
  { N_("Move the dispatch database backups off-site"),
    N_("Treats loss of the dispatch system."), 1, 25, STW_STATUS_TODO, "A.8.13", 1 },
  { N_("Contract clause on security incidents for the freight-tracking supplier"),
    N_("Treats a supplier breach not reported to us."), 4, 45, STW_STATUS_TODO, "A.5.20", 8 },
  { N_("Phishing simulation for warehouse and office staff"),
    N_("Treats credential theft by phishing."), 2, 60, STW_STATUS_TODO, "A.6.3", 2 },
  { N_("Segment the warehouse scanner network"),
    N_("Treats the spread of malware from handheld scanners."), 1, 90, STW_STATUS_TODO, "A.8.22", 6 },
  { N_("Leaver process: same-day account removal"),
    N_("Treats former staff keeping access."), 2, -5, STW_STATUS_IN_REVIEW, "A.5.18", 4 },
  { N_("Cyber insurance renewal with ransomware cover"),
    N_("Transfers part of the ransomware risk."), 4, 120, STW_STATUS_TODO, NULL, 7 },
};

typedef struct {
  OneOff               item;
  StwCaSource          source;
  const char          *source_ref;
  StwCaClassification  classification;
  const char          *root_cause;
  StwCheckResult       check;
} SampleCorrective;

static const SampleCorrective corrective[] = {
  { { N_("Access review for the finance system was skipped in Q2"),
      N_("No reminder and no deputy when the reviewer was away."), 1, -20, STW_STATUS_IN_PROGRESS, "A.5.18", 0 },
    STW_CA_SOURCE_INTERNAL_AUDIT, "IA-2026", STW_CA_MINOR_NONCONFORMITY,
    N_("The review depended on one person and was not in the operational plan."), STW_CHECK_PENDING },
  { { N_("Two leavers still had VPN accounts after a month"),
      N_("Found in the external surveillance audit."), 2, -3, STW_STATUS_TODO, "A.5.18", 0 },
    STW_CA_SOURCE_EXTERNAL_AUDIT, "Surveillance audit 1", STW_CA_MINOR_NONCONFORMITY, NULL, STW_CHECK_PENDING },
  { { N_("Backup restore test records lacked the tested file list"),
      N_("Improve the record template."), 0, -60, STW_STATUS_DONE, "A.8.13", 0 },
    STW_CA_SOURCE_INTERNAL_AUDIT, "IA-2026", STW_CA_OBSERVATION, NULL, STW_CHECK_PENDING },
  { { N_("Visitor log at the depot not kept for three weeks"),
      N_("Raised by the operations director."), 3, 14, STW_STATUS_TODO, "A.7.2", 0 },
    STW_CA_SOURCE_MONITORING, NULL, STW_CA_MINOR_NONCONFORMITY, NULL, STW_CHECK_PENDING },
  { { N_("Antivirus alerts were not reviewed for a week"),
      N_("Alerts went to a former employee's mailbox."), 1, -30, STW_STATUS_DONE, "A.8.7", 0 },
    STW_CA_SOURCE_INCIDENT, "INC-0412", STW_CA_MINOR_NONCONFORMITY,
    N_("Alert routing was tied to a person, not to a shared mailbox."), STW_CHECK_EFFECTIVE },
  { { N_("Opportunity: automate the supplier review questionnaire"),
      N_("From the management review."), 4, 75, STW_STATUS_TODO, NULL, 0 },
    STW_CA_SOURCE_MANAGEMENT_REVIEW, "MR-2026", STW_CA_OPPORTUNITY, NULL, STW_CHECK_PENDING },
};

static const OneOff tasks[] = {
  { N_("Brief the board on the certification timeline"),
    N_("Decided by the last management review."), 0, -15, STW_STATUS_DONE, NULL, 0 },
  { N_("Update the ISMS scope after the new Rotterdam depot"),
    N_("Scope statement and asset list."), 0, 10, STW_STATUS_IN_PROGRESS, NULL, 0 },
  { N_("Choose a new external audit body"),
    N_("Collect three offers."), 3, 30, STW_STATUS_TODO, NULL, 0 },
  { N_("Send the information security policy to all new staff"),
    N_("Quarterly batch for new starters."), 2, -2, STW_STATUS_TODO, "A.5.1", 0 },
  { N_("Renew the certificate for the customer portal"),
    NULL, 1, 40, STW_STATUS_TODO, NULL, 0 },
  { N_("Publish the ISMS objectives for next year"),
    N_("Clause 6.2 objectives with owners and measures."), 0, 100, STW_STATUS_TODO, NULL, 0 },
};

#define N_ONE_OFFS (G_N_ELEMENTS (treatments) + G_N_ELEMENTS (corrective) + G_N_ELEMENTS (tasks))

typedef struct {
  StwWorkspace *ws;
  gint64        people[G_N_ELEMENTS (people)];
  gint64        streams[4];
  gint64        risks[G_N_ELEMENTS (risks)];
  char         *today;
  GRand        *rand;
  /* The realistic sample's made-up year: the day it starts, and the time
   * no entry may pass (now, or midday when "today" is pinned). */
  char         *start;
  char         *now;
  /* Each plan task's current occurrence, and the one-off items. */
  StwItem      *current[G_N_ELEMENTS (plan)];
  StwItem      *one_offs[N_ONE_OFFS];
} Sample;

/* What happens to the realistic sample, in time order. */
typedef enum {
  EVENT_PLAN_CREATE,       /* the first occurrence of plan[index] */
  EVENT_PLAN_COMPLETE,     /* its current occurrence is done */
  EVENT_PLAN_AHEAD,        /* the rest of its next six months is planned */
  EVENT_ONE_OFF_CREATE,    /* one-off number index is raised */
  EVENT_ONE_OFF_ATTACH,    /* its evidence is filed */
  EVENT_ONE_OFF_PROGRESS,  /* it moves on to its status */
} EventKind;

typedef struct {
  char      *at;
  guint      order;
  EventKind  kind;
  guint      index;
} Event;

/* Closes @item as a person would: the note, and for risk treatment and
 * corrective actions where the evidence is kept. */
static void
close_item (Sample  *s,
            StwItem *item)
{
  const char *due = stw_item_get_due_date (item);

  stw_item_set_status (item, STW_STATUS_DONE);
  stw_item_set_completed_date (item, due && strcmp (due, s->today) < 0 ? due : s->today);
  stw_item_set_closure_note (item, _("Done as planned; record filed with the evidence."));
  if (stw_item_get_id (item) == 0 || stw_workspace_count_attachments (s->ws, "item", stw_item_get_id (item)) == 0)
    stw_item_set_no_evidence_reason (item, _("Records are kept in the IT ticket system."));
}

/* Files a small generated text file as evidence, as a person would
 * attach an export or a log. */
static gboolean
attach_text (Sample      *s,
             StwItem     *item,
             const char  *name,
             const char  *text,
             const char  *effective,
             GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("steward-sample-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StwAttachment) attachment = NULL;
  StwAttachOptions options = { NULL, effective, NULL };

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents (path, text, -1, error))
    return FALSE;
  file = g_file_new_for_path (path);
  attachment = stw_workspace_attach_file (s->ws, "item", stw_item_get_id (item), file, &options,
                                          NULL, NULL, NULL, error);
  g_unlink (path);
  g_rmdir (dir);
  return attachment != NULL;
}

static StwItem *
new_item (Sample         *s,
          guint           stream,
          const char     *title,
          const char     *description,
          guint           owner,
          const char     *due,
          StwPriority     priority,
          const char     *clause,
          const char     *control)
{
  StwItem *item = stw_item_new (s->streams[stream]);
  const char *clauses[] = { clause, NULL };
  const char *controls[] = { control, NULL };

  stw_item_set_title (item, title);
  stw_item_set_description (item, description);
  stw_item_set_owner_id (item, s->people[owner]);
  stw_item_set_due_date (item, due);
  stw_item_set_priority (item, priority);
  if (clause)
    stw_item_set_clauses (item, clauses);
  if (control)
    stw_item_set_controls (item, controls);
  return item;
}

/* Inserts, then moves it on as work would: progress is a change after
 * creation, so the history reads like real use. */
static gboolean
add_item (Sample     *s,
          StwItem    *item,
          StwStatus   status,
          const char *evidence_name,
          const char *evidence_text,
          GError    **error)
{
  if (!stw_workspace_insert_item (s->ws, item, error))
    return FALSE;
  if (evidence_name != NULL && !attach_text (s, item, evidence_name, evidence_text, s->today, error))
    return FALSE;
  if (status == STW_STATUS_TODO)
    return TRUE;
  if (status == STW_STATUS_DONE)
    close_item (s, item);
  else
    stw_item_set_status (item, status);
  return stw_workspace_update_item (s->ws, item, error);
}

static char *
month_offset (const char *today,
              int         months,
              guint       day)
{
  GDate d;
  int y, m;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, today);
  y = g_date_get_year (&d);
  m = (int) g_date_get_month (&d) - 1 + months;
  y += m >= 0 ? m / 12 : (m - 11) / 12;
  m = ((m % 12) + 12) % 12 + 1;
  day = MIN (day, g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y));
  return g_strdup_printf ("%04d-%02d-%02u", y, m, day);
}

static gboolean
add_risks (Sample  *s,
           GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (risks); i++)
    {
      const SampleRisk *r = &risks[i];
      g_autoptr(StwRisk) risk = stw_risk_new ();
      g_autofree char *review = stw_date_add_days (s->today, 30 + 20 * (int) i);
      const char *controls[] = { r->control, NULL };

      stw_risk_set_title (risk, _(r->title));
      stw_risk_set_asset (risk, _(r->asset));
      stw_risk_set_threat (risk, _(r->threat));
      stw_risk_set_vulnerability (risk, _(r->vulnerability));
      stw_risk_set_owner_id (risk, s->people[r->owner]);
      stw_risk_set_likelihood (risk, r->likelihood);
      stw_risk_set_impact (risk, r->impact);
      stw_risk_set_treatment (risk, r->treatment);
      stw_risk_set_residual_likelihood (risk, r->residual_likelihood);
      stw_risk_set_residual_impact (risk, r->residual_impact);
      stw_risk_set_status (risk, r->treatment == STW_TREATMENT_ACCEPT ? STW_RISK_ACCEPTED : STW_RISK_TREATING);
      stw_risk_set_next_review (risk, review);
      if (r->control)
        stw_risk_set_controls (risk, controls);
      if (!stw_workspace_insert_risk (s->ws, risk, error))
        return FALSE;
      s->risks[i] = stw_risk_get_id (risk);
    }
  return TRUE;
}

/* Objectives and KPIs (6.2, 9.1): a year and more of measurements, with
 * gaps where nobody measured and values off target, as a real ISMS has. */
typedef struct {
  const char         *title;
  const char         *description;
  guint               owner;
  int                 target_in_months;
  StwObjectiveStatus  status;
} SampleObjective;

static const SampleObjective objectives[] = {
  { N_("Keep every system patched within the policy window"),
    N_("Critical security updates installed within 14 days on servers, laptops and the tracking portal."),
    1, 9, STW_OBJECTIVE_ON_TRACK },
  { N_("Staff recognise and report phishing"),
    N_("Fewer clicks in the quarterly phishing exercise, and every employee trained each half-year."),
    2, 6, STW_OBJECTIVE_AT_RISK },
  { N_("Restore critical services within four hours"),
    N_("Dispatch and the customer tracking portal can be restored from backup within four hours."),
    3, 12, STW_OBJECTIVE_ON_TRACK },
};

/* Values oldest first, ending with the current period; NAN: missed. */
#define MISSED NAN

typedef struct {
  const char   *name;
  const char   *description;
  const char   *clause;
  const char   *unit;
  double        target;
  StwDirection  direction;
  StwFrequency  frequency;
  guint         owner;
  int           objective;    /* index into objectives, -1: none */
  double        values[16];
  guint         n_values;
} SampleKpi;

static const SampleKpi kpis[] = {
  { N_("Patch compliance"),
    N_("Share of critical security updates installed within 14 days of release, from the nightly scan."),
    "9.1", "%", 95, STW_DIRECTION_HIGHER, STW_FREQUENCY_MONTHLY, 1, 0,
    { 88.5, 91, 93.5, MISSED, 96, 97.5, 94, 95.5, 98, MISSED, 96.5, 97, 99, 98.5, 97.5 }, 15 },
  { N_("Phishing simulation click rate"),
    N_("Share of staff who clicked the link in the quarterly phishing exercise."),
    "7.3", "%", 5, STW_DIRECTION_LOWER, STW_FREQUENCY_QUARTERLY, 2, 1,
    { 14, 11, MISSED, 7.5, 6 }, 5 },
  { N_("Backup restore tests passed"),
    N_("Share of the monthly restore tests that restored the data complete and readable."),
    "8.1", "%", 100, STW_DIRECTION_HIGHER, STW_FREQUENCY_MONTHLY, 1, 2,
    { 100, 100, 75, 100, 100, 100, MISSED, 100, 100, 100, 80, 100, 100, 100 }, 14 },
  { N_("Days to close security incidents"),
    N_("Mean days from an incident being reported to its closure."),
    "9.1", N_("days"), 10, STW_DIRECTION_LOWER, STW_FREQUENCY_QUARTERLY, 0, -1,
    { 16, 12, 9, 11, 8 }, 5 },
  { N_("Security awareness training completed"),
    N_("Share of employees who completed the awareness course in the half-year."),
    "7.2", "%", 90, STW_DIRECTION_HIGHER, STW_FREQUENCY_HALF_YEARLY, 2, 1,
    { 82, 93, 87 }, 3 },
};

static gboolean
attach_to_measurement (Sample      *s,
                       gint64       measurement_id,
                       const char  *name,
                       const char  *text,
                       GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("steward-sample-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StwAttachment) attachment = NULL;

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents (path, text, -1, error))
    return FALSE;
  file = g_file_new_for_path (path);
  attachment = stw_workspace_attach_file (s->ws, "measurement", measurement_id, file, NULL,
                                          NULL, NULL, NULL, error);
  g_unlink (path);
  g_rmdir (dir);
  return attachment != NULL;
}

static gboolean
add_records (Sample  *s,
             GError **error)
{
  gint64 objective_ids[G_N_ELEMENTS (objectives)];

  for (guint i = 0; i < G_N_ELEMENTS (objectives); i++)
    {
      g_autoptr(StwObjective) o = stw_objective_new ();
      g_autofree char *target = month_offset (s->today, objectives[i].target_in_months, 31);

      stw_objective_set_title (o, _(objectives[i].title));
      stw_objective_set_description (o, _(objectives[i].description));
      stw_objective_set_owner_id (o, s->people[objectives[i].owner]);
      stw_objective_set_target_date (o, target);
      stw_objective_set_status (o, objectives[i].status);
      if (!stw_workspace_insert_objective (s->ws, o, error))
        return FALSE;
      objective_ids[i] = stw_objective_get_id (o);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      const SampleKpi *k = &kpis[i];
      g_autoptr(StwKpi) kpi = stw_kpi_new ();
      g_autofree char *period = NULL;
      g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_free);

      stw_kpi_set_name (kpi, _(k->name));
      stw_kpi_set_description (kpi, _(k->description));
      stw_kpi_set_clause (kpi, k->clause);
      stw_kpi_set_unit (kpi, g_str_equal (k->unit, "%") ? "%" : _(k->unit));
      stw_kpi_set_target (kpi, k->target);
      stw_kpi_set_direction (kpi, k->direction);
      stw_kpi_set_frequency (kpi, k->frequency);
      stw_kpi_set_owner_id (kpi, s->people[k->owner]);
      stw_kpi_set_objective_id (kpi, k->objective >= 0 ? objective_ids[k->objective] : 0);

      /* The last value is the current period's: count back from it. */
      period = stw_workspace_current_period (s->ws, kpi);
      for (guint v = 0; v < k->n_values; v++)
        {
          g_ptr_array_insert (periods, 0, g_strdup (period));
          g_free (period);
          period = stw_period_previous (periods->pdata[0]);
        }
      /* Measuring began with the first period, so the gaps are missed. */
      {
        g_autofree char *start = stw_period_first_day (periods->pdata[0]);

        stw_kpi_set_start_date (kpi, start);
      }
      if (!stw_workspace_insert_kpi (s->ws, kpi, error))
        return FALSE;

      for (guint v = 0; v < k->n_values; v++)
        {
          g_autoptr(StwMeasurement) m = NULL;
          const char *note = NULL;

          if (isnan (k->values[v]))
            continue;
          if (i == 0 && v == 2)
            note = _("Two warehouse scanners missed the update window; replaced in the following month.");
          else if (i == 2 && k->values[v] < 100)
            note = _("One restore test failed; the backup job was repaired and the test repeated.");
          m = stw_workspace_measure_kpi (s->ws, stw_kpi_get_id (kpi), periods->pdata[v], k->values[v], note,
                                         FALSE, NULL, error);
          if (m == NULL)
            return FALSE;
          /* The newest patch figure comes with the scan's report. */
          if (i == 0 && v == k->n_values - 1 &&
              !attach_to_measurement (s, stw_measurement_get_id (m), "patch-scan-summary.csv",
                                      "host_group,hosts,patched_within_14_days\n"
                                      "servers,24,24\nlaptops,118,114\nwarehouse_scanners,36,35\n",
                                      error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The Statement of Applicability as a company half-way through its first
 * year has it: most controls partly in place, those the plan or a
 * treatment proves implemented (the yearly reviews, not yet run in this
 * workspace's half year, leave theirs partial), a few excluded. Four lines do not match
 * what is running, as happens: segmentation marked implemented while its
 * treatment is still to do; the depot's entry control excluded while a
 * risk and an open corrective action rely on it; monitoring not started
 * while the ransomware risk, above the threshold, now relies on it; and
 * an exclusion nobody justified. Approved once, changed since. */
typedef struct {
  const char    *control;
  gboolean       applicable;
  StwSoaStatus   status;
  StwSoaReasons  reasons;
  const char    *justification;
} SampleSoaLine;

static const SampleSoaLine soa_lines[] = {
  { "A.5.1", TRUE, STW_SOA_PARTIAL, STW_SOA_REASON_BEST_PRACTICE | STW_SOA_REASON_CONTRACTUAL,
    N_("Customers ask for a certified ISMS in their contracts.") },
  { "A.5.18", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_RISK_TREATMENT, NULL },
  { "A.5.20", TRUE, STW_SOA_PLANNED, STW_SOA_REASON_RISK_TREATMENT | STW_SOA_REASON_CONTRACTUAL, NULL },
  { "A.5.22", TRUE, STW_SOA_PARTIAL, STW_SOA_REASON_BUSINESS, NULL },
  { "A.5.30", TRUE, STW_SOA_PLANNED, STW_SOA_REASON_BUSINESS,
    N_("Deliveries must go on when the head office is down.") },
  { "A.5.34", TRUE, STW_SOA_PARTIAL, STW_SOA_REASON_LEGAL, N_("GDPR: customer and driver data.") },
  { "A.6.3", TRUE, STW_SOA_PARTIAL, STW_SOA_REASON_RISK_TREATMENT, NULL },
  { "A.7.2", FALSE, STW_SOA_NOT_STARTED, STW_SOA_REASON_BUSINESS,
    N_("The landlord controls entry to the building.") },
  { "A.7.11", FALSE, STW_SOA_NOT_STARTED, 0, NULL },
  { "A.8.1", TRUE, STW_SOA_PARTIAL, STW_SOA_REASON_RISK_TREATMENT, NULL },
  { "A.8.5", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_RISK_TREATMENT, NULL },
  { "A.8.7", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_RISK_TREATMENT, NULL },
  { "A.8.8", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_RISK_TREATMENT | STW_SOA_REASON_BEST_PRACTICE, NULL },
  { "A.8.13", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_RISK_TREATMENT, NULL },
  { "A.8.14", TRUE, STW_SOA_PLANNED, STW_SOA_REASON_RISK_TREATMENT | STW_SOA_REASON_CONTRACTUAL,
    N_("The portal's availability is in the customer contracts.") },
  { "A.8.16", TRUE, STW_SOA_NOT_STARTED, STW_SOA_REASON_RISK_TREATMENT, NULL },
  { "A.8.22", TRUE, STW_SOA_PLANNED, STW_SOA_REASON_RISK_TREATMENT, NULL },
  { "A.8.30", FALSE, STW_SOA_NOT_STARTED, STW_SOA_REASON_BUSINESS,
    N_("No software development is outsourced.") },
};

/* "Ransomware halts operations" in risks[]. */
#define RANSOMWARE 6

static gboolean
set_soa_line (Sample               *s,
              const char           *control,
              const SampleSoaLine  *line,
              GError              **error)
{
  g_autoptr(StwSoaEntry) e = stw_workspace_load_soa_entry (s->ws, control, error);

  if (e == NULL)
    return FALSE;
  if (line != NULL)
    {
      stw_soa_entry_set_applicable (e, line->applicable);
      stw_soa_entry_set_status (e, line->status);
      stw_soa_entry_set_reasons (e, line->reasons);
      stw_soa_entry_set_justification (e, line->justification ? _(line->justification) : "");
    }
  else
    {
      /* The rest: adopted as good practice, partly in place. */
      stw_soa_entry_set_status (e, STW_SOA_PARTIAL);
      stw_soa_entry_set_reasons (e, STW_SOA_REASON_BEST_PRACTICE);
    }
  return stw_workspace_update_soa_entry (s->ws, e, error);
}

static gboolean
add_soa (Sample  *s,
         GError **error)
{
  const char *ransomware_controls[] = { "A.8.7", "A.8.16", NULL };
  g_autoptr(StwRisk) ransomware = NULL;

  for (guint i = 0; i < stw_controls_get_count (); i++)
    {
      const char *control = stw_controls_get (i)->id;
      const SampleSoaLine *line = NULL;

      for (guint l = 0; l < G_N_ELEMENTS (soa_lines); l++)
        if (g_str_equal (soa_lines[l].control, control))
          line = &soa_lines[l];
      if (!set_soa_line (s, control, line, error))
        return FALSE;
    }

  /* Working through the SoA, the ransomware risk gets the controls its
   * treatment relies on besides the insurance. */
  ransomware = stw_workspace_load_risk (s->ws, s->risks[RANSOMWARE], error);
  if (ransomware == NULL)
    return FALSE;
  stw_risk_set_controls (ransomware, ransomware_controls);
  if (!stw_workspace_update_risk (s->ws, ransomware, error))
    return FALSE;

  if (stw_workspace_approve_soa (s->ws, error) == 0)
    return FALSE;

  /* After the approval, segmentation is marked done ahead of its
   * treatment: the approval is stale and the SoA does not match. */
  {
    SampleSoaLine segmented = { "A.8.22", TRUE, STW_SOA_IMPLEMENTED, STW_SOA_REASON_RISK_TREATMENT, NULL };

    return set_soa_line (s, "A.8.22", &segmented, error);
  }
}

/* The internal audit programme (9.2): this year's audit, reported, with
 * its findings and their corrective actions (one closed, one under way),
 * and the next one planned, which the plan's internal-audit task runs.
 * The supplier review's owner is on the first audit's team while its
 * scope covers supplier security: a real independence warning. */
typedef struct {
  StwCaClassification  classification;
  const char          *clause;
  const char          *description;
  guint                owner;
  int                  due_in_months;
  /* Closed today, ahead of its due date: the sample's history is dated,
   * and a completion is recorded on its done date. */
  gboolean             closed;
} SampleFinding;

static const SampleFinding findings[] = {
  { STW_CA_MINOR_NONCONFORMITY, "A.5.18",
    N_("Two leavers kept active VPN accounts for three weeks after their last working day."), 1, 1, FALSE },
  { STW_CA_MINOR_NONCONFORMITY, "9.1",
    N_("The backup restore KPI was not measured for one month, and no reason was recorded."), 0, 1, TRUE },
  { STW_CA_OBSERVATION, "8.1",
    N_("Restore tests are well documented, but nobody reviews their results."), 1, 2, FALSE },
  { STW_CA_OPPORTUNITY, "A.5.22",
    N_("Supplier reviews could reuse the suppliers' own ISO 27001 certificates."), 4, 3, FALSE },
};

static gboolean
add_audits (Sample  *s,
            GError **error)
{
  g_autoptr(StwAudit) done = stw_audit_new ();
  g_autoptr(StwAudit) next = stw_audit_new ();
  g_autofree char *done_date = month_offset (s->today, -3, 12);
  g_autofree char *next_date = month_offset (s->today, 4, 15);
  const char *done_clauses[] = { "9.1", NULL };
  const char *done_controls[] = { "A.5.18", "A.5.22", NULL };
  const char *next_controls[] = { "A.8.13", "A.5.30", NULL };
  const char *next_processes[] = { N_("Backup and restore"), N_("Business continuity"), NULL };
  const char *processes[G_N_ELEMENTS (next_processes)] = { NULL };
  gint64 done_team[] = { s->people[4] };
  gint64 next_team[] = { s->people[2] };
  guint audit_task = G_N_ELEMENTS (plan);

  stw_audit_set_title (done, _("Performance evaluation and access control"));
  stw_audit_set_planned_date (done, done_date);
  stw_audit_set_lead_id (done, s->people[5]);
  stw_audit_set_team_ids (done, done_team, G_N_ELEMENTS (done_team));
  stw_audit_set_clauses (done, done_clauses);
  stw_audit_set_controls (done, done_controls);
  if (!stw_workspace_insert_audit (s->ws, done, error))
    return FALSE;
  stw_audit_set_status (done, STW_AUDIT_IN_PROGRESS);
  if (!stw_workspace_update_audit (s->ws, done, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      const SampleFinding *sf = &findings[i];
      g_autoptr(StwFinding) f = stw_finding_new (stw_audit_get_id (done));
      g_autofree char *due = month_offset (s->today, sf->due_in_months, 28);

      stw_finding_set_classification (f, sf->classification);
      stw_finding_set_clause (f, sf->clause);
      stw_finding_set_description (f, _(sf->description));
      stw_finding_set_ca_owner_id (f, s->people[sf->owner]);
      stw_finding_set_ca_due_date (f, due);
      if (!stw_workspace_insert_finding (s->ws, f, error))
        return FALSE;
      if (sf->closed)
        {
          g_autoptr(StwItem) item = stw_workspace_load_item (s->ws, stw_finding_get_item_id (f), error);
          g_autoptr(StwCorrective) ca = NULL;

          if (item == NULL)
            return FALSE;
          ca = stw_corrective_copy (stw_item_get_corrective (item));
          stw_corrective_set_text (&ca->correction, _("The missing month was measured late and recorded."));
          stw_corrective_set_text (&ca->root_cause_method, _("Five whys"));
          stw_corrective_set_text (&ca->root_cause, _("Measuring depended on one person, who was on leave."));
          stw_corrective_set_text (&ca->corrective_action, _("A deputy measures each KPI when its owner is away."));
          ca->check_result = STW_CHECK_EFFECTIVE;
          ca->checked_by = s->people[5];
          stw_corrective_set_text (&ca->check_note, _("Every KPI measured on time since."));
          stw_item_set_corrective (item, ca);
          close_item (s, item);
          if (!stw_workspace_update_item (s->ws, item, error))
            return FALSE;
        }
      else if (i == 0)
        {
          g_autoptr(StwItem) item = stw_workspace_load_item (s->ws, stw_finding_get_item_id (f), error);

          if (item == NULL)
            return FALSE;
          stw_item_set_status (item, STW_STATUS_IN_PROGRESS);
          if (!stw_workspace_update_item (s->ws, item, error))
            return FALSE;
        }
    }
  stw_audit_set_status (done, STW_AUDIT_REPORTED);
  stw_audit_set_conclusion (done, _("The ISMS conforms to clause 9 and is effectively implemented, "
                                    "with two minor nonconformities in access control and measurement."));
  stw_audit_set_report_notes (done, _("Interviews with the IT lead and the HR manager; samples of ten "
                                      "leavers and of the last six KPI reports."));
  if (!stw_workspace_update_audit (s->ws, done, error))
    return FALSE;

  for (guint i = 0; next_processes[i] != NULL; i++)
    processes[i] = _(next_processes[i]);
  stw_audit_set_title (next, _("Backup, restore and business continuity"));
  stw_audit_set_planned_date (next, next_date);
  stw_audit_set_lead_id (next, s->people[5]);
  stw_audit_set_team_ids (next, next_team, G_N_ELEMENTS (next_team));
  stw_audit_set_controls (next, next_controls);
  stw_audit_set_processes (next, processes);
  if (!stw_workspace_insert_audit (s->ws, next, error))
    return FALSE;

  /* The plan's internal-audit task runs the next audit. */
  for (guint t = 0; t < G_N_ELEMENTS (plan); t++)
    if (g_str_equal (plan[t].clause, "9.2"))
      audit_task = t;
  if (audit_task < G_N_ELEMENTS (plan) && s->current[audit_task] != NULL
      && !stw_workspace_link_item_to_audit (s->ws, stw_item_get_id (s->current[audit_task]),
                                            stw_audit_get_id (next), error))
    return FALSE;
  return TRUE;
}

/* @date at @minutes past midnight, as the history writes times. */
static char *
stamp (const char *date,
       guint       minutes)
{
  minutes = MIN (minutes, 24 * 60 - 1);
  return g_strdup_printf ("%sT%02u:%02u:00.000000Z", date, minutes / 60, minutes % 60);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = *(const Event * const *) a;
  const Event *eb = *(const Event * const *) b;
  int c = strcmp (ea->at, eb->at);

  if (c != 0)
    return c;
  return ea->order < eb->order ? -1 : ea->order > eb->order;
}

static void
event_free (gpointer data)
{
  Event *e = data;

  g_free (e->at);
  g_free (e);
}

static void
schedule (GPtrArray  *events,
          char       *at,
          EventKind   kind,
          guint       index)
{
  Event *e = g_new0 (Event, 1);

  e->at = at;
  e->order = events->len;
  e->kind = kind;
  e->index = index;
  g_ptr_array_add (events, e);
}

static void
plan_recurrence (Sample        *s,
                 guint          t,
                 StwRecurrence *recurrence,
                 char         **anchor)
{
  const PlanTask *task = &plan[t];

  *anchor = month_offset (s->today, -6 + (int) (t % task->every_months), 5 + (t * 7) % 22);
  recurrence->unit = STW_REPEAT_MONTHLY;
  recurrence->interval = task->every_months;
  g_strlcpy (recurrence->anchor, *anchor, sizeof recurrence->anchor);
  if (task->every_months == 3)
    recurrence->unit = STW_REPEAT_QUARTERLY, recurrence->interval = 1;
  else if (task->every_months == 6)
    recurrence->unit = STW_REPEAT_HALF_YEARLY, recurrence->interval = 1;
  else if (task->every_months == 12)
    recurrence->unit = STW_REPEAT_YEARLY, recurrence->interval = 1;
}

/* The one-off @n: a treatment, a corrective action or an ISMS task. */
static const OneOff *
one_off (guint n)
{
  if (n < G_N_ELEMENTS (treatments))
    return &treatments[n];
  n -= G_N_ELEMENTS (treatments);
  if (n < G_N_ELEMENTS (corrective))
    return &corrective[n].item;
  return &tasks[n - G_N_ELEMENTS (corrective)];
}

/* The workstream one-off @n goes to. */
static guint
one_off_stream (guint n)
{
  if (n < G_N_ELEMENTS (treatments))
    return 1;
  if (n < G_N_ELEMENTS (treatments) + G_N_ELEMENTS (corrective))
    return 2;
  return 3;
}

/* The evidence one-off @n files, if any, and its content. */
static const char *
one_off_evidence (guint        n,
                  const char **text)
{
  if (n == 0)
    {
      *text = "account,role,second factor,enrolled\n"
              "admin-cloud,administrator,hardware key,2026-09-14\n"
              "admin-backup,administrator,authenticator app,2026-09-15\n"
              "admin-network,administrator,hardware key,2026-09-15\n";
      return "mfa-enrolment-report.csv";
    }
  if (n >= G_N_ELEMENTS (treatments) && n - G_N_ELEMENTS (treatments) < G_N_ELEMENTS (corrective)
      && corrective[n - G_N_ELEMENTS (treatments)].check == STW_CHECK_EFFECTIVE)
    {
      *text = "Change 2026-118: antivirus alerts now go to the shared security mailbox.\n"
              "Tested by sending the EICAR test file from a lab laptop; alert received in 2 minutes.\n";
      return "alert-routing-change.txt";
    }
  return NULL;
}

static StwItem *
new_one_off (Sample *s,
             guint   n)
{
  const OneOff *o = one_off (n);
  g_autofree char *due = stw_date_add_days (s->today, o->due_in_days);
  StwItem *item;

  if (one_off_stream (n) == 1)
    {
      item = new_item (s, 1, _(o->title), _(o->description), o->owner, due, STW_PRIORITY_NORMAL, "8.3", o->control);
      stw_item_set_risk_id (item, s->risks[o->risk - 1]);
    }
  else if (one_off_stream (n) == 2)
    {
      const SampleCorrective *c = &corrective[n - G_N_ELEMENTS (treatments)];
      g_autoptr(StwCorrective) ca = stw_corrective_new ();

      item = new_item (s, 2, _(o->title), _(o->description), o->owner, due, STW_PRIORITY_HIGH, "10.2", o->control);
      ca->source = c->source;
      stw_corrective_set_text (&ca->source_ref, c->source_ref);
      ca->classification = c->classification;
      ca->action_type = c->classification == STW_CA_OPPORTUNITY ? STW_CA_TYPE_IMPROVEMENT
                                                                : STW_CA_TYPE_CORRECTIVE_ACTION;
      if (c->root_cause)
        {
          stw_corrective_set_text (&ca->root_cause_method, _("Five whys"));
          stw_corrective_set_text (&ca->root_cause, _(c->root_cause));
        }
      ca->check_result = c->check;
      if (c->check == STW_CHECK_EFFECTIVE)
        {
          g_autofree char *checked = stw_date_add_days (s->today, -35);
          ca->checked_by = s->people[5];
          g_strlcpy (ca->check_date, checked, sizeof ca->check_date);
          stw_corrective_set_text (&ca->check_note, _("No missed alerts in the four weeks checked."));
        }
      stw_item_set_corrective (item, ca);
    }
  else
    item = new_item (s, 3, _(o->title), o->description ? _(o->description) : NULL,
                     o->owner, due, STW_PRIORITY_NORMAL, NULL, o->control);
  return item;
}

/* When one-off @n is raised, and when it reaches its status (its done
 * date, as close_item() sets it). */
static void
one_off_dates (Sample  *s,
               guint    n,
               char   **raised,
               char   **moved)
{
  const OneOff *o = one_off (n);
  g_autofree char *due = stw_date_add_days (s->today, o->due_in_days);
  const char *until = strcmp (due, s->today) < 0 ? due : s->today;
  g_autofree char *early = stw_date_add_days (until, -30);

  *raised = g_strdup (strcmp (early, s->start) > 0 ? early : s->start);
  if (o->status == STW_STATUS_DONE)
    *moved = g_strdup (until);
  else
    {
      g_autofree char *later = stw_date_add_days (*raised, 10);

      *moved = g_strdup (strcmp (later, s->today) < 0 ? later : s->today);
    }
}

/* The realistic sample's year as events, in time order. The random draws
 * (which plan occurrence is left overdue) come in the order they always
 * did, so the sample holds the same work as before. */
static GPtrArray *
plan_year (Sample *s)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (event_free);
  g_autofree char *set_up = stw_date_add_days (s->start, 2);
  g_autofree char *planning = stw_date_add_days (s->today, -14);
  char *raised[N_ONE_OFFS] = { NULL };

  for (guint t = 0; t < G_N_ELEMENTS (plan); t++)
    {
      g_autofree char *anchor = NULL;
      g_autofree char *due = NULL;
      g_autofree char *last = NULL;
      StwRecurrence recurrence = { 0 };
      char *ahead;

      plan_recurrence (s, t, &recurrence, &anchor);
      schedule (events, stamp (set_up, 9 * 60 + t * 5), EVENT_PLAN_CREATE, t);

      /* Past occurrences are completed on their due date; the latest is
       * sometimes still open: overdue. */
      due = g_strdup (anchor);
      while (strcmp (due, s->today) < 0)
        {
          char *following = stw_recurrence_next_after (&recurrence, due);

          if (strcmp (following, s->today) >= 0 && g_rand_int_range (s->rand, 0, 3) == 0)
            {
              g_free (following);
              break;
            }
          g_free (last);
          last = stamp (due, 15 * 60 + t * 5);
          schedule (events, g_strdup (last), EVENT_PLAN_COMPLETE, t);
          g_free (due);
          due = following;
        }

      /* Planned ahead a fortnight ago, after its last completion. */
      ahead = stamp (planning, 10 * 60 + t * 5);
      if (last != NULL && strcmp (last, ahead) >= 0)
        {
          g_free (ahead);
          ahead = g_strdup_printf ("%.17s59.000000Z", last);
        }
      schedule (events, ahead, EVENT_PLAN_AHEAD, t);
    }

  /* One-offs are raised in the order of their lists, so their references
   * read as before (T-001 is the first task): a later one raised earlier
   * than its date says pulls the ones before it along. */
  for (guint n = N_ONE_OFFS; n-- > 0;)
    {
      g_autofree char *moved = NULL;

      one_off_dates (s, n, &raised[n], &moved);
      if (n + 1 < N_ONE_OFFS && one_off_stream (n + 1) == one_off_stream (n) && strcmp (raised[n + 1], raised[n]) < 0)
        {
          g_free (raised[n]);
          raised[n] = g_strdup (raised[n + 1]);
        }
    }

  for (guint n = 0; n < N_ONE_OFFS; n++)
    {
      const OneOff *o = one_off (n);
      g_autofree char *unused = NULL;
      g_autofree char *moved = NULL;
      const char *text = NULL;

      one_off_dates (s, n, &unused, &moved);
      schedule (events, stamp (raised[n], 10 * 60 + n * 5), EVENT_ONE_OFF_CREATE, n);
      if (one_off_evidence (n, &text) != NULL)
        schedule (events, stamp (moved, 14 * 60 + n * 5), EVENT_ONE_OFF_ATTACH, n);
      if (o->status != STW_STATUS_TODO)
        schedule (events, stamp (moved, 16 * 60 + n * 5), EVENT_ONE_OFF_PROGRESS, n);
    }

  for (guint n = 0; n < N_ONE_OFFS; n++)
    g_free (raised[n]);
  g_ptr_array_sort (events, compare_events);
  return g_steal_pointer (&events);
}

/* Completing an occurrence scheduled the next: carry on with it. */
static gboolean
complete_occurrence (Sample  *s,
                     guint    t,
                     GError **error)
{
  StwItem *item = s->current[t];
  g_autoptr(GListModel) series = NULL;
  StwItemFilter filter;
  StwItem *next = NULL;

  close_item (s, item);
  if (!stw_workspace_update_item (s->ws, item, error))
    return FALSE;

  stw_item_filter_init (&filter, s->streams[0]);
  filter.statuses = STW_STATUS_MASK_OPEN;
  series = stw_workspace_filter_items (s->ws, &filter, error);
  if (series == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (series); i++)
    {
      g_autoptr(StwItem) candidate = g_list_model_get_item (series, i);

      if (stw_item_get_series_id (candidate) == stw_item_get_series_id (item))
        g_set_object (&next, candidate);
    }
  if (next != NULL)
    {
      g_object_unref (s->current[t]);
      s->current[t] = next;
    }
  return TRUE;
}

/* The rest of the next six months of plan task @t. */
static gboolean
plan_ahead (Sample  *s,
            guint    t,
            GError **error)
{
  StwItem *item = s->current[t];
  g_autofree char *horizon = month_offset (s->today, 6, 28);
  g_autofree char *after = stw_date_add_days (stw_item_get_due_date (item), 1);
  g_auto(GStrv) dates = stw_recurrence_between (stw_item_get_recurrence (item), after, horizon);

  for (guint d = 0; dates[d]; d++)
    {
      g_autoptr(StwItem) later = stw_item_copy (item);

      _stw_item_set_stored (later, 0, NULL, NULL, NULL, NULL);
      stw_item_set_status (later, STW_STATUS_TODO);
      stw_item_set_completed_date (later, NULL);
      stw_item_set_closure_note (later, NULL);
      stw_item_set_no_evidence_reason (later, NULL);
      stw_item_set_position (later, 0);
      stw_item_set_due_date (later, dates[d]);
      if (!stw_workspace_insert_item (s->ws, later, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_event (Sample       *s,
           const Event  *e,
           GError      **error)
{
  guint n = e->index;

  switch (e->kind)
    {
    case EVENT_PLAN_CREATE:
      {
        const PlanTask *task = &plan[n];
        g_autofree char *anchor = NULL;
        StwRecurrence recurrence = { 0 };

        plan_recurrence (s, n, &recurrence, &anchor);
        s->current[n] = new_item (s, 0, _(task->title), NULL, task->owner, anchor,
                                  task->every_months == 12 ? STW_PRIORITY_HIGH : STW_PRIORITY_NORMAL,
                                  task->clause, task->control);
        stw_item_set_recurrence (s->current[n], &recurrence);
        return stw_workspace_insert_item (s->ws, s->current[n], error);
      }
    case EVENT_PLAN_COMPLETE:
      return complete_occurrence (s, n, error);
    case EVENT_PLAN_AHEAD:
      return plan_ahead (s, n, error);
    case EVENT_ONE_OFF_CREATE:
      s->one_offs[n] = new_one_off (s, n);
      return stw_workspace_insert_item (s->ws, s->one_offs[n], error);
    case EVENT_ONE_OFF_ATTACH:
      {
        const char *text = NULL;
        const char *name = one_off_evidence (n, &text);

        g_autofree char *day = g_strndup (e->at, 10);

        return attach_text (s, s->one_offs[n], name, text, day, error);
      }
    case EVENT_ONE_OFF_PROGRESS:
      if (one_off (n)->status == STW_STATUS_DONE)
        close_item (s, s->one_offs[n]);
      else
        stw_item_set_status (s->one_offs[n], one_off (n)->status);
      return stw_workspace_update_item (s->ws, s->one_offs[n], error);
    default:
      g_assert_not_reached ();
    }
}

/* Sets the history's clock to @at, but never past the sample's now. */
static void
set_clock (Sample     *s,
           const char *at)
{
  _stw_workspace_set_clock (s->ws, strcmp (at, s->now) < 0 ? at : s->now);
}

static gboolean
fill_realistic (Sample  *s,
                GError **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *assessed = stw_date_add_days (s->start, 1);
  g_autofree char *at = stamp (assessed, 11 * 60);
  gboolean ok;

  /* The risk assessment comes first, the day after the set-up. */
  set_clock (s, at);
  if (!add_risks (s, error))
    return FALSE;

  events = plan_year (s);
  ok = TRUE;
  for (guint i = 0; ok && i < events->len; i++)
    {
      const Event *e = events->pdata[i];

      set_clock (s, e->at);
      ok = run_event (s, e, error);
    }

  /* The objectives and KPIs are entered last, their earlier figures
   * carried over from before the workspace: recorded now. */
  if (ok)
    {
      set_clock (s, s->now);
      ok = add_records (s, error);
      ok = ok && add_audits (s, error);
    }
  if (ok)
    ok = add_soa (s, error);

  for (guint t = 0; t < G_N_ELEMENTS (plan); t++)
    g_clear_object (&s->current[t]);
  for (guint n = 0; n < N_ONE_OFFS; n++)
    g_clear_object (&s->one_offs[n]);
  return ok;
}

static gboolean
fill_large (Sample  *s,
            guint    n_items,
            GError **error)
{
  if (!add_risks (s, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      guint stream = i % 4;
      const char *title;
      g_autofree char *numbered = NULL;
      g_autofree char *due = NULL;
      g_autoptr(StwItem) item = NULL;
      StwStatus status;
      int offset = g_rand_int_range (s->rand, -540, 540);

      guint k = i / 4;   /* the n-th item of its workstream: every title gets used */

      if (stream == 0)
        title = _(plan[k % G_N_ELEMENTS (plan)].title);
      else if (stream == 1)
        title = _(treatments[k % G_N_ELEMENTS (treatments)].title);
      else if (stream == 2)
        title = _(corrective[k % G_N_ELEMENTS (corrective)].item.title);
      else
        title = _(tasks[k % G_N_ELEMENTS (tasks)].title);
      numbered = g_strdup_printf ("%s (%u)", title, i + 1);
      due = stw_date_add_days (s->today, offset);
      if (offset < 0)
        status = g_rand_int_range (s->rand, 0, 8) == 0 ? STW_STATUS_TODO : STW_STATUS_DONE;
      else
        status = (StwStatus) g_rand_int_range (s->rand, 0, 3);

      item = new_item (s, stream, numbered, NULL, g_rand_int_range (s->rand, 0, G_N_ELEMENTS (people)),
                       due, (StwPriority) g_rand_int_range (s->rand, 0, STW_N_PRIORITIES),
                       stream == 0 ? plan[k % G_N_ELEMENTS (plan)].clause : NULL, NULL);
      if (stream == 1)
        stw_item_set_risk_id (item, s->risks[k % G_N_ELEMENTS (risks)]);
      if (stream == 2)
        {
          /* Alternate observations with nonconformities that were fixed
           * and checked, so every closed one follows the rules. */
          g_autoptr(StwCorrective) ca = stw_corrective_new ();

          ca->classification = (i / 4) % 2 ? STW_CA_OBSERVATION : STW_CA_MINOR_NONCONFORMITY;
          if (ca->classification == STW_CA_MINOR_NONCONFORMITY && status == STW_STATUS_DONE)
            {
              stw_corrective_set_text (&ca->root_cause, _("Task depended on one person."));
              ca->check_result = STW_CHECK_EFFECTIVE;
            }
          stw_item_set_corrective (item, ca);
        }
      if (!add_item (s, item, status, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

StwWorkspace *
stw_sample_create (const char  *path,
                   guint        n_items,
                   GError     **error)
{
  g_autoptr(StwWorkspace) ws = NULL;
  g_autofree char *set_up = NULL;
  Sample s = { 0 };
  gboolean ok = FALSE;

  s.today = stw_date_today ();
  /* The realistic sample's history starts seven months back; a large one
   * for load tests is not read as a story and keeps the real time. */
  if (n_items == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *real_today = g_date_time_format (now, "%Y-%m-%d");

      s.start = month_offset (s.today, -7, 1);
      s.now = g_str_equal (real_today, s.today) ? stw_timestamp_now () : stamp (s.today, 12 * 60);
      set_up = stamp (s.start, 8 * 60);
      if (strcmp (set_up, s.now) > 0)
        g_clear_pointer (&set_up, g_free);
    }

  /* Built as a draft that no list shows, and named only when complete: a
   * sample cut short leaves no half-made workspace behind. */
  ws = _stw_workspace_create_draft_at (path, "Harbour Lane Logistics Ltd", people[0].name, set_up, error);
  if (ws == NULL)
    {
      g_free (s.today);
      g_free (s.start);
      g_free (s.now);
      return NULL;
    }

  s.ws = ws;
  s.rand = g_rand_new_with_seed (27001);

  if (!stw_workspace_begin (ws, error))
    goto out;

  s.people[0] = stw_workspace_get_actor_id (ws);
  ok = stw_workspace_update_person (ws, s.people[0], people[0].name, _(people[0].role),
                                    people[0].email, TRUE, error);
  for (guint i = 1; ok && i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(StwPerson) p = stw_workspace_add_person (ws, people[i].name, _(people[i].role),
                                                         people[i].email, error);
      ok = p != NULL;
      if (ok)
        s.people[i] = stw_person_get_id (p);
    }
  ok = ok && stw_workspace_update_organisation (ws, "Harbour Lane Logistics Ltd",
                                                _("Road freight dispatch, warehousing and the customer "
                                                  "tracking portal, run from the Leeds head office and "
                                                  "the Leeds and Rotterdam depots."),
                                                s.people[0], 1, 12, error);

  for (guint i = 0; ok && i < 4; i++)
    {
      g_autoptr(StwWorkstream) stream = g_list_model_get_item (stw_workspace_get_workstreams (ws), i);
      s.streams[i] = stw_workstream_get_id (stream);
    }

  ok = ok && (n_items == 0 ? fill_realistic (&s, error) : fill_large (&s, n_items, error));
  /* From here on, the workspace's own time. */
  _stw_workspace_set_clock (ws, NULL);
  /* So that "Open sample workspace" finds this one again; a large one for
   * load tests is not that sample. */
  ok = ok && (n_items > 0 || stw_workspace_set_setting (ws, "made_by", "sample", error));

  if (ok)
    ok = stw_workspace_commit (ws, error);
  else
    stw_workspace_rollback (ws);

out:
  _stw_workspace_set_clock (ws, NULL);
  g_rand_free (s.rand);
  g_free (s.today);
  g_free (s.start);
  g_free (s.now);
  if (!ok)
    return NULL;
  /* Another sample may have taken the name meanwhile: take the next. */
  return stw_workspace_publish (ws, path, TRUE, error);
}

char *
stw_sample_find (void)
{
  g_autoptr(GListModel) list = stw_workspaces_list (NULL);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(StwWorkspaceInfo) info = g_list_model_get_item (list, i);

      if (stw_workspace_info_is_sample (info))
        return g_strdup (stw_workspace_info_get_path (info));
    }
  return NULL;
}
