import Foundation
import Testing
@testable import TVPARules

/// `DiffRun` over the scenario corpus: a change that changes nothing changes no decision; each
/// shipped proposal moves outcomes only in the direction its text says; two dates and another
/// rules folder give the changes the law says they do.
@Suite("Diff")
struct DiffTests {
    static let today = CivilDate.parse("2024-06-01")!
    static var cases: String { Proposals.root.appendingPathComponent("Cases").path }

    static func base() throws -> Program {
        try #require(RuleCompiler.compile(.embedded).0).program
    }

    static func withProposal(_ source: SourceText, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Program {
        let (compiled, diagnostics) = RuleCompiler.compile(.embedded, proposal: source)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return try #require(compiled, sourceLocation: sourceLocation).program
    }

    static func run(_ plan: DiffPlan, paths: [String] = [cases]) -> (CollectingSink, [Diagnostic]) {
        var sink = CollectingSink()
        var diagnostics: [Diagnostic] = []
        DiffRun.run(plan, paths: paths, options: DiffRun.Options(workers: 2, batchSize: 16), into: &sink, diagnostics: { diagnostics += $0 })
        return (sink, diagnostics)
    }

    static func proposalPlan(_ source: SourceText) throws -> DiffPlan {
        DiffPlan(
            before: try base(), after: try withProposal(source), beforeLabel: "the current rules", afterLabel: "with the proposal",
            proposal: ProposalInfo.read(source), today: today)
    }

    static func transitions(_ summary: DiffSummary, _ program: String) throws -> Transitions {
        try #require(summary.programs.first { $0.program == program }, "no program \(program)")
    }

    // MARK: A change that changes nothing

    static let noOps: [String] = [
        // Only a title.
        """
        proposal:
          title: Retitle certification
          cite: ["Test"]
        changes:
          - reword_rule: hhs.certification
            title: HHS certification, retitled
        """,
        // The same condition in place of itself.
        """
        proposal:
          title: Same condition
          cite: ["Test"]
        changes:
          - replace_condition: hhs.cert.t_or_cp/when
            with:
              any:
                - rule: hhs.cert.bona_fide_t
                - rule: hhs.cert.cp_granted
        """,
    ]

    @Test("a proposal that changes no meaning changes no decision, and every decision is counted once", arguments: noOps)
    func noOp(_ text: String) throws {
        let source = SourceText(path: "noop.yaml", text: text)
        var plan = try Self.proposalPlan(source)
        #expect(plan.before.digest != plan.after.digest, "the proposal did change the rules' text")
        // By default a program the change cannot reach is counted without being evaluated.
        #expect(plan.decidedAlike.allSatisfy { $0 }, "a change of wording reaches no decision")
        let (counted0, _) = Self.run(plan)
        let unreached = try #require(counted0.summary)
        #expect(unreached.programs.allSatisfy { !$0.reached && $0.changed == 0 && $0.notReached == $0.total })
        // Evaluated on both sides, program by program, to count every outcome below.
        plan.tableEveryProgram = true
        let (sink, diagnostics) = Self.run(plan)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let summary = try #require(sink.summary)
        #expect(sink.changes.isEmpty)
        #expect(summary.changedCases == 0)
        #expect(summary.invalid == 0)

        // Count the decisions independently, through the explainer, per program and outcome.
        let program = try Self.base()
        var stream = CaseStream(paths: [Self.cases])
        let loader = CaseLoader(program: program, today: Self.today)
        var counted: [String: [Outcome: Int]] = [:]
        var files = 0
        for input in stream.all() {
            let (file, d) = loader.load(input, asOfOverride: nil)
            #expect(!d.hasErrors)
            guard let file else { continue }
            files += 1
            let report = Explainer(view: .decision).report(file, program: program, decisionDate: file.decisionDate(override: nil, today: Self.today))
            for decision in report.decisions { counted[decision.program, default: [:]][decision.outcome, default: 0] += 1 }
        }
        #expect(files >= 100, "the corpus is there")
        #expect(summary.cases == files)
        #expect(summary.programs.map(\.total).reduce(0, +) == counted.values.flatMap(\.values).reduce(0, +))
        #expect(unreached.programs.map(\.total) == summary.programs.map(\.total), "counting without evaluating counts the same decisions")
        for t in summary.programs {
            #expect(t.changed == 0, "\(t.program): \(t.offDiagonal)")
            for (i, outcome) in Transitions.order.enumerated() {
                #expect(t.moves[i][i] == counted[t.program]?[outcome] ?? 0, "\(t.program) \(outcome.rawValue)")
            }
        }
    }

    // MARK: Each shipped proposal moves outcomes the way it says

    struct Direction: CustomTestStringConvertible, Sendable {
        var proposal: String
        /// The only programs whose outcomes may change; the first must change at least once.
        var programs: [String]
        /// +1: only toward eligible; -1: only away from it.
        var sign: Int
        var testDescription: String { proposal }
    }

    static let directions: [Direction] = [
        // Drops two elements of certification: only certification, only toward eligible.
        Direction(proposal: "benefits-first.yaml", programs: ["hhs_certification"], sign: 1),
        // Extends the two child programs to 21; adult certification is unchanged.
        Direction(proposal: "child-protections-to-21.yaml", programs: ["hhs_eligibility_letter", "hhs_interim_assistance"], sign: 1),
        // Removes the trauma exception and the T route to certification: nothing moves up.
        Direction(proposal: "enforcement-only.yaml", programs: ["hhs_certification", "t_visa", "t_derivative"], sign: -1),
        // Drops the cooperation element of T-1; derivatives follow the principal.
        Direction(proposal: "t-visa-without-cooperation.yaml", programs: ["t_visa", "t_derivative"], sign: 1),
        // Widens who can request Continued Presence and drops the witness element.
        Direction(proposal: "wider-continued-presence.yaml", programs: ["continued_presence"], sign: 1),
    ]

    @Test("every shipped proposal has a direction check")
    func everyProposalHasADirection() {
        let checked = Set(Self.directions.map { "Rules/proposals/\($0.proposal)" })
        for path in Proposals.shipped { #expect(checked.contains(path), "add a Direction for \(path)") }
    }

    @Test("a shipped proposal changes only the programs it is about, only in its direction", arguments: directions)
    func direction(_ expected: Direction) throws {
        let source = try Proposals.source("Rules/proposals/\(expected.proposal)")
        let info = try #require(ProposalInfo.read(source))
        let (sink, diagnostics) = Self.run(try Self.proposalPlan(source))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let summary = try #require(sink.summary)
        #expect(summary.invalid == 0)
        #expect(try Self.transitions(summary, expected.programs[0]).changed > 0, "the proposal changes no \(expected.programs[0]) decision in Cases/")
        for t in summary.programs {
            if !expected.programs.contains(t.program) {
                #expect(t.changed == 0, "\(t.program) is not what \(expected.proposal) is about, yet moved: \(t.offDiagonal)")
                continue
            }
            for move in t.offDiagonal {
                let up = move.to.rank > move.from.rank
                #expect(up == (expected.sign > 0), "\(t.program): \(move.from.rawValue) → \(move.to.rawValue) (\(move.count)) goes the wrong way for \(expected.proposal)")
            }
        }
        if expected.sign < 0 {
            for t in summary.programs {
                #expect(t.moves[1][0] + t.moves[2][0] == 0, "\(t.program): a decision moved to eligible under \(expected.proposal)")
            }
        }
        // The per-case report agrees with the summary, and every change starts at a rule the
        // proposal changed, which carries its citation.
        #expect(sink.changes.count == summary.changedCases)
        let citation = "Proposal \u{201C}\(info.title)\u{201D}"
        for change in sink.changes {
            #expect(!change.decisions.isEmpty)
            for d in change.decisions {
                #expect(d.before != d.after)
                #expect((d.after.rank > d.before.rank) == (expected.sign > 0), "\(change.id) \(d.program): \(d.before.rawValue) → \(d.after.rawValue)")
                let causes = d.rules.filter(\.cause)
                #expect(causes.contains { $0.cite.contains { $0.hasPrefix(citation) } }, "\(change.id) \(d.program): causes \(causes.map(\.rule)) do not cite the proposal")
            }
        }
    }

    // MARK: Two dates, and another rules folder

    @Test("--as-of 2024-08-27 --vs-as-of 2024-08-28: a T application pending across the 2024 rule becomes eligible")
    func twoDates() throws {
        let program = try Self.base()
        let path = Proposals.root.appendingPathComponent("Cases/conformance/e03-pending-across-2024.yaml").path
        let before = CivilDate.parse("2024-08-27")!, after = CivilDate.parse("2024-08-28")!
        let plan = DiffPlan(before: program, after: program, beforeLabel: "as of 2024-08-27", afterLabel: "as of 2024-08-28", beforeAsOf: before, afterAsOf: after, today: Self.today)
        let (sink, diagnostics) = Self.run(plan, paths: [path])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let change = try #require(sink.changes.first)
        #expect(sink.changes.count == 1)
        #expect(change.id == "e03-pending-across-2024")
        #expect(change.beforeDate == before && change.afterDate == after)
        // Filed in May 2024 after a re-entry for services: the 2016 rule fails presence, the
        // 2024 rule (in force from 2024-08-28) meets it; nothing else depends on the date.
        #expect(change.decisions.map(\.program) == ["t_visa"])
        let t = try #require(change.decisions.first)
        #expect(t.before == .notEligible && t.after == .eligible)
        #expect(t.rules.contains { $0.rule == "t.eligible" && $0.before == .no && $0.after == .yes })

        // The same date on both sides changes nothing; the dates swapped reverse the move.
        let same = DiffPlan(before: program, after: program, beforeLabel: "a", afterLabel: "b", beforeAsOf: after, afterAsOf: after, today: Self.today)
        #expect(Self.run(same, paths: [path]).0.changes.isEmpty)
        let swapped = DiffPlan(before: program, after: program, beforeLabel: "a", afterLabel: "b", beforeAsOf: after, afterAsOf: before, today: Self.today)
        let back = try #require(Self.run(swapped, paths: [path]).0.changes.first?.decisions.first)
        #expect(back.before == .eligible && back.after == .notEligible)
    }

    /// A copy of the shipped rules (not the proposals) in a temporary folder, with `edit`
    /// applied to one file's text.
    static func copiedRules(editing file: String, _ edit: (String) -> String) throws -> URL {
        let dir = try Inline.temporaryDirectory()
        let rules = Proposals.root.appendingPathComponent("Rules")
        for name in try FileManager.default.contentsOfDirectory(atPath: rules.path) where name.hasSuffix(".yaml") {
            var text = try String(contentsOf: rules.appendingPathComponent(name), encoding: .utf8)
            if name == file {
                let edited = edit(text)
                #expect(edited != text, "the edit changed nothing in \(file)")
                text = edited
            }
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test("--against a copied rules folder with one edit gives the same changes as the proposal making that edit")
    func against() throws {
        // Drop the trauma alternative from certification's cooperation element.
        let trauma = "      any:\n        - fact: willing_to_assist\n        - fact: trauma_prevents_cooperation\n"
        let dir = try Self.copiedRules(editing: "hhs.yaml") { $0.replacingOccurrences(of: trauma, with: "      any:\n        - fact: willing_to_assist\n") }
        defer { try? FileManager.default.removeItem(at: dir) }
        let (copied, copyDiagnostics) = RuleCompiler.compile(.directory(dir.path))
        #expect(!copyDiagnostics.hasErrors, "\(copyDiagnostics.map(\.description))")
        let edited = try #require(copied).program
        let base = try Self.base()
        let (sink, diagnostics) = Self.run(DiffPlan(before: base, after: edited, beforeLabel: "current", afterLabel: "copy", today: Self.today))
        #expect(diagnostics.isEmpty)
        let summary = try #require(sink.summary)

        // Only certification moves, and only away from eligible: the trauma case loses it.
        let cert = try Self.transitions(summary, "hhs_certification")
        #expect(cert.changed > 0)
        for t in summary.programs where t.program != "hhs_certification" { #expect(t.changed == 0, "\(t.program)") }
        #expect(cert.offDiagonal.allSatisfy { $0.to.rank < $0.from.rank }, "\(cert.offDiagonal)")
        let traumaCase = try #require(sink.changes.first { $0.id == "hhs-cert-trauma" }, "hhs-cert-trauma should lose certification; changed: \(sink.changes.map(\.id))")
        #expect(traumaCase.decisions.first { $0.program == "hhs_certification" }?.after.rank ?? 2 < 2)

        // The same edit as a proposal: the same summary and the same changed cases.
        let proposal = SourceText(path: "p.yaml", text: """
            proposal:
              title: No trauma exception for certification
              cite: ["Test"]
            changes:
              - remove_condition: hhs.cert.willing_or_trauma/when/any[1]
            """)
        let (viaProposal, _) = Self.run(try Self.proposalPlan(proposal))
        let other = try #require(viaProposal.summary)
        #expect(other.changedCases == summary.changedCases)
        for (a, b) in zip(summary.programs, other.programs) { #expect(a.moves == b.moves, "\(a.program)") }
        #expect(viaProposal.changes.map(\.id) == sink.changes.map(\.id))
    }
}

@Suite("Evaluator reuse")
struct EvaluatorReuseTests {
    @Test("one evaluator reused over the corpus decides every case as a fresh one does (family members included)")
    func reuse() throws {
        let program = try DiffTests.base()
        var stream = CaseStream(paths: [DiffTests.cases])
        let loader = CaseLoader(program: program, today: DiffTests.today)
        let all = Array(program.programs.indices)
        var shared = Evaluator(program: program)
        var members = 0
        for input in stream.all() {
            guard let file = loader.load(input, asOfOverride: nil).0 else { continue }
            members += file.members.count
            let date = file.decisionDate(override: nil, today: DiffTests.today)
            var reused: [Outcome] = [], fresh: [Outcome] = []
            Evaluator.decide(all, for: file, decisionDate: date, with: &shared) { _, raw, _ in reused.append(raw.outcome) }
            var own = Evaluator(program: program)
            Evaluator.decide(all, for: file, decisionDate: date, with: &own) { _, raw, _ in fresh.append(raw.outcome) }
            #expect(reused == fresh, "\(file.id)")
        }
        #expect(members > 0, "the corpus has family members to reuse an evaluator across")
    }

    // MARK: Programs decided once

    /// The diff evaluates on one side only the programs whose compiled decision is the same on
    /// both; this must hold exactly for the programs a proposal does not touch.
    @Test("programs a proposal does not reach are decided once; the ones it reaches, twice", arguments: [
        ("benefits-first.yaml", ["hhs_certification"]),
        ("wider-continued-presence.yaml", ["continued_presence"]),
        ("t-visa-without-cooperation.yaml", ["t_visa", "t_derivative"]),
        ("child-protections-to-21.yaml", ["hhs_interim_assistance", "hhs_eligibility_letter"]),
        ("enforcement-only.yaml", ["t_visa", "t_derivative", "hhs_certification"]),
    ])
    func decidedOnce(_ proposal: String, _ reached: [String]) throws {
        let plan = try DiffTests.proposalPlan(try Proposals.source("Rules/proposals/\(proposal)"))
        let differing = plan.header.programs.indices.filter { !plan.decidedAlike[$0] }.map { plan.header.programs[$0].id }
        #expect(Set(differing) == Set(reached))
    }

    @Test("two decision dates, or two vocabularies, decide every program on both sides")
    func datesDecideTwice() throws {
        let program = try DiffTests.base()
        let plan = DiffPlan(before: program, after: program, beforeLabel: "a", afterLabel: "b", beforeAsOf: CivilDate.parse("2024-08-27"), afterAsOf: CivilDate.parse("2024-08-28"), today: DiffTests.today)
        #expect(plan.decidedAlike.allSatisfy { !$0 })
        let same = DiffPlan(before: program, after: program, beforeLabel: "a", afterLabel: "b", today: DiffTests.today)
        #expect(same.decidedAlike.allSatisfy { $0 })
    }
}
