/// Applies a proposal to the base rules' syntax trees, so the result is checked and compiled
/// exactly as rules are: a change that names a rule, version, condition or parameter that does
/// not exist is a diagnostic at the change, with a "did you mean".
public struct ProposalOverlay {
    private var files: [SyntaxFile]
    private let proposal: ProposalSyntax
    private var added: SyntaxFile
    private(set) var diagnostics = DiagnosticBag(summary: .checkMoreDiagnostics)
    /// Where the proposal changes each rule it changes, by rule id (first change wins).
    private(set) var changedRules: [String: SourceLocation] = [:]

    /// The rule files with the proposal applied (added rules and facts in a file of their own),
    /// and what went wrong.
    public static func apply(_ proposal: ProposalSyntax, to files: [SyntaxFile]) -> ([SyntaxFile], [Diagnostic], changedRules: [String: SourceLocation]) {
        var overlay = ProposalOverlay(files: files, proposal: proposal, added: SyntaxFile(path: proposal.path))
        for change in proposal.changes {
            overlay.apply(change)
            let rule = ConditionAddress(change.target).rule
            if change.verb != .addFact && change.verb != .setParameter { overlay.noteChange(rule, change.bodyLocation) }
        }
        return (overlay.files + [overlay.added], overlay.diagnostics.all, overlay.changedRules)
    }

    /// The citation every rule the proposal changes carries, so explanations and diff reports
    /// say where the changed law comes from.
    var citation: String { "Proposal \u{201C}\(proposal.title)\u{201D}: " + proposal.cite.map(\.value).joined(separator: "; ") }

    private mutating func noteChange(_ rule: String, _ location: SourceLocation) {
        if changedRules[rule] == nil { changedRules[rule] = location }
    }

    /// Adds the proposal's citation once, however many changes touch the same rule.
    private func addCitation(_ cite: inout [Located<String>], at location: SourceLocation) {
        if !cite.contains(where: { $0.value == citation }) { cite.append(Located(citation, location)) }
    }

    private mutating func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation, help: String? = nil) {
        diagnostics.append(Diagnostic(id, message, at: location, help: help))
    }

    // MARK: Changes

    private mutating func apply(_ change: ChangeSyntax) {
        switch change.verb {
        case .addRule:
            guard case .rule(var rule) = change.body else { return }
            if let (f, r) = ruleAddress(change.target.value) {
                error(.checkDuplicateId, CheckMessages.duplicate("rule", change.target.value, first: files[f].rules[r].id.location), at: change.target.location, help: ProposalMessages.replaceRuleHelp)
                return
            }
            addCitation(&rule.cite, at: change.location)
            added.rules.append(rule)
        case .addFact:
            guard case .fact(let fact) = change.body else { return }
            if let first = files.lazy.flatMap(\.facts).first(where: { $0.name.value == fact.name.value }) {
                error(.checkDuplicateId, CheckMessages.duplicate("fact", fact.name.value, first: first.name.location), at: change.target.location)
                return
            }
            added.facts.append(fact)
        case .setParameter:
            setParameter(change)
        case .replaceRule:
            guard let (f, r) = existingRule(change.target) else { return }
            switch change.body {
            case .rule(var rule):
                addCitation(&rule.cite, at: change.location)
                files[f].rules[r] = rule
            case .version(var version):
                guard let v = existingVersion(change.version!, of: files[f].rules[r]) else { return }
                addCitation(&version.cite, at: change.location)
                files[f].rules[r].versions[v] = version
            default: return
            }
            annotate(f, r, change)
        case .rewordRule:
            guard let (f, r) = existingRule(change.target) else { return }
            addCitation(&files[f].rules[r].cite, at: change.location)
            annotate(f, r, change)
        case .removeCondition, .replaceCondition, .addCondition, .addException:
            let address = ConditionAddress(change.target)
            if ruleAddress(address.rule) == nil, programAddress(address.rule) != nil {
                editProgram(change, address)
            } else {
                editCondition(change)
            }
        }
    }

    private mutating func setParameter(_ change: ChangeSyntax) {
        guard case .parameterValues(var values) = change.body else { return }
        let all = files.enumerated().flatMap { f, file in file.parameters.indices.map { (f, $0) } }
        guard let (f, p) = all.first(where: { files[$0.0].parameters[$0.1].name.value == change.target.value }) else {
            error(.checkUnknownParameter, CheckMessages.unknown("parameter", change.target.value), at: change.target.location,
                help: Suggest.help(for: change.target.value, in: all.map { files[$0.0].parameters[$0.1].name.value }))
            return
        }
        let first = files[f].parameters[p].values.map(\.from.value).min() ?? 0
        for i in values.indices {
            if values[i].from.value == ChangeSyntax.everyDate { values[i].from.value = first }
            if values[i].cite.isEmpty { values[i].cite = proposal.cite }
            addCitation(&values[i].cite, at: values[i].location)
        }
        files[f].parameters[p].values = values
    }

    /// The rule's wording and a note saying the proposal changed it.
    private mutating func annotate(_ f: Int, _ r: Int, _ change: ChangeSyntax) {
        if let title = change.title { files[f].rules[r].title = title }
        if let says = change.says {
            if let version = change.version, let v = files[f].rules[r].versions.firstIndex(where: { $0.name.value == version.value }) {
                files[f].rules[r].versions[v].says = says
            } else {
                files[f].rules[r].says = says
            }
        }
        if let because = change.because {
            let always = ConditionSyntax(kind: .all([]), id: nil, location: change.location)
            files[f].rules[r].notes.append(NoteSyntax(when: always, text: "Changed by the proposal \u{201C}\(proposal.title)\u{201D}: \(because)", cite: proposal.cite))
        }
    }

    // MARK: Conditions

    private mutating func editCondition(_ change: ChangeSyntax) {
        let address = ConditionAddress(change.target)
        guard let (f, r) = existingRule(Located(address.rule, change.target.location)) else { return }
        var rule = files[f].rules[r]
        var version = change.version
        var path = address.path
        if path.first == "versions", path.count >= 2 {
            version = Located(path[1], change.target.location)
            path.removeFirst(2)
        }
        let operation: ConditionEdit.Operation
        switch (change.verb, change.body) {
        case (.removeCondition, _): operation = .remove
        case (.replaceCondition, .condition(let c)): operation = .replace(c)
        case (.addCondition, .condition(let c)): operation = .add(c)
        case (.addException, .condition(let c)):
            operation = .add(c)
            path = ["unless"]
        default: return
        }
        if address.conditionId == nil, path.isEmpty { path = ["when"] }

        var edited = 0
        var failures: [String] = []
        func edit(_ holder: inout ConditionEdit.Holder) {
            var steps = path
            if let id = address.conditionId {
                guard let found = holder.path(to: id) else {
                    failures.append(ProposalMessages.noConditionWithId(id))
                    return
                }
                steps = found
            }
            switch holder.apply(operation, at: steps[...]) {
            case .done: edited += 1
            case .failed(let why): failures.append(why)
            }
        }
        if rule.versions.isEmpty {
            if let version {
                error(.checkUnknownVersion, ProposalMessages.noDatedVersions(rule.id.value, version.value), at: version.location)
                return
            }
            var holder = ConditionEdit.Holder(when: rule.when, unless: rule.unless, applies: nil)
            edit(&holder)
            rule.when = holder.when
            rule.unless = holder.unless
        } else {
            let targets: [Int]
            if let version {
                guard let v = existingVersion(version, of: rule) else { return }
                targets = [v]
            } else {
                targets = Array(rule.versions.indices)
            }
            for v in targets {
                var holder = ConditionEdit.Holder(when: rule.versions[v].when, unless: rule.versions[v].unless, applies: rule.versions[v].applies)
                let before = edited
                edit(&holder)
                guard edited > before else { continue }  // the path is not in this version: it is unchanged
                rule.versions[v].when = holder.when
                rule.versions[v].unless = holder.unless
                rule.versions[v].applies = holder.applies
                addCitation(&rule.versions[v].cite, at: change.location)
            }
        }
        guard edited > 0 else {
            error(.proposalUnknownCondition, ProposalMessages.changeFailed(change.verb.rawValue, change.target.value, failures.first ?? ProposalMessages.nothingToChange), at: change.target.location,
                help: ProposalMessages.conditionAddressHelp(rule.id.value))
            return
        }
        addCitation(&rule.cite, at: change.location)
        files[f].rules[r] = rule
        annotate(f, r, change)
    }

    /// A program's `not_applicable` entries: `program/not_applicable[i]` removes one,
    /// `program/not_applicable[i]/when…` edits its condition, and adding to
    /// `program/not_applicable` adds one; the change's `because` is the entry's explanation.
    private mutating func editProgram(_ change: ChangeSyntax, _ address: ConditionAddress) {
        guard let (f, p) = programAddress(address.rule) else { return }
        var program = files[f].programs[p]
        var failure: String?
        let path = address.path
        if path == ["not_applicable"], change.verb == .addCondition, case .condition(let c) = change.body {
            // The parser refuses such a change without `because:` (a missing key is its to find).
            guard let because = change.because else { return }
            program.notApplicable.append(NotApplicableSyntax(when: c, because: because, instead: nil, cite: proposal.cite + [Located(citation, change.location)]))
        } else if let first = path.first, let i = ConditionEdit.index(first, "not_applicable"), program.notApplicable.indices.contains(i) {
            if path.count == 1, change.verb == .removeCondition {
                program.notApplicable.remove(at: i)
            } else if path.count >= 2, path[1] == "when" {
                var holder = ConditionEdit.Holder(when: program.notApplicable[i].when, unless: [], applies: nil)
                let operation: ConditionEdit.Operation
                switch (change.verb, change.body) {
                case (.removeCondition, _): operation = .remove
                case (.replaceCondition, .condition(let c)): operation = .replace(c)
                case (.addCondition, .condition(let c)): operation = .add(c)
                default:
                    failure = ProposalMessages.verbNotForNotApplicable(change.verb.rawValue)
                    operation = .remove
                }
                if failure == nil, case .failed(let why) = holder.apply(operation, at: path.dropFirst()) { failure = why }
                program.notApplicable[i].when = holder.when ?? program.notApplicable[i].when
                if let because = change.because { program.notApplicable[i].because = because }
                addCitation(&program.notApplicable[i].cite, at: change.location)
            } else {
                failure = ProposalMessages.nameEntryCondition(address.rule, first)
            }
        } else {
            failure = ProposalMessages.whichNotApplicable(address.rule, count: program.notApplicable.count)
        }
        if let failure {
            error(.proposalUnknownCondition, ProposalMessages.changeFailed(change.verb.rawValue, change.target.value, failure), at: change.target.location)
            return
        }
        files[f].programs[p] = program
    }

    // MARK: Look-ups

    private func programAddress(_ id: String) -> (Int, Int)? {
        for (f, file) in files.enumerated() {
            if let p = file.programs.firstIndex(where: { $0.id.value == id }) { return (f, p) }
        }
        return nil
    }

    private func ruleAddress(_ id: String) -> (Int, Int)? {
        for (f, file) in files.enumerated() {
            if let r = file.rules.firstIndex(where: { $0.id.value == id }) { return (f, r) }
        }
        return nil
    }

    private mutating func existingRule(_ id: Located<String>) -> (Int, Int)? {
        if let address = ruleAddress(id.value) { return address }
        error(.checkUnknownRule, CheckMessages.unknown("rule", id.value), at: id.location, help: diagnostics.keeps(id.location.file) ? Suggest.help(for: id.value, in: files.lazy.flatMap(\.rules).map(\.id.value)) : nil)
        return nil
    }

    private mutating func existingVersion(_ name: Located<String>, of rule: RuleSyntax) -> Int? {
        if let v = rule.versions.firstIndex(where: { $0.name.value == name.value }) { return v }
        error(.checkUnknownVersion, ProposalMessages.noSuchVersion(rule.id.value, name.value), at: name.location,
            help: Suggest.help(for: name.value, in: rule.versions.map(\.name.value)) ?? ProposalMessages.versionsHelp(rule.versions.map(\.name.value)))
        return nil
    }
}

/// `rule/when/all[1]` or `rule#condition-id`: a rule id, then a path or an id.
struct ConditionAddress {
    var rule: String
    var path: [String]
    var conditionId: String?

    init(_ target: Located<String>) {
        let text = target.value
        if let hash = text.firstIndex(of: "#") {
            rule = String(text[..<hash])
            path = []
            conditionId = String(text[text.index(after: hash)...])
        } else {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            rule = parts[0]
            path = Array(parts.dropFirst())
        }
    }
}
