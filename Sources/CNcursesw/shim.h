#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* SwiftPM drops pkg-config's -D flags, so turn the wide API on here. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdint.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#  include <ncursesw/curses.h>
#else
#  include <curses.h>
#endif

/* glibc hides wcwidth from Swift's Glibc module. */
extern int wcwidth(wchar_t c);
static inline int shim_wcwidth(uint32_t c) { return wcwidth((wchar_t)c); }

/* C globals are Swift 6 errors: read them through functions. */
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }

/* Attribute macros. */
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_standout(void) { return A_STANDOUT; }
static inline int shim_key_f(int n) { return KEY_F(n); }

/* Wide line drawing: valid only after newterm, so functions, not constants. */
static inline const cchar_t *shim_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *shim_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *shim_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *shim_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *shim_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *shim_wacs_lrcorner(void) { return WACS_LRCORNER; }

/* Input: ERR, OK (a Unicode scalar) or KEY_CODE_YES (a KEY_* code). */
static inline int shim_wget_wch(WINDOW *w, uint32_t *out) {
    wint_t c = 0;
    int rc = wget_wch(w, &c);
    *out = (uint32_t)c;
    return rc;
}

/* Read one cell back (tests): first character, attributes, extended colour pair. */
static inline int shim_cell(WINDOW *w, int y, int x, uint32_t *ch, attr_t *attrs, int *pair) {
    cchar_t cc;
    wchar_t wch[CCHARW_MAX + 1];
    short p = 0;
    int ext = 0;
    if (mvwin_wch(w, y, x, &cc) == ERR) return ERR;
    if (getcchar(&cc, wch, attrs, &p, &ext) == ERR) return ERR;
    *ch = (uint32_t)wch[0];
    *pair = ext != 0 ? ext : p;
    return OK;
}

/* Write one cell: up to CCHARW_MAX wide chars, attributes, extended pair. */
static inline int shim_put_cell(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}

static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }

/* Line drawing for a Unicode box character (light, heavy, double), or NULL.
   The WACS values exist only after newterm, so this is a function. */
static inline const cchar_t *shim_wacs_for(uint32_t u) {
    switch (u) {
    case 0x2500: return WACS_HLINE;     case 0x2502: return WACS_VLINE;
    case 0x250C: return WACS_ULCORNER;  case 0x2510: return WACS_URCORNER;
    case 0x2514: return WACS_LLCORNER;  case 0x2518: return WACS_LRCORNER;
    case 0x251C: return WACS_LTEE;      case 0x2524: return WACS_RTEE;
    case 0x252C: return WACS_TTEE;      case 0x2534: return WACS_BTEE;
    case 0x253C: return WACS_PLUS;
    case 0x2501: return WACS_T_HLINE;   case 0x2503: return WACS_T_VLINE;
    case 0x250F: return WACS_T_ULCORNER; case 0x2513: return WACS_T_URCORNER;
    case 0x2517: return WACS_T_LLCORNER; case 0x251B: return WACS_T_LRCORNER;
    case 0x2523: return WACS_T_LTEE;    case 0x252B: return WACS_T_RTEE;
    case 0x2533: return WACS_T_TTEE;    case 0x253B: return WACS_T_BTEE;
    case 0x254B: return WACS_T_PLUS;
    case 0x2550: return WACS_D_HLINE;   case 0x2551: return WACS_D_VLINE;
    case 0x2554: return WACS_D_ULCORNER; case 0x2557: return WACS_D_URCORNER;
    case 0x255A: return WACS_D_LLCORNER; case 0x255D: return WACS_D_LRCORNER;
    case 0x2560: return WACS_D_LTEE;    case 0x2563: return WACS_D_RTEE;
    case 0x2566: return WACS_D_TTEE;    case 0x2569: return WACS_D_BTEE;
    case 0x256C: return WACS_D_PLUS;
    default: return NULL;
    }
}

/* Write a WACS line-drawing cell with our attributes and extended pair,
   keeping whatever attribute (A_ALTCHARSET) ncurses chose for it. */
static inline int shim_put_wacs(WINDOW *w, int y, int x, const cchar_t *wacs, attr_t attrs, int pair) {
    wchar_t wch[CCHARW_MAX + 1];
    attr_t a = 0;
    short p = 0;
    cchar_t cc;
    if (wacs == NULL) return ERR;
    if (getcchar(wacs, wch, &a, &p, NULL) == ERR) return ERR;
    if (setcchar(&cc, wch, a | attrs, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}

/* tigetstr, with the "not a string capability" (char*)-1 mapped to NULL. */
static inline const char *shim_tigetstr(const char *cap) {
    char *s = tigetstr(cap);
    if (s == (char *)-1) return NULL;
    return s;
}

static inline attr_t shim_a_altcharset(void) { return A_ALTCHARSET; }

#endif
