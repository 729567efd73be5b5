import ArgumentParser
import Foundation
import TVPARules

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: CLIMessages.Test.abstract)

    @Argument(help: CLIMessages.Test.paths)
    var paths: [String] = ["Cases"]

    @OptionGroup var rules: RulesOptions

    @Flag(help: CLIMessages.Test.quiet)
    var quiet = false

    @Flag(help: CLIMessages.Test.coverage)
    var coverage = false

    @Option(help: CLIMessages.Test.coverageJSON)
    var coverageJSON: String?

    func run() throws {
        let program = try rules.compile()
        var check = ExpectationCheck()
        var bar = ProgressBar()
        CaseRun.stream(paths, program: program, options: .init(view: .decision), workers: ProcessInfo.processInfo.activeProcessorCount, progress: { bar.update(cases: $0, fraction: $1) }) { result in
            if !result.diagnostics.isEmpty { bar.finish() }
            Output.error(DiagnosticRenderer.render(result.diagnostics))
            check.add(result)
        }
        bar.finish()
        let renderer = TextRenderer(color: Output.isTerminal)
        for failure in check.failures {
            let d = failure.decision
            let who = d.subject == "principal" ? "" : " (family member \(Escape.text(d.subject)))"
            var text = "FAIL \(Escape.text(failure.path)) [\(Escape.text(failure.caseId))] \(d.program)\(who): expected \(failure.expected.rawValue), got \(d.outcome.rawValue) (\(d.reason.rawValue))\n"
            text += renderer.explanation(d)
            Output.print(text)
        }
        for failure in check.clockFailures {
            let e = failure.expected
            let who = e.member == nil ? "" : " (family member \(Escape.text(e.subject)))"
            let got = failure.got.map { ExpectationCheck.written($0) } ?? "none"
            Output.print("FAIL \(Escape.text(failure.path)) [\(Escape.text(failure.caseId))] clock \(Escape.text(e.clock))\(who): expected \(e.expectation.written), got \(got)\n")
        }
        if !quiet {
            for path in check.withoutExpectations { Output.print("note: \(Escape.text(path)) states no expectation") }
        }
        if check.invalidFiles > 0 { Output.print("\(check.invalidFiles) case file\(check.invalidFiles == 1 ? "" : "s") could not be evaluated") }
        Output.print(check.summary)
        var coverageComplete = true
        if coverage {
            let report = Coverage.measure(CaseRun.load(paths, program: program, options: .init()), program: program)
            Output.print(report.table)
            coverageComplete = report.complete
            if let coverageJSON {
                let destination = try Destination(path: coverageJSON)
                destination.write(report.json.render(pretty: true))
                try destination.finish()
            }
        }
        if check.invalidFiles > 0 { throw Exit.invalidInput }
        if !check.failures.isEmpty || !check.clockFailures.isEmpty || !coverageComplete { throw Exit.expectationsFailed }
    }
}
