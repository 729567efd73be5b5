import TVPARules

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What can be chosen beside a question's own answers.
enum Extra: Character, CaseIterable {
    case instead = "a"
    case dontKnow = "d"
    case skip = "s"
    case decline = "x"
    case back = "b"
    case quit = "q"

    var label: String {
        switch self {
        case .instead: return InterviewMessages.knownAgeChoice
        case .dontKnow: return InterviewMessages.dontKnowChoice
        case .skip: return InterviewMessages.skipChoice
        case .decline: return InterviewMessages.declineChoice
        case .back: return "back"
        case .quit: return "quit " + InterviewWords.quitHint
        }
    }
}

/// What the person picked.
enum Pick: Equatable {
    case one(Int)
    case many([Int])
    case text(String)
    case extra(Extra)
}

/// How the interview asks: labelled choices and typed answers. `nil` is the end of input.
protocol Prompter {
    func say(_ text: String)
    func choose(_ question: String, options: [String], extras: [Extra]) -> Pick?
    func chooseMany(_ question: String, options: [String], extras: [Extra]) -> Pick?
    func ask(_ question: String, hint: String, extras: [Extra]) -> Pick?
    func line(_ prompt: String) -> String?
    func close()
}

/// Plain prompts on standard input and output, a line per answer, for scripts and pipes: a
/// choice by its number (or its value), several as numbers separated by commas or spaces
/// (`none` for no value), the extras by letter (`d` don't know, `s` skip, `x` declined, `b`
/// back, `q` quit, `a` the age instead of a date of birth).
struct LinePrompter: Prompter {
    func say(_ text: String) { Output.print(text) }

    func extrasLine(_ extras: [Extra]) -> String {
        extras.isEmpty ? "" : "  " + extras.map { "\($0.rawValue)) \($0.label)" }.joined(separator: "   ")
    }

    func menu(_ question: String, _ options: [String], _ extras: [Extra]) -> String {
        var out = question + "\n"
        for (i, o) in options.enumerated() { out += "  \(i + 1). \(Escape.text(o))\n" }
        return extras.isEmpty ? String(out.dropLast()) : out + extrasLine(extras)
    }

    func extra(_ text: String, _ extras: [Extra]) -> Extra? {
        guard text.count == 1, let e = Extra(rawValue: text.first!), extras.contains(e) else { return nil }
        return e
    }

    func choose(_ question: String, options: [String], extras: [Extra]) -> Pick? {
        say(menu(question, options, extras))
        while true {
            guard let text = line("> ") else { return nil }
            if let e = extra(text, extras) { return .extra(e) }
            if let n = Int(text), (1...options.count).contains(n) { return .one(n - 1) }
            if let i = options.firstIndex(of: text) { return .one(i) }
            say(InterviewMessages.notAChoice(text, options.indices.map { "\($0 + 1)" } + extras.map { String($0.rawValue) }))
        }
    }

    func chooseMany(_ question: String, options: [String], extras: [Extra]) -> Pick? {
        say(menu(question, options, extras) + "\n  (numbers separated by commas; none for none of them)")
        while true {
            guard let text = line("> ") else { return nil }
            if let e = extra(text, extras) { return .extra(e) }
            if text == "none" { return .many([]) }
            let parts = text.split { $0 == "," || $0 == " " }.map(String.init)
            let numbers = parts.compactMap(Int.init)
            if !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy({ (1...options.count).contains($0) }) {
                var seen: [Int] = []
                for n in numbers where !seen.contains(n - 1) { seen.append(n - 1) }
                return .many(seen)
            }
            say(InterviewMessages.notAChoice(text, options.indices.map { "\($0 + 1)" } + ["none"] + extras.map { String($0.rawValue) }))
        }
    }

    func ask(_ question: String, hint: String, extras: [Extra]) -> Pick? {
        say(question + (hint.isEmpty ? "" : " (\(hint))") + (extras.isEmpty ? "" : "\n" + extrasLine(extras)))
        guard let text = line("> ") else { return nil }
        if let e = extra(text, extras) { return .extra(e) }
        return .text(text)
    }

    func line(_ prompt: String) -> String? {
        _ = Output.raw(prompt, to: 1)
        guard let text = readLine(strippingNewline: true) else { return nil }
        return text.trimmingCharacters(in: .whitespaces)
    }

    func close() {}
}
