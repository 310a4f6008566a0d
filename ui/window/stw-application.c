/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-application.c: the application object. One instance per session (a
 * second launch presents the existing window), the app-wide actions, and
 * the headless command line, which runs before GTK touches a display.
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "stw-application.h"
#include "stw-cli.h"
#include "stw-window.h"

struct _StwApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (StwApplication, stw_application, ADW_TYPE_APPLICATION)

/* Helpers */

static void
write_all (FILE    *stream,
           GString *text)
{
  if (text->len == 0)
    return;

  fwrite (text->str, 1, text->len, stream);
  fflush (stream);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows (rather than g_application_quit) lets each one save
   * its pending edit and its size first. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Steward contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Steward"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Run an ISO/IEC 27001 information security management system day to day, offline."),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

/* Overrides */

static int
stw_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  int status;

  status = stw_cli_handle (options, out, err);
  if (status < 0)
    return G_APPLICATION_CLASS (stw_application_parent_class)->handle_local_options (app, options);

  write_all (stdout, out);
  write_all (stderr, err);

  return status;
}

static void
stw_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *close_accels[] = { "<Primary>w", NULL };

  G_APPLICATION_CLASS (stw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
}

static void
stw_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (stw_window_new (STW_APPLICATION (app)));
      stw_window_open_last_workspace (STW_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
stw_application_class_init (StwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = stw_application_handle_local_options;
  app_class->startup = stw_application_startup;
  app_class->activate = stw_application_activate;
}

static void
stw_application_init (StwApplication *self)
{
  stw_cli_add_options (G_APPLICATION (self));
}

/* Public API */

StwApplication *
stw_application_new (void)
{
  return g_object_new (STW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/isms_steward/Steward",
                       NULL);
}
