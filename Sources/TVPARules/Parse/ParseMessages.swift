import Yams

/// Every message the parse stage gives, in one place.
enum ParseMessages {
    static func allowedKeys(_ keys: [String]) -> String { "allowed keys: \(keys.sorted().joined(separator: ", "))" }
    static func duplicateKeys(_ keys: [String]) -> String { "duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", ")): each name or id may appear once" }
    static func expected(_ shape: String, for what: String, found: String) -> String { "\(what) must be \(shape), found \(found)" }
    static func integerOutOfRange(_ text: String, for what: String) -> String {
        "\(text) is out of range for \(what): integers are from \(ValueLimits.integers.lowerBound) to \(ValueLimits.integers.upperBound)"
    }
    static let integerRangeHelp = "no law this language encodes needs a larger number; a larger one would be read as unbounded"
    static func invalidDate(_ text: String, for what: String) -> String { "'\(text)' is not a valid date for \(what)" }
    static func memberRuleWithVersion() -> String { "a rule read for another family member ('of:') cannot pin a version" }
    static func missingKey(_ key: String, in what: String) -> String { "\(what) needs '\(key)'" }
    static func notOneOf(_ value: String, _ options: [String], for what: String) -> String { "'\(value)' is not a valid \(what); expected one of \(options.joined(separator: ", "))" }
    static func unknownCondition(_ keys: [String]) -> String { "a condition needs exactly one operator (all, any, not, rule, fact, field, lt, le, gt, ge, eq, ne, any_record, all_records, decision); found \(keys.isEmpty ? "none" : keys.joined(separator: ", "))" }
    static func unknownKey(_ key: String, in what: String) -> String { "unknown key '\(key)' in \(what)" }
    static func unknownValueForm(_ text: String) -> String { "'\(text)' is not a value: expected a fact name, decision_date, a date, an integer or a value form (param, years_between, add_days, add_months, add_years, if, known_or, field)" }
    static func yamlSyntax(_ problem: String) -> String { "YAML syntax: \(problem)" }
    static func yesNo(_ word: String, for what: String) -> String { "'\(word)' in \(what) is read as a boolean by YAML 1.1 readers; this language accepts only true and false" }
}
