import TVPARules

/// A question the interview panel shows: one fact, for the principal or a family member.
struct InterviewQuestion: Codable, Sendable, Equatable {
    /// `facts.NAME` or `family_members.I.facts.NAME`: the form's field for it.
    var field: String
    var name: String
    var subject: String
    var question: String
    var type: String
    var values: [String]
    var labels: [String]
    /// How many undetermined decisions it could help settle.
    var decides: Int
}

/// What the interview panel needs of an interview, and all it needs: the next question, and
/// the four ways to meet it. The interview issue's library API (`Sources/TVPARules/Interview/`)
/// is to be adapted to this protocol when it lands; until then `RankedQuestions` implements it
/// over the report's own ranked questions (`CaseReport.questions`).
protocol InterviewDriver {
    /// The question to ask now, or nil when no unknown fact would settle a decision.
    func next(_ state: InterviewState) -> InterviewQuestion?
    /// The answer becomes the fact's value; the question is not asked again.
    func answer(_ value: JSONValue, to question: InterviewQuestion, in state: inout InterviewState)
    /// The person chose not to answer: the fact is declined (case-file.md, "Declined").
    func decline(_ question: InterviewQuestion, in state: inout InterviewState)
    /// Nobody knows yet: the fact stays unknown and the interview moves on.
    func dontKnow(_ question: InterviewQuestion, in state: inout InterviewState)
    /// Undo the last step, whatever it was.
    func back(in state: inout InterviewState)
}

/// The interview as the page keeps it between requests: the case so far, the questions passed
/// over as not known, and enough of each step to undo it.
struct InterviewState: Codable, Sendable {
    struct Step: Codable, Sendable {
        var field: String
        var previous: JSONValue?
        var wasDeclined: Bool
        var skipped: Bool
    }
    var draft: PageDraft
    var skipped: [String] = []
    var history: [Step] = []
}

/// The report's ranked questions as an interview: the most decisive unknown fact first,
/// declined and passed-over facts last or never.
struct RankedQuestions: InterviewDriver {
    let engine: Engine

    func next(_ state: InterviewState) -> InterviewQuestion? {
        let request = EvaluateRequest(draft: state.draft, date: nil, proposal: nil, redact: false)
        guard let report = engine.run(request, today: CivilDate.today()).report else { return nil }
        let legend = engine.base.legend
        for q in report.questions where !q.declined {
            let field: String
            if q.subject == "principal" {
                field = "facts.\(q.name)"
            } else if let i = state.draft.members.firstIndex(where: { $0.id == q.subject }) {
                field = "family_members.\(i).facts.\(q.name)"
            } else {
                continue
            }
            if state.skipped.contains(field) { continue }
            let info = legend.facts.first { $0.name == q.name }
            return InterviewQuestion(
                field: field, name: q.name, subject: q.subject, question: q.question, type: q.type, values: info?.values ?? q.values,
                labels: info?.labels ?? [], decides: q.decides)
        }
        return nil
    }

    func answer(_ value: JSONValue, to question: InterviewQuestion, in state: inout InterviewState) {
        state.history.append(.init(field: question.field, previous: Self.get(question.field, state.draft), wasDeclined: Self.isDeclined(question.field, state.draft), skipped: false))
        Self.set(question.field, value, &state.draft)
    }

    func decline(_ question: InterviewQuestion, in state: inout InterviewState) {
        state.history.append(.init(field: question.field, previous: Self.get(question.field, state.draft), wasDeclined: Self.isDeclined(question.field, state.draft), skipped: false))
        Self.set(question.field, nil, &state.draft)
        Self.setDeclined(question.field, true, &state.draft)
    }

    func dontKnow(_ question: InterviewQuestion, in state: inout InterviewState) {
        state.history.append(.init(field: question.field, previous: Self.get(question.field, state.draft), wasDeclined: Self.isDeclined(question.field, state.draft), skipped: true))
        state.skipped.append(question.field)
    }

    func back(in state: inout InterviewState) {
        guard let step = state.history.popLast() else { return }
        if step.skipped {
            if let i = state.skipped.lastIndex(of: step.field) { state.skipped.remove(at: i) }
            return
        }
        Self.set(step.field, step.previous, &state.draft)
        Self.setDeclined(step.field, step.wasDeclined, &state.draft)
    }

    /// `facts.NAME` or `family_members.I.facts.NAME` → (member index or nil, name).
    static func address(_ field: String) -> (member: Int?, name: String)? {
        let parts = field.split(separator: ".").map(String.init)
        if parts.count == 2, parts[0] == "facts" { return (nil, parts[1]) }
        if parts.count == 4, parts[0] == "family_members", let i = Int(parts[1]), parts[2] == "facts" { return (i, parts[3]) }
        return nil
    }

    static func get(_ field: String, _ draft: PageDraft) -> JSONValue? {
        guard let (member, name) = address(field) else { return nil }
        guard let member else { return draft.facts[name] }
        return draft.members.indices.contains(member) ? draft.members[member].facts[name] : nil
    }

    static func set(_ field: String, _ value: JSONValue?, _ draft: inout PageDraft) {
        guard let (member, name) = address(field) else { return }
        if let member {
            guard draft.members.indices.contains(member) else { return }
            draft.members[member].facts[name] = value
        } else {
            draft.facts[name] = value
        }
    }

    static func isDeclined(_ field: String, _ draft: PageDraft) -> Bool {
        guard let (member, name) = address(field) else { return false }
        guard let member else { return draft.declined.contains(name) }
        return draft.members.indices.contains(member) && draft.members[member].declined.contains(name)
    }

    static func setDeclined(_ field: String, _ on: Bool, _ draft: inout PageDraft) {
        guard let (member, name) = address(field) else { return }
        func apply(_ list: inout [String]) {
            list.removeAll { $0 == name }
            if on { list.append(name) }
        }
        if let member {
            guard draft.members.indices.contains(member) else { return }
            apply(&draft.members[member].declined)
        } else {
            apply(&draft.declined)
        }
    }
}

/// One request of the interview panel: an action on the state it sends back each time.
struct InterviewRequest: Codable, Sendable {
    enum Action: String, Codable, Sendable { case next, answer, decline, dontKnow = "dont_know", back }
    var action: Action
    var state: InterviewState
    var question: InterviewQuestion?
    var value: JSONValue?
}

struct InterviewStep: Codable, Sendable {
    var state: InterviewState
    var question: InterviewQuestion?
    var canGoBack: Bool

    static func take(_ request: InterviewRequest, engine: Engine) -> InterviewStep {
        let driver = RankedQuestions(engine: engine)
        var state = request.state
        switch request.action {
        case .next: break
        case .answer: if let q = request.question { driver.answer(request.value ?? .null, to: q, in: &state) }
        case .decline: if let q = request.question { driver.decline(q, in: &state) }
        case .dontKnow: if let q = request.question { driver.dontKnow(q, in: &state) }
        case .back: driver.back(in: &state)
        }
        return InterviewStep(state: state, question: driver.next(state), canGoBack: !state.history.isEmpty)
    }
}
