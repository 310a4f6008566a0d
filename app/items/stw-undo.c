/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-undo.c: the undo stack (see stw-undo.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-undo.h"

typedef enum {
  CHANGE_CREATE,
  CHANGE_UPDATE,
  CHANGE_DELETE,
  CHANGE_BULK,
  CHANGE_MOVE,
  CHANGE_OTHER,
} ChangeKind;

typedef struct {
  ChangeKind  kind;
  gint64      item_id;
  char       *ref;
  GPtrArray  *before;          /* StwItem, as stored before the change */
  gint64      undo_before_id;  /* CHANGE_MOVE */
  /* CHANGE_OTHER */
  StwUndoFunc     undo;
  gpointer        data;
  GDestroyNotify  destroy;
} Change;

struct _StwUndoStack
{
  GObject       parent_instance;
  StwWorkspace *workspace;
  GPtrArray    *changes;
  guint         depth;
};

G_DEFINE_FINAL_TYPE (StwUndoStack, stw_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->ref);
  g_clear_pointer (&change->before, g_ptr_array_unref);
  if (change->destroy != NULL)
    change->destroy (change->data);
  g_free (change);
}

static void
push (StwUndoStack *self,
      ChangeKind    kind,
      StwItem      *item,
      GPtrArray    *before)
{
  Change *change = g_new0 (Change, 1);
  gboolean was_empty = self->changes->len == 0;

  change->kind = kind;
  change->before = g_ptr_array_new_with_free_func (g_object_unref);
  if (item != NULL)
    {
      change->item_id = stw_item_get_id (item);
      change->ref = g_strdup (stw_item_get_ref (item));
      g_ptr_array_add (change->before, stw_item_copy (item));
    }
  for (guint i = 0; before != NULL && i < before->len; i++)
    g_ptr_array_add (change->before, stw_item_copy (g_ptr_array_index (before, i)));

  if (self->changes->len >= self->depth)
    g_ptr_array_remove_index (self->changes, 0);
  g_ptr_array_add (self->changes, change);

  if (was_empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
stw_undo_stack_finalize (GObject *object)
{
  StwUndoStack *self = (StwUndoStack *) object;

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_undo_stack_parent_class)->finalize (object);
}

static void
stw_undo_stack_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StwUndoStack *self = STW_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, stw_undo_stack_get_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_undo_stack_class_init (StwUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stw_undo_stack_finalize;
  object_class->get_property = stw_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_undo_stack_init (StwUndoStack *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
}

StwUndoStack *
stw_undo_stack_new (StwWorkspace *workspace,
                    guint         depth)
{
  StwUndoStack *self;

  g_return_val_if_fail (STW_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (STW_TYPE_UNDO_STACK, NULL);
  self->workspace = g_object_ref (workspace);
  self->depth = MAX (depth, 1);
  return self;
}

StwWorkspace *
stw_undo_stack_get_workspace (StwUndoStack *self)
{
  g_return_val_if_fail (STW_IS_UNDO_STACK (self), NULL);
  return self->workspace;
}

gboolean
stw_undo_stack_get_can_undo (StwUndoStack *self)
{
  g_return_val_if_fail (STW_IS_UNDO_STACK (self), FALSE);
  return self->changes->len > 0;
}

void
stw_undo_stack_clear (StwUndoStack *self)
{
  g_return_if_fail (STW_IS_UNDO_STACK (self));

  if (self->changes->len == 0)
    return;
  g_ptr_array_set_size (self->changes, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

void
stw_undo_stack_push_create (StwUndoStack *self,
                            StwItem      *created)
{
  g_return_if_fail (STW_IS_UNDO_STACK (self));
  g_return_if_fail (stw_item_get_id (created) > 0);
  push (self, CHANGE_CREATE, created, NULL);
}

void
stw_undo_stack_push_update (StwUndoStack *self,
                            StwItem      *before)
{
  g_return_if_fail (STW_IS_UNDO_STACK (self));
  push (self, CHANGE_UPDATE, before, NULL);
}

void
stw_undo_stack_push_delete (StwUndoStack *self,
                            StwItem      *before)
{
  g_return_if_fail (STW_IS_UNDO_STACK (self));
  push (self, CHANGE_DELETE, before, NULL);
}

void
stw_undo_stack_push_updates (StwUndoStack *self,
                             GPtrArray    *before)
{
  g_return_if_fail (STW_IS_UNDO_STACK (self));
  g_return_if_fail (before != NULL && before->len > 0);

  if (before->len == 1)
    push (self, CHANGE_UPDATE, g_ptr_array_index (before, 0), NULL);
  else
    push (self, CHANGE_BULK, NULL, before);
}

void
stw_undo_stack_push_move (StwUndoStack *self,
                          StwItem      *before,
                          gint64        undo_before_id)
{
  g_return_if_fail (STW_IS_UNDO_STACK (self));

  push (self, CHANGE_MOVE, before, NULL);
  ((Change *) g_ptr_array_index (self->changes, self->changes->len - 1))->undo_before_id = undo_before_id;
}

void
stw_undo_stack_push_other (StwUndoStack   *self,
                           const char     *ref,
                           StwUndoFunc     undo,
                           gpointer        data,
                           GDestroyNotify  destroy)
{
  Change *change;

  g_return_if_fail (STW_IS_UNDO_STACK (self));
  g_return_if_fail (undo != NULL);

  push (self, CHANGE_OTHER, NULL, NULL);
  change = g_ptr_array_index (self->changes, self->changes->len - 1);
  change->ref = g_strdup (ref);
  change->undo = undo;
  change->data = data;
  change->destroy = destroy;
}

/* A move is put back in two steps inside one transaction: the card goes
 * back next to its old neighbour, then every other field (closure note,
 * completion date) returns to what it was. */
static gboolean
undo_move (StwUndoStack  *self,
           Change        *change,
           GError       **error)
{
  StwItem *before = g_ptr_array_index (change->before, 0);
  g_autoptr(StwItem) moved = NULL;
  gboolean ok;

  if (!stw_workspace_begin (self->workspace, error))
    return FALSE;
  ok = stw_workspace_move_item (self->workspace, change->item_id, stw_item_get_status (before),
                                change->undo_before_id, NULL, NULL, error);
  if (ok)
    {
      moved = stw_workspace_load_item (self->workspace, change->item_id, error);
      ok = moved != NULL;
    }
  if (ok)
    {
      g_autoptr(StwItem) restored = stw_item_copy (before);

      /* Keep the position the move back chose: it is the old order. */
      stw_item_set_position (restored, stw_item_get_position (moved));
      ok = stw_workspace_update_item (self->workspace, restored, error);
    }
  if (ok)
    return stw_workspace_commit (self->workspace, error);
  stw_workspace_rollback (self->workspace);
  return FALSE;
}

gboolean
stw_undo_stack_undo (StwUndoStack  *self,
                     char         **description,
                     gint64        *item_id,
                     GError       **error)
{
  Change *change;
  gboolean ok = FALSE;

  g_return_val_if_fail (STW_IS_UNDO_STACK (self), FALSE);

  if (self->changes->len == 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is nothing to undo"));
      return FALSE;
    }

  change = g_ptr_array_index (self->changes, self->changes->len - 1);
  switch (change->kind)
    {
    case CHANGE_CREATE:
      ok = stw_workspace_delete_item (self->workspace, change->item_id, error);
      break;
    case CHANGE_UPDATE:
      ok = stw_workspace_update_item (self->workspace, g_ptr_array_index (change->before, 0), error);
      break;
    case CHANGE_DELETE:
      ok = stw_workspace_restore_item (self->workspace, change->item_id, error);
      break;
    case CHANGE_BULK:
      ok = stw_workspace_update_items (self->workspace, change->before, error);
      break;
    case CHANGE_MOVE:
      ok = undo_move (self, change, error);
      break;
    case CHANGE_OTHER:
      ok = change->undo (self->workspace, change->data, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return FALSE;

  if (description)
    {
      if (change->kind == CHANGE_BULK)
        *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Change to %u item undone",
                                                     "Change to %u items undone", change->before->len),
                                        change->before->len);
      else
        /* Translators: %s is an item reference such as T-014. */
        *description = g_strdup_printf (_("Change to %s undone"), change->ref ? change->ref : "");
    }
  if (item_id)
    *item_id = change->item_id;

  g_ptr_array_remove_index (self->changes, self->changes->len - 1);
  if (self->changes->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  return TRUE;
}
