import Foundation

/// What each column of a CSV header means for the rows under it, checked against a program's
/// vocabulary: an envelope field, a principal fact, an expected outcome, or nothing.
struct CSVLayout {
    enum Column: Equatable {
        case envelope(String)
        /// A principal fact's slot.
        case fact(Int)
        /// A principal program's id.
        case expect(String)
        /// A principal clock's id (`expect.clocks.ID`, issue 13): a date, `none`, or
        /// `EARLIEST..LATEST` (a side left empty: unbounded).
        case expectClock(String)
        /// A column whose header is in error (reported once, on the header), or blank.
        case ignored
    }

    /// The envelope fields a flat row can hold (`facts`, `family_members` and `expect` are
    /// spread over the other columns, or not held at all).
    static let envelope = ["id", "title", "as_of", "source", "narrative", declinedColumn]
    /// The facts the person declined to answer, `;`-separated (`-` or empty: none).
    static let declinedColumn = "declined"
    static let expectPrefix = "expect."
    static let expectClockPrefix = "expect.clocks."

    var columns: [Column] = []
    /// The columns a row must have: up to the last header cell with a name. Cells beyond it
    /// (the trailing commas spreadsheets write) must be empty.
    var width = 0
    var hasId = false
    /// Problems with the header itself, located on the header line (capped, as a header may
    /// name a million columns).
    var diagnostics: [Diagnostic] { bag.all }
    private var bag = DiagnosticBag(summary: .caseMoreDiagnostics)

    init(header: CSVHeader, program: Program, path: String) {
        let names = header.columns.map { $0.trimmingWhitespace }
        width = (names.lastIndex { !$0.isEmpty } ?? -1) + 1
        let facts = program.legend.facts
        let principalPrograms = program.programs.filter { $0.subject == .principal }.map(\.id)
        let principalClocks = program.legend.clocks.filter { $0.subject == .principal }.map(\.id)
        let candidates = Self.envelope + facts.filter { $0.subject == .principal && $0.type != .records }.map(\.name) + principalPrograms.map { Self.expectPrefix + $0 }
            + principalClocks.map { Self.expectClockPrefix + $0 }
        var seen: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            let column = i + 1
            let location = SourceLocation(file: path, line: header.line, column: column)
            func report(_ id: DiagnosticID, _ message: String, help: String? = nil) {
                bag.append(Diagnostic(id, message, at: location, help: help))
                columns.append(.ignored)
            }
            if name.isEmpty {
                columns.append(.ignored)  // a value under it is reported on its row
                continue
            }
            if let first = seen[name] {
                report(.caseCSVShape, CaseMessages.csvDuplicateColumn(name, first: first))
                continue
            }
            seen[name] = column
            if Self.envelope.contains(name) {
                hasId = hasId || name == "id"
                columns.append(.envelope(name))
            } else if name.hasPrefix(Self.expectClockPrefix) {
                let id = String(name.dropFirst(Self.expectClockPrefix.count))
                if principalClocks.contains(id) {
                    columns.append(.expectClock(id))
                } else if program.legend.clocks.contains(where: { $0.id == id }) {
                    report(.caseCSVShape, CaseMessages.csvMemberClock(name), help: CaseMessages.csvMemberHelp)
                } else {
                    report(.caseUnknownKey, CaseMessages.unknownClock(Quote.token(id)), help: !bag.keeps(path) ? nil : Suggest.help(for: name, in: candidates.filter { $0.hasPrefix(Self.expectClockPrefix) }) ?? "clocks: \(principalClocks.joined(separator: ", "))")
                }
            } else if name.hasPrefix(Self.expectPrefix) {
                let id = String(name.dropFirst(Self.expectPrefix.count))
                if principalPrograms.contains(id) {
                    columns.append(.expect(id))
                } else if program.programs.contains(where: { $0.id == id }) {
                    report(.caseCSVShape, CaseMessages.csvMemberProgram(name), help: CaseMessages.csvMemberHelp)
                } else {
                    report(.caseUnknownProgram, CaseMessages.csvUnknownProgram(name), help: !bag.keeps(path) ? nil : Suggest.help(for: name, in: candidates.filter { $0.hasPrefix(Self.expectPrefix) }) ?? "programs: \(principalPrograms.joined(separator: ", "))")
                }
            } else if let slot = program.factIndex(name) {
                if facts[slot].subject == .familyMember {
                    report(.caseCSVShape, CaseMessages.csvMemberColumn(name), help: CaseMessages.csvMemberHelp)
                } else if facts[slot].type == .records {
                    report(.caseCSVShape, CaseMessages.csvRecordsColumn(name), help: CaseMessages.csvRecordsHelp)
                } else {
                    columns.append(.fact(slot))
                }
            } else {
                report(.caseUnknownFact, CaseMessages.csvUnknownColumn(name), help: bag.keeps(path) ? Suggest.help(for: name, in: candidates) : nil)
            }
        }
        if !hasId {
            bag.append(Diagnostic(.caseMissingKey, CaseMessages.csvNoIdColumn(), at: SourceLocation(file: path, line: header.line, column: 1)))
        }
    }
}
