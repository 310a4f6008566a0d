/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-application.c: the application object. One instance per session (a
 * second launch presents the existing window, or opens the workspace file
 * it was given there) and the app-wide actions. The headless command line
 * never gets here: main() runs it without a GApplication.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-application.h"
#include "stw-window.h"

struct _StwApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (StwApplication, stw_application, ADW_TYPE_APPLICATION)

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

/* The window, made when there is none yet; a new one reopens the last
 * workspace only when @reopen_last (not when a file is about to be opened
 * in it). */
static StwWindow *
ensure_window (GApplication *app,
               gboolean      reopen_last)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (stw_window_new (STW_APPLICATION (app)));
      if (reopen_last)
        stw_window_open_last_workspace (STW_WINDOW (window));
    }

  return STW_WINDOW (window);
}

static void
show_open_error (StwWindow    *window,
                 const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Could not open the workspace"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stw_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (app, TRUE)));
}

/* `steward PATH.steward`: the window shows one workspace, so the first file
 * is the one opened. */
static void
stw_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  StwWindow *window;

  window = ensure_window (app, FALSE);
  gtk_window_present (GTK_WINDOW (window));

  path = g_file_get_path (files[0]);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (files[0]);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file"), uri);
    }
  else
    stw_window_open_workspace (window, path, &error);

  /* No error with a failure: an unsaved edit, which the window explains. */
  if (error != NULL)
    show_open_error (window, error);
}

static void
stw_application_class_init (StwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = stw_application_startup;
  app_class->activate = stw_application_activate;
  app_class->open = stw_application_open;
}

static void
stw_application_init (StwApplication *self)
{
}

/* Public API */

StwApplication *
stw_application_new (void)
{
  return g_object_new (STW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/isms_steward/Steward",
                       NULL);
}
