import TVPARules

/// The interview panel over the library's `Interview` (the one `tvpa interview` runs), so the
/// page asks the same questions in the same order, with answer, don't know, skip, declined and
/// back.
///
/// The server keeps nothing between requests: the page holds the draft the interview started
/// from and the steps taken, and each request replays them on a new `Interview` before taking
/// the next. The replay is the same calls on the same draft, so it reaches the same state; a
/// step that no longer applies (its question is not the one asked) ends the replay there.

/// A question as the panel shows it.
struct PanelQuestion: Codable, Sendable, Equatable {
    struct Choice: Codable, Sendable, Equatable {
        var value: String
        var label: String
    }
    struct Field: Codable, Sendable, Equatable {
        var name: String
        var type: String
        var values: [String]
        var labels: [String]
    }
    /// `fact` or `family` (who else might join: member ids).
    var kind: String
    /// `facts.NAME` or `family_members.I.facts.NAME`: the form's field for it.
    var field: String
    var key: String
    var name: String
    var subject: String
    var question: String
    var type: String
    var choices: [Choice]
    var fields: [Field]
    var note: String?
    var decides: Int
    /// A derived fact the person may give instead (`age` for a date of birth), and its question.
    var instead: String?
    var insteadQuestion: String?

    init(_ q: InterviewQuestion) {
        kind = q.kind == .familyMembers ? "family" : "fact"
        field = q.member.map { "family_members.\($0).facts.\(q.name)" } ?? "facts.\(q.name)"
        key = Self.key(q)
        name = q.name
        subject = q.subject
        question = q.text
        type = q.type.rawValue
        choices = q.choices.map { Choice(value: $0.value, label: $0.label) }
        fields = q.fields.map { f in Field(name: f.name, type: f.type.rawValue, values: f.choices.map(\.value), labels: f.choices.map(\.label)) }
        note = q.note
        decides = q.decides
        instead = q.instead
        insteadQuestion = q.insteadQuestion
    }

    /// Who and what a question asks: the same key for the same question in a replay.
    static func key(_ q: InterviewQuestion) -> String { "\(q.key.member):\(q.key.slot)" }
}

/// The interview as the page keeps it between requests.
struct PanelState: Codable, Sendable {
    /// One step taken: the question it met (by key) and what was done.
    struct Step: Codable, Sendable {
        enum Action: String, Codable, Sendable { case answer, decline, dontKnow = "dont_know", skip }
        var action: Action
        var key: String
        var value: CaseDraft.Value?
        /// The answer is the derived fact offered instead (`PanelQuestion.instead`).
        var instead: Bool?
        /// The family question's answer: the members' ids.
        var members: [String]?
    }
    var start: CaseDraft
    var steps: [Step] = []
}

/// One request of the interview panel.
struct PanelRequest: Codable, Sendable {
    enum Action: String, Codable, Sendable { case next, answer, decline, dontKnow = "dont_know", skip, back }
    var action: Action
    var state: PanelState
    var value: CaseDraft.Value?
    var instead: Bool?
    var members: [String]?
    /// The key of the question the page showed: a step is taken only on that question (an
    /// edit in the form may have changed what is asked since).
    var question: String?
}

/// What the panel shows after a step.
struct PanelResponse: Codable, Sendable {
    var state: PanelState
    /// The case so far (the form shows it).
    var draft: CaseDraft
    var question: PanelQuestion?
    var canGoBack: Bool
    /// Why an answer was not taken (the loader's words), and nothing changed.
    var refused: String?
    /// The decisions the last step settled, in words.
    var settled: [String] = []
    /// The deadlines the last step revealed, moved or removed, in the words `tvpa interview`
    /// prints (`DeadlineText.change`).
    var deadlines: [String] = []
    var steps: Int
}

enum InterviewPanel {
    /// The most steps a state may carry (each is replayed on every request).
    static let maxSteps = 400

    static func take(_ request: PanelRequest, program: Program, today: Int = CivilDate.today()) -> PanelResponse? {
        var state = request.state
        guard state.steps.count <= maxSteps else { return nil }
        let start = state.start.typed(by: program.legend)
        guard var interview = try? Interview(program: program, draft: start, today: today, path: "case.yaml") else { return nil }
        // Replay what was taken; stop at the first step that no longer applies.
        var kept: [PanelState.Step] = []
        for step in state.steps {
            guard (try? apply(step, to: &interview, program: program)) == true else { break }
            kept.append(step)
        }
        state.steps = kept
        var refused: String?
        switch request.action {
        case .next:
            break
        case .back:
            if interview.back() { state.steps.removeLast() }
        case .answer, .decline, .dontKnow, .skip:
            if let q = interview.next, let shown = request.question, shown != PanelQuestion.key(q) {
                refused = WorkbenchMessages.interviewMoved
            } else if let q = interview.next {
                let action: PanelState.Step.Action = request.action == .answer ? .answer : request.action == .decline ? .decline : request.action == .skip ? .skip : .dontKnow
                let step = PanelState.Step(action: action, key: PanelQuestion.key(q), value: request.value, instead: request.instead, members: request.members)
                do {
                    if try apply(step, to: &interview, program: program) { state.steps.append(step) }
                } catch {
                    refused = error.message
                }
            }
        }
        let stepped = refused == nil && request.action != .back && request.action != .next
        let settled = stepped
            ? interview.settled.map { "\($0.title)\($0.subject == "principal" ? "" : " (\($0.subject))"): \(ReportWords.outcome($0.outcome))" } : []
        let deadlines = stepped ? interview.deadlineChanges.map { DeadlineText.change($0, legend: program.legend) } : []
        return PanelResponse(
            state: state, draft: interview.draft, question: interview.next.map(PanelQuestion.init), canGoBack: interview.canGoBack, refused: refused,
            settled: settled, deadlines: deadlines, steps: interview.steps)
    }

    /// Takes one step on the current question; false when the step is not for it (or it did
    /// not change the interview), and throws when the interview refuses the answer.
    static func apply(_ step: PanelState.Step, to interview: inout Interview, program: Program) throws(Interview.Refusal) -> Bool {
        guard let q = interview.next, PanelQuestion.key(q) == step.key else { return false }
        let before = interview.steps
        switch step.action {
        case .answer:
            if q.kind == .familyMembers {
                try interview.answer(.members(step.members ?? []))
            } else if step.instead == true, let name = q.instead, let fact = program.legend.facts.first(where: { $0.name == name }) {
                guard let value = step.value?.typed(fact.type, fields: fact.fields) else { return false }
                try interview.answer(.derived(name, value))
            } else {
                let fact = program.legend.facts[Int(q.key.slot)]
                guard let value = step.value?.typed(fact.type, fields: fact.fields) else { return false }
                try interview.answer(.value(value))
            }
        case .decline: try interview.decline()
        case .dontKnow: interview.dontKnow()
        case .skip: interview.skip()
        }
        return interview.steps > before
    }
}
