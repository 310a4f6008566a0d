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
 * entity are listed here. Only fields that a write records with its value
 * are compared: names recorded instead of ids (an owner, a workstream),
 * lists recorded elsewhere (controls, clauses) and the board position
 * (renumbered without an entry) are left out.
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
} Field;

typedef struct {
  const char  *entity;
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
  { "status", "item.status", FIELD_TEXT },
  { "priority", "item.priority", FIELD_TEXT },
  { "start_date", "item.start_date", FIELD_TEXT },
  { "due_date", "item.due_date", FIELD_TEXT },
  { "completed_date", "item.completed_date", FIELD_TEXT },
  { "closure_note", "item.closure_note", FIELD_TEXT },
  { "notes", "item.notes", FIELD_TEXT },
  { "no_evidence_reason", "item.no_evidence_reason", FIELD_TEXT },
  { "ca_source", "c.source", FIELD_TEXT, TRUE },
  { "ca_source_ref", "c.source_ref", FIELD_TEXT, TRUE },
  { "ca_classification", "c.classification", FIELD_TEXT, TRUE },
  { "ca_type", "c.action_type", FIELD_TEXT, TRUE },
  { "ca_correction", "c.correction", FIELD_TEXT, TRUE },
  { "ca_root_cause_method", "c.root_cause_method", FIELD_TEXT, TRUE },
  { "ca_root_cause", "c.root_cause", FIELD_TEXT, TRUE },
  { "ca_corrective_action", "c.corrective_action", FIELD_TEXT, TRUE },
  { "ca_check_due", "c.check_due", FIELD_TEXT, TRUE },
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
  { "likelihood", "likelihood", FIELD_INT },
  { "impact", "impact", FIELD_INT },
  { "treatment", "treatment", FIELD_TEXT },
  { "residual_likelihood", "residual_likelihood", FIELD_INT },
  { "residual_impact", "residual_impact", FIELD_INT },
  { "status", "status", FIELD_TEXT },
  { "next_review", "next_review", FIELD_TEXT },
  { "notes", "notes", FIELD_TEXT },
  { NULL }
};

static const Field person_fields[] = {
  { "name", "name", FIELD_NAME },
  { "role", "role", FIELD_TEXT },
  { "email", "email", FIELD_TEXT },
  { "active", "active", FIELD_INT },
  { NULL }
};

static const Field organisation_fields[] = {
  { "name", "name", FIELD_NAME },
  { "scope", "scope", FIELD_TEXT },
  { "cycle_start_month", "cycle_start_month", FIELD_INT },
  { "risk_threshold", "risk_threshold", FIELD_INT },
  { NULL }
};

/* Objectives, KPIs and measurements (app/records/). An owner is recorded
 * by name and left out; the objective a KPI measures and the KPI of a
 * measurement are recorded by reference, which never changes. */
static const Field objective_fields[] = {
  { "ref", "ref", FIELD_TEXT },
  { "title", "title", FIELD_NAME },
  { "description", "description", FIELD_TEXT },
  { "target_date", "target_date", FIELD_TEXT },
  { "status", "status", FIELD_TEXT },
  { NULL }
};

static const Field kpi_fields[] = {
  { "ref", "kpi.ref", FIELD_TEXT },
  { "name", "kpi.name", FIELD_NAME },
  { "description", "kpi.description", FIELD_TEXT },
  { "clause", "kpi.clause", FIELD_TEXT },
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

static const Entity entities[] = {
  { "item", "item LEFT JOIN corrective c ON c.item_id = item.id WHERE item.id = ?",
    "item.deleted_at IS NOT NULL", "c.item_id IS NOT NULL", "item.ref", item_fields },
  { "risk", "risk WHERE id = ?", "deleted_at IS NOT NULL", "0", "ref", risk_fields },
  { "person", "person WHERE id = ?", "0", "0", "name", person_fields },
  { "organisation", "organisation WHERE id = ?", "0", "0", "name", organisation_fields },
  { "objective", "objective WHERE id = ?", "deleted_at IS NOT NULL", "0", "ref", objective_fields },
  { "kpi", "kpi LEFT JOIN objective o ON o.id = kpi.objective_id WHERE kpi.id = ?",
    "kpi.deleted_at IS NOT NULL", "0", "kpi.ref", kpi_fields },
  { "measurement", "measurement m LEFT JOIN kpi k ON k.id = m.kpi_id WHERE m.id = ?",
    "m.deleted_at IS NOT NULL", "0", "k.ref || ' ' || m.period", measurement_fields },
};

/* What one record's history says: the newest value of each recorded field
 * (JsonNode, a JSON null for "none") and whether it is deleted. */
typedef struct {
  const Entity *entity;
  gint64        id;
  gint64        first_seq;
  GHashTable   *values;     /* field key → JsonNode */
  int           deleted;    /* -1: never said */
} Replayed;

static void
replayed_free (gpointer data)
{
  Replayed *r = data;

  g_hash_table_unref (r->values);
  g_free (r);
}

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
               const char *action,
               JsonObject *changes)
{
  g_autoptr(GList) members = NULL;

  if (g_str_equal (action, "delete"))
    r->deleted = TRUE;
  else if (g_str_equal (action, "restore") || g_str_equal (action, "create"))
    r->deleted = FALSE;

  /* Only creations and updates set values; a deletion names the record,
   * attachments name files. */
  if (!g_str_equal (action, "create") && !g_str_equal (action, "update"))
    return;

  members = json_object_get_members (changes);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (changes, l->data);
      JsonArray *pair;

      if (find_field (r->entity, l->data) == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      pair = json_node_get_array (node);
      if (json_array_get_length (pair) != 2)
        continue;
      g_hash_table_insert (r->values, g_strdup (l->data), json_node_copy (json_array_get_element (pair, 1)));
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

/* Every record the history talks about, replayed, in the order of
 * entities[] and then by id. */
static GPtrArray *
replay_history (sqlite3  *db,
                GError  **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (replayed_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

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
      gint64 id = sqlite3_column_int64 (stmt, 2);
      g_autofree char *key = NULL;
      JsonNode *root;
      Replayed *r;

      if (entity == NULL)
        continue;
      key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity->entity, id);
      r = g_hash_table_lookup (by_key, key);
      if (r == NULL)
        {
          r = g_new0 (Replayed, 1);
          r->entity = entity;
          r->id = id;
          r->first_seq = sqlite3_column_int64 (stmt, 0);
          r->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
          r->deleted = -1;
          g_ptr_array_add (records, r);
          g_hash_table_insert (by_key, g_steal_pointer (&key), r);
        }
      /* The chain check has proven each entry as written: one that does
       * not parse was written so, and records nothing to compare. */
      if (json_parser_load_from_data (parser, _stw_column_text (stmt, 4), -1, NULL)
          && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
        apply_changes (r, _stw_column_text (stmt, 3), json_node_get_object (root));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      return NULL;
    }

  g_ptr_array_sort (records, compare_replayed);
  return g_steal_pointer (&records);
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
field_matches (const Field   *field,
               JsonNode      *recorded,
               sqlite3_stmt  *row,
               int            col,
               char         **row_says,
               char         **history_says)
{
  if (field->kind == FIELD_REAL)
    return real_matches (recorded, row, col, row_says, history_says);
  if (field->kind == FIELD_INT)
    {
      gint64 want = JSON_NODE_HOLDS_VALUE (recorded) ? json_node_get_int (recorded) : 0;
      /* A row's NULL is the app's 0 (no owner, no residual score). */
      gint64 have = sqlite3_column_int64 (row, col);

      if (want == have)
        return TRUE;
      *row_says = g_strdup_printf ("%" G_GINT64_FORMAT, have);
      *history_says = g_strdup_printf ("%" G_GINT64_FORMAT, want);
      return FALSE;
    }
  else
    {
      const char *want = JSON_NODE_HOLDS_VALUE (recorded) ? json_node_get_string (recorded) : NULL;
      const char *have = _stw_column_text (row, col);
      g_autofree char *want_clean = g_strdup (want ? want : "");
      g_autofree char *have_clean = g_strdup (have ? have : "");

      /* NULL and "" are both "none" to the app. */
      if (field->kind == FIELD_NAME)
        {
          g_strstrip (want_clean);
          g_strstrip (have_clean);
        }
      if (strcmp (want_clean, have_clean) == 0)
        return TRUE;
      *row_says = show_value (have);
      *history_says = show_value (want);
      return FALSE;
    }
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
                sqlite3_stmt  *stmt,
                Replayed      *r,
                GString       *finding,
                GError       **error)
{
  const Entity *entity = r->entity;
  guint n_fields = 0;
  gboolean ok = TRUE;
  int rc;

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
          JsonNode *recorded = g_hash_table_lookup (r->values, f->key);
          g_autofree char *row_says = NULL;
          g_autofree char *history_says = NULL;

          if (recorded == NULL || (f->detail && !has_detail))
            continue;
          if (!field_matches (f, recorded, stmt, col, &row_says, &history_says))
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
      JsonNode *ref = g_hash_table_lookup (r->values, "ref");
      g_autofree char *name = ref && JSON_NODE_HOLDS_VALUE (ref) && json_node_get_string (ref)
                              ? g_strdup (json_node_get_string (ref))
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

/* Which rows the history does not account for: a row with no entry at all
 * (inserted in SQL, or made by an older build that wrote none) cannot be
 * told apart from an old one, so only rows that have entries are compared. */
gboolean
_stw_check_records (StwWorkspace  *self,
                    GString       *report,
                    gboolean      *intact,
                    GError       **error)
{
  sqlite3 *db = _stw_workspace_get_db (self);
  g_autoptr(GPtrArray) records = replay_history (db, error);
  g_autoptr(GString) finding = g_string_new (NULL);
  sqlite3_stmt *stmts[G_N_ELEMENTS (entities)] = { NULL };
  gboolean ok = records != NULL;
  guint n_bad = 0;

  for (guint e = 0; ok && e < G_N_ELEMENTS (entities); e++)
    ok = (stmts[e] = prepare_entity (db, &entities[e], error)) != NULL;

  for (guint i = 0; ok && i < records->len; i++)
    {
      Replayed *r = records->pdata[i];
      g_autoptr(GString) one = g_string_new (NULL);

      if (!record_matches (db, stmts[r->entity - entities], r, one, error))
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
  if (!ok)
    return FALSE;

  if (n_bad == 0)
    {
      g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE,
                                                   "Records: %u record matches its history\n",
                                                   "Records: %u records match their history\n",
                                                   records->len),
                              records->len);
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
