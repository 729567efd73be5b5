import Yams

/// The YAML front end: a composed Yams document turned into `SourceNode`s, each scalar's kind
/// decided as YAML decides it (its tag, else the plain word resolved by YAML 1.1's rules). This
/// is the only file after `NodeReader.compose` that knows Yams.
enum YAMLSyntax {
    /// The most nodes a document of `bytes` bytes may become. Written out, a document cannot
    /// hold more nodes than bytes; only aliases expand it (`&a [*b, *b]`, nested, is a
    /// billion nodes in a few hundred bytes), so a bound a few times the size lets every
    /// ordinary anchor through and stops an alias bomb before it is built.
    static func nodeLimit(bytes: Int) -> Int { 8 * bytes + 4096 }

    /// The document as `SourceNode`s, or nil when its aliases expand it past `limit` nodes.
    /// Iterative: however deep the document nests, this uses no stack.
    static func convert(_ root: Node, limit: Int) -> SourceNode? {
        // A frame is a collection being filled: its place, whether it is a mapping, its
        // children still to convert (reversed, so the next is last), and those converted.
        struct Frame {
            var line: Int
            var column: Int
            var isMapping: Bool
            var pending: [Node]
            var done: [SourceNode] = []
        }
        var budget = limit
        var stack: [Frame] = []
        var result: SourceNode?
        var next: Node? = root
        func finish(_ node: SourceNode) {
            if stack.isEmpty {
                result = node
            } else {
                stack[stack.count - 1].done.append(node)
            }
        }
        while true {
            if let node = next {
                next = nil
                budget -= 1
                if budget < 0 { return nil }
                let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
                switch node {
                case .scalar(let s):
                    finish(.scalar(scalar(s, line: line, column: column)))
                case .mapping(let m):
                    var children: [Node] = []
                    children.reserveCapacity(2 * m.count)
                    for (k, v) in m { children.append(k); children.append(v) }
                    stack.append(Frame(line: line, column: column, isMapping: true, pending: children.reversed()))
                case .sequence(let s):
                    stack.append(Frame(line: line, column: column, isMapping: false, pending: Array(s).reversed()))
                case .alias:
                    // Compose resolves every alias to its anchor's node; none is left to see.
                    finish(.scalar(SourceNode.Scalar("", kind: .tagged("an alias"), plain: false, line: line, column: column)))
                }
                if result != nil && stack.isEmpty { return result }
            }
            guard var top = stack.popLast() else { return result }
            if let child = top.pending.popLast() {
                stack.append(top)
                next = child
                continue
            }
            let node: SourceNode
            if top.isMapping {
                var pairs: [(key: SourceNode, value: SourceNode)] = []
                pairs.reserveCapacity(top.done.count / 2)
                var i = 0
                while i + 1 < top.done.count {
                    pairs.append((top.done[i], top.done[i + 1]))
                    i += 2
                }
                node = .mapping(.init(pairs: pairs, line: top.line, column: top.column))
            } else {
                node = .sequence(.init(items: top.done, line: top.line, column: top.column))
            }
            finish(node)
            if stack.isEmpty { return result }
        }

    }

    /// A scalar's kind, as its tag says or (untagged) as YAML 1.1 resolves the plain word.
    static func scalar(_ s: Node.Scalar, line: Int, column: Int) -> SourceNode.Scalar {
        let written = s.tag.rawValue
        let plain = s.style == .plain || s.style == .any
        let resolved = written.isEmpty ? Resolver.default.resolveTag(of: Node.scalar(s)).rawValue : written
        // Plain with no tag that says other than what YAML resolves the word to. (Yams
        // resolves a tag in place once a node is compared or hashed, as mapping keys are, so
        // an empty tag alone would not tell.)
        let untaggedPlain = plain && (written.isEmpty || written == Resolver.default.resolveTag(of: Node.scalar(.init(s.string))).rawValue)
        return SourceNode.Scalar(s.string, kind: kind(ofTag: resolved), plain: plain, untaggedPlain: untaggedPlain, line: line, column: column)
    }

    static func kind(ofTag tag: String) -> SourceNode.Kind {
        switch tag {
        case Tag.Name.str.rawValue, Tag.Name.nonSpecific.rawValue: return .string
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return .bool
        case Tag.Name.int.rawValue: return .int
        case Tag.Name.float.rawValue: return .float
        case Tag.Name.timestamp.rawValue: return .timestamp
        case Tag.Name.merge.rawValue, Tag.Name.value.rawValue: return .special
        default: return .tagged(tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag)
        }
    }
}
