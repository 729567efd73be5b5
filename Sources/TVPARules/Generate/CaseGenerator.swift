/// `tvpa generate`: reproducible synthetic case files for benchmarks and policy corpora.
/// Every fact of the vocabulary appears (about a quarter left unknown), zero to three family
/// members, dates consistent with each other, with the declared bounds and with `as_of`.
/// Each candidate is loaded against the rules; one that breaks a declared contradiction is
/// drawn again, so every generated case is valid.
public struct CaseGenerator {
    /// What a generated case may hold.
    public enum Shape: Sendable {
        /// Every fact, records and family members included.
        case full
        /// What one CSV row can hold: principal facts without records, no family members.
        case flat
    }

    public let program: Program
    public let seed: UInt64
    public let shape: Shape
    var random: SplitMix64
    let loader: CaseLoader

    /// A flat generator draws as a full one and then leaves out what a row cannot hold, so
    /// the same seed gives the same cases, less their records and family members, in either
    /// shape (unless leaving them out makes a case invalid, when it is drawn again).
    public init(program: Program, seed: UInt64, shape: Shape = .full) {
        self.program = program
        self.seed = seed
        self.shape = shape
        random = SplitMix64(seed: seed)
        loader = CaseLoader(program: program, today: CivilDate.dayNumber(year: 2026, month: 12, day: 31))
    }

    /// The `index`-th case as an ordered JSON object (render it as YAML or as one JSON line).
    public mutating func next(index: Int) -> JSON {
        for _ in 0..<50 {
            let drawn = draw(id: "gen-\(seed)-\(index)")
            // The full case must be valid in either shape: a flat generator that skipped a draw
            // the full one rejects (a family member's contradiction) would fall out of step.
            guard isValid(drawn) else { continue }
            if shape == .full { return drawn }
            let row = flattened(drawn)
            if isValid(row) { return row }
        }
        return .object([("id", .string("gen-\(seed)-\(index)")), ("facts", .object([]))])
    }

    /// Read as a JSON line: the fast path when it can, the strict JSON path otherwise; the same verdict.
    func isValid(_ candidate: JSON) -> Bool {
        loader.isValidJSONLine(CaseInput(path: "generated", text: candidate.render(), format: .jsonLine))
    }

    /// A case less what a CSV row cannot hold.
    func flattened(_ json: JSON) -> JSON {
        guard case .object(let pairs) = json else { return json }
        return .object(pairs.compactMap { key, value in
            if key == "family_members" { return nil }
            guard key == "facts", case .object(let facts) = value else { return (key, value) }
            return (key, .object(facts.filter { name, _ in program.factIndex(name).map { CSVWriter.holds(program.legend.facts[$0]) } ?? false }))
        })
    }

    mutating func draw(id: String) -> JSON {
        let facts = program.legend.facts
        let asOf = int(CivilDate.dayNumber(year: 2010, month: 1, day: 1)...CivilDate.dayNumber(year: 2026, month: 6, day: 30))
        let birth = asOf - int(8...75) * 365 - int(0...364)
        var dates: [Int: Int] = [:]
        var principal: [(String, JSON)] = []
        var chosen: [Int: JSON] = [:]
        for (i, fact) in facts.enumerated() where fact.subject == .principal && !fact.isDerived {
            if chance(0.25) { continue }
            if fact.type == .date {
                let d = fact.name == "date_of_birth" ? birth : (fact.future ? asOf + int(0...730) : int(min(birth + 5 * 365, asOf)...asOf))
                dates[i] = d
            } else {
                chosen[i] = value(for: fact, asOf: asOf, birth: birth)
            }
        }
        // Respect the declared order of dates: a date is on or before each date it names.
        for _ in 0..<4 {
            // In slot order: a dictionary's order changes from process to process.
            for i in dates.keys.sorted() {
                let d = dates[i]!
                for j in facts[i].notAfter { if let bound = dates[j], bound < d { dates[i] = bound } }
            }
        }
        for (i, fact) in facts.enumerated() where fact.subject == .principal {
            if let d = dates[i] { principal.append((fact.name, .string(CivilDate.format(d)))) }
            if let v = chosen[i] { principal.append((fact.name, v)) }
        }
        var members: [JSON] = []
        let names = ["spouse-or-partner", "first-relative", "second-relative"]
        for m in 0..<int(0...3) {
            var memberFacts: [(String, JSON)] = []
            // A member's other dates (a marriage, a birth or adoption) fall after their birth.
            var memberBirth: Int?
            for fact in facts where fact.subject == .familyMember && !fact.isDerived {
                if chance(0.25) { continue }
                if fact.type == .reference {
                    if m > 0 { memberFacts.append((fact.name, .string(names[int(0...(m - 1))]))) }
                    continue
                }
                if fact.type == .date {
                    let d = fact.name == "fm_date_of_birth" ? asOf - int(0...(70 * 365)) : int((memberBirth ?? asOf - 70 * 365)...asOf)
                    if fact.name == "fm_date_of_birth" { memberBirth = d }
                    memberFacts.append((fact.name, .string(CivilDate.format(d))))
                } else {
                    memberFacts.append((fact.name, value(for: fact, asOf: asOf, birth: birth)))
                }
            }
            members.append(.object([("id", .string(names[m])), ("facts", .object(memberFacts))]))
        }
        var envelope: [(String, JSON)] = [
            ("id", .string(id)),
            ("title", .string("Generated case \(id)")),
            ("as_of", .string(CivilDate.format(asOf))),
            ("source", .string("tvpa generate --seed \(seed)")),
            ("facts", .object(principal)),
        ]
        if !members.isEmpty { envelope.append(("family_members", .array(members))) }
        return .object(envelope)
    }

    mutating func value(for fact: FactInfo, asOf: Int, birth: Int) -> JSON {
        switch fact.type {
        case .bool: return .bool(chance(0.5))
        case .integer: return .int(int(0...30))
        case .enumeration: return .string(fact.values[int(0...(fact.values.count - 1))])
        case .list: return .array(subset(fact.values).map { .string($0) })
        case .text, .reference: return .string("generated text")
        case .date: return .string(CivilDate.format(int(birth...asOf)))
        case .records:
            return .array((0..<int(0...3)).map { _ in
                .object(fact.fields.map { field in
                    switch field.type {
                    case .date: return (field.name, .string(CivilDate.format(int(min(birth + 5 * 365, asOf)...asOf))))
                    case .enumeration: return (field.name, .string(field.values[int(0...(field.values.count - 1))]))
                    case .bool: return (field.name, .bool(chance(0.5)))
                    case .integer: return (field.name, .int(int(0...30)))
                    default: return (field.name, .string("generated note"))
                    }
                })
            })
        }
    }

    mutating func subset(_ values: [String]) -> [String] {
        let size = [0, 1, 1, 2, 2, 3][int(0...5)]
        var picked: [String] = []
        for _ in 0..<size {
            let v = values[int(0...(values.count - 1))]
            if !picked.contains(v) { picked.append(v) }
        }
        return values.filter { picked.contains($0) }
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func chance(_ p: Double) -> Bool { Double(random.next() % 1_000_000) < p * 1_000_000 }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the same seed gives
/// the same corpus on every machine.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension JSON {
    /// Block-style YAML for a case file: mappings as blocks, lists of words in flow style.
    public func yaml(indent: String = "") -> String {
        guard case .object(let pairs) = self else { return render() + "\n" }
        var out = ""
        for (key, value) in pairs {
            switch value {
            case .object(let inner) where !inner.isEmpty:
                out += indent + key + ":\n" + value.yaml(indent: indent + "  ")
            case .array(let items) where items.contains(where: { if case .object = $0 { return true } else { return false } }):
                out += indent + key + ":\n"
                for item in items {
                    let body = item.yaml(indent: indent + "    ")
                    out += indent + "  - " + body.dropFirst(indent.count + 4)
                }
            default:
                out += indent + key + ": " + value.flowYAML() + "\n"
            }
        }
        return out
    }

    func flowYAML() -> String {
        switch self {
        case .string(let s):
            let plain = !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && !NodeReaderWords.booleanLike.contains(s)
            return plain ? s : JSON.quote(s)
        case .array(let items): return "[" + items.map { $0.flowYAML() }.joined(separator: ", ") + "]"
        case .object(let pairs) where pairs.isEmpty: return "{}"
        default: return render()
        }
    }
}

enum NodeReaderWords {
    static let booleanLike: Set<String> = NodeReader.yamlBooleanWords.union(["true", "false", "null", "~"])
}
