/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-corrective.h: the corrective-action record of an item of the
 * corrective action log (ISO/IEC 27001:2022 clause 10.2): where the finding
 * came from, how it is classified, the immediate correction, the root
 * cause, the corrective action and the check that the fix worked.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  STW_CA_SOURCE_INTERNAL_AUDIT,
  STW_CA_SOURCE_EXTERNAL_AUDIT,
  STW_CA_SOURCE_KPI,
  STW_CA_SOURCE_MANAGEMENT_REVIEW,
  STW_CA_SOURCE_INCIDENT,
  STW_CA_SOURCE_MONITORING,
  STW_CA_SOURCE_OTHER,
} StwCaSource;
#define STW_N_CA_SOURCES 7

typedef enum {
  STW_CA_MAJOR_NONCONFORMITY,
  STW_CA_MINOR_NONCONFORMITY,
  STW_CA_OBSERVATION,
  STW_CA_OPPORTUNITY,
} StwCaClassification;
#define STW_N_CA_CLASSIFICATIONS 4

typedef enum {
  STW_CA_TYPE_CORRECTION,
  STW_CA_TYPE_CORRECTIVE_ACTION,
  STW_CA_TYPE_IMPROVEMENT,
} StwCaType;
#define STW_N_CA_TYPES 3

typedef enum {
  STW_CHECK_PENDING,
  STW_CHECK_EFFECTIVE,
  STW_CHECK_NOT_EFFECTIVE,
} StwCheckResult;
#define STW_N_CHECK_RESULTS 3

typedef struct {
  StwCaSource          source;
  char                *source_ref;        /* what raised it: audit, KPI, incident reference */
  StwCaClassification  classification;
  StwCaType            action_type;
  char                *correction;        /* immediate correction */
  char                *root_cause_method; /* e.g. "5 whys", "fishbone" */
  char                *root_cause;
  char                *corrective_action;
  char                 check_due[11];     /* effectiveness check due, "" if unset */
  gint64               checked_by;        /* person, 0 if nobody yet */
  StwCheckResult       check_result;
  char                *check_note;
  char                 check_date[11];    /* when it was checked, "" if not yet */
} StwCorrective;

#define STW_TYPE_CORRECTIVE (stw_corrective_get_type ())
GType          stw_corrective_get_type (void) G_GNUC_CONST;

StwCorrective *stw_corrective_new      (void);
StwCorrective *stw_corrective_copy     (const StwCorrective *self);
void           stw_corrective_free     (StwCorrective       *self);
gboolean       stw_corrective_equal    (const StwCorrective *a,
                                        const StwCorrective *b);
/* A major or minor nonconformity (closing it needs a root cause and an
 * effective check). */
gboolean       stw_corrective_is_nonconformity (const StwCorrective *self);
void           stw_corrective_set_text (char               **field,
                                        const char          *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwCorrective, stw_corrective_free)

const char *stw_ca_source_to_key          (StwCaSource          v);
gboolean    stw_ca_source_from_key        (const char          *key,
                                           StwCaSource         *v);
const char *stw_ca_source_label           (StwCaSource          v);
const char *stw_ca_classification_to_key  (StwCaClassification  v);
gboolean    stw_ca_classification_from_key (const char         *key,
                                           StwCaClassification *v);
const char *stw_ca_classification_label   (StwCaClassification  v);
const char *stw_ca_type_to_key            (StwCaType            v);
gboolean    stw_ca_type_from_key          (const char          *key,
                                           StwCaType           *v);
const char *stw_ca_type_label             (StwCaType            v);
const char *stw_check_result_to_key       (StwCheckResult       v);
gboolean    stw_check_result_from_key     (const char          *key,
                                           StwCheckResult      *v);
const char *stw_check_result_label        (StwCheckResult       v);

G_END_DECLS
