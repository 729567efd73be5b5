/// Explain: the steps that justify one decision, as data — statuses, fact references, notes
/// and sentences named by what they are, never as prose. `Render/ExplanationText.swift` owns
/// every word; the rules' own words (titles, `says`, notes, citations) come from the
/// `Legend` by index.
///
/// The tree is stored flat, one array per kind, so building it allocates a few arrays per
/// decision rather than a few per node: a node's children, facts and notes are ranges.
public struct Explanation: Sendable {
    public struct Node: Sendable {
        /// The rule, or the rule a version belongs to.
        public var rule: Int32
        /// A version node: its index in `Program.versions` (nil: the rule itself).
        public var version: Int32?
        public var status: Tri
        public var sentence: Sentence
        public var facts: Range<Int32>
        public var notes: Range<Int32>
        /// Into `Explanation.childList`.
        public var children: Range<Int32>
    }

    /// What a node's sentence says; Render words it.
    public enum Sentence: Sendable, Hashable {
        /// The rule is not in force on the decision date; `from` when it comes into force later.
        case notInForce(on: Int, from: Int?)
        /// The rule's (or the version's) own `says` sentence for this status, or where it has
        /// none for it, its title and the status. (A version's is for what its test came to,
        /// which is its node's status only when it surely applies.)
        case says(Tri)
        /// A version that does not apply on the decision date.
        case versionDoesNotApply
        /// A version without its own `says`: whether it applies, and what its test came to.
        case versionVerdict(VersionScope, body: Tri)
    }

    public enum VersionScope: Sendable, Hashable {
        /// Pinned by the program: applied whatever the decision date.
        case pinned
        case applies
        case mayApply
    }

    /// A note under a node.
    public enum NodeNote: Sendable, Hashable {
        /// A dated parameter the rule reads: `Legend.parameters[parameter].values[value]`.
        case parameter(Int32, value: Int32)
        /// A rule's note that held (`Legend.rules[rule].notes[index]`).
        case ruleNote(rule: Int32, index: Int32)
        /// A version's note that held (`Legend.versions[version].notes[index]`).
        case versionNote(version: Int32, index: Int32)
        /// Whether the version applies depends on facts not yet known.
        case applicabilityUnknown
    }

    public var nodes: [Node] = []
    public var childList: [Int32] = []
    public var facts: [ShownFact] = []
    public var notes: [NodeNote] = []
    /// The top node (the program's rule), when there is a tree.
    public var root: Int32?

    public func children(of n: Int32) -> ArraySlice<Int32> { childList[Int(nodes[Int(n)].children.lowerBound)..<Int(nodes[Int(n)].children.upperBound)] }
    public func facts(of n: Int32) -> ArraySlice<ShownFact> { facts[Int(nodes[Int(n)].facts.lowerBound)..<Int(nodes[Int(n)].facts.upperBound)] }
    public func notes(of n: Int32) -> ArraySlice<NodeNote> { notes[Int(nodes[Int(n)].notes.lowerBound)..<Int(nodes[Int(n)].notes.upperBound)] }

    /// Visits every node from the root depth first, a shared rule once per place it appears
    /// (the one traversal every renderer uses).
    public func walk(_ visit: (Int32, _ depth: Int) -> Void) {
        guard let root else { return }
        func go(_ n: Int32, _ depth: Int) {
            visit(n, depth)
            for c in children(of: n) { go(c, depth + 1) }
        }
        go(root, 0)
    }
}

/// A fact a node read, with its value in the case (a derived fact's computed value).
public struct ShownFact: Sendable, Hashable {
    public var slot: Int32
    public var value: FactValue
    /// Unknown because the person declined to answer it.
    public var declined = false
}

/// A note on a decision.
public enum DecisionNote: Sendable, Hashable {
    /// `Legend.programs[p].notApplicable[index]` held.
    case notApplicable(Int32)
    /// What to pursue instead, for that entry.
    case instead(Int32)
    /// `Legend.programs[p].notes[index]` held.
    case programNote(Int32)
    /// A decision pending, with who decides it (the rules' `by`).
    case awaitingDecision(by: String)
    /// A version's note that held somewhere under the decision (without its citation).
    case versionNote(version: Int32, index: Int32)
}
