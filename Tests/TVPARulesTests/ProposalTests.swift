import Foundation
import Testing
@testable import TVPARules

/// Proposals: the shipped ones compile, every mistake in a proposal is a diagnostic at its
/// place in the proposal file, and each change verb changes decisions the way it says.
@Suite("Proposals")
struct ProposalTests {
    // MARK: Shipped proposals

    @Test("there are at least five shipped proposals")
    func shippedCount() {
        #expect(Proposals.shipped.count >= 5, "found \(Proposals.shipped)")
    }

    @Test("every shipped proposal compiles over the shipped rules with no error", arguments: Proposals.shipped)
    func shippedCompiles(_ path: String) throws {
        let source = try Proposals.source(path)
        let (compiled, diagnostics) = RuleCompiler.compile(.embedded, proposal: source)
        #expect(!diagnostics.hasErrors, "\(path):\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        let program = try #require(compiled).program
        #expect(program.sourceName.contains(path))
        // It changes something: at least one rule carries the proposal's citation.
        let info = try #require(ProposalInfo.read(source))
        #expect(program.legend.rules.contains { $0.cite.contains { $0.hasPrefix("Proposal \u{201C}\(info.title)\u{201D}") } }, "no rule cites \(path)")
    }

    // MARK: Diagnostics

    /// The diagnostics with this id, failing when there are none.
    func expectDiagnostic(
        _ id: DiagnosticID, at position: (line: Int, column: Int), in diagnostics: [Diagnostic], compiled: CompiledRules?, file: String = "proposal.yaml",
        help: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let all = diagnostics.map(\.description).joined(separator: "\n")
        #expect(compiled == nil, "a proposal with an error must not compile", sourceLocation: sourceLocation)
        let matching = diagnostics.filter { $0.id == id }
        #expect(!matching.isEmpty, "expected \(id.rawValue); got:\n\(all)", sourceLocation: sourceLocation)
        let here = matching.filter { $0.location.file == file && $0.location.line == position.line && $0.location.column == position.column }
        #expect(!here.isEmpty, "expected \(id.rawValue) at \(file):\(position.line):\(position.column); got:\n\(all)", sourceLocation: sourceLocation)
        if let help {
            #expect(here.contains { $0.help?.contains(help) == true }, "expected help containing \(help); got:\n\(all)", sourceLocation: sourceLocation)
        }
    }

    static let head = """
        proposal:
          title: Test proposal
          cite: ["Test Commission, report (2024), recommendation 1"]
        changes:

        """

    @Test("a report's digest names the proposal's text and file name, not the folder it was read from")
    func digestIgnoresFolder() throws {
        let shipped = try Proposals.source("Rules/proposals/benefits-first.yaml")
        let elsewhere = SourceText(path: "/somewhere/else/benefits-first.yaml", text: shipped.text)
        let a = try #require(RuleCompiler.compile(.embedded, proposal: shipped).0).program
        let b = try #require(RuleCompiler.compile(.embedded, proposal: elsewhere).0).program
        #expect(a.digest == b.digest)
        let edited = SourceText(path: shipped.path, text: shipped.text.replacingOccurrences(of: "Benefits first", with: "Benefits first, edited"))
        let c = try #require(RuleCompiler.compile(.embedded, proposal: edited).0).program
        #expect(c.digest != a.digest, "a change to the proposal's text changes the digest")
    }

    @Test("an unknown rule id is check.unknown-rule at the id, with did-you-mean")
    func unknownRule() {
        let m = Marked(Self.head + "  - remove_condition: 1️⃣hhs.certificaton/when/all[1]\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.checkUnknownRule, at: m[1], in: d, compiled: compiled, help: "did you mean 'hhs.certification'?")
    }

    @Test("reword_rule of an unknown rule is check.unknown-rule too")
    func unknownRuleReword() {
        let m = Marked(Self.head + "  - reword_rule: 1️⃣cp.eligibel\n    title: x\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.checkUnknownRule, at: m[1], in: d, compiled: compiled, help: "did you mean 'cp.eligible'?")
    }

    @Test("an unknown version (version: key and versions/ path) is check.unknown-version at the name, with the versions")
    func unknownVersion() {
        let m = Marked(Self.head + """
              - remove_condition: t.eligible/when/all[2]
                version: 1️⃣v2025
              - remove_condition: 2️⃣t.eligible/versions/v2017/when/all[2]

            """)
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.checkUnknownVersion, at: m[1], in: d, compiled: compiled, help: "v2024")
        expectDiagnostic(.checkUnknownVersion, at: m[2], in: d, compiled: compiled, help: "v2016")
    }

    @Test("a version on a rule without versions is check.unknown-version")
    func versionOnUnversionedRule() throws {
        let m = Marked(Self.head + "  - remove_condition: base/when/all[1]\n    version: 1️⃣v2000\n")
        let (compiled, d) = try Proposals.compile(rules: SemanticsFixture.rules, proposal: m.text)
        expectDiagnostic(.checkUnknownVersion, at: m[1], in: d, compiled: compiled)
    }

    @Test("a bad condition path is proposal.unknown-condition at the address, with how to address one", arguments: [
        "hhs.certification/when/all[3]",       // index out of range: the all has 3 conditions
        "hhs.certification/when/any[0]",       // wrong step: it is an all
        "hhs.certification/whenever/all[0]",   // a path starts with when, unless[i] or applies
        "hhs.certification/unless[0]",         // no exceptions
        "hhs.certification#no-such-id",        // no condition has this id
        "hhs_certification/not_applicable[5]/when",  // a program's entry out of range
    ])
    func badPath(_ address: String) {
        let m = Marked(Self.head + "  - remove_condition: 1️⃣\(address)\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.proposalUnknownCondition, at: m[1], in: d, compiled: compiled)
        #expect(d.filter { $0.id == .proposalUnknownCondition }.allSatisfy { $0.message.contains(address) })
    }

    @Test("the out-of-range message says how many conditions there are")
    func outOfRangeMessage() {
        let (_, d) = Proposals.diagnosticsOverShipped(Self.head + "  - remove_condition: hhs.certification/when/all[3]\n")
        #expect(d.contains { $0.id == .proposalUnknownCondition && $0.message.contains("has 3 conditions") }, "\(d.map(\.description))")
    }

    @Test("add_rule of an existing id is check.duplicate-id at the id")
    func addExistingRule() {
        let m = Marked(Self.head + """
              - add_rule: 1️⃣hhs.certification
                with:
                  title: Again
                  cite: ["X"]
                  when: {fact: willing_to_assist}

            """)
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.checkDuplicateId, at: m[1], in: d, compiled: compiled, help: "replace_rule")
    }

    @Test("add_fact of an existing fact is check.duplicate-id")
    func addExistingFact() {
        let m = Marked(Self.head + "  - add_fact: 1️⃣willing_to_assist\n    with: {type: bool, question: Willing?}\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.checkDuplicateId, at: m[1], in: d, compiled: compiled)
    }

    @Test("an unknown parameter is check.unknown-parameter at the name, with did-you-mean")
    func unknownParameter() {
        let m = Marked(Self.head + "  - set_parameter: 1️⃣cp_initial_term_month\n    value: 36\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.checkUnknownParameter, at: m[1], in: d, compiled: compiled, help: "did you mean 'cp_initial_term_months'?")
    }

    @Test("a proposal that makes a cycle is check.cycle, located in the proposal file")
    func cycle() throws {
        // base → helper (added); helper → base closes the loop.
        let m = Marked(Self.head + """
              - add_rule: helper
                with:
                  title: Helper
                  cite: ["X"]
                  when: 1️⃣{rule: base}
              - add_condition: base/when
                with: 2️⃣{rule: helper}

            """)
        let (compiled, d) = try Proposals.compile(rules: SemanticsFixture.rules, proposal: m.text)
        #expect(compiled == nil)
        let cycles = d.filter { $0.id == .checkCycle }
        #expect(!cycles.isEmpty, "\(d.map(\.description))")
        #expect(cycles.contains { $0.message.contains("base → helper → base") || $0.message.contains("helper → base → helper") }, "\(cycles.map(\.description))")
        // Reported inside the proposal, at the reference that closes the cycle (marked 1 or 2).
        #expect(cycles.contains { $0.location.file == "proposal.yaml" && [m[1].line, m[2].line].contains($0.location.line) }, "\(cycles.map(\.description))")
    }

    @Test("a proposal making def.victim refer back to itself through a rule over it is check.cycle in the proposal")
    func cycleInShippedRules() {
        // hhs.victim_2000 refers to def.victim; def.victim now refers to hhs.victim_2000.
        let m = Marked(Self.head + """
              - add_condition: def.victim/when
                with: 1️⃣{rule: hhs.victim_2000}

            """)
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        #expect(compiled == nil)
        let cycles = d.filter { $0.id == .checkCycle }
        #expect(!cycles.isEmpty, "\(d.map(\.description))")
        #expect(cycles.contains { $0.message.contains("def.victim → hhs.victim_2000 → def.victim") }, "\(cycles.map(\.description))")
        // Reported at the added reference, not at def.victim in Rules/definitions.yaml.
        #expect(cycles.contains { $0.location.file == "proposal.yaml" && $0.location.line == m[1].line && $0.location.column == m[1].column }, "\(cycles.map(\.description))")
    }

    @Test("a type error in an added condition is check.type-mismatch at the condition in the proposal")
    func typeError() {
        // trafficking_start_date is a date, willing_to_assist a bool.
        let m = Marked(Self.head + """
              - add_condition: hhs.certification/when
                with:
                  1️⃣lt: [trafficking_start_date, willing_to_assist]

            """)
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        #expect(compiled == nil)
        let mismatches = d.filter { $0.id == .checkTypeMismatch }
        #expect(!mismatches.isEmpty, "\(d.map(\.description))")
        #expect(mismatches.allSatisfy { $0.location.file == "proposal.yaml" }, "\(mismatches.map(\.description))")
        // At the comparison. (A bool fact in a comparison is read as an integer, so the
        // message says "date and integer".)
        #expect(mismatches.contains { ($0.location.line, $0.location.column) == m[1] && $0.message.contains("date") }, "\(mismatches.map(\.description)); marked \(m[1])")
    }

    @Test("an unknown fact in an added condition is check.unknown-fact in the proposal, with did-you-mean")
    func unknownFactInCondition() {
        let m = Marked(Self.head + "  - add_condition: hhs.certification/when\n    with: {fact: 1️⃣willing_to_asist}\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.checkUnknownFact, at: m[1], in: d, compiled: compiled, help: "did you mean 'willing_to_assist'?")
    }

    @Test("a proposal head without cite is parse.missing-key; an empty cite is check.missing-citation")
    func missingCite() {
        let noKey = Marked("proposal:\n  1️⃣title: No source\nchanges:\n  - reword_rule: cp.eligible\n    title: x\n")
        let (c1, d1) = Proposals.diagnosticsOverShipped(noKey.text)
        #expect(c1 == nil)
        #expect(d1.contains { $0.id == .parseMissingKey && $0.message.contains("cite") && $0.location.file == "proposal.yaml" && $0.location.line == noKey[1].line }, "\(d1.map(\.description))")

        let empty = Marked("proposal:\n  title: No source\n  cite: 1️⃣[]\nchanges:\n  - reword_rule: cp.eligible\n    title: x\n")
        let (c2, d2) = Proposals.diagnosticsOverShipped(empty.text)
        expectDiagnostic(.checkMissingCitation, at: empty[1], in: d2, compiled: c2)
    }

    @Test("an unknown verb is parse.unknown-key at the key, and the change has no verb")
    func unknownVerb() {
        let m = Marked(Self.head + "  - 1️⃣delete_rule: cp.eligible\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.parseUnknownKey, at: m[1], in: d, compiled: compiled)
    }

    @Test("an unknown key in a change is parse.unknown-key at the key")
    func unknownKey() {
        let m = Marked(Self.head + "  - reword_rule: cp.eligible\n    title: x\n    1️⃣reason: typo for because\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.parseUnknownKey, at: m[1], in: d, compiled: compiled)
    }

    @Test("an unknown key in the proposal head is parse.unknown-key")
    func unknownHeadKey() {
        let m = Marked("proposal:\n  title: T\n  cite: [\"X\"]\n  1️⃣author: me\nchanges:\n  - reword_rule: cp.eligible\n    title: x\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.parseUnknownKey, at: m[1], in: d, compiled: compiled)
    }

    @Test("a change with two verbs is parse.missing-key at the change")
    func twoVerbs() {
        let m = Marked(Self.head + "  1️⃣- reword_rule: cp.eligible\n    remove_condition: cp.eligible/when\n    title: x\n")
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        #expect(compiled == nil)
        #expect(d.contains { $0.id == .parseMissingKey && $0.message.contains("one verb") && $0.location.line == m[1].line }, "\(d.map(\.description))")
    }

    @Test("every error in a proposal is reported at once")
    func collectsErrors() {
        let m = Marked(Self.head + """
              - remove_condition: 1️⃣hhs.certificaton/when/all[1]
              - set_parameter: 2️⃣no_such_parameter
                value: 3
              - remove_condition: 3️⃣hhs.certification/when/all[9]

            """)
        let (compiled, d) = Proposals.diagnosticsOverShipped(m.text)
        expectDiagnostic(.checkUnknownRule, at: m[1], in: d, compiled: compiled)
        expectDiagnostic(.checkUnknownParameter, at: m[2], in: d, compiled: compiled)
        expectDiagnostic(.proposalUnknownCondition, at: m[3], in: d, compiled: compiled)
    }
}
