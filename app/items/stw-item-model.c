/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-model.c: the lazily loaded, filtered and sorted list of items.
 *
 * Only the sorted ids are read up front (one index scan); rows become
 * StwItem objects in blocks as a view scrolls to them. A change re-reads the
 * ids and reports just the span that differs, so views keep their scroll
 * position and selection.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-corrective.h"
#include "stw-item-model-private.h"
#include "stw-item-store-private.h"
#include "stw-workspace-private.h"

/* Rows loaded together when a view reaches an unloaded one: about a screen. */
#define BLOCK 48

struct _StwItemModel
{
  GObject       parent_instance;
  StwWorkspace *workspace;
  StwItemFilter filter;
  GArray       *ids;      /* gint64, in display order */
  GHashTable   *cache;    /* id → StwItem */
  gulong        changed_handler;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwItemModel, stw_item_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

void
stw_item_filter_init (StwItemFilter *filter,
                      gint64         workstream_id)
{
  memset (filter, 0, sizeof *filter);
  filter->workstream_id = workstream_id;
  filter->sort = STW_ITEM_SORT_DUE;
}

#define OPEN_STATUSES "('todo', 'in_progress', 'in_review')"

static void
append_order (GString             *sql,
              const StwItemFilter *f)
{
  const char *dir = f->descending ? " DESC" : "";
  /* Undated items stay last in either direction: they are the least urgent. */
  g_autofree char *by_due = g_strdup_printf ("i.due_date IS NULL, i.due_date%s, i.id%s", dir, dir);

  g_string_append (sql, " ORDER BY ");
  switch (f->sort)
    {
    case STW_ITEM_SORT_STATUS:
      g_string_append_printf (sql,
                              "CASE i.status WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1"
                              " WHEN 'in_review' THEN 2 WHEN 'done' THEN 3 ELSE 4 END%s, %s", dir, by_due);
      break;
    case STW_ITEM_SORT_OWNER:
      g_string_append_printf (sql, "p.name IS NULL, p.name COLLATE NOCASE%s, %s", dir, by_due);
      break;
    case STW_ITEM_SORT_REF:
      /* Series first ("CA-", "OP-2027-"), then by number: T-9 before T-10. */
      g_string_append_printf (sql,
                              "rtrim(i.ref, '0123456789')%s, length(i.ref)%s, i.ref%s",
                              dir, dir, dir);
      break;
    case STW_ITEM_SORT_PRIORITY:
      g_string_append_printf (sql,
                              "CASE i.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1"
                              " WHEN 'normal' THEN 2 ELSE 3 END%s, %s", dir, by_due);
      break;
    case STW_ITEM_SORT_POSITION:
      g_string_append_printf (sql, "i.position%s, i.id%s", dir, dir);
      break;
    case STW_ITEM_SORT_DUE:
    default:
      if (f->workstream_id != 0 && !f->descending)
        /* Matches item_by_due column for column, so no sort step is needed. */
        g_string_append (sql, "i.workstream_id, ");
      g_string_append (sql, by_due);
      break;
    }
}

/* " AND column IN ('a', 'b')" for the keys whose bit is set in @mask. The
 * keys are our own constants, never user text. */
static void
append_key_set (GString     *sql,
                const char  *column,
                guint        mask,
                guint        n_keys,
                const char *(*to_key) (guint))
{
  gboolean first = TRUE;

  if (mask == 0)
    return;
  g_string_append_printf (sql, " AND %s IN (", column);
  for (guint k = 0; k < n_keys; k++)
    if (mask & (1u << k))
      {
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", to_key (k));
        first = FALSE;
      }
  g_string_append_c (sql, ')');
}

static const char *
classification_key (guint k)
{
  return stw_ca_classification_to_key ((StwCaClassification) k);
}

static const char *
source_key (guint k)
{
  return stw_ca_source_to_key ((StwCaSource) k);
}

/* Builds the query from fixed fragments only; every value is bound. */
static char *
build_query (const StwItemFilter *f)
{
  GString *sql = g_string_new ("SELECT i.id FROM item i");

  if (f->sort == STW_ITEM_SORT_OWNER)
    g_string_append (sql, " LEFT JOIN person p ON p.id = i.owner_id");
  g_string_append (sql, " WHERE i.deleted_at IS NULL");
  if (f->workstream_id != 0)
    g_string_append (sql, " AND i.workstream_id = :workstream");
  if (f->statuses != 0)
    {
      gboolean first = TRUE;

      g_string_append (sql, " AND i.status IN (");
      for (guint s = 0; s < STW_N_STATUSES; s++)
        if (f->statuses & STW_STATUS_MASK (s))
          {
            g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", stw_status_to_key ((StwStatus) s));
            first = FALSE;
          }
      g_string_append_c (sql, ')');
    }
  if (f->owner_id > 0)
    g_string_append (sql, " AND i.owner_id = :owner");
  else if (f->owner_id < 0)
    g_string_append (sql, " AND i.owner_id IS NULL");
  if (f->risk_id > 0)
    g_string_append (sql, " AND i.risk_id = :risk");
  if (f->ca_classifications != 0 || f->ca_sources != 0)
    {
      /* Corrective-action items only: the record holds both. */
      g_string_append (sql, " AND i.id IN (SELECT item_id FROM corrective WHERE 1");
      append_key_set (sql, "classification", f->ca_classifications, STW_N_CA_CLASSIFICATIONS,
                      classification_key);
      append_key_set (sql, "source", f->ca_sources, STW_N_CA_SOURCES, source_key);
      g_string_append_c (sql, ')');
    }
  if (f->overdue)
    g_string_append (sql, " AND i.status IN " OPEN_STATUSES " AND i.due_date < :today");
  if (f->due_within_days > 0)
    g_string_append (sql, " AND i.status IN " OPEN_STATUSES
                          " AND i.due_date >= :today AND i.due_date <= :horizon");
  if (f->due_from[0])
    g_string_append (sql, " AND i.due_date >= :from");
  if (f->due_to[0])
    g_string_append (sql, " AND i.due_date <= :to");
  append_order (sql, f);

  return g_string_free (sql, FALSE);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int idx = sqlite3_bind_parameter_index (stmt, name);

  if (idx > 0)
    sqlite3_bind_text (stmt, idx, value, -1, SQLITE_TRANSIENT);
}

static GArray *
query_ids (StwItemModel  *self,
           GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const StwItemFilter *f = &self->filter;
  g_autofree char *sql = build_query (f);
  const char *today = _stw_workspace_today (self->workspace);
  sqlite3_stmt *stmt;
  int idx, rc;

  stmt = _stw_workspace_prepare (self->workspace, sql, error);
  if (stmt == NULL)
    return NULL;

  if ((idx = sqlite3_bind_parameter_index (stmt, ":workstream")) > 0)
    sqlite3_bind_int64 (stmt, idx, f->workstream_id);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":owner")) > 0)
    sqlite3_bind_int64 (stmt, idx, f->owner_id);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":risk")) > 0)
    sqlite3_bind_int64 (stmt, idx, f->risk_id);
  bind_named_text (stmt, ":today", today);
  if (f->due_within_days > 0)
    {
      g_autofree char *horizon = stw_date_add_days (today, (int) f->due_within_days);
      bind_named_text (stmt, ":horizon", horizon);
    }
  bind_named_text (stmt, ":from", f->due_from);
  bind_named_text (stmt, ":to", f->due_to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self->workspace), rc,
                             _("Could not read the items"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
load_block (StwItemModel *self,
            guint         position)
{
  guint end = MIN (position + BLOCK, self->ids->len);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (unref_if_set);
  g_autoptr(GError) error = NULL;

  for (guint i = position; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (!g_hash_table_contains (self->cache, &id))
        g_array_append_val (missing, id);
    }
  if (missing->len == 0)
    return;

  /* One batch of queries for the whole block, not a few per row. */
  if (!_stw_workspace_load_items (self->workspace, (const gint64 *) missing->data, missing->len, loaded, &error))
    {
      g_warning ("Could not load items: %s", error->message);
      return;
    }
  for (guint i = 0; i < missing->len; i++)
    {
      StwItem *item = g_ptr_array_index (loaded, i);

      /* NULL: another process deleted it; the next change signal re-reads. */
      if (item != NULL)
        g_hash_table_insert (self->cache, g_memdup2 (&g_array_index (missing, gint64, i), sizeof (gint64)),
                             g_object_ref (item));
    }
}

static GType
stw_item_model_get_item_type (GListModel *model)
{
  return STW_TYPE_ITEM;
}

static guint
stw_item_model_get_n_items (GListModel *model)
{
  return STW_ITEM_MODEL (model)->ids->len;
}

static gpointer
stw_item_model_get_item (GListModel *model,
                         guint       position)
{
  StwItemModel *self = STW_ITEM_MODEL (model);
  gint64 id;
  StwItem *item;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  item = g_hash_table_lookup (self->cache, &id);
  if (item == NULL)
    {
      load_block (self, position);
      item = g_hash_table_lookup (self->cache, &id);
    }
  if (item == NULL)
    {
      /* Keep the model's promise of an object: a placeholder with no id. */
      item = stw_item_new (self->filter.workstream_id);
      g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), item);
    }
  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = stw_item_model_get_item_type;
  iface->get_n_items = stw_item_model_get_n_items;
  iface->get_item = stw_item_model_get_item;
}

static void
apply_new_ids (StwItemModel *self,
               GArray       *new_ids,
               gint64        changed_id)
{
  GArray *old_ids = self->ids;
  guint old_n = old_ids->len, new_n = new_ids->len;
  guint prefix = 0, suffix = 0;
  int changed_pos = -1;

  while (prefix < old_n && prefix < new_n &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (new_ids, gint64, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old_ids, gint64, old_n - 1 - suffix) == g_array_index (new_ids, gint64, new_n - 1 - suffix))
    suffix++;

  self->ids = new_ids;

  if (changed_id != 0)
    for (guint i = 0; i < new_n; i++)
      if (g_array_index (new_ids, gint64, i) == changed_id)
        {
          changed_pos = (int) i;
          break;
        }

  if (prefix + suffix < MAX (old_n, new_n))
    {
      guint removed = old_n - prefix - suffix;
      guint added = new_n - prefix - suffix;

      /* Widen the span to cover the changed row if it stayed in place. */
      if (changed_pos >= 0 && ((guint) changed_pos < prefix || (guint) changed_pos >= prefix + added))
        {
          guint lo = MIN (prefix, (guint) changed_pos);
          guint hi_new = MAX (prefix + added, (guint) changed_pos + 1);
          guint grow_front = prefix - lo;
          guint grow_back = hi_new - (prefix + added);

          prefix = lo;
          removed += grow_front + grow_back;
          added += grow_front + grow_back;
        }
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
    }
  else if (changed_pos >= 0)
    g_list_model_items_changed (G_LIST_MODEL (self), changed_pos, 1, 1);

  g_array_unref (old_ids);
}

static void
item_changed_cb (StwWorkspace *workspace,
                 gint64        item_id,
                 gint64        workstream_id,
                 StwItemModel *self)
{
  g_autoptr(GError) error = NULL;
  GArray *new_ids;

  if (self->filter.workstream_id != 0 && workstream_id != self->filter.workstream_id)
    return;

  if (item_id == 0)
    g_hash_table_remove_all (self->cache);
  else
    g_hash_table_remove (self->cache, &item_id);

  new_ids = query_ids (self, &error);
  if (new_ids == NULL)
    {
      g_warning ("Could not refresh the item list: %s", error->message);
      return;
    }

  if (item_id == 0)
    {
      guint old_n = self->ids->len;

      g_array_unref (self->ids);
      self->ids = new_ids;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_ids->len);
      return;
    }

  apply_new_ids (self, new_ids, item_id);
}

static void
stw_item_model_dispose (GObject *object)
{
  StwItemModel *self = (StwItemModel *) object;

  g_clear_signal_handler (&self->changed_handler, self->workspace);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_item_model_parent_class)->dispose (object);
}

static void
stw_item_model_finalize (GObject *object)
{
  StwItemModel *self = (StwItemModel *) object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (stw_item_model_parent_class)->finalize (object);
}

static void
stw_item_model_class_init (StwItemModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_item_model_dispose;
  object_class->finalize = stw_item_model_finalize;
}

static void
stw_item_model_init (StwItemModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

StwItemModel *
_stw_item_model_new (StwWorkspace        *workspace,
                     const StwItemFilter *filter)
{
  StwItemModel *self = g_object_new (STW_TYPE_ITEM_MODEL, NULL);

  self->workspace = g_object_ref (workspace);
  self->filter = *filter;
  self->changed_handler = g_signal_connect (workspace, "item-changed",
                                            G_CALLBACK (item_changed_cb), self);
  return self;
}

gboolean
_stw_item_model_reload (StwItemModel  *self,
                        GError       **error)
{
  GArray *ids = query_ids (self, error);
  guint old_n;

  if (ids == NULL)
    return FALSE;
  old_n = self->ids->len;
  g_array_unref (self->ids);
  self->ids = ids;
  g_hash_table_remove_all (self->cache);
  if (old_n > 0 || ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, ids->len);
  return TRUE;
}

gint64
stw_item_model_get_workstream_id (StwItemModel *self)
{
  g_return_val_if_fail (STW_IS_ITEM_MODEL (self), 0);
  return self->filter.workstream_id;
}

const StwItemFilter *
stw_item_model_get_filter (StwItemModel *self)
{
  g_return_val_if_fail (STW_IS_ITEM_MODEL (self), NULL);
  return &self->filter;
}

gboolean
stw_item_model_set_filter (StwItemModel         *self,
                           const StwItemFilter  *filter,
                           GError              **error)
{
  StwItemFilter previous;

  g_return_val_if_fail (STW_IS_ITEM_MODEL (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if ((filter->due_from[0] && !stw_date_is_valid (filter->due_from)) ||
      (filter->due_to[0] && !stw_date_is_valid (filter->due_to)))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Dates are written as year-month-day, such as 2027-03-31"));
      return FALSE;
    }

  previous = self->filter;
  self->filter = *filter;
  if (!_stw_item_model_reload (self, error))
    {
      self->filter = previous;
      return FALSE;
    }
  return TRUE;
}

int
stw_item_model_find (StwItemModel *self,
                     gint64        item_id)
{
  g_return_val_if_fail (STW_IS_ITEM_MODEL (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == item_id)
      return (int) i;
  return -1;
}
