/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream-dialog.c: the form for a new custom workstream and for the
 * settings of an existing one. The prefix is checked as it is typed (the
 * letters, and that no other workstream uses it) so Create is only offered
 * when it can work; whatever the workspace still refuses is shown in the
 * dialog, which stays open to be corrected. A reference prefix is fixed
 * once the workstream exists: references already cited must keep meaning
 * the same thing.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stw-workstream-dialog.h"

#define MAX_PREFIX_LENGTH 8

struct _StwWorkstreamDialog
{
  AdwWindow          parent_instance;

  StwWorkspace      *workspace;
  gint64             workstream_id;     /* 0 while creating */
  StwWorkstreamKind  kind;
  GArray            *owner_ids;         /* gint64 per row of owner_names */
  char              *initial_colour;    /* "#rrggbb" or NULL */
  gboolean           colour_chosen;     /* the colour differs from the stored one */
  gboolean           prefix_valid;
  guint              loading;

  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkWidget         *error_group;
  GtkLabel          *error_label;
  AdwEntryRow       *name_row;
  AdwComboRow       *owner_row;
  GtkStringList     *owner_names;
  AdwEntryRow       *prefix_row;
  AdwActionRow      *prefix_fixed_row;
  GtkLabel          *prefix_label;
  GtkLabel          *prefix_hint;
  GtkColorButton    *colour_button;
  AdwActionRow      *evidence_row;
  GtkSwitch         *evidence_switch;
};

G_DEFINE_FINAL_TYPE (StwWorkstreamDialog, stw_workstream_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GNOME's palette (the 3 shades): new workstreams take the first one no
 * other workstream uses, so the sidebar tells them apart. */
static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44",
};

/* Helpers */

static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gint64
selected_owner_id (StwWorkstreamDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->owner_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->owner_ids->len)
    return 0;

  return g_array_index (self->owner_ids, gint64, selected);
}

/* Fills the owner list with the active people, plus @keep_id if that
 * person has left, so the workstream keeps showing its owner. */
static void
rebuild_owners (StwWorkstreamDialog *self,
                gint64               keep_id)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *people = stw_workspace_get_people (self->workspace);
  gint64 nobody = 0;
  guint selected = 0;
  guint n_old;

  self->loading++;

  g_array_set_size (self->owner_ids, 0);
  g_ptr_array_add (names, g_strdup (_("No owner")));
  g_array_append_val (self->owner_ids, nobody);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (people, i);
      gint64 id = stw_person_get_id (person);
      gboolean active = stw_person_get_active (person);

      if (!active && id != keep_id)
        continue;
      if (id == keep_id)
        selected = self->owner_ids->len;

      g_array_append_val (self->owner_ids, id);
      if (active)
        g_ptr_array_add (names, g_strdup (stw_person_get_name (person)));
      else
        /* Translators: an owner who is no longer active; %s is a name. */
        g_ptr_array_add (names, g_strdup_printf (_("%s (inactive)"), stw_person_get_name (person)));
    }
  g_ptr_array_add (names, NULL);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->owner_names));
  gtk_string_list_splice (self->owner_names, 0, n_old, (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->owner_row, selected);

  self->loading--;
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba->red, 0., 1.) * 255 + 0.5),
                          (guint) (CLAMP (rgba->green, 0., 1.) * 255 + 0.5),
                          (guint) (CLAMP (rgba->blue, 0., 1.) * 255 + 0.5));
}

static gboolean
colour_in_use (StwWorkstreamDialog *self,
               const char          *colour)
{
  GListModel *streams = stw_workspace_get_workstreams (self->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (streams); i++)
    {
      g_autoptr(StwWorkstream) ws = g_list_model_get_item (streams, i);

      if (g_ascii_strcasecmp (stw_workstream_get_colour (ws) ? stw_workstream_get_colour (ws) : "", colour) == 0)
        return TRUE;
    }

  return FALSE;
}

static const char *
free_palette_colour (StwWorkstreamDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (!colour_in_use (self, palette[i]))
      return palette[i];

  return palette[0];
}

static void
set_colour (StwWorkstreamDialog *self,
            const char          *colour)
{
  GdkRGBA rgba;

  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, palette[0]);

  self->loading++;
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  self->loading--;
}

/* The colour to save: NULL keeps "no colour" for a workstream that never
 * had one, until the person picks one. */
static char *
dup_colour (StwWorkstreamDialog *self)
{
  GdkRGBA rgba;

  if (!self->colour_chosen)
    return g_strdup (self->initial_colour);

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  return rgba_to_hex (&rgba);
}

static StwWorkstream *
find_by_prefix (StwWorkstreamDialog *self,
                const char          *prefix)
{
  GListModel *streams = stw_workspace_get_workstreams (self->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (streams); i++)
    {
      g_autoptr(StwWorkstream) ws = g_list_model_get_item (streams, i);

      if (g_ascii_strcasecmp (stw_workstream_get_prefix (ws), prefix) == 0)
        return ws;
    }

  return NULL;
}

/* How references of this workstream read, as an example. */
static char *
dup_example_refs (StwWorkstreamDialog *self,
                  const char          *prefix)
{
  if (self->kind == STW_WORKSTREAM_PLAN)
    {
      g_autofree char *today = stw_date_today ();

      /* Translators: an example of item references; %s is a prefix and
       * %.4s a year, e.g. "OP-2027-001, OP-2027-002". */
      return g_strdup_printf (_("Items are numbered %s-%.4s-001, %s-%.4s-002, and so on, by year."),
                              prefix, today, prefix, today);
    }

  /* Translators: an example of item references; %s is a prefix, e.g.
   * "KPI-001, KPI-002". */
  return g_strdup_printf (_("Items are numbered %s-001, %s-002, and so on."), prefix, prefix);
}

static void
set_hint (StwWorkstreamDialog *self,
          const char          *text,
          gboolean             is_error)
{
  GtkWidget *hint = GTK_WIDGET (self->prefix_hint);

  gtk_label_set_label (self->prefix_hint, text);
  if (is_error)
    {
      gtk_widget_add_css_class (hint, "error");
      gtk_widget_remove_css_class (hint, "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->prefix_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (hint, "error");
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->prefix_row), "error");
    }
  /* Screen readers hear the hint with the field. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->prefix_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->prefix_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               is_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* The same rule as the workspace: 1 to 8 letters A to Z, any case. */
static void
validate_prefix (StwWorkstreamDialog *self)
{
  g_autofree char *typed = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *example = NULL;
  gsize len;

  if (self->workstream_id != 0)
    {
      StwWorkstream *ws = stw_workspace_find_workstream (self->workspace, self->workstream_id);
      g_autofree char *text = NULL;

      example = dup_example_refs (self, ws != NULL ? stw_workstream_get_prefix (ws) : "");
      /* Two sentences: how references read, and why the prefix is fixed. */
      text = g_strdup_printf ("%s %s", example,
                              _("The prefix cannot change, so references already cited keep pointing at the same items."));
      self->prefix_valid = TRUE;
      set_hint (self, text, FALSE);
      return;
    }

  typed = dup_trimmed (self->prefix_row);
  prefix = g_ascii_strup (typed, -1);
  len = strlen (prefix);

  if (len == 0)
    {
      self->prefix_valid = FALSE;
      set_hint (self, _("One to eight letters, such as KPI. Item references start with it."), FALSE);
    }
  else if (len > MAX_PREFIX_LENGTH || strspn (prefix, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != len)
    {
      self->prefix_valid = FALSE;
      set_hint (self, _("A reference prefix is one to eight letters from A to Z, such as KPI."), TRUE);
    }
  else if (find_by_prefix (self, prefix) != NULL)
    {
      g_autofree char *text = NULL;

      self->prefix_valid = FALSE;
      /* Translators: %s is a reference prefix such as "KPI". */
      text = g_strdup_printf (_("Another workstream already uses %s. References must never repeat, so choose another prefix."),
                              prefix);
      set_hint (self, text, TRUE);
    }
  else
    {
      self->prefix_valid = TRUE;
      example = dup_example_refs (self, prefix);
      set_hint (self, example, FALSE);
    }
}

static void
update_save (StwWorkstreamDialog *self)
{
  g_autofree char *name = dup_trimmed (self->name_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workstream.save",
                                 name[0] != '\0' && self->prefix_valid);
}

static void
show_error (StwWorkstreamDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_group, message != NULL);
}

/* Creating and editing differ in the title, the button, and whether the
 * prefix can be typed. */
static void
apply_mode (StwWorkstreamDialog *self)
{
  gboolean creating = self->workstream_id == 0;
  StwWorkstream *ws = creating ? NULL : stw_workspace_find_workstream (self->workspace, self->workstream_id);
  gboolean forced = self->kind == STW_WORKSTREAM_TREATMENT || self->kind == STW_WORKSTREAM_CORRECTIVE;

  /* The window's own title is what a screen reader announces; unset, GTK
   * 4.8 reads the class name. */
  gtk_window_set_title (GTK_WINDOW (self), creating ? _("New workstream") : _("Workstream settings"));
  adw_window_title_set_title (self->window_title, creating ? _("New workstream") : _("Workstream settings"));
  adw_window_title_set_subtitle (self->window_title, ws != NULL ? stw_workstream_get_name (ws) : NULL);
  gtk_button_set_label (GTK_BUTTON (self->save_button), creating ? _("C_reate") : _("_Save"));

  gtk_widget_set_visible (GTK_WIDGET (self->prefix_row), creating);
  gtk_widget_set_visible (GTK_WIDGET (self->prefix_fixed_row), !creating);
  gtk_label_set_label (self->prefix_label, ws != NULL ? stw_workstream_get_prefix (ws) : "");

  /* Only the switch is insensitive: the reason beside it stays readable. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_switch), !forced);
  adw_action_row_set_activatable_widget (self->evidence_row, forced ? NULL : GTK_WIDGET (self->evidence_switch));
  /* The row's title names the switch while the row activates it; a label
   * as well would be read twice. A fixed switch is not the row's, and
   * needs a name of its own. */
  if (forced)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->evidence_switch),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Closing needs evidence"),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->evidence_switch), GTK_ACCESSIBLE_PROPERTY_LABEL);
  adw_action_row_set_subtitle (self->evidence_row,
                               forced ? _("Always on for risk treatment and corrective actions: the auditor asks for proof that they work.")
                                      : _("Closing an item asks for evidence, or for the reason there is none."));

  validate_prefix (self);
  update_save (self);
}

static void
load (StwWorkstreamDialog *self)
{
  StwWorkstream *ws = NULL;

  if (self->workstream_id != 0)
    ws = stw_workspace_find_workstream (self->workspace, self->workstream_id);

  self->loading++;

  if (ws != NULL)
    {
      self->kind = stw_workstream_get_kind (ws);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), stw_workstream_get_name (ws));
      rebuild_owners (self, stw_workstream_get_owner_id (ws));
      self->initial_colour = g_strdup (stw_workstream_get_colour (ws));
      set_colour (self, self->initial_colour);
      gtk_switch_set_active (self->evidence_switch, stw_workstream_get_require_evidence (ws));
    }
  else
    {
      self->workstream_id = 0;
      self->kind = STW_WORKSTREAM_CUSTOM;
      rebuild_owners (self, stw_workspace_get_actor_id (self->workspace));
      /* A new workstream always gets a colour of its own. */
      set_colour (self, free_palette_colour (self));
      self->colour_chosen = TRUE;
      gtk_switch_set_active (self->evidence_switch, FALSE);
    }

  self->loading--;

  apply_mode (self);
}

/* Callbacks */

static void
field_changed_cb (StwWorkstreamDialog *self)
{
  if (self->loading > 0)
    return;

  update_save (self);
}

static void
prefix_changed_cb (StwWorkstreamDialog *self)
{
  if (self->loading > 0)
    return;

  validate_prefix (self);
  update_save (self);
}

static void
colour_changed_cb (StwWorkstreamDialog *self)
{
  if (self->loading > 0)
    return;

  self->colour_chosen = TRUE;
}

static void
people_changed_cb (StwWorkstreamDialog *self)
{
  rebuild_owners (self, selected_owner_id (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StwWorkstreamDialog *self = STW_WORKSTREAM_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_trimmed (self->name_row);
  g_autofree char *colour = dup_colour (self);
  gint64 owner_id = selected_owner_id (self);
  gboolean forced = self->kind == STW_WORKSTREAM_TREATMENT || self->kind == STW_WORKSTREAM_CORRECTIVE;
  /* Those kinds need evidence whatever is stored: the stored flag only
   * adds the rule to other workstreams, so leave it off for them. */
  gboolean require_evidence = !forced && gtk_switch_get_active (self->evidence_switch);

  if (self->workstream_id == 0)
    {
      g_autofree char *prefix = dup_trimmed (self->prefix_row);
      g_autoptr(StwWorkstream) ws = NULL;

      ws = stw_workspace_add_workstream (self->workspace, name, prefix, owner_id, &error);
      if (ws == NULL)
        {
          show_error (self, error->message);
          /* Taken since it was typed: the prefix row says so too. */
          validate_prefix (self);
          update_save (self);
          return;
        }
      /* It exists now: if the settings below fail, trying again edits it
       * rather than creating a second one. */
      self->workstream_id = stw_workstream_get_id (ws);
      apply_mode (self);
    }

  if (!stw_workspace_update_workstream (self->workspace, self->workstream_id, name, owner_id,
                                        colour, require_evidence, &error))
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[DONE], 0, self->workstream_id);
  gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static void
stw_workstream_dialog_dispose (GObject *object)
{
  StwWorkstreamDialog *self = STW_WORKSTREAM_DIALOG (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, people_changed_cb, self);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_workstream_dialog_parent_class)->dispose (object);
}

static void
stw_workstream_dialog_finalize (GObject *object)
{
  StwWorkstreamDialog *self = STW_WORKSTREAM_DIALOG (object);

  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->initial_colour, g_free);

  G_OBJECT_CLASS (stw_workstream_dialog_parent_class)->finalize (object);
}

static void
stw_workstream_dialog_class_init (StwWorkstreamDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_workstream_dialog_dispose;
  object_class->finalize = stw_workstream_dialog_finalize;

  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-workstream-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, owner_names);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, prefix_fixed_row);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, prefix_label);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, prefix_hint);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, colour_button);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, StwWorkstreamDialog, evidence_switch);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, prefix_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, colour_changed_cb);

  gtk_widget_class_install_action (widget_class, "workstream.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stw_workstream_dialog_init (StwWorkstreamDialog *self)
{
  self->owner_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
stw_workstream_dialog_new (GtkWindow    *parent,
                           StwWorkspace *workspace,
                           gint64        workstream_id)
{
  StwWorkstreamDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STW_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (STW_TYPE_WORKSTREAM_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->workspace = g_object_ref (workspace);
  self->workstream_id = workstream_id;
  g_signal_connect_object (workspace, "people-changed",
                           G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);

  return GTK_WIDGET (self);
}

StwWorkspace *
stw_workstream_dialog_get_workspace (StwWorkstreamDialog *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_DIALOG (self), NULL);

  return self->workspace;
}

gint64
stw_workstream_dialog_get_workstream_id (StwWorkstreamDialog *self)
{
  g_return_val_if_fail (STW_IS_WORKSTREAM_DIALOG (self), 0);

  return self->workstream_id;
}
