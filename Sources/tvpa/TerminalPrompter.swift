import TVPARules

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's settings before raw mode, kept in C memory so a signal handler can put them
/// back without Swift's runtime (`PartialFiles`' handler calls `restore`, then re-raises).
enum TerminalState {
    nonisolated(unsafe) static let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) static var raw = false

    /// Keys one at a time, no echo; Ctrl-C still interrupts (ISIG stays on), and the handler
    /// restores the terminal.
    static func enterRaw() {
        guard !raw, tcgetattr(0, saved) == 0 else { return }
        var settings = saved.pointee
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutablePointer(to: &settings.c_cc) { cc in
            cc.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { $0[Int(VMIN)] = 1; $0[Int(VTIME)] = 0 }
        }
        raw = true
        tcsetattr(0, TCSAFLUSH, &settings)
    }

    /// Async-signal-safe: `tcsetattr` and a flag.
    static func restore() {
        guard raw else { return }
        raw = false
        tcsetattr(0, TCSAFLUSH, saved)
    }
}

/// Labelled choices on a terminal: the arrow keys move, Enter picks, a number picks directly,
/// space ticks an item of a list; typed answers are read as lines with the terminal's own
/// editing. The terminal is in raw mode only while a menu waits for a key.
final class TerminalPrompter: Prompter {
    let plain = LinePrompter()

    static func make() -> TerminalPrompter? { isatty(0) != 0 && isatty(1) != 0 ? TerminalPrompter() : nil }

    func say(_ text: String) { Output.print(text) }

    func key() -> [UInt8]? {
        var byte: UInt8 = 0
        guard read(0, &byte, 1) == 1 else { return nil }
        guard byte == 0x1B else { return [byte] }
        var rest: [UInt8] = [byte]
        var b: UInt8 = 0
        if read(0, &b, 1) == 1 { rest.append(b) }
        if rest.last == UInt8(ascii: "["), read(0, &b, 1) == 1 { rest.append(b) }
        return rest
    }

    func draw(_ lines: [String], cursor: Int, ticked: Set<Int>?, first: Bool) {
        var out = first ? "" : "\u{1B}[\(lines.count)A"
        for (i, l) in lines.enumerated() {
            let pointer = i == cursor ? "\u{1B}[7m›" : " "
            let box = ticked.map { i < lines.count && $0.contains(i) ? "[x] " : "[ ] " } ?? ""
            out += "\r\u{1B}[K" + pointer + " " + (ticked != nil && i < ticks ? box : "") + l + (i == cursor ? "\u{1B}[0m" : "") + "\n"
        }
        _ = Output.raw(out, to: 1)
    }

    /// How many of the lines are tickable (the options, not the extras).
    var ticks = 0

    func menu(_ question: String, options: [String], extras: [Extra], many: Bool) -> Pick? {
        say(question + (many ? "  (space ticks, Enter confirms)" : ""))
        let lines = options.enumerated().map { "\($0.offset + 1). \(Escape.text($0.element))" } + extras.map { "\($0.rawValue)) \($0.label)" }
        var cursor = 0
        var ticked = Set<Int>()
        ticks = options.count
        TerminalState.enterRaw()
        defer { TerminalState.restore() }
        draw(lines, cursor: cursor, ticked: many ? ticked : nil, first: true)
        while let k = key() {
            switch k {
            case [0x1B, UInt8(ascii: "["), UInt8(ascii: "A")]: cursor = (cursor + lines.count - 1) % lines.count
            case [0x1B, UInt8(ascii: "["), UInt8(ascii: "B")]: cursor = (cursor + 1) % lines.count
            case [0x0A], [0x0D]:
                if cursor >= options.count { return .extra(extras[cursor - options.count]) }
                if many { return .many(ticked.sorted()) }
                return .one(cursor)
            case [0x20] where many && cursor < options.count:
                if !ticked.insert(cursor).inserted { ticked.remove(cursor) }
            case [0x04]:
                return nil
            default:
                guard k.count == 1 else { break }
                let c = Character(UnicodeScalar(k[0]))
                if let e = Extra(rawValue: c), extras.contains(e) { return .extra(e) }
                if let n = c.wholeNumberValue, (1...options.count).contains(n) {
                    cursor = n - 1
                    if !many { draw(lines, cursor: cursor, ticked: nil, first: false); return .one(n - 1) }
                    if !ticked.insert(cursor).inserted { ticked.remove(cursor) }
                }
            }
            draw(lines, cursor: cursor, ticked: many ? ticked : nil, first: false)
        }
        return nil
    }

    func choose(_ question: String, options: [String], extras: [Extra]) -> Pick? { menu(question, options: options, extras: extras, many: false) }
    func chooseMany(_ question: String, options: [String], extras: [Extra]) -> Pick? { menu(question, options: options, extras: extras, many: true) }
    func ask(_ question: String, hint: String, extras: [Extra]) -> Pick? { plain.ask(question, hint: hint, extras: extras) }
    func line(_ prompt: String) -> String? { plain.line(prompt) }
    func close() { TerminalState.restore() }
}
