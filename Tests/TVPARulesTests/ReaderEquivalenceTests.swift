import Foundation
import Testing
@testable import TVPARules

/// One reader, one meaning (issue 10), as a property over thousands of hostile inputs: the
/// generated cases and every shipped case in `Cases/`, rendered as JSON lines, then mutated
/// byte by byte and token by token (flips, deletions, duplications, control bytes, byte-order
/// marks, quotes, numbers such as 017, +30 and 1e3, `~`, `#`, bad UTF-8), with a fixed seed.
/// For each, the fast reader and the strict path give the same case, or diagnostics with the
/// same ids at the same lines and columns; every diagnostic is on the input's own line; and a
/// line that is JSON reads as the same case, with the same diagnostics, when the same text is
/// a YAML file.
@Suite("Reader equivalence")
struct ReaderEquivalenceTests {
    static let program: Program = RuleCompiler.compile(.embedded).0!.program
    static let today = CivilDate.parse("2024-06-01")!
    let loader = CaseLoader(program: ReaderEquivalenceTests.program, today: ReaderEquivalenceTests.today)
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A narrative no diagnostic may quote more than 40 characters of.
    static let narrative = (1...12).map { "Word\($0) of a private story that no error message may repeat." }.joined(separator: " ")

    /// The shipped case files, read as YAML.
    static func shippedCases() -> [(path: String, file: CaseFile)] {
        var stream = CaseStream(paths: [root.appendingPathComponent("Cases").path])
        let loader = CaseLoader(program: program, today: today)
        return stream.all().compactMap { input in loader.load(input).0.map { (input.path, $0) } }
    }

    /// The base lines: generated cases (with a narrative) and the shipped cases as JSON.
    static func baseLines() -> [String] {
        var generator = CaseGenerator(program: program, seed: 2026)
        var lines: [String] = []
        for index in 0..<80 {
            guard case .object(var pairs) = generator.next(index: index) else { continue }
            pairs.insert(("narrative", .string(narrative)), at: 1)
            lines.append(JSON.object(pairs).render())
        }
        lines += shippedCases().map { CaseJSON.render($0.file, program: program).render() }
        return lines
    }

    @Test("every shipped case, rendered as a JSON line, reads as the same case as its YAML file")
    func shippedCasesRoundTrip() throws {
        let shipped = Self.shippedCases()
        #expect(shipped.count >= 100, "only \(shipped.count) shipped cases were read")
        for (path, file) in shipped {
            let line = CaseJSON.render(file, program: Self.program).render()
            let (read, diagnostics) = loader.load(CaseInput(path: "cases.jsonl", line: 3, text: line, format: .jsonLine))
            #expect(diagnostics.isEmpty, "\(path): \(diagnostics)")
            let again = try #require(read, "\(path) does not read back")
            #expect(CaseJSON.render(again, program: Self.program).render() == line, "\(path) reads back differently")
        }
    }

    struct Key: Hashable, CustomStringConvertible {
        var id: DiagnosticID
        var line: Int
        var column: Int
        init(_ d: Diagnostic) { (id, line, column) = (d.id, d.location.line, d.location.column) }
        var description: String { "\(id.rawValue)@\(line):\(column)" }
    }

    @Test("the fast reader and the strict path agree on every mutated line, seed after seed", arguments: [0x5EED, 0xC0FFEE] as [UInt64])
    func mutatedLines(seed: UInt64) throws {
        var mutator = Mutator(seed: seed)
        let bases = Self.baseLines()
        var seen: [DiagnosticID: Int] = [:]
        var accepted = 0, fastAccepted = 0, crossChecked = 0, total = 0
        for (k, base) in bases.enumerated() {
            for round in 0..<12 {
                let bytes = round == 0 ? Array(base.utf8) : mutator.mutate(Array(base.utf8))
                // Line 1 is where a byte-order mark may begin the file.
                let number = k % 4 == 0 ? 1 : 2 + Int(mutator.next(9998))
                let input = CaseInput(path: "m.jsonl", line: number, bytes: bytes, format: .jsonLine)
                total += 1
                let full = loader.load(input)
                let strict = loader.loadStrictJSONLine(input)
                let fast = loader.loadFastJSONLine(input)
                let context = "seed \(seed), base \(k), round \(round): \(String(decoding: bytes.prefix(300), as: UTF8.self))"
                #expect(full.0 == strict.0, "the case differs, \(context)")
                #expect(full.1.map(Key.init) == strict.1.map(Key.init), "\(full.1.map(Key.init)) vs \(strict.1.map(Key.init)), \(context)")
                if let fast {
                    fastAccepted += 1
                    #expect(strict.1.isEmpty && strict.0 == fast, "the fast reader accepts what the strict path does not read so: \(strict.1), \(context)")
                }
                if strict.0 != nil { accepted += 1 }
                let characters = input.text.unicodeScalars.count
                for d in strict.1 {
                    seen[d.id, default: 0] += 1
                    #expect(d.location.file == "m.jsonl" && d.location.line == number && d.location.column >= 1 && d.location.column <= characters + 1, "\(d), \(context)")
                    guard d.id == .caseJSONSyntax || d.id == .readUnreadable else { continue }
                    // The syntax check's own words: short, escaped, never the story.
                    let text = d.message + " " + (d.help ?? "")
                    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "a raw control character in \(d.description.debugDescription)")
                    #expect(d.message.count <= 260, "\(d.message)")
                    #expect(!Self.quotesMoreThan40(of: Self.narrative, in: text), "\(d)")
                }
                // A line that is JSON means what the same text means in a YAML file.
                if !strict.1.contains(where: { $0.id == .caseJSONSyntax || $0.id == .readUnreadable }), Self.yamlReadsAsJSON(input.text) {
                    crossChecked += 1
                    let yaml = loader.load(SourceText(path: "m.jsonl", text: input.text, firstLine: number))
                    #expect(yaml.0.map { CaseJSON.render($0, program: Self.program).render() } == strict.0.map { CaseJSON.render($0, program: Self.program).render() }, "JSON and YAML read different cases, \(context)")
                    #expect(yaml.1.map(Key.init) == strict.1.map(Key.init), "JSON says \(strict.1), YAML \(yaml.1), \(context)")
                }
            }
        }
        #expect(total >= 2000, "only \(total) inputs")
        // The mutations reach every layer: syntax, encoding, types, names, consistency.
        #expect(fastAccepted >= bases.count / 2, "the fast reader took \(fastAccepted)")
        #expect(accepted > fastAccepted, "no mutated line was read by the strict path alone")
        #expect(crossChecked >= 500, "only \(crossChecked) lines were checked against the YAML reader")
        for id in [DiagnosticID.caseJSONSyntax, .readUnreadable, .caseTypeMismatch, .caseUnknownFact, .caseUnknownKey] {
            #expect(seen[id, default: 0] > 0, "no mutated line gave \(id.rawValue): \(seen)")
        }
    }

    /// Whether libyaml reads this JSON text as JSON does. It does not for raw C1 controls or DEL
    /// (refused), raw line and paragraph separators or NEL (line breaks, folded inside a
    /// string), and a string that begins with an escaped byte-order mark (dropped) — for these a
    /// YAML file is simply not JSON.
    static func yamlReadsAsJSON(_ text: String) -> Bool {
        if text.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 }) { return false }
        return !text.lowercased().contains("\"\\ufeff") && !text.lowercased().contains("\"\\u0000feff")
    }

    /// Whether `text` holds more than 40 consecutive characters of `secret`.
    static func quotesMoreThan40(of secret: String, in text: String) -> Bool {
        let s = Array(secret)
        // Any 50 consecutive characters hold a 41-character window starting at a multiple of 10.
        for start in stride(from: 0, to: max(0, s.count - 41), by: 10) where text.contains(String(s[start..<(start + 41)])) { return true }
        return false
    }
}

/// Byte and token mutations, from a fixed seed.
struct Mutator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next(_ n: Int) -> Int { n <= 0 ? 0 : Int(random.next() % UInt64(n)) }

    static let tokens: [String] = [
        "017", "+30", "1e3", "-0", "30.0", "0x1F", "00", "-", "1E+2", "99999999999999999999", "~", "#", "'", "\"", ",", "}", "]", "{", "[", ":",
        "null", "true", "false", "\"true\"", "\"30\"", "True", "yes", "\\", "\\u0000", "\\ud800", "\\u00e9", "\\/", "\\n", "\\ufeff", "\t", "é", "\u{2028}",
        "\u{85}", "😀", " ", "\"\": 1,", "\"age\": 30,", "\"id\": \"x\",", "<<", "!!str ",
    ]
    static let numbers = ["017", "+30", "1e3", "-0", "30.0", "00", "1.", ".5", "-12", "0", "7", "1E+2", "99999999999999999999"]
    static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE9]]

    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        for _ in 0..<(1 + next(3)) { b = once(b) }
        return b
    }

    mutating func once(_ input: [UInt8]) -> [UInt8] {
        var b = input
        if b.isEmpty { return Array("{".utf8) }
        let p = next(b.count)
        switch next(13) {
        case 0:
            b[p] ^= UInt8(1 << next(8))
        case 1:
            b.removeSubrange(p..<min(b.count, p + 1 + next(4)))
        case 2:
            let end = min(b.count, p + 1 + next(24))
            b.insert(contentsOf: Array(b[p..<end]), at: end)
        case 3:
            let controls: [UInt8] = Array(0x00..<0x20) + [0x7F]
            b.insert(controls[next(controls.count)], at: next(b.count + 1))
        case 4:
            b.insert(contentsOf: TextDecoding.bom, at: next(4) == 0 ? 0 : next(b.count + 1))
        case 5:
            b.insert(contentsOf: Array(Self.tokens[next(Self.tokens.count)].utf8), at: next(b.count + 1))
        case 6:
            // A number, rewritten.
            let digits = b.indices.filter { b[$0] >= 0x30 && b[$0] <= 0x39 && ($0 == 0 || b[$0 - 1] == UInt8(ascii: ":")) }
            guard let start = digits.isEmpty ? nil : digits[next(digits.count)] else { return once(b) }
            var end = start
            while end < b.count, (b[end] >= 0x30 && b[end] <= 0x39) { end += 1 }
            b.replaceSubrange(start..<end, with: Array(Self.numbers[next(Self.numbers.count)].utf8))
        case 7:
            // A value's type, changed: true to "true", a word to a number, a number to text.
            let swaps: [(String, String)] = [(":true", ":\"true\""), (":false", ":\"false\""), (":\"", ":42,\"x"), (":1", ":\"1"), (":[\"", ":[\"dup\",\""), (":[", ":[null,")]
            let (from, to) = swaps[next(swaps.count)]
            guard let at = Self.find(Array(from.utf8), in: b, near: p) else { return once(b) }
            b.replaceSubrange(at..<(at + from.utf8.count), with: Array(to.utf8))
        case 8:
            b.insert(contentsOf: Self.invalidUTF8[next(Self.invalidUTF8.count)], at: next(b.count + 1))
        case 9:
            // A member duplicated: `,"key":value` again, so a key appears twice.
            guard let comma = Self.find([UInt8(ascii: ",")], in: b, near: p), let after = Self.find([UInt8(ascii: ",")], in: b, near: comma + 1), after > comma else { return once(b) }
            b.insert(contentsOf: Array(b[comma..<after]), at: after)
        case 10:
            b.removeSubrange(p...)
        case 11:
            let q = next(b.count)
            b.swapAt(p, q)
        default:
            // A list value repeated.
            guard let open = Self.find(Array("[\"".utf8), in: b, near: p), let close = Self.find([UInt8(ascii: "\"")], in: b, near: open + 2), close > open else { return once(b) }
            b.insert(contentsOf: Array(b[(open + 1)...close]) + [UInt8(ascii: ",")], at: open + 1)
        }
        return b
    }

    /// The first place at or after `near` (else the first anywhere) where `pattern` begins.
    static func find(_ pattern: [UInt8], in b: [UInt8], near: Int) -> Int? {
        func search(_ range: Range<Int>) -> Int? {
            guard pattern.count <= b.count else { return nil }
            for i in range where i + pattern.count <= b.count && b[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            return nil
        }
        return search(min(near, b.count)..<b.count) ?? search(0..<b.count)
    }
}

/// A loaded case as a JSON line, by its declarations: what a tool would export. Rendering two
/// cases and comparing the text compares what they say, whatever order their texts and records
/// were read in.
enum CaseJSON {
    static func render(_ file: CaseFile, program: Program) -> JSON {
        var pairs: [(String, JSON)] = [("id", .string(file.id))]
        if let title = file.title { pairs.append(("title", .string(title))) }
        if let asOf = file.asOf { pairs.append(("as_of", .string(CivilDate.format(asOf)))) }
        if let source = file.source { pairs.append(("source", .string(source))) }
        if let narrative = file.narrative { pairs.append(("narrative", .string(narrative))) }
        pairs.append(("facts", facts(file.values, subject: .principal, file: file, program: program)))
        if !file.members.isEmpty {
            pairs.append(("family_members", .array(file.members.map { m in
                var member: [(String, JSON)] = [("id", .string(m.id)), ("facts", facts(m.values, subject: .familyMember, file: file, program: program))]
                if !m.expect.isEmpty { member.append(("expect", expect(m.expect))) }
                if !m.declined.isEmpty { member.append(("declined", .array(m.declined.map { .string(program.legend.facts[Int($0)].name) }))) }
                return .object(member)
            })))
        }
        if !file.expect.isEmpty { pairs.append(("expect", expect(file.expect))) }
        if !file.declined.isEmpty { pairs.append(("declined", .array(file.declined.map { .string(program.legend.facts[Int($0)].name) }))) }
        return .object(pairs)
    }

    static func expect(_ expect: [String: Outcome]) -> JSON {
        .object(expect.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.rawValue)) })
    }

    static func facts(_ values: [FactValue], subject: SubjectName, file: CaseFile, program: Program) -> JSON {
        var pairs: [(String, JSON)] = []
        for (slot, decl) in program.legend.facts.enumerated() where decl.subject == subject && values[slot].isKnown {
            pairs.append((decl.name, value(values[slot], type: decl.type, values: decl.values, fields: decl.fields, file: file)))
        }
        return .object(pairs)
    }

    static func value(_ v: FactValue, type: FactType, values: [String], fields: [FieldDecl], file: CaseFile) -> JSON {
        switch v {
        case .unknown: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return type == .date ? .string(CivilDate.format(n)) : .int(n)
        case .choice(let i): return .string(values[i])
        case .set(let bits): return .array(values.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { .string(values[$0]) })
        case .text(let t): return .string(file.texts[Int(t)])
        case .records(let r):
            return .array(file.records[Int(r)].map { record in
                .object(fields.indices.map { f in (fields[f].name, value(record[f], type: fields[f].type, values: fields[f].values, fields: [], file: file)) })
            })
        }
    }
}
