/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * annex-a-2022.c: the 93 controls of ISO/IEC 27001:2022 Annex A, as
 * identifiers with short titles written in our own words (not the
 * standard's text), for the control picker and the Statement of
 * Applicability. Kept as a C table so the titles go through gettext like
 * every other string; compiled into the core by app/meson.build.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-controls.h"

const StwControl _stw_annex_a_2022[] = {
  /* 5 Organisational controls */
  { "A.5.1",  N_("Security policies approved and communicated") },
  { "A.5.2",  N_("Security roles and responsibilities assigned") },
  { "A.5.3",  N_("Conflicting duties kept apart") },
  { "A.5.4",  N_("Managers require staff to follow security rules") },
  { "A.5.5",  N_("Contacts with authorities kept") },
  { "A.5.6",  N_("Contacts with security interest groups kept") },
  { "A.5.7",  N_("Threat information gathered and used") },
  { "A.5.8",  N_("Security built into projects") },
  { "A.5.9",  N_("Inventory of information and assets, with owners") },
  { "A.5.10", N_("Rules for acceptable use of information and assets") },
  { "A.5.11", N_("Assets returned when people leave") },
  { "A.5.12", N_("Information classified by need for protection") },
  { "A.5.13", N_("Information labelled to match its classification") },
  { "A.5.14", N_("Rules for transferring information") },
  { "A.5.15", N_("Access control rules") },
  { "A.5.16", N_("Identities managed through their life cycle") },
  { "A.5.17", N_("Passwords and other secrets handled safely") },
  { "A.5.18", N_("Access rights granted, reviewed and removed") },
  { "A.5.19", N_("Security in supplier relationships") },
  { "A.5.20", N_("Security terms in supplier agreements") },
  { "A.5.21", N_("Security in the ICT supply chain") },
  { "A.5.22", N_("Supplier services monitored and changes controlled") },
  { "A.5.23", N_("Security of cloud services used") },
  { "A.5.24", N_("Incident management planned and prepared") },
  { "A.5.25", N_("Security events assessed and classified") },
  { "A.5.26", N_("Incidents responded to by procedure") },
  { "A.5.27", N_("Lessons learnt from incidents") },
  { "A.5.28", N_("Evidence about incidents collected and kept") },
  { "A.5.29", N_("Security kept up during disruption") },
  { "A.5.30", N_("ICT ready for business continuity") },
  { "A.5.31", N_("Legal, regulatory and contract requirements identified") },
  { "A.5.32", N_("Intellectual property respected") },
  { "A.5.33", N_("Records protected") },
  { "A.5.34", N_("Privacy and personal data protected") },
  { "A.5.35", N_("Security reviewed independently") },
  { "A.5.36", N_("Compliance with security policies checked") },
  { "A.5.37", N_("Operating procedures written down and available") },

  /* 6 People controls */
  { "A.6.1",  N_("Background checks before joining") },
  { "A.6.2",  N_("Security duties in employment terms") },
  { "A.6.3",  N_("Security awareness, education and training") },
  { "A.6.4",  N_("Disciplinary process for security breaches") },
  { "A.6.5",  N_("Duties that continue after leaving or changing role") },
  { "A.6.6",  N_("Confidentiality agreements") },
  { "A.6.7",  N_("Security for remote work") },
  { "A.6.8",  N_("People report security events") },

  /* 7 Physical controls */
  { "A.7.1",  N_("Secure perimeters defined") },
  { "A.7.2",  N_("Entry to secure areas controlled") },
  { "A.7.3",  N_("Offices, rooms and facilities secured") },
  { "A.7.4",  N_("Premises monitored") },
  { "A.7.5",  N_("Protection against physical and environmental threats") },
  { "A.7.6",  N_("Rules for working in secure areas") },
  { "A.7.7",  N_("Clear desks and locked screens") },
  { "A.7.8",  N_("Equipment placed and protected") },
  { "A.7.9",  N_("Assets protected away from the premises") },
  { "A.7.10", N_("Storage media managed") },
  { "A.7.11", N_("Power and other utilities protected") },
  { "A.7.12", N_("Cabling protected") },
  { "A.7.13", N_("Equipment maintained") },
  { "A.7.14", N_("Equipment wiped before disposal or re-use") },

  /* 8 Technological controls */
  { "A.8.1",  N_("Laptops, phones and other end devices protected") },
  { "A.8.2",  N_("Privileged access limited and managed") },
  { "A.8.3",  N_("Access to information restricted") },
  { "A.8.4",  N_("Access to source code controlled") },
  { "A.8.5",  N_("Secure sign-in") },
  { "A.8.6",  N_("Capacity planned and monitored") },
  { "A.8.7",  N_("Protection against malware") },
  { "A.8.8",  N_("Technical vulnerabilities managed") },
  { "A.8.9",  N_("Configurations set and kept under control") },
  { "A.8.10", N_("Information deleted when no longer needed") },
  { "A.8.11", N_("Data masked where needed") },
  { "A.8.12", N_("Data leaks prevented") },
  { "A.8.13", N_("Backups made and tested") },
  { "A.8.14", N_("Redundant processing facilities") },
  { "A.8.15", N_("Activity logged") },
  { "A.8.16", N_("Networks and systems monitored for anomalies") },
  { "A.8.17", N_("Clocks synchronised") },
  { "A.8.18", N_("Powerful utility programs restricted") },
  { "A.8.19", N_("Software installation on live systems controlled") },
  { "A.8.20", N_("Networks secured") },
  { "A.8.21", N_("Network services secured") },
  { "A.8.22", N_("Networks segregated") },
  { "A.8.23", N_("Web access filtered") },
  { "A.8.24", N_("Cryptography used by rule") },
  { "A.8.25", N_("Secure development life cycle") },
  { "A.8.26", N_("Security requirements for applications") },
  { "A.8.27", N_("Secure architecture and engineering principles") },
  { "A.8.28", N_("Secure coding") },
  { "A.8.29", N_("Security testing before acceptance") },
  { "A.8.30", N_("Outsourced development supervised") },
  { "A.8.31", N_("Development, test and production kept apart") },
  { "A.8.32", N_("Changes controlled") },
  { "A.8.33", N_("Test data chosen and protected") },
  { "A.8.34", N_("Systems protected during audit testing") },
};

const guint _stw_annex_a_2022_count = G_N_ELEMENTS (_stw_annex_a_2022);
