/// Render: deadlines and evidence lists in `tvpa.decision/1` (issue 13, additive fields,
/// documented in docs/deadlines-and-evidence.md). Redacted, a deadline has no date and no day
/// count: only its `bucket`.
public enum DeadlineJSON {
    public static func deadline(_ d: Deadline, legend: Legend, parameters: [Int?]) -> JSON {
        let info = legend.clocks[d.clock]
        var pairs: [(String, JSON)] = [
            ("clock", .string(d.id)),
            ("kind", .string(d.kind.rawValue)),
            ("title", .string(info.title)),
            ("subject", .string(d.subject)),
        ]
        if !d.redacted {
            if let date = d.date {
                pairs.append(("date", .string(CivilDate.format(date))))
            } else {
                pairs.append(("earliest", d.earliest.map { .string(CivilDate.format($0)) } ?? .null))
                pairs.append(("latest", d.latest.map { .string(CivilDate.format($0)) } ?? .null))
            }
            if let days = d.days { pairs.append(("days", .int(days))) }
            pairs.append(("status", .string(d.status.rawValue)))
        }
        pairs.append(("bucket", .string(d.bucket.rawValue)))
        pairs.append(("warning", .bool(d.warning)))
        pairs.append(("fixed_by", .array(d.fixedBy.map { .string($0) })))
        if let says = DeadlineText.says(d, legend: legend, parameters: parameters) { pairs.append(("says", .string(says))) }
        pairs.append(("citations", .array(info.cite.map { .string($0) })))
        if let u = info.unverified { pairs.append(("unverified", .string(u))) }
        return .object(pairs)
    }

    public static func onFile(_ s: Tri?) -> String {
        switch s {
        case .yes: return "yes"
        case .no: return "no"
        case .unknown: return "unknown"
        case nil: return "not_recorded"
        }
    }

    public static func evidence(_ e: EvidenceCheck, legend: Legend) -> JSON {
        let info = legend.evidence[e.list]
        var pairs: [(String, JSON)] = [
            ("rule", .string(legend.rules[e.rule].id)),
            ("title", .string(legend.rules[e.rule].title)),
            ("status", .string(e.status.status)),
        ]
        if let guide = info.guide { pairs.append(("guide", .string(guide))) }
        pairs.append(("citations", .array(info.cite.map { .string($0) })))
        pairs.append(("items", .array(info.items.enumerated().map { i, item in
            var p: [(String, JSON)] = [("id", .string(item.id)), ("text", .string(item.text)), ("on_file", .string(onFile(e.onFile[i]))), ("required", .bool(item.required)), ("citations", .array(item.cite.map { .string($0) }))]
            if let u = item.unverified { p.append(("unverified", .string(u))) }
            return .object(p)
        })))
        return .object(pairs)
    }
}
