/// Version 1 of the decision JSON (`semantics.md`): one object per case.
public enum DecisionJSON {
    public static let schema = "tvpa.decision/1"

    public static func render(_ report: CaseReport, pretty: Bool = false) -> String {
        if pretty { return object(report).render(pretty: true) }
        var out = JSONBytes(capacity: 8192)
        write(report, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    public static func object(_ report: CaseReport) -> JSON {
        var pairs: [(String, JSON)] = [
            ("schema", .string(schema)),
            ("case", .string(report.caseId)),
            ("as_of", .string(CivilDate.format(report.asOf))),
            ("rules", .object([("source", .string(report.rulesSource)), ("digest", .string(report.rulesDigest))])),
            ("disclaimer", .string(Disclaimer.text)),
        ]
        if report.redacted { pairs.append(("redacted", .bool(true))) }
        pairs.append(("decisions", .array(report.decisions.map(decision))))
        // Only when the rules declare clocks, so a rule set without them keeps its JSON as it was.
        if let legend = report.legend, !legend.clocks.isEmpty { pairs.append(("deadlines", .array(report.deadlines.map { DeadlineJSON.deadline($0, legend: legend, parameters: report.parameters) }))) }
        pairs.append(("questions", .array(report.questions.map { q in
            var question: [(String, JSON)] = [("name", .string(q.name)), ("subject", .string(q.subject)), ("question", .string(q.question)), ("decides", .int(q.decides))]
            if q.declined { question.append(("declined", .bool(true))) }
            return .object(question)
        })))
        return .object(pairs)
    }

    static func decision(_ d: Decision) -> JSON {
        let words = ExplanationText(d)
        var pairs: [(String, JSON)] = [
            ("program", .string(d.program)),
            ("subject", .string(d.subject)),
            ("outcome", .string(d.outcome.rawValue)),
            ("reason", .string(d.reason.rawValue)),
            ("law_versions", .array(d.lawVersions.map { .string($0) })),
            ("discretionary", .bool(d.discretionary)),
            ("notes", .array(words.notes.map { .string($0) })),
        ]
        if let e = d.explanation, let root = e.root { pairs.append(("explanation", node(root, e, words))) }
        pairs.append(("missing_facts", .array(d.missingFacts.map { missing($0, legend: d.legend) })))
        if !d.evidence.isEmpty { pairs.append(("evidence", .array(d.evidence.map { DeadlineJSON.evidence($0, legend: d.legend) }))) }
        if let expected = d.expected { pairs.append(("expected", .string(expected.rawValue))) }
        return .object(pairs)
    }

    static func missing(_ f: MissingFact, legend: Legend) -> JSON {
        var pairs: [(String, JSON)] = [("name", .string(f.name))]
        if f.subject != "principal" { pairs.append(("subject", .string(f.subject))) }
        pairs += [("question", .string(f.question)), ("type", .string(f.type))]
        if !f.values.isEmpty { pairs.append(("values", .array(f.values.map { .string($0) }))) }
        // Added in 1.1 (additive): the values' words, in the order of `values`.
        if !f.values.isEmpty, f.asked.slot >= 0, Int(f.asked.slot) < legend.facts.count, legend.facts[Int(f.asked.slot)].labels.count == f.values.count {
            pairs.append(("labels", .array(legend.facts[Int(f.asked.slot)].labels.map { .string($0) })))
        }
        pairs.append(("decides", .int(f.decides)))
        if f.declined { pairs.append(("declined", .bool(true))) }
        return .object(pairs)
    }

    static func node(_ n: Int32, _ e: Explanation, _ words: ExplanationText) -> JSON {
        var pairs: [(String, JSON)] = [
            ("rule", .string(words.rule(n))),
            ("title", .string(words.title(n))),
            ("status", .string(e.nodes[Int(n)].status.status)),
            ("text", .string(words.text(n))),
            ("citations", .array(words.citations(n).map { .string($0) })),
        ]
        if let v = words.version(n) { pairs.append(("version", .string(v))) }
        if let d = words.discretionary(n) { pairs.append(("discretionary", .string(d))) }
        let unverified = words.unverified(n)
        if !unverified.isEmpty { pairs.append(("unverified", .array(unverified.map { .string($0) }))) }
        let notes = words.notes(n)
        if !notes.isEmpty { pairs.append(("notes", .array(notes.map { .string($0) }))) }
        pairs.append(("facts", .array(e.facts(of: n).map { f in
            let (name, value) = words.fact(f)
            var fact: [(String, JSON)] = [("name", .string(name)), ("value", .string(value))]
            // Added in 1.1 (additive): an enum or list value in words, when the rules label it.
            if let label = words.label(f) { fact.append(("label", .string(label))) }
            if f.declined { fact.append(("declined", .bool(true))) }
            return .object(fact)
        })))
        pairs.append(("children", .array(e.children(of: n).map { node($0, e, words) })))
        return .object(pairs)
    }
}

// MARK: - Written straight into bytes

/// The compact form written without building the `JSON` tree first: what `object(_:)` renders,
/// byte for byte (`DecisionJSONTests` holds the two equal over every scenario and generated
/// cases), at corpus scale, where building and freeing the tree cost more than writing it.
extension DecisionJSON {
    public static func write(_ report: CaseReport, into out: inout JSONBytes) {
        out.raw("{\"schema\":")
        out.string(schema)
        out.raw(",\"case\":")
        out.string(report.caseId)
        out.raw(",\"as_of\":")
        out.string(CivilDate.format(report.asOf))
        out.raw(",\"rules\":{\"source\":")
        out.string(report.rulesSource)
        out.raw(",\"digest\":")
        out.string(report.rulesDigest)
        out.raw("},\"disclaimer\":")
        out.string(Disclaimer.text)
        if report.redacted { out.raw(",\"redacted\":true") }
        out.raw(",\"decisions\":[")
        // By index: a decision bound by `for` is a copy, a retain and a release of every array in it.
        for i in report.decisions.indices {
            if i > 0 { out.raw(UInt8(ascii: ",")) }
            write(report.decisions[i], into: &out)
        }
        out.raw(UInt8(ascii: "]"))
        if let legend = report.legend, !legend.clocks.isEmpty {
            out.raw(",\"deadlines\":[")
            for (i, deadline) in report.deadlines.enumerated() {
                if i > 0 { out.raw(UInt8(ascii: ",")) }
                out.value(DeadlineJSON.deadline(deadline, legend: legend, parameters: report.parameters))
            }
            out.raw(UInt8(ascii: "]"))
        }
        out.raw(",\"questions\":[")
        for (i, q) in report.questions.enumerated() {
            if i > 0 { out.raw(UInt8(ascii: ",")) }
            out.raw("{\"name\":")
            out.string(q.name)
            out.raw(",\"subject\":")
            out.string(q.subject)
            out.raw(",\"question\":")
            out.string(q.question)
            out.raw(",\"decides\":")
            out.int(q.decides)
            if q.declined { out.raw(",\"declined\":true") }
            out.raw(UInt8(ascii: "}"))
        }
        out.raw("]}")
    }

    static func write(_ d: Decision, into out: inout JSONBytes) {
        let words = ExplanationText(d)
        out.raw("{\"program\":")
        out.string(d.program)
        out.raw(",\"subject\":")
        out.string(d.subject)
        out.raw(",\"outcome\":")
        out.string(d.outcome.rawValue)
        out.raw(",\"reason\":")
        out.string(d.reason.rawValue)
        out.raw(",\"law_versions\":")
        strings(d.lawVersions, into: &out)
        out.raw(",\"discretionary\":")
        out.bool(d.discretionary)
        out.raw(",\"notes\":")
        strings(words.notes, into: &out)
        if let e = d.explanation, let root = e.root {
            out.raw(",\"explanation\":")
            write(root, e, words, into: &out)
        }
        out.raw(",\"missing_facts\":[")
        for (i, f) in d.missingFacts.enumerated() {
            if i > 0 { out.raw(UInt8(ascii: ",")) }
            write(f, legend: d.legend, into: &out)
        }
        out.raw(UInt8(ascii: "]"))
        if !d.evidence.isEmpty {
            out.raw(",\"evidence\":[")
            for (i, item) in d.evidence.enumerated() {
                if i > 0 { out.raw(UInt8(ascii: ",")) }
                out.value(DeadlineJSON.evidence(item, legend: d.legend))
            }
            out.raw(UInt8(ascii: "]"))
        }
        if let expected = d.expected {
            out.raw(",\"expected\":")
            out.string(expected.rawValue)
        }
        out.raw(UInt8(ascii: "}"))
    }

    static func write(_ f: MissingFact, legend: Legend, into out: inout JSONBytes) {
        out.raw("{\"name\":")
        out.string(f.name)
        if f.subject != "principal" {
            out.raw(",\"subject\":")
            out.string(f.subject)
        }
        out.raw(",\"question\":")
        out.string(f.question)
        out.raw(",\"type\":")
        out.string(f.type)
        if !f.values.isEmpty {
            out.raw(",\"values\":")
            strings(f.values, into: &out)
            if f.asked.slot >= 0, Int(f.asked.slot) < legend.facts.count, legend.facts[Int(f.asked.slot)].labels.count == f.values.count {
                out.raw(",\"labels\":")
                strings(legend.facts[Int(f.asked.slot)].labels, into: &out)
            }
        }
        out.raw(",\"decides\":")
        out.int(f.decides)
        if f.declined { out.raw(",\"declined\":true") }
        out.raw(UInt8(ascii: "}"))
    }

    static func write(_ n: Int32, _ e: Explanation, _ words: ExplanationText, into out: inout JSONBytes) {
        out.raw("{\"rule\":")
        out.string(words.rule(n))
        out.raw(",\"title\":")
        out.string(words.title(n))
        out.raw(",\"status\":")
        out.string(e.nodes[Int(n)].status.status)
        out.raw(",\"text\":")
        out.string(words.text(n))
        out.raw(",\"citations\":")
        strings(words.citations(n), into: &out)
        if let v = words.version(n) {
            out.raw(",\"version\":")
            out.string(v)
        }
        if let d = words.discretionary(n) {
            out.raw(",\"discretionary\":")
            out.string(d)
        }
        let unverified = words.unverified(n)
        if !unverified.isEmpty {
            out.raw(",\"unverified\":")
            strings(unverified, into: &out)
        }
        let notes = words.notes(n)
        if !notes.isEmpty {
            out.raw(",\"notes\":")
            strings(notes, into: &out)
        }
        out.raw(",\"facts\":[")
        for (i, f) in e.facts(of: n).enumerated() {
            if i > 0 { out.raw(UInt8(ascii: ",")) }
            let (name, value) = words.fact(f)
            out.raw("{\"name\":")
            out.string(name)
            out.raw(",\"value\":")
            out.string(value)
            if let label = words.label(f) {
                out.raw(",\"label\":")
                out.string(label)
            }
            if f.declined { out.raw(",\"declined\":true") }
            out.raw(UInt8(ascii: "}"))
        }
        out.raw("],\"children\":[")
        for (i, child) in e.children(of: n).enumerated() {
            if i > 0 { out.raw(UInt8(ascii: ",")) }
            write(child, e, words, into: &out)
        }
        out.raw("]}")
    }

    static func strings<S: Sequence>(_ items: S, into out: inout JSONBytes) where S.Element == String {
        out.raw(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { out.raw(UInt8(ascii: ",")) }
            first = false
            out.string(item)
        }
        out.raw(UInt8(ascii: "]"))
    }
}

/// Said in the README and in every report.
public enum Disclaimer {
    public static let text = "Decision support, not legal advice: this report applies encoded rules to the facts given. Discretionary grants (Continued Presence, waivers, extreme hardship) are decided by the agencies named, not by this tool."
}
