import Foundation

/// A progress line on standard error, drawn only when it is a terminal, at most ten times a
/// second. It shows counts, never anything about a case.
struct ProgressBar {
    private let enabled: Bool
    private var lastDraw = ContinuousClock.now
    private let start = ContinuousClock.now
    private var drawn = false

    init(enabled: Bool = Output.errorIsTerminal) { self.enabled = enabled }

    mutating func update(cases: Int, fraction: Double) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        let width = 30
        let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Output.raw("\r\(bar) \(Int(fraction * 100))%  \(cases.formatted()) cases", to: 2)
        drawn = true
    }

    mutating func finish() {
        guard enabled, drawn else { return }
        Output.raw("\r\u{1B}[K", to: 2)
    }
}
