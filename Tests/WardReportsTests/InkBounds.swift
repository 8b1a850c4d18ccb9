import Foundation
import TestTools

/// Where the ink is on each page of a PDF, in points from the page's left
/// edge: the PDF rendered to greyscale by pdftoppm and scanned for dark
/// pixels. For printouts whose fonts pdftotext cannot read back.
struct InkBounds: CustomStringConvertible {
    var page: Int
    var pageWidth: Double
    var left: Double, right: Double
    var description: String { "page \(page): ink from \(Int(left)) to \(Int(right)) pt of \(Int(pageWidth))" }

    static func pages(of pdf: URL, dpi: Int = 72) throws -> [InkBounds] {
        let dir = TemporaryFolders.make("reports-ink")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runProcess("pdftoppm", ["-gray", "-r", "\(dpi)", pdf.path, dir.appendingPathComponent("p").path])
        guard r.status == 0 else { throw InkError("pdftoppm: \(r.stderr)") }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pgm") }.sorted {
            (Int($0.filter(\.isNumber)) ?? 0) < (Int($1.filter(\.isNumber)) ?? 0)
        }
        return try files.enumerated().compactMap { n, name in
            try bounds(Data(contentsOf: dir.appendingPathComponent(name)), page: n + 1, dpi: dpi)
        }
    }

    /// A binary PGM ("P5 w h 255" then w×h bytes); nil for a blank page.
    static func bounds(_ pgm: Data, page: Int, dpi: Int) throws -> InkBounds? {
        let bytes = [UInt8](pgm)
        var fields: [Int] = [], i = 2, current: Int? = nil
        guard bytes.starts(with: Array("P5".utf8)) else { throw InkError("not a binary PGM") }
        while fields.count < 3, i < bytes.count {
            let b = bytes[i]
            if (48...57).contains(b) { current = (current ?? 0) * 10 + Int(b - 48) }
            else if let c = current { fields.append(c); current = nil }
            i += 1
        }
        guard fields.count == 3 else { throw InkError("PGM header unreadable") }
        let (w, h) = (fields[0], fields[1])
        let pixels = bytes[i...]
        guard pixels.count >= w * h else { throw InkError("PGM short: \(pixels.count) of \(w * h)") }
        var minX = Int.max, maxX = -1
        let base = pixels.startIndex
        for y in 0..<h {
            for x in 0..<w where pixels[base + y * w + x] < 160 {
                minX = min(minX, x); maxX = max(maxX, x)
            }
        }
        guard maxX >= 0 else { return nil }
        let pt = 72 / Double(dpi)
        return InkBounds(page: page, pageWidth: Double(w) * pt, left: Double(minX) * pt, right: Double(maxX + 1) * pt)
    }
}

struct InkError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
