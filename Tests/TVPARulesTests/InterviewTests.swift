import Foundation
import Testing
@testable import TVPARules

/// The guided interview as a library value: what it asks, in what order, what it records, and
/// when it stops.
@Suite("Interview")
struct InterviewTests {
    /// `hard_two` settles two decisions, `easy_one` and `hard_one` one each (p_one reads both,
    /// hard first in the rule); `careful_one` and `easy_two` one each in p_three.
    static let rules = """
        facts:
          hard_two: {type: bool, question: Hard and decisive?, asking: hard, why_asked: "It decides two programs."}
          hard_one: {type: bool, question: Hard?, asking: hard, why_asked: "It decides one program."}
          easy_one: {type: bool, question: Easy?}
          careful_one: {type: bool, question: Careful?, asking: careful, why_asked: "It is delicate."}
          easy_two: {type: bool, question: Also easy?}
          born: {type: date, question: When were you born?}
          fm_rel: {type: enum, subject: family_member, values: [spouse, child], labels: {spouse: a spouse, child: a child}, question: How are they related?}
        derived:
          years: {type: integer, min: 0, max: 130, question: How old are you?, compute: {years_between: [born, decision_date]}}
        contradictions:
          - id: young-and-hard
            when: {all: [{lt: [years, 10]}, {fact: hard_two}]}
            message: a person under 10 cannot have answered yes to the hard question
            cite: ["Test Act 9"]
        rules:
          r_one:
            cite: ["Test Act 1"]
            when: {all: [{fact: hard_one}, {fact: easy_one}, {fact: hard_two}]}
          r_two:
            cite: ["Test Act 2"]
            when: {all: [{fact: hard_two}, {lt: [years, 18]}]}
          r_three:
            cite: ["Test Act 3"]
            when: {all: [{fact: careful_one}, {fact: easy_two}]}
          r_member:
            cite: ["Test Act 4"]
            when: {all: [{rule: r_two}, {fact: fm_rel, is: spouse}]}
        programs:
          p_one: {subject: principal, rule: r_one}
          p_two: {subject: principal, rule: r_two}
          p_three: {subject: principal, rule: r_three}
          p_member: {subject: family_member, rule: r_member}
        """

    static let program: Program = try! Inline.compile(rules)
    static let today = CivilDate.parse("2024-06-01")!

    static func start(_ draft: CaseDraft = CaseDraft(id: "t"), programs: Set<String>? = nil) throws -> Interview {
        try Interview(program: program, draft: draft, programs: programs, today: today, path: "t.yaml")
    }

    /// Every question the interview asks, answering each with `answer` (nil: don't know).
    static func drive(_ interview: inout Interview, _ answer: (InterviewQuestion) -> InterviewAnswer?) -> [String] {
        var asked: [String] = []
        while let q = interview.next, asked.count < 100 {
            asked.append(q.kind == .familyMembers ? "family" : q.member.map { "\(q.name)@\($0)" } ?? q.name)
            if let a = answer(q) {
                do { try interview.answer(a) } catch { Issue.record("refused: \(error.message)"); return asked }
            } else {
                interview.dontKnow()
            }
        }
        return asked
    }

    @Test("the first question is the report's most decisive one (the ranking check gives)")
    func ranking() throws {
        let interview = try Self.start()
        let top = try #require(interview.report.questions.first)
        #expect(interview.next?.name == top.name)
        #expect(interview.next?.name == "hard_two", "hard_two settles p_one and p_two (and the member)")
        #expect(interview.next?.decides == top.decides)
    }

    @Test("among questions that settle as many decisions, the least hard first; a harder one first only when it settles strictly more")
    func hardQuestionsOrder() throws {
        var interview = try Self.start(programs: ["p_one", "p_three"])
        // hard_two settles only p_one now, as do hard_one and easy_one; p_three: careful_one, easy_two.
        let asked = Self.drive(&interview) { _ in nil }
        let rank = Dictionary(uniqueKeysWithValues: asked.enumerated().map { ($1, $0) })
        #expect(rank["easy_one"]! < rank["careful_one"]!)
        #expect(rank["easy_two"]! < rank["careful_one"]!)
        #expect(rank["careful_one"]! < rank["hard_one"]!)
        #expect(rank["careful_one"]! < rank["hard_two"]!)
        // With p_two in scope hard_two settles two decisions, and comes before every easy one.
        var wide = try Self.start(programs: ["p_one", "p_two", "p_three"])
        #expect(wide.next?.name == "hard_two")
        let order = Self.drive(&wide) { _ in nil }
        #expect(order.first == "hard_two")
    }

    @Test("a careful or hard question carries the rules' why_asked and says declining is fine; a plain one says nothing")
    func hardNote() throws {
        let interview = try Self.start()
        let q = try #require(interview.next)
        #expect(q.asking == .hard)
        #expect(q.note == InterviewMessages.askedWithCare("It decides two programs."))
        #expect(q.note?.contains("\"Declined to answer\" is a fine answer") == true)
        var plain = try Self.start(programs: ["p_three"])
        #expect(plain.next?.name == "easy_two")
        #expect(plain.next?.note == nil)
        plain.dontKnow()
        #expect(plain.next?.name == "careful_one")
        #expect(plain.next?.note != nil)
    }

    @Test("declined is recorded under declined: and not asked again; don't know stays unknown, is not recorded, and is not asked again")
    func declinedVersusUnknown() throws {
        var interview = try Self.start()
        #expect(interview.next?.name == "hard_two")
        try interview.decline()
        #expect(interview.draft.declined == ["hard_two"])
        #expect(interview.yaml.contains("declined: [hard_two]"))
        #expect(interview.next?.name != "hard_two")
        #expect(interview.report.questions.contains { $0.name == "hard_two" && $0.declined })
        let second = try #require(interview.next?.name)
        interview.dontKnow()
        #expect(interview.draft.facts[second] == nil)
        #expect(!interview.draft.declined.contains(second))
        #expect(!interview.yaml.contains(second))
        // Still a missing fact of the report, but never asked again in this interview.
        #expect(interview.report.questions.contains { $0.name == second && !$0.declined })
        let rest = Self.drive(&interview) { _ in nil }
        #expect(!rest.contains(second) && !rest.contains("hard_two"))
    }

    @Test("skip for now asks the question after every other")
    func skip() throws {
        var interview = try Self.start(programs: ["p_three"])
        let first = try #require(interview.next?.name)
        interview.skip()
        #expect(interview.next?.name != first)
        let rest = Self.drive(&interview) { _ in nil }
        #expect(rest.last == first)
    }

    @Test("back undoes the last answer and asks its question again")
    func back() throws {
        var interview = try Self.start()
        let none = interview.back()
        #expect(!none)
        let before = interview.draft
        let q = try #require(interview.next)
        try interview.answer(.value(.bool(false)))
        #expect(interview.draft.facts[q.name] == .bool(false))
        let went = interview.back()
        #expect(went)
        #expect(interview.draft == before)
        #expect(interview.next == q)
        #expect(interview.steps == 0)
    }

    @Test("an answer contradicting an earlier one is refused with the rules' explanation, and nothing changes")
    func contradictionRefused() throws {
        var draft = CaseDraft(id: "t")
        draft.facts["born"] = .date("2020-01-01")
        var interview = try Self.start(draft)
        #expect(interview.next?.name == "hard_two")
        let before = interview.draft
        #expect(throws: Interview.Refusal.self) { try interview.answer(.value(.bool(true))) }
        do {
            try interview.answer(.value(.bool(true)))
        } catch {
            #expect(error.diagnostics.contains { $0.id == .caseContradiction })
            #expect(error.message.contains("a person under 10 cannot have answered yes to the hard question"))
        }
        #expect(interview.draft == before)
        #expect(interview.next?.name == "hard_two")
        try interview.answer(.value(.bool(false)))
        #expect(interview.draft.facts["hard_two"] == .bool(false))
    }

    @Test("a date is checked as typed with the case files' diagnostics; the age may be given instead of a date of birth")
    func datesAndAge() throws {
        var interview = try Self.start(programs: ["p_two"])
        // born (plain) before hard_two (hard): both settle p_two alone.
        let q = try #require(interview.next)
        #expect(q.name == "born")
        #expect(q.instead == "years")
        #expect(throws: Interview.Refusal.self) { try interview.answer(.value(.date("2011-02-30"))) }
        do { try interview.answer(.value(.date("4/12/2011"))) } catch { #expect(error.diagnostics.first?.id == .caseTypeMismatch) }
        #expect(interview.draft.facts["born"] == nil)
        try interview.answer(.derived("years", .integer(12)))
        #expect(interview.draft.facts["years"] == .integer(12))
        #expect(interview.next?.name == "hard_two", "born is not asked again once the age is given")
        interview.dontKnow()
        #expect(interview.next == nil)
        #expect(interview.report.decisions.first { $0.program == "p_two" }?.outcome == .undetermined)
        #expect(throws: Interview.Refusal.self) { var again = interview; again.back(); try again.answer(.derived("years", .integer(400))) }
    }

    @Test("family members: asked when a member's decision can matter, then each member's questions")
    func family() throws {
        var interview = try Self.start(programs: ["p_two", "p_member"])
        // The principal's side first (the date of birth, then the hard question), then the family question.
        var asked: [String] = []
        while let q = interview.next, q.kind != .familyMembers, asked.count < 10 {
            asked.append(q.name)
            switch q.name {
            case "hard_two": try interview.answer(.value(.bool(true)))
            case "born": try interview.answer(.value(.date("2010-01-01")))
            default: interview.dontKnow()
            }
        }
        #expect(asked == ["born", "hard_two"])
        #expect(interview.next?.kind == .familyMembers)
        try interview.answer(.members(["member-1", "member-2"]))
        #expect(interview.draft.members.map(\.id) == ["member-1", "member-2"])
        #expect(interview.next?.name == "fm_rel")
        #expect(interview.next?.member == 0)
        #expect(interview.next?.choices.map(\.label) == ["a spouse", "a child"])
        try interview.answer(.value(.word("spouse")))
        #expect(interview.settled.contains { $0.program == "p_member" && $0.subject == "member-1" && $0.outcome == .eligible })
        #expect(interview.next?.member == 1)
        try interview.answer(.value(.word("child")))
        #expect(interview.isFinished)
        // When the principal cannot qualify, the family question is never asked.
        var none = try Self.start(programs: ["p_two", "p_member"])
        let rest = Self.drive(&none) { q in q.name == "hard_two" ? .value(.bool(false)) : nil }
        #expect(rest == ["born", "hard_two"])
    }

    @Test("stop condition: every question asked is a missing fact of an undetermined decision in scope, and it stops when there is none")
    func stopCondition() throws {
        let examples = try Self.examples()
        for url in examples {
            let (file, _) = Self.shippedLoader.load(SourceText(path: url.path, text: try String(contentsOf: url, encoding: .utf8)))
            let truth = CaseDraft(try #require(file), legend: Self.shipped.legend)
            var start = CaseDraft(id: truth.id)
            start.asOf = truth.asOf
            var interview = try Interview(program: Self.shipped, draft: start, today: Self.today, path: "x.yaml")
            var steps = 0
            while let q = interview.next, steps < 200 {
                steps += 1
                if q.kind == .fact {
                    let listed = interview.report.decisions.filter { $0.outcome == .undetermined }.flatMap(\.missingFacts)
                    #expect(listed.contains { $0.name == q.name && $0.subject == q.subject }, "\(url.lastPathComponent): \(q.name) is no missing fact")
                }
                try Self.answerFromTruth(&interview, q, truth)
            }
            #expect(interview.isFinished)
            // Nothing left: every missing fact of the report was declined or answered "don't know".
            for question in interview.report.questions {
                let key = Interview.Key(member: question.asked.member, slot: question.asked.slot)
                #expect(question.declined || interview.unknown.contains(key), "\(url.lastPathComponent): \(question.name) was never asked")
            }
        }
    }

    @Test("answered from a conformance example, the interview ends with the decisions the whole file gives")
    func replayAgrees() throws {
        for url in try Self.examples() {
            let (file, _) = Self.shippedLoader.load(SourceText(path: url.path, text: try String(contentsOf: url, encoding: .utf8)))
            let result = try InterviewReplay.run(truth: try #require(file), program: Self.shipped, today: Self.today)
            #expect(result.agrees, "\(url.lastPathComponent)")
            #expect(result.untilSettled <= result.asked)
        }
    }

    @Test("the README's table of questions per conformance example is what the interview asks (scripts/interview-examples)")
    func readmeTable() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        var rows: [String: [String]] = [:]
        for line in readme.split(separator: "\n") where line.wholeMatch(of: /\| e\d\d-.*/) != nil && line.split(separator: "|").count == 6 {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            rows[cells[0]] = Array(cells.dropFirst())
        }
        let examples = try Self.examples()
        #expect(rows.count == examples.count, "one row per example")
        for url in examples {
            let (file, _) = CaseLoader(program: Self.shipped).load(SourceText(path: url.path, text: try String(contentsOf: url, encoding: .utf8)))
            let truth = try #require(file)
            let r = try InterviewReplay.run(truth: truth, program: Self.shipped)
            let row = try #require(rows[truth.id], "no README row for \(truth.id)")
            #expect(row == ["\(r.facts)", "\(r.asked)", "\(r.dontKnow)", "\(r.untilSettled)", "\(r.decisions) (\(r.decided))"], "\(truth.id)")
        }
    }

    @Test("the writer's file loads back to the same case, for every scenario and example")
    func roundTrip() throws {
        let walk = FileManager.default.enumerator(at: Self.root.appendingPathComponent("Cases"), includingPropertiesForKeys: nil)
        let cases = (walk?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "yaml" }
        #expect(cases.count > 20)
        for url in cases {
            let (file, _) = Self.shippedLoader.load(SourceText(path: url.path, text: try String(contentsOf: url, encoding: .utf8)))
            guard let file else { continue }
            let draft = CaseDraft(file, legend: Self.shipped.legend)
            let text = CaseWriter.yaml(draft, legend: Self.shipped.legend)
            let (again, diagnostics) = Self.shippedLoader.load(SourceText(path: url.path, text: text))
            let reloaded = try #require(again, "\(url.lastPathComponent): \(diagnostics.map(\.description))")
            #expect(CaseDraft(reloaded, legend: Self.shipped.legend) == draft, "\(url.lastPathComponent)")
            if file.texts.isEmpty && file.records.isEmpty { #expect(reloaded.values == file.values, "\(url.lastPathComponent)") }
            #expect(reloaded.expect == file.expect && reloaded.declined == file.declined && reloaded.asOf == file.asOf)
            #expect(CaseWriter.yaml(CaseDraft(reloaded, legend: Self.shipped.legend), legend: Self.shipped.legend) == text, "the layout is canonical")
        }
    }

    @Test("asking: takes plain, careful or hard (the nearest suggested), and a careful or hard fact needs why_asked")
    func askingKey() throws {
        func diagnostics(_ fact: String) throws -> [Diagnostic] {
            let dir = try Inline.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let yaml = "facts:\n  x: \(fact)\nrules:\n  r: {cite: [\"Test Act 1\"], when: {fact: x}}\nprograms:\n  p: {subject: principal, rule: r}\n"
            try yaml.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
            return RuleCompiler.compile(.directory(dir.path)).1.filter { $0.severity == .error }
        }
        let wrong = try diagnostics("{type: bool, asking: hrad, why_asked: Why.}")
        #expect(wrong.map(\.id) == [.parseInvalidValue])
        #expect(wrong.first?.help?.contains("hard") == true)
        let unexplained = try diagnostics("{type: bool, asking: careful}")
        #expect(unexplained.map(\.id) == [.parseMissingKey])
        #expect(unexplained.first?.message.contains("why_asked") == true)
        #expect(try diagnostics("{type: bool, asking: hard, why_asked: Why.}").isEmpty)
        #expect(try diagnostics("{type: bool}").isEmpty)
        // The shipped rules mark the questions the issue names as hard.
        for name in ["commercial_sex_act_occurred", "applicant_committed_trafficking", "inadmissibility_grounds", "trauma_prevents_cooperation"] {
            let fact = try #require(Self.shipped.legend.facts.first { $0.name == name })
            #expect(fact.asking == .hard && fact.whyAsked != nil, "\(name)")
            #expect(!fact.sensitive || name != "commercial_sex_act_occurred", "asking is not sensitive")
        }
    }

    @Test("the writer quotes what YAML would read as something else")
    func writerQuotes() throws {
        var draft = CaseDraft(id: "123")
        draft.title = "yes: \"a\"\nb"
        draft.narrative = "line one\nline two\u{202E}"
        let text = CaseWriter.yaml(draft, legend: Self.program.legend)
        let (file, diagnostics) = CaseLoader(program: Self.program, today: Self.today).load(SourceText(path: "q.yaml", text: text))
        let loaded = try #require(file, "\(diagnostics)")
        #expect(loaded.id == "123" && loaded.title == draft.title && loaded.narrative == draft.narrative)
    }

    // MARK: Deadlines an answer reveals (issue 14, with the clocks of issue 13)

    /// A child with no request yet, on the shipped rules, decided on 2026-12-01.
    static func childDraft(_ facts: [String: CaseDraft.Value] = [:]) -> CaseDraft {
        var draft = CaseDraft(id: "child")
        draft.asOf = "2026-12-01"
        draft.facts = ["is_us_citizen_or_lpr": .bool(false)].merging(facts) { $1 }
        return draft
    }

    static func deadlines(_ draft: CaseDraft) throws -> [Deadline] {
        try Interview(program: shipped, draft: draft, programs: ["hhs_interim_assistance"], today: today, path: "child.yaml").report.deadlines
    }

    @Test("answering the date of birth reveals the child's act-by deadline: HHS must receive the request before the 18th birthday")
    func answerRevealsDeadline() throws {
        var interview = try Interview(program: Self.shipped, draft: Self.childDraft(), programs: ["hhs_interim_assistance"], today: Self.today, path: "child.yaml")
        #expect(interview.report.deadlines.isEmpty, "no clock matters before the age is known")
        #expect(interview.next?.name == "date_of_birth")
        try interview.answer(.value(.date("2009-01-15")))
        let change = try #require(interview.deadlineChanges.first { $0.deadline.id == "hhs.child_request_by" })
        #expect(change.kind == .revealed && change.before == nil)
        // OTIP-PI-16-01: the request must be received "prior to" the 18th birthday (2027-01-15),
        // so the last day is 2027-01-14, 44 days after the decision date 2026-12-01; the clock
        // warns within 90 days (Rules/clocks.yaml).
        #expect(change.deadline.date == CivilDate.parse("2027-01-14"))
        #expect(change.deadline.days == 44)
        #expect(DeadlineText.change(change, legend: Self.shipped.legend)
            == "New deadline: [SOON] HHS must receive the child's Request for Assistance: act by 2027-01-14 — 44 days left (within the 90 days the rules warn at)")
        // Undone, nothing is shown as new; "don't know" changes no deadline.
        interview.back()
        #expect(interview.deadlineChanges.isEmpty)
        interview.dontKnow()
        #expect(interview.deadlineChanges.isEmpty)
    }

    @Test("deadline changes: revealed, moved (bounds to a date) and removed, by clock and subject; none when nothing moved")
    func deadlineChanges() throws {
        let byAge = try Self.deadlines(Self.childDraft(["age": .integer(17)]))
        let byBirth = try Self.deadlines(Self.childDraft(["date_of_birth": .date("2009-01-15")]))
        let requested = try Self.deadlines(Self.childDraft(["date_of_birth": .date("2009-01-15"), "hhs_rfa_submitted_date": .date("2026-11-30")]))
        // Age 17 on 2026-12-01: born 2008-12-02 … 2009-12-01, so the last day is 2026-12-01 …
        // 2027-11-30 (the day before an 18th birthday, OTIP-PI-16-01).
        let moved = DeadlineChange.changes(from: byAge, to: byBirth)
        #expect(moved.map(\.kind) == [.changed])
        #expect(moved.first?.before?.earliest == CivilDate.parse("2026-12-01") && moved.first?.before?.latest == CivilDate.parse("2027-11-30"))
        #expect(moved.first?.after?.date == CivilDate.parse("2027-01-14"))
        #expect(DeadlineText.change(moved[0], legend: Self.shipped.legend).hasSuffix("(was act by as early as 2026-12-01, as late as 2027-11-30)"))
        // A request received: the clock's condition no longer holds (no request yet), so it goes.
        let removed = DeadlineChange.changes(from: byBirth, to: requested)
        #expect(removed.contains { $0.kind == .removed && $0.deadline.id == "hhs.child_request_by" })
        #expect(DeadlineText.change(removed.first { $0.deadline.id == "hhs.child_request_by" }!, legend: Self.shipped.legend)
            == "Deadline no longer applies: HHS must receive the child's Request for Assistance")
        #expect(DeadlineChange.changes(from: byBirth, to: byBirth).isEmpty)
        #expect(DeadlineChange.changes(from: [], to: byBirth).allSatisfy { $0.kind == .revealed })
        // The same clock for another subject is another deadline.
        var other = byBirth[0]
        other.member = 0
        other.subject = "member-1"
        #expect(DeadlineChange.changes(from: byBirth, to: byBirth + [other]).map(\.kind) == [.revealed])
    }

    // MARK: Declined in the file

    @Test("a fact the file records as declined is not asked again by default; askDeclined asks it once more, after every other")
    func declinedInFile() throws {
        var draft = CaseDraft(id: "t")
        draft.declined = ["hard_two"]
        // The principal's programs only (the family question would come last otherwise).
        let scope: Set<String> = ["p_one", "p_two", "p_three"]
        var plain = try Self.start(draft, programs: scope)
        #expect(plain.next?.name != "hard_two", "hard_two settles the most, but it was declined")
        #expect(!Self.drive(&plain) { _ in nil }.contains("hard_two"))
        #expect(plain.draft.declined == ["hard_two"])
        // Asked again: last, though it settles the most decisions.
        var again = try Interview(program: Self.program, draft: draft, programs: scope, today: Self.today, path: "t.yaml", askDeclined: true)
        let order = Self.drive(&again) { _ in nil }
        #expect(order.last == "hard_two" && order.filter { $0 == "hard_two" }.count == 1, "\(order)")
        // Answered now, it is no longer declined; declined again, it stays so and is not asked a third time.
        var answered = try Interview(program: Self.program, draft: draft, programs: scope, today: Self.today, path: "t.yaml", askDeclined: true)
        while let q = answered.next, q.name != "hard_two" { answered.dontKnow() }
        try answered.answer(.value(.bool(false)))
        #expect(answered.draft.declined.isEmpty && answered.draft.facts["hard_two"] == .bool(false))
        var declinedAgain = try Interview(program: Self.program, draft: draft, programs: scope, today: Self.today, path: "t.yaml", askDeclined: true)
        while let q = declinedAgain.next, q.name != "hard_two" { declinedAgain.dontKnow() }
        try declinedAgain.decline()
        #expect(declinedAgain.draft.declined == ["hard_two"])
        #expect(declinedAgain.isFinished)
    }

    // MARK: The family question's words come from the rules

    @Test("the family question is the rules' (members: on a family-member program); without it, neutral words")
    func familyWordsFromRules() throws {
        let words = try #require(Self.shipped.legend.programs.first { $0.id == "t_derivative" }?.members)
        #expect(words.question == "Does the person have a spouse, children, parents or siblings who might join the application?")
        let q = InterviewQuestion.family(Self.shipped, programs: nil)
        #expect(q.text == words.question)
        #expect(q.note?.hasPrefix(words.why!) == true && q.note?.hasSuffix(InterviewMessages.familyQuestionWhy) == true)
        // The engine's own words name no relation the law counts.
        for relation in ["spouse", "child", "parent", "sibling"] {
            #expect(!InterviewMessages.familyQuestion.contains(relation) && !InterviewMessages.familyQuestionWhy.contains(relation))
        }
        // The test rules' member program declares none: the neutral words.
        var interview = try Self.start(programs: ["p_two", "p_member"])
        while let next = interview.next, next.kind != .familyMembers {
            if next.name == "hard_two" { try interview.answer(.value(.bool(true))) } else { try interview.answer(.value(.date("2010-01-01"))) }
        }
        #expect(interview.next?.text == InterviewMessages.familyQuestion)
        // With members: on it, its words.
        let worded = try Inline.compile(Self.rules.replacingOccurrences(
            of: "p_member: {subject: family_member, rule: r_member}",
            with: "p_member: {subject: family_member, rule: r_member, members: {question: Is there a spouse?, why: Test Act 4 covers a spouse.}}"))
        var withWords = try Interview(program: worded, draft: CaseDraft(id: "t"), programs: ["p_two", "p_member"], today: Self.today, path: "t.yaml")
        while let next = withWords.next, next.kind != .familyMembers {
            if next.name == "hard_two" { try withWords.answer(.value(.bool(true))) } else { try withWords.answer(.value(.date("2010-01-01"))) }
        }
        #expect(withWords.next?.text == "Is there a spouse?")
        #expect(withWords.next?.note == "Test Act 4 covers a spouse. " + InterviewMessages.familyQuestionWhy)
    }

    @Test("members: needs a question, takes only question and why (the nearest suggested), and belongs on a family-member program")
    func membersKey() throws {
        func diagnostics(_ program: String) throws -> [Diagnostic] {
            let dir = try Inline.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let yaml = "facts:\n  x: {type: bool}\n  fx: {type: bool, subject: family_member}\nrules:\n  r: {cite: [\"Test Act 1\"], when: {fact: x}}\n  rm: {cite: [\"Test Act 2\"], when: {fact: fx}}\nprograms:\n\(program)\n"
            try yaml.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
            return RuleCompiler.compile(.directory(dir.path)).1.filter { $0.severity == .error }
        }
        #expect(try diagnostics("  p: {subject: principal, rule: r}\n  m: {subject: family_member, rule: rm, members: {question: Anyone?, why: Because.}}").isEmpty)
        let misspelt = try diagnostics("  m: {subject: family_member, rule: rm, members: {question: Anyone?, whyy: Because.}}")
        #expect(misspelt.map(\.id) == [.parseUnknownKey])
        #expect(misspelt.first?.help?.contains("why") == true)
        #expect(try diagnostics("  m: {subject: family_member, rule: rm, members: {why: Because.}}").map(\.id) == [.parseMissingKey])
        let onPrincipal = try diagnostics("  p: {subject: principal, rule: r, members: {question: Anyone?}}")
        #expect(onPrincipal.map(\.id) == [.checkSubjectMismatch])
        #expect(onPrincipal.first?.location.line == 8)
    }

    // MARK: Shipped rules and the conformance examples

    static let shipped: Program = RuleCompiler.compile(.embedded).0!.program
    static var shippedLoader: CaseLoader { CaseLoader(program: shipped, today: today) }
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ten conformance examples (`Cases/conformance`, copies of the spec's examples).
    static func examples() throws -> [URL] {
        let dir = root.appendingPathComponent("Cases/conformance")
        let found = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        #expect(found.count == 10)
        return found
    }

    /// Answers a question from the "true" case: its value, declined when it declined it,
    /// don't know when it does not say; the family question with its members.
    static func answerFromTruth(_ interview: inout Interview, _ q: InterviewQuestion, _ truth: CaseDraft) throws {
        if q.kind == .familyMembers {
            try interview.answer(.members(truth.members.map(\.id)))
            return
        }
        if truth.declined(of: q.member).contains(q.name) { return try interview.decline() }
        if let v = truth.facts(of: q.member)[q.name] {
            try interview.answer(.value(v))
        } else if let instead = q.instead, let v = truth.facts(of: q.member)[instead] {
            try interview.answer(.derived(instead, v))
        } else {
            interview.dontKnow()
        }
    }
}
