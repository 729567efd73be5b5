import ArgumentParser
import Foundation
import TVPARules

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
    /// For a memo (`ReportMarkdown`).
    case markdown
    /// One self-contained page, for a screen or paper (`ReportHTML`).
    case html
    /// JSON Lines for corpora (`tvpa.bulk/1`, docs/bulk-format.md): a header, then a line per case.
    case bulk
}

extension ExplainView: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: CLIMessages.Check.abstract)

    @Argument(help: CLIMessages.Check.cases)
    var cases: [String]

    @OptionGroup var rules: RulesOptions

    @Option(help: CLIMessages.Check.asOf)
    var asOf: String?

    @Option(name: .customLong("program"), help: CLIMessages.Check.programs)
    var programs: [String] = []

    @Option(help: CLIMessages.Check.format)
    var format: ReportFormat = .text

    @Option(help: CLIMessages.Check.explain)
    var explain: ExplainView = .decision

    @Flag(help: CLIMessages.Check.redact)
    var redact = false

    @Flag(help: CLIMessages.Check.codes)
    var codes = false

    @Option(help: CLIMessages.Check.width)
    var width: Int?

    @Option(help: CLIMessages.Check.output)
    var output: String?

    @Option(help: CLIMessages.Check.jobs)
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let program = try rules.compile()
        let date = try asOf.map { try decisionDate($0, option: "--as-of") }
        let ids = program.programs.map(\.id)
        for id in programs where !ids.contains(id) {
            throw ValidationError("unknown program '\(id)'" + (Suggest.help(for: id, in: ids).map { "; \($0)" } ?? ""))
        }
        if let width, width < 1 { throw ValidationError("--width must be 1 or more") }
        if output != nil && format == .bulk { throw ValidationError("--output writes text, markdown, html or json; send bulk output to a file with a shell redirect") }
        let layout = ReportLayout.Options(codes: codes, expandVersions: explain == .full)
        let toTerminal = output == nil && Output.isTerminal
        let text = ReportText(width: width ?? (toTerminal ? terminalWidth() ?? ReportText.defaultWidth : ReportText.defaultWidth), color: toTerminal)
        // Markdown and HTML are one document: the cases are gathered, then written at once.
        var documents: [ReportLayout] = []
        let destination = try output.map { try Destination(path: $0) }
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
            let rendered: String
            switch format {
            case .text: rendered = text.render(ReportLayout(report, options: layout))
            case .json, .bulk:
                // Compact JSON goes straight into the output's bytes, with no `String` between.
                guard destination != nil || (single && toTerminal) else {
                    out.append { DecisionJSON.write(report, into: &$0); $0.raw(UInt8(ascii: "\n")) }
                    return
                }
                rendered = DecisionJSON.render(report, pretty: single && toTerminal)
            case .markdown, .html:
                documents.append(ReportLayout(report, options: layout))
                return
            }
            if let destination { destination.write(rendered.hasSuffix("\n") ? rendered : rendered + "\n") } else { out.print(rendered) }
        }
        switch format {
        case .markdown: deliver(ReportMarkdown.render(documents), destination, &out)
        case .html: deliver(ReportHTML.render(documents), destination, &out)
        case .text, .json, .bulk: break
        }
        if let destination {
            bar.finish()
            try destination.finish()
        }
        out.flush()
        bar.finish()
        if invalid { throw Exit.invalidInput }
    }
}

extension Check {
    func deliver(_ document: String, _ destination: Destination?, _ out: inout BufferedOutput) {
        if let destination { destination.write(document) } else { out.print(document) }
    }
}

/// The terminal's width in columns, when standard output is one.
func terminalWidth() -> Int? {
    var size = winsize()
    return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
