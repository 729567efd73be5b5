/// Compile: checked rule set → program.
public enum Compiler {
    public static func compile(_ checked: CheckedRuleSet, sourceName: String) -> Program {
        var builder = Builder(checked: checked, program: Program(legend: Legend.from(checked: checked), digest: SHA256.digest(of: checked.sources), sourceName: sourceName))
        builder.build()
        var program = builder.program
        for (i, f) in checked.facts.enumerated() { program.factSlots[f.name] = i }
        return program
    }

    struct Builder {
        let checked: CheckedRuleSet
        var program: Program
        /// The records facts whose `any_record` / `all_records` bodies are being compiled,
        /// innermost last: a `field` reads a field of the innermost.
        var recordFacts: [Int] = []
        /// What the nodes being compiled belong to.
        var owner: Program.NodeOwner = .fact(0)

        mutating func build() {
            let facts = checked.facts
            program.parameterTables = checked.parameters.map { $0.values.map { (from: $0.from, value: $0.value) } }
            // The declared order of dates, closed transitively: start ≤ request ≤ letter gives
            // start ≤ letter, so an unknown middle date does not break the chain.
            var notAfter = facts.map { Set($0.notAfter) }
            var changed = true
            while changed {
                changed = false
                for i in facts.indices {
                    let reach = notAfter[i].reduce(into: notAfter[i]) { $0.formUnion(notAfter[$1]) }.subtracting([i])
                    if reach.count != notAfter[i].count {
                        notAfter[i] = reach
                        changed = true
                    }
                }
            }
            var notBefore = Array(repeating: [Int32](), count: facts.count)
            for i in facts.indices {
                for j in notAfter[i].sorted() { notBefore[j].append(Int32(i)) }
            }
            for (i, f) in facts.enumerated() {
                owner = .fact(Int32(i))
                var unknownMask: UInt64 = 0
                for v in f.unknownValues { unknownMask |= 1 << UInt64(v) }
                program.facts.append(Program.Fact(
                    type: f.type, unknownMask: unknownMask, derived: f.derived.map { value($0) } ?? -1,
                    sources: f.sources.map { Int32($0) }, notAfter: notAfter[i].sorted().map { Int32($0) }, notBefore: notBefore[i],
                    future: f.future, givenAges: []))
            }
            for (i, f) in facts.enumerated() { program.facts[i].subjectIsMember = f.subject == .familyMember }
            // A given age narrows an unknown date of birth.
            for (i, f) in facts.enumerated() {
                if let d = f.derived, case .yearsBetween(let a, let b) = d.kind, case .fact(let birth) = a.kind {
                    program.facts[birth].givenAges.append((slot: Int32(i), other: value(b)))
                }
            }
            // Rules first reserve their slots so references can point forward.
            program.rules = checked.rules.map { _ in Program.Rule(from: .min, until: .max, versions: 0..<0, hasDeclaredVersions: false, combine: nil, perMember: false, notes: []) }
            for (i, r) in checked.rules.enumerated() {
                let start = program.versions.count
                for v in r.versions {
                    owner = .rule(Int32(i), note: false)
                    let applies = v.applies.map { condition($0) } ?? -1, when = condition(v.when), unless = v.unless.map { condition($0) }
                    owner = .rule(Int32(i), note: true)
                    program.versions.append(Program.Version(
                        name: v.name, from: v.from ?? .min, until: v.until ?? .max,
                        applies: applies, when: when, unless: unless, notes: v.notes.map { condition($0.when) }))
                }
                owner = .rule(Int32(i), note: true)
                program.rules[i] = Program.Rule(
                    from: r.from ?? .min, until: r.until ?? .max, versions: start..<program.versions.count,
                    hasDeclaredVersions: r.hasDeclaredVersions, combine: r.combine, perMember: false,
                    notes: r.notes.map { condition($0.when) })
            }
            markPerMemberRules()
            program.programs = checked.programs.enumerated().map { i, p in
                owner = .program(Int32(i))
                return Program.ProgramEntry(id: p.id, subject: p.subject, rule: Int32(p.rule), notApplicable: p.notApplicable.map { condition($0.when) }, notes: p.notes.map { condition($0.when) })
            }
            program.contradictions = checked.contradictions.enumerated().map { i, c in
                owner = .contradiction(Int32(i))
                return condition(c.when)
            }
            program.contradictionReadsMember = program.contradictions.map { node in
                program.nodeInfoFacts(node).contains { checked.facts[Int($0)].subject == .familyMember }
            }
            program.clocks = checked.clocks.enumerated().map { i, c in
                owner = .clock(Int32(i))
                return Program.Clock(subject: c.subject, date: value(c.date), when: c.when.map { condition($0) } ?? -1, dateFacts: c.dateFacts.map { Int32($0) })
            }
            program.evidence = checked.evidence.enumerated().map { i, e in
                owner = .evidence(Int32(i))
                return Program.EvidenceList(rule: Int32(e.rule), onFile: e.items.map { item in item.onFile.map { condition($0) } ?? -1 })
            }
            placeAgeFloors()
            program.derivedFacts = program.facts.indices.filter { program.facts[$0].derived >= 0 }.map { Int32($0) }
            program.perMemberRules = program.rules.map(\.perMember)
            // Evidence `on_file` conditions are evaluated after a traced decision, as notes are.
            program.noteConditions = program.rules.flatMap(\.notes) + program.versions.flatMap(\.notes) + program.programs.flatMap(\.notes)
                + program.evidence.flatMap { $0.onFile.filter { $0 >= 0 } }
        }

        /// Finds, for every `years_between(date_of_birth, X)`, the given ages that bound it from
        /// below: an age given on a date D (`age_at_first_trafficking_act` on the trafficking
        /// start) floors the age on every X known to be on or after D (the declared order of
        /// dates, the decision date, or a formula all of whose branches are such dates).
        mutating func placeAgeFloors() {
            program.ageFloors = Array(repeating: [], count: program.values.count)
            // Bool facts derived as `age < K`: given false, the age is at least K.
            var notUnder: [Int32: [(slot: Int32, minimum: Int)]] = [:]
            for (i, f) in program.facts.enumerated() where f.type == .bool && f.derived >= 0 {
                guard case .ifThenElse(let c, _, _) = program.values[Int(f.derived)],
                    case .compare(.lt, let a, let b) = program.conditions[Int(c)],
                    case .fact(let ageSlot) = program.values[Int(a)], case .constant(let k) = program.values[Int(b)]
                else { continue }
                notUnder[ageSlot, default: []].append((slot: Int32(i), minimum: k))
            }
            for n in program.values.indices {
                guard case .yearsBetween(let a, let b) = program.values[n], case .fact(let birth) = program.values[Int(a)] else { continue }
                var floors: [Program.AgeFloor] = []
                for given in program.facts[Int(birth)].givenAges {
                    guard case .fact(let on) = program.values[Int(given.other)], follows(b, on, depth: 0) else { continue }
                    floors.append(Program.AgeFloor(slot: given.slot, minimumWhenFalse: nil))
                    for bound in notUnder[given.slot] ?? [] { floors.append(Program.AgeFloor(slot: bound.slot, minimumWhenFalse: bound.minimum)) }
                }
                program.ageFloors[n] = floors
            }
        }

        /// Whether value node `v` is a date known to be on or after the date fact `slot`.
        func follows(_ v: Int32, _ slot: Int32, depth: Int) -> Bool {
            guard depth < 16 else { return false }
            switch program.values[Int(v)] {
            case .fact(let f):
                if f == slot || program.facts[Int(slot)].notAfter.contains(f) { return true }
                let derived = program.facts[Int(f)].derived
                return derived >= 0 && follows(derived, slot, depth: depth + 1)
            case .decisionDate:
                return !program.facts[Int(slot)].future
            case .knownOr(let x, let y), .ifThenElse(_, let x, let y):
                return follows(x, slot, depth: depth + 1) && follows(y, slot, depth: depth + 1)
            default:
                return false
            }
        }

        mutating func markPerMemberRules() {
            let facts = checked.facts
            func readsMember(_ n: Int32, _ rulesRead: inout [Int32]) -> Bool {
                var found = false
                for f in program.nodeInfo[Int(n)].facts {
                    if facts[Int(f)].subject == .familyMember { found = true }
                    if facts[Int(f)].sources.contains(where: { facts[$0].subject == .familyMember }) { found = true }
                }
                switch program.conditions[Int(n)] {
                case .all(let first, let count), .any(let first, let count):
                    for k in first..<(first + count) where readsMember(program.children[Int(k)], &rulesRead) { found = true }
                case .not(let c), .possible(let c): if readsMember(c, &rulesRead) { found = true }
                case .records(_, _, let body): if readsMember(body, &rulesRead) { found = true }
                case .rule(let r), .pinnedVersion(let r, _): rulesRead.append(r)
                default: break
                }
                return found
            }
            var direct = Array(repeating: false, count: program.rules.count)
            var refs = Array(repeating: [Int32](), count: program.rules.count)
            for (i, r) in program.rules.enumerated() {
                for v in program.versions[r.versions] {
                    for n in [v.applies, v.when] + v.unless where n >= 0 {
                        if readsMember(n, &refs[i]) { direct[i] = true }
                    }
                }
            }
            // A rule is per member when it, or any rule it reads, reads a member fact.
            var changed = true
            while changed {
                changed = false
                for i in program.rules.indices where !direct[i] && refs[i].contains(where: { direct[Int($0)] }) {
                    direct[i] = true
                    changed = true
                }
            }
            for i in program.rules.indices { program.rules[i].perMember = direct[i] }
        }

        mutating func condition(_ c: CheckedCondition) -> Int32 {
            let index = Int32(program.conditions.count)
            program.conditions.append(.all(first: 0, count: 0))
            program.nodeInfo.append(Program.NodeInfo(path: c.path, owner: owner, id: c.id, location: c.location, facts: [], decisionBy: nil))
            let op: Program.ConditionOp
            var factsRead: [Int32] = []
            switch c.kind {
            case .all(let items), .any(let items):
                let nodes = items.map { condition($0) }
                let first = Int32(program.children.count)
                program.children += nodes
                if case .all = c.kind { op = .all(first: first, count: Int32(nodes.count)) } else { op = .any(first: first, count: Int32(nodes.count)) }
            case .not(let inner):
                op = .not(condition(inner))
            case .possible(let inner):
                op = .possible(condition(inner))
            case .rule(let r, let version):
                if let version {
                    op = .pinnedVersion(rule: Int32(r), version: Int32(program.rules[r].versions.lowerBound + version))
                } else {
                    op = .rule(Int32(r))
                }
            case .test(let operand, let test):
                if case .fact(let f) = operand { factsRead.append(Int32(f)) }
                if case .field(let f) = operand { markFieldRead(f) }
                op = .test(operand, test)
            case .compare(let o, let a, let b):
                factsRead = factsOf(a) + factsOf(b)
                op = .compare(o, value(a), value(b))
            case .records(let every, let fact, let body):
                factsRead = [Int32(fact)]
                recordFacts.append(fact)
                op = .records(every: every, fact: Int32(fact), body: condition(body))
                recordFacts.removeLast()
            case .memberRule(let r, let reference):
                factsRead = [Int32(reference)]
                let pair = Program.MemberRule(rule: Int32(r), reference: Int32(reference))
                if let i = program.memberRules.firstIndex(of: pair) {
                    op = .memberRule(Int32(i))
                } else {
                    program.memberRules.append(pair)
                    op = .memberRule(Int32(program.memberRules.count - 1))
                }
            case .decision(let fact, let granted, let denied, let pending, let by):
                factsRead = [Int32(fact)]
                program.nodeInfo[Int(index)].decisionBy = by
                op = .decision(fact: Int32(fact), granted: granted, denied: denied, pending: pending)
            }
            program.conditions[Int(index)] = op
            program.nodeInfo[Int(index)].facts = factsRead
            return index
        }

        mutating func markFieldRead(_ field: Int) {
            guard let fact = recordFacts.last, field < 64 else { return }
            program.facts[fact].readFields |= 1 << UInt64(field)
        }

        func factsOf(_ v: CheckedValue) -> [Int32] {
            switch v.kind {
            case .fact(let f): return [Int32(f)]
            case .yearsBetween(let a, let b), .addDays(let a, let b), .addMonths(let a, let b), .addYears(let a, let b), .knownOr(let a, let b), .daysBetween(let a, let b):
                return factsOf(a) + factsOf(b)
            case .sumRecords(let f, _, _): return [Int32(f)]
            case .ifThenElse(_, let a, let b): return factsOf(a) + factsOf(b)
            default: return []
            }
        }

        mutating func value(_ v: CheckedValue) -> Int32 {
            let op: Program.ValueOp
            switch v.kind {
            case .fact(let f): op = .fact(Int32(f))
            case .field(let f):
                markFieldRead(f)
                op = .field(Int32(f))
            case .decisionDate: op = .decisionDate
            case .constant(let n): op = .constant(n)
            case .parameter(let p): op = .parameter(Int32(p))
            case .yearsBetween(let a, let b): op = .yearsBetween(value(a), value(b))
            case .addDays(let a, let b): op = .addDays(value(a), value(b))
            case .addMonths(let a, let b): op = .addMonths(value(a), value(b))
            case .addYears(let a, let b): op = .addYears(value(a), value(b))
            case .knownOr(let a, let b): op = .knownOr(value(a), value(b))
            case .ifThenElse(let c, let a, let b): op = .ifThenElse(condition(c), value(a), value(b))
            case .daysBetween(let a, let b): op = .daysBetween(value(a), value(b))
            case .sumRecords(let f, let of, let c):
                recordFacts.append(f)
                let o = value(of)
                var w: Int32 = -1
                if let c { w = condition(c) }
                recordFacts.removeLast()
                op = .sumRecords(fact: Int32(f), of: o, where: w)
            }
            program.values.append(op)
            return Int32(program.values.count - 1)
        }
    }
}
