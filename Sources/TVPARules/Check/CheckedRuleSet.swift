/// Check: the rule set with every name resolved to an index and every type checked.
/// Built only when the syntax trees have no errors; lowered to a `Program` by the compiler.
public struct CheckedRuleSet: Sendable {
    public var facts: [FactDecl]
    public var parameters: [ParameterDecl]
    public var rules: [RuleDecl]
    public var programs: [ProgramDecl]
    public var contradictions: [ContradictionDecl]
    public var clocks: [ClockDecl] = []
    public var evidence: [EvidenceDecl] = []
    /// The source files' paths and texts, for the digest and for dumps.
    public var sources: [SourceText]
    public var warnings: [Diagnostic]

    public func factIndex(_ name: String) -> Int? { facts.firstIndex { $0.name == name } }
    public func ruleIndex(_ id: String) -> Int? { rules.firstIndex { $0.id == id } }
}

public enum FactType: String, Sendable, Hashable {
    case bool, integer, date, enumeration = "enum", list, records, text, reference

    init(_ name: FactTypeName) {
        switch name {
        case .bool: self = .bool
        case .integer: self = .integer
        case .date: self = .date
        case .enum: self = .enumeration
        case .list: self = .list
        case .records: self = .records
        case .text: self = .text
        case .reference: self = .reference
        }
    }

    /// The type a value expression has: dates and integers compare; everything else is a test.
    var isNumeric: Bool { self == .integer || self == .date }
}

public struct FieldDecl: Sendable, Hashable {
    public var name: String
    public var type: FactType
    public var values: [String]
    /// Each value's label, in the order of `values` (empty: the rules give none).
    public var labels: [String] = []
}

public struct FactDecl: Sendable {
    public var name: String
    public var type: FactType
    public var values: [String]
    /// Each value's label for a report, in the order of `values` (empty: the rules give none,
    /// and reports show the codes).
    public var labels: [String] = []
    public var unknownValues: [Int]
    public var fields: [FieldDecl]
    public var question: String?
    /// The heading a form lists the fact under (`group:`), nil when the rules give none.
    public var group: String? = nil
    public var subject: SubjectName
    public var role: FactRole?
    public var sensitive: Bool
    public var future: Bool
    /// Date facts this one is on or before.
    public var notAfter: [Int]
    /// The formula, for a derived fact.
    public var derived: CheckedValue?
    /// Facts the formula reads (a derived fact's sources), transitively.
    public var sources: [Int]
    public var cite: [String]
    public var location: SourceLocation
    /// Rules, programs and contradictions that read this fact.
    public var readBy: [String]
    /// The values a case may give an integer fact (its `min:` / `max:`, else the language's
    /// `ValueLimits.integers`); nil for other types.
    public var bounds: ClosedRange<Int>? = nil
    /// How hard the question is to ask a survivor, and why it is asked (`asking:`, `why_asked:`).
    public var asking: Asking = .plain
    public var whyAsked: String?

    public var isDerived: Bool { derived != nil }
}

public struct ParameterDecl: Sendable {
    public struct DatedValue: Sendable {
        public var from: Int
        public var value: Int
        public var cite: [String]
        public var unverified: String?
        public var location: SourceLocation
    }
    public var name: String
    public var type: FactType
    public var title: String?
    public var values: [DatedValue]
    public var location: SourceLocation
}

public struct Says: Sendable, Hashable {
    public var met: String?
    public var notMet: String?
    public var unknown: String?
}

public struct NoteDecl: Sendable {
    public var when: CheckedCondition
    public var text: String
    public var cite: [String]
}

public struct VersionDecl: Sendable {
    public var name: String
    public var label: String
    public var cite: [String]
    public var from: Int?
    public var until: Int?
    public var applies: CheckedCondition?
    public var when: CheckedCondition
    public var unless: [CheckedCondition]
    public var says: Says?
    public var notes: [NoteDecl]
    public var unverified: String?
    public var location: SourceLocation
}

public struct RuleDecl: Sendable {
    public var id: String
    public var title: String
    public var cite: [String]
    public var says: Says
    public var discretionary: String?
    public var unverified: String?
    public var from: Int?
    public var until: Int?
    /// A rule without versions has one implicit version holding its `when` and `unless`.
    public var versions: [VersionDecl]
    public var hasDeclaredVersions: Bool
    public var combine: CombineSyntax?
    public var notes: [NoteDecl]
    public var location: SourceLocation
    /// Dated parameters the rule reads, in its conditions or its `says` sentences.
    public var parameters: [Int] = []
}

public struct NotApplicableDecl: Sendable {
    public var when: CheckedCondition
    public var because: String
    public var instead: String?
    public var cite: [String]
}

public struct ProgramDecl: Sendable {
    public var id: String
    public var title: String
    public var subject: SubjectName
    public var rule: Int
    public var cite: [String]
    public var lawVersion: String?
    public var discretionary: String?
    public var notApplicable: [NotApplicableDecl]
    public var notes: [NoteDecl]
    public var location: SourceLocation
    /// A family-member program's words for asking who the family members are.
    public var members: MembersQuestion? = nil
}

public struct ClockDecl: Sendable {
    public var id: String
    public var kind: ClockKind
    public var title: String
    public var subject: SubjectName
    public var date: CheckedValue
    public var when: CheckedCondition?
    public var says: String?
    public var cite: [String]
    public var unverified: String?
    public var warnWithin: Int?
    /// The facts an advocate can give that the date reads (derived facts expanded to their sources).
    public var dateFacts: [Int]
    public var location: SourceLocation
}

public struct EvidenceItemDecl: Sendable {
    public var id: String
    public var text: String
    public var cite: [String]
    public var onFile: CheckedCondition?
    public var required: Bool
    public var unverified: String?
    public var location: SourceLocation
}

public struct EvidenceDecl: Sendable {
    public var rule: Int
    public var guide: String?
    public var cite: [String]
    public var items: [EvidenceItemDecl]
    public var location: SourceLocation
}

public struct ContradictionDecl: Sendable {
    public var id: String
    public var when: CheckedCondition
    public var message: String
    public var cite: [String]
    public var location: SourceLocation
}

/// What a fact or field test checks, with enum values already resolved to bit positions.
public enum FactTest: Sendable, Hashable {
    case isTrue
    case equals(Int)
    case oneOf(UInt64)
    case has(Int)
    case subsetOf(UInt64)
}

/// Where a tested value comes from.
public enum Operand: Sendable, Hashable {
    case fact(Int)
    /// A field of the record being examined by `any_record` / `all_records`.
    case field(Int)
}

public struct CheckedCondition: Sendable {
    public indirect enum Kind: Sendable {
        case all([CheckedCondition])
        case any([CheckedCondition])
        case not(CheckedCondition)
        case possible(CheckedCondition)
        case rule(Int, version: Int?)
        case test(Operand, FactTest)
        case compare(ComparisonOperator, CheckedValue, CheckedValue)
        case records(every: Bool, fact: Int, CheckedCondition)
        case decision(fact: Int, granted: UInt64, denied: UInt64, pending: UInt64, by: String)
        /// A rule's status for the family member named by the reference fact.
        case memberRule(Int, reference: Int)
    }
    public var kind: Kind
    public var id: String?
    /// The node's address in its rule: `t.presence/when/any[2]`.
    public var path: String
    public var location: SourceLocation
}

public struct CheckedValue: Sendable {
    public indirect enum Kind: Sendable {
        case fact(Int)
        case field(Int)
        case decisionDate
        case constant(Int)
        case parameter(Int)
        case yearsBetween(CheckedValue, CheckedValue)
        case addDays(CheckedValue, CheckedValue)
        case addMonths(CheckedValue, CheckedValue)
        case addYears(CheckedValue, CheckedValue)
        case ifThenElse(CheckedCondition, CheckedValue, CheckedValue)
        case knownOr(CheckedValue, CheckedValue)
        case daysBetween(CheckedValue, CheckedValue)
        /// An integer summed over a records fact's records (those `where` holds for).
        case sumRecords(fact: Int, of: CheckedValue, where: CheckedCondition?)
    }
    public var kind: Kind
    public var type: FactType
    public var location: SourceLocation
}
