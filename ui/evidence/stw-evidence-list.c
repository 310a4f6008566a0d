/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-list.c: the evidence attached to one record. Files are
 * read and stored by an StwEvidenceQueue off the main thread; this widget
 * only asks, lists and hands files out. Opening never gives the
 * application the stored file itself: it gets a private read-only copy,
 * so nothing it does can change the evidence.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "stw-date-row.h"
#include "stw-evidence-drop.h"
#include "stw-evidence-list.h"
#include "stw-evidence-progress.h"
#include "stw-history-list.h"

struct _StwEvidenceList
{
  GtkWidget             parent_instance;

  StwWorkspace         *workspace;
  char                 *entity;
  gint64                entity_id;
  gulong                item_changed_id;  /* "item-changed" or "risk-changed" */
  GListModel           *attachments;
  guint                 n_expired;

  StwEvidenceQueue     *queue;
  GtkFileChooserNative *chooser;

  AdwPreferencesGroup  *group;
  GtkButton            *attach_button;
  GtkListBox           *list;
  GtkLabel             *placeholder;
  StwEvidenceProgress  *progress;
  GtkBox               *errors_box;
};

G_DEFINE_FINAL_TYPE (StwEvidenceList, stw_evidence_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_ATTACHMENTS,
  PROP_N_EXPIRED,
  N_PROPS
};

enum {
  CHANGED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
has_record (StwEvidenceList *self)
{
  return self->workspace != NULL && self->entity != NULL && self->entity_id > 0;
}

static StwAttachment *
find_attachment (StwEvidenceList *self,
                 gint64           attachment_id)
{
  guint n = self->attachments != NULL ? g_list_model_get_n_items (self->attachments) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwAttachment) a = g_list_model_get_item (self->attachments, i);

      if (stw_attachment_get_id (a) == attachment_id)
        return a;
    }

  return NULL;
}

static GtkWindow *
parent_window (StwEvidenceList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
report_error (StwEvidenceList *self,
              const GError    *error,
              gboolean         inline_too)
{
  if (inline_too)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "dialog-error-symbolic",
                                      "valign", GTK_ALIGN_START,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);
      GtkWidget *label = gtk_label_new (error->message);
      GtkWidget *dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");

      gtk_widget_add_css_class (box, "evidence-error");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (dismiss, GTK_ALIGN_START);
      gtk_widget_add_css_class (dismiss, "flat");
      gtk_widget_add_css_class (dismiss, "circular");
      gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss the message"),
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "evidence.dismiss-errors");
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), dismiss);
      gtk_box_append (self->errors_box, box);
      gtk_widget_set_visible (GTK_WIDGET (self->errors_box), TRUE);
    }

  g_signal_emit (self, signals[ERROR], 0, error);
}

static void
clear_errors (StwEvidenceList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->errors_box))) != NULL)
    gtk_box_remove (self->errors_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_box), FALSE);
}

static void
free_files (GList *files)
{
  g_list_free_full (files, g_object_unref);
}

static char *
format_validity (StwAttachment *a,
                 gboolean       expired)
{
  const char *effective = stw_attachment_get_effective_date (a);
  const char *expiry = stw_attachment_get_expiry_date (a);

  if (expired)
    /* Translators: %s is a date such as 2027-03-01. */
    return g_strdup_printf (_("Expired on %s"), expiry);
  if (effective != NULL && expiry != NULL)
    /* Translators: the dates an evidence file is valid, "Valid 2027-01-01 to 2027-12-31". */
    return g_strdup_printf (_("Valid %s to %s"), effective, expiry);
  if (expiry != NULL)
    /* Translators: %s is a date. */
    return g_strdup_printf (_("Expires on %s"), expiry);
  if (effective != NULL)
    /* Translators: %s is a date. */
    return g_strdup_printf (_("Effective from %s"), effective);

  return NULL;
}

static char *
format_added (StwAttachment *a)
{
  g_autofree char *when = stw_history_format_time (stw_attachment_get_added_at (a));
  const char *who = stw_attachment_get_added_by (a);

  if (who != NULL)
    /* Translators: "Added by Jo Example, 3 March 2027, 14:02". */
    return g_strdup_printf (_("Added by %s, %s"), who, when);

  /* Translators: "Added 3 March 2027, 14:02". */
  return g_strdup_printf (_("Added %s"), when);
}

static GMenuModel *
create_row_menu (gint64 attachment_id)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  static const struct {
    const char *label;
    const char *action;
  } entries[] = {
    { N_("_Open"), "evidence.open" },
    { N_("_Save as…"), "evidence.save-as" },
    { N_("_Copy hash"), "evidence.copy-hash" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, entries[i].action, g_variant_new_int64 (attachment_id));
      g_menu_append_item (menu, item);
    }

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove…"), NULL);

    g_menu_item_set_action_and_target_value (item, "evidence.remove", g_variant_new_int64 (attachment_id));
    g_menu_append_item (section, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkWidget *
caption_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_row (StwAttachment *a,
            const char    *today)
{
  gint64 id = stw_attachment_get_id (a);
  gboolean expired = stw_attachment_is_expired (a, today);
  const char *media_type = stw_attachment_get_media_type (a);
  const char *note = stw_attachment_get_note (a);
  g_autofree char *content_type = g_content_type_from_mime_type (media_type != NULL ? media_type : "application/octet-stream");
  g_autofree char *type_name = content_type != NULL ? g_content_type_get_description (content_type) : NULL;
  g_autoptr(GIcon) gicon = content_type != NULL ? g_content_type_get_symbolic_icon (content_type) : NULL;
  g_autofree char *added = format_added (a);
  g_autofree char *size = g_format_size (stw_attachment_get_size (a));
  g_autofree char *size_text = NULL;
  g_autofree char *validity = format_validity (a, expired);
  g_autofree char *short_hash = stw_evidence_list_shorten_hash (stw_attachment_get_sha256 (a));
  g_autofree char *hash_tip = NULL;
  g_autofree char *name = stw_evidence_list_describe_attachment (a);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GMenuModel) menu = create_row_menu (id);
  GtkWidget *row, *box, *icon, *text, *title_box, *title, *label, *line, *button;

  row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row, "evidence-row");
  if (expired)
    gtk_widget_add_css_class (row, "expired");
  g_object_set_data_full (G_OBJECT (row), "stw-attachment", g_object_ref (a), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  icon = g_object_new (GTK_TYPE_IMAGE,
                       "gicon", gicon,
                       "pixel-size", 20,
                       "valign", GTK_ALIGN_CENTER,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "tooltip-text", type_name,
                       NULL);
  if (gicon == NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), "text-x-generic-symbolic");
  gtk_widget_add_css_class (icon, "evidence-icon");
  gtk_box_append (GTK_BOX (box), icon);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  title = gtk_label_new (stw_attachment_get_file_name (a));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* The whole name, on two lines if need be: cut in the middle it hid the
   * very part that tells two exports apart ("access-re…w-q4.csv"). */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_tooltip_text (title, stw_attachment_get_file_name (a));
  gtk_widget_add_css_class (title, "evidence-name");
  gtk_box_append (GTK_BOX (title_box), title);
  if (expired)
    {
      GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *pill_icon = g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "dialog-warning-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL);

      gtk_widget_add_css_class (pill, "expired-pill");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (pill), pill_icon);
      gtk_box_append (GTK_BOX (pill), gtk_label_new (_("Expired")));
      gtk_box_append (GTK_BOX (title_box), pill);
    }
  gtk_box_append (GTK_BOX (text), title_box);

  gtk_box_append (GTK_BOX (text), caption_label (added, "dim-label"));
  if (validity != NULL)
    gtk_box_append (GTK_BOX (text), caption_label (validity, expired ? "evidence-expired" : "dim-label"));

  /* Size and hash on one line: together they identify the content. */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  /* Translators: a file's size before its checksum, "1.2 MB · ". */
  size_text = g_strdup_printf (_("%s · "), size);
  label = caption_label (size_text, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (line), label);
  /* Already shortened to its first and last eight digits: cutting it
   * further left nothing to compare ("ae0…"). */
  label = caption_label (short_hash, "evidence-hash");
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "dim-label");
  /* Translators: a tooltip with the full SHA-256 of a file. */
  hash_tip = g_strdup_printf (_("SHA-256 %s"), stw_attachment_get_sha256 (a));
  gtk_widget_set_tooltip_text (label, hash_tip);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (text), line);

  if (note != NULL && note[0] != '\0')
    {
      label = gtk_label_new (note);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "evidence-note");
      gtk_box_append (GTK_BOX (text), label);
    }

  button = gtk_button_new_from_icon_name ("document-open-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open with the default application"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "evidence.open");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("More actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More actions"),
                                  -1);
  gtk_box_append (GTK_BOX (box), button);

  if (type_name != NULL)
    g_string_append_printf (description, "%s, ", type_name);
  g_string_append_printf (description, "%s, %s", size, added);
  if (validity != NULL)
    g_string_append_printf (description, ", %s", validity);
  if (note != NULL && note[0] != '\0')
    g_string_append_printf (description, ". %s", note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);

  return row;
}

static gboolean
same_attachments (GListModel *a,
                  GListModel *b)
{
  guint n = a != NULL ? g_list_model_get_n_items (a) : 0;

  if (n != (b != NULL ? g_list_model_get_n_items (b) : 0))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwAttachment) x = g_list_model_get_item (a, i);
      g_autoptr(StwAttachment) y = g_list_model_get_item (b, i);

      if (stw_attachment_get_id (x) != stw_attachment_get_id (y))
        return FALSE;
    }

  return TRUE;
}

static void
update_placeholder (StwEvidenceList *self)
{
  gboolean can_attach = has_record (self);

  if (self->workspace != NULL && self->entity_id <= 0)
    gtk_label_set_label (self->placeholder,
                         g_strcmp0 (self->entity, "risk") == 0
                           ? _("Save the risk first, then attach evidence to it.")
                           : _("Save the item first, then attach evidence to it."));
  else
    gtk_label_set_label (self->placeholder, _("No evidence yet. Drop files here or choose “Attach files…”."));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.attach", can_attach);
}

static void
update_progress_visibility (StwEvidenceList *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress),
                          stw_evidence_queue_is_attaching_to (self->queue, self->workspace,
                                                              self->entity, self->entity_id));
}

/* Lists the record's evidence again; rows are only rebuilt when something
 * differs, so an unrelated change to the item keeps the focus where it is. */
static void
reload (StwEvidenceList *self,
        gboolean         force)
{
  g_autoptr(GListModel) attachments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = stw_date_today ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkListBoxRow *old_row;
  gboolean had_focus = FALSE;
  int focus_index = -1;
  guint n, n_expired = 0, old_n, old_expired;

  if (has_record (self))
    {
      attachments = stw_workspace_list_attachments (self->workspace, self->entity, self->entity_id, &error);
      if (attachments == NULL)
        report_error (self, error, FALSE);
    }

  if (!force && same_attachments (attachments, self->attachments))
    return;

  /* Keep the keyboard in the list when a row goes away. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      had_focus = TRUE;
      focus_index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : 0;
    }

  while ((old_row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (old_row));

  old_n = stw_evidence_list_get_n_attachments (self);
  old_expired = self->n_expired;
  g_set_object (&self->attachments, attachments);

  n = attachments != NULL ? g_list_model_get_n_items (attachments) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwAttachment) a = g_list_model_get_item (attachments, i);

      if (stw_attachment_is_expired (a, today))
        n_expired++;
      gtk_list_box_append (self->list, create_row (a, today));
    }
  self->n_expired = n_expired;

  if (had_focus)
    {
      GtkListBoxRow *row = n > 0 ? gtk_list_box_get_row_at_index (self->list, MIN ((guint) MAX (focus_index, 0), n - 1)) : NULL;

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->attach_button));
    }

  if (n != old_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ATTACHMENTS]);
  if (n_expired != old_expired)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EXPIRED]);
}

static void
queue_files (StwEvidenceList        *self,
             GList                  *files,
             const StwAttachOptions *options)
{
  if (files == NULL)
    return;

  if (!has_record (self))
    {
      g_autoptr(GError) error = g_error_new_literal (STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                                                     _("Save the record first, then attach evidence to it"));
      report_error (self, error, FALSE);
      return;
    }

  /* Messages about an earlier batch no longer help. */
  if (!stw_evidence_queue_get_busy (self->queue))
    clear_errors (self);

  stw_evidence_queue_set_workspace (self->queue, self->workspace);
  stw_evidence_queue_add (self->queue, self->entity, self->entity_id, files, options);
  update_progress_visibility (self);
}

/* Callbacks */

static void
item_changed_cb (StwWorkspace    *workspace,
                 gint64           item_id,
                 gint64           workstream_id,
                 StwEvidenceList *self)
{
  if (item_id == self->entity_id || item_id == 0)
    reload (self, FALSE);
}

static void
risk_changed_cb (StwWorkspace    *workspace,
                 gint64           risk_id,
                 StwEvidenceList *self)
{
  if (risk_id == self->entity_id || risk_id == 0)
    reload (self, FALSE);
}

static void
queue_attached_cb (StwEvidenceQueue *queue,
                   StwAttachment    *attachment,
                   GFile            *file,
                   StwEvidenceList  *self)
{
  reload (self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
queue_failed_cb (StwEvidenceQueue *queue,
                 GFile            *file,
                 GError           *error,
                 StwEvidenceList  *self)
{
  report_error (self, error,
                stw_evidence_queue_is_attaching_to (queue, self->workspace, self->entity, self->entity_id));
}

static void
queue_notified_cb (StwEvidenceList *self)
{
  update_progress_visibility (self);
}

static void
row_activated_cb (StwEvidenceList *self,
                  GtkListBoxRow   *row)
{
  StwAttachment *a = g_object_get_data (G_OBJECT (row), "stw-attachment");

  if (a != NULL)
    stw_evidence_list_open_attachment (self, stw_attachment_get_id (a));
}

static gboolean
files_dropped_cb (GtkDropTarget   *target,
                  const GValue    *value,
                  double           x,
                  double           y,
                  StwEvidenceList *self)
{
  GList *files;

  if (!has_record (self))
    return FALSE;

  files = stw_evidence_drop_dup_files (value);
  if (files == NULL)
    return FALSE;

  stw_evidence_list_offer_files (self, files);
  g_list_free_full (files, g_object_unref);

  return TRUE;
}

static gboolean
drop_accepted_cb (GtkDropTarget   *target,
                  GdkDrop         *drop,
                  StwEvidenceList *self)
{
  return has_record (self) &&
         (gdk_drop_get_actions (drop) & GDK_ACTION_COPY) != 0 &&
         gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), GDK_TYPE_FILE_LIST);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(StwEvidenceList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!stw_workspace_export_attachment_finish (STW_WORKSPACE (source), result, &error))
    report_error (self, error, FALSE);
}

static void
chooser_responded_cb (GtkNativeDialog *chooser,
                      int              response,
                      StwEvidenceList *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GList *files = NULL;

      for (guint i = g_list_model_get_n_items (model); i > 0; i--)
        files = g_list_prepend (files, g_list_model_get_item (model, i - 1));

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "stw-saving")))
        {
          gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (chooser), "stw-attachment-id");

          /* Written in a worker thread: a large file must not freeze the window. */
          if (files != NULL && self->workspace != NULL)
            stw_workspace_export_attachment_async (self->workspace, id, files->data, NULL,
                                                   saved_cb, g_object_ref (self));
        }
      else
        stw_evidence_list_offer_files (self, files);

      g_list_free_full (files, g_object_unref);
    }

  if (chooser == GTK_NATIVE_DIALOG (self->chooser))
    g_clear_object (&self->chooser);
}

static void
details_changed_cb (AdwMessageDialog *dialog)
{
  StwDateRow *effective = g_object_get_data (G_OBJECT (dialog), "stw-effective-row");
  StwDateRow *expiry = g_object_get_data (G_OBJECT (dialog), "stw-expiry-row");
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "stw-hint");
  const char *from = stw_date_row_get_date (effective);
  const char *until = stw_date_row_get_date (expiry);
  gboolean order_ok = from == NULL || until == NULL || g_strcmp0 (until, from) >= 0;
  gboolean ok = stw_date_row_get_valid (effective) && stw_date_row_get_valid (expiry) && order_ok;
  const char *date_error = stw_date_row_get_error (effective) != NULL ? stw_date_row_get_error (effective)
                                                                       : stw_date_row_get_error (expiry);

  if (date_error != NULL || !order_ok)
    {
      gtk_label_set_label (hint, date_error != NULL ? date_error : _("The expiry date is before the effective date."));
      gtk_widget_add_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "dim-label");
    }
  else
    {
      gtk_label_set_label (hint, _("Leave the expiry date empty if the evidence does not expire."));
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (hint), "dim-label");
    }

  adw_message_dialog_set_response_enabled (dialog, "attach", ok);
}

static void
details_responded_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      StwEvidenceList  *self)
{
  GtkEditable *note_row = g_object_get_data (G_OBJECT (dialog), "stw-note-row");
  StwDateRow *effective = g_object_get_data (G_OBJECT (dialog), "stw-effective-row");
  StwDateRow *expiry = g_object_get_data (G_OBJECT (dialog), "stw-expiry-row");
  GList *files = g_object_get_data (G_OBJECT (dialog), "stw-files");
  g_autofree char *note = NULL;
  StwAttachOptions options;

  if (g_strcmp0 (response, "attach") != 0)
    return;

  note = g_strstrip (g_strdup (gtk_editable_get_text (note_row)));
  options = (StwAttachOptions) {
    note[0] != '\0' ? note : NULL,
    stw_date_row_get_date (effective),
    stw_date_row_get_date (expiry),
  };
  queue_files (self, files, &options);
}

static void
remove_responded_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     StwEvidenceList  *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "stw-attachment-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (!stw_evidence_list_remove_attachment (self, id, &error))
    report_error (self, error, TRUE);
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StwEvidenceList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autoptr(GError) shown = g_error_new (STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                                             _("No application could open the file: %s"), error->message);

      report_error (self, shown, FALSE);
    }
}

static void
attach_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  stw_evidence_list_choose_files (STW_EVIDENCE_LIST (widget));
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  stw_evidence_list_open_attachment (STW_EVIDENCE_LIST (widget), g_variant_get_int64 (parameter));
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StwEvidenceList *self = STW_EVIDENCE_LIST (widget);
  gint64 id = g_variant_get_int64 (parameter);
  StwAttachment *a = find_attachment (self, id);
  GtkFileChooserNative *chooser;

  if (a == NULL)
    return;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (_("Save evidence"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), stw_attachment_get_file_name (a));
  g_object_set_data (G_OBJECT (chooser), "stw-saving", GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (chooser), "stw-attachment-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_responded_cb), self, 0);
  self->chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_hash_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  stw_evidence_list_copy_hash (STW_EVIDENCE_LIST (widget), g_variant_get_int64 (parameter));
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  stw_evidence_list_confirm_remove (STW_EVIDENCE_LIST (widget), g_variant_get_int64 (parameter));
}

static void
dismiss_errors_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  clear_errors (STW_EVIDENCE_LIST (widget));
}

/* Overrides */

static void
stw_evidence_list_dispose (GObject *object)
{
  StwEvidenceList *self = STW_EVIDENCE_LIST (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->item_changed_id, self->workspace);
  g_clear_object (&self->workspace);
  g_clear_object (&self->attachments);
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_clear_object (&self->queue);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_EVIDENCE_LIST);

  G_OBJECT_CLASS (stw_evidence_list_parent_class)->dispose (object);
}

static void
stw_evidence_list_finalize (GObject *object)
{
  StwEvidenceList *self = STW_EVIDENCE_LIST (object);

  g_free (self->entity);

  G_OBJECT_CLASS (stw_evidence_list_parent_class)->finalize (object);
}

static void
stw_evidence_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StwEvidenceList *self = STW_EVIDENCE_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ATTACHMENTS:
      g_value_set_uint (value, stw_evidence_list_get_n_attachments (self));
      break;

    case PROP_N_EXPIRED:
      g_value_set_uint (value, self->n_expired);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_evidence_list_class_init (StwEvidenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_evidence_list_dispose;
  object_class->finalize = stw_evidence_list_finalize;
  object_class->get_property = stw_evidence_list_get_property;

  properties[PROP_N_ATTACHMENTS] =
    g_param_spec_uint ("n-attachments", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EXPIRED] =
    g_param_spec_uint ("n-expired", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (STW_TYPE_EVIDENCE_PROGRESS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-evidence-list.ui");
  gtk_widget_class_bind_template_child (widget_class, StwEvidenceList, group);
  gtk_widget_class_bind_template_child (widget_class, StwEvidenceList, attach_button);
  gtk_widget_class_bind_template_child (widget_class, StwEvidenceList, list);
  gtk_widget_class_bind_template_child (widget_class, StwEvidenceList, progress);
  gtk_widget_class_bind_template_child (widget_class, StwEvidenceList, errors_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "evidence.attach", NULL, attach_activated);
  gtk_widget_class_install_action (widget_class, "evidence.open", "x", open_activated);
  gtk_widget_class_install_action (widget_class, "evidence.save-as", "x", save_as_activated);
  gtk_widget_class_install_action (widget_class, "evidence.copy-hash", "x", copy_hash_activated);
  gtk_widget_class_install_action (widget_class, "evidence.remove", "x", remove_activated);
  gtk_widget_class_install_action (widget_class, "evidence.dismiss-errors", NULL, dismiss_errors_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidencelist");
}

static void
stw_evidence_list_init (StwEvidenceList *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_label_set_justify (self->placeholder, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "evidence-placeholder");
  gtk_list_box_set_placeholder (self->list, GTK_WIDGET (self->placeholder));

  self->queue = stw_evidence_queue_new (NULL);
  stw_evidence_progress_set_queue (self->progress, self->queue);
  g_signal_connect (self->queue, "attached", G_CALLBACK (queue_attached_cb), self);
  g_signal_connect (self->queue, "failed", G_CALLBACK (queue_failed_cb), self);
  g_signal_connect_swapped (self->queue, "notify::busy", G_CALLBACK (queue_notified_cb), self);
  g_signal_connect_swapped (self->queue, "notify::current-file", G_CALLBACK (queue_notified_cb), self);

  target = stw_evidence_drop_target_new ();
  g_signal_connect (target, "accept", G_CALLBACK (drop_accepted_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (files_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  update_placeholder (self);
}

/* Public API */

GtkWidget *
stw_evidence_list_new (void)
{
  return g_object_new (STW_TYPE_EVIDENCE_LIST, NULL);
}

void
stw_evidence_list_set_record (StwEvidenceList *self,
                              StwWorkspace    *workspace,
                              const char      *entity,
                              gint64           entity_id)
{
  gboolean same;
  char *entity_copy;

  g_return_if_fail (STW_IS_EVIDENCE_LIST (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  same = workspace == self->workspace && entity_id == self->entity_id && g_strcmp0 (entity, self->entity) == 0;

  if (self->workspace != NULL)
    g_clear_signal_handler (&self->item_changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);
  entity_copy = g_strdup (entity);
  g_free (self->entity);
  self->entity = entity_copy;
  self->entity_id = entity_id;

  /* Items announce their changes, so drops onto the item's card show up
   * here too; risks announce what other processes did to them. */
  if (workspace != NULL && g_strcmp0 (entity, "item") == 0 && entity_id > 0)
    self->item_changed_id = g_signal_connect (workspace, "item-changed", G_CALLBACK (item_changed_cb), self);
  else if (workspace != NULL && g_strcmp0 (entity, "risk") == 0 && entity_id > 0)
    self->item_changed_id = g_signal_connect (workspace, "risk-changed", G_CALLBACK (risk_changed_cb), self);

  if (!same)
    clear_errors (self);
  update_placeholder (self);
  update_progress_visibility (self);
  reload (self, !same);
}

StwWorkspace *
stw_evidence_list_get_workspace (StwEvidenceList *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_LIST (self), NULL);

  return self->workspace;
}

gint64
stw_evidence_list_get_entity_id (StwEvidenceList *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_LIST (self), 0);

  return self->entity_id;
}

GListModel *
stw_evidence_list_get_attachments (StwEvidenceList *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_LIST (self), NULL);

  return self->attachments;
}

guint
stw_evidence_list_get_n_attachments (StwEvidenceList *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_LIST (self), 0);

  return self->attachments != NULL ? g_list_model_get_n_items (self->attachments) : 0;
}

guint
stw_evidence_list_get_n_expired (StwEvidenceList *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_LIST (self), 0);

  return self->n_expired;
}

StwEvidenceQueue *
stw_evidence_list_get_queue (StwEvidenceList *self)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_LIST (self), NULL);

  return self->queue;
}

void
stw_evidence_list_choose_files (StwEvidenceList *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (STW_IS_EVIDENCE_LIST (self));

  if (!has_record (self))
    return;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (_("Attach evidence"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_responded_cb), self, 0);
  self->chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
stw_evidence_list_offer_files (StwEvidenceList *self,
                               GList           *files)
{
  g_autofree char *heading = NULL;
  g_autofree char *today = stw_date_today ();
  GtkWidget *dialog, *box, *group, *note_row, *effective_row, *expiry_row, *hint;
  GList *copy = NULL;
  guint n;

  g_return_if_fail (STW_IS_EVIDENCE_LIST (self));

  n = g_list_length (files);
  if (n == 0 || !has_record (self))
    return;

  if (n == 1)
    {
      g_autofree char *basename = g_file_get_basename (files->data);
      g_autofree char *display = g_filename_display_name (basename != NULL ? basename : "");

      /* Translators: %s is a file name. */
      heading = g_strdup_printf (_("Attach “%s”?"), display);
    }
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Attach %u file?", "Attach %u files?", n), n);

  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("Evidence is kept inside the workspace, and its SHA-256 checksum "
                                     "is recorded in the history."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "attach", _("_Attach"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "attach", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "attach");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  group = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (group),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence details"),
                                  -1);

  note_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("Note"));
  gtk_widget_set_tooltip_text (note_row, _("What the file shows, for example “Restore of the file server, all checks passed”"));
  gtk_list_box_append (GTK_LIST_BOX (group), note_row);

  effective_row = stw_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (effective_row), _("Effective from"));
  stw_date_row_set_date (STW_DATE_ROW (effective_row), today);
  gtk_list_box_append (GTK_LIST_BOX (group), effective_row);

  expiry_row = stw_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expiry_row), _("Expires on"));
  gtk_list_box_append (GTK_LIST_BOX (group), expiry_row);
  gtk_box_append (GTK_BOX (box), group);

  hint = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  for (GList *l = files; l != NULL; l = l->next)
    copy = g_list_prepend (copy, g_object_ref (l->data));
  copy = g_list_reverse (copy);

  g_object_set_data (G_OBJECT (dialog), "stw-note-row", note_row);
  g_object_set_data (G_OBJECT (dialog), "stw-effective-row", effective_row);
  g_object_set_data (G_OBJECT (dialog), "stw-expiry-row", expiry_row);
  g_object_set_data (G_OBJECT (dialog), "stw-hint", hint);
  g_object_set_data_full (G_OBJECT (dialog), "stw-files", copy, (GDestroyNotify) free_files);

  g_signal_connect_swapped (effective_row, "notify::date", G_CALLBACK (details_changed_cb), dialog);
  g_signal_connect_swapped (effective_row, "notify::valid", G_CALLBACK (details_changed_cb), dialog);
  g_signal_connect_swapped (expiry_row, "notify::date", G_CALLBACK (details_changed_cb), dialog);
  g_signal_connect_swapped (expiry_row, "notify::valid", G_CALLBACK (details_changed_cb), dialog);
  details_changed_cb (ADW_MESSAGE_DIALOG (dialog));

  g_signal_connect_object (dialog, "response", G_CALLBACK (details_responded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (note_row);
}

void
stw_evidence_list_attach_files (StwEvidenceList        *self,
                                GList                  *files,
                                const StwAttachOptions *options)
{
  g_return_if_fail (STW_IS_EVIDENCE_LIST (self));

  queue_files (self, files, options);
}

gboolean
stw_evidence_list_save_attachment (StwEvidenceList  *self,
                                   gint64            attachment_id,
                                   GFile            *destination,
                                   GError          **error)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_LIST (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (self->workspace == NULL)
    {
      g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                           _("The attachment no longer exists"));
      return FALSE;
    }

  return stw_workspace_export_attachment (self->workspace, attachment_id, destination, NULL, error);
}

/* Where the private read-only copy of an attachment goes (the folder is
 * made; an earlier copy is removed). */
static GFile *
private_copy_file (StwEvidenceList  *self,
                   gint64            attachment_id,
                   GError          **error)
{
  StwAttachment *a;
  const char *name;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  a = find_attachment (self, attachment_id);
  if (a == NULL || self->workspace == NULL)
    {
      g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                           _("The attachment no longer exists"));
      return NULL;
    }

  /* The stored name is a file's base name; guard anyway, since it ends up
   * in a path. */
  name = stw_attachment_get_file_name (a);
  if (name == NULL || name[0] == '\0' || strchr (name, G_DIR_SEPARATOR) != NULL ||
      g_str_equal (name, ".") || g_str_equal (name, ".."))
    name = "evidence";

  dir = g_build_filename (g_get_user_cache_dir (), "steward", "open", stw_attachment_get_sha256 (a), NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot make a folder for the copy: %s"), g_strerror (saved_errno));
      return NULL;
    }

  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  /* An earlier copy is read-only, and whatever opened it may have
   * changed it: start again from the stored content. */
  g_file_delete (file, NULL, NULL);
  return g_steal_pointer (&file);
}

GFile *
stw_evidence_list_export_private_copy (StwEvidenceList  *self,
                                       gint64            attachment_id,
                                       GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (STW_IS_EVIDENCE_LIST (self), NULL);

  file = private_copy_file (self, attachment_id, error);
  if (file == NULL)
    return NULL;
  if (!stw_workspace_export_attachment (self->workspace, attachment_id, file, NULL, error))
    return NULL;
  path = g_file_get_path (file);
  g_chmod (path, 0400);

  return g_steal_pointer (&file);
}

typedef struct {
  StwEvidenceList *self;
  GFile           *copy;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->copy);
  g_free (data);
}

static void
copied_for_open_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;

  if (!stw_workspace_export_attachment_finish (STW_WORKSPACE (source), result, &error))
    {
      report_error (data->self, error, FALSE);
      open_data_free (data);
      return;
    }
  path = g_file_get_path (data->copy);
  g_chmod (path, 0400);
  uri = g_file_get_uri (data->copy);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (data->self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launched_cb, g_object_ref (data->self));
  open_data_free (data);
}

void
stw_evidence_list_open_attachment (StwEvidenceList *self,
                                   gint64           attachment_id)
{
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  OpenData *data;

  g_return_if_fail (STW_IS_EVIDENCE_LIST (self));

  copy = private_copy_file (self, attachment_id, &error);
  if (copy == NULL)
    {
      report_error (self, error, FALSE);
      return;
    }

  /* The copy is written in a worker thread; the file opens once it is
   * complete, so a large file does not freeze the window. */
  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->copy = g_object_ref (copy);
  stw_workspace_export_attachment_async (self->workspace, attachment_id, copy, NULL,
                                         copied_for_open_cb, data);
}

void
stw_evidence_list_confirm_remove (StwEvidenceList *self,
                                  gint64           attachment_id)
{
  StwAttachment *a;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  g_return_if_fail (STW_IS_EVIDENCE_LIST (self));

  a = find_attachment (self, attachment_id);
  if (a == NULL)
    return;

  /* Translators: %s is a file name. */
  heading = g_strdup_printf (_("Remove “%s”?"), stw_attachment_get_file_name (a));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("It will no longer count as evidence here. The removal is recorded "
                                     "in the history; the stored file is deleted once nothing else uses it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "stw-attachment-id",
                          g_memdup2 (&attachment_id, sizeof attachment_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_responded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
stw_evidence_list_remove_attachment (StwEvidenceList  *self,
                                     gint64            attachment_id,
                                     GError          **error)
{
  g_return_val_if_fail (STW_IS_EVIDENCE_LIST (self), FALSE);

  if (self->workspace == NULL)
    {
      g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                           _("The attachment no longer exists"));
      return FALSE;
    }

  if (!stw_workspace_remove_attachment (self->workspace, attachment_id, error))
    return FALSE;

  /* Items reload through "item-changed"; risks have no such signal. */
  reload (self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

void
stw_evidence_list_copy_hash (StwEvidenceList *self,
                             gint64           attachment_id)
{
  StwAttachment *a;

  g_return_if_fail (STW_IS_EVIDENCE_LIST (self));

  a = find_attachment (self, attachment_id);
  if (a != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), stw_attachment_get_sha256 (a));
}

char *
stw_evidence_list_describe_attachment (StwAttachment *attachment)
{
  g_return_val_if_fail (STW_IS_ATTACHMENT (attachment), NULL);

  /* Translators: a file listed as evidence, "report.pdf, SHA-256 <64 hex digits>". */
  return g_strdup_printf (_("%s, SHA-256 %s"),
                          stw_attachment_get_file_name (attachment),
                          stw_attachment_get_sha256 (attachment));
}

char *
stw_evidence_list_shorten_hash (const char *sha256)
{
  gsize len = sha256 != NULL ? strlen (sha256) : 0;

  if (len <= 20)
    /* Translators: %s is a SHA-256 checksum (or its start and end). */
    return g_strdup_printf (_("SHA-256 %s"), sha256 != NULL ? sha256 : "");

  {
    g_autofree char *start = g_strndup (sha256, 8);
    g_autofree char *shortened = g_strdup_printf ("%s…%s", start, sha256 + len - 8);

    return g_strdup_printf (_("SHA-256 %s"), shortened);
  }
}
