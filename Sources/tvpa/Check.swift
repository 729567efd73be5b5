import ArgumentParser
import TVPARules

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
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

    @Option(help: "text or json (JSON Lines for several files).")
    var format: ReportFormat = .text

    @Option(help: "decision (what justified the outcome), full, or off.")
    var explain: ExplainView = .decision

    @Flag(help: "Replace fact values, free text and the narrative, so the report can be shared.")
    var redact = false

    func run() throws {
        let program = try rules.compile()
        let date = try asOf.map { text -> Int in
            guard let d = CivilDate.parse(text) else { throw ValidationError("--as-of must be a date YYYY-MM-DD, not '\(text)'") }
            return d
        }
        let ids = program.programs.map(\.id)
        for id in programs where !ids.contains(id) {
            throw ValidationError("unknown program '\(id)'" + (Suggest.help(for: id, in: ids).map { "; \($0)" } ?? ""))
        }
        let options = CaseRun.Options(asOf: date, programs: programs.isEmpty ? nil : Set(programs), view: explain, redact: redact)
        let results = CaseRun.run(cases, program: program, options: options)
        var invalid = false
        for result in results {
            Output.error(DiagnosticRenderer.render(result.diagnostics))
            if result.diagnostics.hasErrors { invalid = true }
            guard let report = result.report else { continue }
            switch format {
            case .text: Output.print(TextRenderer(color: Output.isTerminal).render(report))
            case .json: Output.print(DecisionJSON.render(report, pretty: results.count == 1 && Output.isTerminal))
            }
        }
        if invalid { throw Exit.invalidInput }
    }
}
