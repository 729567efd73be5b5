import TVPARules
import Yams

/// A case as the edit form holds it: the envelope, the facts by name, the family members.
/// Values are kept as a case file writes them (strings for scalars, arrays for lists and
/// records), so `yaml()` gives a case file that `CaseLoader` reads exactly as one from disk,
/// with the same diagnostics, and `lineFields` says which form field each line came from.
struct PageDraft: Codable, Sendable, Equatable {
    struct Member: Codable, Sendable, Equatable {
        var id: String = ""
        var facts: [String: JSONValue] = [:]
        var declined: [String] = []
        var expect: [String: String] = [:]

        init(id: String = "", facts: [String: JSONValue] = [:], declined: [String] = [], expect: [String: String] = [:]) {
            self.id = id
            self.facts = facts
            self.declined = declined
            self.expect = expect
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
            facts = try c.decodeIfPresent([String: JSONValue].self, forKey: .facts) ?? [:]
            declined = try c.decodeIfPresent([String].self, forKey: .declined) ?? []
            expect = try c.decodeIfPresent([String: String].self, forKey: .expect) ?? [:]
        }
    }

    var id: String = ""
    var title: String?
    var asOf: String?
    var source: String?
    var narrative: String?
    var facts: [String: JSONValue] = [:]
    var declined: [String] = []
    var members: [Member] = []
    var expect: [String: String] = [:]

    enum CodingKeys: String, CodingKey {
        case id, title, source, narrative, facts, declined, expect
        case asOf = "as_of"
        case members = "family_members"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        title = try c.decodeIfPresent(String.self, forKey: .title)
        asOf = try c.decodeIfPresent(String.self, forKey: .asOf)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        narrative = try c.decodeIfPresent(String.self, forKey: .narrative)
        facts = try c.decodeIfPresent([String: JSONValue].self, forKey: .facts) ?? [:]
        declined = try c.decodeIfPresent([String].self, forKey: .declined) ?? []
        members = try c.decodeIfPresent([Member].self, forKey: .members) ?? []
        expect = try c.decodeIfPresent([String: String].self, forKey: .expect) ?? [:]
    }
}

extension PageDraft {
    /// A case file's text as a draft. What the form cannot hold (a key it does not know, a
    /// value of the wrong shape) is kept as it was written, so the loader still reports it.
    init(yaml text: String) {
        self.init()
        guard let node = try? Yams.compose(yaml: text), case .object(let root) = Self.value(node) else { return }
        id = root["id"]?.string ?? ""
        title = root["title"]?.string
        asOf = root["as_of"]?.string
        source = root["source"]?.string
        narrative = root["narrative"]?.string
        facts = root["facts"]?.object ?? [:]
        declined = root["declined"]?.array?.compactMap(\.string) ?? []
        expect = (root["expect"]?.object ?? [:]).compactMapValues(\.string)
        members = (root["family_members"]?.array ?? []).map { m in
            Member(
                id: m["id"]?.string ?? "", facts: m["facts"]?.object ?? [:], declined: m["declined"]?.array?.compactMap(\.string) ?? [],
                expect: (m["expect"]?.object ?? [:]).compactMapValues(\.string))
        }
    }

    static func value(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string) { return .null }
            return .string(s.string)
        case .sequence(let seq): return .array(seq.map(value))
        case .mapping(let m):
            var object: [String: JSONValue] = [:]
            for (k, v) in m { object[k.string ?? ""] = value(v) }
            return .object(object)
        case .alias: return .null
        }
    }
}

/// The case file a draft makes, and which field each of its lines holds.
struct DraftYAML: Sendable {
    var text: String
    /// Line number (1-based) → the form's name for the field: `facts.NAME`,
    /// `family_members.I.facts.NAME`, `family_members.I.id`, `as_of`, `id`, `declined`...
    var lineFields: [Int: String]
}

extension PageDraft {
    func yaml(vocabulary legend: Legend) -> DraftYAML {
        var lines: [String] = []
        var fields: [Int: String] = [:]
        func add(_ line: String, field: String? = nil) {
            lines.append(line)
            if let field { fields[lines.count] = field }
        }
        let facts = Dictionary(legend.facts.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // The vocabulary's order, then any name it does not know (the loader says so).
        func ordered(_ values: [String: JSONValue]) -> [(String, JSONValue)] {
            let known = legend.facts.compactMap { f in values[f.name].map { (f.name, $0) } }
            let unknown = values.keys.filter { facts[$0] == nil }.sorted().map { ($0, values[$0]!) }
            return (known + unknown).filter { !$0.1.isBlank }
        }
        add("id: \(Self.scalar(id))", field: "id")
        if let title, !title.isEmpty { add("title: \(Self.quoted(title))", field: "title") }
        if let asOf, !asOf.isEmpty { add("as_of: \(Self.scalar(asOf))", field: "as_of") }
        if let source, !source.isEmpty { add("source: \(Self.quoted(source))", field: "source") }
        if let narrative, !narrative.isEmpty { add("narrative: \(Self.quoted(narrative))", field: "narrative") }
        let principal = ordered(self.facts)
        add(principal.isEmpty ? "facts: {}" : "facts:")
        for (name, value) in principal { add("  \(Self.key(name)): \(Self.value(value, fact: facts[name]))", field: "facts.\(name)") }
        if !declined.isEmpty { add("declined: " + Self.list(declined), field: "declined") }
        if !members.isEmpty {
            add("family_members:")
            for (i, m) in members.enumerated() {
                add("  - id: \(Self.scalar(m.id))", field: "family_members.\(i).id")
                let given = ordered(m.facts)
                add(given.isEmpty ? "    facts: {}" : "    facts:")
                for (name, value) in given { add("      \(Self.key(name)): \(Self.value(value, fact: facts[name]))", field: "family_members.\(i).facts.\(name)") }
                if !m.declined.isEmpty { add("    declined: " + Self.list(m.declined), field: "family_members.\(i).declined") }
                if !m.expect.isEmpty { add("    expect: " + Self.mapping(m.expect), field: "family_members.\(i).expect") }
            }
        }
        if !expect.isEmpty {
            add("expect:")
            for (k, v) in expect.sorted(by: { $0.key < $1.key }) { add("  \(Self.key(k)): \(Self.scalar(v))", field: "expect.\(k)") }
        }
        return DraftYAML(text: lines.joined(separator: "\n") + "\n", lineFields: fields)
    }

    /// A fact's value: text always quoted, any other scalar bare when it is a plain word.
    static func value(_ value: JSONValue, fact: FactInfo?) -> String {
        switch value {
        case .array(let items):
            if fact?.type == .records {
                return "[" + items.map { record in
                    guard case .object(let o) = record else { return self.value(record, fact: nil) }
                    let order = (fact?.fields.map(\.name) ?? []).filter { o[$0] != nil } + o.keys.filter { k in !(fact?.fields.contains { $0.name == k } ?? false) }.sorted()
                    return "{" + order.compactMap { k -> String? in
                        guard let v = o[k], !v.isBlank else { return nil }
                        let field = fact?.fields.first { $0.name == k }
                        return "\(key(k)): " + (field?.type == .text ? (v.string.map(quoted) ?? self.value(v, fact: nil)) : self.value(v, fact: nil))
                    }.joined(separator: ", ") + "}"
                }.joined(separator: ", ") + "]"
            }
            return "[" + items.map { self.value($0, fact: nil) }.joined(separator: ", ") + "]"
        case .object(let o):
            return "{" + o.keys.sorted().map { "\(key($0)): \(self.value(o[$0]!, fact: nil))" }.joined(separator: ", ") + "}"
        case .null: return "null"
        default:
            let s = value.string ?? ""
            return fact?.type == .text ? quoted(s) : scalar(s)
        }
    }

    static func list(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }
    static func mapping(_ m: [String: String]) -> String { "{" + m.keys.sorted().map { "\(key($0)): \(scalar(m[$0]!))" }.joined(separator: ", ") + "}" }

    /// A key: bare when it is a name, else quoted (the loader then reports the unknown key).
    static func key(_ s: String) -> String {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" } ? s : quoted(s)
    }

    /// A scalar bare when it is a plain word (a number, a date, an enum value, `true`), so it
    /// reads as the same word would in a file; anything else double-quoted.
    static func scalar(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "_.+-".unicodeScalars.contains($0) }
        guard plain, let first = s.unicodeScalars.first, first != ".", !(first == "-" && s.count == 1) else { return quoted(s) }
        return s
    }

    /// A YAML double-quoted scalar: only `\\`, `\"` and control characters escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value) || c.value == 0x2028 || c.value == 0x2029 || c.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
