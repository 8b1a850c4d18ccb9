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
        self.layout = pango_cairo_create_layout(cr)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    }

    deinit {
        for f in fonts.values { pango_font_description_free(f) }
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    private func font(_ spec: String) -> OpaquePointer {
        if let f = fonts[spec] { return f }
        let f = pango_font_description_from_string(spec)!
        fonts[spec] = f
        return f
    }

    private func prepare(_ text: String, font spec: String, width: Double) {
        pango_layout_set_font_description(layout, font(spec))
        pango_layout_set_width(layout, Int32(width * Double(cpango_scale())))
        pango_layout_set_text(layout, text, -1)
    }

    /// Height in points of `text` wrapped to `width`.
    func height(_ text: String, font spec: String, width: Double) -> Double {
        prepare(text, font: spec, width: width)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(h) / Double(cpango_scale())
    }

    /// Natural width in points (unwrapped).
    func naturalWidth(_ text: String, font spec: String) -> Double {
        pango_layout_set_font_description(layout, font(spec))
        pango_layout_set_width(layout, -1)
        pango_layout_set_text(layout, text, -1)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(w) / Double(cpango_scale())
    }

    /// Draws `text` wrapped to `width` with its top-left at (x, y); returns its height.
    @discardableResult
    func text(_ text: String, x: Double, y: Double, width: Double, font spec: String, gray: Double = 0) -> Double {
        prepare(text, font: spec, width: width)
        cairo_set_source_rgb(cr, gray, gray, gray)
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(h) / Double(cpango_scale())
    }

    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double = 0.5, gray: Double = 0, dash: Double? = nil) {
        cairo_save(cr)
        cairo_set_source_rgb(cr, gray, gray, gray)
        cairo_set_line_width(cr, width)
        if let dash { var d = [dash, dash]; cairo_set_dash(cr, &d, 2, 0) }
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    func fill(_ x: Double, _ y: Double, _ w: Double, _ h: Double, gray: Double) {
        cairo_set_source_rgb(cr, gray, gray, gray)
        cairo_rectangle(cr, x, y, w, h)
        cairo_fill(cr)
    }

    func stroke(_ x: Double, _ y: Double, _ w: Double, _ h: Double, width: Double = 0.5, gray: Double = 0) {
        cairo_set_source_rgb(cr, gray, gray, gray)
        cairo_set_line_width(cr, width)
        cairo_rectangle(cr, x, y, w, h)
        cairo_stroke(cr)
    }

    func polyline(_ points: [(Double, Double)], width: Double = 1.2) {
        guard let first = points.first else { return }
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, first.0, first.1)
        for p in points.dropFirst() { cairo_line_to(cr, p.0, p.1) }
        cairo_stroke(cr)
    }

    func dot(_ x: Double, _ y: Double, radius: Double = 2) {
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
        cairo_fill(cr)
    }

    func showPage() { cairo_show_page(cr) }
}
