/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-schema.c: the one place that owns the workspace schema.
 *
 * Migrations are numbered, forward only, and each brings a file from
 * version N-1 to N; PRAGMA user_version records where a file is. Never edit
 * a migration that has shipped: add the next one.
 *
 * The shape is meant to carry the whole product: every workstream record is
 * a row of `item` (shared fields) and later kinds add 1:1 detail tables keyed
 * by item id (risk treatment, corrective action, recurrence); risks, KPIs,
 * audits, reviews, SoA entries, evidence and issued reports become their own
 * tables linked by id; references for every kind come from `ref_counter` so
 * none is ever reused; `history` is generic over (entity, entity_id).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-workspace-private.h"

#define DATE_CHECK(col) "CHECK (" col " IS NULL OR date(" col ") IS " col ")"

static const char migration_1[] =
  "CREATE TABLE setting ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT"
  ") WITHOUT ROWID;"

  "CREATE TABLE person ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role       TEXT NOT NULL DEFAULT '',"
  "  email      TEXT NOT NULL DEFAULT '',"
  "  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  created_at TEXT NOT NULL"
  ");"

  "CREATE TABLE organisation ("
  "  id                INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name              TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  scope             TEXT NOT NULL DEFAULT '',"
  "  isms_owner_id     INTEGER REFERENCES person (id),"
  "  cycle_start_month INTEGER NOT NULL DEFAULT 1 CHECK (cycle_start_month BETWEEN 1 AND 12),"
  "  risk_threshold    INTEGER NOT NULL DEFAULT 12 CHECK (risk_threshold BETWEEN 1 AND 25),"
  "  logo              BLOB,"
  "  created_at        TEXT NOT NULL"
  ");"

  "CREATE TABLE workstream ("
  "  id               INTEGER PRIMARY KEY,"
  "  kind             TEXT NOT NULL CHECK (kind IN ('plan', 'treatment', 'corrective', 'tasks', 'custom')),"
  "  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  prefix           TEXT NOT NULL UNIQUE CHECK (length(prefix) BETWEEN 1 AND 8),"
  "  owner_id         INTEGER REFERENCES person (id),"
  "  colour           TEXT,"
  "  position         INTEGER NOT NULL,"
  "  require_evidence INTEGER NOT NULL DEFAULT 0 CHECK (require_evidence IN (0, 1)),"
  "  archived_at      TEXT,"
  "  created_at       TEXT NOT NULL"
  ");"

  /* The last number handed out per reference series ("OP-2027", "RT",
   * "CA", "T", later "R"...). Only ever goes up. */
  "CREATE TABLE ref_counter ("
  "  series TEXT PRIMARY KEY,"
  "  last   INTEGER NOT NULL CHECK (last >= 0)"
  ") WITHOUT ROWID;"

  "CREATE TABLE item ("
  "  id             INTEGER PRIMARY KEY,"
  "  ref            TEXT NOT NULL UNIQUE,"
  "  workstream_id  INTEGER NOT NULL REFERENCES workstream (id),"
  "  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description    TEXT NOT NULL DEFAULT '',"
  "  owner_id       INTEGER REFERENCES person (id),"
  "  status         TEXT NOT NULL DEFAULT 'todo'"
  "                 CHECK (status IN ('todo', 'in_progress', 'in_review', 'done', 'cancelled')),"
  "  priority       TEXT NOT NULL DEFAULT 'normal'"
  "                 CHECK (priority IN ('low', 'normal', 'high', 'urgent')),"
  "  start_date     TEXT " DATE_CHECK ("start_date") ","
  "  due_date       TEXT " DATE_CHECK ("due_date") ","
  "  completed_date TEXT " DATE_CHECK ("completed_date") ","
  "  closure_note   TEXT,"
  "  notes          TEXT,"
  "  position       INTEGER NOT NULL DEFAULT 0,"
  "  created_at     TEXT NOT NULL,"
  "  updated_at     TEXT NOT NULL,"
  "  deleted_at     TEXT"
  ");"
  /* The list view's order: due date ascending, undated last. */
  "CREATE INDEX item_by_due ON item (workstream_id, due_date IS NULL, due_date, id)"
  "  WHERE deleted_at IS NULL;"
  /* Board columns (status, then position) and the sidebar counts, which
   * read only this index. */
  "CREATE INDEX item_by_status ON item (workstream_id, status, position, due_date)"
  "  WHERE deleted_at IS NULL;"
  "CREATE INDEX item_by_owner ON item (owner_id) WHERE deleted_at IS NULL;"

  "CREATE TABLE item_clause ("
  "  item_id INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,"
  "  clause  TEXT NOT NULL,"
  "  PRIMARY KEY (item_id, clause)"
  ") WITHOUT ROWID;"

  "CREATE TABLE item_control ("
  "  item_id    INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,"
  "  control_id TEXT NOT NULL CHECK (control_id GLOB 'A.[5-8].[1-9]*'),"
  "  PRIMARY KEY (item_id, control_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX item_control_by_control ON item_control (control_id);"

  /* Append-only, hash-chained. actor_id is not a foreign key: the log must
   * outlive anything it talks about. */
  "CREATE TABLE history ("
  "  seq        INTEGER PRIMARY KEY,"
  "  at         TEXT NOT NULL,"
  "  actor_id   INTEGER NOT NULL,"
  "  actor_name TEXT NOT NULL,"
  "  entity     TEXT NOT NULL,"
  "  entity_id  INTEGER NOT NULL,"
  "  action     TEXT NOT NULL,"
  "  changes    TEXT NOT NULL,"
  "  prev_hash  TEXT NOT NULL,"
  "  hash       TEXT NOT NULL"
  ");"
  "CREATE INDEX history_by_entity ON history (entity, entity_id, seq);"
  "CREATE TRIGGER history_no_update BEFORE UPDATE ON history"
  "  BEGIN SELECT RAISE (ABORT, 'history is append-only'); END;"
  "CREATE TRIGGER history_no_delete BEFORE DELETE ON history"
  "  BEGIN SELECT RAISE (ABORT, 'history is append-only'); END;";

/* Full-text search over what people type to find an item. External
 * content (the item table) keeps one copy of the text; triggers keep the
 * index in step inside the same transaction as the change. unicode61 with
 * diacritics removed lets "zurich" find "Zürich". */
static const char migration_2[] =
  "CREATE VIRTUAL TABLE item_fts USING fts5 ("
  "  ref, title, description, notes,"
  "  content = 'item', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER item_fts_insert AFTER INSERT ON item BEGIN"
  "  INSERT INTO item_fts (rowid, ref, title, description, notes)"
  "    VALUES (new.id, new.ref, new.title, new.description, new.notes);"
  "END;"
  "CREATE TRIGGER item_fts_delete AFTER DELETE ON item BEGIN"
  "  INSERT INTO item_fts (item_fts, rowid, ref, title, description, notes)"
  "    VALUES ('delete', old.id, old.ref, old.title, old.description, old.notes);"
  "END;"
  "CREATE TRIGGER item_fts_update AFTER UPDATE OF ref, title, description, notes ON item BEGIN"
  "  INSERT INTO item_fts (item_fts, rowid, ref, title, description, notes)"
  "    VALUES ('delete', old.id, old.ref, old.title, old.description, old.notes);"
  "  INSERT INTO item_fts (rowid, ref, title, description, notes)"
  "    VALUES (new.id, new.ref, new.title, new.description, new.notes);"
  "END;"
  "INSERT INTO item_fts (item_fts) VALUES ('rebuild');";

/* The workstreams as ISO 27001 runs them: repeating plan items and the
 * annual roll-forward, the risk register with treatment links, the
 * corrective-action record, and the reason for closing without evidence. */
static const char migration_3[] =
  "CREATE TABLE risk ("
  "  id                  INTEGER PRIMARY KEY,"
  "  ref                 TEXT NOT NULL UNIQUE,"
  "  title               TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  asset               TEXT NOT NULL DEFAULT '',"
  "  threat              TEXT NOT NULL DEFAULT '',"
  "  vulnerability       TEXT NOT NULL DEFAULT '',"
  "  owner_id            INTEGER REFERENCES person (id),"
  "  likelihood          INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),"
  "  impact              INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),"
  "  treatment           TEXT NOT NULL DEFAULT 'mitigate'"
  "                      CHECK (treatment IN ('mitigate', 'transfer', 'avoid', 'accept')),"
  "  residual_likelihood INTEGER CHECK (residual_likelihood IS NULL OR residual_likelihood BETWEEN 1 AND 5),"
  "  residual_impact     INTEGER CHECK (residual_impact IS NULL OR residual_impact BETWEEN 1 AND 5),"
  "  status              TEXT NOT NULL DEFAULT 'open'"
  "                      CHECK (status IN ('open', 'treating', 'accepted', 'closed')),"
  "  next_review         TEXT " DATE_CHECK ("next_review") ","
  "  notes               TEXT,"
  "  created_at          TEXT NOT NULL,"
  "  updated_at          TEXT NOT NULL,"
  "  deleted_at          TEXT"
  ");"
  "CREATE TABLE risk_control ("
  "  risk_id    INTEGER NOT NULL REFERENCES risk (id) ON DELETE CASCADE,"
  "  control_id TEXT NOT NULL CHECK (control_id GLOB 'A.[5-8].[1-9]*'),"
  "  PRIMARY KEY (risk_id, control_id)"
  ") WITHOUT ROWID;"

  "ALTER TABLE item ADD COLUMN repeat_unit TEXT NOT NULL DEFAULT 'none'"
  "  CHECK (repeat_unit IN ('none', 'weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly'));"
  "ALTER TABLE item ADD COLUMN repeat_interval INTEGER NOT NULL DEFAULT 0"
  "  CHECK (repeat_interval BETWEEN 0 AND 99);"
  "ALTER TABLE item ADD COLUMN repeat_anchor TEXT " DATE_CHECK ("repeat_anchor") ";"
  /* The first occurrence's id: all occurrences of a repeating task. */
  "ALTER TABLE item ADD COLUMN series_id INTEGER;"
  "ALTER TABLE item ADD COLUMN risk_id INTEGER REFERENCES risk (id);"
  "ALTER TABLE item ADD COLUMN no_evidence_reason TEXT;"
  "CREATE INDEX item_by_series ON item (series_id, due_date)"
  "  WHERE series_id IS NOT NULL AND deleted_at IS NULL;"
  "CREATE INDEX item_by_risk ON item (risk_id) WHERE risk_id IS NOT NULL AND deleted_at IS NULL;"

  "CREATE TABLE corrective ("
  "  item_id           INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,"
  "  source            TEXT NOT NULL DEFAULT 'other' CHECK (source IN ('internal_audit', 'external_audit',"
  "                    'kpi', 'management_review', 'incident', 'monitoring', 'other')),"
  "  source_ref        TEXT,"
  "  classification    TEXT NOT NULL DEFAULT 'minor_nc'"
  "                    CHECK (classification IN ('major_nc', 'minor_nc', 'observation', 'opportunity')),"
  "  action_type       TEXT NOT NULL DEFAULT 'corrective_action'"
  "                    CHECK (action_type IN ('correction', 'corrective_action', 'improvement')),"
  "  correction        TEXT,"
  "  root_cause_method TEXT,"
  "  root_cause        TEXT,"
  "  corrective_action TEXT,"
  "  check_due         TEXT " DATE_CHECK ("check_due") ","
  "  checked_by        INTEGER REFERENCES person (id),"
  "  check_result      TEXT NOT NULL DEFAULT 'pending'"
  "                    CHECK (check_result IN ('pending', 'effective', 'not_effective')),"
  "  check_note        TEXT,"
  "  check_date        TEXT " DATE_CHECK ("check_date")
  ");"

  /* One row per ISMS year rolled forward: who reviewed the baseline, when. */
  "CREATE TABLE cycle_review ("
  "  cycle_start      TEXT PRIMARY KEY,"
  "  next_cycle_start TEXT NOT NULL,"
  "  reviewed_by      INTEGER NOT NULL,"
  "  reviewed_at      TEXT NOT NULL,"
  "  items_created    INTEGER NOT NULL"
  ") WITHOUT ROWID;";

/* Evidence files, stored inside the workspace in fixed-size chunks and
 * addressed by their SHA-256, so a file attached twice is stored once and
 * no file is ever held in memory whole. A blob is "pending" while an
 * import streams it in (short transactions, so the window stays usable);
 * only the final step, in one transaction with the attachment and its
 * history entry, makes it "ready". Pending leftovers of a crash are
 * removed when the workspace is next opened. */
static const char migration_4[] =
  "CREATE TABLE blob ("
  "  id         INTEGER PRIMARY KEY,"
  "  sha256     TEXT,"
  "  size       INTEGER NOT NULL DEFAULT 0,"
  "  state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ready')),"
  "  created_at TEXT NOT NULL,"
  "  CHECK (state = 'pending' OR length(sha256) = 64)"
  ");"
  "CREATE UNIQUE INDEX blob_by_sha ON blob (sha256) WHERE state = 'ready';"
  "CREATE TABLE blob_chunk ("
  "  id      INTEGER PRIMARY KEY,"
  "  blob_id INTEGER NOT NULL REFERENCES blob (id) ON DELETE CASCADE,"
  "  seq     INTEGER NOT NULL,"
  "  data    BLOB NOT NULL,"
  "  UNIQUE (blob_id, seq)"
  ");"
  "CREATE TABLE attachment ("
  "  id             INTEGER PRIMARY KEY,"
  "  entity         TEXT NOT NULL CHECK (entity IN ('item', 'risk', 'audit', 'review')),"
  "  entity_id      INTEGER NOT NULL,"
  /* Not a foreign key: the blob goes when the last attachment is removed,
   * the attachment row stays for the record. */
  "  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  file_name      TEXT NOT NULL CHECK (length(file_name) > 0),"
  "  size           INTEGER NOT NULL CHECK (size > 0),"
  "  media_type     TEXT NOT NULL,"
  "  added_by       INTEGER,"
  "  added_at       TEXT NOT NULL,"
  "  note           TEXT,"
  "  effective_date TEXT " DATE_CHECK ("effective_date") ","
  "  expiry_date    TEXT " DATE_CHECK ("expiry_date") ","
  "  removed_at     TEXT"
  ");"
  "CREATE INDEX attachment_by_entity ON attachment (entity, entity_id) WHERE removed_at IS NULL;"
  "CREATE INDEX attachment_by_sha ON attachment (sha256) WHERE removed_at IS NULL;";

/* The completion that created an occurrence of a repeating item: reopening
 * that completion withdraws only what it made itself, never an occurrence
 * the sample, the template or a roll-forward made. Not a foreign key: items
 * are only ever marked deleted. Older files have no link, so reopening
 * withdraws nothing there. */
static const char migration_5[] =
  "ALTER TABLE item ADD COLUMN created_by_completion_of INTEGER;"
  "CREATE INDEX item_by_completion ON item (created_by_completion_of)"
  "  WHERE created_by_completion_of IS NOT NULL AND deleted_at IS NULL;";

/* Clause 9.1 and 6.2: information security objectives, the KPIs that
 * measure them, and one measurement per KPI and period. Periods are keys
 * ("2027-03", "2027-Q1", "2027-H1", "2027") of the KPI's frequency, so a
 * period can hold one value only. Evidence can be attached to a
 * measurement: the attachment table's CHECK on the entity is rebuilt to
 * allow it (SQLite cannot alter a CHECK), its rows and ids kept. */
static const char migration_6[] =
  "CREATE TABLE objective ("
  "  id          INTEGER PRIMARY KEY,"
  "  ref         TEXT NOT NULL UNIQUE,"
  "  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  owner_id    INTEGER REFERENCES person (id),"
  "  target_date TEXT " DATE_CHECK ("target_date") ","
  "  status      TEXT NOT NULL DEFAULT 'planned'"
  "              CHECK (status IN ('planned', 'on_track', 'at_risk', 'achieved', 'not_achieved', 'withdrawn')),"
  "  created_at  TEXT NOT NULL,"
  "  updated_at  TEXT NOT NULL,"
  "  deleted_at  TEXT"
  ");"
  "CREATE TABLE kpi ("
  "  id           INTEGER PRIMARY KEY,"
  "  ref          TEXT NOT NULL UNIQUE,"
  "  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  description  TEXT NOT NULL DEFAULT '',"
  "  clause       TEXT NOT NULL DEFAULT '',"
  "  owner_id     INTEGER REFERENCES person (id),"
  "  unit         TEXT NOT NULL DEFAULT '',"
  "  target       REAL NOT NULL,"
  "  direction    TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),"
  "  frequency    TEXT NOT NULL DEFAULT 'monthly'"
  "               CHECK (frequency IN ('monthly', 'quarterly', 'half_yearly', 'yearly')),"
  "  objective_id INTEGER REFERENCES objective (id),"
  /* The day measuring starts: periods from there on are due. */
  "  start_date   TEXT NOT NULL " DATE_CHECK ("start_date") ","
  "  created_at   TEXT NOT NULL,"
  "  updated_at   TEXT NOT NULL,"
  "  deleted_at   TEXT"
  ");"
  "CREATE INDEX kpi_by_objective ON kpi (objective_id) WHERE objective_id IS NOT NULL AND deleted_at IS NULL;"
  "CREATE TABLE measurement ("
  "  id          INTEGER PRIMARY KEY,"
  "  kpi_id      INTEGER NOT NULL REFERENCES kpi (id),"
  "  period      TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 7),"
  "  value       REAL NOT NULL,"
  "  note        TEXT,"
  "  recorded_by INTEGER,"
  "  recorded_at TEXT NOT NULL,"
  "  deleted_at  TEXT"
  ");"
  /* One current value per period; a deleted one stays for the record. */
  "CREATE UNIQUE INDEX measurement_by_period ON measurement (kpi_id, period) WHERE deleted_at IS NULL;"

  "CREATE TABLE attachment_new ("
  "  id             INTEGER PRIMARY KEY,"
  "  entity         TEXT NOT NULL CHECK (entity IN ('item', 'risk', 'audit', 'review', 'measurement')),"
  "  entity_id      INTEGER NOT NULL,"
  "  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  file_name      TEXT NOT NULL CHECK (length(file_name) > 0),"
  "  size           INTEGER NOT NULL CHECK (size > 0),"
  "  media_type     TEXT NOT NULL,"
  "  added_by       INTEGER,"
  "  added_at       TEXT NOT NULL,"
  "  note           TEXT,"
  "  effective_date TEXT " DATE_CHECK ("effective_date") ","
  "  expiry_date    TEXT " DATE_CHECK ("expiry_date") ","
  "  removed_at     TEXT"
  ");"
  "INSERT INTO attachment_new SELECT * FROM attachment;"
  "DROP TABLE attachment;"
  "ALTER TABLE attachment_new RENAME TO attachment;"
  "CREATE INDEX attachment_by_entity ON attachment (entity, entity_id) WHERE removed_at IS NULL;"
  "CREATE INDEX attachment_by_sha ON attachment (sha256) WHERE removed_at IS NULL;";

/* The Statement of Applicability (6.1.3 d): one row per Annex A control
 * someone has decided about; a control with no row reads as applicable,
 * not started and unjustified, so a workspace needs no 93 rows to start
 * with. The reasons are the sorted set of keys joined by newlines, the
 * way the history check compares a set. Each approval is a numbered
 * version, who and when; never changed, only added to. */
static const char migration_7[] =
  "CREATE TABLE soa_entry ("
  "  id            INTEGER PRIMARY KEY,"
  "  control_id    TEXT NOT NULL UNIQUE CHECK (control_id GLOB 'A.[5-8].[1-9]*'),"
  "  applicable    INTEGER NOT NULL DEFAULT 1 CHECK (applicable IN (0, 1)),"
  "  reasons       TEXT NOT NULL DEFAULT '',"
  "  justification TEXT NOT NULL DEFAULT '',"
  "  status        TEXT NOT NULL DEFAULT 'not_started'"
  "                CHECK (status IN ('not_started', 'planned', 'partial', 'implemented')),"
  "  notes         TEXT NOT NULL DEFAULT '',"
  "  updated_at    TEXT NOT NULL"
  ");"
  "CREATE TABLE soa_approval ("
  "  version     INTEGER PRIMARY KEY CHECK (version >= 1),"
  "  approved_by INTEGER,"
  "  approved_at TEXT NOT NULL"
  ");";

/* Clause 9.2: the internal audit programme. An audit's scope is a set of
 * (kind, value) pairs: clauses and controls by identifier, workstreams by
 * id, processes as written. Each finding owns its corrective-action item
 * (finding.item_id, one item per finding); a nonconformity may be carried
 * over to the next audit with a recorded reason. A plan item can name the
 * audit it runs (item.audit_id). Evidence attaches to audits and findings:
 * the attachment table is rebuilt for the new entity, as in migration 6. */
static const char migration_8[] =
  "CREATE TABLE audit ("
  "  id           INTEGER PRIMARY KEY,"
  "  ref          TEXT NOT NULL UNIQUE,"
  "  title        TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  planned_date TEXT NOT NULL " DATE_CHECK ("planned_date") ","
  "  lead_id      INTEGER REFERENCES person (id),"
  "  status       TEXT NOT NULL DEFAULT 'planned'"
  "               CHECK (status IN ('planned', 'in_progress', 'reported', 'closed')),"
  "  conclusion   TEXT NOT NULL DEFAULT '',"
  "  report_notes TEXT NOT NULL DEFAULT '',"
  "  created_at   TEXT NOT NULL,"
  "  updated_at   TEXT NOT NULL,"
  "  deleted_at   TEXT"
  ");"
  "CREATE TABLE audit_scope ("
  "  audit_id INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  kind     TEXT NOT NULL CHECK (kind IN ('clause', 'control', 'workstream', 'process')),"
  "  value    TEXT NOT NULL CHECK (length(trim(value)) > 0),"
  "  PRIMARY KEY (audit_id, kind, value)"
  ") WITHOUT ROWID;"
  "CREATE TABLE audit_team ("
  "  audit_id  INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  PRIMARY KEY (audit_id, person_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE finding ("
  "  id                INTEGER PRIMARY KEY,"
  "  audit_id          INTEGER NOT NULL REFERENCES audit (id),"
  "  ref               TEXT NOT NULL UNIQUE,"
  "  classification    TEXT NOT NULL"
  "                    CHECK (classification IN ('major_nc', 'minor_nc', 'observation', 'opportunity')),"
  "  clause            TEXT NOT NULL DEFAULT '',"
  "  description       TEXT NOT NULL CHECK (length(trim(description)) > 0),"
  "  item_id           INTEGER NOT NULL REFERENCES item (id),"
  "  carry_over_reason TEXT,"
  "  created_at        TEXT NOT NULL,"
  "  updated_at        TEXT NOT NULL,"
  "  deleted_at        TEXT"
  ");"
  "CREATE INDEX finding_by_audit ON finding (audit_id) WHERE deleted_at IS NULL;"
  "CREATE UNIQUE INDEX finding_by_item ON finding (item_id);"
  /* Not a foreign key, as created_by_completion_of: the store checks the
   * audit exists when it links one, and audits are only marked deleted. */
  "ALTER TABLE item ADD COLUMN audit_id INTEGER;"

  "CREATE TABLE attachment_new ("
  "  id             INTEGER PRIMARY KEY,"
  "  entity         TEXT NOT NULL CHECK (entity IN ('item', 'risk', 'audit', 'review', 'measurement', 'finding')),"
  "  entity_id      INTEGER NOT NULL,"
  "  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  file_name      TEXT NOT NULL CHECK (length(file_name) > 0),"
  "  size           INTEGER NOT NULL CHECK (size > 0),"
  "  media_type     TEXT NOT NULL,"
  "  added_by       INTEGER,"
  "  added_at       TEXT NOT NULL,"
  "  note           TEXT,"
  "  effective_date TEXT " DATE_CHECK ("effective_date") ","
  "  expiry_date    TEXT " DATE_CHECK ("expiry_date") ","
  "  removed_at     TEXT"
  ");"
  "INSERT INTO attachment_new SELECT * FROM attachment;"
  "DROP TABLE attachment;"
  "ALTER TABLE attachment_new RENAME TO attachment;"
  "CREATE INDEX attachment_by_entity ON attachment (entity, entity_id) WHERE removed_at IS NULL;"
  "CREATE INDEX attachment_by_sha ON attachment (sha256) WHERE removed_at IS NULL;";

static const char * const migrations[STW_SCHEMA_VERSION] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
};

gboolean
_stw_schema_migrate (sqlite3  *db,
                     int       from_version,
                     int       to_version,
                     GError  **error)
{
  g_autofree char *pragma = NULL;

  g_return_val_if_fail (from_version >= 0, FALSE);
  g_return_val_if_fail (to_version <= STW_SCHEMA_VERSION, FALSE);

  for (int v = from_version + 1; v <= to_version; v++)
    {
      if (!_stw_exec (db, migrations[v - 1], error))
        {
          g_prefix_error (error, _("Could not upgrade the workspace to version %d: "), v);
          return FALSE;
        }
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  return _stw_exec (db, pragma, error);
}
