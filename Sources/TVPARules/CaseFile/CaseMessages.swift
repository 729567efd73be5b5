/// Every message the case loader gives, in one place. What a case says (a value, an unknown
/// name, an id) is quoted as a short, escaped excerpt (`Quote.token`); the loader passes a
/// stand-in instead when values are withheld (`--redact`, a `sensitive` fact).
enum CaseMessages {
    static func contradiction(_ message: String) -> String { "contradiction: \(message)" }
    static func csvBoolean(_ name: String, _ value: String) -> String { "'\(name)' must be true or false, found '\(Quote.token(value))'" }
    static let csvBooleanHelp = "write TRUE or FALSE (in any case), or leave the cell empty when it is not known"
    static func csvCell(_ letters: String, row: Int, column: Int, header: String) -> String {
        "cell \(letters)\(row): row \(row), column \(column)" + (header.isEmpty ? "" : " (\(Quote.token(header)))")
    }
    static func csvDuplicateColumn(_ name: String, first: Int) -> String { "column '\(Quote.token(name))' appears twice in the header (first in column \(CSV.letters(first)), number \(first))" }
    static func csvEmptyList(_ name: String) -> String { "'\(name)' holds no value: write values separated by ';', '-' for none, or leave the cell empty when it is not known" }
    static func csvCellCount(_ count: Int, header: Int) -> String { "this row has \(count) cells, but the header names \(header) columns" }
    static func csvMemberColumn(_ name: String) -> String { "column '\(name)' is a family-member fact: a CSV row holds only the principal's facts" }
    static func csvMemberProgram(_ name: String) -> String { "column '\(name)' is a family member's program: a CSV row holds only the principal" }
    static let csvMemberHelp = "write cases with family members as JSON Lines (.jsonl) or YAML"
    static func csvMissingId() -> String { "this row has no id: the 'id' cell is empty" }
    static func csvNoIdColumn() -> String { "the header has no 'id' column: every case needs an id" }
    static func csvRecordsColumn(_ name: String) -> String { "column '\(name)' holds a list of records, which a CSV cell cannot" }
    static let csvRecordsHelp = "write cases with records as JSON Lines (.jsonl) or YAML"
    static func csvUnnamedColumn(_ index: Int) -> String { "column \(index) has a value but no name in the header" }
    static func csvUnknownProgram(_ name: String) -> String { "unknown column '\(Quote.token(name))': no program has this id" }
    static func csvUnknownColumn(_ name: String) -> String { "unknown column '\(Quote.token(name))': not a principal fact, an envelope column (\(CSVLayout.envelope.joined(separator: ", "))) or expect.<program>" }
    static func dateAfterDecision(_ name: String, _ value: Int, _ decision: Int) -> String {
        "'\(name)' (\(CivilDate.format(value))) is after the decision date \(CivilDate.format(decision)), but a case is decided on what has happened by its decision date: only a date that may lie ahead, such as an expiry date, can be later"
    }
    static func dateAfterDecisionHelp(_ name: String, _ value: Int, _ decision: Int) -> String {
        "decide the case on \(CivilDate.format(value)) or later (`as_of:` in the file, or `--as-of`), or leave '\(name)' out if it had not happened by \(CivilDate.format(decision))"
    }
    static func dateTooEarly(_ what: String, _ value: String) -> String {
        "\(what) (\(value)) is before \(CivilDate.format(ValueLimits.earliestCaseDate)), the earliest date a case can hold"
    }
    static let dateTooEarlyHelp = "check the year (a date is written YYYY-MM-DD); leave a date out when it is not known"
    static func derivedOutOfRange(_ name: String, _ computed: String, _ bounds: ClosedRange<Int>, sources: [String]) -> String {
        "'\(name)', computed from \(sources.joined(separator: ", ")), comes to \(computed), outside its bounds \(bounds.lowerBound) to \(bounds.upperBound)"
    }
    static let derivedOutOfRangeHelp = "check the dates it is computed from and the decision date (`as_of:` or `--as-of`): they cannot all be right"
    static func futureTooFar(_ name: String, _ value: Int, _ decision: Int) -> String {
        "'\(name)' (\(CivilDate.format(value))) is more than \(ValueLimits.futureYears) years after the decision date \(CivilDate.format(decision))"
    }
    static let futureTooFarHelp = "check the year: write the date the document gives (YYYY-MM-DD), or leave it out when it is not known"
    static func integerOutOfRange(_ name: String, _ value: String, _ range: ClosedRange<Int>) -> String {
        "'\(name)' must be from \(range.lowerBound) to \(range.upperBound), found \(value)"
    }
    static func integerOutOfRangeHelp(_ name: String, _ range: ClosedRange<Int>) -> String {
        range == ValueLimits.integers
            ? "no integer a case holds is larger; leave '\(name)' out when it is not known"
            : "the rules declare '\(name)' from \(range.lowerBound) to \(range.upperBound) (its min and max); leave it out when it is not known"
    }
    static let dateFormatHelp = "write dates as YYYY-MM-DD, such as 1991-04-12"
    static func dateOrder(_ a: String, _ b: String) -> String { "'\(a)' is after '\(b)', but it cannot be" }
    static func declinedGiven(_ name: String) -> String { "'\(name)' is declined, but the case also gives it a value: a fact is answered or declined, not both" }
    static let declinedGivenHelp = "remove it from 'declined' if the person has now answered, or remove its value"
    /// How to write a slashed date: each reading it can have, month first (U.S. usage) first.
    static func dateWithSlashesHelp(_ text: String, readings: [Int]) -> String {
        let parts = text.split(separator: "/")
        if readings.count == 2 {
            return "write dates as YYYY-MM-DD: \(CivilDate.format(readings[0])) if \(parts[0]) is the month (as U.S. spreadsheets write dates), \(CivilDate.format(readings[1])) if \(parts[0]) is the day"
        }
        return "write dates as YYYY-MM-DD: \(CivilDate.format(readings[0]))"
    }
    static func derivedMismatch(_ name: String, given: String, computed: String) -> String { "'\(name)' is given as \(given), but the other facts make it \(computed)" }
    static func duplicateCaseId(_ id: String, first: String) -> String { "case id '\(Quote.token(id))' is also used by \(first); ids are unique in a corpus" }
    static func duplicateDeclined(_ name: String) -> String { "'\(name)' is declined twice" }
    static let duplicateDeclinedHelp = "name each declined fact once"
    static func duplicateMember(_ id: String) -> String { "family member id '\(Quote.token(id))' is used twice" }
    static func emptyCSV(headerOnly: Bool) -> String {
        headerOnly ? "this CSV file holds no case: it has a header row but no row under it" : "this CSV file holds no case: it is empty"
    }
    static let emptyCSVHelp = "a CSV corpus is a header row naming the columns (id, as_of, facts, expect.<program>), then one case per row"
    static func emptyFile(onlyComments: Bool) -> String { "this file holds no case: it is \(onlyComments ? "only comments" : "empty")" }
    static let emptyFileHelp = "a case file is a YAML mapping with at least an `id:`, and under `facts:` what is known (`tvpa facts` lists every fact)"
    static func emptyFolder(_ extensions: [String]) -> String { "this folder holds no case file (\(extensions.joined(separator: ", ")))" }
    static func emptyJSONLines() -> String { "this JSON Lines file holds no case: it has no line" }
    static let emptyJSONLinesHelp = "a JSON Lines corpus holds one case per line, each a JSON object with at least an \"id\""
    static func familyFactInPrincipal(_ name: String) -> String { "'\(name)' is a family-member fact; put it under family_members" }
    static func givenAt(_ location: SourceLocation) -> String { "its value is given at \(location)" }
    static func halfFilledRecordsHelp(_ keys: [String], flow: Bool) -> String {
        let fields = Quote.list(keys) { "\(Quote.token($0)): …" }
        if flow {
            return "in a list written on one line, [\(fields)] is \(keys.count) records of one field each; one record with these fields is written [{\(fields)}]"
        }
        return "each '- ' begins a record, so these are \(keys.count) records of one field each; for one record, write '- ' before its first field only and indent the others under it, or write [{\(fields)}]"
    }
    static func incompleteRecord(_ name: String, missing: [String]) -> String {
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        return "this record of '\(name)' leaves out \(list), which the rules read: \(missing.count == 1 ? "it is" : "they are") unknown for this record"
    }
    static func incompleteRecordHelp(_ missing: [String]) -> String {
        "if \(missing.count == 1 ? "it is" : "they are") known, add \(missing.map { "'\($0)'" }.joined(separator: ", ")) to the record; write null to say it is not known"
    }
    static func invalidId(_ id: String) -> String { "'\(Quote.token(id))' is not a valid id: use lowercase letters, digits and hyphens" }
    static func invalidOutcome(_ value: String, for program: String) -> String { "'\(Quote.token(value))' is not an outcome for '\(program)': eligible, not_eligible or undetermined" }
    static func oneOf(_ values: [String]) -> String { "one of: \(values.joined(separator: ", "))" }
    static func principalFactInMember(_ name: String) -> String { "'\(name)' is a principal fact; family members take fm_ facts" }
    static func recordFieldsHelp(_ suggestion: String?, fields: [String]) -> String {
        (suggestion.map { $0 + " " } ?? "") + "A record's fields are: \(fields.joined(separator: ", "))"
    }
    static func reservedMemberId() -> String { "'principal' is reserved for the principal; choose another member id" }
    static func tooLarge(_ bytes: Int, limit: Int) -> String {
        "this case is \(bytes) bytes, more than the \(limit) bytes (\(limit >> 20) MiB) one case may hold; it is not read"
    }
    static let tooLargeHelp = "a case holds what is known about one person and their family; split a corpus into one case per file, line or row"
    static func tooManyMembers(_ count: Int, limit: Int) -> String {
        "this case has \(count) family members, more than the \(limit) one case may hold; it is not evaluated"
    }
    static func tooManyRecords(_ name: String, _ count: Int, limit: Int) -> String {
        "'\(name)' holds \(count) records, more than the \(limit) one fact may hold; the case is not evaluated"
    }
    static func typeMismatch(_ name: String, expected: String, found: String) -> String { "'\(name)' must be \(expected), found \(found)" }
    static func unclosedQuote() -> String { "a quoted CSV cell is never closed: the rest of the file was read into it" }
    static let unclosedQuoteHelp = "close the quote with \"; write a quote inside a quoted cell as \"\""
    static func unknownEnvelopeKey(_ key: String) -> String { "unknown key '\(Quote.token(key))' in a case file" }
    static func unknownFact(_ name: String) -> String { "unknown fact '\(Quote.token(name))'" }
    static func unknownField(_ field: String, of name: String) -> String { "unknown field '\(Quote.token(field))' in a record of '\(name)'" }
    static func referenceCycle(_ fact: String, _ chain: [String]) -> String {
        "'\(fact)' goes round in a circle (\(Quote.list(chain, limit: 10, separator: " → ", Quote.token))): no family member can name themselves through '\(fact)', directly or through others"
    }
    static func unknownMember(_ id: String) -> String { "no family member has id '\(Quote.token(id))'" }
    static func unknownProgram(_ id: String) -> String { "unknown program '\(Quote.token(id))'" }
    static func unknownValue(_ value: String, of name: String) -> String { "'\(Quote.token(value))' is not a value of '\(name)'" }
    static func yesNo(_ word: String, for name: String, expected: String) -> String {
        "'\(Quote.token(word))' for '\(name)' is read as a boolean by YAML 1.1 readers, but '\(name)' must be \(expected)"
    }
    static func yesNoHelp(_ expected: String) -> String { "write \(expected)" }
}
