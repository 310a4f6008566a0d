/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-people-window.c: the people of a workspace. The list follows the
 * workspace's people model; a row opens a form as a subpage. Nobody is
 * deleted: a person who leaves is deactivated, so the history keeps their
 * name and their old items keep their owner, while new work can only go
 * to active people (the workspace refuses anything else).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-people-window.h"

struct _StwPeopleWindow
{
  AdwPreferencesWindow  parent_instance;

  StwWorkspace         *workspace;
  GArray               *actor_ids;      /* gint64 per row of actor_names */
  gint64                editing_id;     /* the person in the form; 0 new */
  guint                 syncing;

  AdwComboRow          *actor_row;
  GtkStringList        *actor_names;
  AdwPreferencesGroup  *people_group;
  GtkListBox           *people_list;

  /* The form, built when it is first opened. */
  GtkWidget            *form;
  AdwWindowTitle       *form_title;
  AdwEntryRow          *name_row;
  AdwEntryRow          *role_row;
  AdwEntryRow          *email_row;
  GtkSwitch            *active_switch;
  GtkWidget            *save_button;
};

G_DEFINE_FINAL_TYPE (StwPeopleWindow, stw_people_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTOR_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
show_message (StwPeopleWindow *self,
              const char      *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (markup));
}

static void
show_error (StwPeopleWindow *self,
            const char      *what,
            const GError    *error)
{
  g_autofree char *text = NULL;

  /* Translators: "what failed: why". */
  text = g_strdup_printf (_("%s: %s"), what, error->message);
  show_message (self, text);
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  StwPerson *person = STW_PERSON (item);
  const char *role = stw_person_get_role (person);
  const char *email = stw_person_get_email (person);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stw_person_get_name (person));
  if (role != NULL && role[0] != '\0')
    g_string_append (subtitle, role);
  if (email != NULL && email[0] != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", email);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (!stw_person_get_active (person))
    {
      GtkWidget *inactive = gtk_label_new (_("Inactive"));

      gtk_widget_add_css_class (inactive, "dim-label");
      gtk_widget_add_css_class (inactive, "caption");
      gtk_widget_add_css_class (row, "inactive-person");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), inactive);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);

  return row;
}

/* "You are" offers the active people; the actor is always one of them. */
static void
rebuild_actors (StwPeopleWindow *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 actor = self->workspace != NULL ? stw_workspace_get_actor_id (self->workspace) : 0;
  guint selected = GTK_INVALID_LIST_POSITION;
  GListModel *people;
  guint n_old;

  self->syncing++;

  g_array_set_size (self->actor_ids, 0);
  if (self->workspace != NULL)
    {
      people = stw_workspace_get_people (self->workspace);
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(StwPerson) person = g_list_model_get_item (people, i);
          gint64 id = stw_person_get_id (person);

          if (!stw_person_get_active (person))
            continue;
          if (id == actor)
            selected = self->actor_ids->len;
          g_array_append_val (self->actor_ids, id);
          g_ptr_array_add (names, (gpointer) stw_person_get_name (person));
        }
    }
  g_ptr_array_add (names, NULL);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->actor_names));
  gtk_string_list_splice (self->actor_names, 0, n_old, (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->actor_row, selected);

  self->syncing--;
}

static void
save_clicked_cb (StwPeopleWindow *self);

static void
form_changed_cb (StwPeopleWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_set_sensitive (self->save_button, name[0] != '\0');
}

static void
ensure_form (StwPeopleWindow *self)
{
  GtkWidget *header, *page, *group, *active_row, *back, *buttons;

  if (self->form != NULL)
    return;

  self->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = adw_header_bar_new ();
  self->form_title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->form_title));
  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Back to the people"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "people.back");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  gtk_box_append (GTK_BOX (self->form), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = adw_preferences_group_new ();

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  self->role_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("Role"));
  self->email_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email_row), _("Email"));
  g_object_set (self->email_row, "input-purpose", GTK_INPUT_PURPOSE_EMAIL, NULL);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "entry-activated", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role_row, "entry-activated", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->email_row, "entry-activated", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);

  active_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (active_row), _("Active"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (active_row), _("Can own items and make changes"));
  self->active_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->active_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->active_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Active"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (active_row), GTK_WIDGET (self->active_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (active_row), GTK_WIDGET (self->active_switch));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->role_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->email_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), active_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save"),
                                  -1);
  gtk_widget_set_halign (self->save_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->save_button, "pill");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);
  /* A group takes other widgets than rows, below them: the button sits
   * right under the fields it saves. */
  buttons = adw_preferences_group_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (buttons), self->save_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (buttons));

  gtk_box_append (GTK_BOX (self->form), page);

  /* Kept across openings of the subpage. */
  g_object_ref_sink (self->form);
}

static StwPerson *
find_person (StwPeopleWindow *self,
             gint64           person_id)
{
  return self->workspace != NULL && person_id != 0
    ? stw_workspace_find_person (self->workspace, person_id) : NULL;
}

/* Callbacks */

static void
people_changed_cb (StwPeopleWindow *self)
{
  rebuild_actors (self);
}

static void
actor_selected_cb (StwPeopleWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->actor_row);
  gint64 id;

  if (self->syncing > 0 || self->workspace == NULL || selected >= self->actor_ids->len)
    return;

  id = g_array_index (self->actor_ids, gint64, selected);
  if (id == stw_workspace_get_actor_id (self->workspace))
    return;

  if (!stw_workspace_set_actor_id (self->workspace, id, &error))
    {
      show_error (self, _("Could not change who you are"), error);
      rebuild_actors (self);
      return;
    }

  g_signal_emit (self, signals[ACTOR_CHANGED], 0);
}

static void
person_row_activated_cb (StwPeopleWindow *self,
                         GtkListBoxRow   *row)
{
  StwPerson *person = g_object_get_data (G_OBJECT (row), "person");

  if (person != NULL)
    stw_people_window_edit_person (self, stw_person_get_id (person));
}

static void
save_clicked_cb (StwPeopleWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *email = NULL;
  g_autofree char *text = NULL;
  gboolean active;

  if (self->workspace == NULL || !gtk_widget_get_sensitive (self->save_button))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->role_row))));
  email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  active = gtk_switch_get_active (self->active_switch);

  if (self->editing_id == 0)
    {
      g_autoptr(StwPerson) added = NULL;

      added = stw_workspace_add_person (self->workspace, name,
                                        role[0] != '\0' ? role : NULL,
                                        email[0] != '\0' ? email : NULL,
                                        &error);
      if (added == NULL)
        {
          show_error (self, _("Could not add the person"), error);
          return;
        }
      if (!active && !stw_workspace_update_person (self->workspace, stw_person_get_id (added),
                                                   stw_person_get_name (added),
                                                   stw_person_get_role (added),
                                                   stw_person_get_email (added),
                                                   FALSE, &error))
        {
          show_error (self, _("Could not deactivate the person"), error);
          return;
        }
      /* Translators: %s is a person's name. */
      text = g_strdup_printf (_("%s added"), name);
    }
  else
    {
      if (!stw_workspace_update_person (self->workspace, self->editing_id, name,
                                        role[0] != '\0' ? role : NULL,
                                        email[0] != '\0' ? email : NULL,
                                        active, &error))
        {
          show_error (self, _("Could not save the person"), error);
          return;
        }
      /* Translators: %s is a person's name. */
      text = g_strdup_printf (_("%s saved"), name);
    }

  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  show_message (self, text);
}

/* Actions */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  stw_people_window_edit_person (STW_PEOPLE_WINDOW (widget), 0);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (widget));
}

/* Overrides */

static void
stw_people_window_dispose (GObject *object)
{
  StwPeopleWindow *self = STW_PEOPLE_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->people_list != NULL)
    gtk_list_box_bind_model (self->people_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_PEOPLE_WINDOW);

  g_clear_object (&self->form);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (stw_people_window_parent_class)->dispose (object);
}

static void
stw_people_window_finalize (GObject *object)
{
  StwPeopleWindow *self = STW_PEOPLE_WINDOW (object);

  g_clear_pointer (&self->actor_ids, g_array_unref);

  G_OBJECT_CLASS (stw_people_window_parent_class)->finalize (object);
}

static void
stw_people_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StwPeopleWindow *self = STW_PEOPLE_WINDOW (object);

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
stw_people_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StwPeopleWindow *self = STW_PEOPLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      /* Construct-only: a people window belongs to one workspace. */
      self->workspace = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_people_window_constructed (GObject *object)
{
  StwPeopleWindow *self = STW_PEOPLE_WINDOW (object);

  G_OBJECT_CLASS (stw_people_window_parent_class)->constructed (object);

  if (self->workspace != NULL)
    {
      g_signal_connect_object (self->workspace, "people-changed",
                               G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->people_list, stw_workspace_get_people (self->workspace),
                               create_person_row, self, NULL);
    }
  rebuild_actors (self);
}

static void
stw_people_window_class_init (StwPeopleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_people_window_dispose;
  object_class->finalize = stw_people_window_finalize;
  object_class->get_property = stw_people_window_get_property;
  object_class->set_property = stw_people_window_set_property;
  object_class->constructed = stw_people_window_constructed;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         STW_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTOR_CHANGED] =
    g_signal_new ("actor-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/isms_steward/Steward/stw-people-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StwPeopleWindow, actor_row);
  gtk_widget_class_bind_template_child (widget_class, StwPeopleWindow, actor_names);
  gtk_widget_class_bind_template_child (widget_class, StwPeopleWindow, people_group);
  gtk_widget_class_bind_template_child (widget_class, StwPeopleWindow, people_list);
  gtk_widget_class_bind_template_callback (widget_class, actor_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "people.back", NULL, back_activated);
}

static void
stw_people_window_init (StwPeopleWindow *self)
{
  self->actor_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
stw_people_window_new (GtkWindow    *parent,
                       StwWorkspace *workspace)
{
  return g_object_new (STW_TYPE_PEOPLE_WINDOW,
                       "transient-for", parent,
                       "workspace", workspace,
                       NULL);
}

StwWorkspace *
stw_people_window_get_workspace (StwPeopleWindow *self)
{
  g_return_val_if_fail (STW_IS_PEOPLE_WINDOW (self), NULL);

  return self->workspace;
}

void
stw_people_window_edit_person (StwPeopleWindow *self,
                               gint64           person_id)
{
  StwPerson *person;

  g_return_if_fail (STW_IS_PEOPLE_WINDOW (self));

  ensure_form (self);

  person = find_person (self, person_id);
  self->editing_id = person != NULL ? person_id : 0;

  adw_window_title_set_title (self->form_title, person != NULL ? _("Edit person") : _("New person"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), person != NULL ? stw_person_get_name (person) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_row),
                         person != NULL && stw_person_get_role (person) != NULL ? stw_person_get_role (person) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                         person != NULL && stw_person_get_email (person) != NULL ? stw_person_get_email (person) : "");
  gtk_switch_set_active (self->active_switch, person == NULL || stw_person_get_active (person));
  form_changed_cb (self);

  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), self->form);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
