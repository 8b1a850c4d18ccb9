import Foundation

/// How a colour looks to someone with a dichromacy, and how far apart two
/// colours look: the Machado, Oliveira & Fernandes (2009) simulation at
/// severity 1.0, applied to linear RGB, then CIE76 ΔE in L*a*b* (D65).
enum ColourVision: String, CaseIterable, CustomStringConvertible {
    case normal, protanopia, deuteranopia, tritanopia

    var description: String { rawValue }

    var matrix: [[Double]] {
        switch self {
        case .normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        case .protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        case .deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        case .tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
        }
    }

    /// The colour as this eye sees it, in CIE L*a*b*.
    func lab(_ c: RGB) -> [Double] {
        let l = WCAG.linear(c)
        let s = matrix.map { row in min(1, max(0, zip(row, l).map(*).reduce(0, +))) }
        let x = 0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]
        let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2]
        let z = 0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        let fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883)
        return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)]
    }

    /// CIE76 colour difference as this eye sees it (about 2.3 is just noticeable).
    func difference(_ a: RGB, _ b: RGB) -> Double {
        let p = lab(a), q = lab(b)
        return sqrt(zip(p, q).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
    }
}
