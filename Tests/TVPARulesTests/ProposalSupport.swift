import Foundation
import Testing
@testable import TVPARules

/// Helpers for the proposal and diff suites: proposals compiled over inline or shipped rules,
/// proposal texts with marked positions, and a sink that keeps everything a diff reports.
enum Proposals {
    /// The package root (for `Rules/proposals/` and `Cases/`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped proposals, by path relative to the package root, sorted.
    static var shipped: [String] {
        let dir = root.appendingPathComponent("Rules/proposals")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Rules/proposals/\($0)" }
    }

    /// A shipped proposal's text, under its relative path (so reports do not depend on the checkout).
    static func source(_ relativePath: String) throws -> SourceText {
        SourceText(path: relativePath, text: try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8))
    }

    /// Compiles an inline rule set with a proposal; nothing is asserted.
    static func compile(rules: String, proposal: String) throws -> (CompiledRules?, [Diagnostic]) {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try rules.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        return RuleCompiler.compile(.directory(dir.path), proposal: SourceText(path: "proposal.yaml", text: proposal))
    }

    /// Compiles an inline rule set with a proposal that must have no errors.
    static func program(rules: String, proposal: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Program {
        let (compiled, diagnostics) = try compile(rules: rules, proposal: proposal)
        #expect(!diagnostics.hasErrors, "proposal does not compile:\n\(diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return try #require(compiled, sourceLocation: sourceLocation).program
    }

    /// The diagnostics of a proposal over the shipped rules.
    static func diagnosticsOverShipped(_ proposal: String) -> (CompiledRules?, [Diagnostic]) {
        RuleCompiler.compile(.embedded, proposal: SourceText(path: "proposal.yaml", text: proposal))
    }
}

/// A text with `1️⃣`…`9️⃣` markers: the text without them, and the line:column each marks
/// (1-based, as diagnostics give them), so tests do not count columns by hand.
struct Marked {
    var text = ""
    var positions: [Int: (line: Int, column: Int)] = [:]

    static let markers: [Character: Int] = ["1️⃣": 1, "2️⃣": 2, "3️⃣": 3, "4️⃣": 4, "5️⃣": 5, "6️⃣": 6, "7️⃣": 7, "8️⃣": 8, "9️⃣": 9]

    init(_ marked: String) {
        var line = 1, column = 1
        for ch in marked {
            if let n = Self.markers[ch] {
                positions[n] = (line, column)
                continue
            }
            text.append(ch)
            if ch == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
    }

    subscript(_ n: Int) -> (line: Int, column: Int) { positions[n]! }
}

/// Keeps everything a diff reports, for assertions.
struct CollectingSink: DiffSink {
    var header: DiffHeader?
    var changes: [ChangedCase] = []
    var summary: DiffSummary?

    mutating func begin(_ header: DiffHeader) { self.header = header }
    mutating func changed(_ change: ChangedCase) { changes.append(change) }
    mutating func end(_ summary: DiffSummary) { self.summary = summary }
}

extension Outcome {
    /// not_eligible < undetermined < eligible: a move "toward eligible" raises the rank.
    var rank: Int {
        switch self {
        case .notEligible: return 0
        case .undetermined: return 1
        case .eligible: return 2
        }
    }
}

extension Transitions {
    /// Every off-diagonal move, as (from, to, count), counts above zero only.
    var offDiagonal: [(from: Outcome, to: Outcome, count: Int)] {
        var result: [(Outcome, Outcome, Int)] = []
        for a in 0..<3 {
            for b in 0..<3 where a != b && moves[a][b] > 0 { result.append((Transitions.order[a], Transitions.order[b], moves[a][b])) }
        }
        return result
    }
}
