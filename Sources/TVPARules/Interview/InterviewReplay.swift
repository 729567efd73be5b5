/// An interview answered from a case file taken as the truth: each question is answered with
/// the file's value, declined where the file declines it, "don't know" where the file does not
/// say, and the family question with the file's members. It measures how many questions the
/// interview asks against how many facts the file gives (`tvpa interview --replay`,
/// `scripts/interview-examples`).
public enum InterviewReplay {
    public struct Result: Sendable {
        /// Questions asked until the interview stopped (the family question included).
        public var asked: Int
        /// Questions asked until every decision was what the whole file decides, and stayed so.
        public var untilSettled: Int
        /// Questions answered "don't know" (the file does not say).
        public var dontKnow: Int
        /// Facts the file gives (the principal's and every member's).
        public var facts: Int
        /// Decisions of the whole file, and how many of them are decided (not undetermined).
        public var decisions: Int
        public var decided: Int
        /// The interview's decisions at the end are the whole file's.
        public var agrees: Bool
    }

    /// Answers the current question from the truth.
    public static func answer(_ interview: inout Interview, from truth: CaseDraft) throws(Interview.Refusal) {
        guard let q = interview.next else { return }
        if q.kind == .familyMembers { return try interview.answer(.members(truth.members.map(\.id))) }
        if truth.declined(of: q.member).contains(q.name) { return try interview.decline() }
        if let v = truth.facts(of: q.member)[q.name] {
            try interview.answer(.value(v))
        } else if let instead = q.instead, let v = truth.facts(of: q.member)[instead] {
            try interview.answer(.derived(instead, v))
        } else {
            interview.dontKnow()
        }
    }

    public static func run(truth file: CaseFile, program: Program, programs: Set<String>? = nil, asOf: Int? = nil, today: Int = CivilDate.today()) throws(Interview.Refusal) -> Result {
        let truth = CaseDraft(file, legend: program.legend)
        let date = file.decisionDate(override: asOf, today: today)
        let whole = Explainer(view: .off).report(file, program: program, decisionDate: date, programs: programs)
        func outcomes(_ r: CaseReport) -> [String: Outcome] {
            Dictionary(r.decisions.map { ($0.program + "\u{0}" + $0.subject, $0.outcome) }, uniquingKeysWith: { a, _ in a })
        }
        let target = outcomes(whole)
        var start = CaseDraft(id: truth.id)
        start.asOf = truth.asOf
        var interview = try Interview(program: program, draft: start, programs: programs, asOf: asOf, today: today, path: file.path)
        var asked = 0, lastDifferent = outcomes(interview.report) == target ? -1 : 0
        while interview.next != nil && asked < 10_000 {
            try answer(&interview, from: truth)
            asked += 1
            if outcomes(interview.report) != target { lastDifferent = asked }
        }
        let facts = truth.facts.count + truth.members.reduce(0) { $0 + $1.facts.count }
        return Result(
            asked: asked, untilSettled: lastDifferent < 0 ? 0 : min(lastDifferent + 1, asked), dontKnow: interview.unknown.count, facts: facts,
            decisions: whole.decisions.count, decided: whole.decisions.filter { $0.outcome != .undetermined }.count,
            agrees: outcomes(interview.report) == target)
    }
}
