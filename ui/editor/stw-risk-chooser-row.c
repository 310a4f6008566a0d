/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-chooser-row.c: choosing the risk a treatment item treats. The
 * row keeps the chosen id rather than a position in the register model,
 * since the register is read again (new objects) after every change; the
 * text shown is looked up by id whenever the register changes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-risk-chooser-row.h"
#include "stw-risk-register.h"

struct _StwRiskChooserRow
{
  AdwActionRow        parent_instance;

  StwWorkspace       *workspace;
  GListModel         *risks;
  gint64              risk_id;
  gboolean            valid;

  GtkStringFilter    *filter;
  GtkFilterListModel *matches;

  GtkWidget          *menu_button;
  GtkWidget          *popover;
  GtkWidget          *search_entry;
  GtkWidget          *stack;
  GtkWidget          *empty_label;
  GtkListView        *list;
};

G_DEFINE_FINAL_TYPE (StwRiskChooserRow, stw_risk_chooser_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_RISK_ID,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static char *
risk_search_text (StwRisk *risk)
{
  if (risk == NULL)
    return NULL;

  return g_strdup_printf ("%s %s", stw_risk_get_ref (risk), stw_risk_get_title (risk));
}

static StwRisk *
find_risk (StwRiskChooserRow *self,
           gint64             risk_id)
{
  for (guint i = 0; self->risks != NULL && risk_id != 0 && i < g_list_model_get_n_items (self->risks); i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (self->risks, i);

      if (stw_risk_get_id (risk) == risk_id)
        return g_steal_pointer (&risk);
    }

  return NULL;
}

static void
update_display (StwRiskChooserRow *self)
{
  g_autoptr(StwRisk) risk = find_risk (self, self->risk_id);
  g_autofree char *text = NULL;
  gboolean valid = risk != NULL;

  if (risk != NULL)
    text = risk_search_text (risk);
  else if (self->risk_id != 0)
    text = g_strdup (_("This risk is no longer in the register"));
  else
    text = g_strdup (_("Choose the risk this item treats"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
update_page (StwRiskChooserRow *self)
{
  guint total = self->risks != NULL ? g_list_model_get_n_items (self->risks) : 0;
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->matches)) == 0;

  gtk_label_set_label (GTK_LABEL (self->empty_label),
                       total == 0 ? _("The register has no risks yet") : _("No risk matches"));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), empty ? "empty" : "list");
}

/* Callbacks */

static void
risks_changed_cb (StwRiskChooserRow *self)
{
  update_display (self);
  update_page (self);
}

static void
matches_changed_cb (StwRiskChooserRow *self)
{
  update_page (self);
}

static void
popover_shown_cb (StwRiskChooserRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  gtk_widget_grab_focus (self->search_entry);
}

static void
search_changed_cb (StwRiskChooserRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  gtk_string_filter_set_search (self->filter, text[0] != '\0' ? text : NULL);
}

static void
search_activated_cb (StwRiskChooserRow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0)
    _stw_risk_chooser_row_choose (self, 0);
}

static void
stop_search_cb (StwRiskChooserRow *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
list_activated_cb (StwRiskChooserRow *self,
                   guint              position)
{
  _stw_risk_chooser_row_choose (self, position);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *ref = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (ref), 0);
  gtk_label_set_width_chars (GTK_LABEL (ref), 6);
  gtk_widget_add_css_class (ref, "risk-ref");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);

  gtk_box_append (GTK_BOX (box), ref);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bound_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StwRiskChooserRow        *self)
{
  StwRisk *risk = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *ref = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (ref);
  GtkWidget *check = gtk_widget_get_next_sibling (title);
  gboolean chosen = stw_risk_get_id (risk) == self->risk_id;
  g_autofree char *name = NULL;

  gtk_label_set_label (GTK_LABEL (ref), stw_risk_get_ref (risk));
  gtk_label_set_label (GTK_LABEL (title), stw_risk_get_title (risk));
  gtk_widget_set_visible (check, chosen);

  if (chosen)
    /* Translators: the risk already chosen, in the risk chooser. */
    name = g_strdup_printf (_("%s %s, chosen"), stw_risk_get_ref (risk), stw_risk_get_title (risk));
  else
    name = risk_search_text (risk);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Overrides */

static void
stw_risk_chooser_row_dispose (GObject *object)
{
  StwRiskChooserRow *self = STW_RISK_CHOOSER_ROW (object);

  if (self->risks != NULL)
    g_signal_handlers_disconnect_by_func (self->risks, risks_changed_cb, self);
  if (self->matches != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->matches, matches_changed_cb, self);
      gtk_filter_list_model_set_model (self->matches, NULL);
    }
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  g_clear_object (&self->risks);
  g_clear_object (&self->workspace);
  g_clear_object (&self->matches);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (stw_risk_chooser_row_parent_class)->dispose (object);
}

static void
stw_risk_chooser_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StwRiskChooserRow *self = STW_RISK_CHOOSER_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_RISK_ID:
      g_value_set_int64 (value, self->risk_id);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_chooser_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StwRiskChooserRow *self = STW_RISK_CHOOSER_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_risk_chooser_row_set_workspace (self, g_value_get_object (value));
      break;

    case PROP_RISK_ID:
      stw_risk_chooser_row_set_risk_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_chooser_row_class_init (StwRiskChooserRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_risk_chooser_row_dispose;
  object_class->get_property = stw_risk_chooser_row_get_property;
  object_class->set_property = stw_risk_chooser_row_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RISK_ID] =
    g_param_spec_int64 ("risk-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_risk_chooser_row_init (StwRiskChooserRow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkExpression *expression;
  GtkWidget *box, *scroller;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Risk"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "risk-chooser-row");

  /* The list of the register, narrowed by reference or words of the
   * title as the person types. */
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (risk_search_text), NULL, NULL);
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->matches = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (self->matches, "items-changed", G_CALLBACK (matches_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->search_entry = gtk_search_entry_new ();
  /* The setter is newer than GTK 4.8; the property is not. */
  g_object_set (self->search_entry, "placeholder-text", _("Search by reference or title"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search risks"), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bound_cb), self, 0);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_object_ref (factory)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->matches)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Risks of the register"), -1);
  g_signal_connect_object (self->list, "activate", G_CALLBACK (list_activated_cb), self, G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));

  self->empty_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 24);
  gtk_widget_set_margin_bottom (self->empty_label, 24);

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), self->empty_label, "empty");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 360, -1);
  gtk_box_append (GTK_BOX (box), self->search_entry);
  gtk_box_append (GTK_BOX (box), self->stack);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_shown_cb), self, G_CONNECT_SWAPPED);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "pan-down-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Choose the risk"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the risk"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->menu_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->menu_button);

  update_display (self);
  update_page (self);
}

/* Public API */

GtkWidget *
stw_risk_chooser_row_new (void)
{
  return g_object_new (STW_TYPE_RISK_CHOOSER_ROW, NULL);
}

StwWorkspace *
stw_risk_chooser_row_get_workspace (StwRiskChooserRow *self)
{
  g_return_val_if_fail (STW_IS_RISK_CHOOSER_ROW (self), NULL);

  return self->workspace;
}

void
stw_risk_chooser_row_set_workspace (StwRiskChooserRow *self,
                                    StwWorkspace      *workspace)
{
  g_return_if_fail (STW_IS_RISK_CHOOSER_ROW (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->risks != NULL)
    g_signal_handlers_disconnect_by_func (self->risks, risks_changed_cb, self);
  g_clear_object (&self->risks);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      self->risks = g_object_ref (stw_workspace_get_risks (workspace));
      g_signal_connect_object (self->risks, "items-changed", G_CALLBACK (risks_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  gtk_filter_list_model_set_model (self->matches, self->risks);

  update_display (self);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

gint64
stw_risk_chooser_row_get_risk_id (StwRiskChooserRow *self)
{
  g_return_val_if_fail (STW_IS_RISK_CHOOSER_ROW (self), 0);

  return self->risk_id;
}

void
stw_risk_chooser_row_set_risk_id (StwRiskChooserRow *self,
                                  gint64             risk_id)
{
  g_return_if_fail (STW_IS_RISK_CHOOSER_ROW (self));
  g_return_if_fail (risk_id >= 0);

  if (self->risk_id == risk_id)
    return;

  self->risk_id = risk_id;
  update_display (self);
  /* Rebind the rows so the tick follows. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISK_ID]);
}

gboolean
stw_risk_chooser_row_get_valid (StwRiskChooserRow *self)
{
  g_return_val_if_fail (STW_IS_RISK_CHOOSER_ROW (self), FALSE);

  return self->valid;
}

void
_stw_risk_chooser_row_set_search (StwRiskChooserRow *self,
                                  const char        *text)
{
  g_return_if_fail (STW_IS_RISK_CHOOSER_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Not waiting for the entry's typing delay. */
  search_changed_cb (self);
}

GListModel *
_stw_risk_chooser_row_get_matches (StwRiskChooserRow *self)
{
  g_return_val_if_fail (STW_IS_RISK_CHOOSER_ROW (self), NULL);

  return G_LIST_MODEL (self->matches);
}

void
_stw_risk_chooser_row_choose (StwRiskChooserRow *self,
                              guint              position)
{
  g_autoptr(StwRisk) risk = NULL;

  g_return_if_fail (STW_IS_RISK_CHOOSER_ROW (self));

  risk = g_list_model_get_item (G_LIST_MODEL (self->matches), position);
  if (risk == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  stw_risk_chooser_row_set_risk_id (self, stw_risk_get_id (risk));
}
