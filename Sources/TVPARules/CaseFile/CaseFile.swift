/// A loaded, valid case file: the principal's facts as slots, each family member's, and what
/// the file expects. Only a file with no errors becomes a `CaseFile`.
public struct CaseFile: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var id: String
        /// Full slot array: the principal's facts with this member's `fm_` facts on top.
        public var values: [FactValue]
        public var expect: [String: Outcome]
        public var location: SourceLocation
    }

    public var path: String
    public var id: String
    public var title: String?
    public var asOf: Int?
    public var source: String?
    public var narrative: String?
    public var values: [FactValue]
    public var members: [Member]
    public var records: [[[FactValue]]]
    public var texts: [String]
    public var expect: [String: Outcome]
    /// Where each given fact was written, by slot (principal).
    public var factLocations: [Int: SourceLocation]

    /// The decision date: `--as-of`, else the file's `as_of`, else today.
    public func decisionDate(override: Int?, today: Int) -> Int { override ?? asOf ?? today }
}
