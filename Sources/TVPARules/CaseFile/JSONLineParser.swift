/// Reads one JSON Lines line as JSON (RFC 8259), strictly, in one pass and without recursion,
/// into the nodes the case reader reads — so a JSON line is never read as YAML: `017`, `+30`,
/// `~`, `'x'`, a comment or a trailing comma are syntax errors, not numbers, nulls or strings.
/// Each node keeps its line and column and says what JSON made it (a string is of kind
/// `string`, quoted; a number `int` or `float`; `true`/`false` `bool`; `null` `null`), so the
/// reader never guesses a type from a word. A key given twice in one object is an error too
/// (RFC 8259 leaves it open; a case has one meaning or none).
///
/// The first problem ends the line: a diagnostic `case.json-syntax` at its line and column
/// (in characters), naming at most a short, escaped excerpt of the token found — none under
/// `--redact`, and none inside the value of a free-text or sensitive key (`privateKeys`), where
/// the token is most likely a piece of a survivor's story after an unescaped quote.
struct JSONLineParser {
    /// Objects and lists deeper than this are refused: a case file nests five deep.
    static let maxDepth = 64

    typealias Bytes = UnsafeBufferPointer<UInt8>

    let b: Bytes
    let path: String
    let line: Int
    let redact: Bool
    /// Keys whose values are never quoted, even in part.
    let privateKeys: Set<String>
    /// The key of the value being read, or last read, in the innermost object.
    private var key: String?
    var i = 0
    /// A cursor for columns: the column of byte `columnOffset`.
    private var columnOffset = 0
    private var columnValue = 1

    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// The line's value as a node (marked as on line 1: the reader adds the line), or the
    /// diagnostic for the first problem. `text` is valid UTF-8 and holds no byte-order mark.
    /// The key tables of the lines read before are reused (`CaseLoader.Scratch` keeps them):
    /// a case's facts object has dozens of keys, and growing a fresh table for each line cost
    /// a tenth of reading it.
    static func parse(_ text: String, path: String, line: Int, redact: Bool, privateKeys: Set<String>, keyTables: inout KeyTables) -> Result<SourceNode, Failure> {
        var text = text
        return text.withUTF8 { buffer in
            var parser = JSONLineParser(b: buffer, path: path, line: line, redact: redact, privateKeys: privateKeys)
            do throws(Failure) {
                return .success(try parser.document(keyTables: &keyTables))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Emptied key tables (each object's keys, for finding one given twice), their capacity kept.
    struct KeyTables {
        var spare: [[String: Int]] = []
    }

    /// The open objects and lists, innermost last. What each holds is kept in an array of its
    /// own, appended to in place, so a member costs constant time whatever the size: a frame
    /// read whole while it grows would be copied, and a line would take quadratic time.
    private struct Stack {
        var isObject: [Bool] = []
        var columns: [Int] = []
        var items: [[SourceNode]] = []
        var pairs: [[(key: SourceNode, value: SourceNode)]] = []
        /// Each key given in an object, and the column where it was.
        var keys: [[String: Int]] = []
        /// Emptied key tables for the next object.
        var spareKeys: [[String: Int]] = []
        /// The key whose value is being read, per object.
        var key: [SourceNode?] = []

        var count: Int { isObject.count }

        /// Keeps an emptied table for the next object, unless a hostile line made it huge.
        mutating func recycle(_ table: [String: Int]) {
            guard table.capacity <= 1024 else { return }
            var table = table
            table.removeAll(keepingCapacity: true)
            spareKeys.append(table)
        }

        mutating func push(object: Bool, column: Int) {
            isObject.append(object)
            columns.append(column)
            items.append([])
            pairs.append([])
            keys.append(spareKeys.popLast() ?? [:])
            key.append(nil)
        }

        mutating func pop() -> SourceNode {
            let object = isObject.removeLast(), column = columns.removeLast()
            let list = items.removeLast(), members = pairs.removeLast()
            recycle(keys.removeLast())
            key.removeLast()
            return object ? .mapping(.init(pairs: members, line: 1, column: column)) : .sequence(.init(items: list, line: 1, column: column))
        }
    }

    private enum State {
        /// A value is due; `closing` allows `]` at once (an empty list).
        case value(closing: Bool)
        /// A key is due; `closing` allows `}` at once (an empty object).
        case key(closing: Bool)
        /// A value has ended: a comma, a closing bracket, or (at the top) the end of the line.
        case after
    }

    private mutating func document(keyTables: inout KeyTables) throws(Failure) -> SourceNode {
        var stack = Stack()
        stack.spareKeys = keyTables.spare
        keyTables.spare = []
        // The tables go back when the line is read, or given up on.
        defer {
            for table in stack.keys { stack.recycle(table) }
            keyTables.spare = stack.spareKeys
        }
        var state = State.value(closing: false)
        var root: SourceNode?
        while true {
            skipSpaces()
            switch state {
            case .value(let closing):
                guard i < b.count else { throw fail(JSONMessages.expectedValue(found: found()), help: JSONMessages.valueHelp) }
                let c = b[i]
                if closing && c == UInt8(ascii: "]") {
                    i += 1
                    state = produce(stack.pop(), into: &stack, root: &root)
                    continue
                }
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < Self.maxDepth else { throw fail(JSONMessages.tooDeep(Self.maxDepth), help: JSONMessages.tooDeepHelp) }
                    let column = self.column(i)
                    i += 1
                    stack.push(object: c == UInt8(ascii: "{"), column: column)
                    state = c == UInt8(ascii: "{") ? .key(closing: true) : .value(closing: true)
                    continue
                case UInt8(ascii: "\""):
                    let column = self.column(i)
                    let s = try string()
                    state = produce(.text(s, line: 1, column: column), into: &stack, root: &root)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let column = self.column(i)
                    let (literal, isInteger) = try number()
                    state = produce(.word(literal, kind: isInteger ? .int : .float, line: 1, column: column), into: &stack, root: &root)
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let column = self.column(i)
                    let word = try literal()
                    state = produce(.word(word, kind: word == "null" ? .null : .bool, line: 1, column: column), into: &stack, root: &root)
                default:
                    throw fail(JSONMessages.expectedValue(found: found()), help: JSONMessages.help(for: c) ?? JSONMessages.valueHelp)
                }
            case .key(let closing):
                guard i < b.count else { throw fail(JSONMessages.expectedKey(found: found()), help: JSONMessages.keyHelp) }
                if closing && b[i] == UInt8(ascii: "}") {
                    i += 1
                    state = produce(stack.pop(), into: &stack, root: &root)
                    continue
                }
                guard b[i] == UInt8(ascii: "\"") else {
                    throw fail(JSONMessages.expectedKey(found: found()), help: JSONMessages.help(for: b[i]) ?? JSONMessages.keyHelp)
                }
                let start = i
                let key = try string()
                self.key = key
                let top = stack.count - 1
                if let first = stack.keys[top][key] {
                    throw fail(JSONMessages.duplicateKey(shown(key), firstColumn: first), at: start, help: JSONMessages.duplicateKeyHelp)
                }
                let keyColumn = column(start)
                stack.keys[top][key] = keyColumn
                skipSpaces()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail(JSONMessages.expectedColon(found: found()), help: JSONMessages.colonHelp) }
                i += 1
                stack.key[top] = .text(key, line: 1, column: keyColumn)
                state = .value(closing: false)
            case .after:
                guard let isObject = stack.isObject.last else {
                    guard i == b.count else { throw fail(JSONMessages.trailing(found: found()), help: JSONMessages.trailingHelp) }
                    return root!
                }
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard i < b.count else { throw fail(JSONMessages.expectedCommaOrClose(close, found: found()), help: JSONMessages.unclosedHelp(close)) }
                let c = b[i]
                if c == UInt8(ascii: ",") {
                    i += 1
                    state = isObject ? .key(closing: false) : .value(closing: false)
                    skipSpaces()
                    // A trailing comma is YAML, not JSON.
                    if i < b.count && b[i] == close { throw fail(JSONMessages.trailingComma(close), at: i - 1, help: JSONMessages.trailingCommaHelp) }
                } else if c == close {
                    i += 1
                    state = produce(stack.pop(), into: &stack, root: &root)
                } else {
                    throw fail(JSONMessages.expectedCommaOrClose(close, found: found()), help: JSONMessages.help(for: c) ?? JSONMessages.unclosedHelp(close))
                }
            }
        }
    }

    /// A value is complete: it goes into the open object or list, or is the document.
    private func produce(_ node: SourceNode, into stack: inout Stack, root: inout SourceNode?) -> State {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return .after
        }
        if stack.isObject[top] {
            let key = stack.key[top]!
            stack.key[top] = nil
            stack.pairs[top].append((key, node))
        } else {
            stack.items[top].append(node)
        }
        return .after
    }

    // MARK: Tokens

    /// JSON's whitespace: space, tab, carriage return (a line feed ends the line).
    private mutating func skipSpaces() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
    }

    /// A string, its escapes decoded; `i` is at its opening quote.
    private mutating func string() throws(Failure) -> String {
        let open = i
        i += 1
        let start = i
        // Most strings have no escape: they are copied whole.
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: Bytes(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            i += 1
        }
        var out = Array(b[start..<i])
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 {
                throw fail(JSONMessages.controlInString(Excerpt.scalarName(UInt32(c)), escape: Excerpt.jsonEscape(UInt32(c))), help: JSONMessages.controlInStringHelp)
            }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < b.count else { break }
            let e = b[i + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let escape = i
                guard var scalar = hex4(at: i + 2) else { throw fail(JSONMessages.badUnicodeEscape(found: found(from: escape)), help: JSONMessages.escapeHelp) }
                i += 6
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u"), let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low) else {
                        throw fail(JSONMessages.loneSurrogate, at: escape, help: JSONMessages.loneSurrogateHelp)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail(JSONMessages.loneSurrogate, at: escape, help: JSONMessages.loneSurrogateHelp)
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
                continue
            default:
                throw fail(JSONMessages.badEscape(found: found(from: i, length: 2)), help: JSONMessages.escapeHelp)
            }
            i += 2
        }
        throw fail(JSONMessages.unclosedString, at: open, help: JSONMessages.unclosedStringHelp)
    }

    private func hex4(at k: Int) -> UInt32? {
        guard k + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for j in k..<(k + 4) {
            let c = b[j]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// A number as written, and whether it is an integer (no fraction, no exponent):
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, then a delimiter.
    private mutating func number() throws(Failure) -> (String, Bool) {
        let start = i
        func digits() -> Int {
            let from = i
            while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            return i - from
        }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { throw badNumber(start) }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
                throw fail(JSONMessages.leadingZero(found: found(from: start)), at: start, help: JSONMessages.leadingZeroHelp)
            }
        } else {
            _ = digits()
        }
        var isInteger = true
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            isInteger = false
            guard digits() > 0 else { throw badNumber(start) }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            isInteger = false
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw badNumber(start) }
        }
        guard i == b.count || Self.isDelimiter(b[i]) else { throw badNumber(start) }
        return (String(decoding: Bytes(rebasing: b[start..<i]), as: UTF8.self), isInteger)
    }

    private mutating func badNumber(_ start: Int) -> Failure {
        fail(JSONMessages.badNumber(found: found(from: start)), at: start, help: JSONMessages.numberHelp)
    }

    /// `true`, `false` or `null`, then a delimiter.
    private mutating func literal() throws(Failure) -> String {
        for word in ["true", "false", "null"] {
            let bytes = Array(word.utf8)
            if i + bytes.count <= b.count, (0..<bytes.count).allSatisfy({ b[i + $0] == bytes[$0] }), i + bytes.count == b.count || Self.isDelimiter(b[i + bytes.count]) {
                i += bytes.count
                return word
            }
        }
        throw fail(JSONMessages.expectedValue(found: found()), help: JSONMessages.wordHelp)
    }

    private static func isDelimiter(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0D || c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") || c == UInt8(ascii: ":")
    }

    // MARK: Places and excerpts

    /// The 1-based column of a byte offset, in characters; offsets asked for mostly increase,
    /// so the count runs on from the last one and the line is counted once.
    private mutating func column(_ offset: Int) -> Int {
        if offset < columnOffset {
            columnOffset = 0
            columnValue = 1
        }
        while columnOffset < offset && columnOffset < b.count {
            if b[columnOffset] & 0xC0 != 0x80 { columnValue += 1 }
            columnOffset += 1
        }
        // Continuation bytes after the last character start are in its column.
        return columnValue
    }

    /// What was found at `from` (the current place by default): a short, escaped excerpt of the
    /// token there, or "the end of the line"; no excerpt when values are withheld.
    private func found(from: Int? = nil, length: Int? = nil) -> String {
        let start = from ?? i
        guard start < b.count else { return JSONMessages.endOfLine }
        if redact { return JSONMessages.withheld }
        if let key, privateKeys.contains(key) { return JSONMessages.withheldIn(Excerpt.of(key)) }
        var end = start
        if let length {
            end = min(b.count, start + length)
        } else if b[start] == UInt8(ascii: "\"") {
            // A string: to its closing quote (the excerpt is cut short anyway).
            end = start + 1
            while end < b.count && b[end] != UInt8(ascii: "\"") {
                end += b[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            end = min(b.count, end + 1)
        } else {
            // A token: up to a space or a structural character, but at least one character.
            repeat {
                end += 1
                while end < b.count, b[end] & 0xC0 == 0x80 { end += 1 }
            } while end < b.count && !Self.isDelimiter(b[end]) && b[end] != UInt8(ascii: "{") && b[end] != UInt8(ascii: "[") && b[end] != UInt8(ascii: "\"")
        }
        return "'" + Excerpt.of(String(decoding: Bytes(rebasing: b[start..<end]), as: UTF8.self)) + "'"
    }

    /// A key for a message: an excerpt, or withheld.
    private func shown(_ key: String) -> String { redact ? Redaction.withheld : Excerpt.of(key) }

    private mutating func fail(_ message: String, at offset: Int? = nil, help: String? = nil) -> Failure {
        let at = SourceLocation(file: path, line: line, column: column(offset ?? i))
        return Failure(diagnostic: Diagnostic(.caseJSONSyntax, message, at: at, help: help))
    }
}

/// A short, printable excerpt of input for a diagnostic: at most `limit` characters, with
/// control characters, line and paragraph separators, bidirectional controls and byte-order
/// marks written as escapes, so an excerpt can neither forge a line nor reach the terminal.
enum Excerpt {
    static let limit = 40

    static func of(_ text: String, limit: Int = Excerpt.limit) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            out += isHidden(scalar.value) ? jsonEscape(scalar.value) : String(scalar)
            count += 1
        }
        return out
    }

    /// Characters a terminal acts on or does not show.
    static func isHidden(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF
    }

    /// `\u0001`, as JSON writes it.
    static func jsonEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `U+0001`.
    static func scalarName(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
