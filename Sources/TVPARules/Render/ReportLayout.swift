/// Render: a report for people, laid out once from a `CaseReport` and then written as text,
/// Markdown or HTML (`ReportText`, `ReportMarkdown`, `ReportHTML`), so the three say the same
/// thing in the same order. It holds words, not markup: every string is as the rules or the
/// report's catalogue (`ReportWords`) wrote it, and each renderer escapes it for its format.
///
/// What it decides, once for every format:
/// - a summary first (a line per program and subject: the outcome, the reason in words and the
///   element that decided it), then what to ask next, as questions with labelled answers;
/// - each explanation with a subtree that an earlier explanation already showed (the
///   definition of a victim, read by several programs) replaced by a reference to it;
/// - where two versions of the law applied, the one that decides, and one line for each
///   other (expanded only when `expandVersions`, the `--explain full` view);
/// - the points of law not yet checked against the text, gathered at the end with the
///   elements they touch.
///
/// The blocks' order is `blocks`: a block added later (deadlines after the summary, evidence
/// to gather per program) is a new case there and in each renderer's switch.
public struct ReportLayout: Sendable {
    /// A part of the report, in the order the renderers write them.
    public enum Block: Sendable, Hashable {
        case summary
        case deadlines
        case questions
        case explanations
        case evidence
        case unverified
        case disclaimer
    }

    public struct Options: Sendable {
        /// Codes beside the words (fact names, value codes, program and rule ids): for rule authors.
        public var codes: Bool
        /// Every version of the law that applied explained in full (`--explain full`).
        public var expandVersions: Bool

        public init(codes: Bool = false, expandVersions: Bool = false) {
            self.codes = codes
            self.expandVersions = expandVersions
        }
    }

    /// One line of the summary.
    public struct SummaryLine: Sendable {
        /// The section it sums up (`sections[section]`).
        public var section: Int
        public var program: String
        public var programTitle: String
        /// nil for the principal; else the family member's id (or pseudonym).
        public var member: String?
        public var outcome: Outcome
        public var reason: Reason
        /// "Not yet decided", "Eligible", "Not eligible".
        public var outcomeWords: String
        /// "two facts are missing".
        public var reasonWords: String
        /// The element that decided it, when one did.
        public var decidedBy: String?
        /// What to pursue instead, for a program that is not for this person.
        public var instead: String?
        /// Meeting the criteria does not decide the grant.
        public var discretionary: Bool
        /// The case file expected another outcome.
        public var expected: Outcome?
    }

    /// One answer a question offers.
    public struct Answer: Sendable {
        public var label: String
        public var code: String
    }

    /// A question of "What to ask next".
    public struct Question: Sendable {
        public var number: Int
        public var text: String
        /// nil for the principal.
        public var member: String?
        public var fact: String
        /// How it is answered when there are no choices ("yes or no", "a date").
        public var kind: String
        /// Whether one or several of `answers` may be chosen.
        public var several: Bool
        public var answers: [Answer]
        public var decides: Int
        public var declined: Bool
    }

    /// A fact an element read, in words.
    public struct FactLine: Sendable {
        public var name: String
        /// The fact's question, or its name when it has none.
        public var asked: String
        public var value: String
        public var declined: Bool
    }

    /// One element of an explanation tree, flattened with its depth.
    public struct Element: Sendable {
        public var depth: Int
        public var status: Tri
        public var rule: String
        public var title: String
        /// The element's sentence; nil when `reference` stands for it.
        public var text: String?
        public var citations: [String]
        public var facts: [FactLine]
        public var discretionary: String?
        public var notes: [String]
        /// Explained in full elsewhere: the section that does (`sections[index]`) and its title.
        public var reference: (section: Int, title: String)?
        /// Numbers of the unverified points that touch it (`unverified`).
        public var unverified: [Int]
        /// A version of the law summed up in a line (another version decides).
        public var otherVersion: Bool
    }

    /// One program and subject explained.
    public struct Section: Sendable {
        public var anchor: String
        public var program: String
        public var programTitle: String
        public var member: String?
        public var outcome: Outcome
        public var outcomeWords: String
        public var reasonWords: String
        public var lawApplied: [String]
        public var discretionary: Bool
        public var notes: [String]
        public var elements: [Element]
        /// The numbers of the questions that would settle it.
        public var settledBy: [Int]
        /// Its missing facts' names (shown with codes).
        public var missingFacts: [String]
        public var expected: Outcome?
    }

    /// A point of law not yet checked against the text.
    public struct UnverifiedPoint: Sendable {
        public var number: Int
        public var text: String
        /// "Element title (Program title)" for each element it touches.
        public var elements: [String]
    }

    public var heading: String
    public var title: String?
    public var narrative: String?
    public var asOf: String
    public var rulesSource: String
    public var rulesDigest: String
    public var redacted: Bool
    public var options: Options
    public var summary: [SummaryLine] = []
    public var questions: [Question] = []
    public var sections: [Section] = []
    public var unverified: [UnverifiedPoint] = []
    /// The clocks that matter, soonest first, and the evidence lists by program (issue 13).
    public var deadlines: [DeadlineLine] = []
    public var evidence: [EvidenceGroup] = []
    public var blocks: [Block] = [.summary, .deadlines, .questions, .explanations, .evidence, .unverified, .disclaimer]
    public var disclaimer = Disclaimer.text

    public init(_ report: CaseReport, options: Options = Options()) {
        heading = Redaction.heading(report.caseId, redacted: report.redacted)
        title = report.title
        narrative = report.narrative
        asOf = CivilDate.format(report.asOf)
        rulesSource = report.rulesSource
        rulesDigest = String(report.rulesDigest.prefix(19)) + "…"
        redacted = report.redacted
        self.options = options
        let legend = report.decisions.first?.legend
        questions = report.questions.enumerated().map { i, q in Self.question(q, number: i + 1, legend: legend) }
        var builder = LayoutBuilder(options: options)
        for (i, d) in report.decisions.enumerated() {
            let section = builder.section(d, index: i, questions: report.questions)
            sections.append(section)
            summary.append(Self.summaryLine(d, section: i, elements: section.elements))
        }
        deadlines = Self.deadlineLines(report)
        evidence = Self.evidenceGroups(report)
        unverified = builder.points.enumerated().map { UnverifiedPoint(number: $0.offset + 1, text: $0.element.text, elements: $0.element.elements) }
    }

    static func member(_ subject: String) -> String? { subject == "principal" ? nil : subject }

    static func summaryLine(_ d: Decision, section: Int, elements: [Element]) -> SummaryLine {
        var decidedBy: String?
        if d.outcome != .eligible, let root = elements.first {
            // The first of the top elements (under the version that decides, if any) with the
            // outcome's status.
            let top = elements.dropFirst().filter { !$0.otherVersion && !$0.rule.contains("@") }
            if let depth = top.map(\.depth).min() { decidedBy = top.first { $0.depth == depth && $0.status == root.status }?.title }
        }
        var instead: String?
        for note in d.notes {
            if case .instead(let i) = note { instead = d.legend.programs[d.programIndex].notApplicable[Int(i)].instead }
        }
        return SummaryLine(
            section: section, program: d.program, programTitle: d.programTitle, member: member(d.subject), outcome: d.outcome, reason: d.reason,
            outcomeWords: ReportWords.outcome(d.outcome), reasonWords: ReportWords.reason(d), decidedBy: d.reason == .notApplicable ? nil : decidedBy,
            instead: instead, discretionary: d.discretionary && d.outcome != .notEligible, expected: d.expected == d.outcome ? nil : d.expected)
    }

    static func question(_ q: MissingFact, number: Int, legend: Legend?) -> Question {
        let fact = legend.flatMap { l in q.asked.slot >= 0 && Int(q.asked.slot) < l.facts.count ? l.facts[Int(q.asked.slot)] : l.facts.first { $0.name == q.name } }
        let labels = fact?.labels ?? []
        let answers = q.values.enumerated().map { i, code in Answer(label: i < labels.count ? labels[i] : code, code: code) }
        let type = fact?.type ?? .text
        return Question(
            number: number, text: q.question, member: member(q.subject), fact: q.name, kind: ReportWords.answerKind(type), several: type == .list,
            answers: type == .bool ? [] : answers, decides: q.decides, declined: q.declined)
    }
}

/// Builds the sections' element lists, remembering what earlier sections explained in full
/// and the unverified points met so far.
struct LayoutBuilder {
    let options: ReportLayout.Options
    /// A shown subtree's words → the section that explained it in full.
    var explained: [String: (section: Int, title: String)] = [:]
    var points: [(text: String, elements: [String])] = []

    init(options: ReportLayout.Options) { self.options = options }

    mutating func section(_ d: Decision, index: Int, questions: [MissingFact]) -> ReportLayout.Section {
        let words = ExplanationText(d, labels: !options.codes)
        var elements: [ReportLayout.Element] = []
        let sectionTitle = d.programTitle + (d.subject == "principal" ? "" : ReportWords.memberSuffix(d.subject))
        if let e = d.explanation, let root = e.root {
            walk(root, depth: 0, e, words, d, section: index, sectionTitle: sectionTitle, into: &elements)
        }
        let settledBy = Array(Set(d.missingFacts.compactMap { f in questions.firstIndex { $0.name == f.name && $0.subject == f.subject }.map { $0 + 1 } })).sorted()
        return ReportLayout.Section(
            anchor: "d\(index + 1)", program: d.program, programTitle: d.programTitle, member: ReportLayout.member(d.subject), outcome: d.outcome,
            outcomeWords: ReportWords.outcome(d.outcome), reasonWords: ReportWords.reason(d), lawApplied: d.lawVersions,
            discretionary: d.discretionary && d.outcome != .notEligible, notes: words.notes, elements: elements, settledBy: settledBy,
            missingFacts: d.missingFacts.map { ($0.subject == "principal" ? $0.name : "\($0.name) [\($0.subject)]") + ($0.declined ? " (\(ReportWords.declined))" : "") }, expected: d.expected == d.outcome ? nil : d.expected)
    }

    /// The words of a subtree as shown: what makes two places the same explanation.
    func fingerprint(_ n: Int32, _ e: Explanation, _ words: ExplanationText) -> String {
        var out = ""
        func go(_ n: Int32) {
            out += "\(e.nodes[Int(n)].status)\u{1}\(words.rule(n))\u{1}\(words.text(n))\u{1}"
            for f in e.facts(of: n) { out += "\(f.slot)=\(words.fact(f).value)\u{1}" }
            for note in words.notes(n) { out += note + "\u{1}" }
            out += "("
            for c in e.children(of: n) { go(c) }
            out += ")"
        }
        go(n)
        return out
    }

    /// The versions under a node: the one that decides first, then the others.
    func versions(_ children: ArraySlice<Int32>, parent: Tri, _ e: Explanation) -> (deciding: Int32, others: [Int32])? {
        let versions = children.filter { e.nodes[Int($0)].version != nil }
        guard versions.count > 1 else { return nil }
        func applies(_ c: Int32) -> Bool {
            switch e.nodes[Int(c)].sentence {
            case .versionVerdict(let scope, _): return scope != .mayApply
            case .versionDoesNotApply, .notInForce: return false
            case .says: return true
            }
        }
        let deciding = versions.first { applies($0) && e.nodes[Int($0)].status == parent } ?? versions.first { e.nodes[Int($0)].status == parent } ?? versions[versions.startIndex]
        return (deciding, versions.filter { $0 != deciding })
    }

    mutating func walk(_ n: Int32, depth: Int, _ e: Explanation, _ words: ExplanationText, _ d: Decision, section: Int, sectionTitle: String, into elements: inout [ReportLayout.Element]) {
        let node = e.nodes[Int(n)]
        let children = e.children(of: n)
        var element = ReportLayout.Element(
            depth: depth, status: node.status, rule: words.rule(n), title: words.title(n), text: words.text(n), citations: words.citations(n),
            facts: e.facts(of: n).map { fact($0, words, d) }, discretionary: node.status == .no ? nil : words.discretionary(n), notes: words.notes(n),
            reference: nil, unverified: [], otherVersion: false)
        if !children.isEmpty {
            let key = fingerprint(n, e, words)
            if let earlier = explained[key], earlier.section != section {
                element.text = nil
                element.citations = []
                element.facts = []
                element.notes = []
                element.discretionary = nil
                element.reference = earlier
                elements.append(element)
                return
            }
            if explained[key] == nil { explained[key] = (section, sectionTitle) }
        }
        element.unverified = words.unverified(n).map { point($0, touches: "\(element.title) (\(sectionTitle))") }
        elements.append(element)
        if !options.expandVersions, let (deciding, others) = versions(children, parent: node.status, e) {
            walk(deciding, depth: depth + 1, e, words, d, section: section, sectionTitle: sectionTitle, into: &elements)
            for other in others { elements.append(otherVersion(other, depth: depth + 1, e, words)) }
            for c in children where e.nodes[Int(c)].version == nil { walk(c, depth: depth + 1, e, words, d, section: section, sectionTitle: sectionTitle, into: &elements) }
            return
        }
        for c in children { walk(c, depth: depth + 1, e, words, d, section: section, sectionTitle: sectionTitle, into: &elements) }
    }

    /// A version that does not decide, in one line: what it would give.
    func otherVersion(_ n: Int32, depth: Int, _ e: Explanation, _ words: ExplanationText) -> ReportLayout.Element {
        let node = e.nodes[Int(n)]
        let text: String
        switch node.sentence {
        case .versionVerdict(let scope, let body): text = ReportWords.otherVersion(scope: scope, body: body)
        case .versionDoesNotApply, .notInForce: text = ReportWords.otherVersionDoesNotApply
        case .says(let status): text = ReportWords.otherVersion(scope: .applies, body: status)
        }
        return ReportLayout.Element(
            depth: depth, status: node.status, rule: words.rule(n), title: words.title(n), text: text, citations: words.citations(n), facts: [],
            discretionary: nil, notes: [], reference: nil, unverified: [], otherVersion: true)
    }

    func fact(_ f: ShownFact, _ words: ExplanationText, _ d: Decision) -> ReportLayout.FactLine {
        let info = d.legend.facts[Int(f.slot)]
        let (name, value) = words.fact(f)
        return ReportLayout.FactLine(name: name, asked: info.question ?? name, value: f.declined ? ReportWords.declined : value, declined: f.declined)
    }

    /// The number of an unverified point, a new one the first time its text is met.
    mutating func point(_ text: String, touches element: String) -> Int {
        if let i = points.firstIndex(where: { $0.text == text }) {
            if !points[i].elements.contains(element) { points[i].elements.append(element) }
            return i + 1
        }
        points.append((text, [element]))
        return points.count
    }
}
