/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-store.h: the store under every domain: one client organisation's
 * ISMS kept in one SQLite file, with its transactions, settings,
 * organisation profile, actor, history chain and workspace check.
 *
 * Every change writes its row and its history entry in one transaction,
 * recording the current actor. The store knows no domain: people, items,
 * risks and evidence add their own API on top (stw-workspace.h gathers
 * all of it for the UI and the tests).
 */
#pragma once

#include <gio/gio.h>

#include "stw-error.h"
#include "stw-types.h"

G_BEGIN_DECLS

/* Version of the schema this build writes (PRAGMA user_version). */
#define STW_SCHEMA_VERSION 8
/* PRAGMA application_id: "STWD". */
#define STW_APPLICATION_ID 0x53545744

#define STW_TYPE_WORKSPACE (stw_workspace_get_type ())
G_DECLARE_FINAL_TYPE (StwWorkspace, stw_workspace, STW, WORKSPACE, GObject)

/* Signals:
 *   "organisation-changed" ().
 * The domains add their own ("people-changed", "item-changed"): see
 * stw-people-store.h and stw-item-store.h.
 *
 * stw_workspace_create() and stw_workspace_open() are in stw-core.h: they
 * bring the domains in before the store opens the file.
 */

/* Schema version in the header of the file at @path (as of the last
 * checkpoint), read without SQLite; -1 with @error when the file is not a
 * workspace or cannot be read. */
int            stw_workspace_peek_version       (const char    *path,
                                                 GError       **error);
/* For tests: create a file at schema version @version (0 < version <=
 * STW_SCHEMA_VERSION), as an older Steward would have left it. */
gboolean       _stw_workspace_create_at_version (const char    *path,
                                                 int            version,
                                                 GError       **error);

const char    *stw_workspace_get_path           (StwWorkspace  *self);

/* Organisation profile, as last read. Changing it is
 * stw_workspace_update_organisation() (stw-people-store.h). */
const char    *stw_workspace_get_org_name       (StwWorkspace  *self);
const char    *stw_workspace_get_scope          (StwWorkspace  *self);
gint64         stw_workspace_get_isms_owner_id  (StwWorkspace  *self);
guint          stw_workspace_get_cycle_start_month (StwWorkspace *self);
guint          stw_workspace_get_risk_threshold (StwWorkspace  *self);

/* The actor: the person recorded on every change. Remembered in the file.
 * Choosing another is stw_workspace_set_actor_id() (stw-people-store.h). */
gint64         stw_workspace_get_actor_id       (StwWorkspace  *self);

/* Local preferences kept with the workspace (for example the view chosen
 * for each workstream). Not part of the ISMS record: no history entry. */
char          *stw_workspace_dup_setting        (StwWorkspace  *self,
                                                 const char    *key);
gboolean       stw_workspace_set_setting        (StwWorkspace  *self,
                                                 const char    *key,
                                                 const char    *value,
                                                 GError       **error);

/* Groups many changes into one transaction (the sample generator, imports).
 * Each change inside still writes its own history entry. */
gboolean       stw_workspace_begin              (StwWorkspace  *self,
                                                 GError       **error);
gboolean       stw_workspace_commit             (StwWorkspace  *self,
                                                 GError       **error);
void           stw_workspace_rollback           (StwWorkspace  *self);

/* Catches up with what other connections to the file committed (the
 * command line, a second window): when SQLite says the file changed, the
 * profile and every domain's cached records are read again and each
 * domain emits its change signals ("item-changed" for each record whose
 * history moved on, "people-changed", "organisation-changed"). Otherwise,
 * and inside a transaction of our own, does nothing and emits nothing. Cheap
 * enough to call every second. FALSE with @error when the file cannot be
 * read. */
gboolean       stw_workspace_refresh            (StwWorkspace  *self,
                                                 GError       **error);

/* History. */
typedef struct {
  gint64  seq;
  char   *at;          /* UTC timestamp */
  gint64  actor_id;
  char   *actor_name;
  char   *entity;      /* "item", "person", "workstream", "organisation", "workspace" */
  gint64  entity_id;
  char   *action;      /* "create", "update", "delete", "restore" */
  char   *changes;     /* JSON: {"field": [old, new], …} */
  char   *hash;        /* hex SHA-256 */
} StwHistoryEntry;

void           stw_history_entry_free           (StwHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwHistoryEntry, stw_history_entry_free)

/* Entries about one record, oldest first (entity NULL: all entries). */
GPtrArray     *stw_workspace_list_history       (StwWorkspace  *self,
                                                 const char    *entity,
                                                 gint64         entity_id,
                                                 GError       **error);
/* Re-computes the hash chain. On a break returns FALSE with
 * STW_WORKSPACE_ERROR_HISTORY_BROKEN and sets @first_bad_seq to the first
 * entry that does not verify. @n_entries gets the count checked. */
gboolean       stw_workspace_verify_history     (StwWorkspace  *self,
                                                 gint64        *first_bad_seq,
                                                 gint64        *n_entries,
                                                 GError       **error);
/* Hash of the newest entry (the chain head), hex; NULL for an empty log. */
char          *stw_workspace_dup_history_head   (StwWorkspace  *self);
/* The sequence number of the entry whose hash is @hash (hex, any case),
 * 0 when no entry has it, -1 with @error when the history cannot be read.
 * A head printed in an earlier report is found as long as the history
 * still holds it; the check proves the chain around it. */
gint64         stw_workspace_find_history_entry (StwWorkspace  *self,
                                                 const char    *hash,
                                                 GError       **error);
/* Runs the workspace's checks in order: the store's own (SQLite
 * integrity, the history chain), then those the domains added (evidence).
 * Writes one line per finding to @report. */
gboolean       stw_workspace_check              (StwWorkspace  *self,
                                                 GString       *report,
                                                 GError       **error);

G_END_DECLS
