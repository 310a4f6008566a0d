/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk.h: one risk of the risk register (ISO/IEC 27001:2022 6.1.2,
 * 8.2), as a detached value object like StwItem: change it with the
 * setters, then hand it to stw_workspace_update_risk().
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  STW_TREATMENT_MITIGATE,
  STW_TREATMENT_TRANSFER,
  STW_TREATMENT_AVOID,
  STW_TREATMENT_ACCEPT,
} StwTreatment;
#define STW_N_TREATMENTS 4

typedef enum {
  STW_RISK_OPEN,
  STW_RISK_TREATING,
  STW_RISK_ACCEPTED,
  STW_RISK_CLOSED,
} StwRiskStatus;
#define STW_N_RISK_STATUSES 4

const char *stw_treatment_to_key      (StwTreatment   v);
gboolean    stw_treatment_from_key    (const char    *key,
                                       StwTreatment  *v);
const char *stw_treatment_label       (StwTreatment   v);
const char *stw_risk_status_to_key    (StwRiskStatus  v);
gboolean    stw_risk_status_from_key  (const char    *key,
                                       StwRiskStatus *v);
const char *stw_risk_status_label     (StwRiskStatus  v);

#define STW_TYPE_RISK (stw_risk_get_type ())
G_DECLARE_FINAL_TYPE (StwRisk, stw_risk, STW, RISK, GObject)

StwRisk      *stw_risk_new                     (void);
StwRisk      *stw_risk_copy                    (StwRisk       *self);

/* Set by the store. */
gint64        stw_risk_get_id                  (StwRisk       *self);
const char   *stw_risk_get_ref                 (StwRisk       *self);
const char   *stw_risk_get_owner_name          (StwRisk       *self);
/* Treatment items that name this risk (not deleted or cancelled). */
guint         stw_risk_get_treatment_count     (StwRisk       *self);
guint         stw_risk_get_open_treatment_count (StwRisk      *self);
/* Not closed, above the workspace's acceptance threshold, and with no
 * treatment item. */
gboolean      stw_risk_get_flagged             (StwRisk       *self);

const char   *stw_risk_get_title               (StwRisk       *self);
void          stw_risk_set_title               (StwRisk       *self,
                                                const char    *title);
const char   *stw_risk_get_asset               (StwRisk       *self);
void          stw_risk_set_asset               (StwRisk       *self,
                                                const char    *asset);
const char   *stw_risk_get_threat              (StwRisk       *self);
void          stw_risk_set_threat              (StwRisk       *self,
                                                const char    *threat);
const char   *stw_risk_get_vulnerability       (StwRisk       *self);
void          stw_risk_set_vulnerability       (StwRisk       *self,
                                                const char    *vulnerability);
gint64        stw_risk_get_owner_id            (StwRisk       *self);
void          stw_risk_set_owner_id            (StwRisk       *self,
                                                gint64         owner_id);
/* 1 … 5 */
guint         stw_risk_get_likelihood          (StwRisk       *self);
void          stw_risk_set_likelihood          (StwRisk       *self,
                                                guint          likelihood);
guint         stw_risk_get_impact              (StwRisk       *self);
void          stw_risk_set_impact              (StwRisk       *self,
                                                guint          impact);
/* likelihood × impact, 1 … 25 */
guint         stw_risk_get_score               (StwRisk       *self);
StwTreatment  stw_risk_get_treatment           (StwRisk       *self);
void          stw_risk_set_treatment           (StwRisk       *self,
                                                StwTreatment   treatment);
/* 0 while the residual risk is not assessed. */
guint         stw_risk_get_residual_likelihood (StwRisk       *self);
void          stw_risk_set_residual_likelihood (StwRisk       *self,
                                                guint          likelihood);
guint         stw_risk_get_residual_impact     (StwRisk       *self);
void          stw_risk_set_residual_impact     (StwRisk       *self,
                                                guint          impact);
/* 0 while not assessed. */
guint         stw_risk_get_residual_score      (StwRisk       *self);
StwRiskStatus stw_risk_get_status              (StwRisk       *self);
void          stw_risk_set_status              (StwRisk       *self,
                                                StwRiskStatus  status);
const char   *stw_risk_get_next_review         (StwRisk       *self);
void          stw_risk_set_next_review         (StwRisk       *self,
                                                const char    *date);
const char   *stw_risk_get_notes               (StwRisk       *self);
void          stw_risk_set_notes               (StwRisk       *self,
                                                const char    *notes);
const char * const *stw_risk_get_controls      (StwRisk       *self);
void          stw_risk_set_controls            (StwRisk       *self,
                                                const char * const *controls);

/* Used by the store only. */
void          _stw_risk_set_stored             (StwRisk       *self,
                                                gint64         id,
                                                const char    *ref,
                                                const char    *owner_name,
                                                guint          treatment_count,
                                                guint          open_treatment_count,
                                                gboolean       flagged);

G_END_DECLS
