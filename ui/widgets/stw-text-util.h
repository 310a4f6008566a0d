/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-text-util.h: reading and filling the text fields of the editors
 * (text views, entry rows, combo rows over enum labels) the same way
 * everywhere: an absent value shows as an empty field, and a field with
 * only blanks in it gives back no value.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The whole text of @view's buffer, as typed. */
char          *stw_text_view_dup_text    (GtkTextView *view);
/* Replaces @view's text; NULL empties it. */
void           stw_text_view_set_text    (GtkTextView *view,
                                          const char  *text);
/* The text of @view for a record: NULL when only blanks were typed,
 * otherwise the text as typed. */
char          *stw_text_view_dup_value   (GtkTextView *view);

/* Replaces @editable's text; NULL empties it. */
void           stw_editable_set_value    (GtkEditable *editable,
                                          const char  *text);
/* @editable's text, trimmed: NULL when empty. */
char          *stw_editable_dup_value    (GtkEditable *editable);

/* A list of @label_func (0) … @label_func (@n_values - 1), so that a combo
 * row's positions are the enum's values. */
GtkStringList *stw_string_list_new_labels (const char *(*label_func) (int value),
                                           guint        n_values);

G_END_DECLS
