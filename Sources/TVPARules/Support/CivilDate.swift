/// Civil dates as day numbers (days since 1970-01-01), with no time zone, so date arithmetic
/// is integer arithmetic and evaluation allocates nothing.
///
/// Arithmetic never traps: every function takes any `Int` and clamps what is out of its domain
/// (years `-years...years`, day numbers `days`) to the nearest end of it, so a result is
/// always a date of that domain, far from `Int.min` / `Int.max`, which the evaluator reads as
/// "unbounded". The readers keep every value far inside it (`ValueLimits`): clamping only makes
/// a sum of such values safe, however it is nested.
public enum CivilDate {
    /// The years the arithmetic works in: a trillion either side of year 0 (a thousand times
    /// what `ValueLimits.integers` lets any reader accept), so no product below overflows.
    public static let years = 1_000_000_000_000
    /// The day numbers of those years: 1 January of year -`years` to 31 December of `years`.
    public static let days: ClosedRange<Int> = unclampedDayNumber(year: -years, month: 1, day: 1)...unclampedDayNumber(year: years, month: 12, day: 31)

    @inline(__always) static func clampDay(_ day: Int) -> Int { Swift.min(Swift.max(day, days.lowerBound), days.upperBound) }
    @inline(__always) static func clampYear(_ year: Int) -> Int { Swift.min(Swift.max(year, -years), years) }

    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as `2024-02-30`.
    public static func parse(_ text: String) -> Int? {
        // Ten ASCII bytes, digits but for the two hyphens: read in place, nothing allocated.
        // (`+1` is no month: every part is digits only, as the JSON schema's pattern says.)
        var text = text
        return text.withUTF8 { u -> Int? in
            guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    guard u[i] >= 48, u[i] <= 57 else { return nil }
                    n = n * 10 + Int(u[i] - 48)
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
            return dayNumber(year: y, month: m, day: d)
        }
    }

    /// True when the text has the shape of a date, valid or not.
    public static func looksLikeDate(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return false }
        return u.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }
    }

    /// What a date written with slashes (`4/12/1991`, as spreadsheets show dates) can mean,
    /// as YYYY-MM-DD: month first (U.S. usage) and day first, each only if it is on the
    /// calendar; `1991/04/12` is year first. Empty when the text is not such a date.
    public static func readingsOfSlashedDate(_ text: String) -> [Int] {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }), let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return [] }
        func day(_ y: Int, _ m: Int, _ d: Int) -> Int? {
            guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
            return dayNumber(year: y, month: m, day: d)
        }
        if parts[0].count == 4 { return [day(a, b, c)].compactMap { $0 } }
        guard parts[2].count == 4 else { return [] }
        var readings = [day(c, a, b), day(c, b, a)].compactMap { $0 }
        if readings.count == 2 && readings[0] == readings[1] { readings.removeLast() }
        return readings
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil, for a year clamped to `-years...years` (the month to
    /// 1...12, the day to 1...31; a day past the month's end runs into the next month).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        unclampedDayNumber(year: clampYear(year), month: Swift.min(Swift.max(month, 1), 12), day: Swift.min(Swift.max(day, 1), 31))
    }

    private static func unclampedDayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Howard Hinnant's civil_from_days, for a day number clamped to `days`.
    public static func components(_ day: Int) -> (year: Int, month: Int, day: Int) {
        let z = clampDay(day) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public static func format(_ day: Int) -> String {
        let (y, m, d) = components(day)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// `format(day)`'s bytes, appended without building a string.
    public static func write(_ day: Int, into bytes: inout [UInt8]) {
        let (y, m, d) = components(day)
        guard (0...9999).contains(y) else {
            bytes.append(contentsOf: format(day).utf8)
            return
        }
        func digits(_ n: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(0x30 + UInt8(n / divisor % 10))
                divisor /= 10
            }
        }
        digits(y, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(m, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(d, 2)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Whole years completed from `birth` to `date`: 18 on the 18th birthday; a 29 February
    /// birthday is reached on 1 March in common years.
    public static func yearsBetween(_ birth: Int, _ date: Int) -> Int {
        let b = components(birth), d = components(date)
        var years = d.year - b.year
        if (d.month, d.day) < (b.month, b.day) { years -= 1 }
        return years
    }

    /// Adds days, clamped to `days`.
    public static func addDays(_ date: Int, _ count: Int) -> Int {
        clampDay(clampDay(date) + Swift.min(Swift.max(count, -2 * days.upperBound), 2 * days.upperBound))
    }

    /// Adds months, clamping the day to the end of a shorter month.
    public static func addMonths(_ date: Int, _ months: Int) -> Int {
        let c = components(date)
        let total = c.year * 12 + (c.month - 1) + Swift.min(Swift.max(months, -24 * years), 24 * years)
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return dayNumber(year: y, month: m, day: min(c.day, daysIn(month: m, year: y)))
    }

    /// Adds whole years. 29 February falls on 1 March in a common year, as ages do, so
    /// `add_years: [date_of_birth, 18]` is the day `years_between` first gives 18.
    public static func addYears(_ date: Int, _ count: Int) -> Int {
        let c = components(date)
        let year = clampYear(c.year + Swift.min(Swift.max(count, -2 * years), 2 * years))
        if c.month == 2 && c.day == 29 && !isLeap(year) { return dayNumber(year: year, month: 3, day: 1) }
        return dayNumber(year: year, month: c.month, day: c.day)
    }

    /// Today's local calendar date.
    public static func today() -> Int {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return dayNumber(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
