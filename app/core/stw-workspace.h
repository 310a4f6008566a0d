/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace.h: one client organisation's ISMS, kept in one SQLite file:
 * the store and the domains' API on it, for the UI and the tests.
 *
 * Every change goes through this API and writes the row and its history
 * entry in one transaction, recording the current actor. Widgets never see
 * SQL: they get GListModels (people, workstreams, items) that follow
 * changes through the workspace's signals ("organisation-changed",
 * "people-changed", "item-changed", "records-changed").
 *
 * Code under app/ includes the header of the layer it needs instead (the
 * store's stw-store.h, a domain's stw-…-store.h).
 */
#pragma once

#include "stw-audit-store.h"
#include "stw-core.h"
#include "stw-item-store.h"
#include "stw-kpi-chart.h"
#include "stw-people-store.h"
#include "stw-records-store.h"
#include "stw-soa.h"
#include "stw-store.h"
#include "stw-workstream-store.h"
