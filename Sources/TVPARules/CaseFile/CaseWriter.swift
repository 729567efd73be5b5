/// Writes a case draft as a case file in one canonical layout: the envelope keys in the
/// contract's order, facts in the vocabulary's order, one fact a line, lists in brackets and
/// records one a line in braces, every free text and id in double quotes (JSON's escapes, which
/// YAML reads alike), dates and enum values bare. The same draft always gives the same bytes,
/// and `CaseLoader` reads them back to the same case (a round-trip test holds it to that).
/// YAML comments are not kept: a hand-written file rewritten here loses them.
public enum CaseWriter {
    public static func yaml(_ draft: CaseDraft, legend: Legend) -> String {
        var out = "id: \(quote(draft.id))\n"
        if let title = draft.title { out += "title: \(quote(title))\n" }
        if let asOf = draft.asOf { out += "as_of: \(date(asOf))\n" }
        if let source = draft.source { out += "source: \(quote(source))\n" }
        if let narrative = draft.narrative { out += "narrative: \(quote(narrative))\n" }
        let principal = legend.facts.filter { $0.subject == .principal }
        let member = legend.facts.filter { $0.subject == .familyMember }
        out += facts(draft.facts, order: principal, indent: "")
        if !draft.members.isEmpty {
            out += "family_members:\n"
            for m in draft.members {
                out += "  - id: \(quote(m.id))\n"
                out += facts(m.facts, order: member, indent: "    ")
                if !m.declined.isEmpty { out += "    declined: \(list(ordered(m.declined, by: member)))\n" }
                if !m.expect.isEmpty || !m.expectClocks.isEmpty {
                    out += "    expect:\n" + expectations(m.expect, legend: legend, indent: "      ") + clocks(m.expectClocks, legend: legend, indent: "      ")
                }
            }
        }
        if !draft.declined.isEmpty { out += "declined: \(list(ordered(draft.declined, by: principal)))\n" }
        if !draft.expect.isEmpty || !draft.expectClocks.isEmpty {
            out += "expect:\n" + expectations(draft.expect, legend: legend, indent: "  ") + clocks(draft.expectClocks, legend: legend, indent: "  ")
        }
        return out
    }

    static func facts(_ facts: [String: CaseDraft.Value], order: [FactInfo], indent: String) -> String {
        guard !facts.isEmpty else { return indent + "facts: {}\n" }
        var out = indent + "facts:\n"
        var written = Set<String>()
        for fact in order {
            guard let value = facts[fact.name] else { continue }
            written.insert(fact.name)
            out += line(indent + "  " + fact.name, self.value(value, fields: fact.fields.map(\.name), indent: indent + "  "))
        }
        // A name the vocabulary does not have is kept, last, so the loader can say so.
        for name in facts.keys.sorted() where !written.contains(name) {
            out += line(indent + "  " + key(name), value(facts[name]!, fields: [], indent: indent + "  "))
        }
        return out
    }

    /// `key: value`, or the key alone on its line when the value's lines follow.
    static func line(_ key: String, _ value: String) -> String { key + (value.hasPrefix("\n") ? ":" : ": ") + value + "\n" }

    /// A value after its key; records go one a line under the key (at `indent`).
    static func value(_ v: CaseDraft.Value, fields: [String], indent: String = "") -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .integer(let n): return String(n)
        case .date(let d): return date(d)
        case .word(let w): return word(w)
        case .words(let ws): return list(ws)
        case .text(let t): return quote(t)
        case .records(let records):
            guard !records.isEmpty else { return "[]" }
            return records.map { record in
                let names = fields.filter { record[$0] != nil } + record.keys.filter { !fields.contains($0) }.sorted()
                return "\n" + indent + "  - {" + names.map { "\(key($0)): \(value(record[$0]!, fields: []))" }.joined(separator: ", ") + "}"
            }.joined()
        }
    }

    /// The names in the vocabulary's order, then any others as given.
    static func ordered(_ names: [String], by order: [FactInfo]) -> [String] {
        let known = order.map(\.name).filter { names.contains($0) }
        return known + names.filter { !known.contains($0) }
    }

    static func expectations(_ expect: [String: String], legend: Legend, indent: String) -> String {
        let order = legend.programs.map(\.id)
        let names = order.filter { expect[$0] != nil } + expect.keys.filter { !order.contains($0) }.sorted()
        return names.map { indent + "\(key($0)): \(word(expect[$0]!))\n" }.joined()
    }

    /// `clocks:` and each expected deadline under it, in the rules' order of clocks: a date,
    /// `none`, or `{earliest: …, latest: …}` (`null` for an open end).
    static func clocks(_ expect: [String: ClockExpectation], legend: Legend, indent: String) -> String {
        guard !expect.isEmpty else { return "" }
        let order = legend.clocks.map(\.id)
        let ids = order.filter { expect[$0] != nil } + expect.keys.filter { !order.contains($0) }.sorted()
        func day(_ d: Int?) -> String { d.map(CivilDate.format) ?? "null" }
        return indent + "clocks:\n" + ids.map { id in
            let value: String
            switch expect[id]! {
            case .date(let d): value = CivilDate.format(d)
            case .none: value = "none"
            case .between(let earliest, let latest): value = "{earliest: \(day(earliest)), latest: \(day(latest))}"
            }
            // A clock id is dotted (`t.file_by`): bare when it is a name and dots.
            let bare = id.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isBare(String($0)) }
            return indent + "  \(bare ? id : quote(id)): \(value)\n"
        }.joined()
    }

    static func list(_ words: [String]) -> String { "[" + words.map(word).joined(separator: ", ") + "]" }

    /// A date on the calendar is written bare; anything else as typed, quoted, for the loader
    /// to say what is wrong with it.
    static func date(_ text: String) -> String { CivilDate.parse(text) != nil && text.utf8.count == 10 ? text : quote(text) }

    /// An enum value bare when YAML reads it back as the same word, else quoted.
    static func word(_ w: String) -> String { isBare(w) ? w : quote(w) }

    static func key(_ k: String) -> String { isBare(k) ? k : quote(k) }

    static func isBare(_ w: String) -> Bool {
        guard let first = w.utf8.first, (97...122).contains(first) else { return false }
        guard w.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }) else { return false }
        return !NodeReader.yamlBooleanWords.contains(w) && !["true", "false", "null", "y", "n", "yes", "no", "on", "off"].contains(w)
    }

    static func quote(_ s: String) -> String { JSON.quote(s) }

    /// Whether a case or member id is valid (`[a-z0-9-]+`), as the loader checks it.
    public static func isValidId(_ id: String) -> Bool { CaseLoader.isValidId(id) }
}
