/// Every message the check stage gives, in one place. A name a rule file declares is quoted
/// by `Quote.name`, one it gets wrong by `Quote.token`: escaped, and cut when long.
enum CheckMessages {
    static func tooDeepDerived(_ depth: Int, limit: Int) -> String { "derived facts are computed from derived facts \(depth) levels deep here; the limit is \(limit)" }
    static func boundsOnNonInteger(_ name: String, _ type: String) -> String { "'min' and 'max' bound an integer fact; '\(name)' is \(type)" }
    static func boundsReversed(_ name: String, min: Int, max: Int) -> String { "'\(name)' declares min \(min) above max \(max): no value could be given" }
    /// The parser's words for an integer out of range, so both stages say it alike.
    static func integerOutOfRange(_ text: String, for what: String) -> String { ParseMessages.integerOutOfRange(text, for: what) }
    static let integerRangeHelp = ParseMessages.integerRangeHelp
    static let clockCitationHelp = "add 'cite: [\"22 U.S.C. 7105(b)(1)(G)(iii)\"]' with the provision that sets the date"
    static func clockNotADate(_ clock: String, _ type: String) -> String { "the date of clock '\(Quote.name(clock))' computes \(type), not a date" }
    static func clockSubjectMismatch(_ clock: String, _ fact: String) -> String { "clock '\(Quote.name(clock))' is the principal's, but it reads the family-member fact '\(Quote.name(fact))'" }
    static let clockSubjectHelp = "give the clock 'subject: family_member', or read principal facts only"
    static func cycle(_ path: [String]) -> String {
        // A cycle through 30,000 rules is named by its first rules and the one it returns to.
        guard path.count > 12 else { return "cycle: \(path.map(Quote.name).joined(separator: " → "))" }
        return "cycle: \(path.prefix(10).map(Quote.name).joined(separator: " → ")) → … (\(path.count - 11) more) → \(Quote.name(path.last!))"
    }
    static func duplicate(_ kind: String, _ name: String, first: SourceLocation) -> String { "\(kind) '\(Quote.name(name))' is declared twice (first at \(first))" }
    static let evidenceCitationHelp = "add 'cite: [\"8 CFR 214.206(a)(3)(ii)\"]' with the provision that names this kind of evidence"
    static func evidenceSubjectMismatch(_ rule: String, _ fact: String) -> String { "rule '\(Quote.name(rule))' is decided for the principal, but its evidence reads the family-member fact '\(Quote.name(fact))'" }
    static func memberRuleNotPerMember(_ rule: String) -> String { "'of:' reads a rule for another family member, but '\(Quote.name(rule))' reads no family-member fact: it is the same for every member" }
    static func missingCitation(_ what: String) -> String { "\(what) has no citation: every rule, version and dated value cites its source" }
    static func notABool(_ name: String, _ type: FactType) -> String { "'\(Quote.name(name))' is \(type.rawValue), not bool: use 'is', 'in', 'has' or a comparison" }
    static func subjectMismatch(_ program: String, _ fact: String) -> String { "program '\(Quote.name(program))' decides for the principal, but its rules read the family-member fact '\(Quote.name(fact))'" }
    static func membersOnPrincipal(_ program: String) -> String { "program '\(Quote.name(program))' decides for the principal; members: (how to ask for family members) belongs on a program with subject: family_member" }
    static func tooDeep(_ depth: Int, limit: Int) -> String { "conditions and rule references nest \(depth) levels deep from here; the limit is \(limit)" }
    static func typeMismatch(_ detail: String) -> String { "type mismatch: \(detail)" }
    static func unknown(_ kind: String, _ name: String) -> String { "unknown \(kind) '\(Quote.token(name))'" }
    static func badLabel(_ value: String, of name: String) -> String { "the label of '\(Quote.token(value))' of '\(Quote.name(name))' must be one line of words" }
    static func missingLabels(_ values: [String], of name: String) -> String {
        "'\(Quote.name(name))' labels some values but not \(values.map { "'\(Quote.token($0))'" }.joined(separator: ", ")): label every value, or none"
    }
    static func unknownValue(_ value: String, of name: String) -> String { "'\(Quote.token(value))' is not a value of '\(Quote.name(name))'" }
    static func unusedFact(_ name: String) -> String { "fact '\(Quote.name(name))' is read by no rule; mark it 'role: reserved' or 'role: context' if it is kept on purpose" }
    static func versionGap(_ rule: String, from: Int, to: Int) -> String { "rule '\(Quote.name(rule))' has no version in force from \(CivilDate.format(from)) to \(CivilDate.format(to)), inside its own span" }
    static func warnWindow(_ clock: String, _ days: Int) -> String { "clock '\(Quote.name(clock))' warns \(days) days ahead; a window is 0 to 36,500 days" }
    static func versionOverlap(_ rule: String, _ a: String, _ b: String) -> String { "versions '\(Quote.name(a))' and '\(Quote.name(b))' of rule '\(Quote.name(rule))' can both apply on the same decision date, and the rule declares no 'combine'" }
}
