/// `tvpa facts`: the case-file vocabulary as declared in the rules — for advocates, a table of
/// what can be recorded and which rules read it; for tools, a JSON Schema of the case file.
public enum Vocabulary {
    public static func table(_ rules: Legend) -> String {
        var out = ""
        for subject in [SubjectName.principal, .familyMember] {
            out += subject == .principal ? "Principal facts (under `facts:`)\n" : "\nFamily-member facts (under `family_members[].facts:`)\n"
            for fact in rules.facts where fact.subject == subject {
                var head = "  \(fact.name)  \(typeText(fact))"
                if fact.isDerived { head += "  (derived; give it only when its sources are unknown)" }
                if let role = fact.role { head += "  [\(role)]" }
                if fact.sensitive || fact.type == .text { head += "  [sensitive]" }
                out += head + "\n"
                if let q = fact.question { out += "      question: \(q)\n" }
                if fact.asking != .plain { out += "      asking: \(fact.asking.rawValue)\(fact.whyAsked.map { " — \($0)" } ?? "")\n" }
                let clocks = unique(fact.readBy.filter { $0.hasPrefix("clock ") }).map { String($0.dropFirst(6)) }
                let readers = unique(fact.readBy.filter { !$0.hasPrefix("clock ") })
                if !readers.isEmpty { out += "      read by: \(readers.joined(separator: ", "))\n" }
                if !clocks.isEmpty { out += "      feeds clocks: \(clocks.joined(separator: ", "))\n" }
            }
        }
        return out
    }

    static func typeText(_ fact: FactInfo) -> String {
        switch fact.type {
        case .enumeration: return "enum {\(fact.values.joined(separator: ", "))}"
        case .list: return "list of {\(fact.values.joined(separator: ", "))}"
        case .records: return "records {" + fact.fields.map { "\($0.name): \($0.type == .enumeration ? "{\($0.values.joined(separator: ", "))}" : $0.type.rawValue)" }.joined(separator: ", ") + "}"
        case .integer:
            guard let bounds = fact.bounds, bounds != ValueLimits.integers else { return fact.type.rawValue }
            return "integer \(bounds.lowerBound) to \(bounds.upperBound)"
        default: return fact.type.rawValue
        }
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// A JSON Schema (2020-12) of a case file, generated from the declarations. It says what
    /// the case reader takes, in every format: a value of its declared type only (`"true"` is
    /// text, not a boolean; `42` is a number, not text), each list value once, and `null` for a
    /// fact, or an optional key, that is not given. Two rules no JSON Schema can say are in its
    /// description: an integer is written in plain decimal, and ids are unique.
    public static func jsonSchema(_ rules: Legend) -> JSON {
        /// An optional envelope or member key: its schema, or null (not given).
        func optional(_ body: JSON) -> JSON { .object([("anyOf", .array([body, .object([("type", .string("null"))])]))]) }
        let id = JSON.object([("type", .string("string")), ("pattern", .string("^[a-z0-9-]+$"))])
        let outcomes = JSON.object([("enum", .array(["eligible", "not_eligible", "undetermined"].map { .string($0) }))])
        let day = JSON.object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
        let clockValue = JSON.object([("anyOf", .array([
            day, .object([("const", .string("none"))]),
            .object([("type", .string("object")), ("properties", .object([("earliest", optional(day)), ("latest", optional(day))])), ("additionalProperties", .bool(false))]),
        ]))])
        func expect(_ subject: SubjectName) -> JSON {
            let clocks = JSON.object([("type", .string("object")), ("properties", .object(rules.clocks.filter { $0.subject == subject }.map { ($0.id, clockValue) })), ("additionalProperties", .bool(false))])
            return optional(.object([
                ("type", .string("object")),
                ("properties", .object(rules.programs.filter { $0.subject == subject }.map { ($0.id, outcomes) } + [("clocks", optional(clocks))])),
                ("additionalProperties", .bool(false)),
            ]))
        }
        func facts(_ subject: SubjectName) -> JSON {
            optional(.object([
                ("type", .string("object")),
                ("properties", .object(rules.facts.filter { $0.subject == subject }.map { ($0.name, schema(of: $0)) })),
                ("additionalProperties", .bool(false)),
            ]))
        }
        func declined(_ subject: SubjectName) -> JSON {
            optional(.object([
                ("description", .string("Facts the person chose not to answer: unknown for every rule, marked declined in reports, not asked again. A declined fact may not also be given.")),
                ("type", .string("array")),
                ("items", .object([("enum", .array(rules.facts.filter { $0.subject == subject }.map { .string($0.name) }))])),
                ("uniqueItems", .bool(true)),
            ]))
        }
        let text = JSON.object([("type", .string("string"))])
        let member = JSON.object([
            ("type", .string("object")),
            ("required", .array([.string("id")])),
            ("properties", .object([
                ("id", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9-]+$")), ("not", .object([("const", .string("principal"))]))])),
                ("facts", facts(.familyMember)),
                ("expect", expect(.familyMember)),
                ("declined", declined(.familyMember)),
            ])),
            ("additionalProperties", .bool(false)),
        ])
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("tvpa case file")),
            ("description", .string(
                "One person (the principal) and the family members who could follow as T derivatives. An absent or null fact is unknown; an optional key given as null is not given. "
                    + "Beyond what this schema says: an integer is written in plain decimal digits (30 or -2, not 30.0, 3e1, 030 or +30), the case id is unique in a corpus, and member ids are unique in a case.")),
            ("type", .string("object")),
            ("required", .array([.string("id")])),
            ("properties", .object([
                ("id", id),
                ("title", optional(text)),
                ("as_of", optional(.object([("type", .string("string")), ("format", .string("date"))]))),
                ("source", optional(text)),
                ("narrative", optional(text)),
                ("facts", facts(.principal)),
                ("family_members", optional(.object([("type", .string("array")), ("items", member)]))),
                ("expect", expect(.principal)),
                ("declined", declined(.principal)),
            ])),
            ("additionalProperties", .bool(false)),
        ])
    }

    static func schema(of fact: FactInfo) -> JSON {
        var pairs: [(String, JSON)] = []
        if let q = fact.question { pairs.append(("description", .string(q))) }
        let body: JSON
        switch fact.type {
        case .list:
            body = .object([("type", .string("array")), ("items", schema(of: .enumeration, values: fact.values)), ("uniqueItems", .bool(true))])
        case .records:
            // A record's field, like a fact, may be null: not known for that record.
            let fields = fact.fields.map { ($0.name, JSON.object([("anyOf", .array([schema(of: $0.type, values: $0.values), .object([("type", .string("null"))])]))])) }
            body = .object([("type", .string("array")), ("items", .object([("type", .string("object")), ("properties", .object(fields)), ("additionalProperties", .bool(false))]))])
        default:
            body = schema(of: fact.type, values: fact.values, bounds: fact.bounds)
        }
        pairs.append(("anyOf", .array([body, .object([("type", .string("null"))])])))
        return .object(pairs)
    }

    /// The schema of one scalar value: a fact's, or a record field's. An integer carries its
    /// bounds (`min:` / `max:`, else the language's), as the case reader checks them.
    static func schema(of type: FactType, values: [String], bounds: ClosedRange<Int>? = nil) -> JSON {
        switch type {
        case .bool: return .object([("type", .string("boolean"))])
        case .integer:
            let range = bounds ?? ValueLimits.integers
            return .object([("type", .string("integer")), ("minimum", .int(range.lowerBound)), ("maximum", .int(range.upperBound))])
        case .date: return .object([("type", .string("string")), ("format", .string("date"))])
        case .enumeration: return .object([("enum", .array(values.map { .string($0) }))])
        case .text, .reference, .list, .records: return .object([("type", .string("string"))])
        }
    }
}
