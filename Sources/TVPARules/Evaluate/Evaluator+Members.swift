/// Rules read for another family member (`{rule: R, of: F}`): a T-6, the child of a
/// derivative, qualifies only when the member named by `fm_derivative_parent_id` is itself an
/// eligible derivative. Before the members' decisions, each such rule is decided for every
/// member, parents before the children that name them, so a member's decision reads its
/// parent's as a value and the trace of its own decision is never overwritten.
struct MemberRuleResult: Sendable {
    /// The member named by the reference: -1 when the reference is unknown, -2 when it names
    /// no member or the chain of references loops (both are case-file errors; never decided).
    var parent: Int32 = -1
    var status: Tri = .unknown
    /// What could still settle an unknown status: the member's own facts and pending decisions.
    var facts: [Int32] = []
    var memberFacts: [MemberFact] = []
    var pending: [Int32] = []
}

extension Evaluator {
    /// Decides every `program.memberRules` rule for every member of the case, in an order in
    /// which each member comes after the member it names (Kahn's order over the references,
    /// iterative, so a long chain of members cannot exhaust the stack).
    mutating func resolveMemberRules(_ file: CaseFile) {
        memberRuleResults.removeAll(keepingCapacity: true)
        guard !program.memberRules.isEmpty, !file.members.isEmpty else { return }
        var index: [String: Int32] = [:]
        for (m, member) in file.members.enumerated() where index[member.id] == nil { index[member.id] = Int32(m) }
        for pair in program.memberRules {
            var results = Array(repeating: MemberRuleResult(), count: file.members.count)
            var children = Array(repeating: [Int32](), count: file.members.count)
            var ready: [Int32] = []
            for (m, member) in file.members.enumerated() {
                if case .text(let t) = member.values[Int(pair.reference)] {
                    let parent = Int(t) < file.texts.count ? index[file.texts[Int(t)]] ?? -2 : -2
                    results[m].parent = parent == Int32(m) ? -2 : parent
                }
                if results[m].parent >= 0 { children[Int(results[m].parent)].append(Int32(m)) } else { ready.append(Int32(m)) }
            }
            memberRuleResults.append(results)
            let slot = memberRuleResults.count - 1
            var next = 0
            while next < ready.count {
                let m = Int(ready[next])
                next += 1
                decideMemberRule(slot, pair, member: m, values: file.members[m].values)
                ready += children[m]
            }
            // Members left over are on a loop of references (a case-file error): unknown.
        }
        // The decisions that follow select each member afresh.
        memberStamp &+= 1
    }

    mutating func decideMemberRule(_ slot: Int, _ pair: Program.MemberRule, member m: Int, values memberValues: [FactValue]) {
        select(memberValues: memberValues, member: m)
        let r = Int(pair.rule)
        let status = evalRule(r)
        var result = memberRuleResults[slot][m]
        result.status = status
        if status == .unknown {
            var walk = MissingWalk()
            walkRule(r, &walk)
            result.facts = walk.facts
            result.memberFacts = walk.memberFacts
            result.pending = walk.pending
        }
        memberRuleResults[slot][m] = result
    }

    /// The status of `program.memberRules[i]` for the member the current member names.
    func memberRuleStatus(_ i: Int) -> Tri {
        guard currentMember >= 0, i < memberRuleResults.count else { return .unknown }
        let parent = memberRuleResults[i][currentMember].parent
        return parent >= 0 ? memberRuleResults[i][Int(parent)].status : .unknown
    }

    /// Missing facts under an unknown member rule: the reference when it is not given, else
    /// what would settle the named member's own decision (asked of that member).
    mutating func walkMemberRule(_ i: Int, node: Int32, _ walk: inout MissingWalk) {
        let pair = program.memberRules[i]
        guard currentMember >= 0, i < memberRuleResults.count else { return }
        let parent = memberRuleResults[i][currentMember].parent
        guard parent >= 0 else {
            addFact(pair.reference, &walk)
            return
        }
        let named = memberRuleResults[i][Int(parent)]
        for f in named.facts {
            if program.facts[Int(f)].subjectIsMember { walk.add(member: parent, f) } else { walk.add(f) }
        }
        for other in named.memberFacts { walk.add(member: other.member, other.slot) }
        for p in named.pending where !walk.pending.contains(p) { walk.pending.append(p) }
    }
}
