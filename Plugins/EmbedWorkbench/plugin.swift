import Foundation
import PackagePlugin

/// Embeds what the workbench serves into its binary, so an installed copy needs no files
/// beside it: the scenarios of `Cases/`, the proposals of `Rules/proposals/`, and the page's
/// own HTML, CSS and JavaScript (`Sources/tvpa-workbench/Assets/`).
@main
struct EmbedWorkbench: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let tool = try context.tool(named: "EmbedRulesTool").url
        let sets: [(root: URL, variable: String, prefix: String, suffixes: [String])] = [
            (package.appending(path: "Cases"), "embeddedCaseFiles", "Cases/", [".yaml"]),
            (package.appending(path: "Rules/proposals"), "embeddedProposalFiles", "Rules/proposals/", [".yaml"]),
            (package.appending(path: "Sources/\(target.name)/Assets"), "embeddedAssetFiles", "", [".html", ".css", ".js"]),
        ]
        return try sets.map { set in
            let files = try FileManager.default.subpathsOfDirectory(atPath: set.root.path)
                .filter { path in set.suffixes.contains { path.hasSuffix($0) } }
                .sorted()
            let output = context.pluginWorkDirectoryURL.appending(path: "Embedded-\(set.variable).swift")
            return .buildCommand(
                displayName: "Embedding \(set.prefix.isEmpty ? "the workbench's assets" : set.prefix) (\(files.count) files)",
                executable: tool,
                arguments: ["--variable", set.variable, "--prefix", set.prefix, set.root.path, output.path] + files,
                inputFiles: files.map { set.root.appending(path: $0) },
                outputFiles: [output]
            )
        }
    }
}
