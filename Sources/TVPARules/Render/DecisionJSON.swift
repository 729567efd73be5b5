/// Version 1 of the decision JSON (`semantics.md`): one object per case.
public enum DecisionJSON {
    public static let schema = "tvpa.decision/1"

    public static func render(_ report: CaseReport, pretty: Bool = false) -> String {
        object(report).render(pretty: pretty)
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

/// Said in the README and in every report.
public enum Disclaimer {
    public static let text = "Decision support, not legal advice: this report applies encoded rules to the facts given. Discretionary grants (Continued Presence, waivers, extreme hardship) are decided by the agencies named, not by this tool."
}
