/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-toaster.c: the main window's toasts (see stw-toaster.h).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stw-toaster.h"

/* Longer than libadwaita's toast show animation (300 ms). */
#define TOAST_SETTLE_USEC (G_USEC_PER_SEC / 2)

struct _StwToaster
{
  GObject          parent_instance;

  AdwToastOverlay *overlay;
  AdwToast        *toast;       /* the one shown */
  char            *title;
  gint64           added_at;
};

G_DEFINE_FINAL_TYPE (StwToaster, stw_toaster, G_TYPE_OBJECT)

/* How long a toast stays, in seconds (libadwaita's default is 5; 0 keeps it
 * until the next one). STEWARD_TOAST_TIMEOUT sets it for the end-to-end
 * tests: on a loaded machine one walk of the accessible tree can take longer
 * than five seconds, and a toast the test waits for was gone before it was
 * looked for. */
static guint
toast_timeout (void)
{
  const char *env = g_getenv ("STEWARD_TOAST_TIMEOUT");
  guint64 seconds;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, 3600, &seconds, NULL))
    return (guint) seconds;
  return 5;
}

/* Callbacks */

static void
toast_dismissed_cb (AdwToast   *toast,
                    StwToaster *self)
{
  if (self->toast == toast)
    g_clear_object (&self->toast);
}

/* Overrides */

static void
stw_toaster_dispose (GObject *object)
{
  StwToaster *self = STW_TOASTER (object);

  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  g_clear_object (&self->toast);
  g_clear_object (&self->overlay);

  G_OBJECT_CLASS (stw_toaster_parent_class)->dispose (object);
}

static void
stw_toaster_finalize (GObject *object)
{
  StwToaster *self = STW_TOASTER (object);

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (stw_toaster_parent_class)->finalize (object);
}

static void
stw_toaster_class_init (StwToasterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_toaster_dispose;
  object_class->finalize = stw_toaster_finalize;
}

static void
stw_toaster_init (StwToaster *self)
{
}

/* Public API */

StwToaster *
stw_toaster_new (AdwToastOverlay *overlay)
{
  StwToaster *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  self = g_object_new (STW_TYPE_TOASTER, NULL);
  self->overlay = g_object_ref (overlay);

  return self;
}

void
stw_toaster_show (StwToaster *self,
                  const char *text,
                  const char *undo_action)
{
  g_autofree char *markup = NULL;
  gint64 now = g_get_monotonic_time ();
  AdwToast *toast;

  g_return_if_fail (STW_IS_TOASTER (self));
  g_return_if_fail (text != NULL);

  markup = g_markup_escape_text (text, -1);
  g_free (self->title);
  self->title = g_strdup (text);

  /* libadwaita 1.2 frees a toast twice when it is dismissed while its show
   * animation runs (several changes in a row), so a toast that has only
   * just appeared is reworded instead of replaced. */
  if (self->toast != NULL && now - self->added_at < TOAST_SETTLE_USEC)
    {
      adw_toast_set_title (self->toast, markup);
      adw_toast_set_button_label (self->toast, undo_action != NULL ? _("_Undo") : NULL);
      adw_toast_set_action_name (self->toast, undo_action);
      return;
    }

  if (self->toast != NULL)
    {
      AdwToast *old = g_steal_pointer (&self->toast);

      adw_toast_dismiss (old);
      g_object_unref (old);
    }

  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, toast_timeout ());
  if (undo_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, undo_action);
    }
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);

  self->toast = g_object_ref (toast);
  self->added_at = now;
  adw_toast_overlay_add_toast (self->overlay, toast);
}

void
stw_toaster_show_error (StwToaster *self,
                        const char *text)
{
  g_return_if_fail (STW_IS_TOASTER (self));

  stw_toaster_show (self, text, NULL);
  adw_toast_set_timeout (self->toast, 0);
  adw_toast_set_priority (self->toast, ADW_TOAST_PRIORITY_HIGH);
}

const char *
stw_toaster_get_title (StwToaster *self)
{
  g_return_val_if_fail (STW_IS_TOASTER (self), NULL);

  return self->title;
}
