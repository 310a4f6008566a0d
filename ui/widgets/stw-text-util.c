/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-text-util.c: the editors' text helpers. They live here so the item
 * editor, its sections and the risk editor read blanks and absent values
 * alike.
 */
#include "config.h"

#include "stw-text-util.h"

char *
stw_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
stw_text_view_set_text (GtkTextView *view,
                        const char  *text)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

char *
stw_text_view_dup_value (GtkTextView *view)
{
  g_autofree char *text = stw_text_view_dup_text (view);
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;

  /* Kept as typed (a note's indentation and line breaks matter); only a
   * field of blanks counts as empty. */
  stripped = g_strstrip (g_strdup (text));

  return stripped[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

void
stw_editable_set_value (GtkEditable *editable,
                        const char  *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  gtk_editable_set_text (editable, text != NULL ? text : "");
}

char *
stw_editable_dup_value (GtkEditable *editable)
{
  char *text;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

GtkStringList *
stw_string_list_new_labels (const char *(*label_func) (int value),
                            guint        n_values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (list, label_func (i));

  return list;
}
