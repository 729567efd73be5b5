/// The one located syntax every input is read into before it means anything: a rule file, a
/// proposal or a case file in YAML, a JSON line, a CSV row. Each front end (`YAMLSyntax`,
/// `JSONLineParser`, the CSV row reader) says what each scalar *is* — its `Kind`, decided by
/// that format's own rules — and where it was written; the readers after them (`NodeReader`,
/// `CaseBuilder`) read nodes and never a format, so a case means the same whatever it was
/// written in, and every diagnostic is placed at its node.
///
/// Lines are counted from the start of the text the front end was given (a JSON line or a CSV
/// row is line 1); `NodeReader.lineOffset` places them in their file.
enum SourceNode {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    /// What a scalar is. YAML decides by its tag, else by resolving the plain word (YAML 1.1:
    /// `yes` and `true` are booleans, `017` an integer, `2024-01-01` a timestamp); JSON by the
    /// token (a string, a number, `true`, `null`); CSV by the column's declared type.
    enum Kind: Equatable {
        case null, bool, int, float, timestamp, string
        /// A merge key (`<<`) or `=`.
        case special
        /// Any other tag (`!!binary`, `!custom`), named as written.
        case tagged(String)
    }

    struct Scalar {
        var string: String
        var kind: Kind
        /// Written as a bare word (YAML's plain style; JSON's literals; a CSV cell read as a
        /// boolean or number), not quoted.
        var plain: Bool
        /// A bare word whose kind is what it looks like: no tag said otherwise (`!!str 30`
        /// is plain but not this). Yes/no words and merge keys are recognised only so.
        var untaggedPlain: Bool
        var line: Int
        var column: Int

        init(_ string: String, kind: Kind, plain: Bool, untaggedPlain: Bool? = nil, line: Int, column: Int) {
            self.string = string
            self.kind = kind
            self.plain = plain
            self.untaggedPlain = untaggedPlain ?? plain
            self.line = line
            self.column = column
        }
    }

    /// A mapping's pairs in the order written.
    struct Mapping: RandomAccessCollection {
        var pairs: [(key: SourceNode, value: SourceNode)]
        var line: Int
        var column: Int

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: SourceNode, value: SourceNode) { pairs[position] }

        /// The value of the first pair whose key is the scalar `key`.
        subscript(key: String) -> SourceNode? {
            pairs.first { if case .scalar(let s) = $0.key { return s.string == key } else { return false } }?.value
        }
    }

    struct List: RandomAccessCollection {
        var items: [SourceNode]
        var line: Int
        var column: Int

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> SourceNode { items[position] }
    }

    var line: Int {
        switch self {
        case .scalar(let s): return s.line
        case .mapping(let m): return m.line
        case .sequence(let l): return l.line
        }
    }

    var column: Int {
        switch self {
        case .scalar(let s): return s.column
        case .mapping(let m): return m.column
        case .sequence(let l): return l.column
        }
    }

    /// A scalar's text; nil for a mapping or a list.
    var string: String? {
        if case .scalar(let s) = self { return s.string }
        return nil
    }

    /// What a node is, for "found …": a scalar as a short quoted excerpt.
    var kindName: String {
        switch self {
        case .scalar(let s): return "'\(Quote.token(s.string))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// Nodes built by a front end, with one place: a CSV row's cells, a JSON line's tokens.
    static func text(_ s: String, line: Int, column: Int) -> SourceNode {
        .scalar(Scalar(s, kind: .string, plain: false, line: line, column: column))
    }

    static func word(_ s: String, kind: Kind, line: Int, column: Int) -> SourceNode {
        .scalar(Scalar(s, kind: kind, plain: true, line: line, column: column))
    }
}
