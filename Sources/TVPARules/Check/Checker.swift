/// Check: syntax trees → checked rule set. Resolves names, checks types, dates, cycles and
/// citations, and collects every error at once.
public struct Checker {
    /// Capped per file: a file with a million bad references costs a hundred and a count.
    var diagnostics = DiagnosticBag(summary: .checkMoreDiagnostics)
    var facts: [FactDecl] = []
    var factIndex: [String: Int] = [:]
    var parameterIndex: [String: Int] = [:]
    var parameters: [ParameterDecl] = []
    var ruleIndex: [String: Int] = [:]
    var ruleSyntax: [RuleSyntax] = []
    /// For each rule, the rules it references (for cycles) and the facts it reads.
    var ruleRefs: [[Int]] = []
    var ruleFacts: [Set<Int>] = []

    /// Rules a proposal changed, and where: a cycle through one is reported at that change,
    /// since the user wrote the change, not the base rule the cycle starts from.
    var changedRules: [String: SourceLocation] = [:]

    public static func check(_ files: [SyntaxFile], sources: [SourceText], changedRules: [String: SourceLocation] = [:]) -> (CheckedRuleSet?, [Diagnostic]) {
        var checker = Checker()
        checker.changedRules = changedRules
        let result = checker.run(files, sources: sources)
        let errors = checker.diagnostics.hasErrors
        return (errors ? nil : result, checker.diagnostics.all)
    }

    /// A fact's (or a field's) `labels:`, in the order of its values: each key a declared value,
    /// each value labelled once, and, when any is labelled, every one (a report must never mix
    /// words and codes). No labels at all is allowed: reports then print the codes.
    mutating func checkLabels(_ labels: [ValueLabel], values: [String], of name: String, at location: SourceLocation) -> [String] {
        guard !labels.isEmpty else { return [] }
        var byValue: [String: String] = [:]
        for entry in labels {
            guard values.contains(entry.value.value) else {
                error(.checkUnknownValue, CheckMessages.unknownValue(entry.value.value, of: name), at: entry.value.location, help: Suggest.help(for: entry.value.value, in: values))
                continue
            }
            if entry.label.trimmingWhitespace.isEmpty || entry.label.contains(where: \.isNewline) {
                error(.checkTypeMismatch, CheckMessages.badLabel(entry.value.value, of: name), at: entry.value.location)
            }
            byValue[entry.value.value] = entry.label
        }
        let missing = values.filter { byValue[$0] == nil }
        if !missing.isEmpty {
            error(.checkMissingLabel, CheckMessages.missingLabels(missing, of: name), at: labels[0].value.location)
            return []
        }
        return values.map { byValue[$0]! }
    }

    mutating func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation, help: String? = nil) {
        diagnostics.append(Diagnostic(id, message, at: location, help: help))
    }

    mutating func run(_ files: [SyntaxFile], sources: [SourceText]) -> CheckedRuleSet {
        declareFacts(files)
        declareParameters(files)
        var programsSyntax: [ProgramSyntax] = []
        var programFirst: [String: SourceLocation] = [:]
        for file in files {
            for rule in file.rules {
                if let first = ruleIndex[rule.id.value] {
                    error(.checkDuplicateId, CheckMessages.duplicate("rule", rule.id.value, first: ruleSyntax[first].id.location), at: rule.id.location)
                    continue
                }
                ruleIndex[rule.id.value] = ruleSyntax.count
                ruleSyntax.append(rule)
            }
            for program in file.programs {
                if let first = programFirst[program.id.value] {
                    error(.checkDuplicateId, CheckMessages.duplicate("program", program.id.value, first: first), at: program.id.location)
                    continue
                }
                programFirst[program.id.value] = program.id.location
                programsSyntax.append(program)
            }
        }
        resolveDerived(files)
        ruleRefs = Array(repeating: [], count: ruleSyntax.count)
        ruleFacts = Array(repeating: [], count: ruleSyntax.count)
        let rules = ruleSyntax.indices.map { resolveRule($0) }
        if let order = reportRuleCycles() { reportDepth(rules, order: order) }
        var programs: [ProgramDecl] = []
        for program in programsSyntax {
            if let decl = resolveProgram(program) { programs.append(decl) }
        }
        var contradictions: [ContradictionDecl] = []
        var contradictionFirst: [String: SourceLocation] = [:]
        for file in files {
            for c in file.contradictions {
                if let first = contradictionFirst[c.id.value] {
                    error(.checkDuplicateId, CheckMessages.duplicate("contradiction", c.id.value, first: first), at: c.id.location)
                    continue
                }
                contradictionFirst[c.id.value] = c.id.location
                var scope = Scope(reader: "contradiction \(c.id.value)", path: "contradiction \(c.id.value)")
                let when = condition(c.when, &scope)
                contradictions.append(ContradictionDecl(id: c.id.value, when: when, message: c.message, cite: c.cite.map(\.value), location: c.id.location))
            }
        }
        let clocks = resolveClocks(files)
        let evidence = resolveEvidence(files)
        let warnings = reportUnusedFacts()
        return CheckedRuleSet(facts: facts, parameters: parameters, rules: rules, programs: programs, contradictions: contradictions, clocks: clocks, evidence: evidence, sources: sources, warnings: warnings)
    }

    // MARK: Declarations

    mutating func declareFacts(_ files: [SyntaxFile]) {
        var pending: [(FactSyntax?, DerivedSyntax?)] = []
        for file in files {
            pending += file.facts.map { ($0, nil) }
            pending += file.derived.map { (nil, $0) }
        }
        for (fact, derived) in pending {
            let name = fact?.name ?? derived!.name
            if let first = factIndex[name.value] {
                error(.checkDuplicateId, CheckMessages.duplicate("fact", name.value, first: facts[first].location), at: name.location)
                continue
            }
            factIndex[name.value] = facts.count
            if let fact {
                var values = fact.values.map(\.value)
                if values.count > 64 {
                    error(.checkTypeMismatch, CheckMessages.tooManyValues(name.value), at: name.location)
                    values = Array(values.prefix(64))
                }
                if [.enum, .list].contains(fact.type.value) && values.isEmpty {
                    error(.checkIncompleteFact, CheckMessages.factNeedsValues(name.value, fact.type.value.rawValue), at: fact.type.location)
                }
                let unknownValues: [Int] = fact.unknownValues.compactMap { v in
                    guard let i = values.firstIndex(of: v.value) else {
                        error(.checkUnknownValue, CheckMessages.unknownValue(v.value, of: name.value), at: v.location, help: Suggest.help(for: v.value, in: values))
                        return nil
                    }
                    return i
                }
                let fields = fact.fields.map { field in
                    FieldDecl(name: field.name.value, type: FactType(field.type.value), values: field.values.map(\.value),
                              labels: checkLabels(field.labels, values: field.values.map(\.value), of: "\(name.value).\(field.name.value)", at: field.name.location))
                }
                let labels = checkLabels(fact.labels, values: values, of: name.value, at: name.location)
                if fact.type.value == .records && fields.isEmpty {
                    error(.checkIncompleteFact, CheckMessages.recordsNeedFields(name.value), at: fact.type.location)
                }
                facts.append(FactDecl(
                    name: name.value, type: FactType(fact.type.value), values: values, labels: labels, unknownValues: unknownValues, fields: fields,
                    question: fact.question, subject: fact.subject, role: fact.role, sensitive: fact.sensitive || fact.type.value == .text,
                    future: fact.future, notAfter: [], derived: nil, sources: [], cite: fact.cite.map(\.value), location: name.location, readBy: [],
                    bounds: bounds(name.value, fact.type, fact.minimum, fact.maximum), asking: fact.asking, whyAsked: fact.whyAsked))
                facts[facts.count - 1].group = fact.group
            } else if let derived {
                facts.append(FactDecl(
                    name: name.value, type: FactType(derived.type.value), values: [], unknownValues: [], fields: [], question: derived.question,
                    subject: .principal, role: nil, sensitive: false, future: false, notAfter: [], derived: nil, sources: [], cite: [],
                    location: name.location, readBy: [], bounds: bounds(name.value, derived.type, derived.minimum, derived.maximum)))
                facts[facts.count - 1].group = derived.group
            }
        }
        // Bounds resolve once every fact is declared.
        for file in files {
            for fact in file.facts {
                guard let i = factIndex[fact.name.value], facts[i].location == fact.name.location else { continue }
                for other in fact.notAfter {
                    guard let j = lookupFact(other) else { continue }
                    if facts[j].type != .date || facts[i].type != .date {
                        error(.checkTypeMismatch, CheckMessages.notAfterNotDates(fact.name.value, other.value), at: other.location)
                        continue
                    }
                    facts[i].notAfter.append(j)
                    facts[j].readBy.append("bounds of \(fact.name.value)")
                }
            }
        }
    }

    /// An integer fact's bounds: its `min:` / `max:`, each side defaulting to the language's.
    mutating func bounds(_ name: String, _ type: Located<FactTypeName>, _ minimum: Located<Int>?, _ maximum: Located<Int>?) -> ClosedRange<Int>? {
        guard type.value == .integer else {
            if let given = minimum ?? maximum {
                error(.checkTypeMismatch, CheckMessages.typeMismatch(CheckMessages.boundsOnNonInteger(name, type.value.rawValue)), at: given.location)
            }
            return nil
        }
        let lo = minimum?.value ?? ValueLimits.integers.lowerBound, hi = maximum?.value ?? ValueLimits.integers.upperBound
        guard lo <= hi else {
            error(.checkOutOfRange, CheckMessages.boundsReversed(name, min: lo, max: hi), at: (minimum ?? maximum)!.location)
            return ValueLimits.integers
        }
        return lo...hi
    }

    mutating func declareParameters(_ files: [SyntaxFile]) {
        for file in files {
            for p in file.parameters {
                if let first = parameterIndex[p.name.value] {
                    error(.checkDuplicateId, CheckMessages.duplicate("parameter", p.name.value, first: parameters[first].location), at: p.name.location)
                    continue
                }
                let type = FactType(p.type.value)
                if !type.isNumeric {
                    error(.checkTypeMismatch, CheckMessages.parameterType(type.rawValue), at: p.type.location)
                }
                var values: [ParameterDecl.DatedValue] = []
                for v in p.values.sorted(by: { $0.from.value < $1.from.value }) {
                    if v.cite.isEmpty {
                        error(.checkMissingCitation, CheckMessages.valueMissingCitation(p.name.value, from: v.from.value), at: v.location)
                    }
                    if type == .integer, let (_, inRange) = ValueLimits.integer(v.value.value), !inRange {
                        error(.checkOutOfRange, CheckMessages.parameterOutOfRange(v.value.value, p.name.value), at: v.value.location, help: CheckMessages.integerRangeHelp)
                        continue
                    }
                    let parsed = type == .date ? CivilDate.parse(v.value.value) : Int(v.value.value)
                    guard let value = parsed else {
                        error(.checkTypeMismatch, CheckMessages.notAValid(type.rawValue, v.value.value), at: v.value.location)
                        continue
                    }
                    values.append(.init(from: v.from.value, value: value, cite: v.cite.map(\.value), unverified: v.unverified, location: v.location))
                }
                parameterIndex[p.name.value] = parameters.count
                parameters.append(ParameterDecl(name: p.name.value, type: type, title: p.title, values: values, location: p.name.location))
            }
        }
    }

    mutating func resolveDerived(_ files: [SyntaxFile]) {
        var derivedSyntax: [Int: DerivedSyntax] = [:]
        for file in files {
            for d in file.derived {
                if let i = factIndex[d.name.value], facts[i].location == d.name.location { derivedSyntax[i] = d }
            }
        }
        var dependencies: [Int: [Int]] = [:]
        for (i, d) in derivedSyntax.sorted(by: { $0.key < $1.key }) {
            var scope = Scope(reader: "derived fact \(d.name.value)", path: d.name.value)
            let value = self.value(d.compute, &scope)
            let declared = facts[i].type
            let actual = value.type == .integer && declared == .bool ? .bool : value.type
            if actual != declared && !(declared == .bool && value.type == .integer) {
                error(.checkTypeMismatch, CheckMessages.derivedComputes(d.name.value, declared: declared.rawValue, computes: value.type.rawValue), at: d.compute.location)
            }
            facts[i].derived = value
            facts[i].sources = Array(scope.facts).sorted()
            dependencies[i] = scope.facts.filter { derivedSyntax[$0] != nil }.sorted()
        }
        // A derived fact may not depend on itself, nor through a chain deeper than the
        // evaluator should follow: an iterative walk, so a long chain costs no stack here.
        var state: [Int: Int] = [:]
        var depth: [Int: Int] = [:]
        search: for root in dependencies.keys.sorted() where state[root] == nil {
            var path: [(fact: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = path.last {
                let deps = dependencies[top.fact] ?? []
                if top.next == deps.count {
                    path.removeLast()
                    state[top.fact] = 2
                    depth[top.fact] = 1 + (deps.map { depth[$0] ?? 0 }.max() ?? 0)
                    if depth[top.fact]! > Self.maximumDerivedDepth {
                        error(.checkTooDeep, CheckMessages.tooDeepDerived(depth[top.fact]!, limit: Self.maximumDerivedDepth), at: facts[top.fact].location)
                        break search
                    }
                    continue
                }
                path[path.count - 1].next += 1
                let j = deps[top.next]
                if state[j] == 1 {
                    let start = path.firstIndex { $0.fact == j }!
                    error(.checkCycle, CheckMessages.cycle((path[start...].map(\.fact) + [j]).map { facts[$0].name }), at: facts[j].location)
                    break search
                }
                if state[j] == nil {
                    state[j] = 1
                    path.append((j, 0))
                }
            }
        }
        // Expand derived sources to the facts an advocate can be asked for.
        for i in derivedSyntax.keys.sorted() {
            var seen = Set<Int>(), queue = facts[i].sources, result = Set<Int>()
            while let j = queue.popLast() {
                guard seen.insert(j).inserted else { continue }
                if derivedSyntax[j] != nil { queue += facts[j].sources } else { result.insert(j) }
            }
            facts[i].sources = result.sorted()
        }
    }

    // MARK: Lookups

    mutating func lookupFact(_ name: Located<String>) -> Int? {
        if let i = factIndex[name.value] { return i }
        error(.checkUnknownFact, CheckMessages.unknown("fact", name.value), at: name.location, help: diagnostics.keeps(name.location.file) ? Suggest.help(for: name.value, in: factIndex.keys) : nil)
        return nil
    }

    mutating func lookupRule(_ name: Located<String>) -> Int? {
        if let i = ruleIndex[name.value] { return i }
        error(.checkUnknownRule, CheckMessages.unknown("rule", name.value), at: name.location, help: diagnostics.keeps(name.location.file) ? Suggest.help(for: name.value, in: ruleIndex.keys) : nil)
        return nil
    }
}
