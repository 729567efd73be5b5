/// Every message the case loader gives, in one place.
enum CaseMessages {
    static func contradiction(_ message: String) -> String { "contradiction: \(message)" }
    static func dateAfterDecision(_ name: String, _ value: Int, _ decision: Int) -> String { "'\(name)' (\(CivilDate.format(value))) is after the decision date \(CivilDate.format(decision)); only future-dated facts may be" }
    static func dateOrder(_ a: String, _ b: String) -> String { "'\(a)' is after '\(b)', but it cannot be" }
    static func derivedMismatch(_ name: String, given: String, computed: String) -> String { "'\(name)' is given as \(given), but the other facts make it \(computed)" }
    static func duplicateMember(_ id: String) -> String { "family member id '\(id)' is used twice" }
    static func familyFactInPrincipal(_ name: String) -> String { "'\(name)' is a family-member fact; put it under family_members" }
    static func invalidId(_ id: String) -> String { "'\(id)' is not a valid id: use lowercase letters, digits and hyphens" }
    static func invalidOutcome(_ value: String) -> String { "'\(value)' is not an outcome: eligible, not_eligible or undetermined" }
    static func principalFactInMember(_ name: String) -> String { "'\(name)' is a principal fact; family members take fm_ facts" }
    static func reservedMemberId() -> String { "'principal' is reserved for the principal; choose another member id" }
    static func typeMismatch(_ name: String, expected: String, found: String) -> String { "'\(name)' must be \(expected), found \(found)" }
    static func unknownFact(_ name: String) -> String { "unknown fact '\(name)'" }
    static func unknownField(_ field: String, of name: String) -> String { "unknown field '\(field)' in a record of '\(name)'" }
    static func unknownMember(_ id: String) -> String { "no family member has id '\(id)'" }
    static func unknownProgram(_ id: String) -> String { "unknown program '\(id)'" }
    static func unknownValue(_ value: String, of name: String) -> String { "'\(value)' is not a value of '\(name)'" }
}
