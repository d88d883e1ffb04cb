import Foundation

/// A program started in the background, with its output going to files so that it can never stall on a pipe.
///
/// For tests that run several processes at once, or kill one part-way through.
public final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    private let outPath: String
    private let errPath: String

    /// Starts `executable ARGS…` with the test environment of ``AssayProcess`` (no colour, `USER=tester`).
    public init(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws {
        let folder = FileManager.default.temporaryDirectory.path + "/assay-child-" + UUID().uuidString
        outPath = folder + ".out"
        errPath = folder + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["USER"] = "tester"
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }

    /// Runs a program to its end, such as `openssl` or `python3` making test inputs.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> RunResult
    {
        try ChildProcess(executable, arguments, environment: environment).wait()
    }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    /// Whether it is still running.
    public var isRunning: Bool { process.isRunning }

    /// Sends a signal, such as `SIGKILL`.
    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the process to end and returns its status and output (status 128+N when killed by signal N).
    public func wait() -> RunResult {
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal
        return RunResult(
            exitCode: killed ? 128 + process.terminationStatus : process.terminationStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        )
    }
}
