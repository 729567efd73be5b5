/// The rule graph's shape: cycles, and how deep conditions and rule references nest. Both
/// walks are iterative, so a rule set of any size (30,000 rules each naming the next) cannot
/// exhaust the stack here, and the depth limit keeps every later recursive walk — evaluation,
/// explanation, dumps — within a bounded depth.
extension Checker {
    /// The most levels of conditions and rule references from a program down to a fact.
    /// The law nests about 20 deep; the limit leaves room and keeps the evaluator's stack small.
    static let maximumDepth = 256
    /// The longest chain of derived facts computed from derived facts (the law has two).
    static let maximumDerivedDepth = 32

    /// Reports the first cycle of rule references; returns the rules in an order in which
    /// every rule comes after the rules it references, or nil when there is a cycle.
    mutating func reportRuleCycles() -> [Int]? {
        // 0 unvisited, 1 on the path, 2 done.
        var state = Array(repeating: 0, count: ruleSyntax.count)
        var order: [Int] = []
        order.reserveCapacity(ruleSyntax.count)
        for root in ruleSyntax.indices where state[root] == 0 {
            var path: [(rule: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = path.last {
                let refs = ruleRefs[top.rule]
                if top.next == refs.count {
                    path.removeLast()
                    state[top.rule] = 2
                    order.append(top.rule)
                    continue
                }
                path[path.count - 1].next += 1
                let j = refs[top.next]
                if state[j] == 1 {
                    let start = path.firstIndex { $0.rule == j }!
                    reportCycle(path[start...].map(\.rule) + [j])
                    return nil
                }
                if state[j] == 0 {
                    state[j] = 1
                    path.append((j, 0))
                }
            }
        }
        return order
    }

    mutating func reportCycle(_ loop: [Int]) {
        let names = loop.map { ruleSyntax[$0].id.value }
        if let changed = names.first(where: { changedRules[$0] != nil }), let location = changedRules[changed] {
            error(.checkCycle, CheckMessages.cycle(names), at: location, help: CheckMessages.cycleClosedHelp(changed, firstRule: ruleSyntax[loop[0]].id.location))
        } else {
            error(.checkCycle, CheckMessages.cycle(names), at: ruleSyntax[loop[0]].id.location, help: CheckMessages.cycleHelp)
        }
    }

    /// Reports the rule with the deepest nesting when it passes `maximumDepth` (once: the
    /// rules above it are deeper only because of it).
    mutating func reportDepth(_ rules: [RuleDecl], order: [Int]) {
        var depth = Array(repeating: 0, count: rules.count)
        for r in order {
            var deepest = 0
            for v in rules[r].versions {
                for c in [v.applies, v.when].compactMap({ $0 }) + v.unless + v.notes.map(\.when) {
                    deepest = max(deepest, Self.depth(of: c, rules: depth))
                }
            }
            for n in rules[r].notes { deepest = max(deepest, Self.depth(of: n.when, rules: depth)) }
            depth[r] = deepest + 1
            if depth[r] > Self.maximumDepth {
                error(.checkTooDeep, CheckMessages.tooDeep(depth[r], limit: Self.maximumDepth), at: ruleSyntax[r].id.location,
                      help: CheckMessages.tooDeepHelp(Self.maximumDepth))
                return
            }
        }
    }

    /// A condition's depth, with the rules it references taken from `rules`. Its own nesting
    /// is bounded by the YAML reader's nesting limit.
    static func depth(of c: CheckedCondition, rules: [Int]) -> Int {
        switch c.kind {
        case .all(let items), .any(let items): return 1 + (items.map { depth(of: $0, rules: rules) }.max() ?? 0)
        case .not(let inner), .possible(let inner): return 1 + depth(of: inner, rules: rules)
        case .rule(let r, _): return 1 + rules[r]
        case .records(_, _, let body): return 1 + depth(of: body, rules: rules)
        case .compare(_, let a, let b): return 1 + max(depth(of: a, rules: rules), depth(of: b, rules: rules))
        case .test, .decision, .memberRule: return 1
        }
    }

    static func depth(of v: CheckedValue, rules: [Int]) -> Int {
        switch v.kind {
        case .yearsBetween(let a, let b), .addDays(let a, let b), .addMonths(let a, let b), .addYears(let a, let b), .knownOr(let a, let b), .daysBetween(let a, let b):
            return 1 + max(depth(of: a, rules: rules), depth(of: b, rules: rules))
        case .sumRecords(_, let a, let c):
            return 1 + max(depth(of: a, rules: rules), c.map { depth(of: $0, rules: rules) } ?? 0)
        case .ifThenElse(let c, let a, let b):
            return 1 + max(depth(of: c, rules: rules), depth(of: a, rules: rules), depth(of: b, rules: rules))
        default: return 1
        }
    }
}
