import TVPARules

/// The question-and-answer loop: shows `Interview.next`, turns what was picked into an
/// answer, says which decisions it settled, and saves after each step.
struct InterviewSession {
    let prompter: Prompter

    enum End { case finished, quit }

    @discardableResult
    func run(_ interview: inout Interview, save: (Interview) throws -> Void) throws -> End {
        while let q = interview.next {
            guard let step = ask(q, interview) else { return .quit }
            switch step {
            case .quit: return .quit
            case .back:
                if !interview.back() { prompter.say(InterviewMessages.backUnavailable) }
            case .dontKnow: interview.dontKnow()
            case .skip: interview.skip()
            case .decline:
                do { try interview.decline() } catch { prompter.say(InterviewWords.notTaken(error.message)) }
            case .answer(let answer):
                do {
                    try interview.answer(answer)
                } catch {
                    prompter.say(InterviewWords.notTaken(error.message))
                    for d in error.diagnostics { if let help = d.help { prompter.say("  help: \(Escape.text(help))") } }
                    continue
                }
            case .again:
                continue
            }
            for s in interview.settled { prompter.say(InterviewWords.settledLine(s)) }
            for c in interview.deadlineChanges { prompter.say(InterviewWords.deadlineLine(c, legend: interview.program.legend)) }
            try save(interview)
        }
        prompter.say(InterviewWords.finished(interview.steps))
        return .finished
    }

    enum Step {
        case answer(InterviewAnswer)
        case dontKnow, skip, decline, back, quit
        /// Nothing to apply (an answer that did not parse): ask again.
        case again
    }

    func step(_ extra: Extra) -> Step {
        switch extra {
        case .dontKnow: return .dontKnow
        case .skip: return .skip
        case .decline: return .decline
        case .back: return .back
        case .quit: return .quit
        case .instead: return .again
        }
    }

    /// Asks one question; nil at the end of input.
    func ask(_ q: InterviewQuestion, _ interview: Interview) -> Step? {
        if let note = q.note { prompter.say(note) }
        let who = q.member.map { _ in InterviewMessages.aboutMember(Escape.text(q.subject)) + ": " } ?? ""
        let text = "\n" + who + Escape.text(q.text)
        var extras: [Extra] = [.dontKnow, .skip, .decline, .back, .quit]
        if q.kind == .familyMembers {
            extras = [.dontKnow, .back, .quit]
            guard let pick = prompter.choose(text, options: [InterviewWords.yes, InterviewWords.no], extras: extras) else { return nil }
            switch pick {
            case .one(0):
                var ids: [String] = []
                while true {
                    let suggested = interview.suggestedMemberId(after: ids)
                    guard let typed = prompter.line(InterviewWords.memberPrompt(suggested)) else { return nil }
                    if typed.isEmpty { break }
                    let id = typed == "+" ? suggested : typed
                    if CaseWriter.isValidId(id) && !ids.contains(id) && id != "principal" { ids.append(id) } else { prompter.say(InterviewMessages.familyAnswerInvalid(Escape.text(id))) }
                }
                return .answer(.members(ids))
            case .one: return .answer(.members([]))
            case .extra(let e): return step(e)
            default: return .again
            }
        }
        if q.instead != nil { extras.insert(.instead, at: 0) }
        switch q.type {
        case .bool:
            guard let pick = prompter.choose(text, options: [InterviewWords.yes, InterviewWords.no], extras: extras) else { return nil }
            if case .one(let i) = pick { return .answer(.value(.bool(i == 0))) }
            if case .extra(let e) = pick { return step(e) }
        case .enumeration, .reference:
            guard let pick = prompter.choose(text, options: q.choices.map(\.label), extras: extras) else { return nil }
            if case .one(let i) = pick { return .answer(.value(.word(q.choices[i].value))) }
            if case .extra(let e) = pick { return step(e) }
        case .list:
            guard let pick = prompter.chooseMany(text, options: q.choices.map(\.label), extras: extras) else { return nil }
            if case .many(let picked) = pick { return .answer(.value(.words(picked.map { q.choices[$0].value }))) }
            if case .extra(let e) = pick { return step(e) }
        case .date, .integer, .text:
            guard let pick = prompter.ask(text, hint: q.type == .date ? "YYYY-MM-DD" : q.type == .integer ? "a whole number" : "", extras: extras) else { return nil }
            switch pick {
            case .text(let typed): return typed.isEmpty ? .again : parse(typed, q.type).map { .answer(.value($0)) } ?? .again
            case .extra(.instead):
                guard let name = q.instead else { return .again }
                guard let pick = prompter.ask(Escape.text(q.insteadQuestion ?? name), hint: "a whole number", extras: []) else { return nil }
                guard case .text(let typed) = pick, let value = parse(typed, .integer) else { return .again }
                return .answer(.derived(name, value))
            case .extra(let e): return step(e)
            default: return .again
            }
        case .records:
            return records(q, text: text, extras: extras)
        }
        return .again
    }

    /// A typed answer as a value, or nil (and why) when it is not one.
    func parse(_ typed: String, _ type: FactType) -> CaseDraft.Value? {
        switch type {
        case .integer:
            guard let n = Int(typed) else {
                prompter.say(InterviewWords.notTaken(InterviewMessages.notAnInteger(Escape.text(typed))))
                return nil
            }
            return .integer(n)
        case .date: return .date(typed)  // checked by the case loader, with its help
        default: return .text(typed)
        }
    }

    /// Records, field by field: first whether there is one, then each field, then whether there
    /// is another.
    func records(_ q: InterviewQuestion, text: String, extras: [Extra]) -> Step? {
        var records: [[String: CaseDraft.Value]] = []
        var question = text + "\n" + InterviewWords.anotherRecord
        while true {
            guard let pick = prompter.choose(question, options: [InterviewWords.yes, InterviewWords.no], extras: records.isEmpty ? extras : []) else { return nil }
            if case .extra(let e) = pick { return step(e) }
            guard case .one(0) = pick else { break }
            prompter.say(InterviewWords.recordPrompt(records.count + 1))
            var record: [String: CaseDraft.Value] = [:]
            for field in q.fields {
                let label = "  \(field.name)"
                switch field.type {
                case .enumeration:
                    guard let pick = prompter.choose(label, options: field.choices.map(\.label), extras: [.dontKnow]) else { return nil }
                    if case .one(let i) = pick { record[field.name] = .word(field.choices[i].value) }
                case .bool:
                    guard let pick = prompter.choose(label, options: [InterviewWords.yes, InterviewWords.no], extras: [.dontKnow]) else { return nil }
                    if case .one(let i) = pick { record[field.name] = .bool(i == 0) }
                default:
                    guard let pick = prompter.ask(label, hint: field.type == .date ? "YYYY-MM-DD" : "", extras: [.dontKnow]) else { return nil }
                    if case .text(let typed) = pick, !typed.isEmpty, let v = parse(typed, field.type) { record[field.name] = v }
                }
            }
            records.append(record)
            question = InterviewWords.anotherRecord
        }
        return .answer(.value(.records(records)))
    }
}
