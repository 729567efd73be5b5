/// Every message the proposal stage gives (reading a proposal, and applying it to the rules),
/// in one place. A name the rules declare is quoted by `Quote.name`.
enum ProposalMessages {
    // Reading a proposal.
    static let missingCitation = "a proposal needs 'cite': who proposes it, and where"
    static func noVerb(_ verbs: [String]) -> String { "a change needs one of: \(verbs.joined(separator: ", "))" }
    static func severalVerbs(_ verbs: [String]) -> String { "a change has one verb, not \(verbs.joined(separator: " and "))" }
    /// What a message calls a change: `replace_rule cp.eligible`.
    static func change(_ verb: String, _ target: String) -> String { "\(verb) \(Quote.name(target))" }
    static let setParameterNeedsValue = "set_parameter needs 'value' (in force on every date) or dated 'values'"
    static let rewordNeedsText = "reword_rule needs 'title' or 'says'"

    // Applying it.
    static let replaceRuleHelp = "use replace_rule to change an existing rule"
    static func noDatedVersions(_ rule: String, _ version: String) -> String { "rule '\(Quote.name(rule))' has no dated versions, so no version '\(Quote.name(version))'" }
    static func noSuchVersion(_ rule: String, _ version: String) -> String { "rule '\(Quote.name(rule))' has no version '\(Quote.name(version))'" }
    static func versionsHelp(_ versions: [String]) -> String { "versions: \(versions.joined(separator: ", "))" }
    /// A condition change that could not be made: the change, then why.
    static func changeFailed(_ verb: String, _ target: String, _ why: String) -> String { "\(verb) '\(Quote.name(target))': \(why)" }
    static let nothingToChange = "nothing to change"
    static func conditionAddressHelp(_ rule: String) -> String {
        "address a condition by its path in the rule (see `tvpa dump --stage checked`), e.g. '\(rule)/when/all[0]', or by its id: '\(rule)#some-id'"
    }
    static func noConditionWithId(_ id: String) -> String { "no condition has id '\(Quote.name(id))'" }
    static let notApplicableNeedsBecause = "adding a not_applicable entry needs 'because': why the program does not apply"
    static func verbNotForNotApplicable(_ verb: String) -> String { "\(verb) does not apply to a program's not_applicable entry" }
    static func nameEntryCondition(_ program: String, _ entry: String) -> String { "name the entry's condition: '\(program)/\(entry)/when'" }
    static func whichNotApplicable(_ program: String, count: Int) -> String {
        "program '\(Quote.name(program))' has \(count) not_applicable entries; address one as '\(program)/not_applicable[0]'"
    }

    // Following a condition's path (`ConditionEdit`).
    static let emptyPath = "the path is empty"
    static let nameOneException = "name one exception: 'unless[0]'"
    static func noSuchException(_ step: String, count: Int) -> String { "there is no \(step) (the rule has \(count) exceptions)" }
    static func noSuchPart(_ part: String) -> String { "there is no '\(Quote.name(part))' here" }
    static func wholePartRemoved(_ part: String) -> String { "a rule's whole '\(Quote.name(part))' cannot be removed; use replace_rule" }
    static func badFirstStep(_ step: String) -> String { "a path starts with 'when', 'unless[i]' or 'applies', not '\(Quote.name(step))'" }
    static func notRemovable(_ path: String) -> String { "'\(Quote.name(path))' cannot be removed on its own" }
    static func wrongStep(_ path: String, is name: String, not step: String) -> String {
        "'\(Quote.name(path))' is an '\(Quote.name(name))', so the next step is '\(name)[i]', not '\(Quote.name(step))'"
    }
    static func noSuchItem(_ path: String, count: Int, step: String) -> String { "'\(Quote.name(path))' has \(count) conditions, so there is no \(step)" }
    static func noStepUnder(_ step: String, _ path: String) -> String { "there is no '\(Quote.name(step))' under '\(Quote.name(path))'" }
}
