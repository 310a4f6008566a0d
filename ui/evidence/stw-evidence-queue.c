/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-queue.c: attaches queued files one after another. One file
 * at a time keeps the disk reading one stream and the progress readable;
 * the reading itself runs in a worker thread, so the window stays usable
 * however large the file.
 */
#include "config.h"

#include "stw-evidence-queue.h"

typedef struct {
  StwWorkspace *workspace;
  char         *entity;
  gint64        entity_id;
  GFile        *file;
  char         *note;
  char         *effective_date;
  char         *expiry_date;
} Job;

struct _StwEvidenceQueue
{
  GObject       parent_instance;

  StwWorkspace *workspace;
  GQueue        waiting;      /* Job */
  Job          *current;
  GCancellable *cancellable;
  guint         position;
  guint         n_files;
  guint64       done;
  guint64       total;
};

G_DEFINE_FINAL_TYPE (StwEvidenceQueue, stw_evidence_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_BUSY,
  PROP_CURRENT_FILE,
  PROP_POSITION,
  PROP_N_FILES,
  N_PROPS
};

enum {
  PROGRESS,
  ATTACHED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_next (StwEvidenceQueue *self);

/* Helpers */

static void
job_free (Job *job)
{
  g_clear_object (&job->workspace);
  g_free (job->entity);
  g_clear_object (&job->file);
  g_free (job->note);
  g_free (job->effective_date);
  g_free (job->expiry_date);
  g_free (job);
}

/* Callbacks */

static void
progressed_cb (guint64  done,
               guint64  total,
               gpointer user_data)
{
  StwEvidenceQueue *self = user_data;

  /* Progress of a file arrives before its result, so it is the current
   * one; the check only guards against a report after cancelling. */
  if (self->current == NULL)
    return;

  self->done = done;
  self->total = total;
  g_signal_emit (self, signals[PROGRESS], 0, self->current->file, done, total);
}

static void
attached_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StwEvidenceQueue) self = user_data;
  g_autoptr(StwAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  Job *job = self->current;

  attachment = stw_workspace_attach_file_finish (STW_WORKSPACE (source), result, &error);

  /* Handlers may queue more files: with the job still current they wait
   * their turn instead of starting beside it. */
  if (attachment != NULL)
    g_signal_emit (self, signals[ATTACHED], 0, attachment, job->file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[FAILED], 0, job->file, error);

  self->current = NULL;
  job_free (job);
  g_clear_object (&self->cancellable);
  start_next (self);
}

static void
start_next (StwEvidenceQueue *self)
{
  StwAttachOptions options;
  Job *job = g_queue_pop_head (&self->waiting);

  if (job == NULL)
    {
      g_object_freeze_notify (G_OBJECT (self));
      self->position = 0;
      self->n_files = 0;
      self->done = self->total = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  self->current = job;
  self->cancellable = g_cancellable_new ();
  self->position++;
  self->done = self->total = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);

  options = (StwAttachOptions) { job->note, job->effective_date, job->expiry_date };
  /* The reference taken here keeps the queue alive for the progress
   * reports and the result; attached_cb drops it. */
  stw_workspace_attach_file_async (job->workspace, job->entity, job->entity_id, job->file, &options,
                                   self->cancellable, progressed_cb, self,
                                   attached_cb, g_object_ref (self));
}

/* Overrides */

static void
stw_evidence_queue_dispose (GObject *object)
{
  StwEvidenceQueue *self = STW_EVIDENCE_QUEUE (object);

  g_queue_clear_full (&self->waiting, (GDestroyNotify) job_free);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_evidence_queue_parent_class)->dispose (object);
}

static void
stw_evidence_queue_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StwEvidenceQueue *self = STW_EVIDENCE_QUEUE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, stw_evidence_queue_get_busy (self));
      break;

    case PROP_CURRENT_FILE:
      g_value_set_object (value, stw_evidence_queue_get_current_file (self));
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_N_FILES:
      g_value_set_uint (value, self->n_files);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_evidence_queue_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StwEvidenceQueue *self = STW_EVIDENCE_QUEUE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_evidence_queue_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_evidence_queue_class_init (StwEvidenceQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_evidence_queue_dispose;
  object_class->get_property = stw_evidence_queue_get_property;
  object_class->set_property = stw_evidence_queue_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_FILE] =
    g_param_spec_object ("current-file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FILES] =
    g_param_spec_uint ("n-files", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_FILE, G_TYPE_UINT64, G_TYPE_UINT64);
  signals[ATTACHED] =
    g_signal_new ("attached", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, STW_TYPE_ATTACHMENT, G_TYPE_FILE);
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);
}

static void
stw_evidence_queue_init (StwEvidenceQueue *self)
{
  g_queue_init (&self->waiting);
}

/* Public API */

StwEvidenceQueue *
stw_evidence_queue_new (StwWorkspace *workspace)
{
  g_return_val_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace), NULL);

  return g_object_new (STW_TYPE_EVIDENCE_QUEUE, "workspace", workspace, NULL);
}

StwWorkspace *
stw_evidence_queue_get_workspace (StwEvidenceQueue *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_QUEUE (self), NULL);

  return self->workspace;
}

void
stw_evidence_queue_set_workspace (StwEvidenceQueue *self,
                                  StwWorkspace     *workspace)
{
  g_return_if_fail (STW_IS_EVIDENCE_QUEUE (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (g_set_object (&self->workspace, workspace))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

void
stw_evidence_queue_add (StwEvidenceQueue       *self,
                        const char             *entity,
                        gint64                  entity_id,
                        GList                  *files,
                        const StwAttachOptions *options)
{
  gboolean was_busy;
  guint added = 0;

  g_return_if_fail (STW_IS_EVIDENCE_QUEUE (self));
  g_return_if_fail (entity != NULL);
  g_return_if_fail (self->workspace != NULL);

  was_busy = stw_evidence_queue_get_busy (self);

  for (GList *l = files; l != NULL; l = l->next)
    {
      Job *job;

      g_return_if_fail (G_IS_FILE (l->data));

      job = g_new0 (Job, 1);
      job->workspace = g_object_ref (self->workspace);
      job->entity = g_strdup (entity);
      job->entity_id = entity_id;
      job->file = g_object_ref (l->data);
      if (options != NULL)
        {
          job->note = g_strdup (options->note);
          job->effective_date = g_strdup (options->effective_date);
          job->expiry_date = g_strdup (options->expiry_date);
        }
      g_queue_push_tail (&self->waiting, job);
      added++;
    }

  if (added == 0)
    return;

  self->n_files += added;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);

  if (!was_busy)
    {
      start_next (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

void
stw_evidence_queue_cancel (StwEvidenceQueue *self)
{
  g_return_if_fail (STW_IS_EVIDENCE_QUEUE (self));

  if (g_queue_is_empty (&self->waiting) && self->current == NULL)
    return;

  g_queue_clear_full (&self->waiting, (GDestroyNotify) job_free);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  self->n_files = self->position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
}

gboolean
stw_evidence_queue_get_busy (StwEvidenceQueue *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_QUEUE (self), FALSE);

  return self->current != NULL;
}

GFile *
stw_evidence_queue_get_current_file (StwEvidenceQueue *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_QUEUE (self), NULL);

  return self->current != NULL ? self->current->file : NULL;
}

guint
stw_evidence_queue_get_position (StwEvidenceQueue *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_QUEUE (self), 0);

  return self->position;
}

guint
stw_evidence_queue_get_n_files (StwEvidenceQueue *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_QUEUE (self), 0);

  return self->n_files;
}

void
stw_evidence_queue_get_progress (StwEvidenceQueue *self,
                                 guint64          *done,
                                 guint64          *total)
{
  g_return_if_fail (STW_IS_EVIDENCE_QUEUE (self));

  if (done != NULL)
    *done = self->done;
  if (total != NULL)
    *total = self->total;
}

gboolean
stw_evidence_queue_is_attaching_to (StwEvidenceQueue *self,
                                    StwWorkspace     *workspace,
                                    const char       *entity,
                                    gint64            entity_id)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_QUEUE (self), FALSE);

  return self->current != NULL &&
         self->current->workspace == workspace &&
         self->current->entity_id == entity_id &&
         g_strcmp0 (self->current->entity, entity) == 0;
}
