import Foundation
import Testing
@testable import TVPARules

/// The bulk form (`tvpa.bulk/1`, docs/bulk-format.md): each line is JSON, and says what the
/// decision JSON says of every decision's outcome, reason and missing facts, for every scenario
/// in Cases/; redacted, it holds no id; the conformance examples' lines are golden.
@Suite("Bulk form")
struct BulkFormTests {
    static let today = CivilDate.parse("2024-06-01")!

    /// The whole bulk output of a run, as `tvpa check --format bulk` writes it.
    static func bulk(_ paths: [String], program: Program, redact: Bool = false) -> String {
        var out = JSONBytes()
        BulkJSON.header(program, redacted: redact, into: &out)
        out.raw(UInt8(ascii: "\n"))
        for result in collectRun(paths, program: program, options: .init(view: .off, redact: redact, today: today, bulk: true)) {
            if let c = result.bulk { BulkJSON.line(c, into: &out) }
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A decision as both forms can state it: program, subject, outcome, reason, and the
    /// missing facts as `subject/name`, sorted (the bulk form lists the subject's own first).
    struct Said: Hashable, CustomStringConvertible {
        var program, subject, outcome, reason: String
        var missing: [String]
        var description: String { "\(program) \(subject) \(outcome) \(reason) \(missing)" }
    }

    /// What a bulk output says, read back from its JSON text alone.
    static func read(_ text: String) throws -> [[Said]] {
        var lines = text.split(separator: "\n").map(String.init)
        let header = try #require(JSONSerialization.jsonObject(with: Data(lines.removeFirst().utf8)) as? [String: Any])
        #expect(header["schema"] as? String == BulkJSON.schema)
        let programs = try #require(header["programs"] as? [[String: Any]]).map { $0["id"] as! String }
        let facts = try #require(header["facts"] as? [[String: Any]]).map { ($0["name"] as! String, $0["subject"] as! String) }
        return try lines.map { line in
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
            let decisions = try #require(object["decisions"] as? [[Any]])
            return try decisions.map { d in
                try #require(d.count == 5)
                let subject = d[1] as! String
                let missing = (d[4] as! [Any]).map { entry -> String in
                    if let i = entry as? Int { return (facts[i].1 == "principal" ? "principal" : subject) + "/" + facts[i].0 }
                    let pair = entry as! [Any]
                    return (pair[1] as! String) + "/" + facts[pair[0] as! Int].0
                }
                return Said(program: programs[d[0] as! Int], subject: subject, outcome: d[2] as! String, reason: d[3] as! String, missing: missing.sorted())
            }
        }
    }

    static func scenarioFiles() throws -> [String] {
        let cases = GoldenTests.root.appendingPathComponent("Cases")
        let walk = try #require(FileManager.default.enumerator(atPath: cases.path))
        return walk.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted().map { cases.appendingPathComponent($0).path }
    }

    @Test("every line parses and agrees with JSON v1 on outcomes, reasons and missing facts, for every scenario")
    func agreesWithDecisionJSON() throws {
        let program = try GoldenTests.program()
        let files = try Self.scenarioFiles()
        #expect(files.count > 50)
        #expect(try Self.compare(files, program: program) > 500)
    }

    @Test("the same on a generated corpus of families, where a decision lists another member's facts")
    func agreesOnGeneratedCorpus() throws {
        let program = try GoldenTests.program()
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = CaseGenerator(program: program, seed: 3)
        let lines = (0..<400).map { generator.next(index: $0).render() }
        let path = dir.appendingPathComponent("corpus.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.compare([path], program: program) > 4000)
        // A `[fact, subject]` pair ends a missing list as `"]]`; nothing else does.
        #expect(Self.bulk([path], program: program).contains("\"]]"), "no decision lists another member's fact")
    }

    /// Compares both forms, plain and redacted, case by case; the number of decisions compared.
    static func compare(_ files: [String], program: Program) throws -> Int {
        var compared = 0
        for redact in [false, true] {
            let bulk = try Self.read(Self.bulk(files, program: program, redact: redact))
            let reports = collectRun(files, program: program, options: .init(view: .off, redact: redact, today: Self.today)).compactMap(\.report)
            try #require(bulk.count == reports.count)
            for (said, report) in zip(bulk, reports) {
                // Read back from the decision JSON's own text, as a consumer would.
                let json = try #require(JSONSerialization.jsonObject(with: Data(DecisionJSON.render(report).utf8)) as? [String: Any])
                let expected = (json["decisions"] as! [[String: Any]]).map { d in
                    Said(program: d["program"] as! String, subject: d["subject"] as! String, outcome: d["outcome"] as! String, reason: d["reason"] as! String,
                         missing: (d["missing_facts"] as! [[String: Any]]).map { (($0["subject"] as? String) ?? "principal") + "/" + ($0["name"] as! String) }.sorted())
                }
                #expect(said == expected, "case \(report.caseId)")
                compared += said.count
            }
        }
        return compared
    }

    @Test("redacted, a bulk line holds no case or member id, and names them as JSON v1 does")
    func redaction() throws {
        let program = try GoldenTests.program()
        let path = GoldenTests.root.appendingPathComponent("Cases/conformance/e09-family-young-principal.yaml").path
        let plain = Self.bulk([path, path], program: program)
        let redacted = Self.bulk([path, path], program: program, redact: true)
        let file = try #require(CaseRun.load([path], program: program, options: .init(today: Self.today)).first)
        #expect(!file.members.isEmpty)
        for id in [file.id] + file.members.map(\.id) {
            #expect(plain.contains("\"\(id)\""))
            #expect(!redacted.contains("\"\(id)\""), "\(id) shown in a redacted bulk line")
        }
        let lines = redacted.split(separator: "\n")
        #expect(lines[0].contains("\"redacted\":true"))
        #expect(lines[1].hasPrefix("{\"case\":\"case 1\""))
        #expect(lines[2].hasPrefix("{\"case\":\"case 2\""))
        #expect(lines[2].contains("\"case 2 · member 1\""))
        // The same pseudonyms as the decision JSON under --redact.
        let reports = collectRun([path, path], program: program, options: .init(view: .off, redact: true, today: Self.today)).compactMap(\.report)
        let subjects = Set(reports[1].decisions.map(\.subject))
        for subject in subjects { #expect(lines[2].contains("\"\(subject)\"")) }
    }

    @Test("the conformance examples in the bulk form (golden, the rules' digest masked)")
    func golden() throws {
        let program = try GoldenTests.program()
        let paths = GoldenTests.conformance.map { GoldenTests.root.appendingPathComponent("Cases/conformance/\($0).yaml").path }
        let text = Self.bulk(paths, program: program).replacingOccurrences(of: program.digest, with: "sha256:<digest>")
        try GoldenTests.compare(text, to: "bulk-conformance.jsonl")
    }

    @Test("JSONBytes escapes strings exactly as JSON.quote does")
    func escaping() {
        let samples = ["", "plain", "quote \" and \\ backslash", "line\nbreak\ttab\r", "\u{0}\u{1F}\u{7F}", "café — →", "\u{85}\u{9F}\u{A0}",
                       "\u{61C}x", "a\u{200B}b\u{200E}\u{202E}\u{2066}\u{2069}", "\u{FEFF}bom", "emoji 🙂 \u{10FFFF}", "\u{2028}\u{2029}"]
        for s in samples {
            var out = JSONBytes()
            out.string(s)
            #expect(String(decoding: out.bytes, as: UTF8.self) == JSON.quote(s), "\(s.debugDescription)")
        }
        // Random mixes of what is escaped and what is not, so the byte-level path meets each in every order.
        let pieces = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{7F}", "\u{85}", "é", "—", "\u{61C}", "\u{202E}", "\u{FEFF}", "🙂", "\u{2028}", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let s = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var out = JSONBytes()
            out.string(s)
            #expect(String(decoding: out.bytes, as: UTF8.self) == JSON.quote(s), "\(s.debugDescription)")
        }
        // One piece at every offset of a longer clean string, and the longest clean bytes (a space,
        // `~`, `!`, `#`, `[`, `]`) beside it: the clean scan reads eight bytes at a time, so each
        // must be met in every lane of a word and in the tail.
        for piece in ["\"", "\\", "\n", "\u{0}", "\u{1F}", "\u{7F}", "é", "\u{85}", "\u{202E}", "\u{FEFF}", " ~!#[]"] {
            for offset in 0..<24 {
                let s = String(repeating: "a", count: offset) + piece + String(repeating: " ~", count: 12 - offset / 2)
                var out = JSONBytes()
                out.string(s)
                #expect(String(decoding: out.bytes, as: UTF8.self) == JSON.quote(s), "\(s.debugDescription)")
            }
        }
        for n in [0, 7, 10, 99, 12345, -1, -42, Int.max, Int.min] {
            var out = JSONBytes()
            out.int(n)
            #expect(String(decoding: out.bytes, as: UTF8.self) == String(n))
        }
        for day in [0, 1, 19000, 2_932_896, -1] {
            var bytes: [UInt8] = []
            CivilDate.write(day, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == CivilDate.format(day))
        }
    }

    @Test("JSON v1 with --explain off is the decision view without its trees and evidence lists, for every scenario (off writes no node text)")
    func offIsDecisionWithoutTrees() throws {
        let program = try GoldenTests.program()
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = CaseGenerator(program: program, seed: 5)
        let corpus = dir.appendingPathComponent("corpus.jsonl").path
        try ((0..<300).map { generator.next(index: $0).render() }.joined(separator: "\n") + "\n").write(toFile: corpus, atomically: true, encoding: .utf8)
        let files = try Self.scenarioFiles() + [corpus]
        for redact in [false, true] {
            let off = collectRun(files, program: program, options: .init(view: .off, redact: redact, today: Self.today)).compactMap(\.report)
            var decision = collectRun(files, program: program, options: .init(view: .decision, redact: redact, today: Self.today)).compactMap(\.report)
            try #require(off.count == decision.count && off.count > 50)
            for i in decision.indices {
                for j in decision[i].decisions.indices {
                    decision[i].decisions[j].explanation = nil
                    decision[i].decisions[j].evidence = []
                }
                #expect(DecisionJSON.render(off[i]) == DecisionJSON.render(decision[i]), "case \(decision[i].caseId)")
            }
        }
    }

    @Test("with the view off, a version's note still reaches the decision's notes, filled, and its version its law versions")
    func offKeepsVersionNotes() throws {
        let program = try Inline.compile("""
            facts:
              filed: {type: date, question: When was it filed?}
              ok: {type: bool}
            rules:
              eligible:
                cite: ["Act"]
                versions:
                  v2024:
                    label: the 2024 rule
                    cite: ["Act (2024)"]
                    from: 2024-08-28
                    when: {fact: ok}
                    notes:
                      - when: {fact: ok}
                        text: Filed on {filed} under the 2024 rule.
                  v2016:
                    label: the 2016 rule
                    cite: ["Act (2016)"]
                    until: 2024-08-27
                    when: {fact: ok}
            programs:
              eligible: {rule: eligible}
            """)
        let (file, diagnostics) = Inline.load("id: v\nas_of: 2024-10-01\nfacts:\n  filed: 2024-09-02\n  ok: true\n", program: program)
        #expect(!diagnostics.hasErrors)
        let f = try #require(file)
        let off = Explainer(view: .off).report(f, program: program, decisionDate: CivilDate.parse("2024-10-01")!).decisions[0]
        #expect(off.explanation == nil)
        #expect(off.renderedNotes == ["Filed on 2024-09-02 under the 2024 rule."])
        #expect(off.lawVersions == ["the 2024 rule"])
    }
}

/// Every result of a run, in corpus order, as `tvpa check` streams them.
private func collectRun(_ paths: [String], program: Program, options: CaseRun.Options) -> [CaseRun.Result] {
    var results: [CaseRun.Result] = []
    CaseRun.stream(paths, program: program, options: options) { results.append($0) }
    return results
}
