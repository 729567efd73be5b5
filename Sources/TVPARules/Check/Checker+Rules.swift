/// Rules, versions, programs, cycles and unused facts.
extension Checker {
    mutating func notes(_ notes: [NoteSyntax], _ scope: inout Scope) -> [NoteDecl] {
        notes.enumerated().map { i, n in
            let saved = scope.path
            scope.path += "/notes[\(i)]"
            defer { scope.path = saved }
            return NoteDecl(when: condition(n.when, &scope), text: n.text, cite: n.cite.map(\.value))
        }
    }

    mutating func resolveRule(_ index: Int) -> RuleDecl {
        let r = ruleSyntax[index]
        var scope = Scope(reader: r.id.value, path: r.id.value, rule: index)
        if r.cite.isEmpty {
            error(.checkMissingCitation, CheckMessages.ruleMissingCitation(r.id.value), at: r.id.location, help: CheckMessages.ruleCitationHelp)
        }
        var versions: [VersionDecl] = []
        if r.versions.isEmpty {
            let when = r.when.map { c -> CheckedCondition in
                scope.path = r.id.value + "/when"
                return condition(c, &scope)
            } ?? Self.placeholder
            let unless = r.unless.enumerated().map { i, c -> CheckedCondition in
                scope.path = r.id.value + "/unless[\(i)]"
                return condition(c, &scope)
            }
            versions = [VersionDecl(name: "", label: "", cite: [], from: nil, until: nil, applies: nil, when: when, unless: unless, says: nil, notes: [], unverified: nil, location: r.id.location)]
        } else {
            if r.when != nil {
                error(.checkConflictingKeys, CheckMessages.whenAndVersions(r.id.value), at: r.id.location)
            }
            for v in r.versions {
                let base = "\(r.id.value)/versions/\(v.name.value)"
                if v.cite.isEmpty {
                    error(.checkMissingCitation, CheckMessages.versionMissingCitation(v.name.value, of: r.id.value), at: v.name.location)
                }
                scope.path = base + "/applies"
                let applies = v.applies.map { condition($0, &scope) }
                scope.path = base + "/when"
                let when = v.when.map { condition($0, &scope) } ?? Self.placeholder
                let unless = v.unless.enumerated().map { i, c -> CheckedCondition in
                    scope.path = base + "/unless[\(i)]"
                    return condition(c, &scope)
                }
                scope.path = base
                let says = v.says.map { Says(met: $0.met, notMet: $0.notMet, unknown: $0.unknown) }
                versions.append(VersionDecl(
                    name: v.name.value, label: v.label ?? "\(r.id.value) \(v.name.value)", cite: v.cite.map(\.value),
                    from: v.from?.value, until: v.until?.value, applies: applies, when: when, unless: unless,
                    says: says, notes: notes(v.notes, &scope), unverified: v.unverified, location: v.name.location))
            }
            checkVersionSpans(r)
        }
        scope.path = r.id.value
        let ruleNotes = notes(r.notes, &scope)
        ruleRefs[index] = scope.rules
        ruleFacts[index] = scope.facts
        for f in scope.facts { facts[f].readBy.append(r.id.value) }
        var parametersRead = scope.parameters
        for text in [r.says.met, r.says.notMet, r.says.unknown].compactMap({ $0 }) {
            for name in Self.parameterNames(in: text) {
                if let p = parameters.firstIndex(where: { $0.name == name }) { parametersRead.insert(p) }
            }
        }
        return RuleDecl(
            id: r.id.value, title: r.title ?? r.id.value, cite: r.cite.map(\.value),
            says: Says(met: r.says.met, notMet: r.says.notMet, unknown: r.says.unknown),
            discretionary: r.discretionary, unverified: r.unverified, from: r.from?.value, until: r.until?.value,
            versions: versions, hasDeclaredVersions: !r.versions.isEmpty, combine: r.combine?.value, notes: ruleNotes,
            location: r.id.location, parameters: parametersRead.sorted())
    }

    /// Versions whose decision-date spans overlap need a declared `combine`; inside the rule's
    /// own span, some version must be in force on every day.
    mutating func checkVersionSpans(_ r: RuleSyntax) {
        let spans = r.versions.map { (name: $0.name.value, from: $0.from?.value ?? Int.min, until: $0.until?.value ?? Int.max, location: $0.name.location) }
        if r.combine == nil {
            outer: for i in spans.indices {
                for j in spans.indices where j > i {
                    if spans[i].from <= spans[j].until && spans[j].from <= spans[i].until {
                        error(.checkVersionOverlap, CheckMessages.versionOverlap(r.id.value, spans[i].name, spans[j].name), at: spans[j].location, help: CheckMessages.versionOverlapHelp)
                        break outer
                    }
                }
            }
        }
        guard let ruleFrom = r.from?.value else { return }
        let ruleUntil = r.until?.value ?? Int.max
        var covered = ruleFrom
        for span in spans.sorted(by: { $0.from < $1.from }) {
            if span.from > covered && covered <= ruleUntil {
                error(.checkVersionGap, CheckMessages.versionGap(r.id.value, from: covered, to: min(span.from - 1, ruleUntil)), at: span.location)
                return
            }
            if span.until == Int.max { return }
            covered = max(covered, span.until + 1)
        }
        if covered <= ruleUntil {
            error(.checkVersionGap, CheckMessages.versionGap(r.id.value, from: covered, to: ruleUntil == Int.max ? covered : ruleUntil), at: r.id.location)
        }
    }

    /// Every fact a rule reads, through the rules it references.
    func reachableFacts(from rule: Int) -> Set<Int> {
        var seen = Set<Int>(), queue = [rule], result = Set<Int>()
        while let r = queue.popLast() {
            guard seen.insert(r).inserted else { continue }
            result.formUnion(ruleFacts[r])
            queue += ruleRefs[r]
        }
        return result
    }

    mutating func resolveProgram(_ p: ProgramSyntax) -> ProgramDecl? {
        guard let rule = lookupRule(p.rule) else { return nil }
        var scope = Scope(reader: "program \(p.id.value)", path: p.id.value)
        let notApplicable = p.notApplicable.enumerated().map { i, na -> NotApplicableDecl in
            scope.path = "\(p.id.value)/not_applicable[\(i)]"
            return NotApplicableDecl(when: condition(na.when, &scope), because: na.because, instead: na.instead, cite: na.cite.map(\.value))
        }
        scope.path = p.id.value
        let programNotes = notes(p.notes, &scope)
        for f in scope.facts { facts[f].readBy.append("program \(p.id.value)") }
        if p.subject == .principal {
            var read = reachableFacts(from: rule).union(scope.facts)
            for f in read where facts[f].isDerived { read.formUnion(facts[f].sources) }
            if let f = read.sorted().first(where: { facts[$0].subject == .familyMember }) {
                error(.checkSubjectMismatch, CheckMessages.subjectMismatch(p.id.value, facts[f].name), at: p.rule.location, help: CheckMessages.subjectMismatchHelp)
            }
        }
        if let m = p.members, p.subject != .familyMember {
            error(.checkSubjectMismatch, CheckMessages.membersOnPrincipal(p.id.value), at: m.location, help: CheckMessages.membersOnPrincipalHelp)
        }
        return ProgramDecl(
            id: p.id.value, title: p.title ?? p.id.value, subject: p.subject, rule: rule, cite: p.cite.map(\.value),
            lawVersion: p.lawVersion, discretionary: p.discretionary, notApplicable: notApplicable, notes: programNotes, location: p.id.location,
            members: p.subject == .familyMember ? p.members?.value : nil)
    }

    mutating func reportUnusedFacts() -> [Diagnostic] {
        // A derived fact's sources count as read when the derived fact is.
        for i in facts.indices where facts[i].isDerived && !facts[i].readBy.isEmpty {
            for s in facts[i].sources where !facts[s].readBy.contains("derived \(facts[i].name)") {
                facts[s].readBy.append("derived \(facts[i].name)")
            }
        }
        var warnings: [Diagnostic] = []
        for fact in facts where fact.readBy.allSatisfy({ $0.hasPrefix("bounds of") }) && fact.role == nil && !fact.isDerived {
            let d = Diagnostic(.checkUnusedFact, CheckMessages.unusedFact(fact.name), at: fact.location)
            diagnostics.append(d)
            warnings.append(d)
        }
        return warnings
    }

    /// `{param:name}` placeholders in a `says` sentence.
    static func parameterNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{param:"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            names.append(String(rest[open.upperBound..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
