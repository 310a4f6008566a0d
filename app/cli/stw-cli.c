/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-cli.c: the headless command line (no display needed), for scripts,
 * automation and tests.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-cli.h"
#include "stw-evidence.h"
#include "stw-risk-register.h"
#include "stw-sample.h"
#include "stw-workspace-list.h"
#include "stw-workspace.h"

#define MAX_SAMPLE_ITEMS 100000

void
stw_cli_add_options (GApplication *app)
{
  static const GOptionEntry entries[] = {
    { "list-workspaces", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("List the workspaces: name, organisation, file"), NULL },
    { "new-workspace", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Create a workspace for the organisation NAME (with --me)"), N_("NAME") },
    { "me", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Your name, recorded on every change of a new workspace"), N_("PERSON") },
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Create a sample workspace with a year of ISMS work"), NULL },
    { "items", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("Number of items in the sample workspace (up to 100000)"), N_("N") },
    { "check", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Check a workspace: database integrity and history chain"), N_("WORKSPACE") },
    { "workspace", 'w', 0, G_OPTION_ARG_STRING, NULL,
      N_("The workspace to work on (name from --list-workspaces or a path)"), N_("WORKSPACE") },
    { "list-items", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("List the items of --workspace: ref, workstream, status, owner, due date, title"), NULL },
    { "attach", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Attach FILE as evidence to the item --to REF of --workspace; prints its SHA-256"), N_("FILE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The reference of the item (or risk) to attach to"), N_("REF") },
    { "note", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("A note kept with the attached file"), N_("TEXT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_summary (app,
    _("Without options, opens the window. With one of the options below, runs without a display."));
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
fail (GString    *err,
      const char *message)
{
  g_string_append_printf (err, "steward: %s\n", message);
  return 1;
}

static int
list_workspaces (GString *out,
                 GString *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = stw_workspaces_list (&error);

  if (list == NULL)
    return fail (err, error->message);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(StwWorkspaceInfo) info = g_list_model_get_item (list, i);
      g_autofree char *org = one_line (stw_workspace_info_get_org_name (info));

      g_string_append_printf (out, "%s\t%s\t%s\n",
                              stw_workspace_info_get_name (info), org,
                              stw_workspace_info_get_path (info));
    }
  return 0;
}

static StwWorkspace *
open_named (const char  *name,
            GError     **error)
{
  g_autofree char *path = stw_workspaces_resolve (name, error);

  return path ? stw_workspace_open (path, error) : NULL;
}

static int
list_items (StwWorkspace *ws,
            GString      *out,
            GString      *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = stw_workspace_list_items (ws, 0, &error);

  if (items == NULL)
    return fail (err, error->message);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);
      StwWorkstream *stream = stw_workspace_find_workstream (ws, stw_item_get_workstream_id (item));
      g_autofree char *title = one_line (stw_item_get_title (item));
      g_autofree char *owner = one_line (stw_item_get_owner_name (item));

      g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s\n",
                              stw_item_get_ref (item),
                              stream ? stw_workstream_get_name (stream) : "",
                              stw_status_to_key (stw_item_get_status (item)),
                              owner,
                              stw_item_get_due_date (item) ? stw_item_get_due_date (item) : "",
                              title);
    }
  return 0;
}

static int
attach_file (const char *workspace,
             const char *path,
             const char *ref,
             const char *note,
             GString    *out,
             GString    *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StwAttachment) attachment = NULL;
  StwAttachOptions options = { note, NULL, NULL };
  const char *entity = "item";
  gint64 entity_id = 0;

  if (workspace == NULL || ref == NULL)
    return fail (err, _("--attach needs --workspace WORKSPACE and --to REF"));
  ws = open_named (workspace, &error);
  if (ws == NULL)
    return fail (err, error->message);

  if (g_str_has_prefix (ref, "R-"))
    {
      g_autoptr(StwRisk) risk = stw_workspace_find_risk_by_ref (ws, ref, &error);

      if (risk == NULL)
        return fail (err, error->message);
      entity = "risk";
      entity_id = stw_risk_get_id (risk);
    }
  else
    {
      g_autoptr(StwItem) item = stw_workspace_find_item_by_ref (ws, ref, &error);

      if (item == NULL)
        return fail (err, error->message);
      entity_id = stw_item_get_id (item);
    }

  file = g_file_new_for_commandline_arg (path);
  attachment = stw_workspace_attach_file (ws, entity, entity_id, file, &options, NULL, NULL, NULL, &error);
  if (attachment == NULL)
    return fail (err, error->message);
  g_string_append_printf (out, "%s  %s\n", stw_attachment_get_sha256 (attachment),
                          stw_attachment_get_file_name (attachment));
  return 0;
}

int
stw_cli_handle (GVariantDict *options,
                GString      *out,
                GString      *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  const char *new_name = NULL, *me = NULL, *check = NULL, *workspace = NULL;
  const char *attach = NULL, *to = NULL, *note = NULL;
  gboolean list_ws = FALSE, sample = FALSE, list = FALSE, version = FALSE;
  gint32 n_items = -1;
  guint n_commands;

  /* Every domain in place (and its checks) before any command runs. */
  stw_core_init ();

  g_variant_dict_lookup (options, "list-workspaces", "b", &list_ws);
  g_variant_dict_lookup (options, "new-workspace", "&s", &new_name);
  g_variant_dict_lookup (options, "me", "&s", &me);
  g_variant_dict_lookup (options, "sample", "b", &sample);
  g_variant_dict_lookup (options, "items", "i", &n_items);
  g_variant_dict_lookup (options, "check", "&s", &check);
  g_variant_dict_lookup (options, "workspace", "&s", &workspace);
  g_variant_dict_lookup (options, "list-items", "b", &list);
  g_variant_dict_lookup (options, "version", "b", &version);
  g_variant_dict_lookup (options, "attach", "^&ay", &attach);
  g_variant_dict_lookup (options, "to", "&s", &to);
  g_variant_dict_lookup (options, "note", "&s", &note);

  if (version)
    {
      g_string_append_printf (out, "steward %s\n", PACKAGE_VERSION);
      return 0;
    }

  n_commands = !!list_ws + (new_name != NULL) + !!sample + (check != NULL) + !!list + (attach != NULL);
  if (n_commands == 0)
    {
      if (me != NULL)
        return fail (err, _("--me goes with --new-workspace"));
      if (n_items >= 0)
        return fail (err, _("--items goes with --sample"));
      if (to != NULL || note != NULL)
        return fail (err, _("--to and --note go with --attach"));
      if (workspace != NULL)
        return fail (err, _("--workspace needs a command, such as --list-items"));
      return -1;
    }
  if (n_commands > 1)
    return fail (err, _("Give one command at a time"));

  if (list_ws)
    return list_workspaces (out, err);

  if (new_name != NULL)
    {
      g_autofree char *path = NULL;

      if (me == NULL)
        return fail (err, _("--new-workspace needs --me PERSON: every change records who made it"));
      path = stw_workspaces_new_path (new_name);
      ws = stw_workspace_create (path, new_name, me, &error);
      if (ws == NULL)
        return fail (err, error->message);
      g_string_append_printf (out, "%s\n", path);
      return 0;
    }

  if (sample)
    {
      g_autofree char *path = NULL;

      if (n_items > MAX_SAMPLE_ITEMS)
        return fail (err, _("--items is at most 100000"));
      if (n_items < -1 || n_items == 0)
        return fail (err, _("--items must be a positive number"));
      path = stw_workspaces_new_path (n_items > 0 ? "sample-large" : "sample");
      ws = stw_sample_create (path, n_items > 0 ? (guint) n_items : 0, &error);
      if (ws == NULL)
        return fail (err, error->message);
      g_string_append_printf (out, "%s\n", path);
      return 0;
    }

  if (check != NULL)
    {
      g_autoptr(GString) report = g_string_new (NULL);
      gboolean intact;

      ws = open_named (check, &error);
      if (ws == NULL)
        return fail (err, error->message);
      intact = stw_workspace_check (ws, report, &error);
      g_string_append (out, report->str);
      if (!intact)
        return fail (err, error->message);
      return 0;
    }

  if (attach != NULL)
    return attach_file (workspace, attach, to, note, out, err);

  /* --list-items */
  if (workspace == NULL)
    return fail (err, _("--list-items needs --workspace WORKSPACE"));
  ws = open_named (workspace, &error);
  if (ws == NULL)
    return fail (err, error->message);
  return list_items (ws, out, err);
}
