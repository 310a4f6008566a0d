/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-search-page.c: the search results of the main window (see
 * stw-search-page.h).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "stw-a11y.h"
#include "stw-item-row.h"
#include "stw-records-store.h"
#include "stw-risk-register.h"
#include "stw-search-page.h"

/* Enough to pick from while typing; the entry narrows it further. */
#define SEARCH_LIMIT 50

struct _StwSearchPage
{
  GtkWidget    parent_instance;

  GListModel  *results;
  StwWorkspace *workspace;
  GtkSearchEntry *entry;
  gboolean     active;

  GtkStack    *search_stack;
  GtkListView *search_results_view;
  GtkListBox  *risk_results_list;
  GtkListBox  *records_results_list; /* objectives and KPIs found */
};

G_DEFINE_FINAL_TYPE (StwSearchPage, stw_search_page, GTK_TYPE_WIDGET)

enum {
  ITEM_ACTIVATED,
  RISK_ACTIVATED,
  RECORD_ACTIVATED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
show_results (StwSearchPage *self,
              GListModel    *results,
              const char    *page)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_set_object (&self->results, results);
  if (results != NULL)
    selection = gtk_no_selection_new (g_object_ref (results));
  gtk_list_view_set_model (self->search_results_view, GTK_SELECTION_MODEL (selection));
  if (page != NULL)
    gtk_stack_set_visible_child_name (self->search_stack, page);
}

/* The risks found, as rows naming the register and the risk's status. */
static guint
show_risks (StwSearchPage *self,
            GListModel    *risks)
{
  GtkWidget *child;
  guint n = risks != NULL ? g_list_model_get_n_items (risks) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->risk_results_list))) != NULL)
    gtk_list_box_remove (self->risk_results_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (risks, i);
      g_autofree char *title = g_strdup_printf ("%s  %s", stw_risk_get_ref (risk), stw_risk_get_title (risk));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: where a search result lives and its status:
       * "Risk register · Being treated". */
      subtitle = g_strdup_printf (_("%s · %s"), _("Risk register"), stw_risk_status_label (stw_risk_get_status (risk)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "stw-risk", g_object_ref (risk), g_object_unref);
      gtk_list_box_append (self->risk_results_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->risk_results_list), n > 0);
  return n;
}

static void
add_record_row (StwSearchPage *self,
                const char    *entity,
                gint64         id,
                const char    *ref,
                const char    *name,
                const char    *status)
{
  g_autofree char *title = g_strdup_printf ("%s  %s", ref, name);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: where a search result lives and its status:
   * "Objectives and KPIs · Not met". */
  subtitle = g_strdup_printf (_("%s · %s"), _("Objectives and KPIs"), status);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "stw-entity", (gpointer) entity);
  g_object_set_data_full (G_OBJECT (row), "stw-id", g_memdup2 (&id, sizeof id), g_free);
  gtk_list_box_append (self->records_results_list, row);
}

/* The objectives and KPIs found, as rows naming their page. */
static guint
show_records (StwSearchPage *self,
              GListModel    *objectives,
              GListModel    *kpis)
{
  GtkWidget *child;
  guint n_objectives = objectives != NULL ? g_list_model_get_n_items (objectives) : 0;
  guint n_kpis = kpis != NULL ? g_list_model_get_n_items (kpis) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->records_results_list))) != NULL)
    gtk_list_box_remove (self->records_results_list, child);
  for (guint i = 0; i < n_kpis; i++)
    {
      g_autoptr(StwKpi) kpi = g_list_model_get_item (kpis, i);

      add_record_row (self, "kpi", stw_kpi_get_id (kpi), stw_kpi_get_ref (kpi), stw_kpi_get_name (kpi),
                      stw_kpi_status_label (stw_kpi_get_status (kpi)));
    }
  for (guint i = 0; i < n_objectives; i++)
    {
      g_autoptr(StwObjective) objective = g_list_model_get_item (objectives, i);

      add_record_row (self, "objective", stw_objective_get_id (objective), stw_objective_get_ref (objective),
                      stw_objective_get_title (objective),
                      stw_objective_status_label (stw_objective_get_status (objective)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->records_results_list), n_objectives + n_kpis > 0);
  return n_objectives + n_kpis;
}

/* Shows what the workspace holds for the entry's text, best first: the
 * risks, the objectives and KPIs, then the items. */
static void
run_search (StwSearchPage *self)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) risks = NULL;
  g_autoptr(GListModel) objectives = NULL;
  g_autoptr(GListModel) kpis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  guint n_risks = 0;

  if (self->workspace != NULL && stripped[0] != '\0')
    {
      /* A reference typed in full comes first: the core ranks it so. */
      results = stw_workspace_search_items (self->workspace, stripped, SEARCH_LIMIT, &error);
      if (results != NULL)
        risks = stw_workspace_search_risks (self->workspace, stripped, SEARCH_LIMIT, &error);
      if (risks != NULL)
        objectives = stw_workspace_search_objectives (self->workspace, stripped, SEARCH_LIMIT, &error);
      if (objectives != NULL)
        kpis = stw_workspace_search_kpis (self->workspace, stripped, SEARCH_LIMIT, &error);
      if (results == NULL || risks == NULL || objectives == NULL || kpis == NULL)
        {
          g_autofree char *text = NULL;

          /* Translators: "what failed: why", e.g. "Could not save the item: disk full". */
          text = g_strdup_printf (_("%s: %s"), _("Could not search"), error->message);
          g_signal_emit (self, signals[ERROR], 0, text);
        }
    }
  n_risks = show_risks (self, risks);
  n_risks += show_records (self, objectives, kpis);

  if (stripped[0] == '\0')
    show_results (self, results, "start");
  else if (n_risks == 0 && (results == NULL || g_list_model_get_n_items (results) == 0))
    show_results (self, results, "none");
  else
    show_results (self, results, "results");
}

/* Callbacks */

static void
search_changed_cb (StwSearchPage *self)
{
  if (self->active)
    run_search (self);
}

static void
record_row_activated_cb (StwSearchPage *self,
                         GtkListBoxRow *row)
{
  const char *entity = g_object_get_data (G_OBJECT (row), "stw-entity");
  gint64 *id = g_object_get_data (G_OBJECT (row), "stw-id");

  if (entity != NULL && id != NULL)
    g_signal_emit (self, signals[RECORD_ACTIVATED], 0, entity, *id);
}

static void
risk_row_activated_cb (StwSearchPage *self,
                       GtkListBoxRow *row)
{
  StwRisk *risk = g_object_get_data (G_OBJECT (row), "stw-risk");

  if (risk != NULL)
    g_signal_emit (self, signals[RISK_ACTIVATED], 0, stw_risk_get_id (risk));
}

/* Enter goes to the best match: a risk, objective or KPI whose reference
 * was typed in full, or else the first item. */
static void
search_activated_cb (StwSearchPage *self)
{
  g_autoptr(StwItem) first = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *prefix = NULL;
  GtkListBoxRow *first_risk, *first_record;
  StwRisk *risk = NULL;
  gboolean no_items;

  /* The results may be a keystroke behind the entry's typing delay. */
  run_search (self);
  typed = g_strstrip (g_utf8_strup (gtk_editable_get_text (GTK_EDITABLE (self->entry)), -1));
  prefix = g_strconcat (typed, "  ", NULL);
  no_items = self->results == NULL || g_list_model_get_n_items (self->results) == 0;
  first_risk = gtk_list_box_get_row_at_index (self->risk_results_list, 0);
  first_record = gtk_list_box_get_row_at_index (self->records_results_list, 0);
  if (first_risk != NULL)
    risk = g_object_get_data (G_OBJECT (first_risk), "stw-risk");

  /* A reference typed in full first, of whichever kind; then the first
   * risk, objective or KPI when no item was found. */
  if (risk != NULL && g_strcmp0 (stw_risk_get_ref (risk), typed) == 0)
    {
      risk_row_activated_cb (self, first_risk);
      return;
    }
  if (first_record != NULL
      && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_record)), prefix))
    {
      record_row_activated_cb (self, first_record);
      return;
    }
  if (no_items && first_risk != NULL)
    {
      risk_row_activated_cb (self, first_risk);
      return;
    }
  if (no_items && first_record != NULL)
    {
      record_row_activated_cb (self, first_record);
      return;
    }
  if (self->results == NULL || g_list_model_get_n_items (self->results) == 0)
    return;

  first = g_list_model_get_item (self->results, 0);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, stw_item_get_id (first));
}

/* Down from the entry goes to the results, as in a search popover. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       StwSearchPage         *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0
      || self->results == NULL || g_list_model_get_n_items (self->results) == 0)
    return GDK_EVENT_PROPAGATE;

  return gtk_widget_child_focus (GTK_WIDGET (self->search_results_view), GTK_DIR_TAB_FORWARD);
}

static void
result_activated_cb (StwSearchPage *self,
                     guint          position)
{
  g_autoptr(StwItem) item = NULL;

  if (self->results == NULL)
    return;

  item = g_list_model_get_item (self->results, position);
  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, stw_item_get_id (item));
}

/* An item found, under the name of the workstream it lives in. */
static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StwSearchPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *where = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "search-where");
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), stw_item_row_new ());
  gtk_list_item_set_child (list_item, box);
}

static void
row_bound_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StwSearchPage            *self)
{
  g_autofree char *today = stw_date_today ();
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *where = gtk_widget_get_first_child (box);
  GtkWidget *row = gtk_widget_get_next_sibling (where);
  StwItem *item = gtk_list_item_get_item (list_item);
  StwWorkstream *stream = self->workspace != NULL
                          ? stw_workspace_find_workstream (self->workspace, stw_item_get_workstream_id (item))
                          : NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  gtk_label_set_label (GTK_LABEL (where), stream != NULL ? stw_workstream_get_name (stream) : "");
  stw_item_row_set_item (STW_ITEM_ROW (row), item, today);

  /* The list item is what a screen reader lands on; unnamed, it is read
   * as nothing. It says what the row says, and where the item lives. */
  name = stw_item_widget_dup_accessible_name (STW_ITEM_WIDGET (row));
  if (name != NULL && stream != NULL)
    /* Translators: a search result as a screen reader reads it: the item,
     * then its workstream ("T-001 Brief the board, Done, in ISMS tasks"). */
    label = g_strdup_printf (_("%s, in %s"), name, stw_workstream_get_name (stream));
  stw_a11y_label_wrapper (box, label != NULL ? label : name);
}

static void
row_unbound_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                StwSearchPage            *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  stw_item_row_set_item (STW_ITEM_ROW (gtk_widget_get_last_child (box)), NULL, NULL);
}

/* Overrides */

static void
stw_search_page_dispose (GObject *object)
{
  StwSearchPage *self = STW_SEARCH_PAGE (object);

  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_data (self->entry, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_SEARCH_PAGE);
  g_clear_object (&self->results);
  g_clear_object (&self->workspace);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (stw_search_page_parent_class)->dispose (object);
}

static void
stw_search_page_class_init (StwSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_search_page_dispose;

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[RISK_ACTIVATED] =
    g_signal_new ("risk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StwSearchPage, search_stack);
  gtk_widget_class_bind_template_child (widget_class, StwSearchPage, search_results_view);
  gtk_widget_class_bind_template_child (widget_class, StwSearchPage, risk_results_list);
  gtk_widget_class_bind_template_callback (widget_class, risk_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stw_search_page_init (StwSearchPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Objectives and KPIs found, below the risks. */
  self->records_results_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->records_results_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->records_results_list), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->records_results_list), "search-risks");
  gtk_widget_set_visible (GTK_WIDGET (self->records_results_list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->records_results_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Objectives and KPIs found"), -1);
  g_signal_connect_swapped (self->records_results_list, "row-activated", G_CALLBACK (record_row_activated_cb), self);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->risk_results_list))),
                              GTK_WIDGET (self->records_results_list), GTK_WIDGET (self->risk_results_list));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (row_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bound_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (row_unbound_cb), self, 0);
  gtk_list_view_set_factory (self->search_results_view, factory);
}

/* Public API */

GtkWidget *
stw_search_page_new (void)
{
  return g_object_new (STW_TYPE_SEARCH_PAGE, NULL);
}

void
stw_search_page_set_entry (StwSearchPage  *self,
                           GtkSearchEntry *entry)
{
  GtkEventController *key;

  g_return_if_fail (STW_IS_SEARCH_PAGE (self));
  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));
  g_return_if_fail (self->entry == NULL);

  self->entry = g_object_ref (entry);
  /* Results follow typing after a short pause, not every keystroke. */
  gtk_search_entry_set_search_delay (entry, 150);
  g_signal_connect_object (entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "activate", G_CALLBACK (search_activated_cb), self, G_CONNECT_SWAPPED);
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (search_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (entry), key);
}

void
stw_search_page_set_workspace (StwSearchPage *self,
                               StwWorkspace  *workspace)
{
  g_return_if_fail (STW_IS_SEARCH_PAGE (self));

  g_set_object (&self->workspace, workspace);
}

void
stw_search_page_set_active (StwSearchPage *self,
                            gboolean       active)
{
  g_return_if_fail (STW_IS_SEARCH_PAGE (self));

  self->active = active;
  if (active && self->entry != NULL)
    run_search (self);
  else if (!active)
    show_results (self, NULL, NULL);
}

GListModel *
stw_search_page_get_results (StwSearchPage *self)
{
  g_return_val_if_fail (STW_IS_SEARCH_PAGE (self), NULL);

  return self->results;
}
