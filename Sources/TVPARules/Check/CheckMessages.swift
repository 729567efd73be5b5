/// Every message the check stage gives, in one place.
enum CheckMessages {
    static func tooDeepDerived(_ depth: Int, limit: Int) -> String { "derived facts are computed from derived facts \(depth) levels deep here; the limit is \(limit)" }
    static func tooDeep(_ depth: Int, limit: Int) -> String { "conditions and rule references nest \(depth) levels deep from here; the limit is \(limit)" }
    static func boundsOnNonInteger(_ name: String, _ type: String) -> String { "'min' and 'max' bound an integer fact; '\(name)' is \(type)" }
    static func boundsReversed(_ name: String, min: Int, max: Int) -> String { "'\(name)' declares min \(min) above max \(max): no value could be given" }
    static func cycle(_ path: [String]) -> String { "cycle: \(path.joined(separator: " → "))" }
    static func duplicate(_ kind: String, _ name: String, first: SourceLocation) -> String { "\(kind) '\(name)' is declared twice (first at \(first))" }
    static func missingCitation(_ what: String) -> String { "\(what) has no citation: every rule, version and dated value cites its source" }
    static func notABool(_ name: String, _ type: FactType) -> String { "'\(name)' is \(type.rawValue), not bool: use 'is', 'in', 'has' or a comparison" }
    static func subjectMismatch(_ program: String, _ fact: String) -> String { "program '\(program)' decides for the principal, but its rules read the family-member fact '\(fact)'" }
    /// The parser's words for an integer out of range, so both stages say it alike.
    static func integerOutOfRange(_ text: String, for what: String) -> String { ParseMessages.integerOutOfRange(text, for: what) }
    static let integerRangeHelp = ParseMessages.integerRangeHelp
    static func memberRuleNotPerMember(_ rule: String) -> String { "'of:' reads a rule for another family member, but '\(rule)' reads no family-member fact: it is the same for every member" }
    static func typeMismatch(_ detail: String) -> String { "type mismatch: \(detail)" }
    static func unknown(_ kind: String, _ name: String) -> String { "unknown \(kind) '\(name)'" }
    static func unknownValue(_ value: String, of name: String) -> String { "'\(value)' is not a value of '\(name)'" }
    static func unusedFact(_ name: String) -> String { "fact '\(name)' is read by no rule; mark it 'role: reserved' or 'role: context' if it is kept on purpose" }
    static func versionGap(_ rule: String, from: Int, to: Int) -> String { "rule '\(rule)' has no version in force from \(CivilDate.format(from)) to \(CivilDate.format(to)), inside its own span" }
    static func versionOverlap(_ rule: String, _ a: String, _ b: String) -> String { "versions '\(a)' and '\(b)' of rule '\(rule)' can both apply on the same decision date, and the rule declares no 'combine'" }
}
