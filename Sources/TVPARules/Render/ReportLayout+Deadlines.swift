/// The report layout's "Deadlines" block (after the summary) and "Evidence to gather" block
/// (after the explanations, by program): the words of `DeadlineText` and `EvidenceText`, kept
/// unescaped here; each renderer escapes them for its format. A redacted report carries no
/// date or day count (`DeadlineText.standing` and `date` give only the bucket then).
extension ReportLayout {
    public struct DeadlineLine: Sendable, Hashable {
        /// `PASSED`, `MAY HAVE PASSED` or `SOON`.
        public var flag: String?
        /// The clock's title, and the family member it is about.
        public var title: String
        public var member: String?
        /// "act by 2025-01-10 — 12 days left (within the 30 days the rules warn at)".
        public var when: String
        public var fixedBy: [String]
        public var says: String?
        public var cite: [String]
        public var unverified: String?
    }

    public struct EvidenceItem: Sendable, Hashable {
        /// "on file", "to gather" or "not recorded".
        public var standing: String
        public var text: String
        public var required: Bool
        public var cite: [String]
        public var unverified: String?
    }

    public struct EvidenceElement: Sendable, Hashable {
        public var title: String
        /// `met` or `unknown`: the list is given for elements met or still unknown.
        public var status: Tri
        public var guide: String?
        public var guideCite: [String]
        public var items: [EvidenceItem]
    }

    public struct EvidenceGroup: Sendable, Hashable {
        public var programTitle: String
        public var member: String?
        public var elements: [EvidenceElement]
    }

    static func deadlineLines(_ report: CaseReport) -> [DeadlineLine] {
        guard let legend = report.legend else { return [] }
        return report.deadlines.map { d in
            let info = legend.clocks[d.clock]
            let when = DeadlineText.when(d, info: info)
            return DeadlineLine(
                flag: DeadlineText.flag(d), title: info.title, member: d.subject == "principal" ? nil : d.subject, when: when,
                fixedBy: d.fixedBy, says: DeadlineText.says(d, legend: legend, parameters: report.parameters), cite: info.cite, unverified: info.unverified)
        }
    }

    static func evidenceGroups(_ report: CaseReport) -> [EvidenceGroup] {
        report.decisions.compactMap { d in
            guard !d.evidence.isEmpty else { return nil }
            let legend = d.legend
            let elements = d.evidence.map { e -> EvidenceElement in
                let info = legend.evidence[e.list]
                let (on, gather) = EvidenceText.split(e)
                let items = (on + gather).map { i in
                    let item = info.items[i]
                    return EvidenceItem(standing: EvidenceText.standing(e.onFile[i]), text: item.text, required: item.required, cite: item.cite, unverified: item.unverified)
                }
                return EvidenceElement(title: legend.rules[e.rule].title, status: e.status, guide: info.guide, guideCite: info.cite, items: items)
            }
            return EvidenceGroup(programTitle: d.programTitle, member: d.subject == "principal" ? nil : d.subject, elements: elements)
        }
    }
}
