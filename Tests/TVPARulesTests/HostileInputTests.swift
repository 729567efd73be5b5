import Foundation
import Testing
@testable import TVPARules

/// Issue 10, "Diagnostics that leak or lie" and "Resources": a diagnostic quotes at most a
/// short, escaped excerpt and never a sensitive or free-text value; nothing printed carries a
/// control character; a control character in YAML is reported where it is; diagnostics are
/// capped per file; one case cannot cost more than the documented limits.
@Suite("Hostile input")
struct HostileInputTests {
    static let program: Program = RuleCompiler.compile(.embedded).0!.program
    static let today = CivilDate.parse("2024-06-01")!

    static func load(_ yaml: String, path: String = "case.yaml") -> (CaseFile?, [Diagnostic]) {
        CaseLoader(program: program, today: today).load(SourceText(path: path, text: yaml))
    }

    /// Every scalar `Escape` must keep from a terminal, one of each kind.
    static let unsafe: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\u{0D}", "\u{0A}", "\u{7F}", "\u{9B}", "\u{85}", "\u{202E}", "\u{2066}", "\u{200F}", "\u{2028}", "\u{FEFF}"]

    static func unsafeScalars(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && Escape.isUnsafe($0) }
    }

    /// Writes files into a fresh folder; returns the folder.
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = try Inline.temporaryDirectory()
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    // MARK: Excerpts, never whole values

    @Test("an excerpt is escaped, at most 40 characters, and ends in … when cut")
    func excerpt() {
        #expect(Escape.excerpt("short") == "short")
        #expect(Escape.excerpt(String(repeating: "x", count: 40)) == String(repeating: "x", count: 40))
        let cut = Escape.excerpt(String(repeating: "x", count: 10_000_000))
        #expect(cut.count == 40 && cut.hasSuffix("…"))
        let escaped = Escape.excerpt("a\u{1B}[31m\nb\u{202E}" + String(repeating: "y", count: 100))
        #expect(escaped.count <= 40 && escaped.hasSuffix("…"))
        #expect(escaped.hasPrefix("a\\u{1B}[31m\\nb\\u{202E}"), "\(escaped)")
        #expect(Self.unsafeScalars(in: escaped).isEmpty)
        // An escape is never cut in half.
        let edge = Escape.excerpt(String(repeating: "z", count: 35) + "\u{1B}" + "tail")
        #expect(edge == String(repeating: "z", count: 35) + "…", "\(edge)")
        // Escaping twice changes nothing.
        let once = Escape.text("a\u{1B}b\\n")
        #expect(Escape.text(once) == once)
        for scalar in Self.unsafe {
            #expect(Self.unsafeScalars(in: Escape.text("x\(scalar)y")).isEmpty, "U+\(String(scalar.value, radix: 16))")
        }
        // The byte test that lets ordinary text through whole agrees with the scalar test.
        #expect(!Escape.needsEscape("— → … é ü 日本 🙂"))
        for value in Array(0...0x3000) + Array(0xFE00...0xFFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Escape.needsEscape("ab\(scalar)cd") == Escape.isUnsafe(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test("a long value is quoted as a 40-character excerpt, not whole")
    func longValue() {
        let value = "MARKER" + String(repeating: "z", count: 100_000)
        let (file, diagnostics) = Self.load("id: long\nfacts:\n  trafficking_type: \(value)\n")
        #expect(file == nil)
        let d = diagnostics.first { $0.id == .caseUnknownValue }
        #expect(d != nil, "\(diagnostics)")
        #expect(d?.message.hasPrefix("'MARKER" + String(repeating: "z", count: 33) + "…'") == true, "\(d?.message.prefix(200) ?? "")")
        #expect(diagnostics.allSatisfy { $0.message.count < 200 && ($0.help?.count ?? 0) < 200 })
        // The same for a key nobody declared, in a case file and in a rule file.
        // (YAML allows a plain key of at most 1024 characters.)
        let key = "K" + String(repeating: "k", count: 1000)
        let (_, unknown) = Self.load("id: long\nfacts:\n  \(key): 1\n")
        #expect(unknown.contains { $0.id == .caseUnknownFact } && unknown.allSatisfy { $0.message.count < 200 }, "\(unknown.map { $0.message.prefix(100) })")
        let (_, ruleDiagnostics) = RuleFileParser.parse(SourceText(path: "r.yaml", text: "facts:\n  a: {type: bool}\n\(key): 1\n"))
        #expect(ruleDiagnostics.contains { $0.id == .parseUnknownKey } && ruleDiagnostics.allSatisfy { $0.message.count < 200 })
    }

    @Test("the value of a sensitive fact is quoted in no mode, nor guessed at in a hint")
    func sensitiveValues() {
        // inadmissibility_grounds, applicant_committed_trafficking and lea_requests are
        // `sensitive: true` in Rules/facts.yaml.
        let (file, diagnostics) = Self.load("""
            id: sensitive
            facts:
              inadmissibility_grounds: [prostitution_2d]
              applicant_committed_trafficking: yes
              lea_requests: [{request: MARKREQUEST, complied: fulll, date: 2023-02-30}]
            family_members:
              - id: kid
                facts: {fm_inadmissibility_grounds: [MARKMEMBER]}
            """)
        #expect(file == nil)
        let text = DiagnosticRenderer.render(diagnostics)
        #expect(!text.contains("did you mean"), "\(text)")
        for marker in ["prostitution_2d", "'yes'", "fulll", "2023-02-30", "MARKREQUEST", "MARKMEMBER"] {
            #expect(!text.contains(marker), "\(marker) is quoted:\n\(text)")
        }
        // Each is still said, where it is, about the fact.
        #expect(text.contains("case.yaml:3:29: error[case.unknown-value]: '[redacted]' is not a value of 'inadmissibility_grounds'"), "\(text)")
        #expect(text.contains("case.yaml:4:36: error[case.yes-no-boolean]"), "\(text)")
        #expect(text.contains("case.yaml:5:51: error[case.unknown-value]: '[redacted]' is not a value of 'lea_requests.complied'"), "\(text)")
        #expect(text.contains("case.yaml:5:64: error[case.invalid-date]"), "\(text)")
        #expect(text.contains("case.yaml:8:42: error[case.unknown-value]"), "\(text)")
        // A fact that is not sensitive is still quoted.
        let (_, plain) = Self.load("id: plain\nfacts:\n  trafficking_type: laborr\n")
        #expect(plain.contains { $0.message.contains("'laborr'") && $0.help == "did you mean 'labor'?" })
    }

    @Test("a YAML error quotes nothing of the line it is on")
    func readerErrorQuotesNothing() {
        let (_, diagnostics) = Self.load("id: a\nnarrative: MARKNARRATIVE she said\u{01} that he took her passport\n")
        #expect(diagnostics.map(\.id) == [.caseYamlSyntax])
        let text = DiagnosticRenderer.render(diagnostics)
        #expect(!text.contains("MARKNARRATIVE") && !text.contains("passport"), "\(text)")
        // A JSON line that is not JSON is read as YAML: the same.
        let line = CaseInput(path: "c.jsonl", line: 3, text: "\u{01}{\"id\":\"j\",\"narrative\":\"MARKNARRATIVE\"}", format: .jsonLine)
        let (_, fromLine) = CaseLoader(program: Self.program, today: Self.today).load(line)
        #expect(!fromLine.isEmpty && !DiagnosticRenderer.render(fromLine).contains("MARKNARRATIVE"), "\(fromLine)")
    }

    // MARK: Escaping

    @Test("a line break in a value cannot forge a diagnostic line, and no control character reaches the terminal")
    func forgedLines() {
        let (_, diagnostics) = Self.load("id: forge\nfacts:\n  current_location: \"x\\nevil.yaml:1:1: error[case.forged]: forged\"\n  trafficking_type: \"a\\e[31m\\u009B2J\\u202Etxt\\x7F\"\n")
        let text = DiagnosticRenderer.render(diagnostics)
        let lines = text.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("evil.yaml") }, "\(text)")
        #expect(lines.filter { $0.contains("error[") }.count == 2, "\(text)")
        #expect(Self.unsafeScalars(in: text).isEmpty, "\(text.unicodeScalars.filter { Escape.isUnsafe($0) && $0 != "\n" }.map { String($0.value, radix: 16) })")
        #expect(text.contains("'x\\nevil.yaml:1:1: error[case.forged]: f…'"), "\(text)")
        // A path is escaped too.
        let d = Diagnostic(.caseYamlSyntax, "m\u{1B}]0;title\u{07}", at: TVPARules.SourceLocation(file: "a\nb\u{1B}.yaml", line: 1, column: 1), notes: ["n\u{9B}"], help: "h\u{202E}")
        #expect(Self.unsafeScalars(in: d.description).isEmpty && !d.description.contains("\nb"), "\(d.description)")
    }

    @Test("the text report escapes the title, the narrative and every other case string")
    func textReport() throws {
        let yaml = """
            id: escapes
            title: "Title\\e[2J\\u009B31m\\nFAKE LINE\\u202E"
            as_of: 2024-06-01
            narrative: "first\\nsecond\\e]0;owned\\a line\\u2028x"
            facts:
              is_us_citizen_or_lpr: true
            """
        let (file, diagnostics) = Self.load(yaml)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let report = Explainer(view: .full).report(try #require(file), program: Self.program, decisionDate: Self.today)
        let text = TextRenderer(color: false).render(report)
        #expect(Self.unsafeScalars(in: text).isEmpty, "\(text.prefix(300))")
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("FAKE LINE") })
        #expect(text.hasPrefix("Case escapes — Title\\u{1B}[2J\\u{9B}31m\\nFAKE LINE\\u{202E}\n"), "\(text.prefix(200))")
        // The narrative keeps its line break, its next line indented under it.
        #expect(text.contains("Narrative: first\n  second\\u{1B}]0;owned\\u{7} line\\u{2028}x\n"), "\(text.prefix(400))")
        // Markdown and HTML: the same characters escaped, and markup characters too.
        let layout = ReportLayout(report)
        let markdown = ReportMarkdown.render([layout])
        #expect(Self.unsafeScalars(in: markdown).isEmpty && !markdown.split(separator: "\n").contains { $0.hasPrefix("FAKE LINE") })
        #expect(markdown.hasPrefix(#"# Case escapes — Title\\u{1B}\[2J\\u{9B}31m\\nFAKE LINE\\u{202E}"# + "\n"), "\(markdown.prefix(200))")
        let html = ReportHTML.render([layout])
        #expect(Self.unsafeScalars(in: html).isEmpty, "\(html.prefix(300))")
        #expect(html.contains("<h1>Case escapes <span class=\"title\">— Title\\u{1B}[2J\\u{9B}31m\\nFAKE LINE\\u{202E}</span></h1>"))
        // JSON writes the same characters as \u escapes: the same value, never raw.
        let value = "Title\u{1B}[2J\u{9B}31m\u{7F}\nFAKE LINE\u{202E}\u{2028}\u{FEFF}"
        let json = JSON.array([.string(value)]).render()
        #expect(Self.unsafeScalars(in: json).isEmpty, "\(json)")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(parsed == [value])
    }

    @Test("diff reports in text, Markdown and CSV, and the side-by-side view, escape paths, ids and titles")
    func diffReports() throws {
        let program = Self.program
        let evil = "cases/\u{1B}[31mred\n|x|\u{202E}.yaml"
        let proposal = ProposalInfo(title: "P\u{1B}[5m", description: "line one\nline two\u{7F}", cite: ["c\u{2066}"], path: "p\u{0}.yaml")
        let plan = DiffPlan(before: program, after: program, beforeLabel: "before\u{1B}[1m", afterLabel: "after\u{9B}", proposal: proposal, today: Self.today)
        let decision = ChangedDecision(
            program: "t_visa", programTitle: "T\u{1B}", subject: "kid\u{1B}", before: .eligible, beforeReason: .criteriaMet, after: .notEligible, afterReason: .criteriaNotMet,
            rules: [RuleChange(rule: "r\u{1B}", title: "t\n|", before: .yes, after: .no, cite: ["k\u{1B}"], cause: true)])
        let change = ChangedCase(id: "id\u{1B}", path: evil, line: 3, beforeDate: Self.today, afterDate: Self.today, decisions: [decision])
        for style in [DiffReport.Style.text, .markdown] {
            var sink = DiffReport(style: style)
            sink.begin(plan.header)
            sink.changed(change)
            sink.end(plan.emptySummary())
            #expect(Self.unsafeScalars(in: sink.rendered).isEmpty, "\(style): \(sink.rendered.unicodeScalars.filter { Escape.isUnsafe($0) && $0 != "\n" }.map { String($0.value, radix: 16) })")
            #expect(!sink.rendered.split(separator: "\n").contains { $0.hasPrefix("|x|") }, "\(sink.rendered)")
        }
        var csv = ""
        var csvSink = DiffCSVStream { csv += $0 }
        csvSink.begin(plan.header)
        csvSink.changed(change)
        #expect(Self.unsafeScalars(in: csv).isEmpty && csv.split(separator: "\n").count == 2, "\(csv)")
        var json = ""
        var jsonSink = DiffJSONStream { json += $0 }
        jsonSink.begin(plan.header)
        jsonSink.changed(change)
        jsonSink.end(plan.emptySummary())
        #expect(Self.unsafeScalars(in: json).isEmpty)

        let (file, _) = Self.load("id: side\ntitle: \"x\\e[2J\"\nas_of: 2024-06-01\nfacts: {is_us_citizen_or_lpr: true}\nfamily_members:\n  - id: kid\n")
        var report = Explainer(view: .full).report(try #require(file), program: program, decisionDate: Self.today)
        report.caseId = "side\u{1B}[2J"
        for markdown in [false, true] {
            let side = SideBySide(header: plan.header, markdown: markdown).render(before: report, after: report)
            #expect(Self.unsafeScalars(in: side).isEmpty, "\(side.prefix(300))")
        }
    }

    // MARK: Where a control character is

    @Test("a control character in YAML is reported at its own line and column", arguments: [false, true])
    func controlCharacterPlace(inRules: Bool) {
        let text = inRules ? "facts:\n  a: {type: bool, question: \"Is it\u{02}?\"}\n" : "id: a\nfacts:\n  \u{01}flag: true\n"
        let diagnostics = inRules ? RuleFileParser.parse(SourceText(path: "r.yaml", text: text)).1 : Self.load(text).1
        let d = diagnostics.first
        #expect(diagnostics.count == 1 && d?.id == (inRules ? .parseYamlSyntax : .caseYamlSyntax), "\(diagnostics)")
        #expect(d.map { "\($0.location.line):\($0.location.column)" } == (inRules ? "2:35" : "3:3"), "\(diagnostics)")
        #expect(d?.message == "YAML syntax: control characters are not allowed (U+000\(inRules ? 2 : 1))", "\(diagnostics)")
    }

    @Test("the column of a control character counts characters, and a JSON line's line is its line in the file")
    func controlCharacterColumns() {
        let (_, diagnostics) = Self.load("id: a\ntitle: \"é—ü\u{7F}\"\n")
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["2:12"], "\(diagnostics)")
        let line = CaseInput(path: "c.jsonl", line: 7, text: "{\"id\":\"j\",\"title\":\"x\u{01}\"}", format: .jsonLine)
        let (_, fromLine) = CaseLoader(program: Self.program, today: Self.today).load(line)
        #expect(fromLine.map { "\($0.location.line):\($0.location.column)" } == ["7:21"], "\(fromLine)")
    }

    // MARK: Caps

    @Test("a case file with thousands of bad list items gives a hundred diagnostics and a count")
    func cappedCaseFile() {
        let items = Array(repeating: "nope", count: 5000).joined(separator: ", ")
        let (file, diagnostics) = Self.load("id: many\nfacts:\n  actions_by_trafficker: [\(items)]\n")
        #expect(file == nil)
        #expect(diagnostics.count == DiagnosticBag.limitPerFile + 1)
        let last = diagnostics.last
        #expect(last?.id == .caseMoreDiagnostics && last?.omitted == 4900 && last?.severity == .error, "\(String(describing: last))")
        #expect(last?.message == "… and 4900 more in this file")
        #expect(DiagnosticRenderer.render(diagnostics).hasSuffix("5000 errors"))
    }

    @Test("a rule file, its check and a proposal are capped per file")
    func cappedRules() throws {
        let keys = (1...300).map { "    k\($0): 1" }.joined(separator: "\n")
        let (_, parsed) = RuleFileParser.parse(SourceText(path: "r.yaml", text: "rules:\n  r:\n    cite: [x]\n    when: {fact: a}\n\(keys)\n"))
        #expect(parsed.count == 101 && parsed.last?.id == .parseMoreDiagnostics && parsed.last?.omitted == 200, "\(parsed.count)")

        let rules = (1...300).map { "  r\($0): {cite: [x], when: {fact: nothere}}" }.joined(separator: "\n")
        let dir = try Self.folder(["rules.yaml": "facts:\n  a: {type: bool}\nrules:\n  r: {cite: [x], when: {fact: a}}\n\(rules)\nprograms:\n  p: {rule: r}\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (compiled, checked) = RuleCompiler.compile(.directory(dir.path))
        #expect(compiled == nil)
        #expect(checked.count == 101 && checked.last?.id == .checkMoreDiagnostics && checked.last?.omitted == 200, "\(checked.count)")

        let changes = (1...300).map { "  - reword_rule: nope\($0)\n    title: x" }.joined(separator: "\n")
        let proposal = SourceText(path: "p.yaml", text: "proposal:\n  title: Many\n  cite: [x]\nchanges:\n\(changes)\n")
        let (_, overlaid) = RuleCompiler.compile(.embedded, proposal: proposal)
        #expect(overlaid.count == 101 && overlaid.last?.id == .checkMoreDiagnostics && overlaid.last?.omitted == 200, "\(overlaid.count)")
    }

    @Test("a JSON Lines or CSV file with hundreds of bad cases prints a hundred diagnostics and a count", arguments: ["jsonl", "csv"])
    func cappedCorpusFile(_ format: String) throws {
        let count = 350
        let text = format == "jsonl"
            ? (1...count).map { "{\"id\":\"c\($0)\",\"facts\":{\"trafficking_type\":\"nope\"}}" }.joined(separator: "\n") + "\n"
            : "id,trafficking_type\n" + (1...count).map { "c\($0),nope" }.joined(separator: "\n") + "\n"
        let dir = try Self.folder(["a.\(format)": text, "b.yaml": "id: b\nfacts:\n  trafficking_type: nope\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        // As `tvpa test` reads them: streamed, each result counted as it comes.
        var results: [CaseRun.Result] = []
        var check = ExpectationCheck()
        CaseRun.stream([dir.path], program: Self.program, options: .init(today: Self.today)) { result in
            results.append(result)
            check.add(result)
        }
        let shown = results.flatMap(\.diagnostics)
        let inCorpus = shown.filter { $0.location.file.hasSuffix("a.\(format)") }
        #expect(inCorpus.count == 101, "\(inCorpus.count)")
        #expect(inCorpus.last?.id == .caseMoreDiagnostics && inCorpus.last?.omitted == count - 100)
        // The next file starts a count of its own; every case is still counted as not evaluated.
        #expect(shown.filter { $0.location.file.hasSuffix("b.yaml") }.count == 1)
        #expect(results.count == count + 1 && results.allSatisfy { $0.report == nil })
        #expect(check.invalidFiles == count + 1)

        let plan = DiffPlan(before: Self.program, after: Self.program, beforeLabel: "a", afterLabel: "b", today: Self.today)
        var sink = DiffReport(style: .text)
        var reported: [Diagnostic] = []
        let summary = DiffRun.run(plan, paths: [dir.path], options: .init(workers: 2, batchSize: 16), into: &sink, diagnostics: { reported += $0 })
        #expect(summary.invalid == count + 1)
        let diffCorpus = reported.filter { $0.location.file.hasSuffix("a.\(format)") }
        #expect(diffCorpus.count == 101 && diffCorpus.last?.omitted == count - 100, "\(diffCorpus.count)")
    }

    // MARK: Limits of one case

    static func members(_ n: Int) -> String { (1...n).map { "  - {id: m\($0), facts: {fm_relationship: child}}" }.joined(separator: "\n") }
    static func records(_ n: Int) -> String { (1...n).map { _ in "{request: ask, complied: full}" }.joined(separator: ", ") }

    @Test("a case may have 50 family members; the 51st is an error where it is, and the case is not evaluated")
    func memberLimit() throws {
        let (ok, okDiagnostics) = Self.load("id: fifty\nfamily_members:\n\(Self.members(CaseLimits.familyMembers))\n")
        #expect(ok?.members.count == 50 && !okDiagnostics.hasErrors)
        let (file, diagnostics) = Self.load("id: many\nfamily_members:\n\(Self.members(20_000))\n")
        #expect(file == nil)
        #expect(diagnostics.map(\.id) == [.caseTooManyMembers], "\(diagnostics.prefix(3))")
        #expect(diagnostics.first.map { "\($0.location.line):\($0.location.column)" } == "53:5")
        #expect(diagnostics.first?.message.contains("20000 family members") == true)
        // The JSON Lines fast reader keeps the limit too.
        let members = (1...51).map { "{\"id\":\"m\($0)\"}" }.joined(separator: ",")
        let line = CaseInput(path: "c.jsonl", line: 2, text: "{\"id\":\"j\",\"family_members\":[\(members)]}", format: .jsonLine)
        let (fromLine, lineDiagnostics) = CaseLoader(program: Self.program, today: Self.today).load(line)
        #expect(fromLine == nil && lineDiagnostics.map(\.id) == [.caseTooManyMembers], "\(lineDiagnostics)")
    }

    @Test("a records fact may hold 200 records; past that it is an error and the case is not evaluated")
    func recordLimit() throws {
        let (ok, okDiagnostics) = Self.load("id: two-hundred\nfacts:\n  lea_requests: [\(Self.records(CaseLimits.recordsPerFact))]\n")
        #expect(ok != nil && !okDiagnostics.hasErrors, "\(okDiagnostics.prefix(2))")
        let (file, diagnostics) = Self.load("id: many\nfacts:\n  lea_requests: [\(Self.records(201))]\n")
        #expect(file == nil && diagnostics.map(\.id) == [.caseTooManyRecords], "\(diagnostics.prefix(2))")
        let records = (1...201).map { _ in "{\"request\":\"a\",\"complied\":\"full\"}" }.joined(separator: ",")
        let line = CaseInput(path: "c.jsonl", line: 1, text: "{\"id\":\"j\",\"facts\":{\"lea_requests\":[\(records)]}}", format: .jsonLine)
        let (fromLine, lineDiagnostics) = CaseLoader(program: Self.program, today: Self.today).load(line)
        #expect(fromLine == nil && lineDiagnostics.map(\.id) == [.caseTooManyRecords], "\(lineDiagnostics)")
    }

    @Test("one case input over 1 MiB is refused unread, as a YAML file, a JSON line or a CSV row")
    func sizeLimit() {
        let loader = CaseLoader(program: Self.program, today: Self.today)
        let padding = String(repeating: "x", count: CaseLimits.inputBytes)
        let inputs = [
            CaseInput(path: "c.yaml", text: "id: big\nnarrative: \(padding)\n"),
            CaseInput(path: "c.jsonl", line: 4, text: "{\"id\":\"big\",\"narrative\":\"\(padding)\"}", format: .jsonLine),
            CaseInput(path: "c.csv", line: 5, text: "big,\(padding)", format: .csvRow(CSVHeader(columns: ["id", "narrative"]))),
        ]
        for input in inputs {
            let (file, diagnostics) = loader.load(input)
            #expect(file == nil)
            #expect(diagnostics.map(\.id) == [.caseTooLarge])
            #expect(diagnostics.first.map { "\($0.location.line):\($0.location.column)" } == "\(input.line):1")
        }
        // Just under the limit is read.
        let (file, _) = loader.load(CaseInput(path: "c.yaml", text: "id: ok\nnarrative: " + String(repeating: "x", count: CaseLimits.inputBytes - 30) + "\n"))
        #expect(file != nil)
    }

    // MARK: Aliases

    /// Nine levels of ten aliases each: a billion nodes once expanded, from 400 bytes.
    static let aliasBomb: String = {
        var lines = ["id: bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines.append("narrative: *a9")
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("an alias bomb is refused with a diagnostic before it is expanded, in a case file, a rule file and a lenient draft")
    func aliasBomb() {
        let (file, diagnostics) = Self.load(Self.aliasBomb)
        #expect(file == nil)
        #expect(diagnostics.map(\.id) == [.caseYamlSyntax])
        #expect(diagnostics.first?.message.contains("aliases expand") == true)
        let rules = RuleCompiler.compile(.texts([SourceText(path: "bomb.yaml", text: Self.aliasBomb)])).1
        #expect(rules.contains { $0.id == .parseYamlSyntax && $0.message.contains("aliases expand") })
        #expect(CaseDraft(lenientYAML: Self.aliasBomb).id == "")
        // An anchor used as a file uses one (a merge key) is read.
        let merged = Self.load("id: m\nfacts: &f\n  trafficking_type: labor\nfamily_members:\n  - id: kid\n    facts: {}\n")
        #expect(merged.0 != nil, "\(merged.1)")
    }

    @Test("a file that does not load still opens as a draft, as far as a draft can hold it")
    func lenientDraft() {
        let text = "id: d1\ntitle: T\nfacts:\n  trafficking_type: labor\n  age: not-a-number\n  actions_by_trafficker: [recruited, harbored]\n  nonsense: {a: 1}\nexpect:\n  t_visa: eligible\n  clocks: {x: none}\ndeclined: [age]\nfamily_members:\n  - id: kid\n    facts: {age: 9}\n"
        #expect(Self.load(text).0 == nil)
        let draft = CaseDraft(lenientYAML: text)
        #expect(draft.id == "d1" && draft.title == "T")
        #expect(draft.facts["trafficking_type"] == .text("labor"))
        #expect(draft.facts["age"] == .text("not-a-number"))
        #expect(draft.facts["actions_by_trafficker"] == .words(["recruited", "harbored"]))
        #expect(draft.facts["nonsense"] == nil)
        #expect(draft.expect == ["t_visa": "eligible"])
        #expect(draft.declined == ["age"])
        #expect(draft.members.map(\.id) == ["kid"] && draft.members[0].facts["age"] == .text("9"))
    }
}
