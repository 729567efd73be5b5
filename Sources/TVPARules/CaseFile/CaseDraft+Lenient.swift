extension CaseDraft {
    /// A YAML case file that does not load, read key by key as far as a draft can hold it, so a
    /// form can show it as written beside the loader's diagnostics: each scalar as its text
    /// (typed afterwards by the vocabulary, `typed(by:)`), a list of words, records of scalars
    /// and word lists; what a draft cannot hold is left out. It reads the same located syntax
    /// as the case loader (`NodeReader.compose`), and nothing here recurses.
    public init(lenientYAML text: String) {
        var reader = NodeReader(file: "", dialect: .caseFile)
        guard let node = reader.compose(text), case .mapping(let root) = node else {
            self.init(id: "")
            return
        }
        func string(_ n: SourceNode?) -> String? {
            guard let n, case .scalar(let s) = n, !NodeReader.isNull(n) else { return nil }
            return s.string
        }
        func words(_ n: SourceNode?) -> [String] {
            guard case .sequence(let items)? = n else { return [] }
            return items.compactMap(string)
        }
        /// A scalar or a list of words: what a record's field holds.
        func flat(_ n: SourceNode) -> Value? {
            switch n {
            case .scalar: return string(n).map { .text($0) }
            case .sequence: return .words(words(n))
            case .mapping: return nil
            }
        }
        func value(_ n: SourceNode) -> Value? {
            if case .sequence(let items) = n, !items.isEmpty, items.allSatisfy({ if case .mapping = $0 { true } else { false } }) {
                return .records(items.map { item in
                    var record: [String: Value] = [:]
                    if case .mapping(let m) = item { for (k, v) in m { if let key = k.string, let v = flat(v) { record[key] = v } } }
                    return record
                })
            }
            return flat(n)
        }
        func facts(_ n: SourceNode?) -> [String: Value] {
            guard case .mapping(let m)? = n else { return [:] }
            var out: [String: Value] = [:]
            for (k, v) in m { if let key = k.string, let v = value(v) { out[key] = v } }
            return out
        }
        func expect(_ n: SourceNode?) -> [String: String] {
            guard case .mapping(let m)? = n else { return [:] }
            var out: [String: String] = [:]
            for (k, v) in m { if let key = k.string, key != CaseBuilder.clocksKey, let v = string(v) { out[key] = v } }
            return out
        }
        self.init(id: string(root["id"]) ?? "")
        title = string(root["title"])
        asOf = string(root["as_of"])
        source = string(root["source"])
        narrative = string(root["narrative"])
        self.facts = facts(root["facts"])
        declined = words(root["declined"])
        self.expect = expect(root["expect"])
        if case .sequence(let items)? = root["family_members"] {
            members = items.map { m in
                guard case .mapping(let f) = m else { return Member(id: "") }
                return Member(id: string(f["id"]) ?? "", facts: facts(f["facts"]), declined: words(f["declined"]), expect: expect(f["expect"]))
            }
        }
    }
}
