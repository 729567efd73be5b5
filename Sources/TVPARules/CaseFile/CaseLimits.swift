/// What one case may hold, so that no input can make one case cost more than a bounded amount
/// of memory and time (`--explain full` builds a case's whole report before writing it). Each
/// limit is far above what a real case holds — the shipped scenarios are under 4 KB with at most
/// a handful of family members and records, and generated cases hold up to 3 of each — and a
/// case past one gets a located error and is not evaluated. The README ("Limits") gives the
/// figures measured for the largest case these allow.
public enum CaseLimits {
    /// Bytes of one case input: a YAML file, one JSON line, one CSV row (1 MiB).
    public static let inputBytes = 1 << 20
    /// Family members of one case.
    public static let familyMembers = 50
    /// Records in one `type: records` fact (of the principal or of one member).
    public static let recordsPerFact = 200
}
