/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-replay.c: two checks that the history chain alone cannot make.
 *
 * The chain proves that the log is as written; it says nothing of the
 * rows the log talks about. Replaying the change sets ({"field": [old,
 * new]}) gives the value each record's history says each recorded field
 * has now; a row edited, deleted or inserted in SQL without an entry
 * differs from it. And the guard triggers that keep the log append-only
 * must be the ones the schema creates.
 *
 * The store owns the schema, so the tables and columns behind each history
 * entity are listed here. Every field a create or update entry records is
 * compared: values as they are, a person or a workstream (recorded by the
 * name it had then) through the name its row's id had at that entry, lists
 * (clauses, controls) as sets. A row no entry talks about at all was
 * written behind the app's back and is named too.
 *
 * Left out on purpose, each changed without an entry of its own:
 *  - an item's board position: a drop that finds no gap renumbers the
 *    whole column, and one entry per renumbered card would bury the real
 *    changes; the order of cards is presentation, not a record;
 *  - an item's series and the completion that created it (series_id,
 *    created_by_completion_of): bookkeeping the store derives while it
 *    writes the item's own entry;
 *  - evidence: the "attach" and "detach" entries are the evidence
 *    domain's, and its own check ties every attachment to them;
 *  - when a year was rolled forward (cycle_review.reviewed_at): the store
 *    takes the time for the row and for its entry separately; who did it,
 *    which year and how many items it made are compared.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-workspace-private.h"

typedef enum {
  FIELD_TEXT,
  /* Written trimmed: compared trimmed. */
  FIELD_NAME,
  FIELD_INT,
  /* Recorded by the person's name then; the column is the person's id. */
  FIELD_PERSON,
  /* Recorded by the workstream's name then; the column is its id. */
  FIELD_WORKSTREAM,
  /* Recorded as a list; the column is the sorted set joined by newlines. */
  FIELD_SET,
  /* A measured value or a target (REAL), recorded as a JSON number. */
  FIELD_REAL,
} FieldKind;

typedef struct {
  const char *key;      /* as in the change set */
  const char *column;   /* as selected by the entity's query */
  FieldKind   kind;
  /* Only compared when the entity's detail row exists: the row goes when
   * the record stops needing it, and that writes no entry of its own. */
  gboolean    detail;
  /* A creation records every field that differs from a blank record: one
   * it leaves out has the blank's value, for an integer this one. */
  gint64      unset;
} Field;

typedef struct {
  const char  *entity;
  /* Every row: "SELECT id, label FROM table", for the rows with no entry. */
  const char  *all_rows;
  /* Reads one record by id: the fields' columns in order, then whether it
   * is deleted, whether its detail row exists, and its reference. */
  const char  *from;
  const char  *deleted;
  const char  *has_detail;
  const char  *label;
  const Field *fields;
} Entity;

static const Field item_fields[] = {
  { "ref", "item.ref", FIELD_TEXT },
  { "title", "item.title", FIELD_NAME },
  { "description", "item.description", FIELD_TEXT },
  { "owner_id", "item.owner_id", FIELD_INT },
  { "owner", "item.owner_id", FIELD_PERSON },
  { "workstream", "item.workstream_id", FIELD_WORKSTREAM },
  { "status", "item.status", FIELD_TEXT },
  { "priority", "item.priority", FIELD_TEXT },
  { "start_date", "item.start_date", FIELD_TEXT },
  { "due_date", "item.due_date", FIELD_TEXT },
  { "completed_date", "item.completed_date", FIELD_TEXT },
  { "closure_note", "item.closure_note", FIELD_TEXT },
  { "notes", "item.notes", FIELD_TEXT },
  { "no_evidence_reason", "item.no_evidence_reason", FIELD_TEXT },
  { "clauses", "(SELECT group_concat (clause, char (10)) FROM"
               " (SELECT clause FROM item_clause WHERE item_id = item.id ORDER BY clause))", FIELD_SET },
  { "controls", "(SELECT group_concat (control_id, char (10)) FROM"
                " (SELECT control_id FROM item_control WHERE item_id = item.id ORDER BY control_id))", FIELD_SET },
  /* As stw_recurrence_to_string() writes it. */
  { "recurrence", "CASE item.repeat_unit WHEN 'none' THEN NULL ELSE item.repeat_unit || '/'"
                  " || item.repeat_interval || '/' || item.repeat_anchor END", FIELD_TEXT },
  { "risk", "(SELECT r.ref FROM risk r WHERE r.id = item.risk_id)", FIELD_TEXT },
  /* The audit a plan task runs, by its reference. */
  { "audit", "(SELECT a.ref FROM audit a WHERE a.id = item.audit_id)", FIELD_TEXT },
  { "ca_source", "c.source", FIELD_TEXT, TRUE },
  { "ca_source_ref", "c.source_ref", FIELD_TEXT, TRUE },
  { "ca_classification", "c.classification", FIELD_TEXT, TRUE },
  { "ca_type", "c.action_type", FIELD_TEXT, TRUE },
  { "ca_correction", "c.correction", FIELD_TEXT, TRUE },
  { "ca_root_cause_method", "c.root_cause_method", FIELD_TEXT, TRUE },
  { "ca_root_cause", "c.root_cause", FIELD_TEXT, TRUE },
  { "ca_corrective_action", "c.corrective_action", FIELD_TEXT, TRUE },
  { "ca_check_due", "c.check_due", FIELD_TEXT, TRUE },
  { "ca_checked_by", "c.checked_by", FIELD_PERSON, TRUE },
  { "ca_check_result", "c.check_result", FIELD_TEXT, TRUE },
  { "ca_check_note", "c.check_note", FIELD_TEXT, TRUE },
  { "ca_check_date", "c.check_date", FIELD_TEXT, TRUE },
  { NULL }
};

static const Field risk_fields[] = {
  { "ref", "ref", FIELD_TEXT },
  { "title", "title", FIELD_NAME },
  { "asset", "asset", FIELD_TEXT },
  { "threat", "threat", FIELD_TEXT },
  { "vulnerability", "vulnerability", FIELD_TEXT },
  { "owner", "owner_id", FIELD_PERSON },
  { "likelihood", "likelihood", FIELD_INT },
  { "impact", "impact", FIELD_INT },
  { "treatment", "treatment", FIELD_TEXT },
  { "residual_likelihood", "residual_likelihood", FIELD_INT },
  { "residual_impact", "residual_impact", FIELD_INT },
  { "status", "status", FIELD_TEXT },
  { "next_review", "next_review", FIELD_TEXT },
  { "notes", "notes", FIELD_TEXT },
  { "controls", "(SELECT group_concat (control_id, char (10)) FROM"
                " (SELECT control_id FROM risk_control WHERE risk_id = risk.id ORDER BY control_id))", FIELD_SET },
  { NULL }
};

static const Field person_fields[] = {
  { "name", "name", FIELD_NAME },
  { "role", "role", FIELD_TEXT },
  { "email", "email", FIELD_TEXT },
  { "active", "active", FIELD_INT, FALSE, 1 },
  { NULL }
};

static const Field organisation_fields[] = {
  { "name", "name", FIELD_NAME },
  { "scope", "scope", FIELD_TEXT },
  { "isms_owner", "isms_owner_id", FIELD_PERSON },
  { "cycle_start_month", "cycle_start_month", FIELD_INT, FALSE, 1 },
  { "risk_threshold", "risk_threshold", FIELD_INT, FALSE, 12 },
  { NULL }
};

static const Field workstream_fields[] = {
  { "name", "name", FIELD_NAME },
  { "prefix", "prefix", FIELD_TEXT },
  { "owner", "owner_id", FIELD_PERSON },
  { "colour", "colour", FIELD_TEXT },
  { "require_evidence", "require_evidence", FIELD_INT },
  { NULL }
};

/* Objectives, KPIs and measurements (app/records/). An owner is recorded
 * by name (FIELD_PERSON); the objective a KPI measures and the KPI of a
 * measurement are recorded by reference, which never changes. */
static const Field objective_fields[] = {
  { "ref", "ref", FIELD_TEXT },
  { "title", "title", FIELD_NAME },
  { "description", "description", FIELD_TEXT },
  { "owner", "owner_id", FIELD_PERSON },
  { "target_date", "target_date", FIELD_TEXT },
  { "status", "status", FIELD_TEXT },
  { NULL }
};

static const Field kpi_fields[] = {
  { "ref", "kpi.ref", FIELD_TEXT },
  { "name", "kpi.name", FIELD_NAME },
  { "description", "kpi.description", FIELD_TEXT },
  { "clause", "kpi.clause", FIELD_TEXT },
  { "owner", "kpi.owner_id", FIELD_PERSON },
  { "unit", "kpi.unit", FIELD_TEXT },
  { "target", "kpi.target", FIELD_REAL },
  { "direction", "kpi.direction", FIELD_TEXT },
  { "frequency", "kpi.frequency", FIELD_TEXT },
  { "start_date", "kpi.start_date", FIELD_TEXT },
  { "objective", "o.ref", FIELD_TEXT },
  { NULL }
};

static const Field measurement_fields[] = {
  { "kpi", "k.ref", FIELD_TEXT },
  { "period", "m.period", FIELD_TEXT },
  { "value", "m.value", FIELD_REAL },
  { "note", "m.note", FIELD_TEXT },
  { NULL }
};

/* The Statement of Applicability (app/controls/): a line by its control,
 * its reasons as a set; an approval by its version and who gave it. A
 * line's first entry records every field, from the values a control has
 * without a line. */
static const Field soa_fields[] = {
  { "control", "control_id", FIELD_TEXT },
  { "applicable", "applicable", FIELD_INT, FALSE, 1 },
  { "reasons", "reasons", FIELD_SET },
  { "justification", "justification", FIELD_TEXT },
  { "status", "status", FIELD_TEXT },
  { "notes", "notes", FIELD_TEXT },
  { NULL }
};

static const Field soa_approval_fields[] = {
  { "version", "version", FIELD_INT },
  { "approver", "approved_by", FIELD_PERSON },
  { NULL }
};

/* Internal audits and their findings (app/records/stw-audit-store.c). The
 * scope and the team are sets; workstreams and people in them by id. A
 * finding names its audit and its corrective action by reference. */
#define AUDIT_SET(kind) \
  "(SELECT group_concat (value, char (10)) FROM (SELECT value FROM audit_scope" \
  " WHERE audit_id = audit.id AND kind = '" kind "' ORDER BY value))"
static const Field audit_fields[] = {
  { "ref", "ref", FIELD_TEXT },
  { "title", "title", FIELD_NAME },
  { "planned_date", "planned_date", FIELD_TEXT },
  { "lead", "lead_id", FIELD_PERSON },
  { "status", "status", FIELD_TEXT },
  { "conclusion", "conclusion", FIELD_TEXT },
  { "report_notes", "report_notes", FIELD_TEXT },
  { "clauses", AUDIT_SET ("clause"), FIELD_SET },
  { "controls", AUDIT_SET ("control"), FIELD_SET },
  { "workstreams", AUDIT_SET ("workstream"), FIELD_SET },
  { "processes", AUDIT_SET ("process"), FIELD_SET },
  { "team", "(SELECT group_concat (v, char (10)) FROM (SELECT CAST (person_id AS TEXT) AS v FROM audit_team"
            " WHERE audit_id = audit.id ORDER BY v))", FIELD_SET },
  { NULL }
};
#undef AUDIT_SET

static const Field finding_fields[] = {
  { "ref", "f.ref", FIELD_TEXT },
  { "audit", "a.ref", FIELD_TEXT },
  { "classification", "f.classification", FIELD_TEXT },
  { "clause", "f.clause", FIELD_TEXT },
  { "description", "f.description", FIELD_TEXT },
  { "corrective_action", "i.ref", FIELD_TEXT },
  { "carry_over_reason", "f.carry_over_reason", FIELD_TEXT },
  { NULL }
};

static const Entity entities[] = {
  { "item", "SELECT id, ref FROM item ORDER BY id", "item LEFT JOIN corrective c ON c.item_id = item.id WHERE item.id = ?",
    "item.deleted_at IS NOT NULL", "c.item_id IS NOT NULL", "item.ref", item_fields },
  { "risk", "SELECT id, ref FROM risk ORDER BY id", "risk WHERE id = ?", "deleted_at IS NOT NULL", "0", "ref", risk_fields },
  { "person", "SELECT id, name FROM person ORDER BY id", "person WHERE id = ?", "0", "0", "name", person_fields },
  { "organisation", "SELECT id, name FROM organisation ORDER BY id", "organisation WHERE id = ?", "0", "0", "name",
    organisation_fields },
  { "workstream", "SELECT id, name FROM workstream ORDER BY id", "workstream WHERE id = ?", "0", "0", "name",
    workstream_fields },
  { "objective", "SELECT id, ref FROM objective ORDER BY id", "objective WHERE id = ?", "deleted_at IS NOT NULL",
    "0", "ref", objective_fields },
  { "kpi", "SELECT id, ref FROM kpi ORDER BY id",
    "kpi LEFT JOIN objective o ON o.id = kpi.objective_id WHERE kpi.id = ?",
    "kpi.deleted_at IS NOT NULL", "0", "kpi.ref", kpi_fields },
  { "measurement",
    "SELECT m.id, k.ref || ' ' || m.period FROM measurement m LEFT JOIN kpi k ON k.id = m.kpi_id ORDER BY m.id",
    "measurement m LEFT JOIN kpi k ON k.id = m.kpi_id WHERE m.id = ?",
    "m.deleted_at IS NOT NULL", "0", "k.ref || ' ' || m.period", measurement_fields },
  { "soa", "SELECT id, control_id FROM soa_entry ORDER BY id", "soa_entry WHERE id = ?", "0", "0", "control_id",
    soa_fields },
  { "soa_approval", "SELECT version, 'version ' || version FROM soa_approval ORDER BY version",
    "soa_approval WHERE version = ?", "0", "0", "'version ' || version", soa_approval_fields },
  { "audit", "SELECT id, ref FROM audit ORDER BY id", "audit WHERE id = ?", "deleted_at IS NOT NULL", "0", "ref",
    audit_fields },
  { "finding", "SELECT id, ref FROM finding ORDER BY id",
    "finding f LEFT JOIN audit a ON a.id = f.audit_id LEFT JOIN item i ON i.id = f.item_id WHERE f.id = ?",
    "f.deleted_at IS NOT NULL", "0", "f.ref", finding_fields },
};

/* A recorded value and the entry that recorded it last. */
typedef struct {
  JsonNode *node;
  gint64    seq;
} Value;

/* A name a record took at an entry. */
typedef struct {
  gint64  seq;
  char   *name;
} NameAt;

/* What one record's history says: the newest value of each recorded field
 * (a JSON null for "none"), whether it is deleted, and each name it had.
 * A row that no entry talks about has first_seq 0. */
typedef struct {
  const Entity *entity;
  gint64        id;
  gint64        first_seq;
  GHashTable   *values;     /* field key → Value */
  GArray       *names;      /* NameAt, oldest first */
  int           deleted;    /* -1: never said */
  gboolean      created;    /* its creation is in the history */
  char         *label;      /* for a row with no entry: its reference or name */
} Replayed;

/* Every record the history talks about and every row it does not. */
typedef struct {
  GPtrArray  *records;      /* Replayed, in the order of entities[], then by id */
  GHashTable *by_key;       /* "entity:id" → Replayed */
} Replay;

static void
value_free (gpointer data)
{
  Value *v = data;

  json_node_unref (v->node);
  g_free (v);
}

static void
name_at_clear (gpointer data)
{
  g_free (((NameAt *) data)->name);
}

static void
replayed_free (gpointer data)
{
  Replayed *r = data;

  g_hash_table_unref (r->values);
  g_array_unref (r->names);
  g_free (r->label);
  g_free (r);
}

static Replayed *
replayed_new (const Entity *entity,
              gint64        id,
              gint64        first_seq)
{
  Replayed *r = g_new0 (Replayed, 1);

  r->entity = entity;
  r->id = id;
  r->first_seq = first_seq;
  r->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, value_free);
  r->names = g_array_new (FALSE, FALSE, sizeof (NameAt));
  g_array_set_clear_func (r->names, name_at_clear);
  r->deleted = -1;
  return r;
}

static void
replay_free (Replay *replay)
{
  g_ptr_array_unref (replay->records);
  g_hash_table_unref (replay->by_key);
  g_free (replay);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Replay, replay_free)

static const Entity *
find_entity (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (entities[i].entity, name))
      return &entities[i];
  return NULL;
}

static const Field *
find_field (const Entity *entity,
            const char   *key)
{
  for (const Field *f = entity->fields; f->key != NULL; f++)
    if (g_str_equal (f->key, key))
      return f;
  return NULL;
}

static void
apply_changes (Replayed   *r,
               gint64      seq,
               const char *action,
               JsonObject *changes)
{
  g_autoptr(GList) members = NULL;

  if (g_str_equal (action, "delete"))
    r->deleted = TRUE;
  else if (g_str_equal (action, "restore") || g_str_equal (action, "create"))
    r->deleted = FALSE;
  /* An approval of the SoA is its record's creation. */
  if (g_str_equal (action, "approve"))
    action = "create";
  if (g_str_equal (action, "create"))
    r->created = TRUE;

  /* Only creations and updates set values; a deletion names the record,
   * attachments name files. */
  if (!g_str_equal (action, "create") && !g_str_equal (action, "update"))
    return;

  members = json_object_get_members (changes);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (changes, l->data);
      JsonNode *now;
      JsonArray *pair;
      Value *v;

      if (find_field (r->entity, l->data) == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      pair = json_node_get_array (node);
      if (json_array_get_length (pair) != 2)
        continue;
      now = json_array_get_element (pair, 1);
      v = g_new0 (Value, 1);
      v->node = json_node_copy (now);
      v->seq = seq;
      g_hash_table_insert (r->values, g_strdup (l->data), v);
      if (g_str_equal (l->data, "name") && JSON_NODE_HOLDS_VALUE (now)
          && json_node_get_value_type (now) == G_TYPE_STRING)
        {
          NameAt at = { seq, g_strdup (json_node_get_string (now)) };

          g_array_append_val (r->names, at);
        }
    }
}

static int
compare_replayed (gconstpointer a,
                  gconstpointer b)
{
  const Replayed *ra = *(Replayed * const *) a;
  const Replayed *rb = *(Replayed * const *) b;

  if (ra->entity != rb->entity)
    return ra->entity < rb->entity ? -1 : 1;
  return ra->id < rb->id ? -1 : ra->id > rb->id;
}

static char *
record_key (const Entity *entity,
            gint64        id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity->entity, id);
}

/* Adds every row of each entity's table that no entry talks about. */
static gboolean
add_rows_without_history (sqlite3  *db,
                          Replay   *replay,
                          GError  **error)
{
  for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (db, entities[e].all_rows, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _stw_set_sqlite_error (error, db, rc, _("Could not read the records"));
          return FALSE;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_autofree char *key = record_key (&entities[e], id);
          Replayed *r;

          if (g_hash_table_contains (replay->by_key, key))
            continue;
          r = replayed_new (&entities[e], id, 0);
          r->label = g_strdup (_stw_column_text (stmt, 1));
          g_ptr_array_add (replay->records, r);
          g_hash_table_insert (replay->by_key, g_steal_pointer (&key), r);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _stw_set_sqlite_error (error, db, rc, _("Could not read the records"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Every record the history talks about, replayed, and every row it does
 * not, in the order of entities[] and then by id. */
static Replay *
replay_history (sqlite3  *db,
                GError  **error)
{
  g_autoptr(Replay) replay = g_new0 (Replay, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  replay->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  replay->records = g_ptr_array_new_with_free_func (replayed_free);

  rc = sqlite3_prepare_v2 (db, "SELECT seq, entity, entity_id, action, changes FROM history ORDER BY seq",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const Entity *entity = find_entity (_stw_column_text (stmt, 1));
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 2);
      g_autofree char *key = NULL;
      JsonNode *root;
      Replayed *r;

      if (entity == NULL)
        continue;
      key = record_key (entity, id);
      r = g_hash_table_lookup (replay->by_key, key);
      if (r == NULL)
        {
          r = replayed_new (entity, id, seq);
          g_ptr_array_add (replay->records, r);
          g_hash_table_insert (replay->by_key, g_steal_pointer (&key), r);
        }
      /* The chain check has proven each entry as written: one that does
       * not parse was written so, and records nothing to compare. */
      if (json_parser_load_from_data (parser, _stw_column_text (stmt, 4), -1, NULL)
          && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
        apply_changes (r, seq, _stw_column_text (stmt, 3), json_node_get_object (root));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      return NULL;
    }
  if (!add_rows_without_history (db, replay, error))
    return NULL;

  g_ptr_array_sort (replay->records, compare_replayed);
  return g_steal_pointer (&replay);
}

/* The name the @entity_name record @id had at entry @seq, as its own
 * history says: the newest name recorded up to then, or the first it was
 * given (an owner may be named in the entry just before the person's). */
static const char *
name_at (Replay     *replay,
         const char *entity_name,
         gint64      id,
         gint64      seq)
{
  g_autofree char *key = NULL;
  Replayed *r;
  const char *name = NULL;

  if (id <= 0)
    return NULL;
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity_name, id);
  r = g_hash_table_lookup (replay->by_key, key);
  if (r == NULL || r->names->len == 0)
    return NULL;
  name = g_array_index (r->names, NameAt, 0).name;
  for (guint i = 1; i < r->names->len && g_array_index (r->names, NameAt, i).seq <= seq; i++)
    name = g_array_index (r->names, NameAt, i).name;
  return name;
}

static int
compare_string_ptrs (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A recorded list as the set the row's column holds: sorted, each once,
 * joined by newlines. */
static char *
join_set (JsonNode *recorded)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GString) joined = g_string_new (NULL);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (recorded))
    return g_strdup ("");
  array = json_node_get_array (recorded);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      /* Anything but a string was not written by Steward: it matches no
       * row, and the difference is named. */
      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_ptr_array_add (items, (gpointer) json_node_get_string (element));
      else
        g_ptr_array_add (items, (gpointer) "?");
    }
  g_ptr_array_sort (items, compare_string_ptrs);
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0 && g_str_equal (items->pdata[i], items->pdata[i - 1]))
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, items->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* @value as a person reads it in a finding. */
static char *
show_value (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return g_strdup (_("empty"));
  return g_strdup_printf ("“%s”", value);
}

/* A REAL column against its recorded number: exact, as JSON carries a
 * double to the last bit. */
static gboolean
real_matches (JsonNode      *recorded,
              sqlite3_stmt  *row,
              int            col,
              char         **row_says,
              char         **history_says)
{
  gboolean want_null = !JSON_NODE_HOLDS_VALUE (recorded);
  gboolean have_null = sqlite3_column_type (row, col) == SQLITE_NULL;
  double want = want_null ? 0 : json_node_get_double (recorded);
  double have = have_null ? 0 : sqlite3_column_double (row, col);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (want_null == have_null && want == have)
    return TRUE;
  *row_says = have_null ? g_strdup (_("empty")) : g_strdup (g_ascii_dtostr (buf, sizeof buf, have));
  *history_says = want_null ? g_strdup (_("empty")) : g_strdup (g_ascii_dtostr (buf, sizeof buf, want));
  return FALSE;
}

/* Compares one field; on a difference returns what the row and the
 * history say, for the finding. */
static gboolean
field_matches (Replay        *replay,
               const Field   *field,
               Value         *recorded,
               sqlite3_stmt  *row,
               int            col,
               char         **row_says,
               char         **history_says)
{
  JsonNode *node = recorded->node;
  const char *want = NULL;
  const char *have = NULL;
  g_autofree char *want_set = NULL;
  g_autofree char *want_clean = NULL;
  g_autofree char *have_clean = NULL;

  switch (field->kind)
    {
    case FIELD_REAL:
      return real_matches (node, row, col, row_says, history_says);
    case FIELD_INT:
      {
        gint64 want_int = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
        /* A row's NULL is the app's 0 (no owner, no residual score). */
        gint64 have_int = sqlite3_column_int64 (row, col);

        if (want_int == have_int)
          return TRUE;
        *row_says = g_strdup_printf ("%" G_GINT64_FORMAT, have_int);
        *history_says = g_strdup_printf ("%" G_GINT64_FORMAT, want_int);
        return FALSE;
      }
    case FIELD_PERSON:
    case FIELD_WORKSTREAM:
      /* Names change; the row's id must be the record that had the
       * recorded name when the entry was written. */
      want = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
      have = name_at (replay, field->kind == FIELD_PERSON ? "person" : "workstream",
                      sqlite3_column_int64 (row, col), recorded->seq);
      break;
    case FIELD_SET:
      want = want_set = join_set (node);
      have = _stw_column_text (row, col);
      break;
    case FIELD_TEXT:
    case FIELD_NAME:
    default:
      want = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
      have = _stw_column_text (row, col);
      break;
    }

  want_clean = g_strdup (want ? want : "");
  have_clean = g_strdup (have ? have : "");
  /* NULL and "" are both "none" to the app. */
  if (field->kind != FIELD_TEXT)
    {
      g_strstrip (want_clean);
      g_strstrip (have_clean);
    }
  if (strcmp (want_clean, have_clean) == 0)
    return TRUE;
  if (field->kind == FIELD_SET)
    {
      g_strdelimit (want_clean, "\n", ',');
      g_strdelimit (have_clean, "\n", ',');
      *row_says = show_value (have_clean);
      *history_says = show_value (want_clean);
    }
  else
    {
      *row_says = show_value (have);
      *history_says = show_value (want);
    }
  return FALSE;
}

/* The query that reads one record of @entity: built from the static table
 * above, never from data. */
static sqlite3_stmt *
prepare_entity (sqlite3       *db,
                const Entity  *entity,
                GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (const Field *f = entity->fields; f->key != NULL; f++)
    g_string_append_printf (sql, "%s, ", f->column);
  g_string_append_printf (sql, "%s, %s, %s FROM %s", entity->deleted, entity->has_detail,
                          entity->label, entity->from);
  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the records"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Compares @r with its row, read by @stmt (prepare_entity() of its
 * entity); on the first difference writes the finding to @finding and
 * returns FALSE. */
static gboolean
record_matches (sqlite3       *db,
                Replay        *replay,
                sqlite3_stmt  *stmt,
                Replayed      *r,
                GString       *finding,
                GError       **error)
{
  const Entity *entity = r->entity;
  guint n_fields = 0;
  gboolean ok = TRUE;
  int rc;

  if (r->first_seq == 0)
    {
      g_autofree char *name = r->label && r->label[0] ? g_strdup (r->label)
                                                      : g_strdup_printf ("%" G_GINT64_FORMAT, r->id);

      /* Translators: a finding of the check. The first %s is a record type
       * (item, risk, person, organisation, workstream), the second its
       * reference or name. */
      g_string_append_printf (finding, _("Records: %s %s has no history: it was not written by Steward\n"),
                              entity->entity, name);
      return FALSE;
    }

  for (const Field *f = entity->fields; f->key != NULL; f++)
    n_fields++;
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, r->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gboolean deleted = sqlite3_column_int (stmt, n_fields);
      gboolean has_detail = sqlite3_column_int (stmt, n_fields + 1);
      const char *label = _stw_column_text (stmt, n_fields + 2);
      g_autofree char *name = label && label[0] ? g_strdup (label)
                                                : g_strdup_printf ("%" G_GINT64_FORMAT, r->id);
      guint col = 0;

      for (const Field *f = entity->fields; ok && f->key != NULL; f++, col++)
        {
          Value *recorded = g_hash_table_lookup (r->values, f->key);
          g_autoptr(JsonNode) blank = NULL;
          Value unset = { NULL, G_MAXINT64 };
          g_autofree char *row_says = NULL;
          g_autofree char *history_says = NULL;

          if (f->detail && !has_detail)
            continue;
          if (recorded == NULL)
            {
              /* Never recorded since its creation: the blank's value. */
              if (!r->created)
                continue;
              blank = json_node_new (f->kind == FIELD_INT ? JSON_NODE_VALUE : JSON_NODE_NULL);
              if (f->kind == FIELD_INT)
                json_node_set_int (blank, f->unset);
              unset.node = blank;
              recorded = &unset;
            }
          if (!field_matches (replay, f, recorded, stmt, col, &row_says, &history_says))
            {
              /* Translators: a finding of the check. The first %s is a
               * record type (item, risk, person, organisation), the second
               * its reference or id, the third a field name; then what the
               * row holds and what its history says. */
              g_string_append_printf (finding, _("Records: %s %s, field “%s”, is %s but its history says %s\n"),
                                      entity->entity, name, f->key, row_says, history_says);
              ok = FALSE;
            }
        }
      if (ok && r->deleted != -1 && deleted != r->deleted)
        {
          g_string_append_printf (finding,
                                  r->deleted ? _("Records: %s %s is not deleted but its history says it is\n")
                                             : _("Records: %s %s is deleted but its history does not say so\n"),
                                  entity->entity, name);
          ok = FALSE;
        }
    }
  else if (rc == SQLITE_DONE)
    {
      /* Named by its reference, or a SoA line by its control. */
      Value *ref = g_hash_table_contains (r->values, "ref") ? g_hash_table_lookup (r->values, "ref")
                                                             : g_hash_table_lookup (r->values, "control");
      g_autofree char *name = ref && JSON_NODE_HOLDS_VALUE (ref->node) && json_node_get_string (ref->node)
                              ? g_strdup (json_node_get_string (ref->node))
                              : g_strdup_printf ("%" G_GINT64_FORMAT, r->id);

      g_string_append_printf (finding, _("Records: %s %s is missing but its history has entries from entry %lld on\n"),
                              entity->entity, name, (long long) r->first_seq);
      ok = FALSE;
    }
  else
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the records"));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return ok;
}

/* The years rolled forward: each "roll-forward" entry of the plan and
 * its cycle_review row must agree, and each row must have its entry. One
 * finding per year, the first written to @finding. */
static gboolean
check_reviews (sqlite3  *db,
               GString  *finding,
               guint    *n_records,
               guint    *n_bad,
               GError  **error)
{
  static const char sql[] =
    "SELECT h.seq, json_extract (h.changes, '$.cycle[1]'), r.cycle_start IS NOT NULL,"
    "  json_extract (h.changes, '$.next_cycle[1]'), r.next_cycle_start,"
    "  json_extract (h.changes, '$.items_created[1]'), r.items_created, h.actor_id, r.reviewed_by"
    " FROM history h LEFT JOIN cycle_review r ON r.cycle_start = json_extract (h.changes, '$.cycle[1]')"
    " WHERE h.entity = 'plan' AND h.action = 'roll-forward'"
    " UNION ALL"
    " SELECT 0, cycle_start, 1, NULL, NULL, NULL, NULL, NULL, NULL FROM cycle_review"
    " WHERE cycle_start NOT IN (SELECT json_extract (changes, '$.cycle[1]') FROM history"
    "                           WHERE entity = 'plan' AND action = 'roll-forward')"
    " ORDER BY 2";
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the records"));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *cycle = _stw_column_text (stmt, 1);
      g_autoptr(GString) one = g_string_new (NULL);

      (*n_records)++;
      if (seq == 0)
        g_string_append_printf (one, _("Records: %s %s has no history: it was not written by Steward\n"),
                                "plan", cycle);
      else if (!sqlite3_column_int (stmt, 2))
        g_string_append_printf (one, _("Records: %s %s is missing but its history has entries from entry %lld on\n"),
                                "plan", cycle ? cycle : "-", (long long) seq);
      else if (g_strcmp0 (_stw_column_text (stmt, 3), _stw_column_text (stmt, 4)) != 0)
        {
          g_autofree char *have = show_value (_stw_column_text (stmt, 4));
          g_autofree char *want = show_value (_stw_column_text (stmt, 3));

          g_string_append_printf (one, _("Records: %s %s, field “%s”, is %s but its history says %s\n"),
                                  "plan", cycle, "next_cycle", have, want);
        }
      else if (sqlite3_column_int64 (stmt, 5) != sqlite3_column_int64 (stmt, 6)
               || sqlite3_column_int64 (stmt, 7) != sqlite3_column_int64 (stmt, 8))
        {
          gboolean count = sqlite3_column_int64 (stmt, 5) != sqlite3_column_int64 (stmt, 6);
          int col = count ? 5 : 7;
          g_autofree char *have = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, col + 1));
          g_autofree char *want = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, col));

          g_string_append_printf (one, _("Records: %s %s, field “%s”, is %s but its history says %s\n"),
                                  "plan", cycle, count ? "items_created" : "reviewed_by", have, want);
        }
      if (one->len > 0 && (*n_bad)++ == 0)
        g_string_append (finding, one->str);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the records"));
      return FALSE;
    }
  return TRUE;
}

/* Every row of a record type must have the history it shows: a row with no
 * entry at all was inserted behind the app's back (every write of the app,
 * from the workspace's creation on, appends one), and a row that differs
 * from its replayed history was edited so. The first is named. */
gboolean
_stw_check_records (StwWorkspace  *self,
                    GString       *report,
                    gboolean      *intact,
                    GError       **error)
{
  sqlite3 *db = _stw_workspace_get_db (self);
  g_autoptr(Replay) replay = replay_history (db, error);
  g_autoptr(GString) finding = g_string_new (NULL);
  sqlite3_stmt *stmts[G_N_ELEMENTS (entities)] = { NULL };
  gboolean ok = replay != NULL;
  guint n_bad = 0, n_records = 0;

  for (guint e = 0; ok && e < G_N_ELEMENTS (entities); e++)
    ok = (stmts[e] = prepare_entity (db, &entities[e], error)) != NULL;

  for (guint i = 0; ok && i < replay->records->len; i++)
    {
      Replayed *r = replay->records->pdata[i];
      g_autoptr(GString) one = g_string_new (NULL);

      if (!record_matches (db, replay, stmts[r->entity - entities], r, one, error))
        {
          if (one->len == 0)
            ok = FALSE;
          /* The first is named; the rest are counted. */
          else if (n_bad++ == 0)
            g_string_append (finding, one->str);
        }
    }
  for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
    sqlite3_finalize (stmts[e]);
  n_records = ok ? replay->records->len : 0;
  if (!ok || !check_reviews (db, finding, &n_records, &n_bad, error))
    return FALSE;

  if (n_bad == 0)
    {
      g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE,
                                                   "Records: %u record matches its history\n",
                                                   "Records: %u records match their history\n",
                                                   n_records),
                              n_records);
      return TRUE;
    }

  *intact = FALSE;
  g_string_append (report, finding->str);
  if (n_bad > 1)
    g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE,
                                                 "Records: %u more record differs from its history\n",
                                                 "Records: %u more records differ from their history\n",
                                                 n_bad - 1),
                            n_bad - 1);
  return TRUE;
}

/* name → sql of every trigger in @db. */
static GHashTable *
list_triggers (sqlite3  *db,
               GError  **error)
{
  g_autoptr(GHashTable) triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the schema"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (triggers, g_strdup (_stw_column_text (stmt, 0)),
                         g_strdup (_stw_column_text (stmt, 1) ? _stw_column_text (stmt, 1) : ""));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the schema"));
      return NULL;
    }
  return g_steal_pointer (&triggers);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (a, b);
}

/* The triggers (the history's append-only guards, the search index's
 * upkeep) must be exactly those the schema's migrations create for the
 * file's version: built afresh in memory and compared by name and text. */
gboolean
_stw_check_guards (StwWorkspace  *self,
                   GString       *report,
                   gboolean      *intact,
                   GError       **error)
{
  sqlite3 *db = _stw_workspace_get_db (self);
  sqlite3 *fresh = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GHashTable) have = NULL;
  g_autoptr(GHashTable) want = NULL;
  g_autoptr(GList) names = NULL;
  gboolean clean = TRUE;
  int version = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  rc = sqlite3_open_v2 (":memory:", &fresh, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                   _("Could not check the guards: %s"), sqlite3_errstr (rc));
      sqlite3_close (fresh);
      return FALSE;
    }
  if (!_stw_schema_migrate (fresh, 0, CLAMP (version, 0, STW_SCHEMA_VERSION), error)
      || (want = list_triggers (fresh, error)) == NULL
      || (have = list_triggers (db, error)) == NULL)
    {
      sqlite3_close (fresh);
      return FALSE;
    }
  sqlite3_close (fresh);

  names = g_list_sort (g_hash_table_get_keys (want), compare_strings);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *sql = g_hash_table_lookup (have, name);

      if (sql == NULL)
        g_string_append_printf (report, _("Guards: the trigger “%s” is missing\n"), name);
      else if (strcmp (sql, g_hash_table_lookup (want, name)) != 0)
        g_string_append_printf (report, _("Guards: the trigger “%s” was changed\n"), name);
      else
        continue;
      clean = FALSE;
    }
  g_clear_pointer (&names, g_list_free);
  names = g_list_sort (g_hash_table_get_keys (have), compare_strings);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_hash_table_contains (want, l->data))
      {
        g_string_append_printf (report, _("Guards: the trigger “%s” is not one Steward made\n"),
                                (const char *) l->data);
        clean = FALSE;
      }

  if (clean)
    g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "Guards: %u trigger in place\n",
                                                 "Guards: %u triggers in place\n", g_hash_table_size (want)),
                            g_hash_table_size (want));
  else
    *intact = FALSE;
  return TRUE;
}
