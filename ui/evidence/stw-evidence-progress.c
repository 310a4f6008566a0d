/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-progress.c: shows which file is being attached, how far it
 * got, and offers Cancel. It follows the queue's properties and "progress"
 * signal only; it never starts anything itself.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-evidence-progress.h"

struct _StwEvidenceProgress
{
  GtkWidget         parent_instance;

  StwEvidenceQueue *queue;
  gulong            notify_id;
  gulong            progress_id;

  GtkLabel         *title_label;
  GtkButton        *cancel_button;
  GtkProgressBar   *bar;
  GtkLabel         *detail_label;
};

G_DEFINE_FINAL_TYPE (StwEvidenceProgress, stw_evidence_progress, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUEUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = NULL;

  if (file == NULL)
    return g_strdup ("");
  basename = g_file_get_basename (file);
  /* A name that is not valid text is refused by the core; until then show
   * it escaped rather than as broken text. */
  return g_filename_display_name (basename != NULL ? basename : "");
}

static void
update (StwEvidenceProgress *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  guint64 done = 0, total = 0;

  if (self->queue == NULL || !stw_evidence_queue_get_busy (self->queue))
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->detail_label, "");
      gtk_progress_bar_set_fraction (self->bar, 0);
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
      return;
    }

  name = dup_display_name (stw_evidence_queue_get_current_file (self->queue));
  title = stw_evidence_progress_describe (name,
                                          stw_evidence_queue_get_position (self->queue),
                                          stw_evidence_queue_get_n_files (self->queue));
  stw_evidence_queue_get_progress (self->queue, &done, &total);
  detail = stw_evidence_progress_describe_bytes (done, total);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail);
  gtk_progress_bar_set_fraction (self->bar, total > 0 ? (double) done / (double) total : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, detail,
                                  -1);
}

/* Callbacks */

static void
queue_notified_cb (StwEvidenceProgress *self)
{
  update (self);
}

static void
queue_progressed_cb (StwEvidenceQueue    *queue,
                     GFile               *file,
                     guint64              done,
                     guint64              total,
                     StwEvidenceProgress *self)
{
  update (self);
}

static void
cancel_clicked_cb (GtkButton           *button,
                   StwEvidenceProgress *self)
{
  if (self->queue != NULL)
    stw_evidence_queue_cancel (self->queue);
}

/* Overrides */

static void
stw_evidence_progress_dispose (GObject *object)
{
  StwEvidenceProgress *self = STW_EVIDENCE_PROGRESS (object);
  GtkWidget *child;

  stw_evidence_progress_set_queue (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (stw_evidence_progress_parent_class)->dispose (object);
}

static void
stw_evidence_progress_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StwEvidenceProgress *self = STW_EVIDENCE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      g_value_set_object (value, self->queue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_evidence_progress_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StwEvidenceProgress *self = STW_EVIDENCE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      stw_evidence_progress_set_queue (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_evidence_progress_class_init (StwEvidenceProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_evidence_progress_dispose;
  object_class->get_property = stw_evidence_progress_get_property;
  object_class->set_property = stw_evidence_progress_set_property;

  properties[PROP_QUEUE] =
    g_param_spec_object ("queue", NULL, NULL,
                         STW_TYPE_EVIDENCE_QUEUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidenceprogress");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stw_evidence_progress_init (StwEvidenceProgress *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->title_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title_label));

  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  gtk_widget_set_valign (GTK_WIDGET (self->cancel_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cancel_button),
                               _("Stop attaching; files not yet attached are left out"));
  /* Named by its label. GTK 4.8 also sets the raw mnemonic as a label
   * property, read before the label ("_Cancel Cancel"); any label property
   * would be, so the longer name is a description. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Cancel attaching"),
                                  -1);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->cancel_button));
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->bar), GTK_WIDGET (self));

  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->detail_label), GTK_WIDGET (self));

  update (self);
}

/* Public API */

GtkWidget *
stw_evidence_progress_new (StwEvidenceQueue *queue)
{
  g_return_val_if_fail (queue == NULL || STW_IS_EVIDENCE_QUEUE (queue), NULL);

  return g_object_new (STW_TYPE_EVIDENCE_PROGRESS, "queue", queue, NULL);
}

StwEvidenceQueue *
stw_evidence_progress_get_queue (StwEvidenceProgress *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_PROGRESS (self), NULL);

  return self->queue;
}

void
stw_evidence_progress_set_queue (StwEvidenceProgress *self,
                                 StwEvidenceQueue    *queue)
{
  g_return_if_fail (STW_IS_EVIDENCE_PROGRESS (self));
  g_return_if_fail (queue == NULL || STW_IS_EVIDENCE_QUEUE (queue));

  if (self->queue == queue)
    return;

  if (self->queue != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->queue);
      g_clear_signal_handler (&self->progress_id, self->queue);
      g_clear_object (&self->queue);
    }
  if (queue != NULL)
    {
      self->queue = g_object_ref (queue);
      self->notify_id = g_signal_connect_swapped (queue, "notify", G_CALLBACK (queue_notified_cb), self);
      self->progress_id = g_signal_connect (queue, "progress", G_CALLBACK (queue_progressed_cb), self);
    }

  if (self->title_label != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE]);
}

const char *
stw_evidence_progress_get_title (StwEvidenceProgress *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_PROGRESS (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
stw_evidence_progress_get_detail (StwEvidenceProgress *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_PROGRESS (self), NULL);

  return gtk_label_get_label (self->detail_label);
}

double
stw_evidence_progress_get_fraction (StwEvidenceProgress *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_PROGRESS (self), 0);

  return gtk_progress_bar_get_fraction (self->bar);
}

char *
stw_evidence_progress_describe (const char *file_name,
                                guint       position,
                                guint       n_files)
{
  if (n_files > 1)
    /* Translators: "Attaching report.pdf (2 of 3)". */
    return g_strdup_printf (_("Attaching %s (%u of %u)"), file_name, position, n_files);

  /* Translators: %s is a file name. */
  return g_strdup_printf (_("Attaching %s"), file_name);
}

char *
stw_evidence_progress_describe_bytes (guint64 done,
                                      guint64 total)
{
  g_autofree char *done_text = g_format_size (done);
  g_autofree char *total_text = g_format_size (total);

  if (total == 0)
    return g_strdup (_("Starting…"));

  /* Translators: bytes stored so far of the file's size, "12.3 MB of 40.0 MB". */
  return g_strdup_printf (_("%s of %s"), done_text, total_text);
}
