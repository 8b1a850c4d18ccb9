/// The amounts a drug's doses can take: either every multiple of a step
/// (`--round-mg`, or no ward stock listed), or what the ward's tablets make —
/// any number of whole tablets plus halves of scored tablets.
public struct DoseGrid: Sendable, Hashable {
    /// The finest precision a chart writes a dose in (DoseText.mg: three
    /// decimals). Not a clinical number: doses of a drug with no ward stock
    /// are kept to this precision, i.e. as the order says.
    public static let chartPrecisionMg = 0.001

    /// Largest table of small amounts a stock may need before every amount
    /// above is makeable (protects against absurdly fine strengths).
    static let maxTable = 200_000

    /// Every makeable amount is a multiple of this.
    public let stepMg: Double
    /// Amounts of `closure` steps and above are all makeable; below it,
    /// `small[k]` says whether k steps can be made. Empty for a multiples grid.
    let small: [Bool]
    let closure: Int

    /// Every multiple of `stepMg` (the old "round to N mg" behaviour).
    public static func multiples(of stepMg: Double) -> DoseGrid { DoseGrid(stepMg: stepMg, small: [], closure: 0) }

    private init(stepMg: Double, small: [Bool], closure: Int) {
        self.stepMg = stepMg; self.small = small; self.closure = closure
    }

    /// The amounts made from whole tablets of `strengths` and halves of the
    /// scored ones; nil when the strengths are so fine that the set of small
    /// amounts is too large to tabulate (the protocol check refuses such stock).
    public init?(strengths: [TabletStrength]) {
        var piecesMicro: [Int] = []
        for s in strengths where s.mg.isFinite && s.mg > 0 {
            piecesMicro.append(Int((s.mg / DoseGrid.chartPrecisionMg).rounded()))
            if s.scored { piecesMicro.append(Int((s.mg / 2 / DoseGrid.chartPrecisionMg).rounded())) }
        }
        piecesMicro = Array(Set(piecesMicro.filter { $0 > 0 })).sorted()
        guard let first = piecesMicro.first else { return nil }
        let unit = piecesMicro.reduce(first) { gcd($0, $1) }
        let pieces = piecesMicro.map { $0 / unit }
        let smallest = pieces[0]
        // Once `smallest` consecutive amounts are makeable, every larger one is.
        var table: [Bool] = [true]
        var run = 1
        var k = 0
        while run < smallest {
            k += 1
            guard k <= DoseGrid.maxTable else { return nil }
            let ok = pieces.contains { $0 <= k && table[k - $0] }
            table.append(ok)
            run = ok ? run + 1 : 0
        }
        let closure = k - smallest + 1
        self.init(stepMg: Double(unit) * DoseGrid.chartPrecisionMg, small: Array(table.prefix(max(0, closure))),
                  closure: max(0, closure))
    }

    private func makeable(_ k: Int) -> Bool { k >= 0 && (k >= closure || small[k]) }

    /// `mg` in steps, when it is a whole number of steps.
    private func steps(_ mg: Double) -> Int? {
        let x = mg / stepMg
        let k = x.rounded()
        return abs(x - k) < 1e-6 && k >= 0 && k < Double(Int.max / 4) ? Int(k) : nil
    }

    private func mg(_ k: Int) -> Double { clean(Double(k) * stepMg) }

    /// Steps a split works through at most (10 g at the chart's precision); beyond, the plain split.
    static let maxSplitSteps = 10_000_000

    /// `x` as a whole number of steps, never trapping: not finite or beyond ±2⁵² becomes the bound.
    private static func whole(_ x: Double) -> Int {
        guard x.isFinite else { return 0 }
        return Int(Swift.max(-4.5e15, Swift.min(4.5e15, x)))
    }

    /// Whether `mg` can be given as it is.
    public func canMake(_ mg: Double) -> Bool { steps(mg).map(makeable) ?? false }

    /// The makeable amount nearest `mg` (halfway: the larger one).
    public func nearest(_ mg: Double) -> Double {
        guard mg.isFinite, mg > 0 else { return 0 }
        let x = mg / stepMg
        var lo = Self.whole((x + 1e-9).rounded(.down))
        while !makeable(lo) { lo -= 1 }          // 0 is always makeable
        var hi = Self.whole((x - 1e-9).rounded(.up))
        while !makeable(hi) { hi += 1 }
        return self.mg(x - Double(lo) < Double(hi) - x - 1e-9 ? lo : hi)
    }

    /// The largest makeable amount below `mg` (nil when `mg` is 0 or less).
    public func largestBelow(_ mg: Double) -> Double? {
        guard mg.isFinite, mg > 0 else { return nil }
        var k = Self.whole((mg / stepMg - 1e-9).rounded(.up)) - 1
        while k >= 0 && !makeable(k) { k -= 1 }
        return k >= 0 ? self.mg(k) : nil
    }

    /// The makeable amounts from 0 up to the first from which every step is
    /// makeable, e.g. [1] and 2 for 2/5/10 mg scored tablets (1.5 mg cannot be made).
    public var smallAmounts: (makeable: [Double], everyStepFrom: Double) {
        ((1..<max(1, closure)).filter { small[$0] }.map(mg), mg(closure))
    }

    /// `daily` split into `n` doses, each makeable, as equal as possible
    /// (least sum of squares), smallest first: the later doses carry the
    /// larger share. A daily amount that cannot be made at all is split into
    /// equal whole steps with the rest on the last dose.
    public func split(_ daily: Double, into n: Int) -> [Double] {
        guard n > 0 else { return [] }
        guard let total = steps(daily), total <= Self.maxSplitSteps, makeable(total) else {
            let units = Self.whole((daily / stepMg + 1e-9).rounded(.down))
            var out = (0..<n).map { i in Double(units / n + (i >= n - units % n ? 1 : 0)) * stepMg }
            out[n - 1] += daily - out.reduce(0, +)
            return out.map(clean)
        }
        let even = (0..<n).map { i in total / n + (i >= n - total % n ? 1 : 0) }
        if even.allSatisfy(makeable) { return even.map(mg) }
        let candidates = (0...total).filter(makeable)
        guard n * (total + 1) * candidates.count <= 4_000_000 else {
            return (0..<n).map { $0 == n - 1 ? mg(total) : 0 }
        }
        // best[s]: least sum of squares of i makeable doses adding up to s.
        let inf = Int.max
        var best = [Int](repeating: inf, count: total + 1)
        best[0] = 0
        var choice: [[Int]] = []
        for _ in 0..<n {
            var next = [Int](repeating: inf, count: total + 1)
            var pick = [Int](repeating: -1, count: total + 1)
            for s in 0...total where best[s] != inf {
                for c in candidates where s + c <= total {
                    let cost = best[s] + c * c
                    if cost < next[s + c] { next[s + c] = cost; pick[s + c] = c }
                }
            }
            choice.append(pick)
            best = next
        }
        var out: [Int] = []
        var s = total
        for pick in choice.reversed() { let c = pick[s]; out.append(c); s -= c }
        return out.sorted().map(mg)
    }
}

private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
