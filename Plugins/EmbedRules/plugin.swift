import Foundation
import PackagePlugin

/// Embeds the shipped rule set (`Rules/`, without `Rules/proposals/`) into the library, so
/// `tvpa` works from any directory without `--rules`.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let files = try FileManager.default.subpathsOfDirectory(atPath: rules.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("proposals/") }
            .sorted()
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding Rules/ (\(files.count) files)",
                executable: try context.tool(named: "EmbedRulesTool").url,
                arguments: [rules.path, output.path] + files,
                inputFiles: files.map { rules.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }
}
