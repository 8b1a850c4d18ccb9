import Foundation
import WardUI

/// An sRGB colour, 0–255 per channel.
struct RGB: Hashable, CustomStringConvertible {
    var r: Int, g: Int, b: Int
    var description: String { String(format: "#%02x%02x%02x", r, g, b) }
}

/// The colours xterm shows for palette indexes 0–255 (its default resources):
/// the 16 ANSI colours, the 6×6×6 cube, the 24 greys.
enum XtermPalette {
    static let ansi: [RGB] = [
        RGB(r: 0x00, g: 0x00, b: 0x00), RGB(r: 0xcd, g: 0x00, b: 0x00), RGB(r: 0x00, g: 0xcd, b: 0x00), RGB(r: 0xcd, g: 0xcd, b: 0x00),
        RGB(r: 0x00, g: 0x00, b: 0xee), RGB(r: 0xcd, g: 0x00, b: 0xcd), RGB(r: 0x00, g: 0xcd, b: 0xcd), RGB(r: 0xe5, g: 0xe5, b: 0xe5),
        RGB(r: 0x7f, g: 0x7f, b: 0x7f), RGB(r: 0xff, g: 0x00, b: 0x00), RGB(r: 0x00, g: 0xff, b: 0x00), RGB(r: 0xff, g: 0xff, b: 0x00),
        RGB(r: 0x5c, g: 0x5c, b: 0xff), RGB(r: 0xff, g: 0x00, b: 0xff), RGB(r: 0x00, g: 0xff, b: 0xff), RGB(r: 0xff, g: 0xff, b: 0xff),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(_ index: Int) -> RGB {
        precondition((0...255).contains(index), "palette index \(index)")
        if index < 16 { return ansi[index] }
        if index < 232 {
            let i = index - 16
            return RGB(r: cubeLevels[i / 36], g: cubeLevels[(i / 6) % 6], b: cubeLevels[i % 6])
        }
        let v = 8 + 10 * (index - 232)
        return RGB(r: v, g: v, b: v)
    }
}

/// WCAG 2.x relative luminance and contrast ratio.
enum WCAG {
    /// One sRGB channel (0–255) made linear.
    static func linear(_ c: Int) -> Double {
        let s = Double(c) / 255
        return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }

    static func linear(_ c: RGB) -> [Double] { [linear(c.r), linear(c.g), linear(c.b)] }

    /// Relative luminance: 0 for black, 1 for white.
    static func luminance(_ c: RGB) -> Double {
        let l = linear(c)
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]
    }

    /// (lighter + 0.05) / (darker + 0.05): 1 … 21.
    static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
