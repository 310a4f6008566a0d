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
 * Everything goes through the normal write API, so the history is real.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stw-sample.h"

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
} OneOff;

static const OneOff treatments[] = {
  { N_("Enforce multi-factor sign-in for all administrator accounts"),
    N_("Treats R-003, account takeover of cloud administration."), 1, -40, STW_STATUS_DONE, "A.8.5" },
  { N_("Encrypt the disks of every company laptop"),
    N_("Treats R-005, data exposure from lost or stolen laptops."), 1, -10, STW_STATUS_IN_PROGRESS, "A.8.1" },
  { N_("Move the dispatch database backups off-site"),
    N_("Treats R-001, loss of the dispatch system."), 1, 25, STW_STATUS_TODO, "A.8.13" },
  { N_("Contract clause on security incidents for the freight-tracking supplier"),
    N_("Treats R-008, supplier breach not reported to us."), 4, 45, STW_STATUS_TODO, "A.5.20" },
  { N_("Phishing simulation for warehouse and office staff"),
    N_("Treats R-002, credential theft by phishing."), 2, 60, STW_STATUS_TODO, "A.6.3" },
  { N_("Segment the warehouse scanner network"),
    N_("Treats R-006, spread of malware from handheld scanners."), 1, 90, STW_STATUS_TODO, "A.8.22" },
  { N_("Leaver process: same-day account removal"),
    N_("Treats R-004, former staff keeping access."), 2, -5, STW_STATUS_IN_REVIEW, "A.5.18" },
  { N_("Cyber insurance renewal with ransomware cover"),
    N_("Transfers part of R-001 and R-007."), 4, 120, STW_STATUS_TODO, NULL },
};

static const OneOff corrective[] = {
  { N_("Access review for the finance system was skipped in Q2"),
    N_("Minor nonconformity from the internal audit (9.2). Root cause: no reminder and no deputy."),
    1, -20, STW_STATUS_IN_PROGRESS, "A.5.18" },
  { N_("Two leavers still had VPN accounts after a month"),
    N_("Minor nonconformity from the external surveillance audit."), 2, -3, STW_STATUS_TODO, "A.5.18" },
  { N_("Backup restore test records lacked the tested file list"),
    N_("Observation from the internal audit; improve the record template."), 0, -60, STW_STATUS_DONE, "A.8.13" },
  { N_("Visitor log at the depot not kept for three weeks"),
    N_("Minor nonconformity raised by the operations director."), 3, 14, STW_STATUS_TODO, "A.7.2" },
  { N_("Opportunity: automate the supplier review questionnaire"),
    N_("Opportunity for improvement from the management review."), 4, 75, STW_STATUS_TODO, NULL },
};

static const OneOff tasks[] = {
  { N_("Brief the board on the certification timeline"),
    N_("Decided by the last management review."), 0, -15, STW_STATUS_DONE, NULL },
  { N_("Update the ISMS scope after the new Rotterdam depot"),
    N_("Scope statement and asset list."), 0, 10, STW_STATUS_IN_PROGRESS, NULL },
  { N_("Choose a new external audit body"),
    N_("Collect three offers."), 3, 30, STW_STATUS_TODO, NULL },
  { N_("Send the information security policy to all new staff"),
    N_("Quarterly batch for new starters."), 2, -2, STW_STATUS_TODO, "A.5.1" },
  { N_("Renew the certificate for the customer portal"),
    NULL, 1, 40, STW_STATUS_TODO, NULL },
  { N_("Publish the ISMS objectives for next year"),
    N_("Clause 6.2 objectives with owners and measures."), 0, 100, STW_STATUS_TODO, NULL },
};

typedef struct {
  StwWorkspace *ws;
  gint64        people[G_N_ELEMENTS (people)];
  gint64        streams[4];
  char         *today;
  GRand        *rand;
} Sample;

static gboolean
add_item (Sample        *s,
          guint          stream,
          const char    *title,
          const char    *description,
          guint          owner,
          const char    *due,
          StwStatus      status,
          StwPriority    priority,
          const char    *clause,
          const char    *control,
          GError       **error)
{
  g_autoptr(StwItem) item = stw_item_new (s->streams[stream]);
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
  if (!stw_workspace_insert_item (s->ws, item, error))
    return FALSE;

  if (status == STW_STATUS_TODO)
    return TRUE;

  /* Progress is a change after creation, as it would be in real use. */
  stw_item_set_status (item, status);
  if (status == STW_STATUS_DONE)
    {
      stw_item_set_completed_date (item, due && strcmp (due, s->today) < 0 ? due : s->today);
      stw_item_set_closure_note (item, _("Done as planned; record filed with the evidence."));
    }
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
fill_realistic (Sample  *s,
                GError **error)
{
  const OneOff *lists[] = { treatments, corrective, tasks };
  const guint sizes[] = { G_N_ELEMENTS (treatments), G_N_ELEMENTS (corrective), G_N_ELEMENTS (tasks) };

  /* Operational plan: six months back, six ahead. */
  for (int month = -6; month <= 6; month++)
    for (guint t = 0; t < G_N_ELEMENTS (plan); t++)
      {
        const PlanTask *task = &plan[t];
        g_autofree char *due = NULL;
        StwStatus status;
        gboolean past;

        /* Spread the yearly and half-yearly work over the year. */
        if (((month + 6 + (int) t) % (int) task->every_months) != 0)
          continue;
        due = month_offset (s->today, month, 5 + (t * 7) % 22);
        past = strcmp (due, s->today) < 0;
        if (past)
          /* Most past work is done; about one in six is late. */
          status = g_rand_int_range (s->rand, 0, 6) == 0 ? STW_STATUS_TODO : STW_STATUS_DONE;
        else
          status = month == 0 && g_rand_boolean (s->rand) ? STW_STATUS_IN_PROGRESS : STW_STATUS_TODO;

        if (!add_item (s, 0, _(task->title), NULL, task->owner, due, status,
                       task->every_months == 12 ? STW_PRIORITY_HIGH : STW_PRIORITY_NORMAL,
                       task->clause, task->control, error))
          return FALSE;
      }

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < sizes[l]; i++)
      {
        const OneOff *o = &lists[l][i];
        g_autofree char *due = stw_date_add_days (s->today, o->due_in_days);

        if (!add_item (s, l + 1, _(o->title), o->description ? _(o->description) : NULL,
                       o->owner, due, o->status,
                       l == 1 ? STW_PRIORITY_HIGH : STW_PRIORITY_NORMAL,
                       l == 0 ? "8.3" : l == 1 ? "10.2" : NULL, o->control, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
fill_large (Sample  *s,
            guint    n_items,
            GError **error)
{
  for (guint i = 0; i < n_items; i++)
    {
      guint stream = i % 4;
      const char *title;
      g_autofree char *numbered = NULL;
      g_autofree char *due = NULL;
      StwStatus status;
      int offset = g_rand_int_range (s->rand, -540, 540);

      if (stream == 0)
        title = _(plan[i % G_N_ELEMENTS (plan)].title);
      else if (stream == 1)
        title = _(treatments[i % G_N_ELEMENTS (treatments)].title);
      else if (stream == 2)
        title = _(corrective[i % G_N_ELEMENTS (corrective)].title);
      else
        title = _(tasks[i % G_N_ELEMENTS (tasks)].title);
      numbered = g_strdup_printf ("%s (%u)", title, i + 1);
      due = stw_date_add_days (s->today, offset);
      if (offset < 0)
        status = g_rand_int_range (s->rand, 0, 8) == 0 ? STW_STATUS_TODO : STW_STATUS_DONE;
      else
        status = (StwStatus) g_rand_int_range (s->rand, 0, 3);

      if (!add_item (s, stream, numbered, NULL, g_rand_int_range (s->rand, 0, G_N_ELEMENTS (people)),
                     due, status, (StwPriority) g_rand_int_range (s->rand, 0, STW_N_PRIORITIES),
                     stream == 0 ? plan[i % G_N_ELEMENTS (plan)].clause : NULL, NULL, error))
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
  g_autoptr(GListModel) streams = NULL;
  Sample s = { 0 };
  gboolean ok;

  ws = stw_workspace_create (path, "Harbour Lane Logistics Ltd", people[0].name, error);
  if (ws == NULL)
    return NULL;

  s.ws = ws;
  s.today = stw_date_today ();
  s.rand = g_rand_new_with_seed (27001);

  if (!stw_workspace_begin (ws, error))
    goto fail;

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

  if (ok)
    ok = stw_workspace_commit (ws, error);
  else
    stw_workspace_rollback (ws);

  if (!ok)
    goto fail;

  g_rand_free (s.rand);
  g_free (s.today);
  return g_steal_pointer (&ws);

fail:
  g_rand_free (s.rand);
  g_free (s.today);
  g_clear_object (&ws);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
  return NULL;
}
