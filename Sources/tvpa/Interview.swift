import ArgumentParser
import Foundation
import TVPARules

/// `tvpa interview`: a thin terminal front end over the library's `Interview`. It asks, saves
/// the case file after every answer, and prints the summary when it ends.
struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: CLIMessages.Interview.abstract)

    @Argument(help: CLIMessages.Interview.caseFile)
    var caseFile: String?

    @OptionGroup var rules: RulesOptions

    @Option(name: .customLong("program"), help: CLIMessages.Interview.programs)
    var programs: [String] = []

    @Option(help: CLIMessages.Interview.asOf)
    var asOf: String?

    @Option(help: CLIMessages.Interview.output)
    var output: String?

    @Flag(help: CLIMessages.Interview.overwrite)
    var overwrite = false

    @Flag(help: CLIMessages.Interview.askDeclined)
    var askDeclined = false

    @Option(help: .hidden)
    var benchRuns: Int?

    /// Answers from this file (taken as the truth) and prints how many questions were asked
    /// (`scripts/interview-examples`).
    @Option(help: .hidden)
    var replay: String?

    func run() throws {
        let program = try rules.compile()
        let date = try asOf.map { try decisionDate($0, option: "--as-of") }
        let ids = program.programs.map(\.id)
        for id in programs where !ids.contains(id) {
            throw ValidationError("unknown program '\(id)'" + (Suggest.help(for: id, in: ids).map { "; \($0)" } ?? ""))
        }
        let scope = programs.isEmpty ? nil : Set(programs)
        if let replay { return try Self.replay(replay, program: program, programs: scope, asOf: date) }
        let prompter: Prompter = TerminalPrompter.make() ?? LinePrompter()
        defer { prompter.close() }

        var draft: CaseDraft
        var path: String
        if let caseFile {
            let (texts, readDiagnostics) = SourceReader.readFile(caseFile)
            guard let text = texts.first else {
                Output.error(DiagnosticRenderer.render(readDiagnostics))
                throw Exit.invalidInput
            }
            let (file, diagnostics) = CaseLoader(program: program).load(text, asOfOverride: date)
            Output.error(DiagnosticRenderer.render(diagnostics))
            guard let file else { throw Exit.invalidInput }
            draft = CaseDraft(file, legend: program.legend)
            let canonical = CaseWriter.yaml(draft, legend: program.legend) == text.text
            if let output {
                path = output
            } else if canonical || overwrite {
                path = caseFile
            } else {
                path = Self.besideName(caseFile)
            }
            if !canonical && (path == caseFile || output == nil) {
                prompter.say(InterviewWords.layoutChanges(from: caseFile, to: path))
            }
            if path != caseFile && !overwrite && FileManager.default.fileExists(atPath: path) {
                throw OutputFailure.cannotCreate(path, InterviewWords.exists)
            }
        } else {
            let suggested = Interview.suggestedId()
            var id: String?
            while id == nil {
                guard let typed = prompter.line(InterviewWords.idPrompt(suggested)) else { throw ExitCode(0) }
                let chosen = typed.isEmpty ? suggested : typed
                if CaseWriter.isValidId(chosen) { id = chosen } else { prompter.say(InterviewWords.invalidId) }
            }
            draft = CaseDraft(id: id!)
            path = output ?? "./\(id!).yaml"
            if !overwrite && FileManager.default.fileExists(atPath: path) {
                throw OutputFailure.cannotCreate(path, InterviewWords.exists)
            }
        }

        var interview: Interview
        do {
            interview = try Interview(program: program, draft: draft, programs: scope, asOf: date, path: path, askDeclined: askDeclined)
        } catch {
            Output.error(DiagnosticRenderer.render(error.diagnostics))
            throw Exit.invalidInput
        }
        if let benchRuns {
            Output.print(InterviewBenchmark.run(interview, runs: benchRuns).text)
            return
        }
        try Self.save(interview, to: path)
        let session = InterviewSession(prompter: prompter)
        try session.run(&interview) { try Self.save($0, to: path) }
        prompter.say(InterviewWords.saved(path))
        Output.print(InterviewSummary.render(interview.summary(), color: Output.isTerminal))
    }

    static func replay(_ path: String, program: Program, programs: Set<String>?, asOf: Int?) throws {
        let (texts, readDiagnostics) = SourceReader.readFile(path)
        guard let text = texts.first else {
            Output.error(DiagnosticRenderer.render(readDiagnostics))
            throw Exit.invalidInput
        }
        let (file, diagnostics) = CaseLoader(program: program).load(text, asOfOverride: asOf)
        Output.error(DiagnosticRenderer.render(diagnostics))
        guard let file else { throw Exit.invalidInput }
        do {
            let r = try InterviewReplay.run(truth: file, program: program, programs: programs, asOf: asOf)
            Output.print("\(file.id)\tfacts \(r.facts)\tasked \(r.asked)\tdont_know \(r.dontKnow)\tuntil settled \(r.untilSettled)\tdecisions \(r.decisions)\tdecided \(r.decided)\tagrees \(r.agrees)")
        } catch {
            Output.error(DiagnosticRenderer.render(error.diagnostics))
            throw Exit.invalidInput
        }
    }

    /// The file is written beside its name and moved into place: a closed terminal or a
    /// Ctrl-C leaves the last saved answer, never half a file.
    static func save(_ interview: Interview, to path: String) throws {
        let destination = try Destination(path: path)
        destination.write(interview.yaml)
        try destination.finish()
    }

    /// `case.yaml` → `case.interview.yaml`.
    static func besideName(_ path: String) -> String {
        path.hasSuffix(".yaml") ? String(path.dropLast(5)) + ".interview.yaml" : path + ".interview.yaml"
    }
}

/// The report printed when an interview ends: one function, so the layout can change in one
/// place (a summary-first layout is planned).
enum InterviewSummary {
    static func render(_ report: CaseReport, color: Bool) -> String { TextRenderer(color: color).render(report) }
}

/// The words of the terminal front end (the interview's own are `InterviewMessages`).
enum InterviewWords {
    static let exists = "it exists; give --output FILE for a new file, or --overwrite to replace it"
    static let invalidId = "an id is lower-case letters, digits and '-' (and carries no name)"
    static let quitHint = "(answers are saved as you go)"
    static func idPrompt(_ suggested: String) -> String { "An id for the case (no name in it) [\(suggested)]: " }
    static func layoutChanges(from: String, to: String) -> String {
        from == to
            ? "note: \(from) was written by hand; it is rewritten in the canonical layout (comments are not kept)."
            : "note: \(from) was written by hand; the case is saved in the canonical layout to \(to) (comments are not kept; --overwrite replaces the file itself)."
    }
    static func memberPrompt(_ suggested: String) -> String { "Add a family member: an id (no name) [\(suggested)], or an empty line when done: " }
    static func saved(_ path: String) -> String { "Saved: \(path)" }
    static func settledLine(_ s: Interview.Settled) -> String {
        "  settled: " + InterviewMessages.settled(s.title, s.subject, s.outcome.rawValue.replacingOccurrences(of: "_", with: " ")) + " (\(s.reason.rawValue))"
    }
    /// A deadline the answer revealed, moved or removed, in Render's words (`DeadlineText`).
    static func deadlineLine(_ c: DeadlineChange, legend: Legend) -> String { "  " + Escape.text(DeadlineText.change(c, legend: legend)) }
    static func notTaken(_ message: String) -> String { "Not taken: \(message)" }
    static func finished(_ steps: Int) -> String { "Nothing left to ask that could change a decision (\(steps) answer\(steps == 1 ? "" : "s"))." }
    static let recordField = "field"
    static func recordPrompt(_ n: Int) -> String { "Record \(n):" }
    static let anotherRecord = "Add a record?"
    static let yes = "yes"
    static let no = "no"
}
