/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-list-view.c: the List view of a workstream. The rows come from an
 * StwItemModel, which does the sorting and filtering in SQL and loads rows
 * lazily, so the view stays quick with tens of thousands of items. The
 * toolbar changes the model's filter in place (for the corrective action
 * log also by classification and source); the action bar applies one
 * status or owner to every selected row in a single transaction, undone as
 * one change. The empty operational plan offers the template plan.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-closing.h"
#include "stw-closure-dialog.h"
#include "stw-corrective-filter.h"
#include "stw-item-row.h"
#include "stw-list-view.h"

struct _StwListView
{
  GtkWidget           parent_instance;

  StwWorkspace       *workspace;
  StwUndoStack       *undo;
  GListModel         *items;          /* StwItemModel */
  GtkMultiSelection  *selection;
  StwItemFilter       filter;
  GArray             *owner_ids;      /* gint64 per row of owner_names; 0 anyone, -1 nobody */
  GCancellable       *closing;        /* the closure-note dialog of a bulk change */
  gint64              scroll_to_id;   /* item to bring to the top once allocated */
  guint               scroll_tick;
  guint               scroll_frames;  /* frames seen since scroll_to_id was set */
  guint               syncing;

  GtkMenuButton      *sort_button;
  GtkImage           *sort_icon;
  GtkLabel           *sort_label;
  GtkMenuButton      *filter_button;
  GtkLabel           *filter_label;
  StwCorrectiveFilter *corrective_filter;
  GtkBox             *status_checks;
  GtkCheckButton     *status_check[STW_N_STATUSES];
  GtkDropDown        *owner_dropdown;
  GtkStringList      *owner_names;
  GtkCheckButton     *due_soon_check;
  GtkLabel           *summary_label;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled;
  GtkListView        *list;
  GtkWidget          *template_button;
  GtkWidget          *new_item_button;
  GtkActionBar       *action_bar;
  GtkLabel           *selected_label;
  GtkMenuButton      *status_button;
  GtkMenuButton      *owner_button;
};

G_DEFINE_FINAL_TYPE (StwListView, stw_list_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SORT,
  PROP_DESCENDING,
  PROP_OVERDUE,
  PROP_DUE_SOON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEM_ACTIVATED,
  ITEM_SELECTED,
  CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  StwItemSort  sort;
  const char  *key;
  const char  *label;
} sorts[] = {
  { STW_ITEM_SORT_DUE,      "due",      N_("Due date") },
  { STW_ITEM_SORT_STATUS,   "status",   N_("Status") },
  { STW_ITEM_SORT_OWNER,    "owner",    N_("Owner") },
  { STW_ITEM_SORT_REF,      "ref",      N_("Reference") },
  { STW_ITEM_SORT_PRIORITY, "priority", N_("Priority") },
};

/* Helpers */

static const char *
sort_to_key (StwItemSort sort)
{
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (sorts[i].sort == sort)
      return sorts[i].key;

  return "due";
}

static void
emit_error (StwListView  *self,
            const char   *what,
            const GError *error)
{
  g_autofree char *text = NULL;

  /* Translators: "what failed: why". */
  text = g_strdup_printf (_("%s: %s"), what, error->message);
  g_signal_emit (self, signals[ERROR], 0, text);
}

static gboolean
filter_is_narrowed (const StwItemFilter *filter)
{
  return filter->statuses != 0 || filter->owner_id != 0
    || filter->overdue || filter->due_within_days != 0
    || filter->ca_classifications != 0 || filter->ca_sources != 0;
}

static StwWorkstreamKind
workstream_kind (StwListView *self)
{
  StwWorkstream *workstream = NULL;

  if (self->workspace != NULL && self->filter.workstream_id != 0)
    workstream = stw_workspace_find_workstream (self->workspace, self->filter.workstream_id);

  return workstream != NULL ? stw_workstream_get_kind (workstream) : STW_WORKSTREAM_CUSTOM;
}

static guint
n_selected (StwListView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (self->selection == NULL)
    return 0;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (selected);
}

/* The selected items as stored now, in list order. */
static GPtrArray *
dup_selected_items (StwListView *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->selection == NULL)
    return items;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      StwItem *item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  return items;
}

static void
update_sort_button (StwListView *self)
{
  const char *label = _("Due date");

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (sorts[i].sort == self->filter.sort)
      label = _(sorts[i].label);

  gtk_label_set_label (self->sort_label, label);
  gtk_image_set_from_icon_name (self->sort_icon,
                                self->filter.descending ? "view-sort-descending-symbolic"
                                                        : "view-sort-ascending-symbolic");
}

/* Says in words what the filters hide, next to the buttons that set them. */
static void
update_filter_summary (StwListView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_filters = 0;
  guint n_items = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;

  if (self->filter.statuses != 0)
    n_filters++;
  if (self->filter.owner_id != 0)
    n_filters++;
  if (self->filter.overdue)
    n_filters++;
  if (self->filter.due_within_days != 0)
    n_filters++;
  if (self->filter.ca_classifications != 0)
    n_filters++;
  if (self->filter.ca_sources != 0)
    n_filters++;

  if (n_filters == 0)
    gtk_label_set_label (self->filter_label, _("Filter"));
  else
    {
      g_autofree char *label = NULL;

      /* Translators: the filter button when filters are on. */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filter (%u)", "Filter (%u)", n_filters), n_filters);
      gtk_label_set_label (self->filter_label, label);
    }

  if (self->items != NULL)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_items),
                            n_items);
  if (n_filters > 0)
    g_string_append_printf (text, " · %s", _("filtered"));
  gtk_label_set_label (self->summary_label, text->str);
}

static void
update_page (StwListView *self)
{
  const char *page = "list";

  if (self->items == NULL || g_list_model_get_n_items (self->items) == 0)
    page = filter_is_narrowed (&self->filter) ? "no-match" : "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
  update_filter_summary (self);
}

static void
update_action_bar (StwListView *self)
{
  guint n = n_selected (self);
  g_autofree char *text = NULL;

  /* Translators: the action bar under the list, with the rows selected. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n), n);
  gtk_label_set_label (self->selected_label, text);
  /* One row is edited in the editor; the bar is for several. */
  gtk_action_bar_set_revealed (self->action_bar, n > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.set-status", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.set-owner", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.unselect-all", n > 0);
}

/* Escapes the mnemonic underscores a menu label would swallow. */
static char *
menu_label (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* The owners offered: the filter lists everyone who may own items (a
 * person who has left still owns their old ones); the bulk change offers
 * only active people, as the workspace accepts no one else. */
static void
rebuild_people (StwListView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  gint64 selected_id = self->filter.owner_id;
  guint selected = 0;
  gint64 anyone = 0, nobody = -1;
  GListModel *people;
  guint n_old;

  self->syncing++;

  g_array_set_size (self->owner_ids, 0);
  g_ptr_array_add (names, (gpointer) _("Anyone"));
  g_array_append_val (self->owner_ids, anyone);
  g_ptr_array_add (names, (gpointer) _("No owner"));
  g_array_append_val (self->owner_ids, nobody);
  if (selected_id == -1)
    selected = 1;

  g_menu_append (menu, _("No owner"), "list.set-owner(int64 0)");

  if (self->workspace != NULL)
    {
      people = stw_workspace_get_people (self->workspace);
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(StwPerson) person = g_list_model_get_item (people, i);
          gint64 id = stw_person_get_id (person);

          if (id == selected_id)
            selected = self->owner_ids->len;
          g_array_append_val (self->owner_ids, id);
          g_ptr_array_add (names, (gpointer) stw_person_get_name (person));

          if (stw_person_get_active (person))
            {
              g_autoptr(GMenuItem) item = NULL;
              g_autofree char *label = menu_label (stw_person_get_name (person));

              item = g_menu_item_new (label, NULL);
              g_menu_item_set_action_and_target_value (item, "list.set-owner", g_variant_new_int64 (id));
              g_menu_append_item (menu, item);
            }
        }
    }
  g_ptr_array_add (names, NULL);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->owner_names));
  gtk_string_list_splice (self->owner_names, 0, n_old, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
  gtk_menu_button_set_menu_model (self->owner_button, G_MENU_MODEL (menu));

  self->syncing--;
}

static void
sync_filter_controls (StwListView *self)
{
  self->syncing++;

  for (guint i = 0; i < STW_N_STATUSES; i++)
    gtk_check_button_set_active (self->status_check[i],
                                 self->filter.statuses == 0
                                 || (self->filter.statuses & STW_STATUS_MASK (i)) != 0);
  rebuild_people (self);
  update_sort_button (self);
  stw_corrective_filter_sync (self->corrective_filter, &self->filter);

  self->syncing--;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data);

/* Brings @item_id to the top of the list once the list knows its size. */
static void
scroll_to_top (StwListView *self,
               gint64       item_id)
{
  self->scroll_to_id = item_id;
  self->scroll_frames = 0;
  if (self->scroll_tick == 0 && item_id != 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list), scroll_tick_cb, self, NULL);
}

/* The first open item, where the work ahead starts: done items of past
 * months stay above it, a scroll away. */
static gint64
find_first_open (StwListView *self)
{
  g_autoptr(GListModel) open = NULL;
  g_autoptr(StwItem) first = NULL;
  StwItemFilter filter = self->filter;

  if (self->workspace == NULL || filter.sort != STW_ITEM_SORT_DUE || filter.descending)
    return 0;

  filter.statuses = filter.statuses == 0 ? STW_STATUS_MASK_OPEN : (filter.statuses & STW_STATUS_MASK_OPEN);
  if (filter.statuses == 0)
    return 0;

  open = stw_workspace_filter_items (self->workspace, &filter, NULL);
  if (open == NULL || g_list_model_get_n_items (open) == 0)
    return 0;

  first = g_list_model_get_item (open, 0);

  return first != NULL ? stw_item_get_id (first) : 0;
}

/* The row widget showing @item_id, when the list has one. */
static GtkWidget *
find_row_widget (StwListView *self,
                 gint64       item_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      StwItem *item;

      if (row == NULL || !STW_IS_ITEM_ROW (row))
        continue;
      item = stw_item_row_get_item (STW_ITEM_ROW (row));
      if (item != NULL && stw_item_get_id (item) == item_id && gtk_widget_get_child_visible (child))
        return child;
    }

  return NULL;
}

static void
apply_filter (StwListView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->items == NULL)
    {
      update_page (self);
      return;
    }

  if (!stw_item_model_set_filter (STW_ITEM_MODEL (self->items), &self->filter, &error))
    emit_error (self, _("Could not list the items"), error);

  update_page (self);
  scroll_to_top (self, find_first_open (self));
}

/* Callbacks */

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  StwListView *self = STW_LIST_VIEW (user_data);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  int position;
  guint n;
  double row_height;

  if (self->items == NULL || self->scroll_to_id == 0)
    goto done;

  /* Wait until the list is laid out with its new rows: ticks come before
   * the layout of their frame, so the second one is the first to see it. */
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_height (widget) <= 0
      || gtk_adjustment_get_upper (adjustment) <= 0 || ++self->scroll_frames < 2)
    return G_SOURCE_CONTINUE;

  position = stw_item_model_find (STW_ITEM_MODEL (self->items), self->scroll_to_id);
  n = g_list_model_get_n_items (self->items);
  if (position < 0 || n == 0)
    goto done;

  /* Rows are all the same height, so the list's estimate is exact. */
  row_height = gtk_adjustment_get_upper (adjustment) / n;
  gtk_adjustment_set_value (adjustment,
                            MIN (position * row_height,
                                 gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)));

done:
  self->scroll_to_id = 0;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (StwListView *self)
{
  update_page (self);
}

static void
selection_changed_cb (StwListView *self)
{
  update_action_bar (self);

  if (self->syncing > 0)
    return;

  g_signal_emit (self, signals[ITEM_SELECTED], 0, stw_list_view_get_selected_item (self));
}

static void
list_activated_cb (StwListView *self,
                   guint        position)
{
  g_autoptr(StwItem) item = NULL;

  if (self->selection == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, stw_item_get_id (item));
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StwListView              *self)
{
  gtk_list_item_set_child (list_item, stw_item_row_new ());
}

static void
row_bound_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StwListView              *self)
{
  g_autofree char *today = stw_date_today ();
  StwItemRow *row = STW_ITEM_ROW (gtk_list_item_get_child (list_item));

  stw_item_row_set_item (row, gtk_list_item_get_item (list_item), today);
}

static void
row_unbound_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                StwListView              *self)
{
  StwItemRow *row = STW_ITEM_ROW (gtk_list_item_get_child (list_item));

  stw_item_row_set_item (row, NULL, NULL);
}

static void
status_check_toggled_cb (StwListView *self)
{
  guint mask = 0;

  if (self->syncing > 0)
    return;

  for (guint i = 0; i < STW_N_STATUSES; i++)
    if (gtk_check_button_get_active (self->status_check[i]))
      mask |= STW_STATUS_MASK (i);

  /* Every status ticked is no filter at all. */
  if (mask == (1u << STW_N_STATUSES) - 1)
    mask = 0;
  /* None ticked would hide everything: read it as "no filter" too, but
   * keep the boxes as the person left them. */
  self->filter.statuses = mask;
  apply_filter (self);
}

static void
corrective_filter_changed_cb (StwListView *self)
{
  if (self->syncing > 0)
    return;

  stw_corrective_filter_apply (self->corrective_filter, &self->filter);
  apply_filter (self);
}

static void
owner_selected_cb (StwListView *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);

  if (self->syncing > 0 || selected >= self->owner_ids->len)
    return;

  self->filter.owner_id = g_array_index (self->owner_ids, gint64, selected);
  apply_filter (self);
}

static void
people_changed_cb (StwListView *self)
{
  rebuild_people (self);
}

typedef struct
{
  StwListView *self;
  GPtrArray   *items;   /* StwItem, as stored before */
} BulkClose;

static void
bulk_close_free (BulkClose *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

static void apply_bulk (StwListView *self,
                        GPtrArray   *before,
                        gboolean     set_status,
                        StwStatus    status,
                        gint64       owner_id,
                        const char  *closure_note,
                        const char  *no_evidence_reason);

static void
closure_note_given_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  BulkClose *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;

  if (stw_closure_dialog_ask_full_finish (result, &note, &reason, &error)
      && data->self->workspace != NULL)
    apply_bulk (data->self, data->items, TRUE, STW_STATUS_DONE, 0, note, reason);

  bulk_close_free (data);
}

/* Writes the change to every item of @before in one transaction. Items that
 * would not change are left out, so undo touches only what was changed. */
static void
apply_bulk (StwListView *self,
            GPtrArray   *before,
            gboolean     set_status,
            StwStatus    status,
            gint64       owner_id,
            const char  *closure_note,
            const char  *no_evidence_reason)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < before->len; i++)
    {
      StwItem *item = g_ptr_array_index (before, i);
      g_autoptr(StwItem) copy = NULL;

      if (set_status ? stw_item_get_status (item) == status
                     : stw_item_get_owner_id (item) == owner_id)
        continue;

      copy = stw_item_copy (item);
      if (set_status)
        {
          /* The reason goes only where it is true: items with evidence
           * attached were not closed without it. */
          if (no_evidence_reason != NULL && status == STW_STATUS_DONE
              && stw_closing_needs_reason (self->workspace, copy))
            stw_item_set_no_evidence_reason (copy, no_evidence_reason);
          stw_item_set_status (copy, status);
          if (closure_note != NULL && stw_item_get_closure_note (copy) == NULL)
            stw_item_set_closure_note (copy, closure_note);
        }
      else
        stw_item_set_owner_id (copy, owner_id);

      g_ptr_array_add (changed, g_steal_pointer (&copy));
      g_ptr_array_add (originals, g_object_ref (item));
    }

  if (changed->len == 0)
    return;

  if (!stw_workspace_update_items (self->workspace, changed, &error))
    {
      emit_error (self, _("Could not change the items"), error);
      return;
    }

  if (self->undo != NULL)
    stw_undo_stack_push_updates (self->undo, originals);

  /* The rows were replaced, which drops their selection: select again
   * those still shown, to go on with another change. */
  self->syncing++;
  for (guint i = 0; i < before->len; i++)
    {
      int position = stw_item_model_find (STW_ITEM_MODEL (self->items),
                                          stw_item_get_id (g_ptr_array_index (before, i)));

      if (position >= 0)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
    }
  self->syncing--;

  if (changed->len == 1)
    /* Translators: %s is an item reference such as T-014. */
    text = g_strdup_printf (_("%s changed"), stw_item_get_ref (g_ptr_array_index (changed, 0)));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item changed", "%u items changed", changed->len),
                            changed->len);
  g_signal_emit (self, signals[CHANGED], 0, text);
}

/* Actions */

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StwListView *self = STW_LIST_VIEW (widget);
  gboolean had_overdue = self->filter.overdue;
  gboolean had_due_soon = self->filter.due_within_days != 0;

  self->filter.statuses = 0;
  self->filter.owner_id = 0;
  self->filter.overdue = FALSE;
  self->filter.due_within_days = 0;
  self->filter.ca_classifications = 0;
  self->filter.ca_sources = 0;
  sync_filter_controls (self);
  if (had_overdue)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
  if (had_due_soon)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_SOON]);
  apply_filter (self);
}

static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StwListView *self = STW_LIST_VIEW (widget);
  g_autoptr(GPtrArray) items = NULL;
  StwStatus status;
  guint n_closing = 0;
  StwItem *first_closing = NULL;
  gboolean needs_reason = FALSE;
  gboolean refused = FALSE;

  if (self->workspace == NULL || !stw_status_from_key (g_variant_get_string (parameter, NULL), &status))
    return;

  items = dup_selected_items (self);
  if (items->len == 0)
    return;

  /* Items closed without a note, or without evidence where the workstream
   * wants it and no reason is recorded, take one answer for all. */
  if (status == STW_STATUS_DONE)
    for (guint i = 0; i < items->len; i++)
      {
        StwItem *item = g_ptr_array_index (items, i);
        gboolean item_needs_reason;

        if (stw_item_get_status (item) == STW_STATUS_DONE)
          continue;

        refused = refused || stw_closing_is_refused (item);
        item_needs_reason = stw_closing_needs_reason (self->workspace, item);
        needs_reason = needs_reason || item_needs_reason;
        if (stw_item_get_closure_note (item) == NULL || item_needs_reason)
          {
            if (first_closing == NULL)
              first_closing = item;
            n_closing++;
          }
      }

  /* The workspace refuses the whole change when one item may not close:
   * its message says which and why, before anything is typed. */
  if (n_closing == 0 || refused)
    {
      apply_bulk (self, items, TRUE, status, 0, NULL, NULL);
      return;
    }

  /* One note for the whole batch: how they were closed. */
  {
    BulkClose *data = g_new0 (BulkClose, 1);

    data->self = g_object_ref (self);
    data->items = g_steal_pointer (&items);
    g_cancellable_cancel (self->closing);
    g_clear_object (&self->closing);
    self->closing = g_cancellable_new ();
    stw_closure_dialog_ask_full (GTK_WIDGET (self),
                                 stw_item_get_ref (first_closing),
                                 stw_item_get_title (first_closing),
                                 n_closing, NULL, needs_reason, NULL, self->closing,
                                 closure_note_given_cb, data);
  }
}

static void
set_owner_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StwListView *self = STW_LIST_VIEW (widget);
  g_autoptr(GPtrArray) items = NULL;

  if (self->workspace == NULL)
    return;

  items = dup_selected_items (self);
  apply_bulk (self, items, FALSE, 0, g_variant_get_int64 (parameter), NULL, NULL);
}

static void
select_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StwListView *self = STW_LIST_VIEW (widget);

  if (self->selection != NULL)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
unselect_all_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StwListView *self = STW_LIST_VIEW (widget);

  if (self->selection != NULL)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

/* Overrides */

static void
stw_list_view_dispose (GObject *object)
{
  StwListView *self = STW_LIST_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->closing);
  g_clear_object (&self->closing);

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->scroll_tick);
      self->scroll_tick = 0;
    }

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_LIST_VIEW);
  /* Children without an id in the template are not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->undo);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_list_view_parent_class)->dispose (object);
}

static void
stw_list_view_finalize (GObject *object)
{
  StwListView *self = STW_LIST_VIEW (object);

  g_clear_pointer (&self->owner_ids, g_array_unref);

  G_OBJECT_CLASS (stw_list_view_parent_class)->finalize (object);
}

static void
stw_list_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StwListView *self = STW_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_string (value, sort_to_key (self->filter.sort));
      break;

    case PROP_DESCENDING:
      g_value_set_boolean (value, self->filter.descending);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->filter.overdue);
      break;

    case PROP_DUE_SOON:
      g_value_set_boolean (value, self->filter.due_within_days != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_list_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  StwListView *self = STW_LIST_VIEW (object);
  StwItemFilter filter = self->filter;

  switch (prop_id)
    {
    case PROP_SORT:
      for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
        if (g_strcmp0 (sorts[i].key, g_value_get_string (value)) == 0)
          filter.sort = sorts[i].sort;
      break;

    case PROP_DESCENDING:
      filter.descending = g_value_get_boolean (value);
      break;

    case PROP_OVERDUE:
      filter.overdue = g_value_get_boolean (value);
      break;

    case PROP_DUE_SOON:
      filter.due_within_days = g_value_get_boolean (value) ? STW_LIST_VIEW_DUE_SOON_DAYS : 0;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  stw_list_view_set_filter (self, &filter);
}

static void
stw_list_view_class_init (StwListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_list_view_dispose;
  object_class->finalize = stw_list_view_finalize;
  object_class->get_property = stw_list_view_get_property;
  object_class->set_property = stw_list_view_set_property;

  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL,
                         "due",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_SOON] =
    g_param_spec_boolean ("due-soon", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ITEM_SELECTED] =
    g_signal_new ("item-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (STW_TYPE_CORRECTIVE_FILTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StwListView, sort_button);
  gtk_widget_class_bind_template_child (widget_class, StwListView, sort_icon);
  gtk_widget_class_bind_template_child (widget_class, StwListView, sort_label);
  gtk_widget_class_bind_template_child (widget_class, StwListView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, StwListView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, StwListView, corrective_filter);
  gtk_widget_class_bind_template_child (widget_class, StwListView, status_checks);
  gtk_widget_class_bind_template_child (widget_class, StwListView, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StwListView, owner_names);
  gtk_widget_class_bind_template_child (widget_class, StwListView, due_soon_check);
  gtk_widget_class_bind_template_child (widget_class, StwListView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StwListView, stack);
  gtk_widget_class_bind_template_child (widget_class, StwListView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StwListView, list);
  gtk_widget_class_bind_template_child (widget_class, StwListView, template_button);
  gtk_widget_class_bind_template_child (widget_class, StwListView, new_item_button);
  gtk_widget_class_bind_template_child (widget_class, StwListView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, StwListView, selected_label);
  gtk_widget_class_bind_template_child (widget_class, StwListView, status_button);
  gtk_widget_class_bind_template_child (widget_class, StwListView, owner_button);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, corrective_filter_changed_cb);

  gtk_widget_class_install_property_action (widget_class, "list.sort", "sort");
  gtk_widget_class_install_property_action (widget_class, "list.descending", "descending");
  gtk_widget_class_install_property_action (widget_class, "list.overdue", "overdue");
  gtk_widget_class_install_property_action (widget_class, "list.due-soon", "due-soon");
  gtk_widget_class_install_action (widget_class, "list.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "list.set-status", "s", set_status_activated);
  gtk_widget_class_install_action (widget_class, "list.set-owner", "x", set_owner_activated);
  gtk_widget_class_install_action (widget_class, "list.select-all", NULL, select_all_activated);
  gtk_widget_class_install_action (widget_class, "list.unselect-all", NULL, unselect_all_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "list.unselect-all", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "listview-page");
}

static void
stw_list_view_init (StwListView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autofree char *due_soon = NULL;

  self->owner_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  stw_item_filter_init (&self->filter, 0);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  for (guint i = 0; i < STW_N_STATUSES; i++)
    {
      self->status_check[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (stw_status_label (i)));
      gtk_check_button_set_active (self->status_check[i], TRUE);
      g_signal_connect_object (self->status_check[i], "toggled",
                               G_CALLBACK (status_check_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->status_checks, GTK_WIDGET (self->status_check[i]));
    }

  /* Translators: a filter; %u is a number of days (30). */
  due_soon = g_strdup_printf (_("Due in the next %u days"), STW_LIST_VIEW_DUE_SOON_DAYS);
  gtk_check_button_set_label (self->due_soon_check, due_soon);
  g_signal_connect_object (self->owner_dropdown, "notify::selected",
                           G_CALLBACK (owner_selected_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (row_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bound_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (row_unbound_cb), self, 0);
  gtk_list_view_set_factory (self->list, factory);

  rebuild_people (self);
  update_sort_button (self);
  update_action_bar (self);
  update_page (self);
}

/* Public API */

GtkWidget *
stw_list_view_new (void)
{
  return g_object_new (STW_TYPE_LIST_VIEW, NULL);
}

void
stw_list_view_set_workstream (StwListView  *self,
                              StwWorkspace *workspace,
                              StwUndoStack *undo,
                              gint64        workstream_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  StwWorkstreamKind kind;

  g_return_if_fail (STW_IS_LIST_VIEW (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));
  g_return_if_fail (undo == NULL || STW_IS_UNDO_STACK (undo));

  g_cancellable_cancel (self->closing);
  g_clear_object (&self->closing);

  if (self->workspace != workspace)
    {
      if (self->workspace != NULL)
        g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_set_object (&self->workspace, workspace);
      if (workspace != NULL)
        g_signal_connect_object (workspace, "people-changed",
                                 G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);
      /* People differ between workspaces: an owner filter makes no sense. */
      self->filter.owner_id = 0;
    }
  g_set_object (&self->undo, undo);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);

  self->filter.workstream_id = workstream_id;
  kind = workstream_kind (self);
  /* Findings filters mean nothing outside the corrective action log. */
  if (kind != STW_WORKSTREAM_CORRECTIVE)
    {
      self->filter.ca_classifications = 0;
      self->filter.ca_sources = 0;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->corrective_filter), kind == STW_WORKSTREAM_CORRECTIVE);
  /* An empty plan starts best from the template; the new item button
   * steps back to an ordinary one then. */
  gtk_widget_set_visible (self->template_button, kind == STW_WORKSTREAM_PLAN);
  if (kind == STW_WORKSTREAM_PLAN)
    gtk_widget_remove_css_class (self->new_item_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->new_item_button, "suggested-action");

  if (workspace != NULL && workstream_id != 0)
    {
      items = stw_workspace_filter_items (workspace, &self->filter, &error);
      if (items == NULL)
        emit_error (self, _("Could not list the items"), error);
    }

  if (items != NULL)
    {
      self->items = g_object_ref (items);
      self->selection = gtk_multi_selection_new (g_object_ref (items));
      g_signal_connect_object (self->items, "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));

  sync_filter_controls (self);
  update_action_bar (self);
  update_page (self);
  scroll_to_top (self, find_first_open (self));
}

void
stw_list_view_select_item (StwListView *self,
                           gint64       item_id)
{
  GtkWidget *row;
  int position = -1;

  g_return_if_fail (STW_IS_LIST_VIEW (self));

  if (self->selection == NULL)
    return;

  if (item_id != 0)
    position = stw_item_model_find (STW_ITEM_MODEL (self->items), item_id);

  self->syncing++;
  if (position >= 0)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->syncing--;

  if (position < 0)
    return;

  /* The selection is explicit: no need for the first-open scroll. */
  self->scroll_to_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", (guint) position);

  /* Keyboard focus follows, so arrows continue from here. */
  row = find_row_widget (self, item_id);
  if (row != NULL && gtk_widget_get_mapped (row))
    gtk_widget_grab_focus (row);
}

gint64
stw_list_view_get_selected_item (StwListView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(StwItem) item = NULL;

  g_return_val_if_fail (STW_IS_LIST_VIEW (self), 0);

  if (self->selection == NULL)
    return 0;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (selected) != 1)
    return 0;

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));

  return item != NULL ? stw_item_get_id (item) : 0;
}

guint
stw_list_view_get_n_selected (StwListView *self)
{
  g_return_val_if_fail (STW_IS_LIST_VIEW (self), 0);

  return n_selected (self);
}

const StwItemFilter *
stw_list_view_get_filter (StwListView *self)
{
  g_return_val_if_fail (STW_IS_LIST_VIEW (self), NULL);

  return &self->filter;
}

void
stw_list_view_set_filter (StwListView         *self,
                          const StwItemFilter *filter)
{
  StwItemFilter old;

  g_return_if_fail (STW_IS_LIST_VIEW (self));
  g_return_if_fail (filter != NULL);

  old = self->filter;
  self->filter = *filter;
  self->filter.workstream_id = old.workstream_id;

  if (old.sort != self->filter.sort)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  if (old.descending != self->filter.descending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
  if (old.overdue != self->filter.overdue)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
  if ((old.due_within_days != 0) != (self->filter.due_within_days != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_SOON]);

  sync_filter_controls (self);
  apply_filter (self);
}

GListModel *
_stw_list_view_get_model (StwListView *self)
{
  return self->items;
}

GtkSelectionModel *
_stw_list_view_get_selection (StwListView *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

GtkListView *
_stw_list_view_get_list (StwListView *self)
{
  return self->list;
}

const char *
_stw_list_view_get_page (StwListView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}
