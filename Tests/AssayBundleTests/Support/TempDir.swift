import Foundation

/// A temporary folder removed when the value is released, with helpers to populate it and run tools in it.
final class TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "assay-bundle-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a file (creating folders), optionally executable.
    @discardableResult
    func write(_ relative: String, _ content: String, executable: Bool = false) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: full) }
        return full
    }

    /// Runs a tool found on PATH in this folder; throws when it exits non-zero.
    func run(_ tool: String, _ arguments: String...) throws {
        try run(tool, arguments: arguments)
    }

    /// Runs a tool with an argument array; throws when it exits non-zero.
    func run(_ tool: String, arguments: [String]) throws {
        let (status, _) = try capture(tool, arguments: arguments)
        guard status == 0 else { throw ToolFailed(tool: tool, status: status) }
    }

    /// Runs a tool and returns its exit status and standard output (standard error is discarded).
    func capture(_ tool: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: path)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    struct ToolFailed: Error, CustomStringConvertible {
        let tool: String
        let status: Int32
        var description: String { "\(tool) exited with status \(status)" }
    }
}
