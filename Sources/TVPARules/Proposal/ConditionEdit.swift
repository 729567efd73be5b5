/// Edits one condition tree at a path such as `when/all[1]/any[0]` (the paths the checker gives
/// and `tvpa dump --stage checked` shows).
enum ConditionEdit {
    enum Operation {
        case remove
        case replace(ConditionSyntax)
        /// Appends to an `all` / `any` list; added to anything else, the two are joined by `all`.
        case add(ConditionSyntax)
    }

    enum Result {
        case done
        case failed(String)
    }

    /// A rule's (or a version's) conditions.
    struct Holder {
        var when: ConditionSyntax?
        var unless: [ConditionSyntax]
        var applies: ConditionSyntax?

        mutating func apply(_ operation: Operation, at steps: ArraySlice<String>) -> Result {
            guard let head = steps.first else { return .failed(ProposalMessages.emptyPath) }
            let rest = steps.dropFirst()
            if head == "unless" && rest.isEmpty {
                guard case .add(let c) = operation else { return .failed(ProposalMessages.nameOneException) }
                unless.append(c)
                return .done
            }
            if let i = ConditionEdit.index(head, "unless") {
                guard unless.indices.contains(i) else { return .failed(ProposalMessages.noSuchException(head, count: unless.count)) }
                if rest.isEmpty, case .remove = operation {
                    unless.remove(at: i)
                    return .done
                }
                return ConditionEdit.edit(&unless[i], operation, rest, at: head)
            }
            if head == "when" || head == "applies" {
                guard var c = head == "when" ? when : applies else { return .failed(ProposalMessages.noSuchPart(head)) }
                if rest.isEmpty, case .remove = operation { return .failed(ProposalMessages.wholePartRemoved(head)) }
                let result = ConditionEdit.edit(&c, operation, rest, at: head)
                if head == "when" { when = c } else { applies = c }
                return result
            }
            return .failed(ProposalMessages.badFirstStep(head))
        }

        func path(to id: String) -> [String]? {
            if let when, let p = ConditionEdit.find(id, in: when) { return ["when"] + p }
            for (i, c) in unless.enumerated() {
                if c.id == id { return ["unless[\(i)]"] }
                if let p = ConditionEdit.find(id, in: c) { return ["unless[\(i)]"] + p }
            }
            if let applies, let p = ConditionEdit.find(id, in: applies) { return ["applies"] + p }
            return nil
        }
    }

    static func index(_ step: String, _ name: String) -> Int? {
        guard step.hasPrefix(name + "["), step.hasSuffix("]") else { return nil }
        return Int(step.dropFirst(name.count + 1).dropLast())
    }

    /// Path from `c` to the condition with this id (empty: `c` itself).
    static func find(_ id: String, in c: ConditionSyntax) -> [String]? {
        if c.id == id { return [] }
        switch c.kind {
        case .all(let items), .any(let items):
            let name = if case .all = c.kind { "all" } else { "any" }
            for (i, item) in items.enumerated() {
                if let p = find(id, in: item) { return ["\(name)[\(i)]"] + p }
            }
        case .not(let inner): return find(id, in: inner).map { ["not"] + $0 }
        case .possible(let inner): return find(id, in: inner).map { ["possible"] + $0 }
        case .records(let every, _, let body): return find(id, in: body).map { [every ? "all_records" : "any_record"] + $0 }
        default: break
        }
        return nil
    }

    static func edit(_ c: inout ConditionSyntax, _ operation: Operation, _ steps: ArraySlice<String>, at where_: String) -> Result {
        guard let head = steps.first else {
            switch operation {
            case .replace(let new): c = new
            case .add(let new):
                switch c.kind {
                case .all(let items): c.kind = .all(items + [new])
                case .any(let items): c.kind = .any(items + [new])
                default: c = ConditionSyntax(kind: .all([c, new]), id: nil, location: new.location)
                }
            case .remove: return .failed(ProposalMessages.notRemovable(where_))
            }
            return .done
        }
        let rest = steps.dropFirst()
        let here = where_ + "/" + head
        switch c.kind {
        case .all(var items), .any(var items):
            let isAll = if case .all = c.kind { true } else { false }
            let name = isAll ? "all" : "any"
            if head == name && rest.isEmpty { return edit(&c, operation, [], at: here) }
            guard let i = index(head, name) else { return .failed(ProposalMessages.wrongStep(where_, is: name, not: head)) }
            guard items.indices.contains(i) else { return .failed(ProposalMessages.noSuchItem(where_, count: items.count, step: head)) }
            let result: Result
            if rest.isEmpty, case .remove = operation {
                items.remove(at: i)
                result = .done
            } else {
                result = edit(&items[i], operation, rest, at: here)
            }
            c.kind = isAll ? .all(items) : .any(items)
            return result
        case .not(var inner) where head == "not":
            let result = edit(&inner, operation, rest, at: here)
            c.kind = .not(inner)
            return result
        case .possible(var inner) where head == "possible":
            let result = edit(&inner, operation, rest, at: here)
            c.kind = .possible(inner)
            return result
        case .records(let every, let fact, var body) where head == (every ? "all_records" : "any_record"):
            let result = edit(&body, operation, rest, at: here)
            c.kind = .records(every: every, fact, body)
            return result
        default:
            return .failed(ProposalMessages.noStepUnder(head, where_))
        }
    }
}
