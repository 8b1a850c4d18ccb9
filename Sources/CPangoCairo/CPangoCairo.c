/* Run-time binding to cairo, pango, pangocairo and gobject: dlopen each
   library once, dlsym every function once. See include/CPangoCairo.h. */
#include "CPangoCairo.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static struct {
    /* libcairo.so.2 */
    wl_cairo_surface *(*pdf_surface_create)(const char *, double, double);
    void (*pdf_surface_set_metadata)(wl_cairo_surface *, int, const char *);
    void (*surface_finish)(wl_cairo_surface *);
    int (*surface_status)(wl_cairo_surface *);
    void (*surface_destroy)(wl_cairo_surface *);
    const char *(*status_to_string)(int);
    wl_cairo *(*create)(wl_cairo_surface *);
    void (*destroy)(wl_cairo *);
    void (*save)(wl_cairo *);
    void (*restore)(wl_cairo *);
    void (*set_source_rgb)(wl_cairo *, double, double, double);
    void (*set_line_width)(wl_cairo *, double);
    void (*set_dash)(wl_cairo *, const double *, int, double);
    void (*move_to)(wl_cairo *, double, double);
    void (*line_to)(wl_cairo *, double, double);
    void (*new_sub_path)(wl_cairo *);
    void (*arc)(wl_cairo *, double, double, double, double, double);
    void (*rectangle)(wl_cairo *, double, double, double, double);
    void (*stroke)(wl_cairo *);
    void (*fill)(wl_cairo *);
    void (*show_page)(wl_cairo *);
    /* libpango-1.0.so.0 */
    void (*layout_set_wrap)(wl_pango_layout *, int);
    void (*layout_set_font_description)(wl_pango_layout *, const wl_pango_font_description *);
    void (*layout_set_width)(wl_pango_layout *, int);
    void (*layout_set_text)(wl_pango_layout *, const char *, int);
    void (*layout_get_size)(wl_pango_layout *, int *, int *);
    wl_pango_font_description *(*font_description_from_string)(const char *);
    void (*font_description_free)(wl_pango_font_description *);
    /* libpangocairo-1.0.so.0 */
    wl_pango_layout *(*cairo_create_layout)(wl_cairo *);
    void (*cairo_show_layout)(wl_cairo *, wl_pango_layout *);
    /* libgobject-2.0.so.0 */
    void (*object_unref)(void *);
} fn;

struct symbol { const char *name; void **slot; };

struct library {
    const char *soname;    /* the versioned name, tried first */
    const char *fallback;  /* the unversioned name (a -dev package's symlink) */
    const char *package;   /* the Debian package that provides soname */
    const struct symbol *symbols;
    size_t count;
};

#define SYM(name, field) { name, (void **)&fn.field }

static const struct symbol cairo_symbols[] = {
    SYM("cairo_pdf_surface_create", pdf_surface_create),
    SYM("cairo_pdf_surface_set_metadata", pdf_surface_set_metadata),
    SYM("cairo_surface_finish", surface_finish),
    SYM("cairo_surface_status", surface_status),
    SYM("cairo_surface_destroy", surface_destroy),
    SYM("cairo_status_to_string", status_to_string),
    SYM("cairo_create", create),
    SYM("cairo_destroy", destroy),
    SYM("cairo_save", save),
    SYM("cairo_restore", restore),
    SYM("cairo_set_source_rgb", set_source_rgb),
    SYM("cairo_set_line_width", set_line_width),
    SYM("cairo_set_dash", set_dash),
    SYM("cairo_move_to", move_to),
    SYM("cairo_line_to", line_to),
    SYM("cairo_new_sub_path", new_sub_path),
    SYM("cairo_arc", arc),
    SYM("cairo_rectangle", rectangle),
    SYM("cairo_stroke", stroke),
    SYM("cairo_fill", fill),
    SYM("cairo_show_page", show_page),
};

static const struct symbol pango_symbols[] = {
    SYM("pango_layout_set_wrap", layout_set_wrap),
    SYM("pango_layout_set_font_description", layout_set_font_description),
    SYM("pango_layout_set_width", layout_set_width),
    SYM("pango_layout_set_text", layout_set_text),
    SYM("pango_layout_get_size", layout_get_size),
    SYM("pango_font_description_from_string", font_description_from_string),
    SYM("pango_font_description_free", font_description_free),
};

static const struct symbol pangocairo_symbols[] = {
    SYM("pango_cairo_create_layout", cairo_create_layout),
    SYM("pango_cairo_show_layout", cairo_show_layout),
};

static const struct symbol gobject_symbols[] = {
    SYM("g_object_unref", object_unref),
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static const struct library libraries[] = {
    { "libcairo.so.2", "libcairo.so", "libcairo2", cairo_symbols, COUNT(cairo_symbols) },
    { "libpango-1.0.so.0", "libpango-1.0.so", "libpango-1.0-0", pango_symbols, COUNT(pango_symbols) },
    { "libpangocairo-1.0.so.0", "libpangocairo-1.0.so", "libpangocairo-1.0-0", pangocairo_symbols, COUNT(pangocairo_symbols) },
    { "libgobject-2.0.so.0", "libgobject-2.0.so", "libglib2.0-0", gobject_symbols, COUNT(gobject_symbols) },
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int ready;          /* 1 after every library and function was found */
static char problem[512];  /* the one-line reason when not ready */

static int load_library(const struct library *l) {
    char why[256] = "not found";
    void *lib = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        const char *e = dlerror();  /* the versioned name's reason is the one to report */
        if (e != NULL) snprintf(why, sizeof why, "%s", e);
        lib = dlopen(l->fallback, RTLD_NOW | RTLD_LOCAL);
    }
    if (lib == NULL) {
        snprintf(problem, sizeof problem, "%s could not be loaded: %s; install the Debian package %s",
                 l->soname, why, l->package);
        return -1;
    }
    for (size_t i = 0; i < l->count; i++) {
        *l->symbols[i].slot = dlsym(lib, l->symbols[i].name);
        if (*l->symbols[i].slot == NULL) {
            snprintf(problem, sizeof problem,
                     "the installed %s has no %s (too old); install a newer Debian package %s",
                     l->soname, l->symbols[i].name, l->package);
            return -1;
        }
    }
    return 0;
}

static void load(void) {
    for (size_t i = 0; i < COUNT(libraries); i++) {
        if (load_library(&libraries[i]) != 0) {
            memset(&fn, 0, sizeof fn);
            return;
        }
    }
    ready = 1;
}

int wl_pangocairo_load(void) {
    pthread_once(&once, load);
    return ready ? 0 : -1;
}

const char *wl_pangocairo_error(void) {
    return wl_pangocairo_load() == 0 ? NULL : problem;
}

/* cairo */

wl_cairo_surface *wl_cairo_pdf_surface_create(const char *filename, double width_in_points, double height_in_points) {
    if (wl_pangocairo_load() != 0) return NULL;
    return fn.pdf_surface_create(filename, width_in_points, height_in_points);
}

void wl_cairo_pdf_surface_set_metadata(wl_cairo_surface *surface, int metadata, const char *utf8) {
    fn.pdf_surface_set_metadata(surface, metadata, utf8);
}

void wl_cairo_surface_finish(wl_cairo_surface *surface) { fn.surface_finish(surface); }
int wl_cairo_surface_status(wl_cairo_surface *surface) { return fn.surface_status(surface); }
void wl_cairo_surface_destroy(wl_cairo_surface *surface) { fn.surface_destroy(surface); }
const char *wl_cairo_status_to_string(int status) { return fn.status_to_string(status); }

wl_cairo *wl_cairo_create(wl_cairo_surface *target) {
    if (wl_pangocairo_load() != 0) return NULL;
    return fn.create(target);
}

void wl_cairo_destroy(wl_cairo *cr) { fn.destroy(cr); }
void wl_cairo_save(wl_cairo *cr) { fn.save(cr); }
void wl_cairo_restore(wl_cairo *cr) { fn.restore(cr); }
void wl_cairo_set_source_rgb(wl_cairo *cr, double red, double green, double blue) { fn.set_source_rgb(cr, red, green, blue); }
void wl_cairo_set_line_width(wl_cairo *cr, double width) { fn.set_line_width(cr, width); }
void wl_cairo_set_dash(wl_cairo *cr, const double *dashes, int num_dashes, double offset) { fn.set_dash(cr, dashes, num_dashes, offset); }
void wl_cairo_move_to(wl_cairo *cr, double x, double y) { fn.move_to(cr, x, y); }
void wl_cairo_line_to(wl_cairo *cr, double x, double y) { fn.line_to(cr, x, y); }
void wl_cairo_new_sub_path(wl_cairo *cr) { fn.new_sub_path(cr); }
void wl_cairo_arc(wl_cairo *cr, double xc, double yc, double radius, double angle1, double angle2) { fn.arc(cr, xc, yc, radius, angle1, angle2); }
void wl_cairo_rectangle(wl_cairo *cr, double x, double y, double width, double height) { fn.rectangle(cr, x, y, width, height); }
void wl_cairo_stroke(wl_cairo *cr) { fn.stroke(cr); }
void wl_cairo_fill(wl_cairo *cr) { fn.fill(cr); }
void wl_cairo_show_page(wl_cairo *cr) { fn.show_page(cr); }

/* pango and pangocairo */

wl_pango_layout *wl_pango_cairo_create_layout(wl_cairo *cr) {
    if (wl_pangocairo_load() != 0) return NULL;
    return fn.cairo_create_layout(cr);
}

void wl_pango_cairo_show_layout(wl_cairo *cr, wl_pango_layout *layout) { fn.cairo_show_layout(cr, layout); }
void wl_pango_layout_set_wrap(wl_pango_layout *layout, int wrap) { fn.layout_set_wrap(layout, wrap); }
void wl_pango_layout_set_font_description(wl_pango_layout *layout, const wl_pango_font_description *desc) {
    fn.layout_set_font_description(layout, desc);
}
void wl_pango_layout_set_width(wl_pango_layout *layout, int width) { fn.layout_set_width(layout, width); }
void wl_pango_layout_set_text(wl_pango_layout *layout, const char *text, int length) { fn.layout_set_text(layout, text, length); }
void wl_pango_layout_get_size(wl_pango_layout *layout, int *width, int *height) { fn.layout_get_size(layout, width, height); }
void wl_pango_layout_unref(wl_pango_layout *layout) { fn.object_unref(layout); }

wl_pango_font_description *wl_pango_font_description_from_string(const char *str) {
    if (wl_pangocairo_load() != 0) return NULL;
    return fn.font_description_from_string(str);
}

void wl_pango_font_description_free(wl_pango_font_description *desc) { fn.font_description_free(desc); }
