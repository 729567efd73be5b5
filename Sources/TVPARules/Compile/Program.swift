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
    }

    /// Static facts about a condition node, read only when explaining.
    public struct NodeInfo: Sendable {
        public var path: String
        public var id: String?
        public var location: SourceLocation
        /// Facts this node reads itself (not through referenced rules).
        public var facts: [Int32]
        public var decisionBy: String?
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
        /// For a records fact: the fields some condition reads (bit i: field i), so a record
        /// that leaves one out can be pointed out when the case is read.
        public var readFields: UInt64 = 0
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
    /// Per parameter, its dated values sorted by `from`.
    public var parameterTables: [[(from: Int, value: Int)]] = []
    /// The checked rule set, for names, texts and citations when explaining.
    public var checked: CheckedRuleSet
    /// `sha256:` of the rule files, so a report says which law produced it.
    public var digest: String
    public var sourceName: String

    public func programIndex(_ id: String) -> Int? { programs.firstIndex { $0.id == id } }
    public func factIndex(_ name: String) -> Int? { factSlots[name] }
    /// Name → slot, built once so explaining looks nothing up linearly.
    public var factSlots: [String: Int] = [:]
}
