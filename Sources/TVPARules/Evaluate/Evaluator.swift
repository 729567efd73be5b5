/// Evaluate: program × case → decisions. Kleene three-valued logic over the compiled arrays.
/// Pure and allocation-free per node: statuses go into buffers reused from case to case, and
/// they are the trace the explainer reads.
public struct Evaluator {
    public let program: Program
    /// On while producing a `Trace` (`Evaluator.trace`): every node is evaluated (no
    /// short-circuit) and the statuses each takes are kept in `seen`.
    var tracing = false
    /// Unknown dates take the bounds their declared order allows; off only when checking a
    /// case file's contradictions, which are about what the file says.
    public var boundedDates = true
    /// While tracing: which of false / true / unknown each condition node and each rule has
    /// taken (bit 0 false, bit 1 true, bit 2 unknown) since the last decision's trace.
    var seen: [UInt8] = []
    var ruleSeen: [UInt8] = []

    public private(set) var status: [Tri]
    var ruleStatus: [Tri]
    var ruleStamp: [UInt32]
    public private(set) var versionApplies: [Tri]
    public private(set) var versionBody: [Tri]
    var stamp: UInt32 = 0
    var memberStamp: UInt32 = 0

    public private(set) var values: [FactValue] = []
    var records: [[[FactValue]]] = []
    public private(set) var decisionDate = 0
    var parameterValues: [Span] = []
    var recordList: Int = -1
    var recordIndex: Int = -1
    /// The family member being decided (-1: the principal), and for each of
    /// `program.memberRules` what each member's rule came to (`Evaluator+Members.swift`).
    var currentMember: Int = -1
    var memberRuleResults: [[MemberRuleResult]] = []
    /// Per program, the note and `on_file` conditions its explanation can read (see
    /// `Evaluator.decisionNotes(of:)`); empty when the program carries no rule graph.
    let decisionNotes: [[Int32]]

    public init(program: Program) {
        self.program = program
        status = Array(repeating: .unknown, count: program.conditions.count)
        ruleStatus = Array(repeating: .unknown, count: program.rules.count)
        ruleStamp = Array(repeating: 0, count: program.rules.count)
        versionApplies = Array(repeating: .unknown, count: program.versions.count)
        versionBody = Array(repeating: .unknown, count: program.versions.count)
        parameterValues = Array(repeating: .everything, count: program.parameterTables.count)
        decisionNotes = Self.decisionNotes(of: program)
    }

    /// Starts a case: its values, its record lists and the decision date.
    public mutating func begin(values: [FactValue], records: [[[FactValue]]], decisionDate: Int) {
        self.values = values
        self.records = records
        if self.decisionDate != decisionDate || stamp == 0 {
            self.decisionDate = decisionDate
            for (p, table) in program.parameterTables.enumerated() {
                parameterValues[p] = table.last(where: { $0.from <= decisionDate }).map { .exactly($0.value) } ?? .everything
            }
        }
        // Stamps come from one increasing sequence, so a member's stamp in one case never
        // equals a member's stamp in an earlier case (a reused evaluator read stale statuses).
        stamp = memberStamp &+ 1
        memberStamp = stamp &+ 1
        currentMember = -1
        memberRuleResults.removeAll(keepingCapacity: true)
    }

    /// Switches the subject to a family member (their values include the principal's).
    public mutating func select(memberValues: [FactValue], member: Int = -1) {
        values = memberValues
        currentMember = member
        memberStamp &+= 1
    }

    /// The parameter value in force on the decision date.
    public func parameter(_ p: Int) -> Int? {
        let s = parameterValues[p]
        return s.isKnown ? s.lo : nil
    }

    // MARK: Programs

    public mutating func decide(_ p: Int, member: Int? = nil) -> RawDecision {
        let entry = program.programs[p]
        var notApplicable = Tri.no
        var naIndex: Int?
        for (i, n) in entry.notApplicable.enumerated() {
            let s = eval(n)
            if s == .yes {
                notApplicable = .yes
                naIndex = i
                break
            }
            if s == .unknown { notApplicable = .unknown }
        }
        if notApplicable == .yes {
            if tracing { _ = evalRule(Int(entry.rule)) }
            return RawDecision(program: p, member: member, outcome: .notEligible, reason: .notApplicable, notApplicable: naIndex, missingFacts: [], pendingDecisions: [])
        }
        let rule = evalRule(Int(entry.rule))
        let overall = and(notApplicable.negated, rule)
        switch overall {
        case .yes:
            return RawDecision(program: p, member: member, outcome: .eligible, reason: .criteriaMet, notApplicable: nil, missingFacts: [], pendingDecisions: [])
        case .no:
            return RawDecision(program: p, member: member, outcome: .notEligible, reason: .criteriaNotMet, notApplicable: nil, missingFacts: [], pendingDecisions: [])
        case .unknown:
            var walk = MissingWalk()
            for n in entry.notApplicable where status[Int(n)] == .unknown { walkCondition(n, &walk) }
            if rule == .unknown { walkRule(Int(entry.rule), &walk) }
            return RawDecision(
                program: p, member: member, outcome: .undetermined,
                reason: walk.facts.isEmpty && walk.memberFacts.isEmpty ? .awaitingDecision : .missingFacts,
                notApplicable: nil, missingFacts: walk.facts, pendingDecisions: walk.pending, memberFacts: walk.memberFacts)
        }
    }

    /// Evaluates a free-standing condition node (contradictions, notes).
    public mutating func evaluate(condition n: Int32) -> Tri { eval(n) }

    // MARK: Conditions

    @inline(__always) func and(_ a: Tri, _ b: Tri) -> Tri {
        if a == .no || b == .no { return .no }
        if a == .unknown || b == .unknown { return .unknown }
        return .yes
    }

    @inline(__always) func or(_ a: Tri, _ b: Tri) -> Tri {
        if a == .yes || b == .yes { return .yes }
        if a == .unknown || b == .unknown { return .unknown }
        return .no
    }

    mutating func eval(_ n: Int32) -> Tri {
        let result: Tri
        switch program.conditions[Int(n)] {
        case .all(let first, let count):
            var r = Tri.yes
            var k = first
            while k < first + count {
                let s = eval(program.children[Int(k)])
                if s == .no {
                    r = .no
                    if !tracing { break }
                } else if s == .unknown && r == .yes {
                    r = .unknown
                }
                k += 1
            }
            result = r
        case .any(let first, let count):
            var r = Tri.no
            var k = first
            while k < first + count {
                let s = eval(program.children[Int(k)])
                if s == .yes {
                    r = .yes
                    if !tracing { break }
                } else if s == .unknown && r == .no {
                    r = .unknown
                }
                k += 1
            }
            result = r
        case .not(let c):
            result = eval(c).negated
        case .possible(let c):
            result = eval(c) == .no ? .no : .yes
        case .rule(let r):
            result = evalRule(Int(r))
        case .pinnedVersion(_, let v):
            let body = evalVersionBody(Int(v))
            versionApplies[Int(v)] = .yes
            result = body
        case .test(let operand, let test):
            result = evalTest(operand, test)
        case .compare(let op, let a, let b):
            // The spans first: `compare(op, span(a), span(b))` would copy the whole evaluator
            // to call a non-mutating method with arguments that mutate it.
            let x = span(a), y = span(b)
            result = compare(op, x, y)
        case .records(let every, let fact, let body):
            result = evalRecords(every: every, fact: Int(fact), body: body)
        case .memberRule(let i):
            result = memberRuleStatus(Int(i))
        case .decision(let fact, let granted, let denied, let pending):
            switch values[Int(fact)] {
            case .choice(let c):
                let bit: UInt64 = 1 << UInt64(c)
                if program.facts[Int(fact)].unknownMask & bit != 0 { result = .unknown }
                else if granted & bit != 0 { result = .yes }
                else if pending & bit != 0 { result = .unknown }
                else if denied & bit != 0 { result = .no }
                else { result = .no }
            default:
                result = .unknown
            }
        }
        status[Int(n)] = result
        if tracing { seen[Int(n)] |= 1 << result.rawValue }
        return result
    }

    mutating func evalRecords(every: Bool, fact: Int, body: Int32) -> Tri {
        guard case .records(let list) = values[fact] else { return .unknown }
        let savedList = recordList, savedIndex = recordIndex
        defer {
            recordList = savedList
            recordIndex = savedIndex
        }
        recordList = Int(list)
        var r: Tri = every ? .yes : .no
        for i in records[Int(list)].indices {
            recordIndex = i
            let s = eval(body)
            r = every ? and(r, s) : or(r, s)
            if !tracing && r == (every ? .no : .yes) { break }
        }
        return r
    }

    @inline(__always) func operandValue(_ operand: Operand) -> FactValue {
        switch operand {
        case .fact(let f): return values[f]
        case .field(let f): return recordList >= 0 ? records[recordList][recordIndex][f] : .unknown
        }
    }

    mutating func evalTest(_ operand: Operand, _ test: FactTest) -> Tri {
        var value = operandValue(operand)
        var unknownMask: UInt64 = 0
        if case .fact(let f) = operand {
            let fact = program.facts[f]
            unknownMask = fact.unknownMask
            if case .unknown = value, fact.derived >= 0 {
                let s = span(fact.derived)
                guard s.isKnown else { return .unknown }
                value = fact.type == .bool ? .bool(s.lo != 0) : .number(s.lo)
            }
        }
        switch (value, test) {
        case (.unknown, _): return .unknown
        case (.bool(let b), .isTrue): return b ? .yes : .no
        case (.bool(let b), .equals(let k)): return (b ? 1 : 0) == k ? .yes : .no
        case (.number(let n), .equals(let k)): return n == k ? .yes : .no
        case (.choice(let c), _):
            let bit: UInt64 = 1 << UInt64(c)
            if unknownMask & bit != 0 { return .unknown }
            switch test {
            case .equals(let k): return c == k ? .yes : .no
            case .oneOf(let mask), .subsetOf(let mask): return mask & bit != 0 ? .yes : .no
            default: return .unknown
            }
        case (.set(let s), .oneOf(let mask)): return s & mask != 0 ? .yes : .no
        case (.set(let s), .has(let i)): return s & (1 << UInt64(i)) != 0 ? .yes : .no
        case (.set(let s), .subsetOf(let mask)): return s & ~mask == 0 ? .yes : .no
        default: return .unknown
        }
    }

    @inline(__always) func compare(_ op: ComparisonOperator, _ a: Span, _ b: Span) -> Tri {
        switch op {
        case .lt: return a.hi < b.lo ? .yes : (a.lo >= b.hi ? .no : .unknown)
        case .le: return a.hi <= b.lo ? .yes : (a.lo > b.hi ? .no : .unknown)
        case .gt: return b.hi < a.lo ? .yes : (b.lo >= a.hi ? .no : .unknown)
        case .ge: return b.hi <= a.lo ? .yes : (b.lo > a.hi ? .no : .unknown)
        case .eq: return a.isKnown && b.isKnown && a.lo == b.lo ? .yes : (a.hi < b.lo || b.hi < a.lo ? .no : .unknown)
        case .ne: return compare(.eq, a, b).negated
        }
    }

    // MARK: Rules and versions

    mutating func evalRule(_ r: Int) -> Tri {
        let rule = program.rules[r]
        let now = rule.perMember ? memberStamp : stamp
        if ruleStamp[r] == now { return ruleStatus[r] }
        var result = Tri.no
        if decisionDate >= rule.from && decisionDate <= rule.until {
            if !rule.hasDeclaredVersions {
                let v = rule.versions.lowerBound
                versionApplies[v] = .yes
                result = evalVersionBody(v)
            } else if rule.combine == .latest {
                var chosen = -1
                for v in rule.versions where inSpan(v) {
                    if chosen < 0 || program.versions[v].from > program.versions[chosen].from { chosen = v }
                }
                for v in rule.versions { versionApplies[v] = .no }
                if chosen >= 0 {
                    let a = applies(chosen)
                    versionApplies[chosen] = a
                    result = a == .no ? .no : and(a, evalVersionBody(chosen))
                }
            } else {
                for v in rule.versions {
                    let a = applies(v)
                    versionApplies[v] = a
                    if a == .no && !tracing { continue }
                    let body = evalVersionBody(v)
                    result = or(result, and(a, body))
                }
            }
        }
        ruleStatus[r] = result
        ruleStamp[r] = now
        if tracing { ruleSeen[r] |= 1 << result.rawValue }
        return result
    }

    @inline(__always) func inSpan(_ v: Int) -> Bool {
        let version = program.versions[v]
        return decisionDate >= version.from && decisionDate <= version.until
    }

    mutating func applies(_ v: Int) -> Tri {
        guard inSpan(v) else { return .no }
        let a = program.versions[v].applies
        return a >= 0 ? eval(a) : .yes
    }

    mutating func evalVersionBody(_ v: Int) -> Tri {
        let version = program.versions[v]
        let when = eval(version.when)
        var result = when
        if when != .no || tracing {
            var exception = Tri.no
            for u in version.unless { exception = or(exception, eval(u)) }
            result = and(when, exception.negated)
        }
        versionBody[v] = result
        return result
    }

    /// The rule's status for the current subject, or nil when this decision did not evaluate it.
    func ruleResult(_ r: Int) -> Tri? {
        let now = program.rules[r].perMember ? memberStamp : stamp
        return ruleStamp[r] == now ? ruleStatus[r] : nil
    }

    // MARK: Values

    mutating func span(_ n: Int32) -> Span {
        switch program.values[Int(n)] {
        case .fact(let f): return factSpan(Int(f))
        case .field(let f):
            guard recordList >= 0 else { return .everything }
            switch records[recordList][recordIndex][Int(f)] {
            case .number(let v): return .exactly(v)
            case .bool(let b): return .exactly(b ? 1 : 0)
            default: return .everything
            }
        case .decisionDate: return .exactly(decisionDate)
        case .constant(let c): return .exactly(c)
        case .parameter(let p): return parameterValues[Int(p)]
        case .yearsBetween(let a, let b):
            let x = span(a), y = span(b)
            let lo = (x.hi == .max || y.lo == .min) ? Int.min : CivilDate.yearsBetween(x.hi, y.lo)
            let hi = (x.lo == .min || y.hi == .max) ? Int.max : CivilDate.yearsBetween(x.lo, y.hi)
            return Span(lo: boundedDates ? ageFloor(n, lo, hi) : lo, hi: hi)
        case .addDays(let a, let b):
            let x = span(a), y = span(b)
            return Span(lo: add(x.lo, y.lo, CivilDate.addDays), hi: add(x.hi, y.hi, CivilDate.addDays))
        case .addMonths(let a, let b):
            let x = span(a), y = span(b)
            return Span(lo: add(x.lo, y.lo, CivilDate.addMonths), hi: add(x.hi, y.hi, CivilDate.addMonths))
        case .addYears(let a, let b):
            let x = span(a), y = span(b)
            return Span(lo: add(x.lo, y.lo, CivilDate.addYears), hi: add(x.hi, y.hi, CivilDate.addYears))
        case .ifThenElse(let c, let a, let b):
            switch eval(c) {
            case .yes: return span(a)
            case .no: return span(b)
            case .unknown: return span(a).hull(span(b))
            }
        case .knownOr(let a, let b):
            let x = span(a)
            return x.isKnown ? x : span(b)
        case .daysBetween(let a, let b):
            let x = span(a), y = span(b)
            let lo = (x.hi == .max || y.lo == .min) ? Int.min : y.lo - x.hi
            let hi = (x.lo == .min || y.hi == .max) ? Int.max : y.hi - x.lo
            return Span(lo: lo, hi: hi)
        case .sumRecords(let fact, let of, let condition):
            return sumRecords(Int(fact), of: of, where: condition)
        }
    }

    /// `sum_records` as an interval: a record whose condition holds adds its value's span; one
    /// whose condition is unknown adds 0 or its value (the interval's hull); an unknown record
    /// list, or an unbounded term, leaves that side unbounded.
    mutating func sumRecords(_ fact: Int, of: Int32, where condition: Int32) -> Span {
        guard case .records(let list) = values[fact] else { return .everything }
        let savedList = recordList, savedIndex = recordIndex
        defer {
            recordList = savedList
            recordIndex = savedIndex
        }
        recordList = Int(list)
        var lo = 0, hi = 0
        for i in records[Int(list)].indices {
            recordIndex = i
            let counts = condition >= 0 ? eval(condition) : .yes
            if counts == .no { continue }
            var s = span(of)
            if counts == .unknown { s = Span(lo: min(0, s.lo), hi: max(0, s.hi)) }
            lo = (lo == .min || s.lo == .min) ? .min : lo &+ s.lo
            hi = (hi == .max || s.hi == .max) ? .max : hi &+ s.hi
        }
        return Span(lo: lo, hi: hi)
    }

    /// The lower bound of an age raised by the given ages that floor it (`Program.ageFloors`).
    @inline(__always) func ageFloor(_ n: Int32, _ lo: Int, _ hi: Int) -> Int {
        var floor = lo
        for given in program.ageFloors[Int(n)] {
            switch (values[Int(given.slot)], given.minimumWhenFalse) {
            case (.number(let age), nil): floor = max(floor, age)
            case (.bool(false), .some(let minimum)): floor = max(floor, minimum)
            default: break
            }
        }
        // A floor above what the known dates allow would be a contradiction the case file's
        // checks report; it never narrows the interval to nothing.
        return floor <= hi ? floor : lo
    }

    /// Date arithmetic on two bounds: `Int.min` / `Int.max` are unbounded and stay so; `f`
    /// (`CivilDate`'s, which clamp) never gives either, so a finite sum stays finite.
    @inline(__always) func add(_ a: Int, _ b: Int, _ f: (Int, Int) -> Int) -> Int {
        if a == .min || b == .min { return .min }
        if a == .max || b == .max { return .max }
        return f(a, b)
    }

    /// A fact as an interval: its value, its formula, or the bounds its declared order allows.
    mutating func factSpan(_ f: Int) -> Span {
        switch values[f] {
        case .number(let v): return .exactly(v)
        case .bool(let b): return .exactly(b ? 1 : 0)
        case .unknown: break
        default: return .everything
        }
        let fact = program.facts[f]
        if fact.derived >= 0 { return span(fact.derived) }
        guard fact.type == .date, boundedDates else { return .everything }
        var lo = Int.min
        var hi = fact.future ? Int.max : decisionDate
        for j in fact.notAfter {
            if case .number(let v) = values[Int(j)] { hi = min(hi, v) }
        }
        for j in fact.notBefore {
            if case .number(let v) = values[Int(j)] { lo = max(lo, v) }
        }
        for given in fact.givenAges {
            guard case .number(let givenAge) = values[Int(given.slot)] else { continue }
            // The readers bound ages; the clamp keeps the months below from overflowing anyway.
            let age = min(max(givenAge, -CivilDate.years), CivilDate.years)
            let other = span(given.other)
            guard other.isKnown else { continue }
            lo = max(lo, CivilDate.addMonths(other.lo, -(age + 1) * 12) + 1)
            hi = min(hi, CivilDate.addMonths(other.lo, -age * 12))
        }
        return Span(lo: lo, hi: hi)
    }
}
