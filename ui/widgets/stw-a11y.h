/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names the widgets that GTK 4.8 and libadwaita 1.2 make inside their own
 * widgets and leave unnamed, so a screen reader does not read their class
 * name: a combo row's list, its choices and the choice it shows, a view
 * switcher, a boxed list, an expander row's list, a preferences window's
 * search results, a column view's header row and titles, a menu. And a
 * button named by its own mnemonic label is read once, not twice ("_Cancel
 * Cancel"). Call once, before the first window is shown; later calls do
 * nothing. */
void stw_a11y_init          (void);

/* Gives the widget that a list view, list box or flow box wraps @child in
 * (a list item, row or cell) @label as its accessible name; GTK 4.8 has no
 * gtk_list_item_set_accessible_label. Does nothing when @child is not in
 * such a wrapper. @label may be NULL to unset it. */
void stw_a11y_label_wrapper (GtkWidget  *child,
                             const char *label);

G_END_DECLS
