import ArgumentParser
import Foundation
import TVPARules

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, csv
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: CLIMessages.Diff.abstract,
        discussion: CLIMessages.Diff.discussion)

    @Argument(help: CLIMessages.Diff.cases)
    var cases: [String] = ["Cases"]

    @OptionGroup var rules: RulesOptions

    @Option(help: CLIMessages.Diff.against)
    var against: String?

    @Option(help: CLIMessages.Diff.asOf)
    var asOf: String?

    @Option(help: CLIMessages.Diff.vsAsOf)
    var vsAsOf: String?

    @Option(help: CLIMessages.Diff.format)
    var format: DiffFormat = .text

    @Option(help: CLIMessages.Diff.show)
    var show: Int = 50

    @Option(name: .customLong("case"), help: CLIMessages.Diff.caseId)
    var caseId: String?

    @Option(help: CLIMessages.Diff.explain)
    var explain: ExplainView = .decision

    @Flag(help: CLIMessages.Diff.redact)
    var redact = false

    @Option(help: CLIMessages.Diff.output)
    var output: String?

    @Flag(help: CLIMessages.Diff.allTables)
    var allTables = false

    @Option(help: CLIMessages.Diff.jobs)
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: CLIMessages.Diff.quiet)
    var quiet = false

    func validate() throws {
        if rules.proposal == nil && against == nil && vsAsOf == nil {
            throw ValidationError("nothing to compare: give --proposal FILE, --against RULES_DIR, or --as-of A --vs-as-of B")
        }
        if vsAsOf != nil && asOf == nil { throw ValidationError("--vs-as-of needs --as-of for the other side") }
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        if caseId != nil && (format == .json || format == .csv) {
            throw ValidationError("--case shows two explanations side by side as text or markdown; for JSON, run `tvpa check --format json` with and without --proposal")
        }
        if show < 0 { throw ValidationError("--show must be 0 or more") }
    }

    func run() throws {
        let plan = try makePlan()
        if let caseId { return try sideBySide(plan, caseId) }
        let destination = try Destination(path: output)
        var invalid = false
        // A streamed report printed to the terminal would tear the bar.
        let streamsToTerminal = output == nil && Output.isTerminal && (format == .json || format == .csv)
        var bar = ProgressBar(enabled: !quiet && Output.errorIsTerminal && !streamsToTerminal)
        let report: ([Diagnostic]) -> Void = { diagnostics in
            guard !diagnostics.isEmpty else { return }
            if diagnostics.hasErrors { invalid = true }
            bar.finish()
            Output.error(DiagnosticRenderer.render(diagnostics))
        }
        let progress: (Int, Double) -> Void = { bar.update(cases: $0, fraction: $1) }
        let options = DiffRun.Options(workers: jobs, redact: redact)
        switch format {
        case .text, .markdown:
            var sink = DiffReport(style: format == .markdown ? .markdown : .text, show: show)
            DiffRun.run(plan, paths: cases, options: options, into: &sink, diagnostics: report, progress: progress)
            bar.finish()
            destination.write(sink.rendered)
        case .json:
            var sink = DiffJSONStream(write: destination.write)
            DiffRun.run(plan, paths: cases, options: options, into: &sink, diagnostics: report, progress: progress)
            bar.finish()
        case .csv:
            var sink = DiffCSVStream(write: destination.write)
            DiffRun.run(plan, paths: cases, options: options, into: &sink, diagnostics: report, progress: progress)
            bar.finish()
        }
        try destination.finish()
        if invalid { throw Exit.invalidInput }
    }

    func date(_ text: String?, _ option: String) throws -> Int? {
        try text.map { try decisionDate($0, option: option) }
    }

    func makePlan() throws -> DiffPlan {
        let beforeDate = try date(asOf, "--as-of")
        let afterDate = try date(vsAsOf, "--vs-as-of") ?? beforeDate
        let before = try rules.compile(applyingProposal: false)
        var after = before
        var afterLabel = "the same rules"
        var proposal: ProposalInfo?
        if against != nil || rules.proposal != nil {
            var afterRules = rules
            if let against { afterRules.rules = against }
            after = try afterRules.compile()
            let text = try rules.proposalText()
            proposal = text.flatMap(ProposalInfo.read)
            afterLabel = proposal.map { "with the proposal \u{201C}\($0.title)\u{201D}" } ?? "the rules in \(against ?? "")"
        }
        if vsAsOf != nil { afterLabel += " as of \(vsAsOf!)" }
        let beforeLabel = (rules.rules.map { "the rules in \($0)" } ?? "the current rules") + (asOf.map { " as of \($0)" } ?? "")
        var plan = DiffPlan(before: before, after: after, beforeLabel: beforeLabel, afterLabel: afterLabel, beforeAsOf: beforeDate, afterAsOf: afterDate, proposal: proposal)
        plan.tableEveryProgram = allTables
        return plan
    }

    func sideBySide(_ plan: DiffPlan, _ id: String) throws {
        var stream = CaseStream(paths: cases)
        let loader = CaseLoader(program: plan.before, today: plan.today, redact: redact)
        let afterLoader = CaseLoader(program: plan.after, today: plan.today, redact: redact)
        while case let batch = stream.next(maxCount: 256), !batch.isEmpty {
            for input in batch {
                let (file, _) = loader.load(input, asOfOverride: plan.beforeAsOf)
                guard let file, file.id == id else { continue }
                let (afterFile, diagnostics) = afterLoader.load(input, asOfOverride: plan.afterAsOf)
                guard let afterFile else {
                    Output.error(DiagnosticRenderer.render(diagnostics))
                    throw Exit.invalidInput
                }
                let explainer = Explainer(view: explain, redact: redact)
                // One case, so one pseudonym for both sides.
                var pseudonyms = Pseudonyms()
                let name = pseudonyms.next()
                let before = explainer.report(file, program: plan.before, decisionDate: file.decisionDate(override: plan.beforeAsOf, today: plan.today)).pseudonymized(as: name)
                let after = explainer.report(afterFile, program: plan.after, decisionDate: afterFile.decisionDate(override: plan.afterAsOf, today: plan.today)).pseudonymized(as: name)
                let destination = try Destination(path: output)
                let width = Output.isTerminal && output == nil ? terminalWidth() : 160
                destination.write(SideBySide(header: plan.header, width: width, markdown: format == .markdown).render(before: before, after: after))
                try destination.finish()
                return
            }
        }
        throw ValidationError("no valid case with id '\(id)' under \(cases.joined(separator: ", "))")
    }

    func terminalWidth() -> Int {
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 40 ? Int(size.ws_col) : 160
    }
}
