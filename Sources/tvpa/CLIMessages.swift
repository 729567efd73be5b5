import ArgumentParser

/// Every sentence the command line says on its own (not a diagnostic of the library, which
/// brings its own message), in one place: what it writes to standard error, and the help of
/// each command's arguments and options.
enum CLIMessages {
    static func unknownCommand(_ name: String, closest: String?) -> String {
        "Error: unknown command '\(name)'" + (closest.map { "; did you mean '\($0)'?" } ?? "") + "\n"
    }
    /// A command-line argument refused: ArgumentParser's message, before the usage.
    static func invalidArguments(_ message: String) -> String { "Error: \(message)\n" }
    /// The report could not be delivered (`OutputFailure`).
    static func outputFailed(_ description: String) -> String { "tvpa: \(description)" }
    static let debugBuild = "warning: this is a debug build; measure with `swift build -c release`"

    /// `Check`'s abstract and options, as `--help` shows them.
    enum Check {
        static let abstract = "Decide every program for case files and explain each decision."
        static let cases: ArgumentHelp = "Case files or folders of case files."
        static let asOf: ArgumentHelp = "The decision date (YYYY-MM-DD); default: each file's as_of, else today."
        static let programs: ArgumentHelp = "Decide only this program (repeatable)."
        static let format: ArgumentHelp = "text, markdown, html (one self-contained page: the cases in one document with a table of contents), json (JSON Lines for several files), or bulk (compact JSON Lines for corpora: a header line with the questions, then each case's outcomes, reasons and missing facts; docs/bulk-format.md)."
        static let explain: ArgumentHelp = "decision (what justified the outcome), full, or off."
        static let redact: ArgumentHelp = "Withhold the title, narrative, source, free text and fact values, and name cases and family members by pseudonyms (case 1, case 1 · member 2), so the report can be shared."
        static let codes: ArgumentHelp = "Show codes beside the words (fact names, value codes, program and rule ids), for rule authors."
        static let width: ArgumentHelp = "Wrap the text report to this many columns, at least 40 (default: the terminal's width, else 100)."
        static let output: ArgumentHelp = "Write the report to this file (complete or not at all) instead of standard output."
        static let jobs: ArgumentHelp = "Worker threads (default: every core)."
    }
    /// `Dump`'s abstract and options, as `--help` shows them.
    enum Dump {
        static let abstract = "Print a stage of the rule compiler: the syntax trees, the checked rule set, or the compiled program."
        static let discussion = "`--stage image` writes the built-in rules' compiled image (binary, to a file or pipe; scripts/compile-rules uses it)."
        static let stage: ArgumentHelp = "syntax | checked | compiled | image"
    }
    /// `Facts`'s abstract and options, as `--help` shows them.
    enum Facts {
        static let abstract = "List the case-file vocabulary: each fact's type, question, values and the rules that read it."
        static let jsonSchema: ArgumentHelp = "Print a JSON Schema of the case file instead."
    }
    /// `Diff`'s abstract and options, as `--help` shows them.
    enum Diff {
        static let abstract = "Evaluate a corpus under two versions of the law and report whose outcome changes, and why."
        static let discussion = """
                Compare the rules with a proposal applied (--proposal), with another rules folder \
                (--against), or on two decision dates (--as-of A --vs-as-of B). Cases: YAML files, \
                JSON Lines (.jsonl) or CSV (.csv), as files or folders.
                """
        static let cases: ArgumentHelp = "Case files or folders (default: Cases)."
        static let against: ArgumentHelp = "A rules folder to compare the rules with (the 'after' side)."
        static let asOf: ArgumentHelp = "Decide every case as of this date (YYYY-MM-DD) on the 'before' side (and on both, without --vs-as-of)."
        static let vsAsOf: ArgumentHelp = "Decide every case as of this date on the 'after' side."
        static let format: ArgumentHelp = "text, markdown, json or csv."
        static let show: ArgumentHelp = "Changed cases listed in full in a text or Markdown report (all are counted)."
        static let caseId: ArgumentHelp = "Show this case's two explanations side by side, differences marked."
        static let explain: ArgumentHelp = "With --case: decision (what justified each outcome) or full."
        static let redact: ArgumentHelp = "Name cases and family members by pseudonyms (case 1, case 1 · member 2) and withhold paths; with --case, also withhold fact values and free text. So the report can be shared."
        static let output: ArgumentHelp = "Write the report to this file (complete or not at all) instead of standard output."
        static let allTables: ArgumentHelp = "Also evaluate the programs the change cannot reach, for their full transition tables (slower; their decisions are unchanged either way)."
        static let jobs: ArgumentHelp = "Worker threads (default: every core)."
        static let quiet: ArgumentHelp = "No progress bar."
    }
    /// `Generate`'s abstract and options, as `--help` shows them.
    enum Generate {
        static let abstract = "Write reproducible, valid synthetic case files (YAML files in a folder, JSON Lines, or CSV without records and family members)."
        static let count: ArgumentHelp = "How many cases."
        static let seed: ArgumentHelp = "The seed: the same seed gives the same corpus."
        static let output: ArgumentHelp = "A folder to write one YAML file per case into, a file ending in .jsonl, or a file ending in .csv (one row per case: principal facts only); without it, JSON Lines on standard output."
    }
    /// `Bench`'s abstract and options, as `--help` shows them.
    enum Bench {
        static let abstract = "Measure compile time, evaluations per second (with and without explanations) and peak memory on a generated corpus. Build with -c release."
        static let cases: ArgumentHelp = "Cases in the generated corpus."
        static let runs: ArgumentHelp = "Timed runs; the median is reported."
        static let seed: ArgumentHelp = "Corpus seed."
    }
    /// `Interview`'s abstract and options, as `--help` shows them.
    enum Interview {
        static let abstract = "Ask the questions that settle the most decisions, one at a time, and write the case file as the answers come."
        static let caseFile: ArgumentHelp = "A case file to continue (default: a new case)."
        static let programs: ArgumentHelp = "Ask only what the decisions of this program need (repeatable)."
        static let asOf: ArgumentHelp = "The decision date (YYYY-MM-DD); default: the file's as_of, else today."
        static let output: ArgumentHelp = "Where to save the case file (default: ./ID.yaml for a new case; for a hand-written one, a new file beside it)."
        static let overwrite: ArgumentHelp = "Replace the case file itself (or the --output file) even when it was written by hand: its comments and layout are not kept."
        static let askDeclined: ArgumentHelp = "Ask again the questions the case file records under declined: (after every other question); by default a declined question is not asked again."
    }
    /// `Lint`'s abstract and options, as `--help` shows them.
    enum Lint {
        static let abstract = "Compile the rules (and each proposal given, applied to them) and report every error and warning, sorted, with file:line:column."
        static let rulesDirectory: ArgumentHelp = "The rules folder (default: the rules built into tvpa)."
        static let proposals: ArgumentHelp = "Proposals to check against the rules, each on its own (e.g. Rules/proposals/*.yaml)."
    }
    /// `TVPA`'s abstract and options, as `--help` shows them.
    enum TVPA {
        static let abstract = "Decision support for U.S. anti-trafficking protections (not legal advice)."
        static let version: ArgumentHelp = "Print the version of tvpa and the digest of the rules built into it."
    }
    /// `Rules`'s options, as `--help` shows them.
    enum Rules {
        static let rules: ArgumentHelp = "A rules folder to use instead of the rules built into tvpa."
        static let proposal: ArgumentHelp = "A proposal (a file like Rules/proposals/benefits-first.yaml) to apply to the rules."
    }
    /// `Test`'s abstract and options, as `--help` shows them.
    enum Test {
        static let abstract = "Check every case file's `expect:` against the rules; ends with 'N passed, N failed'."
        static let paths: ArgumentHelp = "Case files or folders (default: Cases)."
        static let quiet: ArgumentHelp = "Print only the summary line and failures, not each file."
        static let coverage: ArgumentHelp = "Also report which rules the cases reach and which way each condition went; incomplete coverage fails the run."
        static let coverageJSON: ArgumentHelp = "With --coverage, also write the coverage report as JSON to this file."
    }
}
