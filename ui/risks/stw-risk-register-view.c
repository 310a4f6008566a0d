/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-register-view.c: the risk register page. The table shows the
 * core's live register model through a filter (needs treatment, review
 * overdue, heat map cell) and the column view's own sorter; the heat map
 * and the summary tiles are read again whenever the register changes.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "stw-a11y.h"
#include "stw-heat-map.h"
#include "stw-risk-register.h"
#include "stw-risk-register-view.h"

typedef enum {
  COLUMN_REF,
  COLUMN_TITLE,
  COLUMN_OWNER,
  COLUMN_INHERENT,
  COLUMN_RESIDUAL,
  COLUMN_TREATMENT,
  COLUMN_STATUS,
  COLUMN_REVIEW,
  COLUMN_ITEMS,
  N_COLUMNS
} Column;

struct _StwRiskRegisterView
{
  GtkWidget           parent_instance;

  StwWorkspace       *workspace;
  GListModel         *risks;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *today;

  gboolean            needs_treatment;
  gboolean            review_overdue;
  guint               cell_likelihood;
  guint               cell_impact;
  gboolean            cell_residual;

  StwHeatMap         *heat_map;
  GtkLabel           *open_count_label;
  GtkLabel           *open_caption_label;
  GtkLabel           *above_count_label;
  GtkLabel           *above_caption_label;
  GtkLabel           *flagged_count_label;
  GtkLabel           *flagged_caption_label;
  GtkWidget          *flagged_tile;
  GtkLabel           *overdue_count_label;
  GtkLabel           *overdue_caption_label;
  GtkWidget          *overdue_tile;
  GtkLabel           *threshold_label;
  GtkWidget          *reviews_box;
  GtkListBox         *reviews_list;
  GtkWidget          *cell_filter_button;
  GtkLabel           *cell_filter_label;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkScrolledWindow  *scroller;
  GtkBox             *overview;

  GtkColumnViewColumn *columns[N_COLUMNS];
  int                  fitted_width;
  guint                fit_source;
  guint                name_rows_source;
};

G_DEFINE_FINAL_TYPE (StwRiskRegisterView, stw_risk_register_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_NEEDS_TREATMENT,
  PROP_REVIEW_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RISK_ACTIVATED,
  NEW_RISK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reviews listed beside the heat map. */
#define N_REVIEWS_SHOWN 4

/* Below this width the summary goes under the heat map instead of beside
 * it (the heat map card is about 480 px, two tiles about 260). */
#define OVERVIEW_SIDE_BY_SIDE_WIDTH 780

/* The columns in the order they give way when the page is narrow: the last
 * hides first. Reference and title always stay; the title takes what is
 * left over. */
#define TITLE_MIN_WIDTH 180

static const Column column_priority[] = {
  COLUMN_REF, COLUMN_TITLE, COLUMN_INHERENT, COLUMN_RESIDUAL, COLUMN_STATUS,
  COLUMN_REVIEW, COLUMN_ITEMS, COLUMN_OWNER, COLUMN_TREATMENT,
};

/* Helpers */

static gboolean
review_is_overdue (StwRisk    *risk,
                   const char *today)
{
  const char *review = stw_risk_get_next_review (risk);

  return stw_risk_get_status (risk) != STW_RISK_CLOSED &&
         review != NULL && today != NULL && strcmp (review, today) < 0;
}

static int
compare_review_pointers (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  StwRisk *ra = *(StwRisk * const *) a;
  StwRisk *rb = *(StwRisk * const *) b;

  return g_strcmp0 (stw_risk_get_next_review (ra), stw_risk_get_next_review (rb));
}

static gboolean
risk_passes (gpointer item,
             gpointer user_data)
{
  StwRiskRegisterView *self = user_data;
  StwRisk *risk = item;

  if (self->needs_treatment && !stw_risk_get_flagged (risk))
    return FALSE;
  if (self->review_overdue && !review_is_overdue (risk, self->today))
    return FALSE;
  if (self->cell_likelihood != 0)
    {
      guint l = self->cell_residual ? stw_risk_get_residual_likelihood (risk) : stw_risk_get_likelihood (risk);
      guint i = self->cell_residual ? stw_risk_get_residual_impact (risk) : stw_risk_get_impact (risk);

      /* As the heat map counts: closed risks are not on it. */
      if (stw_risk_get_status (risk) == STW_RISK_CLOSED ||
          l != self->cell_likelihood || i != self->cell_impact)
        return FALSE;
    }

  return TRUE;
}

static gboolean
any_filter (StwRiskRegisterView *self)
{
  return self->needs_treatment || self->review_overdue || self->cell_likelihood != 0;
}

static void
update_page (StwRiskRegisterView *self)
{
  guint total = self->risks != NULL ? g_list_model_get_n_items (self->risks) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (any_filter (self))
    /* Translators: "3 of 10 risks" above the table. */
    count = g_strdup_printf (ngettext ("%u of %u risk", "%u of %u risks", total), shown, total);
  else
    count = g_strdup_printf (ngettext ("%u risk", "%u risks", total), total);
  gtk_label_set_label (self->count_label, total > 0 ? count : "");
}

static void
set_tile (GtkLabel   *count_label,
          GtkLabel   *caption_label,
          guint       count,
          const char *caption)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autofree char *name = g_strdup_printf ("%s: %u", caption, count);

  gtk_label_set_label (count_label, text);
  gtk_label_set_label (caption_label, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (count_label))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* And the flow box child around the tile, which a screen reader lands on. */
  stw_a11y_label_wrapper (gtk_widget_get_parent (GTK_WIDGET (count_label)), name);
}

static void
update_summary (StwRiskRegisterView *self)
{
  guint threshold = self->workspace != NULL ? stw_workspace_get_risk_threshold (self->workspace) : 25;
  guint n_open = 0, n_above = 0, n_flagged = 0, n_overdue = 0;
  g_autofree char *above = NULL;
  g_autofree char *explanation = NULL;

  for (guint i = 0; self->risks != NULL && i < g_list_model_get_n_items (self->risks); i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (self->risks, i);

      if (stw_risk_get_status (risk) == STW_RISK_CLOSED)
        continue;
      n_open++;
      if (stw_risk_get_score (risk) > threshold)
        n_above++;
      if (stw_risk_get_flagged (risk))
        n_flagged++;
      if (review_is_overdue (risk, self->today))
        n_overdue++;
    }

  set_tile (self->open_count_label, self->open_caption_label, n_open,
            ngettext ("Open risk", "Open risks", n_open));
  /* Translators: a summary tile; %u is the acceptance threshold. */
  above = g_strdup_printf (_("Scoring above %u"), threshold);
  set_tile (self->above_count_label, self->above_caption_label, n_above, above);
  set_tile (self->flagged_count_label, self->flagged_caption_label, n_flagged,
            ngettext ("Needs treatment", "Need treatment", n_flagged));
  set_tile (self->overdue_count_label, self->overdue_caption_label, n_overdue,
            ngettext ("Review overdue", "Reviews overdue", n_overdue));
  if (n_flagged > 0)
    gtk_widget_add_css_class (self->flagged_tile, "alert");
  else
    gtk_widget_remove_css_class (self->flagged_tile, "alert");
  if (n_overdue > 0)
    gtk_widget_add_css_class (self->overdue_tile, "warning");
  else
    gtk_widget_remove_css_class (self->overdue_tile, "warning");

  explanation = g_strdup_printf (_("The acceptance threshold is %u: a risk scoring above it needs at least one "
                                   "treatment item."), threshold);
  gtk_label_set_label (self->threshold_label, explanation);
}

/* The few reviews that come next (overdue ones first), so the page says
 * what to look at without sorting the table. */
static void
update_reviews (StwRiskRegisterView *self)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reviews_list))) != NULL)
    gtk_list_box_remove (self->reviews_list, child);

  for (guint i = 0; self->risks != NULL && i < g_list_model_get_n_items (self->risks); i++)
    {
      StwRisk *risk = g_list_model_get_item (self->risks, i);

      if (stw_risk_get_status (risk) != STW_RISK_CLOSED && stw_risk_get_next_review (risk) != NULL)
        g_ptr_array_add (due, risk);
      else
        g_object_unref (risk);
    }
  g_ptr_array_sort_with_data (due, compare_review_pointers, NULL);

  for (guint i = 0; i < MIN (due->len, N_REVIEWS_SHOWN); i++)
    {
      StwRisk *risk = g_ptr_array_index (due, i);
      gboolean overdue = review_is_overdue (risk, self->today);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *date = gtk_label_new (stw_risk_get_next_review (risk));
      g_autofree char *title = g_strdup_printf ("%s  %s", stw_risk_get_ref (risk), stw_risk_get_title (risk));
      g_autofree char *name = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      gtk_widget_set_tooltip_text (row, title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (date, "numeric");
      if (overdue)
        {
          GtkWidget *badge = gtk_label_new (_("Overdue"));

          gtk_widget_add_css_class (badge, "overdue-badge");
          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
          gtk_widget_add_css_class (date, "overdue");
          /* Translators: a review row's name: "R-003 Title, review overdue since 2026-03-01". */
          name = g_strdup_printf (_("%s, review overdue since %s"), title, stw_risk_get_next_review (risk));
        }
      else
        /* Translators: a review row's name: "R-003 Title, review on 2026-05-19". */
        name = g_strdup_printf (_("%s, review on %s"), title, stw_risk_get_next_review (risk));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), date);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (row), "risk-id", GSIZE_TO_POINTER (stw_risk_get_id (risk)));
      gtk_list_box_append (self->reviews_list, row);
    }

  gtk_widget_set_visible (self->reviews_box, due->len > 0);
}

static void
update_cell_filter (StwRiskRegisterView *self)
{
  gboolean on = self->cell_likelihood != 0;

  gtk_widget_set_visible (self->cell_filter_button, on);
  if (on)
    {
      g_autofree char *label = NULL;
      g_autofree char *name = NULL;

      label = g_strdup_printf (self->cell_residual
                               /* Translators: the heat map cell the table is filtered to. */
                               ? _("Residual: likelihood %u × impact %u")
                               : _("Inherent: likelihood %u × impact %u"),
                               self->cell_likelihood, self->cell_impact);
      gtk_label_set_label (self->cell_filter_label, label);
      /* Translators: the button that removes the heat map cell filter. */
      name = g_strdup_printf (_("Remove filter %s"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->cell_filter_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }

  stw_heat_map_set_selected (self->heat_map, self->cell_likelihood, self->cell_impact);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.clear-cell", on);
}

static void
refilter (StwRiskRegisterView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.clear-filters", any_filter (self));
  update_page (self);
}

static void
refresh_today (StwRiskRegisterView *self)
{
  g_free (self->today);
  self->today = stw_date_today ();
}

/* Sorting */

static int
compare_refs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const char *ra = stw_risk_get_ref ((StwRisk *) a);
  const char *rb = stw_risk_get_ref ((StwRisk *) b);
  size_t la = ra != NULL ? strlen (ra) : 0;
  size_t lb = rb != NULL ? strlen (rb) : 0;

  /* R-9 before R-10, as the register numbers them. */
  if (la != lb)
    return la < lb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  return gtk_ordering_from_cmpfunc (g_strcmp0 (ra, rb));
}

static int
compare_reviews (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *da = stw_risk_get_next_review ((StwRisk *) a);
  const char *db = stw_risk_get_next_review ((StwRisk *) b);

  /* Undated last. */
  if ((da == NULL) != (db == NULL))
    return da == NULL ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;

  return gtk_ordering_from_cmpfunc (g_strcmp0 (da, db));
}

static GtkSorter *
new_sorter (Column column)
{
  switch (column)
    {
    case COLUMN_REF:
      return GTK_SORTER (gtk_custom_sorter_new (compare_refs, NULL, NULL));
    case COLUMN_TITLE:
      return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (STW_TYPE_RISK, NULL, "title")));
    case COLUMN_OWNER:
      return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (STW_TYPE_RISK, NULL, "owner-name")));
    case COLUMN_INHERENT:
      return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (STW_TYPE_RISK, NULL, "score")));
    case COLUMN_RESIDUAL:
      return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (STW_TYPE_RISK, NULL,
                                                                              "residual-score")));
    case COLUMN_REVIEW:
      return GTK_SORTER (gtk_custom_sorter_new (compare_reviews, NULL, NULL));
    case COLUMN_ITEMS:
      return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (STW_TYPE_RISK, NULL,
                                                                              "treatment-count")));
    case COLUMN_TREATMENT:
    case COLUMN_STATUS:
    case N_COLUMNS:
    default:
      return NULL;
    }
}

/* Cells */

static GtkWidget *
new_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static GtkWidget *
new_score_badge (void)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "risk-score");
  return badge;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child = NULL;

  switch (column)
    {
    case COLUMN_REF:
      child = new_cell_label ();
      gtk_widget_add_css_class (child, "risk-ref");
      break;

    case COLUMN_TITLE:
      {
        GtkWidget *title = new_cell_label ();
        GtkWidget *flag = gtk_label_new (_("Needs treatment"));

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
        gtk_widget_set_hexpand (title, TRUE);
        gtk_widget_add_css_class (title, "risk-title");
        gtk_widget_add_css_class (flag, "risk-flag");
        gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (flag, _("Above the acceptance threshold and no treatment item yet"));
        gtk_box_append (GTK_BOX (child), title);
        gtk_box_append (GTK_BOX (child), flag);
      }
      break;

    case COLUMN_INHERENT:
    case COLUMN_RESIDUAL:
      child = new_score_badge ();
      break;

    case COLUMN_REVIEW:
      {
        GtkWidget *date = gtk_label_new (NULL);
        GtkWidget *badge = gtk_label_new (_("Overdue"));

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_widget_add_css_class (date, "numeric");
        gtk_widget_add_css_class (badge, "overdue-badge");
        gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
        gtk_box_append (GTK_BOX (child), date);
        gtk_box_append (GTK_BOX (child), badge);
      }
      break;

    case COLUMN_OWNER:
    case COLUMN_TREATMENT:
    case COLUMN_STATUS:
    case COLUMN_ITEMS:
    case N_COLUMNS:
    default:
      child = new_cell_label ();
      break;
    }

  gtk_list_item_set_child (list_item, child);
}

/* Returns the score's spoken name. */
static char *
bind_score (GtkWidget *badge,
            guint      likelihood,
            guint      impact)
{
  guint score = likelihood * impact;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  char *name = NULL;

  stw_widget_set_risk_level (badge, score);
  if (score == 0)
    {
      gtk_label_set_label (GTK_LABEL (badge), "—");
      gtk_widget_add_css_class (badge, "unassessed");
      gtk_widget_set_tooltip_text (badge, _("Not assessed"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not assessed"), -1);
      return g_strdup (_("Not assessed"));
    }

  gtk_widget_remove_css_class (badge, "unassessed");
  text = g_strdup_printf ("%u", score);
  gtk_label_set_label (GTK_LABEL (badge), text);
  /* Translators: a score's tooltip: "Likely × Major: High". */
  tooltip = g_strdup_printf (_("%s × %s: %s"), stw_likelihood_label (likelihood), stw_impact_label (impact),
                             stw_risk_level_label (stw_risk_level_for_score (score)));
  gtk_widget_set_tooltip_text (badge, tooltip);
  /* Translators: a score's accessible name: "16, Very high". */
  name = g_strdup_printf (_("%u, %s"), score, stw_risk_level_label (stw_risk_level_for_score (score)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return name;
}

/* Each row of the table reads as the risk it shows ("R-001 Title"),
 * from its first two cells' names. */
static gboolean
name_rows_idle_cb (gpointer user_data)
{
  StwRiskRegisterView *self = user_data;

  self->name_rows_source = 0;
  for (GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       list != NULL;
       list = gtk_widget_get_next_sibling (list))
    {
      if (!GTK_IS_LIST_VIEW (list))
        continue;
      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *ref_cell = gtk_widget_get_first_child (row);
          GtkWidget *ref = ref_cell != NULL ? gtk_widget_get_first_child (ref_cell) : NULL;

          if (ref != NULL)
            stw_a11y_label_wrapper (ref_cell, g_object_get_data (G_OBJECT (ref), "stw-row-name"));
        }
    }
  return G_SOURCE_REMOVE;
}

static void
cell_bound_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               StwRiskRegisterView      *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child = gtk_list_item_get_child (list_item);
  StwRisk *risk = gtk_list_item_get_item (list_item);
  g_autofree char *name = NULL;

  switch (column)
    {
    case COLUMN_REF:
      gtk_label_set_label (GTK_LABEL (child), stw_risk_get_ref (risk));
      name = g_strdup (stw_risk_get_ref (risk));
      break;

    case COLUMN_TITLE:
      {
        GtkWidget *title = gtk_widget_get_first_child (child);
        GtkWidget *flag = gtk_widget_get_next_sibling (title);

        gtk_label_set_label (GTK_LABEL (title), stw_risk_get_title (risk));
        gtk_widget_set_tooltip_text (title, stw_risk_get_title (risk));
        gtk_widget_set_visible (flag, stw_risk_get_flagged (risk));
        if (stw_risk_get_flagged (risk))
          name = g_strdup_printf ("%s, %s", stw_risk_get_title (risk), gtk_label_get_text (GTK_LABEL (flag)));
        else
          name = g_strdup (stw_risk_get_title (risk));
      }
      break;

    case COLUMN_OWNER:
      {
        const char *owner = stw_risk_get_owner_name (risk);

        gtk_label_set_label (GTK_LABEL (child), owner != NULL ? owner : _("No owner"));
        if (owner != NULL)
          gtk_widget_remove_css_class (child, "dim-label");
        else
          gtk_widget_add_css_class (child, "dim-label");
      }
      break;

    case COLUMN_INHERENT:
      name = bind_score (child, stw_risk_get_likelihood (risk), stw_risk_get_impact (risk));
      break;

    case COLUMN_RESIDUAL:
      name = bind_score (child, stw_risk_get_residual_likelihood (risk), stw_risk_get_residual_impact (risk));
      break;

    case COLUMN_TREATMENT:
      gtk_label_set_label (GTK_LABEL (child), stw_treatment_label (stw_risk_get_treatment (risk)));
      break;

    case COLUMN_STATUS:
      gtk_label_set_label (GTK_LABEL (child), stw_risk_status_label (stw_risk_get_status (risk)));
      break;

    case COLUMN_REVIEW:
      {
        GtkWidget *date = gtk_widget_get_first_child (child);
        GtkWidget *badge = gtk_widget_get_next_sibling (date);
        const char *review = stw_risk_get_next_review (risk);
        gboolean overdue = review_is_overdue (risk, self->today);

        gtk_label_set_label (GTK_LABEL (date), review != NULL ? review : _("Not planned"));
        if (review == NULL)
          gtk_widget_add_css_class (date, "dim-label");
        else
          gtk_widget_remove_css_class (date, "dim-label");
        if (overdue)
          gtk_widget_add_css_class (date, "overdue");
        else
          gtk_widget_remove_css_class (date, "overdue");
        gtk_widget_set_visible (badge, overdue);
        if (overdue)
          name = g_strdup_printf ("%s, %s", gtk_label_get_text (GTK_LABEL (date)), gtk_label_get_text (GTK_LABEL (badge)));
        else
          name = g_strdup (gtk_label_get_text (GTK_LABEL (date)));
      }
      break;

    case COLUMN_ITEMS:
      {
        guint n = stw_risk_get_treatment_count (risk);
        guint n_open = stw_risk_get_open_treatment_count (risk);
        g_autofree char *text = NULL;

        if (n > 0)
          /* Translators: a risk's treatment items, "1 of 2 open". */
          text = g_strdup_printf (ngettext ("%u of %u open", "%u of %u open", n), n_open, n);
        gtk_label_set_label (GTK_LABEL (child), n > 0 ? text : _("None"));
        if (n > 0)
          gtk_widget_remove_css_class (child, "dim-label");
        else
          gtk_widget_add_css_class (child, "dim-label");
      }
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* GTK 4.8 reads an unnamed cell and row by their class names
   * ("GtkColumnViewCell", "GtkListItemWidget"): the cell says what it
   * shows, the row which risk it is. */
  if (name == NULL && GTK_IS_LABEL (child))
    name = g_strdup (gtk_label_get_text (GTK_LABEL (child)));
  stw_a11y_label_wrapper (child, name);
  if (column == COLUMN_REF || column == COLUMN_TITLE)
    {
      char *row_name = g_strdup_printf ("%s %s", stw_risk_get_ref (risk), stw_risk_get_title (risk));
      GtkWidget *cell = gtk_widget_get_parent (child);

      g_object_set_data_full (G_OBJECT (child), "stw-row-name", row_name, g_free);

      if (cell != NULL)
        stw_a11y_label_wrapper (cell, row_name);
      /* The cell is put in its row after it is bound: the rows are named
       * once they are all made. */
      if (self->name_rows_source == 0)
        self->name_rows_source = g_idle_add_full (G_PRIORITY_LOW, name_rows_idle_cb, self, NULL);
    }
}

static void
add_column (StwRiskRegisterView *self,
            Column               column,
            const char          *title,
            gboolean             expand,
            int                  fixed_width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = new_sorter (column);

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bound_cb), self, 0);

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
}

/* Shows the columns that fit in @width, most important first, gives the
 * title what is left, and puts the summary beside the heat map only when
 * both fit. The title's width is set here rather than left to the column's
 * "expand": in a page that scrolls as a whole, GTK 4.8 gives the table its
 * least width, not the page's. */
static void
fit_to_width (StwRiskRegisterView *self,
              int                  width)
{
  int used = TITLE_MIN_WIDTH;
  gboolean fits = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (column_priority); i++)
    {
      GtkColumnViewColumn *column = self->columns[column_priority[i]];
      int column_width;

      if (column_priority[i] == COLUMN_TITLE)
        continue;
      column_width = gtk_column_view_column_get_fixed_width (column);
      /* Once one column gives way, every less important one does too. */
      fits = fits && (column_priority[i] == COLUMN_REF || used + column_width <= width);
      if (fits)
        used += column_width;
      gtk_column_view_column_set_visible (column, fits);
    }
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_TITLE],
                                          TITLE_MIN_WIDTH + MAX (width - used, 0));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->overview),
                                  width >= OVERVIEW_SIDE_BY_SIDE_WIDTH
                                  ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  self->fitted_width = width;
}

static gboolean
fit_idle_cb (gpointer user_data)
{
  StwRiskRegisterView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);

  self->fit_source = 0;
  fit_to_width (self, (int) gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

/* The page's width is known only once it is allocated; changing columns
 * from inside the allocation would resize in the middle of it, so the fit
 * waits for the main loop. */
static void
page_width_changed_cb (StwRiskRegisterView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  int width = (int) gtk_adjustment_get_page_size (adjustment);

  if (width <= 0 || width == self->fitted_width || self->fit_source != 0)
    return;
  self->fit_source = g_idle_add (fit_idle_cb, self);
}

/* Callbacks */

static void
risks_changed_cb (StwRiskRegisterView *self)
{
  refresh_today (self);
  update_summary (self);
  update_reviews (self);
  update_page (self);
}

static void
filtered_changed_cb (StwRiskRegisterView *self)
{
  update_page (self);
}

static void
cell_activated_cb (StwRiskRegisterView *self,
                   guint                likelihood,
                   guint                impact)
{
  /* The chosen cell again lets go of it. */
  if (likelihood == self->cell_likelihood && impact == self->cell_impact)
    stw_risk_register_view_set_cell (self, 0, 0);
  else
    stw_risk_register_view_set_cell (self, likelihood, impact);
}

static void
heat_map_mode_changed_cb (StwRiskRegisterView *self)
{
  /* A cell of the other side is another set of risks. */
  if (self->cell_likelihood != 0 && self->cell_residual != stw_heat_map_get_residual (self->heat_map))
    stw_risk_register_view_set_cell (self, 0, 0);
}

static void
row_activated_cb (StwRiskRegisterView *self,
                  guint                position)
{
  g_autoptr(StwRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (risk != NULL)
    g_signal_emit (self, signals[RISK_ACTIVATED], 0, stw_risk_get_id (risk));
}

static void
review_row_activated_cb (StwRiskRegisterView *self,
                         GtkListBoxRow       *row)
{
  gint64 risk_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "risk-id"));

  g_signal_emit (self, signals[RISK_ACTIVATED], 0, risk_id);
}

static void
new_risk_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[NEW_RISK_REQUESTED], 0);
}

static void
clear_cell_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  stw_risk_register_view_set_cell (STW_RISK_REGISTER_VIEW (widget), 0, 0);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  stw_risk_register_view_clear_filters (STW_RISK_REGISTER_VIEW (widget));
}

static void
disconnect_workspace (StwRiskRegisterView *self)
{
  if (self->risks != NULL)
    g_signal_handlers_disconnect_by_func (self->risks, risks_changed_cb, self);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, risks_changed_cb, self);
  if (self->filtered != NULL)
    gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_object (&self->risks);
  g_clear_object (&self->workspace);
}

/* Overrides */

static void
stw_risk_register_view_dispose (GObject *object)
{
  StwRiskRegisterView *self = STW_RISK_REGISTER_VIEW (object);
  GtkWidget *child;

  disconnect_workspace (self);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  g_clear_handle_id (&self->name_rows_source, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_RISK_REGISTER_VIEW);
  /* Children without an id in the template are not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (stw_risk_register_view_parent_class)->dispose (object);
}

static void
stw_risk_register_view_finalize (GObject *object)
{
  StwRiskRegisterView *self = STW_RISK_REGISTER_VIEW (object);

  g_free (self->today);

  G_OBJECT_CLASS (stw_risk_register_view_parent_class)->finalize (object);
}

static void
stw_risk_register_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StwRiskRegisterView *self = STW_RISK_REGISTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_NEEDS_TREATMENT:
      g_value_set_boolean (value, self->needs_treatment);
      break;

    case PROP_REVIEW_OVERDUE:
      g_value_set_boolean (value, self->review_overdue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_register_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StwRiskRegisterView *self = STW_RISK_REGISTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      stw_risk_register_view_set_workspace (self, g_value_get_object (value));
      break;

    case PROP_NEEDS_TREATMENT:
      stw_risk_register_view_set_needs_treatment (self, g_value_get_boolean (value));
      break;

    case PROP_REVIEW_OVERDUE:
      stw_risk_register_view_set_review_overdue (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_risk_register_view_class_init (StwRiskRegisterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_risk_register_view_dispose;
  object_class->finalize = stw_risk_register_view_finalize;
  object_class->get_property = stw_risk_register_view_get_property;
  object_class->set_property = stw_risk_register_view_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_TREATMENT] =
    g_param_spec_boolean ("needs-treatment", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_OVERDUE] =
    g_param_spec_boolean ("review-overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RISK_ACTIVATED] =
    g_signal_new ("risk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[NEW_RISK_REQUESTED] =
    g_signal_new ("new-risk-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (STW_TYPE_HEAT_MAP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/isms_steward/Steward/stw-risk-register-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, heat_map);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, open_count_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, open_caption_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, above_count_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, above_caption_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, flagged_count_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, flagged_caption_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, flagged_tile);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, overdue_count_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, overdue_caption_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, overdue_tile);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, threshold_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, reviews_box);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, cell_filter_button);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, cell_filter_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, count_label);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, stack);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, column_view);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, scroller);
  gtk_widget_class_bind_template_child (widget_class, StwRiskRegisterView, overview);
  gtk_widget_class_bind_template_callback (widget_class, cell_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, heat_map_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "risks.new-risk", NULL, new_risk_activated);
  gtk_widget_class_install_action (widget_class, "risks.clear-cell", NULL, clear_cell_activated);
  gtk_widget_class_install_action (widget_class, "risks.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_property_action (widget_class, "risks.needs-treatment", "needs-treatment");
  gtk_widget_class_install_property_action (widget_class, "risks.review-overdue", "review-overdue");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "riskregister");
}

static void
stw_risk_register_view_init (StwRiskRegisterView *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The title takes whatever the shown columns leave, at least
   * TITLE_MIN_WIDTH (see fit_to_width). */
  add_column (self, COLUMN_REF, _("Ref"), FALSE, 76);
  add_column (self, COLUMN_TITLE, _("Risk"), TRUE, TITLE_MIN_WIDTH);
  add_column (self, COLUMN_OWNER, _("Owner"), FALSE, 140);
  add_column (self, COLUMN_INHERENT, _("Inherent"), FALSE, 76);
  add_column (self, COLUMN_RESIDUAL, _("Residual"), FALSE, 76);
  add_column (self, COLUMN_TREATMENT, _("Treatment"), FALSE, 100);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE, 120);
  add_column (self, COLUMN_REVIEW, _("Next review"), FALSE, 140);
  add_column (self, COLUMN_ITEMS, _("Treatment items"), FALSE, 120);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (page_width_changed_cb), self, G_CONNECT_SWAPPED);
  /* The column view's own list of rows is read as the table is, not as
   * "GtkColumnListView". */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risks"), -1);

  self->filter = gtk_custom_filter_new (risk_passes, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (filtered_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  refresh_today (self);
  update_summary (self);
  update_reviews (self);
  update_cell_filter (self);
  refilter (self);
}

/* Public API */

GtkWidget *
stw_risk_register_view_new (void)
{
  return g_object_new (STW_TYPE_RISK_REGISTER_VIEW, NULL);
}

StwWorkspace *
stw_risk_register_view_get_workspace (StwRiskRegisterView *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_VIEW (self), NULL);

  return self->workspace;
}

void
stw_risk_register_view_set_workspace (StwRiskRegisterView *self,
                                      StwWorkspace        *workspace)
{
  g_return_if_fail (STW_IS_RISK_REGISTER_VIEW (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  disconnect_workspace (self);
  if (workspace != NULL)
    self->workspace = g_object_ref (workspace);

  if (workspace != NULL)
    {
      self->risks = g_object_ref (stw_workspace_get_risks (workspace));
      g_signal_connect_object (self->risks, "items-changed", G_CALLBACK (risks_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (workspace, "organisation-changed", G_CALLBACK (risks_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  if (self->heat_map != NULL)
    stw_heat_map_set_workspace (self->heat_map, workspace);

  self->cell_likelihood = self->cell_impact = 0;
  refresh_today (self);
  gtk_filter_list_model_set_model (self->filtered, self->risks);
  update_summary (self);
  update_reviews (self);
  update_cell_filter (self);
  refilter (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

void
stw_risk_register_view_select_risk (StwRiskRegisterView *self,
                                    gint64               risk_id)
{
  guint n;

  g_return_if_fail (STW_IS_RISK_REGISTER_VIEW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; risk_id != 0 && i < n; i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (stw_risk_get_id (risk) == risk_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

gint64
stw_risk_register_view_get_selected_risk (StwRiskRegisterView *self)
{
  StwRisk *risk;

  g_return_val_if_fail (STW_IS_RISK_REGISTER_VIEW (self), 0);

  risk = gtk_single_selection_get_selected_item (self->selection);

  return risk != NULL ? stw_risk_get_id (risk) : 0;
}

gboolean
stw_risk_register_view_get_needs_treatment (StwRiskRegisterView *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_VIEW (self), FALSE);

  return self->needs_treatment;
}

void
stw_risk_register_view_set_needs_treatment (StwRiskRegisterView *self,
                                            gboolean             needs_treatment)
{
  g_return_if_fail (STW_IS_RISK_REGISTER_VIEW (self));

  needs_treatment = !!needs_treatment;
  if (self->needs_treatment == needs_treatment)
    return;

  self->needs_treatment = needs_treatment;
  refilter (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_TREATMENT]);
}

gboolean
stw_risk_register_view_get_review_overdue (StwRiskRegisterView *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_VIEW (self), FALSE);

  return self->review_overdue;
}

void
stw_risk_register_view_set_review_overdue (StwRiskRegisterView *self,
                                           gboolean             review_overdue)
{
  g_return_if_fail (STW_IS_RISK_REGISTER_VIEW (self));

  review_overdue = !!review_overdue;
  if (self->review_overdue == review_overdue)
    return;

  self->review_overdue = review_overdue;
  refilter (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_OVERDUE]);
}

void
stw_risk_register_view_set_cell (StwRiskRegisterView *self,
                                 guint                likelihood,
                                 guint                impact)
{
  g_return_if_fail (STW_IS_RISK_REGISTER_VIEW (self));
  g_return_if_fail (likelihood <= 5 && impact <= 5);

  if (likelihood == 0 || impact == 0)
    likelihood = impact = 0;

  self->cell_likelihood = likelihood;
  self->cell_impact = impact;
  self->cell_residual = stw_heat_map_get_residual (self->heat_map);
  update_cell_filter (self);
  refilter (self);
}

void
stw_risk_register_view_get_cell (StwRiskRegisterView *self,
                                 guint               *likelihood,
                                 guint               *impact)
{
  g_return_if_fail (STW_IS_RISK_REGISTER_VIEW (self));

  if (likelihood != NULL)
    *likelihood = self->cell_likelihood;
  if (impact != NULL)
    *impact = self->cell_impact;
}

void
stw_risk_register_view_clear_filters (StwRiskRegisterView *self)
{
  g_return_if_fail (STW_IS_RISK_REGISTER_VIEW (self));

  stw_risk_register_view_set_needs_treatment (self, FALSE);
  stw_risk_register_view_set_review_overdue (self, FALSE);
  stw_risk_register_view_set_cell (self, 0, 0);
}

StwHeatMap *
stw_risk_register_view_get_heat_map (StwRiskRegisterView *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_VIEW (self), NULL);

  return self->heat_map;
}

GListModel *
_stw_risk_register_view_get_rows (StwRiskRegisterView *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

GtkColumnView *
_stw_risk_register_view_get_table (StwRiskRegisterView *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_VIEW (self), NULL);

  return self->column_view;
}

const char *
_stw_risk_register_view_get_page (StwRiskRegisterView *self)
{
  g_return_val_if_fail (STW_IS_RISK_REGISTER_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
