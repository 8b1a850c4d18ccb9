#ifndef WL_CPANGOCAIRO_H
#define WL_CPANGOCAIRO_H
/* Cairo (PDF surface) and Pango (Unicode text layout) for the PDF handover,
   loaded at run time with dlopen (libcairo.so.2, libpango-1.0.so.0,
   libpangocairo-1.0.so.0, libgobject-2.0.so.0), so that building Wardline
   needs none of their headers or link-time libraries: only the runtime
   packages (Debian: libcairo2, libpango-1.0-0, libpangocairo-1.0-0).
   Declared here under our own names, only what Wardline uses; the
   signatures follow the libraries' documented C API. */

/* Opaque handles: cairo_t, cairo_surface_t, PangoLayout, PangoFontDescription. */
typedef struct wl_cairo wl_cairo;
typedef struct wl_cairo_surface wl_cairo_surface;
typedef struct wl_pango_layout wl_pango_layout;
typedef struct wl_pango_font_description wl_pango_font_description;

/* Enum values and PANGO_SCALE are compile-time constants in the libraries'
   headers, not exported symbols. These are their stable ABI values
   (cairo.h, cairo-pdf.h, pango-types.h, pango-layout.h; checked against
   cairo 1.16 and pango 1.50). */
enum {
    WL_CAIRO_STATUS_SUCCESS = 0,        /* CAIRO_STATUS_SUCCESS */
    WL_CAIRO_PDF_METADATA_TITLE = 0,    /* CAIRO_PDF_METADATA_TITLE (cairo 1.16+) */
    WL_CAIRO_PDF_METADATA_CREATOR = 4,  /* CAIRO_PDF_METADATA_CREATOR (cairo 1.16+) */
    WL_PANGO_WRAP_WORD_CHAR = 2,        /* PANGO_WRAP_WORD_CHAR */
    WL_PANGO_SCALE = 1024               /* PANGO_SCALE: pango units per device unit */
};

/* Loads the four libraries and resolves every function below, once per
   process (thread-safe). Returns 0 when ready, -1 otherwise. */
int wl_pangocairo_load(void);

/* NULL when ready; otherwise one line naming what is missing and the Debian
   package that provides it. Calls wl_pangocairo_load(). */
const char *wl_pangocairo_error(void);

/* cairo. Every function below must only be called after wl_pangocairo_load()
   returned 0; the constructors return NULL when it did not. */
wl_cairo_surface *wl_cairo_pdf_surface_create(const char *filename, double width_in_points, double height_in_points);
void wl_cairo_pdf_surface_set_metadata(wl_cairo_surface *surface, int metadata, const char *utf8);
void wl_cairo_surface_finish(wl_cairo_surface *surface);
int wl_cairo_surface_status(wl_cairo_surface *surface);
void wl_cairo_surface_destroy(wl_cairo_surface *surface);
const char *wl_cairo_status_to_string(int status);

wl_cairo *wl_cairo_create(wl_cairo_surface *target);
void wl_cairo_destroy(wl_cairo *cr);
void wl_cairo_save(wl_cairo *cr);
void wl_cairo_restore(wl_cairo *cr);
void wl_cairo_set_source_rgb(wl_cairo *cr, double red, double green, double blue);
void wl_cairo_set_line_width(wl_cairo *cr, double width);
void wl_cairo_set_dash(wl_cairo *cr, const double *dashes, int num_dashes, double offset);
void wl_cairo_move_to(wl_cairo *cr, double x, double y);
void wl_cairo_line_to(wl_cairo *cr, double x, double y);
void wl_cairo_new_sub_path(wl_cairo *cr);
void wl_cairo_arc(wl_cairo *cr, double xc, double yc, double radius, double angle1, double angle2);
void wl_cairo_rectangle(wl_cairo *cr, double x, double y, double width, double height);
void wl_cairo_stroke(wl_cairo *cr);
void wl_cairo_fill(wl_cairo *cr);
void wl_cairo_show_page(wl_cairo *cr);

/* pango and pangocairo. */
wl_pango_layout *wl_pango_cairo_create_layout(wl_cairo *cr);
void wl_pango_cairo_show_layout(wl_cairo *cr, wl_pango_layout *layout);
void wl_pango_layout_set_wrap(wl_pango_layout *layout, int wrap);
void wl_pango_layout_set_font_description(wl_pango_layout *layout, const wl_pango_font_description *desc);
void wl_pango_layout_set_width(wl_pango_layout *layout, int width);
void wl_pango_layout_set_text(wl_pango_layout *layout, const char *text, int length);
void wl_pango_layout_get_size(wl_pango_layout *layout, int *width, int *height);
/* g_object_unref on the layout. */
void wl_pango_layout_unref(wl_pango_layout *layout);
wl_pango_font_description *wl_pango_font_description_from_string(const char *str);
void wl_pango_font_description_free(wl_pango_font_description *desc);

#endif
