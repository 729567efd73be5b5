import ArgumentParser
import Foundation
import TVPARules

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
    /// JSON Lines for corpora (`tvpa.bulk/1`, docs/bulk-format.md): a header, then a line per case.
    case bulk
}

extension ExplainView: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Decide every program for case files and explain each decision.")

    @Argument(help: "Case files or folders of case files.")
    var cases: [String]

    @OptionGroup var rules: RulesOptions

    @Option(help: "The decision date (YYYY-MM-DD); default: each file's as_of, else today.")
    var asOf: String?

    @Option(name: .customLong("program"), help: "Decide only this program (repeatable).")
    var programs: [String] = []

    @Option(help: "text, json (JSON Lines for several files), or bulk (compact JSON Lines for corpora: a header line with the questions, then each case's outcomes, reasons and missing facts; docs/bulk-format.md).")
    var format: ReportFormat = .text

    @Option(help: "decision (what justified the outcome), full, or off.")
    var explain: ExplainView = .decision

    @Flag(help: "Withhold the title, narrative, source, free text and fact values, and name cases and family members by pseudonyms (case 1, case 1 · member 2), so the report can be shared.")
    var redact = false

    @Option(help: "Worker threads (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let program = try rules.compile()
        let date = try asOf.map { try decisionDate($0, option: "--as-of") }
        let ids = program.programs.map(\.id)
        for id in programs where !ids.contains(id) {
            throw ValidationError("unknown program '\(id)'" + (Suggest.help(for: id, in: ids).map { "; \($0)" } ?? ""))
        }
        let options = CaseRun.Options(asOf: date, programs: programs.isEmpty ? nil : Set(programs), view: explain, redact: redact, bulk: format == .bulk)
        var invalid = false
        // Reports printed to a terminal would tear the bar: draw it only when they go elsewhere.
        var bar = ProgressBar(enabled: Output.errorIsTerminal && !Output.isTerminal)
        let single = cases.count == 1 && !cases[0].hasSuffix(".jsonl") && !cases[0].hasSuffix(".csv") && !FileManager.default.isDirectory(cases[0])
        var out = BufferedOutput()
        if format == .bulk { out.append { BulkJSON.header(program, redacted: redact, into: &$0); $0.raw(UInt8(ascii: "\n")) } }
        CaseRun.stream(cases, program: program, options: options, workers: jobs, progress: { bar.update(cases: $0, fraction: $1) }) { result in
            if !result.diagnostics.isEmpty {
                bar.finish()
                // What was decided before a diagnostic is written before it.
                out.flush()
            }
            Output.error(DiagnosticRenderer.render(result.diagnostics))
            if result.diagnostics.hasErrors { invalid = true }
            if let bulk = result.bulk { out.append { BulkJSON.line(bulk, into: &$0) } }
            guard let report = result.report else { return }
            switch format {
            case .text: out.print(TextRenderer(color: Output.isTerminal).render(report))
            case .json, .bulk: out.print(DecisionJSON.render(report, pretty: single && Output.isTerminal))
            }
        }
        out.flush()
        bar.finish()
        if invalid { throw Exit.invalidInput }
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
