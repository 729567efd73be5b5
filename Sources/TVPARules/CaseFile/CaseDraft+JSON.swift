import Foundation

/// A case draft as JSON, for a front end that keeps the draft in a page (the workbench): the
/// case file's own keys (`id`, `title`, `as_of`, `source`, `narrative`, `facts`,
/// `family_members`, `declined`, `expect`), the expected deadlines under `expect_clocks`, and
/// each value as JSON says it most plainly — `true`, `12`, `"2024-08-28"`, `"labor"`,
/// `["sexual"]`, `[{"request": "…"}]`.
///
/// A string is read back as `.text`, whatever it holds: JSON does not say whether
/// `"2024-08-28"` is a date or words. `typed(by:)` then gives every value the type the
/// vocabulary declares for its fact, where its text says one (`"true"` a yes, `"12"` a number);
/// a value that does not fit is kept as written, so the loader reports it beside its field
/// rather than the draft mending it.
extension CaseDraft: Codable {
    enum CodingKeys: String, CodingKey {
        case id, title, source, narrative, facts, declined, expect
        case asOf = "as_of"
        case members = "family_members"
        case expectClocks = "expect_clocks"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(String.self, forKey: .id) ?? "")
        title = try c.decodeIfPresent(String.self, forKey: .title)
        asOf = try c.decodeIfPresent(String.self, forKey: .asOf)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        narrative = try c.decodeIfPresent(String.self, forKey: .narrative)
        facts = try c.decodeIfPresent([String: Value?].self, forKey: .facts)?.compactMapValues { $0 } ?? [:]
        declined = try c.decodeIfPresent([String].self, forKey: .declined) ?? []
        members = try c.decodeIfPresent([Member].self, forKey: .members) ?? []
        expect = try c.decodeIfPresent([String: String].self, forKey: .expect) ?? [:]
        expectClocks = try c.decodeIfPresent([String: ClockExpectation].self, forKey: .expectClocks) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(asOf, forKey: .asOf)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(narrative, forKey: .narrative)
        try c.encode(facts, forKey: .facts)
        try c.encode(members, forKey: .members)
        try c.encode(declined, forKey: .declined)
        try c.encode(expect, forKey: .expect)
        if !expectClocks.isEmpty { try c.encode(expectClocks, forKey: .expectClocks) }
    }

    /// Every value as its fact's type (the principal's facts and each member's), where the
    /// value's text says one; a blank text is no value (unknown).
    public func typed(by legend: Legend) -> CaseDraft {
        var out = self
        let byName = Dictionary(legend.facts.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func type(_ facts: [String: Value]) -> [String: Value] {
            var typed: [String: Value] = [:]
            for (name, value) in facts {
                if let fact = byName[name] { typed[name] = value.typed(fact.type, fields: fact.fields) } else { typed[name] = value }
            }
            return typed
        }
        out.facts = type(facts)
        for i in out.members.indices { out.members[i].facts = type(members[i].facts) }
        return out
    }
}

extension CaseDraft.Member: Codable {
    enum CodingKeys: String, CodingKey {
        case id, facts, declined, expect
        case expectClocks = "expect_clocks"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decodeIfPresent(String.self, forKey: .id) ?? "",
            facts: try c.decodeIfPresent([String: CaseDraft.Value?].self, forKey: .facts)?.compactMapValues { $0 } ?? [:],
            declined: try c.decodeIfPresent([String].self, forKey: .declined) ?? [],
            expect: try c.decodeIfPresent([String: String].self, forKey: .expect) ?? [:])
        expectClocks = try c.decodeIfPresent([String: ClockExpectation].self, forKey: .expectClocks) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(facts, forKey: .facts)
        try c.encode(declined, forKey: .declined)
        try c.encode(expect, forKey: .expect)
        if !expectClocks.isEmpty { try c.encode(expectClocks, forKey: .expectClocks) }
    }
}

extension CaseDraft.Value: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Int.self) {
            self = .integer(n)
        } else if let s = try? c.decode(String.self) {
            self = .text(s)
        } else if let words = try? c.decode([String].self) {
            self = .words(words)
        } else if let records = try? c.decode([[String: CaseDraft.Value?]].self) {
            self = .records(records.map { $0.compactMapValues { $0 } })
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a case value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .bool(let b): try c.encode(b)
        case .integer(let n): try c.encode(n)
        case .date(let s), .word(let s), .text(let s): try c.encode(s)
        case .words(let w): try c.encode(w)
        case .records(let r): try c.encode(r)
        }
    }

    /// The value as a fact of this type holds it, where its text says so (`"true"` for a
    /// yes-or-no, `"12"` for a number, a date's text for a date, a word for an enum value);
    /// otherwise as it is, for the loader to report. nil for a blank text.
    public func typed(_ type: FactType, fields: [FieldDecl] = []) -> CaseDraft.Value? {
        switch self {
        case .text(let s), .word(let s), .date(let s):
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            switch type {
            case .bool: return trimmed == "true" ? .bool(true) : trimmed == "false" ? .bool(false) : .text(s)
            case .integer: return Int(trimmed).map { .integer($0) } ?? .text(s)
            case .date: return .date(trimmed)
            case .enumeration: return .word(trimmed)
            case .text, .reference, .list, .records: return .text(s)
            }
        case .records(let records) where type == .records:
            return .records(records.map { record in
                var out: [String: CaseDraft.Value] = [:]
                for (name, v) in record {
                    if let field = fields.first(where: { $0.name == name }) { out[name] = v.typed(field.type, fields: []) } else { out[name] = v }
                }
                return out
            })
        case .words([]) where type == .records:
            return .records([])
        default:
            return self
        }
    }
}

extension ClockExpectation: Codable {
    /// `"2025-01-10"`, `"none"`, or `{"earliest": "…" or null, "latest": "…" or null}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            if s == "none" {
                self = .none
            } else if let d = CivilDate.parse(s) {
                self = .date(d)
            } else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date")
            }
            return
        }
        let bounds = try c.decode([String: String?].self)
        func day(_ key: String) throws -> Int? {
            guard let text = bounds[key] ?? nil else { return nil }
            guard let d = CivilDate.parse(text) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date") }
            return d
        }
        self = .between(earliest: try day("earliest"), latest: try day("latest"))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .date(let d): try c.encode(CivilDate.format(d))
        case .none: try c.encode("none")
        case .between(let e, let l): try c.encode(["earliest": e.map(CivilDate.format), "latest": l.map(CivilDate.format)])
        }
    }
}
