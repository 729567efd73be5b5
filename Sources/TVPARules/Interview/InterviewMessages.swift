/// Every word the interview says that does not come from the rules, in one place, so every
/// front end (the terminal, a web page) says the same.
public enum InterviewMessages {
    public static let backUnavailable = "there is no earlier answer to go back to"
    public static let declineChoice = "declined to answer"
    public static let dontKnowChoice = "don't know"
    /// The family question when no family-member program in scope words it (`members:` in the
    /// rules, which name the relations the law counts).
    public static let familyQuestion = "Does the person have family members who might be covered with them?"
    public static let familyQuestionWhy = "Each family member added is then asked about one by one."
    public static let knownAgeChoice = "I only know the age"
    public static let noMembers = "no family members were added"
    public static let skipChoice = "skip for now"
    public static func askedWithCare(_ why: String) -> String { "Why this is asked: \(why) \"Declined to answer\" is a fine answer." }
    public static func aboutMember(_ id: String) -> String { "About family member \(id)" }
    public static func familyAnswerInvalid(_ id: String) -> String { "'\(id)' cannot name a family member: use lower-case letters, digits and '-', and no name" }
    public static func notAnInteger(_ text: String) -> String { "'\(text)' is not a whole number" }
    public static func notABoolean(_ text: String) -> String { "'\(text)' is not an answer to a yes-or-no question: answer true or false" }
    public static func notAChoice(_ text: String, _ choices: [String]) -> String { "'\(text)' is not one of the choices: \(choices.joined(separator: ", "))" }
    public static func settled(_ title: String, _ subject: String, _ outcome: String) -> String {
        subject == "principal" ? "\(title): \(outcome)" : "\(title) — family member \(subject): \(outcome)"
    }
}
