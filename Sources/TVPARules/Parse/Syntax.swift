/// The syntax tree of the rule language: the YAML's shape, every node with its location.
/// Names are not resolved yet; that is the checker's job.

/// A value with the place it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
    public init(_ value: Value, _ location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One rule file, parsed.
public struct SyntaxFile: Sendable, Hashable {
    public var path: String
    public var facts: [FactSyntax] = []
    public var derived: [DerivedSyntax] = []
    public var contradictions: [ContradictionSyntax] = []
    public var parameters: [ParameterSyntax] = []
    public var rules: [RuleSyntax] = []
    public var programs: [ProgramSyntax] = []
    public var clocks: [ClockSyntax] = []
    public var evidence: [EvidenceSyntax] = []
}

public enum FactTypeName: String, Sendable, Hashable, CaseIterable {
    case bool, integer, date, `enum`, list, records, text, reference
}

public enum SubjectName: String, Sendable, Hashable, CaseIterable {
    case principal
    case familyMember = "family_member"
}

public enum FactRole: String, Sendable, Hashable, CaseIterable {
    case reserved, context
}

/// How hard a question is to ask a survivor (`asking:` on a fact): an interview asks the
/// least hard first among questions that settle as many decisions, and before a `careful` or
/// `hard` one says why it is asked (`why_asked:`) and that declining to answer is fine. Not
/// `sensitive`, which says what a redacted report withholds.
public enum Asking: String, Sendable, Hashable, CaseIterable, Comparable {
    case plain, careful, hard

    var rank: Int { self == .plain ? 0 : self == .careful ? 1 : 2 }
    public static func < (a: Asking, b: Asking) -> Bool { a.rank < b.rank }
}

public struct FieldSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var type: Located<FactTypeName>
    public var values: [Located<String>]
    /// `labels:` — each value's words for a report, keyed by the value.
    public var labels: [ValueLabel] = []
}

/// A value's label as written: `code: words`.
public struct ValueLabel: Sendable, Hashable {
    public var value: Located<String>
    public var label: String
}

public struct FactSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var type: Located<FactTypeName>
    public var values: [Located<String>] = []
    public var unknownValues: [Located<String>] = []
    public var labels: [ValueLabel] = []
    public var fields: [FieldSyntax] = []
    public var question: String?
    /// `group:` — the heading a form lists the fact under (law.md §8's sections).
    public var group: String?
    public var subject: SubjectName = .principal
    public var role: FactRole?
    public var sensitive = false
    /// `asking:` (default `plain`) and `why_asked:`, the note said before a careful or hard question.
    public var asking: Asking = .plain
    public var whyAsked: String?
    public var future = false
    public var notAfter: [Located<String>] = []
    public var cite: [Located<String>] = []
    /// `min:` / `max:` of an integer fact: the values a case may give (inclusive).
    public var minimum: Located<Int>?
    public var maximum: Located<Int>?
}

public struct DerivedSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var type: Located<FactTypeName>
    public var question: String?
    /// `group:` — as a fact's.
    public var group: String?
    public var compute: ValueSyntax
    /// `min:` / `max:` of an integer derived fact: the values a case may give, and the other
    /// facts may make it (inclusive).
    public var minimum: Located<Int>?
    public var maximum: Located<Int>?
}

public struct ContradictionSyntax: Sendable, Hashable {
    public var id: Located<String>
    public var when: ConditionSyntax
    public var message: String
    public var cite: [Located<String>]
}

public struct ParameterValueSyntax: Sendable, Hashable {
    public var from: Located<Int>
    public var value: Located<String>
    public var cite: [Located<String>]
    public var unverified: String?
    public var location: SourceLocation
}

public struct ParameterSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var type: Located<FactTypeName>
    public var title: String?
    public var values: [ParameterValueSyntax]
}

public struct SaysSyntax: Sendable, Hashable {
    public var met: String?
    public var notMet: String?
    public var unknown: String?
}

public struct NoteSyntax: Sendable, Hashable {
    public var when: ConditionSyntax
    public var text: String
    public var cite: [Located<String>]
}

public struct VersionSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var label: String?
    public var cite: [Located<String>]
    public var from: Located<Int>?
    public var until: Located<Int>?
    public var applies: ConditionSyntax?
    public var when: ConditionSyntax?
    public var unless: [ConditionSyntax]
    public var says: SaysSyntax?
    public var notes: [NoteSyntax]
    public var unverified: String?
}

public enum CombineSyntax: String, Sendable, Hashable, CaseIterable {
    case any, latest
}

public struct RuleSyntax: Sendable, Hashable {
    public var id: Located<String>
    public var title: String?
    public var cite: [Located<String>]
    public var says: SaysSyntax
    public var discretionary: String?
    public var unverified: String?
    public var from: Located<Int>?
    public var until: Located<Int>?
    public var when: ConditionSyntax?
    public var unless: [ConditionSyntax]
    public var notes: [NoteSyntax]
    public var versions: [VersionSyntax]
    public var combine: Located<CombineSyntax>?
}

public struct NotApplicableSyntax: Sendable, Hashable {
    public var when: ConditionSyntax
    public var because: String
    public var instead: String?
    public var cite: [Located<String>]
}

public struct ProgramSyntax: Sendable, Hashable {
    public var id: Located<String>
    public var title: String?
    public var subject: SubjectName
    public var rule: Located<String>
    public var cite: [Located<String>]
    public var lawVersion: String?
    public var discretionary: String?
    public var notApplicable: [NotApplicableSyntax]
    public var notes: [NoteSyntax]
    /// `members:` on a family-member program: the rules' words for asking who the family
    /// members are (issue 14), where the located key is kept for the checker.
    public var members: Located<MembersQuestion>? = nil
}

/// A family-member program's `members: {question, why}`: how an interview asks whether the
/// person has family members the program could cover. The words are the law's (which
/// relations count), so they live in the rules, not in the engine.
public struct MembersQuestion: Sendable, Hashable {
    public var question: String
    public var why: String?
}

/// What a `fact:` or `field:` condition tests.
public enum FactTestSyntax: Sendable, Hashable {
    case isTrue
    case equals(Located<String>)
    case oneOf([Located<String>])
    case has(Located<String>)
    case subsetOf([Located<String>])
}

public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case lt, le, gt, ge, eq, ne
}

/// A condition: a node of the rule's condition tree.
public struct ConditionSyntax: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case all([ConditionSyntax])
        case any([ConditionSyntax])
        case not(ConditionSyntax)
        /// True unless the condition is known false: "it may hold" (never unknown).
        case possible(ConditionSyntax)
        case rule(Located<String>, version: Located<String>?)
        /// A per-member rule's status for the family member a reference fact names
        /// (`{rule: R, of: fm_derivative_parent_id}`): another subject's decision, not a
        /// dependency of this subject's rule.
        case memberRule(Located<String>, of: Located<String>)
        case fact(Located<String>, FactTestSyntax)
        case field(Located<String>, FactTestSyntax)
        case compare(ComparisonOperator, ValueSyntax, ValueSyntax)
        case records(every: Bool, Located<String>, ConditionSyntax)
        case decision(Located<String>, granted: [Located<String>], denied: [Located<String>], pending: [Located<String>], by: String)
    }
    public var kind: Kind
    public var id: String?
    public var location: SourceLocation
}

/// A value in a comparison: a fact, a literal, a parameter or date arithmetic.
public struct ValueSyntax: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case fact(String)
        case field(String)
        case decisionDate
        case date(Int)
        case integer(Int)
        case parameter(String)
        case yearsBetween(ValueSyntax, ValueSyntax)
        case addDays(ValueSyntax, ValueSyntax)
        case addMonths(ValueSyntax, ValueSyntax)
        case addYears(ValueSyntax, ValueSyntax)
        case ifThenElse(ConditionSyntax, ValueSyntax, ValueSyntax)
        case knownOr(ValueSyntax, ValueSyntax)
        /// `days_between: [A, B]`: the days from date A to date B (B − A).
        case daysBetween(ValueSyntax, ValueSyntax)
        /// `sum_records: {records: R, of: V, where: C}`: V summed over the records of R for
        /// which C holds (every record when `where` is left out).
        case sumRecords(Located<String>, of: ValueSyntax, where: ConditionSyntax?)
    }
    public var kind: Kind
    public var location: SourceLocation
}

/// What a clock's date means (issue 13): `act_by` — the last day on which an act is in time;
/// `ends_on` — the last day of a status or period; `from` — the first day something is possible.
public enum ClockKind: String, Sendable, Hashable, CaseIterable {
    case actBy = "act_by"
    case endsOn = "ends_on"
    case from
}

/// `clocks: {id: {...}}`: a named date computed from facts, parameters and the decision date.
public struct ClockSyntax: Sendable, Hashable {
    public var id: Located<String>
    public var kind: Located<ClockKind>
    public var title: String?
    public var subject: SubjectName
    public var date: ValueSyntax
    public var when: ConditionSyntax?
    public var says: String?
    public var cite: [Located<String>]
    public var unverified: String?
    /// `warn_within:` days: a date this close to the decision date is flagged.
    public var warnWithin: Located<Int>?
}

/// One kind of evidence for an element: `items: {id: {text, cite, on_file, required}}`.
public struct EvidenceItemSyntax: Sendable, Hashable {
    public var id: Located<String>
    public var text: String
    public var cite: [Located<String>]
    /// Whether the case records it as on file (a condition over the case's facts).
    public var onFile: ConditionSyntax?
    /// The regulation requires it (most kinds are examples of "any credible evidence").
    public var required: Bool
    public var unverified: String?
}

/// `evidence: {rule id: {guide, cite, items}}`: what establishes an element of the law.
public struct EvidenceSyntax: Sendable, Hashable {
    public var rule: Located<String>
    /// A note said with the list ("any credible evidence; a guide, not a requirement").
    public var guide: String?
    public var cite: [Located<String>]
    public var items: [EvidenceItemSyntax]
}
