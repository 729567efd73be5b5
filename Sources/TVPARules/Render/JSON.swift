/// A JSON value with ordered keys, so machine output is stable and reads in a sensible order.
public indirect enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public func render(pretty: Bool = false, indent: String = "") -> String {
        if !pretty {
            // Compact: one buffer for the whole value, not a string per node.
            var out = JSONBytes(capacity: 1024)
            out.value(self)
            return String(decoding: out.bytes, as: UTF8.self)
        }
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .string(let s): return Self.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            if !pretty { return "[" + items.map { $0.render() }.joined(separator: ",") + "]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.render(pretty: true, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            if !pretty { return "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.render() }.joined(separator: ",") + "}" }
            let inner = indent + "  "
            return "{\n" + pairs.map { inner + Self.quote($0.0) + ": " + $0.1.render(pretty: true, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    /// A JSON string. Beyond what JSON requires (`"`, `\\`, C0 controls), every character
    /// `Escape` escapes in text (DEL, C1 controls, bidirectional overrides, line separators…) is
    /// written as a `\u` escape, so the same value reaches a program and never a terminal raw.
    static func quote(_ s: String) -> String {
        // Most strings need no escape: copy them whole.
        if !s.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C }) && !Escape.needsEscape(s) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Escape.isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
