/// A guided interview over one case: it asks the most decisive unknown fact across the
/// programs in scope (the ranking `CaseReport.questions` gives, `Explainer.report`), the least
/// hard first among those that settle as many decisions, and it stops when no question is left
/// that could change a decision in scope. It has no terminal code: a front end shows `next`,
/// and calls `answer`, `decline`, `dontKnow`, `skip` or `back`.
///
/// Every answer is checked at once by building the case as a file (`CaseWriter`) and reading
/// it back through `CaseLoader`, so an answer meets the diagnostics a hand-written file meets,
/// and a contradiction with an earlier answer is refused with the rules' explanation.
///
/// An interview keeps a case loader (which keeps an evaluator between loads), so it belongs to
/// one thread.
public struct Interview {
    /// Who a question is about and what it asks: a member index (-1 the principal) and a slot.
    public struct Key: Hashable, Sendable {
        public var member: Int32
        public var slot: Int32
    }

    /// A decision an answer settled: undetermined before it, decided after.
    public struct Settled: Sendable, Equatable {
        public var program: String
        public var title: String
        public var subject: String
        public var outcome: Outcome
        public var reason: Reason
    }

    /// An answer that was not taken: why, as the loader (or the interview) says it.
    public struct Refusal: Error, Sendable {
        public var diagnostics: [Diagnostic]
        public var message: String { diagnostics.filter { $0.severity == .error }.map(\.message).joined(separator: "; ") }
    }

    public let program: Program
    /// The programs in scope (nil: every program).
    public let programs: Set<String>?
    public let asOfOverride: Int?
    public let today: Int
    /// The name diagnostics give the case (where it is saved).
    public let path: String
    /// The case so far.
    public private(set) var draft: CaseDraft
    /// The case so far as loaded, and its report (explanations off; `summary` explains).
    public private(set) var file: CaseFile
    public private(set) var report: CaseReport
    /// The question to ask now; nil when the interview is finished.
    public private(set) var next: InterviewQuestion?
    /// The decisions the last answer settled.
    public private(set) var settled: [Settled] = []
    /// The deadlines the last answer revealed, moved or removed (`DeadlineChange.changes`
    /// over the report's deadlines before and after it).
    public private(set) var deadlineChanges: [DeadlineChange] = []
    /// How many questions were answered (a value, declined, don't know or skipped).
    public private(set) var steps = 0

    /// Questions answered "don't know": unknown, and not asked again in this interview.
    var unknown: Set<Key> = []
    /// Questions skipped for now, in the order skipped: asked after every other.
    var skipped: [Key] = []
    var familyAsked: Bool
    /// The facts the starting file had declined, asked again (after every other) because the
    /// front end asked for it (`askDeclined`); by default a declined fact is not asked.
    var reask: Set<Key> = []
    var history: [Snapshot] = []
    let loader: CaseLoader

    struct Snapshot {
        var draft: CaseDraft
        var unknown: Set<Key>
        var skipped: [Key]
        var familyAsked: Bool
        var steps: Int
    }

    /// Starts over a draft (a new case: `CaseDraft(id:)`; an existing one: `CaseDraft(file, legend:)`).
    /// A fact the draft records under `declined:` is not asked again, unless `askDeclined`: then
    /// it is asked once more, after every question not yet declined (declining it again keeps it
    /// declined). Refused when the draft does not load.
    public init(program: Program, draft: CaseDraft, programs: Set<String>? = nil, asOf: Int? = nil, today: Int = CivilDate.today(), path: String, askDeclined: Bool = false) throws(Refusal) {
        self.program = program
        self.programs = programs
        self.asOfOverride = asOf
        self.today = today
        self.path = path
        self.draft = draft
        loader = CaseLoader(program: program, today: today)
        familyAsked = !draft.members.isEmpty
        let result = Self.evaluate(draft, loader: loader, program: program, path: path, asOf: asOf, today: today, programs: programs)
        guard case .loaded(let file, let report) = result else { throw result.failure! }
        self.file = file
        self.report = report
        if askDeclined {
            reask = Set(report.questions.filter(\.declined).map { Key(member: $0.asked.member, slot: $0.asked.slot) })
        }
        next = choose()
    }

    public var isFinished: Bool { next == nil }
    public var canGoBack: Bool { !history.isEmpty }
    /// The decision date: `--as-of`, else the case's `as_of`, else today.
    public var decisionDate: Int { file.decisionDate(override: asOfOverride, today: today) }
    /// The case file as it is saved: the canonical layout.
    public var yaml: String { CaseWriter.yaml(draft, legend: program.legend) }

    /// The report `check` gives on the case so far, explained.
    public func summary(view: ExplainView = .decision) -> CaseReport {
        Explainer(view: view).report(file, program: program, decisionDate: decisionDate, programs: programs)
    }

    // MARK: Answers

    /// Answers the current question. Refused (and nothing changes) when the loader finds an
    /// error in the case with this answer, such as a contradiction with an earlier one.
    public mutating func answer(_ answer: InterviewAnswer) throws(Refusal) {
        guard let q = next else { return }
        var changed = draft
        var unknown = self.unknown
        var familyAsked = self.familyAsked
        switch (q.kind, answer) {
        case (.familyMembers, .members(let ids)):
            for id in ids { changed.members.append(CaseDraft.Member(id: id)) }
            familyAsked = true
        case (.familyMembers, _):
            throw Refusal(diagnostics: [refusal(InterviewMessages.noMembers)])
        case (.fact, .value(let value)):
            changed.set(q.name, value, member: q.member)
        case (.fact, .derived(let name, let value)):
            // "I only know the age": the derived fact is given, and its source stays unknown
            // for the rest of the interview.
            changed.set(name, value, member: q.member)
            unknown.insert(q.key)
        case (.fact, .members):
            throw Refusal(diagnostics: [refusal(InterviewMessages.noMembers)])
        }
        try apply(changed, unknown: unknown, skipped: skipped.filter { $0 != q.key }, familyAsked: familyAsked)
    }

    /// The person declined to answer: recorded under `declined:`, and not asked again.
    public mutating func decline() throws(Refusal) {
        guard let q = next else { return }
        if q.kind == .familyMembers { return try answer(.members([])) }
        var changed = draft
        changed.decline(q.name, member: q.member)
        // Declined again (a question asked again with askDeclined): not asked a third time.
        try apply(changed, unknown: unknown.union([q.key]), skipped: skipped.filter { $0 != q.key }, familyAsked: familyAsked)
    }

    /// "Don't know": the fact stays unknown and is not asked again in this interview.
    public mutating func dontKnow() {
        guard let q = next else { return }
        if q.kind == .familyMembers {
            try? apply(draft, unknown: unknown, skipped: skipped, familyAsked: true)
            return
        }
        try? apply(draft, unknown: unknown.union([q.key]), skipped: skipped.filter { $0 != q.key }, familyAsked: familyAsked)
    }

    /// "Skip for now": asked again after every other question.
    public mutating func skip() {
        guard let q = next, q.kind == .fact else { return }
        try? apply(draft, unknown: unknown, skipped: skipped.filter { $0 != q.key } + [q.key], familyAsked: familyAsked)
    }

    /// Undoes the last answer, so its question is asked again. False when there is none.
    @discardableResult
    public mutating func back() -> Bool {
        guard let last = history.popLast() else { return false }
        draft = last.draft
        unknown = last.unknown
        skipped = last.skipped
        familyAsked = last.familyAsked
        steps = last.steps
        if case .loaded(let file, let report) = evaluate(draft) {
            self.file = file
            self.report = report
        }
        settled = []
        deadlineChanges = []
        next = choose()
        return true
    }

    mutating func apply(_ changed: CaseDraft, unknown newUnknown: Set<Key>, skipped newSkipped: [Key], familyAsked newFamily: Bool) throws(Refusal) {
        let result = evaluate(changed)
        guard case .loaded(let file, let report) = result else { throw result.failure! }
        history.append(Snapshot(draft: draft, unknown: unknown, skipped: skipped, familyAsked: familyAsked, steps: steps))
        settled = Self.settled(from: self.report, to: report)
        deadlineChanges = DeadlineChange.changes(from: self.report.deadlines, to: report.deadlines)
        draft = changed
        unknown = newUnknown
        skipped = newSkipped
        familyAsked = newFamily
        steps += 1
        self.file = file
        self.report = report
        next = choose()
    }

    func refusal(_ message: String) -> Diagnostic {
        Diagnostic(.caseTypeMismatch, message, at: SourceLocation(file: path, line: 1, column: 1))
    }

    // MARK: Choosing the next question

    /// The ranked questions still to ask: the report's questions (most decisive first), less
    /// the declined (unless asked again, `reask`: then after every other) and the "don't know";
    /// among as decisive, the least hard first; the skipped last, in the order skipped.
    func queue(_ report: CaseReport) -> [(key: Key, fact: MissingFact)] {
        let facts = program.legend.facts
        var ranked: [(key: Key, fact: MissingFact, order: Int)] = []
        for (i, q) in report.questions.enumerated() {
            let key = Key(member: q.asked.member, slot: q.asked.slot)
            if (!q.declined || reask.contains(key)) && !unknown.contains(key) { ranked.append((key, q, i)) }
        }
        ranked.sort { a, b in
            if a.fact.declined != b.fact.declined { return !a.fact.declined }
            if a.fact.decides != b.fact.decides { return a.fact.decides > b.fact.decides }
            let ha = facts[Int(a.key.slot)].asking, hb = facts[Int(b.key.slot)].asking
            return ha != hb ? ha < hb : a.order < b.order
        }
        let later = ranked.filter { skipped.contains($0.key) }.sorted { skipped.firstIndex(of: $0.key)! < skipped.firstIndex(of: $1.key)! }
        return ranked.filter { !skipped.contains($0.key) }.map { ($0.key, $0.fact) } + later.map { ($0.key, $0.fact) }
    }

    func choose() -> InterviewQuestion? {
        let queue = self.queue(report)
        if let family = familyQuestion(queue) { return family }
        guard let first = queue.first else { return nil }
        return InterviewQuestion(first.fact, key: first.key, program: program, draft: draft)
    }

    /// The family question, when a family member's decision can matter and nothing left to
    /// ask of the principal could still settle the principal's part of it: a member with no
    /// facts (a probe) is added, and when a member program in scope is undetermined for it
    /// with none of its principal facts still to ask, the question is asked. The rules decide
    /// when: the engine knows nothing of T derivatives.
    func familyQuestion(_ queue: [(key: Key, fact: MissingFact)]) -> InterviewQuestion? {
        guard !familyAsked, draft.members.isEmpty else { return nil }
        let memberPrograms = program.programs.filter { $0.subject == .familyMember && (programs == nil || programs!.contains($0.id)) }
        guard !memberPrograms.isEmpty else { return nil }
        var probe = draft
        probe.members.append(CaseDraft.Member(id: "member-probe"))
        guard case .loaded(_, let report) = evaluate(probe) else { return nil }
        let stillToAsk = Set(queue.filter { $0.key.member < 0 && !skipped.contains($0.key) }.map(\.key))
        let matters = report.decisions.contains { d in
            d.subject != "principal" && d.outcome == .undetermined
                && !d.missingFacts.contains { $0.asked.member < 0 && stillToAsk.contains(Key(member: -1, slot: $0.asked.slot)) }
        }
        return matters ? .family(program, programs: programs) : nil
    }

    // MARK: Evaluating

    func evaluate(_ draft: CaseDraft) -> Evaluation {
        Self.evaluate(draft, loader: loader, program: program, path: path, asOf: asOfOverride, today: today, programs: programs)
    }

    enum Evaluation {
        case loaded(CaseFile, CaseReport)
        case refused(Refusal)
        var failure: Refusal? { if case .refused(let r) = self { r } else { nil } }
    }

    static func evaluate(_ draft: CaseDraft, loader: CaseLoader, program: Program, path: String, asOf: Int?, today: Int, programs: Set<String>?) -> Evaluation {
        let text = CaseWriter.yaml(draft, legend: program.legend)
        let (file, diagnostics) = loader.load(SourceText(path: path, text: text), asOfOverride: asOf)
        guard let file else { return .refused(Refusal(diagnostics: diagnostics)) }
        let date = file.decisionDate(override: asOf, today: today)
        return .loaded(file, Explainer(view: .off).report(file, program: program, decisionDate: date, programs: programs))
    }

    /// The decisions undetermined in `before` and decided in `after`.
    static func settled(from before: CaseReport, to after: CaseReport) -> [Settled] {
        var was: [String: Outcome] = [:]
        for d in before.decisions { was[d.program + "\u{0}" + d.subject] = d.outcome }
        return after.decisions.compactMap { d in
            guard was[d.program + "\u{0}" + d.subject] == .undetermined, d.outcome != .undetermined else { return nil }
            return Settled(program: d.program, title: d.programTitle, subject: d.subject, outcome: d.outcome, reason: d.reason)
        }
    }

    /// An id for a new case that carries no name: `case-` and the date, then four random
    /// hexadecimal digits.
    public static func suggestedId(today: Int = CivilDate.today(), random: UInt16 = .random(in: 0 ... .max)) -> String {
        let hex = String(random, radix: 16)
        return "case-" + CivilDate.format(today).replacingOccurrences(of: "-", with: "") + "-" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// An id for the next family member that carries no name.
    public func suggestedMemberId(after added: [String] = []) -> String {
        let taken = Set(draft.members.map(\.id) + added)
        var n = draft.members.count + added.count + 1
        while taken.contains("member-\(n)") { n += 1 }
        return "member-\(n)"
    }
}

/// An answer to a question.
public enum InterviewAnswer: Sendable, Equatable {
    case value(CaseDraft.Value)
    /// A derived fact given instead (`age` for an unknown date of birth).
    case derived(String, CaseDraft.Value)
    /// The family question: the ids of the members added (none: no one).
    case members([String])
}
