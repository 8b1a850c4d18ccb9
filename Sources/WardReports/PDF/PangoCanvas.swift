import CPangoCairo
import Foundation

/// A thin wrapper over one cairo context and one pango layout: measure and
/// draw wrapped Unicode text, lines and boxes, in PDF points.
final class PangoCanvas {
    let cr: OpaquePointer
    private let layout: OpaquePointer
    private var fonts: [String: OpaquePointer] = [:]

    init(cr: OpaquePointer) {
        self.cr = cr
        self.layout = wl_pango_cairo_create_layout(cr)
        wl_pango_layout_set_wrap(layout, Int32(WL_PANGO_WRAP_WORD_CHAR))
    }

    deinit {
        for f in fonts.values { wl_pango_font_description_free(f) }
        wl_pango_layout_unref(layout)
    }

    private func font(_ spec: String) -> OpaquePointer {
        if let f = fonts[spec] { return f }
        let f = wl_pango_font_description_from_string(spec)!
        fonts[spec] = f
        return f
    }

    private func prepare(_ text: String, font spec: String, width: Double) {
        wl_pango_layout_set_font_description(layout, font(spec))
        wl_pango_layout_set_width(layout, Int32(width * Double(WL_PANGO_SCALE)))
        wl_pango_layout_set_text(layout, text, -1)
    }

    /// Height in points of `text` wrapped to `width`.
    func height(_ text: String, font spec: String, width: Double) -> Double {
        prepare(text, font: spec, width: width)
        var w: Int32 = 0, h: Int32 = 0
        wl_pango_layout_get_size(layout, &w, &h)
        return Double(h) / Double(WL_PANGO_SCALE)
    }

    /// Natural width in points (unwrapped).
    func naturalWidth(_ text: String, font spec: String) -> Double {
        wl_pango_layout_set_font_description(layout, font(spec))
        wl_pango_layout_set_width(layout, -1)
        wl_pango_layout_set_text(layout, text, -1)
        var w: Int32 = 0, h: Int32 = 0
        wl_pango_layout_get_size(layout, &w, &h)
        return Double(w) / Double(WL_PANGO_SCALE)
    }

    /// Draws `text` wrapped to `width` with its top-left at (x, y); returns its height.
    @discardableResult
    func text(_ text: String, x: Double, y: Double, width: Double, font spec: String, gray: Double = 0) -> Double {
        prepare(text, font: spec, width: width)
        wl_cairo_set_source_rgb(cr, gray, gray, gray)
        wl_cairo_move_to(cr, x, y)
        wl_pango_cairo_show_layout(cr, layout)
        var w: Int32 = 0, h: Int32 = 0
        wl_pango_layout_get_size(layout, &w, &h)
        return Double(h) / Double(WL_PANGO_SCALE)
    }

    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double = 0.5, gray: Double = 0, dash: Double? = nil) {
        wl_cairo_save(cr)
        wl_cairo_set_source_rgb(cr, gray, gray, gray)
        wl_cairo_set_line_width(cr, width)
        if let dash { var d = [dash, dash]; wl_cairo_set_dash(cr, &d, 2, 0) }
        wl_cairo_move_to(cr, x0, y0)
        wl_cairo_line_to(cr, x1, y1)
        wl_cairo_stroke(cr)
        wl_cairo_restore(cr)
    }

    func fill(_ x: Double, _ y: Double, _ w: Double, _ h: Double, gray: Double) {
        wl_cairo_set_source_rgb(cr, gray, gray, gray)
        wl_cairo_rectangle(cr, x, y, w, h)
        wl_cairo_fill(cr)
    }

    func stroke(_ x: Double, _ y: Double, _ w: Double, _ h: Double, width: Double = 0.5, gray: Double = 0) {
        wl_cairo_set_source_rgb(cr, gray, gray, gray)
        wl_cairo_set_line_width(cr, width)
        wl_cairo_rectangle(cr, x, y, w, h)
        wl_cairo_stroke(cr)
    }

    func polyline(_ points: [(Double, Double)], width: Double = 1.2) {
        guard let first = points.first else { return }
        wl_cairo_set_source_rgb(cr, 0, 0, 0)
        wl_cairo_set_line_width(cr, width)
        wl_cairo_move_to(cr, first.0, first.1)
        for p in points.dropFirst() { wl_cairo_line_to(cr, p.0, p.1) }
        wl_cairo_stroke(cr)
    }

    func dot(_ x: Double, _ y: Double, radius: Double = 2) {
        wl_cairo_set_source_rgb(cr, 0, 0, 0)
        wl_cairo_new_sub_path(cr)
        wl_cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
        wl_cairo_fill(cr)
    }

    func showPage() { wl_cairo_show_page(cr) }
}
