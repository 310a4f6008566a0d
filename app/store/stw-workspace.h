/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace.h: one client organisation's ISMS, kept in one SQLite file.
 *
 * Every change goes through this API and writes the row and its history
 * entry in one transaction, recording the current actor. Widgets never see
 * SQL: they get GListModels (people, workstreams, items) that follow
 * changes through the signals below.
 */
#pragma once

#include <gio/gio.h>

#include "stw-error.h"
#include "stw-item.h"
#include "stw-person.h"
#include "stw-types.h"
#include "stw-workstream.h"

G_BEGIN_DECLS

/* Version of the schema this build writes (PRAGMA user_version). */
#define STW_SCHEMA_VERSION 4
/* PRAGMA application_id: "STWD". */
#define STW_APPLICATION_ID 0x53545744

/* Defined in stw-item-model.h. */
typedef struct _StwItemFilter StwItemFilter;

#define STW_TYPE_WORKSPACE (stw_workspace_get_type ())
G_DECLARE_FINAL_TYPE (StwWorkspace, stw_workspace, STW, WORKSPACE, GObject)

/* Signals:
 *   "item-changed" (gint64 item_id, gint64 workstream_id): an item was
 *     created, changed, deleted or restored. A move between workstreams
 *     emits once for each side.
 *   "people-changed" (): the people list changed.
 *   "organisation-changed" ().
 */

/* Creates a new workspace at @path (which must not exist, or be an empty
 * file), with the four built-in workstreams and @me_name as its first person
 * and the current actor. */
StwWorkspace  *stw_workspace_create             (const char    *path,
                                                 const char    *org_name,
                                                 const char    *me_name,
                                                 GError       **error);
/* Opens an existing workspace. A file that is not a workspace, is damaged,
 * truncated, read-only or from a newer version gives an error and is not
 * modified. Older schemas are migrated. */
StwWorkspace  *stw_workspace_open               (const char    *path,
                                                 GError       **error);
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

/* Organisation profile. */
const char    *stw_workspace_get_org_name       (StwWorkspace  *self);
const char    *stw_workspace_get_scope          (StwWorkspace  *self);
gint64         stw_workspace_get_isms_owner_id  (StwWorkspace  *self);
guint          stw_workspace_get_cycle_start_month (StwWorkspace *self);
guint          stw_workspace_get_risk_threshold (StwWorkspace  *self);
gboolean       stw_workspace_update_organisation (StwWorkspace *self,
                                                 const char    *name,
                                                 const char    *scope,
                                                 gint64         isms_owner_id,
                                                 guint          cycle_start_month,
                                                 guint          risk_threshold,
                                                 GError       **error);

/* The actor: the person recorded on every change. Remembered in the file. */
gint64         stw_workspace_get_actor_id       (StwWorkspace  *self);
gboolean       stw_workspace_set_actor_id       (StwWorkspace  *self,
                                                 gint64         person_id,
                                                 GError       **error);

/* Local preferences kept with the workspace (for example the view chosen
 * for each workstream). Not part of the ISMS record: no history entry. */
char          *stw_workspace_dup_setting        (StwWorkspace  *self,
                                                 const char    *key);
gboolean       stw_workspace_set_setting        (StwWorkspace  *self,
                                                 const char    *key,
                                                 const char    *value,
                                                 GError       **error);

/* People: a GListModel of StwPerson, sorted by name. */
GListModel    *stw_workspace_get_people         (StwWorkspace  *self);
StwPerson     *stw_workspace_add_person         (StwWorkspace  *self,
                                                 const char    *name,
                                                 const char    *role,
                                                 const char    *email,
                                                 GError       **error);
gboolean       stw_workspace_update_person      (StwWorkspace  *self,
                                                 gint64         person_id,
                                                 const char    *name,
                                                 const char    *role,
                                                 const char    *email,
                                                 gboolean       active,
                                                 GError       **error);
StwPerson     *stw_workspace_find_person        (StwWorkspace  *self,
                                                 gint64         person_id);

/* Workstreams: a GListModel of StwWorkstream in display order; their open
 * and overdue counts follow item changes. */
GListModel    *stw_workspace_get_workstreams    (StwWorkspace  *self);
StwWorkstream *stw_workspace_find_workstream    (StwWorkspace  *self,
                                                 gint64         workstream_id);
StwWorkstream *stw_workspace_add_workstream     (StwWorkspace  *self,
                                                 const char    *name,
                                                 const char    *prefix,
                                                 gint64         owner_id,
                                                 GError       **error);

/* Renames a workstream, changes its owner, colour ("#rrggbb" or NULL) and
 * whether closing its items needs evidence (always so for risk treatment
 * and corrective actions). */
gboolean       stw_workspace_update_workstream  (StwWorkspace  *self,
                                                 gint64         workstream_id,
                                                 const char    *name,
                                                 gint64         owner_id,
                                                 const char    *colour,
                                                 gboolean       require_evidence,
                                                 GError       **error);

/* Items. Insert assigns the id and the reference (never reused, even after
 * deletion); update writes what differs from the stored row. Delete moves
 * the item out of every view and can be undone with restore. */
gboolean       stw_workspace_insert_item        (StwWorkspace  *self,
                                                 StwItem       *item,
                                                 GError       **error);
gboolean       stw_workspace_update_item        (StwWorkspace  *self,
                                                 StwItem       *item,
                                                 GError       **error);
gboolean       stw_workspace_delete_item        (StwWorkspace  *self,
                                                 gint64         item_id,
                                                 GError       **error);
gboolean       stw_workspace_restore_item       (StwWorkspace  *self,
                                                 gint64         item_id,
                                                 GError       **error);
StwItem       *stw_workspace_load_item          (StwWorkspace  *self,
                                                 gint64         item_id,
                                                 GError       **error);
StwItem       *stw_workspace_find_item_by_ref   (StwWorkspace  *self,
                                                 const char    *ref,
                                                 GError       **error);
/* Items of one workstream (0 for all), due date ascending, undated last.
 * Returns a GListModel of StwItem (an StwItemModel). */
GListModel    *stw_workspace_list_items         (StwWorkspace  *self,
                                                 gint64         workstream_id,
                                                 GError       **error);
/* Items chosen by @filter (see stw-item-model.h), as an StwItemModel. */
GListModel    *stw_workspace_filter_items       (StwWorkspace  *self,
                                                 const StwItemFilter *filter,
                                                 GError       **error);
/* Board: moves an item to @status, before @before_id in that column (0: to
 * the end). @closure_note, when not NULL, is saved with the move (closing
 * asks for one). @undo_before_id gets the item that followed it in its old
 * column (0 if it was last): moving back there restores the exact order. */
gboolean       stw_workspace_move_item          (StwWorkspace  *self,
                                                 gint64         item_id,
                                                 StwStatus      status,
                                                 gint64         before_id,
                                                 const char    *closure_note,
                                                 gint64        *undo_before_id,
                                                 GError       **error);
/* Saves several changed items in one transaction: all or none. */
gboolean       stw_workspace_update_items       (StwWorkspace  *self,
                                                 GPtrArray     *items,
                                                 GError       **error);
/* Items whose reference, title, description or notes contain words
 * starting with the words of @text (any order, accents and case ignored).
 * Whatever the person types is taken as plain words, never as query
 * syntax. Best matches first, at most @limit (0: 50). */
GListModel    *stw_workspace_search_items       (StwWorkspace  *self,
                                                 const char    *text,
                                                 guint          limit,
                                                 GError       **error);
/* Counts open items (and of those, overdue ones) of one workstream. */
gboolean       stw_workspace_count_items        (StwWorkspace  *self,
                                                 gint64         workstream_id,
                                                 guint         *open_count,
                                                 guint         *overdue_count,
                                                 GError       **error);

/* Groups many changes into one transaction (the sample generator, imports).
 * Each change inside still writes its own history entry. */
gboolean       stw_workspace_begin              (StwWorkspace  *self,
                                                 GError       **error);
gboolean       stw_workspace_commit             (StwWorkspace  *self,
                                                 GError       **error);
void           stw_workspace_rollback           (StwWorkspace  *self);

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
/* SQLite integrity check plus the history chain. Writes one line per
 * finding to @report. */
gboolean       stw_workspace_check              (StwWorkspace  *self,
                                                 GString       *report,
                                                 GError       **error);

G_END_DECLS
