import Foundation
import TVPARules

/// The scenarios the workbench lists: those of `Cases/` built into the binary, then the YAML
/// files of any folder named at start. Each is read once, when the server starts, into the
/// library's `CaseDraft` — the one draft the interview and the form share.
struct ScenarioLibrary: Sendable {
    struct Scenario: Codable, Sendable {
        /// Its place in the library: what the page asks for.
        var key: Int
        var path: String
        var id: String
        var title: String?
        /// The folder it is listed under (`Cases/hhs` → `hhs`; a folder given at start by name).
        var shelf: String
        /// The programs its `expect:` names (the principal's and the family members').
        var programs: [String]
        var origin: String
    }

    private(set) var scenarios: [Scenario] = []
    private(set) var texts: [String] = []
    private(set) var drafts: [CaseDraft] = []

    /// The largest scenario file read from a folder (the loader's own limit is larger).
    static let maxFileBytes = 512 * 1024

    init(folders: [String], program: Program) {
        let loader = CaseLoader(program: program)
        for file in embeddedCaseFiles {
            let parts = file.path.split(separator: "/")
            add(path: file.path, text: file.text, shelf: parts.count > 2 ? String(parts[1]) : "scenarios", origin: "built in", loader: loader, legend: program.legend)
        }
        let fm = FileManager.default
        for folder in folders {
            let root = URL(fileURLWithPath: folder)
            let shelf = root.lastPathComponent
            let paths = (try? fm.subpathsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted() ?? []
            for path in paths {
                let url = root.appendingPathComponent(path)
                guard let size = (try? fm.attributesOfItem(atPath: url.path))?[.size] as? Int, size <= Self.maxFileBytes,
                    let data = fm.contents(atPath: url.path)
                else { continue }
                add(path: url.path, text: String(decoding: data, as: UTF8.self), shelf: shelf, origin: folder, loader: loader, legend: program.legend)
            }
        }
    }

    private mutating func add(path: String, text: String, shelf: String, origin: String, loader: CaseLoader, legend: Legend) {
        let draft: CaseDraft
        if let file = loader.load(SourceText(path: path, text: text)).0 {
            draft = CaseDraft(file, legend: legend)
        } else {
            // A file with errors opens as written, as far as a draft can hold it, so the form
            // shows the loader's diagnostics beside the fields to mend.
            draft = CaseDraft(lenientYAML: text).typed(by: legend)
        }
        let programs = Set(draft.expect.keys).union(draft.members.flatMap(\.expect.keys)).sorted()
        scenarios.append(Scenario(key: scenarios.count, path: path, id: draft.id, title: draft.title, shelf: shelf, programs: programs, origin: origin))
        texts.append(text)
        drafts.append(draft)
    }

    func draft(_ key: Int) -> CaseDraft? {
        drafts.indices.contains(key) ? drafts[key] : nil
    }
}
