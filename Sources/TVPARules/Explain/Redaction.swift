/// Redaction, as `case-file.md` defines it ("Redaction"): a redacted report withholds the
/// title, the narrative, the source, all free text, every fact value and the file's path, and
/// names the case and its family members by pseudonyms numbered in the order they appear in
/// the report (`case 1`, `case 1 · member 2`), never by anything derived from their ids.
/// Outcomes, reasons, element statuses, citations, fact names and questions remain.
public enum Redaction {
    /// What stands in for a withheld value.
    public static let withheld = "[redacted]"

    /// A family member within its case, before the case has its pseudonym.
    static func member(_ number: Int) -> String { "member \(number)" }

    /// A member's full pseudonym: its case's, then its own number.
    static func member(_ member: String, of caseName: String) -> String { "\(caseName) · \(member)" }

    /// How a report heads a case: `Case maria-2025-03`, or redacted, `Case 1`.
    public static func heading(_ caseId: String, redacted: Bool) -> String {
        guard redacted, caseId.hasPrefix("case ") else { return "Case \(caseId)" }
        return "Case " + caseId.dropFirst("case ".count)
    }
}

/// Pseudonyms for the cases of one report, in the order they appear in it.
public struct Pseudonyms: Sendable {
    private var count = 0

    public init() {}

    /// The next case's pseudonym: `case 1`, `case 2`, …
    public mutating func next() -> String {
        count += 1
        return "case \(count)"
    }
}

extension CaseReport {
    /// A redacted report under its pseudonym, its family members under theirs; an unredacted
    /// report as it is.
    public func pseudonymized(as name: String) -> CaseReport {
        guard redacted else { return self }
        var report = self
        report.caseId = name
        func rename(_ subject: String) -> String { subject == "principal" ? subject : Redaction.member(subject, of: name) }
        for i in report.decisions.indices {
            report.decisions[i].subject = rename(report.decisions[i].subject)
            for j in report.decisions[i].missingFacts.indices {
                report.decisions[i].missingFacts[j].subject = rename(report.decisions[i].missingFacts[j].subject)
            }
        }
        for i in report.questions.indices { report.questions[i].subject = rename(report.questions[i].subject) }
        for i in report.deadlines.indices { report.deadlines[i].subject = rename(report.deadlines[i].subject) }
        for i in report.expectedClocks.indices { report.expectedClocks[i].subject = rename(report.expectedClocks[i].subject) }
        return report
    }
}

extension ChangedCase {
    /// The changed case under its pseudonym, without its path; its family members numbered in
    /// the order they appear among its decisions.
    func pseudonymized(as name: String) -> ChangedCase {
        var change = self
        change.id = name
        change.path = Redaction.withheld
        change.redacted = true
        var members: [String: Int] = [:]
        for i in change.decisions.indices where change.decisions[i].subject != "principal" {
            let subject = change.decisions[i].subject
            let number = members[subject] ?? members.count + 1
            members[subject] = number
            change.decisions[i].subject = Redaction.member(Redaction.member(number), of: name)
        }
        return change
    }
}
