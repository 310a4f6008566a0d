/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-date-input.c: reading and writing dates in the locale's numeric
 * format. The format string is compiled into a short list of fields and
 * separators; the same list writes a date and reads it back, so what an
 * entry shows is always what it accepts.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "stw-date-input.h"
#include "stw-types.h"

#define ISO_FORMAT "%Y-%m-%d"
/* More than any date format needs; a longer one is not a date format. */
#define MAX_TOKENS 16

typedef enum {
  TOKEN_DAY,
  TOKEN_MONTH,
  TOKEN_YEAR,       /* two or four digits */
  TOKEN_YEAR4,      /* exactly four: ISO, so "27-03-31" is not read as ISO */
  TOKEN_SPACE,      /* any run of white space, or none */
  TOKEN_LITERAL,    /* these bytes, such as "." or "年" */
} TokenKind;

typedef struct {
  TokenKind   kind;
  gboolean    pad;      /* write day and month with two digits */
  const char *text;     /* TOKEN_LITERAL: points into the format */
  gsize       len;
} Token;

typedef struct {
  Token tokens[MAX_TOKENS];
  guint n_tokens;
} Pattern;

typedef enum {
  MATCH_NONE,
  MATCH_TRAILING,   /* a whole date, then more text */
  MATCH_DATE,
} MatchResult;

G_DEFINE_QUARK (stw-date-error-quark, stw_date_error)

/* Helpers */

static gboolean
add_token (Pattern    *pattern,
           TokenKind   kind,
           gboolean    pad,
           const char *text,
           gsize       len)
{
  Token *last = pattern->n_tokens > 0 ? &pattern->tokens[pattern->n_tokens - 1] : NULL;

  /* "%d. %m." has a literal, a space and a literal; two spaces are one. */
  if (kind == TOKEN_SPACE && last != NULL && last->kind == TOKEN_SPACE)
    return TRUE;
  if (pattern->n_tokens == MAX_TOKENS)
    return FALSE;

  pattern->tokens[pattern->n_tokens++] = (Token) { kind, pad, text, len };
  return TRUE;
}

static gboolean
is_field (TokenKind kind)
{
  return kind == TOKEN_DAY || kind == TOKEN_MONTH || kind == TOKEN_YEAR || kind == TOKEN_YEAR4;
}

/* FALSE for a format that is not purely numeric (month names, weekdays,
 * other eras or digits: %b, %A, %Ey, %Od), or that lacks a field, has one
 * twice, or puts two fields side by side with nothing to tell them apart. */
static gboolean
compile_format (const char *format,
                gboolean    iso,
                Pattern    *pattern)
{
  guint n_day = 0, n_month = 0, n_year = 0;
  const char *p = format;

  pattern->n_tokens = 0;
  if (format == NULL || !g_utf8_validate (format, -1, NULL))
    return FALSE;

  while (*p != '\0')
    {
      gboolean ok = TRUE;

      if (*p == '%')
        {
          gboolean pad = TRUE;

          p++;
          /* glibc's flags: "%-d" is a day without its leading zero. */
          while (*p != '\0' && strchr ("-_0^#", *p) != NULL)
            {
              if (*p == '-' || *p == '_')
                pad = FALSE;
              p++;
            }
          while (g_ascii_isdigit (*p))
            p++;

          switch (*p)
            {
            case 'd':
              ok = add_token (pattern, TOKEN_DAY, pad, NULL, 0);
              n_day++;
              break;
            case 'e':
              /* Space-padded in strftime; an entry has no use for the space. */
              ok = add_token (pattern, TOKEN_DAY, FALSE, NULL, 0);
              n_day++;
              break;
            case 'm':
              ok = add_token (pattern, TOKEN_MONTH, pad, NULL, 0);
              n_month++;
              break;
            case 'Y':
            case 'y':
              ok = add_token (pattern, iso ? TOKEN_YEAR4 : TOKEN_YEAR, TRUE, NULL, 0);
              n_year++;
              break;
            case 'F':
              return compile_format (ISO_FORMAT, iso, pattern);
            case 'D':
              return compile_format ("%m/%d/%y", iso, pattern);
            case 'n':
            case 't':
              ok = add_token (pattern, TOKEN_SPACE, FALSE, NULL, 0);
              break;
            case '%':
              ok = add_token (pattern, TOKEN_LITERAL, FALSE, p, 1);
              break;
            default:
              return FALSE;
            }
          p++;
        }
      else if (g_ascii_isspace (*p))
        {
          ok = add_token (pattern, TOKEN_SPACE, FALSE, NULL, 0);
          p++;
        }
      else
        {
          const char *start = p;

          while (*p != '\0' && *p != '%' && !g_ascii_isspace (*p))
            p++;
          ok = add_token (pattern, TOKEN_LITERAL, FALSE, start, (gsize) (p - start));
        }

      if (!ok)
        return FALSE;
    }

  if (n_day != 1 || n_month != 1 || n_year != 1)
    return FALSE;
  for (guint i = 1; i < pattern->n_tokens; i++)
    if (is_field (pattern->tokens[i - 1].kind) && is_field (pattern->tokens[i].kind))
      return FALSE;

  return TRUE;
}

static const char *
skip_spaces (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

static guint
read_digits (const char **p,
             guint        max,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit ((*p)[0]))
    {
      *value = *value * 10 + (guint) ((*p)[0] - '0');
      (*p)++;
      n++;
    }
  return n;
}

/* Only literals and spaces from token @i on: a trailing "." or "日" that
 * people leave out. */
static gboolean
rest_is_separators (const Pattern *pattern,
                    guint          i)
{
  for (; i < pattern->n_tokens; i++)
    if (is_field (pattern->tokens[i].kind))
      return FALSE;
  return TRUE;
}

/* @text is already stripped of spaces at both ends. */
static MatchResult
match_pattern (const Pattern *pattern,
               const char    *text,
               guint         *year,
               guint         *month,
               guint         *day,
               const char   **rest)
{
  const char *p = text;

  for (guint i = 0; i < pattern->n_tokens; i++)
    {
      const Token *t = &pattern->tokens[i];
      guint n;

      switch (t->kind)
        {
        case TOKEN_DAY:
          if (read_digits (&p, 2, day) == 0)
            return MATCH_NONE;
          break;

        case TOKEN_MONTH:
          if (read_digits (&p, 2, month) == 0)
            return MATCH_NONE;
          break;

        case TOKEN_YEAR4:
          if (read_digits (&p, 4, year) != 4 || g_ascii_isdigit (*p))
            return MATCH_NONE;
          break;

        case TOKEN_YEAR:
          n = read_digits (&p, 4, year);
          if ((n != 2 && n != 4) || g_ascii_isdigit (*p))
            return MATCH_NONE;
          /* A two-digit year is this century's: the register looks ahead. */
          if (n == 2)
            *year += 2000;
          break;

        case TOKEN_SPACE:
          p = skip_spaces (p);
          break;

        case TOKEN_LITERAL:
          /* "31. 03. 2027" and "31 .03.2027" are still clear enough. */
          p = skip_spaces (p);
          if (strncmp (p, t->text, t->len) == 0)
            p = skip_spaces (p + t->len);
          else if (*p == '\0' && rest_is_separators (pattern, i))
            return MATCH_DATE;
          else
            return MATCH_NONE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (*p != '\0')
    {
      *rest = skip_spaces (p);
      return MATCH_TRAILING;
    }
  return MATCH_DATE;
}

static char *
month_name (guint year,
            guint month)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc ((int) year, (int) month, 1, 0, 0, 0);

  /* Translators: a month in an error message, "February 2027"; see
   * g_date_time_format for the codes. */
  return first != NULL ? g_date_time_format (first, _("%B %Y")) : g_strdup_printf ("%u-%02u", year, month);
}

static gboolean
check_range (const char  *text,
             guint        year,
             guint        month,
             guint        day,
             GError     **error)
{
  guint last;

  if (year == 0)
    {
      g_set_error (error, STW_DATE_ERROR, STW_DATE_ERROR_INVALID,
                   /* Translators: %s is the text typed as a date. */
                   _("“%s” is not a date: there is no year 0."), text);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, STW_DATE_ERROR, STW_DATE_ERROR_INVALID,
                   /* Translators: %s is the text typed as a date, %u the
                    * month number in it. */
                   _("“%s” is not a date: there is no month %u."), text, month);
      return FALSE;
    }

  last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  if (day < 1 || day > last)
    {
      g_autofree char *name = month_name (year, month);

      g_set_error (error, STW_DATE_ERROR, STW_DATE_ERROR_INVALID,
                   /* Translators: "“31.02.2027” is not a date: February 2027
                    * has days 1 to 28." */
                   _("“%s” is not a date: %s has days 1 to %u."), text, name, last);
      return FALSE;
    }

  return TRUE;
}

static const char *
locale_name (void)
{
  /* The thread's locale, which uselocale () may have set; setlocale ()
   * only knows the global one. */
#if defined(__GLIBC__) && defined(_NL_LOCALE_NAME)
  return nl_langinfo (_NL_LOCALE_NAME (LC_TIME));
#else
  return setlocale (LC_TIME, NULL);
#endif
}

static char *
resolve_format (const char *format)
{
  return format != NULL ? g_strdup (format) : stw_date_input_format ();
}

/* Public API */

char *
stw_date_input_format (void)
{
  const char *fake = g_getenv ("STEWARD_DATE_FORMAT");
  const char *name;
  const char *d_fmt;
  g_autofree char *utf8 = NULL;

  if (fake != NULL && fake[0] != '\0')
    return g_strdup (stw_date_format_is_usable (fake) ? fake : ISO_FORMAT);

  /* The C locale is what a program runs in when nobody chose one; its
   * "%m/%d/%y" is no one's preference, and ISO is Steward's own format. */
  name = locale_name ();
  if (name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
      g_str_has_prefix (name, "C."))
    return g_strdup (ISO_FORMAT);

  d_fmt = nl_langinfo (D_FMT);
  if (d_fmt == NULL)
    return g_strdup (ISO_FORMAT);
  if (!g_utf8_validate (d_fmt, -1, NULL))
    {
      utf8 = g_locale_to_utf8 (d_fmt, -1, NULL, NULL, NULL);
      d_fmt = utf8;
    }

  return g_strdup (stw_date_format_is_usable (d_fmt) ? d_fmt : ISO_FORMAT);
}

gboolean
stw_date_format_is_usable (const char *format)
{
  Pattern pattern;

  return compile_format (format, FALSE, &pattern);
}

char *
stw_date_to_input (const char *date,
                   const char *format)
{
  g_autofree char *fmt = resolve_format (format);
  Pattern pattern;
  GString *out;
  guint y, m, d;

  if (!stw_date_is_valid (date) || sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return NULL;
  if (!compile_format (fmt, FALSE, &pattern))
    return g_strdup (date);

  out = g_string_new (NULL);
  for (guint i = 0; i < pattern.n_tokens; i++)
    {
      const Token *t = &pattern.tokens[i];

      switch (t->kind)
        {
        case TOKEN_DAY:
          g_string_append_printf (out, t->pad ? "%02u" : "%u", d);
          break;
        case TOKEN_MONTH:
          g_string_append_printf (out, t->pad ? "%02u" : "%u", m);
          break;
        case TOKEN_YEAR:
        case TOKEN_YEAR4:
          /* Always four digits: "31/03/27" would lose the century. */
          g_string_append_printf (out, "%04u", y);
          break;
        case TOKEN_SPACE:
          g_string_append_c (out, ' ');
          break;
        case TOKEN_LITERAL:
          g_string_append_len (out, t->text, (gssize) t->len);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}

char *
stw_date_from_input (const char  *text,
                     const char  *format,
                     GError     **error)
{
  g_autofree char *fmt = resolve_format (format);
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *rest = NULL;
  Pattern patterns[2];
  guint n_patterns = 0;
  MatchResult best = MATCH_NONE;
  guint y = 0, m = 0, d = 0;

  /* ISO always, with its four-digit year; then the locale's, unless it is
   * ISO too (where "27-03-31" would be a guess, not a date). */
  compile_format (ISO_FORMAT, TRUE, &patterns[n_patterns++]);
  if (!g_str_equal (fmt, ISO_FORMAT) && !g_str_equal (fmt, "%F") &&
      compile_format (fmt, FALSE, &patterns[n_patterns]))
    n_patterns++;

  for (guint i = 0; i < n_patterns && best != MATCH_DATE; i++)
    {
      guint py = 0, pm = 0, pd = 0;
      const char *prest = NULL;
      MatchResult r = match_pattern (&patterns[i], stripped, &py, &pm, &pd, &prest);

      if (r > best)
        {
          best = r;
          y = py;
          m = pm;
          d = pd;
          rest = prest;
        }
    }

  if (best == MATCH_DATE)
    {
      if (!check_range (stripped, y, m, d, error))
        return NULL;
      return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
    }

  if (best == MATCH_TRAILING)
    {
      g_set_error (error, STW_DATE_ERROR, STW_DATE_ERROR_INVALID,
                   /* Translators: "“31.03.2027x” is not a date: “x” follows
                    * the date." */
                   _("“%s” is not a date: “%s” follows the date."), stripped, rest);
    }
  else
    {
      g_autofree char *hint = stw_date_input_hint (fmt);

      g_set_error (error, STW_DATE_ERROR, STW_DATE_ERROR_INVALID,
                   /* Translators: the second %s is a hint such as
                    * "13.12.2026 or 2026-12-13". */
                   _("“%s” is not a date. Write it like %s."), stripped, hint);
    }
  return NULL;
}

char *
stw_date_input_example (const char *format)
{
  g_autofree char *day = stw_date_today ();

  /* Today if its day is above 12, else the 13th of this month. */
  if (g_ascii_strtoull (day + 8, NULL, 10) <= 12)
    {
      day[8] = '1';
      day[9] = '3';
    }
  return stw_date_to_input (day, format);
}

char *
stw_date_input_hint (const char *format)
{
  g_autofree char *fmt = resolve_format (format);
  g_autofree char *local = stw_date_input_example (fmt);
  g_autofree char *iso = stw_date_input_example (ISO_FORMAT);

  if (g_str_equal (local, iso))
    return g_steal_pointer (&iso);
  /* Translators: how to type a date: "13.12.2026 or 2026-12-13". */
  return g_strdup_printf (_("%s or %s"), local, iso);
}
