/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-controls.h: the Annex A control catalogue (ISO/IEC 27001:2022), for
 * validation, the control picker and the Statement of Applicability.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  const char *id;     /* "A.5.15" */
  const char *title;  /* untranslated; use stw_control_get_title() */
} StwControl;

guint             stw_controls_get_count (void);
const StwControl *stw_controls_get       (guint       index);
const StwControl *stw_controls_find      (const char *id);
/* Translated short title. */
const char       *stw_control_get_title  (const StwControl *control);
/* The theme a control belongs to: "Organisational", "People",
 * "Physical" or "Technological" (translated). */
const char       *stw_control_get_theme  (const StwControl *control);

#define STW_TYPE_CONTROL_ITEM (stw_control_item_get_type ())
G_DECLARE_FINAL_TYPE (StwControlItem, stw_control_item, STW, CONTROL_ITEM, GObject)

/* A GListModel of StwControlItem (properties "id", "title", "theme" and
 * "search-text", the id and title together for a string filter), in
 * catalogue order. The same instance every call. */
GListModel       *stw_controls_list      (void);
const char       *stw_control_item_get_id    (StwControlItem *self);
const char       *stw_control_item_get_title (StwControlItem *self);

G_END_DECLS
