/// The bulk form (`tvpa check --format bulk`, schema `tvpa.bulk/1`, docs/bulk-format.md): JSON
/// Lines for corpus-scale consumers. A first line, the header, gives once per run what the
/// decision JSON repeats in every decision (the programs, the fact vocabulary with questions and
/// values); then one line per case: its id, its decision date and its decisions as
/// `[program, subject, outcome, reason, missing]`, the program and the missing facts as indices
/// into the header.
public enum BulkJSON {
    public static let schema = "tvpa.bulk/1"

    /// The header line, without its line break.
    public static func header(_ program: Program, redacted: Bool) -> String {
        var out = JSONBytes(capacity: 1 << 16)
        header(program, redacted: redacted, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    public static func header(_ program: Program, redacted: Bool, into out: inout JSONBytes) {
        var pairs: [(String, JSON)] = [
            ("schema", .string(schema)),
            ("rules", .object([("source", .string(program.sourceName)), ("digest", .string(program.digest))])),
            ("disclaimer", .string(Disclaimer.text)),
        ]
        if redacted { pairs.append(("redacted", .bool(true))) }
        pairs.append(("programs", .array(program.programs.indices.map { p in
            .object([
                ("id", .string(program.programs[p].id)), ("title", .string(program.legend.programs[p].title)),
                ("subject", .string(program.programs[p].subject.rawValue)),
            ])
        })))
        pairs.append(("facts", .array(program.legend.facts.map { fact in
            var entry: [(String, JSON)] = [
                ("name", .string(fact.name)), ("subject", .string(fact.subject.rawValue)),
                ("question", .string(fact.question ?? fact.name)), ("type", .string(fact.type.rawValue)),
            ]
            if fact.type == .enumeration || fact.type == .list { entry.append(("values", .array(fact.values.map { .string($0) }))) }
            return .object(entry)
        })))
        out.value(.object(pairs))
    }

    /// One case's line, with its line break.
    public static func line(_ c: BulkCase, into out: inout JSONBytes) {
        out.raw("{\"case\":")
        out.string(c.caseId)
        out.raw(",\"as_of\":\"")
        CivilDate.write(c.asOf, into: &out.bytes)
        out.raw("\",\"decisions\":[")
        for (i, d) in c.decisions.enumerated() {
            if i > 0 { out.raw(UInt8(ascii: ",")) }
            out.raw(UInt8(ascii: "["))
            out.int(Int(d.program))
            out.raw(UInt8(ascii: ","))
            if let m = d.member { out.string(c.members[Int(m)]) } else { out.raw("\"principal\"") }
            out.raw(UInt8(ascii: ","))
            outcome(d.outcome, &out)
            out.raw(UInt8(ascii: ","))
            reason(d.reason, &out)
            out.raw(",[")
            for (j, f) in d.missing.enumerated() {
                if j > 0 { out.raw(UInt8(ascii: ",")) }
                out.int(Int(f))
            }
            for (j, f) in d.otherMembers.enumerated() {
                if j > 0 || !d.missing.isEmpty { out.raw(UInt8(ascii: ",")) }
                out.raw(UInt8(ascii: "["))
                out.int(Int(f.slot))
                out.raw(UInt8(ascii: ","))
                out.string(c.members[Int(f.member)])
                out.raw(UInt8(ascii: "]"))
            }
            out.raw("]]")
        }
        out.raw("]}\n")
    }

    static func outcome(_ o: Outcome, _ out: inout JSONBytes) {
        switch o {
        case .eligible: out.raw("\"eligible\"")
        case .notEligible: out.raw("\"not_eligible\"")
        case .undetermined: out.raw("\"undetermined\"")
        }
    }

    static func reason(_ r: Reason, _ out: inout JSONBytes) {
        switch r {
        case .criteriaMet: out.raw("\"criteria_met\"")
        case .criteriaNotMet: out.raw("\"criteria_not_met\"")
        case .notApplicable: out.raw("\"not_applicable\"")
        case .missingFacts: out.raw("\"missing_facts\"")
        case .awaitingDecision: out.raw("\"awaiting_decision\"")
        }
    }
}
