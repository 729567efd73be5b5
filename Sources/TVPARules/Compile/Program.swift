/// Compile: the checked rule set lowered to flat, indexed arrays. Facts are integer slots,
/// conditions and values are nodes addressed by index, rules are ordered once; nothing is
/// looked up by name at evaluation time.
public struct Program: Sendable {
    public enum ConditionOp: Sendable, Hashable {
        case all(first: Int32, count: Int32)
        case any(first: Int32, count: Int32)
        case not(Int32)
        case possible(Int32)
        case rule(Int32)
        case pinnedVersion(rule: Int32, version: Int32)
        case test(Operand, FactTest)
        case compare(ComparisonOperator, Int32, Int32)
        case records(every: Bool, fact: Int32, body: Int32)
        case decision(fact: Int32, granted: UInt64, denied: UInt64, pending: UInt64)
        /// `memberRules[i]`: a rule's status for the member a reference fact names.
        case memberRule(Int32)
    }

    /// A per-member rule read for another family member, through a reference fact.
    public struct MemberRule: Sendable, Hashable {
        public var rule: Int32
        public var reference: Int32
    }

    public enum ValueOp: Sendable, Hashable {
        case fact(Int32)
        case field(Int32)
        case decisionDate
        case constant(Int)
        case parameter(Int32)
        case yearsBetween(Int32, Int32)
        case addDays(Int32, Int32)
        case addMonths(Int32, Int32)
        case addYears(Int32, Int32)
        case ifThenElse(Int32, Int32, Int32)
        case knownOr(Int32, Int32)
        /// B − A in days.
        case daysBetween(Int32, Int32)
        /// Value `of` (a node read per record) summed over the records of `fact` for which
        /// condition `where` holds (-1: every record).
        case sumRecords(fact: Int32, of: Int32, where: Int32)
    }

    /// Static facts about a condition node, read only when explaining.
    public struct NodeInfo: Sendable {
        /// The node's address in its rule: `t.presence/when/any[2]`.
        public var path: String
        /// What declares the node (typed, so no reader parses `path` to find it).
        public var owner: NodeOwner
        public var id: String?
        public var location: SourceLocation
        /// Facts this node reads itself (not through referenced rules).
        public var facts: [Int32]
        public var decisionBy: String?
    }

    /// What a condition node belongs to.
    public enum NodeOwner: Sendable, Hashable {
        /// A rule's condition, version condition or note (`note` true for a note's condition).
        case rule(Int32, note: Bool)
        /// A program's `not_applicable` entry or note.
        case program(Int32)
        case contradiction(Int32)
        /// A derived fact's formula.
        case fact(Int32)
        /// A clock's date or condition, or an evidence list's `on_file` (`Program.clocks`, `Program.evidence`).
        case clock(Int32)
        case evidence(Int32)
    }

    /// A named date (`clocks:`): its value node, the condition under which it matters, and
    /// the facts that would fix it when it is not known.
    public struct Clock: Sendable {
        public var subject: SubjectName
        public var date: Int32
        public var when: Int32  // -1: always
        public var dateFacts: [Int32]
    }

    /// An element's evidence list: per item its `on_file` condition node (-1: the case does not record it).
    public struct EvidenceList: Sendable {
        public var rule: Int32
        public var onFile: [Int32]
    }

    public struct Version: Sendable {
        public var name: String
        public var from: Int
        public var until: Int
        public var applies: Int32  // -1: always
        public var when: Int32
        public var unless: [Int32]
        public var notes: [Int32]
    }

    public struct Rule: Sendable {
        public var from: Int
        public var until: Int
        public var versions: Range<Int>
        public var hasDeclaredVersions: Bool
        public var combine: CombineSyntax?
        /// Reads a family-member fact, so it is evaluated again for each member.
        public var perMember: Bool
        public var notes: [Int32]
    }

    public struct Fact: Sendable {
        public var type: FactType
        public var unknownMask: UInt64
        public var derived: Int32  // value node, or -1
        public var sources: [Int32]
        /// Known dates this (unknown) date is on or before, and on or after.
        public var notAfter: [Int32]
        public var notBefore: [Int32]
        public var future: Bool
        /// Derived ages `years_between(this, other)`: (derived slot, other value node).
        public var givenAges: [(slot: Int32, other: Int32)]
        /// A family member's fact (`subject: family_member`).
        public var subjectIsMember = false
        /// For a records fact: the fields some condition reads (bit i: field i), so a record
        /// that leaves one out can be pointed out when the case is read.
        public var readFields: UInt64 = 0
    }

    /// A given fact that puts a lower bound on an age: a given age (`minimum` nil: its value),
    /// or a given bool `age < minimum` that is false.
    public struct AgeFloor: Sendable, Hashable {
        public var slot: Int32
        public var minimumWhenFalse: Int?
    }

    public struct ProgramEntry: Sendable {
        public var id: String
        public var subject: SubjectName
        public var rule: Int32
        public var notApplicable: [Int32]
        public var notes: [Int32]
    }

    public var conditions: [ConditionOp] = []
    public var children: [Int32] = []
    public var values: [ValueOp] = []
    public var nodeInfo: [NodeInfo] = []
    public var facts: [Fact] = []
    public var rules: [Rule] = []
    public var versions: [Version] = []
    public var programs: [ProgramEntry] = []
    public var contradictions: [Int32] = []
    /// The rules read for another member (`{rule: R, of: F}`), each pair once.
    public var memberRules: [MemberRule] = []
    /// Per value node, the given ages that floor it when it is a `years_between` from a date
    /// of birth to a date known to follow the date the age was given at (semantics.md,
    /// revision 2: an age of 25 at the first act makes the person at least 25 on every later date).
    public var ageFloors: [[AgeFloor]] = []
    /// Per contradiction, whether it reads a family-member fact: it is then checked for each
    /// member (whose values include the principal's), else once for the principal.
    public var contradictionReadsMember: [Bool] = []
    /// Per parameter, its dated values sorted by `from`.
    public var parameterTables: [[(from: Int, value: Int)]] = []
    /// The derived facts' slots, and per rule whether it is decided per member (`Rule.perMember`),
    /// for a trace to read without copying each fact and rule out.
    public var derivedFacts: [Int32] = []
    public var perMemberRules: [Bool] = []
    /// Every note's condition (programs', rules' and versions'), evaluated after a traced decision.
    public var noteConditions: [Int32] = []
    public var clocks: [Clock] = []
    public var evidence: [EvidenceList] = []
    /// Names, texts, citations, the vocabulary and the rule graph: what later stages read.
    public var legend: Legend
    /// `sha256:` of the rule files, so a report says which law produced it.
    public var digest: String
    public var sourceName: String

    /// A rule's versions in the legend (one implicit version when it declares none).
    public func versions(ofRule r: Int) -> ArraySlice<VersionInfo> { legend.versions[rules[r].versions] }
    public func programIndex(_ id: String) -> Int? { programs.firstIndex { $0.id == id } }
    public func factIndex(_ name: String) -> Int? { factSlots[name] }
    /// Name → slot, built once so explaining looks nothing up linearly.
    public var factSlots: [String: Int] = [:]
}
