/// Diff reports for machines, written as they are found: JSON (one document, changed cases
/// streamed, the summary last) and CSV (one row per changed decision).
public struct DiffJSONStream: DiffSink {
    let write: (String) -> Void
    private var first = true

    public init(write: @escaping (String) -> Void) { self.write = write }

    static func side(_ s: DiffSide) -> JSON {
        .object([("label", .string(s.label)), ("rules", .string(s.rules)), ("digest", .string(s.digest)), ("as_of", s.asOf.map { .string(CivilDate.format($0)) } ?? .null)])
    }

    static func status(_ s: Tri?) -> JSON { s.map { .string($0.status) } ?? .string("not_reached") }

    private var header: DiffHeader?

    public mutating func begin(_ header: DiffHeader) {
        self.header = header
        var pairs: [(String, JSON)] = [("schema", .string("tvpa.diff/1")), ("before", Self.side(header.before)), ("after", Self.side(header.after))]
        if let p = header.proposal {
            pairs.append(("proposal", .object([("title", .string(p.title)), ("path", .string(p.path)), ("cite", .array(p.cite.map { .string($0) })), ("description", p.description.map { .string($0) } ?? .null)])))
        }
        if header.redacted { pairs.append(("redacted", .bool(true))) }
        let head = JSON.object(pairs).render()
        write(String(head.dropLast()) + ",\"changed\":[\n")
    }

    public mutating func changed(_ c: ChangedCase) {
        let decisions: [JSON] = c.decisions.map { d in
            .object([
                ("program", .string(d.program)), ("subject", .string(d.subject)),
                ("before", .object([("outcome", .string(d.before.rawValue)), ("reason", .string(d.beforeReason.rawValue))])),
                ("after", .object([("outcome", .string(d.after.rawValue)), ("reason", .string(d.afterReason.rawValue))])),
                ("rules", .array(d.rules.map { r in
                    .object([("rule", .string(r.rule)), ("title", .string(r.title)), ("before", Self.status(r.before)), ("after", Self.status(r.after)), ("cause", .bool(r.cause)), ("cite", .array(r.cite.map { .string($0) }))])
                })),
            ])
        }
        let json = JSON.object([
            ("id", .string(c.id)), ("path", .string(c.path)), ("line", .int(c.line)),
            ("before_as_of", .string(CivilDate.format(c.beforeDate))), ("after_as_of", .string(CivilDate.format(c.afterDate))),
            ("decisions", .array(decisions)),
        ])
        write((first ? "" : ",\n") + json.render())
        first = false
    }

    public mutating func end(_ s: DiffSummary) {
        let programs: [JSON] = s.programs.map { t in
            .object([
                ("program", .string(t.program)), ("reached", .bool(t.reached)), ("decisions", .int(t.total)), ("unchanged", .int(t.unchanged)), ("changed", .int(t.changed)),
                // A program the change cannot reach is counted, not evaluated: no table unless asked.
                ("transitions", t.notReached > 0 ? .null : .object(Transitions.order.enumerated().map { a, from in
                    (from.rawValue, .object(Transitions.order.enumerated().map { b, to in (to.rawValue, .int(t.moves[a][b])) }))
                })),
            ])
        }
        // Why cases were not evaluated: an event after a side's decision date, or other errors.
        func side(_ asOf: Int?, _ count: Int) -> JSON {
            .object([("as_of", asOf.map { .string(CivilDate.format($0)) } ?? .null), ("events_after_decision_date", .int(count))])
        }
        let notDecidable = JSON.object([
            ("before", side(header?.before.asOf, s.eventsAfterBeforeDate)), ("after", side(header?.after.asOf, s.eventsAfterAfterDate)),
            ("events_after_decision_date", .int(s.eventsAfterDate)), ("other_errors", .int(s.invalid - s.eventsAfterDate)),
        ])
        let summary = JSON.object([("cases", .int(s.cases)), ("invalid", .int(s.invalid)), ("not_evaluated", notDecidable), ("changed_cases", .int(s.changedCases)), ("programs", .array(programs))])
        write("\n],\"summary\":" + summary.render() + ",\"disclaimer\":" + JSON.string(Disclaimer.text).render() + "}\n")
    }
}

public struct DiffCSVStream: DiffSink {
    let write: (String) -> Void

    public init(write: @escaping (String) -> Void) { self.write = write }

    public static let columns = ["case_id", "path", "line", "subject", "program", "before", "before_reason", "after", "after_reason", "cause_rules", "changed_rules", "citations"]

    public mutating func begin(_ header: DiffHeader) { write(Self.columns.joined(separator: ",") + "\n") }

    public mutating func changed(_ c: ChangedCase) {
        var out = ""
        for d in c.decisions {
            let causes = d.rules.filter(\.cause)
            let row = [
                c.id, c.path, String(c.line), d.subject, d.program, d.before.rawValue, d.beforeReason.rawValue, d.after.rawValue, d.afterReason.rawValue,
                causes.map(\.rule).joined(separator: ";"),
                d.rules.map { "\($0.rule):\($0.before?.status ?? "not_reached")>\($0.after?.status ?? "not_reached")" }.joined(separator: ";"),
                causes.flatMap(\.cite).joined(separator: "; "),
            ]
            // Escaped as text reports are: a cell holds no control character.
            out += row.map { CSV.quote(Escape.text($0)) }.joined(separator: ",") + "\n"
        }
        write(out)
    }

    public mutating func end(_ summary: DiffSummary) {}
}
