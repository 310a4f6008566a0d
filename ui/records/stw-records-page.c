/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-page.c: the Objectives and KPIs page (see
 * stw-records-page.h). The lists are rebuilt from the core's live models
 * whenever the records change: a workspace has tens of objectives and
 * KPIs, and a KPI's status comes with it as loaded.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "stw-page.h"
#include "stw-records-page.h"
#include "stw-records-store.h"

struct _StwRecordsPage
{
  GtkWidget           parent_instance;

  StwWorkspace       *workspace;
  StwUndoStack       *undo;            /* the window's */
  GSimpleActionGroup *actions;
  guint               n_off_target;
  guint               n_missed;

  AdwFlap            *flap;
  GtkStack           *content_stack;   /* "empty" or "lists" */
  GtkListBox         *objective_list;
  GtkListBox         *kpi_list;
  GtkLabel           *summary_label;
  GtkStack           *pane_stack;      /* "kpi" or "objective" */
  StwKpiPane         *kpi_pane;
  StwObjectivePane   *objective_pane;

  char               *pending_entity;  /* to open once the page is laid out */
  gint64              pending_id;
  guint               pending_source;
};

static void stw_records_page_iface_init (StwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwRecordsPage, stw_records_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (STW_TYPE_PAGE, stw_records_page_iface_init))

/* Helpers */

static gboolean
kpi_shown (StwRecordsPage *self)
{
  return adw_flap_get_reveal_flap (self->flap)
         && gtk_stack_get_visible_child (self->pane_stack) == GTK_WIDGET (self->kpi_pane);
}

static gboolean
objective_shown (StwRecordsPage *self)
{
  return adw_flap_get_reveal_flap (self->flap)
         && gtk_stack_get_visible_child (self->pane_stack) == GTK_WIDGET (self->objective_pane);
}

static void
update_actions (StwRecordsPage *self)
{
  gboolean revealed = adw_flap_get_reveal_flap (self->flap);
  const struct { const char *name; gboolean enabled; } states[] = {
    { "new-item", self->workspace != NULL },
    { "save-item", revealed },
    { "close-editor", revealed },
    { "undo", self->undo != NULL && stw_undo_stack_get_can_undo (self->undo) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), states[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), states[i].enabled);
    }
}

static GtkWidget *
make_tag (const char *text,
          const char *kind)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "kpi-tag");
  gtk_widget_add_css_class (tag, kind);
  return tag;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_objectives (StwRecordsPage *self,
                 GListModel     *objectives)
{
  guint n = objectives != NULL ? g_list_model_get_n_items (objectives) : 0;

  clear_list (self->objective_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwObjective) o = g_list_model_get_item (objectives, i);
      g_autofree char *title = g_strdup_printf ("%s  %s", stw_objective_get_ref (o), stw_objective_get_title (o));
      g_autofree char *subtitle = NULL;
      const char *owner = stw_objective_get_owner_name (o);
      const char *date = stw_objective_get_target_date (o);
      GtkWidget *row = adw_action_row_new ();

      /* Translators: an objective's owner and target date in the list. */
      subtitle = g_strdup_printf (_("%s · target date %s"), owner != NULL ? owner : _("No owner"),
                                  date != NULL ? date : _("none"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_tag (stw_objective_status_label (stw_objective_get_status (o)),
                                           stw_objective_status_to_key (stw_objective_get_status (o))));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "stw-id", GINT_TO_POINTER ((int) stw_objective_get_id (o)));
      gtk_list_box_append (self->objective_list, row);
    }
}

static void
fill_kpis (StwRecordsPage *self,
           GListModel     *kpis)
{
  guint n = kpis != NULL ? g_list_model_get_n_items (kpis) : 0;

  clear_list (self->kpi_list);
  self->n_off_target = 0;
  self->n_missed = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwKpi) kpi = g_list_model_get_item (kpis, i);
      g_autofree char *title = g_strdup_printf ("%s  %s", stw_kpi_get_ref (kpi), stw_kpi_get_name (kpi));
      g_autofree char *target = stw_kpi_format_value (kpi, stw_kpi_get_target (kpi));
      g_autofree char *latest = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;
      StwKpiStatus status = stw_kpi_get_status (kpi);
      guint missed = stw_kpi_get_missed (kpi);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *tag;

      if (status == STW_KPI_NOT_MET)
        self->n_off_target++;
      if (missed > 0)
        self->n_missed++;

      latest = stw_kpi_get_has_value (kpi) ? stw_kpi_format_value (kpi, stw_kpi_get_value (kpi))
                                           : g_strdup (_("no value"));
      subtitle = stw_kpi_get_direction (kpi) == STW_DIRECTION_HIGHER
                 /* Translators: a KPI's latest value and its target, "at least" for higher-is-better. */
                 ? g_strdup_printf (_("Latest %s · target at least %s"), latest, target)
                 /* Translators: a KPI's latest value and its target, "at most" for lower-is-better. */
                 : g_strdup_printf (_("Latest %s · target at most %s"), latest, target);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (missed > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missed", "%u missed", missed),
                                                   missed);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_tag (text, "missed"));
        }
      tag = make_tag (stw_kpi_status_label (status), stw_kpi_status_to_key (status));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      /* The tags are colour: say them in words too. */
      accessible = missed > 0
                   ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %s, %u period missed",
                                                   "%s, %s, %s, %u periods missed", missed),
                                      title, subtitle, stw_kpi_status_label (status), missed)
                   : g_strdup_printf ("%s, %s, %s", title, subtitle, stw_kpi_status_label (status));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "stw-id", GINT_TO_POINTER ((int) stw_kpi_get_id (kpi)));
      gtk_list_box_append (self->kpi_list, row);
    }
}

static void
reload (StwRecordsPage *self)
{
  GListModel *objectives = self->workspace != NULL ? stw_workspace_get_objectives (self->workspace) : NULL;
  GListModel *kpis = self->workspace != NULL ? stw_workspace_get_kpis (self->workspace) : NULL;
  guint n_objectives = objectives != NULL ? g_list_model_get_n_items (objectives) : 0;
  guint n_kpis = kpis != NULL ? g_list_model_get_n_items (kpis) : 0;
  g_autofree char *summary = NULL;

  fill_objectives (self, objectives);
  fill_kpis (self, kpis);
  gtk_stack_set_visible_child_name (self->content_stack, n_objectives + n_kpis > 0 ? "lists" : "empty");

  /* Translators: the summary above the lists. */
  summary = g_strdup_printf (_("%u objectives, %u KPIs: %u off target, %u with missed measurements"),
                             n_objectives, n_kpis, self->n_off_target, self->n_missed);
  gtk_label_set_label (self->summary_label, summary);
}

static void
reveal (StwRecordsPage *self,
        GtkWidget      *pane)
{
  gtk_stack_set_visible_child (self->pane_stack, pane);
  gtk_widget_set_visible (GTK_WIDGET (self->pane_stack), TRUE);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  stw_page_emit_reveal_requested (STW_PAGE (self));
  update_actions (self);
}

/* Callbacks */

static void
records_changed_cb (StwRecordsPage *self)
{
  reload (self);
  if (kpi_shown (self))
    stw_kpi_pane_reload (self->kpi_pane);
  else if (objective_shown (self))
    stw_objective_pane_reload (self->objective_pane);
}

static void
undo_changed_cb (StwRecordsPage *self)
{
  update_actions (self);
}

static void
flap_folded_cb (StwRecordsPage *self)
{
  gboolean folded = adw_flap_get_folded (self->flap);

  stw_kpi_pane_set_folded (self->kpi_pane, folded);
  stw_objective_pane_set_folded (self->objective_pane, folded);
}

/* A closed pane is hidden once it has slid out, so that screen readers
 * do not find its fields. */
static void
reveal_progress_changed_cb (StwRecordsPage *self)
{
  if (!adw_flap_get_reveal_flap (self->flap) && adw_flap_get_reveal_progress (self->flap) <= 0.0)
    gtk_widget_set_visible (GTK_WIDGET (self->pane_stack), FALSE);
}

static void
objective_row_activated_cb (StwRecordsPage *self,
                            GtkListBoxRow  *row)
{
  stw_records_page_open_objective (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "stw-id")));
}

static void
kpi_row_activated_cb (StwRecordsPage *self,
                      GtkListBoxRow  *row)
{
  stw_records_page_open_kpi (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "stw-id")));
}

static void
linked_kpi_activated_cb (StwRecordsPage *self,
                         gint64          kpi_id)
{
  stw_records_page_open_kpi (self, kpi_id);
}

static void
new_objective_clicked_cb (StwRecordsPage *self)
{
  stw_records_page_new_objective (self);
}

static void
new_kpi_clicked_cb (StwRecordsPage *self)
{
  stw_records_page_new_kpi (self);
}

static void
close_requested_cb (StwRecordsPage *self)
{
  stw_records_page_close_pane (self);
}

static void
pane_changed_cb (StwRecordsPage *self,
                 const char     *message)
{
  stw_page_emit_changed (STW_PAGE (self), message, TRUE);
  update_actions (self);
}

static void
pane_error_cb (StwRecordsPage *self,
               const char     *message)
{
  stw_page_emit_error (STW_PAGE (self), NULL, message);
}

static void
new_item_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  stw_records_page_new_kpi (STW_RECORDS_PAGE (user_data));
}

static void
save_item_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  StwRecordsPage *self = STW_RECORDS_PAGE (user_data);

  if (kpi_shown (self))
    stw_kpi_pane_save (self->kpi_pane);
  else if (objective_shown (self))
    stw_objective_pane_save (self->objective_pane);
}

static void
close_editor_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  stw_records_page_close_pane (STW_RECORDS_PAGE (user_data));
}

/* The window's one undo stack: objectives, KPIs and measurements are on
 * it as items are. */
static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StwRecordsPage *self = STW_RECORDS_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 item_id = 0;

  if (self->undo == NULL || !stw_undo_stack_get_can_undo (self->undo))
    return;
  if (!stw_undo_stack_undo (self->undo, &text, &item_id, &error))
    {
      stw_page_emit_error (STW_PAGE (self), _("Could not undo"), error->message);
      return;
    }

  /* Undo means what is stored: the pane shows it, over a typed edit too;
   * a record that undo took away closes its pane. */
  if (kpi_shown (self) && stw_kpi_pane_get_kpi (self->kpi_pane) != NULL
      && stw_kpi_get_id (stw_kpi_pane_get_kpi (self->kpi_pane)) != 0)
    {
      g_autoptr(StwKpi) stored = stw_workspace_load_kpi (self->workspace,
                                                         stw_kpi_get_id (stw_kpi_pane_get_kpi (self->kpi_pane)), NULL);

      stw_kpi_pane_set_kpi (self->kpi_pane, stored);
      if (stored == NULL)
        adw_flap_set_reveal_flap (self->flap, FALSE);
    }
  else if (objective_shown (self) && stw_objective_pane_get_objective (self->objective_pane) != NULL
           && stw_objective_get_id (stw_objective_pane_get_objective (self->objective_pane)) != 0)
    {
      gint64 id = stw_objective_get_id (stw_objective_pane_get_objective (self->objective_pane));
      g_autoptr(StwObjective) stored = stw_workspace_load_objective (self->workspace, id, NULL);

      stw_objective_pane_set_objective (self->objective_pane, stored);
      if (stored == NULL)
        adw_flap_set_reveal_flap (self->flap, FALSE);
    }
  stw_page_emit_changed (STW_PAGE (self), text, FALSE);
  update_actions (self);
}

/* StwPage */

static void
stw_records_page_set_page_workspace (StwPage      *page,
                                     StwWorkspace *workspace,
                                     StwUndoStack *undo)
{
  StwRecordsPage *self = STW_RECORDS_PAGE (page);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->undo, undo);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "records-changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
  if (undo != NULL)
    g_signal_connect_object (undo, "notify::can-undo", G_CALLBACK (undo_changed_cb), self, G_CONNECT_SWAPPED);

  adw_flap_set_reveal_flap (self->flap, FALSE);
  stw_kpi_pane_set_workspace (self->kpi_pane, workspace, undo);
  stw_objective_pane_set_workspace (self->objective_pane, workspace, undo);
  reload (self);
  update_actions (self);
}

static const char *
stw_records_page_get_title (StwPage *page)
{
  return _("Objectives and KPIs");
}

static const char *
stw_records_page_get_subtitle (StwPage *page)
{
  StwRecordsPage *self = STW_RECORDS_PAGE (page);

  return self->workspace != NULL ? stw_workspace_get_org_name (self->workspace) : "";
}

static GActionGroup *
stw_records_page_get_actions (StwPage *page)
{
  return G_ACTION_GROUP (STW_RECORDS_PAGE (page)->actions);
}

static gboolean
stw_records_page_commit (StwPage *page)
{
  StwRecordsPage *self = STW_RECORDS_PAGE (page);

  if (kpi_shown (self) && stw_kpi_pane_get_modified (self->kpi_pane))
    return stw_kpi_pane_save (self->kpi_pane);
  if (objective_shown (self) && stw_objective_pane_get_modified (self->objective_pane))
    return stw_objective_pane_save (self->objective_pane);
  return TRUE;
}

static gboolean
open_record (StwRecordsPage *self,
             const char     *entity,
             gint64          id)
{
  if (g_str_equal (entity, "kpi"))
    return stw_records_page_open_kpi (self, id);
  return stw_records_page_open_objective (self, id);
}

static gboolean
open_pending_cb (gpointer user_data)
{
  StwRecordsPage *self = user_data;
  g_autofree char *entity = g_steal_pointer (&self->pending_entity);

  self->pending_source = 0;
  open_record (self, entity, self->pending_id);
  return G_SOURCE_REMOVE;
}

static gboolean
stw_records_page_show_record (StwPage    *page,
                              const char *entity,
                              gint64      id)
{
  StwRecordsPage *self = STW_RECORDS_PAGE (page);

  if ((!g_str_equal (entity, "kpi") && !g_str_equal (entity, "objective")) || self->workspace == NULL || id == 0)
    return FALSE;
  /* Shown this moment (from search): AdwFlap must have its first size
   * before the pane is revealed, as on the risk page. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    {
      g_free (self->pending_entity);
      self->pending_entity = g_strdup (entity);
      self->pending_id = id;
      if (self->pending_source == 0)
        self->pending_source = g_idle_add_full (G_PRIORITY_LOW, open_pending_cb, self, NULL);
      return TRUE;
    }
  return open_record (self, entity, id);
}

static void
stw_records_page_iface_init (StwPageInterface *iface)
{
  iface->set_workspace = stw_records_page_set_page_workspace;
  iface->get_title = stw_records_page_get_title;
  iface->get_subtitle = stw_records_page_get_subtitle;
  iface->get_actions = stw_records_page_get_actions;
  iface->commit = stw_records_page_commit;
  iface->show_record = stw_records_page_show_record;
}

/* Overrides */

static void
stw_records_page_dispose (GObject *object)
{
  StwRecordsPage *self = STW_RECORDS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->pending_source, g_source_remove);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);
  g_clear_object (&self->undo);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->pending_entity, g_free);

  G_OBJECT_CLASS (stw_records_page_parent_class)->dispose (object);
}

static void
stw_records_page_class_init (StwRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_records_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recordspage");
}

static GtkListBox *
add_list_group (GtkWidget  *box,
                const char *title,
                const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (GTK_BOX (box), group);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
make_new_buttons (StwRecordsPage *self,
                  gboolean        pill)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *objective = gtk_button_new_with_mnemonic (_("New _objective"));
  GtkWidget *kpi = gtk_button_new_with_mnemonic (_("New _KPI"));

  gtk_widget_set_halign (buttons, pill ? GTK_ALIGN_CENTER : GTK_ALIGN_START);
  if (pill)
    {
      gtk_widget_add_css_class (objective, "pill");
      gtk_widget_add_css_class (kpi, "pill");
      gtk_widget_add_css_class (kpi, "suggested-action");
    }
  g_signal_connect_swapped (objective, "clicked", G_CALLBACK (new_objective_clicked_cb), self);
  g_signal_connect_swapped (kpi, "clicked", G_CALLBACK (new_kpi_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), objective);
  gtk_box_append (GTK_BOX (buttons), kpi);
  return buttons;
}

static void
stw_records_page_init (StwRecordsPage *self)
{
  static const GActionEntry entries[] = {
    { "new-item", new_item_activated },
    { "save-item", save_item_activated },
    { "close-editor", close_editor_activated },
    { "undo", undo_activated },
  };
  GtkWidget *empty, *scrolled, *clamp, *box;

  self->flap = ADW_FLAP (adw_flap_new ());
  adw_flap_set_flap_position (self->flap, GTK_PACK_END);
  adw_flap_set_reveal_flap (self->flap, FALSE);
  adw_flap_set_swipe_to_open (self->flap, FALSE);
  adw_flap_set_swipe_to_close (self->flap, FALSE);
  /* Only the page opens and closes the pane, not a change of width. */
  adw_flap_set_locked (self->flap, TRUE);
  adw_flap_set_separator (self->flap, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (flap_folded_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-progress", G_CALLBACK (reveal_progress_changed_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (undo_changed_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->flap), GTK_WIDGET (self));

  /* The empty state says what the standard asks for, in plain words. */
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "power-profile-performance-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No objectives or KPIs yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Clause 6.2 asks for information security objectives: what you mean to achieve, "
                                     "who is responsible, and by when. Clause 9.1 asks you to decide what to measure, "
                                     "how often, and to keep the results as evidence. Add an objective, then the KPIs "
                                     "that show whether you are getting there."));
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), make_new_buttons (self, TRUE));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), make_new_buttons (self, FALSE));
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));
  self->objective_list = add_list_group (box, _("Objectives"),
                                         _("What the organisation means to achieve for information security (clause 6.2)."));
  self->kpi_list = add_list_group (box, _("KPIs"),
                                   _("What is measured, against which target (clause 9.1)."));
  g_signal_connect_swapped (self->objective_list, "row-activated", G_CALLBACK (objective_row_activated_cb), self);
  g_signal_connect_swapped (self->kpi_list, "row-activated", G_CALLBACK (kpi_row_activated_cb), self);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->content_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->content_stack), TRUE);
  gtk_stack_add_named (self->content_stack, empty, "empty");
  gtk_stack_add_named (self->content_stack, scrolled, "lists");
  adw_flap_set_content (self->flap, GTK_WIDGET (self->content_stack));

  self->kpi_pane = STW_KPI_PANE (stw_kpi_pane_new ());
  self->objective_pane = STW_OBJECTIVE_PANE (stw_objective_pane_new ());
  self->pane_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->pane_stack), "background");
  gtk_stack_add_named (self->pane_stack, GTK_WIDGET (self->kpi_pane), "kpi");
  gtk_stack_add_named (self->pane_stack, GTK_WIDGET (self->objective_pane), "objective");
  gtk_widget_set_visible (GTK_WIDGET (self->pane_stack), FALSE);
  adw_flap_set_flap (self->flap, GTK_WIDGET (self->pane_stack));
  g_signal_connect_swapped (self->kpi_pane, "close-requested", G_CALLBACK (close_requested_cb), self);
  g_signal_connect_swapped (self->kpi_pane, "changed", G_CALLBACK (pane_changed_cb), self);
  g_signal_connect_swapped (self->kpi_pane, "error", G_CALLBACK (pane_error_cb), self);
  g_signal_connect_swapped (self->objective_pane, "close-requested", G_CALLBACK (close_requested_cb), self);
  g_signal_connect_swapped (self->objective_pane, "changed", G_CALLBACK (pane_changed_cb), self);
  g_signal_connect_swapped (self->objective_pane, "error", G_CALLBACK (pane_error_cb), self);
  g_signal_connect_swapped (self->objective_pane, "kpi-activated", G_CALLBACK (linked_kpi_activated_cb), self);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  reload (self);
  update_actions (self);
}

/* Public API */

GtkWidget *
stw_records_page_new (void)
{
  return g_object_new (STW_TYPE_RECORDS_PAGE, NULL);
}

gboolean
stw_records_page_open_kpi (StwRecordsPage *self,
                           gint64          kpi_id)
{
  g_autoptr(StwKpi) kpi = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), FALSE);

  if (self->workspace == NULL || kpi_id == 0 || !stw_records_page_commit (STW_PAGE (self)))
    return FALSE;
  kpi = stw_workspace_load_kpi (self->workspace, kpi_id, &error);
  if (kpi == NULL)
    {
      stw_page_emit_error (STW_PAGE (self), NULL, error->message);
      return FALSE;
    }
  stw_kpi_pane_set_kpi (self->kpi_pane, kpi);
  reveal (self, GTK_WIDGET (self->kpi_pane));
  stw_kpi_pane_focus (self->kpi_pane);
  return TRUE;
}

gboolean
stw_records_page_open_objective (StwRecordsPage *self,
                                 gint64          objective_id)
{
  g_autoptr(StwObjective) objective = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), FALSE);

  if (self->workspace == NULL || objective_id == 0 || !stw_records_page_commit (STW_PAGE (self)))
    return FALSE;
  objective = stw_workspace_load_objective (self->workspace, objective_id, &error);
  if (objective == NULL)
    {
      stw_page_emit_error (STW_PAGE (self), NULL, error->message);
      return FALSE;
    }
  stw_objective_pane_set_objective (self->objective_pane, objective);
  reveal (self, GTK_WIDGET (self->objective_pane));
  stw_objective_pane_focus (self->objective_pane);
  return TRUE;
}

gboolean
stw_records_page_new_kpi (StwRecordsPage *self)
{
  g_autoptr(StwKpi) kpi = NULL;

  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), FALSE);

  if (self->workspace == NULL || !stw_records_page_commit (STW_PAGE (self)))
    return FALSE;
  kpi = stw_kpi_new ();
  stw_kpi_pane_set_kpi (self->kpi_pane, kpi);
  reveal (self, GTK_WIDGET (self->kpi_pane));
  stw_kpi_pane_focus (self->kpi_pane);
  return TRUE;
}

gboolean
stw_records_page_new_objective (StwRecordsPage *self)
{
  g_autoptr(StwObjective) objective = NULL;

  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), FALSE);

  if (self->workspace == NULL || !stw_records_page_commit (STW_PAGE (self)))
    return FALSE;
  objective = stw_objective_new ();
  stw_objective_pane_set_objective (self->objective_pane, objective);
  reveal (self, GTK_WIDGET (self->objective_pane));
  stw_objective_pane_focus (self->objective_pane);
  return TRUE;
}

gboolean
stw_records_page_close_pane (StwRecordsPage *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), FALSE);

  if (!stw_records_page_commit (STW_PAGE (self)))
    return FALSE;
  adw_flap_set_reveal_flap (self->flap, FALSE);
  update_actions (self);
  return TRUE;
}

gboolean
stw_records_page_get_pane_revealed (StwRecordsPage *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap);
}

guint
stw_records_page_get_n_objectives (StwRecordsPage *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), 0);

  return self->workspace != NULL ? g_list_model_get_n_items (stw_workspace_get_objectives (self->workspace)) : 0;
}

guint
stw_records_page_get_n_kpis (StwRecordsPage *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), 0);

  return self->workspace != NULL ? g_list_model_get_n_items (stw_workspace_get_kpis (self->workspace)) : 0;
}

guint
stw_records_page_get_n_off_target (StwRecordsPage *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), 0);

  return self->n_off_target;
}

guint
stw_records_page_get_n_missed (StwRecordsPage *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), 0);

  return self->n_missed;
}

GtkListBox *
stw_records_page_get_kpi_list (StwRecordsPage *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), NULL);

  return self->kpi_list;
}

StwKpiPane *
stw_records_page_get_kpi_pane (StwRecordsPage *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), NULL);

  return self->kpi_pane;
}

StwObjectivePane *
stw_records_page_get_objective_pane (StwRecordsPage *self)
{
  g_return_val_if_fail (STW_IS_RECORDS_PAGE (self), NULL);

  return self->objective_pane;
}
