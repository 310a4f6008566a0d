/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-page.c: the risk register page of the main window: register,
 * risk editor in a flap, and the undo of risk edits. The editor writes to
 * the workspace itself; the page only keeps what is needed to take its
 * saves back and tells the window what to say.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "stw-page.h"
#include "stw-risk-page.h"
#include "stw-risk-register.h"

/* As deep as the window's undo stack. */
#define UNDO_DEPTH 50

typedef struct {
  StwRisk *before;   /* as stored before the save; NULL: the save added it */
  gint64   risk_id;
  char    *ref;
} RiskChange;

struct _StwRiskPage
{
  GtkWidget            parent_instance;

  StwWorkspace        *workspace;
  GPtrArray           *changes;      /* RiskChange, newest last */
  gboolean             pushed;       /* the save just reported can be undone */
  GSimpleActionGroup  *actions;      /* the page's (see stw-page.h) */

  AdwFlap             *flap;
  StwRiskRegisterView *register_view;
  StwRiskEditor       *editor;

  gint64               pending_risk; /* to open once the page is laid out */
  guint                pending_source;
};

static void stw_risk_page_iface_init (StwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwRiskPage, stw_risk_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (STW_TYPE_PAGE, stw_risk_page_iface_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_CAN_UNDO,
  PROP_EDITOR_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "changed" and "error" are StwPage's. */
enum {
  NEW_TREATMENT_REQUESTED,
  TREATMENT_ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
risk_change_free (gpointer data)
{
  RiskChange *change = data;

  g_clear_object (&change->before);
  g_free (change->ref);
  g_free (change);
}

static void
set_changes_empty (StwRiskPage *self)
{
  gboolean could = self->changes->len > 0;

  g_ptr_array_set_size (self->changes, 0);
  if (could)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
push_change (StwRiskPage *self,
             StwRisk     *before,
             StwRisk     *after)
{
  RiskChange *change = g_new0 (RiskChange, 1);
  gboolean could = self->changes->len > 0;

  change->before = before != NULL ? stw_risk_copy (before) : NULL;
  change->risk_id = stw_risk_get_id (after);
  change->ref = g_strdup (stw_risk_get_ref (after));
  g_ptr_array_add (self->changes, change);
  if (self->changes->len > UNDO_DEPTH)
    g_ptr_array_remove_index (self->changes, 0);

  if (!could)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static gint64
shown_risk_id (StwRiskPage *self)
{
  StwRisk *loaded = stw_risk_editor_get_loaded_risk (self->editor);

  return loaded != NULL ? stw_risk_get_id (loaded) : 0;
}

static void
show_risk (StwRiskPage *self,
           StwRisk     *risk)
{
  stw_risk_editor_set_risk (self->editor, risk);
  if (risk != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->editor), TRUE);
  adw_flap_set_reveal_flap (self->flap, risk != NULL);
  if (risk != NULL)
    stw_risk_editor_focus_title (self->editor);
}

/* Callbacks */

/* A narrow page folds the flap: the editor then covers the page, and
 * becomes a page of its own (issue 9, point 19). */
static void
flap_folded_cb (StwRiskPage *self)
{
  stw_risk_editor_set_folded (self->editor, adw_flap_get_folded (self->flap));
}

static void
reveal_changed_cb (StwRiskPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR_REVEALED]);
}

/* A closed editor is hidden once it has slid out, so that its fields are
 * not found (by screen readers either) beside the item editor's. */
static void
reveal_progress_changed_cb (StwRiskPage *self)
{
  if (!adw_flap_get_reveal_flap (self->flap) && adw_flap_get_reveal_progress (self->flap) <= 0.0)
    gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
}

static void
risk_activated_cb (StwRiskPage *self,
                   gint64       risk_id)
{
  stw_risk_page_open_risk (self, risk_id);
}

static void
new_risk_requested_cb (StwRiskPage *self)
{
  stw_risk_page_new_risk (self);
}

static void
close_requested_cb (StwRiskPage *self)
{
  stw_risk_page_close_editor (self);
}

static void
saved_cb (StwRiskPage *self,
          StwRisk     *before,
          StwRisk     *after)
{
  push_change (self, before, after);
  self->pushed = TRUE;
  stw_risk_register_view_select_risk (self->register_view, stw_risk_get_id (after));
}

/* A deleted risk cannot come back, so neither can its earlier versions. */
static void
deleted_cb (StwRiskPage *self,
            StwRisk     *before)
{
  gint64 id = stw_risk_get_id (before);
  gboolean could = self->changes->len > 0;

  for (guint i = self->changes->len; i > 0; i--)
    {
      RiskChange *change = g_ptr_array_index (self->changes, i - 1);

      if (change->risk_id == id)
        g_ptr_array_remove_index (self->changes, i - 1);
    }
  if (could && self->changes->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
editor_changed_cb (StwRiskPage *self,
                   const char  *message)
{
  gboolean can_undo = self->pushed;

  self->pushed = FALSE;
  stw_page_emit_changed (STW_PAGE (self), message, can_undo);
}

static void
editor_error_cb (StwRiskPage *self,
                 const char  *message)
{
  stw_page_emit_error (STW_PAGE (self), NULL, message);
}

static void
new_treatment_requested_cb (StwRiskPage *self,
                            gint64       risk_id)
{
  /* The treatment item names the risk as stored: save a typed edit first. */
  if (!stw_risk_page_commit (self))
    return;

  g_signal_emit (self, signals[NEW_TREATMENT_REQUESTED], 0, risk_id);
}

static void
treatment_item_activated_cb (StwRiskPage *self,
                             gint64       item_id)
{
  if (!stw_risk_page_commit (self))
    return;

  g_signal_emit (self, signals[TREATMENT_ITEM_ACTIVATED], 0, item_id);
}

/* Actions (see stw-page.h); the window runs them while the register is
 * shown. */

static void
update_actions (StwRiskPage *self)
{
  static const char *with_editor[] = { "save-item", "close-editor" };
  gboolean revealed = stw_risk_page_get_editor_revealed (self);
  GAction *action;

  if (self->actions == NULL)
    return;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "new-item");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->workspace != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (with_editor); i++)
    {
      action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), with_editor[i]);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), revealed);
    }
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "undo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), stw_risk_page_get_can_undo (self));
}

static void
notified_cb (StwRiskPage *self)
{
  update_actions (self);
}

static void
new_item_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  stw_risk_page_new_risk (STW_RISK_PAGE (user_data));
}

/* Ctrl+S saves the risk open in the pane (a refusal is shown there and
 * sent as "error"). */
static void
save_item_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  StwRiskPage *self = STW_RISK_PAGE (user_data);

  if (stw_risk_editor_get_loaded_risk (self->editor) != NULL)
    stw_risk_editor_save (self->editor, NULL);
}

static void
close_editor_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  stw_risk_page_close_editor (STW_RISK_PAGE (user_data));
}

/* The register's own undo: StwUndoStack knows items only. */
static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StwRiskPage *self = STW_RISK_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!stw_risk_page_undo (self, &text, &error))
    stw_page_emit_error (STW_PAGE (self), _("Could not undo"), error->message);
  else
    stw_page_emit_changed (STW_PAGE (self), text, FALSE);
}

/* StwPage */

static void
stw_risk_page_set_page_workspace (StwPage      *page,
                                  StwWorkspace *workspace,
                                  StwUndoStack *undo)
{
  stw_risk_page_set_workspace (STW_RISK_PAGE (page), workspace);
}

static const char *
stw_risk_page_get_title (StwPage *page)
{
  return _("Risk register");
}

static const char *
stw_risk_page_get_subtitle (StwPage *page)
{
  StwRiskPage *self = STW_RISK_PAGE (page);

  return self->workspace != NULL ? stw_workspace_get_org_name (self->workspace) : "";
}

static GActionGroup *
stw_risk_page_get_actions (StwPage *page)
{
  return G_ACTION_GROUP (STW_RISK_PAGE (page)->actions);
}

static gboolean
stw_risk_page_commit_page (StwPage *page)
{
  return stw_risk_page_commit (STW_RISK_PAGE (page));
}

static gboolean
open_pending_cb (gpointer user_data)
{
  StwRiskPage *self = user_data;
  gint64 id = self->pending_risk;

  self->pending_source = 0;
  self->pending_risk = 0;
  stw_risk_page_open_risk (self, id);
  return G_SOURCE_REMOVE;
}

static gboolean
stw_risk_page_show_record (StwPage    *page,
                           const char *entity,
                           gint64      id)
{
  StwRiskPage *self = STW_RISK_PAGE (page);

  if (!g_str_equal (entity, "risk") || self->workspace == NULL || id == 0)
    return FALSE;
  /* Shown this moment (from search): revealing the editor before the page
   * has its first size makes AdwFlap measure a natural width below its
   * least one. Open the risk once the page is laid out. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    {
      self->pending_risk = id;
      if (self->pending_source == 0)
        self->pending_source = g_idle_add_full (G_PRIORITY_LOW, open_pending_cb, self, NULL);
      return TRUE;
    }
  return stw_risk_page_open_risk (self, id);
}

static void
stw_risk_page_iface_init (StwPageInterface *iface)
{
  iface->set_workspace = stw_risk_page_set_page_workspace;
  iface->get_title = stw_risk_page_get_title;
  iface->get_subtitle = stw_risk_page_get_subtitle;
  iface->get_actions = stw_risk_page_get_actions;
  iface->commit = stw_risk_page_commit_page;
  iface->show_record = stw_risk_page_show_record;
}

/* Overrides */

static void
stw_risk_page_dispose (GObject *object)
{
  StwRiskPage *self = STW_RISK_PAGE (object);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_RISK_PAGE);
  g_clear_object (&self->workspace);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (stw_risk_page_parent_class)->dispose (object);
}

static void
stw_risk_page_finalize (GObject *object)
{
  StwRiskPage *self = STW_RISK_PAGE (object);

  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (stw_risk_page_parent_class)->finalize (object);
}

static void
stw_risk_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StwRiskPage *self = STW_RISK_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, stw_risk_page_get_can_undo (self));
      break;

    case PROP_EDITOR_REVEALED:
      g_value_set_boolean (value, stw_risk_page_get_editor_revealed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  StwRiskPage *self = STW_RISK_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_risk_page_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_page_class_init (StwRiskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_risk_page_dispose;
  object_class->finalize = stw_risk_page_finalize;
  object_class->get_property = stw_risk_page_get_property;
  object_class->set_property = stw_risk_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITOR_REVEALED] =
    g_param_spec_boolean ("editor-revealed", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NEW_TREATMENT_REQUESTED] =
    g_signal_new ("new-treatment-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[TREATMENT_ITEM_ACTIVATED] =
    g_signal_new ("treatment-item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (STW_TYPE_RISK_REGISTER_VIEW);
  g_type_ensure (STW_TYPE_RISK_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-risk-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StwRiskPage, flap);
  gtk_widget_class_bind_template_child (widget_class, StwRiskPage, register_view);
  gtk_widget_class_bind_template_child (widget_class, StwRiskPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, flap_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_progress_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, risk_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_risk_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_treatment_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, treatment_item_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "riskpage");
}

static void
stw_risk_page_init (StwRiskPage *self)
{
  static const GActionEntry entries[] = {
    { "new-item", new_item_activated },
    { "save-item", save_item_activated },
    { "close-editor", close_editor_activated },
    { "undo", undo_activated },
  };

  self->changes = g_ptr_array_new_with_free_func (risk_change_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  /* What the actions can do follows the editor, the undo list and the
   * workspace. */
  g_signal_connect (self, "notify", G_CALLBACK (notified_cb), NULL);
  update_actions (self);
}

/* Public API */

GtkWidget *
stw_risk_page_new (void)
{
  return g_object_new (STW_TYPE_RISK_PAGE, NULL);
}

StwWorkspace *
stw_risk_page_get_workspace (StwRiskPage *self)
{
  g_return_val_if_fail (STW_IS_RISK_PAGE (self), NULL);

  return self->workspace;
}

void
stw_risk_page_set_workspace (StwRiskPage  *self,
                             StwWorkspace *workspace)
{
  g_return_if_fail (STW_IS_RISK_PAGE (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  g_set_object (&self->workspace, workspace);
  show_risk (self, NULL);
  set_changes_empty (self);
  stw_risk_editor_set_workspace (self->editor, workspace);
  stw_risk_register_view_set_workspace (self->register_view, workspace);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

gboolean
stw_risk_page_commit (StwRiskPage *self)
{
  g_return_val_if_fail (STW_IS_RISK_PAGE (self), FALSE);

  if (self->workspace == NULL
      || stw_risk_editor_get_loaded_risk (self->editor) == NULL
      || !stw_risk_editor_get_modified (self->editor))
    return TRUE;

  /* A refusal is shown in the pane and sent as "error". */
  return stw_risk_editor_save (self->editor, NULL);
}

gboolean
stw_risk_page_open_risk (StwRiskPage *self,
                         gint64       risk_id)
{
  g_autoptr(StwRisk) risk = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STW_IS_RISK_PAGE (self), FALSE);

  if (self->workspace == NULL || risk_id == 0)
    return FALSE;

  if (shown_risk_id (self) == risk_id)
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      return TRUE;
    }

  if (!stw_risk_page_commit (self))
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      return FALSE;
    }

  risk = stw_workspace_load_risk (self->workspace, risk_id, &error);
  if (risk == NULL)
    {
      stw_page_emit_error (STW_PAGE (self), NULL, error->message);
      return FALSE;
    }

  show_risk (self, risk);
  stw_risk_register_view_select_risk (self->register_view, risk_id);

  return TRUE;
}

gboolean
stw_risk_page_new_risk (StwRiskPage *self)
{
  g_autoptr(StwRisk) risk = NULL;

  g_return_val_if_fail (STW_IS_RISK_PAGE (self), FALSE);

  if (self->workspace == NULL)
    return FALSE;

  if (!stw_risk_page_commit (self))
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      return FALSE;
    }

  risk = stw_risk_new ();
  show_risk (self, risk);

  return TRUE;
}

gboolean
stw_risk_page_close_editor (StwRiskPage *self)
{
  g_return_val_if_fail (STW_IS_RISK_PAGE (self), FALSE);

  if (!stw_risk_page_commit (self))
    return FALSE;

  show_risk (self, NULL);

  return TRUE;
}

gboolean
stw_risk_page_get_editor_revealed (StwRiskPage *self)
{
  g_return_val_if_fail (STW_IS_RISK_PAGE (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap);
}

gboolean
stw_risk_page_get_can_undo (StwRiskPage *self)
{
  g_return_val_if_fail (STW_IS_RISK_PAGE (self), FALSE);

  return self->changes->len > 0;
}

gboolean
stw_risk_page_undo (StwRiskPage  *self,
                    char        **description,
                    GError      **error)
{
  g_autoptr(StwRisk) restored = NULL;
  RiskChange *change;
  gboolean ok;

  g_return_val_if_fail (STW_IS_RISK_PAGE (self), FALSE);

  if (self->workspace == NULL || self->changes->len == 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("There is nothing to undo"));
      return FALSE;
    }

  change = g_ptr_array_index (self->changes, self->changes->len - 1);
  if (change->before == NULL)
    ok = stw_workspace_delete_risk (self->workspace, change->risk_id, error);
  else
    {
      g_autoptr(StwRisk) before = stw_risk_copy (change->before);

      ok = stw_workspace_update_risk (self->workspace, before, error);
    }
  if (!ok)
    return FALSE;

  if (description != NULL)
    {
      if (change->before == NULL)
        /* Translators: a toast; %s is a risk reference such as R-011. */
        *description = g_strdup_printf (_("%s taken out of the register again"), change->ref);
      else
        /* Translators: a toast; %s is a risk reference such as R-004. */
        *description = g_strdup_printf (_("Change to %s undone"), change->ref);
    }

  /* The editor shows the stored state, even over a typed edit to the
   * same risk: undo means what is stored. */
  if (shown_risk_id (self) == change->risk_id)
    {
      if (change->before != NULL)
        restored = stw_workspace_load_risk (self->workspace, change->risk_id, NULL);
      stw_risk_editor_set_risk (self->editor, restored);
      if (restored == NULL)
        adw_flap_set_reveal_flap (self->flap, FALSE);
    }
  if (change->before != NULL)
    stw_risk_register_view_select_risk (self->register_view, change->risk_id);

  g_ptr_array_remove_index (self->changes, self->changes->len - 1);
  if (self->changes->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  return TRUE;
}

StwRiskRegisterView *
stw_risk_page_get_register_view (StwRiskPage *self)
{
  g_return_val_if_fail (STW_IS_RISK_PAGE (self), NULL);

  return self->register_view;
}

StwRiskEditor *
stw_risk_page_get_editor (StwRiskPage *self)
{
  g_return_val_if_fail (STW_IS_RISK_PAGE (self), NULL);

  return self->editor;
}
