/// Every message the case loader gives, in one place. What a case says (a value, an unknown
/// name, an id) is quoted as a short, escaped excerpt (`Quote.token`); the loader passes a
/// stand-in instead when values are withheld (`--redact`, a `sensitive` fact).
enum CaseMessages {
    static let missingId = "a case file needs 'id'"
    static func invalidExpectedClock(_ shown: String) -> String { "expected clock '\(shown)' is not a date, 'none' or {earliest, latest}" }
    static let expectedClockHelp = "write the date (YYYY-MM-DD), 'none' when the clock does not apply, or {earliest: YYYY-MM-DD, latest: YYYY-MM-DD} when a fact leaves it unknown"
    static func unknownClock(_ shown: String) -> String { "unknown clock '\(shown)' under expect: clocks" }
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
    static func csvMemberClock(_ name: String) -> String { "column '\(Quote.token(name))' expects a family member's clock, which a CSV row cannot hold" }
    static func csvUnknownProgram(_ name: String) -> String { "unknown column '\(Quote.token(name))': no program has this id" }
    static func csvUnknownColumn(_ name: String) -> String { "unknown column '\(Quote.token(name))': not a principal fact, an envelope column (\(CSVLayout.envelope.joined(separator: ", "))) or expect.<program>" }
    static func dateAfterDecision(_ name: String, _ value: Int, _ decision: Int) -> String {
        "'\(name)' (\(CivilDate.format(value))) is after the decision date \(CivilDate.format(decision)), but a case is decided on what has happened by its decision date: only a date that may lie ahead, such as an expiry date, can be later"
    }
    static func dateAfterDecisionHelp(_ name: String, _ value: Int, _ decision: Int) -> String {
        "decide the case on \(CivilDate.format(value)) or later (`as_of:` in the file, or `--as-of`), or leave '\(name)' out if it had not happened by \(CivilDate.format(decision))"
    }
    static let decimalHelp = "write a whole number in plain decimal digits, such as 30 or -2: no quotes, no plus sign, no leading zero (YAML 1.1 reads 017 as the octal 15), no point, exponent or separator"
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
    static func duplicateValue(_ value: String, of name: String) -> String { "'\(Quote.token(value))' is given twice in '\(name)'" }
    static let duplicateValueHelp = "a list names each value once: delete the second, or write the value that was meant"
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
    static func quotedHelp(_ what: String) -> String { "write \(what) without quotes: in quotes it is text" }
    static func recordFieldsHelp(_ suggestion: String?, fields: [String]) -> String {
        (suggestion.map { $0 + " " } ?? "") + "A record's fields are: \(fields.joined(separator: ", "))"
    }
    static func reservedMemberId() -> String { "'principal' is reserved for the principal; choose another member id" }
    static func tagHelp(_ tag: String) -> String { "a case file has no use for the YAML tag \(tag): write the value itself, in quotes when it is text" }
    static let strTagHelp = "the tag !!str makes it text: write the value without a tag"
    static let unquotedTextHelp = "put text in double quotes: unquoted, YAML reads this word as a number, a boolean, a date or null, not as text"
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

/// Every message of the JSON Lines syntax check (`case.json-syntax`), in one place. A `found`
/// argument is already an escaped excerpt in quotes, "the end of the line", or withheld.
enum JSONMessages {
    static func badEscape(found: String) -> String { "JSON syntax: \(found) is not an escape JSON has" }
    static func badNumber(found: String) -> String { "JSON syntax: \(found) is not a JSON number" }
    static func badUnicodeEscape(found: String) -> String { "JSON syntax: \(found) is not a \\u escape: \\u is followed by four hexadecimal digits" }
    static let colonHelp = "a JSON key is followed by ':' and its value, as in \"age\": 30"
    static func controlInString(_ name: String, escape: String) -> String { "JSON syntax: a control character (\(name)) inside a string must be written as an escape (\(escape))" }
    static let controlInStringHelp = "a JSON string holds no raw control character: write \\t for a tab, \\n for a line break, or \\u followed by four hexadecimal digits"
    static func duplicateKey(_ key: String, firstColumn: Int) -> String { "JSON syntax: key '\(key)' appears twice in this object (first at column \(firstColumn))" }
    static let duplicateKeyHelp = "a case says each thing once: keep the key whose value is right, and delete the other"
    static let endOfLine = "the end of the line"
    static let escapeHelp = "JSON's escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits"
    static func expectedColon(found: String) -> String { "JSON syntax: expected ':' after the key, found \(found)" }
    static func expectedCommaOrClose(_ close: UInt8, found: String) -> String {
        "JSON syntax: expected ',' or '\(Character(Unicode.Scalar(close)))' after a value, found \(found)"
    }
    static func expectedKey(found: String) -> String { "JSON syntax: expected a key in double quotes, found \(found)" }
    static func expectedValue(found: String) -> String { "JSON syntax: expected a value, found \(found)" }
    static let keyHelp = "a JSON key is a string in double quotes, as in {\"id\": \"case-1\"}"
    static func leadingZero(found: String) -> String { "JSON syntax: \(found) is not a JSON number: JSON writes no leading zero" }
    static let leadingZeroHelp = "write the number without its leading zeros (YAML 1.1 would read 017 as the octal number 15, JSON refuses it)"
    static let loneSurrogate = "JSON syntax: this \\u escape is half of a UTF-16 surrogate pair, without its other half, so it is no character"
    static let loneSurrogateHelp = "a character beyond U+FFFF is written as two escapes, such as \\ud83d\\ude00, or as itself"
    static let numberHelp = "a JSON number is written -12, 0, 30 or 2.5e3: no plus sign, no leading zero, digits on both sides of a point"
    static func tooDeep(_ limit: Int) -> String { "JSON syntax: objects and lists nest more than \(limit) deep here; a case file nests a few levels" }
    static let tooDeepHelp = "a case is an object of facts; a fact's value is at most a list of records, each an object of fields"
    static func trailing(found: String) -> String { "JSON syntax: the line goes on after its JSON value, with \(found)" }
    static let trailingHelp = "a JSON Lines file holds one JSON object per line, and nothing after it on the line"
    static func trailingComma(_ close: UInt8) -> String { "JSON syntax: a comma before '\(Character(Unicode.Scalar(close)))': JSON allows no trailing comma" }
    static let trailingCommaHelp = "delete the comma"
    static func unclosedHelp(_ close: UInt8) -> String { "close each object with '}' and each list with ']' on the same line: a JSON Lines line holds one whole case" }
    static let unclosedString = "JSON syntax: this string is never closed on its line"
    static let unclosedStringHelp = "end the string with \"; write a quote inside it as \\\" and a line break as \\n"
    static let valueHelp = "a JSON value is an object {…}, a list […], a string in double quotes, a number, true, false or null"
    static let withheld = "something else (withheld)"
    static func withheldIn(_ key: String) -> String { "something else (not quoted: it is inside '\(key)', whose value is private)" }
    static let wordHelp = "JSON's words are true, false and null, in lower case; text is written in double quotes"

    /// A hint for what someone coming from YAML, a spreadsheet or JavaScript may have written.
    static func help(for c: UInt8) -> String? {
        switch c {
        case UInt8(ascii: "#"): return "JSON has no comments: a JSON Lines line is one JSON object, and a blank line is skipped"
        case UInt8(ascii: "~"): return "an unknown value is written null in JSON (~ is YAML)"
        case UInt8(ascii: "'"): return "JSON strings are written in double quotes"
        case UInt8(ascii: "+"): return "a JSON number has no plus sign"
        case UInt8(ascii: "."): return "a JSON number has a digit before its point: 0.5"
        case 0x00..<0x20, 0x7F: return "a control character has no place in JSON outside a string; delete it"
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): return "text is written in double quotes, and JSON's words are true, false and null, in lower case"
        default: return nil
        }
    }
}
