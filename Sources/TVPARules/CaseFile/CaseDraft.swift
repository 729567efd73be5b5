/// A case file as an editor holds it: facts by name, values as a case file writes them, in no
/// layout. An interview builds one answer by answer; `CaseWriter` writes it in the canonical
/// layout, and `CaseLoader` reads that back, so every answer meets the diagnostics a
/// hand-written file meets. Values are kept as written (a date as the text typed), so a slip
/// is reported by the loader, with its help, and never silently mended.
public struct CaseDraft: Sendable, Equatable {
    /// One fact's value, as a case file writes it.
    public enum Value: Sendable, Equatable {
        case bool(Bool)
        case integer(Int)
        /// A date as typed (`2024-08-28`): the loader checks it.
        case date(String)
        /// An enum value.
        case word(String)
        /// A list of enum values (`[]` is a known "none").
        case words([String])
        case text(String)
        /// Records, each field by name (a field left out is not given).
        case records([[String: Value]])
    }

    public struct Member: Sendable, Equatable {
        public var id: String
        public var facts: [String: Value] = [:]
        public var declined: [String] = []
        public var expect: [String: String] = [:]
        /// `expect: clocks:` — the deadlines a scenario expects (issue 13), by clock id.
        public var expectClocks: [String: ClockExpectation] = [:]

        public init(id: String, facts: [String: Value] = [:], declined: [String] = [], expect: [String: String] = [:]) {
            self.id = id
            self.facts = facts
            self.declined = declined
            self.expect = expect
        }
    }

    public var id: String
    public var title: String?
    /// The file's `as_of`, as written.
    public var asOf: String?
    public var source: String?
    public var narrative: String?
    public var facts: [String: Value] = [:]
    public var members: [Member] = []
    public var declined: [String] = []
    public var expect: [String: String] = [:]
    /// `expect: clocks:` of the principal, by clock id.
    public var expectClocks: [String: ClockExpectation] = [:]

    public init(id: String) { self.id = id }

    /// A loaded case file as a draft: every value it gave, by name (a value given as `null`
    /// is unknown and is not kept).
    public init(_ file: CaseFile, legend: Legend) {
        id = file.id
        title = file.title
        asOf = file.asOf.map(CivilDate.format)
        source = file.source
        narrative = file.narrative
        expect = file.expect.mapValues(\.rawValue)
        expectClocks = file.expectClocks
        let facts = legend.facts
        func value(_ v: FactValue, _ type: FactType, values: [String], fields: [FieldDecl]) -> Value? {
            switch (v, type) {
            case (.unknown, _): return nil
            case (.bool(let b), _): return .bool(b)
            case (.number(let n), .date): return .date(CivilDate.format(n))
            case (.number(let n), _): return .integer(n)
            case (.choice(let i), _): return i < values.count ? .word(values[i]) : nil
            case (.set(let bits), _): return .words(values.indices.filter { $0 < 64 && bits & (1 << UInt64($0)) != 0 }.map { values[$0] })
            case (.text(let t), _): return Int(t) < file.texts.count ? .text(file.texts[Int(t)]) : nil
            case (.records(let r), _):
                guard Int(r) < file.records.count else { return nil }
                return .records(file.records[Int(r)].map { record in
                    var out: [String: Value] = [:]
                    for (f, field) in fields.enumerated() where f < record.count {
                        if let v = value(record[f], field.type, values: field.values, fields: []) { out[field.name] = v }
                    }
                    return out
                })
            }
        }
        for (slot, fact) in facts.enumerated() where fact.subject == .principal {
            if let v = value(file.values[slot], fact.type, values: fact.values, fields: fact.fields) { self.facts[fact.name] = v }
        }
        declined = file.declined.map { facts[Int($0)].name }
        members = file.members.map { m in
            var member = Member(id: m.id, declined: m.declined.map { facts[Int($0)].name }, expect: m.expect.mapValues(\.rawValue))
            member.expectClocks = m.expectClocks
            for (slot, fact) in facts.enumerated() where fact.subject == .familyMember {
                if let v = value(m.values[slot], fact.type, values: fact.values, fields: fact.fields) { member.facts[fact.name] = v }
            }
            return member
        }
    }

    /// The facts of the principal (`member` nil) or of a member.
    public func facts(of member: Int?) -> [String: Value] {
        guard let member else { return facts }
        return member < members.count ? members[member].facts : [:]
    }

    /// The facts a subject declined to answer.
    public func declined(of member: Int?) -> [String] {
        guard let member else { return declined }
        return member < members.count ? members[member].declined : []
    }

    /// Sets (or, with nil, removes) one fact of the principal or a member; the fact is no
    /// longer declined.
    public mutating func set(_ name: String, _ value: Value?, member: Int?) {
        if let member {
            members[member].facts[name] = value
            members[member].declined.removeAll { $0 == name }
        } else {
            facts[name] = value
            declined.removeAll { $0 == name }
        }
    }

    /// Records that the person declined to answer a fact (its value, if any, is removed).
    public mutating func decline(_ name: String, member: Int?) {
        set(name, nil, member: member)
        if let member { members[member].declined.append(name) } else { declined.append(name) }
    }
}
