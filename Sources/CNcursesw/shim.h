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

/* Read one cell back (tests): first character, attributes, colour pair. */
static inline int shim_cell(WINDOW *w, int y, int x, uint32_t *ch, attr_t *attrs, int *pair) {
    cchar_t cc;
    wchar_t wch[CCHARW_MAX + 1];
    short p = 0;
    if (mvwin_wch(w, y, x, &cc) == ERR) return ERR;
    if (getcchar(&cc, wch, attrs, &p, NULL) == ERR) return ERR;
    *ch = (uint32_t)wch[0];
    *pair = p;
    return OK;
}

/* Write one cell: up to CCHARW_MAX wide chars, attributes, extended pair. */
static inline int shim_put_cell(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}

static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }
#endif
