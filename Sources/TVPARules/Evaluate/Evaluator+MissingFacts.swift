/// Missing facts, as `semantics.md` defines them: walking from an undetermined program down
/// through unknown nodes only, a fact is listed when it is a leaf of an unknown node none of
/// whose siblings already decides it. A fact made irrelevant by a known fact is never reached.
struct MissingWalk {
    var facts: [Int32] = []
    var pending: [Int32] = []
    /// Another family member's facts (a T-6's derivative parent): (member index, slot).
    var memberFacts: [MemberFact] = []

    mutating func add(member: Int32, _ f: Int32) {
        let entry = MemberFact(member: member, slot: f)
        if !memberFacts.contains(entry) { memberFacts.append(entry) }
    }

    mutating func add(_ f: Int32) {
        if !facts.contains(f) { facts.append(f) }
    }
}

extension Evaluator {
    mutating func walkCondition(_ n: Int32, _ walk: inout MissingWalk) {
        guard status[Int(n)] == .unknown else { return }
        switch program.conditions[Int(n)] {
        case .all(let first, let count), .any(let first, let count):
            for k in first..<(first + count) {
                let child = program.children[Int(k)]
                if status[Int(child)] == .unknown { walkCondition(child, &walk) }
            }
        case .not(let c):
            walkCondition(c, &walk)
        case .possible:
            break  // never unknown
        case .rule(let r):
            walkRule(Int(r), &walk)
        case .pinnedVersion(_, let v):
            walkVersionBody(Int(v), &walk)
        case .test(let operand, _):
            if case .fact(let f) = operand { addFact(Int32(f), &walk) }
        case .compare(_, let a, let b):
            walkValue(a, &walk)
            walkValue(b, &walk)
        case .records(_, let fact, _):
            addFact(fact, &walk)
        case .memberRule(let i):
            walkMemberRule(Int(i), node: n, &walk)
        case .decision(let fact, _, _, let pending):
            if case .choice(let c) = values[Int(fact)], pending & (1 << UInt64(c)) != 0,
                program.facts[Int(fact)].unknownMask & (1 << UInt64(c)) == 0
            {
                if !walk.pending.contains(n) { walk.pending.append(n) }
            } else {
                addFact(fact, &walk)
            }
        }
    }

    mutating func walkRule(_ r: Int, _ walk: inout MissingWalk) {
        let rule = program.rules[r]
        for v in rule.versions {
            let applies = versionApplies[v], body = versionBody[v]
            guard and(applies, body) == .unknown else { continue }
            let a = program.versions[v].applies
            if applies == .unknown && a >= 0 { walkCondition(a, &walk) }
            if body == .unknown { walkVersionBody(v, &walk) }
        }
    }

    mutating func walkVersionBody(_ v: Int, _ walk: inout MissingWalk) {
        let version = program.versions[v]
        if status[Int(version.when)] == .unknown { walkCondition(version.when, &walk) }
        guard status[Int(version.when)] != .no else { return }
        for u in version.unless where status[Int(u)] == .unknown { walkCondition(u, &walk) }
    }

    mutating func walkValue(_ n: Int32, _ walk: inout MissingWalk) {
        switch program.values[Int(n)] {
        case .fact(let f):
            guard !factSpan(Int(f)).isKnown else { break }
            addFact(f, &walk)
            // An unknown date decided only through its bounds: the unknown dates it is known
            // to follow could settle it too (semantics.md, revision 2: an adult with no request
            // date is asked when the trafficking began, since a start at 18 or older settles
            // the child programs).
            if program.facts[Int(f)].type == .date, boundedDates, !values[Int(f)].isKnown {
                for j in program.facts[Int(f)].notBefore where !values[Int(j)].isKnown { addFact(j, &walk) }
            }
        case .yearsBetween(let a, let b), .addDays(let a, let b), .addMonths(let a, let b), .addYears(let a, let b), .daysBetween(let a, let b):
            walkValue(a, &walk)
            walkValue(b, &walk)
        case .sumRecords(let fact, _, _):
            // A record's fields are entered with the record: the list is the question.
            if !values[Int(fact)].isKnown { addFact(fact, &walk) }
        case .ifThenElse(let c, let a, let b):
            switch eval(c) {
            case .yes: walkValue(a, &walk)
            case .no: walkValue(b, &walk)
            case .unknown:
                walkCondition(c, &walk)
                walkValue(a, &walk)
                walkValue(b, &walk)
            }
        case .knownOr(let a, let b):
            if !span(a).isKnown {
                walkValue(a, &walk)
                walkValue(b, &walk)
            }
        default:
            break
        }
    }

    /// A derived fact is asked for through the facts it is computed from.
    mutating func addFact(_ f: Int32, _ walk: inout MissingWalk) {
        let fact = program.facts[Int(f)]
        if fact.derived >= 0, !values[Int(f)].isKnown {
            walkValue(fact.derived, &walk)
            if fact.type == .bool, case .ifThenElse(let c, _, _) = program.values[Int(fact.derived)] {
                if status[Int(c)] == .unknown { walkCondition(c, &walk) }
            }
            return
        }
        walk.add(f)
    }
}
