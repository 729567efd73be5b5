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
    static let fieldOutsideRecords = "'field' is only meaningful inside any_record / all_records"
    static func sumRecordsNotInteger(_ type: String) -> String { typeMismatch("'sum_records' adds integers ('of'), found \(type)") }
    static let sumRecordsHelp = "for days between two date fields, use days_between: [{field: A}, {field: B}]"
    static func factNeedsValues(_ name: String, _ type: String) -> String { "fact '\(Quote.name(name))' of type \(type) needs 'values'" }
    static func recordsNeedFields(_ name: String) -> String { "fact '\(Quote.name(name))' of type records needs 'fields'" }
    static func ruleMissingCitation(_ rule: String) -> String { missingCitation("rule '\(Quote.name(rule))'") }
    static let ruleCitationHelp = "add 'cite: [\"22 U.S.C. 7102(11)\"]' with the provision it encodes"
    static func whenAndVersions(_ rule: String) -> String { "rule '\(Quote.name(rule))' has both 'when' and 'versions'; put each version's condition in the version" }
    static let versionOverlapHelp = "declare 'combine: any' (the or of the versions that apply) or 'combine: latest', or make the spans meet"
    static let subjectMismatchHelp = "give the program 'subject: family_member', or read principal facts only"
    static let membersOnPrincipalHelp = "give the program 'subject: family_member', or remove members:"
    static func cycleClosedHelp(_ changed: String, firstRule: SourceLocation) -> String { "this change to '\(Quote.name(changed))' closes the cycle (its first rule is declared at \(firstRule))" }
    static let cycleHelp = "a rule cannot depend on itself, directly or through other rules"
    static func tooDeepHelp(_ limit: Int) -> String { "a rule names rules that name rules… more than \(limit) levels down; split it into shallower rules" }
    static func unknownVersion(_ version: String, of rule: String) -> String { unknown("version", version) + " of rule '\(Quote.name(rule))'" }
    static func versionsHelp(_ versions: [String], of rule: String) -> String {
        versions.isEmpty ? "rule '\(Quote.name(rule))' has no versions" : "versions: \(versions.joined(separator: ", "))"
    }
    static func unknownField(_ field: String, of record: String) -> String { unknown("field", field) + " of '\(Quote.name(record))'" }
    static func useRecordConditions(_ name: String, _ type: String) -> String { typeMismatch("'\(Quote.name(name))' is \(type); use any_record / all_records") }
    static func comparesIntegersOrDates(_ op: String, _ lhs: String, _ rhs: String) -> String { typeMismatch("'\(op)' compares two integers or two dates, not \(lhs) and \(rhs)") }
    static func notARecordList(_ name: String, _ type: String) -> String { typeMismatch("'\(Quote.name(name))' is \(type), not a record list") }
    static func ofNotAMemberReference(_ name: String, _ type: String) -> String { typeMismatch("'of:' names a reference to a family member; '\(Quote.name(name))' is \(type)") }
    static func decisionNotEnum(_ name: String, _ type: String) -> String { typeMismatch("a decision reads an enum fact; '\(Quote.name(name))' is \(type)") }
    static func boolIsWord(_ name: String, _ word: String) -> String { typeMismatch("'\(Quote.name(name))' is bool; 'is' takes true or false, not '\(Quote.name(word))'") }
    static func isOutOfRange(_ text: String, on name: String) -> String { integerOutOfRange(text, for: "'is' on '\(name)'") }
    static func notAnInteger(_ name: String, _ word: String) -> String { typeMismatch("'\(Quote.name(name))' is an integer; '\(Quote.name(word))' is not") }
    static func isWrongType(_ name: String, _ type: String) -> String { typeMismatch("'is' tests a bool, integer or enum; '\(Quote.name(name))' is \(type)") }
    static func inWrongType(_ name: String, _ type: String) -> String { typeMismatch("'in' tests an enum or a list; '\(Quote.name(name))' is \(type)") }
    static func hasWrongType(_ name: String, _ type: String) -> String { typeMismatch("'has' tests a list; '\(Quote.name(name))' is \(type)") }
    static func subsetOfWrongType(_ name: String, _ type: String) -> String { typeMismatch("'subset_of' tests a list; '\(Quote.name(name))' is \(type)") }
    static func formTakes(_ form: String, _ expected: (String, String), found: (String, String)) -> String {
        typeMismatch("'\(form)' takes (\(expected.0), \(expected.1)), found (\(found.0), \(found.1))")
    }
    static func notComparable(_ name: String, _ type: String) -> String { typeMismatch("'\(Quote.name(name))' is \(type); only integers and dates can be compared") }
    static func sumRecordsNotRecords(_ name: String, _ type: String) -> String { typeMismatch("'sum_records' sums over a record list; '\(Quote.name(name))' is \(type)") }
    static func knownOrTypes(_ a: String, _ b: String) -> String { typeMismatch("'known_or' needs two values of one type, found \(a) and \(b)") }
    static func ifTypes(_ a: String, _ b: String) -> String { typeMismatch("'if' needs 'then' and 'else' of one type, found \(a) and \(b)") }
    static func tooManyValues(_ name: String) -> String { typeMismatch("'\(Quote.name(name))' has more than 64 values") }
    static func notAfterNotDates(_ fact: String, _ other: String) -> String { typeMismatch("'not_after' orders dates; '\(Quote.name(fact))' and '\(Quote.name(other))' must both be date facts") }
    static func parameterType(_ type: String) -> String { typeMismatch("parameters are integers or dates, not \(type)") }
    static func valueMissingCitation(_ parameter: String, from: Int) -> String { missingCitation("the value of '\(Quote.name(parameter))' from \(CivilDate.format(from))") }
    static func parameterOutOfRange(_ text: String, _ parameter: String) -> String { integerOutOfRange(text, for: "the value of '\(parameter)'") }
    static func notAValid(_ type: String, _ value: String) -> String { typeMismatch("'\(Quote.name(value))' is not a valid \(type)") }
    static func derivedComputes(_ name: String, declared: String, computes: String) -> String { typeMismatch("derived fact '\(Quote.name(name))' is declared \(declared) but computes \(computes)") }
    static func versionMissingCitation(_ version: String, of rule: String) -> String { missingCitation("version '\(Quote.name(version))' of rule '\(Quote.name(rule))'") }
    static func clockMissingCitation(_ clock: String) -> String { missingCitation("clock '\(Quote.name(clock))'") }
    static func evidenceMissingCitation(_ item: String, of rule: String) -> String { missingCitation("evidence item '\(Quote.name(item))' of rule '\(Quote.name(rule))'") }
}
