#ifndef CPANGOCAIRO_SHIM_H
#define CPANGOCAIRO_SHIM_H
/* Cairo (PDF surface) + Pango (Unicode text layout) for the PDF handover.
   Include paths come from `pkg-config --cflags pangocairo`; pkg-config's
   only non -I flag there is -pthread, which SwiftPM may drop harmlessly. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/* PANGO_SCALE is a macro: expose it as a function for Swift. */
static inline int cpango_scale(void) { return PANGO_SCALE; }
#endif
