/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-history-list.c: a record's history as a timeline. Each entry of the
 * hash-chained log stores its changes as JSON ({"field": [old, new]});
 * here they become sentences in the person's language, with stored keys
 * (statuses, priorities, corrective-action and risk choices) turned into
 * their labels. Long texts are only said to have changed: the editor shows
 * them in full. Evidence added or removed and the yearly roll-forward of
 * the plan read as one sentence each.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "stw-corrective.h"
#include "stw-history-list.h"
#include "stw-recurrence.h"
#include "stw-risk.h"

struct _StwHistoryList
{
  GtkWidget   parent_instance;

  guint       n_entries;

  GtkListBox *list;
  GtkLabel   *empty_label;
};

G_DEFINE_FINAL_TYPE (StwHistoryList, stw_history_list, GTK_TYPE_WIDGET)

typedef enum {
  FIELD_TEXT,        /* shown as old → new */
  FIELD_LONG_TEXT,   /* only said to have changed */
  FIELD_STATUS,      /* an item's or a risk's status */
  FIELD_PRIORITY,
  FIELD_TREATMENT,   /* a risk's treatment option */
  FIELD_CA_SOURCE,
  FIELD_CA_CLASSIFICATION,
  FIELD_CA_TYPE,
  FIELD_CHECK_RESULT,
  FIELD_LIST,        /* arrays of identifiers */
  FIELD_RECURRENCE,  /* "monthly/1/2027-01-31" */
  FIELD_FLAG,        /* 0 or 1, read as no or yes */
  FIELD_HIDDEN,      /* bookkeeping a person does not need */
} FieldKind;

static const struct {
  const char *key;
  const char *label;
  FieldKind   kind;
} fields[] = {
  { "ref",            N_("Reference"),        FIELD_TEXT },
  { "title",          N_("Title"),            FIELD_TEXT },
  { "description",    N_("Description"),      FIELD_LONG_TEXT },
  { "workstream",     N_("Workstream"),       FIELD_TEXT },
  { "owner",          N_("Owner"),            FIELD_TEXT },
  { "owner_id",       NULL,                   FIELD_HIDDEN },
  { "status",         N_("Status"),           FIELD_STATUS },
  { "priority",       N_("Priority"),         FIELD_PRIORITY },
  { "start_date",     N_("Start date"),       FIELD_TEXT },
  { "due_date",       N_("Due date"),         FIELD_TEXT },
  { "completed_date", N_("Completed"),        FIELD_TEXT },
  { "closure_note",   N_("Closure note"),     FIELD_LONG_TEXT },
  { "notes",          N_("Notes"),            FIELD_LONG_TEXT },
  { "clauses",        N_("ISO clauses"),      FIELD_LIST },
  { "controls",       N_("Annex A controls"), FIELD_LIST },
  { "position",       NULL,                   FIELD_HIDDEN },
  { "recurrence",     N_("Repeats"),          FIELD_RECURRENCE },
  { "risk",           N_("Risk treated"),     FIELD_TEXT },
  { "no_evidence_reason", N_("Reason for no evidence"), FIELD_LONG_TEXT },
  { "ca_source",      N_("Source"),           FIELD_CA_SOURCE },
  { "ca_source_ref",  N_("What raised it"),   FIELD_TEXT },
  { "ca_classification", N_("Classification"), FIELD_CA_CLASSIFICATION },
  { "ca_type",        N_("Type of action"),   FIELD_CA_TYPE },
  { "ca_correction",  N_("Immediate correction"), FIELD_LONG_TEXT },
  { "ca_root_cause_method", N_("Root cause method"), FIELD_TEXT },
  { "ca_root_cause",  N_("Root cause"),       FIELD_LONG_TEXT },
  { "ca_corrective_action", N_("Corrective action"), FIELD_LONG_TEXT },
  { "ca_check_due",   N_("Effectiveness check due"), FIELD_TEXT },
  { "ca_checked_by",  N_("Effectiveness verified by"), FIELD_TEXT },
  { "ca_check_result", N_("Effectiveness check"), FIELD_CHECK_RESULT },
  { "ca_check_note",  N_("Effectiveness check note"), FIELD_LONG_TEXT },
  { "ca_check_date",  N_("Effectiveness checked on"), FIELD_TEXT },
  /* Risks */
  { "asset",          N_("Asset or process"), FIELD_TEXT },
  { "threat",         N_("Threat"),           FIELD_TEXT },
  { "vulnerability",  N_("Vulnerability"),    FIELD_TEXT },
  { "likelihood",     N_("Likelihood"),       FIELD_TEXT },
  { "impact",         N_("Impact"),           FIELD_TEXT },
  { "treatment",      N_("Treatment"),        FIELD_TREATMENT },
  { "residual_likelihood", N_("Residual likelihood"), FIELD_TEXT },
  { "residual_impact", N_("Residual impact"), FIELD_TEXT },
  { "next_review",    N_("Next review"),      FIELD_TEXT },
  /* Workstreams */
  { "prefix",         N_("Reference prefix"), FIELD_TEXT },
  { "colour",         N_("Colour"),           FIELD_TEXT },
  { "require_evidence", N_("Closing needs evidence"), FIELD_FLAG },
  { "name",           N_("Name"),             FIELD_TEXT },
  { "role",           N_("Role"),             FIELD_TEXT },
  { "email",          N_("Email"),            FIELD_TEXT },
};

/* Text values longer than this are said to have changed, not quoted. */
#define MAX_QUOTED_CHARS 60

/* Helpers */

/* A field this table does not know (added by a later version): its key,
 * made readable. */
static char *
fallback_label (const char *key)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (key), "_", ' ');
  g_autofree char *first = g_utf8_strup (spaced, g_utf8_next_char (spaced) - spaced);

  return g_strconcat (first, g_utf8_next_char (spaced), NULL);
}

/* The compact form history keeps ("unit/interval/anchor") in words:
 * "Every 3 months from 2027-01-31". */
static char *
describe_recurrence (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, "/", 3);
  StwRecurrence recurrence = { 0 };
  g_autofree char *every = NULL;
  guint64 interval = 0;

  if (g_strv_length (parts) != 3
      || !stw_repeat_unit_from_key (parts[0], &recurrence.unit)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, STW_RECURRENCE_MAX_INTERVAL, &interval, NULL)
      || strlen (parts[2]) != 10)
    return g_strdup (value);

  recurrence.interval = (guint) interval;
  memcpy (recurrence.anchor, parts[2], 10);
  every = stw_recurrence_describe (&recurrence);

  /* Translators: how a task repeats, e.g. "Every 3 months from 2027-01-31". */
  return g_strdup_printf (_("%s from %s"), every, recurrence.anchor);
}

/* A stored key of one of the choices (statuses, corrective-action and
 * risk fields) as its label, or NULL when @value is not one of its keys. */
static const char *
key_label (FieldKind   kind,
           const char *value)
{
  StwStatus status;
  StwRiskStatus risk_status;
  StwPriority priority;
  StwTreatment treatment;
  StwCaSource source;
  StwCaClassification classification;
  StwCaType type;
  StwCheckResult result;

  switch (kind)
    {
    case FIELD_STATUS:
      /* Items and risks keep different keys under "status". */
      if (stw_status_from_key (value, &status))
        return stw_status_label (status);
      if (stw_risk_status_from_key (value, &risk_status))
        return stw_risk_status_label (risk_status);
      return NULL;
    case FIELD_PRIORITY:
      return stw_priority_from_key (value, &priority) ? stw_priority_label (priority) : NULL;
    case FIELD_TREATMENT:
      return stw_treatment_from_key (value, &treatment) ? stw_treatment_label (treatment) : NULL;
    case FIELD_CA_SOURCE:
      return stw_ca_source_from_key (value, &source) ? stw_ca_source_label (source) : NULL;
    case FIELD_CA_CLASSIFICATION:
      return stw_ca_classification_from_key (value, &classification)
        ? stw_ca_classification_label (classification) : NULL;
    case FIELD_CA_TYPE:
      return stw_ca_type_from_key (value, &type) ? stw_ca_type_label (type) : NULL;
    case FIELD_CHECK_RESULT:
      return stw_check_result_from_key (value, &result) ? stw_check_result_label (result) : NULL;
    case FIELD_TEXT:
    case FIELD_LONG_TEXT:
    case FIELD_LIST:
    case FIELD_RECURRENCE:
    case FIELD_FLAG:
    case FIELD_HIDDEN:
    default:
      return NULL;
    }
}

/* A JSON value as text: strings as they are, numbers in digits, arrays
 * joined with commas; NULL for null or an empty value. */
static char *
node_to_text (JsonNode  *node,
              FieldKind  kind)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element))
            continue;
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, json_node_get_string (element) != NULL
                                   ? json_node_get_string (element) : "");
        }
      return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *value = json_node_get_string (node);
        const char *label;

        if (value == NULL || value[0] == '\0')
          return NULL;
        if ((label = key_label (kind, value)) != NULL)
          return g_strdup (label);
        if (kind == FIELD_RECURRENCE)
          return describe_recurrence (value);
        return g_strdup (value);
      }

    case G_TYPE_INT64:
      if (kind == FIELD_FLAG)
        return g_strdup (json_node_get_int (node) != 0 ? _("yes") : _("no"));
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));

    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (node));

    default:
      return NULL;
    }
}

/* @created: the entry creates the record, so the old side means nothing. */
static char *
describe_change (const char *key,
                 JsonNode   *change,
                 gboolean    created)
{
  g_autofree char *fallback = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  const char *label = NULL;
  FieldKind kind = FIELD_TEXT;
  JsonArray *sides;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].key, key))
      {
        kind = fields[i].kind;
        label = fields[i].label != NULL ? _(fields[i].label) : NULL;
        break;
      }

  if (kind == FIELD_HIDDEN)
    return NULL;
  if (label == NULL)
    label = fallback = fallback_label (key);

  if (!JSON_NODE_HOLDS_ARRAY (change) || json_array_get_length (json_node_get_array (change)) != 2)
    /* Translators: a history line for a field whose change cannot be shown. */
    return g_strdup_printf (_("%s changed"), label);

  sides = json_node_get_array (change);
  old_text = created ? NULL : node_to_text (json_array_get_element (sides, 0), kind);
  new_text = node_to_text (json_array_get_element (sides, 1), kind);

  /* A person's "active" flag reads better in words. */
  if (g_str_equal (key, "active") && new_text != NULL)
    return g_strdup (g_str_equal (new_text, "0") ? _("Deactivated") : _("Activated"));

  if (kind == FIELD_LONG_TEXT
      || (old_text != NULL && g_utf8_strlen (old_text, -1) > MAX_QUOTED_CHARS)
      || (new_text != NULL && g_utf8_strlen (new_text, -1) > MAX_QUOTED_CHARS))
    {
      if (old_text == NULL)
        /* Translators: a history line, e.g. "Notes added". */
        return g_strdup_printf (_("%s added"), label);
      if (new_text == NULL)
        /* Translators: a history line, e.g. "Notes removed". */
        return g_strdup_printf (_("%s removed"), label);
      return g_strdup_printf (_("%s changed"), label);
    }

  if (old_text == NULL && new_text == NULL)
    return NULL;
  if (old_text == NULL)
    /* Translators: a history line, e.g. "Due date: 2025-03-31". */
    return g_strdup_printf (_("%s: %s"), label, new_text);
  if (new_text == NULL)
    /* Translators: a history line, e.g. "Due date: 2025-03-31 removed". */
    return g_strdup_printf (_("%s: %s removed"), label, old_text);

  /* Translators: a history line, e.g. "Status: To do → Done". */
  return g_strdup_printf (_("%s: %s → %s"), label, old_text, new_text);
}

static const char *
action_heading (const char *action)
{
  if (g_strcmp0 (action, "create") == 0)
    return _("Created");
  if (g_strcmp0 (action, "delete") == 0)
    return _("Deleted");
  if (g_strcmp0 (action, "restore") == 0)
    return _("Restored");

  return NULL;
}

/* The new (or, with @old, the old) side of one field of @object as text. */
static char *
dup_side (JsonObject *object,
          const char *key,
          gboolean    old)
{
  JsonNode *change = json_object_get_member (object, key);
  JsonArray *sides;

  if (change == NULL || !JSON_NODE_HOLDS_ARRAY (change))
    return NULL;
  sides = json_node_get_array (change);
  if (json_array_get_length (sides) != 2)
    return NULL;

  return node_to_text (json_array_get_element (sides, old ? 0 : 1), FIELD_TEXT);
}

/* Evidence added or removed, in one line: the file, and the start of its
 * SHA-256 so it can be told from another file of the same name. */
static char *
describe_evidence (JsonObject *object,
                   gboolean    attached)
{
  g_autofree char *file = dup_side (object, "evidence", !attached);
  g_autofree char *sha256 = dup_side (object, "sha256", !attached);
  g_autofree char *expiry = attached ? dup_side (object, "expiry_date", FALSE) : NULL;
  g_autofree char *hash = NULL;

  if (file == NULL)
    file = g_strdup ("—");
  if (sha256 != NULL && strlen (sha256) > 12)
    hash = g_strdup_printf ("%.12s…", sha256);
  else
    hash = g_strdup (sha256);

  if (hash == NULL)
    return attached
      /* Translators: a history line; %s is a file name. */
      ? g_strdup_printf (_("Evidence added: %s"), file)
      /* Translators: a history line; %s is a file name. */
      : g_strdup_printf (_("Evidence removed: %s"), file);

  if (!attached)
    /* Translators: a history line; %s are a file name and the start of its SHA-256. */
    return g_strdup_printf (_("Evidence removed: %s (SHA-256 %s)"), file, hash);
  if (expiry != NULL)
    /* Translators: a history line: a file name, the start of its SHA-256 and
     * the date it needs renewing. */
    return g_strdup_printf (_("Evidence added: %s (SHA-256 %s), renew by %s"), file, hash, expiry);
  /* Translators: a history line; %s are a file name and the start of its SHA-256. */
  return g_strdup_printf (_("Evidence added: %s (SHA-256 %s)"), file, hash);
}

/* The yearly review of the plan, in one line. */
static char *
describe_roll_forward (JsonObject *object)
{
  g_autofree char *cycle = dup_side (object, "cycle", FALSE);
  g_autofree char *next = dup_side (object, "next_cycle", FALSE);
  g_autofree char *created = dup_side (object, "items_created", FALSE);
  guint64 n = 0;

  if (created != NULL)
    g_ascii_string_to_unsigned (created, 10, 0, G_MAXUINT, &n, NULL);

  /* Translators: a history line: the ISMS year that was reviewed, the year
   * planned from it, and how many items that created. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Plan of the year from %s rolled forward to the year from %s: %u item created",
                                       "Plan of the year from %s rolled forward to the year from %s: %u items created",
                                       (gulong) n),
                          cycle != NULL ? cycle : "—", next != NULL ? next : "—", (guint) n);
}

static GtkWidget *
create_entry_row (StwHistoryEntry *entry)
{
  g_auto(GStrv) lines = stw_history_describe (entry->action, entry->changes);
  g_autofree char *when = stw_history_format_time (entry->at);
  g_autoptr(GString) name = g_string_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *who = gtk_label_new (entry->actor_name != NULL ? entry->actor_name : _("Someone"));
  GtkWidget *time = gtk_label_new (when);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "history-entry");

  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_ellipsize (GTK_LABEL (who), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (who, TRUE);
  gtk_widget_add_css_class (who, "heading");
  gtk_label_set_xalign (GTK_LABEL (time), 1);
  gtk_widget_add_css_class (time, "caption");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_box_append (GTK_BOX (header), who);
  gtk_box_append (GTK_BOX (header), time);
  gtk_box_append (GTK_BOX (box), header);

  g_string_append_printf (name, "%s, %s", gtk_label_get_label (GTK_LABEL (who)), when);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      GtkWidget *line = gtk_label_new (lines[i]);

      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (line), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (line), FALSE);
      gtk_widget_add_css_class (line, "history-line");
      gtk_box_append (GTK_BOX (box), line);
      g_string_append_printf (name, ". %s", lines[i]);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);

  return row;
}

static void
clear_rows (StwHistoryList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_entries = 0;
}

/* Overrides */

static void
stw_history_list_dispose (GObject *object)
{
  StwHistoryList *self = STW_HISTORY_LIST (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->list = NULL;
  self->empty_label = NULL;

  G_OBJECT_CLASS (stw_history_list_parent_class)->dispose (object);
}

static void
stw_history_list_class_init (StwHistoryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_history_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "historylist");
}

static void
stw_history_list_init (StwHistoryList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("History"),
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->empty_label = GTK_LABEL (gtk_label_new (_("Saved changes will be listed here.")));
  gtk_label_set_xalign (self->empty_label, 0);
  gtk_label_set_wrap (self->empty_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->empty_label), GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
}

/* Public API */

GtkWidget *
stw_history_list_new (void)
{
  return g_object_new (STW_TYPE_HISTORY_LIST, NULL);
}

void
stw_history_list_load (StwHistoryList *self,
                       StwWorkspace   *workspace,
                       const char     *entity,
                       gint64          entity_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STW_IS_HISTORY_LIST (self));

  clear_rows (self);

  if (workspace != NULL && entity != NULL && entity_id != 0)
    {
      entries = stw_workspace_list_history (workspace, entity, entity_id, &error);
      if (entries == NULL)
        g_warning ("Could not read the history of %s %" G_GINT64_FORMAT ": %s",
                   entity, entity_id, error->message);
    }

  /* The log is oldest first; a timeline reads newest first. */
  for (guint i = entries != NULL ? entries->len : 0; i > 0; i--)
    {
      gtk_list_box_append (self->list, create_entry_row (g_ptr_array_index (entries, i - 1)));
      self->n_entries++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), self->n_entries > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->n_entries == 0);
}

guint
stw_history_list_get_n_entries (StwHistoryList *self)
{
  g_return_val_if_fail (STW_IS_HISTORY_LIST (self), 0);

  return self->n_entries;
}

GStrv
stw_history_describe (const char *action,
                      const char *changes)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *heading = action_heading (action);
  JsonNode *root;

  if (heading != NULL)
    g_strv_builder_add (lines, heading);

  if (changes != NULL && json_parser_load_from_data (parser, changes, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      g_autoptr(GList) members = json_object_get_members (object);
      gboolean created = g_strcmp0 (action, "create") == 0;

      /* These read as one sentence, not field by field. */
      if (g_strcmp0 (action, "attach") == 0 || g_strcmp0 (action, "detach") == 0)
        {
          g_autofree char *line = describe_evidence (object, g_str_equal (action, "attach"));

          g_strv_builder_add (lines, line);
          return g_strv_builder_end (lines);
        }
      if (g_strcmp0 (action, "roll-forward") == 0)
        {
          g_autofree char *line = describe_roll_forward (object);

          g_strv_builder_add (lines, line);
          return g_strv_builder_end (lines);
        }

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *line = NULL;

          /* A creation lists every field as new; its reference is in the
           * heading of the editor already. */
          if (created && g_str_equal (l->data, "ref"))
            continue;
          line = describe_change (l->data, json_object_get_member (object, l->data), created);
          if (line != NULL)
            g_strv_builder_add (lines, line);
        }
    }

  return g_strv_builder_end (lines);
}

char *
stw_history_format_time (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (utc);

  /* Translators: date and time of a history entry, a g_date_time_format()
   * pattern: "3 March 2025, 14:02". */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}
