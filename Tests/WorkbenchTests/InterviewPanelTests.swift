import Foundation
import Testing
import TVPARules
@testable import tvpa_workbench

/// The interview panel is the library's `Interview` (what `tvpa interview` runs): the same
/// questions in the same order, through answers, don't know, skip, declined and back — though
/// the server keeps nothing between requests and replays the page's steps on each.
@Suite("Workbench interview panel")
struct InterviewPanelTests {
    static let program = EngineTests.program
    static let today = CivilDate.today()

    /// As the page sends a value: through JSON, where a date or a word is a string.
    static func sent(_ v: CaseDraft.Value) throws -> CaseDraft.Value {
        try JSONDecoder().decode(CaseDraft.Value.self, from: try JSONEncoder().encode(v))
    }

    @Test func thePanelAsksWhatTheInterviewAsks() throws {
        let library = ScenarioLibrary(folders: [], program: Self.program)
        // Scenarios with family members and without, the family question among them.
        let picked = library.scenarios.filter { ["e03-pending-across-2024", "clock-derivatives-young-principal"].contains($0.id) }
        #expect(picked.count == 2)
        var actions: Set<String> = []
        for scenario in picked {
            let truth = try #require(library.draft(scenario.key))
            var start = CaseDraft(id: truth.id)
            start.asOf = truth.asOf
            var live = try Interview(program: Self.program, draft: start, today: Self.today, path: "case.yaml")
            var state = PanelState(start: start)
            var n = 0
            var shown = try #require(InterviewPanel.take(PanelRequest(action: .next, state: state), program: Self.program, today: Self.today))
            // Each request replays every step before it: a score of steps keeps the test quick.
            while n < 24 {
                #expect(shown.question?.key == live.next.map(PanelQuestion.key), "\(scenario.id) step \(n)")
                #expect(shown.question?.question == live.next?.text)
                #expect(shown.draft == live.draft && shown.canGoBack == live.canGoBack, "\(scenario.id) step \(n)")
                guard let q = live.next else { break }
                var request = PanelRequest(action: .answer, state: state)
                if n % 7 == 6 && live.canGoBack {
                    live.back()
                    request.action = .back
                } else if q.kind == .familyMembers {
                    try live.answer(.members(truth.members.map(\.id)))
                    request.members = truth.members.map(\.id)
                } else if n % 5 == 4 {
                    live.skip()
                    request.action = .skip
                } else if truth.declined(of: q.member).contains(q.name) {
                    try live.decline()
                    request.action = .decline
                } else if let v = truth.facts(of: q.member)[q.name] {
                    try live.answer(.value(v))
                    request.value = try Self.sent(v)
                } else if let instead = q.instead, let v = truth.facts(of: q.member)[instead] {
                    try live.answer(.derived(instead, v))
                    request.value = try Self.sent(v)
                    request.instead = true
                } else {
                    live.dontKnow()
                    request.action = .dontKnow
                }
                actions.insert(request.action.rawValue)
                shown = try #require(InterviewPanel.take(request, program: Self.program, today: Self.today))
                #expect(shown.refused == nil, "\(scenario.id) step \(n): \(shown.refused ?? "")")
                #expect(shown.steps == live.steps)
                state = shown.state
                n += 1
            }
        }
        #expect(actions.isSuperset(of: ["answer", "skip", "back", "dont_know"]))
    }

    /// A step the page sends for another question than the one asked ends the replay there:
    /// nothing is answered on a question nobody saw.
    @Test func aStepForAnotherQuestionIsNotTaken() throws {
        var state = PanelState(start: CaseDraft(id: "new"))
        let first = try #require(InterviewPanel.take(PanelRequest(action: .next, state: state), program: Self.program, today: Self.today)?.question)
        state.steps = [.init(action: .dontKnow, key: "-1:99999")]
        let step = try #require(InterviewPanel.take(PanelRequest(action: .next, state: state), program: Self.program, today: Self.today))
        #expect(step.state.steps.isEmpty && step.question == first)
    }

    /// An answer meant for a question the interview no longer asks (the form changed the case
    /// since) is not taken on another.
    @Test func anAnswerForAnotherQuestionIsNotTakenOnThis() throws {
        let state = PanelState(start: CaseDraft(id: "new"))
        let asked = try #require(InterviewPanel.take(PanelRequest(action: .next, state: state), program: Self.program, today: Self.today)?.question)
        let step = try #require(InterviewPanel.take(PanelRequest(action: .dontKnow, state: state, question: "-1:99999"), program: Self.program, today: Self.today))
        #expect(step.refused == WorkbenchMessages.interviewMoved && step.state.steps.isEmpty && step.question == asked)
        let taken = try #require(InterviewPanel.take(PanelRequest(action: .dontKnow, state: state, question: asked.key), program: Self.program, today: Self.today))
        #expect(taken.refused == nil && taken.state.steps.count == 1 && taken.question != asked)
    }

    /// An answer the loader refuses is said, and the interview stays where it was.
    @Test func aRefusedAnswerIsSaidAndNotTaken() throws {
        let state = PanelState(start: CaseDraft(id: "new"))
        let asked = try #require(InterviewPanel.take(PanelRequest(action: .next, state: state), program: Self.program, today: Self.today))
        let q = try #require(asked.question)
        // A value of no type the question takes: a record list for whatever it asks, or text for records.
        let wrong: CaseDraft.Value = q.type == "records" ? .text("zz") : .records([["zz": .text("zz")]])
        let step = try #require(InterviewPanel.take(PanelRequest(action: .answer, state: state, value: wrong), program: Self.program, today: Self.today))
        #expect(step.refused != nil && step.state.steps.isEmpty && step.question == q)
    }

    /// After an answer the panel says the deadlines it revealed, in `tvpa interview`'s words: a
    /// date of birth that makes the person 17 reveals the day HHS must have the child's request.
    @Test func anAnswerSaysTheDeadlineItReveals() throws {
        var start = CaseDraft(id: "new")
        start.asOf = "2026-12-01"
        var state = PanelState(start: start)
        var shown = try #require(InterviewPanel.take(PanelRequest(action: .next, state: state), program: Self.program, today: Self.today))
        // Skip to the date of birth (a skipped question is asked after every other).
        var n = 0
        while let q = shown.question, q.name != "date_of_birth", n < 40 {
            #expect(shown.deadlines.isEmpty, "skipping \(q.name) reveals nothing")
            state = shown.state
            shown = try #require(InterviewPanel.take(PanelRequest(action: .skip, state: state, question: q.key), program: Self.program, today: Self.today))
            n += 1
        }
        let q = try #require(shown.question)
        #expect(q.name == "date_of_birth")
        state = shown.state
        let answered = try #require(InterviewPanel.take(PanelRequest(action: .answer, state: state, value: .date("2009-01-15"), question: q.key), program: Self.program, today: Self.today))
        #expect(answered.refused == nil)
        let line = try #require(answered.deadlines.first { $0.hasPrefix("New deadline:") && $0.contains("2027-01-14") }, "\(answered.deadlines)")
        #expect(line.contains("44 days left"))
        // Going back says nothing new.
        let back = try #require(InterviewPanel.take(PanelRequest(action: .back, state: answered.state), program: Self.program, today: Self.today))
        #expect(back.deadlines.isEmpty)
    }
}
