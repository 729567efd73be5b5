/// Parse: source text → syntax tree. YAML shape only; names are resolved by the checker.
public enum RuleFileParser {
    public static func parse(_ source: SourceText) -> (SyntaxFile, [Diagnostic]) {
        var reader = NodeReader(file: source.path)
        var file = SyntaxFile(path: source.path)
        guard let root = reader.compose(source.text) else { return (file, reader.diagnostics.all) }
        guard let top = reader.fields(root, what: "a rule file", allowed: ["facts", "derived", "contradictions", "parameters", "rules", "programs", "clocks", "evidence"]) else {
            return (file, reader.diagnostics.all)
        }
        if let node = top["facts"] { file.facts = reader.named(node, what: "facts") { r, name, n in r.fact(name, n) } }
        if let node = top["derived"] { file.derived = reader.named(node, what: "derived") { r, name, n in r.derived(name, n) } }
        if let node = top["parameters"] { file.parameters = reader.named(node, what: "parameters") { r, name, n in r.parameter(name, n) } }
        if let node = top["rules"] { file.rules = reader.named(node, what: "rules") { r, name, n in r.rule(name, n) } }
        if let node = top["programs"] { file.programs = reader.named(node, what: "programs") { r, name, n in r.program(name, n) } }
        if let node = top["clocks"] { file.clocks = reader.named(node, what: "clocks") { r, name, n in r.clock(name, n) } }
        if let node = top["evidence"] { file.evidence = reader.named(node, what: "evidence") { r, name, n in r.evidence(name, n) } }
        if let node = top["contradictions"], let items = reader.sequence(node, what: "contradictions") {
            file.contradictions = items.compactMap { reader.contradiction($0) }
        }
        return (file, reader.diagnostics.all)
    }
}

extension NodeReader {
    /// A mapping of name → declaration.
    mutating func named<T>(_ node: SourceNode, what: String, _ parse: (inout NodeReader, Located<String>, SourceNode) -> T?) -> [T] {
        guard let pairs = pairs(node, what: what) else { return [] }
        return pairs.compactMap { key, keyNode, value in parse(&self, Located(key, location(keyNode)), value) }
    }

    mutating func citations(_ node: SourceNode?) -> [Located<String>] {
        guard let node else { return [] }
        switch node {
        case .sequence(let items): return items.compactMap { scalar($0, what: "citation") }
        default: return scalar(node, what: "citation").map { [$0] } ?? []
        }
    }

    /// `labels: {code: words, ...}`: a mapping from values to the words a report prints.
    mutating func labels(_ node: SourceNode) -> [ValueLabel] {
        guard let pairs = pairs(node, what: "labels") else { return [] }
        return pairs.compactMap { key, keyNode, value in
            guard let words = scalar(value, what: "label") else { return nil }
            return ValueLabel(value: Located(key, location(keyNode)), label: words.value)
        }
    }

    mutating func fact(_ name: Located<String>, _ node: SourceNode) -> FactSyntax? {
        guard let f = fields(node, what: ParseMessages.named("fact", name.value), allowed: ["type", "values", "unknown_values", "labels", "fields", "question", "group", "subject", "role", "sensitive", "asking", "why_asked", "future", "not_after", "cite", "min", "max"], required: ["type"]),
            let type = enumeration(f["type"]!, FactTypeName.self, what: "fact type")
        else { return nil }
        var fact = FactSyntax(name: name, type: type)
        fact.values = f["values"].map { words($0, what: "value") } ?? []
        fact.unknownValues = f["unknown_values"].map { words($0, what: "value") } ?? []
        fact.labels = f["labels"].map { labels($0) } ?? []
        fact.question = string(f["question"], what: "question")
        fact.group = string(f["group"], what: "group")
        if let n = f["subject"] { fact.subject = enumeration(n, SubjectName.self, what: "subject")?.value ?? .principal }
        if let n = f["role"] { fact.role = enumeration(n, FactRole.self, what: "role")?.value }
        if let n = f["sensitive"] { fact.sensitive = bool(n, what: "sensitive") ?? false }
        if let n = f["asking"] { fact.asking = enumeration(n, Asking.self, what: "asking")?.value ?? .plain }
        fact.whyAsked = string(f["why_asked"], what: "why_asked")
        // A question asked with care says why it is asked, so an interview can say it first.
        if fact.asking != .plain && fact.whyAsked == nil {
            report(.parseMissingKey, ParseMessages.whyAskedMissing(name.value, fact.asking.rawValue), at: f["asking"]!, help: ParseMessages.whyAskedHelp)
        }
        if let n = f["future"] { fact.future = bool(n, what: "future") ?? false }
        fact.notAfter = f["not_after"].map { words($0, what: "date fact") } ?? []
        fact.cite = citations(f["cite"])
        fact.minimum = f["min"].flatMap { integer($0, what: "min") }
        fact.maximum = f["max"].flatMap { integer($0, what: "max") }
        if let n = f["fields"], let pairs = pairs(n, what: "fields") {
            for (key, keyNode, value) in pairs {
                let fieldName = Located(key, location(keyNode))
                if case .scalar = value {
                    if let t = enumeration(value, FactTypeName.self, what: "field type") {
                        fact.fields.append(FieldSyntax(name: fieldName, type: t, values: []))
                    }
                } else if let ff = fields(value, what: ParseMessages.named("field", key), allowed: ["type", "values", "labels"], required: ["type"]),
                    let t = enumeration(ff["type"]!, FactTypeName.self, what: "field type")
                {
                    fact.fields.append(FieldSyntax(name: fieldName, type: t, values: ff["values"].map { words($0, what: "value") } ?? [], labels: ff["labels"].map { labels($0) } ?? []))
                }
            }
        }
        return fact
    }

    mutating func derived(_ name: Located<String>, _ node: SourceNode) -> DerivedSyntax? {
        guard let f = fields(node, what: ParseMessages.named("derived fact", name.value), allowed: ["type", "question", "group", "compute", "min", "max"], required: ["type", "compute"]),
            let type = enumeration(f["type"]!, FactTypeName.self, what: "fact type")
        else { return nil }
        let compute: ValueSyntax?
        if case .mapping(let m) = f["compute"]!, let firstKey = m.first?.key.string, NodeReader.conditionOperators.contains(firstKey) {
            compute = condition(f["compute"]!).map { ValueSyntax(kind: .ifThenElse($0, ValueSyntax(kind: .integer(1), location: $0.location), ValueSyntax(kind: .integer(0), location: $0.location)), location: $0.location) }
        } else {
            compute = value(f["compute"]!)
        }
        guard let compute else { return nil }
        return DerivedSyntax(
            name: name, type: type, question: string(f["question"], what: "question"), group: string(f["group"], what: "group"), compute: compute,
            minimum: f["min"].flatMap { integer($0, what: "min") }, maximum: f["max"].flatMap { integer($0, what: "max") })
    }

    mutating func parameter(_ name: Located<String>, _ node: SourceNode) -> ParameterSyntax? {
        guard let f = fields(node, what: ParseMessages.named("parameter", name.value), allowed: ["type", "title", "values"], required: ["type", "values"]),
            let type = enumeration(f["type"]!, FactTypeName.self, what: "parameter type"),
            let items = sequence(f["values"]!, what: "parameter values")
        else { return nil }
        return ParameterSyntax(name: name, type: type, title: string(f["title"], what: "title"), values: datedValues(items))
    }

    mutating func datedValues(_ items: [SourceNode]) -> [ParameterValueSyntax] {
        items.compactMap { item in
            guard let v = fields(item, what: "dated value", allowed: ["from", "value", "cite", "unverified"], required: ["from", "value"]),
                let from = date(v["from"]!, what: "from"), let value = scalar(v["value"]!, what: "value")
            else { return nil }
            return ParameterValueSyntax(from: from, value: value, cite: citations(v["cite"]), unverified: string(v["unverified"], what: "unverified"), location: location(item))
        }
    }

    mutating func says(_ node: SourceNode?) -> SaysSyntax {
        guard let node, let f = fields(node, what: "says", allowed: ["met", "not_met", "unknown"]) else { return SaysSyntax() }
        return SaysSyntax(met: string(f["met"], what: "met"), notMet: string(f["not_met"], what: "not_met"), unknown: string(f["unknown"], what: "unknown"))
    }

    mutating func notes(_ node: SourceNode?) -> [NoteSyntax] {
        guard let node, let items = sequence(node, what: "notes") else { return [] }
        return items.compactMap { item in
            guard let f = fields(item, what: "note", allowed: ["when", "text", "cite"], required: ["when", "text"]),
                let when = condition(f["when"]!), let text = string(f["text"], what: "text")
            else { return nil }
            return NoteSyntax(when: when, text: text, cite: citations(f["cite"]))
        }
    }

    mutating func conditions(_ node: SourceNode?) -> [ConditionSyntax] {
        guard let node else { return [] }
        if case .sequence(let items) = node { return items.compactMap { condition($0) } }
        return condition(node).map { [$0] } ?? []
    }

    static let ruleKeys = ["title", "cite", "says", "discretionary", "unverified", "from", "until", "when", "unless", "notes", "versions", "combine"]

    mutating func rule(_ id: Located<String>, _ node: SourceNode) -> RuleSyntax? {
        guard let f = fields(node, what: ParseMessages.named("rule", id.value), allowed: Self.ruleKeys) else { return nil }
        var versions: [VersionSyntax] = []
        if let n = f["versions"] {
            versions = named(n, what: "versions") { r, name, v in r.version(name, v) }
        }
        if f["when"] == nil && versions.isEmpty {
            report(.parseMissingKey, ParseMessages.missingKey("when", in: ParseMessages.named("rule", id.value)) + " (or 'versions')", at: node)
        }
        return RuleSyntax(
            id: id, title: string(f["title"], what: "title"), cite: citations(f["cite"]), says: says(f["says"]),
            discretionary: string(f["discretionary"], what: "discretionary"), unverified: string(f["unverified"], what: "unverified"),
            from: f["from"].flatMap { date($0, what: "from") }, until: f["until"].flatMap { date($0, what: "until") },
            when: f["when"].flatMap { condition($0) }, unless: conditions(f["unless"]), notes: notes(f["notes"]),
            versions: versions, combine: f["combine"].flatMap { enumeration($0, CombineSyntax.self, what: "combine") })
    }

    mutating func version(_ name: Located<String>, _ node: SourceNode) -> VersionSyntax? {
        guard let f = fields(node, what: ParseMessages.named("version", name.value), allowed: ["label", "cite", "from", "until", "applies", "when", "unless", "says", "notes", "unverified"], required: ["when"]) else { return nil }
        return VersionSyntax(
            name: name, label: string(f["label"], what: "label"), cite: citations(f["cite"]),
            from: f["from"].flatMap { date($0, what: "from") }, until: f["until"].flatMap { date($0, what: "until") },
            applies: f["applies"].flatMap { condition($0) }, when: f["when"].flatMap { condition($0) },
            unless: conditions(f["unless"]), says: f["says"].map { says($0) }, notes: notes(f["notes"]),
            unverified: string(f["unverified"], what: "unverified"))
    }

    mutating func program(_ id: Located<String>, _ node: SourceNode) -> ProgramSyntax? {
        guard let f = fields(node, what: ParseMessages.named("program", id.value), allowed: ["title", "subject", "rule", "cite", "law_version", "discretionary", "not_applicable", "notes", "members"], required: ["rule"]),
            let rule = scalar(f["rule"]!, what: "rule")
        else { return nil }
        var notApplicable: [NotApplicableSyntax] = []
        if let n = f["not_applicable"], let items = sequence(n, what: "not_applicable") {
            for item in items {
                guard let g = fields(item, what: "not_applicable entry", allowed: ["when", "because", "instead", "cite"], required: ["when", "because"]),
                    let when = condition(g["when"]!), let because = string(g["because"], what: "because")
                else { continue }
                notApplicable.append(NotApplicableSyntax(when: when, because: because, instead: string(g["instead"], what: "instead"), cite: citations(g["cite"])))
            }
        }
        var members: Located<MembersQuestion>?
        if let m = f["members"], let g = fields(m, what: "members", allowed: ["question", "why"], required: ["question"]),
            let question = string(g["question"], what: "question") {
            members = Located(MembersQuestion(question: question, why: string(g["why"], what: "why")), location(m))
        }
        return ProgramSyntax(
            id: id, title: string(f["title"], what: "title"),
            subject: f["subject"].flatMap { enumeration($0, SubjectName.self, what: "subject")?.value } ?? .principal,
            rule: rule, cite: citations(f["cite"]), lawVersion: string(f["law_version"], what: "law_version"),
            discretionary: string(f["discretionary"], what: "discretionary"), notApplicable: notApplicable, notes: notes(f["notes"]), members: members)
    }

    mutating func contradiction(_ node: SourceNode) -> ContradictionSyntax? {
        guard let f = fields(node, what: "contradiction", allowed: ["id", "when", "message", "cite"], required: ["id", "when", "message"]),
            let id = scalar(f["id"]!, what: "id"), let when = condition(f["when"]!), let message = string(f["message"], what: "message")
        else { return nil }
        return ContradictionSyntax(id: id, when: when, message: message, cite: citations(f["cite"]))
    }

    mutating func clock(_ id: Located<String>, _ node: SourceNode) -> ClockSyntax? {
        guard let f = fields(node, what: ParseMessages.named("clock", id.value), allowed: ["kind", "title", "subject", "date", "when", "says", "cite", "unverified", "warn_within"], required: ["kind", "date"]),
            let kind = enumeration(f["kind"]!, ClockKind.self, what: "clock kind"), let date = value(f["date"]!)
        else { return nil }
        return ClockSyntax(
            id: id, kind: kind, title: string(f["title"], what: "title"),
            subject: f["subject"].flatMap { enumeration($0, SubjectName.self, what: "subject")?.value } ?? .principal,
            date: date, when: f["when"].flatMap { condition($0) }, says: string(f["says"], what: "says"), cite: citations(f["cite"]),
            unverified: string(f["unverified"], what: "unverified"), warnWithin: f["warn_within"].flatMap { integer($0, what: "warn_within") })
    }

    mutating func evidence(_ rule: Located<String>, _ node: SourceNode) -> EvidenceSyntax? {
        guard let f = fields(node, what: ParseMessages.named("evidence for", rule.value), allowed: ["guide", "cite", "items"], required: ["items"]) else { return nil }
        let items: [EvidenceItemSyntax] = named(f["items"]!, what: "evidence items") { r, id, n in
            guard let g = r.fields(n, what: ParseMessages.named("evidence item", id.value), allowed: ["text", "cite", "on_file", "required", "unverified"], required: ["text"]),
                let text = r.string(g["text"], what: "text")
            else { return nil }
            return EvidenceItemSyntax(
                id: id, text: text, cite: r.citations(g["cite"]), onFile: g["on_file"].flatMap { r.condition($0) },
                required: g["required"].flatMap { r.bool($0, what: "required") } ?? false, unverified: r.string(g["unverified"], what: "unverified"))
        }
        return EvidenceSyntax(rule: rule, guide: string(f["guide"], what: "guide"), cite: citations(f["cite"]), items: items)
    }
}
