/// A proposed change to the law, as written in `Rules/proposals/*.yaml`: who proposes it and
/// where, and a list of changes to the base rules, each addressed by rule id.
public struct ProposalSyntax: Sendable, Hashable {
    public var path: String
    public var title: String
    public var description: String?
    public var cite: [Located<String>]
    public var changes: [ChangeSyntax]
}

/// One change. `target` is a rule id, a condition address (`rule/when/all[1]`, or
/// `rule#condition-id`, or a program's `program/not_applicable[0]/when`), a fact name or a
/// parameter name, as the verb requires.
public struct ChangeSyntax: Sendable, Hashable {
    public enum Verb: String, Sendable, Hashable, CaseIterable {
        case replaceRule = "replace_rule"
        /// New `title` / `says` only: the wording of a rule whose meaning another change alters.
        case rewordRule = "reword_rule"
        case addRule = "add_rule"
        case addFact = "add_fact"
        case removeCondition = "remove_condition"
        case replaceCondition = "replace_condition"
        case addCondition = "add_condition"
        case addException = "add_exception"
        case setParameter = "set_parameter"
    }

    public enum Body: Sendable, Hashable {
        case none
        case rule(RuleSyntax)
        case version(VersionSyntax)
        case fact(FactSyntax)
        case condition(ConditionSyntax)
        case parameterValues([ParameterValueSyntax])
    }

    public var verb: Verb
    public var target: Located<String>
    /// For a rule with dated versions: the version changed (nil: every version).
    public var version: Located<String>?
    public var body: Body
    /// New wording for the changed rule, when the change alters what it means.
    public var title: String?
    public var says: SaysSyntax?
    public var because: String?
    public var location: SourceLocation

    /// Where the new law is written: the condition or rule body, else the change itself.
    var bodyLocation: SourceLocation {
        switch body {
        case .condition(let c): return c.location
        case .rule(let r): return r.when?.location ?? location
        case .version(let v): return v.when?.location ?? location
        default: return location
        }
    }

    /// The `from` of a parameter value given for every date (replaced by the base's first date).
    static let everyDate = Int.min
}
