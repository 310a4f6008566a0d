/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-cli.c: the headless command line (no display needed), for scripts,
 * automation and tests: a table of subcommands, each parsed with its own
 * GOptionContext and run by its own function.
 *
 * A new command is one row in `commands` plus its function; `steward help`,
 * `steward COMMAND --help`, the unknown-command message and the bash
 * completion test all read the table.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "stw-cli.h"
#include "stw-evidence.h"
#include "stw-risk-register.h"
#include "stw-sample.h"
#include "stw-workspace-list.h"
#include "stw-workspace.h"

#define MAX_SAMPLE_ITEMS 100000

typedef struct _StwCliCommand StwCliCommand;

/* One run of a command: what it was given and where it writes. */
typedef struct
{
  const StwCliCommand *command;
  /* The words after the command's name. */
  const char * const  *args;
  /* Results, for scripts. */
  GString             *out;
  /* Messages for people. */
  GString             *err;
} StwCliCall;

typedef int (*StwCliRunFunc) (const StwCliCall *call);

struct _StwCliCommand
{
  const char    *name;
  /* One line for `steward help`. */
  const char    *summary;
  /* What follows the name on the usage line. */
  const char    *usage;
  /* More for `steward COMMAND --help`, or NULL. */
  const char    *description;
  StwCliRunFunc  run;
};

/* Prototypes */

static int run_list   (const StwCliCall *call);
static int run_new    (const StwCliCall *call);
static int run_sample (const StwCliCall *call);
static int run_check  (const StwCliCall *call);
static int run_items  (const StwCliCall *call);
static int run_attach (const StwCliCall *call);
static int run_measure (const StwCliCall *call);
static int run_kpis   (const StwCliCall *call);
static int run_soa    (const StwCliCall *call);
static int run_audits (const StwCliCall *call);
static int run_help   (const StwCliCall *call);

/* Statics */

static const StwCliCommand commands[] = {
  { "list",
    N_("List the workspaces: name, organisation, file"),
    "",
    N_("Prints one line per workspace in the workspace folder, with tabs "
       "between the columns."),
    run_list },
  { "new",
    N_("Create a workspace for an organisation"),
    /* Translators: NAME, PERSON, WORKSPACE, FILE, REF, TEXT, N and COMMAND
     * in the command line help stand for what the user types; --me and the
     * other options stay as they are. */
    N_("NAME --me PERSON"),
    N_("Creates a workspace for the organisation NAME, with PERSON as its "
       "first person and the one recorded as making the change, and prints "
       "the path of its file."),
    run_new },
  { "sample",
    N_("Create a workspace filled with sample data"),
    N_("[--new] [--items N]"),
    N_("Creates a workspace with a realistic year of ISMS work, or with "
       "about N items for load tests, and prints the path of its file. "
       "When the sample exists already, prints its path instead, unless "
       "--new is given."),
    run_sample },
  { "check",
    N_("Check a workspace: database, history chain and evidence files"),
    N_("WORKSPACE [--expect-head HASH]"),
    N_("Checks the integrity of the database, verifies the hash chain of the "
       "history, and checks every evidence file against its SHA-256. It "
       "replays the history to prove each record's fields, checks the guard "
       "triggers, and that the history still holds the head this computer "
       "last wrote. With --expect-head, the history must also hold that "
       "head. Exits with 0 only when all of it is intact."),
    run_check },
  { "items",
    N_("List the items of a workspace"),
    N_("WORKSPACE"),
    N_("Prints one line per item in due-date order: reference, workstream, "
       "status, owner, due date and title, with tabs between the columns."),
    run_items },
  { "attach",
    N_("Attach a file as evidence to an item or risk"),
    N_("WORKSPACE FILE --to REF [--note TEXT]"),
    N_("Files FILE as evidence on the item (or risk) REF, for example a "
       "nightly backup log, and prints its SHA-256 and name."),
    run_attach },
  { "measure",
    N_("Record the value of a KPI for a period"),
    N_("WORKSPACE KPI VALUE [--period PERIOD] [--note TEXT] [--replace]"),
    N_("Records VALUE for the KPI (K-001) in PERIOD, by default the current "
       "period of its frequency: 2027-03 for a monthly KPI, 2027-Q1 "
       "quarterly, 2027-H1 half-yearly, 2027 yearly. For a nightly script, "
       "say, that records patch compliance. VALUE is a number with a dot "
       "for decimals, from 0 to 100 when the unit is %. A period that has "
       "a value already is refused unless --replace is given; the value "
       "replaced stays in the history. Prints the KPI, the period, the "
       "value and whether it met the target, with tabs between the "
       "columns. Nothing is recorded when anything is wrong."),
    run_measure },
  { "kpis",
    N_("List the KPIs of a workspace with their status"),
    N_("WORKSPACE"),
    N_("Prints one line per KPI: reference, status (met, not_met or "
       "no_data), the period it is judged by, its value there, target, "
       "direction, frequency, missed past periods and name, with tabs "
       "between the columns. A KPI is judged by its current period once "
       "that has a value, otherwise by the last period that ended."),
    run_kpis },
  { "soa",
    N_("Show the Statement of Applicability, its mismatches, or approve it"),
    N_("WORKSPACE [--mismatches] [--approve]"),
    N_("Prints one line per Annex A control: control, applicable or "
       "excluded, implementation status (not_started, planned, partial or "
       "implemented), the reasons given, the number of risks and of items "
       "that name it, and the free text of the justification, with tabs "
       "between the columns. With --mismatches, prints only where the SoA "
       "does not match what is running: control, rule, the items and the "
       "risks behind it, and what is wrong. With --approve, records that "
       "you approve the SoA as it stands, as its next version, and prints "
       "the version."),
    run_soa },
  { "audits",
    N_("List the internal audits of a workspace"),
    N_("WORKSPACE"),
    N_("Prints one line per internal audit in planned-date order: "
       "reference, status (planned, in_progress, reported or closed), "
       "planned date, lead auditor, number of findings, number of their "
       "corrective actions still open, and number of auditors who own "
       "something inside the audit's scope (independence warnings), with "
       "tabs between the columns."),
    run_audits },
  { "help",
    N_("Show the commands, or the help of one command"),
    N_("[COMMAND]"),
    NULL,
    run_help },
};

/* Helpers */

static const StwCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static gboolean
is_help_option (const char *arg)
{
  return g_strcmp0 (arg, "--help") == 0 || g_strcmp0 (arg, "-h") == 0;
}

static char *
one_line (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  /* Tabs and line breaks would break the columns. */
  for (char *p = copy; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return copy;
}

static int
fail (const StwCliCall *call,
      const char       *message)
{
  g_string_append_printf (call->err, "steward: %s\n", message);
  return STW_CLI_FAILED;
}

static void
append_usage (GString             *text,
              const StwCliCommand *command)
{
  const char *usage = command->usage[0] ? _(command->usage) : "";

  g_string_append_printf (text, _("Usage: steward %s %s"), command->name, usage);
  /* An empty usage leaves a trailing space. */
  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  g_string_append_c (text, '\n');
}

static int
usage_error (const StwCliCall *call,
             const char       *message)
{
  const StwCliCommand *command = call->command;

  g_string_append_printf (call->err, "steward %s: %s\n", command->name, message);
  append_usage (call->err, command);
  g_string_append_printf (call->err, _("“steward help %s” tells more.\n"), command->name);
  return STW_CLI_USAGE;
}

/* "  -h, --help      Show this help": the option column as wide as the
 * widest option. */
static void
append_options (GString            *text,
                const GOptionEntry *entries)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) helps = g_ptr_array_new ();
  glong width = 0;

  for (const GOptionEntry *e = entries; e != NULL && e->long_name != NULL; e++)
    {
      GString *label = g_string_new (NULL);

      if (e->short_name)
        g_string_append_printf (label, "-%c, ", e->short_name);
      g_string_append_printf (label, "--%s", e->long_name);
      if (e->arg_description)
        g_string_append_printf (label, " %s", _(e->arg_description));
      width = MAX (width, g_utf8_strlen (label->str, -1));
      g_ptr_array_add (labels, g_string_free (label, FALSE));
      g_ptr_array_add (helps, (gpointer) _(e->description));
    }
  g_ptr_array_add (labels, g_strdup ("-h, --help"));
  g_ptr_array_add (helps, (gpointer) _("Show this help"));
  width = MAX (width, (glong) strlen ("-h, --help"));

  g_string_append_printf (text, "\n%s\n", _("Options:"));
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);

      g_string_append_printf (text, "  %s%*s  %s\n", label,
                              (int) (width - g_utf8_strlen (label, -1)), "",
                              (const char *) g_ptr_array_index (helps, i));
    }
}

static void
append_command_help (GString             *text,
                     const StwCliCommand *command,
                     const GOptionEntry  *entries)
{
  append_usage (text, command);
  g_string_append_printf (text, "\n%s.\n", _(command->summary));
  if (command->description)
    g_string_append_printf (text, "\n%s\n", _(command->description));
  /* Every command that takes a workspace resolves it the same way. */
  if (strstr (command->usage, "WORKSPACE"))
    g_string_append_printf (text, "\n%s\n",
                            _("WORKSPACE is a name that “steward list” prints, an "
                              "organisation name, or the path of a .steward file."));
  append_options (text, entries);
}

static void
append_overview (GString *text)
{
  glong width = 0;

  g_string_append_printf (text, "%s\n       %s\n\n",
                          _("Usage: steward COMMAND [ARGUMENT…]"),
                          _("steward [PATH.steward]"));
  g_string_append_printf (text, "%s\n",
                          _("Without a command, steward opens its window, on the workspace "
                            "PATH.steward when one is given. The commands run without a "
                            "display, for scripts."));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (glong) strlen (commands[i].name));
  g_string_append_printf (text, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-*s  %s\n", (int) width, commands[i].name,
                            _(commands[i].summary));

  g_string_append_printf (text, "\n%s\n%s\n",
                          _("“steward help COMMAND” or “steward COMMAND --help” shows "
                            "the arguments and options of a command."),
                          _("“steward --version” prints the version."));
  g_string_append_printf (text, "\n%s\n  %s\n  %s\n  %s\n",
                          _("Exit status:"),
                          _("0  success"),
                          _("1  failure, for example a workspace that fails its check"),
                          _("2  wrong usage: an unknown command, option or missing argument"));
}

/* Parses the arguments of @call with @entries (NULL when the command has
 * no options) and hands back the other words in @words, which must number
 * @min_words to @max_words. Returns -1 to carry on, or the exit status
 * when help was asked for or the command line is wrong. */
static int
parse_args (const StwCliCall   *call,
            const GOptionEntry *entries,
            guint               min_words,
            guint               max_words,
            GStrv              *words)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  gboolean help = FALSE;
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { NULL }
  };
  guint n_words;

  /* GOption skips the first word, the program's name. */
  g_strv_builder_add (builder, call->command->name);
  g_strv_builder_addv (builder, (const char **) call->args);
  argv = g_strv_builder_end (builder);

  /* Its own --help would print and exit(); ours writes to @out. */
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &argv, &error))
    return usage_error (call, error->message);

  if (help)
    {
      append_command_help (call->out, call->command, entries);
      return STW_CLI_OK;
    }

  /* GOption leaves the "--" that ends the options ("measure WS K-001 --
   * -3" for a negative value); it is no word of ours. */
  for (guint i = 1; argv[i] != NULL; i++)
    if (g_str_equal (argv[i], "--"))
      {
        g_free (argv[i]);
        memmove (argv + i, argv + i + 1, (g_strv_length (argv + i + 1) + 1) * sizeof (char *));
        break;
      }

  n_words = g_strv_length (argv) - 1;
  if (n_words < min_words)
    return usage_error (call, _("An argument is missing"));
  if (n_words > max_words)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"),
                                                  argv[max_words + 1]);
      return usage_error (call, message);
    }

  if (words != NULL)
    *words = g_strdupv (argv + 1);
  return -1;
}

/* @read_only: for the commands that only read (check, items), so that a
 * read-only workspace, or one in a read-only folder, can be read too. */
static StwWorkspace *
open_named (const char  *name,
            gboolean     read_only,
            GError     **error)
{
  g_autofree char *path = stw_workspaces_resolve (name, error);

  if (path == NULL)
    return NULL;
  return read_only ? stw_workspace_open_read_only (path, error) : stw_workspace_open (path, error);
}

/* A workspace that could not be opened: a name that several workspaces
 * have is wrong usage (exit 2), the person must say which. */
static int
fail_open (const StwCliCall *call,
           const GError     *error)
{
  if (g_error_matches (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_AMBIGUOUS))
    {
      g_string_append_printf (call->err, "steward %s: %s\n", call->command->name, error->message);
      return STW_CLI_USAGE;
    }
  return fail (call, error->message);
}

/* `new` and `sample` end alike: the new file's path, or why there is none. */
static int
print_created (const StwCliCall   *call,
               StwWorkspace       *ws,
               const GError       *error)
{
  if (ws == NULL)
    return fail_open (call, error);
  g_string_append_printf (call->out, "%s\n", stw_workspace_get_path (ws));
  return STW_CLI_OK;
}

/* Commands */

static int
run_list (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  int status;

  if ((status = parse_args (call, NULL, 0, 0, NULL)) >= 0)
    return status;

  list = stw_workspaces_list (&error);
  if (list == NULL)
    return fail (call, error->message);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(StwWorkspaceInfo) info = g_list_model_get_item (list, i);
      g_autofree char *org = one_line (stw_workspace_info_get_org_name (info));

      g_string_append_printf (call->out, "%s\t%s\t%s\n",
                              stw_workspace_info_get_name (info), org,
                              stw_workspace_info_get_path (info));
    }
  return STW_CLI_OK;
}

static int
run_new (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_autofree char *me = NULL;
  g_auto(GStrv) words = NULL;
  const GOptionEntry entries[] = {
    { "me", 0, 0, G_OPTION_ARG_STRING, &me,
      N_("Your name, recorded on every change of the new workspace"), N_("PERSON") },
    { NULL }
  };
  int status;

  if ((status = parse_args (call, entries, 1, 1, &words)) >= 0)
    return status;
  if (me == NULL)
    return usage_error (call, _("--me PERSON is missing: every change records who made it"));

  /* Another process may make the same name at the same time: each gets
   * its own file (acme.steward, acme-2.steward). */
  ws = stw_workspace_create_in_folder (words[0], me, &error);
  return print_created (call, ws, error);
}

static int
run_sample (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_autofree char *path = NULL;
  g_autofree char *existing = NULL;
  gint n_items = -1;
  gboolean make_new = FALSE;
  const GOptionEntry entries[] = {
    { "new", 0, 0, G_OPTION_ARG_NONE, &make_new,
      N_("Make another sample even when there is one"), NULL },
    { "items", 0, 0, G_OPTION_ARG_INT, &n_items,
      N_("Make about N items instead of a realistic year (up to 100000)"), N_("N") },
    { NULL }
  };
  int status;

  if ((status = parse_args (call, entries, 0, 0, NULL)) >= 0)
    return status;
  if (n_items > MAX_SAMPLE_ITEMS)
    return usage_error (call, _("--items is at most 100000"));
  if (n_items < -1 || n_items == 0)
    return usage_error (call, _("--items must be a positive number"));

  /* One sample is enough to look around; large ones are for load tests
   * and always new. */
  if (n_items < 0 && !make_new && (existing = stw_sample_find ()) != NULL)
    {
      g_string_append_printf (call->out, "%s\n", existing);
      g_string_append_printf (call->err,
                              _("steward: the sample workspace exists already; “steward sample --new” makes another\n"));
      return STW_CLI_OK;
    }

  path = stw_workspaces_path_for (n_items > 0 ? "sample-large" : "sample");
  ws = stw_sample_create (path, n_items > 0 ? (guint) n_items : 0, &error);
  return print_created (call, ws, error);
}

/* Whether @text is a history hash: 64 hex digits. */
static gboolean
is_history_hash (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* A workspace made before version 5 too large to convert when opened is
 * converted here, where a person waits for a long job anyway: the check
 * read it whole. Reopened for writing; what happened goes to @report, and
 * a conversion that cannot be done is a note, not a failed check. */
static void
convert_space (StwWorkspace *checked,
               GString      *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (stw_workspace_get_path (checked));
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);

  if (ws == NULL || !stw_workspace_convert_space (ws, report, &error))
    g_string_append_printf (report, _("Space: not converted to give the space of removed evidence back: %s\n"),
                            error->message);
}

static int
run_check (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autofree char *expect_head = NULL;
  const GOptionEntry entries[] = {
    { "expect-head", 0, 0, G_OPTION_ARG_STRING, &expect_head,
      N_("Also require the history to contain the entry with this hash, a head printed by an earlier check or report"),
      N_("HASH") },
    { NULL }
  };
  gboolean intact;
  gint64 seq = 0;
  int status;

  if ((status = parse_args (call, entries, 1, 1, &words)) >= 0)
    return status;
  if (expect_head != NULL && !is_history_hash (expect_head))
    return usage_error (call, _("--expect-head needs a hash of 64 hexadecimal digits"));

  ws = open_named (words[0], TRUE, &error);
  if (ws == NULL)
    return fail_open (call, error);
  intact = stw_workspace_check (ws, report, &error);
  if (expect_head != NULL)
    {
      g_autoptr(GError) find_error = NULL;

      seq = stw_workspace_find_history_entry (ws, expect_head, &find_error);
      if (seq < 0)
        return fail (call, find_error->message);
      if (seq > 0)
        g_string_append_printf (report, _("History: the expected head %s is entry %lld\n"),
                                expect_head, (long long) seq);
      else
        g_string_append_printf (report, _("History: the expected head %s is not in the history\n"),
                                expect_head);
    }
  /* Only a sound file is rewritten. */
  if (intact && (expect_head == NULL || seq > 0) && !stw_workspace_gives_space_back (ws))
    convert_space (ws, report);
  /* The report says what was checked even when something failed. */
  g_string_append (call->out, report->str);
  if (!intact)
    return fail (call, error->message);
  if (expect_head != NULL && seq == 0)
    return fail (call, _("The history does not contain the expected head: it was cut off or rewritten"));
  return STW_CLI_OK;
}

static int
run_items (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(GListModel) items = NULL;
  g_auto(GStrv) words = NULL;
  int status;

  if ((status = parse_args (call, NULL, 1, 1, &words)) >= 0)
    return status;

  ws = open_named (words[0], TRUE, &error);
  if (ws == NULL)
    return fail_open (call, error);
  items = stw_workspace_list_items (ws, 0, &error);
  if (items == NULL)
    return fail (call, error->message);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);
      StwWorkstream *stream = stw_workspace_find_workstream (ws, stw_item_get_workstream_id (item));
      g_autofree char *title = one_line (stw_item_get_title (item));
      g_autofree char *owner = one_line (stw_item_get_owner_name (item));

      g_string_append_printf (call->out, "%s\t%s\t%s\t%s\t%s\t%s\n",
                              stw_item_get_ref (item),
                              stream ? stw_workstream_get_name (stream) : "",
                              stw_status_to_key (stw_item_get_status (item)),
                              owner,
                              stw_item_get_due_date (item) ? stw_item_get_due_date (item) : "",
                              title);
    }
  return STW_CLI_OK;
}

static int
run_attach (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StwAttachment) attachment = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) words = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &ref,
      N_("The reference of the item (or risk) to attach to"), N_("REF") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("A note kept with the attached file"), N_("TEXT") },
    { NULL }
  };
  StwAttachOptions options = { NULL, NULL, NULL };
  const char *entity = "item";
  gint64 entity_id = 0;
  int status;

  if ((status = parse_args (call, entries, 2, 2, &words)) >= 0)
    return status;
  if (ref == NULL)
    return usage_error (call, _("--to REF is missing"));

  ws = open_named (words[0], FALSE, &error);
  if (ws == NULL)
    return fail_open (call, error);

  if (g_str_has_prefix (ref, "R-"))
    {
      g_autoptr(StwRisk) risk = stw_workspace_find_risk_by_ref (ws, ref, &error);

      if (risk == NULL)
        return fail (call, error->message);
      entity = "risk";
      entity_id = stw_risk_get_id (risk);
    }
  else
    {
      g_autoptr(StwItem) item = stw_workspace_find_item_by_ref (ws, ref, &error);

      if (item == NULL)
        return fail (call, error->message);
      entity_id = stw_item_get_id (item);
    }

  options.note = note;
  file = g_file_new_for_commandline_arg (words[1]);
  attachment = stw_workspace_attach_file (ws, entity, entity_id, file, &options, NULL, NULL, NULL, &error);
  if (attachment == NULL)
    return fail (call, error->message);
  g_string_append_printf (call->out, "%s  %s\n", stw_attachment_get_sha256 (attachment),
                          stw_attachment_get_file_name (attachment));
  return STW_CLI_OK;
}

/* @text as a number: all of it, in the C locale, so a script's "97.5"
 * means the same everywhere. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || text[0] == '\0' || g_ascii_isspace (text[0]))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

static int
run_measure (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(StwKpi) kpi = NULL;
  g_autoptr(StwMeasurement) m = NULL;
  g_autoptr(StwMeasurement) replaced = NULL;
  g_autofree char *period = NULL;
  g_autofree char *note = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *number = NULL;
  g_auto(GStrv) words = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period,
      N_("The period measured, such as 2027-03, 2027-Q1, 2027-H1 or 2027 (default: the current one)"),
      N_("PERIOD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("A note kept with the value"), N_("TEXT") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the value the period has already"), NULL },
    { NULL }
  };
  StwKpiStatus status;
  double value = 0;
  int exit_status;

  if ((exit_status = parse_args (call, entries, 3, 3, &words)) >= 0)
    return exit_status;

  /* Everything that needs no workspace first. */
  if (!parse_number (words[2], &value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number: write the value with a dot for "
                                                    "decimals, such as 97.5"), words[2]);
      return fail (call, message);
    }

  ws = open_named (words[0], FALSE, &error);
  if (ws == NULL)
    return fail_open (call, error);
  kpi = stw_workspace_find_kpi_by_ref (ws, words[1], &error);
  if (kpi == NULL)
    {
      if (g_error_matches (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND))
        {
          g_autofree char *message = g_strdup_printf (_("There is no KPI %s in this workspace; "
                                                        "“steward kpis %s” lists them"), words[1], words[0]);
          return fail (call, message);
        }
      return fail (call, error->message);
    }
  m = stw_workspace_measure_kpi (ws, stw_kpi_get_id (kpi), period, value, note, replace, &replaced, &error);
  if (m == NULL)
    {
      if (g_error_matches (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS))
        {
          g_autofree char *message = g_strdup_printf (_("%s; --replace replaces it, and the history keeps the "
                                                        "old value"), error->message);
          return fail (call, message);
        }
      return fail (call, error->message);
    }

  status = stw_kpi_status_for (TRUE, value, stw_kpi_get_target (kpi), stw_kpi_get_direction (kpi));
  number = format_number (stw_measurement_get_value (m));
  g_string_append_printf (call->out, "%s\t%s\t%s\t%s\n", stw_kpi_get_ref (kpi), stw_measurement_get_period (m),
                          number, stw_kpi_status_to_key (status));
  if (replaced != NULL)
    {
      shown = stw_kpi_format_value (kpi, stw_measurement_get_value (replaced));
      g_string_append_printf (call->out, _("Replaced the value %s that %s had for %s; the history keeps it\n"),
                              shown, stw_kpi_get_ref (kpi), stw_measurement_get_period (m));
    }
  return STW_CLI_OK;
}

static int
run_kpis (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_auto(GStrv) words = NULL;
  GListModel *kpis;
  int status;

  if ((status = parse_args (call, NULL, 1, 1, &words)) >= 0)
    return status;

  ws = open_named (words[0], TRUE, &error);
  if (ws == NULL)
    return fail_open (call, error);
  kpis = stw_workspace_get_kpis (ws);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(StwKpi) k = g_list_model_get_item (kpis, i);
      g_autofree char *name = one_line (stw_kpi_get_name (k));
      g_autofree char *value = stw_kpi_get_has_value (k) ? format_number (stw_kpi_get_value (k)) : g_strdup ("");
      g_autofree char *target = format_number (stw_kpi_get_target (k));

      g_string_append_printf (call->out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%u\t%s\n",
                              stw_kpi_get_ref (k),
                              stw_kpi_status_to_key (stw_kpi_get_status (k)),
                              stw_kpi_get_status_period (k),
                              value,
                              target,
                              stw_direction_to_key (stw_kpi_get_direction (k)),
                              stw_frequency_to_key (stw_kpi_get_frequency (k)),
                              stw_kpi_get_missed (k),
                              name);
    }
  return STW_CLI_OK;
}

/* "R-001,R-004", or "-" for none. */
static char *
join_refs (const char * const *refs)
{
  if (refs == NULL || refs[0] == NULL)
    return g_strdup ("-");
  return g_strjoinv (",", (char **) refs);
}

static int
run_soa (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_auto(GStrv) words = NULL;
  gboolean mismatches = FALSE;
  gboolean approve = FALSE;
  const GOptionEntry entries[] = {
    { "mismatches", 0, 0, G_OPTION_ARG_NONE, &mismatches,
      N_("Print only where the SoA does not match what is running"), NULL },
    { "approve", 0, 0, G_OPTION_ARG_NONE, &approve,
      N_("Approve the SoA as it stands, as its next version"), NULL },
    { NULL }
  };
  int status;

  if ((status = parse_args (call, entries, 1, 1, &words)) >= 0)
    return status;
  if (mismatches && approve)
    return usage_error (call, _("--mismatches and --approve cannot be used together"));

  ws = open_named (words[0], !approve, &error);
  if (ws == NULL)
    return fail_open (call, error);

  if (approve)
    {
      guint version = stw_workspace_approve_soa (ws, &error);

      if (version == 0)
        return fail (call, error->message);
      g_string_append_printf (call->out, _("Approved version %u of the Statement of Applicability\n"), version);
      return STW_CLI_OK;
    }

  if (mismatches)
    {
      g_autoptr(GPtrArray) found = stw_workspace_list_soa_mismatches (ws, &error);

      if (found == NULL)
        return fail (call, error->message);
      for (guint i = 0; i < found->len; i++)
        {
          StwSoaMismatch *m = found->pdata[i];
          g_autofree char *items = join_refs ((const char * const *) m->item_refs);
          g_autofree char *risks = join_refs ((const char * const *) m->risk_refs);

          g_string_append_printf (call->out, "%s\t%s\t%s\t%s\t%s\n", m->control_id, stw_soa_rule_to_key (m->rule),
                                  items, risks, stw_soa_rule_describe (m->rule));
        }
      return STW_CLI_OK;
    }

  {
    g_autoptr(GListModel) soa = stw_workspace_list_soa (ws, &error);

    if (soa == NULL)
      return fail (call, error->message);
    for (guint i = 0; i < g_list_model_get_n_items (soa); i++)
      {
        g_autoptr(StwSoaEntry) e = g_list_model_get_item (soa, i);
        g_auto(GStrv) keys = stw_soa_reasons_to_keys (stw_soa_entry_get_reasons (e));
        g_autofree char *reasons = join_refs ((const char * const *) keys);
        g_autofree char *text = one_line (stw_soa_entry_get_justification (e));

        g_string_append_printf (call->out, "%s\t%s\t%s\t%s\t%u\t%u\t%s\n",
                                stw_soa_entry_get_control_id (e),
                                stw_soa_entry_get_applicable (e) ? "applicable" : "excluded",
                                stw_soa_status_to_key (stw_soa_entry_get_status (e)),
                                reasons,
                                g_strv_length ((char **) stw_soa_entry_get_risk_refs (e)),
                                g_strv_length ((char **) stw_soa_entry_get_item_refs (e)),
                                text);
      }
  }
  return STW_CLI_OK;
}

static int
run_audits (const StwCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(GListModel) audits = NULL;
  g_auto(GStrv) words = NULL;
  int status;

  if ((status = parse_args (call, NULL, 1, 1, &words)) >= 0)
    return status;

  ws = open_named (words[0], TRUE, &error);
  if (ws == NULL)
    return fail_open (call, error);
  audits = stw_workspace_list_audits (ws, &error);
  if (audits == NULL)
    return fail (call, error->message);
  for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
    {
      g_autoptr(StwAudit) a = g_list_model_get_item (audits, i);
      g_autoptr(GListModel) findings = stw_workspace_list_findings (ws, stw_audit_get_id (a), &error);
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autofree char *lead = one_line (stw_audit_get_lead_name (a) ? stw_audit_get_lead_name (a) : "");
      guint open = 0;

      if (findings == NULL)
        return fail (call, error->message);
      conflicts = stw_workspace_audit_independence (ws, stw_audit_get_id (a), &error);
      if (conflicts == NULL)
        return fail (call, error->message);
      for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
        {
          g_autoptr(StwFinding) finding = g_list_model_get_item (findings, f);
          StwStatus ca = stw_finding_get_ca_status (finding);

          if (ca != STW_STATUS_DONE && ca != STW_STATUS_CANCELLED)
            open++;
        }
      g_string_append_printf (call->out, "%s\t%s\t%s\t%s\t%u\t%u\t%u\n",
                              stw_audit_get_ref (a),
                              stw_audit_status_to_key (stw_audit_get_status (a)),
                              stw_audit_get_planned_date (a),
                              lead,
                              g_list_model_get_n_items (findings),
                              open,
                              conflicts->len);
    }
  return STW_CLI_OK;
}

static int
run_help (const StwCliCall *call)
{
  static const char * const help_args[] = { "--help", NULL };
  const StwCliCommand *topic;
  g_auto(GStrv) words = NULL;
  int status;

  if ((status = parse_args (call, NULL, 0, 1, &words)) >= 0)
    return status;

  if (words[0] == NULL)
    {
      append_overview (call->out);
      return STW_CLI_OK;
    }

  topic = find_command (words[0]);
  if (topic == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no command “%s”"), words[0]);
      return usage_error (call, message);
    }
  /* One path for both spellings: `steward help check` is `steward check --help`. */
  return topic->run (&(StwCliCall) { topic, help_args, call->out, call->err });
}

/* Public API */

gboolean
stw_cli_wants (const char * const *args)
{
  const char *first;

  g_return_val_if_fail (args != NULL, FALSE);

  first = args[0];
  if (first == NULL)
    return FALSE;
  if (find_command (first) != NULL || is_help_option (first) || g_str_equal (first, "--version"))
    return TRUE;
  /* Options for GApplication and GTK. */
  if (first[0] == '-')
    return FALSE;
  /* A workspace file (or any file: the window says what is wrong with it). */
  if (strchr (first, G_DIR_SEPARATOR) != NULL || g_str_has_suffix (first, ".steward") ||
      g_file_test (first, G_FILE_TEST_EXISTS))
    return FALSE;
  /* A word that is no command: an error to report, not a file to open. */
  return TRUE;
}

int
stw_cli_run (const char * const *args,
             GString            *out,
             GString            *err)
{
  const StwCliCommand *command;

  /* Every domain in place (and its checks) before any command runs. */
  stw_core_init ();

  g_return_val_if_fail (args != NULL && args[0] != NULL, STW_CLI_USAGE);
  g_return_val_if_fail (out != NULL && err != NULL, STW_CLI_USAGE);

  if (g_str_equal (args[0], "--version"))
    {
      g_string_append_printf (out, "steward %s\n", PACKAGE_VERSION);
      return STW_CLI_OK;
    }

  /* `steward --help` is `steward help`. */
  if (is_help_option (args[0]))
    command = find_command ("help");
  else
    command = find_command (args[0]);

  if (command == NULL)
    {
      g_string_append_printf (err, _("steward: “%s” is not a command. “steward help” lists the commands.\n"),
                              args[0]);
      return STW_CLI_USAGE;
    }

  return command->run (&(StwCliCall) { command, args + 1, out, err });
}
