/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-dates.c: dates as people type them (stw-date-input.h). This
 * machine has only the C locales, so the German, American and British
 * formats are passed as the strings their locales' D_FMT holds; the
 * lookup itself is tested with C.UTF-8 (and with a real locale where one
 * is installed).
 */
#include "config.h"

#include <locale.h>

#include "stw-date-input.h"
#include "stw-types.h"
#include "test-util.h"

#define DE "%d.%m.%Y"
#define US "%m/%d/%Y"
#define GB "%d/%m/%y"

static void
assert_reads (const char *format,
              const char *text,
              const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = stw_date_from_input (text, format, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (date, ==, iso);
}

/* Refused, with a message that names the text and contains @part. */
static void
assert_refuses (const char *format,
                const char *text,
                const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = stw_date_from_input (text, format, &error);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_assert_null (date);
  g_assert_error (error, STW_DATE_ERROR, STW_DATE_ERROR_INVALID);
  if (strstr (error->message, stripped) == NULL || strstr (error->message, part) == NULL)
    g_error ("“%s” in %s: message “%s” lacks “%s”", text, format, error->message, part);
}

static void
assert_writes (const char *format,
               const char *iso,
               const char *text)
{
  g_autofree char *written = stw_date_to_input (iso, format);
  g_autofree char *back = NULL;

  g_assert_cmpstr (written, ==, text);
  /* What an entry shows, it reads back as the same date. */
  back = stw_date_from_input (written, format, NULL);
  g_assert_cmpstr (back, ==, iso);
}

static void
test_german (void)
{
  assert_reads (DE, "31.03.2027", "2027-03-31");
  assert_reads (DE, "1.3.2027", "2027-03-01");
  assert_reads (DE, "01.03.27", "2027-03-01");
  assert_reads (DE, "  29.02.2028 ", "2028-02-29");
  assert_reads (DE, "31. 03. 2027", "2027-03-31");
  /* ISO is always understood. */
  assert_reads (DE, "2027-03-31", "2027-03-31");

  assert_refuses (DE, "31.02.2027", "February 2027 has days 1 to 28");
  assert_refuses (DE, "29.02.2027", "days 1 to 28");
  assert_refuses (DE, "00.03.2027", "days 1 to 31");
  assert_refuses (DE, "31.13.2027", "no month 13");
  assert_refuses (DE, "31.03.2027x", "“x” follows the date");
  assert_refuses (DE, "31.03.2027 12:00", "“12:00” follows");
  assert_refuses (DE, "2027-03-31 und mehr", "“und mehr” follows");
  assert_refuses (DE, "31/03/2027", "Write it like");
  assert_refuses (DE, "31.03.", "Write it like");
  assert_refuses (DE, "31.03.202", "Write it like");
  assert_refuses (DE, "31.03.20271", "Write it like");
  assert_refuses (DE, "morgen", "Write it like");
  assert_refuses (DE, "", "Write it like");

  assert_writes (DE, "2027-03-05", "05.03.2027");
  assert_writes (DE, "2031-12-24", "24.12.2031");
}

static void
test_american (void)
{
  assert_reads (US, "03/31/2027", "2027-03-31");
  assert_reads (US, "3/5/27", "2027-03-05");
  assert_reads (US, "2027-03-05", "2027-03-05");

  /* Day and month the other way round is not the same date. */
  assert_refuses (US, "31/03/2027", "no month 31");
  assert_refuses (US, "02/30/2027", "February 2027 has days 1 to 28");
  assert_refuses (US, "31.03.2027", "Write it like");
  assert_refuses (US, "03/31/2027/", "“/” follows");

  assert_writes (US, "2027-03-05", "03/05/2027");
}

static void
test_british (void)
{
  /* en_GB's D_FMT has a two-digit year; entries write four. */
  assert_reads (GB, "31/03/27", "2027-03-31");
  assert_reads (GB, "31/03/2027", "2027-03-31");
  assert_reads (GB, "2027-03-31", "2027-03-31");

  assert_refuses (GB, "31/02/27", "February 2027");
  assert_refuses (GB, "31/3/027", "Write it like");
  assert_refuses (GB, "03/31/2027", "no month 31");

  assert_writes (GB, "2027-03-31", "31/03/2027");
}

static void
test_iso_only (void)
{
  const char *iso = "%Y-%m-%d";

  assert_reads (iso, "2027-03-31", "2027-03-31");
  assert_reads (iso, "2027-3-5", "2027-03-05");
  assert_refuses (iso, "03/31/2027", "Write it like");
  assert_refuses (iso, "27-03-31", "Write it like");
  assert_refuses (iso, "2027-02-29", "February 2027 has days 1 to 28");
  assert_refuses (iso, "0000-01-01", "no year 0");
  assert_refuses (iso, "2027-03-31T10:00", "“T10:00” follows");
  assert_writes (iso, "2027-03-05", "2027-03-05");
}

static void
test_other_formats (void)
{
  /* Literal separators, spaces, an optional trailing separator and
   * days without a leading zero. */
  assert_reads ("%Y年%m月%d日", "2027年3月31日", "2027-03-31");
  assert_reads ("%Y年%m月%d日", "2027年03月31", "2027-03-31");
  assert_writes ("%Y年%m月%d日", "2027-03-31", "2027年03月31日");
  assert_reads ("%Y. %m. %d.", "2027. 03. 31.", "2027-03-31");
  assert_reads ("%Y. %m. %d.", "2027.03.31", "2027-03-31");
  assert_writes ("%-d/%-m/%y", "2027-03-05", "5/3/2027");
  assert_writes ("%e.%m.%Y", "2027-03-05", "5.03.2027");
  assert_writes ("%D", "2027-03-05", "03/05/2027");

  /* Names, other eras and digits, or fields that run together are not
   * a numeric format: such locales get ISO. */
  g_assert_true (stw_date_format_is_usable (DE));
  g_assert_true (stw_date_format_is_usable (GB));
  g_assert_false (stw_date_format_is_usable ("%d %b, %Y"));
  g_assert_false (stw_date_format_is_usable ("%A %d %B %Y"));
  g_assert_false (stw_date_format_is_usable ("%d/%m/%Ey"));
  g_assert_false (stw_date_format_is_usable ("%Oy/%Om/%Od"));
  g_assert_false (stw_date_format_is_usable ("%d%m%Y"));
  g_assert_false (stw_date_format_is_usable ("%d.%m."));
  g_assert_false (stw_date_format_is_usable ("%d.%m.%Y.%d"));
  g_assert_false (stw_date_format_is_usable (NULL));
  assert_writes ("%d %b, %Y", "2027-03-05", "2027-03-05");
  assert_reads ("%d %b, %Y", "2027-03-05", "2027-03-05");
}

static void
test_example (void)
{
  g_autofree char *today = g_strdup (g_getenv ("STEWARD_TODAY"));
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  /* Never a date in the past; a day above 12 shows which is the month. */
  g_setenv ("STEWARD_TODAY", "2027-03-15", TRUE);
  a = stw_date_input_example (DE);
  g_assert_cmpstr (a, ==, "15.03.2027");
  g_setenv ("STEWARD_TODAY", "2027-03-02", TRUE);
  b = stw_date_input_example (US);
  g_assert_cmpstr (b, ==, "03/13/2027");
  c = stw_date_input_hint (DE);
  g_assert_cmpstr (c, ==, "13.03.2027 or 2027-03-13");
  d = stw_date_input_hint ("%Y-%m-%d");
  g_assert_cmpstr (d, ==, "2027-03-13");

  g_setenv ("STEWARD_TODAY", today, TRUE);
}

static void
test_locale_lookup (void)
{
  locale_t c_utf8 = newlocale (LC_ALL_MASK, "C.UTF-8", (locale_t) 0);
  locale_t old;
  g_autofree char *format = NULL;
  g_autofree char *overridden = NULL;
  g_autofree char *ignored = NULL;

  g_assert_true (c_utf8 != (locale_t) 0);
  old = uselocale (c_utf8);

  /* C's "%m/%d/%y" is nobody's choice: ISO, and "03/31/2027" is refused. */
  g_unsetenv ("STEWARD_DATE_FORMAT");
  format = stw_date_input_format ();
  g_assert_cmpstr (format, ==, "%Y-%m-%d");
  assert_reads (NULL, "2027-03-31", "2027-03-31");
  assert_refuses (NULL, "03/31/2027", "Write it like 2027-03-15");

  g_setenv ("STEWARD_DATE_FORMAT", DE, TRUE);
  overridden = stw_date_input_format ();
  g_assert_cmpstr (overridden, ==, DE);
  assert_reads (NULL, "31.03.2027", "2027-03-31");
  g_setenv ("STEWARD_DATE_FORMAT", "%d %b %Y", TRUE);
  ignored = stw_date_input_format ();
  g_assert_cmpstr (ignored, ==, "%Y-%m-%d");
  g_unsetenv ("STEWARD_DATE_FORMAT");

  uselocale (old);
  freelocale (c_utf8);
}

/* Where the machine has these locales, their own D_FMT is read. */
static void
test_real_locale (gconstpointer data)
{
  const char * const *pair = data;
  locale_t loc = newlocale (LC_ALL_MASK, pair[0], (locale_t) 0);
  locale_t old;
  g_autofree char *format = NULL;

  if (loc == (locale_t) 0)
    {
      g_test_skip ("locale not installed");
      return;
    }
  old = uselocale (loc);
  format = stw_date_input_format ();
  uselocale (old);
  freelocale (loc);

  g_assert_cmpstr (format, ==, pair[1]);
}

int
main (int   argc,
      char *argv[])
{
  static const char *de[] = { "de_DE.UTF-8", DE };
  static const char *us[] = { "en_US.UTF-8", US };
  static const char *gb[] = { "en_GB.UTF-8", GB };
  g_autofree char *dir = NULL;

  g_test_init (&argc, &argv, NULL);
  dir = test_setup_data_home ();

  g_test_add_func ("/dates/german", test_german);
  g_test_add_func ("/dates/american", test_american);
  g_test_add_func ("/dates/british", test_british);
  g_test_add_func ("/dates/iso-only", test_iso_only);
  g_test_add_func ("/dates/other-formats", test_other_formats);
  g_test_add_func ("/dates/example", test_example);
  g_test_add_func ("/dates/locale/c-utf8", test_locale_lookup);
  g_test_add_data_func ("/dates/locale/de", de, test_real_locale);
  g_test_add_data_func ("/dates/locale/us", us, test_real_locale);
  g_test_add_data_func ("/dates/locale/gb", gb, test_real_locale);

  return g_test_run ();
}
