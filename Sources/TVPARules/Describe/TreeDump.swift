/// `tvpa dump --stage syntax|checked`: any stage's tree, one node per line, each with the
/// line:column it came from. Reflection keeps it in step with the types as they grow.
public enum TreeDump {
    public static func render(_ value: Any, label: String? = nil) -> String {
        var out = ""
        write(value, label: label, depth: 0, into: &out)
        return out
    }

    static func write(_ value: Any, label: String?, depth: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: depth)
        let prefix = label.map { "\($0): " } ?? ""
        if let location = value as? SourceLocation {
            out += pad + prefix + "@\(location.line):\(location.column)\n"
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let wrapped = mirror.children.first { write(wrapped.value, label: label, depth: depth, into: &out) }
        case .collection, .set:
            guard !mirror.children.isEmpty else { return }
            out += pad + (label ?? "items") + ":\n"
            for child in mirror.children { write(child.value, label: "-", depth: depth + 1, into: &out) }
        case .dictionary:
            guard !mirror.children.isEmpty else { return }
            out += pad + (label ?? "entries") + ":\n"
            let entries = mirror.children.map { Array(Mirror(reflecting: $0.value).children) }
            for pair in entries.sorted(by: { "\($0[0].value)" < "\($1[0].value)" }) {
                write(pair[1].value, label: "\(pair[0].value)", depth: depth + 1, into: &out)
            }
        case .struct, .class:
            let children = Array(mirror.children)
            let location = children.first { $0.label == "location" }?.value as? SourceLocation
            let at = location.map { " @\($0.line):\($0.column)" } ?? ""
            let rest = children.filter { $0.label != "location" }
            if rest.count == 1, let scalar = scalarText(rest[0].value) {
                out += pad + prefix + scalar + at + "\n"
                return
            }
            out += pad + prefix + String(describing: type(of: value)) + at + "\n"
            for child in rest { write(child.value, label: child.label, depth: depth + 1, into: &out) }
        case .enum:
            guard let payload = mirror.children.first else {
                out += pad + prefix + ".\(value)\n"
                return
            }
            out += pad + prefix + "." + (payload.label ?? "case") + "\n"
            let inner = Mirror(reflecting: payload.value)
            if inner.displayStyle == .tuple {
                for child in inner.children {
                    let name = child.label.flatMap { $0.hasPrefix(".") ? nil : $0 }
                    write(child.value, label: name, depth: depth + 1, into: &out)
                }
            } else {
                write(payload.value, label: nil, depth: depth + 1, into: &out)
            }
        case .tuple:
            for child in mirror.children { write(child.value, label: child.label, depth: depth, into: &out) }
        default:
            out += pad + prefix + (scalarText(value) ?? "\(value)") + "\n"
        }
    }

    static func scalarText(_ value: Any) -> String? {
        switch value {
        case let s as String: return JSON.quote(s)
        case let b as Bool: return b ? "true" : "false"
        case let n as Int: return String(n)
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .enum && mirror.children.isEmpty { return ".\(value)" }
            return nil
        }
    }
}

/// The checked rule set without its source texts (they would swamp the dump).
public struct CheckedView {
    public var facts: [FactDecl]
    public var parameters: [ParameterDecl]
    public var rules: [RuleDecl]
    public var programs: [ProgramDecl]
    public var contradictions: [ContradictionDecl]
    public var clocks: [ClockDecl]
    public var evidence: [EvidenceDecl]

    public init(_ c: CheckedRuleSet) {
        facts = c.facts
        parameters = c.parameters
        rules = c.rules
        programs = c.programs
        contradictions = c.contradictions
        clocks = c.clocks
        evidence = c.evidence
    }
}

