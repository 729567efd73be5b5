/// Render: the words for an element's evidence list (issue 13) — the "Evidence to gather" block
/// of a decision in the text report. What is on file comes from the case's facts; the kinds and
/// their citations from the rules (`Legend.evidence`).
public enum EvidenceText {
    public static let heading = "Evidence to gather:"

    /// Where an item stands against the case.
    public static func standing(_ onFile: Tri?) -> String {
        switch onFile {
        case .yes: return "on file"
        case .no: return "to gather"
        case .unknown: return "to gather (not recorded)"
        case nil: return "to gather (the case file does not record it)"
        }
    }

    /// The items still to gather and those on file, split for a reader.
    public static func split(_ e: EvidenceCheck) -> (onFile: [Int], toGather: [Int]) {
        var on: [Int] = [], gather: [Int] = []
        for (i, s) in e.onFile.enumerated() { if s == .yes { on.append(i) } else { gather.append(i) } }
        return (on, gather)
    }

    /// One decision's block (empty when it has no evidence list).
    public static func block(_ d: Decision, paint: (String, String) -> String = { s, _ in s }) -> String {
        guard !d.evidence.isEmpty else { return "" }
        let legend = d.legend
        var out = "  " + heading + "\n"
        for e in d.evidence {
            let info = legend.evidence[e.list]
            let status = e.status == .yes ? "met" : "unknown"
            out += "    \(Escape.text(legend.rules[e.rule].title)) [\(status)]\n"
            if let guide = info.guide {
                out += "      \(Escape.text(guide))" + (info.cite.isEmpty ? "" : paint(" [\(Escape.text(info.cite.joined(separator: "; ")))]", "2")) + "\n"
            }
            let (on, gather) = split(e)
            for i in on + gather {
                let item = info.items[i]
                var line = "      [\(standing(e.onFile[i]))] \(Escape.text(item.text))"
                if item.required { line += " (required)" }
                line += paint(" [\(Escape.text(item.cite.joined(separator: "; ")))]", "2")
                out += line + "\n"
                if let u = item.unverified { out += "        unverified: \(Escape.text(u))\n" }
            }
        }
        return out
    }
}
