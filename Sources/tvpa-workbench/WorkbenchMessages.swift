import ArgumentParser
import TVPARules

/// Every sentence the workbench says on its own, in one place.
enum WorkbenchMessages {
    static func beforeEvents(_ date: Int, latest: (name: String, date: Int), redacted: Bool) -> String {
        let start = "On \(CivilDate.format(date)) this case's own events had not happened yet, so there is nothing to decide on that date."
        if redacted { return start + " Choose a date on or after the case's latest event ('\(latest.name)')." }
        return start + " Its latest event ('\(latest.name)') is on \(CivilDate.format(latest.date)): choose that date or a later one."
    }
    static func notADate(_ text: String?) -> String {
        "\(text.map { "'\($0)' is not" } ?? "That is not") a date: write it as YYYY-MM-DD, such as 2024-08-28."
    }
    static func proposalFailed(_ name: String) -> String { "The proposal '\(name)' is not one of Rules/proposals/, or it does not apply to these rules." }
    static func proposalCannotRead(_ name: String) -> String { "Under the proposal '\(name)' this case cannot be read: its vocabulary differs from the rules'." }
    static let saveNotConfigured = "Saving to a folder needs --save-to DIR when the workbench starts; download the case instead."
    static func saveBadId(_ id: String) -> String { "A case is saved as <id>.yaml, and '\(id)' is not an id: use lower-case letters, digits and hyphens." }
    static func saved(_ path: String) -> String { "Saved to \(path)." }
    static func saveFailed(_ reason: String) -> String { "Could not save: \(reason)." }
    static let printNeedsValidCase = "There is no report to print: the case has errors (see the form)."
    static let forbidden = "This workbench needs the address it printed when it started (with its token). Open that address again."
    static let badHost = "Refused: this server answers only to its own loopback address."
    static let crossSite = "Refused: a request from another site."
    static let tooLarge = "Refused: the request is larger than the workbench accepts."
    static let notFound = "Not found."
    static let interviewCannotStart = "The interview cannot go on from this case: mend the errors shown beside the fields first."
    static let interviewMoved = "The case changed in the form since this question was shown; this is the question to ask now."
    static let notDecided = "Not decided"
    /// Who a decision is for, in words.
    static func subject(_ subject: String) -> String { subject == "principal" ? "the principal" : "family member \(subject)" }
    static let badRequest = "The request could not be read."

    /// The workbench's abstract and options, as `--help` shows them.
    enum Options {
        static let abstract = "A local web page for trying scenarios and checking cases: listens on 127.0.0.1 only, behind a random token."
        static let discussion = "Prints the address to open (with the token). Nothing is stored anywhere but the --save-to folder, and nothing is kept after the server stops."
        static let folders: ArgumentHelp = "Folders of case files to list beside the built-in scenarios."
        static let port: ArgumentHelp = "The port to listen on (default: a free one)."
        static let open: ArgumentHelp = "Open the page in the default browser (xdg-open); otherwise nothing is opened."
        static let saveTo: ArgumentHelp = "A folder to save cases to (as <id>.yaml, atomically). Refused inside a git work tree unless --allow-git."
        static let allowGit: ArgumentHelp = "Allow --save-to inside a git work tree (case data could then be committed by accident)."
    }
}
