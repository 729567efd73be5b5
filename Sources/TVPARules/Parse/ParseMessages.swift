import Yams

/// Every message the parse stage gives, in one place. What a file says is quoted as a short,
/// escaped excerpt (`Quote.token`), and a list of what it says is cut after a few items.
enum ParseMessages {
    static func aliasesExpand(limit: Int) -> String {
        "YAML syntax: the file's aliases expand it to more than \(limit) nodes (an alias bomb, or anchors used far more often than a file needs)"
    }
    static func allowedKeys(_ keys: [String]) -> String { "allowed keys: \(keys.sorted().joined(separator: ", "))" }
    static func duplicateKeys(_ keys: [String]) -> String {
        "duplicate key \(Quote.list(keys.sorted()) { "'\(Quote.token($0))'" }): each name or id may appear once"
    }
    static func expected(_ shape: String, for what: String, found: String) -> String { "\(what) must be \(shape), found \(found)" }
    static func integerOutOfRange(_ text: String, for what: String) -> String {
        "\(Quote.token(text)) is out of range for \(what): integers are from \(ValueLimits.integers.lowerBound) to \(ValueLimits.integers.upperBound)"
    }
    static let integerRangeHelp = "no law this language encodes needs a larger number; a larger one would be read as unbounded"
    static func invalidDate(_ text: String, for what: String) -> String { "'\(Quote.token(text))' is not a valid date for \(what)" }
    static func memberRuleWithVersion() -> String { "a rule read for another family member ('of:') cannot pin a version" }
    static func whyAskedMissing(_ fact: String, _ asking: String) -> String { "fact '\(Quote.name(fact))' is asked with care ('asking: \(asking)') and needs 'why_asked'" }
    static let whyAskedHelp = "add 'why_asked:' with a sentence saying why the question is asked; an interview says it before the question"
    static func missingKey(_ key: String, in what: String) -> String { "\(what) needs '\(key)'" }
    /// What a message calls a declaration: `rule 'cp.eligible'`.
    static func named(_ kind: String, _ name: String) -> String { "\(kind) '\(Quote.name(name))'" }
    static func notOneOf(_ value: String, _ options: [String], for what: String) -> String { "'\(Quote.token(value))' is not a valid \(what); expected one of \(options.joined(separator: ", "))" }
    static func unknownCondition(_ keys: [String]) -> String {
        "a condition needs exactly one operator (all, any, not, rule, fact, field, lt, le, gt, ge, eq, ne, any_record, all_records, decision); found \(keys.isEmpty ? "none" : Quote.list(keys, Quote.token))"
    }
    static func unknownKey(_ key: String, in what: String) -> String { "unknown key '\(Quote.token(key))' in \(what)" }
    static func unknownValueForm(_ text: String) -> String { "'\(Quote.token(text))' is not a value: expected a fact name, decision_date, a date, an integer or a value form (param, years_between, days_between, add_days, add_months, add_years, if, known_or, field, sum_records)" }
    static func unknownValueFormKey(_ key: String) -> String { "unknown value form '\(Quote.token(key))'" }
    /// An error of the YAML library other than a syntax error at a mark: its kind, never the text.
    static func yamlFailed(_ error: any Error) -> String {
        guard let yaml = error as? YamlError else { return "the YAML reader failed (\(Quote.token(String(describing: type(of: error)))))" }
        return "the YAML reader failed: \(Quote.token(String(describing: yaml)))"
    }
    /// libyaml's reader refused a character: a control character (its code point) or a byte
    /// that is not UTF-8 (the byte).
    static func yamlReader(_ problem: String, value: Int32) -> String {
        guard value >= 0 else { return yamlSyntax(problem) }
        let hex = String(value, radix: 16, uppercase: true)
        let what = problem.contains("octet") ? "byte 0x" + (hex.count < 2 ? "0" : "") + hex : "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return yamlSyntax("\(problem) (\(what))")
    }
    static func yamlSyntax(_ problem: String) -> String { "YAML syntax: \(problem)" }
    static func yesNo(_ word: String, for what: String) -> String { "'\(Quote.token(word))' in \(what) is read as a boolean by YAML 1.1 readers; this language accepts only true and false" }
    static func comparesTwo(_ op: String) -> String { "'\(op)' compares exactly two values" }
    static func takesTwo(_ key: String) -> String { "'\(key)' takes a list of two values" }
    static func notAValue(found kind: String) -> String { "a value must be a name, a literal or a value form, found \(kind)" }
    static let yesNoHelp = "write true or false"
    static let yesNoEnumHelp = "write true or false (or the enum value itself, quoted)"
    static let invalidDateHelp = "dates are written YYYY-MM-DD and must exist on the calendar"
}
