import Foundation
import TVPARules

/// The law the workbench decides with: the built-in rules, and each proposal of
/// `Rules/proposals/` (built into the binary) applied to them, compiled when first asked for.
final class Engine: @unchecked Sendable {
    let base: Program
    /// Name (the file name without `.yaml`) → text, in name order.
    let proposals: [(name: String, source: SourceText)]
    private var compiled: [String: Program?] = [:]
    private var loaders: [String: LoaderBox] = [:]

    final class LoaderBox: @unchecked Sendable {
        let loader: CaseLoader
        let lock = NSLock()
        init(_ loader: CaseLoader) { self.loader = loader }
    }
    private let lock = NSLock()

    init(base: Program) {
        self.base = base
        proposals = embeddedProposalFiles.map { file in
            let name = String(file.path.split(separator: "/").last ?? "").replacingOccurrences(of: ".yaml", with: "")
            return (name, SourceText(path: file.path, relativePath: file.path, text: file.text))
        }
    }

    /// The program with the proposal applied; nil when the name is not a proposal or it does
    /// not compile against these rules.
    func program(proposal name: String) -> Program? {
        lock.lock()
        if let done = compiled[name] {
            lock.unlock()
            return done
        }
        lock.unlock()
        guard let proposal = proposals.first(where: { $0.name == name }) else { return nil }
        let program = RuleCompiler.compile(.embedded, proposal: proposal.source).0?.program
        lock.lock()
        compiled[name] = program
        lock.unlock()
        return program
    }
}

/// One diagnostic of the case as the form shows it: beside the field its line holds.
struct FieldDiagnostic: Codable, Sendable {
    var field: String?
    var id: String
    var severity: String
    var message: String
    var help: String?
    var line: Int
}

/// What the page asks for: the case, and how to see it.
struct EvaluateRequest: Codable, Sendable {
    var draft: CaseDraft
    var date: String?
    var proposal: String?
    var redact: Bool?
}

/// What the page shows: the report, or why there is none.
struct EvaluateResponse: Codable, Sendable {
    struct Change: Codable, Sendable {
        var program: String
        var title: String
        /// "the principal" or "family member ID" (a pseudonym when redacted).
        var subject: String
        var before: String
        var after: String
    }
    /// One line of a report's summary, in its order: the page marks its rows with these.
    struct Row: Codable, Sendable, Equatable {
        var program: String
        var subject: String
        /// The outcome's code (`eligible`, `not_eligible`, `undetermined`), for the tests.
        var outcome: String
        /// Under a proposal: whether it changes this decision.
        var changed: Bool?
    }
    var diagnostics: [FieldDiagnostic] = []
    /// Said instead of a report when the case cannot be decided as asked (a date before the
    /// case's own events, a date that is not one, a proposal that does not apply).
    var notice: String?
    /// The report (`ReportHTML.article`, the library's), its ids under `report-now`.
    var html: String?
    var rows: [Row]?
    /// With a proposal: the report under it (ids under `report-proposed`), and each decision
    /// it changes.
    var proposalHTML: String?
    var proposalRows: [Row]?
    var changes: [Change]?
    var decisionDate: String?
}

extension Engine {
    /// The ids the case view's reports are under (the page's own ids are none of these).
    static let nowId = "report-now"
    static let proposedId = "report-proposed"

    /// Loads the draft as a case file and decides it, on the date asked (else its `as_of`,
    /// else today), under the base rules and, if asked, a proposal.
    func evaluate(_ request: EvaluateRequest, today: Int = CivilDate.today()) -> EvaluateResponse {
        run(request, today: today).response
    }

    /// The case file a draft makes (the library's canonical layout), and which field each of
    /// its lines holds.
    func yaml(_ draft: CaseDraft) -> (text: String, fields: [Int: String]) {
        let text = CaseWriter.yaml(draft.typed(by: base.legend), legend: base.legend)
        return (text, CaseWriter.lineFields(text))
    }

    /// The response, and the report under the rules as they are (what the print page shows).
    func run(_ request: EvaluateRequest, today: Int) -> (response: EvaluateResponse, report: CaseReport?) {
        let redact = request.redact ?? false
        var response = EvaluateResponse()
        var override: Int?
        if let text = request.date?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let day = CivilDate.parse(text) else {
                response.notice = WorkbenchMessages.notADate(redact ? nil : text)
                return (response, nil)
            }
            override = day
        }
        let draft = request.draft.typed(by: base.legend)
        // A date before the case's own events: say so, rather than list what follows from it
        // (every event "after the decision date", ages that contradict).
        if let override, let latest = latestEvent(draft), override < latest.date {
            response.notice = WorkbenchMessages.beforeEvents(override, latest: latest, redacted: redact)
            return (response, nil)
        }
        let yaml = self.yaml(draft)
        let source = SourceText(path: "case.yaml", text: yaml.text)
        let (file, diagnostics) = load(source, program: base, today: today, redact: redact, override: override)
        response.diagnostics = diagnostics.map { d in
            FieldDiagnostic(
                field: yaml.fields[d.location.line], id: d.id.rawValue, severity: d.severity.rawValue, message: d.message, help: d.help,
                line: d.location.line)
        }
        guard let file else { return (response, nil) }
        let date = file.decisionDate(override: override, today: today)
        response.decisionDate = CivilDate.format(date)
        let before = report(file, program: base, date: date, redact: redact)
        response.html = ReportHTML.article(ReportLayout(before), id: Self.nowId)
        response.rows = Self.rows(before)
        if let name = request.proposal, !name.isEmpty {
            guard let program = program(proposal: name) else {
                response.notice = WorkbenchMessages.proposalFailed(name)
                return (response, before)
            }
            // The proposal's vocabulary may differ; its own loader reads the case.
            let (proposed, _) = load(source, program: program, today: today, redact: redact, override: override)
            guard let proposed else {
                response.notice = WorkbenchMessages.proposalCannotRead(name)
                return (response, before)
            }
            let after = report(proposed, program: program, date: date, redact: redact)
            response.proposalHTML = ReportHTML.article(ReportLayout(after), id: Self.proposedId)
            let changes = Self.changes(from: before, to: after)
            response.changes = changes.map(\.change)
            response.proposalRows = Self.rows(after).enumerated().map { i, row in
                var row = row
                row.changed = changes.contains { $0.index == i }
                return row
            }
        }
        return (response, before)
    }

    /// Loads with a loader kept per program and kind (building one costs more than a load);
    /// a loader belongs to one thread at a time, so each is used under its lock.
    func load(_ source: SourceText, program: Program, today: Int, redact: Bool, override: Int?) -> (CaseFile?, [Diagnostic]) {
        let key = "\(program.sourceName)|\(today)|\(redact)"
        lock.lock()
        let entry = loaders[key] ?? LoaderBox(CaseLoader(program: program, today: today, redact: redact))
        loaders[key] = entry
        lock.unlock()
        entry.lock.lock()
        defer { entry.lock.unlock() }
        return entry.loader.load(source, asOfOverride: override)
    }

    func report(_ file: CaseFile, program: Program, date: Int, redact: Bool) -> CaseReport {
        let report = Explainer(view: .decision, redact: redact).report(file, program: program, decisionDate: date)
        return redact ? report.pseudonymized(as: Pseudonyms().nextName) : report
    }

    /// The summary's rows (one per decision, in the report's order).
    static func rows(_ report: CaseReport) -> [EvaluateResponse.Row] {
        report.decisions.map { .init(program: $0.program, subject: $0.subject, outcome: $0.outcome.rawValue) }
    }

    /// Every decision whose outcome or reason differs, by program and subject, in words.
    /// Each with its place among the decisions under the proposal.
    static func changes(from before: CaseReport, to after: CaseReport) -> [(index: Int, change: EvaluateResponse.Change)] {
        var old: [String: Decision] = [:]
        for d in before.decisions { old[d.program + "\u{0}" + d.subject] = d }
        func words(_ d: Decision) -> String { "\(ReportWords.outcome(d.outcome)): \(ReportWords.reason(d))" }
        return after.decisions.enumerated().compactMap { i, d in
            let then = old[d.program + "\u{0}" + d.subject].map(words) ?? WorkbenchMessages.notDecided
            let now = words(d)
            guard then != now else { return nil }
            return (i, .init(program: d.program, title: d.programTitle, subject: WorkbenchMessages.subject(d.subject), before: then, after: now))
        }
    }

    /// The latest date among the case's own events (dates that must not lie after the
    /// decision date), with the fact that holds it.
    func latestEvent(_ draft: CaseDraft) -> (name: String, date: Int)? {
        var latest: (String, Int)?
        let dates = base.legend.facts.filter { $0.type == .date && !$0.future }
        for values in [draft.facts] + draft.members.map(\.facts) {
            for f in dates {
                guard case .date(let text)? = values[f.name], let day = CivilDate.parse(text) else { continue }
                if latest == nil || day > latest!.1 { latest = (f.name, day) }
            }
        }
        return latest
    }
}

extension Pseudonyms {
    /// The first pseudonym: the workbench shows one case at a time.
    var nextName: String {
        var copy = self
        return copy.next()
    }
}
