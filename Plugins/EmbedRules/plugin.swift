import Foundation
import PackagePlugin

/// Embeds the shipped rule set (`Rules/`, without `Rules/proposals/`) into the library, so
/// `tvpa` works from any directory without `--rules`; with them, their compiled image.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let files = try FileManager.default.subpathsOfDirectory(atPath: rules.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("proposals/") }
            .sorted()
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        // The rules compiled ahead of time (scripts/compile-rules), used when made from these files.
        let image = context.package.directoryURL.appending(path: "Sources/TVPARules/Embedded/rules.image")
        let hasImage = FileManager.default.fileExists(atPath: image.path)
        return [
            .buildCommand(
                displayName: "Embedding Rules/ (\(files.count) files)",
                executable: try context.tool(named: "EmbedRulesTool").url,
                arguments: ["--image", image.path, rules.path, output.path] + files,
                inputFiles: files.map { rules.appending(path: $0) } + (hasImage ? [image] : []),
                outputFiles: [output]
            )
        ]
    }
}
