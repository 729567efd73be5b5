/// Which part of a draft each line of `CaseWriter.yaml` holds, for an editor that shows a
/// diagnostic beside its field (the loader places it by line): `id`, `title`, `as_of`,
/// `source`, `narrative`, `declined`, `expect.PROGRAM`, `expect.clocks.CLOCK`,
/// `facts.NAME` (a record's lines too), and for the family members
/// `family_members.I.id`, `family_members.I.facts.NAME`, `family_members.I.declined`,
/// `family_members.I.expect…`. It reads the one layout the writer writes (two spaces an
/// indent level, a fact a line, a record a line), kept beside it so the two change together.
extension CaseWriter {
    public static func lineFields(_ yaml: String) -> [Int: String] {
        var fields: [Int: String] = [:]
        var section = ""  // the top-level key whose block the line is in
        var member = -1
        var memberSection = ""
        var lastFact = ""  // the fact a record line below it belongs to
        var lastClocks = false
        for (i, raw) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Substring(raw)
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            guard !body.isEmpty else { continue }
            let key = Self.keyOf(body)
            let n = i + 1
            switch indent {
            case 0:
                section = key ?? ""
                lastClocks = false
                if ["id", "title", "as_of", "source", "narrative", "declined"].contains(section) { fields[n] = section }
            case 2 where section == "facts":
                if let key { lastFact = "facts." + key; fields[n] = lastFact }
            case 2 where section == "expect":
                lastClocks = key == "clocks"
                if let key, !lastClocks { fields[n] = "expect." + key }
            case 4 where section == "expect" && lastClocks:
                if let key { fields[n] = "expect.clocks." + key }
            case 2 where section == "family_members" && body.hasPrefix("- "):
                member += 1
                memberSection = "id"
                fields[n] = "family_members.\(member).id"
            case 4 where section == "family_members" && member >= 0:
                memberSection = key ?? ""
                lastClocks = false
                if memberSection == "declined" { fields[n] = "family_members.\(member).declined" }
            case 6 where section == "family_members" && memberSection == "facts":
                if let key { lastFact = "family_members.\(member).facts." + key; fields[n] = lastFact }
            case 6 where section == "family_members" && memberSection == "expect":
                lastClocks = key == "clocks"
                if let key, !lastClocks { fields[n] = "family_members.\(member).expect." + key }
            case 8 where section == "family_members" && memberSection == "expect" && lastClocks:
                if let key { fields[n] = "family_members.\(member).expect.clocks." + key }
            default:
                // A record's line (`- {…}`) under its fact.
                if body.hasPrefix("- {") && !lastFact.isEmpty { fields[n] = lastFact }
            }
        }
        return fields
    }

    /// The key a `key: value` (or `key:`) line begins with, bare or double-quoted.
    static func keyOf(_ body: Substring) -> String? {
        if body.hasPrefix("- ") { return nil }
        if body.hasPrefix("\"") {
            var out = ""
            var escaped = false
            for c in body.dropFirst() {
                if escaped {
                    out.append(c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    return out
                } else {
                    out.append(c)
                }
            }
            return nil
        }
        guard let colon = body.firstIndex(of: ":") else { return nil }
        return String(body[..<colon])
    }
}
