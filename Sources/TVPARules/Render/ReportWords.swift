/// Render: the words of the reports for people (text, Markdown, HTML) that do not come from
/// the rules, in one catalogue, alphabetical by name.
public enum ReportWords {
    /// How a question is answered when it offers no list of answers.
    static func answerKind(_ type: FactType) -> String {
        switch type {
        case .bool: return "yes or no"
        case .date: return "a date"
        case .integer: return "a number"
        case .enumeration: return "one of"
        case .list: return "any of (or none)"
        case .records, .text, .reference: return "in words"
        }
    }

    public static let answers = "Answers"
    public static let cited = "Cited"
    public static let contents = "Cases in this report"
    public static let decidedBy = "Decided by"
    public static let decisionDate = "Decision date"
    public static let declined = "declined to answer"
    public static let discretionary = "Discretionary: meeting the criteria does not decide the grant; the agency named below decides."
    public static let discretionaryShort = "the agency decides in its discretion"
    public static let explanations = "Explanations"
    static let facts = "Facts"
    public static let instead = "Instead"
    public static let lawApplied = "Law applied"
    static func memberSuffix(_ member: String) -> String { ", family member \(member)" }
    public static let narrative = "Narrative"
    static let no = "no"
    static let none = "none"
    public static let note = "Note"
    static let notKnown = "not known"

    /// A count in words, up to twelve.
    static func number(_ n: Int) -> String {
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        return n < words.count ? words[n] : String(n)
    }

    /// A version of the law that does not decide, in one line.
    static func otherVersion(scope: Explanation.VersionScope, body: Tri) -> String {
        let gives = body == .yes ? "met" : body == .no ? "not met" : "still unknown"
        switch scope {
        case .pinned: return "Applied whatever the date; under it the test is \(gives). (Explained in full with --explain full.)"
        case .applies: return "Also applies on these dates; under it the test is \(gives). (Explained in full with --explain full.)"
        case .mayApply: return "May apply on these dates; under it the test is \(gives). (Explained in full with --explain full.)"
        }
    }
    static let otherVersionDoesNotApply = "Does not apply on these dates."

    public static func outcome(_ o: Outcome) -> String {
        switch o {
        case .eligible: return "Eligible"
        case .notEligible: return "Not eligible"
        case .undetermined: return "Not yet decided"
        }
    }

    /// The reason in words, with what the decision says about it.
    public static func reason(_ d: Decision) -> String {
        switch d.reason {
        case .criteriaMet: return "every element is met"
        case .criteriaNotMet: return "an element is not met"
        case .notApplicable: return "this program is not for this person"
        case .missingFacts:
            let n = d.missingFacts.count
            return n == 1 ? "one fact is missing" : "\(number(n)) facts are missing"
        case .awaitingDecision:
            for note in d.notes { if case .awaitingDecision(let by) = note { return "waiting on a decision: \(by)" } }
            return "waiting on another's decision"
        }
    }

    public static let redacted = "Redacted: the title, narrative, source, free text and fact values are withheld; the case and its family members are named by pseudonyms."
    public static let referenceTo = "Explained in full under"
    public static let rules = "Rules"

    /// "Settles 2 decisions."
    public static func settles(_ n: Int) -> String { "Settles \(n) decision\(n == 1 ? "" : "s")." }
    public static let settledBy = "Would settle it: questions"
    public static func settledBy(_ numbers: [Int]) -> String {
        let list = numbers.map(String.init)
        let joined = list.count > 1 ? list.dropLast().joined(separator: ", ") + " and " + list.last! : list.joined()
        return (numbers.count == 1 ? "Would settle it: question " : "Would settle it: questions ") + joined + " of What to ask next."
    }

    /// Under an element that an unverified point touches.
    public static func seePoints(_ numbers: [Int]) -> String {
        "Not yet checked against the text: point" + (numbers.count == 1 ? " " : "s ") + numbers.map(String.init).joined(separator: ", ") + " at the end."
    }

    public static let summary = "Summary"
    public static let deadlines = "Deadlines"
    public static let deadlinesOrder = "soonest first"
    public static let fixedBy = "Would be fixed by"
    public static let evidence = "Evidence to gather"
    public static let evidenceGuide = "A guide to gathering it, not a list the agency requires unless an item says so."
    public static let required = "required"
    public static let unverifiedShort = "Not yet checked against the text"
    public static let touches = "Touches"
    public static let unverified = "Points of law not yet checked against the text"
    public static let whatToAsk = "What to ask next"
    public static let whatToAskRanked = "most decisive first"
    static let yes = "yes"
}
