/// Clocks and evidence lists (issue 13): names resolved, the date typed, citations required.
extension Checker {
    mutating func resolveClocks(_ files: [SyntaxFile]) -> [ClockDecl] {
        var clocks: [ClockDecl] = []
        var first: [String: SourceLocation] = [:]
        for file in files {
            for c in file.clocks {
                if let earlier = first[c.id.value] {
                    error(.checkDuplicateId, CheckMessages.duplicate("clock", c.id.value, first: earlier), at: c.id.location)
                    continue
                }
                first[c.id.value] = c.id.location
                if c.cite.isEmpty {
                    error(.checkMissingCitation, CheckMessages.clockMissingCitation(c.id.value), at: c.id.location, help: CheckMessages.clockCitationHelp)
                }
                var scope = Scope(reader: "clock \(c.id.value)", path: "clock \(c.id.value)/date")
                let date = value(c.date, &scope)
                if date.type != .date {
                    error(.checkTypeMismatch, CheckMessages.typeMismatch(CheckMessages.clockNotADate(c.id.value, date.type.rawValue)), at: c.date.location)
                }
                let dateFacts = scope.facts
                scope.path = "clock \(c.id.value)/when"
                let when = c.when.map { condition($0, &scope) }
                if let w = c.warnWithin, w.value < 0 || w.value > 36_500 {
                    error(.checkOutOfRange, CheckMessages.warnWindow(c.id.value, w.value), at: w.location)
                }
                // The facts an advocate can give: a derived fact stands for its sources.
                var expanded = Set<Int>()
                for f in dateFacts {
                    if facts[f].isDerived { expanded.formUnion(facts[f].sources) } else { expanded.insert(f) }
                }
                var read = scope.facts
                for f in scope.facts where facts[f].isDerived { read.formUnion(facts[f].sources) }
                for r in scope.rules { read.formUnion(reachableFacts(from: r)) }
                if c.subject == .principal, let f = read.sorted().first(where: { facts[$0].subject == .familyMember }) {
                    error(.checkSubjectMismatch, CheckMessages.clockSubjectMismatch(c.id.value, facts[f].name), at: c.id.location, help: CheckMessages.clockSubjectHelp)
                }
                // A clock reads a derived fact's sources too: `tvpa facts` lists the clocks each fact feeds.
                for f in read.sorted() where !facts[f].readBy.contains("clock \(c.id.value)") { facts[f].readBy.append("clock \(c.id.value)") }
                clocks.append(ClockDecl(
                    id: c.id.value, kind: c.kind.value, title: c.title ?? c.id.value, subject: c.subject, date: date, when: when,
                    says: c.says, cite: c.cite.map(\.value), unverified: c.unverified, warnWithin: c.warnWithin?.value,
                    dateFacts: expanded.sorted(), location: c.id.location))
            }
        }
        return clocks
    }

    mutating func resolveEvidence(_ files: [SyntaxFile]) -> [EvidenceDecl] {
        var lists: [EvidenceDecl] = []
        var first: [String: SourceLocation] = [:]
        for file in files {
            for e in file.evidence {
                guard let rule = lookupRule(e.rule) else { continue }
                if let earlier = first[e.rule.value] {
                    error(.checkDuplicateId, CheckMessages.duplicate("evidence list for rule", e.rule.value, first: earlier), at: e.rule.location)
                    continue
                }
                first[e.rule.value] = e.rule.location
                let ruleReadsMember = reachableFacts(from: rule).contains { facts[$0].subject == .familyMember || facts[$0].sources.contains { facts[$0].subject == .familyMember } }
                var items: [EvidenceItemDecl] = []
                var seen: [String: SourceLocation] = [:]
                for item in e.items {
                    if let earlier = seen[item.id.value] {
                        error(.checkDuplicateId, CheckMessages.duplicate("evidence item", item.id.value, first: earlier), at: item.id.location)
                        continue
                    }
                    seen[item.id.value] = item.id.location
                    if item.cite.isEmpty {
                        error(.checkMissingCitation, CheckMessages.evidenceMissingCitation(item.id.value, of: e.rule.value), at: item.id.location, help: CheckMessages.evidenceCitationHelp)
                    }
                    var scope = Scope(reader: "evidence \(e.rule.value)", path: "evidence \(e.rule.value)/\(item.id.value)/on_file")
                    let onFile = item.onFile.map { condition($0, &scope) }
                    if !ruleReadsMember, let f = scope.facts.sorted().first(where: { facts[$0].subject == .familyMember }) {
                        error(.checkSubjectMismatch, CheckMessages.evidenceSubjectMismatch(e.rule.value, facts[f].name), at: item.id.location)
                    }
                    for f in scope.facts { facts[f].readBy.append("evidence \(e.rule.value)") }
                    items.append(EvidenceItemDecl(id: item.id.value, text: item.text, cite: item.cite.map(\.value), onFile: onFile, required: item.required, unverified: item.unverified, location: item.id.location))
                }
                lists.append(EvidenceDecl(rule: rule, guide: e.guide, cite: e.cite.map(\.value), items: items, location: e.rule.location))
            }
        }
        return lists
    }
}
