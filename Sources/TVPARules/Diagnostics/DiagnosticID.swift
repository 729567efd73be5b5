/// The catalogue of every diagnostic the compiler and the case loader can give, alphabetical.
/// Each id has one minimal bad fixture under `Tests/TVPARulesTests/Fixtures/diagnostics/`.
public enum DiagnosticID: String, CaseIterable, Sendable, Codable {
    case caseContradiction = "case.contradiction"
    /// A CSV header or row that does not fit a corpus of flat rows: a cell count that differs
    /// from the header, an unclosed quote, a column a row cannot hold (records, family members).
    case caseCSVShape = "case.csv-shape"
    /// A date (not declared `future: true`) after the decision date: the case cannot be
    /// decided on that date, which a diff across two dates counts apart from other errors.
    case caseDateAfterDecision = "case.date-after-decision"
    /// Two dates out of their declared order (`not_after`).
    case caseDateOutOfBounds = "case.date-out-of-bounds"
    /// A fact both given a value and named under `declined:`.
    case caseDeclinedGiven = "case.declined-given"
    case caseDerivedMismatch = "case.derived-mismatch"
    /// A fact named twice under one `declined:`.
    case caseDuplicateDeclined = "case.duplicate-declined"
    case caseDuplicateMember = "case.duplicate-member"
    /// A value given twice in one list fact (`[force, force]`): a list is a set of values.
    case caseDuplicateValue = "case.duplicate-value"
    /// An input with no case in it: an empty (or comments-only) file, a JSON Lines file with
    /// no line, a CSV file with no row under its header, a folder with no case file.
    case caseEmptyInput = "case.empty-input"
    /// A warning: a record leaves out a field the rules read, so it is unknown for that record.
    case caseIncompleteRecord = "case.incomplete-record"
    case caseInvalidDate = "case.invalid-date"
    case caseInvalidId = "case.invalid-id"
    case caseInvalidOutcome = "case.invalid-outcome"
    /// A JSON Lines line that is not JSON (RFC 8259), or that gives a key twice in one object.
    case caseJSONSyntax = "case.json-syntax"
    case caseMissingKey = "case.missing-key"
    /// The count that ends a case input's diagnostics when there are more than a hundred
    /// (per YAML file; per JSON Lines or CSV file, over its lines or rows).
    case caseMoreDiagnostics = "case.more-diagnostics"
    /// A value a case cannot hold: an integer outside its fact's `min:` / `max:` (or the
    /// language's `ValueLimits.integers`), a date or decision date before 1900-01-01, a
    /// `future` date more than 50 years after the decision date, a derived fact that the
    /// other facts put outside its bounds.
    case caseOutOfRange = "case.out-of-range"
    case caseReferenceCycle = "case.reference-cycle"
    /// One case input (a YAML file, a JSON line, a CSV row) larger than `CaseLimits.inputBytes`.
    case caseTooLarge = "case.too-large"
    /// More family members than `CaseLimits.familyMembers`.
    case caseTooManyMembers = "case.too-many-members"
    /// More records in one records fact than `CaseLimits.recordsPerFact`.
    case caseTooManyRecords = "case.too-many-records"
    case caseTypeMismatch = "case.type-mismatch"
    case caseUnknownFact = "case.unknown-fact"
    case caseUnknownField = "case.unknown-field"
    case caseUnknownKey = "case.unknown-key"
    case caseUnknownMember = "case.unknown-member"
    case caseUnknownProgram = "case.unknown-program"
    case caseUnknownValue = "case.unknown-value"
    case caseYamlSyntax = "case.yaml-syntax"
    case caseYesNoBoolean = "case.yes-no-boolean"
    /// A rule that gives both `when:` and `versions:` (each version carries its own condition).
    case checkConflictingKeys = "check.conflicting-keys"
    case checkCycle = "check.cycle"
    case checkDuplicateId = "check.duplicate-id"
    /// A fact whose type needs a part it lacks: an enum or list without `values:`, records
    /// without `fields:`.
    case checkIncompleteFact = "check.incomplete-fact"
    case checkMissingCitation = "check.missing-citation"
    case checkMissingLabel = "check.missing-label"
    /// The count that ends a rule file's or a proposal's check diagnostics past a hundred.
    case checkMoreDiagnostics = "check.more-diagnostics"
    /// An integer in a rule file or proposal outside `ValueLimits.integers` (a literal, an
    /// `is:` value, a parameter's value, a `min:` / `max:`), or a `min:` above its `max:`.
    case checkOutOfRange = "check.out-of-range"
    case checkSubjectMismatch = "check.subject-mismatch"
    case checkTooDeep = "check.too-deep"
    case checkTypeMismatch = "check.type-mismatch"
    case checkUnknownFact = "check.unknown-fact"
    case checkUnknownField = "check.unknown-field"
    case checkUnknownParameter = "check.unknown-parameter"
    case checkUnknownRule = "check.unknown-rule"
    case checkUnknownValue = "check.unknown-value"
    case checkUnknownVersion = "check.unknown-version"
    case checkUnusedFact = "check.unused-fact"
    case checkVersionGap = "check.version-gap"
    case checkVersionOverlap = "check.version-overlap"
    case parseInvalidDate = "parse.invalid-date"
    case parseInvalidValue = "parse.invalid-value"
    case parseMissingKey = "parse.missing-key"
    /// The count that ends a rule file's or a proposal's parse diagnostics past a hundred.
    case parseMoreDiagnostics = "parse.more-diagnostics"
    case parseUnknownKey = "parse.unknown-key"
    case parseWrongShape = "parse.wrong-shape"
    case parseYamlSyntax = "parse.yaml-syntax"
    case parseYesNoBoolean = "parse.yes-no-boolean"
    case proposalUnknownCondition = "proposal.unknown-condition"
    /// A symbolic link to a folder that holds it (a loop): the folder is read once, not again
    /// through the link.
    case readSymlinkLoop = "read.symlink-loop"
    /// A file that cannot be read, or whose text is not UTF-8 or holds a byte-order mark other
    /// than at its very start.
    case readUnreadable = "read.unreadable"

    public var defaultSeverity: Severity {
        self == .checkUnusedFact || self == .caseIncompleteRecord ? .warning : .error
    }
}
