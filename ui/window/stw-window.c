/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-window.c: the main window, a router. The sidebar lists the
 * workstreams of the open workspace and, under them, the registers (the
 * risk register, Objectives and KPIs: stw-window-records.c); choosing a
 * row shows its page (StwPage). The header shows the page's title, views
 * and menu; the window's shortcuts run the page's actions
 * (stw-window-actions.c). Ctrl+F searches the whole workspace and hands
 * the record found to its page. Every change goes onto one undo stack per
 * workspace, shared by the pages; the register keeps its own for risks.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-a11y.h"
#include "stw-last-workspace.h"
#include "stw-risk-register.h"
#include "stw-toaster.h"
#include "stw-window.h"
#include "stw-window-private.h"
#include "stw-workspace-rows.h"
#include "stw-workstream-row.h"

G_DEFINE_FINAL_TYPE (StwWindow, stw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define UNDO_DEPTH 50

/* Helpers */

static GtkListBoxRow *
find_workstream_row (StwWindow *self,
                     gint64     workstream_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->workstreams_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (STW_IS_WORKSTREAM_ROW (child)
        && stw_workstream_get_id (stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (child))) == workstream_id)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

void
_stw_window_show_page (StwWindow *self,
                       StwPage   *page)
{
  self->page = page;
  /* The registers are hidden while not shown, so that their fields are not
   * found twice (by screen readers too) beside the item editor's. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != GTK_WIDGET (self->workstream_page))
      gtk_widget_set_visible (child, child == GTK_WIDGET (page));
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (page));
  _stw_window_update_header (self);
  _stw_window_update_actions (self);
}

/* Shows the risk register instead of a workstream, after saving what the
 * page shown held. */
static gboolean
show_risk_register (StwWindow *self)
{
  if (self->workspace == NULL)
    return FALSE;

  if (self->page != STW_PAGE (self->risk_page) && !stw_page_commit (self->page))
    {
      self->syncing++;
      gtk_list_box_unselect_all (self->registers_list);
      self->syncing--;
      return FALSE;
    }

  self->syncing++;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  stw_workstream_page_set_workstream (self->workstream_page, NULL);
  gtk_list_box_unselect_all (self->workstreams_list);
  gtk_list_box_select_row (self->registers_list, GTK_LIST_BOX_ROW (self->risk_register_row));
  self->syncing--;

  _stw_window_show_page (self, STW_PAGE (self->risk_page));

  return TRUE;
}

/* Back from the register to the workstreams (a workstream row is being
 * selected). */
static void
leave_risk_register (StwWindow *self)
{
  if (self->page == STW_PAGE (self->workstream_page))
    return;

  self->syncing++;
  gtk_list_box_unselect_all (self->registers_list);
  self->syncing--;
  _stw_window_show_page (self, STW_PAGE (self->workstream_page));
}

/* Shows @item_id where it lives: its workstream, selected in the view
 * shown, open in the editor. */
static void
jump_to_item (StwWindow *self,
              gint64     item_id)
{
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  if (self->workspace == NULL || !stw_page_commit (self->page))
    return;

  item = stw_workspace_load_item (self->workspace, item_id, &error);
  if (item == NULL)
    {
      _stw_window_show_error (self, _("Could not open the item"), error);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  row = find_workstream_row (self, stw_item_get_workstream_id (item));
  if (row != NULL && gtk_list_box_get_selected_row (self->workstreams_list) != row)
    gtk_list_box_select_row (self->workstreams_list, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  stw_page_show_record (STW_PAGE (self->workstream_page), "item", item_id);
}

static GtkWidget *
create_workstream_row (gpointer item,
                       gpointer user_data)
{
  return stw_workstream_row_new (STW_WORKSTREAM (item));
}

/* Lists the workspaces in @list; returns how many there are. */
static guint
fill_workspaces (StwWindow  *self,
                 GtkListBox *list)
{
  g_autoptr(GError) error = NULL;
  guint n = stw_workspace_rows_fill (list, self->workspace, &error);

  if (error != NULL)
    _stw_window_show_error (self, _("Could not list the workspaces"), error);

  return n;
}

static void
remember_workspace (StwWindow  *self,
                    const char *path)
{
  if (self->settings != NULL)
    stw_last_workspace_save (self->settings, path);
}

static void
update_organisation (StwWindow *self)
{
  const char *org = self->workspace != NULL ? stw_workspace_get_org_name (self->workspace) : NULL;

  gtk_label_set_label (self->workspace_label, org != NULL ? org : "");
  /* The label may be cut short; the tooltip has the whole name. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_button), org);
  adw_view_switcher_title_set_subtitle (self->switcher_title, org != NULL ? org : "");
  gtk_window_set_title (GTK_WINDOW (self), org != NULL && org[0] != '\0' ? org : _("Steward"));
}

/* Callbacks */

static void
organisation_changed_cb (StwWindow *self)
{
  update_organisation (self);
}

static void
people_changed_cb (StwWindow *self)
{
  _stw_window_update_actor (self);
}

static void
page_actions_changed_cb (StwWindow *self)
{
  _stw_window_update_actions (self);
}

static void
page_changed_cb (StwWindow  *self,
                 const char *message,
                 gboolean    can_undo)
{
  _stw_window_show_toast (self, message, can_undo);
  _stw_window_update_actions (self);
}

static void
page_error_cb (StwWindow  *self,
               const char *message)
{
  stw_toaster_show_error (self->toaster, message);
}

static void
page_header_changed_cb (StwWindow *self,
                        StwPage   *page)
{
  if (page == self->page)
    _stw_window_update_header (self);
}

/* The page opened its editor: it is shown, in a narrow window too. */
static void
page_reveal_requested_cb (StwWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The results show in the workstream page, in place of its views and
 * beside its editor. */
static void
search_mode_changed_cb (StwWindow *self)
{
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar);

  stw_workstream_page_show_cover (self->workstream_page, searching);
  gtk_stack_set_visible_child (self->page_stack,
                               searching ? GTK_WIDGET (self->workstream_page) : GTK_WIDGET (self->page));
  _stw_window_update_actions (self);
  stw_search_page_set_active (self->search_page, searching);
  if (searching)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_risk_activated_cb (StwWindow *self,
                          gint64     risk_id)
{
  if (show_risk_register (self))
    stw_page_show_record (STW_PAGE (self->risk_page), "risk", risk_id);
}

static void
workstream_row_selected_cb (StwWindow     *self,
                            GtkListBoxRow *row)
{
  StwWorkstream *previous;

  if (self->syncing > 0 || row == NULL)
    return;

  /* The page shown saves first (the register's editor or the item
   * editor), or the window stays where the unsaved edit is. */
  if (!stw_page_commit (self->page))
    {
      previous = stw_workstream_page_get_workstream (self->workstream_page);
      self->syncing++;
      if (previous != NULL)
        gtk_list_box_select_row (self->workstreams_list, find_workstream_row (self, stw_workstream_get_id (previous)));
      else
        gtk_list_box_unselect_all (self->workstreams_list);
      self->syncing--;
      return;
    }

  leave_risk_register (self);
  stw_workstream_page_set_workstream (self->workstream_page,
                                      stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (row)));
}

static void
register_row_selected_cb (StwWindow     *self,
                          GtkListBoxRow *row)
{
  if (self->syncing > 0 || row == NULL || _stw_window_records_row_selected (self, row))
    return;

  show_risk_register (self);
}

/* "New" in a risk's treatment items: a new item of the risk-treatment
 * workstream that names the risk, owned by the risk's owner. */
static void
new_treatment_requested_cb (StwWindow *self,
                            gint64     risk_id)
{
  StwWorkstream *treatment = _stw_window_find_workstream_of_kind (self, STW_WORKSTREAM_TREATMENT);
  g_autoptr(StwRisk) risk = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  if (treatment == NULL || (row = find_workstream_row (self, stw_workstream_get_id (treatment))) == NULL)
    {
      stw_toaster_show_error (self->toaster, _("This workspace has no risk treatment workstream"));
      return;
    }

  risk = stw_workspace_load_risk (self->workspace, risk_id, &error);
  if (risk == NULL)
    {
      _stw_window_show_error (self, _("Could not open the risk"), error);
      return;
    }

  gtk_list_box_select_row (self->workstreams_list, row);
  /* An edit that could not be saved keeps the window where it was. */
  if (stw_workstream_page_get_workstream (self->workstream_page) != treatment)
    return;

  stw_workstream_page_new_item (self->workstream_page, risk);
}

static void
treatment_item_activated_cb (StwWindow *self,
                             gint64     item_id)
{
  jump_to_item (self, item_id);
}

static void
workstream_row_activated_cb (StwWindow     *self,
                             GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
workspace_popover_shown_cb (StwWindow *self)
{
  fill_workspaces (self, self->workspaces_list);
  _stw_window_update_actor (self);
}

/* Overrides */

static gboolean
stw_window_close_request (GtkWindow *window)
{
  StwWindow *self = STW_WINDOW (window);
  int width, height;

  /* Keep the window open rather than lose an edit that cannot be saved. */
  if (!stw_page_commit (self->page))
    return TRUE;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (stw_window_parent_class)->close_request (window);
}

static void
stw_window_dispose (GObject *object)
{
  StwWindow *self = STW_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_WINDOW);
  /* The workstream page held them. */
  self->page = NULL;
  self->search_page = NULL;

  g_clear_object (&self->undo);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_object (&self->toaster);

  G_OBJECT_CLASS (stw_window_parent_class)->dispose (object);
}

static void
stw_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StwWindow *self = STW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  StwWindow *self = STW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_window_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_window_class_init (StwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  /* Names for what GTK and libadwaita leave unnamed inside their widgets. */
  stw_a11y_init ();

  object_class->dispose = stw_window_dispose;
  object_class->get_property = stw_window_get_property;
  object_class->set_property = stw_window_set_property;
  window_class->close_request = stw_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STW_TYPE_WORKSTREAM_PAGE);
  g_type_ensure (STW_TYPE_RISK_PAGE);
  g_type_ensure (STW_TYPE_RISK_REGISTER_ROW);
  g_type_ensure (STW_TYPE_SEARCH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, welcome_workspaces_group);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, welcome_workspaces_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workspace_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workspace_popover);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workspaces_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, actor_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, actor_label);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workstreams_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workstream_menu_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, workstream_page);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, risk_page);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, registers_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, risk_register_row);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, new_item_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, workstream_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, workstream_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, workspace_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_header_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_reveal_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_treatment_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, treatment_item_activated_cb);

  _stw_window_class_actions_init (klass);
}

static void
stw_window_init (StwWindow *self)
{
  StwPage *pages[2];
  AdwViewStack *views;
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->toaster = stw_toaster_new (self->toast_overlay);
  stw_workspace_watch_attach (GTK_WINDOW (self));

  /* The header switches between the workstream page's views. */
  pages[0] = STW_PAGE (self->workstream_page);
  pages[1] = STW_PAGE (self->risk_page);
  views = stw_page_get_view_stack (pages[0]);
  adw_view_switcher_title_set_stack (self->switcher_title, views);
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (self->switcher_bar), views);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_signal_connect_object (stw_page_get_actions (pages[i]), "action-enabled-changed",
                             G_CALLBACK (page_actions_changed_cb), self, G_CONNECT_SWAPPED);
  self->page = pages[0];

  self->search_page = STW_SEARCH_PAGE (stw_search_page_new ());
  g_signal_connect_object (self->search_page, "item-activated",
                           G_CALLBACK (jump_to_item), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_page, "risk-activated",
                           G_CALLBACK (search_risk_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_page, "error", G_CALLBACK (page_error_cb), self, G_CONNECT_SWAPPED);
  stw_workstream_page_set_cover (self->workstream_page, GTK_WIDGET (self->search_page));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  stw_search_page_set_entry (self->search_page, self->search_entry);
  _stw_window_records_init (self);

  /* Without the schema (a build tree run without GSETTINGS_SCHEMA_DIR) the
   * window works, it just does not remember anything. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    g_debug ("Schema %s not found; the window will not remember its state", APP_ID);

  stw_window_set_workspace (self, NULL);
}

/* Public API */

StwWindow *
stw_window_new (StwApplication *application)
{
  return g_object_new (STW_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

StwWorkspace *
stw_window_get_workspace (StwWindow *self)
{
  g_return_val_if_fail (STW_IS_WINDOW (self), NULL);

  return self->workspace;
}

gboolean
stw_window_set_workspace (StwWindow    *self,
                          StwWorkspace *workspace)
{
  GListModel *workstreams;
  GtkListBoxRow *first;

  g_return_val_if_fail (STW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace), FALSE);

  if (self->workspace == workspace && workspace != NULL)
    return TRUE;

  if (!stw_page_commit (self->page))
    return FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  self->syncing++;
  stw_workstream_page_set_workstream (self->workstream_page, NULL);
  gtk_list_box_bind_model (self->workstreams_list, NULL, NULL, NULL, NULL);
  self->syncing--;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);

  /* Undo belongs to one workspace: a new one starts afresh. */
  g_clear_object (&self->undo);
  if (workspace != NULL)
    self->undo = stw_undo_stack_new (workspace, UNDO_DEPTH);

  /* The pages, the register's sidebar row and dropped files follow the
   * workspace. */
  leave_risk_register (self);
  stw_page_set_workspace (STW_PAGE (self->workstream_page), workspace, self->undo);
  stw_page_set_workspace (STW_PAGE (self->risk_page), workspace, self->undo);
  stw_risk_register_row_set_workspace (self->risk_register_row, workspace);
  _stw_window_records_set_workspace (self, workspace);
  stw_search_page_set_workspace (self->search_page, workspace);

  if (workspace == NULL)
    {
      guint n = fill_workspaces (self, self->welcome_workspaces_list);

      gtk_widget_set_visible (GTK_WIDGET (self->welcome_workspaces_group), n > 0);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      update_organisation (self);
      _stw_window_update_actor (self);
      _stw_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
      return TRUE;
    }

  g_signal_connect_object (workspace, "organisation-changed",
                           G_CALLBACK (organisation_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "people-changed",
                           G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);

  workstreams = stw_workspace_get_workstreams (workspace);
  gtk_list_box_bind_model (self->workstreams_list, workstreams, create_workstream_row, self, NULL);
  update_organisation (self);
  _stw_window_update_actor (self);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");

  first = gtk_list_box_get_row_at_index (self->workstreams_list, 0);
  if (first != NULL)
    gtk_list_box_select_row (self->workstreams_list, first);

  _stw_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);

  return TRUE;
}

gboolean
stw_window_open_workspace (StwWindow   *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(StwWorkspace) workspace = NULL;

  g_return_val_if_fail (STW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  workspace = stw_workspace_open (path, error);
  if (workspace == NULL)
    return FALSE;

  /* A refusal here is an unsaved edit, which the toast already explains. */
  if (!stw_window_set_workspace (self, workspace))
    return FALSE;

  remember_workspace (self, path);

  return TRUE;
}

void
stw_window_open_last_workspace (StwWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (STW_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  path = stw_last_workspace_load (self->settings);
  if (path == NULL)
    return;

  if (!stw_window_open_workspace (self, path, &error))
    {
      /* Do not try again next time; the workspace list still offers it. */
      remember_workspace (self, NULL);
      if (error != NULL)
        _stw_window_show_error (self, _("Could not open the last workspace"), error);
    }
}

/* Internal API */

void
_stw_window_show_toast (StwWindow  *self,
                        const char *text,
                        gboolean    with_undo)
{
  stw_toaster_show (self->toaster, text, with_undo ? "win.undo" : NULL);
}

void
_stw_window_show_error (StwWindow    *self,
                        const char   *what,
                        const GError *error)
{
  g_autofree char *text = NULL;

  /* Translators: "what failed: why", e.g. "Could not save the item: disk full". */
  text = g_strdup_printf (_("%s: %s"), what, error->message);
  stw_toaster_show_error (self->toaster, text);
}

/* The header fits the page: a workstream's views and menu, or the
 * register's title alone. */
void
_stw_window_update_header (StwWindow *self)
{
  g_autoptr(GMenuModel) menu = stw_page_dup_menu (self->page);
  gboolean has_views = stw_page_get_view_stack (self->page) != NULL;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_views);
  gtk_widget_set_visible (self->switcher_bar, has_views);
  gtk_widget_set_visible (self->new_item_button, has_views);
  adw_view_switcher_title_set_title (self->switcher_title, stw_page_get_title (self->page));
  adw_view_switcher_title_set_subtitle (self->switcher_title, stw_page_get_subtitle (self->page));
  gtk_menu_button_set_menu_model (self->workstream_menu_button, menu);
  gtk_widget_set_visible (GTK_WIDGET (self->workstream_menu_button), menu != NULL);
}

void
_stw_window_update_actor (StwWindow *self)
{
  g_autofree char *text = NULL;
  StwPerson *actor = NULL;

  if (self->workspace != NULL)
    actor = stw_workspace_find_person (self->workspace, stw_workspace_get_actor_id (self->workspace));

  /* Translators: who the changes are recorded as; %s is a person's name. */
  text = g_strdup_printf (_("You are %s"), actor != NULL ? stw_person_get_name (actor) : "—");
  gtk_label_set_label (self->actor_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->actor_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* The workstream of @kind (the first one), or NULL. */
StwWorkstream *
_stw_window_find_workstream_of_kind (StwWindow         *self,
                                     StwWorkstreamKind  kind)
{
  GListModel *workstreams;

  if (self->workspace == NULL)
    return NULL;

  workstreams = stw_workspace_get_workstreams (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
    {
      g_autoptr(StwWorkstream) workstream = g_list_model_get_item (workstreams, i);

      if (stw_workstream_get_kind (workstream) == kind)
        return workstream;
    }

  return NULL;
}

void
_stw_window_show_workstream (StwWindow *self,
                             gint64     workstream_id)
{
  GtkListBoxRow *row = find_workstream_row (self, workstream_id);

  if (row == NULL)
    return;

  if (gtk_list_box_get_selected_row (self->workstreams_list) != row)
    gtk_list_box_select_row (self->workstreams_list, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
_stw_window_update_workstream_row (StwWindow *self,
                                   gint64     workstream_id)
{
  GtkListBoxRow *row = find_workstream_row (self, workstream_id);

  if (row != NULL)
    stw_workstream_row_update (STW_WORKSTREAM_ROW (row));
}

void
_stw_window_open_new_workspace (StwWindow    *self,
                                StwWorkspace *workspace)
{
  if (stw_window_set_workspace (self, workspace))
    remember_workspace (self, stw_workspace_get_path (workspace));
}
